use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use super::common::{
    add_message, add_state_facts, command_files, container_of, parent_dir, recreate_commands,
    same_file, shell_quote, volume_name, Change,
};
use crate::analyze::detector::{
    Context, Detector, Finding, Horizon, Quote, Remediation, Signature,
};
use crate::evidence::container::Mount;
use crate::evidence::Container;
use crate::locale::Text;
use crate::{detector_meta, documented_detector};

documented_detector! {
    /// Detects a program that exits because the filesystem refuses it: it
    /// may not write a file or directory (`Permission denied`, EACCES), may
    /// not change a file's owner or mode (`Operation not permitted`, EPERM),
    /// or writes to a read-only mount.
    ///
    /// Why it matters: it usually comes from a mismatch between the user the
    /// container runs as and the owner of a volume or bind mount: the image
    /// runs as a non-root user, the volume was created owned by root, and
    /// the program dies as soon as it touches its data directory. Restarting
    /// changes nothing.
    ///
    /// Evidence: in the container's log, Python's `PermissionError: [Errno
    /// 13] Permission denied: '/path'` (and `[Errno 1] Operation not
    /// permitted`, `[Errno 30] Read-only file system`), coreutils'
    /// `mkdir: cannot create directory '/path': Permission denied` and
    /// `chmod: changing permissions of '/path': Operation not permitted`
    /// (the official postgres image on a bind mount), nginx's `open()
    /// "/path" failed (13: Permission denied)`, a shell's `cannot create
    /// /path: Permission denied`, Node's `EACCES: permission denied, open
    /// '/path'`. From `docker container inspect`: the mount the path lies
    /// under (`Mounts`) and the user the container runs as (`Config.User`).
    /// A runtime that cannot execute the entrypoint (`exec: "...": permission
    /// denied`) is not this: that is a broken entrypoint.
    ///
    /// Fix: give the directory to the container's user (`chown` the volume
    /// once, or create it owned by that user in the Dockerfile), or run the
    /// container as the directory's owner (`--user`); mount read-write; on
    /// SELinux hosts relabel a bind mount with `:z`/`:Z`; on filesystems
    /// that refuse chown (NFS, CIFS, some WSL mounts) use a named volume.
    pub struct PermissionDenied;
    id = "permission-denied", role = Cause, summary = "the filesystem refuses a program access to a path (ownership, read-only mount, chown refused)";
}

const DENIED: &str = "permission-denied";
const NOT_PERMITTED: &str = "operation-not-permitted";
const READ_ONLY: &str = "read-only-file-system";
const NODE_EACCES: &str = "node-eacces";
const NODE_EPERM: &str = "node-eperm";

const SIGNATURES: &[Signature] = &[
    // Capital-P "Permission denied" is strerror(EACCES) as libc, CPython,
    // coreutils and nginx print it; runc's
    // lower-case `exec: "...": permission denied` never matches these.
    Signature {
        id: DENIED,
        needle: "Permission denied",
        pattern: Some(
            r#"\[Errno 13\] Permission denied: '|['‘"]/[^'’"]*['’"]:? Permission denied|" failed \(13: Permission denied\)|^[^\s:]+: (?:line )?\d+: (?:cannot create )?/[^:]*: Permission denied$"#,
        ),
    },
    Signature {
        id: NOT_PERMITTED,
        needle: "Operation not permitted",
        pattern: Some(
            r#"\[Errno 1\] Operation not permitted: '|['‘"]/[^'’"]*['’"]:? Operation not permitted"#,
        ),
    },
    Signature {
        id: READ_ONLY,
        needle: "Read-only file system",
        pattern: Some(
            r#"\[Errno 30\] Read-only file system: '|['‘"]/[^'’"]*['’"]:? Read-only file system"#,
        ),
    },
    // Node fs errors: `Error: EACCES: permission denied, open '/data/x.json'`.
    Signature {
        id: NODE_EACCES,
        needle: "permission denied",
        pattern: Some(r"EACCES: permission denied, \w+ '"),
    },
    Signature {
        id: NODE_EPERM,
        needle: "operation not permitted",
        pattern: Some(r"EPERM: operation not permitted, \w+ '"),
    },
];

/// Every wording above, with the path it names.
static PATHS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        r"\[Errno (?:13|1|30)\] [A-Za-z -]+: '(?P<path>[^']+)'",
        r#"['‘"](?P<path>/[^'’"]*)['’"]:? (?:Permission denied|Operation not permitted|Read-only file system)"#,
        r#""(?P<path>/[^"]+)" failed \(13: Permission denied\)"#,
        r"^[^\s:]+: (?:line )?\d+: (?:cannot create )?(?P<path>/[^:]*): Permission denied$",
        r"(?:EACCES: permission denied|EPERM: operation not permitted), \w+ '(?P<path>[^']+)'",
    ]
    .iter()
    .map(|p| Regex::new(p).expect("static regex"))
    .collect()
});

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Refusal {
    /// EACCES: the user lacks permission.
    Denied,
    /// EPERM: chown/chmod refused (not the owner, or a filesystem without ownership).
    NotPermitted,
    /// EROFS: the mount is read-only.
    ReadOnly,
}

fn refusal(signature: &str) -> Option<Refusal> {
    match signature {
        DENIED | NODE_EACCES => Some(Refusal::Denied),
        NOT_PERMITTED | NODE_EPERM => Some(Refusal::NotPermitted),
        READ_ONLY => Some(Refusal::ReadOnly),
        _ => None,
    }
}

fn path_in(text: &str) -> Option<String> {
    PATHS
        .iter()
        .find_map(|r| r.captures(text).map(|c| c["path"].to_string()))
}

/// The mount a path lies under: the one with the longest destination.
fn mount_of<'c>(c: &'c Container, path: &str) -> Option<&'c Mount> {
    c.mounts
        .iter()
        .filter(|m| {
            let dest = m.destination.trim_end_matches('/');
            path == dest || path.starts_with(&format!("{dest}/")) || dest.is_empty()
        })
        .max_by_key(|m| m.destination.len())
}

fn absolute(path: &str, c: Option<&Container>) -> String {
    match c {
        Some(c) if !path.starts_with('/') => {
            format!("{}/{}", c.working_dir.trim_end_matches('/'), path)
        }
        _ => path.to_string(),
    }
}

struct Case {
    refusal: Refusal,
    paths: Vec<String>,
    finding: Finding,
}

impl Detector for PermissionDenied {
    detector_meta!();

    fn signatures(&self) -> &'static [Signature] {
        SIGNATURES
    }

    fn detect(&self, cx: &Context<'_>) -> Vec<Finding> {
        let mut cases: BTreeMap<(String, String, Refusal), Case> = BTreeMap::new();
        for (log, bucket, m) in cx.hits.messages(cx.evidence, Self::ID) {
            let Some(refusal) = refusal(bucket.signature) else {
                continue;
            };
            let container = container_of(cx.evidence, log);
            let Some(path) = path_in(&m.last().text).map(|p| absolute(&p, container)) else {
                continue;
            };
            // Not being able to execute the container's own program is a broken entrypoint.
            if container.is_some_and(|c| command_files(c).iter().any(|w| same_file(&path, w))) {
                continue;
            }
            let place = container
                .and_then(|c| mount_of(c, &path))
                .map_or_else(|| path.clone(), |mt| mt.destination.clone());
            let case = cases
                .entry((log.service.clone(), place, refusal))
                .or_insert_with(|| Case {
                    refusal,
                    paths: Vec::new(),
                    finding: Finding::new(Self::ID, Self::ROLE, &log.service, String::new()),
                });
            if !case.paths.contains(&path) {
                case.paths.push(path);
            }
            add_message(&mut case.finding, log, m);
        }
        cases.into_values().map(|case| finish(cx, case)).collect()
    }
}

fn describe(m: &Mount) -> Text {
    match m.kind.as_str() {
        "volume" => {
            Text::msg("permission-denied-mount-volume").with("volume", volume_name(&m.source))
        }
        "bind" => Text::msg("permission-denied-mount-bind").with("source", &m.source),
        kind => Text::msg("permission-denied-mount-other").with("kind", kind),
    }
    .with("destination", &m.destination)
}

fn finish(cx: &Context<'_>, case: Case) -> Finding {
    let Case {
        refusal,
        paths,
        mut finding,
    } = case;
    let service = finding.service.clone();
    let container = cx.evidence.container(&service);
    let path = paths.first().cloned().unwrap_or_default();
    finding.subject = Some(path.clone()).filter(|p| !p.is_empty());
    let mount = container.and_then(|c| mount_of(c, &path));
    let user = container
        .map(|c| {
            if !c.user.is_empty() {
                c.user.clone()
            } else {
                cx.evidence
                    .image_of(c)
                    .map(|i| i.user.clone())
                    .unwrap_or_default()
            }
        })
        .unwrap_or_default();
    let as_root = user.is_empty() || user == "root" || user == "0" || user.starts_with("0:");
    let user_shown = if user.is_empty() {
        "root".to_string()
    } else {
        user.clone()
    };
    let name = shell_quote(&service).into_owned();
    let image = container.map_or(String::new(), |c| shell_quote(&c.image).into_owned());
    let mount_arg = mount.map(|m| {
        let source = match m.kind.as_str() {
            "volume" => volume_name(&m.source),
            _ => m.source.as_str(),
        };
        shell_quote(&format!("{source}:{}", m.destination)).into_owned()
    });

    let (title, confidence, remediation) = match (refusal, mount) {
        (Refusal::ReadOnly, _)
        | (
            Refusal::Denied,
            Some(Mount {
                read_write: false, ..
            }),
        ) => {
            let where_ = mount.map_or_else(
                || Text::msg("permission-denied-read-only-rootfs"),
                |m| Text::msg("permission-denied-read-only-mount").with("mount", describe(m)),
            );
            let commands = container
                .map(|c| {
                    recreate_commands(
                        cx.evidence,
                        c,
                        &Change {
                            writable: mount.map(|m| m.destination.clone()).into_iter().collect(),
                            ..Change::default()
                        },
                    )
                })
                .unwrap_or_default();
            let summary = match mount {
                Some(m) => Text::msg("permission-denied-read-only-summary")
                    .with("destination", &m.destination),
                None => Text::msg("permission-denied-read-only-summary-rootfs"),
            };
            (
                Text::msg("permission-denied-read-only-title")
                    .with("service", &service)
                    .with("path", &path)
                    .with("where", where_),
                0.85,
                Remediation::new(summary).step(
                    Horizon::Immediate,
                    Text::msg("permission-denied-read-only-step"),
                    &commands,
                ),
            )
        }
        (Refusal::NotPermitted, _) => {
            let where_ = mount.map_or_else(
                || Text::msg("permission-denied-in-image").with("path", &path),
                describe,
            );
            let mut remediation = Remediation::new(
                Text::msg("permission-denied-not-permitted-summary")
                    .with("path", mount.map_or(path.as_str(), |m| m.source.as_str())),
            );
            if let Some(arg) = &mount_arg {
                remediation = remediation.step(
                    Horizon::Immediate,
                    Text::msg("permission-denied-not-permitted-step-owner"),
                    &[
                        format!(
                            "docker run --rm -v {arg} --entrypoint ls {image} -ldn {}",
                            shell_quote(&mount.map_or(path.clone(), |m| m.destination.clone()))
                        ),
                        format!("docker run --rm --entrypoint id {image}"),
                    ],
                );
            }
            remediation = remediation.step(
                Horizon::ShortTerm,
                Text::msg("permission-denied-not-permitted-step-volume"),
                &[],
            );
            (
                Text::msg("permission-denied-not-permitted-title")
                    .with("service", &service)
                    .with("path", &path)
                    .with("where", where_)
                    .with("user", &user_shown),
                0.8,
                remediation,
            )
        }
        (Refusal::Denied, Some(m)) => {
            let mut remediation;
            let title;
            if as_root {
                title = Text::msg("permission-denied-root-mount-title")
                    .with("service", &service)
                    .with("path", &path)
                    .with("mount", describe(m));
                remediation = Remediation::new(Text::msg("permission-denied-root-mount-summary"));
                remediation = remediation.step(
                    Horizon::Immediate,
                    Text::msg("permission-denied-root-mount-step"),
                    &[format!("ls -ldZ {}", shell_quote(&m.source))],
                );
            } else {
                title = Text::msg("permission-denied-user-mount-title")
                    .with("service", &service)
                    .with("path", &path)
                    .with("user", &user_shown)
                    .with("mount", describe(m));
                remediation = Remediation::new(
                    Text::msg("permission-denied-user-mount-summary")
                        .with("destination", &m.destination)
                        .with("user", &user_shown),
                );
                let arg = mount_arg.clone().unwrap_or_default();
                remediation = remediation
                    .step(
                        Horizon::Immediate,
                        Text::msg("permission-denied-user-mount-step-chown").with("user", &user_shown),
                        &[
                            format!(
                                "docker run --rm --user 0 -v {arg} --entrypoint chown {image} -R {} {}",
                                shell_quote(&user),
                                shell_quote(&m.destination)
                            ),
                            format!("docker start {name}"),
                        ],
                    )
                    .step(
                        Horizon::ShortTerm,
                        Text::msg("permission-denied-user-mount-step-dockerfile")
                            .with("destination", &m.destination)
                            .with("user", &user_shown)
                            .with("image", &image),
                        &[],
                    );
            }
            (title, 0.85, remediation)
        }
        (Refusal::Denied, None) if as_root => (
            Text::msg("permission-denied-root-title")
                .with("service", &service)
                .with("path", &path),
            0.6,
            Remediation::new(
                Text::msg("permission-denied-root-summary")
                    .with("service", &service)
                    .with("path", &path),
            )
            .step(
                Horizon::Immediate,
                Text::msg("permission-denied-root-step"),
                &[format!(
                    "docker container inspect --format '{{{{.HostConfig.ReadonlyRootfs}}}} {{{{.HostConfig.CapDrop}}}} {{{{.HostConfig.SecurityOpt}}}}' {name}"
                )],
            ),
        ),
        (Refusal::Denied, None) => {
            let title = Text::msg("permission-denied-user-image-title")
                .with("service", &service)
                .with("path", &path)
                .with("user", &user_shown);
            let remediation = Remediation::new(
                Text::msg("permission-denied-user-image-summary")
                    .with("path", &path)
                    .with("user", &user_shown),
            )
            .step(
                Horizon::Immediate,
                Text::msg("permission-denied-user-image-step-owner"),
                &[
                    format!("docker run --rm --entrypoint ls {image} -ld {}", shell_quote(parent_dir(&path))),
                    format!("docker run --rm --entrypoint id {image}"),
                ],
            )
            .step(
                Horizon::Immediate,
                Text::msg("permission-denied-user-image-step-rebuild"),
                &container
                    .map(|c| {
                        recreate_commands(
                            cx.evidence,
                            c,
                            &Change {
                                rebuild: true,
                                ..Change::default()
                            },
                        )
                    })
                    .unwrap_or_default(),
            );
            (title, 0.75, remediation)
        }
    };
    finding.title = title;
    finding.confidence = confidence;
    finding.remediation = remediation;
    if let Some(c) = container {
        finding.evidence.push(Quote::field(
            &c.source,
            "Config.User",
            if c.user.is_empty() {
                "(empty: root, or the image's USER)"
            } else {
                &c.user
            },
        ));
        if let Some(m) = mount {
            finding.evidence.push(Quote::field(
                &c.source,
                "Mounts",
                format!(
                    "{} {} -> {} ({})",
                    m.kind,
                    m.source,
                    m.destination,
                    if m.read_write { "rw" } else { "ro" }
                ),
            ));
        }
        add_state_facts(&mut finding, c);
    }
    finding
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::run_detector;

    #[test]
    fn links_the_denied_path_to_the_volume_and_the_user() {
        let findings = run_detector(&PermissionDenied, "permission-denied");
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let f = &findings[0];
        assert_eq!(f.service, "uploader");
        assert_eq!(
            f.title,
            "uploader is denied access to /data/uploads: it runs as user app, and /data is the volume uploader-data, which that user may not write"
        );
        assert_eq!(f.occurrences, 4);
        assert_eq!(
            f.evidence[0].text,
            "PermissionError: [Errno 13] Permission denied: '/data/uploads'"
        );
        assert!(f.evidence.iter().any(|q| q.text == "Config.User: app"));
        assert!(f.evidence.iter().any(|q| q.text
            == "Mounts: volume /var/lib/docker/volumes/uploader-data/_data -> /data (rw)"));
        assert_eq!(
            f.remediation.steps[0].commands,
            vec![
                "docker run --rm --user 0 -v uploader-data:/data --entrypoint chown coroner-fixture/uploader:latest -R app /data".to_string(),
                "docker start uploader".to_string(),
            ]
        );
    }

    #[test]
    fn main_incident_has_no_permission_problem() {
        assert!(run_detector(&PermissionDenied, "main-incident").is_empty());
    }

    #[test]
    fn a_non_executable_entrypoint_is_not_a_permission_finding() {
        assert!(run_detector(&PermissionDenied, "entrypoint-noexec").is_empty());
    }

    #[test]
    fn a_healthy_stack_has_its_permissions() {
        assert!(run_detector(&PermissionDenied, "healthy-stack").is_empty());
    }

    #[test]
    fn finds_nothing_in_the_red_herring_bundle() {
        assert!(run_detector(&PermissionDenied, "red-herring").is_empty());
    }

    #[test]
    fn a_write_to_a_read_only_mount_is_fixed_by_mounting_it_read_write() {
        let findings = super::super::common::run_on_scratch(
            &PermissionDenied,
            r#"{"Id": "c1", "Name": "/uploader", "State": {"Status": "exited", "ExitCode": 1},
                "Config": {"Image": "uploader:1", "User": "app"},
                "Mounts": [{"Type": "volume", "Source": "/var/lib/docker/volumes/up/_data", "Destination": "/data", "RW": false}]}"#,
            "2026-11-27T10:00:00.000000000Z OSError: [Errno 30] Read-only file system: '/data/uploads'\n",
        );
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let f = &findings[0];
        assert_eq!(
            f.title,
            "uploader cannot write /data/uploads: /data is the volume up, mounted read-only"
        );
        let run = f.remediation.steps[0].commands.last().unwrap();
        assert!(
            run.contains("-v up:/data ") && !run.contains(":ro"),
            "{run}"
        );
    }

    #[test]
    fn reads_the_path_from_every_wording() {
        // CPython, coreutils, postgres initdb, nginx, dash and Node wordings
        for (text, path) in [
            ("PermissionError: [Errno 13] Permission denied: '/ro/app.db'", "/ro/app.db"),
            ("mkdir: cannot create directory ‘/ro/x’: Permission denied", "/ro/x"),
            ("touch: cannot touch '/ro/y': Permission denied", "/ro/y"),
            ("chmod: changing permissions of '/var/lib/postgresql/data': Operation not permitted", "/var/lib/postgresql/data"),
            ("fixing permissions on existing directory /var/lib/postgresql/data ... initdb: error: could not change permissions of directory \"/var/lib/postgresql/data\": Operation not permitted", "/var/lib/postgresql/data"),
            ("2024/01/02 10:00:00 [emerg] 1#1: open() \"/var/log/nginx/error.log\" failed (13: Permission denied)", "/var/log/nginx/error.log"),
            ("/docker-entrypoint.sh: 5: cannot create /data/ready: Permission denied", "/data/ready"),
            ("Error: EACCES: permission denied, open '/data/db.json'", "/data/db.json"),
        ] {
            assert_eq!(path_in(text).as_deref(), Some(path), "{text}");
        }
        // runc's wording of a non-executable entrypoint is not matched
        let runc = Regex::new(SIGNATURES[0].pattern.unwrap()).unwrap();
        assert!(!runc.is_match(r#"exec: "/app/start.sh": permission denied: unknown"#));
    }

    #[test]
    fn the_refusal_reads_in_french() {
        let findings = run_detector(&PermissionDenied, "permission-denied");
        let fr = crate::locale::get("fr").unwrap();
        assert_eq!(
            fr.text(&findings[0].title),
            "Droits refusés à uploader sur /data/uploads\u{a0}: il tourne sous l'utilisateur app, et /data est le volume uploader-data, où cet utilisateur n'a pas le droit d'écrire"
        );
    }
}
