//! `coroner collect`, and the live collection `investigate` runs when it
//! is given no bundle: what to collect, from which engine, into where.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _, Result};
use chrono::{DateTime, Utc};
use coroner::collect::docker::{self as live, Endpoint, Progress, Request, Scope, Summary};

use super::args::{parse_byte_size, parse_window, parse_zone};
use super::exit;
use super::terminal::Terminal;

/// What to collect from the engine.
#[derive(clap::Args)]
pub struct LiveArgs {
    /// Only this compose project (label com.docker.compose.project).
    #[arg(long)]
    pub project: Option<String>,
    /// Only this compose service or container name; repeat for several.
    #[arg(long = "service", value_name = "NAME")]
    pub services: Vec<String>,
    /// Keep at most this many of the newest log bytes per container
    /// (`16MiB`, `512KiB`, `1000000`). Default: 16MiB.
    #[arg(long, value_parser = parse_byte_size)]
    pub max_log_bytes: Option<u64>,
}

#[derive(clap::Args)]
pub struct CollectArgs {
    /// The bundle directory to create; it must not exist or be empty.
    #[arg(long)]
    pub out: PathBuf,
    #[command(flatten)]
    pub live: LiveArgs,
    /// Start of the window: RFC 3339, or a duration back from now (`24h`, `90m`). Default: 24h.
    #[arg(long)]
    pub since: Option<String>,
    /// End of the window: RFC 3339, or a duration back from now. Default: now.
    #[arg(long)]
    pub until: Option<String>,
    /// Zone for --since/--until times written without one.
    #[arg(long, default_value = "UTC")]
    pub tz: String,
}

pub fn collect(args: CollectArgs, terminal: &Terminal) -> Result<u8> {
    let zone = parse_zone(&args.tz)?;
    let now = Utc::now();
    let (since, until) = parse_window(args.since.as_deref(), args.until.as_deref(), zone, now)?;
    let request = live_request(&args.live, since, until, now)?;
    let summary = collect_live(&request, &args.out, terminal)?;
    terminal.note(
        "bundle",
        &format!(
            "{} ({} containers, {} items not collected)",
            summary.bundle.display(),
            summary.containers,
            summary.not_collected.len()
        ),
    );
    if let Some(e) = summary.engine_error {
        bail!("nothing was collected from the Docker engine: {e}");
    }
    Ok(exit::OK)
}

/// The collection the live flags ask for; the window defaults to the last 24 hours.
pub fn live_request(
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
pub fn collect_live(request: &Request, target: &Path, terminal: &Terminal) -> Result<Summary> {
    let endpoint = Endpoint::from_env();
    let mut progress = if terminal.is_quiet() {
        Progress::silent()
    } else {
        Progress::for_stderr()
    };
    let summary = live::collect_bundle(&endpoint, request, target, &mut progress)
        .with_context(|| format!("cannot collect into {}", target.display()))?;
    for gap in &summary.not_collected {
        terminal.note(
            "coroner: not collected",
            &format!("{}: {}", gap.what, gap.why),
        );
    }
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

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
