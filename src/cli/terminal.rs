//! What coroner tells on standard error: the verdict, the top root cause,
//! where the report went, warnings and errors.
//!
//! Colour follows `--color`, then `NO_COLOR` (<https://no-color.org>: set
//! and not empty turns it off), then whether standard error is a terminal.
//! `--quiet` keeps errors and the warnings that protect the user (secrets
//! left unmasked) only. Every value from evidence goes through
//! [`sanitize::terminal`] here, so no caller can forget it.

use std::io::IsTerminal;
use std::path::Path;

use coroner::analyze::{Analysis, Verdict};
use coroner::report::sanitize;

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
        Terminal { color, quiet }
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
        eprintln!(
            "{} {}",
            self.paint(RED, "coroner: error:"),
            sanitize::terminal_message(message)
        );
    }

    /// `coroner: warning: …`, unless quiet.
    pub fn warn(&self, message: &str) {
        if !self.quiet {
            self.warn_always(message);
        }
    }

    /// A warning that protects the user, shown even when quiet.
    pub fn warn_always(&self, message: &str) {
        eprintln!(
            "{} {}",
            self.paint(YELLOW, "coroner: warning:"),
            sanitize::terminal(message)
        );
    }

    /// `label: value`, unless quiet: what was done and where it went.
    pub fn note(&self, label: &str, value: &str) {
        if !self.quiet {
            eprintln!("{label}: {}", sanitize::terminal(value));
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
        eprintln!("verdict: {}", self.paint(style, verdict));
        if let Some(top) = analysis.root_causes.first() {
            eprintln!(
                "root cause: {} {}: {}",
                self.paint(BOLD, &format!("[{}]", top.finding.kind)),
                sanitize::terminal(&top.finding.service),
                sanitize::terminal(&top.finding.title)
            );
        }
        if let Some(path) = path {
            self.note("report", &path.display().to_string());
        }
    }
}
