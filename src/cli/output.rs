//! Where a report goes: its default file name, and writing it so that no
//! reader ever sees half of it.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use coroner::analyze::Analysis;
use coroner::report::Format;

/// Where `--output` sends the report: `None` for standard output (`-`), the
/// default file name inside a directory, else the file given; without
/// `--output`, `reports/<default file name>`.
pub fn destination(output: Option<&Path>, default_name: &str) -> Option<PathBuf> {
    match output {
        Some(p) if p == Path::new("-") => None,
        Some(p) if p.is_dir() => Some(p.join(default_name)),
        Some(p) => Some(p.to_path_buf()),
        None => Some(Path::new("reports").join(default_name)),
    }
}

/// Writes the report where [`destination`] said: a file, atomically, or
/// standard output.
pub fn write_report(destination: Option<&Path>, rendered: &str) -> Result<()> {
    match destination {
        None => std::io::stdout()
            .write_all(rendered.as_bytes())
            .context("cannot write the report to standard output"),
        Some(path) => write_atomically(path, rendered.as_bytes()),
    }
}

/// `2026-11-27-mcp-api-missing-module.md`
pub fn default_file_name(analysis: &Analysis, format: Format) -> String {
    let slug = match analysis.root_causes.first() {
        Some(top) => format!("{}-{}", top.finding.service, top.finding.kind),
        None => format!("{:?}", analysis.verdict).to_lowercase(),
    };
    let slug: String = slug
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let slug = slug
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    format!("{}-{slug}.{}", analysis.about.date, format.extension())
}

/// Writes through a temporary file in the same directory and renames it
/// into place, so a reader never sees a half-written report.
///
/// A symlink is followed, so the link survives. A destination that is not a
/// regular file (`/dev/null`, `/dev/stdout`, a FIFO) is written to, never
/// renamed over: replacing `/dev/null` with a file would break the host.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let resolved = std::fs::canonicalize(path).ok();
    let path = resolved.as_deref().unwrap_or(path);
    if let Ok(meta) = std::fs::metadata(path) {
        if !meta.is_file() {
            return std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .and_then(|mut f| f.write_all(bytes))
                .with_context(|| format!("cannot write {}", path.display()));
        }
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    // A report is meant to be shared: readable as any new file would be
    // (0644 less the umask), not 0600 as temporary files are.
    let mut tmp = tempfile::Builder::new()
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644))
        .tempfile_in(dir)
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .with_context(|| format!("cannot write {}", path.display()))?;
    tmp.persist(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}
