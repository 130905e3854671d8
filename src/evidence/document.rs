//! JSON documents from a bundle (inspect output, events, `bundle.json`,
//! probes), read the one way every one of them is read:
//!
//! 1. parsed as untyped JSON, so a syntax error is the only thing that can
//!    reject a whole file;
//! 2. passed through the redaction engine, every string and key of it;
//! 3. turned into coroner's types item by item and field by field: a field
//!    of the wrong type (`RestartCount: "10"`, `State: null`) is dropped with
//!    a warning naming it, and the rest of the item is kept.

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::redact;
use crate::locale::Text;

/// A field is dropped at most this many times per item before the item is given up.
const MAX_DROPPED_FIELDS: usize = 64;

/// What came out of one document: its items, and a warning per field dropped.
#[derive(Debug)]
pub struct Parsed<T> {
    pub items: Vec<T>,
    pub warnings: Vec<Text>,
}

/// Reads a document that holds one item or an array of them.
pub fn items<T: DeserializeOwned>(
    text: &str,
    origin: &str,
) -> Result<Parsed<T>, serde_json::Error> {
    let mut value: Value = serde_json::from_str(text)?;
    redact::engine().json(&mut value, origin);
    let values = match value {
        Value::Array(items) => items,
        one => vec![one],
    };
    let mut parsed = Parsed {
        items: Vec::with_capacity(values.len()),
        warnings: Vec::new(),
    };
    let many = values.len() > 1;
    for (index, value) in values.into_iter().enumerate() {
        let prefix = if many {
            format!("[{index}].")
        } else {
            String::new()
        };
        if let Some(item) = tolerant(value, &prefix, &mut parsed.warnings) {
            parsed.items.push(item);
        }
    }
    Ok(parsed)
}

/// Reads a document that is exactly one item.
pub fn one<T: DeserializeOwned>(text: &str, origin: &str) -> Result<(T, Vec<Text>), String> {
    let mut value: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    redact::engine().json(&mut value, origin);
    let mut warnings = Vec::new();
    match tolerant(value, "", &mut warnings) {
        Some(item) => Ok((item, warnings)),
        None => Err(warnings
            .iter()
            .map(Text::to_string)
            .collect::<Vec<_>>()
            .join("; ")),
    }
}

/// Turns a JSON value into `T`, dropping each field that does not fit.
pub fn tolerant<T: DeserializeOwned>(
    mut value: Value,
    prefix: &str,
    warnings: &mut Vec<Text>,
) -> Option<T> {
    for _ in 0..MAX_DROPPED_FIELDS {
        let error = match serde_path_to_error::deserialize::<_, T>(&value) {
            Ok(item) => return Some(item),
            Err(e) => e,
        };
        let path: Vec<serde_path_to_error::Segment> = error.path().iter().cloned().collect();
        let message = reword(&error.inner().to_string());
        if path.is_empty() || !remove(&mut value, &path) {
            warnings.push(
                Text::msg("analysis-problem-item-ignored")
                    .with("field", format!("{prefix}{}", shown(error.path())))
                    .with("error", message),
            );
            return None;
        }
        warnings.push(
            Text::msg("analysis-problem-field-ignored")
                .with("field", format!("{prefix}{}", error.path()))
                .with("error", message),
        );
    }
    warnings.push(Text::msg("analysis-problem-too-many-fields").with("item", prefix));
    None
}

fn shown(path: &serde_path_to_error::Path) -> String {
    let text = path.to_string();
    if text == "." {
        "(document)".to_string()
    } else {
        text
    }
}

/// `invalid type: string "10", expected u64` → `expected a number, got string "10"`.
pub fn reword(message: &str) -> String {
    let Some(rest) = message.strip_prefix("invalid type: ") else {
        return message.to_string();
    };
    let Some((got, expected)) = rest.rsplit_once(", expected ") else {
        return message.to_string();
    };
    let expected = match expected {
        "u8" | "u16" | "u32" | "u64" | "i8" | "i16" | "i32" | "i64" | "f32" | "f64" => "a number",
        "a boolean" | "a string" => expected,
        other => other,
    };
    format!("expected {expected}, got {got}")
}

/// Removes the value at `path`; false when the path does not lead anywhere.
fn remove(value: &mut Value, path: &[serde_path_to_error::Segment]) -> bool {
    use serde_path_to_error::Segment;
    let Some((last, parents)) = path.split_last() else {
        return false;
    };
    let mut at = value;
    for segment in parents {
        at = match (segment, at) {
            (Segment::Map { key }, Value::Object(map)) => match map.get_mut(key) {
                Some(v) => v,
                None => return false,
            },
            (Segment::Seq { index }, Value::Array(items)) => match items.get_mut(*index) {
                Some(v) => v,
                None => return false,
            },
            _ => return false,
        };
    }
    match (last, at) {
        (Segment::Map { key }, Value::Object(map)) => map.remove(key).is_some(),
        (Segment::Seq { index }, Value::Array(items)) if *index < items.len() => {
            items.remove(*index);
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug, Default)]
    #[serde(rename_all = "PascalCase", default)]
    struct Item {
        name: String,
        restart_count: u64,
        state: State,
        env: Vec<String>,
    }

    #[derive(serde::Deserialize, Debug, Default)]
    #[serde(rename_all = "PascalCase", default)]
    struct State {
        running: bool,
        exit_code: i64,
    }

    #[test]
    fn a_wrong_field_is_dropped_and_named_and_the_item_kept() {
        let parsed: Parsed<Item> = items(
            r#"[{"Name":"api","RestartCount":"10","State":null,"Env":["A=1",2,"B=2"]},
                {"Name":"db","State":{"Running":true,"ExitCode":"x"}}]"#,
            "t.json",
        )
        .unwrap();
        assert_eq!(parsed.items.len(), 2);
        assert_eq!(parsed.items[0].name, "api");
        assert_eq!(parsed.items[0].env, ["A=1", "B=2"]);
        assert!(parsed.items[1].state.running);
        let mut warnings: Vec<String> = parsed.warnings.iter().map(Text::to_string).collect();
        warnings.sort();
        assert_eq!(
            warnings,
            [
                "[0].Env[1]: expected a string, got integer `2`; field ignored",
                "[0].RestartCount: expected a number, got string \"10\"; field ignored",
                "[0].State: expected struct State, got null; field ignored",
                "[1].State.ExitCode: expected a number, got string \"x\"; field ignored",
            ]
        );
    }

    #[test]
    fn an_item_that_is_not_an_object_is_ignored_with_a_warning() {
        let parsed: Parsed<Item> = items(r#"[{"Name":"api"}, 42]"#, "t.json").unwrap();
        assert_eq!(parsed.items.len(), 1);
        assert_eq!(parsed.warnings.len(), 1, "{:?}", parsed.warnings);
        assert_eq!(
            parsed.warnings[0].to_string(),
            "[1].(document): expected struct Item, got integer `42`; item ignored"
        );
        assert_eq!(
            crate::locale::get("fr").unwrap().text(&parsed.warnings[0]),
            "[1].(document)\u{a0}: expected struct Item, got integer `42`\u{202f}; élément ignoré"
        );
    }

    #[test]
    fn secrets_are_masked_before_any_type_sees_them() {
        let parsed: Parsed<Item> =
            items(r#"{"Name":"api","Env":["DB_PASSWORD=hunter2"]}"#, "t.json").unwrap();
        assert!(parsed.items[0].env[0].starts_with("DB_PASSWORD=[secret-"));
    }
}
