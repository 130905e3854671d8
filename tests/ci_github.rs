//! `coroner investigate` in a GitHub Actions job, run as the runner runs a
//! step: `GITHUB_ACTIONS=true`, `GITHUB_STEP_SUMMARY` and `GITHUB_OUTPUT`
//! naming files that earlier steps already wrote to. What the runner makes
//! of the step's output is read back the way the runner reads it
//! (actions/runner: `ActionCommand.cs`, `ActionCommandManager.cs`, and the
//! `name<<DELIMITER` syntax of its environment files), so the tests see the
//! annotations and outputs GitHub would, and any command a hostile bundle
//! could slip in.
//!
//! Also: the report over 1 MiB, runner files that are missing, `--fail-on`
//! and its exit codes, and the composite action (`action.yml`) run as the
//! runner would run its investigate step.

#[path = "support/bundles.rs"]
mod support;

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const EARLIER_SUMMARY: &str = "## Build\n\n`docker compose up` failed.\n";
const EARLIER_OUTPUT: &str = "built=yes\n";
const SUMMARY_LIMIT: usize = 1024 * 1024;

/// The files a runner gives a step, holding what earlier steps wrote.
struct Step {
    dir: tempfile::TempDir,
}

impl Step {
    fn new() -> Step {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("summary.md"), EARLIER_SUMMARY).unwrap();
        std::fs::write(dir.path().join("output.txt"), EARLIER_OUTPUT).unwrap();
        Step { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn summary(&self) -> String {
        std::fs::read_to_string(self.path("summary.md")).unwrap()
    }

    fn outputs(&self) -> BTreeMap<String, String> {
        parse_outputs(&std::fs::read_to_string(self.path("output.txt")).unwrap())
    }

    /// coroner in this step, in its directory, with the runner's variables.
    fn run(&self, bundle: &Path, args: &[&str]) -> Output {
        self.command(bundle, args, &self.runner_variables())
            .output()
            .unwrap()
    }

    fn runner_variables(&self) -> Vec<(&'static str, std::ffi::OsString)> {
        vec![
            ("GITHUB_ACTIONS", "true".into()),
            ("GITHUB_STEP_SUMMARY", self.path("summary.md").into()),
            ("GITHUB_OUTPUT", self.path("output.txt").into()),
        ]
    }

    fn run_with(&self, bundle: &Path, args: &[&str], env: &[(&str, &OsStr)]) -> Output {
        let env: Vec<(&str, std::ffi::OsString)> =
            env.iter().map(|(k, v)| (*k, v.to_os_string())).collect();
        self.command(bundle, args, &env).output().unwrap()
    }

    fn command(&self, bundle: &Path, args: &[&str], env: &[(&str, std::ffi::OsString)]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_coroner"));
        command
            .current_dir(self.dir.path())
            .args(["investigate", "--bundle"])
            .arg(bundle)
            .args(args);
        // The test may itself run in a GitHub job.
        for variable in ["GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GITHUB_OUTPUT"] {
            command.env_remove(variable);
        }
        command.envs(env.iter().map(|(k, v)| (k, v)));
        command
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

/// A workflow command as the runner carried it out.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Carried {
    name: String,
    properties: BTreeMap<String, String>,
    data: String,
}

/// The commands the runner registers (its command extensions).
const REGISTERED: &[&str] = &[
    "set-env",
    "set-output",
    "save-state",
    "add-mask",
    "add-path",
    "add-matcher",
    "remove-matcher",
    "warning",
    "error",
    "notice",
    "debug",
    "group",
    "endgroup",
    "echo",
    "stop-commands",
];

/// The runner's `StringEscapingUtil.UnescapeString`: each mapping in turn.
fn unescape(text: &str, mappings: &[(&str, &str)]) -> String {
    let mut out = text.to_string();
    for (token, replacement) in mappings {
        out = out.replace(replacement, token);
    }
    out
}

const DATA: &[(&str, &str)] = &[("\r", "%0D"), ("\n", "%0A"), ("%", "%25")];
const PROPERTY: &[(&str, &str)] = &[
    ("\r", "%0D"),
    ("\n", "%0A"),
    (":", "%3A"),
    (",", "%2C"),
    ("%", "%25"),
];
const LEGACY: &[(&str, &str)] = &[
    (";", "%3B"),
    ("\r", "%0D"),
    ("\n", "%0A"),
    ("]", "%5D"),
    ("%", "%25"),
];

/// `::name k=v,k=v::data` (TryParseV2): the line must start with `::`
/// once leading white space is trimmed.
fn parse_v2(line: &str, registered: &[String]) -> Option<Carried> {
    let message = line.trim_start().strip_prefix("::")?;
    let end = message.find("::")?;
    let info = &message[..end];
    let (name, properties) = info.split_once(' ').unwrap_or((info, ""));
    if !registered.iter().any(|r| r.eq_ignore_ascii_case(name)) {
        return None;
    }
    let properties = properties
        .trim()
        .split(',')
        .filter(|p| !p.is_empty())
        .filter_map(|p| p.split_once('='))
        .filter(|(k, v)| !k.is_empty() && !v.is_empty())
        .map(|(k, v)| (k.to_string(), unescape(v, PROPERTY)))
        .collect();
    Some(Carried {
        name: name.to_string(),
        properties,
        data: unescape(&message[end + 2..], DATA),
    })
}

/// `##[name k=v;k=v]data` anywhere in the line (TryParse, the legacy form).
fn parse_v1(line: &str, registered: &[String]) -> Option<Carried> {
    let start = line.find("##[")?;
    let end = start + line[start..].find(']')?;
    let info = &line[start + 3..end];
    let (name, properties) = info.split_once(' ').unwrap_or((info, ""));
    if !registered.iter().any(|r| r.eq_ignore_ascii_case(name)) {
        return None;
    }
    let properties = properties
        .split(';')
        .filter(|p| !p.is_empty())
        .filter_map(|p| p.split_once('='))
        .filter(|(k, v)| !k.is_empty() && !v.is_empty())
        .map(|(k, v)| (k.to_string(), unescape(v, LEGACY)))
        .collect();
    Some(Carried {
        name: name.to_string(),
        properties,
        data: unescape(&line[end + 1..], LEGACY),
    })
}

/// Every command the runner carries out for a stream, stop-commands and
/// its resume included (ActionCommandManager.TryProcessCommand).
fn carried(stream: &str) -> Vec<Carried> {
    let mut registered: Vec<String> = REGISTERED.iter().map(|s| s.to_string()).collect();
    let mut stopped: Option<String> = None;
    let mut out = Vec::new();
    // .NET's ReadLine ends a line at CR, LF or CRLF.
    for line in stream.replace("\r\n", "\n").split(['\n', '\r']) {
        if !line.contains("##[") && !line.contains("::") {
            continue;
        }
        let Some(command) = parse_v2(line, &registered).or_else(|| parse_v1(line, &registered))
        else {
            continue;
        };
        match &stopped {
            Some(token) if command.name.eq_ignore_ascii_case(token) => {
                registered.retain(|r| r != token);
                stopped = None;
                out.push(command);
            }
            Some(_) => {}
            None if command.name == "stop-commands" => {
                stopped = Some(command.data.clone());
                registered.push(command.data.clone());
                out.push(command);
            }
            None => out.push(command),
        }
    }
    out
}

/// `GITHUB_OUTPUT` as the runner reads it: `name=value`, or `name<<DELIM`,
/// value lines, and `DELIM` alone on a line.
fn parse_outputs(file: &str) -> BTreeMap<String, String> {
    let mut outputs = BTreeMap::new();
    let mut lines = file.split('\n');
    while let Some(line) = lines.next() {
        if line.is_empty() {
            continue;
        }
        let equals = line.find('=');
        let heredoc = line.find("<<");
        match (equals, heredoc) {
            (Some(e), h) if h.is_none_or(|h| e < h) => {
                outputs.insert(line[..e].to_string(), line[e + 1..].to_string());
            }
            (_, Some(h)) => {
                let (name, delimiter) = (&line[..h], &line[h + 2..]);
                let mut value: Vec<&str> = Vec::new();
                loop {
                    let next = lines
                        .next()
                        .unwrap_or_else(|| panic!("matching delimiter not found {delimiter:?}"));
                    if next == delimiter {
                        break;
                    }
                    value.push(next);
                }
                outputs.insert(name.to_string(), value.join("\n"));
            }
            _ => panic!("invalid output line {line:?}"),
        }
    }
    outputs
}

fn json_report(bundle: &Path) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_coroner"))
        .args(["investigate", "--bundle"])
        .arg(bundle)
        .args(["--format", "json", "--output", "-", "--ci", "none"])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

fn titles(json: &Value, list: &str) -> Vec<String> {
    json[list]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["title"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn in_a_github_job_the_summary_is_appended_the_outputs_set_and_findings_annotated() {
    let bundle = support::bundle("main-incident");
    let step = Step::new();
    let out = step.run(&bundle, &["--output", "report.md"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");

    // Earlier content kept, the report appended after a blank line.
    let report = std::fs::read_to_string(step.path("report.md")).unwrap();
    assert_eq!(step.summary(), format!("{EARLIER_SUMMARY}\n{report}"));

    let outputs = step.outputs();
    let expected: BTreeMap<String, String> = [
        ("built", "yes"),
        ("verdict", "root-cause-identified"),
        ("top-kind", "missing-module"),
        ("top-service", "mcp-api"),
        ("report", "report.md"),
        ("exit-code", "1"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    assert_eq!(outputs, expected);

    // One error a root cause, one warning a symptom, in the report's order,
    // each with its title and evidence; nothing else.
    let json = json_report(&bundle);
    let commands = carried(&text(&out.stdout));
    let errors: Vec<&Carried> = commands.iter().filter(|c| c.name == "error").collect();
    let warnings: Vec<&Carried> = commands.iter().filter(|c| c.name == "warning").collect();
    assert_eq!(
        errors.len() + warnings.len(),
        commands.len(),
        "{commands:#?}"
    );
    let title = |c: &&Carried| c.properties["title"].clone();
    assert_eq!(
        errors.iter().map(title).collect::<Vec<_>>(),
        titles(&json, "root_causes")
    );
    assert_eq!(
        warnings.iter().map(title).collect::<Vec<_>>(),
        titles(&json, "symptoms")
    );
    let top = &json["root_causes"][0]["evidence"][0];
    assert_eq!(
        errors[0].data.lines().nth(1).unwrap(),
        format!(
            "{}:{}: {}",
            top["source"].as_str().unwrap(),
            top["line"],
            top["text"].as_str().unwrap()
        )
    );
    assert!(errors[0]
        .data
        .starts_with("service mcp-api (missing-module)\n"));
    // Titles carry `:` and `,`, escaped in the line, whole once read back.
    assert!(errors[1].properties["title"]
        .contains("127.0.0.1:18080: host process nginx (pid 25624), nginx"));
    assert!(carried(&stderr).is_empty(), "{stderr}");
}

/// The main example with workflow commands planted where a log line or an
/// inspect field reaches a title and evidence: `::` and `##[` commands, a
/// comma and colon to break out of a property, `%0A` to forge a line break,
/// real line breaks, and a stop-commands that would hide the annotations.
fn hostile_bundle() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    support::copy_dir(&support::bundle("main-incident"), dir.path());
    let inspect = dir.path().join("docker/containers/nginx.json");
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(&inspect).unwrap()).unwrap();
    let error = doc[0]["State"]["Error"].as_str().unwrap().to_string();
    doc[0]["State"]["Error"] = Value::String(format!(
        "{error} ::error title=forged,file=x::forged, 100%0A::set-output name=verdict::healthy ##[set-output name=verdict;]healthy\n::add-mask::mcp-api\r\n::stop-commands::abc\r::warning::after a CR"
    ));
    std::fs::write(&inspect, doc.to_string()).unwrap();
    let log = dir.path().join("docker/containers/mcp-api.log");
    let mut lines = std::fs::read_to_string(&log).unwrap();
    lines.push_str("2026-11-27T18:58:02.903Z ModuleNotFoundError: No module named 'pandas' ::set-output name=verdict::healthy ##[add-mask]pandas %0A::error::forged\n");
    std::fs::write(&log, lines).unwrap();
    dir
}

#[test]
fn hostile_evidence_cannot_forge_a_workflow_command() {
    let bundle = hostile_bundle();
    let step = Step::new();
    // The report on standard output too, where the runner reads it.
    let out = step.run(bundle.path(), &["--format", "json", "--output", "-"]);
    let stdout = text(&out.stdout);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");

    // The report is there, between a stop and its resume.
    let start = stdout
        .find("\n{\n")
        .expect("the JSON report on standard output")
        + 1;
    let end = stdout.rfind("}\n").unwrap() + 2;
    let json: Value = serde_json::from_str(&stdout[start..end]).unwrap();
    let forged_title = titles(&json, "symptoms")
        .into_iter()
        .find(|t| t.contains("forged"))
        .expect("the planted text reaches a symptom's title");
    assert!(forged_title.contains("::set-output") && forged_title.contains('\n'));

    let commands = carried(&stdout);
    let names: Vec<&str> = commands.iter().map(|c| c.name.as_str()).collect();
    let causes = json["root_causes"].as_array().unwrap().len();
    let symptoms = json["symptoms"].as_array().unwrap().len();
    let mut expected = vec!["error"; causes];
    expected.extend(vec!["warning"; symptoms]);
    expected.push("stop-commands");
    assert_eq!(names[..expected.len()], expected[..], "{commands:#?}");
    // The one command after the report resumes processing with the token.
    assert_eq!(commands.len(), expected.len() + 1, "{commands:#?}");
    let token = &commands[expected.len() - 1].data;
    assert_eq!(token.len(), 32);
    assert_eq!(&commands.last().unwrap().name, token);

    // Every annotation reads back as the report's own text, whole.
    let annotated: Vec<String> = commands[..causes + symptoms]
        .iter()
        .map(|c| c.properties["title"].clone())
        .collect();
    let mut reported = titles(&json, "root_causes");
    reported.extend(titles(&json, "symptoms"));
    assert_eq!(annotated, reported);
    for c in &commands[..causes + symptoms] {
        assert_eq!(c.properties.len(), 1, "{c:#?}");
    }
    let forged = commands
        .iter()
        .find(|c| c.properties.get("title") == Some(&forged_title))
        .unwrap();
    assert!(forged
        .data
        .contains("::set-output name=verdict::healthy ##[set-output"));

    // Nothing on standard error is a command; the outputs are coroner's.
    assert!(carried(&stderr).is_empty(), "{stderr}");
    assert_eq!(step.outputs()["verdict"], "root-cause-identified");

    // What coroner tells on standard error is made inert too: here a
    // report's file name, which the summary repeats.
    let step = Step::new();
    let name = "report ::error::forged ##[set-output name=verdict;]healthy.json";
    let out = step.run(bundle.path(), &["--output", name]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("report: report ::error::forged # #[set-output name=verdict;]healthy.json"),
        "{stderr}"
    );
    assert!(carried(&stderr).is_empty(), "{stderr}");
    let outputs = step.outputs();
    assert_eq!(outputs["verdict"], "root-cause-identified");
    assert_eq!(outputs["report"], name);
    assert!(step.path(name).is_file());
}

/// A bundle whose report is over 1 MiB: the main example's failing API,
/// its real inspect document and log, as `count` more containers.
fn large_bundle(count: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    support::copy_dir(&support::bundle("main-incident"), dir.path());
    let containers = dir.path().join("docker/containers");
    let inspect: Value =
        serde_json::from_str(&std::fs::read_to_string(containers.join("mcp-api.json")).unwrap())
            .unwrap();
    let log = std::fs::read(containers.join("mcp-api.log")).unwrap();
    for n in 0..count {
        let name = format!("mcp-api-{n:03}");
        let mut doc = inspect.clone();
        doc[0]["Name"] = Value::String(format!("/{name}"));
        doc[0]["Id"] = Value::String(format!("{:064x}", 0xc0de_0000 + n));
        std::fs::write(containers.join(format!("{name}.json")), doc.to_string()).unwrap();
        std::fs::write(containers.join(format!("{name}.log")), &log).unwrap();
    }
    dir
}

#[test]
fn a_report_over_1_mib_leaves_a_short_summary_within_the_limit() {
    let bundle = large_bundle(160);
    let step = Step::new();
    let out = step.run(bundle.path(), &["--output", "report.md"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let report = std::fs::read_to_string(step.path("report.md")).unwrap();
    assert!(
        report.len() > SUMMARY_LIMIT,
        "the report is only {} bytes",
        report.len()
    );
    assert!(text(&out.stderr).contains("step summary: the short form"));

    let summary = step.summary();
    assert!(summary.len() <= SUMMARY_LIMIT, "{} bytes", summary.len());
    assert!(summary.starts_with(EARLIER_SUMMARY));
    assert!(summary.contains("> **Status: Root cause identified.**"));
    assert!(summary.contains("this is its short form. The whole report: `report.md`."));
    // Every root cause with its evidence, every symptom listed.
    let json = json_report(bundle.path());
    let causes = json["root_causes"].as_array().unwrap();
    let symptoms = json["symptoms"].as_array().unwrap();
    assert!(causes.len() > 10 && symptoms.len() > 10);
    for (i, _) in causes.iter().enumerate() {
        assert!(
            summary.contains(&format!("\n### {}. ", i + 1)),
            "root cause {}",
            i + 1
        );
    }
    assert_eq!(
        summary.matches("| `docker/containers/mcp-api-").count(),
        causes
            .iter()
            .flat_map(|c| c["evidence"].as_array().unwrap())
            .filter(|q| q["source"]
                .as_str()
                .unwrap()
                .starts_with("docker/containers/mcp-api-"))
            .count()
    );
    assert_eq!(summary.matches("\n- ").count(), symptoms.len());

    // With the step's summary nearly full, the short form is cut after a
    // whole line, and says so.
    let nearly_full = Step::new();
    let earlier = format!(
        "{EARLIER_SUMMARY}{}\n",
        "é".repeat((SUMMARY_LIMIT - 6000) / 2)
    );
    std::fs::write(nearly_full.path("summary.md"), &earlier).unwrap();
    let out = nearly_full.run(bundle.path(), &["--output", "report.md"]);
    assert_eq!(out.status.code(), Some(1));
    let summary = nearly_full.summary();
    assert!(summary.len() <= SUMMARY_LIMIT, "{} bytes", summary.len());
    assert!(summary.starts_with(&earlier));
    let added = &summary[earlier.len()..];
    assert!(added.starts_with("\n# Incident report: "), "{added}");
    assert!(
        added.ends_with(
            "\n\n*Cut here to fit the 1 MiB of a step summary; the whole report: `report.md`.*\n"
        ),
        "{added}"
    );
    let kept = added.split("\n*Cut here").next().unwrap();
    assert!(kept.ends_with('\n'));
}

#[test]
fn missing_or_unwritable_runner_files_are_warnings_and_change_nothing_else() {
    let bundle = support::bundle("main-incident");
    let step = Step::new();
    let missing = step.path("gone/summary.md");
    let directory = step.path("");
    let out = step.run_with(
        &bundle,
        &["--output", "report.md"],
        &[
            ("GITHUB_ACTIONS", OsStr::new("true")),
            ("GITHUB_STEP_SUMMARY", missing.as_os_str()),
            ("GITHUB_OUTPUT", directory.as_os_str()),
        ],
    );
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(step.path("report.md").is_file());
    assert!(
        stderr.contains(&format!(
            "coroner: warning: GITHUB_STEP_SUMMARY={}: cannot append the report: No such file or directory",
            missing.display()
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "coroner: warning: GITHUB_OUTPUT={}: cannot write the step outputs: Is a directory",
            directory.display()
        )),
        "{stderr}"
    );

    let out = step.run_with(
        &bundle,
        &["--output", "report.md"],
        &[("GITHUB_ACTIONS", OsStr::new("true"))],
    );
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr
        .contains("coroner: warning: GITHUB_STEP_SUMMARY is not set: no step summary written"));
    assert!(stderr.contains("coroner: warning: GITHUB_OUTPUT is not set: no step outputs written"));
    assert_eq!(step.summary(), EARLIER_SUMMARY);
}

/// `--output - > FILE`: the runner cannot read the file, and annotations
/// written there would land in the report.
#[test]
fn a_report_redirected_to_a_file_gets_no_annotations() {
    let step = Step::new();
    let file = std::fs::File::create(step.path("redirected.json")).unwrap();
    let out = step
        .command(
            &support::bundle("main-incident"),
            &["--format", "json", "--output", "-"],
            &step.runner_variables(),
        )
        .stdout(file)
        .output()
        .unwrap();
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("coroner: warning: standard output is a file: no annotations"));
    let report = std::fs::read_to_string(step.path("redirected.json")).unwrap();
    let json: Value = serde_json::from_str(&report).expect("the report alone, as JSON");
    assert_eq!(json["verdict"], "root-cause-identified");
    assert_eq!(step.outputs()["verdict"], "root-cause-identified");
}

#[test]
fn ci_none_leaves_the_runner_alone() {
    let step = Step::new();
    let out = step.run(
        &support::bundle("main-incident"),
        &["--output", "report.md", "--ci", "none"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "{}", text(&out.stdout));
    assert_eq!(step.summary(), EARLIER_SUMMARY);
    assert_eq!(
        std::fs::read_to_string(step.path("output.txt")).unwrap(),
        EARLIER_OUTPUT
    );
}

/// `--fail-on` on the main example (root causes identified, symptoms) and
/// on a healthy stack: the codes README.md documents, told as `exit-code`.
#[test]
fn fail_on_levels_give_the_documented_exit_codes() {
    for (bundle, expected) in [
        (
            "main-incident",
            [
                ("cause", 1),
                ("suspected", 1),
                ("symptom", 1),
                ("inconclusive", 1),
                ("never", 0),
            ],
        ),
        (
            "healthy-stack",
            [
                ("cause", 0),
                ("suspected", 0),
                ("symptom", 0),
                ("inconclusive", 0),
                ("never", 0),
            ],
        ),
    ] {
        for (level, code) in expected {
            let step = Step::new();
            let out = step.run(
                &support::bundle(bundle),
                &["--output", "report.md", "--fail-on", level],
            );
            assert_eq!(out.status.code(), Some(code), "{bundle} --fail-on {level}");
            assert_eq!(
                step.outputs()["exit-code"],
                code.to_string(),
                "{bundle} {level}"
            );
        }
    }
}

/// action.yml read by a real YAML parser (Debian's python3-yaml, which
/// .ci/run installs) into JSON.
fn action() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("action.yml");
    let out = Command::new("/usr/bin/python3")
        .args([
            "-c",
            "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))",
        ])
        .arg(&path)
        .output()
        .expect("python3 with PyYAML (Debian's python3-yaml; .ci/run installs it)");
    assert!(out.status.success(), "{}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn step_named<'a>(action: &'a Value, id: &str) -> &'a Value {
    action["runs"]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == id)
        .unwrap_or_else(|| panic!("no step {id}"))
}

#[test]
fn the_action_uses_its_inputs_and_only_flags_coroner_has() {
    let action = action();
    assert_eq!(action["runs"]["using"], "composite");
    let steps = serde_json::to_string(&action["runs"]["steps"]).unwrap();
    let inputs = action["inputs"].as_object().unwrap();
    for (name, input) in inputs {
        assert!(
            steps.contains(&format!("inputs.{name} "))
                || steps.contains(&format!("inputs.{name}}}")),
            "input {name} is not used"
        );
        assert!(
            input["description"].is_string() && input["default"].is_string(),
            "{name}"
        );
    }
    let help = Command::new(env!("CARGO_BIN_EXE_coroner"))
        .args(["investigate", "--help"])
        .output()
        .unwrap();
    let help = text(&help.stdout);
    let script = step_named(&action, "investigate")["run"].as_str().unwrap();
    let flags: Vec<&str> = script
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .filter(|w| w.starts_with("--"))
        .collect();
    assert!(flags.len() >= 7, "{flags:?}");
    for flag in flags {
        assert!(
            help.contains(&format!("{flag} ")),
            "{flag} is not a flag of coroner investigate"
        );
    }
    // The outputs are the ones coroner writes.
    for (name, output) in action["outputs"].as_object().unwrap() {
        assert_eq!(
            output["value"],
            format!("${{{{ steps.investigate.outputs.{name} }}}}")
        );
    }
    let written = {
        let step = Step::new();
        step.run(&support::bundle("healthy-stack"), &["--output", "r.md"]);
        step.outputs()
    };
    let mut names: Vec<&String> = action["outputs"].as_object().unwrap().keys().collect();
    names.sort();
    let mut coroner: Vec<&String> = written.keys().filter(|k| *k != "built").collect();
    coroner.sort();
    assert_eq!(names, coroner);
}

/// The investigate step of action.yml run as the runner runs a bash step
/// (`bash --noprofile --norc -eo pipefail FILE`), its `env:` expressions
/// evaluated from the inputs given and the inputs' defaults.
fn run_action_step(inputs: &[(&str, &str)], step: &Step) -> Output {
    let action = action();
    let investigate = step_named(&action, "investigate");
    let value = |name: &str| -> String {
        inputs
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.to_string())
            .unwrap_or_else(|| {
                action["inputs"][name]["default"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
    };
    let script = step.path("investigate.sh");
    std::fs::write(&script, investigate["run"].as_str().unwrap()).unwrap();
    let mut command = Command::new("bash");
    command
        .args(["--noprofile", "--norc", "-eo", "pipefail"])
        .arg(&script)
        .current_dir(step.dir.path())
        .env("GITHUB_ACTIONS", "true")
        .env("GITHUB_STEP_SUMMARY", step.path("summary.md"))
        .env("GITHUB_OUTPUT", step.path("output.txt"))
        .env("RUNNER_TEMP", step.path("runner-temp"));
    for (variable, expression) in investigate["env"].as_object().unwrap() {
        let expression = expression.as_str().unwrap();
        let name = expression
            .strip_prefix("${{ inputs.")
            .and_then(|e| e.strip_suffix(" }}"))
            .unwrap_or_else(|| panic!("{variable}: {expression} is not an input"));
        command.env(variable, value(name));
    }
    command.output().unwrap()
}

#[test]
fn the_action_s_investigate_step_runs_coroner_as_the_runner_would() {
    let binary = env!("CARGO_BIN_EXE_coroner");
    let bundle = support::bundle("main-incident");
    let step = Step::new();
    let out = run_action_step(
        &[
            ("coroner", binary),
            ("bundle", bundle.to_str().unwrap()),
            ("junit", "junit.xml"),
        ],
        &step,
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let outputs = step.outputs();
    assert_eq!(outputs["report"], "coroner-report.md");
    assert_eq!(outputs["verdict"], "root-cause-identified");
    assert!(step.path("coroner-report.md").is_file());
    assert!(step.path("junit.xml").is_file());
    assert!(step.summary().starts_with(EARLIER_SUMMARY));
    assert_eq!(
        carried(&text(&out.stdout))
            .iter()
            .filter(|c| c.name == "error")
            .count(),
        json_report(&bundle)["root_causes"]
            .as_array()
            .unwrap()
            .len()
    );

    let step = Step::new();
    let out = run_action_step(
        &[
            ("coroner", binary),
            ("bundle", support::bundle("healthy-stack").to_str().unwrap()),
            ("format", "json"),
            ("fail-on", "never"),
            ("output", "out/healthy.json"),
        ],
        &step,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(step.outputs()["report"], "out/healthy.json");
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(step.path("out/healthy.json")).unwrap())
            .unwrap();
    assert_eq!(json["verdict"], "healthy");
}
