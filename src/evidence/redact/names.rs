//! Which setting names hold secrets: `DATABASE_PASSWORD`, `GH_PAT`,
//! `apiKey`, `x-auth-token`. Names are split into words (at `_`, `-`, `.`,
//! spaces and camelCase humps) so `KEYBOARD_LAYOUT` or `MONKEY_MODE` stay
//! visible while `API_KEY` does not.

/// Words that mark a name as secret when they are a whole word of it.
const SECRET_WORDS: &[&str] = &[
    "PASS",
    "PWD",
    "PW",
    "KEY",
    "KEYS",
    "PAT",
    "AUTH",
    "DSN",
    "SALT",
    "SESSION",
    "SID",
    "PIN",
    "OTP",
    "CREDS",
    "JWT",
    "BEARER",
    "HMAC",
    "SIGNATURE",
];

/// Fragments that mark a name as secret wherever they occur in a word
/// (`DBPASSWORD`, `AUTHTOKEN`, `SECRETKEY`).
const SECRET_FRAGMENTS: &[&str] = &[
    "PASSWORD",
    "PASSWD",
    "PASSPHRASE",
    "SECRET",
    "TOKEN",
    "CREDENTIAL",
    "APIKEY",
    "ACCESSKEY",
    "PRIVATEKEY",
    "AUTHKEY",
    "WEBHOOK",
    "COOKIE",
];

/// Last words that make a secret-looking name hold something else: a path
/// to a secret (`POSTGRES_PASSWORD_FILE`, the Docker secrets convention), a
/// setting about it (`TOKEN_TTL`, `POSTGRES_HOST_AUTH_METHOD`). These values
/// are what a reader needs to diagnose, and they are not secrets.
const NOT_SECRET_LAST_WORDS: &[&str] = &[
    "FILE",
    "PATH",
    "DIR",
    "METHOD",
    "TYPE",
    "MODE",
    "TTL",
    "TIMEOUT",
    "EXPIRY",
    "EXPIRES",
    "LENGTH",
    "ALGORITHM",
    "ALG",
    "HEADER",
    "ENABLED",
    "REQUIRED",
    "SIZE",
    "FORMAT",
    "VERSION",
    "POLICY",
    "PROVIDER",
    "BACKEND",
    "URL_PATH",
];

/// Whole names that contain a secret word and are not secrets.
const NOT_SECRET_NAMES: &[&str] = &["PWD", "OLDPWD", "SANDBOXKEY", "SANDBOX_KEY"];

/// Whether a setting, variable, header, flag or field name holds a secret.
pub fn is_secret_name(name: &str) -> bool {
    let trimmed = name.trim_start_matches('-');
    let upper = trimmed.to_ascii_uppercase();
    if upper.is_empty() || NOT_SECRET_NAMES.contains(&upper.as_str()) {
        return false;
    }
    let words = words(trimmed);
    if words
        .last()
        .is_some_and(|last| NOT_SECRET_LAST_WORDS.contains(&last.as_str()))
    {
        return false;
    }
    words.iter().any(|word| {
        SECRET_WORDS.contains(&word.as_str())
            || SECRET_FRAGMENTS.iter().any(|part| word.contains(part))
    }) || SECRET_FRAGMENTS
        .iter()
        .any(|part| upper.replace(['_', '-', '.'], "").contains(part))
}

/// Whether a name is secret beyond doubt (`password`, `token`), so a value
/// after `name:` in free text is masked whatever it looks like. Weaker names
/// (`auth`, `key`, `session`) need a `=` or a token-like value.
pub fn is_strong_secret_name(name: &str) -> bool {
    let upper = name.to_ascii_uppercase().replace(['_', '-', '.'], "");
    is_secret_name(name)
        && [
            "PASSWORD",
            "PASSWD",
            "PASSPHRASE",
            "SECRET",
            "TOKEN",
            "APIKEY",
            "CREDENTIAL",
            "PRIVATEKEY",
        ]
        .iter()
        .any(|part| upper.contains(part))
}

/// The upper-case words of a name: `dbPassword_v2` → `DB`, `PASSWORD`, `V2`.
fn words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut previous_lower = false;
    for c in name.chars() {
        if !c.is_ascii_alphanumeric() {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            previous_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && previous_lower && !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        previous_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        current.push(c.to_ascii_uppercase());
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_names_are_found_by_word() {
        for name in [
            "DATABASE_PASSWORD",
            "DB_PASS",
            "GH_PAT",
            "PASSPHRASE",
            "API_KEY",
            "apiKey",
            "dbPassword",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_ACCESS_KEY_ID",
            "x-auth-token",
            "NPM_AUTHTOKEN",
            "SENTRY_DSN",
            "SLACK_WEBHOOK_URL",
            "SESSION_SECRET",
            "--db-password",
            "MYSQL_ROOT_PASSWORD",
            "client_secret",
            "Cookie",
        ] {
            assert!(is_secret_name(name), "{name} should be secret");
        }
    }

    #[test]
    fn ordinary_names_stay_visible() {
        for name in [
            "LOG_LEVEL",
            "KEYBOARD_LAYOUT",
            "MONKEY_MODE",
            "PATH",
            "PWD",
            "HOME",
            "POSTGRES_PASSWORD_FILE",
            "POSTGRES_HOST_AUTH_METHOD",
            "TOKEN_TTL",
            "DATABASE_URL",
            "SandboxKey",
            "PYTHONPATH",
            "AUTHOR",
            "PATTERN",
        ] {
            assert!(!is_secret_name(name), "{name} should stay visible");
        }
    }

    #[test]
    fn strong_names_are_a_subset() {
        assert!(is_strong_secret_name("password"));
        assert!(is_strong_secret_name("GITHUB_TOKEN"));
        assert!(!is_strong_secret_name("auth"));
        assert!(!is_strong_secret_name("key"));
        assert!(!is_strong_secret_name("LOG_LEVEL"));
    }
}
