//! Monitoring histories: one sample per check, success or failure.
//!
//! Read from JSON lines, CSV with a header, or plain-text monitor logs. Field
//! names vary between tools, so each role is recognised under its common
//! names (see [`FIELD_NAMES`]). A row that cannot be read is reported with
//! its file and line and skipped; the rest of the file still counts.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::Path;

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;

use super::redact::redact_text;
use super::time::{leading_timestamp, parse_any, AssumedZone};
use super::InputProblem;

#[derive(Debug, Clone, Serialize)]
pub struct MonitoringSeries {
    /// The monitored target: a URL when the history names one, else the file stem.
    pub target: String,
    pub source: String,
    pub format: HistoryFormat,
    pub samples: Vec<Sample>,
    /// Distinct error messages; samples refer to them by index to keep a
    /// million-row history small.
    pub messages: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum HistoryFormat {
    JsonLines,
    Csv,
    PlainText,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Sample {
    pub time: DateTime<Utc>,
    pub ok: bool,
    pub status: Option<u16>,
    pub latency_ms: Option<f32>,
    /// Index into [`MonitoringSeries::messages`].
    pub message: Option<u32>,
    /// Line in the source file, for quoting.
    pub line: u32,
}

impl MonitoringSeries {
    pub fn message(&self, sample: &Sample) -> Option<&str> {
        sample.message.map(|i| self.messages[i as usize].as_str())
    }
}

/// The names each field goes by in common monitoring exports, lower-case.
pub const FIELD_NAMES: &[(Field, &[&str])] = &[
    (
        Field::Time,
        &[
            "timestamp",
            "time",
            "ts",
            "date",
            "datetime",
            "@timestamp",
            "checked_at",
        ],
    ),
    (
        Field::Ok,
        &[
            "ok", "success", "up", "status", "healthy", "result", "state",
        ],
    ),
    (
        Field::Code,
        &[
            "status_code",
            "code",
            "http_status",
            "http_code",
            "statuscode",
        ],
    ),
    (
        Field::Latency,
        &[
            "latency_ms",
            "response_time",
            "duration",
            "latency",
            "response_time_ms",
            "duration_ms",
            "ping",
        ],
    ),
    (
        Field::Message,
        &["error", "message", "reason", "msg", "detail"],
    ),
    (
        Field::Target,
        &["url", "target", "endpoint", "monitor", "name", "instance"],
    ),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Time,
    Ok,
    Code,
    Latency,
    Message,
    Target,
}

fn field_of(name: &str) -> Option<Field> {
    let lower = name.trim().trim_matches('"').to_ascii_lowercase();
    FIELD_NAMES
        .iter()
        .find(|(_, names)| names.contains(&lower.as_str()))
        .map(|(f, _)| *f)
}

/// Guesses the format of a monitoring history from its first lines, or `None`
/// when they do not look like one.
pub fn sniff(head: &str) -> Option<HistoryFormat> {
    let first = head.lines().find(|l| !l.trim().is_empty())?.trim();
    if first.starts_with('{') {
        let v: Value = serde_json::from_str(first).ok()?;
        let obj = v.as_object()?;
        let fields: Vec<Field> = obj.keys().filter_map(|k| field_of(k)).collect();
        let has_outcome = fields.contains(&Field::Ok) || fields.contains(&Field::Code);
        return (fields.contains(&Field::Time) && has_outcome).then_some(HistoryFormat::JsonLines);
    }
    if first.contains(',') || first.contains(';') {
        let fields: Vec<Field> = split_csv(first, delimiter(first))
            .iter()
            .filter_map(|c| field_of(c))
            .collect();
        let has_outcome = fields.contains(&Field::Ok) || fields.contains(&Field::Code);
        if fields.contains(&Field::Time) && has_outcome {
            return Some(HistoryFormat::Csv);
        }
    }
    let zone = AssumedZone::default();
    let monitor_lines = head
        .lines()
        .take(20)
        .filter(|l| leading_timestamp(l, zone).is_some() && plain_outcome(l).is_some())
        .count();
    (monitor_lines > 0 && mentions_checks(head)).then_some(HistoryFormat::PlainText)
}

fn mentions_checks(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    ["check", "probe", "monitor", "uptime", "heartbeat", "ping"]
        .iter()
        .any(|w| lower.contains(w))
}

/// Reads a monitoring history. Problems with single rows are pushed to `problems`.
pub fn load(
    path: &Path,
    display: &str,
    format: HistoryFormat,
    zone: AssumedZone,
    problems: &mut Vec<InputProblem>,
) -> io::Result<MonitoringSeries> {
    let reader = BufReader::with_capacity(256 * 1024, File::open(path)?);
    let mut series = MonitoringSeries {
        target: Path::new(display)
            .file_stem()
            .map_or_else(|| display.to_string(), |s| s.to_string_lossy().into_owned()),
        source: display.to_string(),
        format,
        samples: Vec::new(),
        messages: Vec::new(),
    };
    let mut interner: HashMap<String, u32> = HashMap::new();
    let mut header: Option<(Vec<Option<Field>>, char)> = None;
    let mut target_seen: Option<String> = None;
    let mut line_no = 0u32;
    for raw in reader.split(b'\n') {
        line_no += 1;
        let raw = raw?;
        let text = String::from_utf8_lossy(&raw);
        let text = text.trim_end_matches('\r');
        if text.trim().is_empty() {
            continue;
        }
        let parsed = match format {
            HistoryFormat::JsonLines => parse_json_row(text, zone),
            HistoryFormat::Csv => match &header {
                None => {
                    let d = delimiter(text);
                    header = Some((split_csv(text, d).iter().map(|c| field_of(c)).collect(), d));
                    continue;
                }
                Some((columns, d)) => parse_csv_row(text, columns, *d, zone),
            },
            HistoryFormat::PlainText => parse_plain_row(text, zone),
        };
        match parsed {
            Ok(Some(row)) => {
                if target_seen.is_none() {
                    target_seen = row.target;
                }
                let message = row.message.map(|m| {
                    let m = redact_text(&m).into_owned();
                    let next = interner.len() as u32;
                    *interner.entry(m.clone()).or_insert_with(|| {
                        series.messages.push(m);
                        next
                    })
                });
                series.samples.push(Sample {
                    time: row.time,
                    ok: row.ok,
                    status: row.status,
                    latency_ms: row.latency_ms,
                    message,
                    line: line_no,
                });
            }
            Ok(None) => {}
            Err(why) => problems.push(InputProblem {
                source: display.to_string(),
                line: Some(u64::from(line_no)),
                message: why,
            }),
        }
    }
    if let Some(t) = target_seen {
        series.target = redact_text(&t).into_owned();
    }
    series.samples.sort_by_key(|s| s.time);
    Ok(series)
}

struct Row {
    time: DateTime<Utc>,
    ok: bool,
    status: Option<u16>,
    latency_ms: Option<f32>,
    message: Option<String>,
    target: Option<String>,
}

#[derive(Default)]
struct Fields {
    time: Option<String>,
    ok: Option<String>,
    code: Option<String>,
    latency: Option<String>,
    message: Option<String>,
    target: Option<String>,
}

impl Fields {
    fn set(&mut self, field: Field, value: String) {
        let slot = match field {
            Field::Time => &mut self.time,
            Field::Ok => &mut self.ok,
            Field::Code => &mut self.code,
            Field::Latency => &mut self.latency,
            Field::Message => &mut self.message,
            Field::Target => &mut self.target,
        };
        if slot.is_none() && !value.is_empty() {
            *slot = Some(value);
        }
    }

    fn into_row(self, zone: AssumedZone) -> Result<Option<Row>, String> {
        let time_text = self.time.ok_or("no timestamp field")?;
        let time = parse_any(&time_text, zone)
            .ok_or_else(|| format!("unreadable timestamp {time_text:?}"))?;
        // A `status` column may hold an HTTP code rather than up/down.
        let (ok_text, code_text) = match (self.ok, self.code) {
            (Some(ok), None) if ok.len() == 3 && ok.bytes().all(|b| b.is_ascii_digit()) => {
                (None, Some(ok))
            }
            pair => pair,
        };
        let status = match code_text {
            Some(c) => Some(
                c.trim()
                    .parse::<u16>()
                    .map_err(|_| format!("unreadable status code {c:?}"))?,
            )
            .filter(|c| *c > 0),
            None => None,
        };
        let ok = match ok_text {
            Some(text) => {
                parse_ok(&text).ok_or_else(|| format!("unreadable success value {text:?}"))?
            }
            None => match status {
                Some(code) => (200..400).contains(&code),
                None => return Err("neither a success nor a status code field".into()),
            },
        };
        let latency_ms = match self.latency {
            Some(l) => Some(
                l.trim()
                    .trim_end_matches("ms")
                    .parse::<f32>()
                    .map_err(|_| format!("unreadable latency {l:?}"))?,
            ),
            None => None,
        };
        Ok(Some(Row {
            time,
            ok,
            status,
            latency_ms,
            message: self.message.filter(|m| !m.is_empty()),
            target: self.target,
        }))
    }
}

fn parse_ok(text: &str) -> Option<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "true" | "1" | "ok" | "up" | "success" | "succeeded" | "pass" | "passed" | "healthy"
        | "yes" => Some(true),
        "false" | "0" | "fail" | "failed" | "failure" | "down" | "error" | "unhealthy" | "no"
        | "timeout" | "critical" => Some(false),
        _ => None,
    }
}

fn parse_json_row(text: &str, zone: AssumedZone) -> Result<Option<Row>, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| format!("invalid JSON: {e}"))?;
    let obj = value.as_object().ok_or("not a JSON object")?;
    let mut fields = Fields::default();
    for (key, v) in obj {
        if let Some(field) = field_of(key) {
            let text = match v {
                Value::String(s) => s.clone(),
                Value::Bool(b) => b.to_string(),
                Value::Number(n) => n.to_string(),
                _ => continue,
            };
            fields.set(field, text);
        }
    }
    fields.into_row(zone)
}

fn parse_csv_row(
    text: &str,
    columns: &[Option<Field>],
    delimiter: char,
    zone: AssumedZone,
) -> Result<Option<Row>, String> {
    let cells = split_csv(text, delimiter);
    if cells.len() != columns.len() {
        return Err(format!(
            "expected {} columns, found {}",
            columns.len(),
            cells.len()
        ));
    }
    let mut fields = Fields::default();
    for (cell, column) in cells.into_iter().zip(columns) {
        if let Some(field) = column {
            fields.set(*field, cell);
        }
    }
    fields.into_row(zone)
}

/// `2025-10-10 07:01:02,345 - monitor - ERROR - API check failed: 502 Bad Gateway (consecutive failures: 12)`
fn parse_plain_row(text: &str, zone: AssumedZone) -> Result<Option<Row>, String> {
    let Some((time, offset)) = leading_timestamp(text, zone) else {
        return Err("no leading timestamp".into());
    };
    let rest = &text[offset..];
    let Some(ok) = plain_outcome(rest) else {
        // Lines that say neither (start-up banners) are not samples.
        return Ok(None);
    };
    let message = rest.trim_start_matches([' ', '-', ':']).to_string();
    Ok(Some(Row {
        time,
        ok,
        status: http_code(rest),
        latency_ms: None,
        message: (!ok).then_some(message),
        target: None,
    }))
}

/// Success or failure as a plain-text monitor line states it.
fn plain_outcome(line: &str) -> Option<bool> {
    let upper = line.to_ascii_uppercase();
    let word = |w: &str| {
        upper
            .match_indices(w)
            .any(|(i, _)| is_word_boundary(&upper, i, w.len()))
    };
    if [
        "ERROR",
        "CRITICAL",
        "FAILED",
        "FAIL",
        "DOWN",
        "FAILURE",
        "TIMEOUT",
        "TIMED OUT",
    ]
    .iter()
    .any(|w| word(w))
    {
        return Some(false);
    }
    if let Some(code) = http_code(line) {
        return Some((200..400).contains(&code));
    }
    if ["OK", "UP", "SUCCESS", "SUCCEEDED", "PASSED", "HEALTHY"]
        .iter()
        .any(|w| word(w))
    {
        return Some(true);
    }
    None
}

fn is_word_boundary(text: &str, start: usize, len: usize) -> bool {
    let bytes = text.as_bytes();
    let before = start == 0 || !bytes[start - 1].is_ascii_alphanumeric();
    let after = start + len >= bytes.len() || !bytes[start + len].is_ascii_alphanumeric();
    before && after
}

/// The first stand-alone three-digit HTTP status code in a line (`502 Bad Gateway`, `HTTP 200`).
fn http_code(line: &str) -> Option<u16> {
    let bytes = line.as_bytes();
    (0..bytes.len().saturating_sub(2)).find_map(|i| {
        let digits = &bytes[i..i + 3];
        if !digits.iter().all(u8::is_ascii_digit) || !is_word_boundary(line, i, 3) {
            return None;
        }
        // Skip parts of times and counts: `07:01:02`, `(consecutive failures: 12)`.
        if i > 0 && matches!(bytes[i - 1], b':' | b'.' | b',') {
            return None;
        }
        let code: u16 = line[i..i + 3].parse().ok()?;
        let followed_by_reason = line[i + 3..].starts_with(' ')
            && line[i + 4..].starts_with(|c: char| c.is_ascii_uppercase());
        let preceded_by_http = line[..i].to_ascii_uppercase().trim_end().ends_with("HTTP")
            || line[..i].trim_end().ends_with("status")
            || line[..i].trim_end().ends_with("status:");
        ((100..600).contains(&code) && (followed_by_reason || preceded_by_http)).then_some(code)
    })
}

fn delimiter(header: &str) -> char {
    if header.matches(';').count() > header.matches(',').count() {
        ';'
    } else {
        ','
    }
}

/// Splits one CSV record (RFC 4180 quoting, no embedded newlines).
fn split_csv(line: &str, delimiter: char) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            c if c == delimiter && !quoted => {
                cells.push(std::mem::take(&mut cell).trim().to_string())
            }
            c => cell.push(c),
        }
    }
    cells.push(cell.trim().to_string());
    cells
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn load_text(content: &str, format: HistoryFormat) -> (MonitoringSeries, Vec<InputProblem>) {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        f.write_all(content.as_bytes()).unwrap();
        let mut problems = Vec::new();
        let s = load(
            f.path(),
            "monitoring/x.log",
            format,
            AssumedZone::default(),
            &mut problems,
        )
        .unwrap();
        (s, problems)
    }

    #[test]
    fn reads_every_format_and_reports_bad_rows_with_their_line() {
        let cases: &[(&str, HistoryFormat, usize, usize)] = &[
            (
                "{\"timestamp\":\"2025-10-10T07:00:00Z\",\"ok\":true,\"status_code\":200,\"latency_ms\":12}\n{\"time\":\"2025-10-10T07:01:00Z\",\"success\":false,\"code\":502,\"error\":\"502 Bad Gateway\"}\n{broken\n",
                HistoryFormat::JsonLines, 2, 1,
            ),
            (
                "time,status,http_status,response_time,message\n2025-10-10 07:00:00,up,200,15,\n2025-10-10 07:01:00,down,502,3,Bad Gateway\nnot-a-time,up,200,1,\n",
                HistoryFormat::Csv, 2, 1,
            ),
            (
                "2025-10-10 07:01:02,345 - monitor - INFO - API check ok: 200 OK\n2025-10-10 07:02:02,345 - monitor - ERROR - API check failed: 502 Bad Gateway (consecutive failures: 12)\ngarbage line\n",
                HistoryFormat::PlainText, 2, 1,
            ),
        ];
        for (content, format, samples, problems) in cases {
            let (series, found) = load_text(content, *format);
            assert_eq!(series.samples.len(), *samples, "{format:?}");
            assert_eq!(found.len(), *problems, "{format:?}: {found:?}");
            assert!(series.samples[0].ok && !series.samples[1].ok, "{format:?}");
            assert_eq!(series.samples[1].status, Some(502), "{format:?}");
            assert_eq!(
                found[0].line,
                Some(3 + u64::from(*format == HistoryFormat::Csv)),
                "{format:?}"
            );
        }
    }

    #[test]
    fn sniffs_histories_and_rejects_other_text() {
        assert_eq!(
            sniff("{\"ts\": 1700000000, \"up\": 1}\n"),
            Some(HistoryFormat::JsonLines)
        );
        assert_eq!(
            sniff("date;success\n2025-01-01;1\n"),
            Some(HistoryFormat::Csv)
        );
        assert_eq!(
            sniff(
                "2025-10-10 07:01:02,345 - monitor - ERROR - API check failed: 502 Bad Gateway\n"
            ),
            Some(HistoryFormat::PlainText)
        );
        assert_eq!(sniff("2025-10-10 07:01:02,345 ERROR app crashed\n"), None);
        assert_eq!(sniff("{\"Type\":\"container\",\"Action\":\"die\"}\n"), None);
    }

    #[test]
    fn finds_http_codes_but_not_times_or_counts() {
        assert_eq!(
            http_code(" - ERROR - API check failed: 502 Bad Gateway (consecutive failures: 120)"),
            Some(502)
        );
        assert_eq!(http_code("took 120 ms"), None);
        assert_eq!(http_code("HTTP 503"), Some(503));
    }
}
