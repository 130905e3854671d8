//! Markdown escaping for the templates, so evidence text can never break the
//! report's structure: a `|` in a log line must not split a table cell, a
//! backtick must not end a code span, and `<script>` must stay text.
//!
//! The Markdown template is rendered with autoescape on and [`cell`] as its
//! escape function, so a value printed without a filter is escaped too: no
//! field can reach the Markdown raw by forgetting a filter.
//!
//! Registered as tera filters by [`register`], each marked safe so its
//! output is not escaped twice:
//!
//! - `md_text`: prose on one line, Markdown-significant characters escaped.
//! - `md_cell`: a table cell; `md_cell(code=true)` shows it as code.
//! - `md_inline`: a code span.
//! - `md_code(lang="sh", indent=2)`: a fenced code block.
//! - `md_link`: a relative link target, percent-encoded.

use std::collections::HashMap;

use tera::{Tera, Value};

pub fn register(tera: &mut Tera) {
    tera.set_escape_fn(escape);
    tera.register_filter("md_text", escaping(|text, _| text_escape(text)));
    tera.register_filter(
        "md_cell",
        escaping(|text, args| {
            if flag(args, "code") {
                code_cell(text)
            } else {
                cell(text)
            }
        }),
    );
    tera.register_filter("md_inline", escaping(|text, _| code_span(text)));
    tera.register_filter("md_link", escaping(|text, _| link_target(text)));
    tera.register_filter(
        "md_code",
        escaping(|text, args| {
            let lang = args.get("lang").and_then(Value::as_str).unwrap_or("");
            let indent = args.get("indent").and_then(Value::as_u64).unwrap_or(0);
            fenced(text, lang, indent as usize)
        }),
    );
}

/// What autoescape does to a value printed without an `md_*` filter.
fn escape(text: &str) -> String {
    cell(text)
}

type Args = HashMap<String, Value>;

/// A string function as a tera filter whose output is already escaped
/// Markdown; numbers and booleans are shown as text, `null` as nothing, a
/// list one item a line.
struct Escaping<F>(F);

/// Wraps a string function as an [`Escaping`] filter (a function, so the
/// closure's argument types are inferred).
fn escaping<F: Fn(&str, &Args) -> String + Sync + Send>(f: F) -> Escaping<F> {
    Escaping(f)
}

impl<F: Fn(&str, &Args) -> String + Sync + Send> tera::Filter for Escaping<F> {
    fn filter(&self, value: &Value, args: &Args) -> tera::Result<Value> {
        let text = match value {
            Value::String(s) => s.clone(),
            Value::Null => String::new(),
            Value::Array(items) => items
                .iter()
                .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_string))
                .collect::<Vec<_>>()
                .join("\n"),
            other => other.to_string(),
        };
        Ok(Value::String((self.0)(&text, args)))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

fn flag(args: &Args, name: &str) -> bool {
    args.get(name).and_then(Value::as_bool).unwrap_or(false)
}

/// A relative link target: every byte but unreserved characters and `/`
/// percent-encoded (RFC 3986), so no file name can close the link, add a
/// title or become a `javascript:` URL (its colon is encoded).
pub fn link_target(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Escapes prose so it renders as the same text. Line breaks become `<br>`
/// so the text stays inside its list item, heading or cell. Text between a
/// pair of backticks (`set -o pipefail`) is shown as code.
pub fn text_escape(text: &str) -> String {
    prose(text, false)
}

fn prose(text: &str, in_table: bool) -> String {
    // Surrounding blank lines would start the output with `<br>`, which
    // Markdown reads as an HTML block when it opens a line.
    let lines: Vec<String> = text
        .trim_matches(|c: char| c.is_whitespace())
        .lines()
        .map(|line| {
            let mut out = String::with_capacity(line.len() + 8);
            for (i, segment) in backtick_segments(line).into_iter().enumerate() {
                match segment {
                    Segment::Code(code) if in_table => {
                        out.push_str(&code_span(code).replace('|', "\\|"))
                    }
                    Segment::Code(code) => out.push_str(&code_span(code)),
                    Segment::Plain(plain) => out.push_str(&escape_plain(plain, i == 0)),
                }
            }
            out
        })
        .collect();
    lines.join("<br>")
}

/// A piece of a line of prose: plain text, or code between backticks.
#[derive(Debug, PartialEq, Eq)]
pub enum Segment<'a> {
    Plain(&'a str),
    Code(&'a str),
}

/// Splits a line at its backticks when they pair up (an even number, none
/// doubled, none around nothing); otherwise the whole line is plain text
/// and its backticks are shown as they are.
pub fn backtick_segments(line: &str) -> Vec<Segment<'_>> {
    let parts: Vec<&str> = line.split('`').collect();
    let pairs_up = parts.len() > 1
        && parts.len() % 2 == 1
        && parts.iter().skip(1).step_by(2).all(|code| !code.is_empty());
    if !pairs_up {
        return vec![Segment::Plain(line)];
    }
    parts
        .into_iter()
        .enumerate()
        .filter(|(i, part)| i % 2 == 1 || !part.is_empty())
        .map(|(i, part)| {
            if i % 2 == 1 {
                Segment::Code(part)
            } else {
                Segment::Plain(part)
            }
        })
        .collect()
}

fn escape_plain(text: &str, line_start: bool) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        let at_start = line_start && i == 0;
        let escape = match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '|' | '~' => true,
            // Only a line's first character can open a heading or a quote.
            '>' | '#' => at_start,
            // An underscore inside a word cannot start emphasis: keep
            // LOG_LEVEL readable in the raw Markdown.
            '_' => {
                !(prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric))
            }
            '&' => starts_entity(&chars[i + 1..]),
            // `- x`, `+ x`, `---` and `===` open lists or underline headings.
            '-' | '+' | '=' => {
                at_start
                    && (next.is_none_or(|n| n == ' ') || chars.iter().all(|&x| x == c || x == ' '))
            }
            // `1. x` or `2) x` at the start of a line opens an ordered list.
            '.' | ')' => {
                line_start
                    && i > 0
                    && chars[..i].iter().all(char::is_ascii_digit)
                    && next.is_none_or(|n| n == ' ')
            }
            '!' => next == Some('['),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `&amp;` or `&#39;` would be read as an entity.
fn starts_entity(rest: &[char]) -> bool {
    let name_len = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .count();
    name_len > 0 && rest.get(name_len) == Some(&';')
}

/// A table cell: prose escaped, pipes escaped, no line breaks, no
/// surrounding spaces.
pub fn cell(text: &str) -> String {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return String::new();
    }
    prose(trimmed, true)
}

/// A table cell shown as code: one code span a line, joined by `<br>`. The
/// table, not the code span, owns `|`, so it is escaped inside the span too
/// (GitHub-flavoured Markdown tables spec, "include a pipe in a cell's
/// content by escaping it, including inside other inline spans").
pub fn code_cell(text: &str) -> String {
    text.trim()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| code_span(l).replace('|', "\\|"))
        .collect::<Vec<_>>()
        .join("<br>")
}

/// A code span whose backtick fence is longer than any run inside the text.
pub fn code_span(text: &str) -> String {
    let text = text.replace(['\r', '\n'], " ");
    if text.is_empty() {
        return String::new();
    }
    let fence = "`".repeat(longest_run(&text, '`') + 1);
    // A space keeps a leading or trailing backtick from joining the fence;
    // CommonMark strips one space on each side when both are there.
    let pad = text.starts_with('`')
        || text.ends_with('`')
        || (text.starts_with(' ') && text.ends_with(' ') && !text.trim().is_empty());
    if pad {
        format!("{fence} {text} {fence}")
    } else {
        format!("{fence}{text}{fence}")
    }
}

/// A fenced code block, the fence longer than any backtick run inside, each
/// line indented by `indent` spaces (to nest it in a list item).
pub fn fenced(text: &str, lang: &str, indent: usize) -> String {
    let fence = "`".repeat((longest_run(text, '`') + 1).max(3));
    let pad = " ".repeat(indent);
    let mut out = format!("{fence}{lang}\n");
    for line in text.trim_end_matches(['\n', '\r']).lines() {
        if !line.is_empty() {
            out.push_str(&pad);
        }
        out.push_str(line);
        out.push('\n');
    }
    out.push_str(&pad);
    out.push_str(&fence);
    out
}

fn longest_run(text: &str, c: char) -> usize {
    let mut longest = 0;
    let mut run = 0;
    for ch in text.chars() {
        if ch == c {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    longest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_escapes_what_markdown_would_interpret() {
        // Found by fuzzing (fuzz/fuzz_targets/escaping.rs): a leading line
        // break made the output open with `<br>`, an HTML block.
        assert_eq!(text_escape("\n "), "");
        assert_eq!(text_escape("\nabc\n"), "abc");
        assert_eq!(text_escape("LOG_LEVEL=info"), "LOG_LEVEL=info");
        assert_eq!(text_escape("_private_ *bold*"), "\\_private\\_ \\*bold\\*");
        assert_eq!(text_escape("# not a heading"), "\\# not a heading");
        assert_eq!(text_escape("1. not a list"), "1\\. not a list");
        assert_eq!(
            text_escape("127.0.0.1:80->8000/tcp"),
            "127.0.0.1:80->8000/tcp"
        );
        assert_eq!(text_escape("- not a list"), "\\- not a list");
        assert_eq!(text_escape("> not a quote"), "\\> not a quote");
        assert_eq!(text_escape("<script>"), "\\<script>");
        assert_eq!(text_escape("a &amp; b & c"), "a \\&amp; b & c");
        assert_eq!(text_escape("line one\nline two"), "line one<br>line two");
    }

    #[test]
    fn paired_backticks_become_code_and_odd_ones_stay_text() {
        assert_eq!(
            text_escape("run `set -o pipefail` *now*"),
            "run `set -o pipefail` \\*now\\*"
        );
        assert_eq!(text_escape("`a|b` then"), "`a|b` then");
        assert_eq!(cell("`a|b` then"), "`a\\|b` then");
        assert_eq!(text_escape("one ` backtick"), "one \\` backtick");
        assert_eq!(text_escape("empty `` pair"), "empty \\`\\` pair");
        assert_eq!(
            backtick_segments("x `y` z"),
            [
                Segment::Plain("x "),
                Segment::Code("y"),
                Segment::Plain(" z")
            ]
        );
    }

    #[test]
    fn code_spans_and_fences_outgrow_the_backticks_inside() {
        assert_eq!(code_span("plain"), "`plain`");
        assert_eq!(code_span("a `b` c"), "``a `b` c``");
        assert_eq!(code_span("`edge"), "`` `edge ``");
        assert_eq!(fenced("x\n```\ny", "", 0), "````\nx\n```\ny\n````");
        assert_eq!(fenced("a\n\nb", "sh", 3), "```sh\n   a\n\n   b\n   ```");
    }

    #[test]
    fn cells_never_hold_a_bare_pipe_or_line_break() {
        assert_eq!(cell("  a | b\nc  "), "a \\| b<br>c");
        assert_eq!(code_cell("x | y\nz"), "`x \\| y`<br>`z`");
    }
}
