//! The live collector: gathers evidence from a Docker engine through its API
//! (bollard, never the docker CLI) and writes it as an evidence bundle in
//! exactly the layout [`super::bundle`] reads.
//!
//! A live investigation is this collection into a temporary bundle followed
//! by the ordinary bundle analysis, so the two paths agree by construction.
//! What cannot be collected (an engine that does not answer, a container
//! removed mid-way, a log stream cut off, logs over the size cap) is recorded
//! in `bundle.json` under `not_collected` and the rest is still written. This
//! module draws no conclusions from what it gathers.

pub mod engine;
pub mod forensics;
pub mod progress;
pub mod several;
mod swarm;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::io;
use std::path::{Path, PathBuf};
use std::pin::pin;
use std::time::Duration;

use bollard::errors::Error as DockerError;
use bollard::models::{ContainerSummary, EventMessage, EventMessageTypeEnum};
use bollard::query_parameters::{EventsOptions, ListContainersOptions, LogsOptions};
use bollard::Docker;
use chrono::{DateTime, Utc};
use futures_util::StreamExt;

use super::writer::{BundleWriter, CappedLog, WriteError};
use super::{compose, host};
use crate::evidence::time::format_utc;
use crate::evidence::{BundleMeta, EngineClock, Gap, MetaWindow};
pub use engine::{Endpoint, EngineError};
pub use progress::Progress;

pub use crate::evidence::compose::{COMPOSE_PROJECT_LABEL, COMPOSE_SERVICE_LABEL};

/// Which containers to collect. Empty means every container on the host,
/// running or not.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    /// A compose project (`com.docker.compose.project` label).
    pub project: Option<String>,
    /// Compose service names or container names; any of them matches.
    pub services: Vec<String>,
}

impl Scope {
    pub fn is_everything(&self) -> bool {
        self.project.is_none() && self.services.is_empty()
    }

    fn matches(&self, name: &str, labels: &HashMap<String, String>) -> bool {
        let project_ok = self
            .project
            .as_ref()
            .is_none_or(|p| labels.get(COMPOSE_PROJECT_LABEL) == Some(p));
        let service_ok = self.services.is_empty()
            || self.services.iter().any(|s| {
                s == name || labels.get(COMPOSE_SERVICE_LABEL).map(String::as_str) == Some(s)
            });
        project_ok && service_ok
    }

    fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(p) = &self.project {
            parts.push(format!("--project {p}"));
        }
        for s in &self.services {
            parts.push(format!("--service {s}"));
        }
        parts.join(" ")
    }
}

/// What to collect, and the limits.
#[derive(Debug, Clone)]
pub struct Request {
    pub scope: Scope,
    pub since: DateTime<Utc>,
    pub until: DateTime<Utc>,
    /// Per container; the newest bytes are kept.
    pub max_log_bytes: u64,
    /// Containers collected at once.
    pub concurrency: usize,
    /// Bounds each request to the engine, and each wait for more of a stream.
    pub timeout: Duration,
}

impl Request {
    pub const DEFAULT_MAX_LOG_BYTES: u64 = 16 * 1024 * 1024;
    pub const DEFAULT_CONCURRENCY: usize = 8;
    pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
}

/// What a collection produced.
#[derive(Debug)]
pub struct Summary {
    pub bundle: PathBuf,
    pub containers: usize,
    /// Everything recorded under `not_collected`.
    pub not_collected: Vec<Gap>,
    /// Set when the engine could not be used at all.
    pub engine_error: Option<EngineError>,
    /// The engine's host name (`docker info`).
    pub host: Option<String>,
    pub clock: Option<EngineClock>,
}

#[derive(Debug, thiserror::Error)]
pub enum CollectError {
    #[error(transparent)]
    Write(#[from] WriteError),
    #[error("cannot start the I/O runtime: {0}")]
    Runtime(io::Error),
}

/// Collects from the engine at `endpoint` into a new bundle at `target`.
///
/// Only a bundle that cannot be written is an error; everything the engine
/// fails to give is recorded in the bundle and in [`Summary`].
pub fn collect_bundle(
    endpoint: &Endpoint,
    request: &Request,
    target: &Path,
    progress: &mut Progress,
) -> Result<Summary, CollectError> {
    let writer = BundleWriter::create(target)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(CollectError::Runtime)?;
    let staging = writer.staging_dir().to_path_buf();
    let io_err = |source: io::Error| WriteError::Io {
        path: staging.clone(),
        source,
    };
    let outcome = runtime
        .block_on(collect_into(endpoint, request, &writer, progress))
        .map_err(io_err)?;
    progress.finish();
    let bundle = writer.finish()?;
    Ok(Summary {
        bundle,
        containers: outcome.containers,
        not_collected: outcome.gaps,
        engine_error: outcome.engine_error,
        host: outcome.host,
        clock: outcome.clock,
    })
}

struct Outcome {
    containers: usize,
    gaps: Vec<Gap>,
    engine_error: Option<EngineError>,
    host: Option<String>,
    clock: Option<EngineClock>,
}

async fn collect_into(
    endpoint: &Endpoint,
    request: &Request,
    writer: &BundleWriter,
    progress: &mut Progress,
) -> io::Result<Outcome> {
    let mut gaps = Vec::new();
    let mut meta = BundleMeta {
        collector: Some(format!(
            "coroner {} (Docker Engine API)",
            env!("CARGO_PKG_VERSION")
        )),
        window: Some(MetaWindow {
            since: Some(format_utc(request.since)),
            until: Some(format_utc(request.until)),
        }),
        ..BundleMeta::default()
    };
    progress.step(&format!("connecting to {}", endpoint.describe()));
    let mut containers = 0;
    let mut engine_error = None;
    match endpoint.connect(request.timeout).await {
        Ok(docker) => {
            let facts = engine_facts(&docker, endpoint, request, &mut meta, &mut gaps).await;
            let cx = Cx {
                docker: &docker,
                endpoint,
                writer,
                request,
                engine_arch: facts.arch,
            };
            let services = if facts.swarm_manager {
                progress.step("swarm services, tasks and nodes");
                swarm::collect(&cx, &mut gaps).await?
            } else {
                HashSet::new()
            };
            containers = collect_engine(&cx, &services, progress, &mut gaps).await?;
        }
        Err(e) => {
            progress.warn(&e.to_string());
            gaps.push(Gap {
                what: "everything from the Docker engine (containers, logs, images, events)".into(),
                why: e.to_string(),
            });
            engine_error = Some(e);
        }
    }
    if endpoint.is_local() {
        progress.step("host listening sockets");
        let listeners = host::listening_sockets();
        writer.listeners(&listeners.lines)?;
        gaps.extend(listeners.gaps);
    } else {
        gaps.push(Gap {
            what: "host listening sockets".into(),
            why: format!(
                "the engine at {} is on another machine; coroner reads /proc of the machine it runs on",
                endpoint.describe()
            ),
        });
    }
    if meta.host.is_none() {
        meta.host = std::fs::read_to_string("/proc/sys/kernel/hostname")
            .ok()
            .map(|h| h.trim().to_string());
    }
    meta.collected_at = Some(format_utc(Utc::now()));
    meta.not_collected = gaps.clone();
    writer.meta(&meta)?;
    Ok(Outcome {
        containers,
        gaps,
        engine_error,
        host: meta.host,
        clock: meta.clock,
    })
}

/// What every per-container task needs.
struct Cx<'a> {
    docker: &'a Docker,
    endpoint: &'a Endpoint,
    writer: &'a BundleWriter,
    request: &'a Request,
    engine_arch: String,
}

impl Cx<'_> {
    fn explain(&self, e: &DockerError) -> String {
        self.endpoint.explain(e, self.request.timeout).to_string()
    }
}

/// What `docker version` and `docker info` say that collection depends on.
struct EngineFacts {
    /// The engine's architecture (Go naming).
    arch: String,
    /// The engine is a Swarm manager, so it can list services and tasks.
    swarm_manager: bool,
}

/// Fills in the engine's identity.
async fn engine_facts(
    docker: &Docker,
    endpoint: &Endpoint,
    request: &Request,
    meta: &mut BundleMeta,
    gaps: &mut Vec<Gap>,
) -> EngineFacts {
    let mut arch = String::new();
    let mut swarm_manager = false;
    match docker.version().await {
        Ok(v) => {
            meta.engine_version = v.version;
            meta.api_version = v.api_version;
            arch = v.arch.unwrap_or_default();
        }
        Err(e) => gaps.push(Gap {
            what: "engine version".into(),
            why: endpoint.explain(&e, request.timeout).to_string(),
        }),
    }
    let asked = Utc::now();
    match docker.info().await {
        Ok(info) => {
            // Halfway through the request is the best guess of when the
            // engine read its clock.
            let answered = Utc::now();
            meta.clock = info.system_time.clone().map(|engine| EngineClock {
                engine,
                collector: format_utc(asked + (answered - asked) / 2),
            });
            meta.host = info.name;
            meta.os = info.operating_system;
            meta.kernel = info.kernel_version;
            swarm_manager = info.swarm.is_some_and(|swarm| swarm::is_manager(&swarm));
        }
        Err(e) => gaps.push(Gap {
            what: "engine information (docker info)".into(),
            why: endpoint.explain(&e, request.timeout).to_string(),
        }),
    }
    EngineFacts {
        arch,
        swarm_manager,
    }
}

/// Containers, their images, and the engine's events. Returns how many
/// containers were written. The containers of the tasks of `services`
/// (Swarm services whose tasks and logs were collected) are left out: each
/// is one attempt of its service, told by the task history and the
/// service's log, and reporting it as a container of its own would tell
/// every failed attempt as a separate failure.
async fn collect_engine(
    cx: &Cx<'_>,
    services: &HashSet<String>,
    progress: &mut Progress,
    gaps: &mut Vec<Gap>,
) -> io::Result<usize> {
    progress.step("listing containers");
    let mut filters = HashMap::new();
    if let Some(project) = &cx.request.scope.project {
        filters.insert(
            "label".to_string(),
            vec![format!("{COMPOSE_PROJECT_LABEL}={project}")],
        );
    }
    let listed = cx
        .docker
        .list_containers(Some(ListContainersOptions {
            all: true,
            filters: Some(filters),
            ..ListContainersOptions::default()
        }))
        .await;
    let listed = match listed {
        Ok(listed) => listed,
        Err(e) => {
            gaps.push(Gap {
                what: "containers (docker ps -a)".into(),
                why: cx.explain(&e),
            });
            return Ok(0);
        }
    };
    let mut selected = select(&cx.request.scope, listed);
    selected.retain(|(_, c)| {
        c.labels
            .as_ref()
            .and_then(|l| l.get(swarm::SERVICE_ID_LABEL))
            .is_none_or(|id| !services.contains(id))
    });
    if selected.is_empty() && !cx.request.scope.is_everything() {
        let why = format!("no container matches {}", cx.request.scope.describe());
        progress.warn(&why);
        gaps.push(Gap {
            what: "containers".into(),
            why,
        });
    }
    let outcomes = collect_containers(cx, &selected, progress).await?;
    let mut related = Related::default();
    let mut images: BTreeMap<String, String> = BTreeMap::new();
    let mut projects = BTreeMap::new();
    for outcome in &outcomes {
        gaps.extend(outcome.gaps.iter().cloned());
        if let Some(written) = &outcome.written {
            compose::note(&mut projects, &written.labels);
            related.containers.insert(written.id.clone());
            related.networks.extend(written.network_ids.iter().cloned());
            related.images.insert(written.image_id.clone());
            images
                .entry(written.image_ref.clone())
                .or_insert_with(|| written.image_id.clone());
        }
    }
    if !projects.is_empty() {
        progress.step("compose files");
        gaps.extend(compose::copy(
            &projects,
            cx.writer,
            cx.endpoint.is_local(),
            &cx.endpoint.describe(),
        )?);
    }
    progress.step("images");
    for (reference, id) in &images {
        let by = if id.is_empty() { reference } else { id };
        match cx.docker.inspect_image(by).await {
            Ok(inspect) => cx.writer.image_inspect(reference, &inspect)?,
            Err(e) => gaps.push(Gap {
                what: format!("image {reference}"),
                why: cx.explain(&e),
            }),
        }
    }
    progress.step("events");
    collect_events(cx, &related, gaps).await?;
    Ok(related.containers.len())
}

/// The listed containers in scope, as `(name, summary)` sorted by name.
fn select(scope: &Scope, listed: Vec<ContainerSummary>) -> Vec<(String, ContainerSummary)> {
    let mut selected: Vec<(String, ContainerSummary)> = listed
        .into_iter()
        .filter_map(|c| {
            let name = c
                .names
                .as_ref()
                .and_then(|n| n.first())
                .map(|n| n.trim_start_matches('/').to_string())
                .or_else(|| c.id.clone())?;
            let labels = c.labels.clone().unwrap_or_default();
            scope.matches(&name, &labels).then_some((name, c))
        })
        .collect();
    selected.sort_by(|a, b| a.0.cmp(&b.0));
    selected
}

struct ContainerOutcome {
    written: Option<Written>,
    gaps: Vec<Gap>,
}

struct Written {
    id: String,
    image_ref: String,
    image_id: String,
    network_ids: Vec<String>,
    labels: BTreeMap<String, String>,
}

/// Ids of the collected containers and of the networks and images they use.
#[derive(Default)]
struct Related {
    containers: BTreeSet<String>,
    networks: BTreeSet<String>,
    images: BTreeSet<String>,
}

/// Collects each container (inspect, logs, forensics), `concurrency` at a time.
async fn collect_containers(
    cx: &Cx<'_>,
    selected: &[(String, ContainerSummary)],
    progress: &mut Progress,
) -> io::Result<Vec<ContainerOutcome>> {
    progress.containers(selected.len());
    let mut stream = pin!(futures_util::stream::iter(selected)
        .map(|(name, summary)| async move { (name, collect_container(cx, name, summary).await) })
        .buffer_unordered(cx.request.concurrency.max(1)));
    let mut outcomes = Vec::with_capacity(selected.len());
    while let Some((name, outcome)) = stream.next().await {
        progress.container_done(name);
        outcomes.push((name, outcome?));
    }
    // Finished in any order; recorded in name order so bundles compare.
    outcomes.sort_by(|a, b| a.0.cmp(b.0));
    Ok(outcomes.into_iter().map(|(_, o)| o).collect())
}

async fn collect_container(
    cx: &Cx<'_>,
    listed_name: &str,
    summary: &ContainerSummary,
) -> io::Result<ContainerOutcome> {
    let mut gaps = Vec::new();
    let id = summary
        .id
        .clone()
        .unwrap_or_else(|| listed_name.to_string());
    let inspect = match cx.docker.inspect_container(&id, None).await {
        Ok(inspect) => inspect,
        Err(e) => {
            gaps.push(Gap {
                what: format!("container {listed_name}"),
                why: if is_not_found(&e) {
                    REMOVED.into()
                } else {
                    cx.explain(&e)
                },
            });
            return Ok(ContainerOutcome {
                written: None,
                gaps,
            });
        }
    };
    let name = inspect
        .name
        .as_deref()
        .map(|n| n.trim_start_matches('/').to_string())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| listed_name.to_string());
    cx.writer.container_inspect(&name, &inspect)?;
    collect_logs(cx, &id, &name, &mut gaps).await?;
    if forensics::wanted(&inspect) {
        let examiner = forensics::Examiner {
            docker: cx.docker,
            container: &id,
            timeout: cx.request.timeout,
        };
        match examiner.examine(&inspect, &name, &cx.engine_arch).await {
            Ok(found) => cx.writer.forensics(&found)?,
            Err(forensics::ContainerGone) => gaps.push(Gap {
                what: format!("entrypoint forensics of container {name}"),
                why: REMOVED.into(),
            }),
        }
    }
    let image_id = inspect.image.clone().unwrap_or_default();
    let image_ref = inspect
        .config
        .as_ref()
        .and_then(|c| c.image.clone())
        .filter(|r| !r.is_empty())
        .unwrap_or_else(|| image_id.clone());
    let network_ids = inspect
        .network_settings
        .as_ref()
        .and_then(|n| n.networks.as_ref())
        .map(|networks| {
            networks
                .values()
                .filter_map(|n| n.network_id.clone())
                .filter(|n| !n.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let labels = inspect
        .config
        .as_ref()
        .and_then(|c| c.labels.clone())
        .map(|l| l.into_iter().collect())
        .unwrap_or_default();
    Ok(ContainerOutcome {
        written: Some(Written {
            id: inspect.id.clone().unwrap_or(id),
            image_ref,
            image_id,
            network_ids,
            labels,
        }),
        gaps,
    })
}

/// Why something of a container listed a moment ago is missing.
const REMOVED: &str = "removed during collection (the engine no longer knows it)";

fn is_not_found(e: &DockerError) -> bool {
    matches!(
        e,
        DockerError::DockerResponseServerError {
            status_code: 404,
            ..
        }
    )
}

/// Streams a container's logs for the window straight to disk, with
/// timestamps, stdout and stderr interleaved as `docker logs` shows them.
async fn collect_logs(cx: &Cx<'_>, id: &str, name: &str, gaps: &mut Vec<Gap>) -> io::Result<()> {
    let request = cx.request;
    let log = cx.writer.container_log(name, request.max_log_bytes)?;
    let options = LogsOptions {
        stdout: true,
        stderr: true,
        timestamps: true,
        follow: false,
        since: clamp_i32(request.since.timestamp()),
        // Whole seconds: round up so the last fraction of a second is in.
        until: clamp_i32(
            request.until.timestamp() + i64::from(request.until.timestamp_subsec_nanos() > 0),
        ),
        tail: "all".into(),
    };
    let stream = cx.docker.logs(id, Some(options));
    save_log(cx, stream, log, &format!("container {name}"), gaps).await
}

/// Writes a log stream to `log` until it ends, is cut off or stops sending;
/// `owner` (`container api`, `service web`) names it in the gaps recorded.
async fn save_log(
    cx: &Cx<'_>,
    stream: impl futures_util::Stream<Item = Result<bollard::container::LogOutput, DockerError>>,
    mut log: CappedLog,
    owner: &str,
    gaps: &mut Vec<Gap>,
) -> io::Result<()> {
    let request = cx.request;
    let mut stream = pin!(stream);
    loop {
        match tokio::time::timeout(request.timeout, stream.next()).await {
            Ok(None) => break,
            Ok(Some(Ok(output))) => log.write(output.as_ref())?,
            Ok(Some(Err(e))) => {
                gaps.push(Gap {
                    what: format!("logs of {owner}"),
                    why: if is_not_found(&e) {
                        REMOVED.into()
                    } else {
                        format!("the log stream was cut off: {}", cx.explain(&e))
                    },
                });
                break;
            }
            Err(_) => {
                gaps.push(Gap {
                    what: format!("logs of {owner}"),
                    why: format!(
                        "the log stream was cut off: the engine sent nothing for {}s",
                        request.timeout.as_secs()
                    ),
                });
                break;
            }
        }
    }
    let totals = log.finish()?;
    if totals.dropped() > 0 {
        gaps.push(Gap {
            what: format!("older logs of {owner}"),
            why: format!(
                "kept the newest {} of {} bytes in the window (--max-log-bytes); {} older bytes were left out",
                totals.kept,
                totals.received,
                totals.dropped()
            ),
        });
    }
    Ok(())
}

/// The logs API takes whole seconds as a 32-bit number.
fn clamp_i32(seconds: i64) -> i32 {
    seconds.clamp(0, i64::from(i32::MAX)) as i32
}

/// Engine events in the window. When the collection is scoped, only the
/// events of the collected containers, their networks and images are kept,
/// as `scripts/gather-bundle.sh` keeps them.
async fn collect_events(cx: &Cx<'_>, related: &Related, gaps: &mut Vec<Gap>) -> io::Result<()> {
    let request = cx.request;
    // The engine holds an events request open until `until`; never past now.
    let until = request.until.min(Utc::now());
    let options = EventsOptions {
        since: Some(request.since.timestamp().to_string()),
        // The engine reads `seconds.nanoseconds`.
        until: Some(format!(
            "{}.{:09}",
            until.timestamp(),
            until.timestamp_subsec_nanos()
        )),
        filters: None,
    };
    let mut out = cx.writer.events()?;
    let mut stream = pin!(cx.docker.events(Some(options)));
    loop {
        match tokio::time::timeout(request.timeout, stream.next()).await {
            Ok(None) => break,
            Ok(Some(Ok(event))) => {
                if request.scope.is_everything() || concerns(&event, related) {
                    out.push(&event)?;
                }
            }
            Ok(Some(Err(e))) => {
                gaps.push(Gap {
                    what: "engine events (docker events)".into(),
                    why: format!("the event stream was cut off: {}", cx.explain(&e)),
                });
                break;
            }
            Err(_) => {
                gaps.push(Gap {
                    what: "engine events (docker events)".into(),
                    why: format!(
                        "the event stream was cut off: the engine sent nothing for {}s",
                        request.timeout.as_secs()
                    ),
                });
                break;
            }
        }
    }
    out.finish()
}

/// Whether an event concerns the collected containers: their own events,
/// a network connecting or disconnecting one of them, the creation or
/// removal of a network they use, or an event of an image they run.
fn concerns(event: &EventMessage, related: &Related) -> bool {
    let Some(actor) = &event.actor else {
        return false;
    };
    let id = actor.id.as_deref().unwrap_or_default();
    let container_attribute = actor.attributes.as_ref().and_then(|a| a.get("container"));
    match event.typ {
        Some(EventMessageTypeEnum::CONTAINER) => related.containers.contains(id),
        Some(EventMessageTypeEnum::NETWORK) => match container_attribute {
            // A shared network (`bridge`) connects other containers too.
            Some(container) => related.containers.contains(container),
            None => related.networks.contains(id),
        },
        Some(EventMessageTypeEnum::IMAGE) => related.images.contains(id),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(name: &str, labels: &[(&str, &str)]) -> ContainerSummary {
        ContainerSummary {
            id: Some(format!("{name}-id")),
            names: Some(vec![format!("/{name}")]),
            labels: Some(
                labels
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
            ),
            ..ContainerSummary::default()
        }
    }

    fn event(kind: EventMessageTypeEnum, actor: &str, attributes: &[(&str, &str)]) -> EventMessage {
        EventMessage {
            typ: Some(kind),
            action: Some("connect".into()),
            actor: Some(bollard::models::EventActor {
                id: Some(actor.into()),
                attributes: Some(
                    attributes
                        .iter()
                        .map(|(k, v)| (k.to_string(), v.to_string()))
                        .collect(),
                ),
            }),
            ..EventMessage::default()
        }
    }

    #[test]
    fn scoped_events_keep_what_concerns_the_collected_containers() {
        use EventMessageTypeEnum::{CONTAINER, IMAGE, NETWORK};
        let related = Related {
            containers: ["c1".to_string()].into(),
            networks: ["backend".to_string()].into(),
            images: ["sha256:i1".to_string()].into(),
        };
        assert!(concerns(&event(CONTAINER, "c1", &[]), &related));
        assert!(!concerns(&event(CONTAINER, "c2", &[]), &related));
        assert!(concerns(
            &event(NETWORK, "bridge", &[("container", "c1")]),
            &related
        ));
        assert!(!concerns(
            &event(NETWORK, "bridge", &[("container", "c2")]),
            &related
        ));
        assert!(concerns(
            &event(NETWORK, "backend", &[("name", "backend")]),
            &related
        ));
        assert!(!concerns(
            &event(NETWORK, "bridge", &[("name", "bridge")]),
            &related
        ));
        assert!(concerns(&event(IMAGE, "sha256:i1", &[]), &related));
        assert!(!concerns(&event(IMAGE, "sha256:i2", &[]), &related));
    }

    #[test]
    fn services_match_the_compose_label_or_the_container_name() {
        let listed = vec![
            summary(
                "shop-api-1",
                &[
                    (COMPOSE_PROJECT_LABEL, "shop"),
                    (COMPOSE_SERVICE_LABEL, "api"),
                ],
            ),
            summary(
                "shop-db-1",
                &[
                    (COMPOSE_PROJECT_LABEL, "shop"),
                    (COMPOSE_SERVICE_LABEL, "db"),
                ],
            ),
            summary("cron", &[]),
        ];
        let names = |scope: &Scope| -> Vec<String> {
            select(scope, listed.clone())
                .into_iter()
                .map(|(n, _)| n)
                .collect()
        };
        assert_eq!(
            names(&Scope::default()),
            ["cron", "shop-api-1", "shop-db-1"]
        );
        let api_and_cron = Scope {
            project: None,
            services: vec!["api".into(), "cron".into()],
        };
        assert_eq!(names(&api_and_cron), ["cron", "shop-api-1"]);
        let shop = Scope {
            project: Some("shop".into()),
            services: vec!["cron".into(), "db".into()],
        };
        assert_eq!(names(&shop), ["shop-db-1"]);
    }

    /// A container listed but gone by the time it is inspected gets a gap
    /// and no files. The real engine answers 404 for a container that no
    /// longer exists just as for one that never did.
    #[test]
    fn a_container_removed_during_collection_is_recorded_as_a_gap() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let endpoint = Endpoint::from_env();
        let docker = match runtime.block_on(endpoint.connect(Duration::from_secs(10))) {
            Ok(docker) => docker,
            Err(e) if std::env::var("CI").as_deref() == Ok("true") => {
                panic!("the Docker engine is needed under CI: {e}")
            }
            Err(e) => {
                eprintln!("skipping: no Docker engine: {e}");
                return;
            }
        };
        let dir = tempfile::tempdir().unwrap();
        let writer = BundleWriter::create(&dir.path().join("bundle")).unwrap();
        let now = Utc::now();
        let request = Request {
            scope: Scope::default(),
            since: now - chrono::Duration::hours(1),
            until: now,
            max_log_bytes: Request::DEFAULT_MAX_LOG_BYTES,
            concurrency: 1,
            timeout: Request::DEFAULT_TIMEOUT,
        };
        let cx = Cx {
            docker: &docker,
            endpoint: &endpoint,
            writer: &writer,
            request: &request,
            engine_arch: String::new(),
        };
        let gone = format!("coroner-removed-{}", std::process::id());
        let outcome = runtime
            .block_on(collect_container(&cx, &gone, &summary(&gone, &[])))
            .unwrap();
        assert!(outcome.written.is_none());
        assert_eq!(
            outcome.gaps,
            [Gap {
                what: format!("container {gone}"),
                why: REMOVED.into(),
            }]
        );
        let written: Vec<_> = std::fs::read_dir(writer.staging_dir().join("docker/containers"))
            .unwrap()
            .collect();
        assert!(written.is_empty());
    }
}
