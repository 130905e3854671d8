//! `coroner investigate --junit FILE` on the captured bundles: the document
//! is valid against the JUnit schemas consumers use (tests/schemas/:
//! Jenkins xunit-plugin's junit-10.xsd and Apache Ant's schema as Windy
//! Road publishes it), checked with xmllint (Debian's libxml2-utils, which
//! .ci/run installs); its counts are the analysis's; hostile text comes
//! back whole through a real XML parser; it is written atomically.

#[path = "support/bundles.rs"]
mod support;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn schemas() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schemas");
    vec![
        dir.join("jenkins-xunit-junit-10.xsd"),
        dir.join("windyroad-junit.xsd"),
    ]
}

fn investigate(bundle: &Path, dir: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coroner"))
        .current_dir(dir)
        .args(["investigate", "--bundle"])
        .arg(bundle)
        .args([
            "--ci",
            "none",
            "--format",
            "json",
            "--output",
            "report.json",
        ])
        .args(extra)
        .env_remove("GITHUB_ACTIONS")
        .output()
        .unwrap()
}

fn xmllint(args: &[&str], file: &Path) -> Output {
    Command::new("xmllint")
        .args(args)
        .arg(file)
        .output()
        .expect("xmllint (Debian's libxml2-utils; .ci/run installs it)")
}

/// An XPath 1.0 string value, as libxml2 reads the document.
fn xpath(file: &Path, expression: &str) -> String {
    let out = xmllint(&["--xpath", expression], file);
    assert!(
        out.status.success(),
        "{expression}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut value = String::from_utf8(out.stdout).unwrap();
    // xmllint ends what it prints with a line feed of its own.
    assert_eq!(value.pop(), Some('\n'));
    value
}

fn assert_valid(file: &Path) {
    for schema in schemas() {
        let out = xmllint(&["--noout", "--schema", schema.to_str().unwrap()], file);
        assert!(
            out.status.success(),
            "{} against {}: {}",
            file.display(),
            schema.display(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// What the JSON report says the JUnit must count: failing containers and
/// (service, kind) pairs of root causes and symptoms fail, pairs seen only
/// in dismissed findings are skipped.
struct Expected {
    tests: usize,
    failures: usize,
    skipped: usize,
}

fn expected(json: &Value) -> Expected {
    let pairs = |lists: &[&str]| -> BTreeSet<(String, String)> {
        lists
            .iter()
            .flat_map(|l| json[*l].as_array().unwrap())
            .map(|f| {
                (
                    f["service"].as_str().unwrap().to_string(),
                    f["kind"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let blamed = pairs(&["root_causes", "symptoms"]);
    let all = pairs(&["root_causes", "symptoms", "dismissed"]);
    let services = json["services"].as_array().unwrap();
    let failing = services.iter().filter(|s| s["failing"] == true).count();
    Expected {
        tests: services.len() + all.len(),
        failures: blamed.len() + failing,
        skipped: all.len() - blamed.len(),
    }
}

fn check_bundle(bundle: &Path) -> (Value, PathBuf, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let out = investigate(bundle, dir.path(), &["--junit", "junit.xml"]);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}: {}",
        bundle.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("report.json")).unwrap())
            .unwrap();
    let junit = dir.path().join("junit.xml");
    assert_valid(&junit);
    let want = expected(&json);
    let name = bundle.file_name().unwrap().to_string_lossy();
    for (attribute, count) in [
        ("tests", want.tests),
        ("failures", want.failures),
        ("skipped", want.skipped),
        ("errors", 0),
    ] {
        assert_eq!(
            xpath(&junit, &format!("string(/testsuite/@{attribute})")),
            count.to_string(),
            "{name}: {attribute}"
        );
    }
    assert_eq!(
        xpath(&junit, "count(//testcase)"),
        want.tests.to_string(),
        "{name}"
    );
    assert_eq!(
        xpath(&junit, "count(//failure)"),
        want.failures.to_string(),
        "{name}"
    );
    assert_eq!(
        xpath(&junit, "string(//property[@name='verdict']/@value)"),
        json["verdict"].as_str().unwrap()
    );
    (json, junit, dir)
}

#[test]
fn the_main_example_fails_one_case_a_failing_container_and_a_service_and_kind() {
    let (json, junit, _dir) = check_bundle(&support::bundle("main-incident"));
    assert_eq!(xpath(&junit, "string(/testsuite/@failures)"), "14");
    let top = &json["root_causes"][0];
    let case = "//testcase[@classname='coroner.mcp-api' and @name='missing-module']/failure";
    assert_eq!(
        xpath(&junit, &format!("string({case}/@type)")),
        "missing-module"
    );
    assert_eq!(
        xpath(&junit, &format!("string({case}/@message)")),
        format!("{} (and 1 more)", top["title"].as_str().unwrap())
    );
    let body = xpath(&junit, &format!("string({case})"));
    let quote = &top["evidence"][0];
    assert!(
        body.starts_with(&format!(
            "root cause #1: {}\n  {}:{} {}: {}\n",
            top["title"].as_str().unwrap(),
            quote["source"].as_str().unwrap(),
            quote["line"],
            quote["timestamp"].as_str().unwrap(),
            quote["text"].as_str().unwrap()
        )),
        "{body}"
    );
    assert!(body.contains(&format!(
        "  fix: {}\n",
        top["remediation"]["summary"].as_str().unwrap()
    )));
    assert!(
        body.contains("\nroot cause #5: the project's own package 'scripts'"),
        "{body}"
    );
    assert_eq!(
        xpath(
            &junit,
            "string(//testcase[@classname='coroner.qdrant' and @name='container state']/failure/@message)"
        ),
        "running, health unhealthy, 0 restarts"
    );
}

#[test]
fn a_healthy_stack_passes_every_case() {
    let (json, junit, _dir) = check_bundle(&support::bundle("healthy-stack"));
    assert_eq!(json["verdict"], "healthy");
    assert_eq!(xpath(&junit, "string(/testsuite/@failures)"), "0");
    assert_eq!(
        xpath(&junit, "count(//testcase[@name='container state'])"),
        json["services"].as_array().unwrap().len().to_string()
    );
}

#[test]
fn every_captured_bundle_gives_a_valid_junit_report() {
    let mut bundles: Vec<PathBuf> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/bundles"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_dir())
            .collect();
    bundles.sort();
    assert!(bundles.len() >= 30, "{} bundles", bundles.len());
    let mut skipped = 0;
    for bundle in &bundles {
        let (json, _, _dir) = check_bundle(bundle);
        skipped += expected(&json).skipped;
    }
    // red-herring's dismissed findings are skipped cases.
    assert!(skipped > 0);
}

/// Text made to break XML: markup, a CDATA end, quotes of both kinds,
/// control characters XML 1.0 forbids, a noncharacter, a bidi override.
const HOSTILE: &str = "<b a=\"1\" b='2'>&amp; ]]> \u{1}\u{1b}[2J\u{0}\u{b}\u{fffe} \u{202e}evil";

#[test]
fn hostile_text_comes_back_whole_through_an_xml_parser() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("bundle");
    support::copy_dir(&support::bundle("main-incident"), &bundle);
    let inspect = bundle.join("docker/containers/nginx.json");
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(&inspect).unwrap()).unwrap();
    let error = doc[0]["State"]["Error"].as_str().unwrap().to_string();
    doc[0]["State"]["Error"] = Value::String(format!("{error} {HOSTILE}\nsecond line"));
    std::fs::write(&inspect, doc.to_string()).unwrap();

    let (json, junit, _run) = check_bundle(&bundle);
    let raw = std::fs::read_to_string(&junit).unwrap();
    assert!(raw.contains("&lt;b a=&quot;1&quot; b=&apos;2&apos;&gt;&amp;amp; ]]&gt; \\x01\\x1b[2J\\x00\\x0b\\u{fffe} \\u{202e}evil"), "{raw}");
    let symptom = json["symptoms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["service"] == "nginx" && s["kind"] == "crash-loop")
        .unwrap();
    let title = symptom["title"].as_str().unwrap();
    assert!(title.contains("&amp; ]]> \\x01\\x1b[2J") && title.contains("evil\nsecond line"));
    let case = "//testcase[@classname='coroner.nginx' and @name='crash-loop']/failure";
    assert_eq!(xpath(&junit, &format!("string({case}/@message)")), title);
    let body = xpath(&junit, &format!("string({case})"));
    assert!(
        body.starts_with(&format!("symptom: {title} (explained by root cause #2)\n")),
        "{body}"
    );
}

#[test]
fn the_junit_report_is_written_whole_and_a_failure_to_write_it_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = investigate(
        &support::bundle("main-incident"),
        dir.path(),
        &["--junit", "results/junit.xml"],
    );
    assert_eq!(out.status.code(), Some(1));
    let written: Vec<String> = std::fs::read_dir(dir.path().join("results"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(written, ["junit.xml"], "a temporary file was left");

    std::fs::write(dir.path().join("taken"), "a file, not a directory").unwrap();
    let out = investigate(
        &support::bundle("main-incident"),
        dir.path(),
        &["--junit", "taken/junit.xml"],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("coroner: error: --junit taken/junit.xml: cannot create taken"),
        "{stderr}"
    );
}
