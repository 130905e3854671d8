use std::collections::BTreeMap;
use std::sync::LazyLock;

use chrono::{DateTime, Utc};
use regex::Regex;

use super::common::{compose_quote, compose_recreate, own_events};
use crate::analyze::detector::{
    Context, Detector, Finding, Horizon, Quote, Remediation, Signature,
};
use crate::evidence::compose::{Located, PortSpec};
use crate::evidence::container::PortBinding;
use crate::evidence::{Container, Evidence, Listener};
use crate::locale::Text;
use crate::{detector_meta, documented_detector};

documented_detector! {
    /// Detects a service that could not bind a port because something else
    /// already holds it, and names the holder: another container that
    /// publishes the same host port, or the host process that listens on it.
    ///
    /// Why it matters: when Docker cannot publish a port the container never
    /// starts (state `created`, exit code 128, no logs at all), so nothing in
    /// the application's own output explains the outage. Inside a container,
    /// the same conflict means two processes in one network namespace want
    /// the same port.
    ///
    /// Evidence: `State.Error` in `docker container inspect`, or the same
    /// message in a daemon log: `Bind for 0.0.0.0:18080 failed: port is
    /// already allocated` (another container holds it), `Error starting
    /// userland proxy: listen tcp4 0.0.0.0:80: bind: address already in
    /// use` (Docker ≤ 27, a host process holds it) and `failed to bind host
    /// port … address already in use` (Docker ≥ 28). In logs: nginx
    /// `bind() to 0.0.0.0:80 failed (98: …)`, Node `EADDRINUSE`, Python
    /// `[Errno 98]`, gunicorn `Connection in use`. The holder comes from the
    /// other containers' port bindings and from `host/listeners.txt`
    /// (`ss -ltnp`), whose line is quoted.
    ///
    /// Fix: find the holder with `ss -ltnp 'sport = :PORT'`, then stop it
    /// (`systemctl stop NAME && systemctl disable NAME` for a host service,
    /// `docker stop NAME` for a container) or publish the service on another
    /// port, and start the container again with `docker start`.
    pub struct PortConflict;
    id = "port-conflict", role = Cause, summary = "a port could not be bound because another container or host process holds it";
}

// Messages from failure signatures §4: moby portallocator.go ("port is
// already allocated"), the userland proxy of Docker ≤ 27, osallocator_linux.go
// in Docker ≥ 28, Docker Desktop's vpnkit, nginx ngx_connection.c, Node,
// asyncio/uvicorn and gunicorn sock.py.
const DOCKER_ALLOCATED: &str = r"Bind for (?P<host>\S+?):(?P<port>\d+)(?: failed: port is already allocated|: unexpected error \(Failure EADDRINUSE\))";
const DOCKER_PROXY: &str =
    r"listen tcp[46]? (?P<host>\S+):(?P<port>\d+): bind: address already in use";
const DOCKER_HOST_PORT: &str = r"failed to bind host port (?:for )?(?P<host>\S+?):(?P<port>\d+)[:/]\S*: address already in use";
const NGINX_BIND: &str = r"bind\(\) to (?P<host>\S+):(?P<port>\d+) failed \(98: ";
const NODE_IN_USE: &str = r"listen EADDRINUSE: address already in use (?P<host>\S*):(?P<port>\d+)";
const PYTHON_IN_USE: &str = r"\[Errno 98\] (?:error while attempting to bind on address \('(?P<host>[^']*)', (?P<port>\d+)\)|Address already in use)";
const GUNICORN_IN_USE: &str = r"Connection in use: \('(?P<host>[^']*)', (?P<port>\d+)\)";

/// Signature ids whose message comes from the engine: the container never started.
const ENGINE: &[&str] = &[
    "docker-port-allocated",
    "docker-userland-proxy",
    "docker-bind-host-port",
];

const SIGNATURES: &[Signature] = &[
    Signature {
        id: "docker-port-allocated",
        needle: "Bind for ",
        pattern: Some(DOCKER_ALLOCATED),
    },
    Signature {
        id: "docker-userland-proxy",
        needle: "bind: address already in use",
        pattern: Some(DOCKER_PROXY),
    },
    Signature {
        id: "docker-bind-host-port",
        needle: "failed to bind host port",
        pattern: Some(DOCKER_HOST_PORT),
    },
    Signature {
        id: "nginx-bind",
        needle: "bind() to ",
        pattern: Some(NGINX_BIND),
    },
    Signature {
        id: "node-eaddrinuse",
        needle: "EADDRINUSE",
        pattern: Some(NODE_IN_USE),
    },
    Signature {
        id: "python-errno-98",
        needle: "[Errno 98]",
        pattern: Some(PYTHON_IN_USE),
    },
    Signature {
        id: "gunicorn-in-use",
        needle: "Connection in use: ",
        pattern: Some(GUNICORN_IN_USE),
    },
];

static ADDRESS: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
    SIGNATURES
        .iter()
        .filter_map(|s| {
            s.pattern
                .map(|p| (s.id, Regex::new(p).expect("static regex")))
        })
        .collect()
});

/// The daemon names the container in `endpoint <name> (<id>)`.
static ENDPOINT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"endpoint (?P<name>[^\s()]+) \(").expect("static regex"));

/// The address a conflict message names, and whether the engine wrote it.
struct Address {
    host: String,
    port: Option<u16>,
    engine: bool,
}

fn address_in(text: &str) -> Option<Address> {
    ADDRESS.iter().find_map(|(id, re)| {
        let caps = re.captures(text)?;
        Some(Address {
            host: caps
                .name("host")
                .map_or("", |m| m.as_str())
                .trim_matches(['[', ']'])
                .to_string(),
            port: caps.name("port").and_then(|m| m.as_str().parse().ok()),
            engine: ENGINE.contains(id),
        })
    })
}

/// Everything known about one service's conflict.
struct Conflict {
    address: Address,
    quotes: Vec<Quote>,
    times: Vec<DateTime<Utc>>,
    count: u64,
    /// `State.Error` names it: the container never started.
    from_state: bool,
}

/// Who holds the port.
enum Holder<'a> {
    Container(&'a Container, &'a PortBinding),
    Host(&'a Listener),
    /// Another process in the service's own network namespace.
    SameNamespace,
    Unknown,
}

impl Detector for PortConflict {
    detector_meta!();

    fn signatures(&self) -> &'static [Signature] {
        SIGNATURES
    }

    fn detect(&self, cx: &Context<'_>) -> Vec<Finding> {
        let ev = cx.evidence;
        let mut conflicts: BTreeMap<String, Conflict> = BTreeMap::new();
        for c in &ev.containers {
            let Some(address) = address_in(&c.state.error).filter(|a| a.engine) else {
                continue;
            };
            let attempted = own_events(ev, c)
                .filter(|e| matches!(e.action.as_str(), "create" | "start"))
                .map(|e| e.time)
                .last()
                .or(c.created);
            conflicts.insert(
                c.name.clone(),
                Conflict {
                    address,
                    quotes: vec![
                        Quote::field(&c.source, "State.Status", &c.state.status),
                        Quote::field(&c.source, "State.ExitCode", c.state.exit_code),
                        Quote::field(&c.source, "State.Error", &c.state.error),
                    ],
                    times: attempted.into_iter().collect(),
                    count: 1,
                    from_state: true,
                },
            );
        }
        for (log, _, message) in cx.hits.messages(ev, Self::ID) {
            let Some(address) = address_in(&message.last().text) else {
                continue;
            };
            // A daemon log names the container whose port could not be published.
            let service = ENDPOINT
                .captures(&message.last().text)
                .map(|caps| caps["name"].to_string())
                .filter(|name| ev.container(name).is_some())
                .unwrap_or_else(|| log.service.clone());
            let entry = conflicts.entry(service).or_insert_with(|| Conflict {
                address,
                quotes: Vec::new(),
                times: Vec::new(),
                count: 0,
                from_state: false,
            });
            if !entry.from_state {
                entry.count += message.count;
            }
            entry.quotes.push(message.quote_last(log));
            entry.times.extend(message.first.timestamp);
            entry.times.extend(message.last().timestamp);
        }
        conflicts
            .into_iter()
            .map(|(service, conflict)| finding(ev, &service, conflict))
            .collect()
    }
}

fn holder<'a>(ev: &'a Evidence, service: &str, address: &Address) -> Holder<'a> {
    let own = ev.container(service);
    let Some(port) = address.port else {
        return if own.is_some() {
            Holder::SameNamespace
        } else {
            Holder::Unknown
        };
    };
    if let Some(c) = own {
        let on_host_network = c.networks.iter().any(|n| n.network == "host");
        if !address.engine && !on_host_network {
            return Holder::SameNamespace;
        }
    }
    let wildcard = |ip: &str| ip.is_empty() || ip == "0.0.0.0" || ip == "::";
    let container = ev
        .containers
        .iter()
        .filter(|c| c.name != service && c.state.status != "created")
        .flat_map(|c| c.ports.iter().map(move |p| (c, p)))
        .filter(|(_, p)| {
            p.host_port == Some(port)
                && (wildcard(&p.host_ip) || wildcard(&address.host) || p.host_ip == address.host)
        })
        .max_by_key(|(c, _)| c.state.running);
    if let Some((c, p)) = container {
        return Holder::Container(c, p);
    }
    match ev
        .listeners
        .iter()
        .find(|l| l.conflicts_with(&address.host, port))
    {
        Some(l) => Holder::Host(l),
        None => Holder::Unknown,
    }
}

fn finding(ev: &Evidence, service: &str, conflict: Conflict) -> Finding {
    let address = &conflict.address;
    let shown = address.port.map(|port| {
        if address.host.contains(':') {
            format!("[{}]:{port}", address.host)
        } else if address.host.is_empty() {
            format!("*:{port}")
        } else {
            format!("{}:{port}", address.host)
        }
    });
    let holder = holder(ev, service, address);
    let held_by = match &holder {
        Holder::Container(c, p) => Text::msg("port-conflict-held-by-container")
            .with("container", &c.name)
            .with("binding", binding_text(p)),
        Holder::Host(l) if l.processes.is_empty() => {
            Text::msg("port-conflict-held-by-host-socket").with("listener", l.holder())
        }
        Holder::Host(l) => Text::msg("port-conflict-held-by-host").with("process", l.holder()),
        Holder::SameNamespace => Text::msg("port-conflict-held-in-namespace"),
        Holder::Unknown if ev.listeners.is_empty() => {
            Text::msg("port-conflict-held-unknown-uncollected")
        }
        Holder::Unknown => Text::msg("port-conflict-held-unknown"),
    };
    let title = match &shown {
        Some(shown) => Text::msg("port-conflict-title").with("address", shown),
        None => Text::msg("port-conflict-title-own-port"),
    };
    let mut f = Finding::new(
        PortConflict::ID,
        PortConflict::ROLE,
        service,
        title
            .with("service", service)
            .with("engine", if address.engine { "yes" } else { "no" })
            .with("holder", held_by),
    );
    f.confidence = match (conflict.from_state, address.engine) {
        (true, _) => 0.95,
        (false, true) => 0.85,
        (false, false) => 0.8,
    };
    f.occurrences = conflict.count.max(1);
    f.subject = Some(shown.unwrap_or_else(|| "its port".to_string()));
    f.evidence = conflict.quotes;
    match &holder {
        Holder::Container(c, p) => {
            f.evidence.push(Quote::field(
                &c.source,
                "HostConfig.PortBindings",
                binding_text(p),
            ));
            f.evidence
                .push(Quote::field(&c.source, "State.Status", &c.state.status));
        }
        Holder::Host(l) => f.evidence.push(quote_listener(l)),
        Holder::SameNamespace | Holder::Unknown => {}
    }
    let declared = declared_port(ev, service, address);
    if let Some(p) = declared {
        f.evidence.push(compose_quote(&p.at));
    }
    for t in conflict.times {
        f.seen_at(Some(t));
    }
    f.remediation = remedy(ev, service, address, &holder, declared);
    f
}

/// The `ports:` entry of the service's compose file that asks for the port.
fn declared_port<'a>(
    ev: &'a Evidence,
    service: &str,
    address: &Address,
) -> Option<&'a Located<PortSpec>> {
    let port = address.port?.to_string();
    let (_, declared) = ev.compose_service_of(ev.container(service)?)?;
    let wildcard = |ip: &str| ip.is_empty() || ip == "0.0.0.0" || ip == "::";
    declared.ports.iter().find(|p| {
        p.value.published == port
            && (wildcard(&p.value.host_ip)
                || wildcard(&address.host)
                || p.value.host_ip == address.host)
    })
}

/// The compose edit that publishes on `free` instead.
fn port_edit(c: &Container, declared: &Located<PortSpec>, free: u16) -> Text {
    let p = &declared.value;
    let mut edited = [p.host_ip.clone(), free.to_string(), p.target.clone()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(":");
    if p.spec.contains('/') {
        edited = format!("{edited}/{}", p.protocol);
    }
    let id = if declared.at.text.contains(&p.spec) {
        "port-conflict-edit"
    } else {
        "port-conflict-edit-variable"
    };
    Text::msg(id)
        .with("line", declared.at.line.to_string())
        .with("file", declared.at.host_file(c))
        .with("spec", &p.spec)
        .with("edited", edited)
        .with("text", &declared.at.text)
}

/// The line of `host/listeners.txt` a listener came from, quoted verbatim.
fn quote_listener(l: &Listener) -> Quote {
    Quote {
        source: l.source.clone(),
        line: Some(l.line),
        timestamp: None,
        text: l.text.clone(),
        count: 1,
    }
}

fn binding_text(p: &PortBinding) -> String {
    let host = if p.host_ip.is_empty() {
        "0.0.0.0"
    } else {
        &p.host_ip
    };
    match p.host_port {
        Some(port) => format!("{host}:{port}->{}", p.container_port),
        None => p.container_port.clone(),
    }
}

fn remedy(
    ev: &Evidence,
    service: &str,
    address: &Address,
    holder: &Holder<'_>,
    declared: Option<&Located<PortSpec>>,
) -> Remediation {
    let Some(port) = address.port else {
        return Remediation::new(
            Text::msg("port-conflict-no-port-summary").with("service", service),
        )
        .step(
            Horizon::Immediate,
            Text::msg("port-conflict-no-port-step"),
            &[format!("docker top {service}")],
        );
    };
    let mut r = Remediation::new(
        Text::msg("port-conflict-summary")
            .with("port", port.to_string())
            .with("service", service),
    )
    .step(
        Horizon::Immediate,
        Text::msg("port-conflict-step-confirm"),
        &[format!("ss -ltnp 'sport = :{port}'")],
    );
    let container = ev.container(service);
    let restart = container.map(|c| format!("docker start {}", c.name));
    match holder {
        Holder::Host(l) => {
            let process = l
                .processes
                .first()
                .and_then(|p| p.split(' ').next())
                .unwrap_or("SERVICE");
            let pids: Vec<&str> = l
                .processes
                .iter()
                .filter_map(|p| {
                    p.split_once("(pid ")
                        .map(|(_, pid)| pid.trim_end_matches(')'))
                })
                .collect();
            if let Some(pid) = pids
                .iter()
                .min_by_key(|p| p.parse::<u64>().unwrap_or(u64::MAX))
            {
                r = r.step(
                    Horizon::Immediate,
                    Text::msg("port-conflict-step-systemd").with("pid", *pid),
                    &[format!("systemctl status {pid}")],
                );
            }
            r = r.step(
                Horizon::Immediate,
                Text::msg("port-conflict-step-stop-host").with("process", process),
                &[format!(
                    "systemctl stop {process} && systemctl disable {process}"
                )],
            );
            if !pids.is_empty() {
                r = r.step(
                    Horizon::Immediate,
                    Text::msg("port-conflict-step-kill").with("process", process),
                    &[format!("kill {}", pids.join(" "))],
                );
            }
            if let Some(start) = &restart {
                r = r.step(
                    Horizon::Immediate,
                    Text::msg("port-conflict-step-start").with("service", service),
                    std::slice::from_ref(start),
                );
            }
        }
        Holder::Container(c, _) => {
            let mut commands = vec![format!("docker stop {}", c.name)];
            commands.extend(restart.clone());
            r = r.step(
                Horizon::Immediate,
                Text::msg("port-conflict-step-stop-container")
                    .with("holder", &c.name)
                    .with("service", service),
                &commands,
            );
        }
        Holder::SameNamespace => {
            r = r.step(
                Horizon::Immediate,
                Text::msg("port-conflict-step-namespace"),
                &[format!("docker top {service}")],
            );
        }
        Holder::Unknown => {}
    }
    if let Some(c) = container.filter(|_| address.engine) {
        let free = free_port(ev, port);
        let container_port =
            c.ports
                .iter()
                .find(|p| p.host_port == Some(port))
                .map_or("PORT".to_string(), |p| {
                    p.container_port
                        .split('/')
                        .next()
                        .unwrap_or("PORT")
                        .to_string()
                });
        let ip = if address.host.is_empty() || address.host == "0.0.0.0" {
            String::new()
        } else {
            format!("{}:", address.host)
        };
        let mut commands = vec![format!("ss -ltn 'sport = :{free}'")];
        commands.extend(compose_recreate(c, false));
        let edit = match declared {
            Some(declared) => port_edit(c, declared, free),
            None => Text::msg("port-conflict-edit-mapping")
                .with("mapping", format!("{ip}{free}:{container_port}")),
        };
        r = r.step(
            Horizon::ShortTerm,
            Text::msg("port-conflict-step-republish")
                .with("service", service)
                .with("edit", edit),
            &commands,
        );
    }
    r
}

/// The first port above `port` that no listener and no container binding uses.
fn free_port(ev: &Evidence, port: u16) -> u16 {
    let used = |p: u16| {
        ev.listeners.iter().any(|l| l.port == p)
            || ev
                .containers
                .iter()
                .any(|c| c.ports.iter().any(|b| b.host_port == Some(p)))
    };
    (port.saturating_add(1)..=u16::MAX)
        .find(|p| !used(*p))
        .unwrap_or(port)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::run_detector;

    #[test]
    fn names_the_host_nginx_that_holds_the_port_the_container_wanted() {
        let findings = run_detector(&PortConflict, "main-incident");
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let f = &findings[0];
        assert_eq!(f.service, "nginx");
        assert!(
            f.title
                .to_string()
                .starts_with("nginx could not publish 127.0.0.1:18080: host process nginx (pid "),
            "{}",
            f.title
        );
        assert!(f.confidence >= 0.9);
        let listener = f
            .evidence
            .iter()
            .find(|q| q.source == "host/listeners.txt")
            .expect("the listeners.txt line is quoted");
        assert_eq!(listener.line, Some(1));
        assert!(
            listener
                .text
                .to_string()
                .starts_with("LISTEN 0 511 127.0.0.1:18080 0.0.0.0:* users:((\"nginx\",pid="),
            "{}",
            listener.text
        );
        assert!(f.evidence.iter().any(|q| q.text == "State.ExitCode: 128"));
        assert!(f.first_seen.is_some());
        let commands: Vec<&str> = f
            .remediation
            .steps
            .iter()
            .flat_map(|s| s.commands.iter().map(String::as_str))
            .collect();
        assert_eq!(commands[0], "ss -ltnp 'sport = :18080'");
        assert!(
            commands.contains(&"systemctl stop nginx && systemctl disable nginx"),
            "{commands:?}"
        );
        assert!(commands.contains(&"docker start nginx"), "{commands:?}");
        assert!(
            commands.iter().any(|c| c.starts_with("systemctl status ")),
            "{commands:?}"
        );
    }

    #[test]
    fn names_the_container_that_already_publishes_the_port() {
        let findings = run_detector(&PortConflict, "port-conflict-docker");
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let f = &findings[0];
        assert_eq!(
            f.title,
            "web-green could not publish 127.0.0.1:18081: container web-blue already publishes it (127.0.0.1:18081->8080/tcp)"
        );
        assert!(f
            .evidence
            .iter()
            .any(|q| q.source.ends_with("web-blue.json")
                && q.text == "HostConfig.PortBindings: 127.0.0.1:18081->8080/tcp"));
        let commands: Vec<&str> = f
            .remediation
            .steps
            .iter()
            .flat_map(|s| s.commands.iter().map(String::as_str))
            .collect();
        assert!(
            commands.contains(&"docker stop web-blue")
                && commands.contains(&"docker start web-green"),
            "{commands:?}"
        );
    }

    #[test]
    fn names_the_stray_host_process_that_holds_the_port() {
        let findings = run_detector(&PortConflict, "port-conflict-host");
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let f = &findings[0];
        assert!(
            f.title
                .to_string()
                .starts_with("web could not publish 127.0.0.1:18082: host process python3 (pid "),
            "{}",
            f.title
        );
        let listener = f
            .evidence
            .iter()
            .find(|q| q.source == "host/listeners.txt")
            .unwrap();
        assert!(
            listener.text.to_string().contains("127.0.0.1:18082")
                && listener.text.to_string().contains("\"python3\",pid=")
        );
        let pid = listener
            .text
            .split("pid=")
            .nth(1)
            .unwrap()
            .split(',')
            .next()
            .unwrap();
        let commands: Vec<&str> = f
            .remediation
            .steps
            .iter()
            .flat_map(|s| s.commands.iter().map(String::as_str))
            .collect();
        assert!(
            commands.contains(&format!("kill {pid}").as_str()),
            "{commands:?}"
        );
    }

    #[test]
    fn healthy_stack_has_no_port_conflict() {
        assert!(run_detector(&PortConflict, "healthy-stack").is_empty());
    }

    #[test]
    fn reads_the_address_of_every_known_wording() {
        let cases = [
            ("driver failed programming external connectivity on endpoint t_port2 (196f): Bind for 0.0.0.0:18080 failed: port is already allocated", "0.0.0.0", 18080, true),
            ("Error starting userland proxy: listen tcp4 0.0.0.0:80: bind: address already in use", "0.0.0.0", 80, true),
            ("failed to bind host port for 0.0.0.0:7148:172.18.0.2:7148/tcp: address already in use", "0.0.0.0", 7148, true),
            ("failed to bind host port 0.0.0.0:8080/tcp: address already in use", "0.0.0.0", 8080, true),
            ("Error starting userland proxy: Bind for 0.0.0.0:80: unexpected error (Failure EADDRINUSE)", "0.0.0.0", 80, true),
            ("nginx: [emerg] bind() to [::]:80 failed (98: Address already in use)", "::", 80, false),
            ("Error: listen EADDRINUSE: address already in use :::18080", "::", 18080, false),
            ("ERROR:    [Errno 98] error while attempting to bind on address ('0.0.0.0', 8000): address already in use", "0.0.0.0", 8000, false),
            ("[ERROR] Connection in use: ('0.0.0.0', 8000)", "0.0.0.0", 8000, false),
        ];
        for (text, host, port, engine) in cases {
            let a = address_in(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(
                (a.host.as_str(), a.port, a.engine),
                (host, Some(port), engine),
                "{text}"
            );
        }
        let bare = address_in("OSError: [Errno 98] Address already in use").unwrap();
        assert_eq!(bare.port, None);
        assert!(address_in("listening on 0.0.0.0:80").is_none());
    }

    #[test]
    fn the_conflict_reads_in_french() {
        let findings = run_detector(&PortConflict, "port-conflict-docker");
        let fr = crate::locale::get("fr").unwrap();
        assert_eq!(
            fr.text(&findings[0].title),
            "web-green n'a pas pu publier 127.0.0.1:18081\u{a0}: le conteneur web-blue le publie déjà (127.0.0.1:18081->8080/tcp)"
        );
        assert_eq!(
            fr.text(&findings[0].remediation.summary),
            "Libérez le port 18081 pour web-green, ou donnez un autre port à web-green."
        );
    }
}
