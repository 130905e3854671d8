//! The `swarm-update-rolled-back` detector: a service update that Swarm
//! rolled back or paused because the new tasks failed. It reads the
//! services' update status only; why the new tasks failed is for the
//! detectors that read their logs and task history.

use crate::analyze::detector::{Context, Detector, Finding, Horizon, Quote, Remediation};
use crate::evidence::swarm::UpdateStatus;
use crate::evidence::SwarmService;
use crate::locale::Text;
use crate::{detector_meta, documented_detector};

documented_detector! {
    /// Detects a Swarm service whose last update did not take over: Swarm
    /// rolled it back (`UpdateStatus.State` `rollback_started`,
    /// `rollback_completed`, `rollback_paused`) or paused it (`paused`),
    /// as it does when new tasks fail while `--update-failure-action` is
    /// `rollback` or `pause`. The manager's message says why, e.g.
    /// `update rolled back due to failure or early termination of task …`
    /// (swarmkit, `manager/orchestrator/update/updater.go`).
    ///
    /// Why it matters: after a rollback the service runs its previous
    /// version again and may look healthy, while the deploy everyone
    /// thinks is live never was.
    ///
    /// Evidence: `UpdateStatus` of the service in `swarm/services.json`.
    ///
    /// Fix: find why the new version's tasks failed (`docker service ps
    /// --no-trunc`, `docker service logs`), fix it, and update again.
    pub struct SwarmUpdateRolledBack;
    id = "swarm-update-rolled-back", role = Symptom, summary = "a Swarm service's update failed and was rolled back or paused: the new version never took over";
}

impl Detector for SwarmUpdateRolledBack {
    detector_meta!();

    fn detect(&self, cx: &Context<'_>) -> Vec<Finding> {
        cx.evidence
            .swarm
            .services
            .iter()
            .filter_map(|service| {
                let update = service.update.as_ref().filter(|u| did_not_take_over(u))?;
                let at = update.completed.or(update.started);
                at.is_none_or(|t| cx.evidence.window.contains(t))
                    .then(|| finding(service, update))
            })
            .collect()
    }
}

fn did_not_take_over(update: &UpdateStatus) -> bool {
    update.state.starts_with("rollback_") || update.state == "paused"
}

fn finding(service: &SwarmService, update: &UpdateStatus) -> Finding {
    let name = &service.name;
    let outcome = if update.state == "paused" {
        "paused"
    } else {
        "rolled-back"
    };
    let title = if update.message.is_empty() {
        Text::msg("swarm-update-rolled-back-title")
    } else {
        Text::msg("swarm-update-rolled-back-title-message").with("message", &update.message)
    }
    .with("service", name)
    .with("outcome", outcome);
    let mut f = Finding::new(
        SwarmUpdateRolledBack::ID,
        SwarmUpdateRolledBack::ROLE,
        name,
        title,
    );
    f.confidence = 0.8;
    f.occurrences = 1;
    f.subject = Some(update.state.clone());
    f.seen_at(update.started);
    f.seen_at(update.completed);
    let field = |path: &str, value: &str| {
        let mut q = Quote::field(
            &service.source,
            &format!("[{}].UpdateStatus.{path}", service.index),
            value,
        );
        q.timestamp = update.completed.or(update.started);
        q
    };
    f.evidence.push(field("State", &update.state));
    if !update.message.is_empty() {
        f.evidence.push(field("Message", &update.message));
    }
    f.remediation =
        Remediation::new(Text::msg("swarm-update-rolled-back-summary").with("service", name)).step(
            Horizon::Immediate,
            Text::msg("swarm-update-rolled-back-step"),
            &[
                format!("docker service ps --no-trunc {name}"),
                format!("docker service logs --timestamps --tail 100 {name}"),
                format!("docker service inspect --format '{{{{json .UpdateStatus}}}}' {name}"),
            ],
        );
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paused_update_reads_in_french() {
        let fr = crate::locale::get("fr").unwrap();
        let title = Text::msg("swarm-update-rolled-back-title")
            .with("service", "api")
            .with("outcome", "paused");
        assert_eq!(
            title.to_string(),
            "api's last update failed and Swarm paused it: the new version never took over"
        );
        assert_eq!(
            fr.text(&title),
            "La dernière mise à jour de api a échoué et Swarm l'a suspendue\u{a0}: la nouvelle version n'a jamais pris le relais"
        );
    }
}
