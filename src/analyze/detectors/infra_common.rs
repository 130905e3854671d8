//! Facts the infrastructure detectors share: what an exit code means, which
//! engine events belong to a container as it exists now, how to name a
//! listening socket's line, and how to re-apply a container's configuration.
//!
//! It only reads the evidence; it reports no findings and ranks nothing.

use crate::analyze::detector::Quote;
use crate::evidence::{Container, Event, Evidence, Listener};

/// Whether `host` is the loopback interface of whoever connects to it.
pub fn is_loopback(host: &str) -> bool {
    host == "localhost" || host == "::1" || host.starts_with("127.")
}

/// The events of `c` itself: a container that was removed and re-created
/// under the same name (a deploy) has a new id, and the old one's events
/// are not this one's.
pub fn own_events<'a>(evidence: &'a Evidence, c: &'a Container) -> impl Iterator<Item = &'a Event> {
    evidence
        .events_of(c)
        .filter(move |e| c.id.is_empty() || e.actor_id.is_empty() || e.actor_id == c.id)
}

/// What a process exit code says, after Docker's conventions (failure
/// signatures §1.6: 125–128 are the engine's own, 128+n is death by signal n).
pub fn exit_code_meaning(code: i64) -> String {
    let text = match code {
        0 => "exited normally",
        1 => "application error: the program reported a failure and exited",
        2 => "usage error: the program or its shell rejected an option or argument",
        125 => "the engine refused to run the container",
        126 => "the command cannot be executed (not executable, or a directory)",
        127 => "command not found: a missing executable, interpreter or shared library",
        128 => "the container could not be started (see State.Error)",
        130 => "interrupted (SIGINT)",
        132 => "illegal instruction (SIGILL): the binary needs a CPU feature this host lacks",
        134 => "aborted (SIGABRT): an assertion or a fatal runtime error",
        137 => "killed (SIGKILL)",
        139 => "segmentation fault (SIGSEGV): the process crashed in native code, which writes nothing to the log",
        143 => "terminated (SIGTERM): stopped on request",
        255 => "exit status -1: the runtime could not execute the command after start, or the program exited with -1",
        129..=192 => return format!("killed by signal {}", code - 128),
        _ => return format!("application-specific exit code {code}"),
    };
    text.to_string()
}

/// Death by a signal that itself explains the crash, as opposed to a plain
/// error exit that only says the program gave up.
pub fn is_crash_signal(code: i64) -> bool {
    matches!(code, 132 | 134 | 139)
}

/// The meaning of exit code 137 for `c`, which differs by who sent SIGKILL.
pub fn sigkill_reason(evidence: &Evidence, c: &Container) -> &'static str {
    let events: Vec<&Event> = own_events(evidence, c).collect();
    if c.state.oom_killed || events.iter().any(|e| e.action == "oom") {
        "killed by the kernel for exceeding its memory limit (OOM)"
    } else if events
        .iter()
        .any(|e| e.action == "kill" && e.attributes.get("signal").map(String::as_str) == Some("15"))
    {
        "killed with SIGKILL after it did not stop on SIGTERM in time (docker stop timeout)"
    } else if events.iter().any(|e| e.action == "kill") {
        "killed with SIGKILL by docker kill"
    } else {
        "killed with SIGKILL, not by the OOM killer (another process or a stop timeout)"
    }
}

/// The full meaning of `code` for `c`.
pub fn describe_exit(evidence: &Evidence, c: &Container, code: i64) -> String {
    if code == 137 {
        sigkill_reason(evidence, c).to_string()
    } else {
        exit_code_meaning(code)
    }
}

/// The line of `host/listeners.txt` a listener came from, quoted verbatim.
pub fn quote_listener(evidence: &Evidence, l: &Listener) -> Quote {
    let verbatim = std::fs::read_to_string(evidence.root.join(&l.source))
        .ok()
        .and_then(|text| {
            text.lines()
                .nth(l.line.saturating_sub(1) as usize)
                .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        });
    Quote {
        source: l.source.clone(),
        line: Some(l.line),
        timestamp: None,
        text: verbatim.unwrap_or_else(|| format!("LISTEN {}:{} {}", l.address, l.port, l.holder())),
        count: 1,
    }
}

/// The command that re-creates `c` from its edited compose file, when
/// compose made it. Containers made with `docker run` have no such record.
pub fn compose_up(c: &Container) -> Option<String> {
    let label = |k: &str| c.labels.get(k).filter(|v| !v.is_empty());
    let service = label("com.docker.compose.service")?;
    Some(
        match (
            label("com.docker.compose.project.working_dir"),
            label("com.docker.compose.project"),
        ) {
            (Some(dir), _) => format!("cd {dir} && docker compose up -d {service}"),
            (None, Some(project)) => format!("docker compose -p {project} up -d {service}"),
            (None, None) => format!("docker compose up -d {service}"),
        },
    )
}

/// The networks two containers share; `None` when either has none recorded.
pub fn shared_networks<'a>(a: &'a Container, b: &Container) -> Option<Vec<&'a str>> {
    if a.networks.is_empty() || b.networks.is_empty() {
        return None;
    }
    Some(
        a.networks
            .iter()
            .filter(|n| b.networks.iter().any(|m| m.network == n.network))
            .map(|n| n.network.as_str())
            .collect(),
    )
}

/// Ports a container is set to listen on through its environment
/// (`PORT=8080`, `DB_PORT=5433`), with the entry that says so.
pub fn configured_ports(c: &Container) -> Vec<(&str, u16)> {
    c.env
        .iter()
        .filter_map(|entry| {
            let (name, value) = entry.split_once('=')?;
            let is_port = name == "PORT" || name.ends_with("_PORT");
            let port = value.trim().parse().ok().filter(|_| is_port)?;
            Some((entry.as_str(), port))
        })
        .collect()
}

/// Seconds, minutes or hours, whichever reads best.
pub fn human_span(seconds: i64) -> String {
    match seconds {
        s if s < 120 => format!("{s} s"),
        s if s < 2 * 3600 => format!("{} min", s / 60),
        s if s < 2 * 86400 => format!("{} h", s / 3600),
        s => format!("{} days", s / 86400),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_name_their_cause() {
        assert!(exit_code_meaning(139).contains("segmentation fault"));
        assert!(exit_code_meaning(127).contains("command not found"));
        assert!(exit_code_meaning(143).contains("SIGTERM"));
        assert_eq!(exit_code_meaning(131), "killed by signal 3");
        assert_eq!(exit_code_meaning(3), "application-specific exit code 3");
        assert!(is_crash_signal(139) && !is_crash_signal(1));
    }

    #[test]
    fn loopback_covers_every_local_spelling() {
        assert!(is_loopback("localhost") && is_loopback("127.0.0.1") && is_loopback("::1"));
        assert!(!is_loopback("db") && !is_loopback("172.18.0.2"));
    }

    /// Prints how fast one scan reads a large proxy log with every detector,
    /// with the infrastructure detectors alone, and with no signature at all
    /// (the cost of reading). Run: `cargo test --release scan_throughput --
    /// --ignored --nocapture`.
    #[test]
    #[ignore = "benchmark: prints figures"]
    fn scan_throughput_with_the_infrastructure_signatures() {
        use std::io::Write;
        use std::time::Instant;

        use crate::analyze::detector::{Context, Detector};
        use crate::analyze::{detectors, scan};
        use crate::collect::bundle;
        use crate::evidence::{AssumedZone, Window};

        const SIZE: usize = 256 << 20;
        let dir = tempfile::tempdir().unwrap();
        let logs = dir.path().join("docker/containers");
        std::fs::create_dir_all(&logs).unwrap();
        let mut out =
            std::io::BufWriter::new(std::fs::File::create(logs.join("proxy.log")).unwrap());
        let (mut written, mut i) = (0usize, 0u64);
        while written < SIZE {
            let line = match i % 1000 {
                // 1 in 50 requests fails, 1 in 200 with an upstream error, 1 in 1000 refused elsewhere.
                n if n % 200 == 3 => format!("2026-11-27T18:31:23.{i:09}Z 2026/11/27 18:31:23 [error] 7#7: *{i} connect() failed (111: Connection refused) while connecting to upstream, client: 172.18.0.1, server: _, request: \"GET /api/items/{i} HTTP/1.1\", upstream: \"http://172.18.0.5:8000/api/items/{i}\", host: \"shop\"\n"),
                n if n % 50 == 1 => format!("2026-11-27T18:31:23.{i:09}Z 172.18.0.1 - - [27/Nov/2026:18:31:23 +0000] \"GET /api/items/{i} HTTP/1.1\" 502 157 \"-\" \"curl/8.5.0\"\n"),
                999 => format!("2026-11-27T18:31:23.{i:09}Z ConnectionRefusedError: [Errno 111] Connection refused\n"),
                _ => format!("2026-11-27T18:31:23.{i:09}Z 172.18.0.1 - - [27/Nov/2026:18:31:23 +0000] \"GET /api/items/{i} HTTP/1.1\" 200 512 \"-\" \"curl/8.5.0\"\n"),
            };
            out.write_all(line.as_bytes()).unwrap();
            written += line.len();
            i += 1;
        }
        out.flush().unwrap();
        let evidence = bundle::load(dir.path(), AssumedZone::default(), Window::default()).unwrap();
        let all = detectors::all();
        let infra: Vec<&dyn Detector> = all
            .iter()
            .copied()
            .filter(|d| {
                [
                    "crash-loop",
                    "port-conflict",
                    "healthcheck-failing",
                    "unhealthy",
                    "upstream-unavailable",
                    "dependency-unreachable",
                ]
                .contains(&d.id())
            })
            .collect();
        let mb = written as f64 / (1 << 20) as f64;
        println!("log: {mb:.0} MiB, {i} lines");
        // Other work shares the machine: the best of three runs is the figure.
        for (label, set) in [
            ("all detectors", all.clone()),
            ("infrastructure detectors", infra),
            ("no signature", Vec::new()),
        ] {
            let mut best: Option<(std::time::Duration, std::time::Duration)> = None;
            let mut counts = (0, 0);
            for _ in 0..3 {
                let start = Instant::now();
                let mut problems = Vec::new();
                let hits = scan::scan(&evidence, &set, &mut problems);
                let scanned = start.elapsed();
                let start = Instant::now();
                let cx = Context {
                    evidence: &evidence,
                    hits: &hits,
                };
                let findings: Vec<_> = set.iter().flat_map(|d| d.detect(&cx)).collect();
                let detected = start.elapsed();
                assert!(problems.is_empty(), "{problems:?}");
                counts = (hits.buckets.len(), findings.len());
                best = Some(best.map_or((scanned, detected), |(s, d)| {
                    (s.min(scanned), d.min(detected))
                }));
            }
            let (scanned, detected) = best.expect("three runs");
            println!(
                "{label:>26}: scan {:>6.0} ms ({:>5.0} MiB/s), detect {:>4.1} ms, {} buckets, {} findings",
                scanned.as_secs_f64() * 1000.0,
                mb / scanned.as_secs_f64(),
                detected.as_secs_f64() * 1000.0,
                counts.0,
                counts.1
            );
        }
    }

    #[test]
    fn spans_read_naturally() {
        assert_eq!(human_span(30), "30 s");
        assert_eq!(human_span(600), "10 min");
        assert_eq!(human_span(3 * 86400), "3 days");
    }
}
