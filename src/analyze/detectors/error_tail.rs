//! A log that ends on an error no rule and no detector explains is not
//! healthy: the process printed a failure last. The finding is a symptom
//! (the cause is unknown), so the verdict says inconclusive, never healthy.

use std::sync::LazyLock;

use regex::Regex;

use crate::analyze::detector::{Context, Finding, Horizon, Quote, Remediation, Role};
use crate::evidence::logs::compose_prefix;
use crate::locale::Text;

pub const KIND: &str = "log-ends-in-error";

/// An error level or word in a line (`ERROR`, `Error:`, `FATAL`, `[emerg]`,
/// `panic`), unless the line is at a lower level (`[Warning] … got an error`).
static ERROR_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:error|fatal|critical|emerg|panic|exception)\b").expect("static regex")
});
static LOWER_LEVEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:warn|warning|notice|info|debug|trace)\b").expect("static regex")
});
/// compose's own `web-1 exited with code 2`.
static COMPOSE_EXIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<service>[\w.-]+) exited with code (?P<code>[1-9]\d*)").expect("static regex")
});

/// One symptom per log whose last lines hold an error, for logs of
/// services nothing else was found for.
pub fn unexplained(cx: &Context<'_>, findings: &[Finding]) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::new();
    for (index, log) in cx.evidence.logs.iter().enumerate() {
        let Some(summary) = cx.hits.summaries.get(index) else {
            continue;
        };
        let Some((service, line)) = summary.tail.iter().rev().find_map(|line| {
            if let Some(c) = COMPOSE_EXIT.captures(line) {
                return Some((c["service"].to_string(), line));
            }
            let (service, body) = match log.compose_prefixed {
                true => compose_prefix(line).map_or((log.service.as_str(), line.as_str()), |p| p),
                false => (log.service.as_str(), line.as_str()),
            };
            (ERROR_WORD.is_match(body)
                && !LOWER_LEVEL.is_match(body)
                && !cx.catalogue.is_harmless(body))
            .then(|| (service.to_string(), line))
        }) else {
            continue;
        };
        let known = |name: &str| findings.iter().chain(&out).any(|f| f.service == name);
        let survived = cx
            .evidence
            .container(&service)
            .is_some_and(|c| c.is_healthy());
        if known(&service) || known(&log.service) || survived {
            continue;
        }
        let mut f = Finding::new(
            KIND,
            Role::Symptom,
            &service,
            Text::msg("log-ends-in-error-title").with("service", &service),
        );
        f.confidence = 0.3;
        f.occurrences = 1;
        f.evidence.push(Quote {
            source: log.display.clone(),
            line: None,
            timestamp: summary.last,
            text: line.clone(),
            count: 1,
        });
        let read = Text::msg("log-ends-in-error-fix").with("log", &log.display);
        f.remediation = Remediation::new(read.clone()).step(Horizon::Immediate, read, &[]);
        out.push(f);
    }
    out
}
