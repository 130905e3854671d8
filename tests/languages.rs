//! Reports in every language coroner speaks: each language has every
//! message English has, with the same arguments; French follows French
//! typography; every fixture bundle renders in French with nothing left
//! untranslated; and a language is a directory and nothing else.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

use coroner::analyze::analyze;
use coroner::analyze::rules::Catalogue;
use coroner::collect::bundle;
use coroner::evidence::{AssumedZone, Window};
use coroner::locale::{self, Inventory};
use coroner::report::{self, Format};

fn repository() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn bundles() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(repository().join("fixtures/bundles"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// What coroner passes to the `format-*` messages, whichever a language
/// uses: a language writes dates and lists its own way.
const FORMAT_ARGUMENTS: [&str; 9] = [
    "date", "day", "month", "year", "time", "number", "first", "second", "rest",
];

/// What `other` lacks or adds against English, and where their arguments differ.
fn differences(english: &Inventory, other: &Inventory) -> Vec<String> {
    let mut found = Vec::new();
    for (id, variables) in english {
        match other.get(id) {
            None => found.push(format!("missing {id}")),
            Some(v) if id.starts_with("format-") => {
                if let Some(unknown) = v.iter().find(|a| !FORMAT_ARGUMENTS.contains(&a.as_str())) {
                    found.push(format!("{id}: coroner passes no ${unknown}"));
                }
            }
            Some(v) if v != variables => found.push(format!(
                "{id}: arguments {:?}, English has {:?}",
                v, variables
            )),
            Some(_) => {}
        }
    }
    for id in other.keys() {
        if !english.contains_key(id) {
            found.push(format!("{id} is not an English message"));
        }
    }
    found
}

#[test]
fn every_language_has_every_message_with_the_same_arguments() {
    let english = locale::get("en").unwrap();
    let languages = locale::supported();
    assert!(languages.contains(&"fr".to_string()), "{languages:?}");
    // Every built-in rule's title and remediation is an English message.
    for rule in &Catalogue::builtin().rules {
        for part in ["title", "remediation"] {
            assert!(
                english.has(&format!("{}.{part}", rule.id)),
                "{}.{part}",
                rule.id
            );
        }
    }
    let mut problems = Vec::new();
    for tag in languages.iter().filter(|t| *t != "en") {
        let language = locale::get(tag).unwrap();
        for d in differences(english.inventory(), language.inventory()) {
            problems.push(format!("{tag}: {d}"));
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// The words of a catalogue line, without what is code: placeables,
/// backticks and Fluent string literals.
fn prose(line: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    let mut in_code = false;
    for c in line.chars() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth = depth.saturating_sub(1);
                // A placeable stands for a word.
                if depth == 0 && !in_code {
                    out.push('\u{fffc}');
                }
            }
            '`' if depth == 0 => {
                in_code = !in_code;
                if !in_code {
                    out.push('\u{fffc}');
                }
            }
            _ if depth == 0 && !in_code => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn french_follows_french_typography() {
    let mut problems = Vec::new();
    for entry in walkdir::WalkDir::new(repository().join("locales/fr")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "ftl") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for (number, line) in text.lines().enumerate() {
            if line.trim_start().starts_with('#') {
                continue;
            }
            // The value: after the `=` of a message or attribute, or a
            // continuation line.
            let value = match line.split_once(" = ") {
                Some((_, v)) => v,
                None => line,
            };
            let words = prose(value);
            let chars: Vec<char> = words.chars().collect();
            for (i, c) in chars.iter().enumerate() {
                let before = i.checked_sub(1).map(|j| chars[j]);
                let after = chars.get(i + 1).copied();
                // A colon without a space before it is left alone: prose
                // quotes settings (`condition: service_healthy`) without
                // backticks, as English does.
                let wrong = match c {
                    ':' => before == Some(' '),
                    ';' | '!' | '?' => {
                        before == Some(' ')
                            || (before.is_some_and(char::is_alphabetic)
                                && after.is_none_or(char::is_whitespace))
                    }
                    '%' => before == Some(' ') || before.is_some_and(|b| b.is_ascii_digit()),
                    '«' => after == Some(' '),
                    '»' => before == Some(' '),
                    _ => false,
                };
                if wrong {
                    problems.push(format!(
                        "{}:{}: {c:?} in {line:?}",
                        entry.path().strip_prefix(repository()).unwrap().display(),
                        number + 1
                    ));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} lines break French typography (U+00A0 before `:` and inside « », U+202F before ; ! ? %):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// English words that no French sentence has; one outside code and
/// evidence means a sentence was left in English.
const ENGLISH: [&str; 14] = [
    "the", "and", "with", "was", "were", "has", "have", "which", "this", "that", "from", "when",
    "should", "because",
];

/// The headings and table headers of a Markdown report: the report's own
/// words, with no evidence in them.
fn own_words(markdown: &str) -> Vec<&str> {
    markdown
        .lines()
        .filter(|l| l.starts_with('#') || (l.starts_with("| ") && !l.contains('`')))
        .collect()
}

#[test]
fn every_fixture_bundle_renders_in_french_with_nothing_left_in_english() {
    let french = locale::get("fr").unwrap();
    let mut problems = Vec::new();
    for dir in bundles() {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let evidence = bundle::load(&dir, AssumedZone::default(), Window::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let analysis = analyze(&evidence);
        locale::take_untranslated();
        let rendered: BTreeMap<&str, String> = locale::in_language(&french, || {
            [
                ("md", Format::Md),
                ("html", Format::Html),
                ("json", Format::Json),
            ]
            .into_iter()
            .map(|(ext, format)| {
                let text = report::render(&analysis, format)
                    .unwrap_or_else(|e| panic!("{name}.{ext}: {e}"));
                (ext, text)
            })
            .collect()
        });
        // What could not be collected is still recorded in English, by the
        // collector in the bundle and by the loader (docs/languages.md).
        let gaps: Vec<String> = evidence
            .inventory
            .gaps
            .iter()
            .map(|g| g.why.chars().take(80).collect())
            .collect();
        for (what, count) in locale::take_untranslated() {
            if !gaps.contains(&what) {
                problems.push(format!("{name}: untranslated ×{count}: {what}"));
            }
        }
        for (ext, text) in &rendered {
            if text.contains('⟦') || text.contains("{$") || text.contains("{ $") {
                problems.push(format!("{name}.{ext}: a message or argument is missing"));
            }
        }
        for line in own_words(&rendered["md"]) {
            let lower = line.to_lowercase();
            let english: Vec<&str> = lower
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| ENGLISH.contains(w))
                .collect();
            if !english.is_empty() {
                problems.push(format!("{name}.md: English {english:?} in {line:?}"));
            }
        }
        assert!(
            rendered["html"].contains("<html lang=\"fr\""),
            "{name}: the HTML page does not say it is French"
        );
    }
    problems.dedup();
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// A pseudo-translation of English (`en-XA`, as pseudo-locales are named):
/// every letter of the catalogue's own words accented, placeables kept.
fn pseudo(ftl: &str) -> String {
    let accent = |c: char| match c {
        'a' => 'á',
        'e' => 'é',
        'i' => 'í',
        'o' => 'ö',
        'u' => 'ü',
        'A' => 'Á',
        'E' => 'É',
        'O' => 'Ö',
        c => c,
    };
    let mut out = String::new();
    for line in ftl.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with('#') || trimmed.is_empty() {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        // What precedes the words: `id =`, `.attribute =` or `[variant]`.
        let split = if line.ends_with(" =") {
            line.len()
        } else if let Some(i) = line.find(" = ") {
            i + 3
        } else if trimmed.starts_with('[') || trimmed.starts_with("*[") {
            line.find(']').map_or(0, |i| i + 1)
        } else {
            0
        };
        out.push_str(&line[..split]);
        let mut depth = 0usize;
        let mut in_code = false;
        for c in line[split..].chars() {
            match c {
                '{' => depth += 1,
                '}' => depth = depth.saturating_sub(1),
                '`' if depth == 0 => in_code = !in_code,
                _ => {}
            }
            out.push(if depth == 0 && !in_code { accent(c) } else { c });
        }
        out.push('\n');
    }
    out
}

#[test]
fn a_third_language_is_a_directory_and_nothing_else() {
    let scratch = tempfile::tempdir().unwrap();
    let language = scratch.path().join("en-XA");
    for entry in walkdir::WalkDir::new(repository().join("locales/en")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "ftl") {
            let relative = entry
                .path()
                .strip_prefix(repository().join("locales/en"))
                .unwrap();
            let target = language.join(relative);
            std::fs::create_dir_all(target.parent().unwrap()).unwrap();
            let text = std::fs::read_to_string(entry.path()).unwrap();
            std::fs::write(target, pseudo(&text)).unwrap();
        }
    }
    // The rules' English is in their TOML files; a language translates it
    // in rules/ like French does.
    std::fs::create_dir_all(language.join("rules")).unwrap();
    std::fs::write(
        language.join("rules/all.ftl"),
        pseudo(&Catalogue::builtin().english_messages()),
    )
    .unwrap();

    let output = Command::new(env!("CARGO_BIN_EXE_coroner"))
        .current_dir(repository())
        .args(["--locales", &scratch.path().display().to_string()])
        .args(["--lang", "en-XA", "investigate"])
        .args([
            "--bundle",
            "fixtures/bundles/main-incident",
            "--output",
            "-",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    let markdown = String::from_utf8(output.stdout).unwrap();
    let headings: Vec<&str> = markdown.lines().filter(|l| l.starts_with("## ")).collect();
    assert!(headings.len() >= 5, "{headings:?}");
    for heading in &headings {
        assert!(
            heading.contains(['á', 'é', 'í', 'ö', 'ü', 'Á', 'É', 'Ö']),
            "a heading is not in the new language: {heading}"
        );
    }
    assert!(
        !stderr.contains("untranslated") && !stderr.contains("not in"),
        "{stderr}"
    );

    // The same directory with a broken file is an error naming the file and line.
    std::fs::write(language.join("broken.ftl"), "good = fine\nbad = { $\n").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_coroner"))
        .args(["--locales", &scratch.path().display().to_string()])
        .args(["--lang", "en-XA", "schema"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("en-XA/broken.ftl:2"), "{stderr}");
}

#[test]
fn the_language_comes_from_the_flag_then_the_environment() {
    let run = |args: &[&str], env: &[(&str, &str)]| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_coroner"));
        command
            .current_dir(repository())
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .args(args)
            .args(["investigate", "--bundle", "fixtures/bundles/main-incident"])
            .args(["--output", "-"]);
        for (k, v) in env {
            command.env(k, v);
        }
        let output = command.output().unwrap();
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stdout).into_owned(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    };
    let french = |report: &str| report.contains("novembre 2026");
    let (_, report, _) = run(&[], &[]);
    assert!(!french(&report), "English without a language asked for");
    let (_, report, _) = run(&[], &[("LANG", "fr_FR.UTF-8")]);
    assert!(french(&report), "LANG=fr_FR.UTF-8 asks for French");
    let (_, report, _) = run(&[], &[("LANG", "fr_FR.UTF-8"), ("LC_ALL", "C")]);
    assert!(!french(&report), "LC_ALL=C wins over LANG");
    let (_, report, _) = run(&[], &[("LANG", "de_DE.UTF-8")]);
    assert!(
        !french(&report),
        "a language coroner lacks falls back to English"
    );
    let (_, report, _) = run(&["--lang", "fr"], &[("LANG", "en_US.UTF-8")]);
    assert!(french(&report), "--lang wins over the environment");
    let (code, _, stderr) = run(&["--lang", "de"], &[]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("unknown language \"de\"") && stderr.contains("en, fr"),
        "{stderr}"
    );
}

#[test]
fn evidence_is_never_translated() {
    let evidence = bundle::load(
        &repository().join("fixtures/bundles/main-incident"),
        AssumedZone::default(),
        Window::default(),
    )
    .unwrap();
    let analysis = analyze(&evidence);
    let french = locale::get("fr").unwrap();
    let markdown = locale::in_language(&french, || report::render(&analysis, Format::Md)).unwrap();
    assert!(markdown.contains("ModuleNotFoundError: No module named 'pandas'"));
}
