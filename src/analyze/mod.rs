//! The analyzer: turns [`Evidence`] into an [`Analysis`].
//!
//! It scans logs once for every detector's signatures, runs the detectors,
//! links symptoms to the root causes that explain them, builds one
//! chronology and decides the verdict. It never talks to Docker or the
//! network, and never formats text for a particular output: renderers do.

pub mod bounds;
pub mod compare;
pub mod detector;
pub mod detectors;
pub mod monitoring;
pub mod rank;
pub mod rules;
pub mod scan;
pub mod services;
pub mod summary;
pub mod timeline;

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::evidence::time::{format_utc, parse_rfc3339};

use crate::evidence::{redact, Evidence, Gap, Inventory};
use crate::locale::Text;
use detector::{Context, Finding};

/// The version of the JSON report, the serialised [`Analysis`]; raised when
/// a field changes meaning.
pub const SCHEMA_VERSION: u32 = 1;

/// The verdict of an investigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// A root cause explains what failed, with high confidence.
    RootCauseIdentified,
    /// Causes were found, none certain.
    Suspected,
    /// Nothing is failing.
    Healthy,
    /// Something is failing, but the evidence does not say why.
    Inconclusive,
}

impl Verdict {
    /// The verdict as the JSON report spells it: `root-cause-identified`.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::RootCauseIdentified => "root-cause-identified",
            Verdict::Suspected => "suspected",
            Verdict::Healthy => "healthy",
            Verdict::Inconclusive => "inconclusive",
        }
    }
}

/// A root cause with what it explains, ranked.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RootCause {
    pub rank: usize,
    #[serde(flatten)]
    pub finding: Finding,
    /// The causal chain, root first: this cause, then each symptom it
    /// explains, each as `service: title` (the title alone when it names
    /// the service).
    pub chain: Vec<Text>,
    /// The symptoms this cause explains, as indexes into `symptoms`.
    pub explains: Vec<usize>,
    /// Other causes found for the same service, by detector id.
    pub related: Vec<String>,
}

/// A symptom, with the root cause that explains it when one does.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Symptom {
    #[serde(flatten)]
    pub finding: Finding,
    /// The rank of the root cause that explains it, if one does.
    pub explained_by: Option<usize>,
    /// Links between the symptom and its root cause's service: 1 for a
    /// symptom of that service itself, 2 for one pointing at it, and so on.
    pub hops: Option<usize>,
    /// The service the symptom points at, when the link was resolved.
    pub upstream_service: Option<String>,
}

/// What was investigated: host, engine, window and assumptions.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct About {
    /// `YYYY-MM-DD` of the end of the window: the same evidence gives the same date.
    pub date: String,
    pub since: Option<String>,
    pub until: Option<String>,
    pub host: Option<String>,
    pub engine_version: Option<String>,
    pub api_version: Option<String>,
    pub collected_at: Option<String>,
    pub timezone_assumed: String,
}

/// Everything a report shows. Serialised as the JSON report.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Analysis {
    pub about: About,
    pub verdict: Verdict,
    pub root_causes: Vec<RootCause>,
    pub symptoms: Vec<Symptom>,
    /// Findings dismissed because the service they concern is healthy (red herrings).
    pub dismissed: Vec<Finding>,
    pub timeline: Vec<timeline::Entry>,
    /// Availability, failure streaks and live probes, set against the root cause.
    pub monitoring: monitoring::MonitoringFigures,
    pub services: Vec<services::ServiceRow>,
    pub gaps: Vec<Gap>,
    pub inputs: Inventory,
    /// Status, executive summary, solutions, next steps and technical details.
    #[serde(flatten)]
    pub write_up: summary::WriteUp,
    /// Earlier incident reports that had a root cause of this one (same
    /// fingerprint), oldest first; set when the report joins a directory of
    /// incidents (`--docs`), empty otherwise.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub seen_before: Vec<SeenBefore>,
    /// This investigation set against an earlier one (`--baseline`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comparison: Option<compare::Comparison>,
}

/// A root cause of this incident found in an earlier incident report.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct SeenBefore {
    pub fingerprint: String,
    /// The earlier report's date, `YYYY-MM-DD`.
    pub date: String,
    pub title: String,
    /// The earlier report's file, relative to this one.
    pub report: String,
}

/// Runs every registered detector and the built-in rule catalogue over the evidence.
pub fn analyze(evidence: &Evidence) -> Analysis {
    analyze_with(evidence, rules::Catalogue::builtin())
}

/// Runs every registered detector and the rules of `catalogue` over the evidence.
pub fn analyze_with(evidence: &Evidence, catalogue: &'static rules::Catalogue) -> Analysis {
    let registry = detectors::all();
    let mut inputs = evidence.inventory.clone();
    let hits = scan::scan(evidence, &registry, catalogue, &mut inputs.problems);
    let cx = Context {
        evidence,
        hits: &hits,
        catalogue,
    };
    let mut findings: Vec<Finding> = registry.iter().flat_map(|d| d.detect(&cx)).collect();
    detectors::catalogue::keep_detector_findings_first(evidence, &hits, &mut findings);
    let tails = detectors::error_tail::unexplained(&cx, &findings);
    findings.extend(tails);
    let dropped = scan::dropped_messages(evidence, &hits);
    // What the scan kept is in the findings now; with tens of thousands of
    // logs it is most of the memory, so it goes before ranking.
    drop(hits);
    // Ordered by the English words, whatever the report's language, so
    // every language lists findings in the same order.
    findings.sort_by_cached_key(|f| (f.kind, f.service.clone(), f.title.to_string()));
    for f in &mut findings {
        f.fingerprint = f.compute_fingerprint(&services::identity(evidence, &f.service));
    }
    let mut ranked = rank::rank(evidence, findings);
    let mut timeline = timeline::build(evidence, &ranked);
    let monitoring = monitoring::analyze(evidence, &ranked.root_causes);
    timeline.extend(monitoring::timeline_entries(&monitoring));
    timeline::sort(&mut timeline);
    let folded = bounds::fold(&mut ranked, &mut timeline);
    let services = services::table(evidence);
    // In the order of the English words, whatever the report's language.
    inputs
        .problems
        .sort_by_cached_key(|p| (p.source.clone(), p.line, p.message.to_string()));
    inputs.problems.dedup();
    inputs.gaps.extend(dropped);
    inputs.redaction = redact::engine().summary(
        inputs
            .recognised
            .iter()
            .map(|f| f.path.as_str())
            .chain(inputs.ignored.iter().map(|f| f.path.as_str()))
            .chain(inputs.problems.iter().map(|p| p.source.as_str())),
    );
    inputs.gaps.extend(folded);
    let cut_inputs = bounds::fold_inputs(&mut inputs);
    inputs.gaps.extend(cut_inputs);
    let mut analysis = Analysis {
        about: about(evidence, &timeline),
        verdict: ranked.verdict,
        root_causes: ranked.root_causes,
        symptoms: ranked.symptoms,
        dismissed: ranked.dismissed,
        timeline,
        monitoring,
        services,
        gaps: inputs.gaps.clone(),
        inputs,
        write_up: summary::WriteUp::default(),
        seen_before: Vec::new(),
        comparison: None,
    };
    analysis.write_up = summary::write_up(evidence, &analysis);
    analysis
}

/// The window is what the user asked for, else what the bundle says it
/// covers, else the span of the chronology.
fn about(evidence: &Evidence, timeline: &[timeline::Entry]) -> About {
    let meta_window = evidence.meta.window.clone().unwrap_or_default();
    let pick =
        |asked: Option<DateTime<Utc>>, meta: Option<&String>, fallback: Option<DateTime<Utc>>| {
            asked
                .or_else(|| meta.and_then(|m| parse_rfc3339(m)))
                .or(fallback)
        };
    let since = pick(
        evidence.window.since,
        meta_window.since.as_ref(),
        timeline.iter().map(|e| e.time).min(),
    );
    let until = pick(
        evidence.window.until,
        meta_window.until.as_ref(),
        timeline.iter().map(|e| e.until.unwrap_or(e.time)).max(),
    );
    About {
        date: until.map_or_else(
            || "undated".to_string(),
            |u| u.format("%Y-%m-%d").to_string(),
        ),
        since: since.map(format_utc),
        until: until.map(format_utc),
        host: evidence.meta.host.clone(),
        engine_version: evidence.meta.engine_version.clone(),
        api_version: evidence.meta.api_version.clone(),
        collected_at: evidence.meta.collected_at.clone(),
        timezone_assumed: evidence.zone.label(),
    }
}

#[cfg(test)]
mod tests {
    use super::Verdict;

    #[test]
    fn a_verdict_is_spelled_as_in_the_json_report() {
        for verdict in [
            Verdict::RootCauseIdentified,
            Verdict::Suspected,
            Verdict::Healthy,
            Verdict::Inconclusive,
        ] {
            assert_eq!(
                serde_json::to_value(verdict).unwrap(),
                serde_json::Value::from(verdict.as_str())
            );
        }
    }
}
