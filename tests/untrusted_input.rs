//! Copies of the main example damaged the way careless tools and hostile
//! senders damage bundles: wrong-typed fields, other encodings, NUL bytes,
//! old line ends, links, pipes, unreadable and over-long paths, and files
//! far too big. Each case gets a clear message naming the file or field,
//! the rest of the bundle is still analysed, and memory stays bounded.

#[path = "support/bundles.rs"]
mod bundles;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

fn main_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    bundles::copy_dir(&bundles::bundle("main-incident"), dir.path());
    dir
}

/// Runs `coroner investigate` for a JSON report; returns the exit code,
/// the report and standard error, and the peak RSS in KiB.
fn investigate(bundle: &Path, uid: Option<u32>) -> (Option<i32>, Value, String, i64) {
    let mut command = match uid {
        Some(uid) => {
            let mut c = Command::new("setpriv");
            c.args([
                &format!("--reuid={uid}"),
                &format!("--regid={uid}"),
                "--clear-groups",
            ])
            .arg(env!("CARGO_BIN_EXE_coroner"));
            c
        }
        None => Command::new(env!("CARGO_BIN_EXE_coroner")),
    };
    let child = command
        .args([
            "investigate",
            "--format",
            "json",
            "--output",
            "-",
            "--bundle",
        ])
        .arg(bundle)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id() as libc::pid_t;
    let (stdout, stderr) = {
        use std::io::Read;
        let mut child = child;
        let mut out = Vec::new();
        let mut err = Vec::new();
        let mut o = child.stdout.take().unwrap();
        let mut e = child.stderr.take().unwrap();
        let reader = std::thread::spawn(move || {
            e.read_to_end(&mut err).unwrap();
            err
        });
        o.read_to_end(&mut out).unwrap();
        (out, reader.join().unwrap())
    };
    // wait4 gives this child's own peak RSS, whatever else the tests run.
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid);
    let code = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
    let stderr = String::from_utf8_lossy(&stderr).into_owned();
    let report = serde_json::from_slice(&stdout).unwrap_or(Value::Null);
    (code, report, stderr, usage.ru_maxrss)
}

fn root_cause(report: &Value) -> String {
    report["root_causes"][0]["title"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

fn listed(report: &Value, table: &str, needle: &str) -> bool {
    report["inputs"][table]
        .as_array()
        .is_some_and(|rows| rows.iter().any(|r| r.to_string().contains(needle)))
}

const DIAGNOSIS: &str = "Python package 'pandas' is not installed";

#[test]
fn wrong_typed_fields_are_named_and_the_container_is_kept() {
    let dir = main_copy();
    let path = dir.path().join("docker/containers/mcp-api.json");
    let mut inspect: Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    inspect[0]["RestartCount"] = Value::String("10".into());
    std::fs::write(&path, inspect.to_string()).unwrap();
    let path = dir.path().join("docker/containers/qdrant.json");
    let mut inspect: Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    inspect[0]["State"] = Value::Null;
    std::fs::write(&path, inspect.to_string()).unwrap();

    let (code, report, stderr, _) = investigate(dir.path(), None);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        root_cause(&report).contains(DIAGNOSIS),
        "{}",
        root_cause(&report)
    );
    assert!(
        listed(
            &report,
            "problems",
            "RestartCount: expected a number, got string \\\"10\\\"; field ignored"
        ),
        "{}",
        report["inputs"]["problems"]
    );
    assert!(listed(
        &report,
        "problems",
        "State: expected struct State, got null; field ignored"
    ));
    assert!(
        stderr.contains("docker/containers/qdrant.json: State: expected"),
        "{stderr}"
    );
    let services = report["services"].to_string();
    assert!(
        services.contains("qdrant") && services.contains("mcp-api"),
        "{services}"
    );
}

/// The crash log in three other shapes: UTF-16 with a BOM, with NUL bytes,
/// with lone-CR line ends. Each gives the diagnosis the original gives.
#[test]
fn other_encodings_and_line_ends_give_the_same_diagnosis() {
    let original = std::fs::read_to_string(
        bundles::bundle("main-incident").join("docker/containers/mcp-api.log"),
    )
    .unwrap();
    let mut utf16 = vec![0xff, 0xfe];
    for unit in original.encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    let with_nuls = original.replacen('\n', "\n\0\0\0", 3).into_bytes();
    let lone_cr = original.replace('\n', "\r").into_bytes();
    for (shape, bytes) in [
        ("UTF-16", utf16),
        ("NUL bytes", with_nuls),
        ("lone CR", lone_cr),
    ] {
        let dir = main_copy();
        std::fs::write(dir.path().join("docker/containers/mcp-api.log"), bytes).unwrap();
        let (code, report, stderr, _) = investigate(dir.path(), None);
        assert_eq!(code, Some(1), "{shape}: {stderr}");
        assert!(
            root_cause(&report).contains(DIAGNOSIS),
            "{shape}: {}",
            root_cause(&report)
        );
        assert!(
            !listed(&report, "ignored", "mcp-api.log"),
            "{shape}: the log was ignored"
        );
    }
}

#[test]
fn links_pipes_and_over_long_paths_are_listed_and_the_rest_is_read() {
    let dir = main_copy();
    let logs = dir.path().join("logs");
    std::os::unix::fs::symlink("/etc/passwd", logs.join("linked.log")).unwrap();
    let fifo = logs.join("pipe.log");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    // Deeper than PATH_MAX (4096), built one directory at a time relative
    // to the last, as no path to it can be named whole.
    let name = std::ffi::CString::new("d".repeat(200)).unwrap();
    let top = std::ffi::CString::new(logs.to_str().unwrap()).unwrap();
    let mut fd = unsafe { libc::open(top.as_ptr(), libc::O_DIRECTORY | libc::O_RDONLY) };
    for _ in 0..25 {
        assert_eq!(unsafe { libc::mkdirat(fd, name.as_ptr(), 0o755) }, 0);
        let next = unsafe { libc::openat(fd, name.as_ptr(), libc::O_DIRECTORY | libc::O_RDONLY) };
        assert!(next >= 0);
        unsafe { libc::close(fd) };
        fd = next;
    }
    let file = std::ffi::CString::new("deep.log").unwrap();
    let log = unsafe { libc::openat(fd, file.as_ptr(), libc::O_CREAT | libc::O_WRONLY, 0o644) };
    assert!(log >= 0);
    unsafe {
        libc::write(log, b"Traceback\n".as_ptr().cast(), 10);
        libc::close(log);
        libc::close(fd);
    }

    let (code, report, stderr, _) = investigate(dir.path(), None);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(root_cause(&report).contains(DIAGNOSIS));
    assert!(
        listed(&report, "ignored", "symbolic link: not followed"),
        "{}",
        report["inputs"]["ignored"]
    );
    assert!(listed(&report, "ignored", "named pipe (FIFO): not opened"));
    assert!(
        listed(&report, "ignored", "File name too long")
            || listed(&report, "ignored", "name too long"),
        "{}",
        report["inputs"]["ignored"]
    );
}

/// As a user who cannot read one directory of the bundle (root reads
/// everything, so the test drops to `nobody` when it runs as root).
#[test]
fn an_unreadable_directory_is_listed_and_the_rest_is_read() {
    let dir = main_copy();
    let locked = dir.path().join("logs/locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::write(locked.join("app.log"), "Traceback\n").unwrap();
    for entry in walkdir::WalkDir::new(dir.path()) {
        let entry = entry.unwrap();
        let mode = if entry.file_type().is_dir() {
            0o755
        } else {
            0o644
        };
        std::fs::set_permissions(entry.path(), std::fs::Permissions::from_mode(mode)).unwrap();
    }
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let as_root = unsafe { libc::geteuid() } == 0;
    let (code, report, stderr, _) = investigate(dir.path(), as_root.then_some(65534));
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(code, Some(1), "{stderr}");
    assert!(root_cause(&report).contains(DIAGNOSIS));
    assert!(
        listed(&report, "ignored", "logs/locked")
            && listed(&report, "ignored", "Permission denied"),
        "{}",
        report["inputs"]["ignored"]
    );
}

/// Peak memory stays under 256 MB on files far too big for what they
/// claim to be; each is named, and the rest of the bundle is analysed.
/// The full-size cases (1 GB and more) are measured in release by
/// `scripts/bench/hostile-inputs.sh`.
#[test]
fn oversized_files_are_refused_or_streamed_in_bounded_memory() {
    const LIMIT_KIB: i64 = 256 * 1024;
    let dir = main_copy();
    let root = dir.path();
    // The big files are written by a shell, so this test process never
    // holds them: Linux carries a parent's peak RSS into a vforked child.
    let fill = |file: &str, head: &str, megabytes: u32, byte: &str, tail: &str| {
        let status = Command::new("sh")
            .current_dir(root)
            .arg("-c")
            .arg(format!(
                "printf '%s' \"$1\" > \"$0\" && head -c {megabytes}M /dev/zero | tr '\\0' '{byte}' >> \"$0\" && printf '%s' \"$2\" >> \"$0\""
            ))
            .args([file, head, tail])
            .status()
            .unwrap();
        assert!(status.success());
    };
    // An inspect far beyond the size cap: refused before it is read.
    fill(
        "docker/containers/huge.json",
        "[{\"Id\":\"x\",\"State\":{},\"HostConfig\":{},\"Pad\":\"",
        64,
        "a",
        "\"}]",
    );
    // A 1 GB sparse `bundle.json`: NULs, so a binary file, never parsed.
    let file = std::fs::File::create(root.join("bundle.json")).unwrap();
    use std::io::Write;
    (&file).write_all(b"{\"host\":\"").unwrap();
    file.set_len(1 << 30).unwrap();
    // A 200 MB field in a CSV history, a 100 MB line in a text monitor log.
    fill(
        "monitoring/huge-field.csv",
        "time,url,ok,status_code,latency_ms,error\n2026-11-27 18:50:00,http://api/health,false,502,1.0,",
        200,
        "x",
        "\n2026-11-27 18:51:00,http://api/health,true,200,1.0,\n",
    );
    fill(
        "monitoring/long-line.log",
        "2026-11-27 18:50:00 check http://api/health failed: ",
        100,
        "y",
        "\n",
    );

    let (code, report, stderr, peak_kib) = investigate(root, None);
    assert_eq!(code, Some(1), "{stderr}");
    println!("peak RSS: {} MiB", peak_kib / 1024);
    assert!(peak_kib < LIMIT_KIB, "peak RSS {} MiB", peak_kib / 1024);
    assert!(root_cause(&report).contains(DIAGNOSIS));
    assert!(listed(&report, "ignored", "bundle.json") && listed(&report, "ignored", "binary file"));
    for (file, why) in [
        ("docker/containers/huge.json", "67108912 bytes: too big"),
        (
            "monitoring/huge-field.csv",
            "line longer than 65536 bytes: cut",
        ),
        (
            "monitoring/long-line.log",
            "line longer than 65536 bytes: cut",
        ),
    ] {
        assert!(
            report["inputs"]["problems"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p["source"] == file && p["message"].as_str().unwrap().contains(why)),
            "no problem for {file}: {}",
            report["inputs"]["problems"]
        );
    }
    let size = serde_json::to_string(&report).unwrap().len();
    assert!(size < 4 << 20, "the report is {size} bytes");
}
