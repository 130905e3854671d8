//! One chronology of the incident, merged from every source and with repeats
//! collapsed: container lifecycle (events and inspect times), image creation
//! (deploys), health transitions, the first and last occurrence of each
//! finding, and monitoring transitions.

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::Serialize;

use super::rank::Ranked;
use crate::evidence::{Evidence, SwarmTask};

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
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
    pub text: String,
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
                text: format!("image {name} ({}) created", image.short_id()),
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
    entries.sort();
    entries.dedup();
    entries
}

fn finding_entries(evidence: &Evidence, f: &super::detector::Finding, entries: &mut Vec<Entry>) {
    let Some(first) = f.first_seen else { return };
    let source = f
        .evidence
        .first()
        .map(|q| q.source.clone())
        .unwrap_or_default();
    let until = f.last_seen.filter(|l| *l > first);
    let times = if f.occurrences > 1 {
        format!(" ({} times)", f.occurrences)
    } else {
        String::new()
    };
    entries.push(Entry {
        time: first,
        until,
        service: f.service.clone(),
        engine: evidence.engine_of(&f.service).map(str::to_string),
        category: "finding".into(),
        text: format!("{}{times}", f.title),
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
            let why = if task.error.is_empty() {
                String::new()
            } else {
                format!(": {}", task.error)
            };
            let text = match run.len() {
                1 => format!("a task of {} {}{why}", service.name, task.state),
                n => format!("{n} tasks of {} {}{why}", service.name, task.state),
            };
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
                let code_text = code.map_or(String::new(), |c| format!(", exit code {c}"));
                let text = if dies > 1 {
                    format!("{} exited {dies} times{code_text} (restart loop)", c.name)
                } else {
                    format!("{} exited{code_text}", c.name)
                };
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
                ("health_status", status) => format!("{} became {status}", c.name),
                ("oom", _) => format!("{} hit its memory limit (oom)", c.name),
                ("kill", _) => format!(
                    "{} was sent signal {}",
                    c.name,
                    e.attributes.get("signal").map_or("?", String::as_str)
                ),
                (action, _) => format!("{} {action}", c.name),
            };
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
                text: format!(
                    "{} last started (restart count {})",
                    c.name, c.restart_count
                ),
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
                text: format!("{} last exited with code {}", c.name, c.state.exit_code),
                source: format!("{} (State.FinishedAt)", c.source),
            });
        }
    }
}
