//! Reads an evidence bundle directory (docs/bundle-format.md) into [`Evidence`].
//!
//! Files in their documented places are read as what their place says.
//! Anything else is classified by its content, so a folder of loose files
//! copied from a ticket works too. Every file ends up either recognised (and
//! as what) or ignored (and why); a file that cannot be parsed is reported
//! with its path, and the rest of the bundle is still read.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;
use walkdir::WalkDir;

use crate::evidence::compose::{COMPOSE_FILES_LABEL, COMPOSE_PROJECT_LABEL};
use crate::evidence::monitoring::{self, HistoryFormat};
use crate::evidence::probe;
use crate::evidence::{compose, document, encoding, lines, logs, redact};

mod engines;
use crate::evidence::{
    AssumedZone, BundleMeta, Container, EntrypointForensics, Event, Evidence, Gap, IgnoredFile,
    Image, InputProblem, Listener, LogKind, LogSource, RecognisedFile, SwarmNode, SwarmService,
    SwarmTask, Window,
};

/// The engine keeps this many events for `docker events --since`.
pub const ENGINE_EVENT_BUFFER: usize = 256;
const SNIFF_BYTES: usize = 8 * 1024;
/// The biggest structured document read whole (an inspect, `bundle.json`):
/// far above what Docker writes for hundreds of containers, and small enough
/// that parsing it stays within coroner's memory budget (docs/security.md).
pub const MAX_DOCUMENT_BYTES: u64 = 8 * 1024 * 1024;
/// Files read from one bundle; the rest are listed as a gap.
pub const MAX_FILES: usize = 100_000;
/// Engine events read from one file: days of a busy host's lifecycle
/// events. The engine itself keeps 256 for `docker events --since`.
pub const MAX_EVENTS: usize = 20_000;

#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    #[error("bundle directory {0} does not exist")]
    Missing(PathBuf),
    #[error("{0} is not a directory")]
    NotADirectory(PathBuf),
    #[error("cannot read bundle directory {path}: {source}")]
    Unreadable { path: PathBuf, source: io::Error },
}

/// What a file holds, decided by its place in the bundle or by its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FileKind {
    Meta,
    ContainerInspect,
    ImageInspect,
    Events,
    Listeners,
    Forensics,
    Log(LogKind),
    Monitoring(HistoryFormat),
    Probes,
    SwarmServices,
    SwarmTasks,
    SwarmNodes,
    Compose,
    ComposeEnv,
}

impl FileKind {
    fn describe(self) -> &'static str {
        match self {
            FileKind::Meta => "bundle metadata",
            FileKind::ContainerInspect => "container inspect",
            FileKind::ImageInspect => "image inspect",
            FileKind::Events => "engine events",
            FileKind::Listeners => "host listening sockets (ss -ltnp)",
            FileKind::Forensics => "entrypoint forensics",
            FileKind::Log(LogKind::Docker) => "container log (docker logs --timestamps)",
            FileKind::Log(LogKind::NginxError) => "nginx error log",
            FileKind::Log(LogKind::NginxAccess) => "nginx access log",
            FileKind::Log(LogKind::Plain) => "plain log",
            FileKind::Monitoring(format) => format.describe(),
            FileKind::Probes => "live probes (coroner --probe)",
            FileKind::SwarmServices => "swarm services",
            FileKind::SwarmTasks => "swarm tasks",
            FileKind::SwarmNodes => "swarm nodes",
            FileKind::Compose => "compose file",
            FileKind::ComposeEnv => "compose project .env (values masked)",
        }
    }
}

/// Loads the bundle at `dir`. Only a missing or unreadable directory is an
/// error; problems with single files are recorded in the inventory. A bundle
/// of several engines (`engines/<name>/`, each a bundle of one) is read into
/// one evidence, each container, log and event keeping its engine.
pub fn load(dir: &Path, zone: AssumedZone, window: Window) -> Result<Evidence, BundleError> {
    if !dir.exists() {
        return Err(BundleError::Missing(dir.to_path_buf()));
    }
    if !dir.is_dir() {
        return Err(BundleError::NotADirectory(dir.to_path_buf()));
    }
    let mut scratch = encoding::Scratch::default();
    let mut ev = Evidence::default();
    ev.root = dir.to_path_buf();
    ev.zone = zone;
    ev.window = window;
    let mut files_seen = 0usize;
    let engine_dirs = engines::directories(dir, &mut ev.inventory.ignored);
    let tree = Tree {
        root: dir,
        prefix: "",
        skip_engines: !engine_dirs.is_empty(),
    };
    read_tree(&tree, &mut ev, &mut scratch, &mut files_seen);
    let mut parts = Vec::new();
    for (name, path) in engine_dirs {
        let mut part = Evidence::default();
        part.zone = zone;
        part.window = window;
        let prefix = format!("{}{name}/", engines::DIR);
        let tree = Tree {
            root: &path,
            prefix: &prefix,
            skip_engines: false,
        };
        read_tree(&tree, &mut part, &mut scratch, &mut files_seen);
        parts.push((name, part));
    }
    if !parts.is_empty() {
        engines::merge(&mut ev, parts);
    }
    ev.scratch = scratch.into_dir();
    ev.containers.sort_by(|a, b| a.name.cmp(&b.name));
    ev.forensics.sort_by(|a, b| a.container.cmp(&b.container));
    ev.swarm.services.sort_by(|a, b| a.name.cmp(&b.name));
    ev.swarm
        .tasks
        .sort_by(|a, b| (a.created, &a.id).cmp(&(b.created, &b.id)));
    ev.images.sort_by(|a, b| a.id.cmp(&b.id));
    ev.images.dedup_by(|a, b| a.id == b.id);
    ev.events
        .sort_by(|a, b| a.time.cmp(&b.time).then(a.line.cmp(&b.line)));
    ev.events.retain(|e| window.contains(e.time));
    for series in &mut ev.monitoring {
        series.samples.retain(|s| window.contains(s.time));
    }
    // Probes tell what endpoints answer now, after any window: they are kept whole.
    ev.probes.sort_by(|a, b| {
        (&a.url, a.time, a.attempt, &a.source).cmp(&(&b.url, b.time, b.attempt, &b.source))
    });
    record_gaps(&mut ev);
    Ok(ev)
}

/// A directory read as a bundle: the top level, or one engine's.
struct Tree<'a> {
    root: &'a Path,
    /// What paths are shown with: `engines/<name>/` for an engine's.
    prefix: &'a str,
    /// The top level of a bundle of several engines: `engines/` is read apart.
    skip_engines: bool,
}

/// Reads every file of a tree into `ev`, each classified by its place
/// within the tree, and names its logs after their containers.
fn read_tree(
    tree: &Tree<'_>,
    ev: &mut Evidence,
    scratch: &mut encoding::Scratch,
    files_seen: &mut usize,
) {
    let dir = tree.root;
    let zone = ev.zone;
    let mut loose_logs: Vec<LooseLog> = Vec::new();
    let mut compose_files: BTreeMap<String, ComposeFiles> = BTreeMap::new();
    let walk = WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            !(tree.skip_engines && e.depth() == 1 && e.file_name() == engines::DIR_NAME)
        });
    for entry in walk {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                // One unreadable directory or over-long path costs that
                // entry only; the rest of the bundle is still read.
                let path = e
                    .path()
                    .map_or_else(|| dir.to_path_buf(), Path::to_path_buf);
                let why = e
                    .io_error()
                    .map_or_else(|| e.to_string(), |io| format!("cannot read: {io}"));
                ev.inventory.ignored.push(ignored(
                    &format!("{}{}", tree.prefix, shown_path(dir, &path)),
                    &why,
                ));
                continue;
            }
        };
        let file_type = entry.file_type();
        if file_type.is_dir() {
            continue;
        }
        let path = entry.path();
        // The place within the tree decides what a file is; reports show
        // it with the tree's prefix.
        let local = shown_path(dir, path);
        let display = format!("{}{local}", tree.prefix);
        if let Some(why) = not_a_regular_file(file_type) {
            ev.inventory.ignored.push(ignored(&display, why));
            continue;
        }
        *files_seen += 1;
        if *files_seen > MAX_FILES {
            ev.inventory.gaps.push(Gap {
                what: format!("files after the first {MAX_FILES}"),
                why: format!("the bundle holds more than {MAX_FILES} files; the rest, in name order from {display}, were not read"),
            });
            break;
        }
        if entry.file_name().to_string_lossy().starts_with('.') && compose_file_of(&local).is_none()
        {
            ev.inventory.ignored.push(ignored(&display, "hidden file"));
            continue;
        }
        let head = match read_head(path) {
            Ok(h) => h,
            Err(e) => {
                ev.inventory
                    .problems
                    .push(problem(&display, None, format!("cannot read: {e}")));
                continue;
            }
        };
        let Some(kind) = classify(&local, &head) else {
            let reason = if head.is_empty() {
                "empty file"
            } else if encoding::looks_binary(&head) {
                "binary file"
            } else {
                "not a format coroner reads"
            };
            ev.inventory.ignored.push(ignored(&display, reason));
            continue;
        };
        let size = entry.metadata().map(|m| m.len()).unwrap_or(0);
        let mut warnings = Vec::new();
        let outcome = match kind {
            FileKind::Meta => read_meta(path, &display, &mut warnings).map(|m| ev.meta = m),
            FileKind::ContainerInspect => read_document(path).and_then(|text| {
                Container::parse_inspect(&text, &display)
                    .map(|parsed| {
                        warnings = parsed.warnings;
                        ev.containers.extend(parsed.items)
                    })
                    .map_err(|e| format!("not a container inspect document: {e}"))
            }),
            FileKind::ImageInspect => read_document(path).and_then(|text| {
                Image::parse_inspect(&text, &display)
                    .map(|parsed| {
                        warnings = parsed.warnings;
                        ev.images.extend(parsed.items)
                    })
                    .map_err(|e| format!("not an image inspect document: {e}"))
            }),
            FileKind::Events => read_events(path, &display, ev),
            FileKind::Listeners => read_listeners(path, &display, ev),
            FileKind::Compose | FileKind::ComposeEnv => read_document(path).map(|text| {
                let (project, _) = compose_file_of(&local).unwrap_or_default();
                let files = compose_files.entry(project.to_string()).or_default();
                let file = compose::SourceFile {
                    display: display.clone(),
                    text,
                };
                if kind == FileKind::ComposeEnv {
                    files.env = Some(file);
                } else {
                    files.yaml.push(file);
                }
            }),
            FileKind::SwarmServices => read_document(path).and_then(|text| {
                SwarmService::parse(&text, &display)
                    .map(|parsed| {
                        warnings = parsed.warnings;
                        ev.swarm.services.extend(parsed.items)
                    })
                    .map_err(|e| format!("not a swarm services list: {e}"))
            }),
            FileKind::SwarmTasks => read_document(path).and_then(|text| {
                SwarmTask::parse(&text, &display)
                    .map(|parsed| {
                        warnings = parsed.warnings;
                        ev.swarm.tasks.extend(parsed.items)
                    })
                    .map_err(|e| format!("not a swarm tasks list: {e}"))
            }),
            FileKind::SwarmNodes => read_document(path).and_then(|text| {
                SwarmNode::parse(&text, &display)
                    .map(|parsed| {
                        warnings = parsed.warnings;
                        ev.swarm.nodes.extend(parsed.items)
                    })
                    .map_err(|e| format!("not a swarm nodes list: {e}"))
            }),
            FileKind::Forensics => read_document(path).and_then(|text| {
                EntrypointForensics::parse(&text, &display)
                    .map(|(f, dropped)| {
                        warnings = dropped;
                        ev.forensics.push(f)
                    })
                    .map_err(|e| format!("not an entrypoint forensics document: {e}"))
            }),
            FileKind::Log(log_kind) => {
                let head_text = String::from_utf8_lossy(&head);
                match scratch.readable(path) {
                    Ok(readable) => {
                        loose_logs.push(LooseLog {
                            path: readable,
                            compose_prefixed: !is_engine_log(&local)
                                && logs::looks_compose_prefixed(&head_text),
                            in_container_dir: is_engine_log(&local),
                            display: display.clone(),
                            kind: log_kind,
                            bytes: size,
                        });
                        Ok(())
                    }
                    Err(e) => Err(format!("cannot convert to UTF-8 lines: {e}")),
                }
            }
            FileKind::Monitoring(format) => {
                monitoring::load(path, &display, format, zone, &mut ev.inventory.problems)
                    .map(|s| ev.monitoring.extend(s))
            }
            FileKind::Probes => {
                probe::load(path, &display, &mut ev.inventory.problems).map(|p| ev.probes.extend(p))
            }
        };
        for warning in warnings {
            ev.inventory.problems.push(InputProblem {
                source: display.clone(),
                line: None,
                message: warning,
            });
        }
        match outcome {
            Ok(()) => ev.inventory.recognised.push(RecognisedFile {
                path: display,
                kind: kind.describe().to_string(),
            }),
            Err(message) => ev.inventory.problems.push(problem(&display, None, message)),
        }
    }
    attach_logs(ev, loose_logs);
    read_compose(ev, compose_files);
}

/// A log the engine wrote for a container or a Swarm service, named after
/// it by its file (`local` is the path within its engine's tree).
fn is_engine_log(local: &str) -> bool {
    local.starts_with("docker/containers/") || local.starts_with("swarm/logs/")
}

/// The files of one compose project found in the bundle.
#[derive(Default)]
struct ComposeFiles {
    yaml: Vec<compose::SourceFile>,
    env: Option<compose::SourceFile>,
}

/// `compose/<project>/<file>` → the project and the file name, for the
/// files coroner reads there (`*.yaml`, `*.yml`, `.env`).
fn compose_file_of(display: &str) -> Option<(&str, &str)> {
    let rest = display.strip_prefix("compose/")?;
    let (project, name) = rest.split_once('/')?;
    let wanted = name == ".env" || name.ends_with(".yaml") || name.ends_with(".yml");
    (wanted && !project.is_empty() && !name.contains('/')).then_some((project, name))
}

/// Merges each project's files in the order its containers say compose
/// applied them.
fn read_compose(ev: &mut Evidence, projects: BTreeMap<String, ComposeFiles>) {
    for (name, mut files) in projects {
        let order: Vec<String> = ev
            .containers
            .iter()
            .filter(|c| c.labels.get(COMPOSE_PROJECT_LABEL) == Some(&name))
            .find_map(|c| c.labels.get(COMPOSE_FILES_LABEL))
            .map(|list| {
                list.split(',')
                    .filter_map(|f| f.rsplit('/').next())
                    .filter(|f| !f.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        compose::order_files(&mut files.yaml, &order);
        let project = compose::load_project(
            &name,
            &files.yaml,
            files.env.as_ref(),
            &mut ev.inventory.problems,
        );
        ev.compose.push(project);
    }
}

/// A log found in the bundle, before it is named after its service.
struct LooseLog {
    path: PathBuf,
    display: String,
    kind: LogKind,
    bytes: u64,
    compose_prefixed: bool,
    /// A log the engine wrote for a container or a Swarm service, named
    /// after it by its file.
    in_container_dir: bool,
}

/// Names each log after its container, or after its file when no container
/// owns it; host logs that share a container's name are marked `(host)`.
fn attach_logs(ev: &mut Evidence, logs: Vec<LooseLog>) {
    for LooseLog {
        path,
        display,
        kind,
        bytes,
        compose_prefixed,
        in_container_dir,
    } in logs
    {
        let stem = Path::new(&display)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let service =
            if kind == LogKind::Docker && (in_container_dir || ev.container(&stem).is_some()) {
                stem
            } else {
                let generic = matches!(
                    stem.as_str(),
                    "error"
                        | "access"
                        | "stderr"
                        | "stdout"
                        | "out"
                        | "log"
                        | "messages"
                        | "syslog"
                        | "output"
                );
                let parent = Path::new(&display)
                    .parent()
                    .and_then(|p| p.file_name())
                    .map(|p| p.to_string_lossy().into_owned())
                    .filter(|p| p != "logs" && !p.is_empty());
                let name = match (generic, parent) {
                    (true, Some(parent)) => parent,
                    _ => stem,
                };
                if ev.container(&name).is_some() {
                    format!("{name} (host)")
                } else {
                    name
                }
            };
        ev.logs.push(LogSource {
            path,
            display,
            kind,
            service,
            bytes,
            compose_prefixed,
            engine: None,
            clock_shift: chrono::TimeDelta::zero(),
        });
    }
}

fn record_gaps(ev: &mut Evidence) {
    let mut gaps = std::mem::take(&mut ev.inventory.gaps);
    gaps.extend(ev.meta.not_collected.iter().cloned());
    let recognised = &ev.inventory.recognised;
    let has = |kind: &str| recognised.iter().any(|r| r.kind == kind);
    if !has("container inspect") {
        gaps.push(Gap {
            what: "container state (docker container inspect)".into(),
            why: "not in the bundle: exit codes, restarts and health are unknown".into(),
        });
    }
    if !has("engine events") {
        gaps.push(Gap {
            what: "engine events (docker events)".into(),
            why: "not in the bundle: restarts and kills are dated from container state only".into(),
        });
    } else if ev.events.len() >= ENGINE_EVENT_BUFFER {
        gaps.push(Gap {
            what: "engine events (docker events)".into(),
            why: format!(
                "{} events read; the engine keeps only its last {ENGINE_EVENT_BUFFER}, so older ones may be missing",
                ev.events.len()
            ),
        });
    }
    if !has("image inspect") && !ev.containers.is_empty() {
        gaps.push(Gap {
            what: "image metadata (docker image inspect)".into(),
            why: "not in the bundle: image creation times (deploys) are unknown".into(),
        });
    }
    if !has("host listening sockets (ss -ltnp)") {
        gaps.push(Gap {
            what: "host listening sockets (ss -ltnp)".into(),
            why: "not in the bundle: the holder of a conflicting port cannot be named".into(),
        });
    }
    if ev.monitoring.is_empty() {
        gaps.push(Gap {
            what: "monitoring history".into(),
            why: "not in the bundle: availability figures cannot be given".into(),
        });
    }
    for c in &ev.containers {
        if !ev.logs.iter().any(|l| l.service == c.name) {
            gaps.push(Gap {
                what: format!("logs of container {}", c.name),
                why: "not in the bundle".into(),
            });
        }
    }
    gaps.sort();
    gaps.dedup();
    ev.inventory.gaps = gaps;
}

static DOCKER_LOG_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}) ")
        .expect("static regex")
});
static NGINX_ERROR_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2} |nginx: )\[(debug|info|notice|warn|error|crit|alert|emerg)\] ")
        .expect("static regex")
});
static NGINX_ACCESS_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^(\S+ )?\S+ \S+ \S+ \[\d{2}/\w{3}/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4}\] ""#)
        .expect("static regex")
});

/// Decides what a file is. A documented place wins whatever the content
/// looks like (a busy service's log under `docker/containers/` is a log,
/// even when its lines read like check results); content decides only for
/// files outside those places (docs/bundle-format.md).
fn classify(display: &str, head: &[u8]) -> Option<FileKind> {
    if head.is_empty() || encoding::looks_binary(head) {
        return None;
    }
    let text = String::from_utf8_lossy(head);
    let first = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim_start();
    if display == "bundle.json" {
        return Some(FileKind::Meta);
    }
    if let Some((_, name)) = compose_file_of(display) {
        return Some(if name == ".env" {
            FileKind::ComposeEnv
        } else {
            FileKind::Compose
        });
    }
    let in_dir = |dir: &str| display.starts_with(dir);
    let ends = |ext: &str| display.ends_with(ext);
    if in_dir("docker/containers/") && ends(".json") {
        return Some(FileKind::ContainerInspect);
    }
    if in_dir("docker/containers/") && ends(".log") {
        return Some(FileKind::Log(LogKind::Docker));
    }
    if in_dir("swarm/logs/") && ends(".log") {
        return Some(FileKind::Log(LogKind::Docker));
    }
    match display {
        "swarm/services.json" => return Some(FileKind::SwarmServices),
        "swarm/tasks.json" => return Some(FileKind::SwarmTasks),
        "swarm/nodes.json" => return Some(FileKind::SwarmNodes),
        _ => {}
    }
    if in_dir("docker/images/") && ends(".json") {
        return Some(FileKind::ImageInspect);
    }
    if display == "docker/events.jsonl" {
        return Some(FileKind::Events);
    }
    if in_dir("docker/forensics/") && ends(".json") {
        return Some(FileKind::Forensics);
    }
    if display == "host/listeners.txt" {
        return Some(FileKind::Listeners);
    }
    if in_dir("probes/") && ends(".jsonl") {
        return Some(FileKind::Probes);
    }
    if in_dir("monitoring/") {
        // Every history format coroner reads; a plain-text monitor log is the rest.
        return Some(FileKind::Monitoring(
            monitoring::sniff(&text).unwrap_or(HistoryFormat::PlainText),
        ));
    }
    if in_dir("logs/") {
        return Some(FileKind::Log(log_kind_of(first)));
    }
    classify_content(&text, first)
}

/// What wrote a log, from its first line.
fn log_kind_of(first: &str) -> LogKind {
    if DOCKER_LOG_LINE.is_match(first) {
        LogKind::Docker
    } else if NGINX_ERROR_LINE.is_match(first) {
        LogKind::NginxError
    } else if NGINX_ACCESS_LINE.is_match(first) {
        LogKind::NginxAccess
    } else {
        LogKind::Plain
    }
}

fn classify_content(text: &str, first: &str) -> Option<FileKind> {
    if first.starts_with('[') || first.starts_with('{') {
        if text.contains("\"HostConfig\"") && text.contains("\"State\"") {
            return Some(FileKind::ContainerInspect);
        }
        if text.contains("\"RepoTags\"") || text.contains("\"RootFS\"") {
            return Some(FileKind::ImageInspect);
        }
        if first.contains("\"Action\"")
            && (first.contains("\"timeNano\"") || first.contains("\"Actor\""))
        {
            return Some(FileKind::Events);
        }
    }
    if probe::sniff(first) {
        return Some(FileKind::Probes);
    }
    if let Some(format) = monitoring::sniff(text) {
        return Some(FileKind::Monitoring(format));
    }
    if first.starts_with("LISTEN ") || (first.starts_with("State") && first.contains("Recv-Q")) {
        return Some(FileKind::Listeners);
    }
    let kind = log_kind_of(first);
    if kind == LogKind::Plain && (first.starts_with('[') || first.starts_with('{')) {
        // JSON we do not understand is not a log either.
        return None;
    }
    Some(FileKind::Log(kind))
}

/// The first bytes of a file, as UTF-8 (a UTF-16 file's head is decoded).
fn read_head(path: &Path) -> io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    File::open(path)?
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut head)?;
    Ok(encoding::decoded_head(head))
}

fn read_document(path: &Path) -> Result<String, String> {
    lines::read_capped(path, MAX_DOCUMENT_BYTES)
}

fn read_meta(
    path: &Path,
    display: &str,
    warnings: &mut Vec<crate::locale::Text>,
) -> Result<BundleMeta, String> {
    let text = read_document(path)?;
    let (meta, dropped) =
        document::one(&text, display).map_err(|e| format!("invalid bundle metadata: {e}"))?;
    *warnings = dropped;
    Ok(meta)
}

fn read_events(path: &Path, display: &str, ev: &mut Evidence) -> Result<(), String> {
    let events = &mut ev.events;
    let mut beyond_cap = 0u64;
    let outcome = each_line(
        path,
        display,
        &mut ev.inventory.problems,
        |line, problems| {
            if line.text.trim().is_empty() {
                return;
            }
            if events.len() >= MAX_EVENTS {
                beyond_cap += 1;
                return;
            }
            match Event::parse_line(line.text, display, line.number) {
                Ok((e, warnings)) => {
                    events.push(e);
                    for w in warnings {
                        problems.push(InputProblem {
                            source: display.to_string(),
                            line: Some(line.number),
                            message: w,
                        });
                    }
                }
                Err(e) => problems.push(problem(
                    display,
                    Some(line.number),
                    format!("not an event: {e}"),
                )),
            }
        },
    );
    if beyond_cap > 0 {
        ev.inventory.gaps.push(Gap {
            what: format!("{beyond_cap} engine events after the first {MAX_EVENTS} of {display}"),
            why: "not read: more events than one investigation reads".into(),
        });
    }
    outcome
}

fn read_listeners(path: &Path, display: &str, ev: &mut Evidence) -> Result<(), String> {
    let listeners = &mut ev.listeners;
    each_line(path, display, &mut ev.inventory.problems, |line, _| {
        let text = redact::text(line.text, display);
        if let Some(l) = Listener::parse_ss_line(&text, display, line.number) {
            listeners.push(l);
        }
    })
}

/// Reads a line-based file in bounded memory; a line cut to the limit is a problem.
fn each_line(
    path: &Path,
    display: &str,
    problems: &mut Vec<InputProblem>,
    mut f: impl FnMut(&lines::Line<'_>, &mut Vec<InputProblem>),
) -> Result<(), String> {
    lines::for_each_line(path, lines::MAX_LINE_BYTES, |line| {
        if line.cut {
            problems.push(problem(
                display,
                Some(line.number),
                format!("line longer than {} bytes: cut", lines::MAX_LINE_BYTES),
            ));
        }
        f(&line, problems);
    })
    .map_err(|e| format!("cannot read: {e}"))
}

/// A file's path as the report shows it: relative to the bundle, `/`
/// separated, and masked like any other text (a file can be named after a token).
fn shown_path(root: &Path, path: &Path) -> String {
    let relative = path
        .strip_prefix(root)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    redact::text(&relative, redact::FILE_NAMES).into_owned()
}

/// Why an entry that is not a regular file is not opened.
fn not_a_regular_file(file_type: std::fs::FileType) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    if file_type.is_file() {
        None
    } else if file_type.is_symlink() {
        Some("symbolic link: not followed")
    } else if file_type.is_fifo() {
        Some("named pipe (FIFO): not opened")
    } else if file_type.is_socket() {
        Some("socket: not opened")
    } else if file_type.is_block_device() || file_type.is_char_device() {
        Some("device: not opened")
    } else {
        Some("not a regular file: not opened")
    }
}

fn ignored(path: &str, reason: &str) -> IgnoredFile {
    IgnoredFile {
        path: path.to_string(),
        reason: reason.to_string(),
    }
}

fn problem(source: &str, line: Option<u64>, message: String) -> InputProblem {
    InputProblem::detail(source, line, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_loose_files_by_content() {
        let cases: &[(&str, &str, Option<FileKind>)] = &[
            ("x/a.txt", "2026-11-27T17:24:21.557915478Z hello\n", Some(FileKind::Log(LogKind::Docker))),
            ("x/e.txt", "2020/09/08 08:26:39 [error] 30#30: *5 connect() failed\n", Some(FileKind::Log(LogKind::NginxError))),
            ("x/acc", "127.0.0.1 - - [26/Jan/2017:14:22:10 +0000] \"GET / HTTP/1.1\" 502 166 \"-\" \"curl\"\n", Some(FileKind::Log(LogKind::NginxAccess))),
            ("x/ss", "LISTEN 0 511 127.0.0.1:18080 0.0.0.0:*\n", Some(FileKind::Listeners)),
            ("x/i.json", "[{\"Id\":\"x\",\"State\":{},\"HostConfig\":{}}]", Some(FileKind::ContainerInspect)),
            ("x/img.json", "[{\"Id\":\"sha256:x\",\"RepoTags\":[]}]", Some(FileKind::ImageInspect)),
            ("x/ev", "{\"Type\":\"container\",\"Action\":\"die\",\"Actor\":{},\"timeNano\":1}\n", Some(FileKind::Events)),
            ("x/other.json", "{\"hello\":1}", None),
            ("docker/containers/api.log", "plain text without timestamps\n", Some(FileKind::Log(LogKind::Docker))),
            ("docker/forensics/api.json", "{\"container\":\"api\",\"exists\":true}", Some(FileKind::Forensics)),
        ];
        for (path, content, expected) in cases {
            assert_eq!(classify(path, content.as_bytes()), *expected, "{path}");
        }
        assert_eq!(classify("x/bin", b"\0\x01"), None);
    }

    /// Real files from the main example, put in and out of their places.
    #[test]
    fn a_documented_place_wins_over_content() {
        let main = crate::testing::fixture_path("main-incident");
        let read = |p: &str| std::fs::read(main.join(p)).unwrap();
        let monitor = read("monitoring/uptime-monitor.log");
        let history = read("monitoring/api-uptime-9d.jsonl");
        let container_log = read("docker/containers/mcp-api.log");
        let nginx_error = read("logs/nginx/error.log");
        let text = FileKind::Monitoring(HistoryFormat::PlainText);
        let cases: &[(&str, &[u8], Option<FileKind>)] = &[
            // Loose, content decides: a monitor's steady checks are a history.
            ("uptime-monitor.log", &monitor, Some(text)),
            (
                "api-uptime.jsonl",
                &history,
                Some(FileKind::Monitoring(HistoryFormat::JsonLines)),
            ),
            (
                "mcp-api.log",
                &container_log,
                Some(FileKind::Log(LogKind::Docker)),
            ),
            // In a place, the place decides, whatever the lines look like.
            (
                "docker/containers/monitor.log",
                &monitor,
                Some(FileKind::Log(LogKind::Docker)),
            ),
            (
                "logs/monitor.log",
                &monitor,
                Some(FileKind::Log(LogKind::Plain)),
            ),
            (
                "logs/nginx/error.log",
                &nginx_error,
                Some(FileKind::Log(LogKind::NginxError)),
            ),
            ("monitoring/mcp-api.log", &container_log, Some(text)),
        ];
        for (path, content, expected) in cases {
            assert_eq!(classify(path, content), *expected, "{path}");
        }
    }

    #[test]
    fn a_busy_log_with_check_like_lines_is_no_history() {
        // Access and heartbeat lines at random moments, between other lines.
        let busy = "2026-11-20T00:00:00.004118000Z INFO:     172.18.0.7:41234 - \"GET /api/items/1 HTTP/1.1\" 200 OK
2026-11-20T00:00:00.011503000Z INFO:ledger.health:heartbeat ok (queue depth 3)
2026-11-20T00:00:00.019042000Z DEBUG:sqlalchemy.engine.Engine:SELECT items.id FROM items WHERE items.id = 5
2026-11-20T00:00:00.020316000Z INFO:     172.18.0.9:51000 - \"POST /api/orders HTTP/1.1\" 201 Created
2026-11-20T00:00:00.031102000Z INFO:     172.18.0.7:41240 - \"GET /api/items/9 HTTP/1.1\" 200 OK
2026-11-20T00:00:00.044999000Z INFO:ledger.health:heartbeat ok (queue depth 4)
";
        assert_eq!(
            classify("ledger-api.log", busy.as_bytes()),
            Some(FileKind::Log(LogKind::Docker))
        );
        assert_eq!(monitoring::sniff(busy), None);
    }
}
