//! The `coroner` command line: the binary edge, where errors get context
//! and become exit codes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context as _, Result};
use clap::{Parser, Subcommand};

use chrono::{DateTime, Utc};
use coroner::analyze::rules::Catalogue;
use coroner::analyze::{self, detectors, Analysis, Verdict};
use coroner::collect::docker::{self as live, Endpoint, Progress, Request, Scope, Summary};
use coroner::collect::probe::{self, ProbeOptions};
use coroner::collect::{bundle, prometheus};
use coroner::evidence::time::{parse_any, parse_rfc3339, AssumedZone};
use coroner::evidence::{monitoring, redact};
use coroner::evidence::{Evidence, ProbeResult, Window};
use coroner::report::{self, sanitize, Format};

#[path = "cli/rules.rs"]
mod rule_commands;

/// Exit codes, documented in README.md.
pub(crate) mod exit {
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
    /// Investigate the local Docker engine (or an evidence bundle with
    /// --bundle) and write the report.
    Investigate(Box<InvestigateArgs>),
    /// Save the evidence from the Docker engine as a bundle directory, to
    /// investigate later or elsewhere with `investigate --bundle`.
    Collect(CollectArgs),
    /// List the detectors, one line each.
    Detectors,
    /// Print what a detector, a kind of failure or a rule looks for and how to fix it.
    Explain {
        /// A detector id (`coroner detectors`), a kind, or a rule id (`coroner rules`).
        id: String,
        /// Also load the rule files of this directory (repeatable).
        #[arg(long = "rules", value_name = "DIR")]
        rules: Vec<PathBuf>,
    },
    /// List the rule catalogue (id, kind, severity, family), or check rule files.
    Rules {
        /// Check these rule files or directories instead: syntax, kinds,
        /// needles, placeholders, and every example and counterexample.
        #[arg(long, value_name = "PATH", num_args = 1..)]
        check: Vec<PathBuf>,
        /// Also load the rule files of this directory (repeatable).
        #[arg(long = "rules", value_name = "DIR")]
        rules: Vec<PathBuf>,
    },
}

/// What to collect from the engine.
#[derive(clap::Args)]
struct LiveArgs {
    /// Only this compose project (label com.docker.compose.project).
    #[arg(long)]
    project: Option<String>,
    /// Only this compose service or container name; repeat for several.
    #[arg(long = "service", value_name = "NAME")]
    services: Vec<String>,
    /// Keep at most this many of the newest log bytes per container
    /// (`16MiB`, `512KiB`, `1000000`). Default: 16MiB.
    #[arg(long, value_parser = parse_byte_size)]
    max_log_bytes: Option<u64>,
}

#[derive(clap::Args)]
struct CollectArgs {
    /// The bundle directory to create; it must not exist or be empty.
    #[arg(long)]
    out: PathBuf,
    #[command(flatten)]
    live: LiveArgs,
    /// Start of the window: RFC 3339, or a duration back from now (`24h`, `90m`). Default: 24h.
    #[arg(long)]
    since: Option<String>,
    /// End of the window: RFC 3339, or a duration back from now. Default: now.
    #[arg(long)]
    until: Option<String>,
    /// Zone for --since/--until times written without one.
    #[arg(long, default_value = "UTC")]
    tz: String,
}

#[derive(clap::Args)]
struct InvestigateArgs {
    /// The evidence bundle directory (docs/bundle-format.md). Without it,
    /// the local engine (or DOCKER_HOST) is investigated live.
    #[arg(long, conflicts_with_all = ["project", "services", "max_log_bytes", "keep_bundle"])]
    bundle: Option<PathBuf>,
    #[command(flatten)]
    live: LiveArgs,
    /// Live only: also keep the collected evidence as a bundle in this directory.
    #[arg(long, value_name = "DIR")]
    keep_bundle: Option<PathBuf>,
    /// Report format; defaults to the output file's extension, else md.
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Where to write: a file, a directory, or - for standard output.
    /// Default: reports/<date>-<slug>.<ext>.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Only consider evidence from this time on: RFC 3339, `YYYY-MM-DD
    /// HH:MM:SS`, or a duration back from now (`24h`, `90m`). Live default: 24h.
    #[arg(long)]
    since: Option<String>,
    /// Only consider evidence up to this time.
    #[arg(long)]
    until: Option<String>,
    /// Zone for timestamps that carry none: `UTC`, `+02:00`, `-0500`.
    #[arg(long, default_value = "UTC")]
    tz: String,
    /// Also load the rule files (`*.toml`, docs/rules.md) of this directory;
    /// repeatable. A file named like a built-in one replaces it.
    #[arg(long = "rules", value_name = "DIR")]
    rules: Vec<PathBuf>,
    /// Probe this URL now (5 tries, backoff) and save the answers in the bundle. Repeatable.
    #[arg(long, value_name = "URL")]
    probe: Vec<String>,
    /// Fetch a monitoring history from this Prometheus (e.g. http://127.0.0.1:9090).
    #[arg(long, value_name = "URL", requires = "prometheus_query")]
    prometheus: Option<String>,
    /// The PromQL query for --prometheus, e.g. `probe_success` (1 = success, 0 = failure).
    #[arg(long, value_name = "QUERY", requires = "prometheus")]
    prometheus_query: Option<String>,
    /// Resolution of the --prometheus query: each point counts as one check, so use the probe interval
    /// (`15s`, `1m`). Default: 15s, coarser when the window would exceed Prometheus's 11,000 points.
    #[arg(long, value_name = "STEP", requires = "prometheus")]
    prometheus_step: Option<String>,
    /// The availability target in percent.
    #[arg(long, value_name = "PERCENT", default_value_t = coroner::analyze::monitoring::DEFAULT_TARGET_PERCENT)]
    slo: f64,
    /// Name what a monitoring history checks when the file does not: `uptime.log=http://127.0.0.1:18080/`. Repeatable.
    #[arg(long, value_name = "FILE=URL")]
    monitor_target: Vec<String>,
    /// Also mask what this regular expression matches (its first group when
    /// it has one), in every input and output. Repeatable.
    #[arg(long = "redact", value_name = "PATTERN")]
    redact: Vec<String>,
    /// Do not mask secrets. Only for a report that stays private: it will
    /// hold every password and token found in the evidence.
    #[arg(long, conflicts_with = "redact")]
    no_redact: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!(
                "coroner: error: {}",
                sanitize::terminal_message(&format!("{e:#}"))
            );
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
        Command::Explain { id, rules } => {
            let catalogue = Catalogue::with_extra(&rules)?;
            print!("{}", rule_commands::explain(catalogue, &id)?);
            Ok(exit::HEALTHY)
        }
        Command::Rules { check, rules } => {
            if check.is_empty() {
                print!("{}", rule_commands::list(Catalogue::with_extra(&rules)?));
                Ok(exit::HEALTHY)
            } else {
                rule_commands::check(&check)
            }
        }
        Command::Investigate(args) => investigate(*args),
        Command::Collect(args) => collect(args),
    }
}

fn investigate(args: InvestigateArgs) -> Result<u8> {
    redact::configure(redact::Settings {
        extra_patterns: args.redact.clone(),
        disabled: args.no_redact,
    })?;
    if args.no_redact {
        eprintln!(
            "coroner: WARNING: --no-redact: secrets are NOT masked; the report will hold every password and token in the evidence. Do not share it."
        );
    }
    let zone = parse_zone(&args.tz)?;
    let catalogue = Catalogue::with_extra(&args.rules).context("--rules")?;
    let now = Utc::now();
    let (since, until) = parse_window(args.since.as_deref(), args.until.as_deref(), zone, now)?;
    if !(args.slo > 0.0 && args.slo <= 100.0) {
        bail!(
            "--slo {}: expected a percentage above 0 and at most 100",
            args.slo
        );
    }
    // A live investigation is a collection into a bundle, then the same
    // analysis `--bundle` runs on it.
    let mut engine_error = None;
    let mut _scratch = None;
    let (bundle_dir, window) = match &args.bundle {
        Some(dir) => (dir.clone(), Window { since, until }),
        None => {
            let target = match &args.keep_bundle {
                Some(dir) => dir.clone(),
                None => {
                    let scratch = tempfile::tempdir()
                        .context("cannot create a temporary directory for the evidence")?;
                    let target = scratch.path().join("bundle");
                    _scratch = Some(scratch);
                    target
                }
            };
            let request = live_request(&args.live, since, until, now)?;
            let summary = collect_live(&request, &target)?;
            if args.keep_bundle.is_some() {
                eprintln!("bundle: {}", summary.bundle.display());
            }
            engine_error = summary.engine_error;
            // The window was the collection's; bundle.json records it.
            (summary.bundle, Window::default())
        }
    };
    let unsaved_probes = run_probes(&bundle_dir, &args.probe)?;
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
        fetch_prometheus(&bundle_dir, url, query, step, &mut evidence)?;
    }
    let read_anything = evidence
        .inventory
        .recognised
        .iter()
        .any(|f| f.kind != "bundle metadata");
    let fetched = !evidence.probes.is_empty() || !evidence.monitoring.is_empty();
    if args.bundle.is_some() && !read_anything && !fetched {
        // Nothing read is nothing known: never a healthy verdict.
        bail!(
            "{}: no file coroner reads ({} ignored); docs/bundle-format.md lists what a bundle holds",
            bundle_dir.display(),
            evidence.inventory.ignored.len()
        );
    }

    for problem in &evidence.inventory.problems {
        eprintln!(
            "coroner: warning: {}",
            sanitize::terminal(&problem.to_string())
        );
    }
    let analysis = analyze::analyze_with(&evidence, catalogue);
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
    if let Some(e) = engine_error {
        // The report says what was missing; an empty host is not a healthy one.
        bail!("the report lacks everything from the Docker engine: {e}");
    }
    Ok(match analysis.verdict {
        Verdict::Healthy => exit::HEALTHY,
        _ => exit::PROBLEM_FOUND,
    })
}

fn collect(args: CollectArgs) -> Result<u8> {
    let zone = parse_zone(&args.tz)?;
    let now = Utc::now();
    let (since, until) = parse_window(args.since.as_deref(), args.until.as_deref(), zone, now)?;
    let request = live_request(&args.live, since, until, now)?;
    let summary = collect_live(&request, &args.out)?;
    eprintln!(
        "bundle: {} ({} containers, {} items not collected)",
        summary.bundle.display(),
        summary.containers,
        summary.not_collected.len()
    );
    if let Some(e) = summary.engine_error {
        bail!("nothing was collected from the Docker engine: {e}");
    }
    Ok(exit::HEALTHY)
}

/// The collection the live flags ask for; the window defaults to the last 24 hours.
fn live_request(
    live: &LiveArgs,
    since: Option<DateTime<Utc>>,
    until: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<Request> {
    let until = until.unwrap_or(now);
    let since = since.unwrap_or(until - chrono::Duration::hours(24));
    if since > until {
        bail!("--since is after --until");
    }
    Ok(Request {
        scope: Scope {
            project: live.project.clone(),
            services: live.services.clone(),
        },
        since,
        until,
        max_log_bytes: live.max_log_bytes.unwrap_or(Request::DEFAULT_MAX_LOG_BYTES),
        concurrency: Request::DEFAULT_CONCURRENCY,
        timeout: Request::DEFAULT_TIMEOUT,
    })
}

/// Collects from the engine `DOCKER_HOST` names into `target`, telling on
/// standard error what could not be collected.
fn collect_live(request: &Request, target: &Path) -> Result<Summary> {
    let endpoint = Endpoint::from_env();
    let summary = live::collect_bundle(&endpoint, request, target, &mut Progress::for_stderr())
        .with_context(|| format!("cannot collect into {}", target.display()))?;
    for gap in &summary.not_collected {
        eprintln!(
            "coroner: not collected: {}: {}",
            sanitize::terminal(&gap.what),
            sanitize::terminal(&gap.why)
        );
    }
    Ok(summary)
}

fn parse_zone(tz: &str) -> Result<AssumedZone> {
    AssumedZone::parse(tz)
        .with_context(|| format!("--tz {tz:?}: expected UTC or an offset such as +02:00"))
}

/// Probes each URL now and saves the answers into the bundle. Answers that
/// cannot be saved are returned, to be added to the evidence as they are.
fn run_probes(bundle: &Path, urls: &[String]) -> Result<Vec<ProbeResult>> {
    let mut unsaved = Vec::new();
    for url in urls {
        let started = chrono::Utc::now();
        let mut results = probe::probe(url, &ProbeOptions::default())?;
        if let Some(last) = results.last() {
            eprintln!(
                "probe: {} answers {}",
                sanitize::terminal(&last.url),
                sanitize::terminal(&last.answer)
            );
        }
        if let Err(e) = probe::save(bundle, &mut results, started) {
            eprintln!(
                "coroner: warning: cannot save the probes of {url} in {}: {e}",
                bundle.display()
            );
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
        eprintln!(
            "coroner: warning: cannot save the Prometheus answer in {}: {e}",
            bundle.display()
        );
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

/// One end of the window; `None` is open.
type Bound = Option<DateTime<Utc>>;

/// `--since` and `--until`, which must not run backwards.
fn parse_window(
    since: Option<&str>,
    until: Option<&str>,
    zone: AssumedZone,
    now: DateTime<Utc>,
) -> Result<(Bound, Bound)> {
    let from = parse_time_arg("--since", since, zone, now)?;
    let to = parse_time_arg("--until", until, zone, now)?;
    if let (Some(from), Some(to)) = (from, to) {
        if from > to {
            bail!(
                "--since {} is after --until {}: the window would be empty",
                since.unwrap_or_default(),
                until.unwrap_or_default()
            );
        }
    }
    Ok((from, to))
}

fn parse_time_arg(
    flag: &str,
    value: Option<&str>,
    zone: AssumedZone,
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>> {
    value
        .map(|v| {
            // A duration too long to go back from now is an error, not a panic.
            parse_duration(v)
                .and_then(|d| now.checked_sub_signed(d))
                .or_else(|| parse_any(v, zone))
                .with_context(|| {
                    format!("{flag} {v:?}: expected RFC 3339, YYYY-MM-DD HH:MM:SS, or a duration such as 24h or 90m (at most some thousands of years)")
                })
        })
        .transpose()
}

/// `90s`, `90m`, `24h`, `7d`, or a combination such as `1h30m`.
fn parse_duration(text: &str) -> Option<chrono::Duration> {
    let mut total = chrono::Duration::zero();
    let mut digits = String::new();
    let mut any_unit = false;
    for c in text.trim().chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        let n: i64 = digits.parse().ok()?;
        digits.clear();
        let seconds_per_unit = match c {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86_400,
            _ => return None,
        };
        let part = n
            .checked_mul(seconds_per_unit)
            .and_then(chrono::Duration::try_seconds)?;
        total = total.checked_add(&part)?;
        any_unit = true;
    }
    (any_unit && digits.is_empty()).then_some(total)
}

/// `16MiB`, `512KiB`, `1G`, `1000000`: a byte count, binary multiples.
fn parse_byte_size(text: &str) -> std::result::Result<u64, String> {
    let t = text.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let number: u64 = number
        .parse()
        .map_err(|_| format!("{text:?} is not a size such as 16MiB or 1000000"))?;
    let multiplier: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        _ => {
            return Err(format!(
                "{text:?}: unknown unit {unit:?} (use KiB, MiB or GiB)"
            ))
        }
    };
    match number.checked_mul(multiplier) {
        Some(0) | None => Err(format!("{text:?} is not a usable size")),
        Some(bytes) => Ok(bytes),
    }
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
///
/// A symlink is followed, so the link survives. A destination that is not a
/// regular file (`/dev/null`, `/dev/stdout`, a FIFO) is written to, never
/// renamed over: replacing `/dev/null` with a file would break the host.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let resolved = std::fs::canonicalize(path).ok();
    let path = resolved.as_deref().unwrap_or(path);
    if let Ok(meta) = std::fs::metadata(path) {
        if !meta.is_file() {
            return std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .and_then(|mut f| f.write_all(bytes))
                .with_context(|| format!("cannot write {}", path.display()));
        }
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    // A report is meant to be shared: readable as any new file would be
    // (0644 less the umask), not 0600 as temporary files are.
    let mut tmp = tempfile::Builder::new()
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644))
        .tempfile_in(dir)
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
            top.finding.kind,
            sanitize::terminal(&top.finding.service),
            sanitize::terminal(&top.finding.title)
        );
    }
    if let Some(path) = path {
        eprintln!(
            "report: {}",
            sanitize::terminal(&path.display().to_string())
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_flags_take_durations_back_from_now_or_timestamps() {
        let now = parse_any("2026-11-27T18:00:00Z", AssumedZone::default()).unwrap();
        let zone = AssumedZone::default();
        let at = |v| {
            parse_time_arg("--since", Some(v), zone, now)
                .unwrap()
                .unwrap()
        };
        assert_eq!(at("24h"), now - chrono::Duration::hours(24));
        assert_eq!(at("90m"), now - chrono::Duration::minutes(90));
        assert_eq!(at("1h30m"), now - chrono::Duration::minutes(90));
        assert_eq!(
            at("2026-11-27T17:24:21Z"),
            parse_any("2026-11-27T17:24:21Z", zone).unwrap()
        );
        let err = parse_time_arg("--since", Some("yesterday"), zone, now).unwrap_err();
        assert!(err.to_string().contains("--since \"yesterday\""), "{err}");
        assert!(parse_duration("h").is_none());
        assert!(parse_duration("10").is_none());
    }

    #[test]
    fn sizes_take_binary_units() {
        assert_eq!(parse_byte_size("16MiB"), Ok(16 * 1024 * 1024));
        assert_eq!(parse_byte_size("512k"), Ok(512 * 1024));
        assert_eq!(parse_byte_size("1000"), Ok(1000));
        assert!(parse_byte_size("0").is_err());
        assert!(parse_byte_size("12 parsecs").is_err());
    }

    #[test]
    fn the_live_window_defaults_to_the_last_day() {
        let live = LiveArgs {
            project: Some("shop".into()),
            services: vec![],
            max_log_bytes: None,
        };
        let now = Utc::now();
        let request = live_request(&live, None, None, now).unwrap();
        assert_eq!(request.until, now);
        assert_eq!(request.since, now - chrono::Duration::hours(24));
        assert_eq!(request.max_log_bytes, Request::DEFAULT_MAX_LOG_BYTES);
        let backwards = live_request(
            &live,
            Some(now),
            Some(now - chrono::Duration::hours(1)),
            now,
        );
        assert!(backwards.is_err());
    }
}
