//! Every JSON report coroner writes matches the committed schema,
//! `docs/report.schema.json` (tests/golden.rs keeps that file equal to what
//! `coroner schema` prints): the golden report, the report of every captured
//! bundle, and one from a monitoring history with an absurd figure in it.
//! The schema is strict enough to fail a report that drifts from it.

#[path = "support/bundles.rs"]
mod bundles;
#[path = "support/schema.rs"]
mod schema;

use std::path::Path;
use std::process::Command;

use serde_json::{json, Value};

use bundles::{bundle, copy_dir};

/// The JSON report of a bundle, as the binary writes it to standard output.
fn json_report(bundle: &Path) -> Value {
    let output = Command::new(env!("CARGO_BIN_EXE_coroner"))
        .args(["investigate", "--bundle"])
        .arg(bundle)
        .args(["--format", "json", "--output", "-", "--fail-on", "never"])
        .output()
        .expect("run coroner");
    assert!(
        output.status.success(),
        "coroner failed on {}: {}",
        bundle.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("the report of {} is not JSON: {e}", bundle.display()))
}

fn golden() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("reports/main-incident.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn the_schema_is_a_valid_draft_2020_12_schema() {
    let schema = schema::committed();
    assert_eq!(
        schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
        "the schema names its draft"
    );
    if let Err(e) = jsonschema::draft202012::meta::validate(&schema) {
        panic!("docs/report.schema.json is not a valid 2020-12 schema: {e}");
    }
    assert_eq!(schema["properties"]["schema_version"]["const"], 1);
    let required = schema["required"].as_array().unwrap();
    assert!(required.contains(&json!("schema_version")), "{required:?}");
    assert_eq!(schema["additionalProperties"], false);
}

#[test]
fn the_golden_report_matches_the_schema() {
    let validator = schema::validator();
    let problems = schema::violations(&validator, &golden());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_report_of_every_captured_bundle_matches_the_schema() {
    let validator = schema::validator();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/bundles");
    let mut bundles: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    bundles.sort();
    assert!(bundles.len() >= 30, "only {} bundles found", bundles.len());
    let mut failures = Vec::new();
    for dir in &bundles {
        let problems = schema::violations(&validator, &json_report(dir));
        if !problems.is_empty() {
            failures.push(format!("{}:\n  {}", dir.display(), problems.join("\n  ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A latency too large for a number (a plain-text monitor line reading
/// `in 1e40 ms` written out) used to become `null` in the report, which the
/// schema, rightly, does not allow for a figure.
#[test]
fn an_absurd_latency_in_a_monitoring_history_still_gives_a_report_that_matches() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&bundle("main-incident"), dir.path());
    let history = dir.path().join("monitoring/uptime-monitor.log");
    let mut text = std::fs::read_to_string(&history).unwrap();
    let absurd = format!("1{}", "0".repeat(45));
    text.push_str(&format!(
        "2026-11-27 18:58:04,000 - monitor - ERROR - API check failed: 502 Bad Gateway in {absurd} ms\n"
    ));
    std::fs::write(&history, text).unwrap();

    let report = json_report(dir.path());
    let problems = schema::violations(&schema::validator(), &report);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let samples = |report: &Value| {
        report["monitoring"]["sources"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["source"] == "monitoring/uptime-monitor.log")
            .expect("the plain-text history is a source")["samples"]
            .as_u64()
            .unwrap()
    };
    // The line is still a check; only its latency is left out.
    assert_eq!(
        samples(&report),
        samples(&json_report(&bundle("main-incident"))) + 1
    );
}

/// One way a report can drift: what it is, where in the report the
/// validator must say so, and the change.
type Drift = (&'static str, &'static str, fn(&mut Value));

/// Each change makes the golden report drift from the schema in one way,
/// and each must be caught where it is.
#[test]
fn a_report_that_drifts_from_the_schema_fails_validation() {
    let validator = schema::validator();
    let cases: Vec<Drift> = vec![
        ("an unknown top-level field", "", |r| {
            r["unexpected"] = json!({});
        }),
        (
            "an unknown field in a root cause (merged from a finding)",
            "/root_causes/0",
            |r| r["root_causes"][0]["unexpected"] = json!(1),
        ),
        (
            "a figure of the wrong type",
            "/root_causes/0/confidence",
            |r| {
                r["root_causes"][0]["confidence"] = json!("high");
            },
        ),
        ("a missing required field", "", |r| {
            r.as_object_mut().unwrap().remove("verdict");
        }),
        ("a verdict the format does not have", "/verdict", |r| {
            r["verdict"] = json!("maybe");
        }),
        ("another schema version", "/schema_version", |r| {
            r["schema_version"] = json!(2);
        }),
        (
            "null for a field that is left out when absent",
            "/root_causes/0/rule",
            |r| r["root_causes"][0]["rule"] = Value::Null,
        ),
        ("a time that is not RFC 3339", "/timeline/0/time", |r| {
            r["timeline"][0]["time"] = json!("yesterday at six");
        }),
        ("a negative count", "/services/0/restarts", |r| {
            r["services"][0]["restarts"] = json!(-1);
        }),
    ];
    let pristine = golden();
    assert!(validator.is_valid(&pristine));
    for (what, at, change) in cases {
        let mut report = pristine.clone();
        change(&mut report);
        let problems = schema::violations(&validator, &report);
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with(&format!("at {at:?}:"))),
            "{what}: expected a violation at {at:?}, got {problems:#?}"
        );
    }
}
