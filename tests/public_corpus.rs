//! The public corpus (`fixtures/public/`): real logs pasted into public
//! threads that established the cause. Every case is investigated as a
//! logs-only bundle; the score is printed, and a case fails the test unless
//! its `case.toml` says why coroner cannot get it right yet (`known_gap`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use coroner::analyze::{analyze, Verdict};
use coroner::collect::bundle;
use coroner::evidence::{AssumedZone, Window};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    source: String,
    title: String,
    established: String,
    kind: String,
    service: String,
    known_gap: Option<String>,
}

struct Outcome {
    id: String,
    expected: String,
    got: String,
    right: bool,
    known_gap: Option<String>,
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/public")
}

/// `web_1`, `web-1` and `project-web-1` are the compose service `web`.
fn same_service(expected: &str, got: &str) -> bool {
    let base = |s: &str| {
        s.trim_end_matches(|c: char| c.is_ascii_digit())
            .trim_end_matches(['-', '_'])
            .to_string()
    };
    expected == got
        || base(expected) == base(got)
        || base(got).ends_with(&format!("-{}", base(expected)))
        || base(got).ends_with(&format!("_{}", base(expected)))
}

fn investigate(dir: &Path, case: &Case) -> (String, bool) {
    let evidence = bundle::load(
        &dir.join("bundle"),
        AssumedZone::default(),
        Window::default(),
    )
    .unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let analysis = analyze(&evidence);
    let top = analysis.root_causes.first();
    let got = match top {
        Some(r) => format!(
            "{} {} ({:?})",
            r.finding.kind, r.finding.service, analysis.verdict
        ),
        None => format!("{:?}", analysis.verdict),
    };
    let right = if case.kind == "healthy" {
        analysis.verdict == Verdict::Healthy
    } else {
        top.is_some_and(|r| {
            r.finding.kind == case.kind && same_service(&case.service, &r.finding.service)
        })
    };
    (got, right)
}

#[test]
fn the_public_corpus_is_diagnosed_right() {
    let mut outcomes: Vec<Outcome> = Vec::new();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(corpus())
        .expect("fixtures/public")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("case.toml").is_file())
        .collect();
    dirs.sort();
    for dir in dirs {
        let id = dir.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(dir.join("case.toml")).unwrap();
        let case: Case = toml::from_str(&text).unwrap_or_else(|e| panic!("{id}/case.toml: {e}"));
        assert!(
            case.source.starts_with("https://")
                && !case.title.to_string().is_empty()
                && !case.established.is_empty(),
            "{id}/case.toml: source, title and established are required"
        );
        let (got, right) = investigate(&dir, &case);
        outcomes.push(Outcome {
            expected: format!("{} {}", case.kind, case.service),
            id,
            got,
            right,
            known_gap: case.known_gap,
        });
    }
    let mut per_kind: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for o in &outcomes {
        let kind = o.expected.split(' ').next().unwrap_or("").to_string();
        let entry = per_kind.entry(kind).or_default();
        entry.1 += 1;
        if o.right {
            entry.0 += 1;
        }
        let mark = match (o.right, &o.known_gap) {
            (true, None) => "right",
            (true, Some(_)) => "right (marked as a known gap: remove the mark)",
            (false, Some(_)) => "known gap",
            (false, None) => "WRONG",
        };
        println!(
            "{:<56} expected {:<40} got {:<48} {mark}",
            o.id, o.expected, o.got
        );
    }
    let right = outcomes.iter().filter(|o| o.right).count();
    println!("by kind: {per_kind:?}");
    println!(
        "public corpus: {right}/{} right ({:.1} %)",
        outcomes.len(),
        100.0 * right as f64 / outcomes.len().max(1) as f64
    );
    let wrong: Vec<&str> = outcomes
        .iter()
        .filter(|o| !o.right && o.known_gap.is_none())
        .map(|o| o.id.as_str())
        .collect();
    assert!(
        outcomes.len() >= 60,
        "the corpus holds {} cases",
        outcomes.len()
    );
    assert!(wrong.is_empty(), "wrong on {wrong:?}");
}
