//! Support for the tests that run against the real Docker engine of this
//! machine: images built in memory from host binaries and imported without
//! a registry, containers labelled for this test alone, and a guard that
//! removes all of it when the test ends, passed or failed.
#![allow(dead_code)] // each test file uses a different part of this module

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use bollard::models::{ContainerCreateBody, ContainerInspectResponse, HealthConfig, HostConfig};
use bollard::query_parameters::{
    CreateContainerOptions, CreateImageOptions, ListContainersOptions, RemoveContainerOptions,
    RemoveImageOptions,
};
use bollard::Docker;
use chrono::Utc;
use coroner::collect::bundle;
use coroner::collect::docker::{
    collect_bundle, Endpoint, Progress, Request, Scope, Summary, COMPOSE_PROJECT_LABEL,
    COMPOSE_SERVICE_LABEL,
};
use coroner::evidence::{AssumedZone, Evidence, Window};
use futures_util::StreamExt;

/// The label every object a test creates carries, with the test's own value.
pub const TEST_LABEL: &str = "coroner.test";

/// Applets linked in every busybox image.
const BUSYBOX_APPLETS: &[&str] = &[
    "sh", "echo", "cat", "sleep", "dd", "httpd", "wget", "seq", "head", "yes", "ls", "env",
];

/// A test's own corner of the engine. Dropping it removes every container
/// and image carrying its label.
pub struct Lab {
    pub docker: Docker,
    pub runtime: tokio::runtime::Runtime,
    /// Unique per test run: the label value, the compose project and the name prefix.
    pub id: String,
    images: Vec<String>,
}

/// Connects to the engine, or explains why the test is skipped. Under
/// `CI=true` an unreachable engine fails the test instead.
pub fn lab(test: &str) -> Option<Lab> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let endpoint = Endpoint::from_env();
    match runtime.block_on(endpoint.connect(Duration::from_secs(10))) {
        Ok(docker) => {
            let nanos = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .unwrap()
                .subsec_nanos();
            let id = format!(
                "coroner-test-{}-{}-{nanos:08x}",
                test.replace('_', "-"),
                std::process::id()
            );
            Some(Lab {
                docker,
                runtime,
                id,
                images: Vec::new(),
            })
        }
        Err(e) if std::env::var("CI").as_deref() == Ok("true") => {
            panic!("the Docker engine is needed under CI: {e}")
        }
        Err(e) => {
            eprintln!("skipping {test}: no Docker engine: {e}");
            None
        }
    }
}

impl Lab {
    pub fn block_on<F: std::future::Future>(&self, future: F) -> F::Output {
        self.runtime.block_on(future)
    }

    pub fn name(&self, suffix: &str) -> String {
        format!("{}-{suffix}", self.id)
    }

    /// Imports `rootfs` as image `<lab id>-<suffix>:latest` (like `docker import`).
    pub fn import(&mut self, suffix: &str, rootfs: RootFs, changes: &[&str]) -> String {
        let repo = self.name(suffix);
        let mut all_changes: Vec<String> = changes.iter().map(|c| c.to_string()).collect();
        all_changes.push(format!("LABEL {TEST_LABEL}={}", self.id));
        let options = CreateImageOptions {
            from_src: Some("-".into()),
            repo: Some(repo.clone()),
            tag: Some("latest".into()),
            changes: all_changes,
            ..CreateImageOptions::default()
        };
        let tar = rootfs.finish();
        self.images.push(format!("{repo}:latest"));
        self.block_on(async {
            let mut stream =
                self.docker
                    .create_image(Some(options), Some(bollard::body_full(tar.into())), None);
            while let Some(item) = stream.next().await {
                item.unwrap_or_else(|e| panic!("import of {repo} failed: {e}"));
            }
        });
        format!("{repo}:latest")
    }

    /// Creates a container named `<lab id>-<suffix>` in the lab's compose
    /// project (service `suffix`) and starts it. Returns the start error,
    /// if the engine refused to start it.
    pub fn run(&self, suffix: &str, mut body: ContainerCreateBody) -> Option<String> {
        let name = self.name(suffix);
        let labels = body.labels.get_or_insert_with(HashMap::new);
        labels.insert(TEST_LABEL.into(), self.id.clone());
        labels.insert(COMPOSE_PROJECT_LABEL.into(), self.id.clone());
        labels.insert(COMPOSE_SERVICE_LABEL.into(), suffix.into());
        self.block_on(async {
            self.docker
                .create_container(
                    Some(CreateContainerOptions {
                        name: Some(name.clone()),
                        ..CreateContainerOptions::default()
                    }),
                    body,
                )
                .await
                .unwrap_or_else(|e| panic!("create {name}: {e}"));
            self.docker.start_container(&name, None).await.err()
        })
        .map(|e| e.to_string())
    }

    pub fn inspect(&self, suffix: &str) -> ContainerInspectResponse {
        let name = self.name(suffix);
        self.block_on(self.docker.inspect_container(&name, None))
            .unwrap_or_else(|e| panic!("inspect {name}: {e}"))
    }

    /// Polls the container until `done` holds (or gives up after `limit`).
    pub fn wait_for(
        &self,
        suffix: &str,
        limit: Duration,
        what: &str,
        done: impl Fn(&ContainerInspectResponse) -> bool,
    ) -> ContainerInspectResponse {
        let started = Instant::now();
        loop {
            let inspect = self.inspect(suffix);
            if done(&inspect) {
                return inspect;
            }
            assert!(
                started.elapsed() < limit,
                "{suffix}: still not {what} after {limit:?}: {:?}",
                inspect.state
            );
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// Waits until the container has stopped running.
    pub fn wait_unhealthy(&self, suffix: &str) -> ContainerInspectResponse {
        self.wait_for(suffix, Duration::from_secs(60), "unhealthy", |i| {
            i.state
                .as_ref()
                .and_then(|s| s.health.as_ref())
                .and_then(|h| h.status)
                .is_some_and(|s| s.to_string() == "unhealthy")
        })
    }

    pub fn wait_exited(&self, suffix: &str) -> ContainerInspectResponse {
        self.wait_for(suffix, Duration::from_secs(60), "exited", |i| {
            i.state.as_ref().and_then(|s| s.running) == Some(false)
        })
    }

    /// A collection of the lab's project over the last hour.
    pub fn request(&self, max_log_bytes: u64) -> Request {
        let now = Utc::now();
        Request {
            scope: Scope {
                project: Some(self.id.clone()),
                services: Vec::new(),
            },
            since: now - chrono::Duration::hours(1),
            until: now,
            max_log_bytes,
            concurrency: Request::DEFAULT_CONCURRENCY,
            timeout: Request::DEFAULT_TIMEOUT,
        }
    }

    /// Collects the lab's project with the live collector into a fresh
    /// bundle and reads it back as `investigate --bundle` would.
    pub fn collect(&self, max_log_bytes: u64) -> Collected {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("bundle");
        let summary = collect_bundle(
            &Endpoint::from_env(),
            &self.request(max_log_bytes),
            &target,
            &mut Progress::for_stderr(),
        )
        .expect("the bundle is written");
        assert!(summary.engine_error.is_none(), "{:?}", summary.engine_error);
        let evidence = bundle::load(&target, AssumedZone::default(), Window::default())
            .expect("the bundle reads back");
        assert!(
            evidence.inventory.problems.is_empty(),
            "{:#?}",
            evidence.inventory.problems
        );
        Collected {
            _dir: dir,
            bundle: target,
            summary,
            evidence,
        }
    }

    fn remove_everything(&self) -> Result<(), String> {
        self.block_on(async {
            let mut filters = HashMap::new();
            filters.insert(
                "label".to_string(),
                vec![format!("{TEST_LABEL}={}", self.id)],
            );
            let containers = self
                .docker
                .list_containers(Some(ListContainersOptions {
                    all: true,
                    filters: Some(filters),
                    ..ListContainersOptions::default()
                }))
                .await
                .map_err(|e| e.to_string())?;
            for c in containers {
                let id = c.id.unwrap_or_default();
                self.docker
                    .remove_container(
                        &id,
                        Some(RemoveContainerOptions {
                            force: true,
                            v: true,
                            ..RemoveContainerOptions::default()
                        }),
                    )
                    .await
                    .map_err(|e| format!("remove container {id}: {e}"))?;
            }
            for image in &self.images {
                match self
                    .docker
                    .remove_image(
                        image,
                        Some(RemoveImageOptions {
                            force: true,
                            ..RemoveImageOptions::default()
                        }),
                        None,
                    )
                    .await
                {
                    Ok(_) => {}
                    // Never imported: the test failed before.
                    Err(bollard::errors::Error::DockerResponseServerError {
                        status_code: 404,
                        ..
                    }) => {}
                    Err(e) => return Err(format!("remove image {image}: {e}")),
                }
            }
            Ok(())
        })
    }
}

impl Drop for Lab {
    fn drop(&mut self) {
        if let Err(e) = self.remove_everything() {
            eprintln!("warning: cleanup of {} incomplete: {e}", self.id);
        }
    }
}

/// A bundle collected from the lab, and what the loader made of it.
pub struct Collected {
    _dir: tempfile::TempDir,
    pub bundle: PathBuf,
    pub summary: Summary,
    pub evidence: Evidence,
}

/// Runs the `coroner` binary (`env!("CARGO_BIN_EXE_coroner")` in an
/// integration test); returns (exit code, stdout, stderr).
pub fn run_binary(binary: &str, args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let out = Command::new(binary)
        .args(args)
        .envs(env.iter().copied())
        .output()
        .expect("run coroner");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A root filesystem being built as an uncompressed tar, in memory.
pub struct RootFs {
    tar: tar::Builder<Vec<u8>>,
}

impl RootFs {
    pub fn empty() -> RootFs {
        let mut fs = RootFs {
            tar: tar::Builder::new(Vec::new()),
        };
        for dir in ["bin", "tmp", "etc", "app"] {
            fs.dir(dir);
        }
        fs
    }

    /// `/bin/busybox` (static) and its applets as symlinks, as busybox images have them.
    pub fn busybox() -> RootFs {
        let mut fs = RootFs::empty();
        fs.host_file("/bin/busybox", "bin/busybox", 0o755);
        for applet in BUSYBOX_APPLETS {
            fs.symlink(&format!("bin/{applet}"), "busybox");
        }
        fs
    }

    /// busybox plus `/usr/bin/python3.11` with the libraries `ldd` names and
    /// the part of the standard library an interpreter needs to start,
    /// import and print a traceback.
    pub fn python() -> RootFs {
        let mut fs = RootFs::busybox();
        fs.host_file("/usr/bin/python3.11", "usr/bin/python3.11", 0o755);
        fs.symlink("usr/bin/python3", "python3.11");
        for lib in shared_libraries("/usr/bin/python3.11") {
            let inside = lib.trim_start_matches('/').to_string();
            fs.host_file(&lib, &inside, 0o755);
        }
        let stdlib = Path::new("/usr/lib/python3.11");
        for entry in std::fs::read_dir(stdlib).expect("python stdlib") {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "py") {
                let inside = format!(
                    "usr/lib/python3.11/{}",
                    path.file_name().unwrap().to_string_lossy()
                );
                fs.host_file(&path.to_string_lossy(), &inside, 0o644);
            }
        }
        for package in [
            "encodings",
            "collections",
            "importlib",
            "re",
            "json",
            "logging",
        ] {
            fs.host_tree(
                &stdlib.join(package),
                &format!("usr/lib/python3.11/{package}"),
            );
        }
        fs
    }

    pub fn dir(&mut self, path: &str) {
        let mut header = tar::Header::new_gnu();
        header.set_entry_type(tar::EntryType::Directory);
        header.set_mode(0o755);
        header.set_size(0);
        self.tar
            .append_data(&mut header, format!("{path}/"), &[][..])
            .unwrap();
    }

    pub fn file(&mut self, path: &str, content: &[u8], mode: u32) {
        let mut header = tar::Header::new_gnu();
        header.set_entry_type(tar::EntryType::Regular);
        header.set_mode(mode);
        header.set_size(content.len() as u64);
        self.tar.append_data(&mut header, path, content).unwrap();
    }

    pub fn host_file(&mut self, host: &str, inside: &str, mode: u32) {
        let content = std::fs::read(host).unwrap_or_else(|e| panic!("{host}: {e}"));
        self.file(inside, &content, mode);
    }

    fn host_tree(&mut self, host: &Path, inside: &str) {
        for entry in std::fs::read_dir(host).unwrap() {
            let path: PathBuf = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name == "__pycache__" {
                continue;
            }
            if path.is_dir() {
                self.host_tree(&path, &format!("{inside}/{name}"));
            } else {
                self.host_file(&path.to_string_lossy(), &format!("{inside}/{name}"), 0o644);
            }
        }
    }

    pub fn symlink(&mut self, path: &str, target: &str) {
        let mut header = tar::Header::new_gnu();
        header.set_entry_type(tar::EntryType::Symlink);
        header.set_mode(0o777);
        header.set_size(0);
        self.tar.append_link(&mut header, path, target).unwrap();
    }

    fn finish(self) -> Vec<u8> {
        self.tar.into_inner().unwrap()
    }
}

/// The shared libraries a host program loads, loader included, from `ldd`.
fn shared_libraries(program: &str) -> Vec<String> {
    let out = Command::new("ldd")
        .arg(program)
        .output()
        .expect("ldd (libc-bin) is needed to build the python image");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|line| {
            line.split_whitespace()
                .find(|w| w.starts_with('/'))
                .map(str::to_string)
        })
        .collect()
}

/// A container that runs `cmd` from `image`, with no restart policy.
pub fn container(image: &str, cmd: &[&str]) -> ContainerCreateBody {
    ContainerCreateBody {
        image: Some(image.to_string()),
        cmd: Some(cmd.iter().map(|c| c.to_string()).collect()),
        host_config: Some(HostConfig::default()),
        ..ContainerCreateBody::default()
    }
}

/// A service whose healthcheck asks port 8080, where nothing listens: it
/// turns unhealthy after one failed probe a second.
pub fn unhealthy_service(image: &str) -> ContainerCreateBody {
    let mut body = container(image, &["sleep", "300"]);
    body.healthcheck = Some(HealthConfig {
        test: Some(vec![
            "CMD-SHELL".into(),
            "wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1".into(),
        ]),
        interval: Some(1_000_000_000),
        timeout: Some(1_000_000_000),
        retries: Some(1),
        ..HealthConfig::default()
    });
    body
}

/// A process that needs 64 MiB under a 16 MiB limit: the kernel kills PID 1.
pub fn memory_hog(image: &str) -> ContainerCreateBody {
    let mut body = container(
        image,
        &["dd", "if=/dev/zero", "of=/dev/null", "bs=64M", "count=1"],
    );
    let limits = body
        .host_config
        .as_mut()
        .expect("container() sets a host config");
    limits.memory = Some(16 << 20);
    limits.memory_swap = Some(16 << 20);
    body
}
