use super::*;

fn fresh() -> Redactor {
    Redactor::new(Settings::default()).unwrap()
}

/// `(text, secret)`: each secret must be gone from the masked text, and the
/// text around it must survive.
const PLANTED: &[(&str, &str)] = &[
    ("DATABASE_PASSWORD=hunter2", "hunter2"),
    ("GH_PAT=plainvalue123", "plainvalue123"),
    ("PASSPHRASE=correct horse battery staple", "correct horse battery staple"),
    ("SLACK_WEBHOOK_URL=https://example.org/hook/abc", "https://example.org/hook/abc"),
    ("REDIS_URL=redis://:s3cr3tpw@cache:6379/0", "s3cr3tpw"),
    ("DATABASE_URL=postgresql://app:pgpw99@db:5432/app", "pgpw99"),
    ("OPTS=--db-password Xy9secret --verbose", "Xy9secret"),
    ("sh -c 'app --token tok3nvalue'", "tok3nvalue"),
    ("curl -fsS -u admin:curlpw1 http://localhost/health", "curlpw1"),
    ("curl -H 'Authorization: Bearer abcdef123456' http://x/", "abcdef123456"),
    ("Authorization: Basic YWRtaW46cGFzcw==", "YWRtaW46cGFzcw=="),
    ("X-Api-Key: apikeyvalue42", "apikeyvalue42"),
    ("Set-Cookie: sessionid=cookieval99; Path=/; HttpOnly", "cookieval99"),
    ("Cookie: a=firstcookie1; b=secondcookie2", "secondcookie2"),
    ("GET /stream?access_token=querytoken7&x=1", "querytoken7"),
    (r#"{"password": "jsonpw123", "user": "app"}"#, "jsonpw123"),
    ("password: \"yamlpw456\"", "yamlpw456"),
    ("sentry: https://0123456789abcdef0123456789abcdef@o1.ingest.sentry.io/1", "0123456789abcdef0123456789abcdef"),
    ("mysql -uroot -pmysqlglued1 app", "mysqlglued1"),
    ("redis-cli -a redispw77 ping", "redispw77"),
    ("psql -p s3cretflag9 app", "s3cretflag9"),
    ("API_TOKEN: ${API_TOKEN:-defaulttok3n}", "defaulttok3n"),
    ("-----BEGIN RSA PRIVATE KEY-----\\nMIIEpAIBAAKCAQEA\\n-----END RSA PRIVATE KEY-----", "MIIEpAIBAAKCAQEA"),
    ("key line: \"MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKjMzEfYyjiWA4R4\"", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKjMzEfYyjiWA4R4"),
    ("client_secret=oauthsecret5", "oauthsecret5"),
    ("apiKey=camelkey123", "camelkey123"),
];

#[test]
fn planted_secrets_are_masked_and_their_names_stay() {
    let r = fresh();
    for (text, secret) in PLANTED {
        let masked = r.text(text, "t");
        assert!(!masked.contains(secret), "{secret} survived in {masked}");
        assert!(masked.contains("[secret-"), "{masked}");
    }
    assert_eq!(
        r.text("DATABASE_PASSWORD=hunter2", "t"),
        "DATABASE_PASSWORD=[secret-1]"
    );
    assert!(r
        .text("OPTS=--db-password Xy9secret --verbose", "t")
        .starts_with("OPTS=--db-password [secret-"));
}

#[test]
fn every_token_format_example_is_masked_and_only_the_token() {
    let r = fresh();
    for format in TOKEN_FORMATS {
        let masked = r.text(format.example, "t");
        assert!(masked.contains("[secret-"), "{}: {masked}", format.kind);
        let re = Regex::new(format.pattern).unwrap();
        let caps = re.captures(format.example).unwrap();
        let token = caps
            .name("secret")
            .or_else(|| caps.get(0))
            .unwrap()
            .as_str();
        assert!(!masked.contains(token), "{}: {masked}", format.kind);
    }
    // The words before a key stay as they were.
    assert_eq!(
        r.text(
            "The AWS Access Key Id AKIAQWERTYUIOPASDFGH was rejected",
            "t"
        ),
        format!(
            "The AWS Access Key Id {} was rejected",
            r.text("AKIAQWERTYUIOPASDFGH", "t")
        )
    );
}

#[test]
fn ordinary_text_is_left_alone() {
    let r = fresh();
    for text in [
        "LOG_LEVEL=info",
        "KEYBOARD_LAYOUT=fr",
        "PATH=/usr/local/bin:/usr/bin",
        "POSTGRES_PASSWORD_FILE=/run/secrets/db",
        "FATAL:  password authentication failed for user \"app\"",
        "docker run -p 8080:80 nginx",
        "mkdir -p /data && exec app",
        "ssh://git@github.com/org/repo.git",
        "2026-11-27T18:31:41Z uvicorn running on http://0.0.0.0:8000",
        "ModuleNotFoundError: No module named 'fastapi'",
        "docker login --password-stdin -u ci",
        "pg_isready -p 5432",
        "docker compose -p shop -f compose.yaml up -d --force-recreate api",
        "docker-compose -p shop-prod up -d",
        "API_TOKEN: ${API_TOKEN}",
        "DATABASE_URL: postgresql://shop:${DB_PASSWORD}@db:5432/shop",
        "PASSWORD=$DB_PASSWORD",
    ] {
        assert_eq!(r.text(text, "t"), text);
    }
}

#[test]
fn the_same_value_gets_the_same_placeholder_everywhere() {
    let r = fresh();
    let a = r.text("DB_PASSWORD=Sup3rS3cret!", "a.json").into_owned();
    let b = r
        .text("connecting with Sup3rS3cret! failed", "b.log")
        .into_owned();
    let c = r.text("API_TOKEN=other999value", "a.json").into_owned();
    assert_eq!(a, "DB_PASSWORD=[secret-1]");
    assert_eq!(b, "connecting with [secret-1] failed");
    assert_eq!(c, "API_TOKEN=[secret-2]");
    // A placeholder is never masked again.
    assert_eq!(r.text(&a, "a.json"), a);
}

#[test]
fn flags_whose_value_is_the_next_argument_are_masked_in_lists() {
    let r = fresh();
    let mut args: Vec<String> = [
        "app",
        "--token",
        "listtoken1",
        "-p",
        "listpw2",
        "-p",
        "8080",
        "--password-stdin",
        "-u",
        "admin:listpw3",
    ]
    .map(String::from)
    .to_vec();
    r.arguments(&mut args, "t");
    let joined = args.join(" ");
    for secret in ["listtoken1", "listpw2", "listpw3"] {
        assert!(!joined.contains(secret), "{joined}");
    }
    assert!(
        joined.contains("-p 8080 --password-stdin -u admin:[secret-"),
        "{joined}"
    );
}

#[test]
fn json_documents_are_masked_by_key_and_by_content() {
    let r = fresh();
    let mut doc = serde_json::json!({
        "Config": {
            "Env": ["GH_PAT=ghp_0123456789abcdefghijABCDEFGHIJ012345", "LOG_LEVEL=debug"],
            "Cmd": ["--api-key", "cmdkey12345"],
            "Labels": {"com.example.db-password": "labelpw1", "team": "payments"},
            "Healthcheck": {"Test": ["CMD-SHELL", "curl -u u:hcpw9 http://localhost/"]}
        },
        "host": "https://user:metapw8@example.org",
        "Token": "jsonkeyed77"
    });
    r.json(&mut doc, "x.json");
    let text = doc.to_string();
    for secret in [
        "ghp_0123456789",
        "cmdkey12345",
        "labelpw1",
        "hcpw9",
        "metapw8",
        "jsonkeyed77",
    ] {
        assert!(!text.contains(secret), "{secret} in {text}");
    }
    for visible in [
        "GH_PAT=",
        "LOG_LEVEL=debug",
        "--api-key",
        "com.example.db-password",
        "payments",
    ] {
        assert!(text.contains(visible), "{visible} gone from {text}");
    }
}

#[test]
fn the_summary_names_kinds_and_files_but_no_value() {
    let r = fresh();
    r.text("DB_PASSWORD=hunter2", "docker/containers/api.json");
    r.text("AKIAQWERTYUIOPASDFGH", "logs/app.log");
    r.text("AKIAQWERTYUIOPASDFGH", "other-bundle/file");
    let summary = r.summary(["docker/containers/api.json", "logs/app.log"]);
    assert_eq!(summary.masked_values, 2);
    let kinds: Vec<&str> = summary.kinds.iter().map(|k| k.kind.as_str()).collect();
    assert_eq!(kinds, ["cloud access key id", "secret-named setting"]);
    assert_eq!(summary.files.len(), 2);
    let json = serde_json::to_string(&summary).unwrap();
    assert!(
        !json.contains("hunter2") && !json.contains("AKIA"),
        "{json}"
    );
}

#[test]
fn extra_patterns_mask_their_group_or_whole_match() {
    let r = Redactor::new(Settings {
        extra_patterns: vec![r"employee-(\d{6})".into(), r"INTERNAL-[A-Z]{4}".into()],
        disabled: false,
    })
    .unwrap();
    assert_eq!(
        r.text("badge employee-123456 INTERNAL-ABCD", "t"),
        "badge employee-[secret-1] [secret-2]"
    );
    let bad = Redactor::new(Settings {
        extra_patterns: vec!["(".into()],
        disabled: false,
    });
    assert!(matches!(bad, Err(RedactError::BadPattern { .. })));
}

#[test]
fn disabled_engine_masks_nothing() {
    let r = Redactor::new(Settings {
        extra_patterns: vec![],
        disabled: true,
    })
    .unwrap();
    assert_eq!(r.text("DB_PASSWORD=hunter2", "t"), "DB_PASSWORD=hunter2");
    assert!(!r.summary(["t"]).enabled);
}

#[test]
fn renumbering_follows_reading_order() {
    let mut v =
        serde_json::json!({"a": "x [secret-7] y [secret-3]", "b": ["[secret-7]", "[secret-9"]});
    let mut numbers = Renumbering::default();
    numbers.value(&mut v);
    assert_eq!(
        numbers.text("then [secret-3] and [secret-4]"),
        "then [secret-2] and [secret-3]"
    );
    assert_eq!(v["a"], "x [secret-1] y [secret-2]");
    assert_eq!(v["b"][0], "[secret-1]");
    assert_eq!(v["b"][1], "[secret-9");
}

mod properties {
    use proptest::prelude::*;

    use super::*;

    /// Text around a secret: words, spaces and the punctuation logs put
    /// next to values, never a character that would make the secret longer.
    fn context() -> impl Strategy<Value = String> {
        proptest::string::string_regex("[a-z ]{0,12}( |: |=|, |\\()").unwrap()
    }

    proptest! {
        /// A token of any documented format, in any context, is masked.
        #[test]
        fn every_token_format_is_masked_in_any_context(
            format in 0..TOKEN_FORMATS.len(),
            before in context(),
            after in "[ ,;)][a-z ]{0,12}",
        ) {
            let f = &TOKEN_FORMATS[format];
            let re = Regex::new(f.pattern).unwrap();
            let caps = re.captures(f.example).unwrap();
            let whole = caps.get(0).unwrap().as_str();
            let secret = caps.name("secret").map_or(whole, |m| m.as_str());
            let text = format!("{before}{whole}{after}");
            let masked = fresh().text(&text, "t").into_owned();
            prop_assert!(!masked.contains(secret), "{} survived in {}", f.kind, masked);
        }

        /// A value under a name that is surely secret is masked, the name
        /// kept, and when the value is long and mixed enough to propagate
        /// (docs/security.md) it gets the same placeholder wherever it
        /// appears again.
        #[test]
        fn secret_named_values_are_masked_with_one_placeholder(
            name in prop::sample::select(vec!["DB_PASSWORD", "API_TOKEN", "client_secret", "PASSPHRASE", "npmAuthToken"]),
            value in "[A-Za-z]{5,10}[0-9]{3,6}",
            before in context(),
        ) {
            let r = fresh();
            let entry = r.text(&format!("{name}={value}"), "a").into_owned();
            prop_assert!(entry.starts_with(&format!("{name}=[secret-")), "{}", entry);
            prop_assert!(!entry.contains(&value));
            let placeholder = entry[name.len() + 1..].to_string();
            let again = r.text(&format!("{before}{value} failed"), "b").into_owned();
            prop_assert_eq!(again, format!("{before}{placeholder} failed"));
        }
    }
}
