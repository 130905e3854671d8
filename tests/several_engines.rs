//! One investigation of two real engines: engine b (a second engine in a
//! network namespace of its own, linked to the host) runs an `api` that
//! crash-loops, published on b's own address; engine a (the shared engine)
//! runs a real nginx proxying to that address, which answers real clients
//! 502. `coroner investigate --host a=… --host b=…` collects both at once
//! into one bundle and gives one report: one chronology naming each entry's
//! engine, and one causal chain from b's crash loop to a's 502s.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

#[path = "support/engine.rs"]
mod engine;
use engine::SecondEngine;

const DEFAULT_HOST: &str = "unix:///var/run/docker.sock";

fn docker(args: &[&str]) -> Output {
    Command::new("docker")
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run docker")
}

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// What the test put on the shared engine, removed by name when dropped.
struct Shared {
    container: String,
    image: String,
}

impl Drop for Shared {
    fn drop(&mut self) {
        let _ = docker(&["rm", "-f", &self.container]);
        let _ = docker(&["rmi", "-f", &self.image]);
    }
}

/// The nginx image of the fixtures (`fx_base nginx` in fixtures/lib.sh:
/// busybox, dash and the host's nginx with its libraries), proxying every
/// request to `upstream`.
fn import_nginx(tag: &str, upstream: &str, label: &str) {
    let work = tempfile::tempdir().unwrap();
    let lib = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/lib.sh");
    let script = format!(
        r#"set -eu
. "{lib}"
FX_TMP="{tmp}"
fx_base nginx
cat > "$FX_BASE_DIR/etc/nginx/conf.d/default.conf" <<'NGX'
server {{
    listen 80;
    location / {{
        proxy_pass http://{upstream};
    }}
}}
NGX
tar --numeric-owner -C "$FX_BASE_DIR" -cf - . | docker import -c 'LABEL {label}' \
    -c 'CMD ["nginx", "-g", "daemon off;"]' - "{tag}" >/dev/null"#,
        lib = lib.display(),
        tmp = work.path().display(),
    );
    let status = Command::new("bash")
        .arg("-c")
        .arg(script)
        .stdin(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "building the nginx image");
}

/// One GET through the proxy: the status code nginx answered, or `None`
/// when nothing answered (the proxy's container is still starting).
fn try_get(url: &str) -> Option<String> {
    let out = Command::new("curl")
        .args([
            "-s",
            "-o",
            "/dev/null",
            "-w",
            "%{http_code}",
            "--max-time",
            "10",
            url,
        ])
        .output()
        .unwrap();
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// One GET through a proxy that is up: the status code it answered.
fn get(url: &str) -> String {
    try_get(url).unwrap_or_else(|| panic!("nothing answered at {url}"))
}

fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !done() {
        assert!(Instant::now() < deadline, "waited 60 s for {what}");
        std::thread::sleep(Duration::from_millis(300));
    }
}

#[test]
fn a_crash_loop_on_one_engine_explains_the_502s_of_a_proxy_on_another() {
    if !Path::new("/usr/sbin/nginx").exists() || !Path::new("/bin/busybox").exists() {
        eprintln!("skipped: nginx and busybox are needed (fixtures/lib.sh installs them)");
        return;
    }
    let Some(mut b) = SecondEngine::start("several") else {
        return;
    };
    let subnet = (40 + std::process::id() % 200) as u8;
    let b_ip = b.link_to_host(subnet);
    let project = format!("coroner-several-{}", std::process::id());
    let compose = format!("com.docker.compose.project={project}");

    // Engine b: an api that dies at once, restarted forever.
    b.import_busybox("coroner-several/busybox:1");
    ok(b.docker(&[
        "run", "-d", "--name", "api", "--label", &compose, "--restart", "always",
        "-p", &format!("{b_ip}:18090:8000"), "coroner-several/busybox:1", "/bin/sh", "-c",
        "echo 'api: fatal: cannot read /etc/api/config.yaml: No such file or directory' >&2; exit 1",
    ]));

    // Engine a: nginx proxying to the address b publishes the api at.
    let shared = Shared {
        container: format!("{project}-proxy"),
        image: format!("coroner-several/proxy:{}", std::process::id()),
    };
    import_nginx(&shared.image, &format!("{b_ip}:18090"), &compose);
    let port = 18_000 + (std::process::id() % 900) as u16;
    ok(docker(&[
        "run",
        "-d",
        "--name",
        &shared.container,
        "--label",
        &compose,
        "-p",
        &format!("127.0.0.1:{port}:80"),
        &shared.image,
    ]));
    let url = format!("http://127.0.0.1:{port}/");
    wait_until("the proxy to answer 502", || {
        try_get(&url).as_deref() == Some("502")
    });
    for _ in 0..5 {
        assert_eq!(get(&url), "502");
    }
    wait_until("the api to restart three times", || {
        let out = b.docker(&["inspect", "--format", "{{.RestartCount}}", "api"]);
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse::<u32>()
            .unwrap_or(0)
            >= 3
    });

    let kept = tempfile::tempdir().unwrap();
    let bundle = kept.path().join("bundle");
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
        .args(["--project", &project])
        .args(["--host", &format!("a={DEFAULT_HOST}")])
        .args(["--host", &format!("b={}", b.host())])
        .args(["--engine-address", &format!("b={b_ip}")])
        .arg("--keep-bundle")
        .arg(&bundle)
        .output()
        .expect("run coroner");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();

    // The bundle: each engine's a complete bundle of one, the top lists both.
    let meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(bundle.join("bundle.json")).unwrap())
            .unwrap();
    let engines = meta["engines"].as_array().unwrap();
    let names: Vec<&str> = engines
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["a", "b"]);
    assert_eq!(engines[1]["address"], b_ip.as_str());
    for name in ["a", "b"] {
        let dir = bundle.join("engines").join(name);
        assert!(dir.join("bundle.json").is_file(), "{name}");
        assert!(dir.join("docker/events.jsonl").is_file(), "{name}");
    }
    assert!(bundle.join("engines/b/docker/containers/api.log").is_file());
    assert!(bundle
        .join(format!(
            "engines/a/docker/containers/{}.log",
            shared.container
        ))
        .is_file());

    // The clocks: both read at collection, the offset computed from them
    // and stated; these engines share the machine's clock.
    let rows = report["technical"]["engines"].as_array().unwrap();
    assert_eq!(rows.len(), 2);
    for (engine, row) in engines.iter().zip(rows) {
        let clock = &engine["clock"];
        let engine_time =
            chrono::DateTime::parse_from_rfc3339(clock["engine"].as_str().unwrap()).unwrap();
        let collector_time =
            chrono::DateTime::parse_from_rfc3339(clock["collector"].as_str().unwrap()).unwrap();
        let offset = (engine_time - collector_time).num_milliseconds() as f64 / 1000.0;
        assert_eq!(row["clock_offset_seconds"].as_f64(), Some(offset), "{row}");
        assert!(offset.abs() < 2.0, "{row}");
        assert_eq!(row["corrected"], false);
        assert!(row["clock"].as_str().unwrap().contains("the collector's"));
    }

    // One chronology, entries from both engines, each naming its engine.
    let timeline = report["timeline"].as_array().unwrap();
    for name in ["a", "b"] {
        assert!(
            timeline.iter().any(|e| e["engine"] == name),
            "no entry of engine {name}: {timeline:#?}"
        );
    }
    assert!(timeline
        .iter()
        .any(|e| e["engine"] == "b" && e["service"] == "api" && e["category"] == "lifecycle"));

    // One causal chain: the api's crash loop on b explains the 502s on a.
    let causes = report["root_causes"].as_array().unwrap();
    let api = causes
        .iter()
        .position(|c| c["service"] == "api")
        .unwrap_or_else(|| panic!("no root cause on the api: {report:#}"));
    let proxy = report["symptoms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["service"] == shared.container.as_str() && s["kind"] == "upstream-unavailable")
        .unwrap_or_else(|| panic!("no 502 symptom on the proxy: {report:#}"));
    assert_eq!(proxy["upstream_service"], "api", "{proxy:#}");
    assert_eq!(proxy["explained_by"], causes[api]["rank"], "{proxy:#}");
    assert!(
        proxy["title"].as_str().unwrap().contains("502"),
        "{proxy:#}"
    );
    let quoted = proxy["evidence"].as_array().unwrap();
    assert!(quoted.iter().any(|q| q["source"]
        .as_str()
        .unwrap()
        .starts_with("engines/a/docker/containers/")));
    assert!(causes[api]["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .any(|q| q["source"].as_str().unwrap().starts_with("engines/b/")));
    drop(shared);
}
