//! The services table (one row a container, as the report lists them), and
//! the identity of a service across reports.

use schemars::JsonSchema;
use serde::Serialize;

use crate::evidence::time::format_utc;
use crate::evidence::Evidence;

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ServiceRow {
    pub container: String,
    pub image: String,
    pub state: String,
    pub health: String,
    pub restarts: u64,
    pub exit_code: Option<i64>,
    pub ports: Vec<String>,
    pub started_at: Option<String>,
    pub failing: bool,
}

/// The name that identifies a service from one report to the next: the
/// compose service of its container (`db`, whatever the project or replica),
/// else its name without a compose replica suffix (`db_1`, `db-2` are `db`:
/// what `docker compose logs` prefixes lines with).
pub fn identity(evidence: &Evidence, service: &str) -> String {
    if let Some(container) = evidence.container(service) {
        return container.service_name().to_string();
    }
    match service.rsplit_once(['_', '-']) {
        Some((name, replica))
            if !name.is_empty()
                && !replica.is_empty()
                && replica.bytes().all(|b| b.is_ascii_digit()) =>
        {
            name.to_string()
        }
        _ => service.to_string(),
    }
}

pub fn table(evidence: &Evidence) -> Vec<ServiceRow> {
    evidence
        .containers
        .iter()
        .map(|c| {
            let never_started = c.state.status == "created";
            ServiceRow {
                container: c.name.clone(),
                image: c.image.clone(),
                state: if c.state.restarting {
                    "restarting".to_string()
                } else {
                    c.state.status.clone()
                },
                health: c.health_status().unwrap_or("none").to_string(),
                restarts: c.restart_count,
                exit_code: (!c.state.running || never_started).then_some(c.state.exit_code),
                ports: c
                    .ports
                    .iter()
                    .map(|p| match p.host_port {
                        Some(hp) if p.host_ip.is_empty() => format!("{hp}->{}", p.container_port),
                        Some(hp) => format!("{}:{hp}->{}", p.host_ip, p.container_port),
                        None => p.container_port.clone(),
                    })
                    .collect(),
                started_at: c.state.started_at.map(format_utc),
                failing: c.is_failing(),
            }
        })
        .collect()
}
