//! Entrypoint forensics: reads the file a failed container tried to execute
//! out of the container's filesystem and records what the runtime's terse
//! `exec …: no such file or directory` does not say.
//!
//! Files are fetched with the archive API (`GET /containers/{id}/archive`),
//! which works on stopped and never-started containers, and untarred in
//! memory; only the first [`HEAD_BYTES`] of a file are read. Symlinks are
//! followed one archive request at a time, as the kernel would. The result
//! is evidence ([`EntrypointForensics`]); the analyzer judges it.

use std::io::{Cursor, Read};
use std::pin::pin;
use std::time::Duration;

use bollard::models::ContainerInspectResponse;
use bollard::query_parameters::DownloadFromContainerOptions;
use bollard::Docker;
use futures_util::StreamExt;

use crate::evidence::forensics::{ElfHeader, EntrypointForensics, EnvProgram, Interpreter};

/// How much of the entrypoint file is read: enough for a shebang line and
/// an ELF header with its program headers.
pub const HEAD_BYTES: usize = 64 * 1024;
/// Room for the tar headers (PAX and GNU long names included) before the data.
const TAR_HEADER_ALLOWANCE: usize = 16 * 1024;
/// Symlink hops followed before giving up, as the kernel's ELOOP limit does.
const MAX_LINKS: usize = 40;
/// runc's PATH when the image sets none (`libcontainer` default environment).
const DEFAULT_PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/// Whether coroner should look at this container's entrypoint: its process
/// failed to start or exited with an error. A process killed by a signal
/// (exit 128+n, OOM) did start, so its entrypoint is not in question.
pub fn wanted(inspect: &ContainerInspectResponse) -> bool {
    let Some(state) = &inspect.state else {
        return false;
    };
    let exit = state.exit_code.unwrap_or(0);
    let status = state.status.map(|s| s.to_string()).unwrap_or_default();
    let never_started =
        status == "created" && state.error.as_deref().is_some_and(|e| !e.is_empty());
    let killed_by_signal = (129..255).contains(&exit) || state.oom_killed == Some(true);
    never_started
        || (!killed_by_signal
            && (state.restarting == Some(true) || (state.running != Some(true) && exit != 0)))
}

/// A file as the archive API returned it.
#[derive(Debug)]
struct Entry {
    kind: EntryKind,
    mode: u32,
    size: u64,
    head: Vec<u8>,
}

#[derive(Debug, PartialEq)]
enum EntryKind {
    File,
    Directory,
    Symlink(String),
    Other,
}

/// Why a path could not be examined.
#[derive(Debug)]
enum FetchError {
    /// The container itself is gone (removed during collection).
    ContainerGone,
    Failed(String),
}

/// The container was removed while it was being examined.
#[derive(Debug)]
pub struct ContainerGone;

/// Reads files out of one container.
pub struct Examiner<'a> {
    pub docker: &'a Docker,
    pub container: &'a str,
    pub timeout: Duration,
}

impl Examiner<'_> {
    /// Examines the container's entrypoint. Failures of single checks become
    /// notes; only a vanished container is an error.
    pub async fn examine(
        &self,
        inspect: &ContainerInspectResponse,
        name: &str,
        engine_arch: &str,
    ) -> Result<EntrypointForensics, ContainerGone> {
        let config = inspect.config.clone().unwrap_or_default();
        let mut f = EntrypointForensics {
            container: name.to_string(),
            engine_arch: engine_arch.to_string(),
            ..EntrypointForensics::default()
        };
        let command = config
            .entrypoint
            .as_ref()
            .and_then(|e| e.first())
            .or_else(|| config.cmd.as_ref().and_then(|c| c.first()))
            .cloned();
        let Some(command) = command else {
            f.notes
                .push("the container has neither an entrypoint nor a command".into());
            return Ok(f);
        };
        f.command = command.clone();
        let env = config.env.unwrap_or_default();
        let search_path = env
            .iter()
            .find_map(|e| e.strip_prefix("PATH="))
            .unwrap_or(DEFAULT_PATH)
            .to_string();
        let working_dir = config
            .working_dir
            .filter(|w| !w.is_empty())
            .unwrap_or_else(|| "/".into());
        let candidates = candidates(&command, &search_path, &working_dir);
        if !command.contains('/') {
            f.searched = candidates.clone();
        }
        f.path = candidates.first().cloned().unwrap_or_default();
        for candidate in &candidates {
            match self.resolve(candidate).await {
                Ok(Resolved::Found { links, entry }) => {
                    f.path = candidate.clone();
                    f.exists = true;
                    f.links = links;
                    self.describe_entry(&mut f, &entry, &search_path).await?;
                    return Ok(f);
                }
                Ok(Resolved::Missing { links }) => {
                    if !links.is_empty() {
                        f.notes.push(format!(
                            "{candidate} is a symlink to {}, which does not exist",
                            links.last().map_or("", String::as_str)
                        ));
                    }
                }
                Err(FetchError::Failed(why)) => {
                    f.notes.push(format!("cannot read {candidate}: {why}"));
                }
                Err(FetchError::ContainerGone) => return Err(ContainerGone),
            }
        }
        Ok(f)
    }

    async fn describe_entry(
        &self,
        f: &mut EntrypointForensics,
        entry: &Entry,
        search_path: &str,
    ) -> Result<(), ContainerGone> {
        f.file_type = match entry.kind {
            EntryKind::File => "file",
            EntryKind::Directory => "directory",
            EntryKind::Symlink(_) => "symlink",
            EntryKind::Other => "other",
        }
        .into();
        f.mode = Some(format!("{:04o}", entry.mode & 0o7777));
        f.executable = Some(entry.mode & 0o111 != 0);
        if entry.kind != EntryKind::File {
            return Ok(());
        }
        f.size = Some(entry.size);
        let head = &entry.head;
        if head.is_empty() {
            f.format = Some("empty".into());
            return Ok(());
        }
        if let Some(elf) = parse_elf(head) {
            f.format = Some("elf".into());
            if let Some(loader) = elf.loader.clone() {
                let exists = self.exists(&loader, &mut f.notes).await?;
                f.interpreter = Some(Interpreter {
                    from: "elf".into(),
                    path: loader,
                    args: None,
                    exists,
                });
            }
            f.elf = Some(elf.header);
            return Ok(());
        }
        let first_line = head.split(|b| *b == b'\n').next().unwrap_or(head);
        f.first_line = Some(escape(first_line));
        if let Some(shebang) = first_line.strip_prefix(b"#!") {
            f.format = Some("script".into());
            f.crlf = shebang.last() == Some(&b'\r');
            let text = String::from_utf8_lossy(shebang);
            let text = text.trim_end_matches('\r').trim();
            let (path, args) = match text.split_once(char::is_whitespace) {
                Some((p, a)) => (p.to_string(), Some(a.trim().to_string())),
                None => (text.to_string(), None),
            };
            let exists = self.exists(&path, &mut f.notes).await?;
            if path.rsplit('/').next() == Some("env") {
                if let Some(program) = args
                    .as_deref()
                    .and_then(|a| a.split_whitespace().find(|w| !w.starts_with('-')))
                {
                    f.env_program = Some(self.find_in_path(program, search_path).await?);
                }
            }
            f.interpreter = Some(Interpreter {
                from: "shebang".into(),
                path,
                args,
                exists,
            });
        } else if head.contains(&0) {
            f.format = Some("binary".into());
            f.first_line = None;
        } else {
            f.format = Some("text".into());
        }
        Ok(())
    }

    async fn exists(
        &self,
        path: &str,
        notes: &mut Vec<String>,
    ) -> Result<Option<bool>, ContainerGone> {
        match self.resolve(path).await {
            Ok(Resolved::Found { .. }) => Ok(Some(true)),
            Ok(Resolved::Missing { .. }) => Ok(Some(false)),
            Err(FetchError::Failed(why)) => {
                notes.push(format!("cannot check {path}: {why}"));
                Ok(None)
            }
            Err(FetchError::ContainerGone) => Err(ContainerGone),
        }
    }

    async fn find_in_path(
        &self,
        name: &str,
        search_path: &str,
    ) -> Result<EnvProgram, ContainerGone> {
        let searched = candidates(name, search_path, "/");
        let mut found_at = None;
        for candidate in &searched {
            match self.resolve(candidate).await {
                Ok(Resolved::Found { .. }) => {
                    found_at = Some(candidate.clone());
                    break;
                }
                Err(FetchError::ContainerGone) => return Err(ContainerGone),
                Ok(Resolved::Missing { .. }) | Err(FetchError::Failed(_)) => {}
            }
        }
        Ok(EnvProgram {
            name: name.to_string(),
            found_at,
            searched,
        })
    }

    /// Fetches `path`, following symlinks.
    async fn resolve(&self, path: &str) -> Result<Resolved, FetchError> {
        let mut links = Vec::new();
        let mut current = path.to_string();
        for _ in 0..MAX_LINKS {
            match self.fetch(&current).await? {
                None => return Ok(Resolved::Missing { links }),
                Some(Entry {
                    kind: EntryKind::Symlink(target),
                    ..
                }) => {
                    let dir = parent(&current);
                    current = normalize(&dir, &target);
                    links.push(current.clone());
                }
                Some(entry) => return Ok(Resolved::Found { links, entry }),
            }
        }
        Err(FetchError::Failed(format!(
            "more than {MAX_LINKS} symlinks from {path}"
        )))
    }

    /// One archive request; `None` when the path does not exist.
    async fn fetch(&self, path: &str) -> Result<Option<Entry>, FetchError> {
        let options = DownloadFromContainerOptions {
            path: path.to_string(),
        };
        let mut stream = pin!(self
            .docker
            .download_from_container(self.container, Some(options)));
        let mut tar = Vec::new();
        loop {
            let next = tokio::time::timeout(self.timeout, stream.next())
                .await
                .map_err(|_| {
                    FetchError::Failed(format!(
                        "the engine sent nothing for {}s",
                        self.timeout.as_secs()
                    ))
                })?;
            match next {
                None => break,
                Some(Ok(bytes)) => {
                    tar.extend_from_slice(&bytes);
                    // Enough for the headers and the head of the file; the
                    // rest of a large binary is never transferred.
                    if tar.len() >= HEAD_BYTES + TAR_HEADER_ALLOWANCE {
                        break;
                    }
                }
                // `No such container: …` versus `Could not find the file …`.
                Some(Err(bollard::errors::Error::DockerResponseServerError {
                    status_code: 404,
                    message,
                })) => {
                    return if message.starts_with("No such container") {
                        Err(FetchError::ContainerGone)
                    } else {
                        Ok(None)
                    };
                }
                Some(Err(e)) => return Err(FetchError::Failed(e.to_string())),
            }
        }
        read_first_entry(&tar).map(Some).map_err(FetchError::Failed)
    }
}

enum Resolved {
    Found { links: Vec<String>, entry: Entry },
    Missing { links: Vec<String> },
}

/// The first entry of a (possibly truncated) tar archive, with at most
/// [`HEAD_BYTES`] of its data.
fn read_first_entry(tar: &[u8]) -> Result<Entry, String> {
    let mut archive = tar::Archive::new(Cursor::new(tar));
    let mut entries = archive
        .entries()
        .map_err(|e| format!("unreadable archive: {e}"))?;
    let mut entry = entries
        .next()
        .ok_or("the archive is empty")?
        .map_err(|e| format!("unreadable archive entry: {e}"))?;
    let header = entry.header();
    let mode = header.mode().unwrap_or(0);
    let size = header.size().unwrap_or(0);
    let kind = match header.entry_type() {
        tar::EntryType::Regular | tar::EntryType::Continuous => EntryKind::File,
        tar::EntryType::Directory => EntryKind::Directory,
        tar::EntryType::Symlink => EntryKind::Symlink(
            entry
                .link_name()
                .ok()
                .flatten()
                .map(|l| l.to_string_lossy().into_owned())
                .unwrap_or_default(),
        ),
        _ => EntryKind::Other,
    };
    let mut head = Vec::new();
    if kind == EntryKind::File {
        // A truncated download ends the data early; what arrived is enough.
        let _ = (&mut entry).take(HEAD_BYTES as u64).read_to_end(&mut head);
    }
    Ok(Entry {
        kind,
        mode,
        size,
        head,
    })
}

/// Where the runtime looks for `command`: the path itself when it has a
/// slash (relative to the working directory), else each `PATH` directory,
/// as Go's `exec.LookPath` in runc does.
fn candidates(command: &str, search_path: &str, working_dir: &str) -> Vec<String> {
    if command.contains('/') {
        return vec![normalize(working_dir, command)];
    }
    search_path
        .split(':')
        .filter(|d| !d.is_empty())
        .map(|dir| normalize("/", &format!("{dir}/{command}")))
        .collect()
}

fn parent(path: &str) -> String {
    match path.rsplit_once('/') {
        Some(("", _)) | None => "/".into(),
        Some((dir, _)) => dir.into(),
    }
}

/// Joins `path` onto `base` (unless absolute) and removes `.` and `..`.
fn normalize(base: &str, path: &str) -> String {
    let joined = if path.starts_with('/') {
        path.to_string()
    } else {
        format!("{base}/{path}")
    };
    let mut parts: Vec<&str> = Vec::new();
    for part in joined.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    format!("/{}", parts.join("/"))
}

/// A line with control characters and invalid UTF-8 escaped, as `\r`,
/// `\t` and `\xNN`, cut to 200 characters.
fn escape(line: &[u8]) -> String {
    let mut out = String::new();
    for chunk in line.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                '\\' => out.push_str("\\\\"),
                c if c.is_control() => out.push_str(&format!("\\x{:02x}", c as u32)),
                c => out.push(c),
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    if out.chars().count() > 200 {
        out = out.chars().take(200).collect::<String>() + "…";
    }
    out
}

struct Elf {
    header: ElfHeader,
    /// `PT_INTERP`: the dynamic loader a dynamically linked program needs.
    loader: Option<String>,
}

/// Reads the ELF identification, machine and program interpreter from the
/// start of a file (System V ABI, "ELF Header" and "Program Header").
fn parse_elf(head: &[u8]) -> Option<Elf> {
    if head.len() < 52 || &head[..4] != b"\x7fELF" {
        return None;
    }
    let bits = match head[4] {
        1 => 32,
        2 => 64,
        _ => return None,
    };
    let little = head[5] != 2;
    let u16_at = |o: usize| -> Option<u64> {
        let b: [u8; 2] = head.get(o..o + 2)?.try_into().ok()?;
        Some(u64::from(if little {
            u16::from_le_bytes(b)
        } else {
            u16::from_be_bytes(b)
        }))
    };
    let u32_at = |o: usize| -> Option<u64> {
        let b: [u8; 4] = head.get(o..o + 4)?.try_into().ok()?;
        Some(u64::from(if little {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        }))
    };
    let u64_at = |o: usize| -> Option<u64> {
        let b: [u8; 8] = head.get(o..o + 8)?.try_into().ok()?;
        Some(if little {
            u64::from_le_bytes(b)
        } else {
            u64::from_be_bytes(b)
        })
    };
    let machine = u16_at(18)? as u16;
    let (name, arch) = machine_name(machine, bits, little);
    let (phoff, phentsize, phnum) = if bits == 64 {
        (u64_at(32)?, u16_at(54)?, u16_at(56)?)
    } else {
        (u32_at(28)?, u16_at(42)?, u16_at(44)?)
    };
    let mut loader = None;
    for i in 0..phnum {
        let at = (phoff + i * phentsize) as usize;
        // PT_INTERP = 3
        if u32_at(at) != Some(3) {
            continue;
        }
        let (offset, size) = if bits == 64 {
            (u64_at(at + 8), u64_at(at + 32))
        } else {
            (u32_at(at + 4), u32_at(at + 16))
        };
        if let (Some(offset), Some(size)) = (offset, size) {
            if let Some(bytes) = head.get(offset as usize..(offset + size) as usize) {
                let path = bytes.split(|b| *b == 0).next().unwrap_or(bytes);
                loader = Some(String::from_utf8_lossy(path).into_owned());
            }
        }
        break;
    }
    Some(Elf {
        header: ElfHeader {
            bits,
            machine: name,
            arch: arch.map(str::to_string),
        },
        loader,
    })
}

/// `e_machine` values (ELF specification, `elf.h`) and the Go architecture
/// names Docker reports for them.
fn machine_name(machine: u16, bits: u8, little: bool) -> (String, Option<&'static str>) {
    let (name, arch) = match (machine, bits, little) {
        (3, _, _) => ("Intel 80386", Some("386")),
        (62, _, _) => ("x86-64", Some("amd64")),
        (40, _, _) => ("ARM", Some("arm")),
        (183, _, _) => ("AArch64", Some("arm64")),
        (243, 64, _) => ("RISC-V", Some("riscv64")),
        (21, 64, true) => ("PowerPC64", Some("ppc64le")),
        (21, 64, false) => ("PowerPC64", Some("ppc64")),
        (22, _, _) => ("IBM S/390", Some("s390x")),
        (8, 32, true) => ("MIPS", Some("mipsle")),
        (8, 64, true) => ("MIPS", Some("mips64le")),
        (258, _, _) => ("LoongArch", Some("loong64")),
        _ => return (format!("machine {machine}"), None),
    };
    (name.to_string(), arch)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_this_machines_busybox_as_a_static_elf_for_its_architecture() {
        let head: Vec<u8> = std::fs::read("/bin/busybox").unwrap()[..HEAD_BYTES].to_vec();
        let elf = parse_elf(&head).unwrap();
        assert_eq!(elf.header.bits, 64);
        assert_eq!(
            elf.header.arch.as_deref(),
            Some(match std::env::consts::ARCH {
                "x86_64" => "amd64",
                "aarch64" => "arm64",
                other => other,
            })
        );
        assert_eq!(elf.loader, None, "busybox-static needs no loader");
    }

    #[test]
    fn finds_the_loader_of_a_dynamically_linked_program() {
        let bytes = std::fs::read("/usr/bin/python3.11").unwrap();
        let elf = parse_elf(&bytes[..HEAD_BYTES]).unwrap();
        let loader = elf.loader.expect("python3.11 is dynamically linked");
        assert!(loader.starts_with("/lib"), "{loader}");
        assert!(std::path::Path::new(&loader).exists(), "{loader}");
    }

    #[test]
    fn an_aarch64_header_is_named_for_its_machine() {
        // The 64-byte ELF header of an aarch64 executable: class 64, little
        // endian, e_machine 183, no program headers.
        let mut header = vec![0u8; 64];
        header[..4].copy_from_slice(b"\x7fELF");
        header[4] = 2;
        header[5] = 1;
        header[18..20].copy_from_slice(&183u16.to_le_bytes());
        let elf = parse_elf(&header).unwrap();
        assert_eq!(elf.header.machine, "AArch64");
        assert_eq!(elf.header.arch.as_deref(), Some("arm64"));
    }

    #[test]
    fn bare_names_are_searched_in_path_and_relative_paths_in_the_workdir() {
        assert_eq!(
            candidates("gunicorn", "/usr/local/bin:/usr/bin", "/app"),
            ["/usr/local/bin/gunicorn", "/usr/bin/gunicorn"]
        );
        assert_eq!(
            candidates("./docker/entry.sh", DEFAULT_PATH, "/srv/app"),
            ["/srv/app/docker/entry.sh"]
        );
        assert_eq!(normalize("/bin", "../usr/bin/busybox"), "/usr/bin/busybox");
        assert_eq!(parent("/docker_entrypoint.sh"), "/");
    }

    #[test]
    fn escapes_carriage_returns_and_invalid_bytes() {
        assert_eq!(escape(b"#!/bin/sh\r"), "#!/bin/sh\\r");
        assert_eq!(escape(b"a\tb\xff\x01"), "a\\tb\\xff\\x01");
    }

    #[test]
    fn reads_a_truncated_archive_of_a_large_file() {
        let mut builder = tar::Builder::new(Vec::new());
        let data = vec![b'x'; 3 * HEAD_BYTES];
        let mut header = tar::Header::new_gnu();
        header.set_size(data.len() as u64);
        header.set_mode(0o644);
        header.set_entry_type(tar::EntryType::Regular);
        builder
            .append_data(&mut header, "big.bin", &data[..])
            .unwrap();
        let tar = builder.into_inner().unwrap();
        let entry = read_first_entry(&tar[..HEAD_BYTES + 512]).unwrap();
        assert_eq!(entry.kind, EntryKind::File);
        assert_eq!(entry.size, 3 * HEAD_BYTES as u64);
        assert_eq!(entry.mode, 0o644);
        assert_eq!(entry.head.len(), HEAD_BYTES);
    }
}
