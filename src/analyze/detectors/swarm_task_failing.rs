//! The `swarm-task-failing` detector: a Swarm service's task history read
//! as its restart history. It reads tasks and services only; what the
//! service's logs say is the catalogue's and the other detectors' to find.

use std::collections::BTreeMap;

use super::crash_loop::{exit_code_meaning, human_span};
use crate::analyze::detector::{Context, Detector, Finding, Horizon, Quote, Remediation};
use crate::evidence::{SwarmService, SwarmTask};
use crate::locale::{Arg, Text};
use crate::{detector_meta, documented_detector};

documented_detector! {
    /// Detects a Swarm service whose tasks keep failing: each failed task
    /// is a container of the service that exited with an error, and the
    /// manager replaced it with a new task, which failed in turn. The task
    /// history is the service's restart history.
    /// It is the generic cause, as a crash loop is for a container: when
    /// another detector or a rule of the catalogue finds in the service's
    /// logs why its tasks die, the ranking shows this one as a symptom of
    /// that cause.
    ///
    /// Why it matters: `docker service ls` keeps showing the service with
    /// its replicas asked for while every task dies, and the manager keeps
    /// only a few failed tasks per slot (`--task-history-limit`, 5 by
    /// default), so the history soon forgets how it began.
    ///
    /// Evidence: the service's tasks in `swarm/tasks.json` (`docker service
    /// ps --no-trunc`): state `failed`, `Status.Err` (`task: non-zero exit
    /// (1)`), `Status.ContainerStatus.ExitCode` and `Status.Timestamp`,
    /// counted, with the first and the last failure; and the service's own
    /// logs (`docker service logs`), which the catalogue scans like any
    /// container log.
    ///
    /// Fix: read what the failed tasks printed (`docker service logs`),
    /// roll the service back if the failures began with an update
    /// (`docker service rollback`), and fix what the exit code and the last
    /// lines say.
    pub struct SwarmTaskFailing;
    id = "swarm-task-failing", role = Cause, summary = "a Swarm service's tasks keep failing and being replaced";
}

impl Detector for SwarmTaskFailing {
    detector_meta!();

    fn detect(&self, cx: &Context<'_>) -> Vec<Finding> {
        let swarm = &cx.evidence.swarm;
        swarm
            .services
            .iter()
            .filter_map(|service| {
                let failed: Vec<&SwarmTask> = swarm
                    .tasks_of(service)
                    .filter(|t| t.state == "failed")
                    .filter(|t| t.timestamp.is_none_or(|at| cx.evidence.window.contains(at)))
                    .collect();
                (!failed.is_empty()).then(|| finding(service, &failed))
            })
            .collect()
    }
}

/// A failure quoted once per distinct error and exit code, at its latest task.
const MAX_QUOTES: usize = 5;

fn finding(service: &SwarmService, failed: &[&SwarmTask]) -> Finding {
    let name = &service.name;
    let last = failed
        .iter()
        .max_by_key(|t| t.timestamp)
        .expect("at least one failed task");
    let (code_text, meaning) = match last.exit_code {
        Some(code) => (
            Text::msg("swarm-task-failing-exit-code").with("code", code.to_string()),
            exit_code_meaning(code),
        ),
        None => (
            Text::msg("swarm-task-failing-no-exit-code"),
            Text::msg("swarm-task-failing-no-exit-code-meaning"),
        ),
    };
    let times: Vec<_> = failed.iter().filter_map(|t| t.timestamp).collect();
    let title = match (times.iter().min(), times.iter().max()) {
        _ if failed.len() == 1 => Text::msg("swarm-task-failing-title-one"),
        (Some(first), Some(last)) => Text::msg("swarm-task-failing-title-within")
            .with("span", human_span((*last - *first).num_seconds())),
        _ => Text::msg("swarm-task-failing-title"),
    }
    .with("service", name)
    .with("failed", Arg::Ungrouped(failed.len() as u64))
    .with("exit", code_text)
    .with("meaning", meaning)
    .with("error", &last.error);
    let mut f = Finding::new(SwarmTaskFailing::ID, SwarmTaskFailing::ROLE, name, title);
    f.confidence = 0.6;
    f.occurrences = failed.len() as u64;
    for t in failed {
        f.seen_at(t.timestamp);
    }
    let mut by_error: BTreeMap<(&str, Option<i64>), (u64, &SwarmTask)> = BTreeMap::new();
    for t in failed {
        let entry = by_error
            .entry((t.error.as_str(), t.exit_code))
            .or_insert((0, t));
        entry.0 += 1;
        if t.timestamp >= entry.1.timestamp {
            entry.1 = t;
        }
    }
    let mut quotes: Vec<Quote> = by_error
        .into_values()
        .map(|(count, t)| Quote {
            source: t.source.clone(),
            line: None,
            timestamp: t.timestamp,
            text: format!(
                "task {}{} failed: {}{}",
                t.short_id(),
                t.slot.map(|s| format!(" (slot {s})")).unwrap_or_default(),
                t.error,
                t.exit_code
                    .map(|c| format!(", exit code {c}"))
                    .unwrap_or_default()
            ),
            count,
        })
        .collect();
    quotes.sort_by_key(|q| std::cmp::Reverse(q.timestamp));
    quotes.truncate(MAX_QUOTES);
    quotes.reverse();
    f.evidence.extend(quotes);
    if let (Some(running), Some(desired)) = (service.running_tasks, service.desired_tasks) {
        f.evidence.push(Quote::field(
            &service.source,
            &format!("[{}].ServiceStatus", service.index),
            format!("{running} of {desired} tasks running"),
        ));
    }
    f.remediation = Remediation::new(Text::msg("swarm-task-failing-summary").with("service", name))
        .step(
            Horizon::Immediate,
            Text::msg("swarm-task-failing-step-read"),
            &[
                format!("docker service ps --no-trunc {name}"),
                format!("docker service logs --timestamps --tail 50 {name}"),
            ],
        )
        .step(
            Horizon::ShortTerm,
            Text::msg("swarm-task-failing-step-rollback").with("service", name),
            &[
                format!("docker service inspect --format '{{{{json .PreviousSpec}}}}' {name}"),
                format!("docker service rollback {name}"),
            ],
        );
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failing_service_reads_in_french() {
        let fr = crate::locale::get("fr").unwrap();
        let title = Text::msg("swarm-task-failing-title-within")
            .with("service", "api")
            .with("failed", Arg::Ungrouped(3))
            .with("span", human_span(3 * 86400))
            .with(
                "exit",
                Text::msg("swarm-task-failing-exit-code").with("code", "137"),
            )
            .with("meaning", exit_code_meaning(137))
            .with("error", "task: non-zero exit (137)");
        assert_eq!(
            title.to_string(),
            format!(
                "api's tasks keep failing: 3 failed tasks in 3 days, the last with exit code 137 ({}): task: non-zero exit (137)",
                exit_code_meaning(137)
            )
        );
        let french = fr.text(&title);
        assert!(
            french.starts_with("Les tâches Swarm de api échouent sans cesse\u{a0}: 3 tâches en échec en 3 jours, la dernière avec le code de sortie 137 ("),
            "{french}"
        );
    }
}
