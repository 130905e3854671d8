//! The main example, turned hostile by the test itself: secrets of many
//! kinds planted in every place evidence enters (environment, labels,
//! command, healthcheck, health output, `State.Error`, logs, monitoring,
//! `bundle.json`, a file name), and text built to break a report (raw HTML,
//! table breakers, terminal escape sequences, bidi overrides, NUL) in every
//! field a report shows.
//!
//! No output (Markdown, HTML, JSON, the terminal) may carry a planted
//! secret, a tag or attribute from the evidence, a broken table row or a
//! control character; the names around the secrets stay visible, and one
//! value has one placeholder everywhere. Masking, escaping and cutting
//! change what the strings say, never the report's shape: the JSON report
//! still matches its schema.

#[path = "support/browser.rs"]
mod browser;
#[path = "support/schema.rs"]
mod schema;
#[path = "support/bundles.rs"]
mod support;

use std::path::Path;
use std::process::Command;

use coroner::evidence::redact::TOKEN_FORMATS;
use serde_json::{json, Value};

const HOSTILE: &str = "x|y\r\nz <img src=x onerror=alert(1)> <script>alert(2)</script> `tick \x1b]0;pwned\x07 \x1b[2J bell\x07 \u{202e}evil \u{9b}31m nul\0 end";

/// `NAME=value` environment entries whose values must all be masked.
fn planted_environment() -> Vec<(String, String)> {
    let mut planted: Vec<(&str, &str)> = vec![
        ("DB_ADMIN_PASSWORD", "Zq8secretpass"),
        ("GH_PAT", "plainpat4value77"),
        ("PASSPHRASE", "correct horse battery staple 9"),
        (
            "SLACK_WEBHOOK_URL",
            "https://hooks.slack.com/services/T000/B000/XXXXsecret1",
        ),
        ("JWT_SECRET", "jwtsecret5value"),
        ("SESSION_COOKIE_SECRET", "cookiesecret66"),
        ("api_key", "lowercasekey12"),
        ("clientSecret", "camelsecret34"),
        ("MYSQL_PWD", "mysqlpwd56x"),
        (
            "AWS_SECRET_ACCESS_KEY",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        ),
    ];
    planted.push(("PRIVATE_KEY", "-----BEGIN RSA PRIVATE KEY-----\\nMIIEpAIBAAKCAQEAsecretbody\\n-----END RSA PRIVATE KEY-----"));
    planted
        .into_iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect()
}

/// Values masked inside a larger value: (entry, secret).
const PLANTED_INSIDE: &[(&str, &str)] = &[
    ("REDIS_URL=redis://:redispw88@cache:6379/0", "redispw88"),
    (
        "OPTS=--db-password Zq8secretpass --verbose",
        "Zq8secretpass",
    ),
    (
        "SENTRY_DSN_HOST=https://0123456789abcdef0123456789abcdef@o1.ingest.sentry.io/1",
        "0123456789abcdef0123456789abcdef",
    ),
    (
        "UPSTREAM=https://deploy:upstreampw3@git.example/repo.git",
        "upstreampw3",
    ),
];

/// The token of a documented format, as its example holds it.
fn token_of(example: &str, pattern: &str) -> String {
    let re = regex::Regex::new(pattern).unwrap();
    let caps = re.captures(example).unwrap();
    caps.name("secret")
        .or_else(|| caps.get(0))
        .unwrap()
        .as_str()
        .to_string()
}

struct Planted {
    secrets: Vec<String>,
    dir: tempfile::TempDir,
}

fn hostile_bundle() -> Planted {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    support::copy_dir(&support::bundle("main-incident"), root);
    let mut secrets: Vec<String> = Vec::new();

    // The failing container's inspect document.
    let inspect_path = root.join("docker/containers/mcp-api.json");
    let mut inspect: Value =
        serde_json::from_str(&std::fs::read_to_string(&inspect_path).unwrap()).unwrap();
    let container = &mut inspect[0];
    let env = container["Config"]["Env"].as_array_mut().unwrap();
    for (name, value) in planted_environment() {
        env.push(json!(format!("{name}={value}")));
        secrets.push(
            value
                .replace("\\n", "\n")
                .lines()
                .nth(1)
                .map_or(value.clone(), str::to_string),
        );
    }
    for (entry, secret) in PLANTED_INSIDE {
        env.push(json!(entry));
        secrets.push(secret.to_string());
    }
    // Tokens of every documented format under names that say nothing:
    // only their shape gives them away.
    for (i, format) in TOKEN_FORMATS.iter().enumerate() {
        env.push(json!(format!("SETTING_{i}={}", format.example)));
    }
    env.push(json!(
        "HEADERS=Set-Cookie: session=setcookie8812; Path=/; HttpOnly"
    ));
    env.push(json!("KEY_LINE_QUOTED=\"MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKjMzEfYyjiWA4R4secret\""));
    container["Config"]["Labels"]["com.example.db-password"] = json!("labelpw4321");
    container["Config"]["Labels"]["com.example.note"] = json!(HOSTILE);
    secrets.push("labelpw4321".into());
    container["Config"]["Cmd"] = json!([
        "uvicorn",
        "app:api",
        "--token",
        "cmdtoken9911",
        "--db-password",
        "Zq8secretpass"
    ]);
    secrets.push("cmdtoken9911".into());
    container["Config"]["Healthcheck"] = json!({"Test": ["CMD-SHELL",
        "curl -fsS -u admin:hcpass771 -H 'Authorization: Bearer hcbearer7781' -H 'Cookie: sid=hccookie661' http://localhost:8000/health"]});
    secrets.extend(["hcpass771", "hcbearer7781", "hccookie661"].map(String::from));
    container["State"]["Error"] = json!(format!("{HOSTILE} password=stateerr551"));
    secrets.push("stateerr551".into());
    std::fs::write(&inspect_path, serde_json::to_string(&inspect).unwrap()).unwrap();

    // Tokens of every documented format, in lines of the failing container's
    // log, next to its crash; plus headers and a key body quoted alone.
    let log_path = root.join("docker/containers/mcp-api.log");
    let mut log = std::fs::read_to_string(&log_path).unwrap();
    for (i, format) in TOKEN_FORMATS.iter().enumerate() {
        log.push_str(&format!(
            "2026-11-27T18:58:02.{:03}Z ERROR {}\n",
            100 + i,
            format.example
        ));
        secrets.push(token_of(format.example, format.pattern));
    }
    log.push_str("2026-11-27T18:58:02.900Z ERROR upstream said Set-Cookie: session=setcookie8812; Path=/; HttpOnly\n");
    log.push_str("2026-11-27T18:58:02.901Z ERROR bad key line \"MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKjMzEfYyjiWA4R4secret\"\n");
    log.push_str(&format!("2026-11-27T18:58:02.902Z ERROR {HOSTILE}\n"));
    secrets.extend(
        [
            "setcookie8812",
            "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKjMzEfYyjiWA4R4secret",
        ]
        .map(String::from),
    );
    std::fs::write(&log_path, log).unwrap();

    // A monitoring row, the bundle's metadata and a file name.
    let history = root.join("monitoring/api-uptime-9d.jsonl");
    let mut rows = std::fs::read_to_string(&history).unwrap();
    rows.push_str("{\"timestamp\":\"2026-11-27T18:58:03Z\",\"url\":\"https://probe:monpw6612@api.example/health\",\"ok\":false,\"status\":401,\"error\":\"401 Unauthorized token=montoken7731\"}\n");
    std::fs::write(&history, rows).unwrap();
    secrets.extend(["monpw6612", "montoken7731"].map(String::from));
    let meta = json!({
        "host": format!("https://admin:metapw4411@vm {HOSTILE}"),
        "engine_version": "20.10.24+dfsg1",
        "collected_at": "<img src=x onerror=alert(3)>",
        "collector": "gather --token metatoken5521",
        "not_collected": [{"what": HOSTILE, "why": "password=gappw3311"}]
    });
    std::fs::write(root.join("bundle.json"), meta.to_string()).unwrap();
    secrets.extend(["metapw4411", "metatoken5521", "gappw3311"].map(String::from));
    std::fs::write(
        root.join("logs/evil<b>|x\x1b[2J\u{202e}ghp_0123456789abcdefghijABCDEFGHIJ999999.log"),
        "2026-11-27T18:58:02Z Traceback (most recent call last):\n2026-11-27T18:58:02Z ModuleNotFoundError: No module named 'evil'\n",
    )
    .unwrap();
    secrets.push("ghp_0123456789abcdefghijABCDEFGHIJ999999".into());
    secrets.sort();
    secrets.dedup();
    Planted { secrets, dir }
}

fn run(bundle: &Path, format: &str) -> (String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_coroner"))
        .args(["investigate", "--bundle"])
        .arg(bundle)
        .args(["--format", format, "--output", "-"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The text a reader sees: HTML entities and Markdown backslash escapes undone.
fn as_read(text: &str) -> String {
    let mut out = text
        .replace("&#x2F;", "/")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    for c in "\\`*_{}[]()#+-.!|<>~=".chars() {
        out = out.replace(&format!("\\{c}"), &c.to_string());
    }
    out
}

fn hidden_characters(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| {
            (c < ' ' && c != '\n' && c != '\t')
                || ('\u{7f}'..='\u{9f}').contains(&c)
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)
        })
        .collect()
}

#[test]
fn no_planted_secret_and_no_hostile_byte_reaches_any_output() {
    let planted = hostile_bundle();
    assert!(
        planted.secrets.len() >= 40,
        "only {} kinds planted",
        planted.secrets.len()
    );
    let mut outputs = Vec::new();
    for format in ["md", "html", "json"] {
        let (report, terminal) = run(planted.dir.path(), format);
        outputs.push((format, report));
        outputs.push(("terminal", terminal));
    }
    for (format, text) in &outputs {
        let read = as_read(text);
        for secret in &planted.secrets {
            assert!(
                !text.contains(secret.as_str()) && !read.contains(secret.as_str()),
                "{format} output holds the planted secret {secret:?}"
            );
        }
        assert_eq!(
            hidden_characters(text),
            Vec::<char>::new(),
            "{format} output holds control or bidi characters"
        );
    }

    let json: Value = serde_json::from_str(&outputs[4].1).unwrap();
    // Names stay, values go.
    for name in [
        "GH_PAT=[secret-",
        "PASSPHRASE=[secret-",
        "REDIS_URL=redis://:[secret-",
        "OPTS=--db-password [secret-",
    ] {
        assert!(
            json.to_string().contains(name),
            "{name} not in the JSON report"
        );
    }
    // One value, one placeholder: the password in the environment and the
    // one given on the command line.
    let text = json.to_string();
    let after = |prefix: &str| {
        let at = text
            .find(prefix)
            .unwrap_or_else(|| panic!("{prefix} missing"))
            + prefix.len();
        text[at..].split(']').next().unwrap().to_string()
    };
    assert_eq!(
        after("DB_ADMIN_PASSWORD=[secret-"),
        after("--db-password [secret-")
    );
    let markdown = &outputs[0].1;
    assert!(
        markdown.contains(&format!(
            "DB_ADMIN_PASSWORD=[secret-{}]",
            after("DB_ADMIN_PASSWORD=[secret-")
        )),
        "Markdown numbers the password differently from JSON"
    );
    // The redaction summary, without values.
    let redaction = &json["inputs"]["redaction"];
    assert!(
        redaction["masked_values"].as_u64().unwrap() >= 40,
        "{redaction}"
    );
    assert!(
        redaction["kinds"].as_array().unwrap().len() >= 8,
        "{redaction}"
    );
    assert!(markdown.contains("secret values masked as `[secret-N]`"));
}

#[test]
fn the_json_report_of_the_hostile_bundle_matches_the_schema() {
    let planted = hostile_bundle();
    let (report, _) = run(planted.dir.path(), "json");
    let report: Value = serde_json::from_str(&report).unwrap();
    let problems = schema::violations(&schema::validator(), &report);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn rendered_markdown_carries_no_tag_from_the_evidence_and_keeps_every_table_whole() {
    use pulldown_cmark::{Event, Options, Parser};
    let planted = hostile_bundle();
    let (markdown, _) = run(planted.dir.path(), "md");
    for event in Parser::new_ext(&markdown, Options::ENABLE_TABLES) {
        if let Event::Html(html) | Event::InlineHtml(html) = event {
            assert_eq!(&*html, "<br>", "raw HTML reached the Markdown");
        }
    }
    let lines: Vec<&str> = markdown.lines().collect();
    let pipes = |line: &str| {
        let bytes = line.as_bytes();
        (0..bytes.len())
            .filter(|&i| bytes[i] == b'|' && (i == 0 || bytes[i - 1] != b'\\'))
            .count()
    };
    let mut header: Option<usize> = None;
    for (i, line) in lines.iter().enumerate() {
        if line.starts_with('|') {
            let n = pipes(line);
            let expected = *header.get_or_insert(n);
            assert_eq!(
                n,
                expected,
                "table row {} has {n} cells borders, not {expected}: {line}",
                i + 1
            );
            assert!(line.ends_with('|'), "table row {} is cut: {line}", i + 1);
        } else {
            assert!(
                header.is_none() || line.is_empty(),
                "line {} continues a table without being a row: {line}",
                i + 1
            );
            header = None;
        }
    }
}

/// The HTML report as a real browser builds it (Debian's `chromium`,
/// headless): no element or attribute from the evidence, nothing fetched.
#[test]
fn the_html_report_in_a_real_browser_holds_no_element_from_the_evidence() {
    let chromium =
        browser::Chromium::find().expect("chromium (Debian's package) runs; .ci/run installs it");
    let planted = hostile_bundle();
    let (html, _) = run(planted.dir.path(), "html");
    let page = planted.dir.path().join("report.html");
    std::fs::write(&page, &html).unwrap();
    let visit = chromium.visit(&page, 1280);
    assert_eq!(
        visit.requests,
        Vec::<String>::new(),
        "the page asked the network for something"
    );
    let dom = visit.dom;
    assert!(dom.contains("</main>"), "chromium rendered no report");
    // In a DOM dump, text is escaped: every `<` opens a real element.
    for tag in dom
        .split('<')
        .skip(1)
        .map(|t| t.split('>').next().unwrap_or(""))
    {
        let name = tag.split_whitespace().next().unwrap_or("");
        assert!(
            !["img", "script", "b", "iframe", "object"].contains(&name),
            "the DOM holds <{tag}>"
        );
        let event_handler = tag
            .split_whitespace()
            .skip(1)
            .any(|attribute| attribute.starts_with("on"));
        assert!(!event_handler, "the DOM holds an event handler: <{tag}>");
    }
    // The evidence is there, as text.
    assert!(
        dom.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "hostile text not shown as text"
    );
    for reference in ["http://", "https://"] {
        let external = dom
            .match_indices(reference)
            .filter(|(at, _)| {
                let before = &dom[at.saturating_sub(6)..*at];
                before.ends_with("src=\"") || before.ends_with("href=\"")
            })
            .count();
        assert_eq!(external, 0, "the page references {reference} resources");
    }
}
