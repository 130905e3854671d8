use std::collections::BTreeMap;
use std::sync::LazyLock;

use chrono::{DateTime, Utc};
use regex::Regex;

use crate::analyze::detector::{
    Context, Detector, Finding, Horizon, Quote, Remediation, Signature,
};
use crate::analyze::rank::{resolve, split_target};
use crate::analyze::scan::Message;
use crate::evidence::time::parse_any;
use crate::evidence::{Evidence, LogSource};
use crate::locale::{Arg, Text};
use crate::{detector_meta, documented_detector};

documented_detector! {
    /// Reports a reverse proxy (nginx, on the host or in a container) that
    /// could not get an answer from its upstream and answered clients with
    /// 502 Bad Gateway, 503 Service Unavailable or 504 Gateway Timeout.
    ///
    /// Why it matters: this is what users see, but it is a symptom: the
    /// cause is the upstream (down, restarting, hung, wrong port or name).
    /// The upstream address the proxy tried is kept as the symptom's target,
    /// so the ranking can follow it to the container that owns it (its IP,
    /// name or alias, or the host port it publishes) and to that
    /// container's cause.
    ///
    /// Evidence: nginx error log lines (`connect() failed (111: Connection
    /// refused) while connecting to upstream`, `(111: Unknown error)` on
    /// musl builds, `no live upstreams`, `upstream timed out (110: …)`,
    /// `recv() failed (104: Connection reset by peer)`, `upstream
    /// prematurely closed connection`, `host not found in upstream "php"`)
    /// with their `upstream: "…"` field, and access log lines with status
    /// 502/503/504, counted. Both are read from host logs and from the
    /// `docker logs` of an nginx container.
    ///
    /// Fix: fix the upstream's root cause (the linked cause); check the
    /// upstream answers directly, and that the proxy points at the right
    /// address (`nginx -T`).
    pub struct UpstreamUnavailable;
    id = "upstream-unavailable", role = Symptom, summary = "a reverse proxy could not reach its upstream and answered 502/503/504";
}

// nginx messages from failure signatures §5 (ngx_http_upstream.c,
// ngx_inet.c); errno numbers are matched, not their text, which differs on musl.
const SIGNATURES: &[Signature] = &[
    Signature {
        id: "connecting",
        needle: "while connecting to upstream",
        pattern: Some(
            r"(?:connect\(\) failed \(\d+: [^)]*\)|no live upstreams|upstream timed out \(\d+: [^)]*\)) while connecting to upstream",
        ),
    },
    Signature {
        id: "reading",
        needle: "response header from upstream",
        pattern: Some(
            r"(?:upstream timed out \(\d+: [^)]*\)|recv\(\) failed \(\d+: [^)]*\)|upstream prematurely closed connection) while reading response header from upstream",
        ),
    },
    Signature {
        id: "host-not-found",
        needle: "host not found in upstream",
        pattern: Some(r#"host not found in upstream "[^"]+""#),
    },
    Signature {
        id: "not-resolved",
        needle: " could not be resolved (",
        pattern: Some(r"\S+ could not be resolved \(\d+: "),
    },
    Signature {
        id: "access-502",
        needle: "\" 502 ",
        pattern: Some(ACCESS),
    },
    Signature {
        id: "access-503",
        needle: "\" 503 ",
        pattern: Some(ACCESS),
    },
    Signature {
        id: "access-504",
        needle: "\" 504 ",
        pattern: Some(ACCESS),
    },
];

/// The request and status fields of the `combined` access log format, and
/// of formats that add fields in front of it (nginx-proxy's `vhost`):
/// `… [27/Nov/2026:18:31:23 +0000] "GET / HTTP/1.1" 502 157 …`.
const ACCESS: &str = r#"\[(?P<time>[^\]]+)\] "(?P<request>[^"]*)" (?P<status>50[234]) (?:\d+|-)"#;

static ACCESS_LINE: LazyLock<Regex> = LazyLock::new(|| Regex::new(ACCESS).expect("static regex"));
static UPSTREAM_FIELD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"upstream: "(?P<url>[^"]+)""#).expect("static regex"));
static UNRESOLVED_HOST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"host not found in upstream "(?P<host>[^"]+)"|(?P<name>\S+) could not be resolved \("#,
    )
    .expect("static regex")
});
static ERRNO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<what>connect|recv)\(\) failed \((?P<errno>\d+):").expect("static regex")
});

/// What went wrong between the proxy and its upstream.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Reason {
    Refused,
    Unreachable,
    ConnectTimeout,
    ReadTimeout,
    Reset,
    ClosedEarly,
    NoLiveUpstreams,
    NotResolved,
    OtherError,
}

impl Reason {
    fn of(text: &str) -> Reason {
        if let Some(caps) = ERRNO.captures(text) {
            return match (&caps["what"], &caps["errno"]) {
                ("connect", "111") => Reason::Refused,
                ("connect", "113" | "101") => Reason::Unreachable,
                ("connect", "110") => Reason::ConnectTimeout,
                ("recv", "104") => Reason::Reset,
                _ => Reason::OtherError,
            };
        }
        if text.contains("no live upstreams") {
            Reason::NoLiveUpstreams
        } else if text.contains("upstream timed out") && text.contains("while connecting") {
            Reason::ConnectTimeout
        } else if text.contains("upstream timed out") {
            Reason::ReadTimeout
        } else if text.contains("prematurely closed") {
            Reason::ClosedEarly
        } else if UNRESOLVED_HOST.is_match(text) {
            Reason::NotResolved
        } else {
            Reason::OtherError
        }
    }

    fn phrase(self) -> Text {
        Text::msg(match self {
            Reason::Refused => "upstream-unavailable-refused",
            Reason::Unreachable => "upstream-unavailable-unreachable",
            Reason::ConnectTimeout => "upstream-unavailable-connect-timeout",
            Reason::ReadTimeout => "upstream-unavailable-read-timeout",
            Reason::Reset => "upstream-unavailable-reset",
            Reason::ClosedEarly => "upstream-unavailable-closed-early",
            Reason::NoLiveUpstreams => "upstream-unavailable-no-live-upstreams",
            Reason::NotResolved => "upstream-unavailable-not-resolved",
            Reason::OtherError => "upstream-unavailable-failed",
        })
    }
}

/// The upstream a proxy error names: `127.0.0.1:18000` from
/// `upstream: "http://127.0.0.1:18000/"`, `php` from `host not found in upstream "php"`.
fn upstream_of(text: &str) -> Option<String> {
    if let Some(caps) = UNRESOLVED_HOST.captures(text) {
        let host = caps.name("host").or_else(|| caps.name("name"))?;
        return Some(host.as_str().to_string());
    }
    let url = &UPSTREAM_FIELD.captures(text)?["url"];
    if let Some((_, path)) = url.split_once("unix:") {
        return Some(format!("unix:{}", path.trim_start_matches("//")));
    }
    match split_target(url) {
        ("", _) => None,
        (host, Some(port)) if host.contains(':') => Some(format!("[{host}]:{port}")),
        (host, Some(port)) => Some(format!("{host}:{port}")),
        (host, None) => Some(host.to_string()),
    }
}

fn status_phrase(status: u16) -> &'static str {
    match status {
        502 => "502 Bad Gateway",
        503 => "503 Service Unavailable",
        _ => "504 Gateway Timeout",
    }
}

/// Everything one proxy's logs say.
#[derive(Default)]
struct Proxy<'a> {
    /// Upstream → reason → lines.
    failures: BTreeMap<String, BTreeMap<Reason, u64>>,
    /// Status → lines.
    statuses: BTreeMap<u16, u64>,
    /// The most frequent message of each (upstream, reason) and each status.
    samples: BTreeMap<(String, u16, Option<Reason>), (&'a LogSource, &'a Message)>,
    times: Vec<DateTime<Utc>>,
}

impl Detector for UpstreamUnavailable {
    detector_meta!();

    fn signatures(&self) -> &'static [Signature] {
        SIGNATURES
    }

    fn detect(&self, cx: &Context<'_>) -> Vec<Finding> {
        let ev = cx.evidence;
        let mut proxies: BTreeMap<&str, Proxy<'_>> = BTreeMap::new();
        for (log, bucket, message) in cx.hits.messages(ev, Self::ID) {
            let proxy = proxies.entry(log.service.as_str()).or_default();
            let key = if bucket.signature.starts_with("access-") {
                let Some(caps) = ACCESS_LINE.captures(&message.last().text) else {
                    continue;
                };
                let status: u16 = caps["status"].parse().unwrap_or(502);
                // Access lines start with the client address, so the scan
                // found no leading timestamp: read the `[time]` field.
                let time_of = |hit: &crate::analyze::scan::Hit| {
                    hit.timestamp.or_else(|| {
                        ACCESS_LINE
                            .captures(&hit.text)
                            .and_then(|c| parse_any(&c["time"], ev.zone))
                            .map(|t| t - log.clock_shift)
                    })
                };
                let (first, last) = (time_of(&message.first), time_of(message.last()));
                if [first, last]
                    .iter()
                    .all(|t| t.is_some_and(|t| !ev.window.contains(t)))
                {
                    continue;
                }
                proxy.times.extend(first);
                proxy.times.extend(last);
                *proxy.statuses.entry(status).or_default() += message.count;
                (String::new(), status, None)
            } else {
                let reason = Reason::of(&message.last().text);
                let upstream = upstream_of(&message.last().text).unwrap_or_default();
                *proxy
                    .failures
                    .entry(upstream.clone())
                    .or_default()
                    .entry(reason)
                    .or_default() += message.count;
                proxy.times.extend(message.first.timestamp);
                proxy.times.extend(message.last().timestamp);
                (upstream, 0, Some(reason))
            };
            let sample = proxy.samples.entry(key).or_insert((log, message));
            if message.count > sample.1.count {
                *sample = (log, message);
            }
        }
        proxies
            .into_iter()
            .map(|(service, proxy)| finding(ev, service, proxy))
            .collect()
    }
}

fn finding(ev: &Evidence, service: &str, proxy: Proxy<'_>) -> Finding {
    // Upstreams, most failures first; unnamed ones last.
    let mut upstreams: Vec<(&String, u64)> = proxy
        .failures
        .iter()
        .map(|(u, reasons)| (u, reasons.values().sum()))
        .collect();
    upstreams.sort_by(|a, b| {
        (a.0.is_empty(), std::cmp::Reverse(a.1)).cmp(&(b.0.is_empty(), std::cmp::Reverse(b.1)))
    });
    let cause = upstreams.first().map(|(upstream, _)| {
        let mut reasons: Vec<(Reason, u64)> = proxy.failures[*upstream]
            .iter()
            .map(|(r, n)| (*r, *n))
            .collect();
        reasons.sort_by_key(|(r, n)| (std::cmp::Reverse(*n), *r));
        let said: Vec<Text> = if reasons.len() == 1 {
            vec![reasons[0].0.phrase()]
        } else {
            reasons
                .iter()
                .map(|(r, n)| {
                    Text::msg("upstream-unavailable-reason-count")
                        .with("reason", r.phrase())
                        .with("count", Arg::Ungrouped(*n))
                })
                .collect()
        };
        let name = match resolve(ev, upstream, service) {
            _ if upstream.is_empty() => Text::msg("upstream-unavailable-the-upstream"),
            Some(owner) if owner != **upstream => Text::msg("upstream-unavailable-upstream-of")
                .with("upstream", *upstream)
                .with("owner", owner),
            _ => Text::msg("upstream-unavailable-upstream").with("upstream", *upstream),
        };
        Text::msg("upstream-unavailable-cause")
            .with("upstream", name)
            .with("reasons", and_chain(said))
    });
    let answered: Vec<Text> = proxy
        .statuses
        .iter()
        .map(|(status, n)| {
            Text::msg("upstream-unavailable-answered-status")
                .with("status", status_phrase(*status))
                .with("count", Arg::Ungrouped(*n))
        })
        .collect();
    let total_failures: u64 = upstreams.iter().map(|(_, n)| n).sum();
    let title = match (answered.is_empty(), cause) {
        (false, Some(cause)) => Text::msg("upstream-unavailable-title-answered-cause")
            .with("answered", and_chain(answered))
            .with("cause", cause),
        (false, None) => {
            Text::msg("upstream-unavailable-title-answered").with("answered", and_chain(answered))
        }
        (true, Some(cause)) => Text::msg("upstream-unavailable-title-cause")
            .with("errors", Arg::Ungrouped(total_failures))
            .with("cause", cause),
        (true, None) => Text::msg("upstream-unavailable-title"),
    }
    .with("service", service);
    let mut f = Finding::new(
        UpstreamUnavailable::ID,
        UpstreamUnavailable::ROLE,
        service,
        title,
    );
    f.confidence = 0.9;
    f.occurrences = proxy.statuses.values().sum::<u64>().max(total_failures);
    f.targets = upstreams
        .iter()
        .filter(|(u, _)| !u.is_empty())
        .map(|(u, _)| u.to_string())
        .collect();
    let mut quotes: Vec<Quote> = proxy
        .samples
        .values()
        .map(|(log, message)| {
            let mut q = message.quote_last(log);
            // Access lines carry their time in a `[…]` field, not in front.
            q.timestamp = q.timestamp.or_else(|| {
                ACCESS_LINE
                    .captures(&q.text)
                    .and_then(|c| parse_any(&c["time"], ev.zone))
            });
            q
        })
        .collect();
    quotes.sort_by_key(|q| q.timestamp);
    f.evidence = quotes;
    for t in proxy.times {
        f.seen_at(Some(t));
    }
    f.remediation = remedy(ev, service, f.targets.first().map(String::as_str));
    f
}

/// `a and b and c`: every pair joined by the same word, as the title has
/// always written these lists. `items` is not empty.
fn and_chain(items: Vec<Text>) -> Text {
    Text::chain("upstream-unavailable-and", items).unwrap_or_default()
}

fn remedy(ev: &Evidence, service: &str, upstream: Option<&str>) -> Remediation {
    let in_container = ev.container(service);
    let owner = upstream.and_then(|u| resolve(ev, u, service));
    let mut r = Remediation::new(
        match (&owner, upstream) {
            (Some(owner), _) => Text::msg("upstream-unavailable-fix-owner").with("owner", owner),
            (None, Some(u)) => Text::msg("upstream-unavailable-fix-upstream").with("upstream", u),
            (None, None) => Text::msg("upstream-unavailable-find-upstream"),
        }
        .with("service", service),
    );
    if let Some(owner) = owner.as_deref().filter(|o| ev.container(o).is_some()) {
        r = r.step(
            Horizon::Immediate,
            Text::msg("upstream-unavailable-step-owner").with("owner", owner),
            &[
                format!("docker ps -a --filter name=^{owner}$"),
                format!("docker logs --timestamps --tail 50 {owner}"),
            ],
        );
    }
    if let Some(u) = upstream.filter(|u| !u.starts_with("unix:") && split_target(u).1.is_some()) {
        let command = match in_container {
            // Proxy images ship curl (Debian) or busybox wget (Alpine).
            Some(c) => format!(
                "docker exec {} sh -c 'curl -sS -o /dev/null -w \"%{{http_code}}\\n\" http://{u}/ || wget -q -S -O /dev/null http://{u}/'",
                c.name
            ),
            None => format!("curl -sS -o /dev/null -w '%{{http_code}}\\n' http://{u}/"),
        };
        r = r.step(
            Horizon::Immediate,
            Text::msg("upstream-unavailable-step-ask").with("service", service),
            &[command],
        );
    }
    let config = "nginx -T 2>/dev/null | grep -nE 'upstream|proxy_pass|fastcgi_pass'";
    let config = match in_container {
        Some(c) => format!("docker exec {} sh -c \"{config}\"", c.name),
        None => config.to_string(),
    };
    r.step(
        Horizon::ShortTerm,
        Text::msg("upstream-unavailable-step-config").with("service", service),
        &[config],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::{analyze, Analysis};
    use crate::testing::{fixture, run_detector};

    /// The rank of the root cause found for `service`.
    fn cause_of(analysis: &Analysis, service: &str) -> usize {
        analysis
            .root_causes
            .iter()
            .find(|r| r.finding.service == service)
            .unwrap_or_else(|| panic!("no root cause for {service}: {:#?}", analysis.root_causes))
            .rank
    }

    #[test]
    fn the_main_incident_chain_runs_from_the_monitor_to_the_api() {
        let evidence = fixture("main-incident");
        let analysis = analyze(&evidence);
        let api = cause_of(&analysis, "mcp-api");
        // host nginx 502s → 127.0.0.1:18000, published by mcp-api → mcp-api's cause.
        let proxy = analysis
            .symptoms
            .iter()
            .find(|s| s.finding.kind == UpstreamUnavailable::ID)
            .expect("the host nginx symptom");
        assert_eq!(proxy.finding.service, "nginx (host)");
        assert_eq!(proxy.upstream_service.as_deref(), Some("mcp-api"));
        assert_eq!(proxy.explained_by, Some(api));
        // The nginx container could not start: the host nginx holds its port.
        let conflict = analysis
            .root_causes
            .iter()
            .find(|r| r.finding.kind == "port-conflict")
            .expect("the port conflict");
        assert_eq!(conflict.finding.service, "nginx");
        assert!(
            conflict
                .finding
                .title
                .to_string()
                .contains("host process nginx (pid "),
            "{}",
            conflict.finding.title
        );
        // qdrant is unhealthy, explained by its broken healthcheck.
        let qdrant = analysis
            .symptoms
            .iter()
            .find(|s| s.finding.kind == "unhealthy")
            .expect("qdrant unhealthy");
        assert_eq!(qdrant.finding.service, "qdrant");
        let probe = &analysis.root_causes[qdrant.explained_by.expect("explained") - 1];
        assert_eq!(
            (probe.finding.kind, probe.finding.service.as_str()),
            ("healthcheck-failing", "qdrant")
        );

        // The monitors of http://127.0.0.1:18080/ are followed through the host proxy to mcp-api.
        let monitors: Vec<_> = analysis
            .symptoms
            .iter()
            .filter(|s| s.finding.kind == "monitoring-failures")
            .collect();
        assert!(!monitors.is_empty(), "{:#?}", analysis.symptoms);
        for monitor in monitors {
            assert_eq!(monitor.finding.targets, ["http://127.0.0.1:18080/"]);
            assert_eq!(monitor.upstream_service.as_deref(), Some("nginx (host)"));
            assert_eq!(monitor.explained_by, Some(api), "{}", monitor.finding.title);
        }
    }

    #[test]
    fn a_proxy_refused_by_a_server_bound_to_loopback_is_explained_by_that_server() {
        let analysis = analyze(&fixture("upstream-502"));
        let proxy = analysis
            .symptoms
            .iter()
            .find(|s| s.finding.kind == UpstreamUnavailable::ID)
            .expect("the proxy symptom");
        assert_eq!(proxy.finding.service, "proxy");
        assert!(
            proxy
                .finding
                .title
                .to_string()
                .starts_with("proxy answered 502 Bad Gateway "),
            "{}",
            proxy.finding.title
        );
        assert!(
            proxy
                .finding
                .title
                .to_string()
                .contains("(api) refused connections"),
            "{}",
            proxy.finding.title
        );
        let api = cause_of(&analysis, "api");
        assert_eq!(proxy.explained_by, Some(api));
        let cause = &analysis.root_causes[api - 1].finding;
        assert_eq!(cause.kind, "dependency-unreachable");
        assert!(
            cause
                .title
                .to_string()
                .contains("api listens only on 127.0.0.1:8000"),
            "{}",
            cause.title
        );
        assert!(cause
            .evidence
            .iter()
            .any(|q| q.text == "Config.Env: BIND_ADDR=127.0.0.1"));
    }

    #[test]
    fn a_proxy_dialing_a_stopped_container_is_explained_by_the_stop() {
        let analysis = analyze(&fixture("upstream-stopped"));
        let proxy = analysis
            .symptoms
            .iter()
            .find(|s| s.finding.kind == UpstreamUnavailable::ID)
            .expect("the proxy symptom");
        // The stopped api lost its address; the proxy still dials it.
        assert_eq!(proxy.upstream_service.as_deref(), Some("api"));
        let api = cause_of(&analysis, "api");
        assert_eq!(proxy.explained_by, Some(api));
        let cause = &analysis.root_causes[api - 1].finding;
        assert!(
            cause
                .title
                .to_string()
                .starts_with("api was stopped on request at "),
            "{}",
            cause.title
        );
        assert!(cause
            .evidence
            .iter()
            .any(|q| q.text == "event kill signal=15"));
    }

    #[test]
    fn host_nginx_answered_502_because_the_api_port_refused() {
        let findings = run_detector(&UpstreamUnavailable, "main-incident");
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let f = &findings[0];
        assert_eq!(f.service, "nginx (host)");
        assert_eq!(f.targets, ["127.0.0.1:18000"]);
        assert!(
            f.title
                .to_string()
                .starts_with("nginx (host) answered 502 Bad Gateway "),
            "{}",
            f.title
        );
        assert!(
            f.title
                .to_string()
                .contains(": upstream 127.0.0.1:18000 (mcp-api) refused connections ("),
            "{}",
            f.title
        );
        assert!(
            f.title.to_string().contains("reset connections ("),
            "{}",
            f.title
        );
        let access = f
            .evidence
            .iter()
            .find(|q| q.source == "logs/nginx/access.log")
            .expect("an access line is quoted");
        assert!(access.timestamp.is_some(), "read from the [time] field");
        assert!(
            access.text.to_string().contains("\"GET / HTTP/1.1\" 502 "),
            "{}",
            access.text
        );
        assert!(f.evidence.iter().any(|q| q.source == "logs/nginx/error.log"
            && q.text.to_string().contains(
                "connect() failed (111: Connection refused) while connecting to upstream"
            )));
        assert!(f.first_seen.is_some() && f.first_seen < f.last_seen);
        // The 502 count matches the access log's own lines.
        let log = std::fs::read_to_string(
            crate::testing::fixture_path("main-incident").join("logs/nginx/access.log"),
        )
        .unwrap();
        let expected = log.lines().filter(|l| l.contains("\" 502 ")).count();
        assert!(
            f.title
                .to_string()
                .contains(&format!("502 Bad Gateway {expected} times")),
            "{}",
            f.title
        );
    }

    #[test]
    fn reads_the_upstream_and_reason_of_each_message() {
        let cases = [
            (
                r#"2020/09/08 08:26:39 [error] 30#30: *5 connect() failed (111: Connection refused) while connecting to upstream, client: 172.24.0.1, server: nginx, request: "GET /swagger HTTP/1.1", upstream: "http://172.24.0.6:5000/swagger", host: "localhost""#,
                Some("172.24.0.6:5000"),
                Reason::Refused,
            ),
            (
                r#"connect() failed (111: Unknown error) while connecting to upstream, client: 1.2.3.4, upstream: "fastcgi://172.20.0.4:9000", host: "x""#,
                Some("172.20.0.4:9000"),
                Reason::Refused,
            ),
            (
                r#"*451 no live upstreams while connecting to upstream, client: x, request: "GET / HTTP/1.1", upstream: "http://localhost/api", host: "x""#,
                Some("localhost"),
                Reason::NoLiveUpstreams,
            ),
            (
                r#"upstream timed out (110: Connection timed out) while reading response header from upstream, client: 127.0.0.1, upstream: "fastcgi://unix:///var/run/php-fpm.sock", host: "wcd_api""#,
                Some("unix:/var/run/php-fpm.sock"),
                Reason::ReadTimeout,
            ),
            (
                r#"[emerg] 1#1: host not found in upstream "php" in /etc/nginx/conf.d/default.conf:16"#,
                Some("php"),
                Reason::NotResolved,
            ),
            (
                r#"upstream prematurely closed connection while reading response header from upstream, client: x, upstream: "http://[::1]:8000/", host: "x""#,
                Some("[::1]:8000"),
                Reason::ClosedEarly,
            ),
        ];
        for (text, upstream, reason) in cases {
            assert_eq!(upstream_of(text).as_deref(), upstream, "{text}");
            assert_eq!(Reason::of(text), reason, "{text}");
        }
    }

    #[test]
    fn healthy_stack_proxies_answer() {
        assert!(run_detector(&UpstreamUnavailable, "healthy-stack").is_empty());
    }
}
