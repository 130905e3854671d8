//! [`Text`]: a sentence for people, kept as a catalogue id and its
//! arguments until a report is written in a language.
//!
//! The analyzer builds `Text`s and never a sentence; [`super::Localizer`]
//! turns them into words. A `Text` serialises as the words of the language
//! the report is being written in ([`super::in_language`]), English outside
//! a report, so every model field that holds one reaches the JSON and the
//! templates already translated.

use std::borrow::Cow;
use std::fmt;

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Serialize, Serializer};

/// A sentence (or a label) for people.
#[derive(Debug, Clone, PartialEq)]
pub enum Text {
    /// A message of the catalogue (`locales/<lang>/*.ftl`): its id, or
    /// `id.attribute`, and its named arguments.
    Message {
        id: Cow<'static, str>,
        args: Vec<(Cow<'static, str>, Arg)>,
    },
    /// Words that are not coroner's to translate: the title a rule added
    /// with `--rules` was written with.
    Verbatim(String),
}

/// A value a message shows. Evidence (`Code`) is inserted as it is, never
/// translated; numbers, moments and durations are written the language's way.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// A value from the evidence or a name: a service, a module, a path.
    Code(String),
    /// A count or a measure; selects plural forms.
    Number { value: f64, decimals: u8 },
    /// A count written without group separators (`1296`), as the sentences
    /// that always printed it bare do; selects plural forms too.
    Ungrouped(u64),
    /// A ratio (0.5) shown as a percentage with this many decimals.
    Percent { ratio: f64, decimals: u8 },
    /// A moment, written as a date and time in UTC.
    Moment(DateTime<Utc>),
    /// The time of day only.
    Clock(DateTime<Utc>),
    /// A span of time, in seconds.
    Duration(f64),
    /// Another message, written in the same language.
    Text(Box<Text>),
    /// Messages joined as a list (`a, b and c`).
    List(Vec<Text>),
    /// Another message inside a sentence: its closing period dropped and,
    /// when `lower`, its first letter lower-cased unless its first word
    /// looks like a name (`ModuleNotFoundError`, `LOG_LEVEL`, `mcp-api`).
    /// A finding's title becomes part of a sentence this way.
    Clause { text: Box<Text>, lower: bool },
}

impl Text {
    /// The message `id`, without arguments yet.
    pub fn msg(id: impl Into<Cow<'static, str>>) -> Text {
        Text::Message {
            id: id.into(),
            args: Vec::new(),
        }
    }

    /// Adds a named argument.
    pub fn with(mut self, name: impl Into<Cow<'static, str>>, value: impl Into<Arg>) -> Text {
        if let Text::Message { args, .. } = &mut self {
            args.push((name.into(), value.into()));
        }
        self
    }

    /// `items` joined pairwise, first to last, by the message `id`, which
    /// shows `{ $first }` then `{ $rest }` (`a, b, c` or `a; b; c`);
    /// `None` when there are none.
    pub fn chain(id: &'static str, items: Vec<Text>) -> Option<Text> {
        items
            .into_iter()
            .rev()
            .reduce(|rest, first| Text::msg(id).with("first", first).with("rest", rest))
    }

    /// The message id, or `None` for verbatim words.
    pub fn id(&self) -> Option<&str> {
        match self {
            Text::Message { id, .. } => Some(id),
            Text::Verbatim(_) => None,
        }
    }

    /// The argument `name`, if the message has it.
    pub fn arg(&self, name: &str) -> Option<&Arg> {
        match self {
            Text::Message { args, .. } => args.iter().find(|(n, _)| *n == name).map(|(_, a)| a),
            Text::Verbatim(_) => None,
        }
    }

    /// The words in the language of the report being written (English
    /// outside one).
    pub fn render(&self) -> String {
        super::current().text(self)
    }
}

impl Arg {
    pub fn count(n: impl TryInto<u64>) -> Arg {
        Arg::Number {
            value: n.try_into().unwrap_or(u64::MAX) as f64,
            decimals: 0,
        }
    }

    pub fn decimal(value: f64, decimals: u8) -> Arg {
        Arg::Number { value, decimals }
    }

    pub fn percent(ratio: f64, decimals: u8) -> Arg {
        Arg::Percent { ratio, decimals }
    }

    /// `text` without its closing period; see [`Arg::Clause`].
    pub fn clause(text: Text) -> Arg {
        Arg::Clause {
            text: Box::new(text),
            lower: false,
        }
    }

    /// `text` without its closing period and with a lower-case first
    /// letter; see [`Arg::Clause`].
    pub fn lower_clause(text: Text) -> Arg {
        Arg::Clause {
            text: Box::new(text),
            lower: true,
        }
    }
}

/// The words of a sentence made part of another; see [`Arg::Clause`].
pub(super) fn clause(words: &str, lower: bool) -> String {
    let words = words.trim().trim_end_matches('.');
    let first_word = words.split_whitespace().next().unwrap_or("");
    let is_name = first_word.chars().skip(1).any(|c| c.is_uppercase())
        || first_word.contains(['_', '-', '.', '/', ':']);
    let mut chars = words.chars();
    match chars.next() {
        Some(c) if lower && !is_name => c.to_lowercase().chain(chars).collect(),
        _ => words.to_string(),
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Code(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Code(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Code(s.clone())
    }
}
impl From<Text> for Arg {
    fn from(t: Text) -> Arg {
        Arg::Text(Box::new(t))
    }
}
impl From<Vec<Text>> for Arg {
    fn from(list: Vec<Text>) -> Arg {
        Arg::List(list)
    }
}
impl From<DateTime<Utc>> for Arg {
    fn from(t: DateTime<Utc>) -> Arg {
        Arg::Moment(t)
    }
}
macro_rules! count_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Number { value: n as f64, decimals: 0 }
            }
        }
    )*};
}
count_arg!(u8, u16, u32, u64, usize, i32, i64);

/// Words from outside the catalogue; see [`Text::Verbatim`].
impl From<String> for Text {
    fn from(s: String) -> Text {
        Text::Verbatim(s)
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text::Verbatim(s.to_string())
    }
}

impl From<&String> for Text {
    fn from(s: &String) -> Text {
        Text::Verbatim(s.clone())
    }
}

/// No words: an empty field.
impl Default for Text {
    fn default() -> Text {
        Text::Verbatim(String::new())
    }
}

/// Compares the English words: what tests and English-only callers mean.
impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.render() == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        self.render() == *other
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render())
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.render())
    }
}

impl JsonSchema for Text {
    fn schema_name() -> Cow<'static, str> {
        String::schema_name()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        String::json_schema(generator)
    }
    fn inline_schema() -> bool {
        true
    }
}
