//! Compose's variable interpolation and the `.env` file it reads.
//!
//! The syntax is the compose specification's (docs.docker.com/reference/
//! compose-file/interpolation/): `$VAR`, `${VAR}`, `${VAR:-default}`,
//! `${VAR-default}`, `${VAR:?message}`, `${VAR?message}`, `${VAR:+other}`,
//! `${VAR+other}`, and `$$` for a literal `$`. Values come from the project's
//! `.env` only: the shell that ran compose is not in the bundle. Values are
//! secrets as far as coroner knows; this module substitutes them and never
//! shows one (what it reports are variable names).

use std::collections::BTreeMap;

/// `.env`: `NAME=value` lines, `#` comments, optional `export `, values
/// optionally quoted.
pub fn parse_env_file(text: &str) -> BTreeMap<String, String> {
    let mut vars = BTreeMap::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let line = line.strip_prefix("export ").unwrap_or(line);
        let Some((name, value)) = line.split_once('=') else {
            continue;
        };
        let value = value.trim();
        let value = ['"', '\'']
            .iter()
            .find_map(|q| {
                value
                    .strip_prefix(*q)
                    .and_then(|v| v.strip_suffix(*q))
                    .map(str::to_string)
            })
            .unwrap_or_else(|| {
                // An unquoted value ends at ` #`.
                value
                    .split_once(" #")
                    .map_or(value, |(v, _)| v)
                    .trim_end()
                    .to_string()
            });
        vars.insert(name.trim().to_string(), value);
    }
    vars
}

/// What went wrong substituting one string: the variable's name and why.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unresolved {
    /// Not set and no default: compose substitutes an empty string.
    NotSet(String),
    /// `${VAR:?message}` and the variable is unset (or empty).
    Required(String, String),
    /// `${` without its `}`.
    Unterminated,
}

/// Substitutes the variables in `text`; what could not be resolved is
/// listed, and substituted as compose does (an empty string).
pub fn interpolate(text: &str, vars: &BTreeMap<String, String>) -> (String, Vec<Unresolved>) {
    let mut out = String::with_capacity(text.len());
    let mut problems = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find('$') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        if let Some(tail) = after.strip_prefix('$') {
            out.push('$');
            rest = tail;
        } else if let Some(braced) = after.strip_prefix('{') {
            let Some(end) = closing_brace(braced) else {
                problems.push(Unresolved::Unterminated);
                out.push_str(&rest[at..]);
                return (out, problems);
            };
            out.push_str(&expand(&braced[..end], vars, &mut problems));
            rest = &braced[end + 1..];
        } else {
            let len = after
                .char_indices()
                .find(|(i, c)| {
                    !(c.is_ascii_alphanumeric() || *c == '_') || (*i == 0 && c.is_ascii_digit())
                })
                .map_or(after.len(), |(i, _)| i);
            if len == 0 {
                out.push('$');
                rest = after;
                continue;
            }
            let name = &after[..len];
            match vars.get(name) {
                Some(v) => out.push_str(v),
                None => problems.push(Unresolved::NotSet(name.to_string())),
            }
            rest = &after[len..];
        }
    }
    out.push_str(rest);
    (out, problems)
}

/// The `}` that closes a `${`, allowing nested `${...}` in a default.
fn closing_brace(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => return Some(i),
            '}' => depth -= 1,
            _ => {}
        }
    }
    None
}

fn expand(inner: &str, vars: &BTreeMap<String, String>, problems: &mut Vec<Unresolved>) -> String {
    let name_len = inner
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(inner.len());
    let (name, op) = inner.split_at(name_len);
    let value = vars.get(name);
    let set_non_empty = value.is_some_and(|v| !v.is_empty());
    let mut nested = |text: &str| {
        let (v, more) = interpolate(text, vars);
        problems.extend(more);
        v
    };
    if let Some(default) = op.strip_prefix(":-") {
        return if set_non_empty {
            value.cloned().unwrap_or_default()
        } else {
            nested(default)
        };
    }
    if let Some(default) = op.strip_prefix('-') {
        return value.cloned().unwrap_or_else(|| nested(default));
    }
    if let Some(message) = op.strip_prefix(":?") {
        if !set_non_empty {
            problems.push(Unresolved::Required(name.to_string(), message.to_string()));
        }
        return value.cloned().unwrap_or_default();
    }
    if let Some(message) = op.strip_prefix('?') {
        if value.is_none() {
            problems.push(Unresolved::Required(name.to_string(), message.to_string()));
        }
        return value.cloned().unwrap_or_default();
    }
    if let Some(other) = op.strip_prefix(":+") {
        return if set_non_empty {
            nested(other)
        } else {
            String::new()
        };
    }
    if let Some(other) = op.strip_prefix('+') {
        return if value.is_some() {
            nested(other)
        } else {
            String::new()
        };
    }
    match value {
        Some(v) => v.clone(),
        None => {
            problems.push(Unresolved::NotSet(name.to_string()));
            String::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn substitutes_as_compose_does() {
        let v = vars(&[("PORT", "18090"), ("EMPTY", ""), ("TAG", "1.2")]);
        let cases = [
            ("${PORT}:80", "18090:80", vec![]),
            ("$PORT:80", "18090:80", vec![]),
            ("${MISSING:-8080}:80", "8080:80", vec![]),
            ("${EMPTY:-x}", "x", vec![]),
            ("${EMPTY-x}", "", vec![]),
            ("shop:${TAG:-latest}", "shop:1.2", vec![]),
            ("cost $$5", "cost $5", vec![]),
            ("${NOPE}", "", vec![Unresolved::NotSet("NOPE".into())]),
            (
                "${NOPE:?set it}",
                "",
                vec![Unresolved::Required("NOPE".into(), "set it".into())],
            ),
            ("${TAG:+tagged}", "tagged", vec![]),
            ("${A:-${TAG}}", "1.2", vec![]),
            ("${PORT", "${PORT", vec![Unresolved::Unterminated]),
            ("a $ b", "a $ b", vec![]),
        ];
        for (input, expected, problems) in cases {
            assert_eq!(
                interpolate(input, &v),
                (expected.to_string(), problems),
                "{input}"
            );
        }
    }

    #[test]
    fn env_files_read_like_compose_reads_them() {
        let parsed = parse_env_file(
            "# settings\nexport A=1\nB=\"two words\"\nC='x#y'\nD=plain # comment\n\nnot a line\n",
        );
        assert_eq!(
            parsed,
            vars(&[("A", "1"), ("B", "two words"), ("C", "x#y"), ("D", "plain")])
        );
    }
}
