//! Secrets found by the structure around them rather than by their shape:
//! credentials in a URL, `Authorization` and cookie headers, `curl -u`,
//! private-key blocks, command-line flags whose value is the next argument,
//! and `name=value` settings whose name looks secret (see [`super::names`]).
//!
//! Each finder pushes the byte range of the value only: names, schemes,
//! hosts and flags stay visible.

use std::sync::LazyLock;

use regex::Regex;

use super::names::{is_secret_name, is_strong_secret_name};
use super::{is_placeholder, Span};

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("static redaction pattern")
}

/// `scheme://user:password@host`, also with an empty user (`redis://:pw@`).
static URL_PASSWORD: LazyLock<Regex> =
    LazyLock::new(|| re(r#"(?i)\b[a-z][a-z0-9+.-]*://[^\s/:@'"<>]*:(?P<secret>[^\s@/'"<>]+)@"#));
/// `scheme://key@host` where the user part is a key (Sentry DSNs, clone URLs with a token).
static URL_KEY: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b[a-z][a-z0-9+.-]*://(?P<secret>[A-Za-z0-9_-]{16,})@"));
static AUTHORIZATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r#"(?i)\b(?:proxy-)?authorization\x22?\s*[:=]\s*\x22?(?:(?:bearer|basic|token|digest|apikey|negotiate|ntlm|aws4-hmac-sha256)\s+)?(?P<secret>[^\s'\x22,;]+)"#,
    )
});
static BEARER: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\bbearer\s+(?P<secret>[A-Za-z0-9._~+/=-]{8,})"));
/// A cookie header's list of `name=value` pairs, up to the end of the line.
static COOKIE_HEADER: LazyLock<Regex> =
    LazyLock::new(|| re(r#"(?i)\b(?P<set>set-)?cookie\x22?\s*:\s*\x22?(?P<list>[^\r\n\x22]*)"#));
static COOKIE_PAIR: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:^|;)\s*(?P<name>[^=;\s]+)=(?P<value>[^;]*)"));
/// `curl -u user:password`, `--user`, `--proxy-user`.
static USER_FLAG: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r#"(?:^|[\s'\x22])(?:-u|--user|--proxy-user)(?:\s+|=)['\x22]?[^\s:'\x22]*:(?P<secret>[^\s'\x22]+)"#,
    )
});
/// `mysql -pSECRET`: the password glued to the flag.
static MYSQL_GLUED: LazyLock<Regex> =
    LazyLock::new(|| re(r#"\bmysql(?:admin|dump|sh)?\b[^\r\n]*?\s-p(?P<secret>[^\s'\x22]+)"#));
/// A flag and what separates it from its value: `--token X`, `--db-password=X`, `-p X`.
/// The value is read by [`value_at`], so a quoted value holding another flag
/// (`sh -c 'app --token X'`) is searched too.
static FLAG: LazyLock<Regex> =
    LazyLock::new(|| re(r#"(?:^|[\s'\x22=])(?P<flag>--?[A-Za-z][A-Za-z0-9_-]*)(?:=|\s+)"#));
/// A name and its separator: `name=`, `name: `, `"name": `. The value is
/// read by [`value_at`], so the search goes on inside it
/// (`user:pw@host/?token=X` holds two).
static ASSIGNMENT: LazyLock<Regex> =
    LazyLock::new(|| re(r#"(?P<name>[A-Za-z0-9_.-]{2,80})(?P<sep>\x22?'?\s*(?:=|:)\s*)"#));
/// A whole environment entry: everything after the first `=` is the value.
static ENV_ENTRY: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?P<name>[A-Za-z_][A-Za-z0-9_.-]*)=(?P<secret>.+)$"));
static PEM_BLOCK: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?s)-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----(?P<secret>.*?)(?:-----END|$)")
});
/// One line of a key's base64 body, quoted on its own (DER keys start `MII`).
static PEM_BODY_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?P<secret>MII[A-Za-z0-9+/]{60,}={0,2}|b3BlbnNzaC1rZXktdjE[A-Za-z0-9+/]{20,}={0,2})")
});

/// Finds every structured secret in `text`.
pub fn find(text: &str, spans: &mut Vec<Span>) {
    let lower_has = |needle: &str| contains_ignore_case(text, needle);
    if text.contains("://") {
        push_group(&URL_PASSWORD, text, "URL credentials", spans);
        push_group(&URL_KEY, text, "URL credentials", spans);
    }
    if lower_has("authorization") {
        push_group(&AUTHORIZATION, text, "authorization header", spans);
    }
    if lower_has("bearer") {
        push_group(&BEARER, text, "authorization header", spans);
    }
    if lower_has("cookie") {
        cookies(text, spans);
    }
    if text.contains("-u") || text.contains("--user") || text.contains("--proxy-user") {
        push_group(&USER_FLAG, text, "command-line credentials", spans);
    }
    if text.contains("mysql") {
        push_group(&MYSQL_GLUED, text, "command-line flag", spans);
    }
    if text.contains("-----BEGIN") {
        push_group(&PEM_BLOCK, text, "private key", spans);
    }
    if text.contains("MII") || text.contains("b3BlbnNzaC1rZXktdjE") {
        push_group(&PEM_BODY_LINE, text, "private key", spans);
    }
    if text.contains('-') {
        flags(text, spans);
    }
    if text.contains('=') || text.contains(':') {
        assignments(text, spans);
    }
}

/// A whole `NAME=value` entry (an environment variable, a `-e` argument):
/// when the name is secret, all of the value is, spaces included.
pub fn env_entry(text: &str, spans: &mut Vec<Span>) -> bool {
    let Some(caps) = ENV_ENTRY.captures(text) else {
        return false;
    };
    if !is_secret_name(&caps["name"]) {
        return false;
    }
    push_value(caps.name("secret"), name_kind(&caps["name"]), spans);
    true
}

/// A value under a name that is secret beyond doubt, or one that only looks so.
pub fn name_kind(name: &str) -> &'static str {
    if is_strong_secret_name(name) {
        SECRET_NAMED
    } else {
        WEAKLY_SECRET_NAMED
    }
}

/// `--token X` is surely a secret; `-p X` usually is.
pub fn flag_kind(flag: &str) -> &'static str {
    if flag.starts_with("--") {
        "command-line flag"
    } else {
        SHORT_FLAG
    }
}

pub const SECRET_NAMED: &str = "secret-named setting";
pub const WEAKLY_SECRET_NAMED: &str = "setting with a secret-looking name";
pub const SHORT_FLAG: &str = "short command-line flag";

/// Whether `flag` takes a secret as its next argument (`--token`, `-p`).
/// `next` is that argument; `context` the whole command, for flags whose
/// meaning depends on the program (`redis-cli -a`).
pub fn flag_takes_secret(flag: &str, next: &str, context: &str) -> bool {
    if next.is_empty() || next.starts_with('-') || is_placeholder(next) {
        return false;
    }
    match flag {
        // compose's `-p` names the project.
        "-p" => {
            !(looks_like_port_or_path(next)
                || context.contains("docker compose ")
                || context.contains("docker-compose "))
        }
        "-a" => context.contains("redis-cli"),
        f if f.starts_with("--") => {
            let name = &f[2..];
            is_secret_name(name) && !name.to_ascii_lowercase().ends_with("stdin")
        }
        _ => false,
    }
}

/// `-p 8080:80`, `-p 5432`, `mkdir -p /data`: a port or a path, not a password.
fn looks_like_port_or_path(value: &str) -> bool {
    value.starts_with('/')
        || value.starts_with('.')
        || value.starts_with('~')
        || value
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | '/' | '-' | '[' | ']'))
            && value.chars().any(|c| c.is_ascii_digit())
}

fn flags(text: &str, spans: &mut Vec<Span>) {
    for caps in FLAG.captures_iter(text) {
        let Some((start, end)) = value_at(text, caps.get(0).expect("match").end(), "") else {
            continue;
        };
        let flag = &caps["flag"];
        if flag_takes_secret(flag, &text[start..end], text) {
            push_span(text, start, end, flag_kind(flag), spans);
        }
    }
}

fn assignments(text: &str, spans: &mut Vec<Span>) {
    for caps in ASSIGNMENT.captures_iter(text) {
        let name = caps["name"].trim_matches(['.', '-']);
        if !is_secret_name(name) {
            continue;
        }
        let stops = "&,;<>)]}";
        let Some((start, end)) = value_at(text, caps.get(0).expect("match").end(), stops) else {
            continue;
        };
        let colon = !caps["sep"].contains('=');
        if colon && !is_strong_secret_name(name) && !token_like(&text[start..end]) {
            continue;
        }
        push_span(text, start, end, name_kind(name), spans);
    }
}

/// The value that starts at `at`: inside quotes when it is quoted, else up
/// to white space, a quote or one of `stops`.
fn value_at(text: &str, at: usize, stops: &str) -> Option<(usize, usize)> {
    let rest = &text[at..];
    let quote = rest.chars().next().filter(|c| matches!(c, '"' | '\''));
    let (start, end) = match quote {
        Some(q) => {
            let close = rest[1..].find(q)?;
            (at + 1, at + 1 + close)
        }
        None => {
            let len = rest
                .find(|c: char| c.is_whitespace() || c == '"' || c == '\'' || stops.contains(c))
                .unwrap_or(rest.len());
            (at, at + len)
        }
    };
    (start < end).then_some((start, end))
}

/// Mixed letters and digits, no spaces, at least 8 long: what a key looks like.
fn token_like(value: &str) -> bool {
    value.len() >= 8
        && value.chars().any(|c| c.is_ascii_digit())
        && value.chars().any(|c| c.is_ascii_alphabetic())
        && !value.contains(char::is_whitespace)
}

fn cookies(text: &str, spans: &mut Vec<Span>) {
    for header in COOKIE_HEADER.captures_iter(text) {
        let list = header.name("list").expect("group");
        let first_only = header.name("set").is_some();
        for pair in COOKIE_PAIR.captures_iter(list.as_str()) {
            let value = pair.name("value").expect("group");
            let start = list.start() + value.start();
            let end = list.start() + value.end();
            let trimmed = text[start..end].trim();
            if !trimmed.is_empty() && !is_placeholder(trimmed) {
                let lead = text[start..end].len() - text[start..end].trim_start().len();
                spans.push(Span {
                    start: start + lead,
                    end: start + lead + trimmed.len(),
                    kind: "cookie",
                });
            }
            if first_only {
                break;
            }
        }
    }
}

fn push_span(text: &str, start: usize, end: usize, kind: &'static str, spans: &mut Vec<Span>) {
    let value = &text[start..end];
    if !value.trim().is_empty() && !is_placeholder(value) && !is_variable_reference(value) {
        spans.push(Span { start, end, kind });
    }
}

/// `${API_TOKEN}` or `$API_TOKEN` (a value cut at `}` included): a compose
/// file or script naming where the secret comes from, not the secret. A
/// reference with a default (`${TOKEN:-…}`) may carry one and is masked.
fn is_variable_reference(value: &str) -> bool {
    let name = match value.strip_prefix("${") {
        Some(rest) => rest.strip_suffix('}').unwrap_or(rest),
        None => match value.strip_prefix('$') {
            Some(rest) => rest,
            None => return false,
        },
    };
    name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn push_group(pattern: &Regex, text: &str, kind: &'static str, spans: &mut Vec<Span>) {
    for caps in pattern.captures_iter(text) {
        push_value(caps.name("secret"), kind, spans);
    }
}

fn push_value(value: Option<regex::Match<'_>>, kind: &'static str, spans: &mut Vec<Span>) {
    if let Some(m) = value {
        if !m.as_str().trim().is_empty()
            && !is_placeholder(m.as_str())
            && !is_variable_reference(m.as_str())
        {
            spans.push(Span {
                start: m.start(),
                end: m.end(),
                kind,
            });
        }
    }
}

fn contains_ignore_case(text: &str, needle: &str) -> bool {
    text.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}
