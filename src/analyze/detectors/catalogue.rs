use std::collections::{BTreeMap, HashSet};

use crate::analyze::detector::{Context, Detector, Finding, Horizon, Remediation};
use crate::analyze::rules::{self, Severity};
use crate::analyze::scan::{LogHits, Message, RuleBucket};
use crate::evidence::Evidence;
use crate::locale::{Arg, Text};
use crate::{detector_meta, documented_detector};

documented_detector! {
    /// Reports what the rule catalogue (`rules/*.toml`, `coroner rules`)
    /// matched in the logs, one finding per service and kind of failure.
    ///
    /// Why it matters: most incidents are told by one message, the last
    /// thing a process printed before it died, and the catalogue knows
    /// what hundreds of such messages mean across runtimes, databases and
    /// proxies. This is how coroner decides from logs alone, when there is
    /// no container state (a log from a ticket).
    ///
    /// How it decides: a fatal message that ends a log (it is among the
    /// last lines) or that repeats (it ends every run) is a root cause; a
    /// fatal message seen once, long before the log ends, is only
    /// suspected (the process went on). An error (a refused connection, a
    /// failed request) is a suspect only when it ends the log or keeps
    /// repeating. Harmless lines (a probe's client hanging up, a warning
    /// about host tuning) are never hits. In a `docker compose logs` paste,
    /// each line counts for the service its prefix names. Without
    /// `docker inspect`, confidence is lower and the gap is said.
    ///
    /// When a code detector reports the same kind for the same service
    /// (it joins more evidence: inspect, events, forensics), its finding
    /// is kept and this one is not.
    ///
    /// Evidence: the quoted lines, with file, line and time.
    ///
    /// Fix: the rule's remediation (`coroner explain RULE-ID`).
    pub struct CatalogueHits;
    id = "catalogue", role = Cause, summary = "messages of the rule catalogue that end a process's run or keep repeating";
}

/// A message among this many last lines of a log ended the run that printed
/// it (a JVM stack trace under it can be long).
const TAIL_LINES: u64 = 300;
/// Quotes per finding: the decisive message and what else the kind matched.
const MAX_QUOTES: usize = 3;

impl Detector for CatalogueHits {
    detector_meta!();

    fn detect(&self, cx: &Context<'_>) -> Vec<Finding> {
        let mut groups: BTreeMap<(&str, &'static str), Vec<&RuleBucket>> = BTreeMap::new();
        for bucket in &cx.hits.rules {
            if bucket.rule.severity != Severity::Harmless {
                groups
                    .entry((bucket.service.as_str(), bucket.rule.kind.id))
                    .or_default()
                    .push(bucket);
            }
        }
        groups
            .into_iter()
            .filter_map(|((service, _), buckets)| finding(cx, service, &buckets))
            .collect()
    }
}

/// The finding for one service and kind, if its hits are decisive enough.
fn finding(cx: &Context<'_>, service: &str, buckets: &[&RuleBucket]) -> Option<Finding> {
    let fatal: Vec<&RuleBucket> = buckets
        .iter()
        .copied()
        .filter(|b| b.rule.severity == Severity::Fatal)
        .collect();
    let pool = if fatal.is_empty() {
        buckets.to_vec()
    } else {
        fatal
    };
    let ends_run = |b: &RuleBucket| {
        let log = &cx.evidence.logs[b.log];
        // A compose paste interleaves services: its lines say nothing of one service's end.
        log.compose_prefixed
            || cx
                .hits
                .summaries
                .get(b.log)
                .is_some_and(|s| s.lines.saturating_sub(b.latest().last().line) <= TAIL_LINES)
    };
    let decisive = *pool
        .iter()
        .max_by_key(|b| (b.latest().last().timestamp, b.latest().last().line))?;
    let is_fatal = decisive.rule.severity == Severity::Fatal;
    let total: u64 = pool.iter().map(|b| b.total()).sum();
    let at_end = pool.iter().any(|b| ends_run(b));
    let confidence = match (is_fatal, at_end, total) {
        (true, true, _) | (true, _, 2..) => 0.8,
        (true, false, _) => 0.5,
        (false, true, 2..) => 0.5,
        (false, true, _) => 0.45,
        (false, false, 3..) => 0.4,
        (false, false, _) => return None,
    };
    let confidence = match cx.evidence.container(service) {
        // An error that ends the log of a container that exited with a
        // failure or restarted is what its process died of.
        Some(c) if !is_fatal && at_end && (c.is_failing() || c.restart_count > 0) => 0.75,
        Some(_) => confidence,
        // Without the container's state, exit codes and restarts are inferred from the log.
        None => confidence - 0.05,
    };
    let latest: &Message = decisive.latest();
    let captures = decisive
        .rule
        .captures(&latest.last().text)
        .unwrap_or_default();
    let rule = decisive.rule;
    let mut title = rule_text(rule, "title", &rule.title, service, &captures);
    // Without the container's state, the log itself shows the restarts:
    // the same fatal message at the end of run after run.
    let runs = decisive.total();
    if is_fatal && runs >= 2 && cx.evidence.container(service).is_none() {
        title = Text::msg("catalogue-printed-again")
            .with("title", title)
            .with("runs", runs);
    }
    let mut f = Finding::new(rule.kind.id, rule.kind.role, service, title);
    f.confidence = confidence;
    f.rule = Some(rule.id.clone());
    f.subject = Some(match identity(&captures) {
        Some(value) => format!("{}:{value}", rule.id),
        None => rule.id.clone(),
    });
    let log = &cx.evidence.logs[decisive.log];
    f.evidence.push(latest.quote_last(log));
    let mut others: Vec<(&RuleBucket, &Message)> = buckets
        .iter()
        .flat_map(|b| b.messages.iter().map(move |m| (*b, m)))
        .filter(|(_, m)| !std::ptr::eq(*m, latest))
        .collect();
    others.sort_by_key(|(_, m)| std::cmp::Reverse((m.last().timestamp, m.last().line)));
    for (b, m) in others.into_iter().take(MAX_QUOTES - 1) {
        f.evidence.push(m.quote_last(&cx.evidence.logs[b.log]));
    }
    for b in buckets {
        for m in &b.messages {
            f.seen_at(m.first.timestamp);
            f.seen_at(m.last().timestamp);
        }
        f.occurrences += b.total();
    }
    if matches!(
        rule.kind.id,
        "dependency-unreachable" | "upstream-unavailable"
    ) {
        f.targets = target(&captures).into_iter().collect();
    }
    let commands: Vec<String> = rule
        .commands
        .iter()
        .map(|c| rules::render(c, service, &captures))
        .collect();
    let fix = rule_text(rule, "remediation", &rule.remediation, service, &captures);
    f.remediation = Remediation::new(fix.clone()).step(Horizon::Immediate, fix, &commands);
    Some(f)
}

/// A rule's title or remediation for `service`. A built-in rule's is its
/// catalogue message (`rule-id.title`), so it is written in the report's
/// language; a rule added with `--rules` speaks its author's words.
fn rule_text(
    rule: &rules::Rule,
    attribute: &str,
    template: &str,
    service: &str,
    captures: &BTreeMap<String, String>,
) -> Text {
    if !rule.builtin {
        return Text::Verbatim(rules::render(template, service, captures));
    }
    let mut text = Text::msg(format!("{}.{attribute}", rule.id)).with("service", service);
    // A capture that took no part in the match shows as `?`, as `rules::render` writes it.
    for name in rule.regex().capture_names().flatten() {
        let value = captures.get(name).map_or("?", String::as_str);
        text = text.with(name.to_string(), value);
    }
    text
}

/// `text` with every value that names the service `from` naming `to`
/// instead: the same sentence about another service.
fn renamed(text: &Text, from: &str, to: &str) -> Text {
    let rename = |arg: &Arg| match arg {
        Arg::Code(value) if value == from => Arg::Code(to.to_string()),
        Arg::Text(inner) => Arg::Text(Box::new(renamed(inner, from, to))),
        Arg::List(items) => Arg::List(items.iter().map(|t| renamed(t, from, to)).collect()),
        other => other.clone(),
    };
    match text {
        Text::Message { id, args } => Text::Message {
            id: id.clone(),
            args: args.iter().map(|(n, a)| (n.clone(), rename(a))).collect(),
        },
        Text::Verbatim(words) => Text::Verbatim(words.replace(from, to)),
    }
}

/// What a dependency or upstream message points at: a `target` capture, or
/// `host` with `port`.
fn target(captures: &BTreeMap<String, String>) -> Option<String> {
    if let Some(t) = captures.get("target") {
        return Some(t.clone());
    }
    let host = captures.get("host")?;
    Some(match captures.get("port") {
        Some(port) => format!("{host}:{port}"),
        None => host.clone(),
    })
}

/// The captures that name what is wrong, most telling first. Counts,
/// process ids, sizes and times are not among them: they change from one
/// occurrence of the same failure to the next, and a fingerprint must not.
const IDENTITY_CAPTURES: [&str; 16] = [
    "module", "variable", "var", "library", "program", "command", "target", "address", "host",
    "port", "path", "file", "database", "db", "setting", "option",
];

/// The decisive value of a rule's message, for its fingerprint.
fn identity(captures: &BTreeMap<String, String>) -> Option<String> {
    if let Some(t) = target(captures) {
        return Some(t);
    }
    IDENTITY_CAPTURES
        .iter()
        .find_map(|name| captures.get(*name).filter(|v| !v.is_empty()).cloned())
}

/// A code detector's finding for the same service and kind knows more (it
/// joins inspect, events, forensics): the catalogue's is dropped. In a
/// `docker compose logs` paste the other way round: detectors name the
/// paste, the catalogue names the service each line came from.
pub fn keep_detector_findings_first(
    evidence: &Evidence,
    hits: &LogHits,
    findings: &mut Vec<Finding>,
) {
    let pastes: Vec<&str> = evidence
        .logs
        .iter()
        .filter(|l| l.compose_prefixed)
        .map(|l| l.service.as_str())
        .collect();
    // A detector's finding quotes its line: the paste says whose it is.
    for f in findings.iter_mut().filter(|f| f.rule.is_none()) {
        let owner = f.evidence.iter().find_map(|q| {
            let log = evidence
                .log_position(&q.source)
                .filter(|&i| evidence.logs[i].compose_prefixed)?;
            hits.compose_services.get(&(log, q.line?))
        });
        if let Some(owner) = owner.filter(|_| pastes.contains(&f.service.as_str())) {
            f.title = renamed(&f.title, &f.service, owner);
            f.service = owner.clone();
        }
    }
    let from_rules: HashSet<&'static str> = findings
        .iter()
        .filter(|f| f.rule.is_some())
        .map(|f| f.kind)
        .collect();
    findings.retain(|f| {
        f.rule.is_some() || !(pastes.contains(&f.service.as_str()) && from_rules.contains(&f.kind))
    });
    let from_detectors: HashSet<(String, &'static str)> = findings
        .iter()
        .filter(|f| f.rule.is_none())
        .map(|f| (f.service.clone(), f.kind))
        .collect();
    findings.retain(|f| f.rule.is_none() || !from_detectors.contains(&(f.service.clone(), f.kind)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::analyze;
    use crate::locale::get;
    use crate::testing::fixture;

    #[test]
    fn a_builtin_rule_speaks_the_report_language_and_counts_its_runs() {
        let analysis = analyze(&fixture("compose-db-down-logs-only"));
        let f = analysis
            .root_causes
            .iter()
            .map(|c| &c.finding)
            .find(|f| f.rule.is_some() && f.kind == "config-invalid")
            .expect("the postgres configuration rule");
        let english = f.title.to_string();
        assert!(
            english.ends_with(" (printed 4 times: the process restarted and died on it again, as the log shows; no container state was collected)"),
            "{english}"
        );
        let french = get("fr").unwrap().text(&f.title);
        assert!(
            french.starts_with("PostgreSQL refuse de démarrer")
                && french.ends_with(" (écrit 4 fois\u{a0}: le processus a redémarré et en est mort à nouveau, comme le montre le journal\u{202f}; l'état du conteneur n'a pas été collecté)"),
            "{french}"
        );
    }

    #[test]
    fn a_detector_finding_in_a_compose_paste_names_the_service_of_its_line() {
        let analysis = analyze(&fixture("compose-db-down-logs-only"));
        let f = analysis
            .root_causes
            .iter()
            .map(|c| &c.finding)
            .chain(analysis.symptoms.iter().map(|s| &s.finding))
            .find(|f| f.kind == "dependency-unreachable")
            .expect("the refused connections");
        assert_eq!(f.service, "web_1");
        let french = get("fr").unwrap().text(&f.title);
        assert!(
            french.starts_with(
                "web_1 n'arrive pas à se connecter à une dépendance (connexion refusée, 16 fois)"
            ),
            "{french}"
        );
    }

    #[test]
    fn a_rule_added_with_rules_keeps_its_authors_words() {
        let mut catalogue = rules::Catalogue::default();
        catalogue
            .add_file(
                "team.toml",
                r#"
family = "team"

[[rule]]
id = "team-module"
kind = "missing-module"
severity = "fatal"
needles = ["No module named"]
regex = '''No module named '(?P<module>[\w.]+)''''
title = "{service} lacks {module}"
remediation = "Install {module}."

[[rule.examples]]
line = '''ModuleNotFoundError: No module named 'pandas''''
source = "capture:team"
"#,
                false,
            )
            .unwrap();
        let rule = catalogue.rule("team-module").unwrap();
        let captures = BTreeMap::from([("module".to_string(), "pandas".to_string())]);
        let title = rule_text(rule, "title", &rule.title, "api", &captures);
        assert_eq!(title, Text::Verbatim("api lacks pandas".into()));
        assert_eq!(get("fr").unwrap().text(&title), "api lacks pandas");
    }
}
