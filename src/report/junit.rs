//! The findings as a JUnit XML report, for the CI systems that show test
//! results (GitLab's `reports: junit`, Jenkins, Azure Pipelines, Buildkite):
//! one `<testsuite>` for the investigation, and in it
//!
//! - one test case a container, `container state`: a `<failure>` when the
//!   services table says it is failing (restarting, dead, exited with an
//!   error, never started, unhealthy), else it passes;
//! - one test case a service and kind of finding (`coroner.<service>`,
//!   named after the kind): a `<failure>` when a root cause or a symptom is
//!   of that kind (type: the kind, message: the title, body: each finding
//!   with its quoted evidence and fix), `<skipped>` when its only findings
//!   were dismissed (seen in a service that stayed healthy);
//! - when the evidence is incomplete (a live investigation that could not
//!   reach the engine), one `<error>`.
//!
//! A symptom is a `<failure>`, not an `<error>`: in JUnit an error is a
//! test that could not run, and a symptom is something that was checked
//! and found failing. Several findings of one service and kind share one
//! test case (Apache Ant's schema allows one failure a test case), so the
//! failures are: failing containers, plus the (service, kind) pairs of the
//! root causes and symptoms.
//!
//! The document is valid against Jenkins xunit-plugin's `junit-10.xsd` and
//! Apache Ant's schema as Windy Road publishes it (both in tests/schemas/).
//! Test case names are ids (`container state`, the kinds) and stay as they
//! are; the messages are the catalogue's (`ci-junit-…`) around the
//! findings' own words, in the report's language.
//! Every string comes from [`Shown`] or through [`sanitize`]; [`xml`]
//! escapes it, and no character XML 1.0 forbids can reach the document.
//! Must not: decide what failed (the analysis did), or write the file.

use std::fmt::Write as _;

use chrono::{DateTime, Utc};

use super::sanitize::{self, Shown, ShownFinding, ShownService};
use crate::locale::{self, Arg, Text};

/// The investigation as a run of tests: when, how long, and what it lacks.
#[derive(Debug, Clone)]
pub struct Run<'a> {
    pub started: DateTime<Utc>,
    pub seconds: f64,
    /// Where the report was written; `None` for standard output.
    pub report: Option<&'a str>,
    /// Why the evidence is incomplete, when it is.
    pub incomplete: Option<&'a str>,
}

/// A test case and what became of it.
struct Case {
    classname: String,
    name: String,
    outcome: Outcome,
}

enum Outcome {
    Passed,
    Failure {
        kind: String,
        message: String,
        body: String,
    },
    Skipped {
        message: String,
        body: String,
    },
    Error {
        kind: String,
        message: String,
    },
}

pub fn render(shown: &Shown, run: &Run) -> String {
    let cases = cases(shown, run);
    let count = |f: fn(&Outcome) -> bool| cases.iter().filter(|c| f(&c.outcome)).count();
    let failures = count(|o| matches!(o, Outcome::Failure { .. }));
    let errors = count(|o| matches!(o, Outcome::Error { .. }));
    let skipped = count(|o| matches!(o, Outcome::Skipped { .. }));
    let host = shown.about.host.as_deref().unwrap_or("localhost");

    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuite name=\"coroner\" tests=\"{}\" failures=\"{failures}\" errors=\"{errors}\" skipped=\"{skipped}\" time=\"{:.3}\" timestamp=\"{}\" hostname=\"{}\">",
        cases.len(),
        run.seconds.max(0.0),
        run.started.format("%Y-%m-%dT%H:%M:%S"),
        xml(host, true)
    );
    out.push_str("  <properties>\n");
    let mut property = |name: &str, value: &str| {
        let _ = writeln!(
            out,
            "    <property name=\"{name}\" value=\"{}\"/>",
            xml(value, true)
        );
    };
    property("verdict", &shown.verdict);
    property("coroner.version", env!("CARGO_PKG_VERSION"));
    for (name, value) in [
        ("host", &shown.about.host),
        ("window.since", &shown.about.since),
        ("window.until", &shown.about.until),
        ("engine.version", &shown.about.engine_version),
    ] {
        if let Some(value) = value {
            property(name, value);
        }
    }
    if let Some(report) = run.report {
        property("report", &sanitize::terminal(report));
    }
    out.push_str("  </properties>\n");
    for case in &cases {
        let _ = write!(
            out,
            "  <testcase classname=\"{}\" name=\"{}\" time=\"0\"",
            xml(&case.classname, true),
            xml(&case.name, true)
        );
        match &case.outcome {
            Outcome::Passed => out.push_str("/>\n"),
            Outcome::Failure {
                kind,
                message,
                body,
            } => {
                let _ = writeln!(
                    out,
                    ">\n    <failure type=\"{}\" message=\"{}\">{}</failure>\n  </testcase>",
                    xml(kind, true),
                    xml(message, true),
                    xml(body, false)
                );
            }
            Outcome::Skipped { message, body } => {
                let _ = writeln!(
                    out,
                    ">\n    <skipped message=\"{}\">{}</skipped>\n  </testcase>",
                    xml(message, true),
                    xml(body, false)
                );
            }
            Outcome::Error { kind, message } => {
                let _ = writeln!(
                    out,
                    ">\n    <error type=\"{}\" message=\"{}\"/>\n  </testcase>",
                    xml(kind, true),
                    xml(message, true)
                );
            }
        }
    }
    let _ = writeln!(
        out,
        "  <system-out>{}</system-out>",
        xml(
            &format!("{}. {}\n", shown.status.label, shown.status.sentence),
            false
        )
    );
    out.push_str("  <system-err></system-err>\n</testsuite>\n");
    out
}

/// The test cases: per service (containers in the services table's order,
/// then the other services in the order their findings are ranked), its
/// state, then one case per kind found there.
fn cases(shown: &Shown, run: &Run) -> Vec<Case> {
    let findings: Vec<(Role, &ShownFinding)> = shown
        .root_causes
        .iter()
        .map(|f| (Role::Cause, f))
        .chain(shown.symptoms.iter().map(|f| (Role::Symptom, f)))
        .chain(shown.dismissed.iter().map(|f| (Role::Dismissed, f)))
        .collect();
    let mut services: Vec<&str> = shown
        .services
        .iter()
        .map(|s| s.container.as_str())
        .collect();
    for (_, f) in &findings {
        if !services.contains(&f.service.as_str()) {
            services.push(&f.service);
        }
    }
    let mut cases = Vec::new();
    for service in services {
        let classname = format!("coroner.{service}");
        if let Some(row) = shown.services.iter().find(|s| s.container == service) {
            cases.push(Case {
                classname: classname.clone(),
                name: "container state".to_string(),
                outcome: state(row),
            });
        }
        let mut kinds: Vec<&str> = Vec::new();
        for (_, f) in findings.iter().filter(|(_, f)| f.service == service) {
            if !kinds.contains(&f.kind.as_str()) {
                kinds.push(&f.kind);
            }
        }
        for kind in kinds {
            let of_kind: Vec<&(Role, &ShownFinding)> = findings
                .iter()
                .filter(|(_, f)| f.service == service && f.kind == kind)
                .collect();
            cases.push(Case {
                classname: classname.clone(),
                name: kind.to_string(),
                outcome: kind_outcome(kind, &of_kind),
            });
        }
    }
    if let Some(why) = run.incomplete {
        cases.push(Case {
            classname: "coroner".to_string(),
            name: "evidence".to_string(),
            outcome: Outcome::Error {
                kind: "incomplete".to_string(),
                message: sanitize::terminal(why),
            },
        });
    }
    cases
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Cause,
    Symptom,
    Dismissed,
}

fn state(row: &ShownService) -> Outcome {
    if !row.failing {
        return Outcome::Passed;
    }
    let words = locale::current();
    let mut message = words.text(
        &Text::msg("ci-junit-state")
            .with("state", Arg::Code(row.state.clone()))
            .with("health", Arg::Code(row.health.clone()))
            .with("restarts", row.restarts),
    );
    if let Some(code) = row.exit_code {
        message.push_str(
            &words.text(&Text::msg("ci-junit-exit-code").with("code", Arg::Code(code.to_string()))),
        );
    }
    Outcome::Failure {
        kind: "failing".to_string(),
        body: format!("{message}\n"),
        message,
    }
}

fn kind_outcome(kind: &str, findings: &[&(Role, &ShownFinding)]) -> Outcome {
    let blamed: Vec<&&(Role, &ShownFinding)> = findings
        .iter()
        .filter(|(role, _)| *role != Role::Dismissed)
        .collect();
    let mut body = String::new();
    for (role, f) in findings {
        describe(&mut body, *role, f);
    }
    let words = locale::current();
    let title_of = |list: &[&ShownFinding]| match list.len() {
        1 => list[0].title.clone(),
        n => words.text(
            &Text::msg("ci-junit-and-more")
                .with("title", Arg::Code(list[0].title.clone()))
                .with("more", (n - 1) as u64),
        ),
    };
    if blamed.is_empty() {
        let list: Vec<&ShownFinding> = findings.iter().map(|(_, f)| *f).collect();
        return Outcome::Skipped {
            message: words
                .text(&Text::msg("ci-junit-dismissed").with("title", Arg::Code(title_of(&list)))),
            body,
        };
    }
    let list: Vec<&ShownFinding> = blamed.iter().map(|(_, f)| *f).collect();
    Outcome::Failure {
        kind: kind.to_string(),
        message: title_of(&list),
        body,
    }
}

/// One finding in a failure's body: what it is, its quoted evidence, its fix.
fn describe(out: &mut String, role: Role, f: &ShownFinding) {
    if !out.is_empty() {
        out.push('\n');
    }
    let words = locale::current();
    let title = Arg::Code(f.title.clone());
    let line = match (role, f.rank, f.explained_by) {
        (Role::Cause, Some(rank), _) => {
            Text::msg("ci-junit-cause-ranked").with("rank", rank as u64)
        }
        (Role::Cause, None, _) => Text::msg("ci-junit-cause"),
        (Role::Symptom, _, Some(rank)) => {
            Text::msg("ci-junit-symptom-explained").with("rank", rank as u64)
        }
        (Role::Symptom, _, None) => Text::msg("ci-junit-symptom-unexplained"),
        (Role::Dismissed, _, _) => Text::msg("ci-junit-dismissed-body"),
    };
    let _ = writeln!(out, "{}", words.text(&line.with("title", title)));
    for q in &f.evidence {
        let at = match &q.timestamp {
            Some(t) => format!("{} {t}", q.location()),
            None => q.location(),
        };
        let _ = writeln!(out, "  {at}: {}", q.text);
    }
    if role != Role::Dismissed && !f.remediation.summary.is_empty() {
        let fix = Text::msg("ci-junit-fix").with("fix", Arg::Code(f.remediation.summary.clone()));
        let _ = writeln!(out, "  {}", words.text(&fix));
    }
}

/// Text for an XML document: hidden characters shown as escapes first (so
/// nothing XML 1.0 forbids remains: sanitize hides every C0 control but tab
/// and line feed, a lone CR, and U+FFFE/U+FFFF), then the markup characters
/// as references; in an attribute, line breaks and tabs too, which
/// attribute-value normalisation would turn into spaces.
pub fn xml(text: &str, attribute: bool) -> String {
    let shown = sanitize::visible(text, true);
    let mut out = String::with_capacity(shown.len() + 16);
    for c in shown.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\'' if attribute => out.push_str("&apos;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\t' if attribute => out.push_str("&#9;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::summary::sample;
    use crate::report::sanitize::shown;

    /// XML 1.0's `Char` production.
    fn xml_char(c: char) -> bool {
        matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
    }

    #[test]
    fn no_character_xml_forbids_survives_and_markup_is_escaped() {
        let every: String = (0..=0x10ffff_u32).filter_map(char::from_u32).collect();
        for attribute in [false, true] {
            let escaped = xml(&every, attribute);
            assert!(escaped.chars().all(xml_char));
            assert!(!escaped.contains('<') && !escaped.contains('>'));
            if attribute {
                assert!(!escaped.contains(['"', '\'', '\n', '\t']));
            }
        }
        assert_eq!(
            xml("a\x01<b>&\"x\"\u{fffe}", false),
            "a\\x01&lt;b&gt;&amp;\"x\"\\u{fffe}"
        );
        assert_eq!(xml("a\nb\tc\"", true), "a&#10;b&#9;c&quot;");
    }

    fn run() -> Run<'static> {
        Run {
            started: DateTime::parse_from_rfc3339("2026-11-27T19:00:00Z")
                .unwrap()
                .with_timezone(&Utc),
            seconds: 1.5,
            report: Some("reports/x.md"),
            incomplete: None,
        }
    }

    #[test]
    fn each_service_and_kind_is_a_case_and_failures_count_them() {
        let (_, analysis) = sample::incident();
        let shown = shown(&analysis).unwrap();
        let xml = render(&shown, &run());
        assert!(
            xml.contains(r#"<testsuite name="coroner" tests=""#),
            "{xml}"
        );
        assert!(xml.contains(r#"time="1.500" timestamp="2026-11-27T19:00:00""#));
        let mut pairs: Vec<(&str, &str)> = shown
            .root_causes
            .iter()
            .chain(&shown.symptoms)
            .map(|f| (f.service.as_str(), f.kind.as_str()))
            .collect();
        pairs.sort();
        pairs.dedup();
        let failing = shown.services.iter().filter(|s| s.failing).count();
        assert!(xml.contains(&format!("failures=\"{}\"", pairs.len() + failing)));
        assert_eq!(xml.matches("<failure ").count(), pairs.len() + failing);
        for (service, kind) in pairs {
            assert!(
                xml.contains(&format!(
                    "<testcase classname=\"coroner.{service}\" name=\"{kind}\" time=\"0\">\n    <failure type=\"{kind}\""
                )),
                "{service} {kind}"
            );
        }
        // Text keeps quotes; only attributes escape them.
        assert!(xml.contains("  docker/containers/mcp-api.log:26 2026-11-27T18:57:06.936559749Z: ModuleNotFoundError: No module named 'pandas'\n"));
        assert!(xml.contains(
            r#"<testcase classname="coroner.qdrant" name="container state" time="0">
    <failure type="failing" message="running, health unhealthy, 0 restarts">"#
        ));
        assert!(xml.contains("(explained by root cause #1)"));
    }

    #[test]
    fn incomplete_evidence_is_an_error() {
        let (_, analysis) = sample::incident();
        let shown = shown(&analysis).unwrap();
        let mut run = run();
        run.incomplete = Some("cannot reach the Docker engine at unix:///run/docker.sock\n");
        let xml = render(&shown, &run);
        assert!(xml.contains(r#"errors="1""#));
        assert!(xml.contains(
            r#"<error type="incomplete" message="cannot reach the Docker engine at unix:///run/docker.sock\x0a"/>"#
        ), "{xml}");
    }

    #[test]
    fn failures_are_worded_in_the_report_s_language() {
        let (_, analysis) = sample::incident();
        let fr = crate::locale::get("fr").unwrap();
        let xml = crate::locale::in_language(&fr, || render(&shown(&analysis).unwrap(), &run()));
        // French counts zero in the singular.
        assert!(
            xml.contains(
                r#"<failure type="failing" message="en cours d&apos;exécution, santé défaillant, 0 redémarrage">"#
            ),
            "{xml}"
        );
        assert!(xml.contains("(expliqué par la cause racine nº 1)"), "{xml}");
        assert!(xml.contains("  correctif\u{a0}: "), "{xml}");
    }
}
