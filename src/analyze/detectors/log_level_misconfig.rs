use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use super::common::{add_message, add_state_facts, container_of, recreate_commands, Change};
use crate::analyze::detector::{
    Context, Detector, Finding, Horizon, Quote, Remediation, Signature,
};
use crate::analyze::scan::Message;
use crate::evidence::{Container, LogSource};
use crate::locale::Text;
use crate::{detector_meta, documented_detector};

documented_detector! {
    /// Detects a program that refuses to start because its log level is
    /// spelled in a way it does not accept.
    ///
    /// Why it matters: the check runs at startup, so the process exits before
    /// doing anything and a restart policy loops on it. The mistake is easy
    /// to make and easy to miss: Python's `logging` accepts only upper-case
    /// names (`CRITICAL ERROR WARNING INFO DEBUG NOTSET`), while uvicorn's
    /// `--log-level` (click) and argparse `choices` usually accept only
    /// lower-case ones, and one `LOG_LEVEL` variable often feeds both.
    ///
    /// Evidence: in the container's log, Python's `ValueError: Unknown
    /// level: 'info'` (and the `Unable to configure handler ...` error
    /// dictConfig chains after it), `TypeError: Level not an integer or a
    /// valid string: None` (the variable is unset), click's `Invalid value for
    /// '--log-level': 'INFO' is not one of 'critical', ...` and argparse's
    /// `argument --log-level: invalid choice: 'INFO' (choose from ...)`. The
    /// container's environment (`Config.Env`) says which variable holds the
    /// rejected value; a traceback line reading `os.environ["LOG_LEVEL"]`
    /// names it when it is unset.
    ///
    /// Fix: set the variable to the spelling the program accepts (e.g.
    /// `LOG_LEVEL=INFO` for Python's logging) where the container is defined
    /// (compose `environment:`, env file, `docker run -e`) and recreate it;
    /// better, normalise the case in code (`.upper()` before
    /// `logging.basicConfig`).
    pub struct LogLevelMisconfig;
    id = "log-level-misconfig", role = Cause, summary = "a program rejects its configured log level (wrong case, empty or unset)";
}

const PY_UNKNOWN: &str = "python-unknown-level";
const PY_NOT_VALID: &str = "python-level-not-valid";
const CLICK_CHOICE: &str = "click-invalid-log-level";
const ARGPARSE_CHOICE: &str = "argparse-invalid-log-level";
const DICT_CONFIG: &str = "python-unable-to-configure";
const CODE_ENVIRON: &str = "level-variable-environ";
const CODE_GETENV: &str = "level-variable-getenv";

/// A traceback's source line that reads a log-level variable.
const LEVEL_VARIABLE: &str =
    r#"(?:environ(?:\.get)?\s*[\[(]|getenv\s*\()\s*['"][A-Za-z0-9_]*(?i:level)[A-Za-z0-9_]*['"]"#;

const SIGNATURES: &[Signature] = &[
    // CPython Lib/logging/__init__.py _checkLevel.
    Signature {
        id: PY_UNKNOWN,
        needle: "Unknown level:",
        pattern: Some(r#"ValueError: Unknown level: ['"]"#),
    },
    Signature {
        id: PY_NOT_VALID,
        needle: "Level not an integer or a valid string",
        pattern: Some(r"TypeError: Level not an integer or a valid string: "),
    },
    // click 8 Choice, which uvicorn/main.py uses for --log-level.
    Signature {
        id: CLICK_CHOICE,
        needle: "Invalid value for '",
        pattern: Some(r"Invalid value for '[^']*(?i:log[-_]?level)[^']*': '[^']*' is not one of "),
    },
    // argparse `choices`: `argument --log-level: invalid choice: 'INFO' (choose from ...)`.
    Signature {
        id: ARGPARSE_CHOICE,
        needle: "invalid choice: ",
        pattern: Some(r"argument [^:]*(?i:log[-_]?level)[^:]*: invalid choice: "),
    },
    // logging.config.dictConfig chains the level error into this one.
    Signature {
        id: DICT_CONFIG,
        needle: "Unable to configure",
        pattern: Some(r"ValueError: Unable to configure "),
    },
    Signature {
        id: CODE_ENVIRON,
        needle: "environ",
        pattern: Some(LEVEL_VARIABLE),
    },
    Signature {
        id: CODE_GETENV,
        needle: "getenv",
        pattern: Some(LEVEL_VARIABLE),
    },
];

static UNKNOWN_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"Unknown level: (?:'(?P<single>[^']*)'|"(?P<double>[^"]*)")"#)
        .expect("static regex")
});
static NOT_VALID_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"Level not an integer or a valid string: (?P<value>.+)$").expect("static regex")
});
static CLICK_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"Invalid value for '(?P<option>[^']+)': '(?P<value>[^']*)' is not one of (?P<choices>.+?)\.?$")
        .expect("static regex")
});
static ARGPARSE_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"argument (?P<option>[^:]+): invalid choice: '(?P<value>[^']*)' \(choose from (?P<choices>[^)]+)\)")
        .expect("static regex")
});
static VARIABLE_IN_CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?:environ(?:\.get)?\s*[\[(]|getenv\s*\()\s*['"](?P<var>[A-Za-z0-9_]+)['"]"#)
        .expect("static regex")
});

/// Python's logging level names (`logging._nameToLevel`, CPython 3.11).
const PYTHON_LEVELS: &[&str] = &[
    "CRITICAL", "FATAL", "ERROR", "WARN", "WARNING", "INFO", "DEBUG", "NOTSET",
];
/// The names `coroner` suggests, in the order Python documents them.
const PYTHON_ACCEPTED: &str = "CRITICAL, ERROR, WARNING, INFO, DEBUG, NOTSET";

/// Who rejected the value, and what it accepts.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Checker {
    /// Python's `logging` (upper-case names).
    PythonLogging,
    /// A command-line option with a fixed list of choices.
    Option { name: String, choices: Vec<String> },
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Rejected {
    checker: Checker,
    /// The value as the program saw it; `None` when it got nothing (unset).
    value: Option<String>,
}

impl Rejected {
    /// The accepted spelling of the same level, when there is one.
    fn corrected(&self) -> Option<String> {
        let value = self.value.as_deref()?;
        let bare = value.replace("\\n", "").replace("\\r", "");
        let bare = bare.trim();
        match &self.checker {
            Checker::PythonLogging => {
                let upper = bare.to_ascii_uppercase();
                if PYTHON_LEVELS.contains(&upper.as_str()) {
                    return Some(upper);
                }
                // `'20'`: a numeric level passed as a string.
                let named = match bare {
                    "50" => "CRITICAL",
                    "40" => "ERROR",
                    "30" => "WARNING",
                    "20" => "INFO",
                    "10" => "DEBUG",
                    "0" => "NOTSET",
                    _ => return None,
                };
                Some(named.to_string())
            }
            Checker::Option { choices, .. } => choices
                .iter()
                .find(|c| c.eq_ignore_ascii_case(bare))
                .cloned(),
        }
    }

    fn accepted(&self) -> String {
        match &self.checker {
            Checker::PythonLogging => PYTHON_ACCEPTED.to_string(),
            Checker::Option { choices, .. } => choices.join(", "),
        }
    }
}

fn rejected(signature: &str, text: &str) -> Option<Rejected> {
    match signature {
        PY_UNKNOWN => {
            let c = UNKNOWN_VALUE.captures(text)?;
            let value = c.name("single").or(c.name("double"))?.as_str().to_string();
            Some(Rejected {
                checker: Checker::PythonLogging,
                value: Some(value),
            })
        }
        PY_NOT_VALID => {
            let value = NOT_VALID_VALUE.captures(text)?["value"].trim().to_string();
            Some(Rejected {
                checker: Checker::PythonLogging,
                value: (value != "None").then_some(value),
            })
        }
        CLICK_CHOICE | ARGPARSE_CHOICE => {
            let c = CLICK_VALUE
                .captures(text)
                .or_else(|| ARGPARSE_VALUE.captures(text))?;
            let choices = c["choices"]
                .split(',')
                .map(|s| s.trim().trim_matches(['\'', '"']).to_string())
                .filter(|s| !s.is_empty())
                .collect();
            Some(Rejected {
                checker: Checker::Option {
                    name: c["option"].trim().to_string(),
                    choices,
                },
                value: Some(c["value"].to_string()),
            })
        }
        _ => None,
    }
}

struct Case<'a> {
    rejected: Rejected,
    log: &'a LogSource,
    log_index: usize,
    last_line: u64,
    finding: Finding,
}

impl Detector for LogLevelMisconfig {
    detector_meta!();

    fn signatures(&self) -> &'static [Signature] {
        SIGNATURES
    }

    fn detect(&self, cx: &Context<'_>) -> Vec<Finding> {
        let mut cases: BTreeMap<(String, Rejected), Case<'_>> = BTreeMap::new();
        let mut chained: Vec<(usize, &LogSource, &Message)> = Vec::new();
        let mut read_in_code: BTreeMap<usize, Vec<(String, Quote)>> = BTreeMap::new();
        for (log, bucket, m) in cx.hits.messages(cx.evidence, Self::ID) {
            match bucket.signature {
                DICT_CONFIG => chained.push((bucket.log, log, m)),
                CODE_ENVIRON | CODE_GETENV => {
                    if let Some(c) = VARIABLE_IN_CODE.captures(&m.last().text) {
                        read_in_code
                            .entry(bucket.log)
                            .or_default()
                            .push((c["var"].to_string(), m.quote_last(log)));
                    }
                }
                signature => {
                    let Some(rejected) = rejected(signature, &m.last().text) else {
                        continue;
                    };
                    let case = cases
                        .entry((log.service.clone(), rejected.clone()))
                        .or_insert_with(|| Case {
                            rejected,
                            log,
                            log_index: bucket.log,
                            last_line: 0,
                            finding: Finding::new(
                                Self::ID,
                                Self::ROLE,
                                &log.service,
                                String::new(),
                            ),
                        });
                    case.last_line = case.last_line.max(m.last().line);
                    add_message(&mut case.finding, log, m);
                }
            }
        }
        // dictConfig's "Unable to configure handler" follows the level error.
        for (log_index, log, m) in chained {
            if let Some(case) = cases
                .values_mut()
                .filter(|c| c.log_index == log_index && c.last_line < m.last().line)
                .max_by_key(|c| c.last_line)
            {
                case.finding.evidence.push(m.quote_last(log));
            }
        }
        cases
            .into_values()
            .map(|case| {
                let code = read_in_code
                    .get(&case.log_index)
                    .map(Vec::as_slice)
                    .unwrap_or(&[]);
                finish(cx, case, code)
            })
            .collect()
    }
}

/// The environment variable that carries the rejected value: one whose value
/// is exactly it, preferring a name about log levels and one the code reads.
fn variable_of<'c>(
    c: &'c Container,
    value: Option<&str>,
    read_in_code: &[(String, Quote)],
) -> Option<(&'c str, &'c str)> {
    let mut candidates: Vec<(&str, &str)> = c
        .env
        .iter()
        .filter_map(|e| e.split_once('='))
        .filter(|(_, v)| value == Some(*v))
        .collect();
    candidates.sort_by_key(|(name, _)| {
        (
            !read_in_code.iter().any(|(var, _)| var == name),
            !name.to_ascii_uppercase().contains("LEVEL"),
        )
    });
    candidates.first().copied()
}

fn finish(cx: &Context<'_>, case: Case<'_>, read_in_code: &[(String, Quote)]) -> Finding {
    let Case {
        rejected,
        mut finding,
        log,
        ..
    } = case;
    let service = finding.service.clone();
    let container = container_of(cx.evidence, log);
    let corrected = rejected.corrected();
    let accepted = rejected.accepted();
    let variable = container.and_then(|c| variable_of(c, rejected.value.as_deref(), read_in_code));
    // Unset: the variable the code reads, when a traceback shows it.
    let unset = match (&rejected.value, variable) {
        (None, _) => read_in_code
            .iter()
            .find(|(var, _)| container.is_none_or(|c| c.env_value(var).is_none())),
        _ => None,
    };
    if let Some((_, quote)) = unset {
        finding.evidence.push(quote.clone());
    }
    let who = match &rejected.checker {
        Checker::PythonLogging => Text::msg("log-level-misconfig-python-logging"),
        Checker::Option { name, .. } => {
            Text::msg("log-level-misconfig-option").with("option", name)
        }
    };
    let shown = rejected
        .value
        .as_deref()
        .map_or("None".to_string(), |v| format!("'{v}'"));
    let target = corrected.clone().unwrap_or_else(|| match rejected.checker {
        Checker::PythonLogging => "INFO".to_string(),
        Checker::Option { ref choices, .. } => choices
            .iter()
            .find(|c| c.as_str() == "info")
            .or(choices.first())
            .cloned()
            .unwrap_or_default(),
    });
    let spelling = match &corrected {
        Some(right) => Text::msg("log-level-misconfig-accepts-spelling")
            .with("right", right)
            .with("value", &shown),
        None => Text::msg("log-level-misconfig-accepts-only").with("accepted", &accepted),
    };

    let title = match (variable, unset) {
        (Some((name, value)), _) => Text::msg("log-level-misconfig-title-variable")
            .with("variable", name)
            .with("value", value)
            .with("spelling", spelling),
        (None, Some((name, _))) => {
            Text::msg("log-level-misconfig-title-unset").with("variable", name)
        }
        (None, None) => Text::msg("log-level-misconfig-title")
            .with("value", &shown)
            .with("spelling", spelling),
    };
    finding.title = title.with("service", &service).with("checker", who.clone());
    finding.confidence = 0.9;

    let name = variable.map(|(n, _)| n).or(unset.map(|(n, _)| n.as_str()));
    finding.subject = name.map(str::to_string).or_else(|| rejected.value.clone());
    let mut remediation = match name {
        Some(name) => {
            let commands = container
                .map(|c| {
                    recreate_commands(
                        cx.evidence,
                        c,
                        &Change {
                            env: vec![(name.to_string(), target.clone())],
                            ..Change::default()
                        },
                    )
                })
                .unwrap_or_default();
            let place = container
                .and_then(|c| {
                    c.labels
                        .get("com.docker.compose.project.config_files")
                        .map(|files| {
                            Text::msg("log-level-misconfig-place-compose")
                                .with("files", files)
                                .with("service", c.service_name())
                        })
                })
                .unwrap_or_else(|| Text::msg("log-level-misconfig-place-unknown"))
                .with("variable", name)
                .with("level", &target);
            Remediation::new(
                Text::msg("log-level-misconfig-summary")
                    .with("variable", name)
                    .with("level", &target)
                    .with("checker", who)
                    .with("accepted", &accepted),
            )
            .step(
                Horizon::Immediate,
                Text::msg("log-level-misconfig-step-set").with("place", place),
                &commands,
            )
        }
        None => Remediation::new(
            Text::msg("log-level-misconfig-summary-no-variable")
                .with("level", &target)
                .with("checker", who)
                .with("accepted", &accepted),
        )
        .step(
            Horizon::Immediate,
            Text::msg("log-level-misconfig-step-change").with("level", &target),
            &[],
        ),
    };
    remediation = remediation.step(
        Horizon::ShortTerm,
        match rejected.checker {
            Checker::PythonLogging => Text::msg("log-level-misconfig-step-normalise-upper"),
            Checker::Option { .. } => Text::msg("log-level-misconfig-step-normalise-lower"),
        },
        &[],
    );
    finding.remediation = remediation;
    if let Some(c) = container {
        if let Some((name, value)) = variable {
            finding.evidence.push(Quote::field(
                &c.source,
                "Config.Env",
                format!("{name}={value}"),
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

    fn of<'a>(findings: &'a [Finding], service: &str) -> &'a Finding {
        findings
            .iter()
            .find(|f| f.service == service)
            .unwrap_or_else(|| panic!("no finding for {service}: {findings:#?}"))
    }

    #[test]
    fn python_logging_wants_upper_case_and_argparse_lower_case() {
        let findings = run_detector(&LogLevelMisconfig, "log-level-misconfig");
        assert_eq!(findings.len(), 2, "{findings:#?}");

        let api = of(&findings, "billing-api");
        assert_eq!(
            api.title,
            "billing-api exits at startup: Python's logging rejects LOG_LEVEL=info (it accepts INFO, not 'info')"
        );
        assert_eq!(api.occurrences, 4);
        assert_eq!(api.remediation.summary, "Set LOG_LEVEL=INFO: Python's logging accepts CRITICAL, ERROR, WARNING, INFO, DEBUG, NOTSET.");
        let run = api.remediation.steps[0].commands.last().unwrap();
        assert!(run.contains(" -e LOG_LEVEL=INFO "), "{run}");
        assert!(api
            .evidence
            .iter()
            .any(|q| q.text == "Config.Env: LOG_LEVEL=info"));

        let worker = of(&findings, "billing-worker");
        assert_eq!(
            worker.title,
            "billing-worker exits at startup: the --log-level option rejects LOG_LEVEL=INFO (it accepts info, not 'INFO')"
        );
        assert!(worker
            .remediation
            .summary
            .to_string()
            .starts_with("Set LOG_LEVEL=info: "));
        assert!(worker
            .remediation
            .summary
            .to_string()
            .ends_with("accepts critical, error, warning, info, debug."));
    }

    #[test]
    fn main_incident_logs_the_level_error_of_one_start() {
        let findings = run_detector(&LogLevelMisconfig, "main-incident");
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let f = &findings[0];
        assert_eq!(f.service, "mcp-api");
        assert!(
            f.title
                .to_string()
                .contains("rejects LOG_LEVEL=info (it accepts INFO"),
            "{}",
            f.title
        );
        assert_eq!(f.occurrences, 1);
        // the traceback line that read the variable is not what is quoted first
        assert_eq!(f.evidence[0].text, "ValueError: Unknown level: 'info'");
    }

    #[test]
    fn a_healthy_stack_has_valid_levels() {
        assert!(run_detector(&LogLevelMisconfig, "healthy-stack").is_empty());
    }

    #[test]
    fn finds_nothing_in_the_red_herring_bundle() {
        assert!(run_detector(&LogLevelMisconfig, "red-herring").is_empty());
    }

    #[test]
    fn an_unset_level_variable_is_named_from_the_traceback() {
        // CPython 3.11 Lib/logging/__init__.py, setLevel(None)
        let findings = super::super::common::run_on_scratch(
            &LogLevelMisconfig,
            r#"{"Id": "c1", "Name": "/api", "State": {"Status": "exited", "ExitCode": 1},
                "Config": {"Image": "api:1", "Env": ["PORT=8000"]}}"#,
            "2026-11-27T10:00:00.000000000Z Traceback (most recent call last):\n\
             2026-11-27T10:00:00.000000001Z   File \"/app/api.py\", line 4, in <module>\n\
             2026-11-27T10:00:00.000000002Z     logging.getLogger().setLevel(os.getenv(\"LOG_LEVEL\"))\n\
             2026-11-27T10:00:00.000000003Z   File \"/usr/lib/python3.11/logging/__init__.py\", line 1464, in setLevel\n\
             2026-11-27T10:00:00.000000004Z     self.level = _checkLevel(level)\n\
             2026-11-27T10:00:00.000000005Z   File \"/usr/lib/python3.11/logging/__init__.py\", line 210, in _checkLevel\n\
             2026-11-27T10:00:00.000000006Z     raise TypeError(\"Level not an integer or a valid string: %r\"\n\
             2026-11-27T10:00:00.000000007Z TypeError: Level not an integer or a valid string: None\n",
        );
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let f = &findings[0];
        assert_eq!(
            f.title,
            "api exits at startup: LOG_LEVEL is not set, so Python's logging gets no log level"
        );
        assert!(f
            .remediation
            .summary
            .to_string()
            .starts_with("Set LOG_LEVEL=INFO"));
        assert!(f
            .evidence
            .iter()
            .any(|q| q.text == "logging.getLogger().setLevel(os.getenv(\"LOG_LEVEL\"))"));
    }

    #[test]
    fn reads_the_real_wordings() {
        // CPython 3.11 logging and click 8.4 wordings
        let click = rejected(
            CLICK_CHOICE,
            "Error: Invalid value for '--log-level': 'INFO' is not one of 'critical', 'error', 'warning', 'info', 'debug', 'trace'.",
        )
        .unwrap();
        assert_eq!(click.corrected().as_deref(), Some("info"));
        assert_eq!(
            click.accepted(),
            "critical, error, warning, info, debug, trace"
        );
        let unset = rejected(
            PY_NOT_VALID,
            "TypeError: Level not an integer or a valid string: None",
        )
        .unwrap();
        assert_eq!(unset.value, None);
        for (text, right) in [
            ("ValueError: Unknown level: 'INFO\\n'", Some("INFO")),
            ("ValueError: Unknown level: '20'", Some("INFO")),
            ("ValueError: Unknown level: ' warning'", Some("WARNING")),
            ("ValueError: Unknown level: ''", None),
            ("ValueError: Unknown level: 'verbose'", None),
        ] {
            assert_eq!(
                rejected(PY_UNKNOWN, text).unwrap().corrected().as_deref(),
                right,
                "{text}"
            );
        }
        assert_eq!(
            VARIABLE_IN_CODE
                .captures("    logging.basicConfig(level=os.environ[\"LOG_LEVEL\"],")
                .unwrap()["var"],
            *"LOG_LEVEL"
        );
    }

    #[test]
    fn the_rejected_level_reads_in_french() {
        let findings = run_detector(&LogLevelMisconfig, "log-level-misconfig");
        let fr = crate::locale::get("fr").unwrap();
        assert_eq!(
            fr.text(&of(&findings, "billing-api").title),
            "billing-api s'arrête au démarrage\u{a0}: le module logging de Python refuse LOG_LEVEL=info (il accepte INFO, pas 'info')"
        );
    }
}
