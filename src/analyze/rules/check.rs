//! Runs every rule on its own examples: what `coroner rules --check` and the
//! catalogue's tests report.

use std::collections::BTreeMap;
use std::path::Path;

use regex::Regex;

use super::{Catalogue, Rule, Severity};
use crate::evidence::time::{leading_timestamp, AssumedZone};

#[derive(Debug, Default)]
pub struct CheckReport {
    pub rules: usize,
    pub examples: usize,
    pub counterexamples: usize,
    /// One line per failure, naming the rule, where it is defined and the example.
    pub failures: Vec<String>,
}

/// The text a rule's regex sees: the line without its leading timestamp, as the scan hands it.
pub fn message_of(line: &str) -> &str {
    match leading_timestamp(line, AssumedZone::default()) {
        Some((_, offset)) => line[offset..].trim_start(),
        None => line,
    }
}

/// Checks every rule of `catalogue`. With `root` (the repository), an
/// example taken from one of our captures must occur in that bundle.
pub fn check(catalogue: &Catalogue, root: Option<&Path>) -> CheckReport {
    let mut report = CheckReport {
        rules: catalogue.rules.len(),
        ..CheckReport::default()
    };
    let mut bundles: BTreeMap<String, Option<String>> = BTreeMap::new();
    let harmless: Vec<&Rule> = catalogue
        .rules
        .iter()
        .filter(|r| r.severity == Severity::Harmless)
        .collect();
    for rule in &catalogue.rules {
        let mut fail = |what: String| {
            report
                .failures
                .push(format!("{}: rule {}: {what}", rule.origin, rule.id))
        };
        if let Err(e) = Regex::new(&rule.pattern) {
            fail(format!("invalid regex: {e}"));
            continue;
        }
        for (n, example) in rule.examples.iter().enumerate() {
            let at = format!("example {} {:?}", n + 1, example.line);
            if let Err(why) = check_source(&example.source, &example.line, root, &mut bundles) {
                fail(format!("{at}: {why}"));
            }
            if !rule.has_needle(&example.line) {
                fail(format!(
                    "{at}: contains none of the needles {:?}",
                    rule.needles
                ));
            }
            let message = message_of(&example.line);
            match rule.captures(message) {
                None => fail(format!("{at}: the regex does not match")),
                Some(caps) => {
                    for (name, want) in &example.captures {
                        let got = caps.get(name).map_or("", String::as_str);
                        if got != want {
                            fail(format!(
                                "{at}: capture {name} is {got:?}, expected {want:?}"
                            ));
                        }
                    }
                }
            }
            if rule.severity != Severity::Harmless {
                if let Some(h) = harmless
                    .iter()
                    .find(|h| h.has_needle(&example.line) && h.regex().is_match(message))
                {
                    fail(format!("{at}: the harmless rule {} hides it", h.id));
                }
            }
        }
        for (n, counter) in rule.counterexamples.iter().enumerate() {
            let at = format!("counterexample {} {:?}", n + 1, counter.line);
            if let Err(why) = check_source(&counter.source, &counter.line, root, &mut bundles) {
                fail(format!("{at}: {why}"));
            }
            if rule.regex().is_match(message_of(&counter.line)) {
                fail(format!("{at}: the regex matches it"));
            }
        }
        report.examples += rule.examples.len();
        report.counterexamples += rule.counterexamples.len();
    }
    report
}

/// A source is a public address, a source file (`src:OWNER/REPO/path`), or
/// one of our captures (`capture:fixtures/bundles/NAME`) that holds the line.
fn check_source(
    source: &str,
    line: &str,
    root: Option<&Path>,
    bundles: &mut BTreeMap<String, Option<String>>,
) -> Result<(), String> {
    if let Some(rest) = source
        .strip_prefix("https://")
        .or_else(|| source.strip_prefix("http://"))
    {
        return if rest.contains('/') && rest.contains('.') {
            Ok(())
        } else {
            Err(format!("source {source:?} is not a page address"))
        };
    }
    if let Some(path) = source.strip_prefix("src:") {
        return if path.split('/').filter(|p| !p.is_empty()).count() >= 3 {
            Ok(())
        } else {
            Err(format!(
                "source {source:?} should be src:OWNER/REPO/path/to/file"
            ))
        };
    }
    if let Some(bundle) = source.strip_prefix("capture:") {
        let Some(root) = root else { return Ok(()) };
        let text = bundles
            .entry(bundle.to_string())
            .or_insert_with(|| read_tree(&root.join(bundle)));
        return match text {
            None => Err(format!("source {source:?}: no such bundle")),
            Some(text) if text.contains(line) => Ok(()),
            Some(_) => Err(format!("the line does not occur in {bundle}")),
        };
    }
    Err(format!(
        "source {source:?} is none of https://…, src:OWNER/REPO/path, capture:fixtures/bundles/NAME"
    ))
}

/// Every file below `dir`, concatenated, with JSON string escapes undone
/// (inspect documents quote `State.Error` and health output).
fn read_tree(dir: &Path) -> Option<String> {
    if !dir.is_dir() {
        return None;
    }
    let mut text = String::new();
    for entry in walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
    {
        if entry.file_type().is_file() {
            let bytes = std::fs::read(entry.path()).unwrap_or_default();
            let body = String::from_utf8_lossy(&bytes);
            text.push_str(&body);
            text.push('\n');
            if entry
                .path()
                .extension()
                .is_some_and(|e| e == "json" || e == "jsonl")
            {
                text.push_str(&unescape_json(&body));
                text.push('\n');
            }
        }
    }
    Some(text)
}

fn unescape_json(text: &str) -> String {
    text.replace("\\\"", "\"")
        .replace("\\n", "\n")
        .replace("\\r", "\r")
        .replace("\\t", "\t")
        .replace("\\u003c", "<")
        .replace("\\u003e", ">")
        .replace("\\u0026", "&")
        .replace("\\\\", "\\")
}
