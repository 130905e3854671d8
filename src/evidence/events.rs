//! Engine events, from `docker events --format '{{json .}}'` (one JSON object a line).
//!
//! The engine keeps only its most recent 256 events, so this source is often
//! partial; the loader records that as a gap.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::container::lenient;
use super::document;

/// The `Actor.Attributes` the analysis reads, besides `name`.
const KEPT_ATTRIBUTES: &[&str] = &["exitCode", "signal", "image"];

#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub time: DateTime<Utc>,
    /// `container`, `network`, `image`, …
    pub kind: String,
    /// The base action: `die`, `start`, `oom`, `health_status`, `exec_die`, …
    pub action: String,
    /// What followed the colon in the action, e.g. `unhealthy` in `health_status: unhealthy`.
    pub detail: String,
    pub actor_id: String,
    /// `Actor.Attributes.name`: the container name for container events.
    pub name: String,
    pub attributes: BTreeMap<String, String>,
    pub source: String,
    pub line: u64,
    /// The engine that reported it, in a bundle of several engines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub engine: Option<String>,
}

impl Event {
    /// Parses one line of `docker events --format '{{json .}}'` (see
    /// [`document`]: secrets masked, wrong-typed fields dropped and named).
    pub fn parse_line(
        text: &str,
        source: &str,
        line: u64,
    ) -> Result<(Event, Vec<crate::locale::Text>), String> {
        let (raw, warnings): (Raw, _) = document::one(text, source)?;
        let time = if raw.time_nano > 0 {
            DateTime::from_timestamp_nanos(raw.time_nano)
        } else {
            DateTime::from_timestamp(raw.time, 0).unwrap_or_default()
        };
        // API < 1.52 also had `status`; newer engines only write `Action`.
        let full_action = if raw.action.is_empty() {
            raw.status
        } else {
            raw.action
        };
        let (action, detail) = match full_action.split_once(':') {
            Some((a, d)) => (a.trim().to_string(), d.trim().to_string()),
            None => (full_action, String::new()),
        };
        let mut attributes = raw.actor.attributes;
        let name = attributes.remove("name").unwrap_or_default();
        // An event carries every label of its container; the analysis reads
        // these few, and a long capture of events must stay small.
        attributes.retain(|key, _| KEPT_ATTRIBUTES.contains(&key.as_str()));
        let event = Event {
            time,
            kind: raw.kind,
            action,
            detail,
            actor_id: if raw.actor.id.is_empty() {
                raw.id
            } else {
                raw.actor.id
            },
            name,
            attributes,
            source: source.to_string(),
            line,
            engine: None,
        };
        Ok((event, warnings))
    }

    pub fn exit_code(&self) -> Option<i64> {
        self.attributes.get("exitCode").and_then(|c| c.parse().ok())
    }

    /// Probes of a healthcheck emit `exec_create`/`exec_start`/`exec_die`
    /// every interval; they are noise for the chronology.
    pub fn is_exec_noise(&self) -> bool {
        self.action.starts_with("exec_")
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Raw {
    status: String,
    id: String,
    #[serde(rename = "Type")]
    kind: String,
    #[serde(rename = "Action")]
    action: String,
    #[serde(rename = "Actor")]
    actor: Actor,
    time: i64,
    #[serde(rename = "timeNano")]
    time_nano: i64,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Actor {
    #[serde(rename = "ID")]
    id: String,
    #[serde(rename = "Attributes", deserialize_with = "lenient::map")]
    attributes: BTreeMap<String, String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_health_status_actions_and_keeps_exit_codes() {
        // The shape `docker events --format '{{json .}}'` prints on Engine 20.10.24 (API 1.41).
        let line = r#"{"status":"health_status: unhealthy","id":"91bc","from":"sigtest:latest","Type":"container","Action":"health_status: unhealthy","Actor":{"ID":"91bc","Attributes":{"image":"sigtest:latest","name":"t_health"}},"scope":"local","time":1795800233,"timeNano":1795800233251537255}"#;
        let (e, _) = Event::parse_line(line, "docker/events.jsonl", 1).unwrap();
        assert_eq!(
            (e.action.as_str(), e.detail.as_str()),
            ("health_status", "unhealthy")
        );
        assert_eq!(e.name, "t_health");
        let die = r#"{"Type":"container","Action":"die","Actor":{"ID":"a8","Attributes":{"exitCode":"137","name":"t"}},"time":1795800209,"timeNano":1795800209714671144}"#;
        assert_eq!(
            Event::parse_line(die, "e", 2).unwrap().0.exit_code(),
            Some(137)
        );
        assert!(Event::parse_line("{not json", "e", 3).is_err());
    }
}
