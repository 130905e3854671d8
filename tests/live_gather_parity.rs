//! The live collector writes the same evidence as `scripts/gather-bundle.sh`,
//! the docker-CLI collector the fixture bundles were captured with: on the
//! same real containers, both bundles load into the same containers, logs,
//! images, events and host listener, and give the same analysis.

mod live_support;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use coroner::analyze;
use coroner::collect::bundle;
use coroner::evidence::{AssumedZone, Container, Evidence, Window};
use live_support::{container, lab, unhealthy_service, RootFs, TEST_LABEL};

/// What must agree between the two collectors, per container.
fn facts(c: &Container) -> String {
    format!(
        "{} image={} id={} status={} running={} exit={} error={:?} oom={} health={:?} restarts={} entrypoint={:?} cmd={:?} env={:?} labels={:?} ports={:?} memory={}",
        c.name,
        c.image,
        c.image_id,
        c.state.status,
        c.state.running,
        c.state.exit_code,
        c.state.error,
        c.state.oom_killed,
        c.health_status(),
        c.restart_count,
        c.entrypoint,
        c.cmd,
        c.env,
        c.labels,
        c.ports,
        c.memory_limit
    )
}

fn log_bytes(evidence: &Evidence, container: &str) -> Vec<u8> {
    evidence
        .logs_of(container)
        .next()
        .map(|l| std::fs::read(&l.path).unwrap())
        .unwrap_or_default()
}

#[test]
fn live_collection_matches_gather_bundle_on_the_same_containers() {
    let Some(mut lab) = lab("parity") else { return };
    if Command::new("docker").arg("version").output().is_err() {
        assert_ne!(
            std::env::var("CI").as_deref(),
            Ok("true"),
            "the docker CLI is needed under CI"
        );
        eprintln!("skipping: scripts/gather-bundle.sh needs the docker CLI");
        return;
    }
    let holder = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = holder.local_addr().unwrap().port();
    let mut fs = RootFs::busybox();
    fs.file(
        "docker_entrypoint.sh",
        b"#!/bin/sh\r\nexec sleep 1\r\n",
        0o755,
    );
    let image = lab.import("img", fs, &[]);
    let mut crlf = container(&image, &[]);
    crlf.entrypoint = Some(vec!["/docker_entrypoint.sh".into()]);
    lab.run("crlf", crlf);
    lab.run(
        "chatty",
        container(&image, &["sh", "-c", "seq 1 200; echo done >&2; exit 3"]),
    );
    lab.run("svc", unhealthy_service(&image));
    lab.wait_exited("crlf");
    lab.wait_exited("chatty");
    lab.wait_unhealthy("svc");

    let dir = tempfile::tempdir().unwrap();
    let gathered_dir = dir.path().join("gathered");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/gather-bundle.sh");
    let out = Command::new("bash")
        .arg(&script)
        .arg(&gathered_dir)
        .args([
            "--since",
            "1h",
            "--filter",
            &format!("label={TEST_LABEL}={}", lab.id),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let live = lab.collect(16 << 20);
    let gathered = bundle::load(&gathered_dir, AssumedZone::default(), Window::default()).unwrap();
    drop(holder);

    let names = |ev: &Evidence| ev.containers.iter().map(facts).collect::<Vec<_>>();
    assert_eq!(names(&live.evidence), names(&gathered));
    assert_eq!(live.evidence.containers.len(), 3);
    for c in &gathered.containers {
        if c.state.running {
            continue; // still probing, its log may grow between the two
        }
        assert_eq!(
            log_bytes(&live.evidence, &c.name),
            log_bytes(&gathered, &c.name),
            "log of {}",
            c.name
        );
    }
    let image_ids = |ev: &Evidence| ev.images.iter().map(|i| i.id.clone()).collect::<Vec<_>>();
    assert_eq!(image_ids(&live.evidence), image_ids(&gathered));

    // Events up to the earlier collection: the healthcheck keeps adding more.
    let cutoff = gathered.events.iter().map(|e| e.time).max().unwrap();
    let events = |ev: &Evidence| -> BTreeSet<(String, String, String, String)> {
        ev.events
            .iter()
            .filter(|e| e.time <= cutoff)
            .map(|e| {
                (
                    e.time.to_rfc3339(),
                    e.kind.clone(),
                    e.action.clone(),
                    e.actor_id.clone(),
                )
            })
            .collect()
    };
    assert!(
        events(&gathered).len() >= 9,
        "create, start, die... of three containers"
    );
    assert_eq!(events(&live.evidence), events(&gathered));

    let ours = |ev: &Evidence| {
        ev.listeners
            .iter()
            .find(|l| l.port == port)
            .map(|l| (l.address.clone(), l.holder()))
    };
    if Command::new("ss").arg("-V").output().is_ok() {
        assert_eq!(ours(&live.evidence), ours(&gathered));
        assert!(ours(&live.evidence)
            .is_some_and(|(_, holder)| holder.contains(&format!("(pid {})", std::process::id()))));
    } else {
        eprintln!("listeners not compared: ss (iproute2) is not installed");
    }

    let key = |ev: &Evidence| {
        let a = analyze::analyze(ev);
        let mut causes: Vec<(String, String)> = a
            .root_causes
            .iter()
            .map(|c| (c.finding.kind.to_string(), c.finding.service.clone()))
            .collect();
        let mut symptoms: Vec<(String, String)> = a
            .symptoms
            .iter()
            .map(|s| (s.finding.kind.to_string(), s.finding.service.clone()))
            .collect();
        causes.sort();
        symptoms.sort();
        (
            format!("{:?}", a.verdict),
            causes,
            symptoms,
            serde_json::to_string(&a.services).unwrap(),
        )
    };
    assert_eq!(key(&live.evidence), key(&gathered));
}
