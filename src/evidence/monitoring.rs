//! Monitoring histories: one sample per check, success or failure.
//!
//! Read from JSON lines, JSON arrays of rows, CSV with a header, plain-text
//! monitor logs, Prometheus `query_range` responses and Gatus endpoint
//! statuses (docs/monitoring-formats.md shows each shape). Field names vary
//! between tools, so each role is recognised under its common names (see
//! [`FIELD_NAMES`]). A row that cannot be read is reported with its file and
//! line and skipped; the rest of the file still counts. Messages and
//! targets are masked with [`redact::text`] on entry.
//!
//! This module only reads what the monitors recorded. Figures (availability,
//! streaks, error classes) are the analyzer's.

use std::collections::{BTreeMap, HashMap};
use std::num::{NonZeroU16, NonZeroU32};
use std::path::Path;
use std::sync::LazyLock;

use chrono::{DateTime, Utc};
use regex::Regex;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::time::{leading_timestamp, parse_any, AssumedZone};
use super::InputProblem;
use super::{lines, redact};
use crate::locale::Text;

#[derive(Debug, Clone)]
pub struct MonitoringSeries {
    /// The monitored target: a URL when the history names one, else the file stem.
    pub target: String,
    /// Bundle-relative file the samples came from.
    pub source: String,
    pub format: HistoryFormat,
    /// Sorted by time.
    pub samples: Vec<Sample>,
    /// Distinct error messages; samples refer to them by index to keep a
    /// million-row history small.
    pub messages: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum HistoryFormat {
    JsonLines,
    /// One JSON array of row objects, e.g. `sqlite3 -json` of Uptime Kuma's `heartbeat` table.
    JsonArray,
    Csv,
    PlainText,
    /// A Prometheus `/api/v1/query_range` response (`resultType` `matrix`).
    Prometheus,
    /// Gatus `/api/v1/endpoints/statuses` (or one endpoint's `/statuses`).
    Gatus,
}

impl HistoryFormat {
    pub fn describe(self) -> &'static str {
        match self {
            HistoryFormat::JsonLines => "monitoring history (JSON lines)",
            HistoryFormat::JsonArray => "monitoring history (JSON array)",
            HistoryFormat::Csv => "monitoring history (CSV)",
            HistoryFormat::PlainText => "monitoring history (text)",
            HistoryFormat::Prometheus => "monitoring history (Prometheus query_range)",
            HistoryFormat::Gatus => "monitoring history (Gatus statuses)",
        }
    }

    /// Whether [`Sample::line`] is a line of the file. For documents that
    /// nest their samples (Prometheus, Gatus) it is the sample's position in
    /// its series instead.
    pub fn has_file_lines(self) -> bool {
        !matches!(self, HistoryFormat::Prometheus | HistoryFormat::Gatus)
    }
}

/// One check. 32 bytes: a million-row history takes 32 MB.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sample {
    pub time: DateTime<Utc>,
    /// 1-based line in the source file (see [`HistoryFormat::has_file_lines`]).
    pub line: u32,
    /// Index + 1 into [`MonitoringSeries::messages`].
    message: Option<NonZeroU32>,
    latency_ms: Option<f32>,
    status: Option<NonZeroU16>,
    pub ok: bool,
}

impl Sample {
    pub fn new(
        time: DateTime<Utc>,
        ok: bool,
        status: Option<u16>,
        latency_ms: Option<f32>,
        message: Option<u32>,
        line: u32,
    ) -> Sample {
        Sample {
            time,
            line,
            message: message.and_then(|m| NonZeroU32::new(m.saturating_add(1))),
            // A figure too large for an f32 (a plain-text line's `1e45 ms`
            // written out, a Gatus duration of 1e300 ns) is no latency: it
            // would make the percentiles infinite, and the report `null`.
            latency_ms: latency_ms.filter(|l| l.is_finite()),
            status: status.and_then(NonZeroU16::new),
            ok,
        }
    }

    /// The HTTP status code the check got, if it got one.
    pub fn status(&self) -> Option<u16> {
        self.status.map(NonZeroU16::get)
    }

    pub fn latency_ms(&self) -> Option<f32> {
        self.latency_ms
    }

    /// Index into [`MonitoringSeries::messages`].
    pub fn message_index(&self) -> Option<usize> {
        self.message.map(|m| m.get() as usize - 1)
    }
}

impl MonitoringSeries {
    pub fn message(&self, sample: &Sample) -> Option<&str> {
        sample
            .message_index()
            .and_then(|i| self.messages.get(i))
            .map(String::as_str)
    }

    /// The file line to cite for a sample, when the format has lines.
    pub fn file_line(&self, sample: &Sample) -> Option<u64> {
        self.format
            .has_file_lines()
            .then_some(u64::from(sample.line))
    }

    /// The error class of a failed sample.
    pub fn error_class(&self, sample: &Sample) -> ErrorClass {
        ErrorClass::of(sample.status(), self.message(sample))
    }
}

/// Why a check failed, as far as its status code and message tell.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorClass {
    /// 502 Bad Gateway: a proxy could not reach its upstream.
    BadGateway,
    /// 503 Service Unavailable.
    ServiceUnavailable,
    /// 504 Gateway Timeout: a proxy's upstream did not answer in time.
    GatewayTimeout,
    /// Any other 5xx.
    ServerError,
    /// 4xx.
    ClientError,
    /// No answer in time (no status code).
    Timeout,
    ConnectionRefused,
    Dns,
    Tls,
    Other,
}

impl ErrorClass {
    /// Classifies a failed check from its status code, else its message.
    pub fn of(status: Option<u16>, message: Option<&str>) -> ErrorClass {
        match status {
            Some(502) => return ErrorClass::BadGateway,
            Some(503) => return ErrorClass::ServiceUnavailable,
            Some(504) => return ErrorClass::GatewayTimeout,
            Some(500..=599) => return ErrorClass::ServerError,
            Some(400..=499) => return ErrorClass::ClientError,
            _ => {}
        }
        let Some(message) = message else {
            return ErrorClass::Other;
        };
        let lower = message.to_ascii_lowercase();
        let any = |needles: &[&str]| needles.iter().any(|n| lower.contains(n));
        // The message may carry the code a status field did not: `HTTP Error 502: Bad Gateway`.
        if let Some(code) = http_code(message) {
            if code >= 400 {
                return ErrorClass::of(Some(code), None);
            }
        }
        // Wording of glibc (`Name or service not known`, `Temporary failure in
        // name resolution`), musl (`Name does not resolve`), Go (`no such
        // host`), Node (`ENOTFOUND`, `EAI_AGAIN`), curl (`Could not resolve
        // host`) and hyper (`dns error`), as each prints a failed lookup.
        if any(&[
            "name or service not known",
            "name resolution",
            "name does not resolve",
            "no such host",
            "enotfound",
            "eai_again",
            "could not resolve host",
            "dns error",
            "failed to lookup address",
            "getaddrinfo",
            "nodename nor servname",
        ]) {
            return ErrorClass::Dns;
        }
        // errno 111 under glibc and musl (`Connection refused`, `Unknown
        // error` in nginx's musl builds), Node's `ECONNREFUSED`.
        if any(&["connection refused", "econnrefused", "errno 111", "(111:"]) {
            return ErrorClass::ConnectionRefused;
        }
        if any(&[
            "certificate",
            "ssl",
            "tls",
            "handshake",
            "x509",
            "self signed",
            "self-signed",
        ]) {
            return ErrorClass::Tls;
        }
        if any(&[
            "timed out",
            "timeout",
            "time-out",
            "etimedout",
            "deadline exceeded",
        ]) {
            return ErrorClass::Timeout;
        }
        ErrorClass::Other
    }

    /// The class as the report names it.
    pub fn label(self) -> &'static str {
        match self {
            ErrorClass::BadGateway => "502 Bad Gateway",
            ErrorClass::ServiceUnavailable => "503 Service Unavailable",
            ErrorClass::GatewayTimeout => "504 Gateway Timeout",
            ErrorClass::ServerError => "other 5xx",
            ErrorClass::ClientError => "4xx",
            ErrorClass::Timeout => "timeout",
            ErrorClass::ConnectionRefused => "connection refused",
            ErrorClass::Dns => "DNS failure",
            ErrorClass::Tls => "TLS failure",
            ErrorClass::Other => "other error",
        }
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
    // Uptime Kuma heartbeats name their monitor by number only.
    (Field::MonitorId, &["monitor_id", "monitorid"]),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Time,
    Ok,
    Code,
    Latency,
    Message,
    Target,
    MonitorId,
}

fn field_of(name: &str) -> Option<Field> {
    let name = name.trim().trim_matches('"');
    FIELD_NAMES
        .iter()
        .find(|(_, names)| names.iter().any(|n| n.eq_ignore_ascii_case(name)))
        .map(|(f, _)| *f)
}

fn is_history_row(keys: impl Iterator<Item = Field>) -> bool {
    let fields: Vec<Field> = keys.collect();
    let has_outcome = fields.contains(&Field::Ok) || fields.contains(&Field::Code);
    fields.contains(&Field::Time) && has_outcome
}

/// Guesses the format of a monitoring history from its first bytes, or
/// `None` when they do not look like one.
pub fn sniff(head: &str) -> Option<HistoryFormat> {
    let first = head.lines().find(|l| !l.trim().is_empty())?.trim();
    let document = head.trim_start();
    // Whole documents may be one long line, cut off in `head`: recognise them by their keys.
    if document.starts_with('{') || document.starts_with('[') {
        // A saved error answer is recognised too, so that its error is reported.
        let prometheus_error = head.contains("\"errorType\"") && head.contains("\"error\"");
        if (head.contains("\"resultType\"") || prometheus_error) && head.contains("\"status\"") {
            return Some(HistoryFormat::Prometheus);
        }
        if head.contains("\"results\"")
            && (head.contains("\"conditionResults\"") || head.contains("\"key\""))
        {
            return Some(HistoryFormat::Gatus);
        }
    }
    if let Some(rest) = document.strip_prefix('[') {
        let mut values = serde_json::Deserializer::from_str(rest).into_iter::<Value>();
        let row = values.next()?.ok()?;
        let obj = row.as_object()?;
        return is_history_row(obj.keys().filter_map(|k| field_of(k)))
            .then_some(HistoryFormat::JsonArray);
    }
    if first.starts_with('{') {
        let v: Value = serde_json::from_str(first).ok()?;
        let obj = v.as_object()?;
        return is_history_row(obj.keys().filter_map(|k| field_of(k)))
            .then_some(HistoryFormat::JsonLines);
    }
    if first.contains(',') || first.contains(';') {
        let columns = split_csv(first, delimiter(first));
        if is_history_row(columns.iter().filter_map(|c| field_of(c))) {
            return Some(HistoryFormat::Csv);
        }
    }
    let zone = AssumedZone::default();
    let stamped: Vec<(DateTime<Utc>, Option<bool>)> = head
        .lines()
        .filter_map(|l| leading_timestamp(l, zone).map(|(t, o)| (t, plain_outcome(&l[o..]))))
        .take(40)
        .collect();
    let checks: Vec<DateTime<Utc>> = stamped
        .iter()
        .filter(|(_, outcome)| outcome.is_some())
        .map(|(t, _)| *t)
        .collect();
    // A history is a sequence of check results at a steady interval: a busy
    // service's log also says `200 OK` and `heartbeat ok`, at random moments
    // and between other lines.
    let mostly_checks = checks.len() >= 3 && checks.len() * 10 >= stamped.len() * 6;
    (mostly_checks && steady_interval(&checks) && mentions_checks(head))
        .then_some(HistoryFormat::PlainText)
}

/// Whether most gaps between checks are within half of their median, and
/// the median is a second or more (monitors check every few seconds at most).
fn steady_interval(times: &[DateTime<Utc>]) -> bool {
    let mut gaps: Vec<i64> = times
        .windows(2)
        .map(|w| (w[1] - w[0]).num_milliseconds())
        .collect();
    if gaps.is_empty() {
        return false;
    }
    gaps.sort_unstable();
    let median = gaps[gaps.len() / 2];
    let steady = gaps
        .iter()
        .filter(|&&g| (median / 2..=median + median / 2).contains(&g))
        .count();
    median >= 1000 && steady * 10 >= gaps.len() * 6
}

fn mentions_checks(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    ["check", "probe", "monitor", "uptime", "heartbeat", "ping"]
        .iter()
        .any(|w| lower.contains(w))
}

/// Reads a monitoring history: one series per target it names. Problems
/// with single rows are pushed to `problems`; an error means the file as a
/// whole could not be read.
pub fn load(
    path: &Path,
    display: &str,
    format: HistoryFormat,
    zone: AssumedZone,
    problems: &mut Vec<InputProblem>,
) -> Result<Vec<MonitoringSeries>, String> {
    match format {
        HistoryFormat::JsonLines | HistoryFormat::Csv | HistoryFormat::PlainText => {
            load_lines(path, display, format, zone, problems)
        }
        HistoryFormat::JsonArray => {
            let text = read_text(path)?;
            Ok(parse_json_array(&text, display, zone, problems))
        }
        HistoryFormat::Prometheus => parse_prometheus(&read_text(path)?, display, problems),
        HistoryFormat::Gatus => parse_gatus(&read_text(path)?, display, problems),
    }
}

/// A history read whole (a JSON array, a Prometheus or Gatus answer),
/// refused beyond the size of a structured document.
fn read_text(path: &Path) -> Result<String, String> {
    lines::read_capped(path, MAX_WHOLE_HISTORY_BYTES)
}

/// The biggest history read whole: a year of one-minute checks in JSON.
const MAX_WHOLE_HISTORY_BYTES: u64 = 64 * 1024 * 1024;

/// Points every series read from `file` (a bundle-relative path or a file
/// name) at `target`, for histories that do not name what they monitor.
/// Returns how many series changed.
pub fn set_target(series: &mut [MonitoringSeries], file: &str, target: &str) -> usize {
    let mut changed = 0;
    for s in series
        .iter_mut()
        .filter(|s| s.source == file || Path::new(&s.source).file_name().is_some_and(|n| n == file))
    {
        s.target = redact::text(target, redact::DERIVED).into_owned();
        changed += 1;
    }
    changed
}

/// A monitoring message is kept up to this many bytes.
const MAX_MESSAGE_BYTES: usize = 1024;
/// Distinct messages kept per series; further ones share [`OTHER_MESSAGES`].
const MAX_DISTINCT_MESSAGES: usize = 10_000;
const OTHER_MESSAGES: &str = "(one of many other distinct messages, not kept)";
/// Checks kept per series: ten years of one-minute checks. Beyond that a
/// file is not a history coroner can chart, and the rest is counted, not kept.
const MAX_SAMPLES_PER_SERIES: usize = 5_000_000;

/// Gathers samples into one series per target, interning messages.
struct SeriesBuilder {
    /// Checks beyond [`MAX_SAMPLES_PER_SERIES`], reported as a problem.
    dropped_samples: u64,
    source: String,
    format: HistoryFormat,
    default_target: String,
    series: Vec<(MonitoringSeries, HashMap<Box<str>, u32>)>,
    /// Index into `series` by target; `None` is the default target.
    by_target: HashMap<Option<String>, usize>,
}

impl SeriesBuilder {
    fn new(display: &str, format: HistoryFormat) -> Self {
        SeriesBuilder {
            source: display.to_string(),
            format,
            default_target: Path::new(display)
                .file_stem()
                .map_or_else(|| display.to_string(), |s| s.to_string_lossy().into_owned()),
            series: Vec::new(),
            by_target: HashMap::new(),
            dropped_samples: 0,
        }
    }

    /// Says how many checks were beyond what a series keeps.
    fn report_dropped(&self, problems: &mut Vec<InputProblem>) {
        if self.dropped_samples > 0 {
            problems.push(problem(
                &self.source,
                None,
                Text::msg("monitoring-problem-dropped")
                    .with("dropped", self.dropped_samples)
                    .with("kept", MAX_SAMPLES_PER_SERIES),
            ));
        }
    }

    fn push(&mut self, row: Row, line: u32) {
        let index = match self.by_target.get(&row.target) {
            Some(&i) => i,
            None => {
                let target = redact::text(
                    row.target.as_deref().unwrap_or(&self.default_target),
                    &self.source,
                )
                .into_owned();
                self.series.push((
                    MonitoringSeries {
                        target,
                        source: self.source.clone(),
                        format: self.format,
                        samples: Vec::new(),
                        messages: Vec::new(),
                    },
                    HashMap::new(),
                ));
                self.by_target
                    .insert(row.target.clone(), self.series.len() - 1);
                self.series.len() - 1
            }
        };
        let (series, interner) = &mut self.series[index];
        if series.samples.len() >= MAX_SAMPLES_PER_SERIES {
            self.dropped_samples += 1;
            return;
        }
        // Keyed by the text as read, so each distinct message is masked once.
        let message = row.message.map(|mut m| {
            if m.len() > MAX_MESSAGE_BYTES {
                let mut end = MAX_MESSAGE_BYTES;
                while !m.is_char_boundary(end) {
                    end -= 1;
                }
                m.truncate(end);
                m.push_str("… [cut]");
            }
            if series.messages.len() >= MAX_DISTINCT_MESSAGES && !interner.contains_key(m.as_str())
            {
                m = OTHER_MESSAGES.to_string();
            }
            m
        });
        let message = message.map(|m| match interner.get(m.as_str()) {
            Some(&i) => i,
            None => {
                let i = series.messages.len() as u32;
                series
                    .messages
                    .push(redact::text(&m, &self.source).into_owned());
                interner.insert(m.into_boxed_str(), i);
                i
            }
        });
        series.samples.push(Sample::new(
            row.time,
            row.ok,
            row.status,
            row.latency_ms,
            message,
            line,
        ));
    }

    fn finish(self) -> Vec<MonitoringSeries> {
        self.series
            .into_iter()
            .map(|(mut s, _)| {
                s.samples.sort_by_key(|sample| (sample.time, sample.line));
                s
            })
            .collect()
    }
}

fn load_lines(
    path: &Path,
    display: &str,
    format: HistoryFormat,
    zone: AssumedZone,
    problems: &mut Vec<InputProblem>,
) -> Result<Vec<MonitoringSeries>, String> {
    let mut builder = SeriesBuilder::new(display, format);
    let mut header: Option<(Vec<Option<Field>>, char)> = None;
    // A plain-text monitor often names its URL once, in a start-up line.
    let mut url_in_text: Option<String> = None;
    lines::for_each_line(path, lines::MAX_LINE_BYTES, |line| {
        let line_no = u32::try_from(line.number).unwrap_or(u32::MAX);
        if line.cut {
            problems.push(problem(
                display,
                Some(line.number),
                Text::msg("monitoring-problem-long-line").with("bytes", lines::MAX_LINE_BYTES),
            ));
        }
        let text = line.text;
        if text.trim().is_empty() {
            return;
        }
        let parsed = match format {
            HistoryFormat::Csv => match &header {
                None => {
                    let d = delimiter(text);
                    header = Some((split_csv(text, d).iter().map(|c| field_of(c)).collect(), d));
                    return;
                }
                Some((columns, d)) => parse_csv_row(text, columns, *d, zone),
            },
            HistoryFormat::PlainText => {
                if url_in_text.is_none() {
                    url_in_text = first_url(text);
                }
                parse_plain_row(text, zone)
            }
            _ => parse_json_row(text, zone),
        };
        match parsed {
            Ok(Some(row)) => builder.push(row, line_no),
            Ok(None) => {}
            Err(why) => problems.push(InputProblem::detail(display, Some(line.number), why)),
        }
    })
    .map_err(|e| format!("cannot read: {e}"))?;
    if let Some(url) = url_in_text {
        builder.default_target = url;
        for (series, _) in &mut builder.series {
            series.target = redact::text(&builder.default_target, display).into_owned();
        }
    }
    builder.report_dropped(problems);
    Ok(builder.finish())
}

/// A JSON array of row objects, each read like a JSON-lines row. The
/// elements are read one at a time so each is cited by the line it starts on.
fn parse_json_array(
    text: &str,
    display: &str,
    zone: AssumedZone,
    problems: &mut Vec<InputProblem>,
) -> Vec<MonitoringSeries> {
    let mut builder = SeriesBuilder::new(display, HistoryFormat::JsonArray);
    let bytes = text.as_bytes();
    let mut pos = 0;
    let mut line = 1u32;
    let advance_to = |pos: &mut usize, to: usize, line: &mut u32| {
        *line += memchr::memchr_iter(b'\n', &bytes[*pos..to]).count() as u32;
        *pos = to;
    };
    let skip_ws = |from: usize| {
        from + bytes[from..]
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count()
    };
    let start = skip_ws(0);
    if bytes.get(start) != Some(&b'[') {
        problems.push(problem(
            display,
            Some(1),
            Text::msg("monitoring-problem-not-array"),
        ));
        return Vec::new();
    }
    advance_to(&mut pos, start + 1, &mut line);
    loop {
        let next = skip_ws(pos);
        advance_to(&mut pos, next, &mut line);
        match bytes.get(pos) {
            Some(b']') => break,
            Some(b',') => {
                let after_comma = pos + 1;
                advance_to(&mut pos, after_comma, &mut line);
                continue;
            }
            None => {
                problems.push(problem(
                    display,
                    Some(u64::from(line)),
                    Text::msg("monitoring-problem-unclosed-array"),
                ));
                break;
            }
            Some(_) => {}
        }
        let mut values = serde_json::Deserializer::from_slice(&bytes[pos..]).into_iter::<Value>();
        match values.next() {
            Some(Ok(value)) => {
                let end = pos + values.byte_offset();
                match row_from_object(&value, zone) {
                    Ok(Some(row)) => builder.push(row, line),
                    Ok(None) => {}
                    Err(why) => {
                        problems.push(InputProblem::detail(display, Some(u64::from(line)), why))
                    }
                }
                advance_to(&mut pos, end, &mut line);
            }
            Some(Err(e)) => {
                // The rest of a broken array cannot be found reliably: stop here.
                problems.push(problem(
                    display,
                    Some(u64::from(line) + e.line().saturating_sub(1) as u64),
                    Text::msg("monitoring-problem-invalid-json").with("error", e.to_string()),
                ));
                break;
            }
            None => break,
        }
    }
    builder.finish()
}

#[derive(Deserialize)]
struct PrometheusResponse {
    status: String,
    #[serde(default)]
    data: Option<PrometheusData>,
    #[serde(default, rename = "errorType")]
    error_type: Option<String>,
    #[serde(default)]
    error: Option<String>,
}

#[derive(Deserialize)]
struct PrometheusData {
    #[serde(rename = "resultType")]
    result_type: String,
    #[serde(default)]
    result: Vec<PrometheusResult>,
}

#[derive(Deserialize)]
struct PrometheusResult {
    #[serde(default)]
    metric: BTreeMap<String, String>,
    #[serde(default)]
    values: Vec<Value>,
}

/// Labels that name what a series monitors, best first: the blackbox
/// exporter's probed `instance` (or `target`), else the scrape `job`.
const PROMETHEUS_TARGET_LABELS: &[&str] = &["instance", "target", "url", "job"];

/// Reads a Prometheus `query_range` response: one series per result. A
/// value of 0 is a failed check and 1 a successful one; fractions (from
/// `avg_over_time`) count as successful from 0.5 up. Results of
/// `probe_http_status_code` are read as status codes instead.
///
/// The live path (`--prometheus`) parses the same text, so both give the same figures.
pub fn parse_prometheus(
    text: &str,
    display: &str,
    problems: &mut Vec<InputProblem>,
) -> Result<Vec<MonitoringSeries>, String> {
    let response: PrometheusResponse = serde_json::from_str(text)
        .map_err(|e| format!("not a Prometheus API response (line {}): {e}", e.line()))?;
    if response.status != "success" {
        return Err(format!(
            "Prometheus answered {}: {}: {}",
            response.status,
            response
                .error_type
                .as_deref()
                .unwrap_or("unknown error type"),
            response.error.as_deref().unwrap_or("no error message")
        ));
    }
    let data = response.data.ok_or("the Prometheus response has no data")?;
    if data.result_type != "matrix" {
        return Err(format!(
            "the Prometheus response is a {} (an instant query); a range query (query_range) gives a matrix",
            data.result_type
        ));
    }
    if data.result.is_empty() {
        problems.push(problem(
            display,
            None,
            Text::msg("monitoring-problem-no-series"),
        ));
    }
    let mut out = Vec::new();
    for (index, result) in data.result.into_iter().enumerate() {
        let name = result
            .metric
            .get("__name__")
            .cloned()
            .unwrap_or_else(|| "value".to_string());
        let is_status_code = name == "probe_http_status_code";
        let selector = prometheus_selector(&name, &result.metric);
        let target = PROMETHEUS_TARGET_LABELS
            .iter()
            .find_map(|l| result.metric.get(*l))
            .cloned()
            .unwrap_or_else(|| selector.clone());
        let mut builder = SeriesBuilder::new(display, HistoryFormat::Prometheus);
        builder.default_target = target;
        for (i, pair) in result.values.iter().enumerate() {
            let position = i as u32 + 1;
            match prometheus_sample(pair, is_status_code) {
                Ok((time, ok, status, value)) => builder.push(
                    Row {
                        time,
                        ok,
                        status,
                        latency_ms: None,
                        message: (!ok).then(|| format!("{selector} = {value}")),
                        target: None,
                    },
                    position,
                ),
                Err(why) => problems.push(problem(
                    display,
                    None,
                    Text::msg("monitoring-problem-prometheus-value")
                        .with("result", index.to_string())
                        .with("value", position.to_string())
                        .with("error", why),
                )),
            }
        }
        out.extend(builder.finish());
    }
    Ok(out)
}

fn prometheus_selector(name: &str, labels: &BTreeMap<String, String>) -> String {
    let inner: Vec<String> = labels
        .iter()
        .filter(|(k, _)| k.as_str() != "__name__")
        .map(|(k, v)| format!("{k}={v:?}"))
        .collect();
    format!("{name}{{{}}}", inner.join(","))
}

/// `[1795800209.123, "1"]` → time, success, status code, the value as written.
fn prometheus_sample(
    pair: &Value,
    is_status_code: bool,
) -> Result<(DateTime<Utc>, bool, Option<u16>, String), String> {
    let (Some(ts), Some(value)) = (
        pair.get(0).and_then(Value::as_f64),
        pair.get(1).and_then(Value::as_str),
    ) else {
        return Err(format!(
            "expected [unix time, \"value\"], found {}",
            truncate(&pair.to_string(), 80)
        ));
    };
    let time = DateTime::from_timestamp_millis((ts * 1000.0).round() as i64)
        .ok_or_else(|| format!("time {ts} is out of range"))?;
    let number: f64 = value
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite())
        .ok_or_else(|| format!("value {value:?} is not a finite number"))?;
    if is_status_code {
        let code = number as u16;
        let status = (code > 0).then_some(code);
        return Ok((time, (200..400).contains(&code), status, value.to_string()));
    }
    Ok((time, number >= 0.5, None, value.to_string()))
}

/// Reads Gatus endpoint statuses: an object (one endpoint) or an array.
/// Gatus writes `duration` in nanoseconds (Go's `time.Duration`).
fn parse_gatus(
    text: &str,
    display: &str,
    problems: &mut Vec<InputProblem>,
) -> Result<Vec<MonitoringSeries>, String> {
    let doc: Value =
        serde_json::from_str(text).map_err(|e| format!("invalid JSON (line {}): {e}", e.line()))?;
    let endpoints: Vec<&Value> = match &doc {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    };
    let mut out = Vec::new();
    for (e, endpoint) in endpoints.iter().enumerate() {
        let results = endpoint
            .get("results")
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice);
        let label = ["group", "name"]
            .iter()
            .filter_map(|k| endpoint.get(*k).and_then(Value::as_str))
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("/");
        let hostname = results
            .iter()
            .find_map(|r| r.get("hostname").and_then(Value::as_str))
            .filter(|h| !h.is_empty());
        let mut builder = SeriesBuilder::new(display, HistoryFormat::Gatus);
        builder.default_target = match (hostname, label.is_empty()) {
            (Some(h), _) => h.to_string(),
            (None, false) => label.clone(),
            (None, true) => format!("endpoint {}", e + 1),
        };
        for (i, result) in results.iter().enumerate() {
            let position = i as u32 + 1;
            match gatus_row(result) {
                Ok(row) => builder.push(row, position),
                Err(why) => problems.push(problem(
                    display,
                    None,
                    Text::msg("monitoring-problem-endpoint")
                        .with("endpoint", format!("{label:?}"))
                        .with("result", position.to_string())
                        .with("error", why),
                )),
            }
        }
        out.extend(builder.finish());
    }
    Ok(out)
}

fn gatus_row(result: &Value) -> Result<Row, String> {
    let time_text = result
        .get("timestamp")
        .and_then(Value::as_str)
        .ok_or("no timestamp")?;
    let time = parse_any(time_text, AssumedZone::default())
        .ok_or_else(|| format!("unreadable timestamp {time_text:?}"))?;
    let ok = result
        .get("success")
        .and_then(Value::as_bool)
        .ok_or("no success field")?;
    let status = result
        .get("status")
        .and_then(Value::as_u64)
        .and_then(|s| u16::try_from(s).ok())
        .filter(|s| *s > 0);
    let latency_ms = result
        .get("duration")
        .and_then(Value::as_f64)
        .map(|ns| (ns / 1e6) as f32);
    let mut reasons: Vec<String> = result
        .get("errors")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(str::to_string)
        .collect();
    reasons.extend(
        result
            .get("conditionResults")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter(|c| c.get("success").and_then(Value::as_bool) == Some(false))
            .filter_map(|c| c.get("condition").and_then(Value::as_str))
            .map(|c| format!("condition failed: {c}")),
    );
    Ok(Row {
        time,
        ok,
        status,
        latency_ms,
        message: (!ok && !reasons.is_empty()).then(|| reasons.join("; ")),
        target: None,
    })
}

struct Row {
    time: DateTime<Utc>,
    ok: bool,
    status: Option<u16>,
    latency_ms: Option<f32>,
    message: Option<String>,
    /// The row's own target; `None` uses the file's.
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
    monitor_id: Option<String>,
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
            Field::MonitorId => &mut self.monitor_id,
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
        let (mut ok_text, code_text) = match (self.ok, self.code) {
            (Some(ok), None) if ok.len() == 3 && ok.bytes().all(|b| b.is_ascii_digit()) => {
                (None, Some(ok))
            }
            pair => pair,
        };
        if self.monitor_id.is_some() {
            // Uptime Kuma: 0 down, 1 up, 2 pending (failing, being retried), 3 maintenance.
            match ok_text.as_deref().map(str::trim) {
                Some("2") => ok_text = Some("0".into()),
                Some("3") => return Ok(None),
                _ => {}
            }
        }
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
                    .trim()
                    .parse::<f32>()
                    .ok()
                    .filter(|v| v.is_finite() && *v >= 0.0)
                    .ok_or_else(|| format!("unreadable latency {l:?}"))?,
            ),
            None => None,
        };
        let target = self
            .target
            .or_else(|| self.monitor_id.map(|id| format!("monitor {id}")));
        let message = self.message.filter(|m| !m.is_empty() && m != "null");
        // Some monitors put the code only in the message: `HTTP Error 502: Bad Gateway`.
        let status = status.or_else(|| message.as_deref().and_then(http_code));
        Ok(Some(Row {
            time,
            ok,
            status,
            latency_ms,
            message,
            target,
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
    row_from_object(&value, zone)
}

fn row_from_object(value: &Value, zone: AssumedZone) -> Result<Option<Row>, String> {
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

static LATENCY_IN_TEXT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(\d+(?:\.\d+)?) ?ms\b").expect("static regex"));

static URL_IN_TEXT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"https?://[^\s"'<>()\[\],]+"#).expect("static regex"));

fn first_url(text: &str) -> Option<String> {
    if !text.contains("://") {
        return None;
    }
    URL_IN_TEXT
        .find(text)
        .map(|m| m.as_str().trim_end_matches(['.', ';', ':']).to_string())
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
    let latency_ms = LATENCY_IN_TEXT
        .captures(rest)
        .and_then(|c| c[1].parse::<f32>().ok());
    Ok(Some(Row {
        time,
        ok,
        status: http_code(rest),
        latency_ms,
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
    // The monitor's own start and stop (`starting health monitor for … every
    // 30s, timeout 5s`) are not checks, whatever words they hold.
    if ["STARTING", "STARTED", "STOPPING", "STOPPED"]
        .iter()
        .any(|w| word(w))
    {
        return None;
    }
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

/// The first stand-alone three-digit HTTP status code in a line (`502 Bad
/// Gateway`, `HTTP 200`, `HTTP Error 502: Bad Gateway`, `status: 503`).
pub fn http_code(line: &str) -> Option<u16> {
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
        let after = &line[i + 3..];
        let followed_by_reason = (after.starts_with(' ') || after.starts_with(": "))
            && after
                .trim_start_matches([':', ' '])
                .starts_with(|c: char| c.is_ascii_uppercase());
        let before = line[..i].trim_end().to_ascii_uppercase();
        let preceded_by_http = before.ends_with("HTTP")
            || before.ends_with("HTTP ERROR")
            || before.ends_with("STATUS")
            || before.ends_with("STATUS CODE")
            || before.ends_with("STATUS:");
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

fn truncate(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

fn problem(source: &str, line: Option<u64>, message: Text) -> InputProblem {
    InputProblem {
        source: source.to_string(),
        line,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn load_text(
        content: &str,
        format: HistoryFormat,
    ) -> (Vec<MonitoringSeries>, Vec<InputProblem>) {
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

    /// Every format: two good samples (ok, then a 502), one bad row cited by
    /// its line (or its position for nested documents), and the target.
    #[test]
    fn reads_every_format_and_reports_bad_rows_where_they_are() {
        struct Case {
            content: &'static str,
            format: HistoryFormat,
            bad_line: Option<u64>,
            target: &'static str,
        }
        let cases = [
            Case {
                content: "{\"timestamp\":\"2025-10-10T07:00:00Z\",\"url\":\"http://127.0.0.1:18080/\",\"ok\":true,\"status_code\":200,\"latency_ms\":12}\n{\"time\":\"2025-10-10T07:01:00Z\",\"url\":\"http://127.0.0.1:18080/\",\"success\":false,\"code\":502,\"error\":\"502 Bad Gateway\"}\n{broken\n",
                format: HistoryFormat::JsonLines,
                bad_line: Some(3),
                target: "http://127.0.0.1:18080/",
            },
            Case {
                content: "time,status,http_status,response_time,message\n2025-10-10 07:00:00,up,200,15,\n2025-10-10 07:01:00,down,502,3,Bad Gateway\nnot-a-time,up,200,1,\n",
                format: HistoryFormat::Csv,
                bad_line: Some(4),
                target: "x",
            },
            Case {
                content: "2025-10-10 07:00:59,000 - monitor - INFO - monitor started: checking http://api.internal:8000/health every 1s\n2025-10-10 07:01:02,345 - monitor - INFO - API check ok: 200 OK (4 ms)\n2025-10-10 07:02:02,345 - monitor - ERROR - API check failed: 502 Bad Gateway (consecutive failures: 12)\ngarbage line\n",
                format: HistoryFormat::PlainText,
                bad_line: Some(4),
                target: "http://api.internal:8000/health",
            },
            // sqlite3 -json of Uptime Kuma's heartbeat table: 3 = maintenance is skipped.
            Case {
                content: "[{\"id\":1,\"monitor_id\":3,\"status\":1,\"msg\":\"200 - OK\",\"time\":\"2025-10-10 07:00:00.120\",\"ping\":41,\"important\":1},\n{\"id\":2,\"monitor_id\":3,\"status\":0,\"msg\":\"Request failed with status code 502\",\"time\":\"2025-10-10 07:01:00.118\",\"ping\":null,\"important\":1},\n{\"id\":3,\"monitor_id\":3,\"status\":3,\"msg\":\"\",\"time\":\"2025-10-10 07:02:00.000\",\"ping\":null,\"important\":0},\n{\"id\":4,\"monitor_id\":3,\"status\":7,\"msg\":\"\",\"time\":\"2025-10-10 07:03:00.000\",\"ping\":null,\"important\":0}]\n",
                format: HistoryFormat::JsonArray,
                bad_line: Some(4),
                target: "monitor 3",
            },
            Case {
                content: r#"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"probe_success","instance":"http://127.0.0.1:18080/","job":"blackbox"},"values":[[1760079600,"1"],[1760079660,"0"],[1760079720,"NaN"]]}]}}"#,
                format: HistoryFormat::Prometheus,
                bad_line: None,
                target: "http://127.0.0.1:18080/",
            },
            Case {
                content: r#"[{"name":"api","group":"core","key":"core_api","results":[{"status":200,"hostname":"mcp-api","duration":4000000,"conditionResults":[{"condition":"[STATUS] == 200","success":true}],"success":true,"timestamp":"2025-10-10T07:00:00Z"},{"status":502,"hostname":"mcp-api","duration":3000000,"conditionResults":[{"condition":"[STATUS] == 200","success":false}],"success":false,"timestamp":"2025-10-10T07:01:00Z"},{"status":200,"success":true}]}]"#,
                format: HistoryFormat::Gatus,
                bad_line: None,
                target: "mcp-api",
            },
        ];
        for case in cases {
            let format = case.format;
            let (series, found) = load_text(case.content, format);
            assert_eq!(series.len(), 1, "{format:?}");
            let s = &series[0];
            assert_eq!(s.samples.len(), 2, "{format:?}");
            assert_eq!(found.len(), 1, "{format:?}: {found:?}");
            assert_eq!(found[0].line, case.bad_line, "{format:?}: {found:?}");
            assert_eq!(found[0].source, "monitoring/x.log");
            assert!(s.samples[0].ok && !s.samples[1].ok, "{format:?}");
            if format != HistoryFormat::Prometheus {
                assert_eq!(s.samples[1].status(), Some(502), "{format:?}");
            }
            assert_eq!(s.target, case.target, "{format:?}");
            assert_eq!(
                s.error_class(&s.samples[1]),
                if format == HistoryFormat::Prometheus {
                    ErrorClass::Other
                } else {
                    ErrorClass::BadGateway
                },
                "{format:?}"
            );
        }
    }

    #[test]
    fn plain_text_latency_and_json_rows_with_several_targets() {
        let (series, _) = load_text(
            "2025-10-10 07:01:02,345 - monitor - INFO - API check OK: 200 OK (4 ms)\n",
            HistoryFormat::PlainText,
        );
        assert_eq!(series[0].samples[0].latency_ms(), Some(4.0));
        let (series, problems) = load_text(
            "{\"ts\":1760079600,\"target\":\"a:80\",\"up\":1}\n{\"ts\":1760079600,\"target\":\"b:80\",\"up\":0,\"error\":\"dial tcp: lookup b on 127.0.0.11:53: no such host\"}\n",
            HistoryFormat::JsonLines,
        );
        assert!(problems.is_empty());
        let targets: Vec<&str> = series.iter().map(|s| s.target.as_str()).collect();
        assert_eq!(targets, ["a:80", "b:80"]);
        assert_eq!(
            series[1].error_class(&series[1].samples[0]),
            ErrorClass::Dns
        );
    }

    #[test]
    fn whole_file_errors_name_the_cause() {
        let mut problems = Vec::new();
        let err = parse_prometheus(
            r#"{"status":"error","errorType":"bad_data","error":"invalid parameter \"query\": 1:1: parse error"}"#,
            "m.json",
            &mut problems,
        )
        .unwrap_err();
        assert!(
            err.contains("bad_data") && err.contains("parse error"),
            "{err}"
        );
        let err = parse_prometheus(
            r#"{"status":"success","data":{"resultType":"vector","result":[]}}"#,
            "m.json",
            &mut problems,
        )
        .unwrap_err();
        assert!(err.contains("query_range"), "{err}");
        let (_, problems) = load_text(
            "[{\"time\":\"2025-10-10T07:00:00Z\",\"ok\":true},\n{\"time\": oops}\n]",
            HistoryFormat::JsonArray,
        );
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(2), "{problems:?}");
    }

    #[test]
    fn secrets_in_targets_and_messages_are_masked() {
        let mut problems = Vec::new();
        let series = parse_prometheus(
            r#"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"up","instance":"https://probe:s3cr3t@api.example/"},"values":[[1760079600,"0"]]}]}}"#,
            "m.json",
            &mut problems,
        )
        .unwrap();
        assert!(
            series[0].target.starts_with("https://probe:[secret-")
                && series[0].target.ends_with("]@api.example/"),
            "{}",
            series[0].target
        );
        let (series, _) = load_text(
            "{\"ts\":1760079600,\"url\":\"https://user:hunter2@api.example/health?token=abc123\",\"ok\":false,\"error\":\"401 Unauthorized password=hunter2\"}\n",
            HistoryFormat::JsonLines,
        );
        let s = &series[0];
        assert!(
            !s.target.contains("hunter2") && !s.target.contains("abc123"),
            "{}",
            s.target
        );
        assert!(!s.messages[0].contains("hunter2"), "{}", s.messages[0]);
    }

    #[test]
    fn classifies_errors_by_code_then_by_message() {
        let cases: &[(Option<u16>, &str, ErrorClass)] = &[
            (Some(502), "", ErrorClass::BadGateway),
            (Some(503), "", ErrorClass::ServiceUnavailable),
            (
                None,
                "HTTP Error 504: Gateway Time-out",
                ErrorClass::GatewayTimeout,
            ),
            (Some(500), "", ErrorClass::ServerError),
            (Some(404), "", ErrorClass::ClientError),
            (
                None,
                "<urlopen error [Errno 111] Connection refused>",
                ErrorClass::ConnectionRefused,
            ),
            (
                None,
                "connect ECONNREFUSED 127.0.0.1:18080",
                ErrorClass::ConnectionRefused,
            ),
            (
                None,
                "<urlopen error [Errno -2] Name or service not known>",
                ErrorClass::Dns,
            ),
            (None, "getaddrinfo ENOTFOUND test.com", ErrorClass::Dns),
            (None, "timed out", ErrorClass::Timeout),
            (
                None,
                "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed",
                ErrorClass::Tls,
            ),
            (None, "keyword not found", ErrorClass::Other),
        ];
        for (status, message, expected) in cases {
            assert_eq!(
                ErrorClass::of(*status, Some(message)),
                *expected,
                "{message}"
            );
        }
    }

    /// The main example's plain-text monitor log, as captured.
    const MONITOR_LOG: &str =
        include_str!("../../fixtures/bundles/main-incident/monitoring/uptime-monitor.log");

    #[test]
    fn sniffs_histories_and_rejects_other_text() {
        let cases: &[(&str, Option<HistoryFormat>)] = &[
            ("{\"ts\": 1700000000, \"up\": 1}\n", Some(HistoryFormat::JsonLines)),
            ("date;success\n2025-01-01;1\n", Some(HistoryFormat::Csv)),
            // One check is no sequence; the main example's monitor log is.
            ("2025-10-10 07:01:02,345 - monitor - ERROR - API check failed: 502 Bad Gateway\n", None),
            (MONITOR_LOG, Some(HistoryFormat::PlainText)),
            ("[\n  {\"time\": \"2025-10-10 07:00:00\", \"status\": 1, \"monitor_id\": 1}", Some(HistoryFormat::JsonArray)),
            ("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{\"__name__\":\"up\"},\"values\":[[17", Some(HistoryFormat::Prometheus)),
            ("[{\"name\":\"api\",\"key\":\"core_api\",\"results\":[{\"status\":200", Some(HistoryFormat::Gatus)),
            (
                "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error\"}",
                Some(HistoryFormat::Prometheus),
            ),
            ("2025-10-10 07:01:02,345 ERROR app crashed\n", None),
            ("{\"Type\":\"container\",\"Action\":\"die\"}\n", None),
            ("[{\"Id\":\"x\",\"State\":{}}]", None),
        ];
        for (head, expected) in cases {
            assert_eq!(sniff(head), *expected, "{head}");
        }
    }

    #[test]
    fn finds_http_codes_but_not_times_or_counts() {
        assert_eq!(
            http_code(" - ERROR - API check failed: 502 Bad Gateway (consecutive failures: 120)"),
            Some(502)
        );
        assert_eq!(http_code("took 120 ms"), None);
        assert_eq!(http_code("HTTP 503"), Some(503));
        assert_eq!(http_code("HTTP Error 502: Bad Gateway"), Some(502));
    }

    #[test]
    fn a_sample_stays_small() {
        assert_eq!(std::mem::size_of::<Sample>(), 32);
    }

    #[test]
    fn a_target_can_be_set_for_a_file_that_names_none() {
        let (mut series, _) = load_text(
            "2025-10-10 07:01:02,345 - monitor - ERROR - API check failed: 502 Bad Gateway\n",
            HistoryFormat::PlainText,
        );
        assert_eq!(series[0].target, "x");
        assert_eq!(
            set_target(&mut series, "x.log", "http://127.0.0.1:18080/"),
            1
        );
        assert_eq!(series[0].target, "http://127.0.0.1:18080/");
        assert_eq!(set_target(&mut series, "other.log", "http://a/"), 0);
    }
}
