//! Live probes of an endpoint: what it answered when coroner asked, one
//! record per try.
//!
//! Probes are saved in the bundle as JSON lines (`probes/probes-*.jsonl`,
//! docs/monitoring-formats.md) so a report can be rebuilt from the bundle
//! alone. This module reads and writes that record; sending the requests is
//! [`crate::collect::probe`]'s job, and judging them the analyzer's.

use std::path::Path;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::monitoring::ErrorClass;
use super::InputProblem;
use super::{document, lines};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProbeResult {
    pub url: String,
    /// When the request was sent.
    pub time: DateTime<Utc>,
    /// 1-based try number within one probe run.
    pub attempt: u32,
    /// 2xx or 3xx.
    pub ok: bool,
    pub status: Option<u16>,
    /// Until the response headers arrived, or until the request failed.
    pub latency_ms: Option<f64>,
    /// Why the try failed; `None` when it succeeded.
    pub class: Option<ErrorClass>,
    /// What the endpoint answered: `200 OK`, `502 Bad Gateway`, `connection refused`.
    pub answer: String,
    /// The client's error text, for failures without a response.
    pub error: Option<String>,
    /// Bundle-relative file the record was read from; empty for a probe not saved.
    #[serde(skip)]
    pub source: String,
    #[serde(skip)]
    pub line: u64,
}

impl ProbeResult {
    /// The record as one line of a probes file.
    pub fn to_json_line(&self) -> String {
        let mut line = serde_json::to_string(self).expect("a probe result always serialises");
        line.push('\n');
        line
    }

    fn parse_line(text: &str, source: &str, line: u64) -> Result<ProbeResult, String> {
        let (mut r, _dropped): (ProbeResult, _) =
            document::one(text, source).map_err(|e| format!("not a probe record: {e}"))?;
        r.source = source.to_string();
        r.line = line;
        Ok(r)
    }
}

/// Whether the first line of a file is a probe record.
pub fn sniff(first_line: &str) -> bool {
    let line = first_line.trim();
    line.starts_with('{')
        && ["\"url\"", "\"attempt\"", "\"answer\"", "\"class\""]
            .iter()
            .all(|k| line.contains(k))
        && ProbeResult::parse_line(line, "", 0).is_ok()
}

/// Reads a probes file; a bad line is reported with its number and skipped.
pub fn load(
    path: &Path,
    display: &str,
    problems: &mut Vec<InputProblem>,
) -> Result<Vec<ProbeResult>, String> {
    let mut out = Vec::new();
    lines::for_each_line(path, lines::MAX_LINE_BYTES, |line| {
        if line.text.trim().is_empty() {
            return;
        }
        match ProbeResult::parse_line(line.text, display, line.number) {
            Ok(r) => out.push(r),
            Err(message) => {
                problems.push(InputProblem::detail(display, Some(line.number), message))
            }
        }
    })
    .map_err(|e| format!("cannot read: {e}"))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn records_round_trip_and_bad_lines_are_reported() {
        let result = ProbeResult {
            url: "http://127.0.0.1:18080/".into(),
            time: DateTime::from_timestamp(1_795_800_209, 0).unwrap(),
            attempt: 1,
            ok: false,
            status: Some(502),
            latency_ms: Some(1.5),
            class: Some(ErrorClass::BadGateway),
            answer: "502 Bad Gateway".into(),
            error: None,
            source: String::new(),
            line: 0,
        };
        let line = result.to_json_line();
        assert!(sniff(&line), "{line}");
        assert!(!sniff(
            "{\"timestamp\":\"2025-10-10T07:00:00Z\",\"ok\":true}"
        ));
        let mut f = tempfile::NamedTempFile::new().unwrap();
        write!(f, "{line}{{\"url\":1}}\n{line}").unwrap();
        let mut problems = Vec::new();
        let read = load(f.path(), "probes/p.jsonl", &mut problems).unwrap();
        assert_eq!(read.len(), 2);
        assert_eq!(read[1].line, 3);
        assert_eq!(read[0].status, Some(502));
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(2));
    }
}
