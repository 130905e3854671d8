//! `coroner compare` and `investigate --baseline` as a user runs them, on
//! the captured before/after pair `deploy-broken` / `deploy-fixed`
//! (fixtures/scenarios/deploy-fixed.sh): what the comparison says, that a
//! JSON report and its bundle make the same side, that a report which does
//! not fit is exit 2 naming the file and field, and the report section
//! (its JSON valid against the committed schema).

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

#[path = "support/bundles.rs"]
#[allow(dead_code)] // shared by several tests; this one copies no bundle
mod bundles;
#[path = "support/schema.rs"]
mod schema;
use bundles::bundle;

const HEALTHY: i32 = 0;
const PROBLEM_FOUND: i32 = 1;
const USAGE_OR_INPUT: i32 = 2;

fn coroner(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coroner"))
        .args(args)
        .output()
        .expect("run coroner")
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stderr)))
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The JSON report `investigate` writes for a fixture bundle.
fn investigated(name: &str) -> Value {
    let out = coroner(&[
        "investigate",
        "--bundle",
        path(&bundle(name)),
        "--format",
        "json",
        "-o",
        "-",
    ]);
    assert!(
        out.status.code() != Some(USAGE_OR_INPUT),
        "{}",
        stderr(&out)
    );
    json(&out)
}

fn compared(before: &str, after: &str) -> (Option<i32>, Value) {
    let out = coroner(&["compare", before, after, "--format", "json", "-o", "-"]);
    (out.status.code(), json(&out))
}

#[test]
fn the_fix_resolves_each_cause_and_brings_availability_back() {
    let broken = investigated("deploy-broken");
    let fixed = investigated("deploy-fixed");
    let (code, c) = compared(
        path(&bundle("deploy-broken")),
        path(&bundle("deploy-fixed")),
    );
    assert_eq!(code, Some(HEALTHY));
    assert_eq!(c["schema_version"], 1);
    assert_eq!(c["before"]["verdict"], "root-cause-identified");
    assert_eq!(c["after"]["verdict"], "healthy");

    let causes = broken["root_causes"].as_array().unwrap();
    assert!(!causes.is_empty());
    for cause in causes {
        let row = c["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["fingerprint"] == cause["fingerprint"])
            .unwrap_or_else(|| panic!("{} not compared", cause["fingerprint"]));
        assert_eq!(row["status"], "resolved");
        assert_eq!(row["role"], "cause");
        assert_eq!(row["occurrences_before"], cause["occurrences"]);
        assert!(row["occurrences_after"].is_null());
    }
    let found_before = causes.len() + broken["symptoms"].as_array().unwrap().len();
    assert_eq!(c["counts"]["resolved"], found_before);
    assert_eq!(c["counts"]["new"], 0);

    let was = &broken["monitoring"]["sources"][0];
    let now = &fixed["monitoring"]["sources"][0];
    let m = &c["monitoring"][0];
    assert_eq!(m["target"], was["target"]);
    let before = m["before"]["availability_percent"].as_f64().unwrap();
    let after = m["after"]["availability_percent"].as_f64().unwrap();
    assert_eq!(before, was["availability_percent"].as_f64().unwrap());
    assert_eq!(after, now["availability_percent"].as_f64().unwrap());
    assert!(before < 100.0 && after == 100.0, "{before} → {after}");
    assert_eq!(
        m["availability_change_points"].as_f64().unwrap(),
        after - before
    );
    assert_eq!(
        m["before"]["longest_streak"],
        was["longest_streak"]["length"]
    );
    assert_eq!(m["after"]["longest_streak"], 0);
    assert_eq!(c["containers"][0]["trend"], "recovered");
}

#[test]
fn a_json_report_compares_as_its_bundle_does() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("broken.json");
    let out = coroner(&[
        "investigate",
        "--bundle",
        path(&bundle("deploy-broken")),
        "-o",
        path(&report),
    ]);
    assert_eq!(out.status.code(), Some(PROBLEM_FOUND), "{}", stderr(&out));
    let fixed = bundle("deploy-fixed");
    let (_, from_bundle) = compared(path(&bundle("deploy-broken")), path(&fixed));
    let (code, from_report) = compared(path(&report), path(&fixed));
    assert_eq!(code, Some(HEALTHY));
    assert_eq!(from_report["before"]["origin"], "report");
    assert_eq!(from_report["before"]["source"], path(&report));
    for part in ["counts", "findings", "containers", "monitoring", "after"] {
        assert_eq!(from_report[part], from_bundle[part], "{part}");
    }
    for field in ["verdict", "since", "until", "host", "target_percent"] {
        assert_eq!(
            from_report["before"][field], from_bundle["before"][field],
            "{field}"
        );
    }
    // The other way round the after side is not healthy: exit 1.
    let (code, back) = compared(path(&fixed), path(&report));
    assert_eq!(code, Some(PROBLEM_FOUND));
    assert!(back["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["status"] == "new"));
    assert_eq!(from_report["different_hosts"], false);
}

/// The broken side's report as if written on another host: the comparison
/// says so, since "resolved" may then only mean "not on this host".
#[test]
fn sides_from_different_hosts_are_said_to_be() {
    let dir = tempfile::tempdir().unwrap();
    let mut report = investigated("deploy-broken");
    let host = report["about"]["host"].as_str().unwrap().to_string();
    report["about"]["host"] = Value::from(format!("{host}-replica"));
    let moved = dir.path().join("elsewhere.json");
    std::fs::write(&moved, serde_json::to_vec(&report).unwrap()).unwrap();
    let fixed = bundle("deploy-fixed");
    let (_, comparison) = compared(path(&moved), path(&fixed));
    assert_eq!(comparison["different_hosts"], true);
    let out = coroner(&[
        "compare",
        path(&moved),
        path(&fixed),
        "--format",
        "md",
        "-o",
        "-",
    ]);
    let markdown = String::from_utf8(out.stdout).unwrap();
    assert!(
        markdown.contains(&format!(
            "**The two sides come from different hosts ({host}-replica, {host}):"
        )),
        "{markdown}"
    );
}

#[test]
fn a_report_that_does_not_fit_is_exit_2_naming_the_file_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let good = investigated("deploy-broken");
    let cases: [(&str, String, &str); 3] = [
        (
            "wrong-type.json",
            {
                let mut v = good.clone();
                v["symptoms"][0]["occurrences"] = "many".into();
                v.to_string()
            },
            "field `symptoms[0].occurrences`: expected a number, got string \"many\"",
        ),
        (
            "schema.json",
            {
                let mut v = good.clone();
                v["schema_version"] = 7.into();
                v.to_string()
            },
            "field `schema_version`: is 7",
        ),
        (
            "report.md.json",
            "# Incident report: not JSON\n".to_string(),
            "not a JSON document",
        ),
    ];
    let fixed = bundle("deploy-fixed");
    for (name, text, expected) in cases {
        let file = dir.path().join(name);
        std::fs::write(&file, text).unwrap();
        let written = dir.path().join("out.md");
        let expected = format!("{}: {expected}", file.display());
        for args in [
            vec!["compare", path(&file), path(&fixed), "-o", path(&written)],
            vec![
                "investigate",
                "--bundle",
                path(&fixed),
                "--baseline",
                path(&file),
                "-o",
                path(&written),
            ],
        ] {
            let out = coroner(&args);
            assert_eq!(out.status.code(), Some(USAGE_OR_INPUT), "{args:?}");
            assert!(stderr(&out).contains(&expected), "{}", stderr(&out));
            assert!(!written.exists(), "{args:?} wrote a report");
        }
    }
    let out = coroner(&["compare", path(&dir.path().join("nothing")), path(&fixed)]);
    assert_eq!(out.status.code(), Some(USAGE_OR_INPUT));
    assert!(stderr(&out).contains("no such bundle directory or JSON report"));
}

#[test]
fn baseline_adds_the_before_and_after_section_to_each_format() {
    let dir = tempfile::tempdir().unwrap();
    let baseline = dir.path().join("broken.json");
    let out = coroner(&[
        "investigate",
        "--bundle",
        path(&bundle("deploy-broken")),
        "-o",
        path(&baseline),
    ]);
    assert_eq!(out.status.code(), Some(PROBLEM_FOUND));
    let fixed = bundle("deploy-fixed");
    let run = |format: &str, baseline: Option<&Path>| {
        let mut args = vec![
            "investigate",
            "--bundle",
            path(&fixed),
            "--format",
            format,
            "-o",
            "-",
        ];
        if let Some(b) = baseline {
            args.extend(["--baseline", path(b)]);
        }
        let out = coroner(&args);
        assert_eq!(out.status.code(), Some(HEALTHY), "{}", stderr(&out));
        String::from_utf8(out.stdout).unwrap()
    };

    let with = run("md", Some(&baseline));
    let section = &with[with.find("## Before and after").expect("section")
        ..with.find("\n## Root causes").unwrap()];
    assert!(section.contains("| resolved | Python package 'yaml' is not installed"));
    assert!(section.contains("| `orders-api` | restarting → running |"));
    assert!(section.contains("% → 100.0 % (+"), "{section}");
    assert!(!run("md", None).contains("Before and after"));

    let html = run("html", Some(&baseline));
    assert!(html.contains("<h2 id=\"before-and-after\">Before and after</h2>"));
    assert!(html.contains("<a href=\"#before-and-after\">"));
    assert!(!run("html", None).contains("before-and-after"));

    let report: Value = serde_json::from_str(&run("json", Some(&baseline))).unwrap();
    let problems = schema::violations(&schema::validator(), &report);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert_eq!(report["verdict"], "healthy");
    assert_eq!(report["comparison"]["before"]["origin"], "report");
    assert_eq!(
        report["comparison"]["before"]["verdict"],
        "root-cause-identified"
    );
    assert_eq!(report["comparison"]["counts"]["still_present"], 0);
    let plain: Value = serde_json::from_str(&run("json", None)).unwrap();
    assert!(plain.get("comparison").is_none());
}

#[test]
fn compare_writes_the_default_file_in_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    let out = coroner(&[
        "compare",
        path(&bundle("deploy-broken")),
        path(&bundle("deploy-fixed")),
        "--output",
        path(dir.path()),
        "--format",
        "html",
    ]);
    assert_eq!(out.status.code(), Some(HEALTHY), "{}", stderr(&out));
    let files: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let [name] = files.as_slice() else {
        panic!("{files:?}")
    };
    assert!(name.ends_with("-before-and-after.html"), "{name}");
    let page = std::fs::read_to_string(dir.path().join(name)).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(stderr(&out).contains("findings: "));
}
