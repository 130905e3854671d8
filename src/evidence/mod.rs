//! The evidence model: what coroner knows about a host, independent of where
//! it came from (a bundle on disk or a live engine).
//!
//! This layer owns parsing Docker's own formats and masking secrets as they
//! enter. It draws no conclusions: that is the analyzer's job.

pub mod compose;
pub mod container;
pub mod document;
pub mod encoding;
pub mod events;
pub mod forensics;
pub mod image;
pub mod lines;
pub mod listeners;
pub mod logs;
pub mod monitoring;
pub mod probe;
pub mod redact;
pub mod swarm;
pub mod time;

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::locale::Text;

pub use compose::ComposeProject;
pub use container::Container;
pub use events::Event;
pub use forensics::EntrypointForensics;
pub use image::Image;
pub use listeners::Listener;
pub use logs::{LogKind, LogSource};
pub use monitoring::MonitoringSeries;
pub use probe::ProbeResult;
pub use swarm::{Swarm, SwarmNode, SwarmService, SwarmTask};
pub use time::AssumedZone;

/// Everything gathered for one investigation.
#[derive(Debug, Default)]
pub struct Evidence {
    pub root: PathBuf,
    pub meta: BundleMeta,
    pub containers: Vec<Container>,
    pub images: Vec<Image>,
    pub events: Vec<Event>,
    pub listeners: Vec<Listener>,
    pub logs: Vec<LogSource>,
    pub monitoring: Vec<MonitoringSeries>,
    /// What a failed container's entrypoint file looks like (live collection only).
    pub forensics: Vec<EntrypointForensics>,
    /// Live probes of endpoints (`--probe`), saved in or read from the bundle.
    pub probes: Vec<ProbeResult>,
    /// Services, tasks and nodes, when the engine was a Swarm manager.
    pub swarm: Swarm,
    /// Compose projects whose files are in the bundle (`compose/<project>/`).
    pub compose: Vec<ComposeProject>,
    pub inventory: Inventory,
    pub zone: AssumedZone,
    /// The time window asked for (`--since`/`--until`), if any.
    pub window: Window,
    /// The availability target asked for (`--slo`, percent); `None` means the default.
    pub availability_target: Option<f64>,
    /// The engines of a bundle of several (`engines/<name>/`), by name;
    /// empty for a bundle of one.
    pub engines: Vec<EngineEvidence>,
    /// Converted copies of logs the scan reads (see [`encoding::Scratch`]);
    /// removed when the evidence is dropped.
    pub scratch: Option<tempfile::TempDir>,
    log_index: std::sync::OnceLock<LogIndex>,
}

/// One engine of a bundle of several.
#[derive(Debug, Clone, Default)]
pub struct EngineEvidence {
    pub name: String,
    /// Its own `engines/<name>/bundle.json`.
    pub meta: BundleMeta,
    /// The address other hosts reach what it publishes at, if known.
    pub address: Option<String>,
    /// How far its clock ran ahead of the collector's, when both were read.
    pub offset: Option<chrono::TimeDelta>,
    /// Whether its timestamps were corrected by that offset.
    pub corrected: bool,
}

/// Where each service's logs are in [`Evidence::logs`].
#[derive(Debug, Default)]
struct LogIndex {
    by_service: std::collections::HashMap<String, Vec<usize>>,
    by_display: std::collections::HashMap<String, usize>,
}

#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Window {
    pub since: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
}

impl Window {
    pub fn contains(&self, t: DateTime<Utc>) -> bool {
        self.since.is_none_or(|s| t >= s) && self.until.is_none_or(|u| t <= u)
    }
}

impl Evidence {
    pub fn container(&self, name: &str) -> Option<&Container> {
        self.containers.iter().find(|c| c.name == name)
    }

    /// The engine a service (a container, or a log without one) belongs to,
    /// in a bundle of several engines.
    pub fn engine_of<'a>(&'a self, service: &'a str) -> Option<&'a str> {
        match self.container(service) {
            Some(c) => c.engine.as_deref(),
            None => self.logs_of(service).find_map(|l| l.engine.as_deref()),
        }
    }

    /// The image a container runs, matched by id, then by reference.
    pub fn image_of(&self, container: &Container) -> Option<&Image> {
        self.images
            .iter()
            .find(|i| !container.image_id.is_empty() && i.id == container.image_id)
            .or_else(|| {
                self.images
                    .iter()
                    .find(|i| i.tags.contains(&container.image))
            })
    }

    pub fn events_of<'a>(
        &'a self,
        container: &'a Container,
    ) -> impl Iterator<Item = &'a Event> + 'a {
        self.events.iter().filter(move |e| {
            e.kind == "container"
                && e.engine == container.engine
                && (e.name == container.name
                    || (!container.id.is_empty() && e.actor_id == container.id))
        })
    }

    /// What the compose file declares for a container's service, when the
    /// container belongs to a project whose files are in the bundle.
    pub fn compose_service_of(
        &self,
        container: &Container,
    ) -> Option<(&ComposeProject, &compose::ComposeService)> {
        let project = container.labels.get(compose::COMPOSE_PROJECT_LABEL)?;
        let service = container.labels.get(compose::COMPOSE_SERVICE_LABEL)?;
        let project = self.compose.iter().find(|p| &p.name == project)?;
        Some((project, project.service(service)?))
    }

    pub fn forensics_of(&self, container: &Container) -> Option<&EntrypointForensics> {
        self.forensics
            .iter()
            .find(|f| f.container == container.name)
    }

    pub fn logs_of<'a>(&'a self, service: &'a str) -> impl Iterator<Item = &'a LogSource> + 'a {
        self.log_index()
            .by_service
            .get(service)
            .into_iter()
            .flatten()
            .map(|&i| &self.logs[i])
    }

    /// The position in [`Evidence::logs`] of the log shown as `display`.
    pub fn log_position(&self, display: &str) -> Option<usize> {
        self.log_index().by_display.get(display).copied()
    }

    /// Built on first use: logs are complete once the bundle is loaded, and
    /// with thousands of them a scan per question would be quadratic.
    fn log_index(&self) -> &LogIndex {
        self.log_index.get_or_init(|| {
            let mut index = LogIndex::default();
            for (i, log) in self.logs.iter().enumerate() {
                index
                    .by_service
                    .entry(log.service.clone())
                    .or_default()
                    .push(i);
                index.by_display.entry(log.display.clone()).or_insert(i);
            }
            index
        })
    }
}

/// `bundle.json`: where and when the evidence was gathered, and what was not.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct BundleMeta {
    pub host: Option<String>,
    pub engine_version: Option<String>,
    pub api_version: Option<String>,
    pub os: Option<String>,
    pub kernel: Option<String>,
    pub collected_at: Option<String>,
    pub collector: Option<String>,
    pub window: Option<MetaWindow>,
    pub not_collected: Vec<Gap>,
    /// The engine's clock beside the collector's, read at collection.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clock: Option<EngineClock>,
    /// A bundle of several engines: each one's evidence is in
    /// `engines/<name>/`, a complete bundle of one engine.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub engines: Vec<EngineMeta>,
}

/// Two readings of the time taken together: the engine's own
/// (`docker info`'s `SystemTime`) and the collector's, halfway through the
/// request that asked for it. Their difference estimates how far the
/// engine's clock runs ahead of the collector's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EngineClock {
    /// RFC 3339, as the engine gave it.
    pub engine: String,
    /// RFC 3339, UTC.
    pub collector: String,
}

impl EngineClock {
    /// How far the engine's clock is ahead of the collector's (negative: behind).
    pub fn offset(&self) -> Option<chrono::TimeDelta> {
        let engine = time::parse_rfc3339(&self.engine)?;
        let collector = time::parse_rfc3339(&self.collector)?;
        Some(engine - collector)
    }
}

/// One engine of a bundle of several, as the top-level `bundle.json` lists it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct EngineMeta {
    /// Its directory under `engines/`, and its name in the report.
    pub name: String,
    /// Where it was reached: `unix:///var/run/docker.sock`, `tcp://10.0.0.5:2376`.
    pub endpoint: Option<String>,
    /// The address other hosts reach what it publishes at (the host of a
    /// `tcp://` endpoint, or `--engine-address`).
    pub address: Option<String>,
    /// The engine's host name (`docker info`).
    pub host: Option<String>,
    pub clock: Option<EngineClock>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct MetaWindow {
    pub since: Option<String>,
    pub until: Option<String>,
}

/// Something that could not be collected, and why.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
pub struct Gap {
    pub what: String,
    pub why: String,
}

/// A file, or a line of one, that could not be read.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct InputProblem {
    pub source: String,
    pub line: Option<u64>,
    pub message: Text,
}

impl InputProblem {
    /// A problem a parser describes in its own words, shown as they are.
    pub fn detail(source: &str, line: Option<u64>, detail: impl Into<String>) -> InputProblem {
        InputProblem {
            source: source.to_string(),
            line,
            message: Text::msg("analysis-problem-detail").with("detail", detail.into()),
        }
    }
}

impl std::fmt::Display for InputProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.source, line, self.message),
            None => write!(f, "{}: {}", self.source, self.message),
        }
    }
}

/// Which files were recognised as what, and which were ignored and why.
#[derive(Debug, Clone, Default, Serialize, JsonSchema)]
pub struct Inventory {
    pub recognised: Vec<RecognisedFile>,
    pub ignored: Vec<IgnoredFile>,
    pub problems: Vec<InputProblem>,
    pub gaps: Vec<Gap>,
    /// What was masked, of which kinds, in which files (never a value).
    pub redaction: redact::RedactionSummary,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
pub struct RecognisedFile {
    pub path: String,
    pub kind: String,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
pub struct IgnoredFile {
    pub path: String,
    pub reason: String,
}
