//! `--lang` and `--locales`: which language reports are written in.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context as _, Result};

use coroner::locale::{self, Localizer};

/// Adds the languages of every `--locales` directory, then picks the one
/// `--lang` names, else the one the environment asks for (`LC_ALL`,
/// `LC_MESSAGES`, `LANG`) when coroner speaks it, else English.
pub fn choose(lang: Option<&str>, dirs: &[PathBuf]) -> Result<Arc<Localizer>> {
    for dir in dirs {
        locale::add_dir(dir).with_context(|| format!("--locales {}", dir.display()))?;
    }
    let tag = match lang {
        Some(tag) => tag.to_string(),
        None => locale::from_environment().unwrap_or_else(|| locale::DEFAULT.to_string()),
    };
    locale::get(&tag).context("--lang")
}
