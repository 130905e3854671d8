//! The `coroner` command line: parses the arguments and hands each command
//! to its file under `src/cli/`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{CommandFactory as _, Parser, Subcommand};

use coroner::analyze::detectors;
use coroner::analyze::rules::Catalogue;

mod cli;

use cli::collect::CollectArgs;
use cli::compare::CompareArgs;
use cli::investigate::InvestigateArgs;
use cli::terminal::{ColorChoice, Terminal};
use cli::{exit, rules as rule_commands, tooling};

#[derive(Parser)]
#[command(
    name = "coroner",
    version,
    about = "Investigates incidents on Docker hosts and writes the post-incident report"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Colour the terminal summary: auto (when standard error is a terminal
    /// and NO_COLOR is not set), always, never.
    #[arg(long, value_enum, default_value_t, global = true)]
    color: ColorChoice,
    /// Print errors only: no summary, progress or warnings (a warning that
    /// secrets are left unmasked is still printed).
    #[arg(long, short, global = true)]
    quiet: bool,
    /// The language of the report: en, fr (or one a --locales directory
    /// adds). Defaults to the language LC_ALL, LC_MESSAGES or LANG names when
    /// coroner speaks it, else English. Evidence is never translated.
    #[arg(long, value_name = "LANG", global = true)]
    lang: Option<String>,
    /// A directory of languages to add or override: `DIR/<lang>/*.ftl`
    /// (docs/languages.md).
    #[arg(long, value_name = "DIR", global = true)]
    locales: Vec<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Investigate the local Docker engine (or an evidence bundle with
    /// --bundle) and write the report.
    Investigate(Box<InvestigateArgs>),
    /// Save the evidence from the Docker engine as a bundle directory, to
    /// investigate later or elsewhere with `investigate --bundle`.
    Collect(CollectArgs),
    /// Set two investigations of the same host side by side (each a bundle
    /// or a JSON report): what was resolved, what is still there, what is new.
    Compare(CompareArgs),
    /// List the detectors, one line each.
    Detectors,
    /// Print what a detector, a kind of failure or a rule looks for and how to fix it.
    Explain {
        /// A detector id (`coroner detectors`), a kind, or a rule id (`coroner rules`).
        id: String,
        /// Also load the rule files of this directory (repeatable).
        #[arg(long = "rules", value_name = "DIR")]
        rules: Vec<PathBuf>,
    },
    /// List the rule catalogue (id, kind, severity, family), or check rule files.
    Rules {
        /// Check these rule files or directories instead: syntax, kinds,
        /// needles, placeholders, and every example and counterexample.
        #[arg(long, value_name = "PATH", num_args = 1..)]
        check: Vec<PathBuf>,
        /// Also load the rule files of this directory (repeatable).
        #[arg(long = "rules", value_name = "DIR")]
        rules: Vec<PathBuf>,
    },
    /// Print the JSON Schema of the JSON report (`investigate --format json`).
    Schema,
    /// Print the completion script for a shell, e.g.
    /// `coroner completions bash > /etc/bash_completion.d/coroner`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page, or write one page per command into a directory.
    Man {
        /// Write coroner.1, coroner-investigate.1, … into this directory.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let terminal = Terminal::new(cli.color, cli.quiet);
    let language = match cli::language::choose(cli.lang.as_deref(), &cli.locales) {
        Ok(language) => language,
        Err(e) => {
            terminal.error(&format!("{e:#}"));
            return ExitCode::from(exit::USAGE_OR_INPUT);
        }
    };
    let outcome = coroner::locale::in_language(&language, || run(cli.command, &terminal));
    warn_untranslated(&language, &terminal);
    match outcome {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            terminal.error(&format!("{e:#}"));
            ExitCode::from(exit::USAGE_OR_INPUT)
        }
    }
}

/// Says which words a report had to leave in English: a message a language
/// added with --locales lacks, or the words of a rule added with --rules.
fn warn_untranslated(language: &coroner::locale::Localizer, terminal: &Terminal) {
    let untranslated = coroner::locale::take_untranslated();
    if language.tag() == coroner::locale::DEFAULT || untranslated.is_empty() {
        return;
    }
    let mut shown: Vec<&str> = untranslated.keys().map(String::as_str).take(5).collect();
    if untranslated.len() > shown.len() {
        shown.push("…");
    }
    terminal.warn(&format!(
        "{} texts of the report are not in {}, shown as written: {}",
        untranslated.len(),
        language.tag(),
        shown.join(", ")
    ));
}

fn run(command: Command, terminal: &Terminal) -> Result<u8> {
    match command {
        Command::Detectors => {
            for d in detectors::all() {
                println!(
                    "{:<24} {:<8} {}",
                    d.id(),
                    format!("{:?}", d.role()).to_lowercase(),
                    d.summary()
                );
            }
            Ok(exit::OK)
        }
        Command::Explain { id, rules } => {
            let catalogue = Catalogue::with_extra(&rules)?;
            print!("{}", rule_commands::explain(catalogue, &id)?);
            Ok(exit::OK)
        }
        Command::Rules { check, rules } => {
            if check.is_empty() {
                print!("{}", rule_commands::list(Catalogue::with_extra(&rules)?));
                Ok(exit::OK)
            } else {
                rule_commands::check(&check)
            }
        }
        Command::Investigate(args) => cli::investigate::investigate(*args, terminal),
        Command::Collect(args) => cli::collect::collect(args, terminal),
        Command::Compare(args) => cli::compare::compare(args, terminal),
        Command::Schema => {
            cli::schema::schema()?;
            Ok(exit::OK)
        }
        Command::Completions { shell } => {
            tooling::completions(shell, &mut Cli::command())?;
            Ok(exit::OK)
        }
        Command::Man { out } => {
            tooling::man(Cli::command(), out.as_deref())?;
            Ok(exit::OK)
        }
    }
}
