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

use coroner::collect::bundle;
use coroner::evidence::{AssumedZone, Window};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

#[path = "support/engine.rs"]
#[allow(dead_code)] // shared; this test needs no link to the host
mod engine;
use engine::SecondEngine;

const IMAGE: &str = "coroner-swarm/busybox:1";
const FAILING: &str = "ledger-worker";
const UNSCHEDULABLE: &str = "report-builder";
const ROLLED_BACK: &str = "pricing";

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
    // A service that runs, then an update whose tasks fail: with
    // --update-failure-action rollback the manager puts the old spec back.
    ok(
        engine.docker(&[
            "service",
            "create",
            "--detach",
            "--no-resolve-image",
            "--name",
            ROLLED_BACK,
            IMAGE,
            "sleep",
            "3600",
        ]),
        "service create (to be rolled back)",
    );
    ok(
        engine.docker(&[
            "service",
            "update",
            "--detach",
            "--no-resolve-image",
            "--update-failure-action",
            "rollback",
            "--update-monitor",
            "3s",
            "--update-max-failure-ratio",
            "0",
            "--restart-delay",
            "1s",
            "--args",
            "sh -c 'echo pricing: cannot read /etc/pricing/rates.yaml >&2; exit 2'",
            ROLLED_BACK,
        ]),
        "service update (failing)",
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
        let update = ok(
            engine.docker(&[
                "service",
                "inspect",
                "--format",
                "{{if .UpdateStatus}}{{.UpdateStatus.State}}{{end}}",
                ROLLED_BACK,
            ]),
            "service inspect",
        );
        if failed >= 3 && update.trim() == "rollback_completed" {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "{FAILING} did not fail 3 times, or {ROLLED_BACK}'s update was not rolled back ({update}), within 90 s: {states}"
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
    causes.chain(symptoms).collect()
}

fn investigate(engine: &SecondEngine, extra: &[&str]) -> serde_json::Value {
    let mut args = vec![
        "investigate",
        "--format",
        "json",
        "--output",
        "-",
        "--since",
        "10m",
    ];
    args.extend_from_slice(extra);
    let out = coroner(engine, &args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "a failure is found: {stderr}");
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {stderr}"))
}

/// What both investigations must say.
fn assert_diagnosed(report: &serde_json::Value, how: &str) {
    let all = findings(report);
    let of = |kind: &str, service: &str| {
        all.iter()
            .find(|f| f["kind"] == kind && f["service"] == service)
            .unwrap_or_else(|| panic!("{how}: no {kind} for {service}: {report:#}"))
    };
    // The task history: every failure counted, exit code and error quoted.
    let failing = of("swarm-task-failing", FAILING);
    let title = failing["title"].as_str().unwrap();
    assert!(
        title.starts_with(&format!("{FAILING}'s tasks keep failing: "))
            && title.contains("the last with exit code 1 (application error")
            && title.ends_with("task: non-zero exit (1)"),
        "{how}: {title}"
    );
    assert!(
        failing["occurrences"].as_u64().unwrap() >= 3,
        "{how}: {failing:#}"
    );
    assert!(failing["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .any(|q| q["source"] == "swarm/tasks.json"
            && q["text"]
                .as_str()
                .unwrap()
                .ends_with("failed: task: non-zero exit (1), exit code 1")));
    // ...explained by what the service's logs say: the import error.
    let cause = report["root_causes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["service"] == FAILING)
        .unwrap_or_else(|| panic!("{how}: no cause for {FAILING}: {report:#}"));
    assert_eq!(cause["kind"], "missing-module", "{how}: {cause:#}");
    assert!(cause["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .any(|q| q["source"] == format!("swarm/logs/{FAILING}.log")
            && q["text"]
                .as_str()
                .unwrap()
                .contains("No module named 'pandas'")));
    let symptom = report["symptoms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["kind"] == "swarm-task-failing")
        .unwrap_or_else(|| panic!("{how}: the task history is a symptom: {report:#}"));
    assert_eq!(symptom["explained_by"], cause["rank"], "{how}: {symptom:#}");

    // The services table and the chronology tell the services by their tasks.
    let row = report["services"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["container"] == FAILING)
        .unwrap_or_else(|| panic!("{how}: no row for {FAILING}: {report:#}"));
    // Between two failures a task runs for a moment, as a crash-looping
    // container does: the row is caught at 0/1 or 1/1, and is failing
    // exactly when fewer tasks run than the service asks for.
    let state = row["state"].as_str().unwrap();
    assert!(
        ["0/1 tasks running", "1/1 tasks running"].contains(&state),
        "{how}: {row:#}"
    );
    assert_eq!(row["failing"], state.starts_with("0/"), "{how}: {row:#}");
    assert!(row["restarts"].as_u64().unwrap() >= 3, "{how}: {row:#}");
    assert_eq!(row["exit_code"], 1, "{how}: {row:#}");
    let failures = report["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| {
            e["service"] == FAILING
                && e["category"] == "lifecycle"
                && e["text"].as_str().unwrap().ends_with(&format!(
                    "tasks of {FAILING} failed: task: non-zero exit (1)"
                ))
        })
        .unwrap_or_else(|| panic!("{how}: the task failures are in the chronology: {report:#}"));
    assert!(failures["until"].is_string(), "{how}: a run: {failures:#}");

    // The update that never took over, with the manager's own words.
    let rolled_back = of("swarm-update-rolled-back", ROLLED_BACK);
    let title = rolled_back["title"].as_str().unwrap();
    assert!(
        title.starts_with(&format!(
            "{ROLLED_BACK}'s last update failed and Swarm rolled it back: the new version never took over"
        )),
        "{how}: {title}"
    );
    assert!(
        rolled_back["evidence"].as_array().unwrap().iter().any(|q| {
            q["source"] == "swarm/services.json"
                && q["text"]
                    .as_str()
                    .unwrap()
                    .ends_with(".UpdateStatus.State: rollback_completed")
        }),
        "{how}: {rolled_back:#}"
    );

    // The scheduler's reason, quoted, and a fix naming the constraint.
    let pending = of("swarm-task-unschedulable", UNSCHEDULABLE);
    assert_eq!(
        pending["title"],
        format!("{UNSCHEDULABLE} cannot be scheduled: its task is pending: no suitable node (scheduling constraints not satisfied on 1 node)"),
        "{how}"
    );
    assert!(
        pending["evidence"].as_array().unwrap().iter().any(|q| {
            q["source"] == "swarm/tasks.json"
            && q["text"].as_str().unwrap().ends_with(
                ".Status.Err: no suitable node (scheduling constraints not satisfied on 1 node)"
            )
        }),
        "{how}: {pending:#}"
    );
    let commands: Vec<&str> = pending["remediation"]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["commands"].as_array().unwrap())
        .map(|c| c.as_str().unwrap())
        .collect();
    assert!(
        commands
            .iter()
            .any(|c| c.starts_with("docker node update --label-add zone=nowhere ")),
        "{how}: {commands:?}"
    );
    assert!(
        commands.contains(
            &format!(
                "docker service update --constraint-rm 'node.labels.zone==nowhere' {UNSCHEDULABLE}"
            )
            .as_str()
        ),
        "{how}: {commands:?}"
    );
}

/// The causes and symptoms, without what differs between two runs.
fn shape(report: &serde_json::Value) -> Vec<(String, String, String)> {
    let mut shape: Vec<_> = findings(report)
        .into_iter()
        .map(|f| {
            (
                f["kind"].as_str().unwrap().to_string(),
                f["service"].as_str().unwrap().to_string(),
                f["role"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    shape.sort();
    shape
}

#[test]
fn a_swarm_manager_s_failing_and_unschedulable_services_are_diagnosed() {
    let Some(engine) = swarm_with_failing_services() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("bundle");
    ok(
        coroner(
            &engine,
            &[
                "collect",
                "--since",
                "10m",
                "--out",
                &bundle.to_string_lossy(),
            ],
        ),
        "coroner collect",
    );
    for file in [
        "swarm/services.json",
        "swarm/tasks.json",
        "swarm/nodes.json",
    ] {
        assert!(bundle.join(file).is_file(), "{file}");
    }
    // A task's container is told by its service, not as a container of its own.
    let containers = bundle.join("docker/containers");
    if containers.exists() {
        for entry in std::fs::read_dir(&containers).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            assert!(!name.starts_with(FAILING), "{name}");
        }
    }
    read_captured_bundle(&bundle);

    let live = investigate(&engine, &[]);
    assert_diagnosed(&live, "live");
    let from_bundle = investigate(&engine, &["--bundle", &bundle.to_string_lossy()]);
    assert_diagnosed(&from_bundle, "--bundle");
    assert_eq!(shape(&live), shape(&from_bundle));

    // The docker-CLI collector a user runs on a server gathers the same.
    let gathered = dir.path().join("gathered");
    let script = Command::new("bash")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/scripts/gather-bundle.sh"
        ))
        .arg(&gathered)
        .args(["--since", "10m", "--no-listeners"])
        .env("DOCKER_HOST", engine.host())
        .output()
        .unwrap();
    assert!(
        script.status.success(),
        "{}",
        String::from_utf8_lossy(&script.stderr)
    );
    let from_script = investigate(&engine, &["--bundle", &gathered.to_string_lossy()]);
    assert_diagnosed(&from_script, "gather-bundle.sh");
    assert_eq!(shape(&live), shape(&from_script));
}

/// The captured bundle, read back: every service, task and node, the
/// service's log attributed to it; and a field of the wrong type costs that
/// field only, named with its file.
fn read_captured_bundle(bundle: &Path) {
    let ev = bundle::load(bundle, AssumedZone::default(), Window::default()).unwrap();
    assert!(
        ev.inventory.problems.is_empty(),
        "{:?}",
        ev.inventory.problems
    );
    let names: Vec<&str> = ev.swarm.services.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, [FAILING, ROLLED_BACK, UNSCHEDULABLE]);
    let update = ev.swarm.services[1]
        .update
        .as_ref()
        .expect("an update status");
    assert_eq!(update.state, "rollback_completed");
    let failing = &ev.swarm.services[0];
    assert_eq!(failing.image, IMAGE);
    assert_eq!(failing.mode, "replicated");
    assert_eq!(failing.replicas, Some(1));
    let failed: Vec<_> = ev
        .swarm
        .tasks_of(failing)
        .filter(|t| t.state == "failed")
        .collect();
    assert!(failed.len() >= 3);
    for t in &failed {
        assert_eq!(t.error, "task: non-zero exit (1)");
        assert_eq!(t.exit_code, Some(1));
        assert_eq!(t.desired_state, "shutdown");
        assert_eq!(t.slot, Some(1));
        assert!(t.timestamp.is_some() && !t.node_id.is_empty());
    }
    let pending = &ev.swarm.services[2];
    assert_eq!(pending.constraints, ["node.labels.zone==nowhere"]);
    let task = ev.swarm.tasks_of(pending).next().unwrap();
    assert_eq!(
        (task.state.as_str(), task.desired_state.as_str()),
        ("pending", "running")
    );
    assert_eq!(
        task.error,
        "no suitable node (scheduling constraints not satisfied on 1 node)"
    );
    let node = &ev.swarm.nodes[..];
    assert_eq!(node.len(), 1);
    assert_eq!(
        (
            node[0].role.as_str(),
            node[0].availability.as_str(),
            node[0].state.as_str()
        ),
        ("manager", "active", "ready")
    );
    let logs: Vec<_> = ev.logs_of(FAILING).collect();
    assert_eq!(logs.len(), 1);
    assert_eq!(logs[0].display, format!("swarm/logs/{FAILING}.log"));

    // The same bundle with one task's Slot made a string.
    let copy = tempfile::tempdir().unwrap();
    let swarm = copy.path().join("swarm");
    std::fs::create_dir_all(&swarm).unwrap();
    let mut tasks: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(bundle.join("swarm/tasks.json")).unwrap())
            .unwrap();
    let count = tasks.as_array().unwrap().len();
    tasks[0]["Slot"] = serde_json::json!("one");
    std::fs::write(swarm.join("tasks.json"), tasks.to_string()).unwrap();
    let ev = bundle::load(copy.path(), AssumedZone::default(), Window::default()).unwrap();
    assert_eq!(ev.swarm.tasks.len(), count, "the task is kept");
    let problems: Vec<String> = ev
        .inventory
        .problems
        .iter()
        .map(|p| p.to_string())
        .collect();
    assert_eq!(
        problems,
        ["swarm/tasks.json: [0].Slot: expected a number, got string \"one\"; field ignored"]
    );
}
