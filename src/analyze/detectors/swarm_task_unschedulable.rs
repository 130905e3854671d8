//! The `swarm-task-unschedulable` detector: tasks the scheduler cannot
//! place or a node rejects, with the engine's reason quoted and a fix for
//! what it names. It reads tasks, services and nodes, never logs.

use crate::analyze::detector::{Context, Detector, Finding, Horizon, Quote, Remediation};
use crate::evidence::{Evidence, SwarmService, SwarmTask};
use crate::locale::{Arg, Text};
use crate::{detector_meta, documented_detector};

documented_detector! {
    /// Detects a Swarm service whose tasks the manager cannot place or a
    /// node refuses: a task left `pending` while it should run, or a task
    /// `rejected`, with the scheduler's or the node's reason. The reasons
    /// told apart: placement constraints no node satisfies (`no suitable
    /// node (scheduling constraints not satisfied on 1 node)`), resource
    /// reservations no node can give (`insufficient resources on 3
    /// nodes`), no node available for new tasks (drained or paused), and an
    /// image the node does not have and cannot pull (`No such image: …`).
    ///
    /// Why it matters: such a service never starts and logs nothing, so
    /// its logs are silent about it; `docker service ls` shows `0/1`
    /// replicas and only the task's status says why.
    ///
    /// Evidence: the service's tasks in `swarm/tasks.json` (`Status.State`,
    /// `Status.Err`, `DesiredState`), its placement constraints, resource
    /// reservations and image in `swarm/services.json`, and the nodes in
    /// `swarm/nodes.json`.
    ///
    /// Fix: what the reason names: give a node the label the constraint
    /// asks for (or correct the constraint), lower the reservations or add
    /// capacity, make a node available again, or push the image to a
    /// registry the nodes can pull from (`--with-registry-auth` for a
    /// private one).
    pub struct SwarmTaskUnschedulable;
    id = "swarm-task-unschedulable", role = Cause, summary = "a Swarm service's tasks cannot be placed on any node, or are rejected by the node";
}

impl Detector for SwarmTaskUnschedulable {
    detector_meta!();

    fn detect(&self, cx: &Context<'_>) -> Vec<Finding> {
        let swarm = &cx.evidence.swarm;
        swarm
            .services
            .iter()
            .filter_map(|service| {
                let stuck: Vec<&SwarmTask> = swarm
                    .tasks_of(service)
                    .filter(|t| is_stuck(t))
                    .filter(|t| t.timestamp.is_none_or(|at| cx.evidence.window.contains(at)))
                    .collect();
                let last = stuck.iter().copied().max_by_key(|t| t.timestamp)?;
                Some(finding(cx.evidence, service, last, &stuck))
            })
            .collect()
    }
}

/// Left pending while it should run, or rejected by its node; both with a
/// reason, as the scheduler and the node write one.
fn is_stuck(t: &SwarmTask) -> bool {
    let pending = t.state == "pending" && t.desired_state == "running";
    (pending || t.state == "rejected") && !t.error.is_empty()
}

/// What the scheduler's or the node's message says is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reason {
    Image,
    Resources,
    Constraints,
    NoNodeAvailable,
    Other,
}

impl Reason {
    /// The wording is swarmkit's (`manager/scheduler`: `no suitable node
    /// (…)` with each filter's explanation) and the engine's for an image
    /// it cannot find or pull.
    fn of(message: &str) -> Reason {
        let lower = message.to_ascii_lowercase();
        if lower.contains("no such image")
            || lower.contains("pull access denied")
            || lower.contains("manifest unknown")
            || lower.contains("repository does not exist")
        {
            Reason::Image
        } else if lower.contains("insufficient resources") {
            Reason::Resources
        } else if lower.contains("constraints not satisfied") {
            Reason::Constraints
        } else if lower.contains("not available for new tasks") {
            Reason::NoNodeAvailable
        } else {
            Reason::Other
        }
    }
}

fn finding(
    evidence: &Evidence,
    service: &SwarmService,
    last: &SwarmTask,
    stuck: &[&SwarmTask],
) -> Finding {
    let name = &service.name;
    let reason = Reason::of(&last.error);
    let title = if last.state == "rejected" {
        Text::msg("swarm-task-unschedulable-title-rejected")
    } else {
        Text::msg("swarm-task-unschedulable-title-pending")
    }
    .with("service", name)
    .with("error", &last.error);
    let mut f = Finding::new(
        SwarmTaskUnschedulable::ID,
        SwarmTaskUnschedulable::ROLE,
        name,
        title,
    );
    // The engine states the reason itself.
    f.confidence = 0.85;
    f.occurrences = stuck.len() as u64;
    for t in stuck {
        f.seen_at(t.timestamp.or(t.created));
    }
    let field = |t: &SwarmTask, path: &str, value: &str| {
        let mut q = Quote::field(&t.source, &format!("[{}].{path}", t.index), value);
        q.timestamp = t.timestamp;
        q
    };
    f.evidence.push(field(last, "Status.State", &last.state));
    let mut err = field(last, "Status.Err", &last.error);
    err.count = stuck.iter().filter(|t| t.error == last.error).count() as u64;
    f.evidence.push(err);
    let spec = |path: &str, value: String| {
        Quote::field(
            &service.source,
            &format!("[{}].Spec.TaskTemplate.{path}", service.index),
            value,
        )
    };
    let image = if last.image.is_empty() {
        &service.image
    } else {
        &last.image
    };
    // The image without the digest the manager pinned (`name:tag@sha256:…`).
    let image_ref = image.split_once('@').map_or(image.as_str(), |(r, _)| r);
    let mut r;
    match reason {
        Reason::Constraints => {
            let constraints = service.constraints.join(", ");
            f.subject = Some(format!("constraints:{constraints}"));
            f.evidence
                .push(spec("Placement.Constraints", constraints.clone()));
            let labels: Vec<String> = service
                .constraints
                .iter()
                .filter_map(|c| node_label(c))
                .collect();
            r = Remediation::new(
                Text::msg("swarm-task-unschedulable-constraints-summary")
                    .with("service", name)
                    .with("constraints", &constraints),
            )
            .step(
                Horizon::Immediate,
                Text::msg("swarm-task-unschedulable-step-labels"),
                &["docker node ls".to_string(), "docker node inspect --format '{{.Description.Hostname}} {{json .Spec.Labels}}' $(docker node ls -q)".to_string()],
            );
            if !labels.is_empty() {
                let node = evidence
                    .swarm
                    .nodes
                    .first()
                    .map_or("NODE", |n| n.hostname.as_str());
                r = r.step(
                    Horizon::Immediate,
                    Text::msg("swarm-task-unschedulable-step-add-label"),
                    &labels
                        .iter()
                        .map(|l| format!("docker node update --label-add {l} {node}"))
                        .collect::<Vec<_>>(),
                );
            }
            let removals: Vec<String> = service
                .constraints
                .iter()
                .map(|c| format!("docker service update --constraint-rm '{c}' {name}"))
                .collect();
            r = r.step(
                Horizon::ShortTerm,
                Text::msg("swarm-task-unschedulable-step-remove-constraint"),
                &removals,
            );
        }
        Reason::Resources => {
            let cpus = service.reserved_nano_cpus as f64 / 1e9;
            let memory = service.reserved_memory;
            f.subject = Some("resources".into());
            f.evidence.push(spec(
                "Resources.Reservations",
                format!(
                    "NanoCPUs {} (CPUs {cpus}), MemoryBytes {memory}",
                    service.reserved_nano_cpus
                ),
            ));
            // Written as Rust writes the float, with as many decimals.
            let decimals = cpus
                .to_string()
                .split_once('.')
                .map_or(0, |(_, fraction)| fraction.len());
            r = Remediation::new(
                Text::msg("swarm-task-unschedulable-resources-summary")
                    .with("service", name)
                    .with("cpus", Arg::decimal(cpus, decimals.min(12) as u8))
                    .with("memory", Arg::Ungrouped(memory)),
            )
            .step(
                Horizon::Immediate,
                Text::msg("swarm-task-unschedulable-step-capacity"),
                &["docker node ls".to_string(), "docker node inspect --format '{{.Description.Hostname}} {{.Description.Resources.NanoCPUs}} {{.Description.Resources.MemoryBytes}}' $(docker node ls -q)".to_string()],
            )
            .step(
                Horizon::ShortTerm,
                Text::msg("swarm-task-unschedulable-step-lower"),
                &[format!(
                    "docker service update --reserve-cpu {} --reserve-memory {} {name}",
                    (cpus / 2.0).max(0.1),
                    memory / 2
                )],
            );
        }
        Reason::Image => {
            f.subject = Some(format!("image:{image_ref}"));
            f.evidence
                .push(spec("ContainerSpec.Image", service.image.clone()));
            r = Remediation::new(
                Text::msg("swarm-task-unschedulable-image-summary").with("image", image_ref),
            )
            .step(
                Horizon::Immediate,
                Text::msg("swarm-task-unschedulable-step-image-exists"),
                &[
                    format!("docker manifest inspect {image_ref}"),
                    format!("docker pull {image_ref}"),
                ],
            )
            .step(
                Horizon::ShortTerm,
                Text::msg("swarm-task-unschedulable-step-push"),
                &[format!(
                    "docker service update --with-registry-auth --image {image_ref} {name}"
                )],
            );
        }
        Reason::NoNodeAvailable | Reason::Other => {
            f.subject = Some("nodes".into());
            for n in &evidence.swarm.nodes {
                f.evidence.push(Quote::field(
                    &n.source,
                    &format!("{} Spec.Availability", n.hostname),
                    &n.availability,
                ));
            }
            let drained: Vec<String> = evidence
                .swarm
                .nodes
                .iter()
                .filter(|n| n.availability != "active")
                .map(|n| format!("docker node update --availability active {}", n.hostname))
                .collect();
            r = Remediation::new(
                Text::msg("swarm-task-unschedulable-nodes-summary").with("service", name),
            )
            .step(
                Horizon::Immediate,
                Text::msg("swarm-task-unschedulable-step-nodes"),
                &[
                    "docker node ls".to_string(),
                    format!("docker service ps --no-trunc {name}"),
                ],
            );
            if !drained.is_empty() {
                r = r.step(
                    Horizon::Immediate,
                    Text::msg("swarm-task-unschedulable-step-activate"),
                    &drained,
                );
            }
        }
    }
    f.remediation = r;
    f
}

/// `node.labels.zone==eu` → `zone=eu`: the label a node needs to satisfy
/// an equality constraint on a node label.
fn node_label(constraint: &str) -> Option<String> {
    let (key, value) = constraint.split_once("==")?;
    let label = key.trim().strip_prefix("node.labels.")?;
    Some(format!("{label}={}", value.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Messages as swarmkit's scheduler and the engine write them.
    #[test]
    fn reasons_are_told_apart_by_the_engine_s_words() {
        let cases = [
            (
                "no suitable node (scheduling constraints not satisfied on 1 node)",
                Reason::Constraints,
            ),
            (
                "no suitable node (insufficient resources on 3 nodes)",
                Reason::Resources,
            ),
            ("No such image: shop/api:2.0", Reason::Image),
            (
                "no suitable node (1 node not available for new tasks)",
                Reason::NoNodeAvailable,
            ),
        ];
        for (message, reason) in cases {
            assert_eq!(Reason::of(message), reason, "{message}");
        }
    }

    #[test]
    fn an_equality_constraint_on_a_node_label_names_the_label() {
        assert_eq!(
            node_label("node.labels.zone==nowhere").as_deref(),
            Some("zone=nowhere")
        );
        assert_eq!(node_label("node.role==manager"), None);
        assert_eq!(node_label("node.labels.zone!=eu"), None);
    }

    #[test]
    fn the_reservations_read_in_french() {
        let fr = crate::locale::get("fr").unwrap();
        let summary = Text::msg("swarm-task-unschedulable-resources-summary")
            .with("service", "api")
            .with("cpus", Arg::decimal(0.5, 1))
            .with("memory", Arg::Ungrouped(1073741824));
        assert_eq!(
            summary.to_string(),
            "No node has the CPU and memory api reserves (CPUs 0.5, memory 1073741824 bytes) free: lower the reservations or add capacity."
        );
        assert_eq!(
            fr.text(&summary),
            "Aucun nœud n'a de libre le CPU et la mémoire que réserve api (0,5 CPU, 1\u{202f}073\u{202f}741\u{202f}824 octets de mémoire)\u{a0}: baissez les réservations ou ajoutez de la capacité."
        );
    }
}
