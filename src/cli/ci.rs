//! What `coroner investigate` gives a CI system beside the report: in a
//! GitHub Actions job (or with `--ci github`) annotations, the step summary
//! and step outputs; with `--junit FILE` a JUnit XML report. docs/ci.md
//! says what each holds.
//!
//! The formats are `coroner::report::github` and `junit`; this file decides
//! when they apply, where they go, and what failing to write them means.
//! GitHub's files belong to the runner, so a missing or unwritable one is a
//! warning naming the variable and the path, and the report and the exit
//! code stay as they are. `--junit` was asked for on the command line, so
//! failing to write it is an error, as failing to write the report is.

use std::borrow::Cow;
use std::fs::OpenOptions;
use std::io::Write as _;
use std::os::unix::fs::FileExt as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context as _, Result};
use chrono::{DateTime, Utc};
use coroner::analyze::Analysis;
use coroner::report::sanitize::{self, Shown};
use coroner::report::{self, github, junit, Format};

use super::output::{write_atomically, write_report};
use super::terminal::Terminal;

/// Whether this runs in a GitHub Actions job: the runner sets
/// `GITHUB_ACTIONS=true` for every step.
pub fn in_github_actions() -> bool {
    std::env::var_os("GITHUB_ACTIONS").is_some_and(|v| v == "true")
}

#[derive(clap::Args)]
pub struct CiArgs {
    /// CI integration (docs/ci.md): auto (GitHub Actions when
    /// GITHUB_ACTIONS=true), github (annotations, step summary and step
    /// outputs), none.
    #[arg(long, value_enum, value_name = "SYSTEM", default_value_t)]
    pub ci: CiChoice,
    /// Also write the findings as a JUnit XML report to FILE: a test case
    /// per container and per service and kind of finding (docs/ci.md).
    #[arg(long, value_name = "FILE")]
    pub junit: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum CiChoice {
    #[default]
    Auto,
    Github,
    None,
}

/// The report as it was rendered and where it goes.
pub struct Report<'a> {
    pub format: Format,
    pub rendered: &'a str,
    /// `None` for standard output.
    pub destination: Option<&'a Path>,
}

/// The CI outputs of one investigation, from its start.
pub struct Ci {
    github: bool,
    junit: Option<PathBuf>,
    /// The terminal, guarding against workflow commands under `--ci github`.
    pub terminal: Terminal,
    started: DateTime<Utc>,
    clock: Instant,
}

impl Ci {
    pub fn start(args: &CiArgs, terminal: Terminal) -> Ci {
        let github = match args.ci {
            CiChoice::Auto => in_github_actions(),
            CiChoice::Github => true,
            CiChoice::None => false,
        };
        Ci {
            github,
            junit: args.junit.clone(),
            terminal: if github {
                terminal.guarding_workflow_commands()
            } else {
                terminal
            },
            started: Utc::now(),
            clock: Instant::now(),
        }
    }

    /// Writes the report and everything the CI system reads beside it:
    /// annotations first (they share standard output with a report written
    /// there), the report, then the step summary, the step outputs and the
    /// JUnit report. `code` is the exit code the run ends with;
    /// `incomplete` says why the evidence lacks something, when it does.
    pub fn write(
        &self,
        analysis: &Analysis,
        report: &Report,
        code: u8,
        incomplete: Option<&str>,
    ) -> Result<()> {
        if !self.github && self.junit.is_none() {
            return write_report(report.destination, report.rendered);
        }
        let shown = sanitize::shown(analysis).context("cannot prepare the CI outputs")?;
        // The runner cannot read what goes to a file, and annotations
        // written there would land in the report of `--output - > FILE`.
        let runner_reads_stdout = self.github && !stdout_is_a_file();
        if self.github && !runner_reads_stdout {
            self.terminal
                .warn("standard output is a file: no annotations (the runner reads them from the step's output)");
        }
        if runner_reads_stdout {
            let display = report.destination.map(display);
            let mut out = std::io::stdout().lock();
            for line in github::annotations(&shown, display.as_deref()) {
                writeln!(out, "{line}").context("cannot write to standard output")?;
            }
            out.flush().context("cannot write to standard output")?;
        }
        if runner_reads_stdout && report.destination.is_none() {
            write_report(None, &without_commands(report.rendered)?)?;
        } else {
            write_report(report.destination, report.rendered)?;
        }
        if self.github {
            self.step_summary(analysis, &shown, report);
            self.step_outputs(&shown, report, code);
        }
        if let Some(path) = &self.junit {
            let display = report.destination.map(display);
            let xml = junit::render(
                &shown,
                &junit::Run {
                    started: self.started,
                    seconds: self.clock.elapsed().as_secs_f64(),
                    report: display.as_deref(),
                    incomplete,
                },
            );
            write_atomically(path, xml.as_bytes())
                .with_context(|| format!("--junit {}", path.display()))?;
        }
        Ok(())
    }

    /// The file a GitHub environment variable names, or a warning that it
    /// names none.
    fn runner_file(&self, variable: &str, what: &str) -> Option<PathBuf> {
        match std::env::var_os(variable) {
            Some(path) if !path.is_empty() => Some(PathBuf::from(path)),
            _ => {
                self.terminal
                    .warn(&format!("{variable} is not set: no {what} written"));
                None
            }
        }
    }

    fn step_summary(&self, analysis: &Analysis, shown: &Shown, report: &Report) {
        let Some(path) = self.runner_file("GITHUB_STEP_SUMMARY", "step summary") else {
            return;
        };
        let markdown = match report.format {
            Format::Md => Cow::Borrowed(report.rendered),
            _ => match report::render(analysis, Format::Md) {
                Ok(markdown) => Cow::Owned(markdown),
                Err(e) => {
                    self.terminal
                        .warn(&format!("no step summary: cannot render it: {e}"));
                    return;
                }
            },
        };
        let display = report.destination.map(display);
        match append_summary(&path, &markdown, shown, display.as_deref()) {
            Ok(Appended::Whole) => {}
            Ok(Appended::Short) => self.terminal.note(
                "step summary",
                "the short form: the report is more than the 1 MiB GitHub keeps of a step summary",
            ),
            Ok(Appended::Nothing(held)) => self.terminal.warn(&format!(
                "GITHUB_STEP_SUMMARY={}: no room for the report, the step summary already holds {held} bytes of GitHub's 1 MiB",
                path.display()
            )),
            Err(e) => self.terminal.warn(&format!(
                "GITHUB_STEP_SUMMARY={}: cannot append the report: {e}",
                path.display()
            )),
        }
    }

    fn step_outputs(&self, shown: &Shown, report: &Report, code: u8) {
        let Some(path) = self.runner_file("GITHUB_OUTPUT", "step outputs") else {
            return;
        };
        let written = outputs(shown, report, code)
            .map_err(std::io::Error::other)
            .and_then(|text| {
                let mut file = Appending::open(&path)?;
                // A line left open by an earlier step would swallow the
                // first output's name.
                let separator = if file.ends_line { "" } else { "\n" };
                file.file.write_all(format!("{separator}{text}").as_bytes())
            });
        if let Err(e) = written {
            self.terminal.warn(&format!(
                "GITHUB_OUTPUT={}: cannot write the step outputs: {e}",
                path.display()
            ));
        }
    }
}

/// The step outputs: `verdict`, `top-kind`, `top-service`, `report` (its
/// path, empty for standard output) and `exit-code`.
fn outputs(shown: &Shown, report: &Report, code: u8) -> Result<String, getrandom::Error> {
    let top = shown.root_causes.first();
    let mut text = github::plain_output("verdict", &shown.verdict);
    text += &github::plain_output("top-kind", top.map_or("", |t| t.kind.as_str()));
    text += &github::text_output("top-service", top.map_or("", |t| t.service.as_str()))?;
    // The path exactly as written, for the next step to open: it is the
    // user's argument or coroner's own file name, not evidence.
    let path = report
        .destination
        .map(|p| p.to_string_lossy())
        .unwrap_or_default();
    text += &github::text_output("report", &path)?;
    text += &github::plain_output("exit-code", &code.to_string());
    Ok(text)
}

/// A path as shown to a reader: secrets masked, hidden characters escaped.
fn display(path: &Path) -> String {
    sanitize::terminal(&path.display().to_string())
}

/// The report for a log the runner reads: between a stop and a resume
/// command with a random token, so no line of it is taken for a command.
fn without_commands(rendered: &str) -> Result<String> {
    let token = github::random_token().context("cannot draw a random token")?;
    let mut text = String::with_capacity(rendered.len() + 120);
    text.push_str(&github::stop_commands(&token));
    text.push('\n');
    text.push_str(rendered);
    if !rendered.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(&github::resume_commands(&token));
    text.push('\n');
    Ok(text)
}

/// Standard output redirected to a regular file (`> FILE`), not a pipe to
/// the runner or a terminal.
fn stdout_is_a_file() -> bool {
    std::fs::metadata("/proc/self/fd/1").is_ok_and(|m| m.is_file())
}

/// A runner's file, opened to append to (never truncated: what earlier
/// steps wrote stays), and how it ends.
struct Appending {
    file: std::fs::File,
    held: u64,
    /// Empty, or its last byte is a line feed.
    ends_line: bool,
}

impl Appending {
    /// The runner creates the file for each step: a missing one is an
    /// error, not created here.
    fn open(path: &Path) -> std::io::Result<Appending> {
        let file = OpenOptions::new().read(true).append(true).open(path)?;
        let held = file.metadata()?.len();
        let mut last = [b'\n'];
        if held > 0 {
            file.read_exact_at(&mut last, held - 1)?;
        }
        Ok(Appending {
            file,
            held,
            ends_line: last[0] == b'\n',
        })
    }
}

enum Appended {
    Whole,
    Short,
    /// Not one line fitted; the summary held so many bytes.
    Nothing(u64),
}

/// Appends the report to the step summary (never truncating it: earlier
/// steps' Markdown stays), after a blank line, within what GitHub's 1 MiB
/// a step leaves.
fn append_summary(
    path: &Path,
    markdown: &str,
    shown: &Shown,
    report: Option<&str>,
) -> std::io::Result<Appended> {
    let mut file = Appending::open(path)?;
    let separator = match (file.held, file.ends_line) {
        (0, _) => "",
        (_, true) => "\n",
        (_, false) => "\n\n",
    };
    let budget = github::SUMMARY_LIMIT.saturating_sub(file.held as usize + separator.len());
    let Some(summary) = github::summary(markdown, shown, report, budget) else {
        return Ok(Appended::Nothing(file.held));
    };
    file.file
        .write_all(format!("{separator}{}", summary.text).as_bytes())?;
    Ok(if summary.shortened {
        Appended::Short
    } else {
        Appended::Whole
    })
}
