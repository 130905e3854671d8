//! One chronology of the incident, merged from every source and with repeats
//! collapsed: container lifecycle (events and inspect times), image creation
//! (deploys), health transitions, the first and last occurrence of each
//! finding, and monitoring transitions.

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::Serialize;

use super::rank::Ranked;
use crate::evidence::{Evidence, SwarmTask};
use crate::locale::Text;

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Entry {
    pub time: DateTime<Utc>,
    /// Set when the entry stands for a run of repeats.
    pub until: Option<DateTime<Utc>>,
    pub service: String,
    /// The engine the service runs on, in an investigation of several engines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub engine: Option<String>,
    /// `lifecycle`, `deploy`, `health`, `finding`, `monitoring`.
    pub category: String,
    pub text: Text,
    pub source: String,
}

pub fn build(evidence: &Evidence, ranked: &Ranked) -> Vec<Entry> {
    let mut entries = Vec::new();
    for image in &evidence.images {
        if let Some(created) = image.created {
            let name = image
                .tags
                .first()
                .cloned()
                .unwrap_or_else(|| image.short_id().to_string());
            let users: Vec<&str> = evidence
                .containers
                .iter()
                .filter(|c| evidence.image_of(c).is_some_and(|i| i.id == image.id))
                .map(|c| c.name.as_str())
                .collect();
            entries.push(Entry {
                time: created,
                until: None,
                service: users.join(", "),
                engine: None,
                category: "deploy".into(),
                text: Text::msg("chronology-image-created")
                    .with("image", name)
                    .with("id", image.short_id()),
                source: image.source.clone(),
            });
        }
    }
    lifecycle(evidence, &mut entries);
    swarm_tasks(evidence, &mut entries);
    for cause in &ranked.root_causes {
        finding_entries(evidence, &cause.finding, &mut entries);
    }
    for symptom in &ranked.symptoms {
        finding_entries(evidence, &symptom.finding, &mut entries);
    }
    sort(&mut entries);
    entries
}

/// Sorts entries by time, and drops repeats. Entries at the same time are
/// in the order their English words sort in, whatever the language the
/// report is written in, so that every language lists the same order.
pub fn sort(entries: &mut Vec<Entry>) {
    entries.sort_by_cached_key(|e| {
        (
            e.time,
            e.until,
            e.service.clone(),
            e.engine.clone(),
            e.category.clone(),
            e.text.to_string(),
            e.source.clone(),
        )
    });
    entries.dedup();
}

fn finding_entries(evidence: &Evidence, f: &super::detector::Finding, entries: &mut Vec<Entry>) {
    let Some(first) = f.first_seen else { return };
    let source = f
        .evidence
        .first()
        .map(|q| q.source.clone())
        .unwrap_or_default();
    let until = f.last_seen.filter(|l| *l > first);
    let text = if f.occurrences > 1 {
        Text::msg("chronology-finding-repeated").with("times", f.occurrences)
    } else {
        Text::msg("chronology-finding")
    };
    entries.push(Entry {
        time: first,
        until,
        service: f.service.clone(),
        engine: evidence.engine_of(&f.service).map(str::to_string),
        category: "finding".into(),
        text: text.with("title", f.title.clone()),
        source,
    });
}

/// Swarm task history, a service at a time: a run of tasks that ended the
/// same way (failed with the same error, left pending for the same reason)
/// is one entry from the first to the last.
fn swarm_tasks(evidence: &Evidence, entries: &mut Vec<Entry>) {
    let swarm = &evidence.swarm;
    for service in &swarm.services {
        let mut tasks: Vec<(DateTime<Utc>, &SwarmTask)> = swarm
            .tasks_of(service)
            .filter_map(|t| Some((t.timestamp?, t)))
            .filter(|(at, _)| evidence.window.contains(*at))
            .collect();
        tasks.sort_by_key(|(at, t)| (*at, t.index));
        for run in tasks.chunk_by(|a, b| (&a.1.state, &a.1.error) == (&b.1.state, &b.1.error)) {
            let (first, task) = run[0];
            let last = run[run.len() - 1].0;
            let text = if task.error.is_empty() {
                Text::msg("chronology-tasks")
            } else {
                Text::msg("chronology-tasks-error").with("error", &task.error)
            }
            .with("tasks", run.len())
            .with("service", &service.name)
            .with("state", &task.state);
            entries.push(Entry {
                time: first,
                until: (last > first).then_some(last),
                service: service.name.clone(),
                engine: evidence.engine_of(&service.name).map(str::to_string),
                category: "lifecycle".into(),
                text,
                source: format!("{} [{}]", task.source, task.index),
            });
        }
    }
}

/// Container lifecycle from events, collapsing runs of die/start into one entry.
fn lifecycle(evidence: &Evidence, entries: &mut Vec<Entry>) {
    for c in &evidence.containers {
        let events: Vec<_> = evidence
            .events_of(c)
            .filter(|e| !e.is_exec_noise())
            .collect();
        let mut i = 0;
        while i < events.len() {
            let e = events[i];
            if e.action == "die" {
                // Collapse a run of die/start pairs with the same exit code.
                let code = e.exit_code();
                let mut j = i;
                let mut dies = 0;
                while j < events.len()
                    && matches!(events[j].action.as_str(), "die" | "start" | "restart")
                    && (events[j].action != "die" || events[j].exit_code() == code)
                {
                    if events[j].action == "die" {
                        dies += 1;
                    }
                    j += 1;
                }
                let last = events[j - 1];
                let text = match (dies > 1, code) {
                    (true, Some(code)) => Text::msg("chronology-exited-repeatedly-code")
                        .with("code", code.to_string()),
                    (true, None) => Text::msg("chronology-exited-repeatedly"),
                    (false, Some(code)) => {
                        Text::msg("chronology-exited-code").with("code", code.to_string())
                    }
                    (false, None) => Text::msg("chronology-exited"),
                }
                .with("container", &c.name)
                .with("dies", dies);
                entries.push(Entry {
                    time: e.time,
                    until: (dies > 1).then_some(last.time),
                    service: c.name.clone(),
                    engine: c.engine.clone(),
                    category: "lifecycle".into(),
                    text,
                    source: format!("{}:{}", e.source, e.line),
                });
                i = j;
                continue;
            }
            let text = match (e.action.as_str(), e.detail.as_str()) {
                ("health_status", status) => Text::msg("chronology-health").with("status", status),
                ("oom", _) => Text::msg("chronology-oom"),
                ("kill", _) => Text::msg("chronology-kill").with(
                    "signal",
                    e.attributes.get("signal").map_or("?", String::as_str),
                ),
                (action, _) => Text::msg("chronology-event").with("action", action),
            }
            .with("container", &c.name);
            let category = if e.action == "health_status" {
                "health"
            } else {
                "lifecycle"
            };
            entries.push(Entry {
                time: e.time,
                until: None,
                service: c.name.clone(),
                engine: c.engine.clone(),
                category: category.into(),
                text,
                source: format!("{}:{}", e.source, e.line),
            });
            i += 1;
        }
        if let Some(started) = c.state.started_at {
            entries.push(Entry {
                time: started,
                until: None,
                service: c.name.clone(),
                engine: c.engine.clone(),
                category: "lifecycle".into(),
                text: Text::msg("chronology-last-started")
                    .with("container", &c.name)
                    .with("restarts", c.restart_count),
                source: format!("{} (State.StartedAt)", c.source),
            });
        }
        if let (Some(finished), false) = (c.state.finished_at, c.state.running) {
            entries.push(Entry {
                time: finished,
                until: None,
                service: c.name.clone(),
                engine: c.engine.clone(),
                category: "lifecycle".into(),
                text: Text::msg("chronology-last-exited")
                    .with("container", &c.name)
                    .with("code", c.state.exit_code.to_string()),
                source: format!("{} (State.FinishedAt)", c.source),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analyze::analyze;
    use crate::locale::{get, Arg};
    use crate::testing::fixture;

    #[test]
    fn a_restart_loop_reads_in_french() {
        let analysis = analyze(&fixture("main-incident"));
        let looping = analysis
            .timeline
            .iter()
            .find(|e| e.text.id() == Some("chronology-exited-repeatedly-code"))
            .expect("the crash loop is one entry");
        let (Some(Arg::Number { value: dies, .. }), Some(Arg::Code(code))) =
            (looping.text.arg("dies"), looping.text.arg("code"))
        else {
            panic!("{looping:?}")
        };
        assert!(*dies > 1.0);
        assert_eq!(
            looping.text.to_string(),
            format!("mcp-api exited {dies} times, exit code {code} (restart loop)")
        );
        assert_eq!(
            get("fr").unwrap().text(&looping.text),
            format!(
                "mcp-api s'est arrêté {dies} fois, code de sortie {code} (redémarrage en boucle)"
            )
        );
    }
}
