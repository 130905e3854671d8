//! The live investigation and the bundle investigation must agree: the same
//! real broken containers, investigated by `coroner investigate` straight
//! from the engine and by `coroner collect` + `coroner investigate --bundle`,
//! give the same root causes, symptoms, dismissals and services.

mod live_support;

use std::collections::HashMap;

use bollard::models::PortBinding;
use live_support::{container, lab, memory_hog, run_binary, unhealthy_service, RootFs};
use serde_json::Value;

/// Runs this build's `coroner` binary.
fn coroner(args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    run_binary(env!("CARGO_BIN_EXE_coroner"), args, env)
}

/// `(kind, service)` of every finding in one section of a JSON report.
fn findings(report: &Value, section: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = report[section]
        .as_array()
        .unwrap_or_else(|| panic!("no {section} in {report}"))
        .iter()
        .map(|f| {
            (
                f["kind"].as_str().unwrap_or_default().to_string(),
                f["service"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn live_and_bundle_investigations_agree_on_real_broken_containers() {
    let Some(mut lab) = lab("same") else { return };
    let mut fs = RootFs::busybox();
    fs.file(
        "docker_entrypoint.sh",
        b"#!/bin/sh\r\nexec sleep 1\r\n",
        0o755,
    );
    fs.file("app/start.sh", b"#!/bin/sh\nexec sleep 1\n", 0o644);
    let image = lab.import("img", fs, &[]);

    let mut crlf = container(&image, &[]);
    crlf.entrypoint = Some(vec!["/docker_entrypoint.sh".into()]);
    lab.run("crlf", crlf);
    let mut noexec = container(&image, &[]);
    noexec.entrypoint = Some(vec!["/app/start.sh".into()]);
    lab.run("noexec", noexec);

    let holder = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = holder.local_addr().unwrap().port();
    let mut web = container(&image, &["httpd", "-f", "-p", "8080"]);
    web.exposed_ports = Some(vec!["8080/tcp".into()]);
    web.host_config.as_mut().unwrap().port_bindings = Some(HashMap::from([(
        "8080/tcp".to_string(),
        Some(vec![PortBinding {
            host_ip: Some("127.0.0.1".into()),
            host_port: Some(port.to_string()),
        }]),
    )]));
    assert!(lab.run("web", web).is_some(), "the port is taken");

    lab.run("svc", unhealthy_service(&image));
    lab.run("ok", container(&image, &["sleep", "300"]));

    let memory_limits = lab.block_on(lab.docker.info()).unwrap().memory_limit != Some(false);
    if memory_limits {
        lab.run("hog", memory_hog(&image));
        lab.wait_exited("hog");
    } else {
        eprintln!("no OOM case: this kernel does not support memory limits");
    }
    lab.wait_exited("crlf");
    lab.wait_unhealthy("svc");

    let dir = tempfile::tempdir().unwrap();
    let collected = dir.path().join("collected");
    let kept = dir.path().join("kept");
    let (code, _, stderr) = coroner(
        &[
            "collect",
            "--out",
            collected.to_str().unwrap(),
            "--project",
            &lab.id,
            "--since",
            "1h",
        ],
        &[],
    );
    assert_eq!(code, 0, "{stderr}");
    let (bundle_code, bundle_json, stderr) = coroner(
        &[
            "investigate",
            "--bundle",
            collected.to_str().unwrap(),
            "--format",
            "json",
            "--output",
            "-",
        ],
        &[],
    );
    assert!(bundle_code == 0 || bundle_code == 1, "{stderr}");
    let (live_code, live_json, stderr) = coroner(
        &[
            "investigate",
            "--project",
            &lab.id,
            "--since",
            "1h",
            "--format",
            "json",
            "--output",
            "-",
            "--keep-bundle",
            kept.to_str().unwrap(),
        ],
        &[],
    );
    assert!(live_code == 0 || live_code == 1, "{stderr}");
    drop(holder);

    let from_bundle: Value = serde_json::from_str(&bundle_json).unwrap();
    let live: Value = serde_json::from_str(&live_json).unwrap();
    assert_eq!(live_code, bundle_code);
    assert_eq!(live["verdict"], from_bundle["verdict"]);
    for section in ["root_causes", "symptoms", "dismissed"] {
        assert_eq!(
            findings(&live, section),
            findings(&from_bundle, section),
            "{section} differ"
        );
    }
    assert_eq!(live["services"], from_bundle["services"]);
    let services = live["services"].as_array().unwrap();
    assert_eq!(
        services.len(),
        if memory_limits { 6 } else { 5 },
        "{services:#?}"
    );
    // Not a vacuous agreement: each broken container has its cause.
    let causes = findings(&live, "root_causes");
    let mut expected = vec![
        ("broken-entrypoint".to_string(), lab.name("crlf")),
        ("broken-entrypoint".to_string(), lab.name("noexec")),
        ("healthcheck-failing".to_string(), lab.name("svc")),
        ("port-conflict".to_string(), lab.name("web")),
    ];
    if memory_limits {
        expected.push(("oom-killed".to_string(), lab.name("hog")));
    }
    for cause in &expected {
        assert!(causes.contains(cause), "{cause:?} missing from {causes:#?}");
    }
    assert!(
        !causes.iter().any(|(_, service)| *service == lab.name("ok")),
        "{causes:#?}"
    );
    // Both bundles hold the same files, forensics included.
    let files = |root: &std::path::Path| -> Vec<String> {
        let mut names: Vec<String> = walkdir(root);
        names.sort();
        names
    };
    assert_eq!(files(&collected), files(&kept));
    assert!(files(&kept).contains(&format!("docker/forensics/{}.json", lab.name("crlf"))));
}

fn walkdir(root: &std::path::Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(
                    path.strip_prefix(root)
                        .unwrap()
                        .to_string_lossy()
                        .into_owned(),
                );
            }
        }
    }
    out
}
