//! coroner against an engine that is not the local one: a second Docker
//! engine in a network namespace of its own, reached through `DOCKER_HOST`.
//! It sees that engine's containers only, and the shared engine (and its
//! `docker0` bridge) are untouched by the second one's life.

use std::process::Command;

#[path = "support/engine.rs"]
#[allow(dead_code)] // shared; this test needs no link to the host
mod engine;
use engine::SecondEngine;

fn docker0_exists() -> bool {
    Command::new("ip")
        .args(["link", "show", "docker0"])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn docker_host_names_the_engine_investigated() {
    let had_docker0 = docker0_exists();
    let Some(engine) = SecondEngine::start("host") else {
        return;
    };
    let netns = engine.netns.clone();
    engine.import_busybox("coroner-second/busybox:1");
    let run = engine.docker(&[
        "run",
        "-d",
        "--name",
        "lonely-worker",
        "--restart",
        "on-failure:3",
        "coroner-second/busybox:1",
        "/bin/sh",
        "-c",
        "echo 'worker: cannot open /data/queue: No such file or directory' >&2; exit 3",
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    // Let the restart policy give up (3 restarts with backoff).
    std::thread::sleep(std::time::Duration::from_secs(4));

    let out = Command::new(env!("CARGO_BIN_EXE_coroner"))
        .args([
            "investigate",
            "--format",
            "json",
            "--output",
            "-",
            "--since",
            "10m",
        ])
        .env("DOCKER_HOST", engine.host())
        .output()
        .expect("run coroner");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let containers: Vec<&str> = report["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["container"].as_str().unwrap())
        .collect();
    assert_eq!(
        containers,
        ["lonely-worker"],
        "only the second engine's containers"
    );
    assert!(
        report["root_causes"]
            .as_array()
            .unwrap()
            .iter()
            .chain(report["symptoms"].as_array().unwrap())
            .any(|f| f["service"] == "lonely-worker"),
        "{report:#}"
    );

    drop(engine);
    assert_eq!(
        docker0_exists(),
        had_docker0,
        "the shared engine's bridge is untouched"
    );
    let namespaces = Command::new("ip").args(["netns", "list"]).output().unwrap();
    assert!(!String::from_utf8_lossy(&namespaces.stdout).contains(&netns));
    assert!(Command::new("docker")
        .args(["info", "--format", "{{.ServerVersion}}"])
        .status()
        .unwrap()
        .success());
}
