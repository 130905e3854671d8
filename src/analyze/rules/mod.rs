//! The rule catalogue: what failing software prints, kept as data.
//!
//! Rules live in `rules/*.toml` (docs/rules.md), one file per family of
//! software, compiled into the binary; `--rules DIR` adds more. A rule names
//! a kind of failure, the literal needles that make a line a candidate, the
//! regex that confirms it, and the title and remediation to write, with
//! real example lines and their provenance.
//!
//! This module owns loading and validating rules and rendering their
//! templates. It must not scan logs (`analyze::scan` does, for rules and
//! detectors in one pass) nor decide what a hit means for the incident
//! (`analyze::detectors::catalogue` does).

pub mod check;
pub mod kinds;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, OnceLock};

use regex::Regex;
use serde::Deserialize;

pub use kinds::{Kind, KINDS};

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));
}

/// How bad a line a rule matches is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// Looks alarming and is not; suppresses other rules on the same line.
    Harmless,
    /// A failure the process reports and may survive.
    Error,
    /// The process cannot go on.
    Fatal,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Harmless => "harmless",
            Severity::Error => "error",
            Severity::Fatal => "fatal",
        }
    }
}

/// A real line a rule must (or must not) match, and where it comes from.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub line: String,
    pub source: String,
    #[serde(default)]
    pub captures: BTreeMap<String, String>,
}

/// One rule, validated; its regex is compiled on first use.
#[derive(Debug)]
pub struct Rule {
    pub id: String,
    pub family: String,
    pub kind: &'static Kind,
    pub severity: Severity,
    pub needles: Vec<String>,
    pub pattern: String,
    pub title: String,
    pub remediation: String,
    pub commands: Vec<String>,
    pub examples: Vec<Example>,
    pub counterexamples: Vec<Example>,
    /// `file:line` where the rule is defined.
    pub origin: String,
    /// Compiled into coroner: its title and remediation are messages of the
    /// language catalogues (`rule-id.title`). A rule added with `--rules`
    /// is shown in its author's words.
    pub builtin: bool,
    regex: OnceLock<Regex>,
}

impl Rule {
    /// The compiled regex. Patterns are checked when the rule is loaded, so
    /// compiling again cannot fail.
    pub fn regex(&self) -> &Regex {
        self.regex.get_or_init(|| {
            Regex::new(&self.pattern).expect("pattern validated when the rule was loaded")
        })
    }

    /// Whether one of the rule's needles occurs in `line` (ASCII case ignored).
    pub fn has_needle(&self, line: &str) -> bool {
        let lower = line.to_ascii_lowercase();
        self.needles
            .iter()
            .any(|n| lower.contains(&n.to_ascii_lowercase()))
    }

    /// The named captures of `text`, if the rule matches it.
    pub fn captures(&self, text: &str) -> Option<BTreeMap<String, String>> {
        let caps = self.regex().captures(text)?;
        Some(
            self.regex()
                .capture_names()
                .flatten()
                .filter_map(|name| {
                    caps.name(name)
                        .map(|m| (name.to_string(), m.as_str().into()))
                })
                .collect(),
        )
    }
}

/// A file of the catalogue: its family and description.
#[derive(Debug, Clone)]
pub struct Family {
    pub name: String,
    pub description: String,
    /// Where it was loaded from: `rules/python.toml`, or a path given with `--rules`.
    pub file: String,
}

/// Every rule coroner knows.
#[derive(Debug, Default)]
pub struct Catalogue {
    pub families: Vec<Family>,
    pub rules: Vec<Rule>,
}

#[derive(Debug, thiserror::Error)]
pub enum RuleError {
    #[error("{file}:{line}: {message}")]
    Invalid {
        file: String,
        line: usize,
        message: String,
    },
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}: no rule files (*.toml) in this directory")]
    Empty(String),
}

static BUILTIN: LazyLock<Catalogue> = LazyLock::new(|| {
    let mut catalogue = Catalogue::default();
    for (name, text) in builtin::BUILTIN {
        catalogue
            .add_file(&format!("rules/{name}"), text, true)
            .unwrap_or_else(|e| panic!("built-in rule catalogue: {e}"));
    }
    catalogue
});

impl Catalogue {
    /// The catalogue compiled into the binary.
    pub fn builtin() -> &'static Catalogue {
        &BUILTIN
    }

    /// No rules at all: detectors alone, for their tests.
    pub fn none() -> &'static Catalogue {
        static NONE: LazyLock<Catalogue> = LazyLock::new(Catalogue::default);
        &NONE
    }

    /// The built-in catalogue and the rule files of `dirs`, for the whole run.
    pub fn with_extra(dirs: &[PathBuf]) -> Result<&'static Catalogue, RuleError> {
        if dirs.is_empty() {
            return Ok(Catalogue::builtin());
        }
        let mut extra: Vec<PathBuf> = Vec::new();
        for dir in dirs {
            extra.extend(rule_files(dir)?);
        }
        let mut catalogue = Catalogue::default();
        // A file named like a built-in one replaces it, so a corrected
        // catalogue can be tried without a rebuild.
        for (name, text) in builtin::BUILTIN {
            if !extra
                .iter()
                .any(|p| p.file_name().is_some_and(|f| f == *name))
            {
                catalogue.add_file(&format!("rules/{name}"), text, true)?;
            }
        }
        for file in &extra {
            catalogue.add_path(file)?;
        }
        // One catalogue per run: leaking it lets hits borrow rule ids for the
        // rest of the process, as they borrow the built-in catalogue's.
        Ok(Box::leak(Box::new(catalogue)))
    }

    /// Only the rule files given (for `coroner rules --check`).
    pub fn from_files(files: &[PathBuf]) -> Result<Catalogue, RuleError> {
        let mut catalogue = Catalogue::default();
        for file in files {
            if file.is_dir() {
                catalogue.add_dir(file)?;
            } else {
                catalogue.add_path(file)?;
            }
        }
        Ok(catalogue)
    }

    fn add_dir(&mut self, dir: &Path) -> Result<(), RuleError> {
        for file in rule_files(dir)? {
            self.add_path(&file)?;
        }
        Ok(())
    }

    fn add_path(&mut self, path: &Path) -> Result<(), RuleError> {
        let text = std::fs::read_to_string(path).map_err(|source| RuleError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        self.add_file(&path.display().to_string(), &text, false)
    }

    /// Parses and validates one rule file. A `builtin` file is compiled into
    /// coroner: its regexes are checked by its tests and compiled on first
    /// use, which keeps start-up fast, and the language catalogues translate
    /// its words. Any other file's regexes are checked now.
    pub fn add_file(&mut self, file: &str, text: &str, builtin: bool) -> Result<(), RuleError> {
        let invalid = |span: Option<std::ops::Range<usize>>, message: String| RuleError::Invalid {
            file: file.to_string(),
            line: span.map_or(1, |s| line_of(text, s.start)),
            message,
        };
        let raw: RawFile =
            toml::from_str(text).map_err(|e| invalid(e.span(), e.message().into()))?;
        self.families.push(Family {
            name: raw.family.clone(),
            description: raw.description.unwrap_or_default(),
            file: file.to_string(),
        });
        for r in raw.rule {
            let at = Some(r.id.span());
            let id = r.id.into_inner();
            let fail = |message: String| invalid(at.clone(), format!("rule {id}: {message}"));
            if id.is_empty()
                || !id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            {
                return Err(fail("the id must be kebab-case (a-z, 0-9, -)".into()));
            }
            if let Some(other) = self.rules.iter().find(|o| o.id == id) {
                return Err(fail(format!("the id is already used at {}", other.origin)));
            }
            let kind = kinds::kind(&r.kind).ok_or_else(|| {
                let known: Vec<&str> = KINDS.iter().map(|k| k.id).collect();
                fail(format!(
                    "unknown kind {:?}; kinds are {}",
                    r.kind,
                    known.join(", ")
                ))
            })?;
            if r.needles.is_empty() {
                return Err(fail("needs at least one needle".into()));
            }
            if let Some(short) = r.needles.iter().find(|n| n.trim().len() < 4) {
                return Err(fail(format!(
                    "needle {short:?} is shorter than 4 characters: it would make most lines candidates"
                )));
            }
            let names = capture_names(&r.regex);
            if !builtin {
                Regex::new(&r.regex).map_err(|e| fail(format!("invalid regex: {e}")))?;
            }
            for template in std::iter::once(&r.title)
                .chain(std::iter::once(&r.remediation))
                .chain(r.commands.iter())
            {
                for name in placeholders(template) {
                    if name != "service" && !names.iter().any(|n| n == name) {
                        return Err(fail(format!(
                            "{{{name}}} is neither a named group of the regex nor {{service}}"
                        )));
                    }
                }
            }
            if r.examples.is_empty() {
                return Err(fail(
                    "needs at least one example line with its source".into(),
                ));
            }
            self.rules.push(Rule {
                origin: format!(
                    "{file}:{}",
                    line_of(text, at.clone().map_or(0, |s| s.start))
                ),
                id,
                family: raw.family.clone(),
                kind,
                severity: r.severity,
                needles: r.needles,
                pattern: r.regex,
                title: r.title,
                remediation: r.remediation,
                commands: r.commands,
                examples: r.examples,
                counterexamples: r.counterexamples,
                builtin,
                regex: OnceLock::new(),
            });
        }
        Ok(())
    }

    /// Whether a harmless rule says `message` is known noise.
    pub fn is_harmless(&self, message: &str) -> bool {
        self.rules.iter().any(|r| {
            r.severity == Severity::Harmless && r.has_needle(message) && r.regex().is_match(message)
        })
    }

    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }
}

/// The `*.toml` files of a directory, in name order.
fn rule_files(dir: &Path) -> Result<Vec<PathBuf>, RuleError> {
    let entries = std::fs::read_dir(dir).map_err(|source| RuleError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    if files.is_empty() {
        return Err(RuleError::Empty(dir.display().to_string()));
    }
    files.sort();
    Ok(files)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    family: String,
    description: Option<String>,
    #[serde(default)]
    rule: Vec<RawRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: toml::Spanned<String>,
    kind: String,
    severity: Severity,
    needles: Vec<String>,
    regex: String,
    title: String,
    remediation: String,
    #[serde(default)]
    commands: Vec<String>,
    #[serde(default)]
    examples: Vec<Example>,
    #[serde(default)]
    counterexamples: Vec<Example>,
}

fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

fn capture_names(pattern: &str) -> Vec<String> {
    // Read from the pattern's text, so the built-in catalogue need not be
    // compiled at start-up; a `(?P<` inside a character class would be
    // misread, and the catalogue's tests compile every pattern.
    static NAME: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>").expect("static regex"));
    NAME.captures_iter(pattern)
        .map(|c| c[1].to_string())
        .collect()
}

impl Catalogue {
    /// The English title and remediation of every rule, as a Fluent
    /// catalogue (`rule-id` with `.title` and `.remediation`): English is
    /// written in the rule files, beside the patterns it explains, and the
    /// other languages translate it in `locales/<lang>/rules/`.
    pub fn english_messages(&self) -> String {
        let mut out = String::new();
        for rule in &self.rules {
            out.push_str(&rule.id);
            out.push_str(" =\n    .title = ");
            out.push_str(&fluent_pattern(&rule.title));
            out.push_str("\n    .remediation = ");
            out.push_str(&fluent_pattern(&rule.remediation));
            out.push('\n');
        }
        out
    }
}

/// A rule template as a Fluent pattern: `{name}` → `{ $name }`, and the
/// characters Fluent would read as syntax written as string literals.
fn fluent_pattern(template: &str) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find(['{', '}']) {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        if rest[start..].starts_with('{') {
            if let Some((name, tail)) = after.split_once('}') {
                if is_placeholder(name) {
                    out.push_str(&format!("{{ ${name} }}"));
                    rest = tail;
                    continue;
                }
            }
            out.push_str("{\"{\"}");
        } else {
            out.push_str("{\"}\"}");
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

fn is_placeholder(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// The `{name}` placeholders of a template.
fn placeholders(template: &str) -> impl Iterator<Item = &str> {
    template.split('{').skip(1).filter_map(|rest| {
        let name = rest.split_once('}')?.0;
        is_placeholder(name).then_some(name)
    })
}

/// Fills a template's placeholders; a capture that took no part in the match is `?`.
pub fn render(template: &str, service: &str, captures: &BTreeMap<String, String>) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.split_once('}') {
            Some((name, tail)) if is_placeholder(name) => {
                if name == "service" {
                    out.push_str(service);
                } else {
                    out.push_str(captures.get(name).map_or("?", String::as_str));
                }
                rest = tail;
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"
family = "demo"

[[rule]]
id = "demo-module"
kind = "missing-module"
severity = "fatal"
needles = ["No module named"]
regex = '''No module named '(?P<module>[\w.]+)''''
title = "cannot import {module}"
remediation = "Install {module} in {service}."

[[rule.examples]]
line = '''ModuleNotFoundError: No module named 'pandas''''
source = "capture:fixtures/bundles/missing-module-thirdparty"
captures = { module = "pandas" }
"#;

    #[test]
    fn a_rule_file_loads_and_renders_its_templates() {
        let mut c = Catalogue::default();
        c.add_file("demo.toml", FILE, false).unwrap();
        let rule = c.rule("demo-module").unwrap();
        assert_eq!(rule.kind.id, "missing-module");
        assert_eq!(rule.origin, "demo.toml:5");
        let caps = rule
            .captures("ModuleNotFoundError: No module named 'numpy'")
            .unwrap();
        assert_eq!(render(&rule.title, "api", &caps), "cannot import numpy");
        assert_eq!(
            render(&rule.remediation, "api", &caps),
            "Install numpy in api."
        );
        assert_eq!(render("{missing} {", "api", &caps), "? {");
    }

    #[test]
    fn broken_rule_files_name_the_file_and_line() {
        let cases = [
            (
                FILE.replace("missing-module", "no-such-kind"),
                "demo.toml:5: rule demo-module: unknown kind",
            ),
            (
                FILE.replace("{module} in", "{modul} in"),
                "demo.toml:5: rule demo-module: {modul} is neither",
            ),
            (
                FILE.replace("[\\w.]+", "[\\w.+"),
                "demo.toml:5: rule demo-module: invalid regex",
            ),
            (
                FILE.replace(r#"["No module named"]"#, r#"["No"]"#),
                "shorter than 4 characters",
            ),
            (
                FILE.replace("severity = \"fatal\"", "severity = \"deadly\""),
                "demo.toml:7:",
            ),
            (FILE.replace("title =", "titel ="), "demo.toml:"),
        ];
        for (text, expected) in cases {
            let mut c = Catalogue::default();
            let err = c
                .add_file("demo.toml", &text, false)
                .unwrap_err()
                .to_string();
            assert!(
                err.contains(expected),
                "{err:?} should contain {expected:?}"
            );
        }
        let mut c = Catalogue::default();
        c.add_file("a.toml", FILE, false).unwrap();
        let err = c.add_file("b.toml", FILE, false).unwrap_err().to_string();
        assert!(err.contains("already used at a.toml:5"), "{err}");
    }

    #[test]
    fn the_builtin_catalogue_passes_its_own_examples() {
        let catalogue = Catalogue::builtin();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let report = check::check(catalogue, Some(root));
        for failure in &report.failures {
            eprintln!("{failure}");
        }
        let mut per_family: BTreeMap<&str, usize> = BTreeMap::new();
        for r in &catalogue.rules {
            *per_family.entry(&r.family).or_default() += 1;
        }
        eprintln!("{} rules: {per_family:?}", catalogue.rules.len());
        assert!(
            report.failures.is_empty(),
            "{} rule check failures",
            report.failures.len()
        );
        assert!(report.examples > 0);
    }
}
