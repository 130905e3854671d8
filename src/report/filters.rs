//! Tera filters that format values the same way in every template: moments,
//! spans, percentages and counts. They format; they never choose what to show.
//!
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

use crate::analyze::monitoring::describe_duration;
use crate::analyze::summary::{human_time, percent, thousands};
use crate::evidence::time::parse_rfc3339;

pub fn register(tera: &mut Tera) {
    tera.register_filter("when", |v: &Value, _: &HashMap<String, Value>| {
        Ok(moment(v, human_time))
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
        Ok(Value::String(match (start, end) {
            (Some(s), Some(e)) if e > s && s.date_naive() == e.date_naive() => {
                format!("{}–{}", s.format("%Y-%m-%d %H:%M:%S"), e.format("%H:%M:%S"))
            }
            (Some(s), Some(e)) if e > s => format!(
                "{}–{}",
                s.format("%Y-%m-%d %H:%M:%S"),
                e.format("%Y-%m-%d %H:%M:%S")
            ),
            (Some(s), _) => s.format("%Y-%m-%d %H:%M:%S").to_string(),
            (None, _) => String::new(),
        }))
    });
    tera.register_filter("duration", |v: &Value, _: &HashMap<String, Value>| {
        Ok(Value::String(
            v.as_f64().map(describe_duration).unwrap_or_default(),
        ))
    });
    tera.register_filter("fixed", |v: &Value, args: &HashMap<String, Value>| {
        let digits = args.get("digits").and_then(Value::as_u64).unwrap_or(1) as usize;
        Ok(Value::String(
            v.as_f64()
                .map(|x| format!("{x:.digits$}"))
                .unwrap_or_default(),
        ))
    });
    tera.register_filter("percent", |v: &Value, _: &HashMap<String, Value>| {
        Ok(Value::String(v.as_f64().map(percent).unwrap_or_default()))
    });
    tera.register_filter("count", |v: &Value, _: &HashMap<String, Value>| {
        Ok(Value::String(match v.as_u64() {
            Some(n) => thousands(n),
            None => v.as_str().map(str::to_string).unwrap_or_default(),
        }))
    });
}

/// Formats an RFC 3339 value; anything else is shown as it is.
fn moment(v: &Value, format: impl Fn(chrono::DateTime<chrono::Utc>) -> String) -> Value {
    match v.as_str() {
        Some(text) => Value::String(parse_rfc3339(text).map_or_else(|| text.to_string(), format)),
        None => Value::String(String::new()),
    }
}
