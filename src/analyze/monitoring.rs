//! Monitoring figures: what users saw, in numbers.
//!
//! Pure functions over [`Evidence::monitoring`] and [`Evidence::probes`]:
//! availability overall and per UTC day against the target, the longest
//! failure streak, the first failure and the recoveries, error classes,
//! latency percentiles, coverage and its holes, time slices for the chart,
//! and when failures began relative to the top root cause. No I/O and no
//! formatting for a particular output: renderers show these as they are.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::Serialize;

use super::timeline::Entry;
use super::RootCause;
use crate::evidence::monitoring::{ErrorClass, HistoryFormat, MonitoringSeries, Sample};
use crate::evidence::{Evidence, ProbeResult};
use crate::locale::{Arg, Text};

/// The availability target when `--slo` is not given, in percent.
pub const DEFAULT_TARGET_PERCENT: f64 = 95.0;
/// The chart shows at most this many time slices per source.
pub const MAX_BUCKETS: usize = 96;
/// Recoveries listed one by one; the total is always given.
const LISTED_RECOVERIES: usize = 50;
/// A gap between samples is a hole when it is this many times the median
/// interval and longer than [`HOLE_MIN_SECONDS`].
const HOLE_FACTOR: i64 = 5;
const HOLE_MIN_SECONDS: i64 = 60;

/// Everything the report says about monitoring.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct MonitoringFigures {
    pub target_percent: f64,
    pub sources: Vec<SourceFigures>,
    /// What each probed endpoint answers now.
    pub probes: Vec<ProbeSummary>,
    /// Root-cause events that figures and the chart are set against.
    pub markers: Vec<Marker>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct SourceFigures {
    /// The name findings use: the file stem, with the target when one file holds several.
    pub name: String,
    pub source: String,
    pub target: String,
    pub format: HistoryFormat,
    pub samples: u64,
    pub failures: u64,
    pub availability_percent: f64,
    pub meets_target: bool,
    /// Per UTC day, oldest first.
    pub daily: Vec<DayFigures>,
    pub coverage: Coverage,
    pub first_failure: Option<SampleRef>,
    pub longest_streak: Option<Streak>,
    /// Failure → success transitions, oldest first (the first few; see `recoveries_total`).
    pub recoveries: Vec<SampleRef>,
    pub recoveries_total: u64,
    pub last_recovery: Option<SampleRef>,
    /// The last check failed.
    pub failing_at_end: bool,
    /// Most frequent first.
    pub error_classes: Vec<ClassCount>,
    pub latency: Option<Latency>,
    /// Equal time slices for the chart, oldest first.
    pub buckets: Vec<Bucket>,
    /// When failures began relative to the top root cause.
    pub onset: Option<Onset>,
    /// One sentence with the headline figures.
    pub summary: Text,
}

/// One sample, as quoted.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct SampleRef {
    pub time: DateTime<Utc>,
    /// The line in the source file, when the format has lines.
    pub line: Option<u64>,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Streak {
    pub length: u64,
    pub start: SampleRef,
    pub end: SampleRef,
    pub seconds: f64,
    /// The check that ended it; unset while it goes on.
    pub recovered_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct DayFigures {
    /// `YYYY-MM-DD`, UTC.
    pub date: String,
    pub samples: u64,
    pub failures: u64,
    pub availability_percent: f64,
    pub meets_target: bool,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Coverage {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub median_interval_seconds: f64,
    /// Stretches without samples, much longer than the usual interval.
    pub holes: Vec<Hole>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Hole {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub seconds: f64,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ClassCount {
    pub class: ErrorClass,
    pub label: Text,
    pub count: u64,
    /// Share of the failures.
    pub percent: f64,
    /// The first message of this class.
    pub example: Option<String>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Latency {
    pub samples: u64,
    pub p50_ms: f64,
    pub p90_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, JsonSchema)]
pub struct Bucket {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub samples: u32,
    pub failures: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum MarkerKind {
    /// The top root cause was first seen.
    Cause,
    /// The image of its container was created.
    Deploy,
    /// Its container exited (a restart of a crash loop).
    Restart,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Marker {
    pub time: DateTime<Utc>,
    pub kind: MarkerKind,
    pub label: Text,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Onset {
    /// The start of the failure streak under way when the root cause began,
    /// or of the first one after it.
    pub failures_began: DateTime<Utc>,
    /// Each root-cause event and how long before `failures_began` it was
    /// (negative: after).
    pub relative: Vec<Relative>,
    pub recovered_at: Option<DateTime<Utc>>,
    pub time_to_recover_seconds: Option<f64>,
    pub sentence: Text,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Relative {
    pub event: Text,
    pub time: DateTime<Utc>,
    pub seconds: f64,
}

/// What one endpoint answered to the latest run of probes.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ProbeSummary {
    pub url: String,
    pub checked_at: DateTime<Utc>,
    pub tries: u32,
    pub failed_tries: u32,
    /// The last try's answer.
    pub answer: String,
    pub class: Option<ErrorClass>,
    /// Each distinct answer with how many tries got it, most frequent first.
    pub answers: Vec<(String, u32)>,
    pub latency_median_ms: Option<f64>,
    pub source: String,
    pub sentence: Text,
}

/// The figures for every source, set against the top root cause.
pub fn analyze(evidence: &Evidence, root_causes: &[RootCause]) -> MonitoringFigures {
    let target = target_percent(evidence);
    let markers = markers(evidence, root_causes.first());
    let sources = evidence
        .monitoring
        .iter()
        .filter_map(|s| {
            let mut f = figures(s, series_name(evidence, s), target)?;
            f.onset = onset(s, &markers);
            Some(f)
        })
        .collect();
    MonitoringFigures {
        target_percent: target,
        sources,
        probes: probe_summaries(&evidence.probes),
        markers,
    }
}

pub fn target_percent(evidence: &Evidence) -> f64 {
    evidence
        .availability_target
        .unwrap_or(DEFAULT_TARGET_PERCENT)
}

/// The name a source goes by in findings: its file stem, with its target
/// when the file holds several series.
pub fn series_name(evidence: &Evidence, series: &MonitoringSeries) -> String {
    let stem = std::path::Path::new(&series.source)
        .file_stem()
        .map_or_else(
            || series.source.clone(),
            |s| s.to_string_lossy().into_owned(),
        );
    let siblings = evidence
        .monitoring
        .iter()
        .filter(|s| s.source == series.source)
        .count();
    if siblings > 1 {
        format!("{stem} ({})", series.target)
    } else {
        stem
    }
}

/// Share of successful checks, in percent.
pub fn availability_percent(samples: &[Sample]) -> f64 {
    if samples.is_empty() {
        return 100.0;
    }
    let ok = samples.iter().filter(|s| s.ok).count();
    ok as f64 * 100.0 / samples.len() as f64
}

/// The longest run of failed checks, as indexes of its first and last
/// sample; the earliest wins a tie.
pub fn longest_streak(samples: &[Sample]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    let mut start = None;
    for (i, s) in samples.iter().enumerate() {
        if s.ok {
            start = None;
            continue;
        }
        let first = *start.get_or_insert(i);
        if best.is_none_or(|(a, b)| i - first > b - a) {
            best = Some((first, i));
        }
    }
    best
}

/// A sample as quoted: its message, else what its status says.
pub fn sample_ref(series: &MonitoringSeries, sample: &Sample) -> SampleRef {
    let text = match (series.message(sample), sample.status()) {
        (Some(m), _) => m.to_string(),
        (None, Some(code)) if sample.ok => format!("check succeeded: HTTP {code}"),
        (None, Some(code)) => format!("check failed: HTTP {code}"),
        (None, None) if sample.ok => "check succeeded".to_string(),
        (None, None) => "check failed".to_string(),
    };
    SampleRef {
        time: sample.time,
        line: series.file_line(sample),
        text,
    }
}

/// The figures of one series, without the root-cause relation; `None` when
/// it has no samples.
pub fn figures(series: &MonitoringSeries, name: String, target: f64) -> Option<SourceFigures> {
    let samples = &series.samples;
    let (first, last) = (samples.first()?, samples.last()?);
    let failures = samples.iter().filter(|s| !s.ok).count() as u64;
    let availability = availability_percent(samples);
    let longest = longest_streak(samples).map(|(a, b)| Streak {
        length: (b - a + 1) as u64,
        start: sample_ref(series, &samples[a]),
        end: sample_ref(series, &samples[b]),
        seconds: seconds_between(samples[a].time, samples[b].time),
        recovered_at: samples.get(b + 1).map(|s| s.time),
    });
    let mut recoveries = Vec::new();
    let mut recoveries_total = 0;
    let mut last_recovery = None;
    for pair in samples.windows(2) {
        if !pair[0].ok && pair[1].ok {
            recoveries_total += 1;
            last_recovery = Some(&pair[1]);
            if recoveries.len() < LISTED_RECOVERIES {
                recoveries.push(sample_ref(series, &pair[1]));
            }
        }
    }
    let first_failure = samples
        .iter()
        .find(|s| !s.ok)
        .map(|s| sample_ref(series, s));
    let mut f = SourceFigures {
        name,
        source: series.source.clone(),
        target: series.target.clone(),
        format: series.format,
        samples: samples.len() as u64,
        failures,
        availability_percent: availability,
        meets_target: availability >= target,
        daily: daily(samples, target),
        coverage: coverage(samples, first.time, last.time),
        first_failure,
        longest_streak: longest,
        recoveries,
        recoveries_total,
        last_recovery: last_recovery.map(|s| sample_ref(series, s)),
        failing_at_end: !last.ok,
        error_classes: error_classes(series),
        latency: latency(samples),
        buckets: buckets(samples),
        onset: None,
        summary: Text::default(),
    };
    f.summary = summary(&f, target);
    Some(f)
}

fn summary(f: &SourceFigures, target: f64) -> Text {
    let mut clauses = vec![Text::msg("monitoring-summary-figures")
        .with("name", &f.name)
        .with("availability", Arg::decimal(f.availability_percent, 1))
        .with("samples", f.samples)
        .with("failures", f.failures)
        .with("target", shortest(target))];
    if let Some(streak) = &f.longest_streak {
        let id = match streak.recovered_at {
            Some(_) => "monitoring-summary-streak",
            None => "monitoring-summary-streak-failing",
        };
        clauses.push(
            Text::msg(id)
                .with("length", streak.length)
                .with("duration", Arg::Duration(streak.seconds))
                .with("start", Arg::Moment(streak.start.time))
                .with("end", Arg::Moment(streak.end.time)),
        );
    }
    if let Some(top) = f.error_classes.first() {
        clauses.push(
            Text::msg("monitoring-summary-mostly")
                .with("class", top.label.clone())
                .with("count", top.count)
                .with("failures", f.failures),
        );
    }
    Text::msg("monitoring-sentence").with("clauses", joined("monitoring-clauses", clauses))
}

/// `x` with as many decimals as it needs, as `{x}` writes it: `95`, `99.9`.
fn shortest(x: f64) -> Arg {
    let decimals = x
        .to_string()
        .split_once('.')
        .map_or(0, |(_, d)| d.len().min(12) as u8);
    Arg::decimal(x, decimals)
}

/// Texts joined by the message `id` (`{ $first }, { $rest }`), first to last.
fn joined(id: &'static str, texts: Vec<Text>) -> Text {
    Text::chain(id, texts).unwrap_or_default()
}

fn daily(samples: &[Sample], target: f64) -> Vec<DayFigures> {
    let mut days: BTreeMap<chrono::NaiveDate, (u64, u64)> = BTreeMap::new();
    for s in samples {
        let day = days.entry(s.time.date_naive()).or_default();
        day.0 += 1;
        day.1 += u64::from(!s.ok);
    }
    days.into_iter()
        .map(|(date, (n, failed))| {
            let availability = (n - failed) as f64 * 100.0 / n as f64;
            DayFigures {
                date: date.format("%Y-%m-%d").to_string(),
                samples: n,
                failures: failed,
                availability_percent: availability,
                meets_target: availability >= target,
            }
        })
        .collect()
}

fn seconds_between(a: DateTime<Utc>, b: DateTime<Utc>) -> f64 {
    (b - a).num_milliseconds() as f64 / 1000.0
}

fn coverage(samples: &[Sample], start: DateTime<Utc>, end: DateTime<Utc>) -> Coverage {
    let mut gaps: Vec<i64> = samples
        .windows(2)
        .map(|p| (p[1].time - p[0].time).num_milliseconds())
        .collect();
    let median = if gaps.is_empty() {
        0
    } else {
        let mid = gaps.len() / 2;
        *gaps.select_nth_unstable(mid).1
    };
    let threshold = (median * HOLE_FACTOR).max(HOLE_MIN_SECONDS * 1000);
    let holes = samples
        .windows(2)
        .filter(|p| (p[1].time - p[0].time).num_milliseconds() > threshold)
        .map(|p| Hole {
            start: p[0].time,
            end: p[1].time,
            seconds: seconds_between(p[0].time, p[1].time),
        })
        .collect();
    Coverage {
        start,
        end,
        median_interval_seconds: median as f64 / 1000.0,
        holes,
    }
}

fn error_classes(series: &MonitoringSeries) -> Vec<ClassCount> {
    let mut counts: BTreeMap<ErrorClass, (u64, Option<String>)> = BTreeMap::new();
    // Classifying is per message, not per sample: a million samples share a few messages.
    let mut by_message: Vec<Option<ErrorClass>> = vec![None; series.messages.len()];
    let mut failures = 0u64;
    for s in series.samples.iter().filter(|s| !s.ok) {
        failures += 1;
        let class = match s.message_index() {
            Some(i) if s.status().is_none() => {
                *by_message[i].get_or_insert_with(|| series.error_class(s))
            }
            _ => series.error_class(s),
        };
        let entry = counts.entry(class).or_default();
        entry.0 += 1;
        if entry.1.is_none() {
            entry.1 = series.message(s).map(str::to_string);
        }
    }
    let mut out: Vec<ClassCount> = counts
        .into_iter()
        .map(|(class, (count, example))| ClassCount {
            class,
            label: class_label(class),
            count,
            percent: count as f64 * 100.0 / failures as f64,
            example,
        })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.class.cmp(&b.class)));
    out
}

/// The class as the report names it.
pub fn class_label(class: ErrorClass) -> Text {
    Text::msg(match class {
        ErrorClass::BadGateway => "monitoring-class-bad-gateway",
        ErrorClass::ServiceUnavailable => "monitoring-class-service-unavailable",
        ErrorClass::GatewayTimeout => "monitoring-class-gateway-timeout",
        ErrorClass::ServerError => "monitoring-class-server-error",
        ErrorClass::ClientError => "monitoring-class-client-error",
        ErrorClass::Timeout => "monitoring-class-timeout",
        ErrorClass::ConnectionRefused => "monitoring-class-connection-refused",
        ErrorClass::Dns => "monitoring-class-dns",
        ErrorClass::Tls => "monitoring-class-tls",
        ErrorClass::Other => "monitoring-class-other",
    })
}

fn latency(samples: &[Sample]) -> Option<Latency> {
    let mut values: Vec<f32> = samples.iter().filter_map(Sample::latency_ms).collect();
    if values.is_empty() {
        return None;
    }
    values.sort_unstable_by(f32::total_cmp);
    // Nearest rank: the smallest value with at least p % of the values at or below it.
    let rank = |p: f64| {
        let i = ((p / 100.0) * values.len() as f64).ceil() as usize;
        f64::from(values[i.clamp(1, values.len()) - 1])
    };
    Some(Latency {
        samples: values.len() as u64,
        p50_ms: rank(50.0),
        p90_ms: rank(90.0),
        p99_ms: rank(99.0),
        max_ms: f64::from(values[values.len() - 1]),
    })
}

/// Slice widths the chart may use, in seconds: round numbers a reader can count in.
const BUCKET_WIDTHS: &[i64] = &[
    1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400,
    172_800, 604_800,
];

fn buckets(samples: &[Sample]) -> Vec<Bucket> {
    let (Some(first), Some(last)) = (samples.first(), samples.last()) else {
        return Vec::new();
    };
    let span = (last.time - first.time).num_seconds() + 1;
    let wanted = (span + MAX_BUCKETS as i64 - 1) / MAX_BUCKETS as i64;
    let width = BUCKET_WIDTHS
        .iter()
        .copied()
        .find(|w| *w >= wanted)
        .unwrap_or(wanted);
    // Aligned to the epoch so the same history always gives the same slices.
    let origin = first.time.timestamp().div_euclid(width) * width;
    let count = ((last.time.timestamp() - origin) / width + 1) as usize;
    let at = |i: usize| {
        DateTime::from_timestamp(origin + i as i64 * width, 0).expect("within the history's range")
    };
    let mut out: Vec<Bucket> = (0..count)
        .map(|i| Bucket {
            start: at(i),
            end: at(i + 1),
            samples: 0,
            failures: 0,
        })
        .collect();
    for s in samples {
        let i = ((s.time.timestamp() - origin) / width) as usize;
        let b = &mut out[i.min(count - 1)];
        b.samples += 1;
        b.failures += u32::from(!s.ok);
    }
    out
}

/// The top root cause's events: when it was first seen, when its
/// container's image was created, and each exit of that container.
fn markers(evidence: &Evidence, top: Option<&RootCause>) -> Vec<Marker> {
    let Some(top) = top else { return Vec::new() };
    let service = &top.finding.service;
    let mut out = Vec::new();
    if let Some(first) = top.finding.first_seen {
        out.push(Marker {
            time: first,
            kind: MarkerKind::Cause,
            label: Text::msg("monitoring-marker-cause")
                .with("service", service)
                .with("kind", top.finding.kind),
        });
    }
    if let Some(container) = evidence.container(service) {
        if let Some(image) = evidence.image_of(container) {
            if let Some(created) = image.created {
                let name = image
                    .tags
                    .first()
                    .cloned()
                    .unwrap_or_else(|| image.short_id().to_string());
                out.push(Marker {
                    time: created,
                    kind: MarkerKind::Deploy,
                    label: Text::msg("monitoring-marker-deploy").with("image", name),
                });
            }
        }
        // Only this container's exits: a container it replaced had the same name.
        let exits: Vec<DateTime<Utc>> = evidence
            .events_of(container)
            .filter(|e| e.action == "die")
            .filter(|e| container.id.is_empty() || e.actor_id == container.id)
            .map(|e| e.time)
            .collect();
        let many = exits.len() > 1;
        for (i, time) in exits.into_iter().enumerate() {
            out.push(Marker {
                time,
                kind: MarkerKind::Restart,
                label: Text::msg(if i == 0 && many {
                    "monitoring-marker-crash-loop"
                } else {
                    "monitoring-marker-exit"
                })
                .with("service", service),
            });
        }
    }
    out.sort_by_key(|m| (m.time, m.kind));
    out
}

/// When failures began relative to the root-cause events (the first exit
/// stands for the crash loop; later exits are left out).
fn onset(series: &MonitoringSeries, markers: &[Marker]) -> Option<Onset> {
    let mut anchors: Vec<&Marker> = markers
        .iter()
        .filter(|m| m.kind != MarkerKind::Restart)
        .collect();
    anchors.extend(markers.iter().find(|m| m.kind == MarkerKind::Restart));
    let earliest = anchors.iter().map(|m| m.time).min()?;
    let samples = &series.samples;
    let hit = samples.iter().position(|s| !s.ok && s.time >= earliest)?;
    let mut start = hit;
    while start > 0 && !samples[start - 1].ok {
        start -= 1;
    }
    let began = samples[start].time;
    let mut relative: Vec<Relative> = anchors
        .iter()
        .map(|m| Relative {
            event: event_phrase(m),
            time: m.time,
            seconds: seconds_between(m.time, began),
        })
        .collect();
    relative.sort_by(|a, b| b.seconds.total_cmp(&a.seconds));
    let recovered_at = samples[hit..].iter().find(|s| s.ok).map(|s| s.time);
    let time_to_recover = recovered_at.map(|r| seconds_between(began, r));
    let parts: Vec<Text> = relative
        .iter()
        .map(|r| {
            let id = if r.seconds >= 0.0 {
                "monitoring-onset-after"
            } else {
                "monitoring-onset-before"
            };
            Text::msg(id)
                .with("duration", Arg::Duration(r.seconds.abs()))
                .with("event", r.event.clone())
        })
        .collect();
    let sentence = match (recovered_at, time_to_recover) {
        (Some(at), Some(ttr)) => Text::msg("monitoring-onset-recovered")
            .with("duration", Arg::Duration(ttr))
            .with("recovered", Arg::Moment(at)),
        _ => Text::msg("monitoring-onset-failing")
            .with("last", Arg::Moment(samples[samples.len() - 1].time)),
    };
    Some(Onset {
        failures_began: began,
        relative,
        recovered_at,
        time_to_recover_seconds: time_to_recover,
        sentence: sentence
            .with("began", Arg::Moment(began))
            .with("events", joined("monitoring-list", parts)),
    })
}

fn event_phrase(marker: &Marker) -> Text {
    match marker.kind {
        MarkerKind::Cause => {
            Text::msg("monitoring-event-cause").with("cause", marker.label.clone())
        }
        MarkerKind::Deploy => match marker.label.arg("image") {
            Some(image) => Text::msg("monitoring-event-deploy").with("image", image.clone()),
            None => marker.label.clone(),
        },
        MarkerKind::Restart => marker.label.clone(),
    }
}

/// The latest run of probes per URL: the tries of the file (or live run)
/// whose last try is the most recent, in the order they were sent.
pub fn latest_probe_runs(probes: &[ProbeResult]) -> BTreeMap<&str, Vec<&ProbeResult>> {
    let mut runs: BTreeMap<(&str, &str), Vec<&ProbeResult>> = BTreeMap::new();
    for p in probes {
        runs.entry((p.url.as_str(), p.source.as_str()))
            .or_default()
            .push(p);
    }
    let mut latest: BTreeMap<&str, Vec<&ProbeResult>> = BTreeMap::new();
    for ((url, _), mut run) in runs {
        run.sort_by_key(|p| (p.time, p.attempt));
        let newer = latest
            .get(url)
            .is_none_or(|current| run.last().map(|p| p.time) > current.last().map(|p| p.time));
        if newer {
            latest.insert(url, run);
        }
    }
    latest
}

fn probe_summaries(probes: &[ProbeResult]) -> Vec<ProbeSummary> {
    latest_probe_runs(probes)
        .into_iter()
        .filter_map(|(url, run)| {
            let last = *run.last()?;
            let tries = run.len() as u32;
            let failed = run.iter().filter(|p| !p.ok).count() as u32;
            let mut answers: Vec<(String, u32)> = Vec::new();
            for p in &run {
                match answers.iter_mut().find(|(a, _)| *a == p.answer) {
                    Some((_, n)) => *n += 1,
                    None => answers.push((p.answer.clone(), 1)),
                }
            }
            answers.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
            let mut latencies: Vec<f64> = run.iter().filter_map(|p| p.latency_ms).collect();
            latencies.sort_by(f64::total_cmp);
            let latency_median_ms = (!latencies.is_empty()).then(|| latencies[latencies.len() / 2]);
            let checked_at = run[0].time;
            let outcome = if failed == 0 {
                Text::msg("monitoring-probe-succeeded").with("tries", tries)
            } else {
                Text::msg("monitoring-probe-failed")
                    .with("failed", failed)
                    .with("tries", tries)
            };
            let also: Vec<Text> = answers
                .iter()
                .skip(1)
                .map(|(a, n)| {
                    Text::msg("monitoring-probe-other-answer")
                        .with("answer", a)
                        .with("tries", *n)
                })
                .collect();
            let sentence = if also.is_empty() {
                Text::msg("monitoring-probe")
            } else {
                Text::msg("monitoring-probe-also").with("others", joined("monitoring-list", also))
            };
            Some(ProbeSummary {
                url: url.to_string(),
                checked_at,
                tries,
                failed_tries: failed,
                answer: last.answer.clone(),
                class: last.class,
                sentence: sentence
                    .with("url", url)
                    .with("answer", &answers[0].0)
                    .with("outcome", outcome)
                    .with("checked", Arg::Moment(checked_at)),
                answers,
                latency_median_ms,
                source: last.source.clone(),
            })
        })
        .collect()
}

/// Chronology entries: each source's first failure, its longest streak
/// and the last recovery.
pub fn timeline_entries(figures: &MonitoringFigures) -> Vec<Entry> {
    let mut out = Vec::new();
    for f in &figures.sources {
        let cite = |r: &SampleRef| match r.line {
            Some(line) => format!("{}:{line}", f.source),
            None => f.source.clone(),
        };
        let entry = |time, until, text: Text, source: String| Entry {
            time,
            until,
            service: f.name.clone(),
            engine: None,
            category: "monitoring".into(),
            text,
            source,
        };
        if let Some(first) = &f.first_failure {
            out.push(entry(
                first.time,
                None,
                Text::msg("monitoring-entry-first-failure")
                    .with("name", &f.name)
                    .with("check", &first.text),
                cite(first),
            ));
        }
        if let Some(streak) = &f.longest_streak {
            let text = match streak.recovered_at {
                Some(at) => Text::msg("monitoring-entry-streak-recovered")
                    .with("recovered", Arg::Moment(at)),
                None => Text::msg("monitoring-entry-streak-failing"),
            };
            out.push(entry(
                streak.start.time,
                Some(streak.end.time),
                text.with("name", &f.name).with("length", streak.length),
                cite(&streak.start),
            ));
        }
        if let Some(last) = &f.last_recovery {
            out.push(entry(
                last.time,
                None,
                Text::msg("monitoring-entry-recovered")
                    .with("name", &f.name)
                    .with("recoveries", f.recoveries_total),
                cite(last),
            ));
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::testing::fixture;

    fn series(outcomes: &[(i64, bool, Option<u16>, Option<f32>)]) -> MonitoringSeries {
        MonitoringSeries {
            target: "http://127.0.0.1:18080/".into(),
            source: "monitoring/t.jsonl".into(),
            format: HistoryFormat::JsonLines,
            samples: outcomes
                .iter()
                .enumerate()
                .map(|(i, (t, ok, status, latency))| {
                    Sample::new(
                        DateTime::from_timestamp(*t, 0).unwrap(),
                        *ok,
                        *status,
                        *latency,
                        None,
                        i as u32 + 1,
                    )
                })
                .collect(),
            messages: Vec::new(),
        }
    }

    #[test]
    fn streaks_recoveries_holes_and_percentiles() {
        // 60 s checks, one 20-minute hole, failures at 3-4 and 7-9.
        let base = 1_795_800_000;
        let rows: Vec<(i64, bool, Option<u16>, Option<f32>)> = (0..12)
            .map(|i| {
                let t = base + i * 60 + if i >= 10 { 1200 } else { 0 };
                let ok = !matches!(i, 3 | 4 | 7..=9);
                let status = if ok {
                    200
                } else if i == 8 {
                    504
                } else {
                    502
                };
                (t, ok, Some(status), Some((i + 1) as f32 * 10.0))
            })
            .collect();
        let s = series(&rows);
        let f = figures(&s, "t".into(), 95.0).unwrap();
        assert_eq!((f.samples, f.failures), (12, 5));
        assert!((f.availability_percent - 58.333).abs() < 0.01);
        assert!(!f.meets_target);
        let streak = f.longest_streak.as_ref().unwrap();
        assert_eq!(streak.length, 3);
        assert_eq!(streak.start.line, Some(8));
        assert_eq!(streak.end.line, Some(10));
        assert_eq!(streak.recovered_at, Some(s.samples[10].time));
        assert_eq!(f.recoveries_total, 2);
        assert_eq!(f.last_recovery.as_ref().unwrap().line, Some(11));
        assert_eq!(f.first_failure.as_ref().unwrap().line, Some(4));
        assert_eq!(f.coverage.median_interval_seconds, 60.0);
        assert_eq!(f.coverage.holes.len(), 1);
        assert_eq!(f.coverage.holes[0].seconds, 1260.0);
        assert_eq!(f.error_classes[0].class, ErrorClass::BadGateway);
        assert_eq!(f.error_classes[0].count, 4);
        assert_eq!(f.error_classes[1].class, ErrorClass::GatewayTimeout);
        let latency = f.latency.unwrap();
        assert_eq!(
            (
                latency.p50_ms,
                latency.p90_ms,
                latency.p99_ms,
                latency.max_ms
            ),
            (60.0, 110.0, 120.0, 120.0)
        );
        let counted: u32 = f.buckets.iter().map(|b| b.samples).sum();
        assert_eq!(counted, 12);
        assert!(f.buckets.len() <= MAX_BUCKETS);
        assert!(!f.failing_at_end);
    }

    #[test]
    fn days_are_utc_days() {
        let s = series(&[
            (1_795_823_999, true, None, None),  // 2026-11-27T23:59:59Z
            (1_795_824_000, false, None, None), // 2026-11-28T00:00:00Z
            (1_795_824_060, true, None, None),
        ]);
        let f = figures(&s, "t".into(), 95.0).unwrap();
        let days: Vec<(&str, u64, u64)> = f
            .daily
            .iter()
            .map(|d| (d.date.as_str(), d.samples, d.failures))
            .collect();
        assert_eq!(days, [("2026-11-27", 1, 0), ("2026-11-28", 2, 1)]);
        assert!(f.daily[0].meets_target && !f.daily[1].meets_target);
    }

    #[test]
    fn the_summary_reads_in_french() {
        let rows: Vec<(i64, bool, Option<u16>, Option<f32>)> = (0..1500)
            .map(|i| {
                (
                    1_795_800_000 + i * 60,
                    i < 2,
                    Some(if i < 2 { 200 } else { 502 }),
                    None,
                )
            })
            .collect();
        let f = figures(&series(&rows), "api".into(), 99.5).unwrap();
        assert_eq!(
            f.summary.to_string(),
            "api: 0.1 % availability over 1500 checks (1498 failed) against a 99.5 % target; \
             longest failure streak 1498 checks over 1 d, from 2026-11-27 17:22:00 UTC to 2026-11-28 18:19:00 UTC \
             (still failing at the last check); mostly 502 Bad Gateway (1498 of 1498)."
        );
        let fr = crate::locale::get("fr").unwrap();
        assert_eq!(
            fr.text(&f.summary),
            "api\u{a0}: disponibilité de 0,1\u{202f}% sur 1\u{202f}500 vérifications (1\u{202f}498 en échec) \
             pour un objectif de 99,5\u{202f}%\u{202f}; plus longue série d'échecs consécutifs\u{a0}: \
             1\u{202f}498 vérifications en 1 j, du 27 novembre 2026 à 17:22:00 UTC au 28 novembre 2026 à 18:19:00 UTC \
             (toujours en échec à la dernière vérification)\u{202f}; surtout 502 Bad Gateway (1\u{202f}498 sur 1\u{202f}498)."
        );
        let entries = timeline_entries(&MonitoringFigures {
            target_percent: 99.5,
            sources: vec![f],
            probes: Vec::new(),
            markers: Vec::new(),
        });
        assert_eq!(
            fr.text(&entries[1].text),
            "api\u{a0}: plus longue série d'échecs, 1\u{202f}498 échecs consécutifs \
             (toujours en échec à la dernière vérification)"
        );
    }

    /// What the monitor log itself says, as the oracle: its check lines, its
    /// successes, its first failure's line and its own failure counter.
    pub(crate) struct MonitorLog {
        pub checks: usize,
        pub ok: usize,
        pub first_error_line: u64,
        pub last_counter: u64,
    }

    pub(crate) fn read_monitor_log(bundle: &str) -> MonitorLog {
        let path = crate::testing::fixture_path(bundle).join("monitoring/uptime-monitor.log");
        let text = std::fs::read_to_string(path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let last_error = lines.iter().rev().find(|l| l.contains(" ERROR ")).unwrap();
        let counter = last_error
            .rsplit_once("(consecutive failures: ")
            .unwrap()
            .1
            .trim_end_matches(')');
        MonitorLog {
            checks: lines.iter().filter(|l| l.contains("API check")).count(),
            ok: lines.iter().filter(|l| l.contains("API check OK")).count(),
            first_error_line: lines.iter().position(|l| l.contains(" ERROR ")).unwrap() as u64 + 1,
            last_counter: counter.parse().unwrap(),
        }
    }

    #[test]
    fn the_main_incident_history_shows_the_828_failure_streak() {
        let evidence = fixture("main-incident");
        let history = evidence
            .monitoring
            .iter()
            .find(|s| s.source.ends_with("api-uptime-9d.jsonl"))
            .expect("the 9-day history is read");
        // fixtures/README.md: 9 days of 5-minute checks, 50 % uptime, a final streak of 828.
        let f = figures(history, "api-uptime-9d".into(), 95.0).unwrap();
        assert_eq!((f.samples, f.failures), (2592, 1296));
        assert_eq!(f.availability_percent, 50.0);
        let streak = f.longest_streak.unwrap();
        assert_eq!(streak.length, 828);
        let samples = &history.samples;
        assert_eq!(streak.start.time, samples[samples.len() - 828].time);
        assert_eq!(streak.start.line, Some(2592 - 828 + 1));
        assert_eq!(streak.end.time, samples[samples.len() - 1].time);
        assert_eq!(streak.recovered_at, None);
        assert!(f.failing_at_end);
        assert_eq!(f.daily.iter().map(|d| d.samples).sum::<u64>(), 2592);
        // Whole days inside the final outage had no successful check.
        assert!(f.daily.iter().any(|d| d.availability_percent == 0.0));
        assert!(f.daily.iter().any(|d| d.availability_percent > 50.0));
        let classes: Vec<ErrorClass> = f.error_classes.iter().map(|c| c.class).collect();
        assert_eq!(
            classes,
            [ErrorClass::BadGateway, ErrorClass::GatewayTimeout]
        );
        assert_eq!(f.error_classes.iter().map(|c| c.count).sum::<u64>(), 1296);
        assert_eq!(f.coverage.median_interval_seconds, 300.0);
        assert!(f.coverage.holes.is_empty());

        let monitor = evidence
            .monitoring
            .iter()
            .find(|s| s.source.ends_with("uptime-monitor.log"))
            .expect("the monitor log is read");
        assert_eq!(monitor.target, "http://127.0.0.1:18080/");
        let log = read_monitor_log("main-incident");
        let f = figures(monitor, "uptime-monitor".into(), 95.0).unwrap();
        assert_eq!(f.samples as usize, log.checks);
        assert_eq!((f.samples - f.failures) as usize, log.ok);
        assert_eq!(f.first_failure.unwrap().line, Some(log.first_error_line));
        assert_eq!(f.longest_streak.unwrap().length, log.last_counter);
        assert_eq!(f.error_classes[0].class, ErrorClass::BadGateway);
        assert!(f.latency.unwrap().max_ms >= 1.0);
    }

    #[test]
    fn the_main_incident_monitor_is_dated_against_the_deploy_and_the_crash_loop() {
        use crate::analyze::detector::{Finding, Role};
        let evidence = fixture("main-incident");
        let api = evidence.container("mcp-api").unwrap();
        let first_exit = evidence
            .events_of(api)
            .find(|e| e.action == "die" && e.actor_id == api.id)
            .unwrap()
            .time;
        let mut finding = Finding::new("crash-loop", Role::Cause, "mcp-api", "mcp-api restarts");
        finding.seen_at(Some(first_exit));
        let cause = RootCause {
            rank: 1,
            finding,
            chain: Vec::new(),
            explains: Vec::new(),
            related: Vec::new(),
        };
        let figures = analyze(&evidence, &[cause]);
        let deploy = figures
            .markers
            .iter()
            .find(|m| m.kind == MarkerKind::Deploy)
            .expect("the image creation is marked");
        assert_eq!(deploy.label, "image coroner-fixture/mcp-api:1.5.0 created");
        let restarts = figures
            .markers
            .iter()
            .filter(|m| m.kind == MarkerKind::Restart)
            .count();
        assert_eq!(
            restarts,
            evidence
                .events_of(api)
                .filter(|e| e.action == "die" && e.actor_id == api.id)
                .count()
        );
        assert!(restarts > 1, "a crash loop");
        let monitor = figures
            .sources
            .iter()
            .find(|s| s.name == "uptime-monitor")
            .unwrap();
        let onset = monitor.onset.as_ref().unwrap();
        assert_eq!(
            onset.failures_began,
            monitor.first_failure.as_ref().unwrap().time
        );
        // The proxy answered 502 as soon as the deploy replaced the working api.
        let after_deploy = onset
            .relative
            .iter()
            .find(|r| r.event == "image coroner-fixture/mcp-api:1.5.0 was created")
            .unwrap();
        assert!(
            after_deploy.seconds > 0.0 && after_deploy.seconds < 10.0,
            "{onset:#?}"
        );
        assert!(onset
            .relative
            .iter()
            .any(|r| r.event == "mcp-api started crash-looping" && r.seconds.abs() < 60.0));
        assert!(
            onset
                .sentence
                .to_string()
                .contains("still failing at the last check"),
            "{}",
            onset.sentence
        );
        // The generated 9-day history was already failing for days when the deploy came.
        let history = figures
            .sources
            .iter()
            .find(|s| s.name == "api-uptime-9d")
            .unwrap();
        let onset = history.onset.as_ref().unwrap();
        assert_eq!(
            onset.failures_began,
            history.longest_streak.as_ref().unwrap().start.time
        );
        assert!(
            onset
                .sentence
                .to_string()
                .contains(" before image coroner-fixture/mcp-api:1.5.0 was created"),
            "{}",
            onset.sentence
        );
    }

    #[test]
    fn failures_are_dated_against_the_root_cause_events() {
        let s = series(&[
            (1_000, true, Some(200), None),
            (1_060, true, Some(200), None),
            (1_120, false, Some(502), None),
            (1_180, false, Some(502), None),
            (1_240, true, Some(200), None),
        ]);
        let t = |secs| DateTime::from_timestamp(secs, 0).unwrap();
        let markers = vec![
            Marker {
                time: t(1_000),
                kind: MarkerKind::Deploy,
                label: Text::msg("monitoring-marker-deploy").with("image", "api:1.5.0"),
            },
            Marker {
                time: t(1_100),
                kind: MarkerKind::Restart,
                label: Text::msg("monitoring-marker-crash-loop").with("service", "api"),
            },
            Marker {
                time: t(1_110),
                kind: MarkerKind::Restart,
                label: Text::msg("monitoring-marker-exit").with("service", "api"),
            },
        ];
        let onset = onset(&s, &markers).unwrap();
        assert_eq!(onset.failures_began, t(1_120));
        let relative: Vec<(String, f64)> = onset
            .relative
            .iter()
            .map(|r| (r.event.to_string(), r.seconds))
            .collect();
        assert_eq!(
            relative,
            [
                ("image api:1.5.0 was created".to_string(), 120.0),
                ("api started crash-looping".to_string(), 20.0)
            ]
        );
        assert_eq!(onset.time_to_recover_seconds, Some(120.0));
        assert_eq!(
            onset.sentence,
            "Failures began at 1970-01-01 00:18:40 UTC, 2 min after image api:1.5.0 was created, 20 s after api started crash-looping; the checks recovered 2 min later, at 1970-01-01 00:20:40 UTC."
        );
        let fr = crate::locale::get("fr").unwrap();
        assert_eq!(
            fr.text(&onset.sentence),
            "Les échecs ont commencé le 1 janvier 1970 à 00:18:40 UTC, 2 min après la création de l'image api:1.5.0, \
             20 s après api entre en redémarrage en boucle\u{202f}; les vérifications sont revenues à la normale \
             2 min plus tard, le 1 janvier 1970 à 00:20:40 UTC."
        );
    }

    #[test]
    fn the_latest_probe_run_per_url_is_summarised() {
        let probe = |source: &str, secs, attempt, ok, answer: &str| ProbeResult {
            url: "http://127.0.0.1:18080/".into(),
            time: DateTime::from_timestamp(secs, 0).unwrap(),
            attempt,
            ok,
            status: None,
            latency_ms: Some(2.0),
            class: (!ok).then_some(ErrorClass::BadGateway),
            answer: answer.into(),
            error: None,
            source: source.into(),
            line: u64::from(attempt),
        };
        let probes = vec![
            probe("probes/a.jsonl", 100, 1, true, "200 OK"),
            probe("probes/b.jsonl", 200, 1, false, "502 Bad Gateway"),
            probe("probes/b.jsonl", 201, 2, false, "502 Bad Gateway"),
            probe("probes/b.jsonl", 203, 3, true, "200 OK"),
        ];
        let summaries = probe_summaries(&probes);
        assert_eq!(summaries.len(), 1);
        let s = &summaries[0];
        assert_eq!((s.tries, s.failed_tries), (3, 2));
        assert_eq!(s.answer, "200 OK");
        assert_eq!(
            s.sentence,
            "http://127.0.0.1:18080/ answers 502 Bad Gateway (also 200 OK to 1): 2 of 3 probes failed at 1970-01-01 00:03:20 UTC."
        );
    }
}
