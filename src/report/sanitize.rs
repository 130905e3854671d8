//! The last gate before any output: every string of a report model, and
//! every line coroner prints to a terminal, passes here.
//!
//! - Secrets are masked once more ([`redact`]), so text the analyzer built
//!   around evidence (a title from a rule's capture) cannot leak one, and
//!   placeholders are numbered in reading order.
//! - Control characters, bidi overrides and invisible characters are shown
//!   as visible escapes (`\x1b`, `\u{202e}`) instead of being passed on to a
//!   terminal, a Markdown renderer or a browser.
//! - A string longer than [`MAX_FIELD_CHARS`] is cut, and the cut says how
//!   much was left out, so one hostile field cannot make a huge report.
//!
//! Escaping for a format's own syntax (Markdown, HTML) is the renderer's job.
//!
//! Outputs that are not rendered from the model as a whole (CI annotations,
//! step outputs, JUnit) read what they show from [`Shown`]: the findings read
//! back from the sanitised model itself, so they mask, escape and number
//! secrets exactly as the report beside them does.

use std::borrow::Cow;
use std::fmt::Write as _;

use serde::Deserialize;
use serde_json::Value;

use crate::analyze::Analysis;
use crate::evidence::redact::{self, Renumbering};
use crate::report::{sanitized_model, ReportError};

/// The longest string a report shows in one field.
pub const MAX_FIELD_CHARS: usize = 4000;

/// Makes every string of a serialised report safe to render; the
/// placeholders' numbers are kept in `numbers` for text rendered beside it.
pub fn model(value: &mut Value, numbers: &mut Renumbering) {
    visit(value);
    numbers.value(value);
}

/// Text coroner rendered itself (an SVG chart) around evidence strings:
/// secrets masked, hidden characters shown, placeholders numbered like the model's.
pub fn rendered(text: &str, numbers: &mut Renumbering) -> String {
    let masked = redact::text(text, redact::DERIVED);
    numbers.text(&visible(&masked, true))
}

/// The key of fingerprints (`kind:service:subject`), whose colons separate
/// parts: `webhook:libssl.so.3` is a service and a library, not a secret
/// named `webhook`. Each part is masked on its own.
const FINGERPRINT: &str = "fingerprint";

fn visit(value: &mut Value) {
    visit_field(value, false);
}

fn visit_field(value: &mut Value, fingerprint: bool) {
    match value {
        Value::String(s) => {
            let masked = if fingerprint {
                let parts: Vec<Cow<'_, str>> = s
                    .split(':')
                    .map(|part| redact::text(part, redact::DERIVED))
                    .collect();
                if parts.iter().all(|p| matches!(p, Cow::Borrowed(_))) {
                    Cow::Borrowed(s.as_str())
                } else {
                    Cow::Owned(parts.join(":"))
                }
            } else {
                redact::text(s, redact::DERIVED)
            };
            let shown = visible(&masked, true);
            let cut = cut(&shown);
            if let Cow::Owned(new) = cut {
                *s = new;
            } else if let Cow::Owned(new) = shown {
                *s = new;
            } else if let Cow::Owned(new) = masked {
                *s = new;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|i| visit_field(i, fingerprint)),
        Value::Object(map) => map
            .iter_mut()
            .for_each(|(key, v)| visit_field(v, key == FINGERPRINT || key == "fingerprints")),
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

/// Text for one terminal line: secrets masked, every control character,
/// line break included, shown as an escape.
pub fn terminal(text: &str) -> String {
    let masked = redact::text(text, redact::DERIVED);
    visible(&masked, false).into_owned()
}

/// A message of several lines for the terminal (an error with its
/// cause): like [`terminal`], but its line breaks are kept.
pub fn terminal_message(text: &str) -> String {
    let masked = redact::text(text, redact::DERIVED);
    visible(&masked, true).into_owned()
}

/// Whether a character must not reach an output as it is.
fn hidden(c: char, keep_newlines: bool) -> bool {
    match c {
        '\n' => !keep_newlines,
        '\t' => false,
        // C0, DEL, C1.
        '\0'..='\x1f' | '\x7f'..='\u{9f}' => true,
        // Bidi embeddings, overrides, isolates and marks (the "Trojan
        // Source" characters), line and paragraph separators, zero-width
        // characters and the byte-order mark.
        '\u{061c}'
        | '\u{200b}'..='\u{200f}'
        | '\u{2028}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}' => true,
        '\u{feff}' => true,
        // Noncharacters: never text, and the only characters left that
        // XML 1.0 forbids (the JUnit report is XML).
        '\u{fffe}' | '\u{ffff}' => true,
        _ => false,
    }
}

/// Shows hidden characters as escapes; `\r\n` becomes a line break when
/// line breaks are kept.
pub fn visible(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    if !text.chars().any(|c| hidden(c, keep_newlines)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && keep_newlines && chars.peek() == Some(&'\n') {
            continue;
        }
        if !hidden(c, keep_newlines) {
            out.push(c);
        } else if (c as u32) < 0x100 {
            let _ = write!(out, "\\x{:02x}", c as u32);
        } else {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
    }
    Cow::Owned(out)
}

/// What a report shows of an analysis, every string as it passed this gate.
#[derive(Debug, Clone, Deserialize)]
pub struct Shown {
    /// `root-cause-identified`, `suspected`, `healthy` or `inconclusive`.
    pub verdict: String,
    pub about: ShownAbout,
    pub status: ShownStatus,
    pub summary: ShownSummary,
    /// Ranked, the top root cause first.
    pub root_causes: Vec<ShownFinding>,
    pub symptoms: Vec<ShownFinding>,
    /// Seen in services that stayed healthy, so not blamed.
    pub dismissed: Vec<ShownFinding>,
    pub services: Vec<ShownService>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ShownAbout {
    pub host: Option<String>,
    pub since: Option<String>,
    pub until: Option<String>,
    pub engine_version: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ShownStatus {
    pub label: String,
    pub sentence: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ShownSummary {
    pub headline: String,
}

/// A root cause, a symptom or a dismissed finding.
#[derive(Debug, Clone, Deserialize)]
pub struct ShownFinding {
    pub kind: String,
    pub service: String,
    pub title: String,
    pub evidence: Vec<ShownQuote>,
    pub remediation: ShownRemediation,
    /// A root cause's rank.
    pub rank: Option<usize>,
    /// A symptom's: the rank of the root cause that explains it.
    pub explained_by: Option<usize>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ShownQuote {
    pub source: String,
    pub line: Option<u64>,
    pub timestamp: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ShownRemediation {
    pub summary: String,
}

/// A row of the services table.
#[derive(Debug, Clone, Deserialize)]
pub struct ShownService {
    pub container: String,
    pub state: String,
    pub health: String,
    pub restarts: u64,
    pub exit_code: Option<i64>,
    pub failing: bool,
}

impl ShownQuote {
    /// `docker/containers/api.log:56`, or the source alone when the quote
    /// has no line (an inspect field).
    pub fn location(&self) -> String {
        match self.line {
            Some(line) => format!("{}:{line}", self.source),
            None => self.source.clone(),
        }
    }
}

/// Reads back what the JSON report shows of `analysis`: the same model,
/// sanitised once, whatever output is made of it.
pub fn shown(analysis: &Analysis) -> Result<Shown, ReportError> {
    let (model, _) = sanitized_model(analysis)?;
    Ok(serde_json::from_value(model)?)
}

/// Cuts a string to [`MAX_FIELD_CHARS`], marking the cut.
fn cut(text: &str) -> Cow<'_, str> {
    match text.char_indices().nth(MAX_FIELD_CHARS) {
        None => Cow::Borrowed(text),
        Some((at, _)) => {
            let left = text[at..].chars().count();
            Cow::Owned(format!("{}… [cut: {left} more characters]", &text[..at]))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{render, Format};

    #[test]
    fn controls_and_bidi_become_visible_escapes() {
        assert_eq!(
            visible("a\x1b]0;title\x07b\u{202e}c\u{9b}2J\0", true),
            "a\\x1b]0;title\\x07b\\u{202e}c\\x9b2J\\x00"
        );
        assert_eq!(visible("one\r\ntwo\rthree", true), "one\ntwo\\x0dthree");
        assert_eq!(terminal("name\nsecond line"), "name\\x0asecond line");
        assert!(matches!(visible("plain text é", true), Cow::Borrowed(_)));
    }

    #[test]
    fn long_fields_are_cut_with_the_cut_marked() {
        let mut v = serde_json::json!({"output": "é".repeat(MAX_FIELD_CHARS + 10)});
        model(&mut v, &mut Renumbering::default());
        let shown = v["output"].as_str().unwrap();
        assert!(
            shown.ends_with("… [cut: 10 more characters]"),
            "{}",
            &shown[shown.len() - 40..]
        );
    }

    #[test]
    fn shown_findings_are_the_sanitised_report_s() {
        let (_, mut analysis) = crate::analyze::summary::sample::incident();
        let top = &mut analysis.root_causes[0].finding;
        top.title = "token ghp_0123456789abcdefghijABCDEFGHIJ012345 \x1b]0;x\x07 \u{fffe}".into();
        top.evidence[0].text = "ok\u{202e}".into();
        let shown = shown(&analysis).unwrap();
        let json: Value = serde_json::from_str(&render(&analysis, Format::Json).unwrap()).unwrap();
        assert_eq!(shown.root_causes[0].title, json["root_causes"][0]["title"]);
        assert_eq!(
            shown.root_causes[0].title,
            "token [secret-1] \\x1b]0;x\\x07 \\u{fffe}"
        );
        assert_eq!(shown.root_causes[0].evidence[0].text, "ok\\u{202e}");
        assert_eq!(shown.root_causes.len(), analysis.root_causes.len());
        assert_eq!(shown.symptoms[0].explained_by, Some(1));
        assert_eq!(shown.verdict, "root-cause-identified");
    }

    #[test]
    fn secrets_the_analyzer_built_into_text_are_masked() {
        let mut v =
            serde_json::json!({"title": "token ghp_0123456789abcdefghijABCDEFGHIJ012345 rejected"});
        model(&mut v, &mut Renumbering::default());
        assert_eq!(v["title"], "token [secret-1] rejected");
    }

    /// Real fingerprints: a service named like a secret (`webhook`) before a
    /// library is no `name: value` pair; a token as a part is still masked.
    #[test]
    fn fingerprint_parts_are_masked_one_by_one() {
        let mut v = serde_json::json!({
            "fingerprint": "missing-shared-library:webhook:libssl.so.3",
            "fingerprints": ["auth:api:ghp_0123456789abcdefghijABCDEFGHIJ012345"],
            "title": "webhook: libssl3x9",
        });
        model(&mut v, &mut Renumbering::default());
        assert_eq!(
            v["fingerprint"],
            "missing-shared-library:webhook:libssl.so.3"
        );
        assert_eq!(v["fingerprints"][0], "auth:api:[secret-1]");
        assert_eq!(
            v["title"], "webhook: [secret-2]",
            "elsewhere the pair is a secret"
        );
    }
}
