use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use super::common::{
    add_message, add_state_facts, command_files, container_of, recreate_commands, same_file,
    shell_quote, Change,
};
use crate::analyze::detector::{
    Context, Detector, Finding, Horizon, Quote, Remediation, Signature,
};
use crate::analyze::scan::{Hit, Message};
use crate::evidence::{Container, LogSource};
use crate::locale::Text;
use crate::{detector_meta, documented_detector};

documented_detector! {
    /// Detects a program that cannot start because a module it imports is
    /// missing: Python's `ModuleNotFoundError: No module named 'x'` and
    /// `ImportError: cannot import name`, `python: No module named x`,
    /// uvicorn's `Error loading ASGI app. Could not import module "main"`,
    /// Node's `Cannot find module 'x'` and `ERR_MODULE_NOT_FOUND`.
    ///
    /// Why it matters: the process dies at import time, before it serves
    /// anything, and a restart policy turns that into a crash loop. gunicorn's
    /// `Worker failed to boot` and uvicorn's import error are what the
    /// supervisor says; the traceback above them names the module.
    ///
    /// Two different mistakes print the same error, and need different fixes:
    /// a third-party package that was never installed in the image (`pandas`:
    /// add it to requirements.txt and rebuild), and the project's own package
    /// that is in the image but not on the import path (`scripts`: a script
    /// started from a subdirectory, a wrong working directory, PYTHONPATH, or
    /// a volume mounted over the code). The module is the project's when a
    /// traceback frame, the command or a mount shows a file or directory of
    /// that name in the project, or when the importing script runs from a
    /// subdirectory of the working directory. A frame inside site-packages
    /// means a dependency of an installed package is missing. Node: a bare
    /// name is an npm dependency, a relative or absolute path a project file.
    ///
    /// Evidence: the container's log (the error, the traceback frames before
    /// it), and from `docker container inspect` the working directory,
    /// command, mounts and restart count.
    ///
    /// Fix: install the package in the image (requirements.txt or
    /// package.json, then rebuild), or put the project root on the import
    /// path (`PYTHONPATH`, `python -m package.module` from the root, the
    /// right `WORKDIR`), then recreate the container.
    pub struct MissingModule;
    id = "missing-module", role = Cause, summary = "a program cannot import a module: a missing package or the project's own code not on the path";
}

const PY_NO_MODULE: &str = "python-no-module";
const PY_CANNOT_IMPORT: &str = "python-cannot-import-name";
const UVICORN_APP: &str = "uvicorn-app-module";
const PY_FRAME: &str = "python-traceback-frame";
const GUNICORN_WORKER: &str = "gunicorn-worker-failed-to-boot";
const GUNICORN_APP: &str = "gunicorn-app-failed-to-load";
const NODE_CJS: &str = "node-cannot-find-module";
const NODE_ESM: &str = "node-err-module-not-found";

const SIGNATURES: &[Signature] = &[
    // CPython 3.x `ModuleNotFoundError: No module named 'x'`, `python -m`'s
    // unquoted `python3: No module named x` (CPython 3.11).
    Signature {
        id: PY_NO_MODULE,
        needle: "No module named",
        pattern: Some(r"No module named '?[A-Za-z_][\w.]*"),
    },
    Signature {
        id: PY_CANNOT_IMPORT,
        needle: "cannot import name",
        pattern: Some(r"ImportError: cannot import name '\w+' from "),
    },
    // uvicorn/importer.py: `Could not import module "{module_str}".`
    Signature {
        id: UVICORN_APP,
        needle: "Could not import module \"",
        pattern: Some(r#"Error loading ASGI app\. Could not import module "[^"]+""#),
    },
    // Traceback frames show where the project's files live.
    Signature {
        id: PY_FRAME,
        needle: "File \"",
        pattern: Some(r#"^\s*File "[^"]+", line \d+"#),
    },
    // gunicorn/arbiter.py reasons WORKER_BOOT_ERROR and APP_LOAD_ERROR.
    Signature {
        id: GUNICORN_WORKER,
        needle: "Worker failed to boot",
        pattern: None,
    },
    Signature {
        id: GUNICORN_APP,
        needle: "App failed to load",
        pattern: None,
    },
    // Node CommonJS `Error: Cannot find module 'x'` and ESM
    // `Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'x' imported from …`.
    Signature {
        id: NODE_CJS,
        needle: "Cannot find module '",
        pattern: Some(r"Error: Cannot find module '[^']+'"),
    },
    Signature {
        id: NODE_ESM,
        needle: "ERR_MODULE_NOT_FOUND",
        pattern: Some(r"Cannot find (?:package|module) '[^']+' imported from"),
    },
];

static NO_MODULE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"No module named '?(?P<module>[A-Za-z_][\w.]*)'?").expect("static regex")
});
static MODULE_SPEC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"Error while finding module specification for '(?P<target>[\w.]+)'")
        .expect("static regex")
});
static CANNOT_IMPORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"cannot import name '(?P<name>\w+)' from (?P<partial>partially initialized module )?'(?P<module>[\w.]+)'(?:.*\((?P<path>/[^)]*)\))?",
    )
    .expect("static regex")
});
static UVICORN_MODULE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"Could not import module "(?P<module>[^"]+)""#).expect("static regex")
});
static FRAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"^\s*File "(?P<path>[^"]+)", line \d+"#).expect("static regex"));
static NODE_MODULE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"Cannot find (?:module|package) '(?P<spec>[^']+)'(?: imported from (?P<from>\S+))?")
        .expect("static regex")
});

/// Import names whose pip distribution is named differently, and common
/// packages that share their import name: a module of this name is a
/// third-party dependency, not the project's own code.
const DISTRIBUTIONS: &[(&str, &str)] = &[
    ("PIL", "Pillow"),
    ("attr", "attrs"),
    ("bs4", "beautifulsoup4"),
    ("cv2", "opencv-python-headless"),
    ("dateutil", "python-dateutil"),
    ("dotenv", "python-dotenv"),
    ("jwt", "PyJWT"),
    ("magic", "python-magic"),
    ("MySQLdb", "mysqlclient"),
    ("psycopg2", "psycopg2-binary"),
    ("sklearn", "scikit-learn"),
    ("yaml", "PyYAML"),
    ("aiohttp", "aiohttp"),
    ("boto3", "boto3"),
    ("celery", "celery"),
    ("django", "Django"),
    ("fastapi", "fastapi"),
    ("flask", "Flask"),
    ("gunicorn", "gunicorn"),
    ("httpx", "httpx"),
    ("jinja2", "Jinja2"),
    ("numpy", "numpy"),
    ("pandas", "pandas"),
    ("psycopg", "psycopg"),
    ("pydantic", "pydantic"),
    ("pydantic_settings", "pydantic-settings"),
    ("qdrant_client", "qdrant-client"),
    ("redis", "redis"),
    ("requests", "requests"),
    ("scipy", "scipy"),
    ("sqlalchemy", "SQLAlchemy"),
    ("torch", "torch"),
    ("uvicorn", "uvicorn"),
];

fn distribution(top: &str) -> Option<&'static str> {
    DISTRIBUTIONS
        .iter()
        .find(|(import, _)| *import == top)
        .map(|(_, dist)| *dist)
}

/// What kind of mistake a missing module is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Diagnosis {
    /// A third-party Python package is not installed.
    PythonPackage { pip: String },
    /// An installed package needs another that is not installed.
    PythonTransitive { pip: String, needed_by: String },
    /// The package is installed, but has no such submodule.
    PythonSubmodule { parent: String },
    /// The project's own package is in the image but not on the import path.
    PythonProject {
        root: String,
        /// Whether the evidence shows it is the project's, rather than suggests it.
        certain: bool,
        /// The evidence that shows it, when it is not the error itself.
        proof: Option<Quote>,
    },
    /// The module exists but lacks the imported name.
    PythonName {
        name: String,
        location: Option<String>,
        circular: bool,
    },
    /// The app module a server was told to load is not importable.
    ServerApp { mount: Option<String> },
    /// A bare-name npm dependency is not installed.
    NodePackage { package: String },
    /// A project file (relative or absolute path) is missing.
    NodeFile { entry: bool },
}

struct Case {
    service: String,
    module: String,
    diagnosis: Diagnosis,
    log: usize,
    last_line: u64,
    /// Whether the error stopped the program, rather than being logged by it.
    fatal: bool,
    finding: Finding,
}

impl Detector for MissingModule {
    detector_meta!();

    fn signatures(&self) -> &'static [Signature] {
        SIGNATURES
    }

    fn detect(&self, cx: &Context<'_>) -> Vec<Finding> {
        // Every traceback frame line is a hit of its own; together they show
        // where the project's files are.
        let mut frames: BTreeMap<usize, Vec<Quote>> = BTreeMap::new();
        for (log, bucket, m) in cx.hits.messages(cx.evidence, Self::ID) {
            if bucket.signature == PY_FRAME {
                frames
                    .entry(bucket.log)
                    .or_default()
                    .push(m.quote_last(log));
            }
        }
        let no_frames = Vec::new();

        let mut cases: BTreeMap<(String, String), Case> = BTreeMap::new();
        let mut supervisor: Vec<(usize, &LogSource, &Message)> = Vec::new();
        for (log, bucket, m) in cx.hits.messages(cx.evidence, Self::ID) {
            let container = container_of(cx.evidence, log);
            let seen = frames.get(&bucket.log).unwrap_or(&no_frames);
            let found = match bucket.signature {
                PY_NO_MODULE => python_missing(m.last(), container, seen),
                PY_CANNOT_IMPORT => cannot_import(m.last()),
                UVICORN_APP => UVICORN_MODULE.captures(&m.last().text).map(|c| {
                    let mount = container.and_then(|c| {
                        c.mounts
                            .iter()
                            .find(|mt| !c.working_dir.is_empty() && mt.destination == c.working_dir)
                            .map(|mt| mt.destination.clone())
                    });
                    (c["module"].to_string(), Diagnosis::ServerApp { mount })
                }),
                NODE_CJS | NODE_ESM => node_missing(m.last(), container),
                GUNICORN_WORKER | GUNICORN_APP => {
                    supervisor.push((bucket.log, log, m));
                    None
                }
                _ => None,
            };
            let Some((module, diagnosis)) = found else {
                continue;
            };
            let key = (log.service.clone(), module.clone());
            let case = cases.entry(key).or_insert_with(|| Case {
                service: log.service.clone(),
                module,
                diagnosis: diagnosis.clone(),
                log: bucket.log,
                last_line: 0,
                fatal: false,
                finding: Finding::new(Self::ID, Self::ROLE, &log.service, Text::default()),
            });
            case.fatal |= is_fatal(&m.last().text);
            // Proof found in one message is worth more than inference from another.
            if rank(&diagnosis) > rank(&case.diagnosis) {
                case.diagnosis = diagnosis;
            }
            case.last_line = case.last_line.max(m.last().line);
            add_message(&mut case.finding, log, m);
            if let Some((lines_back, frame)) = importing_frame(m.last()) {
                if !case.finding.evidence.iter().any(|q| q.text == frame) {
                    case.finding.evidence.push(Quote {
                        source: log.display.clone(),
                        line: Some(m.last().line.saturating_sub(lines_back)),
                        timestamp: m.last().timestamp,
                        text: frame,
                        count: m.count,
                    });
                }
            }
        }

        // gunicorn's reason line is what the supervisor saw; the module error
        // just above it in the same log is why.
        for (log_index, log, m) in supervisor {
            let explained = cases
                .values_mut()
                .filter(|c| c.log == log_index && c.last_line < m.last().line)
                .max_by_key(|c| c.last_line);
            if let Some(case) = explained {
                case.finding.evidence.push(m.quote_last(log));
            }
        }

        cases.into_values().map(|case| finish(cx, case)).collect()
    }
}

/// An uncaught error or a loader's message stops the program; the same text
/// inside a log line (`optional speed-up unavailable (No module named ...)`)
/// is something the program handled.
fn is_fatal(text: &str) -> bool {
    static FATAL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:ModuleNotFoundError|ImportError|Error(?: \[ERR_MODULE_NOT_FOUND\])?): |^\S*python[\d.]*: |Error loading ASGI app")
            .expect("static regex")
    });
    FATAL.is_match(text)
}

/// Orders diagnoses of one module by how much evidence they carry.
fn rank(d: &Diagnosis) -> u8 {
    match d {
        Diagnosis::PythonProject { certain: true, .. } => 3,
        Diagnosis::PythonProject { certain: false, .. } => 1,
        Diagnosis::PythonPackage { .. } => 0,
        _ => 2,
    }
}

/// The traceback frame that ran the failing import, from the lines before
/// it, and how many lines above the error it is.
fn importing_frame(hit: &Hit) -> Option<(u64, String)> {
    hit.before
        .iter()
        .rev()
        .enumerate()
        .find(|(_, l)| FRAME.is_match(l))
        .map(|(back, l)| (back as u64 + 1, l.trim().to_string()))
}

fn python_missing(
    hit: &Hit,
    container: Option<&Container>,
    seen_frames: &[Quote],
) -> Option<(String, Diagnosis)> {
    let module = NO_MODULE.captures(&hit.text)?["module"].to_string();
    let top = module.split('.').next().unwrap_or(&module).to_string();
    let workdir = container.map_or("", |c| c.working_dir.trim_end_matches('/'));
    // `python -m app.main` run from the wrong directory names its own target.
    let run_target = MODULE_SPEC
        .captures(&hit.text)
        .map(|c| c["target"].to_string());
    let importer = importing_frame(hit)
        .and_then(|(_, frame)| FRAME.captures(&frame).map(|c| c["path"].to_string()));

    if let Some((root, proof)) = project_proof(&top, container, seen_frames) {
        return Some((
            top,
            Diagnosis::PythonProject {
                root,
                certain: true,
                proof: Some(proof),
            },
        ));
    }
    // `python -m app.main` names the project's module it was told to run.
    if run_target.is_some() && distribution(&top).is_none() {
        return Some((
            top,
            Diagnosis::PythonProject {
                root: workdir.to_string(),
                certain: true,
                proof: container.map(|c| Quote::field(&c.source, "Config.Cmd", c.command_line())),
            },
        ));
    }
    if module.contains('.') {
        return Some((module, Diagnosis::PythonSubmodule { parent: top }));
    }
    if let Some(package) = importer.as_deref().and_then(site_package) {
        return Some((
            top.clone(),
            Diagnosis::PythonTransitive {
                pip: distribution(&top).unwrap_or(&top).to_string(),
                needed_by: package.to_string(),
            },
        ));
    }
    // A script in a subdirectory of the working directory runs with that
    // subdirectory, not the project root, as sys.path[0]: a sibling package
    // of the subdirectory is then not importable.
    let from_subdirectory = importer.as_deref().is_some_and(|path| {
        let dir = path.rsplit_once('/').map_or("", |(d, _)| d);
        !workdir.is_empty() && dir.starts_with(&format!("{workdir}/"))
    });
    if from_subdirectory && distribution(&top).is_none() {
        return Some((
            top,
            Diagnosis::PythonProject {
                root: workdir.to_string(),
                certain: false,
                proof: None,
            },
        ));
    }
    Some((
        top.clone(),
        Diagnosis::PythonPackage {
            pip: distribution(&top).unwrap_or(&top).to_string(),
        },
    ))
}

/// Evidence that `top` is part of the project, and the project root it
/// implies: a traceback frame under `<root>/<top>/`, the command, or a mount.
fn project_proof(
    top: &str,
    container: Option<&Container>,
    seen_frames: &[Quote],
) -> Option<(String, Quote)> {
    let dir_marker = format!("/{top}/");
    let file_marker = format!("/{top}.py");
    for frame in seen_frames {
        let Some(path) = FRAME.captures(&frame.text).map(|c| c["path"].to_string()) else {
            continue;
        };
        if path.contains("-packages/") || path.contains("/lib/python") {
            continue;
        }
        let at = path.find(&dir_marker).or_else(|| {
            path.ends_with(&file_marker)
                .then(|| path.len() - file_marker.len())
        });
        if let Some(at) = at {
            let root = if at == 0 { "/" } else { &path[..at] };
            return Some((root.to_string(), frame.clone()));
        }
    }
    let c = container?;
    let names_it = |w: &str| {
        let module_path = w.split(':').next().unwrap_or(w);
        module_path == top
            || module_path.starts_with(&format!("{top}."))
            || w.contains(&dir_marker)
            || w.starts_with(&format!("{top}/"))
    };
    if c.entrypoint
        .iter()
        .chain(&c.cmd)
        .flat_map(|w| w.split_whitespace())
        .any(names_it)
    {
        return Some((
            c.working_dir.trim_end_matches('/').to_string(),
            Quote::field(
                &c.source,
                "Config.Entrypoint + Config.Cmd",
                c.command_line(),
            ),
        ));
    }
    c.mounts
        .iter()
        .find(|m| m.destination.ends_with(&format!("/{top}")))
        .map(|m| {
            let root = &m.destination[..m.destination.len() - top.len() - 1];
            (
                if root.is_empty() { "/" } else { root }.to_string(),
                Quote::field(
                    &c.source,
                    "Mounts",
                    format!("{} -> {}", m.source, m.destination),
                ),
            )
        })
}

/// `…/site-packages/<pkg>/…` → `<pkg>`.
fn site_package(path: &str) -> Option<&str> {
    let rest = path
        .split_once("/site-packages/")
        .or_else(|| path.split_once("/dist-packages/"))?
        .1;
    rest.split('/')
        .next()
        .map(|p| p.trim_end_matches(".py"))
        .filter(|p| !p.is_empty())
}

fn cannot_import(hit: &Hit) -> Option<(String, Diagnosis)> {
    let c = CANNOT_IMPORT.captures(&hit.text)?;
    Some((
        c["module"].to_string(),
        Diagnosis::PythonName {
            name: c["name"].to_string(),
            location: c.name("path").map(|p| p.as_str().to_string()),
            circular: c.name("partial").is_some(),
        },
    ))
}

fn node_missing(hit: &Hit, container: Option<&Container>) -> Option<(String, Diagnosis)> {
    let c = NODE_MODULE.captures(&hit.text)?;
    let spec = c["spec"].to_string();
    if spec.starts_with('.') || spec.starts_with('/') {
        let entry = container.is_some_and(|c| command_files(c).iter().any(|w| same_file(&spec, w)));
        return Some((spec, Diagnosis::NodeFile { entry }));
    }
    // `@scope/name/sub` → `@scope/name`; `name/sub` → `name`.
    let parts: Vec<&str> = spec.split('/').collect();
    let package = if spec.starts_with('@') && parts.len() > 1 {
        format!("{}/{}", parts[0], parts[1])
    } else {
        parts[0].to_string()
    };
    Some((package.clone(), Diagnosis::NodePackage { package }))
}

fn finish(cx: &Context<'_>, case: Case) -> Finding {
    let Case {
        service,
        module,
        diagnosis,
        fatal,
        mut finding,
        ..
    } = case;
    finding.subject = Some(module.clone());
    let container = cx.evidence.container(&service);
    let workdir = container.map_or("/app", |c| {
        if c.working_dir.is_empty() {
            "/"
        } else {
            c.working_dir.as_str()
        }
    });
    let rebuild = |c: &Container| {
        recreate_commands(
            cx.evidence,
            c,
            &Change {
                rebuild: true,
                ..Change::default()
            },
        )
    };
    let (title, confidence, remediation) = match &diagnosis {
        Diagnosis::PythonPackage { pip } => (
            Text::msg("missing-module-python-package-title")
                .with("module", &module)
                .with("service", &service),
            0.9,
            Remediation::new(Text::msg("missing-module-python-package-fix").with("pip", pip))
                .step(
                    Horizon::Immediate,
                    Text::msg("missing-module-python-package-step-add").with("pip", pip),
                    &container.map(rebuild).unwrap_or_default(),
                )
                .step(
                    Horizon::ShortTerm,
                    Text::msg("missing-module-python-package-step-ci"),
                    &[],
                ),
        ),
        Diagnosis::PythonTransitive { pip, needed_by } => (
            Text::msg("missing-module-transitive-title")
                .with("module", &module)
                .with("needed_by", needed_by)
                .with("service", &service),
            0.85,
            Remediation::new(
                Text::msg("missing-module-transitive-fix")
                    .with("pip", pip)
                    .with("needed_by", needed_by),
            )
            .step(
                Horizon::Immediate,
                Text::msg("missing-module-transitive-step")
                    .with("pip", pip)
                    .with("needed_by", needed_by),
                &container.map(rebuild).unwrap_or_default(),
            ),
        ),
        Diagnosis::PythonSubmodule { parent } => (
            Text::msg("missing-module-submodule-title")
                .with("module", &module)
                .with("parent", parent)
                .with("service", &service),
            0.75,
            Remediation::new(Text::msg("missing-module-submodule-fix").with("parent", parent))
                .step(
                    Horizon::Immediate,
                    Text::msg("missing-module-submodule-step")
                        .with("pip", distribution(parent).unwrap_or(parent)),
                    &container.map(rebuild).unwrap_or_default(),
                ),
        ),
        Diagnosis::PythonProject {
            root,
            certain,
            proof,
        } => {
            let root = if root.is_empty() {
                workdir
            } else {
                root.as_str()
            };
            let (title, confidence) = match certain {
                true => (Text::msg("missing-module-project-title"), 0.9),
                false => (Text::msg("missing-module-project-title-likely"), 0.75),
            };
            let title = title
                .with("module", &module)
                .with("root", root)
                .with("service", &service);
            let commands = container
                .map(|c| {
                    recreate_commands(
                        cx.evidence,
                        c,
                        &Change {
                            env: vec![("PYTHONPATH".into(), root.to_string())],
                            ..Change::default()
                        },
                    )
                })
                .unwrap_or_default();
            if let Some(proof) = proof {
                if !finding.evidence.contains(proof) {
                    finding.evidence.push(proof.clone());
                }
            }
            (
                title,
                confidence,
                Remediation::new(Text::msg("missing-module-project-fix").with("root", root))
                    .step(
                        Horizon::Immediate,
                        Text::msg("missing-module-project-step-pythonpath")
                            .with("root", root)
                            .with("module", &module),
                        &commands,
                    )
                    .step(
                        Horizon::ShortTerm,
                        Text::msg("missing-module-project-step-image").with("root", root),
                        &[],
                    ),
            )
        }
        Diagnosis::PythonName {
            name,
            location,
            circular,
        } => {
            let site = location.as_deref().and_then(site_package);
            let (why, fix) = if *circular {
                (
                    Text::msg("missing-module-name-why-circular"),
                    Text::msg("missing-module-name-fix-circular").with("module", &module),
                )
            } else if let Some(package) = site {
                (
                    Text::msg("missing-module-name-why-version").with("package", package),
                    Text::msg("missing-module-name-fix-version")
                        .with("pip", distribution(package).unwrap_or(package))
                        .with("name", name),
                )
            } else {
                let why = match location {
                    Some(l) => {
                        Text::msg("missing-module-name-why-undefined-at").with("location", l)
                    }
                    None => Text::msg("missing-module-name-why-undefined"),
                };
                (
                    why.with("module", &module),
                    Text::msg("missing-module-name-fix-undefined")
                        .with("name", name)
                        .with("module", &module),
                )
            };
            (
                Text::msg("missing-module-name-title")
                    .with("name", name)
                    .with("module", &module)
                    .with("service", &service)
                    .with("why", why),
                0.7,
                Remediation::new(fix.clone()).step(
                    Horizon::Immediate,
                    Text::msg("missing-module-name-step").with("fix", fix),
                    &container.map(rebuild).unwrap_or_default(),
                ),
            )
        }
        Diagnosis::ServerApp { mount } => {
            let title = match mount {
                Some(m) => Text::msg("missing-module-app-title-mount").with("mount", m),
                None => Text::msg("missing-module-app-title").with("workdir", workdir),
            };
            (
                title.with("module", &module).with("service", &service),
                if mount.is_some() { 0.85 } else { 0.8 },
                Remediation::new(Text::msg("missing-module-app-fix").with("module", &module))
                .step(
                    Horizon::Immediate,
                    Text::msg("missing-module-app-step").with("module", &module),
                    &container
                        .map(|c| {
                            vec![format!(
                                "docker run --rm --entrypoint find {} / -name {module}.py -not -path '/proc/*'",
                                shell_quote(&c.image)
                            )]
                        })
                        .unwrap_or_default(),
                ),
            )
        }
        Diagnosis::NodePackage { package } => (
            Text::msg("missing-module-npm-title")
                .with("package", package)
                .with("service", &service),
            0.9,
            Remediation::new(Text::msg("missing-module-npm-fix").with("package", package)).step(
                Horizon::Immediate,
                Text::msg("missing-module-npm-step").with("package", package),
                &container.map(rebuild).unwrap_or_default(),
            ),
        ),
        Diagnosis::NodeFile { entry } => (
            match entry {
                true => Text::msg("missing-module-node-entry-title"),
                false => Text::msg("missing-module-node-file-title"),
            }
            .with("service", &service)
            .with("module", &module),
            0.85,
            Remediation::new(Text::msg("missing-module-node-file-fix").with("module", &module))
                .step(
                    Horizon::Immediate,
                    Text::msg("missing-module-node-file-step"),
                    &container.map(rebuild).unwrap_or_default(),
                ),
        ),
    };
    finding.title = title;
    // Logged and survived: the import failed, but it may not be what hurt.
    finding.confidence = if fatal {
        confidence
    } else {
        confidence.min(0.5)
    };
    finding.remediation = remediation;
    if let Some(c) = container {
        add_state_facts(&mut finding, c);
        finding.evidence.push(Quote::field(
            &c.source,
            "Config.WorkingDir",
            if c.working_dir.is_empty() {
                "/"
            } else {
                &c.working_dir
            },
        ));
    }
    finding
}

#[cfg(test)]
mod tests {
    use super::super::common::{hit, run_on_scratch};
    use super::*;
    use crate::analyze::{analyze, Verdict};
    use crate::testing::{fixture, run_detector};

    fn find<'a>(findings: &'a [Finding], needle: &str) -> &'a Finding {
        findings
            .iter()
            .find(|f| f.title.to_string().contains(needle))
            .unwrap_or_else(|| panic!("no finding about {needle}: {findings:#?}"))
    }

    #[test]
    fn a_missing_third_party_package_is_told_to_be_installed() {
        let findings = run_detector(&MissingModule, "missing-module-thirdparty");
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let f = &findings[0];
        assert_eq!(f.service, "reports");
        assert_eq!(
            f.title,
            "Python package 'pandas' is not installed in the image of reports"
        );
        assert!(f.confidence >= 0.9);
        assert_eq!(f.occurrences, 4, "one per start");
        assert!(f.evidence[0]
            .text
            .to_string()
            .contains("ModuleNotFoundError: No module named 'pandas'"));
        assert!(f
            .evidence
            .iter()
            .any(|q| q.text == "File \"/app/main.py\", line 5, in <module>"));
        assert!(f
            .remediation
            .summary
            .to_string()
            .contains("requirements.txt"));
        let commands = &f.remediation.steps[0].commands;
        assert_eq!(
            commands[0],
            "docker build -t coroner-fixture/reports:latest ."
        );
        assert_eq!(commands[1], "docker rm -f reports");
    }

    #[test]
    fn the_projects_own_package_is_told_apart_from_a_pip_package() {
        let findings = run_detector(&MissingModule, "missing-module-project");
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let f = &findings[0];
        assert!(
            f.title
                .to_string()
                .contains("project's own package 'scripts'")
                && f.title.to_string().contains("not a missing pip package"),
            "{}",
            f.title
        );
        assert!(f
            .remediation
            .summary
            .to_string()
            .contains("PYTHONPATH=/app"));
        let run = f.remediation.steps[0].commands.last().unwrap();
        assert!(run.contains("-e PYTHONPATH=/app"), "{run}");
        assert!(!f
            .remediation
            .summary
            .to_string()
            .contains("requirements.txt"));
    }

    #[test]
    fn main_incident_names_pandas_and_scripts_with_their_own_fixes() {
        let findings = run_detector(&MissingModule, "main-incident");
        assert_eq!(findings.len(), 2, "{findings:#?}");
        let pandas = find(&findings, "'pandas'");
        assert_eq!(pandas.service, "mcp-api");
        assert!(pandas
            .title
            .to_string()
            .starts_with("Python package 'pandas' is not installed"));
        // every start from the fourth on dies of it; how many depends on the capture
        let log = std::fs::read_to_string(
            crate::testing::fixture_path("main-incident").join("docker/containers/mcp-api.log"),
        )
        .unwrap();
        let pandas_lines = log.matches("No module named 'pandas'").count() as u64;
        assert!(pandas_lines >= 5);
        assert_eq!(pandas.occurrences, pandas_lines);
        let scripts = find(&findings, "'scripts'");
        assert!(
            scripts.title.to_string().contains("project's own package"),
            "{}",
            scripts.title
        );
        // /app/scripts/migrate.py ran in an earlier start: that proves it.
        assert!(scripts.confidence >= 0.9);
        assert!(scripts
            .evidence
            .iter()
            .any(|q| q.text.to_string().contains("/app/scripts/migrate.py")));
        // pandas is what the latest restarts die of
        assert!(pandas.last_seen > scripts.last_seen);
    }

    #[test]
    fn a_healthy_stack_imports_everything() {
        assert!(run_detector(&MissingModule, "healthy-stack").is_empty());
    }

    #[test]
    fn a_handled_optional_import_is_weak_and_dismissed() {
        // "optional speed-up unavailable (No module named 'ujson')" in a healthy app
        let findings = run_detector(&MissingModule, "red-herring");
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert!(findings[0].title.to_string().contains("'ujson'"));
        assert!(findings[0].confidence <= 0.5);
        let analysis = analyze(&fixture("red-herring"));
        assert_eq!(analysis.verdict, Verdict::Healthy);
        assert!(analysis
            .dismissed
            .iter()
            .any(|f| f.kind == MissingModule::ID && f.service == "app"));
    }

    #[test]
    fn gunicorn_giving_up_is_quoted_with_the_import_error_above_it() {
        // gunicorn 20.1 lines (gunicorn/arbiter.py); the command names wsgi:app
        let findings = run_on_scratch(
            &MissingModule,
            r#"{"Id": "c1", "Name": "/api", "RestartCount": 2, "State": {"Status": "restarting", "ExitCode": 3},
                "Config": {"Image": "api:1", "WorkingDir": "/srv", "Cmd": ["gunicorn", "--bind", "0.0.0.0:8000", "wsgi:app"]}}"#,
            "2024-03-11T09:26:13.100000000Z ModuleNotFoundError: No module named 'wsgi'\n\
             2024-03-11T09:26:13.200000000Z [2024-03-11 09:26:13 +0000] [11] [INFO] Worker exiting (pid: 11)\n\
             2024-03-11T09:26:13.300000000Z [2024-03-11 09:26:13 +0000] [7] [INFO] Shutting down: Master\n\
             2024-03-11T09:26:13.400000000Z [2024-03-11 09:26:13 +0000] [7] [INFO] Reason: Worker failed to boot.\n",
        );
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let f = &findings[0];
        assert!(
            f.title.to_string().contains("project's own package 'wsgi'"),
            "{}",
            f.title
        );
        assert!(f.evidence.iter().any(|q| q
            .text
            .to_string()
            .ends_with("Reason: Worker failed to boot.")));
        assert!(f.evidence.iter().any(|q| q
            .text
            .to_string()
            .starts_with("Config.Entrypoint + Config.Cmd: gunicorn")));
    }

    #[test]
    fn uvicorn_cannot_find_its_app_under_a_volume_over_the_code() {
        // uvicorn/importer.py wording; a volume mounted over the working directory
        let findings = run_on_scratch(
            &MissingModule,
            r#"{"Id": "c1", "Name": "/api", "State": {"Status": "exited", "ExitCode": 1},
                "Config": {"Image": "api:1", "WorkingDir": "/app", "Cmd": ["uvicorn", "main:app"]},
                "Mounts": [{"Type": "bind", "Source": "/srv/api", "Destination": "/app", "RW": true}]}"#,
            "2026-11-27T10:00:00.000000000Z ERROR:    Error loading ASGI app. Could not import module \"main\".\n",
        );
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert_eq!(
            findings[0].title,
            "the ASGI app module 'main' cannot be imported in api: a volume mounted at /app hides the code the image has there"
        );
        assert!(findings[0].confidence >= 0.85);
    }

    #[test]
    fn classifies_real_python_import_errors() {
        // CPython 3.11 wordings
        let transitive = hit(
            "ModuleNotFoundError: No module named 'six'",
            &["  File \"/usr/local/lib/python3.11/site-packages/dateutil/tz/tz.py\", line 19, in <module>", "    import six"],
        );
        assert_eq!(
            python_missing(&transitive, None, &[]).unwrap().1,
            Diagnosis::PythonTransitive {
                pip: "six".into(),
                needed_by: "dateutil".into()
            }
        );
        let sub = hit("ModuleNotFoundError: No module named 'logging.nope'", &[]);
        assert_eq!(
            python_missing(&sub, None, &[]).unwrap(),
            (
                "logging.nope".to_string(),
                Diagnosis::PythonSubmodule {
                    parent: "logging".into()
                }
            )
        );
        let run_m = hit("/usr/local/bin/python3: Error while finding module specification for 'app.main' (ModuleNotFoundError: No module named 'app')", &[]);
        assert!(matches!(
            python_missing(&run_m, None, &[]).unwrap(),
            (m, Diagnosis::PythonProject { certain: true, .. }) if m == "app"
        ));
        let cv = hit(
            "ModuleNotFoundError: No module named 'cv2'",
            &["  File \"/app/bin/detect.py\", line 2, in <module>"],
        );
        assert_eq!(
            python_missing(&cv, None, &[]).unwrap().1,
            Diagnosis::PythonPackage {
                pip: "opencv-python-headless".into()
            }
        );
        let circular = hit("ImportError: cannot import name 'B' from partially initialized module 'b' (most likely due to a circular import) (/circ/b.py)", &[]);
        assert_eq!(
            cannot_import(&circular).unwrap().1,
            Diagnosis::PythonName {
                name: "B".into(),
                location: Some("/circ/b.py".into()),
                circular: true
            }
        );
    }

    #[test]
    fn tells_npm_dependencies_from_project_files() {
        let bare = hit("Error: Cannot find module 'express'", &[]);
        assert_eq!(
            node_missing(&bare, None).unwrap().1,
            Diagnosis::NodePackage {
                package: "express".into()
            }
        );
        let esm = hit("Error [ERR_MODULE_NOT_FOUND]: Cannot find package '@aws-sdk/client-s3' imported from /nodeapp/s.mjs", &[]);
        assert_eq!(node_missing(&esm, None).unwrap().0, "@aws-sdk/client-s3");
        let local = hit("Error: Cannot find module './lib/config'", &[]);
        assert_eq!(
            node_missing(&local, None).unwrap().1,
            Diagnosis::NodeFile { entry: false }
        );
    }

    #[test]
    fn a_missing_package_reads_in_french() {
        let fr = crate::locale::get("fr").unwrap();
        let findings = run_detector(&MissingModule, "main-incident");
        let pandas = findings
            .iter()
            .find(|f| f.subject.as_deref() == Some("pandas"))
            .unwrap();
        assert_eq!(
            fr.text(&pandas.title),
            "Le paquet Python «\u{a0}pandas\u{a0}» n'est pas installé dans l'image de mcp-api"
        );
        assert_eq!(
            fr.text(&pandas.remediation.summary),
            "Installez pandas dans l'image\u{a0}: ajoutez-le à requirements.txt et reconstruisez l'image."
        );
    }
}
