//! Measures live collection on this machine's Docker engine and prints the
//! figures; it asserts nothing about time.
//!
//! 1. Small busybox containers (20, or the first argument) that log 300
//!    lines each and exit:
//!    coroner's collector (inspect, logs, images, events, listeners,
//!    forensics) against a docker CLI loop doing only `docker inspect` and
//!    `docker logs --timestamps` for each, one after the other as a shell
//!    script does.
//! 2. One container with a 64 MiB log collected under the default 16 MiB
//!    cap: the peak resident memory of this process, which shows that logs
//!    stream to disk.
//!
//! Run: `cargo run --release --example collect_bench [CONTAINERS [RUNS]]` (needs Docker and
//! busybox-static). Everything it creates carries a `coroner.test` label and
//! is removed at the end.

#[path = "../tests/live_support/mod.rs"]
mod live_support;

use std::process::Command;
use std::time::{Duration, Instant};

use coroner::collect::docker::{collect_bundle, Endpoint, Progress, Request};
use live_support::{container, lab, Lab, RootFs};

const LINES: usize = 300;

fn main() {
    let mut args = std::env::args()
        .skip(1)
        .map(|a| a.parse::<usize>().expect("a number"));
    let containers = args.next().unwrap_or(20);
    let runs = args.next().unwrap_or(5);
    let Some(mut lab) = lab("bench") else {
        std::process::exit(1);
    };
    let image = lab.import("img", RootFs::busybox(), &[]);
    let script = format!(
        "i=0; while [ $i -lt {LINES} ]; do echo \"GET /api/items/$i 200 12ms user=42 trace=abcdef0123456789\"; i=$((i+1)); done"
    );
    let names: Vec<String> = (0..containers).map(|i| format!("c{i:03}")).collect();
    for name in &names {
        lab.run(name, container(&image, &["sh", "-c", &script]));
    }
    for name in &names {
        lab.wait_exited(name);
    }

    println!("collection of {containers} containers x {LINES} log lines, {runs} runs each (after one warm-up)");
    let coroner = measure(runs, || collect(&lab, Request::DEFAULT_MAX_LOG_BYTES));
    let cli = measure(runs, || docker_cli_loop(&lab, &names));
    report("coroner (Docker Engine API, 8 at a time)", &coroner);
    report("docker CLI loop (inspect + logs)", &cli);
    println!(
        "ratio (median): docker CLI loop / coroner = {:.1}",
        median(&cli).as_secs_f64() / median(&coroner).as_secs_f64()
    );

    let big = container(
        &image,
        &[
            "sh",
            "-c",
            "yes 'GET /api/items 200 12ms user=42 trace=abcdef0123456789 padding-padding' | head -c 67108864",
        ],
    );
    lab.run("big", big);
    lab.wait_for("big", Duration::from_secs(300), "exited", |i| {
        i.state.as_ref().and_then(|s| s.running) == Some(false)
    });
    let before = peak_rss_kib();
    let started = Instant::now();
    let log_bytes = collect(&lab, Request::DEFAULT_MAX_LOG_BYTES);
    println!(
        "\none container that wrote 64 MiB of log, default cap 16 MiB: collected in {:.2}s, kept {} MiB; peak RSS of this process {} MiB before, {} MiB after",
        started.elapsed().as_secs_f64(),
        log_bytes >> 20,
        before / 1024,
        peak_rss_kib() / 1024
    );
}

/// Runs the collector over the lab's project; returns the bytes of logs kept.
fn collect(lab: &Lab, max_log_bytes: u64) -> u64 {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("bundle");
    let summary = collect_bundle(
        &Endpoint::from_env(),
        &lab.request(max_log_bytes),
        &target,
        &mut Progress::silent(),
    )
    .expect("collection");
    assert!(summary.engine_error.is_none());
    std::fs::read_dir(target.join("docker/containers"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "log"))
        .map(|p| p.metadata().unwrap().len())
        .sum()
}

/// What a shell script using the docker CLI does for the same containers.
fn docker_cli_loop(lab: &Lab, names: &[String]) -> u64 {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = 0;
    for name in names {
        let full = lab.name(name);
        let inspect = Command::new("docker")
            .args(["inspect", &full])
            .output()
            .unwrap();
        assert!(inspect.status.success());
        std::fs::write(dir.path().join(format!("{full}.json")), &inspect.stdout).unwrap();
        let logs = Command::new("docker")
            .args(["logs", "--timestamps", &full])
            .output()
            .unwrap();
        assert!(logs.status.success());
        let mut all = logs.stdout;
        all.extend_from_slice(&logs.stderr);
        bytes += all.len() as u64;
        std::fs::write(dir.path().join(format!("{full}.log")), &all).unwrap();
    }
    bytes
}

fn measure(runs: usize, mut run: impl FnMut() -> u64) -> Vec<Duration> {
    run();
    (0..runs)
        .map(|_| {
            let started = Instant::now();
            run();
            started.elapsed()
        })
        .collect()
}

fn median(times: &[Duration]) -> Duration {
    let mut sorted = times.to_vec();
    sorted.sort();
    sorted[sorted.len() / 2]
}

fn report(what: &str, times: &[Duration]) {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{what:<45} median {:>8.1} ms   min {:>8.1} ms   max {:>8.1} ms",
        ms(median(times)),
        ms(*times.iter().min().unwrap()),
        ms(*times.iter().max().unwrap())
    );
}

/// `VmHWM` of this process: its peak resident set, in KiB.
fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}
