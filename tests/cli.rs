//! The `coroner` binary as a user runs it, on the captured fixture bundles:
//! exit codes, where reports go, the detector listing, and a damaged bundle
//! that still gives a report.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const HEALTHY: i32 = 0;
const PROBLEM_FOUND: i32 = 1;
const USAGE_OR_INPUT: i32 = 2;

#[path = "support/bundles.rs"]
mod bundles;
use bundles::{bundle, copy_dir};

fn coroner(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coroner"))
        .current_dir(cwd)
        .args(args)
        .output()
        .expect("run coroner")
}

fn investigate(name: &str, extra: &[&str], cwd: &Path) -> Output {
    let bundle = bundle(name);
    let mut args = vec!["investigate", "--bundle", bundle.to_str().unwrap()];
    args.extend_from_slice(extra);
    coroner(&args, cwd)
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

#[test]
fn a_healthy_stack_exits_0_and_an_incident_exits_1() {
    let cwd = tempfile::tempdir().unwrap();
    let healthy = investigate("healthy-stack", &["--output", "-"], cwd.path());
    assert_eq!(healthy.status.code(), Some(HEALTHY), "{}", stderr(&healthy));
    assert!(stderr(&healthy).contains("verdict: healthy"));
    let incident = investigate("main-incident", &["--output", "-"], cwd.path());
    assert_eq!(
        incident.status.code(),
        Some(PROBLEM_FOUND),
        "{}",
        stderr(&incident)
    );
    assert!(stdout(&incident).starts_with("# Incident report: "));
}

#[test]
fn usage_and_input_errors_exit_2_naming_the_cause() {
    let cwd = tempfile::tempdir().unwrap();
    let missing = cwd.path().join("no-such-bundle");
    let out = coroner(
        &["investigate", "--bundle", missing.to_str().unwrap()],
        cwd.path(),
    );
    assert_eq!(out.status.code(), Some(USAGE_OR_INPUT));
    assert!(
        stderr(&out).contains(&format!(
            "bundle directory {} does not exist",
            missing.display()
        )),
        "{}",
        stderr(&out)
    );

    let out = investigate("main-incident", &["--tz", "Mars/Olympus"], cwd.path());
    assert_eq!(out.status.code(), Some(USAGE_OR_INPUT));
    assert!(
        stderr(&out).contains("--tz \"Mars/Olympus\""),
        "{}",
        stderr(&out)
    );

    let out = investigate("main-incident", &["--since", "last tuesday"], cwd.path());
    assert_eq!(out.status.code(), Some(USAGE_OR_INPUT));
    assert!(
        stderr(&out).contains("--since \"last tuesday\": expected RFC 3339"),
        "{}",
        stderr(&out)
    );
    // No report is written on a usage error.
    assert!(!cwd.path().join("reports").exists());
}

#[test]
fn the_report_goes_to_reports_by_default_named_by_date_and_cause() {
    let cwd = tempfile::tempdir().unwrap();
    let out = investigate("main-incident", &[], cwd.path());
    assert_eq!(out.status.code(), Some(PROBLEM_FOUND), "{}", stderr(&out));
    let written = files_in(&cwd.path().join("reports"));
    assert_eq!(written.len(), 1, "{written:?}");
    let name = written[0]
        .file_name()
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    // The date is the end of the bundle's window.
    let meta: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(bundle("main-incident").join("bundle.json")).unwrap(),
    )
    .unwrap();
    let date = &meta["window"]["until"].as_str().unwrap()[..10];
    assert!(
        name.starts_with(&format!("{date}-")) && name.ends_with(".md"),
        "{name}"
    );
    assert!(
        stderr(&out).contains(&format!("report: reports/{name}")),
        "{}",
        stderr(&out)
    );
    let to_stdout = investigate("main-incident", &["--output", "-"], cwd.path());
    assert_eq!(
        std::fs::read_to_string(&written[0]).unwrap(),
        stdout(&to_stdout)
    );
}

#[test]
fn an_output_directory_gets_the_default_name_and_the_format_its_extension() {
    let cwd = tempfile::tempdir().unwrap();
    let dir = cwd.path().join("out");
    std::fs::create_dir(&dir).unwrap();
    let out = investigate(
        "main-incident",
        &["--output", dir.to_str().unwrap(), "--format", "html"],
        cwd.path(),
    );
    assert_eq!(out.status.code(), Some(PROBLEM_FOUND), "{}", stderr(&out));
    let written = files_in(&dir);
    assert_eq!(written.len(), 1);
    assert_eq!(written[0].extension().unwrap(), "html");

    let html = cwd.path().join("incident.html");
    investigate(
        "main-incident",
        &["--output", html.to_str().unwrap()],
        cwd.path(),
    );
    assert!(std::fs::read_to_string(&html)
        .unwrap()
        .starts_with("<!DOCTYPE html>"));

    let json = cwd.path().join("incident.json");
    investigate(
        "main-incident",
        &["--output", json.to_str().unwrap()],
        cwd.path(),
    );
    let parsed: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert!(parsed["verdict"].is_string());

    let markdown = cwd.path().join("incident.md");
    investigate(
        "main-incident",
        &["--output", markdown.to_str().unwrap()],
        cwd.path(),
    );
    assert!(std::fs::read_to_string(&markdown)
        .unwrap()
        .starts_with("# Incident report: "));
}

#[test]
fn the_same_bundle_gives_byte_identical_reports() {
    let cwd = tempfile::tempdir().unwrap();
    for format in ["md", "html", "json"] {
        let runs: Vec<Vec<u8>> = (0..2)
            .map(|_| {
                investigate(
                    "main-incident",
                    &["--format", format, "--output", "-"],
                    cwd.path(),
                )
                .stdout
            })
            .collect();
        assert!(!runs[0].is_empty());
        assert!(runs[0] == runs[1], "{format} reports differ between runs");
    }
}

#[test]
fn detectors_are_listed_and_explained() {
    let cwd = tempfile::tempdir().unwrap();
    let out = coroner(&["detectors"], cwd.path());
    assert_eq!(out.status.code(), Some(HEALTHY));
    let ids: Vec<String> = stdout(&out)
        .lines()
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .collect();
    assert!(ids.contains(&"oom-killed".to_string()), "{ids:?}");
    assert!(ids
        .iter()
        .all(|id| id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')));

    let out = coroner(&["explain", "oom-killed"], cwd.path());
    assert_eq!(out.status.code(), Some(HEALTHY));
    let text = stdout(&out);
    assert!(text.starts_with("oom-killed ("), "{text}");
    assert!(text.contains("Why it matters"), "{text}");

    let out = coroner(&["explain", "no-such-detector"], cwd.path());
    assert_eq!(out.status.code(), Some(USAGE_OR_INPUT));
    let message = stderr(&out);
    assert!(
        message.contains("no detector, kind or rule \"no-such-detector\""),
        "{message}"
    );
    for id in &ids {
        assert!(
            message.contains(id.as_str()),
            "{id} not listed in: {message}"
        );
    }
}

/// Copies a fixture bundle so a test can damage it.
fn copy_bundle(name: &str, to: &Path) {
    copy_dir(&bundle(name), to);
}

#[test]
fn a_damaged_bundle_still_gives_a_report_that_names_each_problem() {
    let work = tempfile::tempdir().unwrap();
    let damaged = work.path().join("bundle");
    copy_bundle("main-incident", &damaged);
    let events = damaged.join("docker/events.jsonl");
    let mut text = std::fs::read_to_string(&events).unwrap();
    let garbage_line = text.lines().count() + 1;
    text.push_str("{\"Type\":\"container\",\"Action\":\n");
    std::fs::write(&events, text).unwrap();
    let inspect = damaged.join("docker/containers/qdrant.json");
    let json = std::fs::read(&inspect).unwrap();
    std::fs::write(&inspect, &json[..json.len() / 2]).unwrap();

    let report = work.path().join("report.md");
    let out = coroner(
        &[
            "investigate",
            "--bundle",
            damaged.to_str().unwrap(),
            "--output",
            report.to_str().unwrap(),
        ],
        work.path(),
    );
    assert_eq!(out.status.code(), Some(PROBLEM_FOUND), "{}", stderr(&out));
    let warnings = stderr(&out);
    let event_problem = format!("docker/events.jsonl:{garbage_line}: not an event");
    assert!(warnings.contains(&event_problem), "{warnings}");
    assert!(
        warnings.contains("docker/containers/qdrant.json: not a container inspect document"),
        "{warnings}"
    );
    let markdown = std::fs::read_to_string(&report).unwrap();
    let inputs = &markdown[markdown.find("## Inputs").expect("inputs section")..];
    assert!(
        inputs.contains(&format!("`docker/events.jsonl:{garbage_line}`")),
        "{inputs}"
    );
    assert!(
        inputs.contains("`docker/containers/qdrant.json`"),
        "{inputs}"
    );
    // The rest of the bundle was still read.
    assert!(markdown.contains("| `mcp-api` |"), "{markdown}");
}

/// The main example's api carries a password, a token and a database URL
/// with credentials in its environment; no report format may show them, and
/// each variable's name must still be visible with its value masked.
#[test]
fn secrets_in_the_evidence_never_reach_a_report() {
    let inspect =
        std::fs::read_to_string(bundle("main-incident").join("docker/containers/mcp-api.json"))
            .unwrap();
    let secrets: Vec<&str> = ["fixture-secret-pw", "fixture-token-123", "fixture-url-pw"]
        .into_iter()
        .filter(|s| inspect.contains(s))
        .collect();
    assert_eq!(
        secrets.len(),
        3,
        "the fixture no longer holds the secrets this test guards"
    );
    let cwd = tempfile::tempdir().unwrap();
    for format in ["md", "html", "json"] {
        let out = investigate(
            "main-incident",
            &["--format", format, "--output", "-"],
            cwd.path(),
        );
        assert_eq!(out.status.code(), Some(PROBLEM_FOUND), "{}", stderr(&out));
        // tera's HTML escaping writes `/` as `&#x2F;`.
        let report = stdout(&out).replace("&#x2F;", "/");
        for secret in &secrets {
            assert!(!report.contains(secret), "{format} report leaks {secret}");
        }
        for masked in [
            "DATABASE_PASSWORD=[secret-",
            "API_TOKEN=[secret-",
            "postgresql://app:[secret-",
        ] {
            assert!(report.contains(masked), "{format} report lacks {masked}");
        }
    }
}

/// Writing a report to a FIFO (or `/dev/null`, `/dev/stdout`) writes into it;
/// the atomic rename used for regular files must never replace it.
#[test]
fn a_report_written_to_a_fifo_leaves_the_fifo_in_place() {
    use std::os::unix::fs::FileTypeExt;

    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("report.pipe");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let out = investigate(
        "healthy-stack",
        &["--format", "json", "--output", fifo.to_str().unwrap()],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(HEALTHY), "{}", stderr(&out));
    // Checked before joining: a replaced FIFO would leave the reader waiting.
    let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(kind.is_fifo(), "the FIFO was replaced by {kind:?}");
    let report = reader.join().unwrap();
    assert!(report.contains("\"verdict\": \"healthy\""), "{report}");
}

/// An in-house rule (the orders service's own message, as our capture
/// recorded it) links its healthcheck symptom to the stopped database.
const IN_HOUSE_RULES: &str = r#"
family = "orders"
description = "the orders service's own messages"

[[rule]]
id = "orders-database-unreachable"
kind = "dependency-unreachable"
severity = "error"
needles = ["unreachable: timed out"]
regex = '''database (?P<host>[\w.-]+):(?P<port>\d+) unreachable: timed out'''
title = "orders cannot reach its database {host}:{port}"
remediation = "Start {host} again, then check that {service} answers its healthcheck."

[[rule.examples]]
line = '''ERROR orders: health check: database db:5432 unreachable: timed out'''
source = "capture:fixtures/bundles/healthcheck-503-dependency-down"
captures = { host = "db", port = "5432" }
"#;

#[test]
fn rules_of_ones_own_are_listed_checked_and_used() {
    let cwd = tempfile::tempdir().unwrap();
    let rules = cwd.path().join("our-rules");
    std::fs::create_dir(&rules).unwrap();
    std::fs::write(rules.join("orders.toml"), IN_HOUSE_RULES).unwrap();
    let dir = rules.to_str().unwrap();

    let out = coroner(&["rules", "--rules", dir], cwd.path());
    assert_eq!(out.status.code(), Some(HEALTHY));
    let listing = stdout(&out);
    assert!(listing.contains("orders-database-unreachable"), "{listing}");
    assert!(
        listing.contains("python-module-not-found"),
        "the built-in rules stay: {listing}"
    );

    let out = coroner(
        &["explain", "orders-database-unreachable", "--rules", dir],
        cwd.path(),
    );
    assert_eq!(out.status.code(), Some(HEALTHY), "{}", stderr(&out));
    assert!(stdout(&out).contains("capture:fixtures/bundles/healthcheck-503-dependency-down"));
    let out = coroner(&["explain", "disk-full"], cwd.path());
    assert!(stdout(&out).starts_with("disk-full ("), "{}", stdout(&out));

    let out = investigate(
        "healthcheck-503-dependency-down",
        &["--rules", dir, "--format", "json", "--output", "-"],
        cwd.path(),
    );
    assert_eq!(out.status.code(), Some(PROBLEM_FOUND), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["root_causes"][0]["service"], "db");
    let linked: Vec<&serde_json::Value> = report["symptoms"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["service"] == "orders" && s["explained_by"] == 1)
        .collect();
    assert!(
        linked
            .iter()
            .any(|s| s["rule"] == "orders-database-unreachable"),
        "orders' own message links it to the stopped db: {:#}",
        report["symptoms"]
    );

    // A broken rule file stops the run before any report, naming file and line.
    std::fs::write(
        rules.join("orders.toml"),
        IN_HOUSE_RULES.replace(
            "kind = \"dependency-unreachable\"",
            "kind = \"unreachable\"",
        ),
    )
    .unwrap();
    let out = investigate(
        "healthcheck-503-dependency-down",
        &["--rules", dir],
        cwd.path(),
    );
    assert_eq!(out.status.code(), Some(USAGE_OR_INPUT));
    let message = stderr(&out);
    assert!(
        message.contains("orders.toml:6: rule orders-database-unreachable: unknown kind"),
        "{message}"
    );
    assert!(files_in(cwd.path())
        .iter()
        .all(|f| !f.to_string_lossy().contains("reports")));

    let out = coroner(
        &[
            "rules",
            "--check",
            rules.join("orders.toml").to_str().unwrap(),
        ],
        cwd.path(),
    );
    assert_eq!(out.status.code(), Some(USAGE_OR_INPUT), "{}", stdout(&out));
}

#[test]
fn impossible_windows_and_empty_bundles_are_errors_not_verdicts() {
    let cwd = tempfile::tempdir().unwrap();
    for (args, expected) in [
        (&["--since", "99999999999d"][..], "--since \"99999999999d\""),
        (
            &["--since", "9223372036854775807s"][..],
            "--since \"9223372036854775807s\"",
        ),
        (
            &[
                "--since",
                "2026-12-02T00:00:00Z",
                "--until",
                "2026-12-01T00:00:00Z",
            ][..],
            "is after --until",
        ),
    ] {
        let out = investigate("disk-full", args, cwd.path());
        assert_eq!(out.status.code(), Some(USAGE_OR_INPUT), "{args:?}");
        let message = stderr(&out);
        assert!(message.contains(expected), "{args:?}: {message}");
        assert!(!message.contains("panicked"), "{message}");
    }
    let empty = cwd.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let out = coroner(
        &["investigate", "--bundle", empty.to_str().unwrap()],
        cwd.path(),
    );
    assert_eq!(out.status.code(), Some(USAGE_OR_INPUT));
    assert!(
        stderr(&out).contains("no file coroner reads"),
        "{}",
        stderr(&out)
    );
}

/// `--redact` adds patterns (a bad one is a usage error naming it), and
/// `--no-redact` says loudly that the report holds secrets.
#[test]
fn redaction_options_add_patterns_and_no_redact_warns() {
    let cwd = tempfile::tempdir().unwrap();
    let out = investigate(
        "main-incident",
        &["--redact", "(", "--output", "-"],
        cwd.path(),
    );
    assert_eq!(out.status.code(), Some(USAGE_OR_INPUT));
    assert!(
        stderr(&out).contains("--redact \"(\": not a regular expression"),
        "{}",
        stderr(&out)
    );

    let out = investigate(
        "main-incident",
        &["--redact", "mcp-(net)", "--format", "json", "--output", "-"],
        cwd.path(),
    );
    assert_eq!(out.status.code(), Some(PROBLEM_FOUND), "{}", stderr(&out));
    let report = stdout(&out);
    assert!(
        !report.contains("mcp-net") && report.contains("mcp-[secret-"),
        "the network name survived --redact"
    );
    assert!(report.contains("pattern given with --redact"));

    let out = investigate(
        "main-incident",
        &["--no-redact", "--output", "-"],
        cwd.path(),
    );
    assert!(
        stderr(&out).contains("coroner: warning: --no-redact: secrets are NOT masked"),
        "{}",
        stderr(&out)
    );
    let report = stdout(&out);
    assert!(report.contains("Warning: secrets were not masked"));
    assert!(
        report.contains("fixture-secret-pw"),
        "--no-redact still masked"
    );
}
