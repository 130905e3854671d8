//! Facts several infrastructure detectors need: which engine events belong
//! to a container as it exists now, which ports its environment sets, and
//! how to re-apply its configuration.
//!
//! It only reads the evidence; it reports no findings and ranks nothing.

use crate::evidence::{Container, Event, Evidence};

/// The events of `c` itself: a container that was removed and re-created
/// under the same name (a deploy) has a new id, and the old one's events
/// are not this one's.
pub fn own_events<'a>(evidence: &'a Evidence, c: &'a Container) -> impl Iterator<Item = &'a Event> {
    evidence
        .events_of(c)
        .filter(move |e| c.id.is_empty() || e.actor_id.is_empty() || e.actor_id == c.id)
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

#[cfg(test)]
mod tests {
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
}
