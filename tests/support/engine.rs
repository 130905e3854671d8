//! A Docker engine of a test's own, started in a network namespace of its
//! own, so it behaves like a second host: its own socket, data root, exec
//! root and pid file, its own `docker0`, and no way to touch the shared
//! engine's bridge (a second `dockerd` in the host's namespace removes it).
//!
//! `nsenter --net` is used rather than `ip netns exec`, which remounts /sys
//! and hides the cgroups from the engine. The empty configuration file keeps
//! the machine's /etc/docker/daemon.json (data root, storage driver) out.
//! Dropping the engine stops it by its PID, unmounts what it left, deletes
//! the namespace and removes its directory.

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

pub struct SecondEngine {
    /// The network namespace, `/run/netns/<netns>`.
    pub netns: String,
    dir: PathBuf,
    pid: Option<i32>,
    /// Host-side end of the veth pair to the namespace, when linked.
    veth: Option<String>,
}

/// Runs a command, panicking with its output when it fails.
fn run(program: &str, args: &[&str]) -> Output {
    let out = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(
        out.status.success(),
        "{program} {}: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

impl SecondEngine {
    /// Starts an engine named `name` (unique among the running tests), or
    /// says why it cannot and returns `None`: it needs root, `dockerd`,
    /// `ip` and `nsenter`.
    pub fn start(name: &str) -> Option<SecondEngine> {
        let missing: Vec<&str> = ["dockerd", "ip", "nsenter"]
            .into_iter()
            .filter(|p| {
                !Command::new("sh")
                    .args(["-c", &format!("command -v {p}")])
                    .stdout(Stdio::null())
                    .status()
                    .is_ok_and(|s| s.success())
            })
            .collect();
        // SAFETY: geteuid has no preconditions and cannot fail.
        let root = unsafe { libc::geteuid() } == 0;
        if !missing.is_empty() || !root {
            eprintln!("skipped: a second engine needs root and {missing:?}");
            return None;
        }
        let netns = format!("coroner-{}-{name}", std::process::id());
        let dir = std::env::temp_dir().join(&netns);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("daemon.json"), "{}").unwrap();
        run("ip", &["netns", "add", &netns]);
        let mut engine = SecondEngine {
            netns,
            dir,
            pid: None,
            veth: None,
        };
        run(
            "nsenter",
            &[
                &format!("--net=/run/netns/{}", engine.netns),
                "ip",
                "link",
                "set",
                "lo",
                "up",
            ],
        );
        let log = std::fs::File::create(engine.dir.join("dockerd.log")).unwrap();
        let d = |sub: &str| engine.dir.join(sub).display().to_string();
        let child = Command::new("nsenter")
            .arg(format!("--net=/run/netns/{}", engine.netns))
            .args(["dockerd", "--config-file", &d("daemon.json")])
            .args(["--host", &format!("unix://{}", d("docker.sock"))])
            .args(["--data-root", &d("data"), "--exec-root", &d("exec")])
            .args(["--pidfile", &d("docker.pid"), "--storage-driver", "vfs"])
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .expect("start dockerd");
        engine.pid = Some(child.id() as i32);
        // The child is waited for in Drop, by PID.
        std::mem::forget(child);
        let deadline = Instant::now() + Duration::from_secs(60);
        while !engine
            .docker(&["version", "--format", "{{.Server.Version}}"])
            .status
            .success()
        {
            assert!(
                Instant::now() < deadline,
                "the second engine did not answer within 60 s: {}",
                std::fs::read_to_string(engine.dir.join("dockerd.log")).unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(300));
        }
        Some(engine)
    }

    /// `unix:///…/docker.sock`, for `DOCKER_HOST` or `--host`.
    pub fn host(&self) -> String {
        format!("unix://{}", self.dir.join("docker.sock").display())
    }

    /// The docker CLI against this engine.
    pub fn docker(&self, args: &[&str]) -> Output {
        Command::new("docker")
            .arg("--host")
            .arg(self.host())
            .args(args)
            .stdin(Stdio::null())
            .output()
            .expect("run docker")
    }

    /// Imports a busybox image (static busybox, one symlink per applet) as
    /// `tag`: the engine has no registry to pull from.
    pub fn import_busybox(&self, tag: &str) {
        let root = self.dir.join("busybox-root");
        std::fs::create_dir_all(root.join("bin")).unwrap();
        std::fs::copy("/bin/busybox", root.join("bin/busybox")).unwrap();
        for applet in ["sh", "sleep", "echo", "false", "nc", "wget", "httpd", "cat"] {
            let _ = std::os::unix::fs::symlink("busybox", root.join("bin").join(applet));
        }
        let status = Command::new("sh")
            .arg("-c")
            .arg(format!(
                "tar -C {} -c . | docker --host {} import - {tag}",
                root.display(),
                self.host()
            ))
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "docker import {tag}");
    }

    /// Links the namespace to the host with a veth pair: the host side gets
    /// `10.231.<subnet>.1/30`, the namespace side `10.231.<subnet>.2/30`
    /// (returned), so the host and the shared engine's containers reach
    /// what this engine publishes, as they would a second host's.
    pub fn link_to_host(&mut self, subnet: u8) -> String {
        let host_side = format!("vc{}h{subnet}", std::process::id() % 100_000);
        let ns_side = format!("vc{}n{subnet}", std::process::id() % 100_000);
        let ns = format!("--net=/run/netns/{}", self.netns);
        run(
            "ip",
            &[
                "link", "add", &host_side, "type", "veth", "peer", "name", &ns_side,
            ],
        );
        self.veth = Some(host_side.clone());
        run("ip", &["link", "set", &ns_side, "netns", &self.netns]);
        run(
            "ip",
            &[
                "addr",
                "add",
                &format!("10.231.{subnet}.1/30"),
                "dev",
                &host_side,
            ],
        );
        run("ip", &["link", "set", &host_side, "up"]);
        let ns_ip = format!("10.231.{subnet}.2");
        run(
            "nsenter",
            &[
                &ns,
                "ip",
                "addr",
                "add",
                &format!("{ns_ip}/30"),
                "dev",
                &ns_side,
            ],
        );
        run("nsenter", &[&ns, "ip", "link", "set", &ns_side, "up"]);
        run(
            "nsenter",
            &[
                &ns,
                "ip",
                "route",
                "add",
                "default",
                "via",
                &format!("10.231.{subnet}.1"),
            ],
        );
        ns_ip
    }
}

impl Drop for SecondEngine {
    fn drop(&mut self) {
        if let Some(pid) = self.pid {
            // SAFETY: signalling and reaping our own child by its PID.
            unsafe { libc::kill(pid, libc::SIGTERM) };
            let deadline = Instant::now() + Duration::from_secs(20);
            loop {
                let mut status = 0;
                // SAFETY: waitpid on our own child, without blocking.
                let reaped = unsafe { libc::waitpid(pid, &mut status, libc::WNOHANG) };
                if reaped == pid || reaped < 0 {
                    break;
                }
                if Instant::now() > deadline {
                    // SAFETY: as above.
                    unsafe { libc::kill(pid, libc::SIGKILL) };
                    unsafe { libc::waitpid(pid, &mut status, 0) };
                    break;
                }
                std::thread::sleep(Duration::from_millis(200));
            }
        }
        // What the engine mounted under its directory (netns files, shm).
        let prefix = self.dir.display().to_string();
        if let Ok(mounts) = std::fs::read_to_string("/proc/mounts") {
            let mut points: Vec<&str> = mounts
                .lines()
                .filter_map(|l| l.split_whitespace().nth(1))
                .filter(|m| m.starts_with(&prefix))
                .collect();
            points.sort_by_key(|m| std::cmp::Reverse(m.len()));
            for m in points {
                let _ = Command::new("umount").args(["-l", m]).status();
            }
        }
        if let Some(veth) = &self.veth {
            let _ = Command::new("ip").args(["link", "del", veth]).status();
        }
        let _ = Command::new("ip")
            .args(["netns", "del", &self.netns])
            .status();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
