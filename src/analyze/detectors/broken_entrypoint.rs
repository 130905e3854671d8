use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use super::common::{
    add_message, add_state_facts, command_files, container_of, parent_dir, recreate_commands,
    same_file, shell_quote, Change,
};
use crate::analyze::detector::{
    Context, Detector, Finding, Horizon, Quote, Remediation, Signature,
};
use crate::evidence::{Container, EntrypointForensics, Evidence};
use crate::locale::Text;
use crate::{detector_meta, documented_detector};

documented_detector! {
    /// Detects a container whose entrypoint or command cannot be run: the
    /// file is missing, not executable, not a program for this machine, has
    /// Windows line endings, or is a shell script that fails in its first
    /// lines.
    ///
    /// Why it matters: the container dies before the application runs, so
    /// the application's own logs say nothing; a restart policy only repeats
    /// it. The messages are misleading: a script whose `#!` line ends with a
    /// carriage return (saved on Windows) fails with "no such file or
    /// directory" although the file is there, because the kernel looks for an
    /// interpreter called `/bin/sh\r`.
    ///
    /// Evidence:
    /// - create time (the container never starts; status `created`, exit code
    ///   126 or 127): `State.Error` in `docker container inspect`, e.g.
    ///   `exec: "/app/start.sh": stat /app/start.sh: no such file or
    ///   directory` (missing), `exec: "gunicorn": executable file not found
    ///   in $PATH` (not installed), `exec: "/app/start.sh": permission
    ///   denied` (no execute bit, or a directory);
    /// - after start, the container log: runc's `exec /docker_entrypoint.sh:
    ///   no such file or directory` for a file that exists (CRLF `#!` line, or
    ///   a binary whose ELF loader is missing), `exec X: exec format error`
    ///   (a script without `#!`, or a binary for another CPU), older runc's
    ///   `standard_init_linux.go:NNN: exec user process caused ...`; CRLF
    ///   proven by `/usr/bin/env: 'bash\r'`, `$'\r': command not found`,
    ///   `^M: bad interpreter`; bash's `cannot execute: required file not
    ///   found`;
    /// - shell errors from the script named in `Config.Entrypoint`/`Cmd`:
    ///   `set: Illegal option -o pipefail` (a bash script run by dash),
    ///   `Syntax error`, `cd: can't cd to`, `X: not found`;
    /// - from a live collection, the file itself
    ///   (`docker/forensics/<container>.json`): a first line ending in `\r`,
    ///   the mode without an execute bit, a `#!` interpreter or ELF loader
    ///   absent from the container, an ELF machine other than the engine's.
    ///   These settle what the runtime's message leaves open.
    ///
    /// Fix: convert the script to LF line endings (`dos2unix`, and
    /// `*.sh text eol=lf` in `.gitattributes`), `chmod +x` it (and `RUN chmod
    /// +x` in the Dockerfile), fix the path or install the program, build for
    /// the host's platform, or run a bash script with bash; then rebuild the
    /// image and recreate the container.
    pub struct BrokenEntrypoint;
    id = "broken-entrypoint", role = Cause, summary = "the container's entrypoint or command cannot be executed, or its script fails at once";
}

const RUNC_ENOENT: &str = "runc-exec-no-such-file";
const RUNC_ENOEXEC: &str = "runc-exec-format-error";
const RUNC_EACCES: &str = "runc-exec-permission-denied";
const RUNC_OLD: &str = "runc-exec-user-process-caused";
const ENV_INTERPRETER: &str = "env-interpreter-not-found";
const ESCAPED_CR: &str = "escaped-carriage-return";
const ESCAPED_CR_UTF8: &str = "escaped-carriage-return-utf8";
const BAD_INTERPRETER: &str = "bad-interpreter";
const REQUIRED_FILE: &str = "bash-required-file-not-found";
const SHELL_ILLEGAL_OPTION: &str = "shell-illegal-option";
const SHELL_SYNTAX: &str = "shell-syntax-error";
const SHELL_CD: &str = "shell-cannot-cd";
const SHELL_NOT_FOUND: &str = "shell-not-found";
const SHELL_COMMAND_NOT_FOUND: &str = "shell-command-not-found";
const SHELL_PERMISSION: &str = "shell-permission-denied";

/// A line a shell wrote about a script: dash `script: 16: msg`, bash
/// `script: line 16: msg`, busybox/ash `sh: ./x: not found`.
const SHELL_LINE: &str = r"^[^\s:]+: (?:line )?\d+: |^(?:/bin/|/usr/bin/)?(?:ba|da)?sh: ";

const SIGNATURES: &[Signature] = &[
    // runc ≥ 1.1 after start: `exec /app/crlf.sh: no such file or directory`,
    // `exec /app/arm64bin: exec format error` (an os.PathError from runc's
    // internal/linux; reproduced with Docker 20.10.24 and runc 1.1.5).
    Signature {
        id: RUNC_ENOENT,
        needle: "no such file or directory",
        pattern: Some(r"^exec \S+: no such file or directory$"),
    },
    Signature {
        id: RUNC_ENOEXEC,
        needle: "exec format error",
        pattern: Some(r"^exec \S+: exec format error$"),
    },
    Signature {
        id: RUNC_EACCES,
        needle: "permission denied",
        pattern: Some(r"^exec \S+: permission denied$"),
    },
    // runc < 1.1 (libcontainer/standard_init_linux.go): `standard_init_linux.go:228: exec user process caused: exec format error`.
    Signature {
        id: RUNC_OLD,
        needle: "exec user process caused",
        pattern: Some(r"standard_init_linux\.go:\d+: exec user process caused"),
    },
    // coreutils 9.1 env: `/usr/bin/env: 'bash\r': No such file or directory`;
    // busybox env: `env: can't execute 'bash': No such file or directory`.
    Signature {
        id: ENV_INTERPRETER,
        needle: "No such file or directory",
        pattern: Some(r"env: (?:can't execute )?['‘][^'’]+['’]: No such file or directory"),
    },
    // bash quotes a carriage return as `$'\r'` or `'/app\r'`; coreutils as `'bash\r'`/`‘bash\r’`.
    Signature {
        id: ESCAPED_CR,
        needle: r"\r'",
        pattern: Some(r"\\r'"),
    },
    Signature {
        id: ESCAPED_CR_UTF8,
        needle: "\\r’",
        pattern: None,
    },
    // bash < 5.1: `/bin/bash^M: bad interpreter: No such file or directory`.
    Signature {
        id: BAD_INTERPRETER,
        needle: "bad interpreter",
        pattern: Some(r"\S+: bad interpreter: "),
    },
    // bash 5.2: `bash: ./crlf.sh: cannot execute: required file not found`.
    Signature {
        id: REQUIRED_FILE,
        needle: "cannot execute: required file not found",
        pattern: None,
    },
    // dash (Debian 12): `pf.sh: 1: set: Illegal option -o pipefail`, `Syntax error: "(" unexpected`,
    // `cd: can't cd to /tmp`, `source: not found`; bash `X: command not found`.
    Signature {
        id: SHELL_ILLEGAL_OPTION,
        needle: "Illegal option",
        pattern: Some(SHELL_LINE),
    },
    Signature {
        id: SHELL_SYNTAX,
        needle: "Syntax error",
        pattern: Some(SHELL_LINE),
    },
    Signature {
        id: SHELL_CD,
        needle: "can't cd to",
        pattern: Some(SHELL_LINE),
    },
    Signature {
        id: SHELL_NOT_FOUND,
        needle: ": not found",
        pattern: Some(SHELL_LINE),
    },
    Signature {
        id: SHELL_COMMAND_NOT_FOUND,
        needle: ": command not found",
        pattern: Some(SHELL_LINE),
    },
    Signature {
        id: SHELL_PERMISSION,
        needle: "Permission denied",
        pattern: Some(SHELL_LINE),
    },
];

/// The stable core of a create-time exec error, in every engine's wording
/// (Go's os/exec.LookPath error inside runc's and moby's prefixes, which
/// change between releases); old engines escape the quotes.
static CREATE_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"exec: \\?"(?P<cmd>[^"\\]+)\\?": (?P<why>executable file not found in \$PATH|stat \S+: no such file or directory|permission denied|is a directory)"#,
    )
    .expect("static regex")
});
static RUNC_EXEC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^exec (?P<path>\S+): (?P<why>.+)$").expect("static regex"));
static RUNC_OLD_WHY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"exec user process caused:? "?(?P<why>[^"]+)"?"#).expect("static regex")
});
static ENV_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"env: (?:can't execute )?['‘](?P<program>[^'’]+?)(?P<cr>\\r)?['’]: No such file")
        .expect("static regex")
});
static SHELL_MESSAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<script>[^\s:]+): (?:line (?P<bash>\d+): |(?P<dash>\d+): )?(?P<msg>.+)$")
        .expect("static regex")
});

/// What is wrong with the entrypoint.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Problem {
    /// The file does not exist (create time).
    Missing,
    /// A bare command name is not in `$PATH` (create time).
    NotInPath,
    NotExecutable,
    IsDirectory,
    /// `#!` line ends with `\r`; `proven` when a log shows the `\r`.
    Crlf {
        proven: bool,
    },
    /// Exists but cannot be started: CRLF `#!` line or a missing ELF loader.
    NoInterpreter,
    /// The `#!` names an interpreter the image does not have.
    InterpreterMissing {
        interpreter: String,
    },
    ExecFormat,
    /// Read from the file (live collection): its first line ends with `\r`.
    CrlfFirstLine,
    /// Read from the file: an ELF program whose loader the image lacks.
    LoaderMissing {
        loader: String,
    },
    /// Read from the file: an ELF program for another CPU than the engine's.
    ForeignArchitecture {
        machine: String,
        arch: String,
        engine: String,
    },
    /// The script runs, and its shell rejects a line.
    ShellError {
        line: Option<u32>,
        message: String,
    },
}

struct Case {
    path: String,
    problem: Problem,
    finding: Finding,
}

impl Detector for BrokenEntrypoint {
    detector_meta!();

    fn signatures(&self) -> &'static [Signature] {
        SIGNATURES
    }

    fn detect(&self, cx: &Context<'_>) -> Vec<Finding> {
        let mut cases: BTreeMap<(String, String, Problem), Case> = BTreeMap::new();

        for c in &cx.evidence.containers {
            let Some(caps) = CREATE_TIME.captures(&c.state.error) else {
                continue;
            };
            let path = caps["cmd"].to_string();
            let why = &caps["why"];
            let problem = if why.starts_with("executable file not found") {
                Problem::NotInPath
            } else if why.starts_with("stat ") {
                Problem::Missing
            } else if why == "is a directory"
                || c.working_dir.trim_end_matches('/') == path.trim_end_matches('/')
            {
                Problem::IsDirectory
            } else {
                Problem::NotExecutable
            };
            let mut f = Finding::new(Self::ID, Self::ROLE, &c.name, Text::default());
            f.evidence
                .push(Quote::field(&c.source, "State.Error", &c.state.error));
            f.confidence = 0.95;
            f.occurrences = 1;
            f.seen_at(c.created);
            cases.insert(
                (c.name.clone(), path.clone(), problem.family()),
                Case {
                    path,
                    problem,
                    finding: f,
                },
            );
        }

        for (log, bucket, m) in cx.hits.messages(cx.evidence, Self::ID) {
            let container = container_of(cx.evidence, log);
            let entry = container.and_then(|c| command_files(c).first().map(|w| w.to_string()));
            let text = m.last().text.as_str();
            let found: Option<(String, Problem)> = match bucket.signature {
                RUNC_ENOENT | RUNC_ENOEXEC | RUNC_EACCES => RUNC_EXEC.captures(text).map(|caps| {
                    let path = caps["path"].to_string();
                    let problem = match &caps["why"] {
                        "exec format error" => Problem::ExecFormat,
                        "permission denied" => Problem::NotExecutable,
                        _ if looks_like_script(&path) => Problem::Crlf { proven: false },
                        _ => Problem::NoInterpreter,
                    };
                    (path, problem)
                }),
                RUNC_OLD => RUNC_OLD_WHY.captures(text).and_then(|caps| {
                    let path = entry.clone()?;
                    let problem = match caps["why"].trim() {
                        "exec format error" => Problem::ExecFormat,
                        "permission denied" => Problem::NotExecutable,
                        "no such file or directory" if looks_like_script(&path) => {
                            Problem::Crlf { proven: false }
                        }
                        "no such file or directory" => Problem::NoInterpreter,
                        _ => return None,
                    };
                    Some((path, problem))
                }),
                ENV_INTERPRETER => ENV_LINE.captures(text).and_then(|caps| {
                    let problem = if caps.name("cr").is_some() {
                        Problem::Crlf { proven: true }
                    } else {
                        Problem::InterpreterMissing {
                            interpreter: caps["program"].to_string(),
                        }
                    };
                    Some((entry.clone()?, problem))
                }),
                ESCAPED_CR | ESCAPED_CR_UTF8 => {
                    // Only the shell's complaint about the script proves CRLF;
                    // env's line is read by its own signature.
                    let from_script =
                        shell_script(text, container).is_some() && !ENV_LINE.is_match(text);
                    from_script
                        .then(|| entry.clone().map(|e| (e, Problem::Crlf { proven: true })))
                        .flatten()
                }
                BAD_INTERPRETER => entry.clone().map(|e| {
                    let proven = text.contains("^M:");
                    (e, Problem::Crlf { proven })
                }),
                REQUIRED_FILE => {
                    shell_script(text, container).map(|s| (s, Problem::Crlf { proven: false }))
                }
                SHELL_PERMISSION => shell_error(text, container)
                    .filter(|(_, problem)| *problem == Problem::NotExecutable),
                _ => shell_error(text, container),
            };
            let Some((path, problem)) = found else {
                continue;
            };
            let case = cases
                .entry((log.service.clone(), path.clone(), problem.family()))
                .or_insert_with(|| Case {
                    path,
                    problem: problem.clone(),
                    finding: Finding::new(Self::ID, Self::ROLE, &log.service, Text::default()),
                });
            if problem.certainty() > case.problem.certainty() {
                case.problem = problem;
            }
            add_message(&mut case.finding, log, m);
        }

        refine_with_forensics(cx.evidence, cases.into_values())
            .into_iter()
            .map(|case| finish(cx, case))
            .collect()
    }
}

/// Settles each case with what the entrypoint file itself shows, when a live
/// collection read it; cases that end up the same diagnosis become one.
fn refine_with_forensics(evidence: &Evidence, cases: impl Iterator<Item = Case>) -> Vec<Case> {
    let mut refined: BTreeMap<(String, String, Problem), Case> = BTreeMap::new();
    for mut case in cases {
        let forensics = evidence
            .container(&case.finding.service)
            .and_then(|c| evidence.forensics_of(c))
            .filter(|f| {
                f.exists && (same_file(&case.path, &f.path) || same_file(&case.path, &f.command))
            });
        if let Some((problem, facts)) = forensics.and_then(|f| read_from_file(&case.problem, f)) {
            case.problem = problem;
            case.finding.evidence.extend(facts);
        }
        let key = (
            case.finding.service.clone(),
            case.path.clone(),
            case.problem.clone(),
        );
        match refined.entry(key) {
            std::collections::btree_map::Entry::Vacant(slot) => {
                slot.insert(case);
            }
            std::collections::btree_map::Entry::Occupied(mut slot) => {
                let kept = &mut slot.get_mut().finding;
                kept.occurrences += case.finding.occurrences;
                kept.seen_at(case.finding.first_seen);
                kept.seen_at(case.finding.last_seen);
                kept.evidence.extend(case.finding.evidence);
            }
        }
    }
    refined.into_values().collect()
}

/// The diagnosis the file proves for what the runtime reported, with the
/// facts to quote; `None` when the file does not settle it.
fn read_from_file(problem: &Problem, f: &EntrypointForensics) -> Option<(Problem, Vec<Quote>)> {
    let quote = |field: &str, value: String| Quote::field(&f.source, field, value);
    let missing = f.missing_interpreter();
    match problem {
        Problem::NotExecutable if f.executable == Some(false) => Some((
            Problem::NotExecutable,
            vec![quote("mode", f.mode.clone().unwrap_or_default())],
        )),
        Problem::Crlf { .. } | Problem::NoInterpreter if f.crlf => Some((
            Problem::CrlfFirstLine,
            vec![quote(
                "first_line",
                f.first_line.clone().unwrap_or_default(),
            )],
        )),
        Problem::Crlf { .. } | Problem::NoInterpreter if missing.is_some() => {
            let interpreter = missing?;
            let fact = quote(
                "interpreter",
                format!("{} (not in the container)", interpreter.path),
            );
            let problem = if interpreter.from == "elf" {
                Problem::LoaderMissing {
                    loader: interpreter.path.clone(),
                }
            } else {
                Problem::InterpreterMissing {
                    interpreter: interpreter.path.clone(),
                }
            };
            Some((problem, vec![fact]))
        }
        Problem::ExecFormat if f.foreign_architecture() => {
            let elf = f.elf.as_ref()?;
            let arch = elf.arch.clone()?;
            Some((
                Problem::ForeignArchitecture {
                    machine: elf.machine.clone(),
                    arch: arch.clone(),
                    engine: f.engine_arch.clone(),
                },
                vec![
                    quote("elf", format!("{}-bit {} ({arch})", elf.bits, elf.machine)),
                    quote("engine_arch", f.engine_arch.clone()),
                ],
            ))
        }
        _ => None,
    }
}

impl Problem {
    /// Problems that are one diagnosis seen with more or less certainty
    /// share a family, so the best-supported one names the finding.
    fn family(&self) -> Problem {
        match self {
            Problem::Crlf { .. } | Problem::NoInterpreter => Problem::NoInterpreter,
            other => other.clone(),
        }
    }

    /// How well the evidence supports it, within its family.
    fn certainty(&self) -> u8 {
        match self {
            Problem::Crlf { proven: true } => 2,
            Problem::Crlf { proven: false } => 1,
            _ => 0,
        }
    }
}

fn looks_like_script(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    [".sh", ".bash", ".py", ".pl", ".rb"]
        .iter()
        .any(|ext| name.ends_with(ext))
        || name.contains("entrypoint")
}

fn is_shell(word: &str) -> bool {
    matches!(
        word.rsplit('/').next().unwrap_or(word),
        "sh" | "bash" | "dash" | "ash"
    )
}

/// The container's script a shell line is about: the line comes from a
/// script named in the command, or from the shell that runs it and names it.
fn shell_script(text: &str, container: Option<&Container>) -> Option<String> {
    let c = container?;
    let caps = SHELL_MESSAGE.captures(text)?;
    let script = &caps["script"];
    let files = command_files(c);
    if let Some(file) = files.iter().find(|f| same_file(script, f)) {
        return Some(file.to_string());
    }
    let runs_shell = c
        .entrypoint
        .iter()
        .chain(&c.cmd)
        .next()
        .is_some_and(|w| is_shell(w));
    if is_shell(script) && runs_shell {
        let named = files
            .iter()
            .find(|f| caps["msg"].starts_with(&format!("{}:", f)));
        return Some(named.map_or_else(|| c.command_line(), |f| f.to_string()));
    }
    None
}

/// A shell error from the container's own script, as the problem it shows.
fn shell_error(text: &str, container: Option<&Container>) -> Option<(String, Problem)> {
    let script = shell_script(text, container)?;
    let caps = SHELL_MESSAGE.captures(text)?;
    let line = caps
        .name("bash")
        .or(caps.name("dash"))
        .and_then(|l| l.as_str().parse().ok());
    let message = caps["msg"].to_string();
    // `set -e\r` under dash: the option is a lone "-" once the \r is cleaned off.
    if message.trim_end() == "set: Illegal option -" {
        return Some((script, Problem::Crlf { proven: false }));
    }
    // `sh: 1: ./start.sh: Permission denied` / `not found`: the script itself.
    if let Some(named) = message
        .strip_suffix(": Permission denied")
        .filter(|p| same_file(p, &script))
    {
        return Some((named.to_string(), Problem::NotExecutable));
    }
    Some((script, Problem::ShellError { line, message }))
}

fn role_word(c: Option<&Container>, path: &str) -> &'static str {
    match c {
        Some(c) if !c.entrypoint.iter().any(|w| same_file(path, w)) && !c.cmd.is_empty() => {
            "command"
        }
        _ => "entrypoint",
    }
}

fn finish(cx: &Context<'_>, case: Case) -> Finding {
    let Case {
        path,
        problem,
        mut finding,
    } = case;
    finding.subject = Some(path.clone());
    let service = finding.service.clone();
    let container = cx.evidence.container(&service);
    let what = role_word(container, &path);
    let file = path.rsplit('/').next().unwrap_or(&path).to_string();
    let name = shell_quote(&service).into_owned();
    let image = container.map_or(String::new(), |c| shell_quote(&c.image).into_owned());
    let rebuild: Vec<String> = container
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
        .unwrap_or_default();
    let show_head = format!(
        "docker cp {name}:{} - | tar -xO | head -n 1 | od -c | head -n 3",
        shell_quote(&path)
    );
    let show_type = format!(
        "docker cp {name}:{} - | tar -xO | file -",
        shell_quote(&path)
    );
    let platform = container
        .and_then(|c| cx.evidence.image_of(c))
        .filter(|i| !i.architecture.is_empty())
        .map(|i| format!("{}/{}", i.os, i.architecture));

    // Every message names the file as the entrypoint or the command: `role`
    // selects the word (and its grammar), `path` and `service` fill it in.
    let msg = |id: &'static str| {
        Text::msg(id)
            .with("role", what)
            .with("path", &path)
            .with("service", &service)
    };
    let (title, confidence, remediation) = match &problem {
        Problem::Missing => (
            msg("broken-entrypoint-missing-title"),
            0.95,
            Remediation::new(msg("broken-entrypoint-missing-fix"))
            .step(
                Horizon::Immediate,
                msg("broken-entrypoint-missing-step-look"),
                &[format!(
                    "docker run --rm --entrypoint ls {image} -la {}",
                    shell_quote(parent_dir(&path))
                )],
            )
            .step(
                Horizon::Immediate,
                msg("broken-entrypoint-missing-step-fix"),
                &rebuild,
            ),
        ),
        Problem::NotInPath => (
            msg("broken-entrypoint-not-in-path-title"),
            0.95,
            Remediation::new(msg("broken-entrypoint-not-in-path-fix"))
            .step(
                Horizon::Immediate,
                msg("broken-entrypoint-not-in-path-step-look"),
                &[format!(
                    "docker run --rm --entrypoint sh {image} -c 'command -v {path} || echo not installed; echo \"PATH=$PATH\"'"
                )],
            )
            .step(
                Horizon::Immediate,
                msg("broken-entrypoint-not-in-path-step-install"),
                &rebuild,
            ),
        ),
        Problem::NotExecutable => (
            msg("broken-entrypoint-not-executable-title"),
            0.9,
            Remediation::new(msg("broken-entrypoint-not-executable-fix").with("file", &file))
            .step(
                Horizon::Immediate,
                msg("broken-entrypoint-not-executable-step"),
                &[
                    vec![
                        format!("chmod +x {}", shell_quote(&file)),
                        format!("git update-index --chmod=+x {}", shell_quote(&file)),
                    ],
                    rebuild.clone(),
                ]
                .concat(),
            ),
        ),
        Problem::IsDirectory => (
            msg("broken-entrypoint-directory-title"),
            0.9,
            Remediation::new(msg("broken-entrypoint-directory-fix"))
            .step(
                Horizon::Immediate,
                msg("broken-entrypoint-directory-step"),
                &rebuild,
            ),
        ),
        Problem::Crlf { proven } => {
            let title = match proven {
                true => msg("broken-entrypoint-crlf-title"),
                false => msg("broken-entrypoint-crlf-title-likely"),
            };
            (
                title,
                if *proven { 0.9 } else { 0.75 },
                crlf_remediation(&file, &service, &path, Some(show_head), &rebuild),
            )
        }
        // Certain: the collector read the \r at the end of line 1.
        Problem::CrlfFirstLine => (
            msg("broken-entrypoint-crlf-first-line-title"),
            0.99,
            crlf_remediation(&file, &service, &path, None, &rebuild),
        ),
        Problem::LoaderMissing { loader } => (
            msg("broken-entrypoint-loader-title").with("loader", loader),
            0.95,
            Remediation::new(
                msg("broken-entrypoint-loader-fix")
                    .with("file", &file)
                    .with("loader", loader),
            )
            .step(
                Horizon::Immediate,
                msg("broken-entrypoint-loader-step-look"),
                &[show_type],
            )
            .step(
                Horizon::Immediate,
                msg("broken-entrypoint-loader-step-rebuild"),
                &rebuild,
            ),
        ),
        Problem::ForeignArchitecture {
            machine,
            arch,
            engine,
        } => (
            msg("broken-entrypoint-architecture-title")
                .with("machine", machine)
                .with("arch", arch)
                .with("engine", engine),
            0.97,
            Remediation::new(msg("broken-entrypoint-architecture-fix").with("engine", engine))
            .step(
                Horizon::Immediate,
                msg("broken-entrypoint-architecture-step").with("engine", engine),
                &rebuild,
            ),
        ),
        Problem::NoInterpreter => (
            msg("broken-entrypoint-no-interpreter-title"),
            0.6,
            Remediation::new(msg("broken-entrypoint-no-interpreter-fix"))
            .step(
                Horizon::Immediate,
                msg("broken-entrypoint-no-interpreter-step-look"),
                &[show_type],
            )
            .step(
                Horizon::Immediate,
                msg("broken-entrypoint-no-interpreter-step-rebuild"),
                &rebuild,
            ),
        ),
        Problem::InterpreterMissing { interpreter } => (
            msg("broken-entrypoint-interpreter-title").with("interpreter", interpreter),
            0.85,
            Remediation::new(
                msg("broken-entrypoint-interpreter-fix").with("interpreter", interpreter),
            )
            .step(
                Horizon::Immediate,
                msg("broken-entrypoint-interpreter-step").with("interpreter", interpreter),
                &rebuild,
            ),
        ),
        Problem::ExecFormat => {
            let title = match (looks_like_script(&path), platform) {
                (true, _) => msg("broken-entrypoint-exec-format-script-title"),
                (false, Some(p)) => {
                    msg("broken-entrypoint-exec-format-platform-title").with("platform", p)
                }
                (false, None) => msg("broken-entrypoint-exec-format-title"),
            };
            (
                title,
                0.85,
                Remediation::new(msg("broken-entrypoint-exec-format-fix"))
                .step(
                    Horizon::Immediate,
                    msg("broken-entrypoint-exec-format-step-compare"),
                    &[show_type, "uname -m".to_string()],
                )
                .step(
                    Horizon::Immediate,
                    msg("broken-entrypoint-exec-format-step-rebuild"),
                    &rebuild,
                ),
            )
        }
        Problem::ShellError { line, message } => {
            let (why, fix) = explain_shell(message);
            let show_line = line.map(|l| {
                format!(
                    "docker cp {name}:{} - | tar -xO | sed -n '1p;{l}p'",
                    shell_quote(&path)
                )
            });
            let title = match line {
                Some(l) => msg("broken-entrypoint-shell-title-at").with("line", l.to_string()),
                None => msg("broken-entrypoint-shell-title"),
            };
            (
                title.with("why", why),
                0.85,
                Remediation::new(fix.clone())
                    .step(
                        Horizon::Immediate,
                        Text::msg("broken-entrypoint-shell-step-look"),
                        &show_line.into_iter().collect::<Vec<_>>(),
                    )
                    .step(
                        Horizon::Immediate,
                        Text::msg("broken-entrypoint-shell-step-fix").with("fix", fix),
                        &rebuild,
                    ),
            )
        }
    };
    finding.title = title;
    finding.confidence = confidence;
    finding.remediation = remediation;
    if let Some(c) = container {
        add_state_facts(&mut finding, c);
        let (field, words) = if c.entrypoint.is_empty() {
            ("Config.Cmd", &c.cmd)
        } else {
            ("Config.Entrypoint", &c.entrypoint)
        };
        finding
            .evidence
            .push(Quote::field(&c.source, field, format!("{words:?}")));
    }
    finding
}

/// The fix for a script with Windows line endings; `confirm` shows the
/// first line when it was not read already.
fn crlf_remediation(
    file: &str,
    service: &str,
    path: &str,
    confirm: Option<String>,
    rebuild: &[String],
) -> Remediation {
    let mut remediation = Remediation::new(
        Text::msg("broken-entrypoint-crlf-fix")
            .with("file", file)
            .with("service", service),
    );
    if let Some(show_head) = confirm {
        remediation = remediation.step(
            Horizon::Immediate,
            Text::msg("broken-entrypoint-crlf-step-confirm"),
            &[show_head],
        );
    }
    remediation
        .step(
            Horizon::Immediate,
            Text::msg("broken-entrypoint-crlf-step-convert").with("file", file),
            &[
                vec![format!("dos2unix {}", shell_quote(file))],
                rebuild.to_vec(),
            ]
            .concat(),
        )
        .step(
            Horizon::ShortTerm,
            Text::msg("broken-entrypoint-crlf-step-prevent").with("path", path),
            &[
                "echo '*.sh text eol=lf' >> .gitattributes".to_string(),
                "git add --renormalize .".to_string(),
            ],
        )
}

/// Why a shell rejected a line of the script, and the fix.
fn explain_shell(message: &str) -> (Text, Text) {
    let msg = message.trim();
    if let Some(option) = msg.strip_prefix("set: Illegal option ") {
        return (
            Text::msg("broken-entrypoint-shell-why-set-option").with("option", option),
            Text::msg("broken-entrypoint-shell-fix-set-option").with("option", option),
        );
    }
    if msg.starts_with("Syntax error") || msg.starts_with("syntax error") {
        return (
            Text::msg("broken-entrypoint-shell-why-syntax").with("message", msg),
            Text::msg("broken-entrypoint-shell-fix-syntax"),
        );
    }
    if let Some(dir) = msg.strip_prefix("cd: can't cd to ") {
        return (
            Text::msg("broken-entrypoint-shell-why-cd").with("dir", dir),
            Text::msg("broken-entrypoint-shell-fix-cd").with("dir", dir),
        );
    }
    for builtin in ["source: not found", "[[: not found"] {
        if msg.ends_with(builtin) {
            return (
                Text::msg("broken-entrypoint-shell-why-bashism")
                    .with("builtin", builtin.trim_end_matches(": not found")),
                Text::msg("broken-entrypoint-shell-fix-bashism"),
            );
        }
    }
    if let Some(file) = msg
        .strip_suffix(": not found")
        .filter(|c| c.starts_with('/') || c.starts_with("./"))
    {
        return (
            Text::msg("broken-entrypoint-shell-why-file").with("file", file),
            Text::msg("broken-entrypoint-shell-fix-file").with("file", file),
        );
    }
    if let Some(command) = msg
        .strip_suffix(": not found")
        .or_else(|| msg.strip_suffix(": command not found"))
    {
        return (
            Text::msg("broken-entrypoint-shell-why-command").with("command", command),
            Text::msg("broken-entrypoint-shell-fix-command").with("command", command),
        );
    }
    (
        Text::msg("broken-entrypoint-shell-why-other").with("message", msg),
        Text::msg("broken-entrypoint-shell-fix-other"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::run_detector;

    fn only(bundle: &str) -> Finding {
        let mut findings = run_detector(&BrokenEntrypoint, bundle);
        assert_eq!(findings.len(), 1, "{bundle}: {findings:#?}");
        findings.remove(0)
    }

    fn commands(f: &Finding) -> Vec<String> {
        f.remediation
            .steps
            .iter()
            .flat_map(|s| s.commands.clone())
            .collect()
    }

    #[test]
    fn a_crlf_shebang_is_named_although_runc_says_no_such_file() {
        let f = only("entrypoint-crlf");
        assert_eq!(f.service, "web");
        assert_eq!(
            f.title,
            "entrypoint /docker_entrypoint.sh cannot be executed although it exists: most likely its shebang line ends with \\r (Windows line endings)"
        );
        assert!(f.confidence < 0.9, "not proven by the log alone");
        assert_eq!(f.occurrences, 4);
        assert_eq!(
            f.evidence[0].text,
            "exec /docker_entrypoint.sh: no such file or directory"
        );
        assert!(f.evidence.iter().any(|q| q.text == "RestartCount: 3"));
        let commands = commands(&f);
        assert!(commands.contains(&"dos2unix docker_entrypoint.sh".to_string()));
        assert!(commands.contains(
            &"docker cp web:/docker_entrypoint.sh - | tar -xO | head -n 1 | od -c | head -n 3"
                .to_string()
        ));
        assert!(commands.contains(&"docker rm -f web".to_string()));
        assert!(commands.contains(&"echo '*.sh text eol=lf' >> .gitattributes".to_string()));
    }

    #[test]
    fn a_missing_entrypoint_file_never_started_the_container() {
        let f = only("entrypoint-missing");
        assert_eq!(
            f.title,
            "entrypoint /app/start.sh does not exist in the image, so app was never started"
        );
        assert!(f.confidence >= 0.9);
        assert!(f.evidence[0].text.to_string().starts_with("State.Error: "));
        assert!(f.evidence.iter().any(|q| q.text == "State.ExitCode: 127"));
        assert!(f.first_seen.is_some());
        assert!(commands(&f).contains(
            &"docker run --rm --entrypoint ls coroner-fixture/entrypoint-missing:latest -la /app"
                .to_string()
        ));
    }

    #[test]
    fn a_script_without_execute_bit_is_told_to_chmod() {
        let f = only("entrypoint-noexec");
        assert_eq!(
            f.title,
            "entrypoint /app/start.sh cannot be executed: it lacks the execute permission"
        );
        assert!(f.evidence.iter().any(|q| q.text == "State.ExitCode: 126"));
        assert!(f
            .remediation
            .summary
            .to_string()
            .contains("RUN chmod +x /app/start.sh"));
        assert!(commands(&f).contains(&"chmod +x start.sh".to_string()));
    }

    #[test]
    fn a_command_not_in_path_is_named() {
        let f = only("entrypoint-not-in-path");
        assert_eq!(f.service, "api");
        assert_eq!(
            f.title,
            "command 'gunicorn' is not installed in the image (executable file not found in $PATH), so api was never started"
        );
    }

    #[test]
    fn an_exec_format_error_points_at_the_architecture() {
        let f = only("entrypoint-exec-format");
        assert_eq!(
            f.title,
            "entrypoint /usr/local/bin/exporter cannot be executed (exec format error): most likely it is built for another CPU architecture than the host (the image says linux/amd64)"
        );
        assert_eq!(f.occurrences, 4);
        assert!(commands(&f).contains(
            &"docker cp exporter:/usr/local/bin/exporter - | tar -xO | file -".to_string()
        ));
    }

    #[test]
    fn a_bash_option_under_dash_is_a_shell_error_of_the_entrypoint() {
        let f = only("entrypoint-shell-error");
        assert_eq!(
            f.title,
            "entrypoint /docker-entrypoint.sh fails at line 2: `set -o pipefail` is a bash option, but the script runs under /bin/sh (dash), which does not have it"
        );
        assert_eq!(f.occurrences, 4);
        assert!(commands(&f).contains(
            &"docker cp api:/docker-entrypoint.sh - | tar -xO | sed -n '1p;2p'".to_string()
        ));
    }

    #[test]
    fn main_incident_shows_the_entrypoint_shell_error_of_the_first_start() {
        let f = only("main-incident");
        assert_eq!(f.service, "mcp-api");
        assert!(
            f.title.to_string().starts_with(
                "entrypoint /app/docker_entrypoint.sh fails at line 16: `set -o pipefail`"
            ),
            "{}",
            f.title
        );
        assert_eq!(f.occurrences, 1);
    }

    #[test]
    fn a_healthy_stack_has_runnable_entrypoints() {
        assert!(run_detector(&BrokenEntrypoint, "healthy-stack").is_empty());
    }

    #[test]
    fn finds_nothing_in_the_red_herring_bundle() {
        assert!(run_detector(&BrokenEntrypoint, "red-herring").is_empty());
    }

    #[test]
    fn a_logged_carriage_return_proves_the_guess_and_joins_it() {
        // coreutils 9.1 env and runc 1.1 wordings
        let findings = super::super::common::run_on_scratch(
            &BrokenEntrypoint,
            r#"{"Id": "c1", "Name": "/web", "RestartCount": 1,
                "State": {"Status": "exited", "ExitCode": 127},
                "Config": {"Image": "web:1", "Entrypoint": ["/entrypoint.sh"]}}"#,
            "2026-11-27T10:00:00.000000000Z /usr/bin/env: 'bash\\r': No such file or directory\n\
             2026-11-27T10:00:01.000000000Z exec /entrypoint.sh: no such file or directory\n",
        );
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let f = &findings[0];
        assert_eq!(
            f.title,
            "entrypoint /entrypoint.sh cannot be executed: its shebang line ends with \\r (Windows line endings)"
        );
        assert!(f.confidence >= 0.9);
        assert_eq!(f.occurrences, 2);
    }

    #[test]
    fn reads_the_older_runc_wording() {
        // runc < 1.1 wordings, as printed by libcontainer/standard_init_linux.go
        let inspect = r#"{"Id": "c1", "Name": "/app", "State": {"Status": "exited", "ExitCode": 1},
            "Config": {"Image": "app:1", "Entrypoint": ["/docker-entrypoint.sh"]}}"#;
        let crlf = super::super::common::run_on_scratch(
            &BrokenEntrypoint,
            inspect,
            "2019-01-01T10:00:00.000000000Z standard_init_linux.go:207: exec user process caused \"no such file or directory\"\n",
        );
        assert_eq!(crlf.len(), 1, "{crlf:#?}");
        assert!(crlf[0]
            .title
            .to_string()
            .contains("most likely its shebang line ends with \\r"));
        let format = super::super::common::run_on_scratch(
            &BrokenEntrypoint,
            inspect,
            "2019-01-01T10:00:00.000000000Z standard_init_linux.go:228: exec user process caused: exec format error\n",
        );
        assert_eq!(format.len(), 1, "{format:#?}");
        assert!(format[0].title.to_string().starts_with("entrypoint /docker-entrypoint.sh cannot be executed (exec format error): most likely the script has no #! line"));
    }

    #[test]
    fn reads_every_engine_wording_of_create_time_errors() {
        // container_linux.go (runc < 1.1), and the Docker 24+ prefix chain
        for (error, cmd, why) in [
            (
                r#"OCI runtime create failed: container_linux.go:345: starting container process caused "exec: \"cd\": executable file not found in $PATH": unknown"#,
                "cd",
                "executable file not found in $PATH",
            ),
            (
                r#"failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "sh": executable file not found in $PATH"#,
                "sh",
                "executable file not found in $PATH",
            ),
            (
                r#"failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/app": permission denied: unknown"#,
                "/app",
                "permission denied",
            ),
        ] {
            let caps = CREATE_TIME.captures(error).unwrap();
            assert_eq!((&caps["cmd"], &caps["why"]), (cmd, why));
        }
    }

    #[test]
    fn explains_dash_and_bash_messages() {
        assert!(explain_shell("Syntax error: \"(\" unexpected")
            .0
            .to_string()
            .contains("dash"));
        assert!(explain_shell("source: not found")
            .0
            .to_string()
            .contains("`source` is bash syntax"));
        assert_eq!(
            explain_shell("cd: can't cd to /app/data").0,
            "the directory /app/data does not exist in the container"
        );
        assert_eq!(
            explain_shell("gosu: not found").0,
            "the command gosu is not installed in the image"
        );
        let env = ENV_LINE
            .captures("/usr/bin/env: ‘bash\\r’: No such file or directory")
            .unwrap();
        assert_eq!((&env["program"], env.name("cr").is_some()), ("bash", true));
        let busybox = ENV_LINE
            .captures("env: can't execute 'bash': No such file or directory")
            .unwrap();
        assert_eq!(
            (&busybox["program"], busybox.name("cr").is_some()),
            ("bash", false)
        );
    }

    #[test]
    fn the_entrypoint_and_the_command_read_in_french() {
        let fr = crate::locale::get("fr").unwrap();
        assert_eq!(
            fr.text(&only("entrypoint-not-in-path").title),
            "la commande «\u{a0}gunicorn\u{a0}» est introuvable dans l'image (executable file not found in $PATH)\u{a0}: api n'a donc jamais démarré"
        );
        assert_eq!(
            fr.text(&only("entrypoint-missing").title),
            "le point d'entrée /app/start.sh n'existe pas dans l'image\u{a0}: app n'a donc jamais démarré"
        );
    }
}
