//! `coroner completions` and `coroner man`: the command line described for
//! shells and for man(1), generated from the same definitions clap parses,
//! so they never disagree with the binary.

use std::io::Write as _;
use std::path::Path;

use anyhow::{Context as _, Result};

/// The completion script for `shell`, on standard output.
pub fn completions(shell: clap_complete::Shell, command: &mut clap::Command) -> Result<()> {
    let mut out = Vec::new();
    clap_complete::generate(shell, command, "coroner", &mut out);
    std::io::stdout()
        .write_all(&out)
        .context("cannot write the completion script to standard output")
}

/// The man page on standard output, or with `out` one page per command
/// (`coroner.1`, `coroner-investigate.1`, …) written into that directory.
pub fn man(command: clap::Command, out: Option<&Path>) -> Result<()> {
    match out {
        None => {
            let mut page = Vec::new();
            clap_mangen::Man::new(command)
                .render(&mut page)
                .context("cannot render the man page")?;
            std::io::stdout()
                .write_all(&page)
                .context("cannot write the man page to standard output")
        }
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            clap_mangen::generate_to(command, dir)
                .with_context(|| format!("cannot write the man pages into {}", dir.display()))
        }
    }
}
