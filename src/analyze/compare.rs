//! Before and after: two investigations of the same host, side by side.
//!
//! Owns the comparison model: which root causes and symptoms of either side
//! are resolved, still present or new (paired by their fingerprint), how the
//! state of each container changed, and how the figures of each monitored
//! target moved. A side is taken from an [`Analysis`] made now, or from the
//! JSON report coroner wrote earlier: [`Side::from_report`] reads only the
//! fields the comparison uses, and names the field that does not fit.
//!
//! Must not: read files (the caller hands over the report's text), look at
//! evidence again, or write sentences: the model holds statuses and
//! figures, renderers word them.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::detector::Role;
use super::monitoring::class_label;
use super::{Analysis, Verdict, SCHEMA_VERSION};
use crate::evidence::monitoring::ErrorClass;
use crate::locale::Text;

/// Where a side came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    /// A bundle, analysed now.
    Bundle,
    /// A JSON report written by coroner earlier.
    Report,
}

/// One investigation, as much of it as the comparison uses.
#[derive(Debug, Clone)]
pub struct Side {
    about: SideSummary,
    causes: Vec<FindingState>,
    symptoms: Vec<FindingState>,
    containers: Vec<NamedContainer>,
    monitoring: Vec<SourceState>,
}

/// What a side is: where it came from, its verdict and its window.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct SideSummary {
    /// The bundle directory or the report file, as given.
    pub source: String,
    pub origin: Origin,
    pub verdict: Verdict,
    pub since: Option<String>,
    pub until: Option<String>,
    pub host: Option<String>,
    /// The availability target its monitoring figures were set against, in percent.
    pub target_percent: f64,
}

/// A root cause or a symptom, as the comparison pairs it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
struct FindingState {
    fingerprint: String,
    kind: String,
    service: String,
    #[serde(deserialize_with = "words")]
    title: Text,
    occurrences: u64,
}

/// Words an earlier report holds, already written in the language it was
/// written in: they are shown as they are.
fn words<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
    String::deserialize(d).map(Text::Verbatim)
}

/// A container's state on one side.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ContainerState {
    pub image: String,
    pub state: Text,
    pub health: Text,
    pub restarts: u64,
    pub exit_code: Option<i64>,
    /// The analyzer's judgement: restarting, exited with an error, never started or unhealthy.
    pub failing: bool,
}

/// A container's state, named.
#[derive(Debug, Clone)]
struct NamedContainer {
    container: String,
    state: ContainerState,
}

/// A row of the JSON report's services table. Its fields are spelled out
/// rather than flattened from [`ContainerState`], so that a field of the
/// wrong type is named, not only its row.
#[derive(Deserialize)]
struct ReportService {
    container: String,
    image: String,
    state: String,
    health: String,
    restarts: u64,
    exit_code: Option<i64>,
    failing: bool,
}

impl From<ReportService> for NamedContainer {
    fn from(r: ReportService) -> Self {
        NamedContainer {
            container: r.container,
            state: ContainerState {
                image: r.image,
                // Words of the earlier report, in the language it was written in.
                state: Text::Verbatim(r.state),
                health: Text::Verbatim(r.health),
                restarts: r.restarts,
                exit_code: r.exit_code,
                failing: r.failing,
            },
        }
    }
}

/// The figures of one monitored target on one side.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct MonitorState {
    pub samples: u64,
    pub failures: u64,
    pub availability_percent: f64,
    pub meets_target: bool,
    /// Consecutive failed checks, 0 when none failed.
    pub longest_streak: u64,
    pub failing_at_end: bool,
}

/// A monitoring source as the JSON report holds it.
#[derive(Debug, Clone, Deserialize)]
struct SourceState {
    name: String,
    target: String,
    samples: u64,
    failures: u64,
    availability_percent: f64,
    meets_target: bool,
    failing_at_end: bool,
    longest_streak: Option<StreakLength>,
    error_classes: Vec<ClassState>,
}

#[derive(Debug, Clone, Deserialize)]
struct StreakLength {
    length: u64,
}

#[derive(Debug, Clone, Deserialize)]
struct ClassState {
    class: ErrorClass,
    count: u64,
}

/// The two sides and what changed between them. Serialised as the
/// `comparison` object of a report and as the compare report.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Comparison {
    pub before: SideSummary,
    pub after: SideSummary,
    pub counts: Counts,
    /// Both sides name their host and the names differ: a finding absent
    /// after may be absent because the host is another, not because it was
    /// fixed.
    pub different_hosts: bool,
    /// Root causes first, then symptoms; each in the order of the side it was found on.
    pub findings: Vec<FindingChange>,
    pub containers: Vec<ContainerChange>,
    pub monitoring: Vec<MonitoringChange>,
}

/// How many findings have each status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Counts {
    pub resolved: usize,
    pub still_present: usize,
    pub new: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Found before, not after.
    Resolved,
    /// Found on both sides.
    StillPresent,
    /// Found after only.
    New,
}

/// One root cause or symptom of either side.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct FindingChange {
    pub fingerprint: String,
    pub status: Status,
    /// Its role after, else before.
    pub role: Role,
    pub kind: String,
    pub service: String,
    /// The title after, else before.
    pub title: Text,
    pub occurrences_before: Option<u64>,
    pub occurrences_after: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ContainerTrend {
    /// Failing before, not after.
    Recovered,
    StillFailing,
    /// Not failing before, failing after.
    NowFailing,
    /// Not failing on either side.
    Fine,
    /// Before only.
    Gone,
    /// After only.
    Added,
}

/// One container on either side.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ContainerChange {
    pub container: String,
    pub before: Option<ContainerState>,
    pub after: Option<ContainerState>,
    pub trend: ContainerTrend,
    /// Restarts after less restarts before, when both sides have the container.
    pub restarts_change: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum MonitorTrend {
    /// Availability higher after, as shown (to 0.1 point).
    Better,
    Worse,
    Same,
    /// Before only.
    Gone,
    /// After only.
    Added,
}

/// One monitored target on either side.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct MonitoringChange {
    /// The source's name (its file stem, with the target when one file holds several).
    pub name: String,
    pub target: String,
    pub before: Option<MonitorState>,
    pub after: Option<MonitorState>,
    pub trend: MonitorTrend,
    /// After less before, in percentage points.
    pub availability_change_points: Option<f64>,
    /// Failed checks by error class on each side, most frequent before first.
    pub error_classes: Vec<ClassChange>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ClassChange {
    pub class: ErrorClass,
    pub label: Text,
    pub before: u64,
    pub after: u64,
}

/// Why a JSON report cannot be a side; each names the file, and the field when one is at fault.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("{file}: not a JSON document: {message}")]
    NotJson { file: String, message: String },
    #[error("{file}: not an investigation report: {why}")]
    NotAReport { file: String, why: &'static str },
    #[error("{file}: field `schema_version`: {found}; this coroner reads reports of schema version {SCHEMA_VERSION}")]
    SchemaVersion { file: String, found: String },
    #[error("{file}: field `{field}`: {message}")]
    Field {
        file: String,
        field: String,
        message: String,
    },
}

/// The fields of a JSON report the comparison reads.
#[derive(Deserialize)]
struct ReportDocument {
    about: ReportAbout,
    verdict: Verdict,
    root_causes: Vec<FindingState>,
    symptoms: Vec<FindingState>,
    services: Vec<ReportService>,
    monitoring: ReportMonitoring,
}

#[derive(Deserialize)]
struct ReportAbout {
    since: Option<String>,
    until: Option<String>,
    host: Option<String>,
}

#[derive(Deserialize)]
struct ReportMonitoring {
    target_percent: f64,
    sources: Vec<SourceState>,
}

impl Side {
    /// A side from an analysis made now; `source` names what was analysed.
    pub fn from_analysis(analysis: &Analysis, source: impl Into<String>) -> Side {
        let finding = |f: &super::detector::Finding| FindingState {
            fingerprint: f.fingerprint.clone(),
            kind: f.kind.to_string(),
            service: f.service.clone(),
            title: f.title.clone(),
            occurrences: f.occurrences,
        };
        Side {
            about: SideSummary {
                source: source.into(),
                origin: Origin::Bundle,
                verdict: analysis.verdict,
                since: analysis.about.since.clone(),
                until: analysis.about.until.clone(),
                host: analysis.about.host.clone(),
                target_percent: analysis.monitoring.target_percent,
            },
            causes: analysis
                .root_causes
                .iter()
                .map(|c| finding(&c.finding))
                .collect(),
            symptoms: analysis
                .symptoms
                .iter()
                .map(|s| finding(&s.finding))
                .collect(),
            containers: analysis
                .services
                .iter()
                .map(|r| NamedContainer {
                    container: r.container.clone(),
                    state: ContainerState {
                        image: r.image.clone(),
                        state: r.state.clone(),
                        health: r.health.clone(),
                        restarts: r.restarts,
                        exit_code: r.exit_code,
                        failing: r.failing,
                    },
                })
                .collect(),
            monitoring: analysis
                .monitoring
                .sources
                .iter()
                .map(|s| SourceState {
                    name: s.name.clone(),
                    target: s.target.clone(),
                    samples: s.samples,
                    failures: s.failures,
                    availability_percent: s.availability_percent,
                    meets_target: s.meets_target,
                    failing_at_end: s.failing_at_end,
                    longest_streak: s
                        .longest_streak
                        .as_ref()
                        .map(|k| StreakLength { length: k.length }),
                    error_classes: s
                        .error_classes
                        .iter()
                        .map(|c| ClassState {
                            class: c.class,
                            count: c.count,
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    /// A side from the text of a JSON report coroner wrote; `file` names it in errors.
    pub fn from_report(text: &str, file: &str) -> Result<Side, ReportError> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| ReportError::NotJson {
                file: file.to_string(),
                message: e.to_string(),
            })?;
        let not_a_report = |why| ReportError::NotAReport {
            file: file.to_string(),
            why,
        };
        let Some(fields) = value.as_object() else {
            return Err(not_a_report("the document is not a JSON object"));
        };
        if fields.contains_key("counts") && fields.contains_key("findings") {
            return Err(not_a_report(
                "it is a comparison (`coroner compare`); compare the reports it was made from",
            ));
        }
        let wrong_version = match fields.get("schema_version") {
            None => Some("missing".to_string()),
            Some(v) if v.as_u64() == Some(u64::from(SCHEMA_VERSION)) => None,
            Some(v) => Some(format!("is {v}")),
        };
        if let Some(found) = wrong_version {
            return Err(ReportError::SchemaVersion {
                file: file.to_string(),
                found,
            });
        }
        let document: ReportDocument = serde_path_to_error::deserialize(&value).map_err(|e| {
            let path = e.path().to_string();
            let message = crate::evidence::document::reword(&e.inner().to_string());
            // serde names a missing field in its message, at its parent's path.
            match message
                .strip_prefix("missing field `")
                .and_then(|m| m.strip_suffix('`'))
            {
                Some(name) if path == "." => field_error(file, name, "missing"),
                Some(name) => field_error(file, &format!("{path}.{name}"), "missing"),
                None => field_error(file, &path, &message),
            }
        })?;
        Ok(Side {
            about: SideSummary {
                source: file.to_string(),
                origin: Origin::Report,
                verdict: document.verdict,
                since: document.about.since,
                until: document.about.until,
                host: document.about.host,
                target_percent: document.monitoring.target_percent,
            },
            causes: document.root_causes,
            symptoms: document.symptoms,
            containers: document.services.into_iter().map(Into::into).collect(),
            monitoring: document.monitoring.sources,
        })
    }
}

fn field_error(file: &str, field: &str, message: &str) -> ReportError {
    ReportError::Field {
        file: file.to_string(),
        field: field.to_string(),
        message: message.to_string(),
    }
}

/// Compares two sides of the same host.
pub fn compare(before: &Side, after: &Side) -> Comparison {
    let findings = pair_findings(before, after);
    let mut counts = Counts::default();
    for f in &findings {
        match f.status {
            Status::Resolved => counts.resolved += 1,
            Status::StillPresent => counts.still_present += 1,
            Status::New => counts.new += 1,
        }
    }
    Comparison {
        before: before.about.clone(),
        after: after.about.clone(),
        counts,
        different_hosts: matches!(
            (&before.about.host, &after.about.host),
            (Some(a), Some(b)) if a != b
        ),
        findings,
        containers: pair_containers(before, after),
        monitoring: pair_monitoring(before, after),
    }
}

fn pair_findings(before: &Side, after: &Side) -> Vec<FindingChange> {
    let roled = |side: &Side| -> Vec<(Role, FindingState)> {
        side.causes
            .iter()
            .map(|f| (Role::Cause, f.clone()))
            .chain(side.symptoms.iter().map(|f| (Role::Symptom, f.clone())))
            .collect()
    };
    let mut unpaired: Vec<Option<(Role, FindingState)>> =
        roled(after).into_iter().map(Some).collect();
    let mut out = Vec::new();
    for (role, was) in roled(before) {
        let now = unpaired
            .iter_mut()
            .find(|a| {
                a.as_ref()
                    .is_some_and(|(_, f)| f.fingerprint == was.fingerprint)
            })
            .and_then(Option::take);
        out.push(match now {
            Some((role, now)) => FindingChange {
                status: Status::StillPresent,
                role,
                occurrences_before: Some(was.occurrences),
                occurrences_after: Some(now.occurrences),
                fingerprint: now.fingerprint,
                kind: now.kind,
                service: now.service,
                title: now.title,
            },
            None => FindingChange {
                status: Status::Resolved,
                role,
                occurrences_before: Some(was.occurrences),
                occurrences_after: None,
                fingerprint: was.fingerprint,
                kind: was.kind,
                service: was.service,
                title: was.title,
            },
        });
    }
    out.extend(
        unpaired
            .into_iter()
            .flatten()
            .map(|(role, now)| FindingChange {
                status: Status::New,
                role,
                occurrences_before: None,
                occurrences_after: Some(now.occurrences),
                fingerprint: now.fingerprint,
                kind: now.kind,
                service: now.service,
                title: now.title,
            }),
    );
    // Stable: within a role, the order of the sides is kept.
    out.sort_by_key(|f| f.role);
    out
}

fn pair_containers(before: &Side, after: &Side) -> Vec<ContainerChange> {
    let mut by_name: BTreeMap<&str, (Option<&ContainerState>, Option<&ContainerState>)> =
        BTreeMap::new();
    for c in &before.containers {
        by_name
            .entry(&c.container)
            .or_default()
            .0
            .get_or_insert(&c.state);
    }
    for c in &after.containers {
        by_name
            .entry(&c.container)
            .or_default()
            .1
            .get_or_insert(&c.state);
    }
    by_name
        .into_iter()
        .map(|(name, (was, now))| {
            let trend = match (was, now) {
                (Some(w), Some(n)) => match (w.failing, n.failing) {
                    (true, false) => ContainerTrend::Recovered,
                    (true, true) => ContainerTrend::StillFailing,
                    (false, true) => ContainerTrend::NowFailing,
                    (false, false) => ContainerTrend::Fine,
                },
                (Some(_), None) => ContainerTrend::Gone,
                (None, _) => ContainerTrend::Added,
            };
            ContainerChange {
                container: name.to_string(),
                restarts_change: was
                    .zip(now)
                    .map(|(w, n)| n.restarts as i64 - w.restarts as i64),
                before: was.cloned(),
                after: now.cloned(),
                trend,
            }
        })
        .collect()
}

impl SourceState {
    fn figures(&self) -> MonitorState {
        MonitorState {
            samples: self.samples,
            failures: self.failures,
            availability_percent: self.availability_percent,
            meets_target: self.meets_target,
            longest_streak: self.longest_streak.as_ref().map_or(0, |s| s.length),
            failing_at_end: self.failing_at_end,
        }
    }
}

/// Pairs the sources of both sides: by name and target, then by name (a
/// history whose target changed wording), then by target (the same target
/// watched through a file of another name).
fn pair_monitoring(before: &Side, after: &Side) -> Vec<MonitoringChange> {
    let mut unpaired: Vec<Option<&SourceState>> = after.monitoring.iter().map(Some).collect();
    let mut pairs: Vec<(Option<&SourceState>, Option<&SourceState>)> =
        before.monitoring.iter().map(|s| (Some(s), None)).collect();
    let same: [fn(&SourceState, &SourceState) -> bool; 3] = [
        |a, b| a.name == b.name && a.target == b.target,
        |a, b| a.name == b.name,
        |a, b| !a.target.is_empty() && a.target == b.target,
    ];
    for test in same {
        for (was, now) in pairs.iter_mut() {
            if now.is_some() {
                continue;
            }
            let was = was.expect("a source of the side before");
            *now = unpaired
                .iter_mut()
                .find(|s| s.is_some_and(|s| test(was, s)))
                .and_then(Option::take);
        }
    }
    pairs.extend(unpaired.into_iter().flatten().map(|s| (None, Some(s))));
    pairs
        .into_iter()
        .map(|(was, now)| {
            let named = now.or(was).expect("one side at least");
            let (before, after) = (was.map(SourceState::figures), now.map(SourceState::figures));
            let change = before
                .as_ref()
                .zip(after.as_ref())
                .map(|(b, a)| a.availability_percent - b.availability_percent);
            let trend = match (was, now, change) {
                (_, None, _) => MonitorTrend::Gone,
                (None, _, _) => MonitorTrend::Added,
                (_, _, Some(points)) if (points * 10.0).round() > 0.0 => MonitorTrend::Better,
                (_, _, Some(points)) if (points * 10.0).round() < 0.0 => MonitorTrend::Worse,
                _ => MonitorTrend::Same,
            };
            MonitoringChange {
                name: named.name.clone(),
                target: named.target.clone(),
                before,
                after,
                trend,
                availability_change_points: change,
                error_classes: class_changes(was, now),
            }
        })
        .collect()
}

fn class_changes(was: Option<&SourceState>, now: Option<&SourceState>) -> Vec<ClassChange> {
    let mut out: Vec<ClassChange> = Vec::new();
    let sides = [was, now];
    for (side, source) in sides.iter().enumerate() {
        for c in source.iter().flat_map(|s| &s.error_classes) {
            let at = match out.iter().position(|o| o.class == c.class) {
                Some(at) => at,
                None => {
                    out.push(ClassChange {
                        class: c.class,
                        label: class_label(c.class),
                        before: 0,
                        after: 0,
                    });
                    out.len() - 1
                }
            };
            if side == 0 {
                out[at].before += c.count;
            } else {
                out[at].after += c.count;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::{analyze, Analysis};
    use crate::report::{render, Format};
    use crate::testing::fixture;

    fn analysed(name: &str) -> (Analysis, Side) {
        let analysis = analyze(&fixture(name));
        let side = Side::from_analysis(&analysis, name);
        (analysis, side)
    }

    /// The side a JSON report of `analysis` gives, as `coroner compare` reads it.
    fn reported(analysis: &Analysis, file: &str) -> Side {
        Side::from_report(&render(analysis, Format::Json).unwrap(), file).unwrap()
    }

    fn fingerprints(a: &Analysis) -> Vec<String> {
        a.root_causes
            .iter()
            .map(|c| c.finding.fingerprint.clone())
            .chain(a.symptoms.iter().map(|s| s.finding.fingerprint.clone()))
            .collect()
    }

    #[test]
    fn the_fixed_deploy_resolves_every_finding_of_the_broken_one() {
        let (broken, before) = analysed("deploy-broken");
        let (fixed, after) = analysed("deploy-fixed");
        assert!(broken
            .root_causes
            .iter()
            .any(|c| c.finding.fingerprint == "missing-module:orders-api:yaml"));
        assert_eq!(fixed.verdict, Verdict::Healthy);

        let c = compare(&before, &after);
        let expected = fingerprints(&broken);
        let resolved: Vec<&str> = c
            .findings
            .iter()
            .filter(|f| f.status == Status::Resolved)
            .map(|f| f.fingerprint.as_str())
            .collect();
        assert_eq!(resolved, expected);
        assert_eq!(
            c.counts,
            Counts {
                resolved: expected.len(),
                still_present: 0,
                new: 0
            }
        );
        assert_eq!(c.findings[0].role, Role::Cause);
        assert_eq!(
            c.findings[0].occurrences_before,
            Some(broken.root_causes[0].finding.occurrences)
        );
        assert_eq!(c.findings[0].occurrences_after, None);

        let api = c
            .containers
            .iter()
            .find(|k| k.container == "orders-api")
            .unwrap();
        assert_eq!(api.trend, ContainerTrend::Recovered);
        let restarts_before = broken.services[0].restarts as i64;
        assert!(restarts_before >= 8);
        assert_eq!(api.restarts_change, Some(-restarts_before));
        assert_eq!(api.after.as_ref().unwrap().state, "running");

        let [m] = c.monitoring.as_slice() else {
            panic!("{:?}", c.monitoring)
        };
        let (was, now) = (&broken.monitoring.sources[0], &fixed.monitoring.sources[0]);
        assert_eq!(m.target, "http://127.0.0.1:18086/");
        let (b, a) = (m.before.as_ref().unwrap(), m.after.as_ref().unwrap());
        assert_eq!(b.availability_percent, was.availability_percent);
        assert_eq!(a.availability_percent, 100.0);
        assert_eq!(
            m.availability_change_points,
            Some(100.0 - was.availability_percent)
        );
        assert_eq!(m.trend, MonitorTrend::Better);
        assert_eq!(
            b.longest_streak,
            was.longest_streak.as_ref().unwrap().length
        );
        assert_eq!((a.longest_streak, a.failures), (0, 0));
        assert_eq!(a.samples, now.samples);
        assert_eq!(
            m.error_classes,
            [ClassChange {
                class: ErrorClass::BadGateway,
                label: class_label(ErrorClass::BadGateway),
                before: was.failures,
                after: 0
            }]
        );
    }

    #[test]
    fn the_other_way_round_everything_is_new_and_failing_again() {
        let (fixed, before) = analysed("deploy-fixed");
        let (_, after) = analysed("deploy-broken");
        assert!(fingerprints(&fixed).is_empty());
        let c = compare(&before, &after);
        assert!(c.findings.iter().all(|f| f.status == Status::New));
        assert_eq!(c.counts.new, c.findings.len());
        assert_eq!(c.containers[0].trend, ContainerTrend::NowFailing);
        assert_eq!(c.monitoring[0].trend, MonitorTrend::Worse);
    }

    /// The same failure captured twice (the whole incident, then its second
    /// half): every finding is still present, with its counts on each side.
    #[test]
    fn a_failure_seen_again_is_still_present() {
        let whole = analyze(&fixture("main-incident"));
        let top = &whole.root_causes[0].finding;
        let (first, last) = (top.first_seen.unwrap(), top.last_seen.unwrap());
        let mut evidence = fixture("main-incident");
        evidence.window.since = Some(first + (last - first) / 2);
        let later = analyze(&evidence);
        let c = compare(
            &Side::from_analysis(&whole, "whole"),
            &Side::from_analysis(&later, "later"),
        );
        let pandas = c
            .findings
            .iter()
            .find(|f| f.fingerprint == "missing-module:mcp-api:pandas")
            .unwrap();
        assert_eq!(pandas.status, Status::StillPresent);
        assert_eq!(pandas.occurrences_before, Some(top.occurrences));
        assert!(pandas.occurrences_after < pandas.occurrences_before);
        assert!(c.counts.still_present >= 1);
        assert_eq!(
            c.containers
                .iter()
                .find(|k| k.container == "mcp-api")
                .unwrap()
                .trend,
            ContainerTrend::StillFailing
        );
    }

    #[test]
    fn a_json_report_is_the_same_side_as_its_analysis() {
        let (broken, from_bundle) = analysed("deploy-broken");
        let (_, fixed) = analysed("deploy-fixed");
        let from_report = reported(&broken, "broken.json");
        assert_eq!(from_report.about.origin, Origin::Report);
        assert_eq!(from_report.about.source, "broken.json");
        let json = |c: Comparison| {
            let mut v = serde_json::to_value(c).unwrap();
            v["before"]["source"] = "".into();
            v["before"]["origin"] = "".into();
            v
        };
        assert_eq!(
            json(compare(&from_report, &fixed)),
            json(compare(&from_bundle, &fixed))
        );
    }

    /// A monitor's history is paired by name and target, else by name (the
    /// rotated log of a monitor that no longer names its URL), else by
    /// target (the same URL watched through a file of another name).
    #[test]
    fn monitors_pair_by_name_or_by_target() {
        let (broken, _) = analysed("deploy-broken");
        let (fixed, _) = analysed("deploy-fixed");
        for (field, value) in [("target", "uptime-monitor"), ("name", "uptime")] {
            let mut renamed = fixed.clone();
            let source = &mut renamed.monitoring.sources[0];
            match field {
                "target" => source.target = value.into(),
                _ => source.name = value.into(),
            }
            let c = compare(
                &Side::from_analysis(&broken, "b"),
                &Side::from_analysis(&renamed, "a"),
            );
            let [m] = c.monitoring.as_slice() else {
                panic!("{field}: {:?}", c.monitoring)
            };
            assert!(m.before.is_some() && m.after.is_some(), "{field}");
        }
        let mut other = fixed.clone();
        other.monitoring.sources[0].name = "status-page".into();
        other.monitoring.sources[0].target = "http://127.0.0.1:9/".into();
        let c = compare(
            &Side::from_analysis(&broken, "b"),
            &Side::from_analysis(&other, "a"),
        );
        let trends: Vec<MonitorTrend> = c.monitoring.iter().map(|m| m.trend).collect();
        assert_eq!(trends, [MonitorTrend::Gone, MonitorTrend::Added]);
    }

    #[test]
    fn a_report_that_does_not_fit_names_its_file_and_field() {
        let (broken, _) = analysed("deploy-broken");
        let good: serde_json::Value =
            serde_json::from_str(&render(&broken, Format::Json).unwrap()).unwrap();
        let with = |change: &dyn Fn(&mut serde_json::Value)| {
            let mut v = good.clone();
            change(&mut v);
            Side::from_report(&v.to_string(), "old.json")
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            with(&|v| v["root_causes"][0]["occurrences"] = "8".into()),
            "old.json: field `root_causes[0].occurrences`: expected a number, got string \"8\""
        );
        assert_eq!(
            with(&|v| v["schema_version"] = 2.into()),
            "old.json: field `schema_version`: is 2; this coroner reads reports of schema version 1"
        );
        assert_eq!(
            with(&|v| {
                v.as_object_mut().unwrap().remove("schema_version");
            }),
            "old.json: field `schema_version`: missing; this coroner reads reports of schema version 1"
        );
        assert_eq!(
            with(&|v| {
                v["symptoms"][1]
                    .as_object_mut()
                    .unwrap()
                    .remove("fingerprint");
            }),
            "old.json: field `symptoms[1].fingerprint`: missing"
        );
        assert_eq!(
            with(&|v| v["monitoring"]["sources"][0]["availability_percent"] = "high".into()),
            "old.json: field `monitoring.sources[0].availability_percent`: expected a number, got string \"high\""
        );
        assert_eq!(
            with(&|v| v["services"][0]["restarts"] = "8".into()),
            "old.json: field `services[0].restarts`: expected a number, got string \"8\""
        );
        assert_eq!(
            with(&|v| *v = serde_json::json!([1])),
            "old.json: not an investigation report: the document is not a JSON object"
        );
        let comparison = serde_json::to_string(&compare(
            &reported(&broken, "b.json"),
            &reported(&broken, "b.json"),
        ))
        .unwrap();
        assert!(Side::from_report(&comparison, "c.json")
            .unwrap_err()
            .to_string()
            .starts_with("c.json: not an investigation report: it is a comparison"));
        assert!(Side::from_report("# Incident report", "old.md")
            .unwrap_err()
            .to_string()
            .starts_with("old.md: not a JSON document: "));
    }
}
