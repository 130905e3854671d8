//! `coroner compare BEFORE AFTER`: two investigations of the same host set
//! side by side, each side a bundle analysed now or a JSON report written
//! earlier; and the reading of `investigate --baseline REPORT.json`.

use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context as _, Result};
use coroner::analyze::compare::{self, Comparison, Side};
use coroner::analyze::rules::Catalogue;
use coroner::analyze::{self, Verdict};
use coroner::collect::bundle;
use coroner::evidence::{lines, Window};
use coroner::report::{self, Format};

use super::args::parse_zone;
use super::exit;
use super::investigate::ensure_something_read;
use super::output::{destination, write_report};
use super::terminal::Terminal;

/// A JSON report bigger than this is refused before it is read: the
/// reports coroner writes are bounded far below it.
const MAX_REPORT_BYTES: u64 = 64 * 1024 * 1024;

#[derive(clap::Args)]
pub struct CompareArgs {
    /// Before: a bundle directory (analysed now) or a JSON report written
    /// by `coroner investigate --format json`.
    pub before: PathBuf,
    /// After: a bundle directory or a JSON report, like BEFORE.
    pub after: PathBuf,
    /// Report format; defaults to the output file's extension, else md.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Where to write: a file, a directory, or - for standard output.
    /// Default: reports/<date>-before-and-after.<ext>.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Bundles: zone for timestamps that carry none: `UTC`, `+02:00`, `-0500`.
    #[arg(long, default_value = "UTC")]
    pub tz: String,
    /// Bundles: the availability target in percent.
    #[arg(long, value_name = "PERCENT", default_value_t = analyze::monitoring::DEFAULT_TARGET_PERCENT)]
    pub slo: f64,
    /// Bundles: also load the rule files of this directory (repeatable).
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,
}

/// Writes the comparison; exit 0 when the after side is healthy, else 1.
pub fn compare(args: CompareArgs, terminal: &Terminal) -> Result<u8> {
    if !(args.slo > 0.0 && args.slo <= 100.0) {
        bail!(
            "--slo {}: expected a percentage above 0 and at most 100",
            args.slo
        );
    }
    let before = side(&args.before, &args, terminal)?;
    let after = side(&args.after, &args, terminal)?;
    let comparison = compare::compare(&before, &after);
    let format = args
        .format
        .or_else(|| args.output.as_deref().and_then(Format::from_path))
        .unwrap_or(Format::Md);
    let rendered =
        report::render_comparison(&comparison, format).context("cannot render the comparison")?;
    let name = default_file_name(&comparison, format);
    let destination = destination(args.output.as_deref(), &name);
    write_report(destination.as_deref(), &rendered)?;
    summary(&comparison, terminal);
    if let Some(path) = destination {
        terminal.note("report", &path.display().to_string());
    }
    Ok(if comparison.after.verdict == Verdict::Healthy {
        exit::OK
    } else {
        exit::PROBLEM_FOUND
    })
}

/// One side: a directory is a bundle, analysed now; a file is a JSON report.
fn side(path: &Path, args: &CompareArgs, terminal: &Terminal) -> Result<Side> {
    if !path.exists() {
        bail!(
            "{}: no such bundle directory or JSON report",
            path.display()
        );
    }
    if !path.is_dir() {
        return read_report(path);
    }
    let zone = parse_zone(&args.tz)?;
    let catalogue = Catalogue::with_extra(&args.rules).context("--rules")?;
    let mut evidence = bundle::load(path, zone, Window::default())
        .with_context(|| format!("cannot read the bundle {}", path.display()))?;
    evidence.availability_target = Some(args.slo);
    ensure_something_read(&evidence, path)?;
    for problem in &evidence.inventory.problems {
        terminal.warn(&problem.to_string());
    }
    let analysis = analyze::analyze_with(&evidence, catalogue);
    Ok(Side::from_analysis(&analysis, path.display().to_string()))
}

/// A JSON report written by coroner, as one side of a comparison.
pub fn read_report(path: &Path) -> Result<Side> {
    let shown = path.display().to_string();
    let text = lines::read_capped(path, MAX_REPORT_BYTES).map_err(|e| anyhow!("{shown}: {e}"))?;
    Ok(Side::from_report(&text, &shown)?)
}

/// Sets the analysis just made against the report `--baseline` named.
pub fn baseline(baseline: &Side, analysis: &analyze::Analysis, source: &str) -> Comparison {
    compare::compare(baseline, &Side::from_analysis(analysis, source))
}

/// What changed, on the terminal.
pub fn summary(comparison: &Comparison, terminal: &Terminal) {
    terminal.note(
        "before",
        &format!(
            "{} ({})",
            comparison.before.verdict.as_str(),
            comparison.before.source
        ),
    );
    terminal.note(
        "after",
        &format!(
            "{} ({})",
            comparison.after.verdict.as_str(),
            comparison.after.source
        ),
    );
    let c = &comparison.counts;
    terminal.note(
        "findings",
        &format!(
            "{} resolved, {} still present, {} new",
            c.resolved, c.still_present, c.new
        ),
    );
}

/// `2026-12-01-before-and-after.md`, dated by the end of the after side.
fn default_file_name(comparison: &Comparison, format: Format) -> String {
    let date = comparison
        .after
        .until
        .as_deref()
        .and_then(|u| u.get(..10))
        .filter(|d| d.bytes().all(|b| b.is_ascii_digit() || b == b'-'))
        .unwrap_or("undated");
    format!("{date}-before-and-after.{}", format.extension())
}
