//! Probes a real nginx reverse proxy while its upstream answers, then after
//! the upstream is gone: the probes see real 200s and then real 502s, and
//! nginx's own error log says why. Also classifies a refused connection, a
//! timeout and a TLS handshake against a plain-HTTP server, all on loopback.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use coroner::analyze;
use coroner::collect::bundle;
use coroner::collect::probe::{self, ProbeOptions};
use coroner::evidence::monitoring::ErrorClass;
use coroner::evidence::{AssumedZone, LogKind, Window};

const NGINX: &str = "/usr/sbin/nginx";

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

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free loopback port")
        .port()
}

fn options() -> ProbeOptions {
    ProbeOptions {
        tries: 3,
        timeout: Duration::from_secs(3),
        backoff: Duration::from_millis(20),
    }
}

/// A tiny HTTP server answering 200 to every request, until stopped.
struct Upstream {
    port: u16,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Upstream {
    fn start() -> Upstream {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let stop = Arc::new(AtomicBool::new(false));
        let stopping = stop.clone();
        let thread = std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stopping.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(mut stream) = stream else { continue };
                let mut request = [0u8; 4096];
                let _ = stream.read(&mut request);
                let _ = stream.write_all(
                    b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\nConnection: close\r\n\r\nok\n",
                );
            }
        });
        Upstream {
            port,
            stop,
            thread: Some(thread),
        }
    }

    /// Stops accepting and closes the listening socket.
    fn stop(&mut self) {
        if let Some(thread) = self.thread.take() {
            self.stop.store(true, Ordering::SeqCst);
            // Wake the accept loop so it sees the flag and drops the listener.
            let _ = TcpStream::connect(("127.0.0.1", self.port));
            thread.join().unwrap();
        }
    }
}

impl Drop for Upstream {
    fn drop(&mut self) {
        self.stop();
    }
}

/// nginx in the foreground as one process, killed by its PID when dropped.
struct Nginx {
    child: Child,
    dir: tempfile::TempDir,
    port: u16,
}

impl Nginx {
    fn start(upstream_port: u16) -> Nginx {
        let dir = tempfile::tempdir().unwrap();
        let port = free_port();
        let d = dir.path().display();
        let config = format!(
            "daemon off;\nmaster_process off;\nworker_processes 1;\npid {d}/nginx.pid;\nerror_log {d}/error.log;\n\
             events {{ worker_connections 64; }}\n\
             http {{\n  access_log {d}/access.log combined;\n  client_body_temp_path {d}/client_body;\n  proxy_temp_path {d}/proxy;\n  fastcgi_temp_path {d}/fastcgi;\n  uwsgi_temp_path {d}/uwsgi;\n  scgi_temp_path {d}/scgi;\n\
             \x20 server {{\n    listen 127.0.0.1:{port};\n    location / {{\n      proxy_pass http://127.0.0.1:{upstream_port};\n      proxy_connect_timeout 2s;\n    }}\n  }}\n}}\n"
        );
        std::fs::write(dir.path().join("nginx.conf"), config).unwrap();
        let child = Command::new(NGINX)
            .arg("-p")
            .arg(dir.path())
            .arg("-e")
            .arg(dir.path().join("error.log"))
            .arg("-c")
            .arg(dir.path().join("nginx.conf"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("nginx starts");
        let mut nginx = Nginx { child, dir, port };
        let deadline = Instant::now() + Duration::from_secs(10);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Ok(Some(status)) = nginx.child.try_wait() {
                panic!(
                    "nginx exited with {status}: {}",
                    std::fs::read_to_string(nginx.error_log()).unwrap_or_default()
                );
            }
            assert!(Instant::now() < deadline, "nginx did not listen on {port}");
            std::thread::sleep(Duration::from_millis(20));
        }
        nginx
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }

    fn error_log(&self) -> PathBuf {
        self.dir.path().join("error.log")
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn a_proxy_answers_200_then_502_once_its_upstream_is_gone() {
    if !require(NGINX) {
        return;
    }
    let mut upstream = Upstream::start();
    let nginx = Nginx::start(upstream.port);

    let healthy = probe::probe(&nginx.url(), &options()).unwrap();
    assert_eq!(healthy.len(), 3);
    for r in &healthy {
        assert!(r.ok, "{r:?}");
        assert_eq!(r.status, Some(200));
        assert_eq!(r.answer, "200 OK");
        assert_eq!(r.class, None);
        assert!(r.latency_ms.is_some_and(|ms| ms > 0.0));
    }
    assert!(healthy.windows(2).all(|w| w[0].time < w[1].time));

    upstream.stop();
    let mut failing = probe::probe(&nginx.url(), &options()).unwrap();
    for r in &failing {
        assert!(!r.ok, "{r:?}");
        assert_eq!(r.status, Some(502));
        assert_eq!(r.answer, "502 Bad Gateway");
        assert_eq!(r.class, Some(ErrorClass::BadGateway));
    }

    // nginx's own words for it (src/http/ngx_http_upstream.c, "connect() failed").
    let error_log = std::fs::read_to_string(nginx.error_log()).unwrap();
    let refused = format!(
        "connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: , request: \"GET / HTTP/1.1\", upstream: \"http://127.0.0.1:{}/\"",
        upstream.port
    );
    assert!(error_log.contains(&refused), "{error_log}");

    // The same evidence as a bundle: the probes saved, the error log beside them.
    let bundle_dir = tempfile::tempdir().unwrap();
    let saved = probe::save(bundle_dir.path(), &mut failing, chrono::Utc::now()).unwrap();
    assert!(saved.starts_with(bundle_dir.path().join("probes")));
    let logs = bundle_dir.path().join("logs/nginx");
    std::fs::create_dir_all(&logs).unwrap();
    std::fs::copy(nginx.error_log(), logs.join("error.log")).unwrap();
    let evidence =
        bundle::load(bundle_dir.path(), AssumedZone::default(), Window::default()).unwrap();
    assert_eq!(evidence.probes.len(), 3);
    assert!(evidence
        .logs
        .iter()
        .any(|l| l.kind == LogKind::NginxError && l.display == "logs/nginx/error.log"));
    let analysis = analyze::analyze(&evidence);
    let now = &analysis.monitoring.probes[0];
    assert_eq!(now.answer, "502 Bad Gateway");
    assert_eq!((now.tries, now.failed_tries), (3, 3));
    let symptom = analysis
        .symptoms
        .iter()
        .find(|s| s.finding.kind == "probe-failing")
        .expect("the failing probe is a symptom");
    assert_eq!(symptom.finding.targets, [nginx.url()]);
    assert_eq!(
        symptom.finding.title.to_string(),
        format!(
            "{} answers 502 Bad Gateway to 3 of 3 probes now",
            nginx.url()
        )
    );
    // nginx's real error-log lines are the proxy's symptom, pointing at the upstream.
    let proxy = analysis
        .symptoms
        .iter()
        .find(|s| s.finding.kind == "upstream-unavailable")
        .expect("nginx's error log is recognised as upstream-unavailable");
    let upstream_address = format!("127.0.0.1:{}", upstream.port);
    assert!(
        proxy
            .finding
            .targets
            .iter()
            .any(|t| t.contains(&upstream_address)),
        "{:?}",
        proxy.finding.targets
    );
    assert!(proxy
        .finding
        .evidence
        .iter()
        .any(|q| q.source == "logs/nginx/error.log" && q.text.contains("Connection refused")));
}

#[test]
fn refused_connections_timeouts_and_tls_mismatches_are_classified() {
    let closed = free_port();
    let refused = probe::probe(&format!("http://127.0.0.1:{closed}/"), &options()).unwrap();
    assert!(refused
        .iter()
        .all(|r| r.class == Some(ErrorClass::ConnectionRefused) && r.status.is_none()));
    assert_eq!(refused[0].answer, "connection refused");

    // Accepts and reads, never answers.
    let silent = TcpListener::bind("127.0.0.1:0").unwrap();
    let silent_port = silent.local_addr().unwrap().port();
    let quick = ProbeOptions {
        tries: 2,
        timeout: Duration::from_millis(300),
        backoff: Duration::from_millis(10),
    };
    let held = std::thread::spawn(move || {
        let mut open = Vec::new();
        for _ in 0..2 {
            if let Ok((stream, _)) = silent.accept() {
                open.push(stream);
            }
        }
        std::thread::sleep(Duration::from_millis(800));
    });
    let timeouts = probe::probe(&format!("http://127.0.0.1:{silent_port}/"), &quick).unwrap();
    assert!(
        timeouts
            .iter()
            .all(|r| r.class == Some(ErrorClass::Timeout)),
        "{timeouts:?}"
    );
    held.join().unwrap();

    // A TLS client against a plain-HTTP server.
    let mut upstream = Upstream::start();
    let tls = probe::probe(&format!("https://127.0.0.1:{}/", upstream.port), &quick).unwrap();
    upstream.stop();
    assert!(
        tls.iter().all(|r| r.class == Some(ErrorClass::Tls)),
        "{tls:?}"
    );

    assert!(probe::probe("ftp://127.0.0.1/", &quick).is_err());
}
