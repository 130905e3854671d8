//! Swarm mode: services, tasks and nodes, from the engine's own lists
//! (`GET /services`, `/tasks`, `/nodes`, the documents `docker service
//! inspect`, `docker inspect TASK` and `docker node inspect` print).
//!
//! A task is one attempt to run a service's slot: the manager replaces a
//! task that failed with a new one and keeps the old ones as history, so the
//! tasks of a service are its restart history. Only the fields the analysis
//! reads are kept. Documents are read through [`super::document`]: secrets
//! are masked before any field is read, and a field of the wrong type is
//! dropped with a warning naming it, the rest of the item kept. This module
//! reads; it does not decide what a state means for the incident.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::container::lenient;
use super::document::{self, Parsed};
use super::time::parse_docker_time;

/// What the manager knows: empty when the engine is not a Swarm manager.
#[derive(Debug, Default)]
pub struct Swarm {
    pub services: Vec<SwarmService>,
    pub tasks: Vec<SwarmTask>,
    pub nodes: Vec<SwarmNode>,
}

impl Swarm {
    pub fn service_by_id(&self, id: &str) -> Option<&SwarmService> {
        self.services.iter().find(|s| s.id == id)
    }

    /// The service's tasks, oldest first.
    pub fn tasks_of<'a>(
        &'a self,
        service: &'a SwarmService,
    ) -> impl Iterator<Item = &'a SwarmTask> + 'a {
        self.tasks
            .iter()
            .filter(move |t| t.service_id == service.id)
    }

    pub fn node(&self, id: &str) -> Option<&SwarmNode> {
        self.nodes.iter().find(|n| n.id == id)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct SwarmService {
    pub id: String,
    pub name: String,
    /// `Spec.TaskTemplate.ContainerSpec.Image`, as the service asks for it.
    pub image: String,
    /// `replicated` or `global` (or another mode a newer engine names).
    pub mode: String,
    /// Replicas asked for, for a replicated service.
    pub replicas: Option<u64>,
    /// `Spec.TaskTemplate.Placement.Constraints`, e.g. `node.labels.zone==eu`.
    pub constraints: Vec<String>,
    /// `Spec.TaskTemplate.Resources.Reservations`: CPUs in billionths, memory in bytes.
    pub reserved_nano_cpus: u64,
    pub reserved_memory: u64,
    pub labels: BTreeMap<String, String>,
    /// `ServiceStatus`, when the list was asked with `status=true`.
    pub running_tasks: Option<u64>,
    pub desired_tasks: Option<u64>,
    /// The last rolling update, when there was one.
    pub update: Option<UpdateStatus>,
    /// Ports published through the routing mesh or on the host.
    pub ports: Vec<PublishedPort>,
    pub created: Option<DateTime<Utc>>,
    pub updated: Option<DateTime<Utc>>,
    /// Bundle-relative path of the services document.
    pub source: String,
    /// Where the service is in its document (`[2]`), for quotes.
    pub index: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct UpdateStatus {
    /// `updating`, `paused`, `completed`, `rollback_started`,
    /// `rollback_paused`, `rollback_completed`.
    pub state: String,
    pub message: String,
    pub started: Option<DateTime<Utc>>,
    pub completed: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublishedPort {
    pub protocol: String,
    pub target: u16,
    pub published: Option<u16>,
    /// `ingress` (the routing mesh) or `host`.
    pub mode: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SwarmTask {
    pub id: String,
    pub service_id: String,
    /// The replica slot the task fills (none for a global service's tasks).
    pub slot: Option<u64>,
    pub node_id: String,
    /// `Status.State`: `new` … `pending`, `assigned`, … `running`,
    /// `complete`, `shutdown`, `failed`, `rejected`, `remove`, `orphaned`.
    pub state: String,
    /// What the manager wants of it: `running`, `shutdown`, …
    pub desired_state: String,
    /// `Status.Message`: what the task was doing (`started`, `pending task scheduling`).
    pub message: String,
    /// `Status.Err`: why it failed or waits (`task: non-zero exit (1)`,
    /// `no suitable node (…)`, `No such image: …`).
    pub error: String,
    /// `Status.ContainerStatus.ExitCode`, once its container exited.
    pub exit_code: Option<i64>,
    pub container_id: String,
    /// `Status.Timestamp`: when it entered its current state.
    pub timestamp: Option<DateTime<Utc>>,
    pub created: Option<DateTime<Utc>>,
    /// `Spec.ContainerSpec.Image`: the image this attempt ran.
    pub image: String,
    pub source: String,
    pub index: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct SwarmNode {
    pub id: String,
    pub hostname: String,
    /// `manager` or `worker`.
    pub role: String,
    /// `active`, `pause` or `drain`.
    pub availability: String,
    /// `Status.State`: `ready`, `down`, `disconnected`, `unknown`.
    pub state: String,
    pub message: String,
    pub labels: BTreeMap<String, String>,
    pub source: String,
}

impl SwarmService {
    /// Parses a services list (`GET /services`) or one `docker service inspect` item.
    pub fn parse(json: &str, source: &str) -> Result<Parsed<SwarmService>, serde_json::Error> {
        let raw = document::items::<raw::Service>(json, source)?;
        let items = raw
            .items
            .into_iter()
            .enumerate()
            .map(|(index, r)| r.into_service(source, index))
            .collect();
        Ok(Parsed {
            items,
            warnings: raw.warnings,
        })
    }
}

impl SwarmTask {
    /// Parses a tasks list (`GET /tasks`).
    pub fn parse(json: &str, source: &str) -> Result<Parsed<SwarmTask>, serde_json::Error> {
        let raw = document::items::<raw::Task>(json, source)?;
        let items = raw
            .items
            .into_iter()
            .enumerate()
            .map(|(index, t)| {
                let (exit_code, container_id) = t
                    .status
                    .container_status
                    .map_or((None, String::new()), |c| (c.exit_code, c.container_id));
                SwarmTask {
                    id: t.id,
                    service_id: t.service_id,
                    slot: t.slot,
                    node_id: t.node_id,
                    state: t.status.state,
                    desired_state: t.desired_state,
                    message: t.status.message,
                    error: t.status.err,
                    exit_code,
                    container_id,
                    timestamp: parse_docker_time(&t.status.timestamp),
                    created: parse_docker_time(&t.created_at),
                    image: t.spec.container_spec.image,
                    source: source.to_string(),
                    index,
                }
            })
            .collect();
        Ok(Parsed {
            items,
            warnings: raw.warnings,
        })
    }

    /// The 12 characters of its id `docker service ps` shows.
    pub fn short_id(&self) -> &str {
        self.id
            .char_indices()
            .nth(12)
            .map_or(self.id.as_str(), |(end, _)| &self.id[..end])
    }
}

impl SwarmNode {
    /// Parses a nodes list (`GET /nodes`).
    pub fn parse(json: &str, source: &str) -> Result<Parsed<SwarmNode>, serde_json::Error> {
        let raw = document::items::<raw::Node>(json, source)?;
        let items = raw
            .items
            .into_iter()
            .map(|n| SwarmNode {
                id: n.id,
                hostname: n.description.hostname,
                role: n.spec.role,
                availability: n.spec.availability,
                state: n.status.state,
                message: n.status.message,
                labels: n.spec.labels,
                source: source.to_string(),
            })
            .collect();
        Ok(Parsed {
            items,
            warnings: raw.warnings,
        })
    }
}

impl raw::Service {
    fn into_service(self, source: &str, index: usize) -> SwarmService {
        let template = self.spec.task_template;
        let (mode, replicas) = match (self.spec.mode.replicated, self.spec.mode.global) {
            (Some(r), _) => ("replicated".to_string(), r.replicas),
            (None, Some(_)) => ("global".to_string(), None),
            (None, None) => (String::new(), None),
        };
        let mut ports: Vec<PublishedPort> = self
            .endpoint
            .ports
            .into_iter()
            .chain(self.spec.endpoint_spec.ports)
            .map(|p| PublishedPort {
                protocol: p.protocol,
                target: p.target_port,
                published: p.published_port.filter(|p| *p != 0),
                mode: p.publish_mode,
            })
            .collect();
        ports.dedup();
        SwarmService {
            id: self.id,
            name: self.spec.name,
            image: template.container_spec.image,
            mode,
            replicas,
            constraints: template.placement.constraints,
            reserved_nano_cpus: template.resources.reservations.nano_cpus,
            reserved_memory: template.resources.reservations.memory_bytes,
            labels: self.spec.labels,
            running_tasks: self.service_status.as_ref().map(|s| s.running_tasks),
            desired_tasks: self.service_status.as_ref().map(|s| s.desired_tasks),
            update: self.update_status.map(|u| UpdateStatus {
                state: u.state,
                message: u.message,
                started: parse_docker_time(&u.started_at),
                completed: parse_docker_time(&u.completed_at),
            }),
            ports,
            created: parse_docker_time(&self.created_at),
            updated: parse_docker_time(&self.updated_at),
            source: source.to_string(),
            index,
        }
    }
}

/// The engine's field names; everything defaults, `null` lists are empty.
mod raw {
    use std::collections::BTreeMap;

    use serde::Deserialize;

    use super::lenient;

    #[derive(Deserialize, Default)]
    #[serde(rename_all = "PascalCase", default)]
    pub struct Service {
        #[serde(rename = "ID")]
        pub id: String,
        pub created_at: String,
        pub updated_at: String,
        pub spec: ServiceSpec,
        pub endpoint: Endpoint,
        pub update_status: Option<UpdateStatus>,
        pub service_status: Option<ServiceStatus>,
    }

    #[derive(Deserialize, Default)]
    #[serde(rename_all = "PascalCase", default)]
    pub struct ServiceSpec {
        pub name: String,
        #[serde(deserialize_with = "lenient::map")]
        pub labels: BTreeMap<String, String>,
        pub task_template: TaskTemplate,
        pub mode: Mode,
        pub endpoint_spec: Endpoint,
    }

    #[derive(Deserialize, Default)]
    #[serde(rename_all = "PascalCase", default)]
    pub struct TaskTemplate {
        pub container_spec: ContainerSpec,
        pub placement: Placement,
        pub resources: Resources,
    }

    #[derive(Deserialize, Default)]
    #[serde(rename_all = "PascalCase", default)]
    pub struct ContainerSpec {
        pub image: String,
    }

    #[derive(Deserialize, Default)]
    #[serde(rename_all = "PascalCase", default)]
    pub struct Placement {
        #[serde(deserialize_with = "lenient::vec")]
        pub constraints: Vec<String>,
    }

    #[derive(Deserialize, Default)]
    #[serde(rename_all = "PascalCase", default)]
    pub struct Resources {
        pub reservations: Reservations,
    }

    #[derive(Deserialize, Default)]
    #[serde(default)]
    pub struct Reservations {
        #[serde(rename = "NanoCPUs")]
        pub nano_cpus: u64,
        #[serde(rename = "MemoryBytes")]
        pub memory_bytes: u64,
    }

    #[derive(Deserialize, Default)]
    #[serde(rename_all = "PascalCase", default)]
    pub struct Mode {
        pub replicated: Option<Replicated>,
        pub global: Option<serde::de::IgnoredAny>,
    }

    #[derive(Deserialize, Default)]
    #[serde(rename_all = "PascalCase", default)]
    pub struct Replicated {
        pub replicas: Option<u64>,
    }

    #[derive(Deserialize, Default)]
    #[serde(rename_all = "PascalCase", default)]
    pub struct Endpoint {
        #[serde(deserialize_with = "lenient::vec")]
        pub ports: Vec<Port>,
    }

    #[derive(Deserialize, Default)]
    #[serde(rename_all = "PascalCase", default)]
    pub struct Port {
        pub protocol: String,
        pub target_port: u16,
        pub published_port: Option<u16>,
        pub publish_mode: String,
    }

    #[derive(Deserialize, Default)]
    #[serde(rename_all = "PascalCase", default)]
    pub struct UpdateStatus {
        pub state: String,
        pub message: String,
        pub started_at: String,
        pub completed_at: String,
    }

    #[derive(Deserialize, Default)]
    #[serde(rename_all = "PascalCase", default)]
    pub struct ServiceStatus {
        pub running_tasks: u64,
        pub desired_tasks: u64,
    }

    #[derive(Deserialize, Default)]
    #[serde(rename_all = "PascalCase", default)]
    pub struct Task {
        #[serde(rename = "ID")]
        pub id: String,
        #[serde(rename = "ServiceID")]
        pub service_id: String,
        #[serde(rename = "NodeID")]
        pub node_id: String,
        pub slot: Option<u64>,
        pub created_at: String,
        pub desired_state: String,
        pub status: TaskStatus,
        pub spec: TaskSpec,
    }

    #[derive(Deserialize, Default)]
    #[serde(rename_all = "PascalCase", default)]
    pub struct TaskSpec {
        pub container_spec: ContainerSpec,
    }

    #[derive(Deserialize, Default)]
    #[serde(rename_all = "PascalCase", default)]
    pub struct TaskStatus {
        pub timestamp: String,
        pub state: String,
        pub message: String,
        pub err: String,
        pub container_status: Option<ContainerStatus>,
    }

    #[derive(Deserialize, Default)]
    #[serde(rename_all = "PascalCase", default)]
    pub struct ContainerStatus {
        #[serde(rename = "ContainerID")]
        pub container_id: String,
        pub exit_code: Option<i64>,
    }

    #[derive(Deserialize, Default)]
    #[serde(rename_all = "PascalCase", default)]
    pub struct Node {
        #[serde(rename = "ID")]
        pub id: String,
        pub description: NodeDescription,
        pub spec: NodeSpec,
        pub status: NodeStatus,
    }

    #[derive(Deserialize, Default)]
    #[serde(rename_all = "PascalCase", default)]
    pub struct NodeDescription {
        pub hostname: String,
    }

    #[derive(Deserialize, Default)]
    #[serde(rename_all = "PascalCase", default)]
    pub struct NodeSpec {
        #[serde(deserialize_with = "lenient::map")]
        pub labels: BTreeMap<String, String>,
        pub role: String,
        pub availability: String,
    }

    #[derive(Deserialize, Default)]
    #[serde(rename_all = "PascalCase", default)]
    pub struct NodeStatus {
        pub state: String,
        pub message: String,
    }
}
