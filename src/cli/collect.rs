//! `coroner collect`, and the live collection `investigate` runs when it
//! is given no bundle: what to collect, from which engine, into where.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _, Result};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

use coroner::collect::docker::several::{collect_engines, EngineSpec, EngineSummary};
use coroner::collect::docker::{self as live, Endpoint, Progress, Request, Scope};
use coroner::evidence::Gap;

use super::args::{parse_byte_size, parse_zone, WindowArgs};
use super::context;
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
    /// The engine to investigate, `URL` or `NAME=URL` (`unix:///run/docker.sock`,
    /// `tcp://10.0.0.5:2375`); repeat for several engines, collected at once
    /// into one bundle. Default: DOCKER_HOST, else the local socket.
    #[arg(long = "host", value_name = "[NAME=]URL", value_parser = EngineSpec::parse)]
    pub hosts: Vec<EngineSpec>,
    /// An engine of the docker CLI's context store (`docker context ls`),
    /// named after the context; repeatable, and combines with --host.
    #[arg(long = "context", value_name = "NAME")]
    pub contexts: Vec<String>,
    /// The address other hosts reach what engine NAME publishes at, when its
    /// --host is a socket (a tcp:// host's address is known): lets a proxy on
    /// one engine be linked to the container of another it forwards to. Repeatable.
    #[arg(long = "engine-address", value_name = "NAME=IP", value_parser = parse_engine_address)]
    pub engine_addresses: Vec<(String, String)>,
}

fn parse_engine_address(text: &str) -> std::result::Result<(String, String), String> {
    match text.split_once('=') {
        Some((name, ip)) if !name.is_empty() && ip.parse::<std::net::IpAddr>().is_ok() => {
            Ok((name.to_string(), ip.to_string()))
        }
        _ => Err(format!(
            "{text:?}: expected NAME=IP, the engine's name and an IP address (e.g. b=10.0.0.5)"
        )),
    }
}

#[derive(clap::Args)]
pub struct CollectArgs {
    /// The bundle directory to create; it must not exist or be empty.
    #[arg(long)]
    pub out: PathBuf,
    #[command(flatten)]
    pub live: LiveArgs,
    #[command(flatten)]
    pub window: WindowArgs,
    /// Zone for --since/--until times written without one.
    #[arg(long, default_value = "UTC")]
    pub tz: String,
}

pub fn collect(args: CollectArgs, terminal: &Terminal) -> Result<u8> {
    let zone = parse_zone(&args.tz)?;
    let now = Utc::now();
    let (since, until) = args.window.parse(zone, now)?;
    let request = live_request(&args.live, since, until, now)?;
    let summary = collect_live(&args.live, &request, &args.out, terminal)?;
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
        bail!("nothing was collected from {e}");
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

/// What a live collection gave, from one engine or several.
pub struct Collected {
    pub bundle: PathBuf,
    pub containers: usize,
    /// Every gap, named after its engine when there are several.
    pub not_collected: Vec<Gap>,
    /// The first engine that could not be used at all, and why.
    pub engine_error: Option<String>,
}

/// The engines the live flags name: `--host`, then `--context`; none means
/// `DOCKER_HOST` (or the local socket).
fn engines(live: &LiveArgs) -> Result<Vec<EngineSpec>> {
    let mut engines = live.hosts.clone();
    for name in &live.contexts {
        engines.push(context::engine(name).with_context(|| format!("--context {name}"))?);
    }
    Ok(engines)
}

/// Collects from the engines the flags name into `target`, telling on
/// standard error what could not be collected. One engine gives the bundle
/// layout of one; several give `engines/<name>/`, collected at once.
pub fn collect_live(
    live: &LiveArgs,
    request: &Request,
    target: &Path,
    terminal: &Terminal,
) -> Result<Collected> {
    let engines = engines(live)?;
    let collected = match engines.as_slice() {
        [] | [_] => {
            let endpoint = engines
                .first()
                .map_or_else(Endpoint::from_env, |e| e.endpoint.clone());
            let mut progress = if terminal.is_quiet() {
                Progress::silent()
            } else {
                Progress::for_stderr()
            };
            let summary = live::collect_bundle(&endpoint, request, target, &mut progress)
                .with_context(|| format!("cannot collect into {}", target.display()))?;
            Collected {
                bundle: summary.bundle,
                containers: summary.containers,
                not_collected: summary.not_collected,
                engine_error: summary
                    .engine_error
                    .map(|e| format!("the Docker engine: {e}")),
            }
        }
        several => {
            let addresses: BTreeMap<String, String> =
                live.engine_addresses.iter().cloned().collect();
            let (bundle, summaries) =
                collect_engines(several, &addresses, request, target, terminal.is_quiet())
                    .with_context(|| format!("cannot collect into {}", target.display()))?;
            for name in addresses.keys() {
                if !summaries.iter().any(|s| &s.name == name) {
                    let names: Vec<&str> = summaries.iter().map(|s| s.name.as_str()).collect();
                    terminal.warn(&format!(
                        "--engine-address {name}=…: no engine is named {name} (engines: {})",
                        names.join(", ")
                    ));
                }
            }
            let mut collected = Collected {
                bundle,
                containers: 0,
                not_collected: Vec::new(),
                engine_error: None,
            };
            for EngineSummary { name, summary } in summaries {
                collected.containers += summary.containers;
                collected
                    .not_collected
                    .extend(summary.not_collected.into_iter().map(|g| Gap {
                        what: format!("engine {name}: {}", g.what),
                        why: g.why,
                    }));
                if let (None, Some(e)) = (&collected.engine_error, summary.engine_error) {
                    collected.engine_error = Some(format!("the Docker engine {name}: {e}"));
                }
            }
            collected
        }
    };
    if engines.len() < 2 && !live.engine_addresses.is_empty() {
        terminal.warn("--engine-address is for several engines (--host repeated); ignored");
    }
    for gap in &collected.not_collected {
        terminal.note(
            "coroner: not collected",
            &format!("{}: {}", gap.what, gap.why),
        );
    }
    Ok(collected)
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
            hosts: vec![],
            contexts: vec![],
            engine_addresses: vec![],
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
