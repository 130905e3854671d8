//! The redaction engine: every string that enters the evidence model, and
//! every string of a report before it is rendered, passes through it, so no
//! secret from a bundle reaches an output.
//!
//! It finds secrets three ways and masks the value only, never the name
//! around it:
//! - by name: settings, fields, headers and flags whose name looks secret
//!   ([`names`]), with an allow-list so `LOG_LEVEL` stays visible;
//! - by structure: URL credentials, `Authorization` and cookie headers,
//!   `curl -u`, private-key blocks, flags whose value is the next argument
//!   ([`structure`]);
//! - by shape: documented token formats ([`formats`]), and the patterns
//!   given with `--redact`.
//!
//! A value once found is masked everywhere it occurs afterwards, when it
//! looks like a secret rather than a word (`hunter22`, not `postgres`).
//!
//! The same value always gets the same placeholder (`[secret-3]`), so a
//! reader still sees that two places hold one value. The numbers are given
//! again in reading order when a report is rendered ([`Renumbering`]); the
//! mapping from values to numbers is kept in memory only and never written.
//!
//! One engine serves the whole process: the CLI configures it once
//! ([`configure`]) before it reads any evidence.

mod formats;
mod names;
mod structure;

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Mutex, OnceLock};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;
use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

pub use formats::TOKEN_FORMATS;
pub use names::is_secret_name;

/// The text a masked value is replaced with: `[secret-N]`.
const PLACEHOLDER_PREFIX: &str = "[secret-";

/// Where text that no evidence file owns comes from: sentences the analyzer
/// wrote around evidence, checked once more before rendering.
pub const DERIVED: &str = "(report text)";
/// Where file names are masked (a file can be named after a token).
pub const FILE_NAMES: &str = "(file names)";

/// A value propagates to other places only when it is at least this long.
const MIN_PROPAGATED_LEN: usize = 8;
/// Values propagated at most: past this many, each new one is masked where
/// it is found but not searched for elsewhere, so a bundle with thousands
/// of distinct secrets cannot make every later text slower.
const MAX_PROPAGATED: usize = 1000;

/// The byte range of one secret value in a text, and what kind it is.
#[derive(Debug, Clone, Copy)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub kind: &'static str,
}

#[derive(Debug, thiserror::Error)]
pub enum RedactError {
    #[error("--redact {pattern:?}: not a regular expression: {message}")]
    BadPattern { pattern: String, message: String },
}

/// How the engine runs: on (the default) with extra patterns, or off.
#[derive(Debug, Default)]
pub struct Settings {
    pub extra_patterns: Vec<String>,
    pub disabled: bool,
}

pub struct Redactor {
    enabled: bool,
    extra: Vec<Regex>,
    token_formats: Vec<(Regex, &'static formats::TokenFormat)>,
    /// Literal prefixes of the token formats, for one pass over the text.
    token_prefixes: AhoCorasick,
    /// Fragments without which no name-based or structural secret can be in a text.
    triggers: AhoCorasick,
    table: Mutex<Table>,
}

/// Every value masked so far: its number, its kind, and where it was seen.
#[derive(Default)]
struct Table {
    numbers: HashMap<String, u32>,
    kinds: Vec<&'static str>,
    /// Origin (a bundle file) → the numbers of the values masked in it.
    seen_in: BTreeMap<String, BTreeSet<u32>>,
    /// Values long and odd enough to be masked wherever they occur again.
    propagated: Vec<String>,
    propagated_finder: Option<AhoCorasick>,
    finder_is_stale: bool,
}

static ENGINE: OnceLock<Redactor> = OnceLock::new();

/// Sets up the process's engine. Called once, before evidence is read;
/// later calls, or a call after the engine was first used, change nothing.
pub fn configure(settings: Settings) -> Result<(), RedactError> {
    let redactor = Redactor::new(settings)?;
    let _ = ENGINE.set(redactor);
    Ok(())
}

/// The process's engine (on, with no extra patterns, unless configured).
pub fn engine() -> &'static Redactor {
    ENGINE.get_or_init(|| Redactor::new(Settings::default()).expect("default settings are valid"))
}

/// Masks secrets in free text with the process's engine.
pub fn text<'a>(text: &'a str, origin: &str) -> Cow<'a, str> {
    engine().text(text, origin)
}

/// Whether a text is exactly one placeholder.
pub fn is_placeholder(text: &str) -> bool {
    text.strip_prefix(PLACEHOLDER_PREFIX)
        .and_then(|rest| rest.strip_suffix(']'))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether a text holds a masked value.
pub fn contains_placeholder(text: &str) -> bool {
    text.contains(PLACEHOLDER_PREFIX)
}

const TRIGGERS: &[&str] = &[
    "://",
    "pass",
    "pwd",
    "pw",
    "key",
    "pat",
    "auth",
    "dsn",
    "salt",
    "session",
    "sid",
    "pin",
    "otp",
    "cred",
    "jwt",
    "bearer",
    "hmac",
    "sign",
    "secret",
    "token",
    "webhook",
    "cookie",
    "-----begin",
    "mii",
    "b3blbnnzac1rzxktdje",
    "-u",
    "--user",
    "-p",
    "-a",
    "mysql",
];

impl Redactor {
    pub fn new(settings: Settings) -> Result<Redactor, RedactError> {
        let extra = settings
            .extra_patterns
            .iter()
            .map(|p| {
                Regex::new(p).map_err(|e| RedactError::BadPattern {
                    pattern: p.clone(),
                    message: e.to_string(),
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let token_formats = TOKEN_FORMATS
            .iter()
            .map(|f| (Regex::new(f.pattern).expect("token format pattern"), f))
            .collect();
        let token_prefixes =
            AhoCorasick::new(TOKEN_FORMATS.iter().map(|f| f.prefix)).expect("token prefixes");
        let triggers = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build(TRIGGERS)
            .expect("redaction triggers");
        Ok(Redactor {
            enabled: !settings.disabled,
            extra,
            token_formats,
            token_prefixes,
            triggers,
            table: Mutex::new(Table::default()),
        })
    }

    pub fn enabled(&self) -> bool {
        self.enabled
    }

    /// Masks every secret in a text seen in `origin` (a bundle file).
    pub fn text<'a>(&self, text: &'a str, origin: &str) -> Cow<'a, str> {
        if !self.enabled || text.is_empty() {
            return Cow::Borrowed(text);
        }
        let mut spans = Vec::new();
        self.find(text, &mut spans);
        self.mask(text, spans, origin)
    }

    /// Masks a list of arguments (a command, a healthcheck test): each item
    /// as text, and the item after a flag that takes a secret (`--token X`).
    pub fn arguments(&self, items: &mut [String], origin: &str) {
        if !self.enabled {
            return;
        }
        let context = items.join(" ");
        for i in 0..items.len() {
            let masks_next = i + 1 < items.len()
                && !items[i].contains('=')
                && structure::flag_takes_secret(&items[i], &items[i + 1], &context);
            if let Cow::Owned(masked) = self.text(&items[i], origin) {
                items[i] = masked;
            }
            let user_flag = matches!(items[i].as_str(), "-u" | "--user" | "--proxy-user");
            if user_flag && i + 1 < items.len() {
                // `curl -u user:password`: the user stays visible.
                if let Some(colon) = items[i + 1].find(':') {
                    let value = std::mem::take(&mut items[i + 1]);
                    let span = Span {
                        start: colon + 1,
                        end: value.len(),
                        kind: "command-line credentials",
                    };
                    items[i + 1] = self.mask(&value, vec![span], origin).into_owned();
                }
            } else if masks_next {
                let value = std::mem::take(&mut items[i + 1]);
                let span = Span {
                    start: 0,
                    end: value.len(),
                    kind: structure::flag_kind(&items[i]),
                };
                items[i + 1] = self.mask(&value, vec![span], origin).into_owned();
            }
        }
    }

    /// Masks every string of a JSON document (an inspect, an event, a
    /// `bundle.json`): a value under a secret-looking key whole, arrays as
    /// argument lists, everything else as text.
    pub fn json(&self, value: &mut Value, origin: &str) {
        if !self.enabled {
            return;
        }
        match value {
            Value::String(s) => {
                if let Cow::Owned(masked) = self.text(s, origin) {
                    *s = masked;
                }
            }
            Value::Array(items) if items.iter().all(Value::is_string) => {
                let mut strings: Vec<String> = items
                    .iter_mut()
                    .map(|v| match std::mem::take(v) {
                        Value::String(s) => s,
                        _ => String::new(),
                    })
                    .collect();
                self.arguments(&mut strings, origin);
                *items = strings.into_iter().map(Value::String).collect();
            }
            Value::Array(items) => items.iter_mut().for_each(|v| self.json(v, origin)),
            Value::Object(map) => {
                let entries = std::mem::take(map);
                for (key, mut v) in entries {
                    match &mut v {
                        Value::String(s)
                            if is_secret_name(&key) && !s.is_empty() && !is_placeholder(s) =>
                        {
                            let span = Span {
                                start: 0,
                                end: s.len(),
                                kind: structure::name_kind(&key),
                            };
                            *s = self.mask(s, vec![span], origin).into_owned();
                        }
                        _ => self.json(&mut v, origin),
                    }
                    let key = self.text(&key, origin).into_owned();
                    map.insert(key, v);
                }
            }
            Value::Null | Value::Bool(_) | Value::Number(_) => {}
        }
    }

    fn find(&self, text: &str, spans: &mut Vec<Span>) {
        if structure::env_entry(text, spans) {
            return;
        }
        let mut prefixes = self.token_prefixes.find_overlapping_iter(text).peekable();
        if prefixes.peek().is_some() {
            let mut hit = vec![false; TOKEN_FORMATS.len()];
            for m in prefixes {
                hit[m.pattern().as_usize()] = true;
            }
            for (i, (pattern, format)) in self.token_formats.iter().enumerate() {
                if !hit[i] {
                    continue;
                }
                for caps in pattern.captures_iter(text) {
                    let m = caps.name("secret").or_else(|| caps.get(0)).expect("match");
                    spans.push(Span {
                        start: m.start(),
                        end: m.end(),
                        kind: format.kind,
                    });
                }
            }
        }
        if self.triggers.is_match(text) {
            structure::find(text, spans);
        }
        for pattern in &self.extra {
            for caps in pattern.captures_iter(text) {
                let m = caps.get(1).or_else(|| caps.get(0)).expect("match");
                if !m.is_empty() {
                    spans.push(Span {
                        start: m.start(),
                        end: m.end(),
                        kind: "pattern given with --redact",
                    });
                }
            }
        }
        let mut table = self.table.lock().unwrap_or_else(|e| e.into_inner());
        table.refresh_finder();
        if let Some(finder) = &table.propagated_finder {
            for m in finder.find_iter(text) {
                let value = &table.propagated[m.pattern().as_usize()];
                let number = table.numbers[value.as_str()];
                spans.push(Span {
                    start: m.start(),
                    end: m.end(),
                    kind: table.kinds[number as usize - 1],
                });
            }
        }
    }

    /// Replaces each span with its value's placeholder; overlapping spans
    /// become one, the outermost.
    fn mask<'a>(&self, text: &'a str, mut spans: Vec<Span>, origin: &str) -> Cow<'a, str> {
        if spans.is_empty() {
            return Cow::Borrowed(text);
        }
        spans.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
        for span in spans {
            match merged.last_mut() {
                Some(last) if span.start < last.end => last.end = last.end.max(span.end),
                _ => merged.push(span),
            }
        }
        let mut table = self.table.lock().unwrap_or_else(|e| e.into_inner());
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for span in merged {
            let value = &text[span.start..span.end];
            if is_placeholder(value) {
                continue;
            }
            let number = table.number_of(value, span.kind);
            table
                .seen_in
                .entry(origin.to_string())
                .or_default()
                .insert(number);
            out.push_str(&text[at..span.start]);
            out.push_str(&placeholder(number));
            at = span.end;
        }
        out.push_str(&text[at..]);
        Cow::Owned(out)
    }

    /// What was masked in these origins (and in report text), without values.
    pub fn summary<'a>(&self, origins: impl IntoIterator<Item = &'a str>) -> RedactionSummary {
        let table = self.table.lock().unwrap_or_else(|e| e.into_inner());
        let mut values = BTreeSet::new();
        let mut files = Vec::new();
        let wanted: BTreeSet<&str> = origins.into_iter().chain([DERIVED, FILE_NAMES]).collect();
        for (origin, numbers) in &table.seen_in {
            if wanted.contains(origin.as_str()) {
                values.extend(numbers.iter().copied());
                files.push(MaskedIn {
                    file: origin.clone(),
                    values: numbers.len(),
                });
            }
        }
        let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
        for number in &values {
            *kinds.entry(table.kinds[*number as usize - 1]).or_default() += 1;
        }
        RedactionSummary {
            enabled: self.enabled,
            masked_values: values.len(),
            kinds: kinds
                .into_iter()
                .map(|(kind, values)| MaskedKind {
                    kind: kind.to_string(),
                    values,
                })
                .collect(),
            files,
        }
    }
}

impl Table {
    fn number_of(&mut self, value: &str, kind: &'static str) -> u32 {
        if let Some(n) = self.numbers.get(value) {
            return *n;
        }
        self.kinds.push(kind);
        let number = self.kinds.len() as u32;
        self.numbers.insert(value.to_string(), number);
        if propagates(value, kind) && self.propagated.len() < MAX_PROPAGATED {
            self.propagated.push(value.to_string());
            self.finder_is_stale = true;
        }
        number
    }

    /// Rebuilds the finder of propagated values when one was added since.
    fn refresh_finder(&mut self) {
        if self.finder_is_stale {
            self.propagated_finder = AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&self.propagated)
                .ok();
            self.finder_is_stale = false;
        }
    }
}

/// Long, not a plain word, and found with confidence: `hunter22` after
/// `PASSWORD=` is masked wherever it appears again; `postgres` (a password
/// as often as a user and a host) is not, nor is what follows `-p` (a
/// password to mysql, a project name to compose) or a `SESSION_…` setting.
fn propagates(value: &str, kind: &str) -> bool {
    kind != structure::SHORT_FLAG
        && kind != structure::WEAKLY_SECRET_NAMED
        && value.len() >= MIN_PROPAGATED_LEN
        && value.chars().any(|c| c.is_ascii_digit())
        && value.chars().any(|c| c.is_alphabetic())
}

fn placeholder(number: u32) -> String {
    format!("{PLACEHOLDER_PREFIX}{number}]")
}

/// What the report says about redaction: counts, kinds and files, never a value.
#[derive(Debug, Clone, Default, Serialize, JsonSchema, PartialEq, Eq)]
pub struct RedactionSummary {
    /// False with `--no-redact`: the report holds secrets as found.
    pub enabled: bool,
    /// Distinct values masked.
    pub masked_values: usize,
    pub kinds: Vec<MaskedKind>,
    pub files: Vec<MaskedIn>,
}

#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq, Eq)]
pub struct MaskedKind {
    pub kind: String,
    pub values: usize,
}

#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq, Eq)]
pub struct MaskedIn {
    pub file: String,
    pub values: usize,
}

/// Numbers placeholders `[secret-1]`, `[secret-2]`… in the order they
/// first appear in a report (its serialised model, then any text rendered
/// beside it), so every format uses the same numbers and the same evidence
/// always gives the same report.
#[derive(Debug, Default)]
pub struct Renumbering {
    order: HashMap<String, u32>,
}

impl Renumbering {
    pub fn value(&mut self, value: &mut Value) {
        match value {
            Value::String(s) if s.contains(PLACEHOLDER_PREFIX) => *s = self.text(s),
            Value::Array(items) => items.iter_mut().for_each(|v| self.value(v)),
            Value::Object(map) => map.values_mut().for_each(|v| self.value(v)),
            _ => {}
        }
    }

    pub fn text(&mut self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(at) = rest.find(PLACEHOLDER_PREFIX) {
            out.push_str(&rest[..at]);
            let after = &rest[at + PLACEHOLDER_PREFIX.len()..];
            let digits = after.bytes().take_while(u8::is_ascii_digit).count();
            if digits > 0 && after.as_bytes().get(digits) == Some(&b']') {
                let next = self.order.len() as u32 + 1;
                let number = *self
                    .order
                    .entry(after[..digits].to_string())
                    .or_insert(next);
                out.push_str(&placeholder(number));
                rest = &after[digits + 1..];
            } else {
                out.push_str(PLACEHOLDER_PREFIX);
                rest = after;
            }
        }
        out.push_str(rest);
        out
    }
}

#[cfg(test)]
mod tests;
