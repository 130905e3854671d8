//! `coroner investigate`: a bundle (or a live collection into one) read,
//! analysed and written as a report, then the verdict told and turned into
//! the exit code.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _, Result};
use chrono::Utc;
use coroner::analyze;
use coroner::analyze::rules::Catalogue;
use coroner::collect::probe::{self, ProbeOptions};
use coroner::collect::{bundle, prometheus};
use coroner::evidence::time::{parse_rfc3339, AssumedZone};
use coroner::evidence::{monitoring, redact};
use coroner::evidence::{Evidence, ProbeResult, Window};
use coroner::report::{self, Format};

use super::args::{parse_zone, WindowArgs};
use super::ci::{self, Ci, CiArgs};
use super::collect::{collect_live, live_request, LiveArgs};
use super::compare;
use super::docs;
use super::exit::{self, FailOn};
use super::output::{default_file_name, destination};
use super::terminal::Terminal;

#[derive(clap::Args)]
pub struct InvestigateArgs {
    /// The evidence bundle directory (docs/bundle-format.md). Without it,
    /// the local engine (or DOCKER_HOST) is investigated live.
    #[arg(long, conflicts_with_all = ["project", "services", "max_log_bytes", "keep_bundle", "hosts", "contexts", "engine_addresses"])]
    pub bundle: Option<PathBuf>,
    #[command(flatten)]
    pub live: LiveArgs,
    /// Live only: also keep the collected evidence as a bundle in this directory.
    #[arg(long, value_name = "DIR")]
    pub keep_bundle: Option<PathBuf>,
    /// Report format; defaults to the output file's extension, else md.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Where to write: a file, a directory, or - for standard output.
    /// Default: reports/<date>-<slug>.<ext>.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub window: WindowArgs,
    /// Zone for timestamps that carry none: `UTC`, `+02:00`, `-0500`.
    #[arg(long, default_value = "UTC")]
    pub tz: String,
    /// Also load the rule files (`*.toml`, docs/rules.md) of this directory;
    /// repeatable. A file named like a built-in one replaces it.
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,
    /// Probe this URL now (5 tries, backoff) and save the answers in the bundle. Repeatable.
    #[arg(long, value_name = "URL")]
    pub probe: Vec<String>,
    /// Fetch a monitoring history from this Prometheus (e.g. http://127.0.0.1:9090).
    #[arg(long, value_name = "URL", requires = "prometheus_query")]
    pub prometheus: Option<String>,
    /// The PromQL query for --prometheus, e.g. `probe_success` (1 = success, 0 = failure).
    #[arg(long, value_name = "QUERY", requires = "prometheus")]
    pub prometheus_query: Option<String>,
    /// Resolution of the --prometheus query: each point counts as one check, so use the probe interval
    /// (`15s`, `1m`). Default: 15s, coarser when the window would exceed Prometheus's 11,000 points.
    #[arg(long, value_name = "STEP", requires = "prometheus")]
    pub prometheus_step: Option<String>,
    /// The availability target in percent.
    #[arg(long, value_name = "PERCENT", default_value_t = coroner::analyze::monitoring::DEFAULT_TARGET_PERCENT)]
    pub slo: f64,
    /// Name what a monitoring history checks when the file does not: `uptime.log=http://127.0.0.1:18080/`. Repeatable.
    #[arg(long, value_name = "FILE=URL")]
    pub monitor_target: Vec<String>,
    /// Also mask what this regular expression matches (its first group when
    /// it has one), in every input and output. Repeatable.
    #[arg(long = "redact", value_name = "PATTERN")]
    pub redact: Vec<String>,
    /// Do not mask secrets. Only for a report that stays private: it will
    /// hold every password and token found in the evidence.
    #[arg(long, conflicts_with = "redact")]
    pub no_redact: bool,
    /// Set this investigation against an earlier one: a JSON report written
    /// by `coroner investigate --format json`. Adds a "Before and after" section.
    #[arg(long, value_name = "REPORT.json")]
    pub baseline: Option<PathBuf>,
    /// Write the report into this directory of incident reports (e.g.
    /// docs/incidents) as <date>-<slug>.md with YAML front matter, note the
    /// root causes earlier reports there had, and refresh its README.md (or
    /// index.md) table.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["output", "format"])]
    pub docs: Option<PathBuf>,
    /// Exit 1 from this finding on (README.md, "Exit codes"): never,
    /// inconclusive (any verdict but healthy), symptom, suspected, cause.
    #[arg(long, value_enum, value_name = "LEVEL", default_value_t)]
    pub fail_on: FailOn,
    #[command(flatten)]
    pub ci: CiArgs,
}

pub fn investigate(args: InvestigateArgs, terminal: &Terminal) -> Result<u8> {
    let ci = Ci::start(&args.ci, *terminal);
    let terminal = &ci.terminal;
    redact::configure(redact::Settings {
        extra_patterns: args.redact.clone(),
        disabled: args.no_redact,
    })?;
    if args.no_redact {
        terminal.warn_always(
            "--no-redact: secrets are NOT masked; the report will hold every password and token in the evidence. Do not share it.",
        );
    }
    let zone = parse_zone(&args.tz)?;
    let catalogue = Catalogue::with_extra(&args.rules).context("--rules")?;
    if !(args.slo > 0.0 && args.slo <= 100.0) {
        bail!(
            "--slo {}: expected a percentage above 0 and at most 100",
            args.slo
        );
    }
    // A baseline that cannot be read stops here, before anything is collected.
    let baseline = match &args.baseline {
        Some(path) if path.is_dir() => bail!(
            "--baseline {}: a directory; --baseline takes a JSON report (`coroner compare` sets two bundles side by side)",
            path.display()
        ),
        Some(path) => Some(compare::read_report(path).context("--baseline")?),
        None => None,
    };
    let gathered = gather(&args, zone, terminal)?;
    let evidence = &gathered.evidence;
    for problem in &evidence.inventory.problems {
        terminal.warn(&problem.to_string());
    }
    let mut analysis = analyze::analyze_with(evidence, catalogue);
    if let Some(baseline) = &baseline {
        let source = match &args.bundle {
            Some(dir) => dir.display().to_string(),
            None => "the Docker engine, live".to_string(),
        };
        analysis.comparison = Some(compare::baseline(baseline, &analysis, &source));
    }
    // With --docs the report joins the directory: its name, its front
    // matter and what earlier reports there it recurs from.
    let incident = match &args.docs {
        Some(dir) => Some(docs::prepare(dir, &mut analysis, terminal)?),
        None => None,
    };
    let format = args
        .format
        .or_else(|| args.output.as_deref().and_then(Format::from_path))
        .unwrap_or(Format::Md);
    let (rendered, destination) = match &incident {
        Some(incident) => (incident.text.clone(), Some(incident.path.clone())),
        None => (
            report::render(&analysis, format).context("cannot render the report")?,
            destination(
                args.output.as_deref(),
                &default_file_name(&analysis, format),
            ),
        ),
    };
    let incomplete = gathered
        .engine_error
        .as_ref()
        .map(|e| format!("the report lacks everything from {e}"));
    // The report says what was missing; an empty host is not a healthy one.
    let code = match incomplete {
        Some(_) => exit::USAGE_OR_INPUT,
        None => args.fail_on.code(&analysis),
    };
    let report = ci::Report {
        format,
        rendered: &rendered,
        destination: destination.as_deref(),
    };
    ci.write(&analysis, &report, code, incomplete.as_deref())?;
    if let Some(incident) = &incident {
        incident.write_index(terminal)?;
    }
    terminal.summary(&analysis, destination.as_deref());
    if let Some(comparison) = &analysis.comparison {
        compare::summary(comparison, terminal);
    }
    if let Some(why) = incomplete {
        bail!(why);
    }
    Ok(code)
}

/// The evidence of an investigation, and what it could not get.
struct Gathered {
    evidence: Evidence,
    /// Why nothing came from an engine, for a live investigation.
    engine_error: Option<String>,
    /// The temporary bundle of a live investigation, removed when dropped.
    _scratch: Option<tempfile::TempDir>,
}

/// Reads the bundle, or collects one live first (the same analysis then
/// runs on both), and adds what is fetched now: probes, Prometheus.
fn gather(args: &InvestigateArgs, zone: AssumedZone, terminal: &Terminal) -> Result<Gathered> {
    let now = Utc::now();
    let (since, until) = args.window.parse(zone, now)?;
    let mut engine_error = None;
    let mut scratch = None;
    let (bundle_dir, window) = match &args.bundle {
        Some(dir) => (dir.clone(), Window { since, until }),
        None => {
            let target = match &args.keep_bundle {
                Some(dir) => dir.clone(),
                None => {
                    let dir = tempfile::tempdir()
                        .context("cannot create a temporary directory for the evidence")?;
                    let target = dir.path().join("bundle");
                    scratch = Some(dir);
                    target
                }
            };
            let request = live_request(&args.live, since, until, now)?;
            let summary = collect_live(&args.live, &request, &target, terminal)?;
            if args.keep_bundle.is_some() {
                terminal.note("bundle", &summary.bundle.display().to_string());
            }
            engine_error = summary.engine_error;
            // The window was the collection's; bundle.json records it.
            (summary.bundle, Window::default())
        }
    };
    let unsaved_probes = run_probes(&bundle_dir, &args.probe, terminal)?;
    let mut evidence = bundle::load(&bundle_dir, zone, window)
        .with_context(|| format!("cannot investigate {}", bundle_dir.display()))?;
    evidence.probes.extend(unsaved_probes);
    evidence.availability_target = Some(args.slo);
    for assignment in &args.monitor_target {
        let Some((file, url)) = assignment.split_once('=') else {
            bail!("--monitor-target {assignment:?}: expected FILE=URL");
        };
        if monitoring::set_target(&mut evidence.monitoring, file, url) == 0 {
            let known: Vec<&str> = evidence
                .monitoring
                .iter()
                .map(|s| s.source.as_str())
                .collect();
            bail!(
                "--monitor-target {assignment:?}: no monitoring history {file:?} in the bundle (read: {})",
                if known.is_empty() { "none".to_string() } else { known.join(", ") }
            );
        }
    }
    if let (Some(url), Some(query)) = (&args.prometheus, &args.prometheus_query) {
        let step = args
            .prometheus_step
            .as_deref()
            .map(|s| {
                prometheus::parse_step(s).with_context(|| {
                    format!("--prometheus-step {s:?}: expected e.g. 15s, 1m or 60")
                })
            })
            .transpose()?;
        fetch_prometheus(&bundle_dir, url, query, step, &mut evidence, terminal)?;
    }
    if args.bundle.is_some() {
        ensure_something_read(&evidence, &bundle_dir)?;
    }
    Ok(Gathered {
        evidence,
        engine_error,
        _scratch: scratch,
    })
}

/// Refuses a bundle of which nothing was read or fetched: nothing known is
/// never a healthy verdict.
pub fn ensure_something_read(evidence: &Evidence, bundle_dir: &Path) -> Result<()> {
    let read_anything = evidence
        .inventory
        .recognised
        .iter()
        .any(|f| f.kind != "bundle metadata");
    let fetched = !evidence.probes.is_empty() || !evidence.monitoring.is_empty();
    if !read_anything && !fetched {
        bail!(
            "{}: no file coroner reads ({} ignored); docs/bundle-format.md lists what a bundle holds",
            bundle_dir.display(),
            evidence.inventory.ignored.len()
        );
    }
    Ok(())
}

/// Probes each URL now and saves the answers into the bundle. Answers that
/// cannot be saved are returned, to be added to the evidence as they are.
fn run_probes(bundle: &Path, urls: &[String], terminal: &Terminal) -> Result<Vec<ProbeResult>> {
    let mut unsaved = Vec::new();
    for url in urls {
        let started = chrono::Utc::now();
        let mut results = probe::probe(url, &ProbeOptions::default())?;
        if let Some(last) = results.last() {
            terminal.note("probe", &format!("{} answers {}", last.url, last.answer));
        }
        if let Err(e) = probe::save(bundle, &mut results, started) {
            terminal.warn(&format!(
                "cannot save the probes of {url} in {}: {e}",
                bundle.display()
            ));
            for r in &mut results {
                r.source = "live probe (not saved)".into();
            }
            unsaved.extend(results);
        }
    }
    Ok(unsaved)
}

/// Fetches the window from Prometheus, saves the answer into the bundle
/// and reads it as a saved answer would be read.
fn fetch_prometheus(
    bundle: &Path,
    url: &str,
    query: &str,
    step: Option<std::time::Duration>,
    evidence: &mut Evidence,
    terminal: &Terminal,
) -> Result<()> {
    let meta = evidence.meta.window.clone().unwrap_or_default();
    let meta_time = |t: Option<&String>| t.and_then(|t| parse_rfc3339(t));
    let until = evidence
        .window
        .until
        .or_else(|| meta_time(meta.until.as_ref()))
        .unwrap_or_else(chrono::Utc::now);
    let since = evidence
        .window
        .since
        .or_else(|| meta_time(meta.since.as_ref()))
        .unwrap_or(until - chrono::Duration::hours(24));
    let step = step.unwrap_or_else(|| {
        prometheus::step_for(since, until).max(std::time::Duration::from_secs(15))
    });
    let body = prometheus::fetch(url, query, since, until, step)?;
    let display = prometheus::bundle_path(query);
    if let Err(e) = prometheus::save(bundle, query, &body) {
        terminal.warn(&format!(
            "cannot save the Prometheus answer in {}: {e}",
            bundle.display()
        ));
    }
    let series = monitoring::parse_prometheus(&body, &display, &mut evidence.inventory.problems)
        .map_err(|e| anyhow::anyhow!("Prometheus at {url}: {e}"))?;
    // A saved answer to the same query was read with the bundle: the live one replaces it.
    evidence.monitoring.retain(|s| s.source != display);
    if !series.is_empty() {
        evidence
            .inventory
            .gaps
            .retain(|g| g.what != "monitoring history");
    }
    evidence.monitoring.extend(series);
    Ok(())
}
