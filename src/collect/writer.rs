//! Writes an evidence bundle in the layout [`super::bundle`] reads, and
//! makes it appear all at once.
//!
//! Everything goes into a hidden temporary directory beside the target,
//! which is renamed into place only when the bundle is complete; a bundle
//! that fails half-way leaves nothing behind. Container logs are streamed
//! through [`CappedLog`], which keeps only the newest bytes on disk and
//! never holds a log in memory. This module knows file places and formats;
//! what goes into them is the collectors' business.

use std::fs::{self, File};
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::evidence::{BundleMeta, EntrypointForensics};

/// The layout's directories, each before its parent so that removing the
/// empty ones in this order leaves no empty parent behind.
const LAYOUT_DIRS: [&str; 7] = [
    "docker/containers",
    "docker/images",
    "docker/forensics",
    "docker",
    "swarm/logs",
    "swarm",
    "host",
];

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error(
        "{0} already exists and is not an empty directory; choose another --out, or remove it"
    )]
    TargetNotEmpty(PathBuf),
    #[error("cannot write the bundle in {path}: {source}")]
    Io { path: PathBuf, source: io::Error },
}

/// A bundle being written. Dropping it without [`BundleWriter::finish`]
/// removes everything written so far.
pub struct BundleWriter {
    staging: tempfile::TempDir,
    target: PathBuf,
}

impl BundleWriter {
    /// Starts a bundle that will appear at `target`, which must not exist or
    /// be an empty directory.
    pub fn create(target: &Path) -> Result<BundleWriter, WriteError> {
        check_target(target)?;
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let io_err = |source| WriteError::Io {
            path: parent.clone(),
            source,
        };
        fs::create_dir_all(&parent).map_err(io_err)?;
        let name = target
            .file_name()
            .map_or_else(|| "bundle".into(), |n| n.to_string_lossy().into_owned());
        // Beside the target, so the final rename stays on one filesystem;
        // owner-only, because inspect documents hold environment values
        // unmasked (coroner masks them when it reads a bundle).
        let staging = tempfile::Builder::new()
            .prefix(&format!(".{name}.partial-"))
            .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
            .tempdir_in(&parent)
            .map_err(io_err)?;
        for dir in LAYOUT_DIRS {
            fs::create_dir_all(staging.path().join(dir)).map_err(io_err)?;
        }
        Ok(BundleWriter {
            staging,
            target: target.to_path_buf(),
        })
    }

    /// Where the bundle is being written until it is finished.
    pub fn staging_dir(&self) -> &Path {
        self.staging.path()
    }

    /// `docker/containers/<name>.json`: the inspect document as an array of one.
    pub fn container_inspect(&self, name: &str, inspect: &impl Serialize) -> io::Result<()> {
        self.write_json(
            &format!("docker/containers/{}.json", file_stem(name)),
            &[inspect],
        )
    }

    /// `docker/containers/<name>.log`, keeping at most `cap` newest bytes.
    pub fn container_log(&self, name: &str, cap: u64) -> io::Result<CappedLog> {
        CappedLog::create(
            &self
                .staging
                .path()
                .join(format!("docker/containers/{}.log", file_stem(name))),
            cap,
        )
    }

    /// `docker/images/<ref>.json`, `/` and `:` in the reference made `_`.
    pub fn image_inspect(&self, reference: &str, inspect: &impl Serialize) -> io::Result<()> {
        self.write_json(
            &format!("docker/images/{}.json", file_stem(reference)),
            &[inspect],
        )
    }

    pub fn forensics(&self, forensics: &EntrypointForensics) -> io::Result<()> {
        self.write_json(
            &format!("docker/forensics/{}.json", file_stem(&forensics.container)),
            forensics,
        )
    }

    /// `docker/events.jsonl`, one JSON object a line.
    pub fn events(&self) -> io::Result<JsonLines> {
        let file = File::create(self.staging.path().join("docker/events.jsonl"))?;
        Ok(JsonLines {
            out: BufWriter::new(file),
        })
    }

    /// `swarm/<what>.json`: `services`, `tasks` or `nodes`, as the engine lists them.
    pub fn swarm_list(&self, what: &str, list: &impl Serialize) -> io::Result<()> {
        self.write_json(&format!("swarm/{}.json", file_stem(what)), list)
    }

    /// `swarm/logs/<service>.log`, keeping at most `cap` newest bytes.
    pub fn service_log(&self, service: &str, cap: u64) -> io::Result<CappedLog> {
        CappedLog::create(
            &self
                .staging
                .path()
                .join(format!("swarm/logs/{}.log", file_stem(service))),
            cap,
        )
    }

    /// `host/listeners.txt`, in `ss -ltnpH` form.
    pub fn listeners(&self, lines: &[String]) -> io::Result<()> {
        let mut out = BufWriter::new(File::create(
            self.staging.path().join("host/listeners.txt"),
        )?);
        for line in lines {
            writeln!(out, "{line}")?;
        }
        out.flush()
    }

    /// `compose/<project>/<name>`: a file a compose project was started from,
    /// byte for byte (owner-only like the rest: a `.env` holds secrets).
    pub fn compose_file(&self, project: &str, name: &str, bytes: &[u8]) -> io::Result<()> {
        let dir = self.staging.path().join("compose").join(file_stem(project));
        fs::create_dir_all(&dir)?;
        // `.env` is the one hidden name the layout has; file_stem would unhide it.
        let name = if name == ".env" {
            name.to_string()
        } else {
            file_stem(name)
        };
        fs::write(dir.join(name), bytes)
    }

    pub fn meta(&self, meta: &BundleMeta) -> io::Result<()> {
        self.write_json("bundle.json", meta)
    }

    /// Renames the finished bundle into place and returns its path.
    pub fn finish(self) -> Result<PathBuf, WriteError> {
        let io_err = |source| WriteError::Io {
            path: self.target.clone(),
            source,
        };
        // Directories the collectors left empty are not part of the layout.
        for dir in LAYOUT_DIRS {
            let path = self.staging.path().join(dir);
            if fs::read_dir(&path).map_err(io_err)?.next().is_none() {
                fs::remove_dir(&path).map_err(io_err)?;
            }
        }
        check_target(&self.target)?;
        // rename(2) replaces an empty directory atomically.
        fs::rename(self.staging.path(), &self.target).map_err(io_err)?;
        // The staging path no longer exists; keep TempDir from removing it.
        let _ = self.staging.keep();
        Ok(self.target)
    }

    fn write_json(&self, relative: &str, value: &impl Serialize) -> io::Result<()> {
        let mut out = BufWriter::new(File::create(self.staging.path().join(relative))?);
        serde_json::to_writer_pretty(&mut out, value)?;
        out.write_all(b"\n")?;
        out.flush()
    }
}

fn check_target(target: &Path) -> Result<(), WriteError> {
    match fs::read_dir(target) {
        Ok(mut entries) => match entries.next() {
            None => Ok(()),
            Some(_) => Err(WriteError::TargetNotEmpty(target.to_path_buf())),
        },
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(_) if target.exists() => Err(WriteError::TargetNotEmpty(target.to_path_buf())),
        Err(source) => Err(WriteError::Io {
            path: target.to_path_buf(),
            source,
        }),
    }
}

/// A file name for a container name or image reference: `/` and `:` become
/// `_` as the bundle format says, and anything else unsafe in a path does too.
pub fn file_stem(name: &str) -> String {
    let stem: String = name
        .trim_start_matches('/')
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '@' | '+') {
                c
            } else {
                '_'
            }
        })
        .collect();
    match stem.as_str() {
        "" | "." | ".." => format!("_{stem}"),
        _ if stem.starts_with('.') => format!("_{stem}"),
        _ => stem,
    }
}

/// A JSON-lines file being written.
pub struct JsonLines {
    out: BufWriter<File>,
}

impl JsonLines {
    pub fn push(&mut self, value: &impl Serialize) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, value)?;
        self.out.write_all(b"\n")
    }

    pub fn finish(mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// How much of a log was kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LogTotals {
    pub received: u64,
    pub kept: u64,
}

impl LogTotals {
    pub fn dropped(&self) -> u64 {
        self.received - self.kept
    }
}

/// A log written to disk as it streams in, keeping at most `cap` of the
/// newest bytes and starting at a line boundary when older bytes were dropped.
///
/// It writes into two segment files of up to `cap` bytes each, switching
/// to the other (and emptying it) when one is full, so the newest `cap`
/// bytes are always the tail of the previous segment plus the current one.
/// Disk use stays under twice the cap and memory at one buffer.
pub struct CappedLog {
    path: PathBuf,
    segments: [PathBuf; 2],
    current: usize,
    out: BufWriter<File>,
    current_len: u64,
    rotated: bool,
    cap: u64,
    received: u64,
}

impl CappedLog {
    pub fn create(path: &Path, cap: u64) -> io::Result<CappedLog> {
        let name = path
            .file_name()
            .map_or_else(|| "log".into(), |n| n.to_string_lossy().into_owned());
        let dir = path.parent().unwrap_or(Path::new("."));
        let segments = [
            dir.join(format!(".{name}.segment-0")),
            dir.join(format!(".{name}.segment-1")),
        ];
        let out = BufWriter::with_capacity(64 * 1024, File::create(&segments[0])?);
        Ok(CappedLog {
            path: path.to_path_buf(),
            segments,
            current: 0,
            out,
            current_len: 0,
            rotated: false,
            cap: cap.max(1),
            received: 0,
        })
    }

    pub fn write(&mut self, mut bytes: &[u8]) -> io::Result<()> {
        self.received += bytes.len() as u64;
        while !bytes.is_empty() {
            let room = (self.cap - self.current_len) as usize;
            if room == 0 {
                self.rotate()?;
                continue;
            }
            let n = room.min(bytes.len());
            self.out.write_all(&bytes[..n])?;
            self.current_len += n as u64;
            bytes = &bytes[n..];
        }
        Ok(())
    }

    fn rotate(&mut self) -> io::Result<()> {
        self.out.flush()?;
        self.current = 1 - self.current;
        self.out = BufWriter::with_capacity(64 * 1024, File::create(&self.segments[self.current])?);
        self.current_len = 0;
        self.rotated = true;
        Ok(())
    }

    /// Puts the kept bytes at the log's path and removes the segments.
    pub fn finish(mut self) -> io::Result<LogTotals> {
        self.out.flush()?;
        let current = &self.segments[self.current];
        if !self.rotated {
            fs::rename(current, &self.path)?;
            return Ok(LogTotals {
                received: self.received,
                kept: self.current_len,
            });
        }
        let previous = &self.segments[1 - self.current];
        let from_previous = self.cap - self.current_len;
        let mut older = File::open(previous)?;
        let start = older.metadata()?.len().saturating_sub(from_previous);
        // Start after the first newline at or past `start`, unless `start`
        // is already the beginning of a line.
        let mut at_line_start = start == 0;
        if start > 0 {
            older.seek(SeekFrom::Start(start - 1))?;
            let mut before = [0u8; 1];
            older.read_exact(&mut before)?;
            at_line_start = before[0] == b'\n';
        }
        let mut out = BufWriter::new(File::create(&self.path)?);
        let mut kept = 0;
        let mut newer = File::open(current)?;
        for source in [&mut older, &mut newer] {
            let mut buf = vec![0u8; 64 * 1024];
            loop {
                let n = source.read(&mut buf)?;
                if n == 0 {
                    break;
                }
                let mut chunk = &buf[..n];
                if !at_line_start {
                    match memchr::memchr(b'\n', chunk) {
                        Some(i) => {
                            chunk = &chunk[i + 1..];
                            at_line_start = true;
                        }
                        None => continue,
                    }
                }
                out.write_all(chunk)?;
                kept += chunk.len() as u64;
            }
        }
        out.flush()?;
        fs::remove_file(previous)?;
        fs::remove_file(current)?;
        Ok(LogTotals {
            received: self.received,
            kept,
        })
    }
}

impl Drop for CappedLog {
    fn drop(&mut self) {
        // After finish() these are gone; after an error they must not stay.
        for segment in &self.segments {
            let _ = fs::remove_file(segment);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn capped(lines: &[&str], chunk: usize, cap: u64) -> (String, LogTotals) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("api.log");
        let mut log = CappedLog::create(&path, cap).unwrap();
        let all: String = lines.concat();
        for piece in all.as_bytes().chunks(chunk) {
            log.write(piece).unwrap();
        }
        let totals = log.finish().unwrap();
        let left: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "segments must be removed");
        (fs::read_to_string(&path).unwrap(), totals)
    }

    #[test]
    fn a_log_under_the_cap_is_kept_whole() {
        let (text, totals) = capped(&["a 1\n", "b 2\n"], 3, 100);
        assert_eq!(text, "a 1\nb 2\n");
        assert_eq!((totals.received, totals.kept, totals.dropped()), (8, 8, 0));
    }

    #[test]
    fn a_long_log_keeps_its_newest_whole_lines_within_the_cap() {
        let lines: Vec<String> = (0..1000).map(|i| format!("line {i:04}\n")).collect();
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        for (chunk, cap) in [(7, 100), (1, 95), (4096, 1000), (10, 10), (3, 25)] {
            let (text, totals) = capped(&refs, chunk, cap);
            assert!(text.len() as u64 <= cap, "chunk {chunk} cap {cap}");
            assert!(
                text.ends_with("line 0999\n"),
                "chunk {chunk} cap {cap}: {text:?}"
            );
            assert!(
                text.starts_with("line "),
                "chunk {chunk} cap {cap}: {text:?}"
            );
            // Every line of 10 bytes that fits is kept.
            assert_eq!(text.len() as u64, cap / 10 * 10, "chunk {chunk} cap {cap}");
            assert_eq!(totals.received, 10_000);
            assert_eq!(totals.kept, text.len() as u64);
        }
    }

    #[test]
    fn the_bundle_appears_only_when_finished() {
        let parent = tempfile::tempdir().unwrap();
        let target = parent.path().join("bundle");
        let writer = BundleWriter::create(&target).unwrap();
        writer
            .container_inspect("api", &serde_json::json!({"Id": "x"}))
            .unwrap();
        assert!(!target.exists());
        drop(writer);
        assert_eq!(
            fs::read_dir(parent.path()).unwrap().count(),
            0,
            "an unfinished bundle leaves nothing"
        );

        let writer = BundleWriter::create(&target).unwrap();
        writer
            .container_inspect("api", &serde_json::json!({"Id": "x"}))
            .unwrap();
        writer
            .image_inspect(
                "registry:5000/shop/api:1.2",
                &serde_json::json!({"Id": "y"}),
            )
            .unwrap();
        writer.meta(&BundleMeta::default()).unwrap();
        assert_eq!(writer.finish().unwrap(), target);
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&target).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700, "only the owner reads a bundle");
        let inspect = fs::read_to_string(target.join("docker/containers/api.json")).unwrap();
        assert!(inspect.trim_start().starts_with('['), "{inspect}");
        assert!(target
            .join("docker/images/registry_5000_shop_api_1.2.json")
            .is_file());
        assert!(!target.join("docker/forensics").exists());
        assert_eq!(fs::read_dir(parent.path()).unwrap().count(), 1);

        match BundleWriter::create(&target) {
            Err(WriteError::TargetNotEmpty(p)) => assert_eq!(p, target),
            other => panic!("expected TargetNotEmpty, got {:?}", other.err()),
        }
    }

    #[test]
    fn file_stems_cannot_escape_the_bundle() {
        assert_eq!(file_stem("/api"), "api");
        assert_eq!(file_stem("shop/api:1.2"), "shop_api_1.2");
        assert_eq!(file_stem(".."), "_..");
        assert_eq!(file_stem("../../etc/passwd"), "_.._.._etc_passwd");
    }
}
