use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use chrono::{DateTime, Utc};
use regex::Regex;

use super::common::{compose_quote, compose_recreate, configured_ports, own_events};
use crate::analyze::detector::{
    Context, Detector, Finding, Horizon, Quote, Remediation, Role, Signature,
};
use crate::analyze::rank::resolve;
use crate::analyze::scan::Message;
use crate::evidence::{Container, Evidence, LogSource};
use crate::locale::{Arg, Text};
use crate::{detector_meta, documented_detector};

documented_detector! {
    /// Detects a service that cannot connect to another one: the connection
    /// is refused, or the other's name does not resolve. It names the
    /// `host:port` it tried and says why that fails.
    ///
    /// Why it matters: the service that logs the error is rarely the one to
    /// fix. When the dependency itself is down or failing, this is a
    /// symptom, and it points at the dependency so the ranking can link it
    /// to the dependency's own cause. When the dependency is fine, the
    /// caller's configuration is wrong, and this is the cause:
    /// `localhost` inside a container is the container itself, a name that
    /// no container or alias on the caller's networks carries does not
    /// resolve (failure signatures §10.4), two containers on different
    /// networks cannot reach each other, and a running dependency that
    /// refuses connections listens on another port, or only on its own
    /// loopback (`BIND_ADDR=127.0.0.1`, `listening on 127.0.0.1:8000`): then
    /// the dependency's setting is the cause, also behind a reverse proxy's
    /// refused upstream connections. A dependency that was only starting
    /// (refused within 30 s of its start) and became healthy after the caller
    /// gave up is an ordering problem: when the bundle holds the compose
    /// file, its `depends_on` entry without `condition: service_healthy` is
    /// quoted with the edit to make.
    ///
    /// Evidence: the caller's log lines: `Connection refused`, `[Errno
    /// 111]`, `ECONNREFUSED`, libpq `connection to server at "db" (…), port
    /// 5432 failed`, `could not translate host name "db" to address`, `Name
    /// or service not known`, `Temporary failure in name resolution`,
    /// `getaddrinfo ENOTFOUND`, redis `Error 111 connecting to redis:6379`,
    /// Go `dial tcp …`; when the line names no address, the caller's
    /// connection settings in its environment (`DATABASE_URL`, `*_HOST` and
    /// `*_PORT`). Then the containers' names, aliases, networks, state and
    /// port and bind-address settings in `docker container inspect`, and a
    /// server's own announcement of the address it listens on.
    ///
    /// Fix: point the setting at the service name instead of `localhost`,
    /// put both containers on one user-defined network, create or start the
    /// missing dependency, align the port the caller dials with the one the
    /// dependency listens on, make the dependency listen on 0.0.0.0, or start
    /// the caller once the dependency is healthy (`condition: service_healthy`).
    pub struct DependencyUnreachable;
    id = "dependency-unreachable", role = Cause, summary = "a service cannot connect to a dependency: connection refused or name not resolved";
}

// Messages from failure signatures §10.2 and §10.4 (libpq, psycopg, asyncio,
// redis-py, Node, Go, glibc and musl resolvers, busybox wget).
const SIGNATURES: &[Signature] = &[
    Signature {
        id: "refused",
        needle: "connection refused",
        pattern: None,
    },
    Signature {
        id: "connect-call-failed",
        needle: "Connect call failed (",
        pattern: None,
    },
    Signature {
        id: "econnrefused",
        needle: "ECONNREFUSED",
        pattern: None,
    },
    Signature {
        id: "libpq",
        needle: "connection to server at \"",
        pattern: None,
    },
    Signature {
        id: "translate-host",
        needle: "could not translate host name",
        pattern: None,
    },
    Signature {
        id: "name-unknown",
        needle: "Name or service not known",
        pattern: None,
    },
    Signature {
        id: "name-does-not-resolve",
        needle: "Name does not resolve",
        pattern: None,
    },
    Signature {
        id: "dns-temporary",
        needle: "Temporary failure in name resolution",
        pattern: None,
    },
    Signature {
        id: "getaddrinfo",
        needle: "getaddrinfo E",
        pattern: Some(r"getaddrinfo (?:ENOTFOUND|EAI_AGAIN)"),
    },
    Signature {
        id: "go-no-such-host",
        needle: ": no such host",
        pattern: Some(r"lookup \S+"),
    },
    Signature {
        id: "wget-bad-address",
        needle: "bad address '",
        pattern: None,
    },
    Signature {
        id: "unreachable",
        needle: "No route to host",
        pattern: None,
    },
    // A server announcing a loopback-only address: reachable from nowhere but its own container.
    Signature {
        id: "listens-loopback",
        needle: "on 127.0.0.1:",
        pattern: Some(LOOPBACK_LISTEN),
    },
    Signature {
        id: "listens-loopback-url",
        needle: "://127.0.0.1:",
        pattern: Some(LOOPBACK_LISTEN),
    },
];

/// `listening on 127.0.0.1:8000`, uvicorn `running on http://127.0.0.1:8000`,
/// gunicorn `Listening at: http://127.0.0.1:8000`.
const LOOPBACK_LISTEN: &str = r"(?i)\b(?:listening|running|serving|bound)\s+(?:on|at:?|to)\s+(?:https?://)?(?:127\.0\.0\.1|localhost):(?P<port>\d+)";

static LOOPBACK_LISTEN_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(LOOPBACK_LISTEN).expect("static regex"));

/// Settings that choose the address a server binds, e.g. `BIND_ADDR=127.0.0.1`.
fn is_bind_setting(name: &str) -> bool {
    let name = name.to_ascii_uppercase();
    name.contains("BIND")
        || name.contains("LISTEN")
        || matches!(
            name.as_str(),
            "HOST" | "SERVER_HOST" | "APP_HOST" | "HTTP_HOST"
        )
}

/// How a connection attempt failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Failure {
    Refused,
    /// The name does not exist for the resolver.
    NotResolved,
    /// The resolver did not answer (EAI_AGAIN).
    DnsUnavailable,
    Unreachable,
}

impl Failure {
    fn of(text: &str) -> Option<Failure> {
        let lower = text.to_ascii_lowercase();
        if lower.contains("temporary failure in name resolution") || lower.contains("eai_again") {
            Some(Failure::DnsUnavailable)
        } else if [
            "name or service not known",
            "name does not resolve",
            "could not translate host name",
            "enotfound",
            "no such host",
            "bad address '",
        ]
        .iter()
        .any(|s| lower.contains(s))
        {
            Some(Failure::NotResolved)
        } else if lower.contains("refused")
            || lower.contains("errno 111")
            || lower.contains("error 111")
        {
            Some(Failure::Refused)
        } else if lower.contains("no route to host") {
            Some(Failure::Unreachable)
        } else {
            None
        }
    }

    fn is_dns(self) -> bool {
        matches!(self, Failure::NotResolved | Failure::DnsUnavailable)
    }

    fn phrase(self) -> Text {
        Text::msg(match self {
            Failure::Refused => "dependency-unreachable-failure-refused",
            Failure::NotResolved => "dependency-unreachable-failure-not-resolved",
            Failure::DnsUnavailable => "dependency-unreachable-failure-dns-unavailable",
            Failure::Unreachable => "dependency-unreachable-failure-unreachable",
        })
    }
}

/// Where the address sits in each message form, in order of how exactly it
/// names the address. Every pattern has a `host` group and may have `port`.
static ADDRESS_FORMS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        r#"connection to server at "(?P<host>[^"]+)"(?: \([^)]*\))?, port (?P<port>\d+) failed"#,
        r#"could not translate host name "(?P<host>[^"]+)""#,
        r#"on host "(?P<host>[^"]+)""#,
        r"Connect call failed \('(?P<host>[^']+)', (?P<port>\d+)\)",
        r"host='(?P<host>[^']+)', port=(?P<port>\d+)",
        r"(?:ECONNREFUSED|EHOSTUNREACH|ETIMEDOUT) (?P<host>[\w.:-]+?):(?P<port>\d+)\b",
        r"getaddrinfo (?:ENOTFOUND|EAI_AGAIN) (?P<host>[\w.-]+)",
        r"Error -?\d+ connecting to (?P<host>[\w.-]+):(?P<port>\d+)",
        r"dial tcp (?P<host>[\w.-]+|\[[0-9a-fA-F:]+\]):(?P<port>\d+): connect",
        r"lookup (?P<host>[\w.-]+)(?: on [\d.:]+)?: no such host",
        r"bad address '(?P<host>[^':]+)(?::(?P<port>\d+))?'",
        r"can't connect to remote host \((?P<host>[^)]+)\)",
        r"\w+://(?:[^@/\s]+@)?(?P<host>[\w.-]+):(?P<port>\d+)",
    ]
    .iter()
    .map(|p| Regex::new(p).expect("static regex"))
    .collect()
});

/// Any `host:port` in free text; trusted only for hosts the evidence knows.
static ANY_HOST_PORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?P<host>[A-Za-z][\w.-]*|\d{1,3}(?:\.\d{1,3}){3}):(?P<port>\d{2,5})\b")
        .expect("static regex")
});

/// Connection settings in an environment: URLs and `X_HOST`/`X_PORT` pairs.
static URL_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<scheme>[A-Za-z][\w+.-]*)://(?:[^@/\s]*@)?(?P<host>[^:/?\s\[\]]+)(?::(?P<port>\d+))?",
    )
    .expect("static regex")
});

/// Whether `host` is the loopback interface of whoever connects to it.
fn is_loopback(host: &str) -> bool {
    host == "localhost" || host == "::1" || host.starts_with("127.")
}

/// The networks two containers share; `None` when either has none recorded.
fn shared_networks<'a>(a: &'a Container, b: &Container) -> Option<Vec<&'a str>> {
    if a.networks.is_empty() || b.networks.is_empty() {
        return None;
    }
    Some(
        a.networks
            .iter()
            .filter(|n| b.networks.iter().any(|m| m.network == n.network))
            .map(|n| n.network.as_str())
            .collect(),
    )
}

/// A dependency as the caller names it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Address {
    host: String,
    port: Option<u16>,
}

impl std::fmt::Display for Address {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.port {
            Some(port) if self.host.contains(':') => write!(f, "[{}]:{port}", self.host),
            Some(port) => write!(f, "{}:{port}", self.host),
            None => write!(f, "{}", self.host),
        }
    }
}

/// A connection setting of the caller: the variable and the address it holds.
#[derive(Debug, Clone)]
struct Setting {
    variable: String,
    entry: String,
    address: Address,
}

/// Connection settings found in a container's environment.
fn settings(c: &Container) -> Vec<Setting> {
    let mut out = Vec::new();
    for entry in &c.env {
        let Some((name, value)) = entry.split_once('=') else {
            continue;
        };
        if let Some(caps) = URL_VALUE.captures(value) {
            let port = caps
                .name("port")
                .and_then(|p| p.as_str().parse().ok())
                .or_else(|| default_port(&caps["scheme"]));
            out.push(Setting {
                variable: name.to_string(),
                entry: entry.clone(),
                address: Address {
                    host: caps["host"].to_string(),
                    port,
                },
            });
        } else if let Some(prefix) = name.strip_suffix("_HOST").filter(|_| !value.is_empty()) {
            let port = c
                .env_value(&format!("{prefix}_PORT"))
                .and_then(|p| p.parse().ok());
            out.push(Setting {
                variable: name.to_string(),
                entry: entry.clone(),
                address: Address {
                    host: value.to_string(),
                    port,
                },
            });
        }
    }
    out
}

/// Ports a URL scheme implies when it names none.
fn default_port(scheme: &str) -> Option<u16> {
    Some(match scheme.to_ascii_lowercase().as_str() {
        "postgres" | "postgresql" => 5432,
        "mysql" | "mariadb" => 3306,
        "redis" => 6379,
        "amqp" => 5672,
        "mongodb" => 27017,
        "http" => 80,
        "https" => 443,
        _ => return None,
    })
}

/// The address a message names, read by the known message forms first,
/// then as any `host:port` whose host the evidence knows.
fn address_in(ev: &Evidence, text: &str, known: &[Setting]) -> Option<Address> {
    let parse = |caps: regex::Captures<'_>| Address {
        host: caps["host"].trim_matches(['[', ']']).to_string(),
        port: caps.name("port").and_then(|p| p.as_str().parse().ok()),
    };
    if let Some(a) = ADDRESS_FORMS
        .iter()
        .find_map(|re| re.captures(text).map(parse))
    {
        return Some(a);
    }
    ANY_HOST_PORT.captures_iter(text).map(parse).find(|a| {
        is_loopback(&a.host)
            || known.iter().any(|s| s.address.host == a.host)
            || ev.containers.iter().any(|c| {
                c.name == a.host
                    || c.service_name() == a.host
                    || c.networks
                        .iter()
                        .any(|n| n.ip == a.host || n.aliases.contains(&a.host))
            })
    })
}

/// One caller's failed attempts at one address.
struct Attempts<'a> {
    failure: Failure,
    count: u64,
    messages: Vec<(&'a LogSource, &'a Message)>,
    times: Vec<DateTime<Utc>>,
    /// The setting the address came from, when the log line did not name it.
    inferred_from: Option<Setting>,
    /// The settings the caller has, when no address could be told.
    candidates: Vec<Setting>,
    /// Every line is a reverse proxy's upstream error.
    via_proxy: bool,
}

/// Servers that announced a loopback-only address: service → (port, the line).
type LoopbackListeners = BTreeMap<String, Vec<(u16, Quote)>>;

impl Detector for DependencyUnreachable {
    detector_meta!();

    fn signatures(&self) -> &'static [Signature] {
        SIGNATURES
    }

    fn detect(&self, cx: &Context<'_>) -> Vec<Finding> {
        let ev = cx.evidence;
        let mut seen: BTreeSet<(usize, u64)> = BTreeSet::new();
        let mut groups: BTreeMap<(String, Option<Address>), Attempts<'_>> = BTreeMap::new();
        let mut loopback: LoopbackListeners = BTreeMap::new();
        for (log, bucket, message) in cx.hits.messages(ev, Self::ID) {
            // One line can match several needles; count it once.
            if !seen.insert((bucket.log, message.first.line)) {
                continue;
            }
            let text = &message.last().text;
            if bucket.signature.starts_with("listens-loopback") {
                if let Some(port) = LOOPBACK_LISTEN_LINE
                    .captures(text)
                    .and_then(|c| c["port"].parse().ok())
                {
                    let quote = message.quote_last(log);
                    loopback
                        .entry(log.service.clone())
                        .or_default()
                        .push((port, quote));
                }
                continue;
            }
            let via_proxy = text.contains("upstream");
            let Some(failure) = Failure::of(text) else {
                continue;
            };
            let known = ev.container(&log.service).map(settings).unwrap_or_default();
            let mut inferred_from = None;
            let address = address_in(ev, text, &known).or_else(|| {
                let usable: Vec<&Setting> = known
                    .iter()
                    .filter(|s| failure.is_dns() || s.address.port.is_some())
                    .collect();
                match usable.as_slice() {
                    [only] => {
                        inferred_from = Some((*only).clone());
                        Some(only.address.clone())
                    }
                    _ => None,
                }
            });
            let group = groups
                .entry((log.service.clone(), address.clone()))
                .or_insert_with(|| Attempts {
                    failure,
                    count: 0,
                    messages: Vec::new(),
                    times: Vec::new(),
                    inferred_from: None,
                    candidates: if address.is_none() {
                        known.clone()
                    } else {
                        Vec::new()
                    },
                    via_proxy,
                });
            group.via_proxy &= via_proxy;
            group.count += message.count;
            group.failure = group.failure.min(failure);
            if inferred_from.is_some() {
                group.inferred_from = inferred_from;
            }
            group.messages.push((log, message));
            group.times.extend(message.first.timestamp);
            group.times.extend(message.last().timestamp);
        }
        groups
            .into_iter()
            .filter_map(|((caller, address), attempts)| {
                finding(ev, &loopback, &caller, address, attempts)
            })
            .collect()
    }
}

/// What the evidence says about why the connection failed.
struct Verdict {
    role: Role,
    /// The service whose configuration is wrong, when it is not the caller.
    service: Option<String>,
    confidence: f64,
    why: Text,
    quotes: Vec<Quote>,
    remediation: Remediation,
    targets: Vec<String>,
}

fn finding(
    ev: &Evidence,
    loopback: &LoopbackListeners,
    caller: &str,
    address: Option<Address>,
    attempts: Attempts<'_>,
) -> Option<Finding> {
    let failure = attempts.failure;
    let n = attempts.count;
    let verdict = match &address {
        Some(address) => diagnose(ev, loopback, caller, address, &attempts),
        None => unnamed(caller, &attempts),
    };
    // A proxy's failures are the upstream-unavailable symptom already; only
    // a sure cause found behind them is news (the upstream's own setting, or
    // the two on different networks), not a guess about an unknown address.
    let sure_cause = verdict.role == Role::Cause && verdict.confidence >= 0.8;
    if attempts.via_proxy && !sure_cause {
        return None;
    }
    let title = match &address {
        Some(a) => Text::msg("dependency-unreachable-title").with("address", a.to_string()),
        None => Text::msg("dependency-unreachable-title-unnamed"),
    };
    let mut f = Finding::new(
        DependencyUnreachable::ID,
        verdict.role,
        verdict.service.as_deref().unwrap_or(caller),
        title
            .with("caller", caller)
            .with("failure", failure.phrase())
            .with("attempts", n)
            .with("why", verdict.why),
    );
    f.confidence = verdict.confidence;
    f.occurrences = n;
    f.subject = address.as_ref().map(ToString::to_string);
    f.targets = verdict.targets;
    let mut messages = attempts.messages;
    messages.sort_by_key(|(_, m)| std::cmp::Reverse(m.count));
    let mut quotes: Vec<Quote> = messages
        .iter()
        .take(3)
        .map(|(log, m)| m.quote_last(log))
        .collect();
    quotes.sort_by_key(|q| q.timestamp);
    f.evidence = quotes;
    if let Some(setting) = &attempts.inferred_from {
        if let Some(c) = ev.container(caller) {
            f.evidence
                .push(Quote::field(&c.source, "Config.Env", &setting.entry));
        }
    }
    f.evidence.extend(verdict.quotes);
    for t in attempts.times {
        f.seen_at(Some(t));
    }
    f.remediation = verdict.remediation;
    Some(f)
}

fn unnamed(caller: &str, attempts: &Attempts<'_>) -> Verdict {
    let configured: Vec<String> = attempts
        .candidates
        .iter()
        .map(|s| format!("{} ({})", s.address, s.variable))
        .collect();
    let why = if configured.is_empty() {
        Text::msg("dependency-unreachable-why-unnamed")
    } else {
        Text::msg("dependency-unreachable-why-unnamed-configured")
            .with("configured", configured.join(", "))
    };
    Verdict {
        role: Role::Cause,
        service: None,
        confidence: 0.45,
        why,
        quotes: Vec::new(),
        remediation: Remediation::new(Text::msg("dependency-unreachable-fix-unnamed").with("caller", caller))
            .step(
                Horizon::Immediate,
                Text::msg("dependency-unreachable-step-unnamed"),
                &[
                    format!("docker logs --timestamps --tail 100 {caller}"),
                    format!("docker inspect --format '{{{{range .Config.Env}}}}{{{{println .}}}}{{{{end}}}}' {caller}"),
                ],
            ),
        targets: Vec::new(),
    }
}

/// The networks of `c`, as a sentence names them.
fn networks_arg(c: &Container) -> Arg {
    match c.networks.is_empty() {
        true => Text::msg("dependency-unreachable-no-network").into(),
        false => network_list(c).into(),
    }
}

fn network_list(c: &Container) -> String {
    let names: Vec<&str> = c.networks.iter().map(|n| n.network.as_str()).collect();
    if names.is_empty() {
        "no network".to_string()
    } else {
        names.join(", ")
    }
}

fn diagnose(
    ev: &Evidence,
    loopback: &LoopbackListeners,
    caller: &str,
    address: &Address,
    attempts: &Attempts<'_>,
) -> Verdict {
    let failure = attempts.failure;
    let from = ev.container(caller);
    // Inside a container (not on the host's network), localhost is the container itself.
    let in_own_namespace = from.is_some_and(|c| !c.networks.iter().any(|n| n.network == "host"));
    if is_loopback(&address.host) && in_own_namespace {
        return loopback_in_container(ev, from.expect("checked above"), address);
    }
    let target = address.to_string();
    match resolve(ev, &target, caller).and_then(|name| ev.container(&name)) {
        Some(dep) => reachable_name(ev, from, dep, address, attempts, loopback.get(&dep.name)),
        None if failure.is_dns() => unknown_name(ev, from, caller, address),
        None => Verdict {
            role: Role::Cause,
            service: None,
            confidence: 0.6,
            why: Text::msg("dependency-unreachable-why-nothing-answers").with("target", &target),
            quotes: Vec::new(),
            remediation: Remediation::new(
                Text::msg("dependency-unreachable-fix-nothing-answers")
                    .with("target", &target)
                    .with("caller", caller),
            )
                .step(
                    Horizon::Immediate,
                    Text::msg("dependency-unreachable-step-nothing-answers"),
                    &[
                        format!("docker inspect --format '{{{{range .Config.Env}}}}{{{{println .}}}}{{{{end}}}}' {caller}"),
                        "docker ps --format '{{.Names}} {{.Ports}} {{.Status}}'".to_string(),
                    ],
                ),
            targets: vec![target],
        },
    }
}

/// `localhost:5432` dialled from inside a container: per failure signatures
/// §10.2 a misconfiguration, the address should be the service's name.
fn loopback_in_container(ev: &Evidence, caller: &Container, address: &Address) -> Verdict {
    // Who really serves that port: a peer on a shared network that exposes it.
    let serving = address.port.and_then(|port| {
        ev.containers.iter().find(|c| {
            c.name != caller.name
                && shared_networks(caller, c).is_some_and(|n| !n.is_empty())
                && c.ports
                    .iter()
                    .any(|p| p.container_port.split('/').next() == Some(port.to_string().as_str()))
        })
    });
    let settings: Vec<Setting> = settings(caller)
        .into_iter()
        .filter(|s| is_loopback(&s.address.host))
        .collect();
    let instead: Arg = serving.map_or_else(
        || Text::msg("dependency-unreachable-service-name").into(),
        |c| c.service_name().into(),
    );
    let why = match settings.first() {
        Some(s) => {
            Text::msg("dependency-unreachable-why-loopback-set").with("variable", &s.variable)
        }
        None => Text::msg("dependency-unreachable-why-loopback"),
    }
    .with("host", &address.host)
    .with("caller", &caller.name)
    .with("instead", instead.clone());
    let quotes = settings
        .iter()
        .map(|s| Quote::field(&caller.source, "Config.Env", &s.entry))
        .collect();
    let mut apply: Vec<String> = compose_recreate(caller, false).into_iter().collect();
    apply.push(format!(
        "docker inspect --format '{{{{range .Config.Env}}}}{{{{println .}}}}{{{{end}}}}' {}",
        caller.name
    ));
    Verdict {
        role: Role::Cause,
        service: None,
        confidence: 0.85,
        why,
        quotes,
        remediation: Remediation::new(
            Text::msg("dependency-unreachable-fix-loopback")
                .with("caller", &caller.name)
                .with("instead", instead.clone())
                .with("host", &address.host),
        )
        .step(
            Horizon::Immediate,
            Text::msg("dependency-unreachable-step-loopback")
                .with("host", &address.host)
                .with("instead", instead),
            &apply,
        ),
        targets: Vec::new(),
    }
}

/// The name (or address) belongs to a container: decide whether that
/// container's own failure explains the refusals, or the caller's view of it.
fn reachable_name(
    ev: &Evidence,
    from: Option<&Container>,
    dep: &Container,
    address: &Address,
    attempts: &Attempts<'_>,
    announced: Option<&Vec<(u16, Quote)>>,
) -> Verdict {
    // Commands name the caller as it is; sentences say "the caller" when it is unknown.
    let caller = from.map_or_else(|| "the caller".to_string(), |c| c.name.clone());
    let who: Arg = match from {
        Some(c) => c.name.as_str().into(),
        None => Text::msg("dependency-unreachable-the-caller").into(),
    };
    let target = address.to_string();
    let shared = from.and_then(|c| shared_networks(c, dep));
    if shared.as_ref().is_some_and(|n| n.is_empty()) {
        let from = from.expect("shared networks need a caller container");
        let network = dep.networks.first().map_or("", |n| n.network.as_str());
        return Verdict {
            role: Role::Cause,
            service: None,
            confidence: 0.85,
            why: Text::msg("dependency-unreachable-why-no-shared-network")
                .with("caller", who.clone())
                .with("dep", &dep.name)
                .with("caller_networks", networks_arg(from))
                .with("dep_networks", networks_arg(dep)),
            quotes: vec![Quote::field(
                &dep.source,
                "NetworkSettings.Networks",
                network_list(dep),
            )],
            remediation: Remediation::new(
                Text::msg("dependency-unreachable-fix-no-shared-network")
                    .with("caller", who.clone())
                    .with("dep", &dep.name),
            )
            .step(
                Horizon::Immediate,
                Text::msg("dependency-unreachable-step-no-shared-network")
                    .with("caller", who.clone())
                    .with("dep", &dep.name),
                &[format!("docker network connect {network} {caller}")],
            ),
            targets: Vec::new(),
        };
    }
    if dep.is_failing() || !dep.state.running {
        let state = if dep.state.restarting {
            Text::msg("dependency-unreachable-state-restarting")
        } else if dep.state.status == "created" {
            Text::msg("dependency-unreachable-state-never-started")
        } else if dep.state.running {
            match dep.health_status() {
                Some(health) => {
                    Text::msg("dependency-unreachable-state-running").with("health", health)
                }
                None => Text::msg("dependency-unreachable-state-running-failing"),
            }
            .with("status", &dep.state.status)
        } else {
            Text::msg("dependency-unreachable-state-exited")
                .with("status", &dep.state.status)
                .with("code", dep.state.exit_code.to_string())
        };
        return Verdict {
            role: Role::Symptom,
            service: None,
            confidence: 0.8,
            why: Text::msg("dependency-unreachable-why-down")
                .with("dep", &dep.name)
                .with("state", state),
            quotes: vec![Quote::field(&dep.source, "State.Status", &dep.state.status)],
            remediation: Remediation::new(
                Text::msg("dependency-unreachable-fix-down")
                    .with("dep", &dep.name)
                    .with("caller", who.clone()),
            )
            .step(
                Horizon::Immediate,
                Text::msg("dependency-unreachable-step-down").with("dep", &dep.name),
                &[
                    format!("docker ps -a --filter name=^{}$", dep.name),
                    format!("docker logs --timestamps --tail 50 {}", dep.name),
                ],
            ),
            targets: vec![target],
        };
    }
    // The dependency runs: does it listen only on its own loopback?
    if attempts.failure == Failure::Refused && !is_loopback(&address.host) {
        if let Some(verdict) = bound_to_loopback(who.clone(), dep, address, announced) {
            return verdict;
        }
    }
    // Compare the port dialled with the one it is set to listen on. A
    // published host port reaches the container port it is mapped to: that
    // is the one the service must listen on.
    let configured = configured_ports(dep);
    let listening_port = address.port.map(|port| {
        dep.ports
            .iter()
            .find(|p| p.host_port == Some(port))
            .and_then(|p| p.container_port.split('/').next()?.parse().ok())
            .unwrap_or(port)
    });
    let other_port = listening_port.and_then(|port| configured.iter().find(|(_, p)| *p != port));
    if let (Some(port), Some((entry, listening))) = (listening_port, other_port) {
        return Verdict {
            role: Role::Cause,
            service: None,
            confidence: 0.85,
            // Ports are written as the settings write them (5432, not 5,432).
            why: Text::msg("dependency-unreachable-why-port")
                .with("dep", &dep.name)
                .with("listening", listening.to_string())
                .with("entry", *entry)
                .with("port", port.to_string()),
            quotes: vec![
                Quote::field(&dep.source, "State.Status", &dep.state.status),
                Quote::field(&dep.source, "Config.Env", entry),
            ],
            remediation: Remediation::new(
                Text::msg("dependency-unreachable-fix-port")
                    .with("caller", who.clone())
                    .with("dep", &dep.name)
                    .with("host", &address.host)
                    .with("listening", listening.to_string())
                    .with("port", port.to_string()),
            )
            .step(
                Horizon::Immediate,
                Text::msg("dependency-unreachable-step-port")
                    .with("caller", who.clone())
                    .with("dep", &dep.name)
                    .with("listening", listening.to_string())
                    .with("port", port.to_string()),
                &[format!("docker inspect --format '{{{{range .Config.Env}}}}{{{{println .}}}}{{{{end}}}}' {caller} {}", dep.name)],
            ),
            targets: Vec::new(),
        };
    }
    // Refused while the dependency was only starting: an ordering problem.
    let last_attempt = attempts.times.iter().max();
    if let (Some(started), Some(last)) = (dep.state.started_at, last_attempt) {
        if attempts.failure == Failure::Refused
            && (*last - started).num_seconds() <= 30
            && *last >= started
        {
            if let Some(verdict) = from.and_then(|c| start_order(ev, c, dep, *last, started)) {
                return verdict;
            }
            return Verdict {
                role: Role::Cause,
                service: None,
                confidence: 0.5,
                why: Text::msg("dependency-unreachable-why-starting")
                    .with("dep", &dep.name)
                    .with("seconds", (*last - started).num_seconds()),
                quotes: vec![Quote::field(
                    &dep.source,
                    "State.StartedAt",
                    crate::evidence::time::format_utc(started),
                )],
                remediation: Remediation::new(
                    Text::msg("dependency-unreachable-fix-starting")
                        .with("caller", who.clone())
                        .with("dep", &dep.name),
                )
                .step(
                    Horizon::ShortTerm,
                    Text::msg("dependency-unreachable-step-starting")
                        .with("dep", &dep.name)
                        .with("caller", who.clone())
                        .with("dep_service", dep.service_name()),
                    &[format!(
                        "docker inspect --format '{{{{json .State.Health}}}}' {}",
                        dep.name
                    )],
                ),
                targets: Vec::new(),
            };
        }
    }
    let why = if attempts.failure.is_dns() {
        Text::msg("dependency-unreachable-why-dns-shared").with("caller", who)
    } else {
        Text::msg("dependency-unreachable-why-not-listening").with("target", &target)
    }
    .with("dep", &dep.name);
    Verdict {
        role: Role::Cause,
        service: None,
        confidence: 0.6,
        why,
        quotes: vec![Quote::field(&dep.source, "State.Status", &dep.state.status)],
        remediation: Remediation::new(
            Text::msg("dependency-unreachable-fix-which-port").with("dep", &dep.name),
        )
        .step(
            Horizon::Immediate,
            Text::msg("dependency-unreachable-step-which-port").with("dep", &dep.name),
            &[
                format!("docker logs --timestamps --tail 50 {}", dep.name),
                format!("docker port {}", dep.name),
            ],
        ),
        targets: Vec::new(),
    }
}

/// Refused while the dependency was starting, and the compose file starts
/// the caller without waiting for the dependency to be healthy: the exact
/// `depends_on:` edit, when the dependency became healthy after the caller
/// gave up (so it was only not ready yet).
fn start_order(
    ev: &Evidence,
    caller: &Container,
    dep: &Container,
    last: DateTime<Utc>,
    started: DateTime<Utc>,
) -> Option<Verdict> {
    let (_, declared) = ev.compose_service_of(caller)?;
    let dep_service = dep.service_name();
    let entry = declared
        .depends_on
        .iter()
        .find(|d| d.value.service == dep_service)?;
    if entry.value.condition == "service_healthy" {
        return None;
    }
    let healthy = own_events(ev, dep)
        .find(|e| e.action == "health_status" && e.detail == "healthy" && e.time > last)?;
    let line = entry.at.line_ref(caller);
    // A list entry (`- db`) turns the whole block into a mapping; a mapping
    // entry only needs its condition.
    let edit = if entry.at.text.to_string().starts_with("- ") {
        let others: Vec<Text> = declared
            .depends_on
            .iter()
            .filter(|d| d.value.service != dep_service)
            .map(|d| {
                Text::msg("dependency-unreachable-edit-other").with("service", &d.value.service)
            })
            .collect();
        // `a, b, c`: each edit is a clause of its own, not a list of words.
        let others = Text::chain("dependency-unreachable-edit-others", others);
        match others {
            Some(others) => {
                Text::msg("dependency-unreachable-edit-list-and").with("others", others)
            }
            None => Text::msg("dependency-unreachable-edit-list"),
        }
        .with("line", &line)
        .with("entry", entry.at.text.to_string())
        .with("dep_service", dep_service)
    } else {
        Text::msg("dependency-unreachable-edit-mapping")
            .with("entry", entry.at.text.to_string())
            .with("line", &line)
    };
    let waited = (healthy.time - started).num_seconds();
    Some(Verdict {
        role: Role::Cause,
        service: None,
        confidence: 0.85,
        why: Text::msg("dependency-unreachable-why-start-order")
            .with("dep", &dep.name)
            .with("waited", waited)
            .with("caller", &caller.name)
            .with("caller_service", caller.service_name()),
        quotes: vec![
            Quote::field(
                &dep.source,
                "State.StartedAt",
                crate::evidence::time::format_utc(started),
            ),
            Quote {
                source: healthy.source.clone(),
                line: Some(healthy.line),
                timestamp: Some(healthy.time),
                text: format!("event health_status: healthy for {}", dep.name),
                count: 1,
            },
            compose_quote(&entry.at),
        ],
        remediation: Remediation::new(
            Text::msg("dependency-unreachable-fix-start-order")
                .with("caller_service", caller.service_name())
                .with("dep_service", dep_service),
        )
        .step(
            Horizon::Immediate,
            Text::msg("dependency-unreachable-step-start-order").with("edit", edit),
            &compose_recreate(caller, false)
                .into_iter()
                .collect::<Vec<_>>(),
        )
        .step(
            Horizon::ShortTerm,
            Text::msg("dependency-unreachable-step-start-order-retry")
                .with("caller_service", caller.service_name()),
            &[],
        ),
        targets: Vec::new(),
    })
}

/// A server that binds 127.0.0.1 inside its container refuses every
/// connection to its network address: the dependency's own setting is wrong.
fn bound_to_loopback(
    caller: Arg,
    dep: &Container,
    address: &Address,
    announced: Option<&Vec<(u16, Quote)>>,
) -> Option<Verdict> {
    let settings: Vec<&String> = dep
        .env
        .iter()
        .filter(|entry| {
            entry.split_once('=').is_some_and(|(name, value)| {
                is_bind_setting(name) && is_loopback(value.split(':').next().unwrap_or(value))
            })
        })
        .collect();
    let lines: Vec<&Quote> = announced
        .into_iter()
        .flatten()
        .filter(|(port, _)| address.port.is_none_or(|p| p == *port))
        .map(|(_, q)| q)
        .collect();
    if settings.is_empty() && lines.is_empty() {
        return None;
    }
    let port = address.port.map_or(String::new(), |p| format!(":{p}"));
    let said = match (settings.first(), lines.first()) {
        (Some(entry), _) => Text::msg("dependency-unreachable-said-setting").with("entry", *entry),
        (None, Some(line)) => {
            Text::msg("dependency-unreachable-said-logged").with("line", line.text.to_string())
        }
        (None, None) => unreachable!("checked above"),
    };
    let mut quotes: Vec<Quote> = settings
        .iter()
        .map(|entry| Quote::field(&dep.source, "Config.Env", entry))
        .collect();
    quotes.extend(lines.into_iter().cloned());
    let mut apply: Vec<String> = compose_recreate(dep, false).into_iter().collect();
    apply.push(format!("docker logs --tail 20 {}", dep.name));
    Some(Verdict {
        role: Role::Cause,
        service: Some(dep.name.clone()),
        confidence: 0.85,
        why: Text::msg("dependency-unreachable-why-bound-to-loopback")
            .with("dep", &dep.name)
            .with("port", &port)
            .with("said", said)
            .with("caller", caller),
        quotes,
        remediation: Remediation::new(
            Text::msg("dependency-unreachable-fix-bound-to-loopback")
                .with("dep", &dep.name)
                .with("port", &port),
        )
        .step(
            Horizon::Immediate,
            Text::msg("dependency-unreachable-step-bound-to-loopback").with("dep", &dep.name),
            &apply,
        ),
        targets: Vec::new(),
    })
}

/// A name that no container or alias carries.
fn unknown_name(
    ev: &Evidence,
    from: Option<&Container>,
    caller: &str,
    address: &Address,
) -> Verdict {
    let host = &address.host;
    let Some(from) = from else {
        return Verdict {
            role: Role::Cause,
            service: None,
            confidence: 0.7,
            why: Text::msg("dependency-unreachable-why-unresolved").with("host", host),
            quotes: Vec::new(),
            remediation: Remediation::new(
                Text::msg("dependency-unreachable-fix-unresolved")
                    .with("host", host)
                    .with("caller", caller),
            )
            .step(
                Horizon::Immediate,
                Text::msg("dependency-unreachable-step-unresolved"),
                &[format!("getent hosts {host}")],
            ),
            targets: Vec::new(),
        };
    };
    let on_default_bridge = from.networks.iter().all(|n| n.network == "bridge");
    let peers: Vec<&str> = ev
        .containers
        .iter()
        .filter(|c| c.name != from.name && shared_networks(from, c).is_some_and(|n| !n.is_empty()))
        .map(|c| c.name.as_str())
        .collect();
    let networks = network_list(from);
    let why = if on_default_bridge {
        Text::msg("dependency-unreachable-why-default-bridge")
    } else if peers.is_empty() {
        Text::msg("dependency-unreachable-why-alone")
    } else {
        Text::msg("dependency-unreachable-why-peers").with("peers", peers.join(", "))
    }
    .with("caller", caller)
    .with("host", host)
    .with("networks", networks_arg(from));
    let network = from
        .networks
        .first()
        .map_or("NETWORK", |n| n.network.as_str());
    let mut r = Remediation::new(
        Text::msg("dependency-unreachable-fix-unknown-name")
            .with("host", host)
            .with("caller", caller),
    )
    .step(
        Horizon::Immediate,
        Text::msg("dependency-unreachable-step-list-network").with("network", network),
        &[format!(
            "docker network inspect {network} --format '{{{{range .Containers}}}}{{{{.Name}}}} {{{{.IPv4Address}}}}{{{{println}}}}{{{{end}}}}'"
        )],
    );
    r = r.step(
        Horizon::Immediate,
        Text::msg("dependency-unreachable-step-alias")
            .with("host", host)
            .with("network", network),
        &["docker ps -a --format '{{.Names}}\t{{.Networks}}\t{{.Status}}'".to_string()],
    );
    Verdict {
        role: Role::Cause,
        service: None,
        confidence: 0.85,
        why,
        quotes: vec![Quote::field(
            &from.source,
            "NetworkSettings.Networks",
            networks,
        )],
        remediation: r,
        targets: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{fixture, run_detector};

    #[test]
    fn a_name_no_container_carries_is_the_cause() {
        let findings = run_detector(&DependencyUnreachable, "dependency-unreachable");
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let f = &findings[0];
        assert_eq!((f.service.as_str(), f.role), ("inventory", Role::Cause));
        assert!(
            f.title.to_string().starts_with(
                "inventory cannot connect to db:5432 (temporary failure in name resolution, "
            ),
            "{}",
            f.title
        );
        assert!(
            f.title
                .to_string()
                .contains("no container named db or with alias db is on backend"),
            "{}",
            f.title
        );
        // The line names no address: it came from the environment, secret masked.
        let env = f
            .evidence
            .iter()
            .find(|q| q.text.to_string().starts_with("Config.Env: DATABASE_URL="))
            .unwrap();
        assert!(
            env.text.to_string().contains(":[secret-")
                && env.text.to_string().contains("]@db:5432")
                && !env.text.to_string().contains("fixture-url-pw"),
            "{}",
            env.text
        );
        assert!(f.evidence.iter().any(|q| q
            .text
            .to_string()
            .contains("socket.gaierror: [Errno -3]")
            && q.line.is_some()));
        assert!(f.confidence >= 0.8);
    }

    #[test]
    fn a_running_dependency_on_another_port_is_the_cause() {
        let findings = run_detector(&DependencyUnreachable, "dependency-refused");
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let f = &findings[0];
        assert_eq!((f.service.as_str(), f.role), ("inventory", Role::Cause));
        assert!(
            f.title
                .to_string()
                .contains("cannot connect to db:5432 (connection refused"),
            "{}",
            f.title
        );
        assert!(
            f.title.to_string().contains(
                "db runs, but is configured to listen on port 5433 (DB_PORT=5433), not 5432"
            ),
            "{}",
            f.title
        );
        assert!(f
            .evidence
            .iter()
            .any(|q| q.text == "Config.Env: DB_PORT=5433"));
    }

    /// The host nginx of the before/after capture dials orders-api's
    /// published port 18087, mapped to 8000 where PORT=8000 has it listen:
    /// no port disagreement, whatever the state of the container. Its state
    /// is set running here to reach the port check.
    #[test]
    fn a_published_port_is_compared_with_the_container_port_it_maps_to() {
        let mut evidence = fixture("deploy-broken");
        let api = evidence
            .containers
            .iter_mut()
            .find(|c| c.name == "orders-api")
            .unwrap();
        assert!(api.state.restarting, "the capture shows the crash loop");
        api.state.restarting = false;
        api.state.running = true;
        api.state.status = "running".into();
        api.state.exit_code = 0;
        api.restart_count = 0;
        let findings = crate::testing::run_detector_on(&DependencyUnreachable, &evidence);
        assert!(
            findings
                .iter()
                .all(|f| !f.title.to_string().contains("configured to listen on port")),
            "{findings:#?}"
        );
    }

    #[test]
    fn refusals_while_the_dependency_started_do_not_hurt_a_healthy_service() {
        let findings = run_detector(&DependencyUnreachable, "red-herring");
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let f = &findings[0];
        assert_eq!(
            f.role,
            Role::Cause,
            "a cause, so the ranking can dismiss it"
        );
        assert!(
            f.title
                .to_string()
                .starts_with("app cannot connect to cache:6379 (connection refused, 4 times)"),
            "{}",
            f.title
        );
        assert!(fixture("red-herring")
            .container("app")
            .unwrap()
            .is_healthy());
    }

    #[test]
    fn reads_the_address_of_each_message_form() {
        let ev = Evidence::default();
        let cases = [
            (r#"psycopg2.OperationalError: connection to server at "localhost" (127.0.0.1), port 5432 failed: Connection refused"#, "localhost:5432", Failure::Refused),
            (r#"(psycopg2.OperationalError) could not translate host name "db" to address: Temporary failure in name resolution"#, "db", Failure::DnsUnavailable),
            ("ConnectionRefusedError: [Errno 111] Connect call failed ('127.0.0.1', 5499)", "127.0.0.1:5499", Failure::Refused),
            ("redis.exceptions.ConnectionError: Error 111 connecting to redis:6379. Connection refused.", "redis:6379", Failure::Refused),
            ("Error: connect ECONNREFUSED 127.0.0.1:5432", "127.0.0.1:5432", Failure::Refused),
            ("Error: getaddrinfo ENOTFOUND db", "db", Failure::NotResolved),
            ("dial tcp: lookup listmonk on 127.0.0.11:53: no such host", "listmonk", Failure::NotResolved),
            ("wget: bad address 'db:5432'", "db:5432", Failure::NotResolved),
            ("consumer: Cannot connect to redis://redis:6379/0: Error 111 connecting to redis:6379. Connection refused..", "redis:6379", Failure::Refused),
        ];
        for (text, address, failure) in cases {
            assert_eq!(
                address_in(&ev, text, &[]).map(|a| a.to_string()).as_deref(),
                Some(address),
                "{text}"
            );
            assert_eq!(Failure::of(text), Some(failure), "{text}");
        }
        assert_eq!(
            address_in(
                &ev,
                "ConnectionRefusedError: [Errno 111] Connection refused",
                &[]
            ),
            None
        );
    }

    #[test]
    fn localhost_inside_a_container_names_the_peer_that_serves_the_port() {
        // Had inventory dialled localhost:5432, its own container would have
        // answered; db, on the same network, exposes 5432.
        let ev = fixture("dependency-refused");
        let inventory = ev.container("inventory").unwrap();
        let verdict = loopback_in_container(
            &ev,
            inventory,
            &Address {
                host: "localhost".into(),
                port: Some(5432),
            },
        );
        assert_eq!((verdict.role, verdict.service), (Role::Cause, None));
        assert_eq!(
            verdict.why,
            "inside its container, localhost is inventory itself, where nothing listens; use db instead"
        );
        assert!(verdict
            .remediation
            .summary
            .to_string()
            .contains("Point inventory at db instead of localhost"));
    }

    #[test]
    fn loopback_covers_every_local_spelling() {
        assert!(is_loopback("localhost") && is_loopback("127.0.0.1") && is_loopback("::1"));
        assert!(!is_loopback("db") && !is_loopback("172.18.0.2"));
    }

    #[test]
    fn healthy_stack_connects_everywhere() {
        assert!(run_detector(&DependencyUnreachable, "healthy-stack").is_empty());
    }

    #[test]
    fn a_port_mismatch_reads_in_french() {
        let fr = crate::locale::get("fr").unwrap();
        let findings = run_detector(&DependencyUnreachable, "dependency-refused");
        let f = findings.first().expect("the refused connections");
        assert_eq!(
            fr.text(&f.title),
            "inventory n'arrive pas à se connecter à db:5432 (connexion refusée, 4 fois)\u{a0}: db tourne, mais il est configuré pour écouter sur le port 5433 (DB_PORT=5433), pas 5432"
        );
    }
}
