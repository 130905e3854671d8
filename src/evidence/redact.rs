//! Masks secrets as evidence enters coroner, so no report can leak them.
//!
//! Two shapes are masked: values of settings whose names look secret
//! (`DATABASE_PASSWORD=…`, `api_key: …`, `?access_token=…`) and credentials in
//! URLs (`postgresql://app:pw@db`). Names stay visible so the reader still
//! knows which setting was involved.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

pub const MASK: &str = "[REDACTED]";

/// Name fragments that mark a setting as secret, matched case-insensitively.
const SECRET_NAME_PARTS: &[&str] = &[
    "PASSWORD",
    "PASSWD",
    "SECRET",
    "TOKEN",
    "KEY",
    "CREDENTIAL",
    "AUTH",
    "PRIVATE",
    "SALT",
    "COOKIE",
    "SESSION",
    "DSN",
];

/// Whether an environment variable or setting name looks like it holds a secret.
pub fn is_secret_name(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    if upper == "PWD" || upper == "OLDPWD" {
        return false;
    }
    SECRET_NAME_PARTS.iter().any(|part| upper.contains(part))
        || upper
            .split(['_', '-', '.'])
            .any(|word| word == "PASS" || word == "PWD")
}

/// Masks one `NAME=value` environment entry, keeping the name.
pub fn redact_env_entry(entry: &str) -> String {
    match entry.split_once('=') {
        Some((name, _)) if is_secret_name(name) => format!("{name}={MASK}"),
        Some((name, value)) => format!("{name}={}", redact_text(value)),
        None => entry.to_string(),
    }
}

/// Masks secrets in every item of a command line or healthcheck.
pub fn redact_list(items: Vec<String>) -> Vec<String> {
    items
        .into_iter()
        .map(|s| redact_text(&s).into_owned())
        .collect()
}

/// Masks secrets in label values (labels often carry connection strings).
pub fn redact_labels(labels: BTreeMap<String, String>) -> BTreeMap<String, String> {
    labels
        .into_iter()
        .map(|(k, v)| {
            let v = redact_text(&v).into_owned();
            (k, v)
        })
        .collect()
}

static URL_CREDENTIALS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<prefix>[A-Za-z][A-Za-z0-9+.-]*://[^/\s:@]+):(?P<secret>[^@\s/]+)@")
        .expect("static regex")
});

static SECRET_ASSIGNMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r#"(?i)(?P<name>[A-Za-z0-9_.-]*(?:password|passwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential)[A-Za-z0-9_.-]*)"#,
        r#"(?P<sep>"?\s*[=:]\s*"?)(?P<value>[^\s&,;"']+)"#,
    ))
    .expect("static regex")
});

static BEARER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?P<scheme>\b(?:bearer|basic)\s+)(?P<value>[A-Za-z0-9._~+/=-]{8,})")
        .expect("static regex")
});

/// Masks secrets inside free text (a log line, a command line, a URL).
pub fn redact_text(text: &str) -> Cow<'_, str> {
    if !might_hold_secret(text) {
        return Cow::Borrowed(text);
    }
    let mut out = Cow::Borrowed(text);
    if let Cow::Owned(s) = URL_CREDENTIALS.replace_all(&out, format!("$prefix:{MASK}@")) {
        out = Cow::Owned(s);
    }
    if let Cow::Owned(s) = SECRET_ASSIGNMENT.replace_all(&out, format!("$name$sep{MASK}")) {
        out = Cow::Owned(s);
    }
    if let Cow::Owned(s) = BEARER.replace_all(&out, format!("$scheme{MASK}")) {
        out = Cow::Owned(s);
    }
    out
}

/// Cheap prefilter so the regexes run only on text that could match.
fn might_hold_secret(text: &str) -> bool {
    if text.contains("://") && text.contains('@') {
        return true;
    }
    let lower = text.to_ascii_lowercase();
    [
        "pass",
        "secret",
        "token",
        "key",
        "credential",
        "bearer",
        "basic",
    ]
    .iter()
    .any(|word| lower.contains(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_secret_environment_values_but_keeps_names() {
        assert_eq!(
            redact_env_entry("DATABASE_PASSWORD=hunter2"),
            "DATABASE_PASSWORD=[REDACTED]"
        );
        assert_eq!(redact_env_entry("API_TOKEN=abc"), "API_TOKEN=[REDACTED]");
        assert_eq!(
            redact_env_entry("AWS_SECRET_ACCESS_KEY=x"),
            "AWS_SECRET_ACCESS_KEY=[REDACTED]"
        );
        assert_eq!(redact_env_entry("DB_PASS=x"), "DB_PASS=[REDACTED]");
        assert_eq!(redact_env_entry("LOG_LEVEL=info"), "LOG_LEVEL=info");
        assert_eq!(redact_env_entry("PWD=/app"), "PWD=/app");
        assert_eq!(
            redact_env_entry("DATABASE_URL=postgresql://app:pw@db:5432/app"),
            "DATABASE_URL=postgresql://app:[REDACTED]@db:5432/app"
        );
    }

    #[test]
    fn masks_secrets_in_free_text() {
        let line = r#"GET /stream?access_token=abc123&x=1 password: "p4ss" Authorization: Bearer eyJhbGciOiJIUzI1"#;
        let masked = redact_text(line);
        assert!(!masked.contains("abc123"), "{masked}");
        assert!(!masked.contains("p4ss"), "{masked}");
        assert!(!masked.contains("eyJhbGciOiJIUzI1"), "{masked}");
        assert!(masked.contains("access_token=[REDACTED]"), "{masked}");
        assert!(matches!(redact_text("plain line"), Cow::Borrowed(_)));
    }
}
