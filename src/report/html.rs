//! The HTML template's filters of its own: `prose`, for the sentences the
//! analyzer writes (it escapes the text exactly as autoescape would and
//! shows text between a pair of backticks as `<code>`, like the Markdown
//! report does; its output is HTML, so tera does not escape it again), and
//! `url_path`, a relative link target percent-encoded as in Markdown (then
//! HTML-escaped by autoescape like any value), and `code`, a value escaped
//! inside `<code>`, for a code argument of a catalogue message.

use std::collections::HashMap;

use tera::{Tera, Value};

use super::markdown::{backtick_segments, link_target, Segment};

pub fn register(tera: &mut Tera) {
    tera.register_filter("prose", Prose);
    tera.register_filter("url_path", |v: &Value, _: &HashMap<String, Value>| {
        Ok(Value::String(link_target(v.as_str().unwrap_or_default())))
    });
    tera.register_filter("code", Code);
}

/// `<code>…</code>` around the escaped value: a code argument of a message
/// the template then marks safe.
struct Code;

impl tera::Filter for Code {
    fn filter(&self, value: &Value, _: &HashMap<String, Value>) -> tera::Result<Value> {
        let text = match value {
            Value::String(s) => s.clone(),
            Value::Null => String::new(),
            other => other.to_string(),
        };
        Ok(Value::String(format!(
            "<code>{}</code>",
            tera::escape_html(&text)
        )))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

struct Prose;

impl tera::Filter for Prose {
    fn filter(&self, value: &Value, _: &HashMap<String, Value>) -> tera::Result<Value> {
        let text = match value {
            Value::String(s) => s.as_str(),
            Value::Null => "",
            other => return Ok(Value::String(tera::escape_html(&other.to_string()))),
        };
        Ok(Value::String(prose(text)))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

/// Escaped text with `<code>` for backtick pairs and `<br>` for line breaks.
pub fn prose(text: &str) -> String {
    let lines: Vec<String> = text
        .lines()
        .map(|line| {
            backtick_segments(line)
                .into_iter()
                .map(|segment| match segment {
                    Segment::Plain(plain) => tera::escape_html(plain),
                    Segment::Code(code) => format!("<code>{}</code>", tera::escape_html(code)),
                })
                .collect()
        })
        .collect();
    lines.join("<br>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_escapes_everything_and_marks_code() {
        assert_eq!(
            prose("use `a<b>` & <script>"),
            "use <code>a&lt;b&gt;</code> &amp; &lt;script&gt;"
        );
        assert_eq!(prose("odd ` tick\nnext"), "odd ` tick<br>next");
    }
}
