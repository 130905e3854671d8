//! Compose projects: the files a project was started from (`compose/<project>/`
//! in a bundle), read into what each service declares and where.
//!
//! This module owns parsing compose files (structure from the YAML library,
//! lines from [`lines::LineIndex`]), merging several files in the order
//! compose applies them, and interpolating `${VAR}` from the project's
//! `.env`. Every string it keeps has passed the redaction engine; of
//! environment entries it keeps names only. It compares nothing with the
//! running containers: that is the analyzer's job.

pub mod interpolate;
pub mod lines;

use std::collections::BTreeMap;

use serde_yaml_ng::{Mapping, Value};

use super::{redact, Container, InputProblem};
use crate::locale::Text;
use interpolate::Unresolved;
use lines::LineIndex;

/// The compose label that names a container's project.
pub const COMPOSE_PROJECT_LABEL: &str = "com.docker.compose.project";
/// The compose label that names a container's service.
pub const COMPOSE_SERVICE_LABEL: &str = "com.docker.compose.service";
/// The files a project was started from, comma-separated absolute paths.
pub const COMPOSE_FILES_LABEL: &str = "com.docker.compose.project.config_files";
/// The directory compose ran in; its `.env` is the one it read.
pub const COMPOSE_DIR_LABEL: &str = "com.docker.compose.project.working_dir";

/// A line of a compose file: where something is declared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Bundle-relative path of the file.
    pub file: String,
    pub line: u64,
    /// The line as written, trimmed, secrets masked.
    pub text: String,
    /// Spaces before the text, so an edit can be written at the same depth.
    pub indent: usize,
}

impl Place {
    /// Where a user edits this line: `line 19 of /srv/shop/compose.yaml`,
    /// in the file [`Place::host_file`] names.
    pub fn line_ref(&self, c: &Container) -> String {
        format!("line {} of {}", self.line, self.host_file(c))
    }

    /// The file as the user knows it: the path the container's labels name
    /// (relative ones under the project's working directory), else the
    /// bundle's copy.
    pub fn host_file(&self, c: &Container) -> String {
        let name = self.file.rsplit('/').next().unwrap_or(&self.file);
        let host_path = c.labels.get(COMPOSE_FILES_LABEL).and_then(|files| {
            let file = files
                .split(',')
                .find(|f| f.rsplit('/').next() == Some(name))?;
            Some(match c.labels.get(COMPOSE_DIR_LABEL) {
                Some(dir) if !file.starts_with('/') => {
                    format!("{}/{file}", dir.trim_end_matches('/'))
                }
                _ => file.to_string(),
            })
        });
        host_path.unwrap_or_else(|| self.file.clone())
    }
}

/// A value and the line that declares it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    pub value: T,
    pub at: Place,
}

/// One published port as the file declares it (after interpolation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortSpec {
    /// The short form, e.g. `127.0.0.1:8080:80/udp`, as compose reads it.
    pub spec: String,
    pub host_ip: String,
    /// Host port or range; empty when compose picks one.
    pub published: String,
    /// Container port or range.
    pub target: String,
    pub protocol: String,
}

/// A `depends_on` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dependency {
    pub service: String,
    /// `service_started` (the default), `service_healthy` or
    /// `service_completed_successfully`.
    pub condition: String,
}

/// What one service declares, merged over the project's files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComposeService {
    pub name: String,
    /// The service's own key (`  web:`), in the first file that declares it.
    pub at: Place,
    pub image: Option<Located<String>>,
    pub ports: Vec<Located<PortSpec>>,
    /// The `ports:` key of the last file that has one.
    pub ports_at: Option<Place>,
    /// Variable names (values are secrets and are not kept), each with its line.
    pub environment: Vec<Located<String>>,
    /// The `environment:` key of the last file that has one.
    pub environment_at: Option<Place>,
    /// `healthcheck: test:` in exec form (`["CMD-SHELL", "…"]` for a string).
    pub healthcheck_test: Option<Located<Vec<String>>>,
    pub depends_on: Vec<Located<Dependency>>,
    pub depends_on_at: Option<Place>,
}

/// A compose project as its files declare it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ComposeProject {
    pub name: String,
    /// Bundle-relative paths, in the order compose applied them.
    pub files: Vec<String>,
    /// The `.env` read for interpolation, if the bundle has one.
    pub env_file: Option<String>,
    pub services: BTreeMap<String, ComposeService>,
}

impl ComposeProject {
    pub fn service(&self, name: &str) -> Option<&ComposeService> {
        self.services.get(name)
    }
}

/// A file of a project, as found in the bundle.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Bundle-relative path.
    pub display: String,
    pub text: String,
}

impl SourceFile {
    fn name(&self) -> &str {
        self.display.rsplit('/').next().unwrap_or(&self.display)
    }
}

/// The order compose applies `files` in: as the containers' label
/// `com.docker.compose.project.config_files` lists them (`order`, file
/// names), else the default file first, its `override` next, the rest by name.
pub fn order_files(files: &mut [SourceFile], order: &[String]) {
    let rank = |f: &SourceFile| {
        let name = f.name();
        if let Some(i) = order.iter().position(|o| o == name) {
            return (0, i, String::new());
        }
        let default = [
            "compose.yaml",
            "compose.yml",
            "docker-compose.yaml",
            "docker-compose.yml",
        ];
        let tier = if default.contains(&name) {
            1
        } else if name.contains(".override.") {
            2
        } else {
            3
        };
        (tier, 0, name.to_string())
    };
    files.sort_by_key(|f| rank(f));
}

/// Reads a project's files (already in order) and its `.env`. A file that
/// does not parse is a problem naming its line and column; the other files
/// are still merged.
pub fn load_project(
    name: &str,
    files: &[SourceFile],
    env: Option<&SourceFile>,
    problems: &mut Vec<InputProblem>,
) -> ComposeProject {
    let vars = env.map_or_else(BTreeMap::new, |e| {
        // The engine learns the secret values here, so they are masked
        // wherever an interpolation carries them.
        for line in e.text.lines() {
            redact::text(line, &e.display);
        }
        interpolate::parse_env_file(&e.text)
    });
    let mut project = ComposeProject {
        name: name.to_string(),
        files: files.iter().map(|f| f.display.clone()).collect(),
        env_file: env.map(|e| e.display.clone()),
        services: BTreeMap::new(),
    };
    for file in files {
        let mut doc: Value = match serde_yaml_ng::from_str(&file.text) {
            Ok(doc) => doc,
            Err(e) => {
                problems.push(yaml_problem(&file.display, &e));
                continue;
            }
        };
        if let Err(e) = doc.apply_merge() {
            problems.push(yaml_problem(&file.display, &e));
            continue;
        }
        let reader = FileReader {
            file,
            index: LineIndex::scan(&file.text),
            lines: file.text.lines().collect(),
            vars: &vars,
        };
        let mut unresolved = Vec::new();
        let Some(services) = doc.get("services").and_then(Value::as_mapping) else {
            if !doc.is_null() {
                problems.push(InputProblem {
                    source: file.display.clone(),
                    line: None,
                    message: Text::msg("analysis-problem-no-services"),
                });
            }
            continue;
        };
        for (key, body) in services {
            let Some(service) = key.as_str() else {
                continue;
            };
            let def = reader.service(service, body, &mut unresolved);
            match project.services.get_mut(service) {
                Some(merged) => merge(merged, def),
                None => {
                    project.services.insert(service.to_string(), def);
                }
            }
        }
        unresolved.sort();
        unresolved.dedup();
        let masked = |words: &str| redact::text(words, &file.display).into_owned();
        for (line, what) in unresolved {
            let message = match what {
                Unresolved::NotSet(var) => {
                    Text::msg("analysis-problem-env-not-set").with("var", masked(&var))
                }
                Unresolved::Required(var, why) => Text::msg("analysis-problem-env-required")
                    .with("var", masked(&var))
                    .with("why", masked(&why)),
                Unresolved::Unterminated => Text::msg("analysis-problem-env-unterminated"),
            };
            problems.push(InputProblem {
                source: file.display.clone(),
                line: Some(line),
                message,
            });
        }
    }
    project
}

fn yaml_problem(display: &str, e: &serde_yaml_ng::Error) -> InputProblem {
    let location = e.location();
    let error = redact::text(&e.to_string(), display).into_owned();
    let message = match &location {
        Some(l) => Text::msg("analysis-problem-yaml-at")
            .with("line", l.line().to_string())
            .with("column", l.column().to_string()),
        None => Text::msg("analysis-problem-yaml"),
    };
    InputProblem {
        source: display.to_string(),
        line: location.map(|l| l.line() as u64),
        message: message.with("error", error),
    }
}

/// Compose's merge of one more file into a service (the compose
/// specification, docs.docker.com/reference/compose-file/merge/): scalars
/// are replaced, `healthcheck.test` is replaced whole, `ports` are appended
/// but unique by host IP, published port, target and protocol, and
/// `environment` and `depends_on` merge as mappings (by variable, by service).
fn merge(into: &mut ComposeService, later: ComposeService) {
    if later.image.is_some() {
        into.image = later.image;
    }
    for port in later.ports {
        let key = |p: &PortSpec| {
            (
                p.host_ip.clone(),
                p.published.clone(),
                p.target.clone(),
                p.protocol.clone(),
            )
        };
        into.ports.retain(|p| key(&p.value) != key(&port.value));
        into.ports.push(port);
    }
    into.ports_at = later.ports_at.or(into.ports_at.take());
    for var in later.environment {
        into.environment.retain(|v| v.value != var.value);
        into.environment.push(var);
    }
    into.environment_at = later.environment_at.or(into.environment_at.take());
    if later.healthcheck_test.is_some() {
        into.healthcheck_test = later.healthcheck_test;
    }
    for dep in later.depends_on {
        into.depends_on
            .retain(|d| d.value.service != dep.value.service);
        into.depends_on.push(dep);
    }
    into.depends_on_at = later.depends_on_at.or(into.depends_on_at.take());
}

/// Reads the services of one file, with their lines.
struct FileReader<'a> {
    file: &'a SourceFile,
    index: LineIndex,
    lines: Vec<&'a str>,
    vars: &'a BTreeMap<String, String>,
}

impl FileReader<'_> {
    fn place(&self, path: &[&str]) -> Place {
        let line = self.index.line_of(path).unwrap_or(1);
        let raw = self.lines.get(line as usize - 1).copied().unwrap_or("");
        Place {
            file: self.file.display.clone(),
            line,
            text: redact::text(raw.trim(), &self.file.display).into_owned(),
            indent: raw.len() - raw.trim_start_matches(' ').len(),
        }
    }

    fn exact(&self, path: &[&str]) -> Option<Place> {
        self.index.exact(path).map(|_| self.place(path))
    }

    /// A scalar as a string, interpolated and masked.
    fn scalar(
        &self,
        value: &Value,
        line: u64,
        unresolved: &mut Vec<(u64, Unresolved)>,
    ) -> Option<String> {
        let raw = match value {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
            _ => return None,
        };
        let (text, problems) = interpolate::interpolate(&raw, self.vars);
        unresolved.extend(problems.into_iter().map(|p| (line, p)));
        Some(redact::text(&text, &self.file.display).into_owned())
    }

    fn service(
        &self,
        name: &str,
        body: &Value,
        unresolved: &mut Vec<(u64, Unresolved)>,
    ) -> ComposeService {
        let base = ["services", name];
        let at = |rest: &[&str]| {
            let mut path = base.to_vec();
            path.extend_from_slice(rest);
            self.place(&path)
        };
        let exact = |rest: &[&str]| {
            let mut path = base.to_vec();
            path.extend_from_slice(rest);
            self.exact(&path)
        };
        let empty = Mapping::new();
        let body = body.as_mapping().unwrap_or(&empty);
        let mut service = ComposeService {
            name: name.to_string(),
            at: at(&[]),
            image: None,
            ports: Vec::new(),
            ports_at: exact(&["ports"]),
            environment: Vec::new(),
            environment_at: exact(&["environment"]),
            healthcheck_test: None,
            depends_on: Vec::new(),
            depends_on_at: exact(&["depends_on"]),
        };
        if let Some(image) = body.get("image") {
            let place = at(&["image"]);
            if let Some(value) = self.scalar(image, place.line, unresolved) {
                service.image = Some(Located { value, at: place });
            }
        }
        if let Some(ports) = body.get("ports").and_then(Value::as_sequence) {
            for (i, entry) in ports.iter().enumerate() {
                let i = i.to_string();
                let place = at(&["ports", &i]);
                if let Some(value) = self.port(entry, place.line, unresolved) {
                    service.ports.push(Located { value, at: place });
                }
            }
        }
        match body.get("environment") {
            Some(Value::Mapping(vars)) => {
                for key in vars.keys() {
                    if let Some(var) = key.as_str() {
                        service.environment.push(Located {
                            value: var.to_string(),
                            at: at(&["environment", var]),
                        });
                    }
                }
            }
            Some(Value::Sequence(entries)) => {
                for (i, entry) in entries.iter().enumerate() {
                    if let Some(entry) = entry.as_str() {
                        let var = entry.split_once('=').map_or(entry, |(n, _)| n);
                        service.environment.push(Located {
                            value: var.to_string(),
                            at: at(&["environment", &i.to_string()]),
                        });
                    }
                }
            }
            _ => {}
        }
        let healthcheck = body.get("healthcheck");
        let test = healthcheck.and_then(|h| h.get("test"));
        let disabled = healthcheck
            .and_then(|h| h.get("disable"))
            .and_then(Value::as_bool)
            == Some(true);
        let test_place = at(&["healthcheck", "test"]);
        let test = match test {
            _ if disabled => Some(vec!["NONE".to_string()]),
            Some(Value::Sequence(items)) => Some(
                items
                    .iter()
                    .filter_map(|v| self.scalar(v, test_place.line, unresolved))
                    .collect(),
            ),
            Some(v) => self
                .scalar(v, test_place.line, unresolved)
                .map(|s| vec!["CMD-SHELL".to_string(), s]),
            None => None,
        };
        service.healthcheck_test = test.map(|value| Located {
            value,
            at: test_place,
        });
        match body.get("depends_on") {
            Some(Value::Sequence(deps)) => {
                for (i, dep) in deps.iter().enumerate() {
                    if let Some(dep) = dep.as_str() {
                        service.depends_on.push(Located {
                            value: Dependency {
                                service: dep.to_string(),
                                condition: "service_started".into(),
                            },
                            at: at(&["depends_on", &i.to_string()]),
                        });
                    }
                }
            }
            Some(Value::Mapping(deps)) => {
                for (dep, how) in deps {
                    let Some(dep) = dep.as_str() else { continue };
                    let condition = how
                        .get("condition")
                        .and_then(Value::as_str)
                        .unwrap_or("service_started");
                    service.depends_on.push(Located {
                        value: Dependency {
                            service: dep.to_string(),
                            condition: condition.to_string(),
                        },
                        at: at(&["depends_on", dep]),
                    });
                }
            }
            _ => {}
        }
        service
    }

    /// A `ports` entry, short (`"[ip:]published:target[/proto]"`) or long form.
    fn port(
        &self,
        entry: &Value,
        line: u64,
        unresolved: &mut Vec<(u64, Unresolved)>,
    ) -> Option<PortSpec> {
        if let Value::Mapping(long) = entry {
            let mut field = |k: &str| {
                long.get(k)
                    .and_then(|v| self.scalar(v, line, unresolved))
                    .unwrap_or_default()
            };
            let (host_ip, published, target) =
                (field("host_ip"), field("published"), field("target"));
            let protocol = Some(field("protocol"))
                .filter(|p| !p.is_empty())
                .unwrap_or_else(|| "tcp".into());
            let mut spec = [host_ip.as_str(), published.as_str(), target.as_str()]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(":");
            if protocol != "tcp" {
                spec = format!("{spec}/{protocol}");
            }
            return Some(PortSpec {
                spec,
                host_ip,
                published,
                target,
                protocol,
            });
        }
        let spec = self.scalar(entry, line, unresolved)?;
        let (addr, protocol) = spec.split_once('/').unwrap_or((&spec, "tcp"));
        let parts: Vec<&str> = addr.rsplitn(3, ':').collect();
        let (host_ip, published, target) = match parts.as_slice() {
            [target] => ("", "", *target),
            [target, published] => ("", *published, *target),
            [target, published, ip] => (*ip, *published, *target),
            _ => return None,
        };
        Some(PortSpec {
            spec: spec.clone(),
            host_ip: host_ip.trim_matches(['[', ']']).to_string(),
            published: published.to_string(),
            target: target.to_string(),
            protocol: protocol.to_string(),
        })
    }
}

#[cfg(test)]
mod tests;
