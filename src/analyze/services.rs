//! The services table (one row a container, and one a Swarm service, as the
//! report lists them), and the identity of a service across reports.

use schemars::JsonSchema;
use serde::Serialize;

use crate::evidence::time::format_utc;
use crate::evidence::{Evidence, SwarmTask};
use crate::locale::Text;

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ServiceRow {
    pub container: String,
    pub image: String,
    pub state: Text,
    pub health: Text,
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
    let mut rows = container_rows(evidence);
    rows.extend(swarm_rows(evidence));
    rows
}

/// A Swarm service: its tasks stand for its containers. The restarts are
/// its failed tasks, its exit code the last failed task's.
fn swarm_rows(evidence: &Evidence) -> Vec<ServiceRow> {
    let swarm = &evidence.swarm;
    swarm
        .services
        .iter()
        .map(|s| {
            let mut failed: Vec<&SwarmTask> = swarm
                .tasks_of(s)
                .filter(|t| t.state == "failed" || t.state == "rejected")
                .collect();
            failed.sort_by_key(|t| t.timestamp);
            // `docker service inspect` has no ServiceStatus: count the tasks.
            let running = s.running_tasks.unwrap_or_else(|| {
                swarm.tasks_of(s).filter(|t| t.state == "running").count() as u64
            });
            let desired = s.desired_tasks.or(s.replicas).unwrap_or(running);
            ServiceRow {
                container: s.name.clone(),
                image: s.image.clone(),
                state: Text::msg("services-tasks-running")
                    .with("running", running)
                    .with("desired", desired),
                health: health("none"),
                restarts: failed.len() as u64,
                exit_code: failed.last().and_then(|t| t.exit_code),
                ports: s
                    .ports
                    .iter()
                    .map(|p| match p.published {
                        Some(published) => {
                            format!("{published}->{}/{} ({})", p.target, p.protocol, p.mode)
                        }
                        None => format!("{}/{}", p.target, p.protocol),
                    })
                    .collect(),
                started_at: s.created.map(format_utc),
                failing: running < desired,
            }
        })
        .collect()
}

fn container_rows(evidence: &Evidence) -> Vec<ServiceRow> {
    evidence
        .containers
        .iter()
        .map(|c| {
            let never_started = c.state.status == "created";
            ServiceRow {
                container: c.name.clone(),
                image: c.image.clone(),
                state: Text::msg("services-state").with(
                    "state",
                    if c.state.restarting {
                        "restarting"
                    } else {
                        c.state.status.as_str()
                    },
                ),
                health: health(c.health_status().unwrap_or("none")),
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

/// Docker's health status (`healthy`, `unhealthy`, `starting`), or `none`.
fn health(status: &str) -> Text {
    Text::msg("services-health").with("health", status)
}

#[cfg(test)]
mod tests {
    use super::table;
    use crate::testing::fixture;

    #[test]
    fn states_read_in_french() {
        let fr = crate::locale::get("fr").unwrap();
        let rows = table(&fixture("main-incident"));
        let running = rows
            .iter()
            .find(|r| r.state == "running")
            .expect("a running container");
        assert_eq!(fr.text(&running.state), "en cours d'exécution");
        assert_eq!(fr.text(&super::health("unhealthy")), "défaillant");
    }
}
