//! What coroner tells on standard error: the verdict, the top root cause,
//! where the report went, warnings and errors.
//!
//! Colour follows `--color`, then `NO_COLOR` (<https://no-color.org>: set
//! and not empty turns it off), then whether standard error is a terminal.
//! `--quiet` keeps errors and the warnings that protect the user (secrets
//! left unmasked) only. Every value from evidence goes through
//! [`sanitize::terminal`] here, so no caller can forget it.
//!
//! In a GitHub Actions job the runner reads workflow commands from standard
//! error too (docs/ci.md): there every line is also made [`github::inert`],
//! so a log line quoted in a title cannot set an output or hide the
//! annotations.

use std::io::IsTerminal;
use std::path::Path;

use coroner::analyze::{Analysis, Verdict};
use coroner::locale::{self, Arg, Text};
use coroner::report::{github, sanitize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour when standard error is a terminal and NO_COLOR is not set.
    #[default]
    Auto,
    Always,
    Never,
}

/// The terminal as the user configured it.
#[derive(Debug, Clone, Copy)]
pub struct Terminal {
    color: bool,
    quiet: bool,
    /// A GitHub Actions runner reads what is printed for workflow commands.
    runner_reads_commands: bool,
}

const RED: &str = "\x1b[1;31m";
const YELLOW: &str = "\x1b[33m";
const GREEN: &str = "\x1b[32m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

impl Terminal {
    pub fn new(choice: ColorChoice, quiet: bool) -> Terminal {
        let color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
                    && std::io::stderr().is_terminal()
            }
        };
        Terminal {
            color,
            quiet,
            runner_reads_commands: super::ci::in_github_actions(),
        }
    }

    /// The same terminal, its lines made inert as workflow commands
    /// (`--ci github` outside a runner, to see what a runner would get).
    pub fn guarding_workflow_commands(self) -> Terminal {
        Terminal {
            runner_reads_commands: true,
            ..self
        }
    }

    /// Prints one message on standard error.
    fn print(&self, text: &str) {
        if self.runner_reads_commands {
            eprintln!("{}", github::inert(text));
        } else {
            eprintln!("{text}");
        }
    }

    pub fn is_quiet(&self) -> bool {
        self.quiet
    }

    fn paint(&self, style: &str, text: &str) -> String {
        if self.color {
            format!("{style}{text}{RESET}")
        } else {
            text.to_string()
        }
    }

    /// `coroner: error: …`, always shown.
    pub fn error(&self, message: &str) {
        self.print(&format!(
            "{} {}",
            self.paint(RED, "coroner: error:"),
            sanitize::terminal_message(message)
        ));
    }

    /// `coroner: warning: …`, unless quiet.
    pub fn warn(&self, message: &str) {
        if !self.quiet {
            self.warn_always(message);
        }
    }

    /// A warning that protects the user, shown even when quiet.
    pub fn warn_always(&self, message: &str) {
        self.print(&format!(
            "{} {}",
            self.paint(YELLOW, "coroner: warning:"),
            sanitize::terminal(message)
        ));
    }

    /// `label: value`, unless quiet: what was done and where it went.
    pub fn note(&self, label: &str, value: &str) {
        if !self.quiet {
            self.print(&format!("{label}: {}", sanitize::terminal(value)));
        }
    }

    /// The verdict, the top root cause and where the report is.
    pub fn summary(&self, analysis: &Analysis, path: Option<&Path>) {
        if self.quiet {
            return;
        }
        let verdict = analysis.verdict.as_str();
        let style = match analysis.verdict {
            Verdict::Healthy => GREEN,
            Verdict::RootCauseIdentified => RED,
            Verdict::Suspected | Verdict::Inconclusive => YELLOW,
        };
        // The labels are the report's language; the verdict and the kind
        // are identifiers, shown as they are.
        let words = locale::current();
        self.print(
            &words.text(
                &Text::msg("report-terminal-verdict")
                    .with("verdict", Arg::Code(self.paint(style, verdict))),
            ),
        );
        if let Some(top) = analysis.root_causes.first() {
            self.print(
                &words.text(
                    &Text::msg("report-terminal-root-cause")
                        .with(
                            "kind",
                            Arg::Code(self.paint(BOLD, &format!("[{}]", top.finding.kind))),
                        )
                        .with(
                            "service",
                            Arg::Code(sanitize::terminal(&top.finding.service)),
                        )
                        .with(
                            "title",
                            Arg::Code(sanitize::terminal(&words.text(&top.finding.title))),
                        ),
                ),
            );
        }
        if let Some(path) = path {
            self.note("report", &path.display().to_string());
        }
    }
}
