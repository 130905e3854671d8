//! What a detector is, and what it reports.
//!
//! A detector looks at the evidence (and at the log lines its signatures
//! matched) and reports findings: a root cause or a symptom for one service,
//! with quoted evidence and a remediation. Detectors do not rank, link or
//! render; [`super::rank`] decides what explains what.

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::Serialize;

use super::rules::Catalogue;
use super::scan::LogHits;
use crate::evidence::Evidence;
use crate::locale::Text;

/// A root cause is something to fix; a symptom is what users or other
/// services saw because of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Cause,
    Symptom,
}

/// A literal that marks a log line as worth a closer look, and the regex that
/// confirms it. Needles are matched ASCII-case-insensitively over whole
/// buffers; the regex runs only on lines a needle matched.
#[derive(Debug, Clone, Copy)]
pub struct Signature {
    /// Stable within the detector, e.g. `python-module-not-found`.
    pub id: &'static str,
    pub needle: &'static str,
    /// Confirms the line; `None` accepts every line the needle matched.
    pub pattern: Option<&'static str>,
}

pub trait Detector: Sync {
    /// Stable kebab-case id, used in JSON output and `coroner explain`.
    fn id(&self) -> &'static str;
    fn role(&self) -> Role;
    /// One line for `coroner detectors`.
    fn summary(&self) -> &'static str;
    /// The full documentation printed by `coroner explain`: what it detects,
    /// why it matters, which evidence it needs and how to fix it.
    fn explain(&self) -> &'static str;
    fn signatures(&self) -> &'static [Signature] {
        &[]
    }
    fn detect(&self, cx: &Context<'_>) -> Vec<Finding>;
}

/// Implements the documentation half of [`Detector`] from the doc comment on
/// a detector struct, so the text `coroner explain` prints and the rustdoc
/// are one and the same.
#[macro_export]
macro_rules! documented_detector {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident;
        id = $id:literal, role = $role:ident, summary = $summary:literal;
    ) => {
        $(#[doc = $doc])*
        pub struct $name;

        impl $name {
            pub const ID: &'static str = $id;
            const ROLE: $crate::analyze::detector::Role = $crate::analyze::detector::Role::$role;
            const SUMMARY: &'static str = $summary;
            const EXPLAIN: &'static str = concat!($($doc, "\n"),*);
        }
    };
}

/// Fills in the id, role and documentation methods from [`documented_detector!`].
#[macro_export]
macro_rules! detector_meta {
    () => {
        fn id(&self) -> &'static str {
            Self::ID
        }
        fn role(&self) -> $crate::analyze::detector::Role {
            Self::ROLE
        }
        fn summary(&self) -> &'static str {
            Self::SUMMARY
        }
        fn explain(&self) -> &'static str {
            Self::EXPLAIN
        }
    };
}

/// What detectors see.
pub struct Context<'a> {
    pub evidence: &'a Evidence,
    pub hits: &'a LogHits,
    /// The rules the scan used.
    pub catalogue: &'a Catalogue,
}

/// One root cause or symptom, with the evidence behind it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Finding {
    /// The kind of failure: the id of the detector that found it, or the
    /// kind the catalogue rule names (`coroner explain KIND` describes both).
    pub kind: &'static str,
    pub role: Role,
    /// Container name, or the file stem of a log that has no container.
    pub service: String,
    /// One sentence: what is wrong.
    pub title: Text,
    /// 0.0–1.0: how sure the evidence makes us.
    pub confidence: f64,
    pub evidence: Vec<Quote>,
    pub remediation: Remediation,
    pub first_seen: Option<DateTime<Utc>>,
    pub last_seen: Option<DateTime<Utc>>,
    /// How many times the evidence shows it (log lines, restarts, probes).
    pub occurrences: u64,
    /// For symptoms: what they point at (an upstream address, a host port, a
    /// service name), so the ranker can find the cause. Empty for causes.
    pub targets: Vec<String>,
    /// The catalogue rule whose hits this finding reports, if a rule's.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub rule: Option<String>,
    /// The decisive value of what is wrong, when there is one: the module
    /// that cannot be imported, the variable, the port, the path.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub subject: Option<String>,
    /// `kind:service[:subject]`, set by the analyzer: the same failure gets
    /// the same fingerprint in every report, so a recurrence is recognised
    /// and a before/after comparison can pair findings.
    pub fingerprint: String,
}

impl Finding {
    pub fn new(
        kind: &'static str,
        role: Role,
        service: impl Into<String>,
        title: impl Into<Text>,
    ) -> Self {
        Finding {
            kind,
            role,
            service: service.into(),
            title: title.into(),
            confidence: 0.5,
            evidence: Vec::new(),
            remediation: Remediation::default(),
            first_seen: None,
            last_seen: None,
            occurrences: 0,
            targets: Vec::new(),
            rule: None,
            subject: None,
            fingerprint: String::new(),
        }
    }

    /// What identifies this failure across reports: its kind, the service
    /// as `service` names it (the compose service, not the container, whose
    /// name changes with the project and the replica) and its decisive value
    /// (the subject, else what a symptom points at), lower-cased, with white
    /// space as `-`. Counts, times and wording are left out: they change
    /// from one occurrence to the next.
    pub fn compute_fingerprint(&self, service: &str) -> String {
        let mut parts = vec![self.kind, service];
        if let Some(subject) = self
            .subject
            .as_deref()
            .or(self.targets.first().map(String::as_str))
        {
            parts.push(subject);
        }
        parts
            .iter()
            .map(|p| {
                p.split_whitespace()
                    .collect::<Vec<_>>()
                    .join("-")
                    .to_lowercase()
            })
            .collect::<Vec<_>>()
            .join(":")
    }

    /// Widens first/last seen to include `t`.
    pub fn seen_at(&mut self, t: Option<DateTime<Utc>>) {
        if let Some(t) = t {
            self.first_seen = Some(self.first_seen.map_or(t, |f| f.min(t)));
            self.last_seen = Some(self.last_seen.map_or(t, |l| l.max(t)));
        }
    }
}

/// A piece of evidence quoted verbatim, with where it came from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
pub struct Quote {
    /// Bundle-relative file.
    pub source: String,
    pub line: Option<u64>,
    pub timestamp: Option<DateTime<Utc>>,
    /// The quoted text, secrets masked.
    pub text: String,
    /// How many times this same message appears in the source.
    pub count: u64,
}

impl Quote {
    /// A quote of a field of an inspect document, e.g. `State.Error`.
    pub fn field(source: &str, field: &str, value: impl std::fmt::Display) -> Quote {
        Quote {
            source: source.to_string(),
            line: None,
            timestamp: None,
            text: format!("{field}: {value}"),
            count: 1,
        }
    }
}

/// When a step should be done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Horizon {
    Immediate,
    ShortTerm,
    MediumTerm,
}

#[derive(Debug, Clone, Default, Serialize, JsonSchema)]
pub struct Remediation {
    /// One sentence: the fix.
    pub summary: Text,
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Step {
    pub horizon: Horizon,
    pub text: Text,
    /// Exact commands, ready to paste.
    pub commands: Vec<String>,
}

impl Remediation {
    pub fn new(summary: impl Into<Text>) -> Self {
        Remediation {
            summary: summary.into(),
            steps: Vec::new(),
        }
    }

    pub fn step(mut self, horizon: Horizon, text: impl Into<Text>, commands: &[String]) -> Self {
        self.steps.push(Step {
            horizon,
            text: text.into(),
            commands: commands.to_vec(),
        });
        self
    }
}

#[cfg(test)]
mod tests {
    use crate::analyze::analyze;
    use crate::testing::fixture;

    /// Two captures of the same failure: the whole incident, and its second
    /// half alone. Counts, times and titles differ; fingerprints must not.
    #[test]
    fn a_fingerprint_names_the_failure_not_the_occurrence() {
        let missing_module = |a: &crate::analyze::Analysis| {
            a.root_causes
                .iter()
                .find(|c| {
                    c.finding.kind == "missing-module"
                        && c.finding.subject.as_deref() == Some("pandas")
                })
                .map(|c| c.finding.clone())
                .expect("the main incident's missing module")
        };
        let whole = analyze(&fixture("main-incident"));
        let before = missing_module(&whole);
        let (first, last) = (before.first_seen.unwrap(), before.last_seen.unwrap());
        let mut evidence = fixture("main-incident");
        evidence.window.since = Some(first + (last - first) / 2);
        let after = missing_module(&analyze(&evidence));
        assert_ne!(before.occurrences, after.occurrences);
        assert_eq!(before.fingerprint, after.fingerprint);
        assert_eq!(before.fingerprint, "missing-module:mcp-api:pandas");

        let fingerprints: std::collections::BTreeSet<&str> = whole
            .root_causes
            .iter()
            .map(|c| c.finding.fingerprint.as_str())
            .chain(
                whole
                    .symptoms
                    .iter()
                    .map(|s| s.finding.fingerprint.as_str()),
            )
            .collect();
        assert_eq!(
            fingerprints.len(),
            whole.root_causes.len() + whole.symptoms.len(),
            "two findings share a fingerprint: {fingerprints:?}"
        );
        assert!(fingerprints.contains("port-conflict:nginx:127.0.0.1:18080"));
    }
}
