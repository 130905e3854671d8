//! Entrypoint failures on the real engine: the collector reads the broken
//! file out of the container and records what the runtime's message hides.

mod live_support;

use coroner::analyze::{self, RootCause};
use coroner::evidence::EntrypointForensics;
use live_support::{container, lab, Collected, Lab, RootFs};

/// Runs `entrypoint` from an image built from `fs`, waits until the engine
/// gave up on it, collects, and returns the bundle and the forensics.
fn broken(lab: &mut Lab, fs: RootFs, entrypoint: &str) -> (Collected, EntrypointForensics) {
    let image = lab.import("img", fs, &[]);
    let mut body = container(&image, &[]);
    body.entrypoint = Some(vec![entrypoint.into()]);
    let start_error = lab.run("api", body);
    if start_error.is_none() {
        lab.wait_exited("api");
    }
    let collected = lab.collect(16 << 20);
    let api = collected
        .evidence
        .container(&lab.name("api"))
        .expect("the container is in the bundle")
        .clone();
    assert!(api.is_failing(), "{:?}", api.state);
    let forensics = collected
        .evidence
        .forensics_of(&api)
        .expect("forensics were collected for the failed container")
        .clone();
    (collected, forensics)
}

/// The broken-entrypoint root cause the analysis gives for the lab's `api`.
fn diagnosis(lab: &Lab, collected: &Collected) -> RootCause {
    let analysis = analyze::analyze(&collected.evidence);
    analysis
        .root_causes
        .into_iter()
        .find(|c| c.finding.kind == "broken-entrypoint" && c.finding.service == lab.name("api"))
        .unwrap_or_else(|| panic!("no broken-entrypoint root cause for {}", lab.name("api")))
}

fn quotes(cause: &RootCause) -> Vec<String> {
    cause
        .finding
        .evidence
        .iter()
        .map(|q| q.text.clone())
        .collect()
}

fn log_of(collected: &Collected, container: &str) -> String {
    std::fs::read_to_string(
        collected
            .bundle
            .join(format!("docker/containers/{container}.log")),
    )
    .unwrap_or_default()
}

#[test]
fn a_crlf_entrypoint_is_recorded_with_its_carriage_return() {
    let Some(mut lab) = lab("crlf") else { return };
    let mut fs = RootFs::busybox();
    fs.file(
        "docker_entrypoint.sh",
        b"#!/bin/sh\r\necho starting\r\nexec sleep 1\r\n",
        0o755,
    );
    let (collected, f) = broken(&mut lab, fs, "/docker_entrypoint.sh");
    // runc's message names a file that exists: the kernel could not find the
    // interpreter `/bin/sh\r` (runc 1.1 libcontainer, exec error after start).
    assert!(
        log_of(&collected, &lab.name("api"))
            .contains("exec /docker_entrypoint.sh: no such file or directory"),
        "{}",
        log_of(&collected, &lab.name("api"))
    );
    assert!(f.exists);
    assert_eq!(f.path, "/docker_entrypoint.sh");
    assert_eq!(f.format.as_deref(), Some("script"));
    assert_eq!(f.first_line.as_deref(), Some("#!/bin/sh\\r"));
    assert!(f.crlf);
    assert_eq!(f.executable, Some(true));
    let interpreter = f.interpreter.as_ref().unwrap();
    // /bin/sh is a symlink to busybox: followed, it exists.
    assert_eq!(
        (interpreter.path.as_str(), interpreter.exists),
        ("/bin/sh", Some(true))
    );

    // The certain diagnosis: the \r was read from the file, not guessed.
    let cause = diagnosis(&lab, &collected);
    assert_eq!(
        cause.finding.title,
        "line 1 of /docker_entrypoint.sh ends with \\r: the script has Windows line endings; convert it (dos2unix, or .gitattributes eol=lf) and rebuild"
    );
    assert!(cause.finding.confidence >= 0.99);
    assert!(
        quotes(&cause).contains(&"first_line: #!/bin/sh\\r".to_string()),
        "{:?}",
        quotes(&cause)
    );
    let forensics_quote = cause
        .finding
        .evidence
        .iter()
        .find(|q| q.text.starts_with("first_line"))
        .unwrap();
    assert_eq!(
        forensics_quote.source,
        format!("docker/forensics/{}.json", lab.name("api"))
    );
}

#[test]
fn an_entrypoint_without_the_exec_bit_is_recorded_with_its_mode() {
    let Some(mut lab) = lab("noexec") else { return };
    let mut fs = RootFs::busybox();
    fs.file("app/start.sh", b"#!/bin/sh\nexec sleep 1\n", 0o644);
    let (collected, f) = broken(&mut lab, fs, "/app/start.sh");
    let api = collected.evidence.container(&lab.name("api")).unwrap();
    // Refused at create time: never started, State.Error says why.
    assert_eq!(api.state.status, "created");
    assert!(
        api.state.error.contains("permission denied"),
        "{}",
        api.state.error
    );
    assert!(f.exists);
    assert_eq!(f.mode.as_deref(), Some("0644"));
    assert_eq!(f.executable, Some(false));
    assert!(!f.crlf);
    let cause = diagnosis(&lab, &collected);
    assert!(
        cause
            .finding
            .title
            .to_string()
            .contains("lacks the execute permission"),
        "{}",
        cause.finding.title
    );
    assert!(
        quotes(&cause).contains(&"mode: 0644".to_string()),
        "{:?}",
        quotes(&cause)
    );
}

#[test]
fn a_missing_shebang_interpreter_is_recorded() {
    let Some(mut lab) = lab("nobash") else { return };
    let mut fs = RootFs::busybox();
    fs.file("app/start.sh", b"#!/bin/bash\nexec sleep 1\n", 0o755);
    let (collected, f) = broken(&mut lab, fs, "/app/start.sh");
    let interpreter = f.interpreter.as_ref().unwrap();
    assert_eq!(interpreter.from, "shebang");
    assert_eq!(
        (interpreter.path.as_str(), interpreter.exists),
        ("/bin/bash", Some(false))
    );
    assert_eq!(
        f.missing_interpreter().map(|i| i.path.as_str()),
        Some("/bin/bash")
    );
    // runc only says `no such file or directory`; the file says why.
    let cause = diagnosis(&lab, &collected);
    assert_eq!(
        cause.finding.title,
        "entrypoint /app/start.sh cannot start: its #! line asks for /bin/bash, which is not installed in the image"
    );
}

#[test]
fn a_dynamically_linked_binary_without_its_loader_is_recorded() {
    let Some(mut lab) = lab("noloader") else {
        return;
    };
    let mut fs = RootFs::busybox();
    // python3.11 alone, without the glibc loader it is linked against.
    fs.host_file("/usr/bin/python3.11", "app/server", 0o755);
    let (collected, f) = broken(&mut lab, fs, "/app/server");
    assert!(log_of(&collected, &lab.name("api"))
        .contains("exec /app/server: no such file or directory"));
    assert_eq!(f.format.as_deref(), Some("elf"));
    assert!(!f.foreign_architecture());
    let loader = f.missing_interpreter().expect("the loader is missing");
    assert_eq!(loader.from, "elf");
    assert!(loader.path.starts_with("/lib"), "{}", loader.path);
    let cause = diagnosis(&lab, &collected);
    assert_eq!(
        cause.finding.title,
        format!("entrypoint /app/server cannot be executed although it exists: it is dynamically linked and its loader {} is not in the image", loader.path)
    );
}

#[test]
fn a_binary_for_another_cpu_is_recorded_with_both_architectures() {
    // A real aarch64 executable: glibc's loader from libc6-arm64-cross.
    const ARM64_BINARY: &str = "/usr/aarch64-linux-gnu/lib/ld-linux-aarch64.so.1";
    if std::env::consts::ARCH != "x86_64" {
        eprintln!("skipping: the foreign binary used here is only foreign on x86_64");
        return;
    }
    if !std::path::Path::new(ARM64_BINARY).exists() {
        eprintln!("skipping: {ARM64_BINARY} is missing (apt-get install libc6-arm64-cross)");
        return;
    }
    let Some(mut lab) = lab("arm64") else { return };
    let mut fs = RootFs::busybox();
    fs.host_file(ARM64_BINARY, "app/server", 0o755);
    let (collected, f) = broken(&mut lab, fs, "/app/server");
    assert!(log_of(&collected, &lab.name("api")).contains("exec /app/server: exec format error"));
    let elf = f.elf.as_ref().unwrap();
    assert_eq!(
        (elf.machine.as_str(), elf.arch.as_deref()),
        ("AArch64", Some("arm64"))
    );
    assert_eq!(f.engine_arch, "amd64");
    assert!(f.foreign_architecture());
    let cause = diagnosis(&lab, &collected);
    assert_eq!(
        cause.finding.title,
        "entrypoint /app/server is a AArch64 program (linux/arm64) but the engine runs linux/amd64: it was built for another CPU"
    );
}

#[test]
fn a_bare_command_missing_from_path_lists_where_it_was_looked_for() {
    let Some(mut lab) = lab("notinpath") else {
        return;
    };
    let (collected, f) = broken(&mut lab, RootFs::busybox(), "gunicorn");
    let api = collected.evidence.container(&lab.name("api")).unwrap();
    assert!(
        api.state
            .error
            .contains("executable file not found in $PATH"),
        "{}",
        api.state.error
    );
    assert!(!f.exists);
    assert_eq!(f.command, "gunicorn");
    assert!(
        f.searched.contains(&"/usr/local/bin/gunicorn".to_string()),
        "{:?}",
        f.searched
    );
    assert!(
        f.searched.contains(&"/bin/gunicorn".to_string()),
        "{:?}",
        f.searched
    );
    let cause = diagnosis(&lab, &collected);
    assert!(
        cause
            .finding
            .title
            .to_string()
            .contains("'gunicorn' is not installed"),
        "{}",
        cause.finding.title
    );
}
