//! The `coroner` command line: the binary edge, where errors get context
//! and become exit codes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context as _, Result};
use clap::{Parser, Subcommand};

use coroner::analyze::{self, detectors, Analysis, Verdict};
use coroner::collect::bundle;
use coroner::evidence::time::{parse_any, AssumedZone};
use coroner::evidence::Window;
use coroner::report::{self, Format};

/// Exit codes, documented in README.md.
mod exit {
    /// The report was written and nothing is wrong.
    pub const HEALTHY: u8 = 0;
    /// The report was written and something is wrong (a root cause, a suspect, or unexplained symptoms).
    pub const PROBLEM_FOUND: u8 = 1;
    /// Usage or input error: no report was written.
    pub const USAGE_OR_INPUT: u8 = 2;
}

#[derive(Parser)]
#[command(
    name = "coroner",
    version,
    about = "Investigates incidents on Docker hosts and writes the post-incident report"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Investigate an evidence bundle and write the report.
    Investigate(InvestigateArgs),
    /// List the detectors, one line each.
    Detectors,
    /// Print a detector's documentation.
    Explain {
        /// A detector id, as `coroner detectors` lists them.
        id: String,
    },
}

#[derive(clap::Args)]
struct InvestigateArgs {
    /// The evidence bundle directory (docs/bundle-format.md).
    #[arg(long)]
    bundle: PathBuf,
    /// Report format; defaults to the output file's extension, else md.
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Where to write: a file, a directory, or - for standard output.
    /// Default: reports/<date>-<slug>.<ext>.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Only consider evidence from this time on (RFC 3339 or `YYYY-MM-DD HH:MM:SS`).
    #[arg(long)]
    since: Option<String>,
    /// Only consider evidence up to this time.
    #[arg(long)]
    until: Option<String>,
    /// Zone for timestamps that carry none: `UTC`, `+02:00`, `-0500`.
    #[arg(long, default_value = "UTC")]
    tz: String,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("coroner: error: {e:#}");
            ExitCode::from(exit::USAGE_OR_INPUT)
        }
    }
}

fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Detectors => {
            for d in detectors::all() {
                println!(
                    "{:<24} {:<8} {}",
                    d.id(),
                    format!("{:?}", d.role()).to_lowercase(),
                    d.summary()
                );
            }
            Ok(exit::HEALTHY)
        }
        Command::Explain { id } => {
            let Some(d) = detectors::by_id(&id) else {
                let known: Vec<&str> = detectors::all().iter().map(|d| d.id()).collect();
                bail!("no detector {id:?}; known detectors: {}", known.join(", "));
            };
            println!("{} ({})\n", d.id(), d.summary());
            for line in d.explain().lines() {
                println!("{}", line.strip_prefix(' ').unwrap_or(line));
            }
            Ok(exit::HEALTHY)
        }
        Command::Investigate(args) => investigate(args),
    }
}

fn investigate(args: InvestigateArgs) -> Result<u8> {
    let zone = AssumedZone::parse(&args.tz).with_context(|| {
        format!(
            "--tz {:?}: expected UTC or an offset such as +02:00",
            args.tz
        )
    })?;
    let window = Window {
        since: parse_time_arg("--since", args.since.as_deref(), zone)?,
        until: parse_time_arg("--until", args.until.as_deref(), zone)?,
    };
    let evidence = bundle::load(&args.bundle, zone, window)
        .with_context(|| format!("cannot investigate {}", args.bundle.display()))?;
    for problem in &evidence.inventory.problems {
        eprintln!("coroner: warning: {problem}");
    }
    let analysis = analyze::analyze(&evidence);
    let format = args
        .format
        .or_else(|| args.output.as_deref().and_then(Format::from_path))
        .unwrap_or(Format::Md);
    let rendered = report::render(&analysis, format).context("cannot render the report")?;
    let destination = match args.output.as_deref() {
        Some(p) if p == Path::new("-") => None,
        Some(p) if p.is_dir() => Some(p.join(default_file_name(&analysis, format))),
        Some(p) => Some(p.to_path_buf()),
        None => Some(Path::new("reports").join(default_file_name(&analysis, format))),
    };
    match &destination {
        None => std::io::stdout()
            .write_all(rendered.as_bytes())
            .context("cannot write the report to standard output")?,
        Some(path) => write_atomically(path, rendered.as_bytes())?,
    }
    print_summary(&analysis, destination.as_deref());
    Ok(match analysis.verdict {
        Verdict::Healthy => exit::HEALTHY,
        _ => exit::PROBLEM_FOUND,
    })
}

fn parse_time_arg(
    flag: &str,
    value: Option<&str>,
    zone: AssumedZone,
) -> Result<Option<chrono::DateTime<chrono::Utc>>> {
    value
        .map(|v| {
            parse_any(v, zone)
                .with_context(|| format!("{flag} {v:?}: expected RFC 3339 or YYYY-MM-DD HH:MM:SS"))
        })
        .transpose()
}

/// `2026-11-27-mcp-api-missing-module.md`
fn default_file_name(analysis: &Analysis, format: Format) -> String {
    let slug = match analysis.root_causes.first() {
        Some(top) => format!("{}-{}", top.finding.service, top.finding.kind),
        None => format!("{:?}", analysis.verdict).to_lowercase(),
    };
    let slug: String = slug
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let slug = slug
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    format!("{}-{slug}.{}", analysis.about.date, format.extension())
}

/// Writes through a temporary file in the same directory and renames it
/// into place, so a reader never sees a half-written report.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .with_context(|| format!("cannot write {}", path.display()))?;
    tmp.persist(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

fn print_summary(analysis: &Analysis, path: Option<&Path>) {
    let verdict = serde_json::to_value(analysis.verdict)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    eprintln!("verdict: {verdict}");
    if let Some(top) = analysis.root_causes.first() {
        eprintln!(
            "root cause: [{}] {}: {}",
            top.finding.kind, top.finding.service, top.finding.title
        );
    }
    if let Some(path) = path {
        eprintln!("report: {}", path.display());
    }
}
