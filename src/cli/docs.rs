//! `investigate --docs DIR`: the report joins a directory of incident
//! reports kept in a repository. This file does the directory's I/O (list
//! the reports, pick the file name, write atomically); the texts come from
//! `coroner::report::docs`.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use coroner::analyze::Analysis;
use coroner::report::docs::{self, Entry};
use coroner::report::Format;

use super::output::{default_file_name, write_atomically};
use super::terminal::Terminal;

/// The index page: README.md, or index.md when only that one exists (as
/// MkDocs and Docusaurus name it).
fn index_path(dir: &Path) -> PathBuf {
    let readme = dir.join("README.md");
    let index = dir.join("index.md");
    if !readme.exists() && index.exists() {
        index
    } else {
        readme
    }
}

/// A report ready to join the directory, and the index that lists it.
pub struct Incident {
    pub path: PathBuf,
    /// The Markdown report with its front matter.
    pub text: String,
    index: PathBuf,
    index_text: String,
}

/// Reads the directory's reports, names this one, says what it recurs from
/// (into `analysis.seen_before`) and renders it and the index. The same
/// evidence gives the same bytes on every run.
pub fn prepare(dir: &Path, analysis: &mut Analysis, terminal: &Terminal) -> Result<Incident> {
    std::fs::create_dir_all(dir)
        .with_context(|| format!("--docs: cannot create {}", dir.display()))?;
    let index = index_path(dir);
    let (reports, other_pages) = read_reports(dir, &index, terminal)?;
    let file = file_name(analysis, &reports, &other_pages);
    let others: Vec<Entry> = reports.into_iter().filter(|e| e.file != file).collect();
    analysis.seen_before = docs::seen_before(analysis, &file, &others);
    let incident = docs::render(analysis).context("cannot render the report")?;
    let mut entries = others;
    entries.push(Entry {
        file: file.clone(),
        front_matter: incident.front_matter,
    });
    let existing = match std::fs::read_to_string(&index) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            return Err(e).with_context(|| format!("--docs: cannot read {}", index.display()))
        }
    };
    let index_text =
        docs::index(existing.as_deref(), &entries).context("cannot render the index")?;
    Ok(Incident {
        path: dir.join(file),
        text: incident.text,
        index,
        index_text,
    })
}

impl Incident {
    /// Writes the index, once the report it links to is written.
    pub fn write_index(&self, terminal: &Terminal) -> Result<()> {
        write_atomically(&self.index, self.index_text.as_bytes())?;
        terminal.note("index", &self.index.display().to_string());
        Ok(())
    }
}

/// coroner's reports in `dir` (by their front matter), and the names of the
/// directory's other Markdown pages, which are never overwritten. A report
/// whose front matter is damaged is left out of the index with a warning
/// naming the file and the field.
fn read_reports(
    dir: &Path,
    index: &Path,
    terminal: &Terminal,
) -> Result<(Vec<Entry>, Vec<String>)> {
    let mut reports = Vec::new();
    let mut other_pages = Vec::new();
    let listing =
        std::fs::read_dir(dir).with_context(|| format!("--docs: cannot list {}", dir.display()))?;
    for item in listing {
        let item = item.with_context(|| format!("--docs: cannot list {}", dir.display()))?;
        let path = item.path();
        let Some(name) = path
            .file_name()
            .and_then(|n| n.to_str())
            .map(str::to_string)
        else {
            continue;
        };
        if !name.ends_with(".md") || path == index || !item.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => {
                terminal.warn(&format!(
                    "--docs: {}: cannot read it ({e}); left out of the index",
                    path.display()
                ));
                other_pages.push(name);
                continue;
            }
        };
        match docs::read_front_matter(&text) {
            Ok(Some(front_matter)) => reports.push(Entry {
                file: name,
                front_matter,
            }),
            Ok(None) => other_pages.push(name),
            Err(e) => {
                terminal.warn(&format!(
                    "--docs: {}: {e}; left out of the index",
                    path.display()
                ));
                other_pages.push(name);
            }
        }
    }
    Ok((reports, other_pages))
}

/// `<date>-<service>-<cause>.md`; when that name holds another incident
/// (another window or host) or a page coroner did not write, `-2`, `-3`, …
/// A report of the same incident keeps its name: regenerating it replaces it.
fn file_name(analysis: &Analysis, reports: &[Entry], other_pages: &[String]) -> String {
    let base = default_file_name(analysis, Format::Md);
    let stem = base.trim_end_matches(".md");
    (1..)
        .map(|n| {
            if n == 1 {
                base.clone()
            } else {
                format!("{stem}-{n}.md")
            }
        })
        .find(|candidate| {
            if other_pages.contains(candidate) {
                return false;
            }
            reports
                .iter()
                .find(|e| &e.file == candidate)
                .is_none_or(|e| e.front_matter.describes(&analysis.about))
        })
        .unwrap_or(base)
}
