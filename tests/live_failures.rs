//! Real failures on the real engine, collected live: what the bundle holds
//! for a missing Python module, a port held by a host process, a failing
//! healthcheck, an OOM kill and a log over the size cap.

mod live_support;

use std::collections::HashMap;

use bollard::models::PortBinding;
use coroner::analyze;
use live_support::{container, lab, memory_hog, unhealthy_service, RootFs};

#[test]
fn a_missing_python_module_is_in_the_collected_log() {
    let Some(mut lab) = lab("pymodule") else {
        return;
    };
    let mut fs = RootFs::python();
    fs.file("app/main.py", b"import yaml\nprint('started')\n", 0o644);
    let image = lab.import("py", fs, &["ENV PATH=/usr/local/bin:/usr/bin:/bin"]);
    lab.run("worker", container(&image, &["python3", "/app/main.py"]));
    let state = lab.wait_exited("worker").state.unwrap();
    assert_eq!(state.exit_code, Some(1));

    let collected = lab.collect(16 << 20);
    let name = lab.name("worker");
    let log = std::fs::read_to_string(
        collected
            .bundle
            .join(format!("docker/containers/{name}.log")),
    )
    .unwrap();
    // CPython 3.11's traceback for a failed import, each line with Docker's timestamp.
    let last = log.lines().last().unwrap_or_default();
    assert!(
        last.ends_with(" ModuleNotFoundError: No module named 'yaml'"),
        "{log}"
    );
    assert!(last.starts_with("20"), "{last}");
    let source = collected
        .evidence
        .logs_of(&name)
        .next()
        .expect("the log is loaded");
    assert_eq!(source.display, format!("docker/containers/{name}.log"));
    // The interpreter started: python3 resolved through PATH to a real ELF.
    let f = collected
        .evidence
        .forensics_of(collected.evidence.container(&name).unwrap())
        .unwrap();
    assert_eq!(f.searched[0], "/usr/local/bin/python3");
    assert_eq!(f.path, "/usr/bin/python3");
    assert_eq!(f.links, ["/usr/bin/python3.11"]);
    assert_eq!(f.format.as_deref(), Some("elf"));
    assert_eq!(f.interpreter.as_ref().and_then(|i| i.exists), Some(true));
    let analysis = analyze::analyze(&collected.evidence);
    assert!(
        analysis
            .root_causes
            .iter()
            .any(|c| c.finding.kind == "missing-module" && c.finding.service == name),
        "{:#?}",
        analysis.root_causes
    );
}

#[test]
fn a_port_held_by_a_host_process_names_that_process() {
    let Some(mut lab) = lab("port") else { return };
    let holder = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = holder.local_addr().unwrap().port();
    let image = lab.import("web", RootFs::busybox(), &[]);
    let mut body = container(&image, &["httpd", "-f", "-p", "8080"]);
    body.exposed_ports = Some(vec!["8080/tcp".to_string()]);
    body.host_config.as_mut().unwrap().port_bindings = Some(HashMap::from([(
        "8080/tcp".to_string(),
        Some(vec![PortBinding {
            host_ip: Some("127.0.0.1".into()),
            host_port: Some(port.to_string()),
        }]),
    )]));
    let start_error = lab
        .run("web", body)
        .expect("the engine refuses to start it");
    assert!(
        start_error.contains("address already in use"),
        "{start_error}"
    );

    let collected = lab.collect(16 << 20);
    let web = collected.evidence.container(&lab.name("web")).unwrap();
    assert_eq!(web.state.status, "created");
    assert!(
        web.state.error.contains("address already in use"),
        "{}",
        web.state.error
    );
    let listener = collected
        .evidence
        .listeners
        .iter()
        .find(|l| l.port == port && l.conflicts_with("127.0.0.1", port))
        .expect("the host listener is in the bundle");
    let me = format!("(pid {})", std::process::id());
    assert!(listener.holder().contains(&me), "{}", listener.holder());
    // The report names this test process as the holder of the port.
    let analysis = analyze::analyze(&collected.evidence);
    let cause = analysis
        .root_causes
        .iter()
        .find(|c| c.finding.kind == "port-conflict" && c.finding.service == web.name)
        .unwrap_or_else(|| panic!("{:#?}", analysis.root_causes));
    assert!(
        cause.finding.title.to_string().contains(&me),
        "{}",
        cause.finding.title
    );
    drop(holder);
}

#[test]
fn a_failing_healthcheck_is_collected_with_its_probe_output() {
    let Some(mut lab) = lab("health") else { return };
    let image = lab.import("svc", RootFs::busybox(), &[]);
    lab.run("svc", unhealthy_service(&image));
    lab.wait_unhealthy("svc");

    let collected = lab.collect(16 << 20);
    let svc = collected.evidence.container(&lab.name("svc")).unwrap();
    assert_eq!(svc.health_status(), Some("unhealthy"));
    assert!(svc.is_failing());
    let probe = svc.state.health.as_ref().unwrap().log.last().unwrap();
    assert!(
        probe.output.contains("Connection refused"),
        "{}",
        probe.output
    );
    assert!(
        collected
            .evidence
            .events_of(svc)
            .any(|e| e.action == "health_status" && e.detail == "unhealthy"),
        "the health_status event is collected"
    );
    // A running container is not examined: its entrypoint works.
    assert!(collected.evidence.forensics_of(svc).is_none());
    let analysis = analyze::analyze(&collected.evidence);
    // The probe cannot connect (nothing listens on 8080): the healthcheck
    // fails (the cause) and the container is unhealthy (the symptom).
    let kinds: Vec<&str> = analysis
        .root_causes
        .iter()
        .map(|c| &c.finding)
        .chain(analysis.symptoms.iter().map(|s| &s.finding))
        .filter(|f| f.service == svc.name)
        .map(|f| f.kind)
        .collect();
    assert!(kinds == ["healthcheck-failing", "unhealthy"], "{kinds:?}");
}

#[test]
fn an_oom_kill_is_collected_and_diagnosed() {
    let Some(mut lab) = lab("oom") else { return };
    let info = lab.block_on(lab.docker.info()).unwrap();
    if info.memory_limit == Some(false) {
        eprintln!(
            "skipping: this kernel does not support memory limits (docker info: MemoryLimit false)"
        );
        return;
    }
    let image = lab.import("hog", RootFs::busybox(), &[]);
    // The engine sets State.OOMKilled when containerd's OOM event arrives,
    // which can come after the exit was already recorded: then the flag stays
    // false for that run. Try a few containers; one must show the full picture.
    let mut killed = None;
    for attempt in ["hog", "hog2", "hog3"] {
        lab.run(attempt, memory_hog(&image));
        let state = lab.wait_exited(attempt).state.unwrap();
        assert_eq!(state.exit_code, Some(137), "{attempt} was not killed");
        if state.oom_killed == Some(true) {
            killed = Some(attempt);
            break;
        }
        eprintln!("{attempt}: exit 137 recorded before the OOM event; trying again");
    }
    let killed = killed.expect("no attempt recorded State.OOMKilled");

    let collected = lab.collect(16 << 20);
    let hog = collected.evidence.container(&lab.name(killed)).unwrap();
    assert!(collected.evidence.events_of(hog).any(|e| e.action == "oom"));
    // Killed by a signal: the entrypoint ran, so it is not examined.
    assert!(collected.evidence.forensics_of(hog).is_none());
    let analysis = analyze::analyze(&collected.evidence);
    assert!(
        analysis
            .root_causes
            .iter()
            .any(|c| c.finding.kind == "oom-killed" && c.finding.service == hog.name),
        "{:#?}",
        analysis.root_causes
    );
}

#[test]
fn a_log_over_the_cap_keeps_its_newest_lines_and_says_so() {
    let Some(mut lab) = lab("logcap") else { return };
    let image = lab.import("chatty", RootFs::busybox(), &[]);
    lab.run("chatty", container(&image, &["seq", "1", "5000"]));
    lab.wait_exited("chatty");

    let collected = lab.collect(4096);
    let name = lab.name("chatty");
    let log = std::fs::read_to_string(
        collected
            .bundle
            .join(format!("docker/containers/{name}.log")),
    )
    .unwrap();
    assert!(log.len() <= 4096, "{} bytes", log.len());
    assert!(log.ends_with(" 5000\n"), "the newest line is kept");
    let first = log.lines().next().unwrap();
    assert!(
        first.starts_with("20") && first.contains("Z "),
        "starts at a whole line: {first}"
    );
    let gap = collected
        .summary
        .not_collected
        .iter()
        .find(|g| g.what == format!("older logs of container {name}"))
        .expect("the truncation is recorded");
    assert!(gap.why.contains("--max-log-bytes"), "{}", gap.why);
    assert!(
        collected.evidence.inventory.gaps.contains(gap),
        "the gap reaches the report"
    );
}
