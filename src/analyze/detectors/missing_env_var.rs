use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use super::common::{
    add_message, add_state_facts, compose_quote, container_of, recreate_commands, Change,
};
use crate::analyze::detector::{
    Context, Detector, Finding, Horizon, Quote, Remediation, Signature,
};
use crate::analyze::scan::{Hit, Message};
use crate::evidence::compose::{ComposeService, Place};
use crate::evidence::redact;
use crate::evidence::{Container, LogSource};
use crate::locale::Text;
use crate::{detector_meta, documented_detector};

documented_detector! {
    /// Detects a program that exits because an environment variable it
    /// requires is not set.
    ///
    /// Why it matters: configuration is read at startup, so the process dies
    /// before serving anything and a restart policy loops on it; nothing
    /// changes until the container is recreated with the variable. Often the
    /// variable is there under another name (`DB_URL` for `DATABASE_URL`).
    ///
    /// Evidence: in the container's log, Python's `KeyError: 'X'` raised by
    /// `os.environ` (the traceback frame `File "<frozen os>"` or `os.py ...
    /// in __getitem__` just above it; a `KeyError` from anything else is not
    /// this), pydantic-settings' `validation error for Settings` with a
    /// field and `Field required [type=missing` (v2) or `field required
    /// (type=value_error.missing)` (v1), whose variable is the field's name
    /// upper-cased, and the shell's `X: parameter not set` / `X: parameter
    /// null or not set` (`${X:?}`) or `X: unbound variable` (`set -u`). The
    /// container's `Config.Env` says whether the variable is set, set but
    /// empty, or present under a similar name.
    ///
    /// Fix: set the variable where the container is defined (compose
    /// `environment:`, an env file, `docker run -e X=...`) and recreate the
    /// container.
    pub struct MissingEnvVar;
    id = "missing-env-var", role = Cause, summary = "a program exits because a required environment variable is not set";
}

const PY_KEYERROR: &str = "python-environ-keyerror";
const PYDANTIC_V2: &str = "pydantic-v2-field-required";
const PYDANTIC_V1: &str = "pydantic-v1-field-required";
const PYDANTIC_HEADER: &str = "pydantic-validation-header";
const SHELL_NOT_SET: &str = "shell-parameter-not-set";
const SHELL_NULL_OR_NOT_SET: &str = "shell-parameter-null-or-not-set";
const SHELL_UNBOUND: &str = "shell-unbound-variable";

/// dash `script: 3: X: parameter not set or null`, bash `script: line 3: X: …`.
const SHELL_VARIABLE: &str =
    r"^[^\s:]+: (?:line )?\d+: [A-Z_][A-Z0-9_]*: (?:parameter |unbound variable$)";

const SIGNATURES: &[Signature] = &[
    // CPython: `File "<frozen os>", line 679, in __getitem__` then `KeyError: 'X'`
    // (CPython 3.11; older versions name os.py's __getitem__).
    Signature {
        id: PY_KEYERROR,
        needle: "KeyError: '",
        pattern: Some(r"^KeyError: '[A-Za-z_][A-Za-z0-9_]*'$"),
    },
    // pydantic v2 / pydantic-settings: field name on the line before.
    Signature {
        id: PYDANTIC_V2,
        needle: "Field required [type=missing",
        pattern: None,
    },
    Signature {
        id: PYDANTIC_V1,
        needle: "type=value_error.missing",
        pattern: Some(r"field required \(type=value_error\.missing\)"),
    },
    Signature {
        id: PYDANTIC_HEADER,
        needle: " validation error",
        pattern: Some(r"\d+ validation errors? for \w+"),
    },
    // Reproduced with dash 0.5.12 and bash 5.2: `${X:?}` → dash `X: parameter
    // not set or null`, bash `X: parameter null or not set`; `${X?}` and dash
    // `set -u` → `X: parameter not set`; bash `set -u` → `X: unbound variable`.
    Signature {
        id: SHELL_NOT_SET,
        needle: ": parameter not set",
        pattern: Some(SHELL_VARIABLE),
    },
    Signature {
        id: SHELL_NULL_OR_NOT_SET,
        needle: ": parameter null or not set",
        pattern: Some(SHELL_VARIABLE),
    },
    Signature {
        id: SHELL_UNBOUND,
        needle: ": unbound variable",
        pattern: Some(SHELL_VARIABLE),
    },
];

static KEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^KeyError: '(?P<key>[A-Za-z_][A-Za-z0-9_]*)'$").expect("static regex")
});
/// The frame or source line that shows the key was looked up in `os.environ`.
static ENVIRON_LOOKUP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"File "<frozen os>", line \d+, in __getitem__|/os\.py", line \d+, in __getitem__|environ\["#)
        .expect("static regex")
});
static MODEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d+ validation errors? for (?P<model>\w+)").expect("static regex")
});
static FIELD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?P<field>[A-Za-z_][A-Za-z0-9_.]*)$").expect("static regex"));
static SHELL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^\s:]+: (?:line )?\d+: (?P<var>[A-Z_][A-Z0-9_]*): (?P<why>.+)$")
        .expect("static regex")
});

/// How the program asked for the variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Reader {
    OsEnviron,
    /// pydantic-settings, with the model's name.
    Settings,
    /// `${X:?}`: unset or empty both fail.
    ShellNonEmpty,
    Shell,
}

/// The environment variable a matched message says is missing.
fn missing_variable(
    signature: &str,
    hit: &Hit,
    header_model: Option<&str>,
) -> Option<(String, Reader)> {
    match signature {
        PY_KEYERROR => {
            let key = KEY.captures(&hit.text)?["key"].to_string();
            // A KeyError from a dict is not about the environment.
            hit.before
                .iter()
                .any(|l| ENVIRON_LOOKUP.is_match(l))
                .then_some((key, Reader::OsEnviron))
        }
        PYDANTIC_V2 | PYDANTIC_V1 => {
            let field = FIELD.captures(hit.before.last()?.trim())?["field"].to_string();
            let model = hit
                .before
                .iter()
                .rev()
                .find_map(|l| MODEL.captures(l).map(|c| c["model"].to_string()))
                .or(header_model.map(str::to_string))?;
            // Only a settings model is filled from the environment; a request
            // payload that misses a field is a different problem.
            let lower = model.to_ascii_lowercase();
            if !["settings", "config", "env"]
                .iter()
                .any(|w| lower.contains(w))
            {
                return None;
            }
            // pydantic-settings matches field names to variables case-insensitively.
            Some((
                field.to_ascii_uppercase().replace('.', "__"),
                Reader::Settings,
            ))
        }
        SHELL_NOT_SET | SHELL_NULL_OR_NOT_SET | SHELL_UNBOUND => {
            let c = SHELL.captures(&hit.text)?;
            let reader = if c["why"].contains("null") {
                Reader::ShellNonEmpty
            } else {
                Reader::Shell
            };
            Some((c["var"].to_string(), reader))
        }
        _ => None,
    }
}

impl Detector for MissingEnvVar {
    detector_meta!();

    fn signatures(&self) -> &'static [Signature] {
        SIGNATURES
    }

    fn detect(&self, cx: &Context<'_>) -> Vec<Finding> {
        // Settings model names from headers, per log and line, for fields whose
        // header is more than a few lines up; and how often each log printed
        // one (every run that fails prints every missing field).
        let mut headers: BTreeMap<usize, Vec<(u64, String)>> = BTreeMap::new();
        let mut reports: BTreeMap<usize, u64> = BTreeMap::new();
        for (_, bucket, m) in cx.hits.messages(cx.evidence, Self::ID) {
            if bucket.signature == PYDANTIC_HEADER {
                *reports.entry(bucket.log).or_default() += m.count;
                for hit in [&m.first, m.last()] {
                    if let Some(c) = MODEL.captures(&hit.text) {
                        headers
                            .entry(bucket.log)
                            .or_default()
                            .push((hit.line, c["model"].to_string()));
                    }
                }
            }
        }
        let header_before = |log: usize, line: u64| {
            headers.get(&log).and_then(|h| {
                h.iter()
                    .filter(|(at, _)| *at < line)
                    .max_by_key(|(at, _)| *at)
                    .map(|(_, model)| model.as_str())
            })
        };

        let mut cases: BTreeMap<(String, String), (Reader, &LogSource, Finding)> = BTreeMap::new();
        for (log, bucket, m) in cx.hits.messages(cx.evidence, Self::ID) {
            let settings = matches!(bucket.signature, PYDANTIC_V2 | PYDANTIC_V1);
            // pydantic's error line is the same for every field (the field is
            // on the line before), so the scan folds them into one message:
            // its first and last occurrence may name different variables.
            let first = missing_variable(
                bucket.signature,
                &m.first,
                header_before(bucket.log, m.first.line),
            );
            let last = missing_variable(
                bucket.signature,
                m.last(),
                header_before(bucket.log, m.last().line),
            );
            let mut found = vec![(last.clone(), m.quote_last(log), m.last())];
            if settings
                && first.is_some()
                && first.as_ref().map(|f| &f.0) != last.as_ref().map(|l| &l.0)
            {
                found.push((first, m.quote_first(log), &m.first));
            }
            for (variable, quote, hit) in found {
                let Some((variable, reader)) = variable else {
                    continue;
                };
                let (_, _, finding) =
                    cases
                        .entry((log.service.clone(), variable))
                        .or_insert_with(|| {
                            (
                                reader,
                                log,
                                Finding::new(Self::ID, Self::ROLE, &log.service, String::new()),
                            )
                        });
                if settings {
                    // The field's own line, just above the error.
                    if let Some(field) = hit.before.last() {
                        finding.evidence.push(Quote {
                            line: Some(hit.line.saturating_sub(1)),
                            text: field.trim().to_string(),
                            ..quote.clone()
                        });
                    }
                    finding.evidence.push(quote);
                    finding.seen_at(m.first.timestamp);
                    finding.seen_at(hit.timestamp);
                    finding.occurrences = reports.get(&bucket.log).copied().unwrap_or(1).max(1);
                } else {
                    add_message(finding, log, m);
                    quote_lookup(finding, log, m);
                }
            }
        }
        cases
            .into_iter()
            .map(|((_, variable), (reader, log, finding))| {
                finish(cx, &variable, reader, log, finding)
            })
            .collect()
    }
}

/// Quotes the source line that read the variable, when the traceback shows it.
fn quote_lookup(f: &mut Finding, log: &LogSource, m: &Message) {
    let lines = &m.last().before;
    if let Some((back, line)) = lines
        .iter()
        .rev()
        .enumerate()
        .find(|(_, l)| l.contains("environ[") || l.contains("getenv("))
    {
        let text = line.trim().to_string();
        if !f.evidence.iter().any(|q| q.text == text) {
            f.evidence.push(Quote {
                source: log.display.clone(),
                line: Some(m.last().line.saturating_sub(back as u64 + 1)),
                timestamp: m.last().timestamp,
                text,
                count: m.count,
            });
        }
    }
}

/// A variable the container sets that looks like the missing one under
/// another name: same last word, and one prefix abbreviates the other
/// (`DB_URL` for `DATABASE_URL`).
fn similar_name<'c>(c: &'c Container, wanted: &str) -> Option<(&'c str, &'c str)> {
    let (wanted_head, wanted_tail) = wanted.rsplit_once('_')?;
    c.env
        .iter()
        .filter_map(|e| e.split_once('='))
        .find(|(name, _)| {
            let Some((head, tail)) = name.rsplit_once('_') else {
                return false;
            };
            *name != wanted
                && tail == wanted_tail
                && head.chars().next() == wanted_head.chars().next()
                && (is_subsequence(head, wanted_head) || is_subsequence(wanted_head, head))
        })
}

fn is_subsequence(short: &str, long: &str) -> bool {
    let mut rest = long.chars();
    short.chars().all(|c| rest.any(|l| l == c))
}

fn finish(
    cx: &Context<'_>,
    variable: &str,
    reader: Reader,
    log: &LogSource,
    mut f: Finding,
) -> Finding {
    f.subject = Some(variable.to_string());
    let service = f.service.clone();
    let container = container_of(cx.evidence, log);
    let current = container.and_then(|c| c.env_value(variable));
    let similar = container.and_then(|c| similar_name(c, variable));
    // Which reader the title names: a selector of the messages.
    let by = match reader {
        Reader::OsEnviron => "environ",
        Reader::Settings => "settings",
        Reader::ShellNonEmpty | Reader::Shell => "script",
    };
    let (title, confidence) = match (current, reader) {
        (Some(""), Reader::ShellNonEmpty) => (Text::msg("missing-env-var-title-empty"), 0.9),
        (Some(_), Reader::Settings) => (Text::msg("missing-env-var-title-other-name"), 0.7),
        (Some(_), _) => (Text::msg("missing-env-var-title-not-inherited"), 0.7),
        (None, _) => match similar {
            Some((other, _)) => (
                Text::msg("missing-env-var-title-similar").with("other", other),
                0.9,
            ),
            None => (
                Text::msg("missing-env-var-title"),
                if reader == Reader::Settings {
                    0.85
                } else {
                    0.9
                },
            ),
        },
    };
    f.title = title
        .with("service", &service)
        .with("variable", variable)
        .with("reader", by);
    f.confidence = confidence;

    // Reuse the similar variable's value when it is known; otherwise the
    // shell running the command provides it.
    let known_value = similar
        .map(|(_, v)| v)
        .filter(|v| !redact::contains_placeholder(v) && !v.is_empty());
    let change = match known_value {
        Some(value) => Change {
            env: vec![(variable.to_string(), value.to_string())],
            ..Change::default()
        },
        None => Change {
            pass_env: vec![variable.to_string()],
            ..Change::default()
        },
    };
    let commands = container
        .map(|c| recreate_commands(cx.evidence, c, &change))
        .unwrap_or_default();
    let how = match (similar, known_value) {
        (Some((other, _)), Some(_)) => {
            Text::msg("missing-env-var-how-copy-known").with("other", other)
        }
        (Some((other, _)), None) => Text::msg("missing-env-var-how-copy").with("other", other),
        (None, _) => Text::msg("missing-env-var-how-export"),
    }
    .with("variable", variable);
    let declared = container.and_then(|c| {
        let (_, service) = cx.evidence.compose_service_of(c)?;
        Some(compose_edit(
            c,
            service,
            variable,
            similar.map(|(other, _)| other),
        ))
    });
    let place = declared
        .as_ref()
        .map(|edit| edit.summary.clone())
        .or_else(|| {
            container.and_then(|c| {
                c.labels
                    .get("com.docker.compose.project.config_files")
                    .map(|files| {
                        Text::msg("missing-env-var-place-compose")
                            .with("files", files)
                            .with("service", c.service_name())
                    })
            })
        })
        .unwrap_or_else(|| Text::msg("missing-env-var-place-unknown"));
    let how = match &declared {
        Some(edit) => edit.how.clone(),
        None => how,
    };
    f.remediation = Remediation::new(
        Text::msg("missing-env-var-summary")
            .with("variable", variable)
            .with("service", &service)
            .with("place", place),
    )
    .step(
        Horizon::Immediate,
        Text::msg("missing-env-var-step-set").with("how", how),
        &commands,
    )
    .step(
        Horizon::ShortTerm,
        Text::msg("missing-env-var-step-check"),
        &[],
    );
    if let Some(c) = container {
        match current {
            Some(value) => f.evidence.push(Quote::field(
                &c.source,
                "Config.Env",
                format!("{variable}={value}"),
            )),
            None => {
                let names: Vec<&str> = c
                    .env
                    .iter()
                    .filter_map(|e| e.split_once('=').map(|(n, _)| n))
                    .collect();
                f.evidence.push(Quote::field(
                    &c.source,
                    "Config.Env (names)",
                    names.join(", "),
                ));
            }
        }
        add_state_facts(&mut f, c);
    }
    if let Some(edit) = declared {
        f.evidence.push(compose_quote(&edit.at));
    }
    f
}

/// The compose edit that sets the variable, and the line it concerns.
struct ComposeEdit {
    /// The line quoted: the misspelt entry, the `environment:` key, or the service.
    at: Place,
    summary: Text,
    how: Text,
}

/// Renames a misspelt entry, or adds the variable to the service's
/// `environment:` (in the style its entries are written in), or adds an
/// `environment:` block to the service.
fn compose_edit(
    c: &Container,
    service: &ComposeService,
    variable: &str,
    similar: Option<&str>,
) -> ComposeEdit {
    if let Some(entry) =
        similar.and_then(|other| service.environment.iter().find(|e| e.value == other))
    {
        let other = &entry.value;
        let at = |id: &'static str| {
            Text::msg(id)
                .with("line", entry.at.line.to_string())
                .with("file", entry.at.host_file(c))
                .with("other", other)
        };
        return ComposeEdit {
            at: entry.at.clone(),
            summary: at("missing-env-var-place-misspelt").with("service", &service.name),
            how: at("missing-env-var-how-rename")
                .with("variable", variable)
                .with("text", &entry.at.text),
        };
    }
    match &service.environment_at {
        Some(at) => {
            let list = service
                .environment
                .iter()
                .any(|e| e.at.line > at.line && e.at.text.to_string().starts_with("- "));
            let indent = service
                .environment
                .iter()
                .find(|e| e.at.line > at.line && e.at.file == at.file)
                .map_or(at.indent + 2, |e| e.at.indent);
            let entry = if list {
                format!("- {variable}=VALUE")
            } else {
                format!("{variable}: VALUE")
            };
            let (line, file) = (at.line.to_string(), at.host_file(c));
            ComposeEdit {
                at: at.clone(),
                summary: Text::msg("missing-env-var-place-environment")
                    .with("line", line.clone())
                    .with("file", file.clone())
                    .with("service", &service.name),
                how: Text::msg("missing-env-var-how-add-entry")
                    .with("line", line)
                    .with("file", file)
                    .with("entry", entry)
                    .with("indent", indent),
            }
        }
        None => {
            let (line, file) = (service.at.line.to_string(), service.at.host_file(c));
            ComposeEdit {
                at: service.at.clone(),
                summary: Text::msg("missing-env-var-place-service")
                    .with("service", &service.name)
                    .with("line", line.clone())
                    .with("file", file.clone()),
                how: Text::msg("missing-env-var-how-add-environment")
                    .with("key", &service.at.text)
                    .with("line", line)
                    .with("file", file)
                    .with("indent", service.at.indent + 2)
                    .with("entry", format!("{variable}: VALUE"))
                    .with("entry_indent", service.at.indent + 4),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::common::hit;
    use super::*;
    use crate::testing::run_detector;

    #[test]
    fn names_the_variable_and_the_similar_one_the_container_sets() {
        let findings = run_detector(&MissingEnvVar, "missing-env-var");
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let f = &findings[0];
        assert_eq!(f.service, "orders");
        assert_eq!(
            f.title,
            "orders exits at startup: environment variable DATABASE_URL is not set (the container sets DB_URL instead)"
        );
        assert!(f.confidence >= 0.9);
        assert_eq!(f.occurrences, 4);
        assert_eq!(f.evidence[0].text, "KeyError: 'DATABASE_URL'");
        assert!(f
            .evidence
            .iter()
            .any(|q| q.text == "DATABASE_URL = os.environ[\"DATABASE_URL\"]"));
        assert!(f
            .evidence
            .iter()
            .any(|q| q.text == "Config.Env (names): DB_URL, REDIS_URL, PATH, PYTHONUNBUFFERED"));
        // DB_URL holds a password: it is passed from the shell, never printed
        let run = f.remediation.steps[0].commands.last().unwrap();
        assert!(run.contains(" -e DATABASE_URL "), "{run}");
        assert!(!run.contains("fixture-url-pw"), "{run}");
        assert!(f.remediation.steps[0]
            .text
            .to_string()
            .contains("value of DB_URL"));
    }

    #[test]
    fn a_healthy_stack_has_its_environment() {
        assert!(run_detector(&MissingEnvVar, "healthy-stack").is_empty());
    }

    #[test]
    fn red_herring_key_errors_do_not_make_an_incident() {
        assert!(run_detector(&MissingEnvVar, "red-herring").is_empty());
    }

    #[test]
    fn only_key_errors_from_the_environment_count() {
        let environ = hit(
            "KeyError: 'DATABASE_URL'",
            &[
                "  File \"<string>\", line 1, in <module>",
                "  File \"<frozen os>\", line 679, in __getitem__",
            ],
        );
        assert_eq!(
            missing_variable(PY_KEYERROR, &environ, None),
            Some(("DATABASE_URL".into(), Reader::OsEnviron))
        );
        let python38 = hit(
            "KeyError: 'SECRET'",
            &[
                "  File \"/usr/local/lib/python3.8/os.py\", line 675, in __getitem__",
                "    raise KeyError(key) from None",
            ],
        );
        assert!(missing_variable(PY_KEYERROR, &python38, None).is_some());
        let dict = hit(
            "KeyError: 'user_id'",
            &[
                "  File \"/app/handlers.py\", line 40, in handle",
                "    uid = payload[\"user_id\"]",
            ],
        );
        assert_eq!(missing_variable(PY_KEYERROR, &dict, None), None);
    }

    #[test]
    fn reads_pydantic_and_shell_wordings() {
        // pydantic 2.13 / pydantic-settings 2.14 output
        let v2 = hit(
            "Field required [type=missing, input_value={}, input_type=dict]",
            &[
                "pydantic_core._pydantic_core.ValidationError: 1 validation error for Settings",
                "database_url",
            ],
        );
        assert_eq!(
            missing_variable(PYDANTIC_V2, &v2, None),
            Some(("DATABASE_URL".into(), Reader::Settings))
        );
        let payload = hit(
            "Field required [type=missing, input_value={}, input_type=dict]",
            &[
                "pydantic_core._pydantic_core.ValidationError: 1 validation error for Order",
                "quantity",
            ],
        );
        assert_eq!(missing_variable(PYDANTIC_V2, &payload, None), None);
        let second = hit(
            "Field required [type=missing, input_value={}, input_type=dict]",
            &[
                "    For further information visit https://errors.pydantic.dev/2.13/v/missing",
                "api_key",
            ],
        );
        assert_eq!(
            missing_variable(PYDANTIC_V2, &second, Some("AppSettings")),
            Some(("API_KEY".into(), Reader::Settings))
        );
        for (line, reader) in [
            (
                "a.sh: 3: DATABASE_URL: parameter not set or null",
                Reader::ShellNonEmpty,
            ),
            (
                "/entrypoint.sh: line 3: DATABASE_URL: parameter null or not set",
                Reader::ShellNonEmpty,
            ),
            (
                "e.sh: line 2: DATABASE_URL: unbound variable",
                Reader::Shell,
            ),
        ] {
            let signature = if line.ends_with("unbound variable") {
                SHELL_UNBOUND
            } else {
                SHELL_NOT_SET
            };
            assert_eq!(
                missing_variable(signature, &hit(line, &[]), None),
                Some(("DATABASE_URL".into(), reader)),
                "{line}"
            );
        }
    }

    #[test]
    fn every_missing_settings_field_is_a_variable() {
        // pydantic 2.13 / pydantic-settings 2.14 output
        let findings = super::super::common::run_on_scratch(
            &MissingEnvVar,
            r#"{"Id": "c1", "Name": "/api", "State": {"Status": "exited", "ExitCode": 1},
                "Config": {"Image": "api:1", "Env": ["API_KEY=", "PORT=8000"]}}"#,
            "2026-11-27T10:00:00.000000000Z pydantic_core._pydantic_core.ValidationError: 2 validation errors for Settings\n\
             2026-11-27T10:00:00.000000001Z database_url\n\
             2026-11-27T10:00:00.000000002Z   Field required [type=missing, input_value={}, input_type=dict]\n\
             2026-11-27T10:00:00.000000003Z     For further information visit https://errors.pydantic.dev/2.13/v/missing\n\
             2026-11-27T10:00:00.000000004Z redis_url\n\
             2026-11-27T10:00:00.000000005Z   Field required [type=missing, input_value={}, input_type=dict]\n",
        );
        let titles: Vec<String> = findings.iter().map(|f| f.title.to_string()).collect();
        assert_eq!(
            titles,
            vec![
                "api exits at startup: environment variable DATABASE_URL is not set",
                "api exits at startup: environment variable REDIS_URL is not set",
            ]
        );
        assert_eq!(findings[0].evidence[0].text, "database_url");
        assert_eq!(findings[0].evidence[0].line, Some(2));
        assert_eq!(findings[1].evidence[0].text, "redis_url");
        let run = findings[0].remediation.steps[0].commands.last().unwrap();
        assert!(run.contains(" -e DATABASE_URL "), "{run}");
    }

    #[test]
    fn abbreviated_names_are_similar_but_other_settings_are_not() {
        assert!(is_subsequence("DB", "DATABASE"));
        assert!(!is_subsequence("REDIS", "DATABASE"));
    }

    #[test]
    fn the_missing_variable_reads_in_french() {
        let findings = run_detector(&MissingEnvVar, "missing-env-var");
        let fr = crate::locale::get("fr").unwrap();
        assert_eq!(
            fr.text(&findings[0].title),
            "orders s'arrête au démarrage\u{a0}: variable d'environnement DATABASE_URL manquante (le conteneur définit DB_URL à la place)"
        );
    }
}
