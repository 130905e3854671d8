//! The reports in `reports/` are exactly what coroner writes for the main
//! example, `fixtures/bundles/main-incident`, in English and in French
//! (`main-incident.fr.*`), and `docs/report.schema.json`
//! is exactly what `coroner schema` prints. Any change to the analysis, the
//! templates or the shape of the JSON report shows up here as a difference
//! to review.
//!
//! Refresh them after an intended change with:
//!
//! ```text
//! CORONER_UPDATE_GOLDEN=1 cargo test --test golden
//! ```

use std::path::{Path, PathBuf};
use std::process::Command;

const UPDATE_VARIABLE: &str = "CORONER_UPDATE_GOLDEN";
const BUNDLE: &str = "fixtures/bundles/main-incident";
const SCHEMA: &str = "docs/report.schema.json";
const FORMATS: [&str; 3] = ["md", "html", "json"];
/// The languages with golden reports, and what their file names add.
const LANGUAGES: [(&str, &str); 2] = [("en", ""), ("fr", ".fr")];

fn repository() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn golden_path(format: &str, infix: &str) -> PathBuf {
    repository()
        .join("reports")
        .join(format!("main-incident{infix}.{format}"))
}

/// The report as the binary writes it to standard output.
fn investigate(format: &str, lang: &str) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_coroner"))
        .current_dir(repository())
        .args(["investigate", "--bundle", BUNDLE, "--format", format])
        .args(["--lang", lang])
        .args(["--output", "-"])
        .output()
        .expect("run coroner");
    let code = output.status.code();
    assert!(
        matches!(code, Some(0 | 1)),
        "coroner exited with {code:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("reports are UTF-8")
}

/// Where two texts first differ, said so that a reader can find it.
fn first_difference(expected: &str, actual: &str) -> String {
    let mut expected_lines = expected.lines();
    let mut actual_lines = actual.lines();
    let mut number = 1;
    loop {
        match (expected_lines.next(), actual_lines.next()) {
            (Some(e), Some(a)) if e == a => number += 1,
            (e, a) => {
                return format!(
                    "first difference at line {number}:\n  golden: {}\n  now:    {}",
                    e.unwrap_or("<end of file>"),
                    a.unwrap_or("<end of file>")
                )
            }
        }
    }
}

fn update_requested() -> bool {
    std::env::var_os(UPDATE_VARIABLE).is_some_and(|v| v == "1")
}

#[test]
fn reports_of_the_main_example_match_the_golden_files() {
    let mut stale = Vec::new();
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR")).join("golden");
    std::fs::create_dir_all(&scratch).unwrap();
    for (format, (lang, infix)) in FORMATS
        .iter()
        .flat_map(|f| LANGUAGES.iter().map(move |l| (*f, *l)))
    {
        let actual = investigate(format, lang);
        let golden = golden_path(format, infix);
        if update_requested() {
            std::fs::create_dir_all(golden.parent().unwrap()).unwrap();
            std::fs::write(&golden, &actual).unwrap();
            continue;
        }
        let Ok(expected) = std::fs::read_to_string(&golden) else {
            stale.push(format!("{} is missing", golden.display()));
            continue;
        };
        if expected != actual {
            let now = scratch.join(format!("main-incident{infix}.{format}"));
            std::fs::write(&now, &actual).unwrap();
            stale.push(format!(
                "{} differs; {}\n  see: diff -u {} {}",
                golden.display(),
                first_difference(&expected, &actual),
                golden.display(),
                now.display()
            ));
        }
    }
    assert!(
        stale.is_empty(),
        "{}\n\nIf the change is intended, refresh with: {UPDATE_VARIABLE}=1 cargo test --test golden",
        stale.join("\n\n")
    );
}

#[test]
fn the_committed_schema_is_what_coroner_schema_prints() {
    let output = Command::new(env!("CARGO_BIN_EXE_coroner"))
        .arg("schema")
        .output()
        .expect("run coroner");
    assert!(
        output.status.success(),
        "coroner schema failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let actual = String::from_utf8(output.stdout).expect("the schema is UTF-8");
    let committed = repository().join(SCHEMA);
    if update_requested() {
        std::fs::write(&committed, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&committed).unwrap_or_default();
    if expected != actual {
        let now = Path::new(env!("CARGO_TARGET_TMPDIR")).join("report.schema.json");
        std::fs::write(&now, &actual).unwrap();
        panic!(
            "{SCHEMA} is not what `coroner schema` prints; {}\n  see: diff -u {} {}\n\n\
             If the change is intended, refresh with: {UPDATE_VARIABLE}=1 cargo test --test golden",
            first_difference(&expected, &actual),
            committed.display(),
            now.display()
        );
    }
}

#[test]
fn a_difference_is_reported_at_its_line() {
    assert_eq!(
        first_difference("a\nb\nc\n", "a\nB\nc\n"),
        "first difference at line 2:\n  golden: b\n  now:    B"
    );
    assert_eq!(
        first_difference("a\n", "a\nmore\n"),
        "first difference at line 2:\n  golden: <end of file>\n  now:    more"
    );
}
