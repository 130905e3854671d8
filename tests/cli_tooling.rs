//! The command line as users of any CLI expect it: a documented exit policy
//! they can choose (`--fail-on`), colour that follows the terminal and
//! `NO_COLOR`, `--quiet`, shell completions and man pages.

use std::path::Path;
use std::process::{Command, Output};

#[path = "support/bundles.rs"]
#[allow(dead_code)] // shared by several tests; this one copies no bundle
mod bundles;
use bundles::bundle;

fn coroner(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_coroner"));
    command.args(args).env_remove("NO_COLOR");
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().expect("run coroner")
}

fn investigate(bundle_dir: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["investigate", "--bundle", bundle_dir.to_str().unwrap()];
    args.extend_from_slice(&["--output", "-"]);
    args.extend_from_slice(extra);
    coroner(&args, &[])
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A bundle of nothing but a proxy's log answering 502, taken from a real
/// capture: a symptom with no cause to name, so the verdict is inconclusive.
fn inconclusive_bundle() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("logs")).unwrap();
    std::fs::copy(
        bundle("upstream-502").join("docker/containers/proxy.log"),
        dir.path().join("logs/proxy.log"),
    )
    .unwrap();
    dir
}

#[test]
fn fail_on_levels_give_the_documented_exit_codes() {
    let inconclusive = inconclusive_bundle();
    // (bundle, its verdict, then the code for never, inconclusive, symptom, suspected, cause)
    let cases: [(&Path, &str, [i32; 5]); 4] = [
        (
            &bundle("main-incident"),
            "root-cause-identified",
            [0, 1, 1, 1, 1],
        ),
        (&bundle("upstream-stopped"), "suspected", [0, 1, 1, 1, 0]),
        (inconclusive.path(), "inconclusive", [0, 1, 1, 0, 0]),
        (&bundle("healthy-stack"), "healthy", [0, 0, 0, 0, 0]),
    ];
    let levels = ["never", "inconclusive", "symptom", "suspected", "cause"];
    for (dir, verdict, codes) in cases {
        let default = investigate(dir, &["--format", "json"]);
        let report: serde_json::Value = serde_json::from_slice(&default.stdout).unwrap();
        assert_eq!(report["verdict"], verdict, "{}", dir.display());
        // Without --fail-on: what coroner has always done, i.e. `inconclusive`.
        assert_eq!(default.status.code(), Some(codes[1]), "{}", dir.display());
        for (level, code) in levels.iter().zip(codes) {
            let out = investigate(dir, &["--fail-on", level]);
            assert_eq!(
                out.status.code(),
                Some(code),
                "--fail-on {level} on {} ({verdict}): {}",
                dir.display(),
                text(&out.stderr)
            );
            assert!(
                !out.stdout.is_empty(),
                "the report is written whatever the code"
            );
        }
    }
    let wrong = investigate(&bundle("main-incident"), &["--fail-on", "warning"]);
    assert_eq!(wrong.status.code(), Some(2));
    let said = text(&wrong.stderr);
    assert!(
        said.contains("--fail-on") && said.contains("symptom"),
        "{said}"
    );
}

const ESCAPE: char = '\x1b';

#[test]
fn colour_follows_the_flag_then_no_color_then_the_terminal() {
    let dir = bundle("main-incident");
    let always = investigate(&dir, &["--color", "always"]);
    assert!(text(&always.stderr).contains("\x1b[1;31mroot-cause-identified\x1b[0m"));
    let never = investigate(&dir, &["--color", "never"]);
    assert!(!text(&never.stderr).contains(ESCAPE));
    // Not a terminal: no colour by default.
    let piped = investigate(&dir, &[]);
    assert!(!text(&piped.stderr).contains(ESCAPE));
    assert!(text(&piped.stderr).contains("verdict: root-cause-identified"));

    // On a terminal (script(1) gives the command a pseudo-terminal):
    // coloured, unless NO_COLOR is set to anything but the empty string.
    let on_terminal = |no_color: Option<&str>| {
        let line = format!(
            "{} investigate --bundle {} --output /dev/null",
            env!("CARGO_BIN_EXE_coroner"),
            dir.display()
        );
        let mut command = Command::new("script");
        command
            .args(["-qec", &line, "/dev/null"])
            .env("TERM", "xterm")
            .env_remove("NO_COLOR");
        if let Some(value) = no_color {
            command.env("NO_COLOR", value);
        }
        text(&command.output().expect("run script(1)").stdout)
    };
    let coloured = on_terminal(None);
    assert!(coloured.contains("verdict: \x1b[1;31m"), "{coloured:?}");
    assert!(!on_terminal(Some("1")).contains(ESCAPE));
    assert!(
        on_terminal(Some("")).contains(ESCAPE),
        "an empty NO_COLOR is unset"
    );
}

#[test]
fn quiet_prints_errors_only() {
    let dir = bundle("main-incident");
    let quiet = investigate(&dir, &["--quiet"]);
    assert_eq!(quiet.status.code(), Some(1));
    assert_eq!(text(&quiet.stderr), "");
    assert!(!quiet.stdout.is_empty());
    // Still told: secrets left unmasked, and errors.
    let unmasked = investigate(&dir, &["-q", "--no-redact"]);
    assert!(text(&unmasked.stderr).contains("--no-redact: secrets are NOT masked"));
    let failed = coroner(
        &["-q", "investigate", "--bundle", "/nonexistent/bundle"],
        &[],
    );
    assert_eq!(failed.status.code(), Some(2));
    assert!(text(&failed.stderr).contains("coroner: error:"));
}

fn completion_script(shell: &str) -> String {
    let out = coroner(&["completions", shell], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    text(&out.stdout)
}

#[test]
fn bash_completes_subcommands_and_flags() {
    let script = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(script.path(), completion_script("bash")).unwrap();
    let complete = |words: &str| {
        let program = format!(
            r#"source {}
COMP_WORDS=({words}); COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 )); COMP_LINE="${{COMP_WORDS[*]}}"; COMP_POINT=${{#COMP_LINE}}
_coroner coroner "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"
printf '%s\n' "${{COMPREPLY[@]}}""#,
            script.path().display()
        );
        let out = Command::new("bash")
            .args(["--norc", "-c", &program])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stdout)
    };
    let subcommands = complete("coroner ''");
    for expected in ["investigate", "collect", "completions", "man", "rules"] {
        assert!(subcommands.lines().any(|l| l == expected), "{subcommands}");
    }
    let flags = complete("coroner investigate --fa");
    assert_eq!(flags.trim(), "--fail-on");
    let levels = complete("coroner investigate --fail-on ''");
    assert!(levels.lines().any(|l| l == "suspected"), "{levels}");
}

#[test]
fn every_shell_gets_a_script_its_own_parser_accepts() {
    for (shell, checker) in [
        ("bash", Some(["bash", "-n"])),
        ("zsh", Some(["zsh", "-n"])),
        ("fish", Some(["fish", "--no-execute"])),
        ("powershell", None),
    ] {
        let script = completion_script(shell);
        assert!(script.contains("fail-on"), "{shell}: {script}");
        let Some([program, flag]) = checker else {
            continue;
        };
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), &script).unwrap();
        let checked = Command::new(program)
            .args([flag, file.path().to_str().unwrap()])
            .output()
            .unwrap_or_else(|e| panic!("{program} (installed by .ci/run): {e}"));
        assert!(
            checked.status.success(),
            "{program} rejects the {shell} script: {}",
            text(&checked.stderr)
        );
    }
    let unknown = coroner(&["completions", "tcsh"], &[]);
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn man_pages_render_without_warnings() {
    let page = coroner(&["man"], &[]);
    assert_eq!(page.status.code(), Some(0));
    let roff = text(&page.stdout);
    assert!(roff.contains(".TH coroner 1"), "{roff}");
    let dir = tempfile::tempdir().unwrap();
    let written = coroner(&["man", "--out", dir.path().to_str().unwrap()], &[]);
    assert_eq!(written.status.code(), Some(0), "{}", text(&written.stderr));
    let investigate_page = dir.path().join("coroner-investigate.1");
    let roff = std::fs::read_to_string(&investigate_page).unwrap();
    assert!(roff.contains("fail\\-on"), "{roff}");
    for page in [dir.path().join("coroner.1"), investigate_page] {
        // groff's own warnings (-ww) on the page as man(1) would format it.
        let formatted = Command::new("groff")
            .args(["-man", "-Tutf8", "-ww", "-z"])
            .arg(&page)
            .output()
            .expect("groff");
        assert!(
            formatted.status.success() && formatted.stderr.is_empty(),
            "{}: {}",
            page.display(),
            text(&formatted.stderr)
        );
    }
}
