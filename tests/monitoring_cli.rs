//! `coroner investigate` with monitoring evidence, end to end: figures in
//! the JSON report, bad rows reported with file and line while the report
//! is still written, and the monitoring options' errors.

use std::process::{Command, Output};

use serde_json::Value;

fn coroner(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coroner"))
        .args(args)
        .output()
        .expect("coroner runs")
}

#[path = "support/bundles.rs"]
mod bundles;
use bundles::{bundle, copy_dir};

fn main_incident_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&bundle("main-incident"), dir.path());
    dir
}

fn report(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not a JSON report ({e}): {}",
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

#[test]
fn the_main_incident_report_carries_the_monitoring_figures() {
    let bundle = main_incident_copy();
    let dir = bundle.path().to_str().unwrap();
    let out = coroner(&[
        "investigate",
        "--bundle",
        dir,
        "--format",
        "json",
        "-o",
        "-",
        "--slo",
        "99.9",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let r = report(&out);
    let monitoring = &r["monitoring"];
    assert_eq!(monitoring["target_percent"], 99.9);
    let names: Vec<&str> = monitoring["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["api-uptime-9d", "uptime-monitor"]);
    let history = &monitoring["sources"][0];
    assert_eq!(history["availability_percent"], 50.0);
    assert_eq!(history["longest_streak"]["length"], 828);
    assert_eq!(history["meets_target"], false);
    assert!(history["buckets"].as_array().unwrap().len() <= 96);
    let symptoms: Vec<&Value> = r["symptoms"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["kind"] == "monitoring-failures")
        .collect();
    assert_eq!(symptoms.len(), 2);
    for s in symptoms {
        assert!(
            s["title"].as_str().unwrap().ends_with("vs 99.9 % target"),
            "{}",
            s["title"]
        );
        assert_eq!(s["upstream_service"], "nginx (host)");
    }
    let monitoring_entries = r["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["category"] == "monitoring")
        .count();
    assert!(monitoring_entries >= 4, "first failures and streaks");
}

#[test]
fn bad_rows_are_reported_with_file_and_line_and_the_report_is_still_written() {
    let bundle = tempfile::tempdir().unwrap();
    let monitoring = bundle.path().join("monitoring");
    std::fs::create_dir(&monitoring).unwrap();
    std::fs::write(
        monitoring.join("checks.jsonl"),
        "{\"ts\":\"2026-11-27T18:00:00Z\",\"url\":\"http://127.0.0.1:18080/\",\"ok\":true}\n\
         {\"ts\":\"2026-11-27T18:01:00Z\",\"url\":\"http://127.0.0.1:18080/\",\"ok\":false,\"error\":\"timed out\"}\n\
         {\"ts\":\"yesterday\",\"url\":\"http://127.0.0.1:18080/\",\"ok\":true}\n\
         {\"ts\":\"2026-11-27T18:02:00Z\",\"url\":\"http://127.0.0.1:18080/\",\"ok\":false,\"error\":\"timed out\"}\n",
    )
    .unwrap();
    std::fs::write(
        monitoring.join("prometheus-up.json"),
        r#"{"status":"error","errorType":"bad_data","error":"1:3: parse error: unexpected end of input"}"#,
    )
    .unwrap();
    let out = coroner(&[
        "investigate",
        "--bundle",
        bundle.path().to_str().unwrap(),
        "--format",
        "json",
        "-o",
        "-",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("monitoring/checks.jsonl:3: unreadable timestamp \"yesterday\""),
        "{stderr}"
    );
    assert!(
        stderr.contains("monitoring/prometheus-up.json: Prometheus answered error: bad_data"),
        "{stderr}"
    );
    let r = report(&out);
    let source = &r["monitoring"]["sources"][0];
    assert_eq!(source["samples"], 3);
    assert_eq!(source["error_classes"][0]["class"], "timeout");
    // The unreadable row between the two failures is skipped, not counted.
    assert_eq!(source["longest_streak"]["length"], 2);
}

#[test]
fn monitoring_options_are_checked() {
    let bundle = main_incident_copy();
    let dir = bundle.path().to_str().unwrap();
    let cases: &[(&[&str], &str)] = &[
        (&["--slo", "120"], "--slo 120: expected a percentage"),
        (
            &["--monitor-target", "nope.log=http://127.0.0.1:1/"],
            "no monitoring history \"nope.log\" in the bundle (read: monitoring/api-uptime-9d.jsonl, monitoring/uptime-monitor.log)",
        ),
        (&["--monitor-target", "uptime-monitor.log"], "expected FILE=URL"),
        (&["--probe", "ftp://127.0.0.1/"], "not an http:// or https:// URL"),
        (
            &["--prometheus", "http://127.0.0.1:9090"],
            "--prometheus-query <QUERY>",
        ),
    ];
    for (extra, message) in cases {
        let mut args = vec!["investigate", "--bundle", dir, "-o", "-"];
        args.extend_from_slice(extra);
        let out = coroner(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{extra:?}: {stderr}");
        assert!(stderr.contains(message), "{extra:?}: {stderr}");
    }

    let out = coroner(&[
        "investigate",
        "--bundle",
        dir,
        "--format",
        "json",
        "-o",
        "-",
        "--monitor-target",
        "monitoring/uptime-monitor.log=http://mcp.internal:18080/",
    ]);
    let r = report(&out);
    assert_eq!(
        r["monitoring"]["sources"][1]["target"],
        "http://mcp.internal:18080/"
    );
}
