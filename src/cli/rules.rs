//! `coroner rules` and `coroner explain`: the catalogue as users see it.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{bail, Result};
use coroner::analyze::detectors;
use coroner::analyze::rules::{self, check, Catalogue};

use super::exit;

/// One line per rule: id, kind, severity, family.
pub fn list(catalogue: &Catalogue) -> String {
    let mut out = String::new();
    for r in &catalogue.rules {
        let _ = writeln!(
            out,
            "{:<48} {:<24} {:<9} {}",
            r.id,
            r.kind.id,
            r.severity.label(),
            r.family
        );
    }
    let _ = writeln!(
        out,
        "{} rules in {} families",
        catalogue.rules.len(),
        catalogue.families.len()
    );
    out
}

/// What a detector, a kind or a rule looks for and how to fix it.
pub fn explain(catalogue: &Catalogue, id: &str) -> Result<String> {
    let mut out = String::new();
    let indented = |text: &str, out: &mut String| {
        for line in text.lines() {
            let _ = writeln!(out, "{}", line.strip_prefix(' ').unwrap_or(line));
        }
    };
    if let Some(d) = detectors::by_id(id) {
        let _ = writeln!(out, "{} ({})\n", d.id(), d.summary());
        indented(d.explain(), &mut out);
    } else if let Some(k) = rules::kinds::kind(id) {
        let _ = writeln!(out, "{} ({})\n", k.id, k.summary);
        indented(k.explain, &mut out);
    } else if let Some(r) = catalogue.rule(id) {
        let _ = writeln!(
            out,
            "{} ({}, {}, family {})",
            r.id,
            r.kind.id,
            r.severity.label(),
            r.family
        );
        let _ = writeln!(out, "defined at {}\n", r.origin);
        let _ = writeln!(out, "Title: {}", r.title);
        let _ = writeln!(out, "Fix: {}", r.remediation);
        for c in &r.commands {
            let _ = writeln!(out, "    {c}");
        }
        let _ = writeln!(out, "Needles: {}", r.needles.join(" | "));
        let _ = writeln!(out, "Regex: {}\n\nExamples:", r.pattern);
        for e in &r.examples {
            let _ = writeln!(out, "  {}\n    from {}", e.line, e.source);
        }
        if !r.counterexamples.is_empty() {
            let _ = writeln!(out, "Does not match:");
            for e in &r.counterexamples {
                let _ = writeln!(out, "  {}\n    from {}", e.line, e.source);
            }
        }
    } else {
        let detector_ids: Vec<&str> = detectors::all().iter().map(|d| d.id()).collect();
        let kind_ids: Vec<&str> = rules::KINDS.iter().map(|k| k.id).collect();
        bail!(
            "no detector, kind or rule {id:?}; detectors: {}; kinds: {}; `coroner rules` lists the rules",
            detector_ids.join(", "),
            kind_ids.join(", ")
        );
    }
    Ok(out)
}

/// Checks rule files; exit 1 when any rule fails its own examples.
pub fn check(paths: &[PathBuf]) -> Result<u8> {
    let catalogue = Catalogue::from_files(paths)?;
    // Captures are checked against the bundles when run from the repository.
    let root = Path::new("fixtures/bundles")
        .is_dir()
        .then_some(Path::new("."));
    let report = check::check(&catalogue, root);
    for failure in &report.failures {
        println!("{failure}");
    }
    println!(
        "{} rules, {} examples, {} counterexamples: {} failures",
        report.rules,
        report.examples,
        report.counterexamples,
        report.failures.len()
    );
    Ok(if report.failures.is_empty() {
        exit::OK
    } else {
        exit::PROBLEM_FOUND
    })
}
