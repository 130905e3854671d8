//! Probes endpoints now (`--probe URL`) and saves what they answered in the
//! bundle, so the report can say what users get at the time of the
//! investigation and the bundle still says it later.
//!
//! Each URL is tried several times with a timeout and exponential backoff
//! between tries. Every try is recorded and classified; nothing here
//! decides whether the answer is a problem.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use crate::evidence::monitoring::ErrorClass;
use crate::evidence::redact;
use crate::evidence::ProbeResult;

#[derive(Debug, Clone)]
pub struct ProbeOptions {
    pub tries: u32,
    /// For one try, connect to last byte of the headers.
    pub timeout: Duration,
    /// The pause after the first try; it doubles after each further one.
    pub backoff: Duration,
}

impl Default for ProbeOptions {
    fn default() -> Self {
        ProbeOptions {
            tries: 5,
            timeout: Duration::from_secs(5),
            backoff: Duration::from_millis(250),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ProbeError {
    #[error("--probe {url:?}: not an http:// or https:// URL")]
    NotAUrl { url: String },
    #[error("cannot set up the HTTP client: {0}")]
    Client(String),
}

/// Tries `url` `options.tries` times, sleeping with exponential backoff
/// between tries. A failing endpoint is a result, not an error: only an
/// unusable URL is.
pub fn probe(url: &str, options: &ProbeOptions) -> Result<Vec<ProbeResult>, ProbeError> {
    let parsed = reqwest::Url::parse(url).map_err(|_| ProbeError::NotAUrl {
        url: url.to_string(),
    })?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(ProbeError::NotAUrl {
            url: url.to_string(),
        });
    }
    // Probe from this host as users' monitors do: directly, not through a
    // proxy, and without following redirects (a 3xx is an answer).
    let client = reqwest::blocking::Client::builder()
        .timeout(options.timeout)
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .user_agent(concat!("coroner/", env!("CARGO_PKG_VERSION"), " probe"))
        .build()
        .map_err(|e| ProbeError::Client(e.to_string()))?;
    let shown_url = redact::text(url, redact::DERIVED).into_owned();
    let mut results = Vec::new();
    let mut pause = options.backoff;
    for attempt in 1..=options.tries.max(1) {
        if attempt > 1 {
            std::thread::sleep(pause);
            pause = pause.saturating_mul(2);
        }
        let time = Utc::now();
        let started = Instant::now();
        let outcome = client.get(parsed.clone()).send();
        let latency_ms = started.elapsed().as_secs_f64() * 1000.0;
        results.push(match outcome {
            Ok(response) => {
                let status = response.status();
                let ok = status.is_success() || status.is_redirection();
                ProbeResult {
                    url: shown_url.clone(),
                    time,
                    attempt,
                    ok,
                    status: Some(status.as_u16()),
                    latency_ms: Some(latency_ms),
                    class: (!ok).then(|| ErrorClass::of(Some(status.as_u16()), None)),
                    answer: match status.canonical_reason() {
                        Some(reason) => format!("{} {reason}", status.as_u16()),
                        None => format!("HTTP {}", status.as_u16()),
                    },
                    error: None,
                    source: String::new(),
                    line: 0,
                }
            }
            Err(e) => {
                let (class, text) = classify_error(&e, url);
                ProbeResult {
                    url: shown_url.clone(),
                    time,
                    attempt,
                    ok: false,
                    status: None,
                    latency_ms: Some(latency_ms),
                    class: Some(class),
                    answer: class.label().to_string(),
                    error: Some(redact::text(&text, redact::DERIVED).into_owned()),
                    source: String::new(),
                    line: 0,
                }
            }
        });
    }
    Ok(results)
}

/// The class of a failed request and the client's full error text (the
/// chain of causes, without the URL, which says nothing new).
pub fn classify_error(error: &reqwest::Error, url: &str) -> (ErrorClass, String) {
    let mut parts = vec![error.to_string()];
    let mut refused = false;
    let mut source = std::error::Error::source(error);
    while let Some(s) = source {
        if let Some(io) = s.downcast_ref::<std::io::Error>() {
            refused |= io.kind() == std::io::ErrorKind::ConnectionRefused;
        }
        parts.push(s.to_string());
        source = s.source();
    }
    let text = parts.join(": ").replace(url, "<url>");
    let class = if error.is_timeout() {
        ErrorClass::Timeout
    } else if refused {
        ErrorClass::ConnectionRefused
    } else {
        match ErrorClass::of(None, Some(&text)) {
            // rustls reports a peer that does not speak TLS as a corrupt message.
            ErrorClass::Other if url.starts_with("https://") && error.is_connect() => {
                ErrorClass::Tls
            }
            class => class,
        }
    };
    (class, text)
}

/// Writes one probe run into the bundle as `probes/probes-<time>.jsonl`
/// (written whole, then renamed into place), and records the file on
/// each result.
pub fn save(
    bundle: &Path,
    results: &mut [ProbeResult],
    at: DateTime<Utc>,
) -> std::io::Result<PathBuf> {
    let dir = bundle.join("probes");
    std::fs::create_dir_all(&dir)?;
    let name = format!("probes-{}.jsonl", at.format("%Y%m%dT%H%M%S%.3fZ"));
    let mut tmp = tempfile::NamedTempFile::new_in(&dir)?;
    for r in results.iter() {
        tmp.write_all(r.to_json_line().as_bytes())?;
    }
    tmp.as_file().sync_all()?;
    let path = dir.join(&name);
    tmp.persist(&path).map_err(|e| e.error)?;
    for (i, r) in results.iter_mut().enumerate() {
        r.source = format!("probes/{name}");
        r.line = i as u64 + 1;
    }
    Ok(path)
}
