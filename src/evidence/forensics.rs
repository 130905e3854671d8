//! Entrypoint forensics: what the file a failed container tried to execute
//! looks like inside that container (`docker/forensics/<container>.json`).
//!
//! No log line says that a script has Windows line endings or that a binary
//! was built for another CPU: the runtime only prints `exec /x: no such file
//! or directory` or `exec format error`. The live collector reads the file
//! through the engine's archive API and records these facts here; the
//! analyzer draws the conclusions. This module owns the file format (the
//! collector writes it with the same types) and masks secrets in the quoted
//! first line as it is read.

use serde::{Deserialize, Serialize};

use super::document;

/// One container's entrypoint, as found in its filesystem.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EntrypointForensics {
    pub container: String,
    /// The command as configured: the first element of `Entrypoint`, else of `Cmd`.
    pub command: String,
    /// The absolute path examined: `command` itself, or where it was found in `PATH`.
    pub path: String,
    /// Paths tried for a bare command name, in `PATH` order.
    pub searched: Vec<String>,
    pub exists: bool,
    /// `file`, `directory`, `symlink`, `other`; empty when missing.
    pub file_type: String,
    /// Symlinks followed from `path` to the file examined, in order.
    pub links: Vec<String>,
    /// Permission bits in octal, e.g. `0755`.
    pub mode: Option<String>,
    /// Whether any execute bit is set.
    pub executable: Option<bool>,
    pub size: Option<u64>,
    /// `script` (starts with `#!`), `elf`, `text` (no shebang), `binary`, `empty`.
    pub format: Option<String>,
    /// The first line with control characters escaped (`\r`, `\t`, `\xNN`).
    pub first_line: Option<String>,
    /// The shebang line ends in a carriage return: the script has CRLF line endings.
    pub crlf: bool,
    /// What the kernel needs to run the file: the shebang interpreter or the ELF loader.
    pub interpreter: Option<Interpreter>,
    /// For `#!/usr/bin/env NAME`: where NAME was found in `PATH`, if anywhere.
    pub env_program: Option<EnvProgram>,
    pub elf: Option<ElfHeader>,
    /// The engine's architecture as Go names it (`amd64`, `arm64`).
    pub engine_arch: String,
    /// Checks that could not be made, and why.
    pub notes: Vec<String>,
    /// Bundle-relative path of the forensics file (set when loaded).
    #[serde(skip)]
    pub source: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Interpreter {
    /// `shebang` or `elf` (the program interpreter, i.e. the dynamic loader).
    pub from: String,
    /// The path as written, without a trailing `\r`.
    pub path: String,
    /// The rest of the shebang line, if any.
    pub args: Option<String>,
    /// Whether the path exists in the container (following symlinks);
    /// `None` when it could not be checked.
    pub exists: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EnvProgram {
    pub name: String,
    pub found_at: Option<String>,
    pub searched: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ElfHeader {
    /// 32 or 64.
    pub bits: u8,
    /// `e_machine` as the ELF specification names it, e.g. `x86-64`, `AArch64`.
    pub machine: String,
    /// The Go architecture name for `machine`, when there is one.
    pub arch: Option<String>,
}

impl EntrypointForensics {
    /// Parses a forensics file (see [`document`]: secrets masked, wrong-typed
    /// fields dropped with a warning).
    pub fn parse(
        json: &str,
        source: &str,
    ) -> Result<(EntrypointForensics, Vec<crate::locale::Text>), String> {
        let (mut f, warnings): (EntrypointForensics, _) = document::one(json, source)?;
        f.source = source.to_string();
        Ok((f, warnings))
    }

    /// Whether the ELF file was built for a CPU other than the engine's.
    pub fn foreign_architecture(&self) -> bool {
        // An unknown machine is not evidence either way.
        self.elf
            .as_ref()
            .and_then(|e| e.arch.as_deref())
            .is_some_and(|arch| !self.engine_arch.is_empty() && arch != self.engine_arch)
    }

    /// The interpreter (shebang or loader) that is not in the container.
    pub fn missing_interpreter(&self) -> Option<&Interpreter> {
        self.interpreter
            .as_ref()
            .filter(|i| i.exists == Some(false))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_collector_format_and_masks_secrets_in_the_first_line() {
        let json = r##"{
            "container": "api", "command": "/docker_entrypoint.sh", "path": "/docker_entrypoint.sh",
            "exists": true, "file_type": "file", "mode": "0755", "executable": true, "size": 40,
            "format": "script", "first_line": "#!/usr/bin/env -S app --api-key=abc123 --verbose\\r", "crlf": true,
            "interpreter": {"from": "shebang", "path": "/usr/bin/env", "args": "-S app", "exists": true},
            "engine_arch": "amd64", "some_future_field": 1
        }"##;
        let (f, _) = EntrypointForensics::parse(json, "docker/forensics/api.json").unwrap();
        assert!(f.crlf && f.exists && f.executable == Some(true));
        assert_eq!(f.source, "docker/forensics/api.json");
        let first = f.first_line.as_deref().unwrap();
        assert!(!first.contains("abc123"), "{first}");
        assert!(first.ends_with("\\r"), "{first}");
        assert!(f.missing_interpreter().is_none());
        assert!(!f.foreign_architecture());
    }

    #[test]
    fn a_foreign_elf_and_a_missing_loader_are_told_apart() {
        let mut f = EntrypointForensics {
            engine_arch: "amd64".into(),
            elf: Some(ElfHeader {
                bits: 64,
                machine: "AArch64".into(),
                arch: Some("arm64".into()),
            }),
            ..EntrypointForensics::default()
        };
        assert!(f.foreign_architecture());
        f.elf.as_mut().unwrap().arch = Some("amd64".into());
        f.interpreter = Some(Interpreter {
            from: "elf".into(),
            path: "/lib64/ld-linux-x86-64.so.2".into(),
            args: None,
            exists: Some(false),
        });
        assert!(!f.foreign_architecture());
        assert_eq!(
            f.missing_interpreter().map(|i| i.path.as_str()),
            Some("/lib64/ld-linux-x86-64.so.2")
        );
    }
}
