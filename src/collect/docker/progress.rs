//! Progress of a collection, on standard error: a bar on a terminal, one
//! plain line per container otherwise (CI logs, redirected output).

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::report::sanitize;

pub struct Progress {
    bar: Option<ProgressBar>,
    /// Plain lines are printed unless silenced.
    lines: bool,
    total: u64,
    done: u64,
    /// `collect` or `collect [engine]`: what each plain line starts with.
    label: String,
}

impl Progress {
    /// A bar when standard error is a terminal, plain lines otherwise.
    pub fn for_stderr() -> Progress {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template("{spinner} collecting [{bar:30}] {pos}/{len} {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar())
                    .progress_chars("=> "),
            );
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        });
        Progress {
            bar,
            lines: true,
            total: 0,
            done: 0,
            label: "collect".into(),
        }
    }

    /// Reports nothing, warnings included (`--quiet`).
    pub fn silent() -> Progress {
        Progress {
            bar: None,
            lines: false,
            total: 0,
            done: 0,
            label: "collect".into(),
        }
    }

    /// Plain lines naming the engine, for one of several collected at once
    /// (one bar cannot show several collections).
    pub fn for_engine(engine: &str, quiet: bool) -> Progress {
        Progress {
            bar: None,
            lines: !quiet,
            total: 0,
            done: 0,
            label: format!("collect [{}]", sanitize::terminal(engine)),
        }
    }

    /// A step outside the per-container work: `engine`, `events`, …
    pub fn step(&self, message: &str) {
        match &self.bar {
            Some(bar) => bar.set_message(message.to_string()),
            None if self.lines => eprintln!("{}: {message}", self.label),
            None => {}
        }
    }

    pub fn containers(&mut self, total: usize) {
        self.total = total as u64;
        match &self.bar {
            Some(bar) => bar.set_length(self.total),
            None if self.lines => eprintln!("{}: {total} containers", self.label),
            None => {}
        }
    }

    pub fn container_done(&mut self, name: &str) {
        self.done += 1;
        let name = sanitize::terminal(name);
        match &self.bar {
            Some(bar) => {
                bar.set_message(name.to_string());
                bar.inc(1);
            }
            None if self.lines => {
                eprintln!("{}: [{}/{}] {name}", self.label, self.done, self.total)
            }
            None => {}
        }
    }

    /// A problem worth telling now, above the bar. The engine's messages
    /// may quote what a container printed: shown through the terminal gate.
    pub fn warn(&self, message: &str) {
        let line = format!("coroner: warning: {}", sanitize::terminal(message));
        match &self.bar {
            Some(bar) => bar.println(line),
            None if self.lines => eprintln!("{line}"),
            None => {}
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
