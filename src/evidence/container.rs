//! Containers, from `docker container inspect` output.
//!
//! Only the fields the analysis uses are kept. The document is read through
//! [`super::document`]: secrets are masked before any field is read, and a
//! field of the wrong type is dropped with a warning, not the container.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::document::{self, Parsed};
use super::time::parse_docker_time;

#[derive(Debug, Clone, Serialize)]
pub struct Container {
    pub id: String,
    pub name: String,
    /// The image reference the container was created from (`Config.Image`).
    pub image: String,
    pub image_id: String,
    pub created: Option<DateTime<Utc>>,
    pub state: ContainerState,
    pub restart_count: u64,
    pub restart_policy: String,
    pub entrypoint: Vec<String>,
    pub cmd: Vec<String>,
    /// `NAME=value`, secrets masked.
    pub env: Vec<String>,
    pub working_dir: String,
    pub user: String,
    pub labels: BTreeMap<String, String>,
    pub healthcheck: Vec<String>,
    pub ports: Vec<PortBinding>,
    pub networks: Vec<NetworkAttachment>,
    pub mounts: Vec<Mount>,
    pub memory_limit: u64,
    /// Bundle-relative path of the inspect file.
    pub source: String,
    /// The engine the container runs on, in a bundle of several engines
    /// (`engines/<name>/`); `None` in a bundle of one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub engine: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ContainerState {
    pub status: String,
    pub running: bool,
    pub restarting: bool,
    pub oom_killed: bool,
    pub dead: bool,
    pub exit_code: i64,
    pub error: String,
    pub started_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
    pub health: Option<Health>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Health {
    pub status: String,
    pub failing_streak: u64,
    pub log: Vec<HealthProbe>,
}

#[derive(Debug, Clone, Serialize)]
pub struct HealthProbe {
    pub start: Option<DateTime<Utc>>,
    pub end: Option<DateTime<Utc>>,
    pub exit_code: i64,
    pub output: String,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct PortBinding {
    /// `8000/tcp`
    pub container_port: String,
    pub host_ip: String,
    pub host_port: Option<u16>,
}

#[derive(Debug, Clone, Serialize)]
pub struct NetworkAttachment {
    pub network: String,
    pub ip: String,
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Mount {
    pub kind: String,
    pub source: String,
    pub destination: String,
    pub read_write: bool,
}

impl Container {
    /// Parses `docker container inspect` output: an array of one object or the bare object.
    pub fn parse_inspect(json: &str, source: &str) -> Result<Parsed<Container>, serde_json::Error> {
        let raw = document::items::<raw::Inspect>(json, source)?;
        Ok(Parsed {
            items: raw
                .items
                .into_iter()
                .map(|r| r.into_container(source))
                .collect(),
            warnings: raw.warnings,
        })
    }

    /// Whether the container is failing now: crash-looping, exited with an
    /// error, never started, or unhealthy.
    pub fn is_failing(&self) -> bool {
        let s = &self.state;
        s.restarting
            || s.dead
            || (!s.running && s.exit_code != 0)
            || (s.status == "created" && !s.error.is_empty())
            || self.health_status() == Some("unhealthy")
    }

    /// Running, never restarted, and not unhealthy: errors it logged did not hurt it.
    pub fn is_healthy(&self) -> bool {
        self.state.running
            && !self.state.restarting
            && self.restart_count == 0
            && self.health_status() != Some("unhealthy")
    }

    pub fn health_status(&self) -> Option<&str> {
        self.state.health.as_ref().map(|h| h.status.as_str())
    }

    pub fn env_value(&self, name: &str) -> Option<&str> {
        self.env.iter().find_map(|entry| {
            entry
                .split_once('=')
                .filter(|(n, _)| *n == name)
                .map(|(_, v)| v)
        })
    }

    /// The compose service name, or the container name.
    pub fn service_name(&self) -> &str {
        self.labels
            .get("com.docker.compose.service")
            .map_or(self.name.as_str(), String::as_str)
    }

    /// The full command line the container runs, as `docker inspect` shows it.
    pub fn command_line(&self) -> String {
        self.entrypoint
            .iter()
            .chain(self.cmd.iter())
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Docker writes `null` for empty lists and maps; these accept both.
pub(crate) mod lenient {
    use serde::{Deserialize, Deserializer};

    pub fn vec<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
        Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
    }

    /// Docker's `Entrypoint`/`Cmd` are arrays, but older engines and some
    /// tools write a plain string.
    pub fn command<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Form {
            List(Vec<String>),
            Line(String),
        }
        Ok(match Option::<Form>::deserialize(d)? {
            Some(Form::List(v)) => v,
            Some(Form::Line(s)) => vec![s],
            None => Vec::new(),
        })
    }

    pub fn map<'de, D: Deserializer<'de>, V: Deserialize<'de>>(
        d: D,
    ) -> Result<std::collections::BTreeMap<String, V>, D::Error> {
        Ok(Option::<std::collections::BTreeMap<String, V>>::deserialize(d)?.unwrap_or_default())
    }
}

mod raw {
    use std::collections::BTreeMap;

    use serde::Deserialize;

    use super::lenient;

    #[derive(Deserialize, Default)]
    #[serde(rename_all = "PascalCase", default)]
    pub struct Inspect {
        pub id: String,
        pub name: String,
        pub created: String,
        pub image: String,
        pub state: State,
        pub restart_count: u64,
        pub config: Config,
        pub host_config: HostConfig,
        pub network_settings: NetworkSettings,
        #[serde(deserialize_with = "lenient::vec")]
        pub mounts: Vec<Mount>,
    }

    #[derive(Deserialize, Default)]
    #[serde(rename_all = "PascalCase", default)]
    pub struct State {
        pub status: String,
        pub running: bool,
        pub restarting: bool,
        #[serde(rename = "OOMKilled")]
        pub oom_killed: bool,
        pub dead: bool,
        pub exit_code: i64,
        pub error: String,
        pub started_at: String,
        pub finished_at: String,
        pub health: Option<Health>,
    }

    #[derive(Deserialize, Default)]
    #[serde(rename_all = "PascalCase", default)]
    pub struct Health {
        pub status: String,
        pub failing_streak: u64,
        #[serde(deserialize_with = "lenient::vec")]
        pub log: Vec<Probe>,
    }

    #[derive(Deserialize, Default)]
    #[serde(rename_all = "PascalCase", default)]
    pub struct Probe {
        pub start: String,
        pub end: String,
        pub exit_code: i64,
        pub output: String,
    }

    #[derive(Deserialize, Default)]
    #[serde(rename_all = "PascalCase", default)]
    pub struct Config {
        pub image: String,
        #[serde(deserialize_with = "lenient::command")]
        pub entrypoint: Vec<String>,
        #[serde(deserialize_with = "lenient::command")]
        pub cmd: Vec<String>,
        #[serde(deserialize_with = "lenient::vec")]
        pub env: Vec<String>,
        pub working_dir: String,
        pub user: String,
        #[serde(deserialize_with = "lenient::map")]
        pub labels: BTreeMap<String, String>,
        pub healthcheck: Option<Healthcheck>,
    }

    #[derive(Deserialize, Default)]
    #[serde(rename_all = "PascalCase", default)]
    pub struct Healthcheck {
        #[serde(deserialize_with = "lenient::vec")]
        pub test: Vec<String>,
    }

    #[derive(Deserialize, Default)]
    #[serde(rename_all = "PascalCase", default)]
    pub struct HostConfig {
        #[serde(deserialize_with = "lenient::map")]
        pub port_bindings: BTreeMap<String, Option<Vec<HostPort>>>,
        pub restart_policy: RestartPolicy,
        pub memory: u64,
    }

    #[derive(Deserialize, Default)]
    #[serde(rename_all = "PascalCase", default)]
    pub struct RestartPolicy {
        pub name: String,
        pub maximum_retry_count: u64,
    }

    #[derive(Deserialize, Default)]
    #[serde(rename_all = "PascalCase", default)]
    pub struct HostPort {
        pub host_ip: String,
        pub host_port: String,
    }

    #[derive(Deserialize, Default)]
    #[serde(rename_all = "PascalCase", default)]
    pub struct NetworkSettings {
        #[serde(deserialize_with = "lenient::map")]
        pub ports: BTreeMap<String, Option<Vec<HostPort>>>,
        #[serde(deserialize_with = "lenient::map")]
        pub networks: BTreeMap<String, Network>,
    }

    #[derive(Deserialize, Default)]
    #[serde(default)]
    pub struct Network {
        #[serde(rename = "IPAddress")]
        pub ip_address: String,
        #[serde(rename = "Aliases", deserialize_with = "lenient::vec")]
        pub aliases: Vec<String>,
        #[serde(rename = "DNSNames", deserialize_with = "lenient::vec")]
        pub dns_names: Vec<String>,
    }

    #[derive(Deserialize, Default)]
    #[serde(rename_all = "PascalCase", default)]
    pub struct Mount {
        #[serde(rename = "Type")]
        pub kind: String,
        pub source: String,
        pub destination: String,
        #[serde(rename = "RW")]
        pub rw: bool,
    }
}

impl raw::Inspect {
    fn into_container(self, source: &str) -> Container {
        let name = self.name.trim_start_matches('/').to_string();
        let mut ports = Vec::new();
        // The configured bindings survive a container that never started;
        // NetworkSettings.Ports is only filled while it runs.
        let bindings = if self.host_config.port_bindings.is_empty() {
            &self.network_settings.ports
        } else {
            &self.host_config.port_bindings
        };
        for (container_port, hosts) in bindings {
            match hosts {
                Some(hosts) if !hosts.is_empty() => {
                    for h in hosts {
                        ports.push(PortBinding {
                            container_port: container_port.clone(),
                            host_ip: h.host_ip.clone(),
                            host_port: h.host_port.parse().ok(),
                        });
                    }
                }
                _ => ports.push(PortBinding {
                    container_port: container_port.clone(),
                    host_ip: String::new(),
                    host_port: None,
                }),
            }
        }
        ports.sort();
        ports.dedup();
        let policy = &self.host_config.restart_policy;
        let restart_policy = match (policy.name.as_str(), policy.maximum_retry_count) {
            ("", _) => "no".to_string(),
            ("on-failure", n) if n > 0 => format!("on-failure:{n}"),
            (name, _) => name.to_string(),
        };
        let health = self.state.health.map(|h| Health {
            status: h.status,
            failing_streak: h.failing_streak,
            log: h
                .log
                .into_iter()
                .map(|p| HealthProbe {
                    start: parse_docker_time(&p.start),
                    end: parse_docker_time(&p.end),
                    exit_code: p.exit_code,
                    output: p.output,
                })
                .collect(),
        });
        Container {
            id: self.id,
            name,
            image: self.config.image,
            image_id: self.image,
            created: parse_docker_time(&self.created),
            state: ContainerState {
                status: self.state.status,
                running: self.state.running,
                restarting: self.state.restarting,
                oom_killed: self.state.oom_killed,
                dead: self.state.dead,
                exit_code: self.state.exit_code,
                error: self.state.error,
                started_at: parse_docker_time(&self.state.started_at),
                finished_at: parse_docker_time(&self.state.finished_at),
                health,
            },
            restart_count: self.restart_count,
            restart_policy,
            entrypoint: self.config.entrypoint,
            cmd: self.config.cmd,
            env: self.config.env,
            working_dir: self.config.working_dir,
            user: self.config.user,
            labels: self.config.labels,
            healthcheck: self.config.healthcheck.map(|h| h.test).unwrap_or_default(),
            ports,
            networks: self
                .network_settings
                .networks
                .into_iter()
                .map(|(network, n)| {
                    let mut aliases = n.aliases;
                    aliases.extend(n.dns_names);
                    aliases.sort();
                    aliases.dedup();
                    NetworkAttachment {
                        network,
                        ip: n.ip_address,
                        aliases,
                    }
                })
                .collect(),
            mounts: self
                .mounts
                .into_iter()
                .map(|m| Mount {
                    kind: m.kind,
                    source: m.source,
                    destination: m.destination,
                    read_write: m.rw,
                })
                .collect(),
            memory_limit: self.host_config.memory,
            source: source.to_string(),
            engine: None,
        }
    }
}
