//! Compose projects on the `compose-lines` capture: every cause points at the
//! line of the compose file that declares it, and a compose file that does
//! not parse is a problem naming its line and column while the report is
//! still written.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

#[path = "support/bundles.rs"]
mod bundles;
use bundles::{bundle, copy_dir};

const FILE: &str = "compose/coroner-fx-lines/compose.yaml";

fn report(bundle: &Path) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.json");
    let run = Command::new(env!("CARGO_BIN_EXE_coroner"))
        .args(["investigate", "--bundle"])
        .arg(bundle)
        .args(["--format", "json", "-o"])
        .arg(&out)
        .output()
        .expect("run coroner");
    assert!(
        out.exists(),
        "no report: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap()
}

fn cause<'a>(report: &'a Value, kind: &str) -> &'a Value {
    report["root_causes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == kind)
        .unwrap_or_else(|| panic!("no {kind} cause in {:#}", report["root_causes"]))
}

/// The quote of `FILE` in a finding's evidence, as (line, text).
fn compose_quote(finding: &Value) -> (u64, String) {
    let quote = finding["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["source"] == FILE)
        .unwrap_or_else(|| panic!("no quote of {FILE} in {:#}", finding["evidence"]));
    (
        quote["line"].as_u64().unwrap(),
        quote["text"].as_str().unwrap().to_string(),
    )
}

fn steps(finding: &Value) -> Vec<String> {
    finding["remediation"]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn each_cause_quotes_its_compose_line_and_names_the_edit() {
    let report = report(&bundle("compose-lines"));

    let port = cause(&report, "port-conflict");
    assert_eq!(port["service"], "coroner-fx-lines_admin_1");
    assert_eq!(
        compose_quote(port),
        (19, "- \"127.0.0.1:18088:8080\"".into())
    );
    assert!(
        steps(port).iter().any(|s| s.contains("/coroner-fx-lines/compose.yaml, change `\"127.0.0.1:18088:8080\"` to `\"127.0.0.1:18089:8080\"`")
            && s.contains("on line 19 of /tmp/")),
        "{:#?}",
        steps(port)
    );

    let env = cause(&report, "missing-env-var");
    assert_eq!(env["subject"], "DATABASE_URL");
    // The password is a reference to the .env: quoted as written.
    assert_eq!(
        compose_quote(env),
        (
            28,
            "DATABSE_URL: postgresql://shop:${DB_PASSWORD}@db:5432/shop".into()
        )
    );
    assert!(
        steps(env)
            .iter()
            .any(|s| s.starts_with("On line 28 of /tmp/")
                && s.contains("rename `DATABSE_URL` to `DATABASE_URL`")),
        "{:#?}",
        steps(env)
    );
    assert!(
        env["remediation"]["summary"]
            .as_str()
            .unwrap()
            .contains("`DATABSE_URL` there is a misspelling"),
        "{}",
        env["remediation"]["summary"]
    );

    let health = cause(&report, "healthcheck-failing");
    assert_eq!(health["subject"], "curl");
    assert_eq!(
        compose_quote(health),
        (
            38,
            "test: [\"CMD\", \"curl\", \"-f\", \"http://localhost:8080/\"]".into()
        )
    );
    assert!(
        steps(health).iter().any(|s| s.contains(
            "on line 38 of /tmp/"
        ) && s.contains(
            "replace `test: [\"CMD\", \"curl\", \"-f\", \"http://localhost:8080/\"]` with `test: [\"CMD-SHELL\", \"wget -q -O /dev/null http://localhost:8080/ || exit 1\"]`"
        )),
        "{:#?}",
        steps(health)
    );

    // The deploy that preceded the port conflict names the image: line.
    let trigger = report["summary"]["trigger"].as_str().unwrap();
    assert!(
        trigger.contains("(as line 16 of /tmp/")
            && trigger.contains("/coroner-fx-lines/compose.yaml says: `image: coroner-fixture/compose-lines-httpd:1.0`)"),
        "{trigger}"
    );

    // Nothing from the .env reaches the report.
    let text = report.to_string();
    for secret in ["fixture-lines-db-pw", "fx-lines-token-7f3a9c2e"] {
        assert!(!text.contains(secret), "{secret} in the report");
    }
}

#[test]
fn a_compose_file_that_does_not_parse_is_a_problem_and_the_report_is_still_written() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("bundle");
    copy_dir(&bundle("compose-lines"), &copy);
    let broken = copy.join("compose/coroner-fx-lines/compose.override.yaml");
    let text = std::fs::read_to_string(&broken).unwrap();
    // An indentation slip on line 6, as an editor makes it.
    let text = text.replacen(
        "      LOG_LEVEL: debug",
        "      LOG_LEVEL: debug\n     oops: [",
        1,
    );
    std::fs::write(&broken, text).unwrap();

    let report = report(&copy);
    let problems = report["inputs"]["problems"].as_array().unwrap();
    let problem = problems
        .iter()
        .find(|p| p["source"] == "compose/coroner-fx-lines/compose.override.yaml")
        .unwrap_or_else(|| panic!("no problem for the broken file: {problems:#?}"));
    assert_eq!(problem["line"], 7);
    assert!(
        problem["message"]
            .as_str()
            .unwrap()
            .starts_with("not valid YAML at line 7, column 6: "),
        "{}",
        problem["message"]
    );
    // compose.yaml is still read: the causes still point at it.
    assert_eq!(compose_quote(cause(&report, "port-conflict")).0, 19);
}

#[test]
fn a_dependent_that_died_while_its_dependency_was_starting_gets_the_depends_on_edit() {
    let report = report(&bundle("compose-startup-order"));
    let cause = cause(&report, "dependency-unreachable");
    assert_eq!(cause["service"], "coroner-fx-order_app_1");
    assert!(
        cause["title"]
            .as_str()
            .unwrap()
            .contains("compose starts app without waiting for it (`depends_on` without `condition: service_healthy`)"),
        "{}",
        cause["title"]
    );
    let quote = cause["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["source"] == "compose/coroner-fx-order/compose.yaml")
        .expect("the depends_on entry is quoted");
    assert_eq!(
        (quote["line"].as_u64(), quote["text"].as_str()),
        (Some(17), Some("- db"))
    );
    assert!(
        steps(cause).iter().any(|s| s.starts_with("On line 17 of /tmp/")
            && s.contains("/coroner-fx-order/compose.yaml, write `depends_on:` as a mapping: replace `- db` with `db: { condition: service_healthy }`")),
        "{:#?}",
        steps(cause)
    );
    assert!(cause["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .any(|q| q["text"] == "event health_status: healthy for coroner-fx-order_db_1"));
}
