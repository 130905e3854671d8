//! A real Prometheus, its TSDB backfilled by promtool with a `probe_success`
//! series holding a failure streak, queried through `coroner investigate
//! --prometheus`: the live answer gives the same figures as the saved
//! answer read back offline, and the figures the series was made with.

use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use coroner::collect::prometheus::{self, PrometheusError};
use serde_json::Value;

const PROMETHEUS: &str = "/usr/bin/prometheus";
const PROMTOOL: &str = "/usr/bin/promtool";
const CHECKS: i64 = 120;
const INTERVAL: i64 = 60;
/// Checks 40 to 69 fail.
const STREAK: std::ops::Range<i64> = 40..70;

/// Skips with a reason when a binary is missing; under CI that is a failure.
fn require(binary: &str) -> bool {
    if Path::new(binary).exists() {
        return true;
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "{binary} is missing under CI (.ci/run installs it)"
    );
    eprintln!("skipped: {binary} is not installed");
    false
}

/// Prometheus in the foreground, killed by its PID when dropped.
struct Prometheus {
    child: Child,
    port: u16,
    log: std::path::PathBuf,
}

impl Prometheus {
    fn start(dir: &Path, tsdb: &Path) -> Prometheus {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let config = dir.join("prometheus.yml");
        std::fs::write(
            &config,
            "global:\n  scrape_interval: 1m\nscrape_configs: []\n",
        )
        .unwrap();
        let log = dir.join("prometheus.log");
        let child = Command::new(PROMETHEUS)
            .arg(format!("--config.file={}", config.display()))
            .arg(format!("--storage.tsdb.path={}", tsdb.display()))
            .arg(format!("--web.listen-address=127.0.0.1:{port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .expect("prometheus starts");
        let mut p = Prometheus { child, port, log };
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Ok(Some(status)) = p.child.try_wait() {
                panic!("prometheus exited with {status}: {}", p.log_text());
            }
            if ready(port) {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "prometheus not ready: {}",
                p.log_text()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        p
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Prometheus {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn ready(port: u16) -> bool {
    use std::io::{Read, Write};
    let Ok(mut s) = TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
    let request = "GET /-/ready HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    if s.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut answer = String::new();
    let _ = s.read_to_string(&mut answer);
    answer.starts_with("HTTP/1.1 200")
}

/// The OpenMetrics text promtool backfills from: one `probe_success` check a minute.
fn openmetrics(start: i64) -> String {
    let mut text = String::from(
        "# HELP probe_success Whether the probe succeeded.\n# TYPE probe_success gauge\n",
    );
    for i in 0..CHECKS {
        let value = u8::from(!STREAK.contains(&i));
        text.push_str(&format!(
            "probe_success{{instance=\"http://127.0.0.1:18080/\",job=\"blackbox\"}} {value} {}\n",
            start + i * INTERVAL
        ));
    }
    text.push_str("# EOF\n");
    text
}

fn investigate(bundle: &Path, extra: &[String]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_coroner"))
        .arg("investigate")
        .arg("--bundle")
        .arg(bundle)
        .args(["--format", "json", "--output", "-"])
        .args(extra)
        .output()
        .expect("coroner runs");
    assert_eq!(
        out.status.code(),
        Some(1),
        "a failure streak is a problem found: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("a JSON report")
}

fn iso(t: i64) -> String {
    DateTime::<Utc>::from_timestamp(t, 0)
        .unwrap()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

#[test]
fn live_and_saved_prometheus_answers_give_the_same_figures() {
    if !require(PROMETHEUS) || !require(PROMTOOL) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    // Backfilled blocks must be older than the head: end three hours ago.
    let end = (Utc::now().timestamp() - 3 * 3600) / INTERVAL * INTERVAL;
    let start = end - (CHECKS - 1) * INTERVAL;
    let source = dir.path().join("history.om");
    std::fs::write(&source, openmetrics(start)).unwrap();
    let tsdb = dir.path().join("tsdb");
    let backfill = Command::new(PROMTOOL)
        .args(["tsdb", "create-blocks-from", "openmetrics"])
        .arg(&source)
        .arg(&tsdb)
        .output()
        .unwrap();
    assert!(
        backfill.status.success(),
        "promtool: {}",
        String::from_utf8_lossy(&backfill.stderr)
    );
    let server = Prometheus::start(dir.path(), &tsdb);

    let bundle = dir.path().join("bundle");
    std::fs::create_dir(&bundle).unwrap();
    let window = [
        "--since".to_string(),
        iso(start),
        "--until".to_string(),
        iso(end),
    ];
    let mut live_args = window.to_vec();
    live_args.extend([
        "--prometheus".to_string(),
        server.url(),
        "--prometheus-query".to_string(),
        "probe_success".to_string(),
        "--prometheus-step".to_string(),
        format!("{INTERVAL}s"),
    ]);
    let live = investigate(&bundle, &live_args);

    // A query Prometheus rejects is named with its error type.
    let t = |s| DateTime::<Utc>::from_timestamp(s, 0).unwrap();
    let err = prometheus::fetch(
        &server.url(),
        "probe_success{",
        t(start),
        t(end),
        Duration::from_secs(60),
    )
    .unwrap_err();
    assert!(
        matches!(&err, PrometheusError::Query { error_type, .. } if error_type == "bad_data"),
        "{err}"
    );
    drop(server);

    let saved = bundle.join("monitoring/prometheus-probe-success.json");
    assert!(saved.exists(), "the answer is saved in the bundle");
    let offline = investigate(&bundle, &window);

    let live_sources = &live["monitoring"]["sources"];
    assert_eq!(live_sources, &offline["monitoring"]["sources"]);
    let figures = &live_sources[0];
    assert_eq!(figures["target"], "http://127.0.0.1:18080/");
    assert_eq!(figures["format"], "prometheus");
    assert_eq!(figures["samples"], CHECKS);
    assert_eq!(figures["failures"], STREAK.end - STREAK.start);
    assert_eq!(figures["availability_percent"], 75.0);
    let streak = &figures["longest_streak"];
    assert_eq!(streak["length"], STREAK.end - STREAK.start);
    assert_eq!(
        streak["start"]["time"],
        iso(start + STREAK.start * INTERVAL)
    );
    assert_eq!(
        streak["end"]["time"],
        iso(start + (STREAK.end - 1) * INTERVAL)
    );
    assert_eq!(streak["recovered_at"], iso(start + STREAK.end * INTERVAL));
    let symptom = live["symptoms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["kind"] == "monitoring-failures")
        .expect("the streak is a symptom");
    assert_eq!(
        symptom["title"],
        "prometheus-probe-success: 30 consecutive failures, 75.0 % availability vs 95 % target"
    );
    assert_eq!(symptom["targets"][0], "http://127.0.0.1:18080/");
}
