//! Fetches a monitoring history from a live Prometheus (`--prometheus URL
//! --prometheus-query QUERY`) and saves the raw answer in the bundle.
//!
//! The answer is kept as Prometheus sent it and read by the same parser as
//! a saved file ([`crate::evidence::monitoring::parse_prometheus`]), so the
//! live and the offline path give the same figures.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};

use super::probe::classify_error;
use crate::evidence::monitoring::ErrorClass;
use crate::evidence::redact;

/// Prometheus refuses a range query with more points than this per series.
const MAX_POINTS: i64 = 11_000;
const TRIES: u32 = 3;
const FIRST_BACKOFF: Duration = Duration::from_millis(500);
const TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Debug, thiserror::Error)]
pub enum PrometheusError {
    #[error("Prometheus at {url}: connection refused (is it running, and on that port?)")]
    Refused { url: String },
    #[error("Prometheus at {url}: no answer within {} s", TIMEOUT.as_secs())]
    Timeout { url: String },
    #[error("Prometheus at {url}: the host name does not resolve: {detail}")]
    Dns { url: String, detail: String },
    #[error("Prometheus at {url}: {detail}")]
    Unreachable { url: String, detail: String },
    #[error("Prometheus at {url} answered HTTP {status}: {body}")]
    Http {
        url: String,
        status: u16,
        body: String,
    },
    #[error("Prometheus at {url} rejected the query {query:?}: {error_type}: {error}")]
    Query {
        url: String,
        query: String,
        error_type: String,
        error: String,
    },
    #[error("Prometheus at {url} sent an answer that is not a Prometheus API response: {detail}")]
    Invalid { url: String, detail: String },
    #[error("--prometheus {url:?}: not an http:// or https:// URL")]
    NotAUrl { url: String },
}

/// The step that keeps `since..until` within Prometheus's limit on points,
/// one second at least.
pub fn step_for(since: DateTime<Utc>, until: DateTime<Utc>) -> Duration {
    let span = (until - since).num_seconds().max(1);
    Duration::from_secs(((span + MAX_POINTS - 1) / MAX_POINTS).max(1) as u64)
}

/// Reads a step as `--prometheus-step` takes it: `15s`, `1m`, `2h` or plain seconds.
pub fn parse_step(text: &str) -> Option<Duration> {
    let t = text.trim();
    let (number, unit) = match t.char_indices().find(|(_, c)| c.is_ascii_alphabetic()) {
        Some((i, _)) => t.split_at(i),
        None => (t, "s"),
    };
    let value: f64 = number.trim().parse().ok().filter(|v: &f64| *v > 0.0)?;
    let factor = match unit {
        "ms" => 0.001,
        "s" => 1.0,
        "m" => 60.0,
        "h" => 3600.0,
        _ => return None,
    };
    Some(Duration::from_secs_f64(value * factor))
}

/// Runs `query` over `since..until` at `step` against the Prometheus at
/// `base_url` (e.g. `http://127.0.0.1:9090`) and returns the raw JSON.
/// Refused connections, timeouts and 5xx answers are retried with
/// exponential backoff; a rejected query is not.
pub fn fetch(
    base_url: &str,
    query: &str,
    since: DateTime<Utc>,
    until: DateTime<Utc>,
    step: Duration,
) -> Result<String, PrometheusError> {
    let shown = redact::text(base_url, redact::DERIVED).into_owned();
    let endpoint = reqwest::Url::parse(&format!(
        "{}/api/v1/query_range",
        base_url.trim_end_matches('/')
    ))
    .ok()
    .filter(|u| matches!(u.scheme(), "http" | "https"))
    .ok_or_else(|| PrometheusError::NotAUrl { url: shown.clone() })?;
    let client = reqwest::blocking::Client::builder()
        .timeout(TIMEOUT)
        .user_agent(concat!("coroner/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| PrometheusError::Unreachable {
            url: shown.clone(),
            detail: format!("cannot set up the HTTP client: {e}"),
        })?;
    let params = [
        ("query", query.to_string()),
        ("start", seconds(since)),
        ("end", seconds(until)),
        ("step", format!("{}s", step.as_secs_f64())),
    ];
    let mut pause = FIRST_BACKOFF;
    let mut attempt = 1;
    loop {
        let result = once(&client, &endpoint, &params, &shown, query);
        let retry = matches!(
            &result,
            Err(PrometheusError::Refused { .. }
                | PrometheusError::Timeout { .. }
                | PrometheusError::Unreachable { .. })
        ) || matches!(&result, Err(PrometheusError::Http { status, .. }) if *status >= 500);
        if !retry || attempt >= TRIES {
            return result;
        }
        std::thread::sleep(pause);
        pause *= 2;
        attempt += 1;
    }
}

fn seconds(t: DateTime<Utc>) -> String {
    format!("{:.3}", t.timestamp_millis() as f64 / 1000.0)
}

fn once(
    client: &reqwest::blocking::Client,
    endpoint: &reqwest::Url,
    params: &[(&str, String)],
    shown: &str,
    query: &str,
) -> Result<String, PrometheusError> {
    let url = shown.to_string();
    let response = client
        .get(endpoint.clone())
        .query(params)
        .send()
        .map_err(|e| {
            let (class, detail) = classify_error(&e, endpoint.as_str());
            let detail = redact::text(&detail, redact::DERIVED).into_owned();
            match class {
                ErrorClass::ConnectionRefused => PrometheusError::Refused { url: url.clone() },
                ErrorClass::Timeout => PrometheusError::Timeout { url: url.clone() },
                ErrorClass::Dns => PrometheusError::Dns {
                    url: url.clone(),
                    detail,
                },
                _ => PrometheusError::Unreachable {
                    url: url.clone(),
                    detail,
                },
            }
        })?;
    let status = response.status().as_u16();
    let body = response.text().map_err(|e| PrometheusError::Invalid {
        url: url.clone(),
        detail: format!("the body could not be read: {e}"),
    })?;
    // Prometheus explains a rejected query in the body, with 400 or 422.
    if let Ok(v) = serde_json::from_str::<serde_json::Value>(&body) {
        if v.get("status").and_then(|s| s.as_str()) == Some("error") {
            let field = |k: &str| {
                v.get(k)
                    .and_then(|s| s.as_str())
                    .unwrap_or("unknown")
                    .to_string()
            };
            return Err(PrometheusError::Query {
                url,
                query: query.to_string(),
                error_type: field("errorType"),
                error: field("error"),
            });
        }
        if (200..300).contains(&status) && v.get("data").is_some() {
            return Ok(body);
        }
    }
    if !(200..300).contains(&status) {
        let mut excerpt: String = body.chars().take(200).collect();
        if excerpt.is_empty() {
            excerpt = "(empty body)".into();
        }
        return Err(PrometheusError::Http {
            url,
            status,
            body: redact::text(excerpt.trim(), redact::DERIVED).into_owned(),
        });
    }
    Err(PrometheusError::Invalid {
        url,
        detail: body.chars().take(200).collect(),
    })
}

/// `monitoring/prometheus-<query slug>.json`: the bundle-relative name the
/// answer to `query` is saved under.
pub fn bundle_path(query: &str) -> String {
    let mut slug = String::new();
    for c in query.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug: String = slug.trim_matches('-').chars().take(60).collect();
    let slug = if slug.is_empty() {
        "query".into()
    } else {
        slug
    };
    format!("monitoring/prometheus-{}.json", slug.trim_end_matches('-'))
}

/// Saves a raw answer into the bundle (written whole, then renamed into
/// place) and returns its path.
pub fn save(bundle: &Path, query: &str, body: &str) -> std::io::Result<PathBuf> {
    use std::io::Write;
    let path = bundle.join(bundle_path(query));
    let dir = path.parent().unwrap_or(bundle);
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(body.as_bytes())?;
    tmp.as_file().sync_all()?;
    tmp.persist(&path).map_err(|e| e.error)?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_stay_within_the_point_limit() {
        let t = |s| DateTime::from_timestamp(s, 0).unwrap();
        assert_eq!(step_for(t(0), t(51)), Duration::from_secs(1));
        assert_eq!(step_for(t(0), t(9 * 86_400)), Duration::from_secs(71));
    }

    #[test]
    fn steps_are_read_with_their_unit() {
        assert_eq!(parse_step("15s"), Some(Duration::from_secs(15)));
        assert_eq!(parse_step("1m"), Some(Duration::from_secs(60)));
        assert_eq!(parse_step("30"), Some(Duration::from_secs(30)));
        assert_eq!(parse_step("0"), None);
        assert_eq!(parse_step("5 parsecs"), None);
    }

    #[test]
    fn queries_become_file_names() {
        assert_eq!(
            bundle_path("probe_success{instance=\"http://127.0.0.1:18080/\"}"),
            "monitoring/prometheus-probe-success-instance-http-127-0-0-1-18080.json"
        );
        assert_eq!(bundle_path("{}"), "monitoring/prometheus-query.json");
    }

    #[test]
    fn a_refused_connection_is_named_with_its_url() {
        let port = {
            let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            l.local_addr().unwrap().port()
        };
        let url = format!("http://127.0.0.1:{port}");
        let t = |s| DateTime::from_timestamp(s, 0).unwrap();
        let err = fetch(&url, "up", t(0), t(60), Duration::from_secs(1)).unwrap_err();
        assert!(matches!(err, PrometheusError::Refused { .. }), "{err}");
        assert!(err.to_string().contains(&url), "{err}");
    }
}
