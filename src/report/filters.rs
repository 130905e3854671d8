//! Tera filters that format values the same way in every template: moments,
//! spans, percentages and counts. They format; they never choose what to show.
//!
//! They write the report's language ([`locale::current`]); the examples are English.
//!
//! - `t(id=…, name=value…)`: a message of the catalogue (a function, not a filter)
//! - `when`: `2026-11-27T18:31:41.006Z` → `2026-11-27 18:31:41 UTC`
//! - `clock`: → `18:31:41`
//! - `span(until=…)`: `2026-11-27 18:31:41–18:32:10`, or one moment when
//!   `until` is null; never a zone, the templates say UTC once
//! - `duration`: seconds → `2 d 20 h`
//! - `fixed(digits=1)`: `50.04` → `50.0`
//! - `percent`: `0.9` → `90 %`
//! - `count`: `12345` → `12,345`

use std::collections::HashMap;

use tera::{Tera, Value};

use crate::evidence::time::parse_rfc3339;
use crate::locale::{self, Arg, Text};

pub fn register(tera: &mut Tera) {
    tera.register_function("t", message);
    tera.register_filter("when", |v: &Value, _: &HashMap<String, Value>| {
        Ok(moment(v, |t| locale::current().moment(t)))
    });
    tera.register_filter("clock", |v: &Value, _: &HashMap<String, Value>| {
        Ok(moment(v, |t| t.format("%H:%M:%S").to_string()))
    });
    tera.register_filter("span", |v: &Value, args: &HashMap<String, Value>| {
        let start = v.as_str().and_then(parse_rfc3339);
        let end = args
            .get("until")
            .and_then(Value::as_str)
            .and_then(parse_rfc3339);
        let words = locale::current();
        Ok(Value::String(match (start, end) {
            (Some(s), Some(e)) if e > s && s.date_naive() == e.date_naive() => {
                format!("{}–{}", words.timestamp(s), e.format("%H:%M:%S"))
            }
            (Some(s), Some(e)) if e > s => {
                format!("{}–{}", words.timestamp(s), words.timestamp(e))
            }
            (Some(s), _) => words.timestamp(s),
            (None, _) => String::new(),
        }))
    });
    tera.register_filter("duration", |v: &Value, _: &HashMap<String, Value>| {
        Ok(Value::String(
            v.as_f64()
                .map(|s| locale::current().duration(s))
                .unwrap_or_default(),
        ))
    });
    tera.register_filter("fixed", |v: &Value, args: &HashMap<String, Value>| {
        let digits = args.get("digits").and_then(Value::as_u64).unwrap_or(1) as u8;
        Ok(Value::String(
            v.as_f64()
                .map(|x| locale::current().decimal(x, digits))
                .unwrap_or_default(),
        ))
    });
    tera.register_filter("percent", |v: &Value, _: &HashMap<String, Value>| {
        Ok(Value::String(
            v.as_f64()
                .map(|r| locale::current().percent(r.clamp(0.0, 1.0), 0))
                .unwrap_or_default(),
        ))
    });
    tera.register_filter("count", |v: &Value, _: &HashMap<String, Value>| {
        Ok(Value::String(match v.as_u64() {
            Some(n) => locale::current().count(n),
            None => v.as_str().map(str::to_string).unwrap_or_default(),
        }))
    });
}

/// `t(id="report-heading-timeline", count=3)`: a message of the catalogue
/// in the report's language. Numbers select plural forms; strings are shown
/// as they are.
fn message(args: &HashMap<String, Value>) -> tera::Result<Value> {
    let id = args
        .get("id")
        .and_then(Value::as_str)
        .ok_or_else(|| tera::Error::msg("t() needs id=\"message-id\""))?;
    let mut text = Text::msg(id.to_string());
    let mut names: Vec<&String> = args.keys().filter(|k| *k != "id").collect();
    names.sort();
    for name in names {
        let arg = match &args[name] {
            Value::Number(n) if n.is_u64() || n.is_i64() => {
                Arg::decimal(n.as_f64().unwrap_or_default(), 0)
            }
            Value::Number(n) => Arg::decimal(n.as_f64().unwrap_or_default(), 1),
            Value::String(s) => Arg::Code(s.clone()),
            Value::Null => Arg::Code(String::new()),
            other => Arg::Code(other.to_string()),
        };
        text = text.with(name.clone(), arg);
    }
    Ok(Value::String(text.render()))
}
/// Formats an RFC 3339 value; anything else is shown as it is.
fn moment(v: &Value, format: impl Fn(chrono::DateTime<chrono::Utc>) -> String) -> Value {
    match v.as_str() {
        Some(text) => Value::String(parse_rfc3339(text).map_or_else(|| text.to_string(), format)),
        None => Value::String(String::new()),
    }
}
