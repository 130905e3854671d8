//! Separates root causes from symptoms and orders them.
//!
//! Symptoms name what they point at (an upstream address, a host port, a
//! URL); [`resolve`] maps that to the service that owns it, through container
//! IPs, network aliases, published ports and the host's listeners. A symptom
//! is explained by the best cause of the service it points at, following
//! other symptoms on the way (monitor → proxy → api). Causes logged by a
//! container that is running, healthy and never restarted are dismissed:
//! it survived them, so they did not cause the incident, unless a symptom
//! points at it.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::detector::{Finding, Role};
use super::{RootCause, Symptom, Verdict};
use crate::evidence::Evidence;
use crate::locale::Text;

/// A cause this sure, on its own, identifies the root cause.
pub const IDENTIFIED: f64 = 0.7;
/// The generic detectors (a container's exits, a Swarm service's failed
/// tasks) that a more specific cause on the same service replaces.
const GENERIC_CAUSES: [&str; 2] = ["crash-loop", "swarm-task-failing"];

fn is_generic(kind: &str) -> bool {
    GENERIC_CAUSES.contains(&kind)
}
/// A cause that is a symptom when the dependency it cannot reach failed itself.
const DEPENDENCY: &str = "dependency-unreachable";

pub struct Ranked {
    pub verdict: Verdict,
    pub root_causes: Vec<RootCause>,
    pub symptoms: Vec<Symptom>,
    pub dismissed: Vec<Finding>,
}

pub fn rank(evidence: &Evidence, findings: Vec<Finding>) -> Ranked {
    let mut causes: Vec<Finding> = Vec::new();
    let mut symptoms: Vec<Finding> = Vec::new();
    let mut dismissed: Vec<Finding> = Vec::new();
    let services = Services::new(evidence, &findings);
    // A service others fail to reach did not survive its causes, however
    // healthy it looks itself (a server bound to the wrong address).
    let pointed_at: HashSet<String> = findings
        .iter()
        .filter(|f| f.role == Role::Symptom)
        .flat_map(|s| {
            s.targets
                .iter()
                .filter_map(|t| services.resolve(t, &s.service))
        })
        .collect();
    for f in findings {
        let survived = !pointed_at.contains(&f.service)
            && evidence
                .container(&f.service)
                .is_some_and(|c| c.is_healthy());
        match f.role {
            Role::Cause if survived => dismissed.push(f),
            Role::Cause => causes.push(f),
            Role::Symptom => symptoms.push(f),
        }
    }
    // A crash-loop with a known reason is a symptom of that reason.
    let specific: HashSet<String> = causes
        .iter()
        .filter(|c| !is_generic(c.kind))
        .map(|c| c.service.clone())
        .collect();
    let (generic, kept): (Vec<Finding>, Vec<Finding>) = causes
        .into_iter()
        .partition(|c| is_generic(c.kind) && specific.contains(&c.service));
    causes = kept;
    for mut g in generic {
        g.role = Role::Symptom;
        symptoms.push(g);
    }
    demote_downstream(&services, &mut causes, &mut symptoms);

    // Order causes: sure, currently failing, recent, explaining the most.
    // Each symptom's explaining service is found once; every step below is
    // a lookup, so thousands of findings rank in near-linear time.
    let chains = SymptomIndex::new(&symptoms);
    let explaining: Vec<Option<(String, usize)>> = symptoms
        .iter()
        .map(|s| explaining_service(&services, s, &chains, 0))
        .collect();
    let mut explained_per_service: HashMap<&str, usize> = HashMap::new();
    for (service, _) in explaining.iter().flatten() {
        *explained_per_service.entry(service.as_str()).or_default() += 1;
    }
    let primary = primary_cause_per_service(&causes);
    let scores: Vec<f64> = causes
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let failing = evidence
                .container(&c.service)
                .is_some_and(|c| c.is_failing());
            let explains = explained_per_service
                .get(c.service.as_str())
                .copied()
                .unwrap_or(0);
            c.confidence
                + if failing { 0.2 } else { 0.0 }
                + if primary.get(&c.service) == Some(&i) {
                    0.15
                } else {
                    0.0
                }
                + (explains as f64).min(3.0) * 0.05
        })
        .collect();
    let mut order: Vec<usize> = (0..causes.len()).collect();
    order.sort_by(|&a, &b| {
        scores[b]
            .total_cmp(&scores[a])
            .then_with(|| causes[a].service.cmp(&causes[b].service))
            .then_with(|| causes[a].kind.cmp(causes[b].kind))
    });
    // Moved, not cloned: a bundle can hold tens of thousands of findings.
    let mut unranked: Vec<Option<Finding>> = causes.into_iter().map(Some).collect();
    let mut root_causes: Vec<RootCause> = order
        .iter()
        .enumerate()
        .map(|(rank, &i)| RootCause {
            rank: rank + 1,
            finding: unranked[i].take().expect("each cause is ranked once"),
            chain: Vec::new(),
            explains: Vec::new(),
            related: Vec::new(),
        })
        .collect();
    let mut kinds_per_service: HashMap<String, Vec<&'static str>> = HashMap::new();
    let mut best_rank_per_service: HashMap<String, usize> = HashMap::new();
    for r in &root_causes {
        kinds_per_service
            .entry(r.finding.service.clone())
            .or_default()
            .push(r.finding.kind);
        best_rank_per_service
            .entry(r.finding.service.clone())
            .or_insert(r.rank);
    }
    for r in &mut root_causes {
        let kind = r.finding.kind;
        r.related = kinds_per_service[&r.finding.service]
            .iter()
            .filter(|k| **k != kind)
            .map(|k| k.to_string())
            .collect();
    }

    let mut linked: Vec<Symptom> = symptoms
        .into_iter()
        .zip(explaining)
        .map(|(s, explaining)| {
            let upstream = s
                .targets
                .iter()
                .find_map(|t| services.resolve(t, &s.service));
            let (cause_service, hops) =
                explaining.map_or((None, 0), |(svc, hops)| (Some(svc), hops));
            let explained_by =
                cause_service.and_then(|svc| best_rank_per_service.get(&svc).copied());
            Symptom {
                finding: s,
                explained_by,
                hops: explained_by.map(|_| hops),
                upstream_service: upstream,
            }
        })
        .collect();
    linked.sort_by(|a, b| {
        (
            a.explained_by.unwrap_or(usize::MAX),
            a.hops,
            a.finding.first_seen,
            a.finding.kind,
            &a.finding.service,
        )
            .cmp(&(
                b.explained_by.unwrap_or(usize::MAX),
                b.hops,
                b.finding.first_seen,
                b.finding.kind,
                &b.finding.service,
            ))
    });
    for (index, s) in linked.iter().enumerate() {
        if let Some(rank) = s.explained_by {
            root_causes[rank - 1].explains.push(index);
        }
    }
    for r in &mut root_causes {
        r.chain = std::iter::once(chain_link(&r.finding))
            .chain(r.explains.iter().map(|&i| chain_link(&linked[i].finding)))
            .collect();
    }

    let verdict = match root_causes.first() {
        Some(top) if top.finding.confidence >= IDENTIFIED => Verdict::RootCauseIdentified,
        Some(_) => Verdict::Suspected,
        // A failing container is not healthy even when no detector knows why.
        None if linked.is_empty() && !evidence.containers.iter().any(|c| c.is_failing()) => {
            Verdict::Healthy
        }
        None => Verdict::Inconclusive,
    };
    Ranked {
        verdict,
        root_causes,
        symptoms: linked,
        dismissed,
    }
}

/// A dependency that cannot be reached because it failed itself is a
/// symptom of that failure (web's `connection refused` after db died), and
/// so is the caller's crash loop when nothing else explains it.
///
/// When the message does not name the dependency (`[Errno 111] Connection
/// refused`), a service of the same log (a compose paste) that failed for a
/// reason of its own, the first to fail, is taken as the one it could not reach.
fn demote_downstream(
    services: &Services<'_>,
    causes: &mut Vec<Finding>,
    symptoms: &mut Vec<Finding>,
) {
    // Any failure of a named dependency explains it (a crash loop, a stop);
    // guessing the dependency from a shared log takes a specific failure.
    let failed_services: HashSet<String> = causes
        .iter()
        .filter(|c| c.kind != DEPENDENCY)
        .map(|c| c.service.clone())
        .collect();
    let mut failed: Vec<&Finding> = causes
        .iter()
        .filter(|c| c.kind != DEPENDENCY && !is_generic(c.kind))
        .collect();
    failed.sort_by_key(|c| c.first_seen);
    let same_log = |a: &Finding, b: &Finding| {
        a.evidence
            .iter()
            .any(|q| q.line.is_some() && b.evidence.iter().any(|r| r.source == q.source))
    };
    let mut retargeted: Vec<(usize, String)> = Vec::new();
    for (i, c) in causes.iter().enumerate() {
        if c.kind != DEPENDENCY {
            continue;
        }
        let named = c.targets.iter().find_map(|t| {
            services
                .resolve(t, &c.service)
                .filter(|svc| *svc != c.service && failed_services.contains(svc))
        });
        let upstream = named.or_else(|| {
            c.targets
                .is_empty()
                .then(|| {
                    failed
                        .iter()
                        .find(|f| f.service != c.service && same_log(c, f))
                })
                .flatten()
                .map(|f| f.service.clone())
        });
        if let Some(upstream) = upstream {
            retargeted.push((i, upstream));
        }
    }
    let mut downstream_of: BTreeMap<String, String> = BTreeMap::new();
    // Detectors that already report the unreachable dependency as a symptom.
    for d in symptoms.iter().filter(|s| s.kind == DEPENDENCY) {
        if let Some(upstream) = d.targets.iter().find_map(|t| {
            services
                .resolve(t, &d.service)
                .filter(|svc| *svc != d.service && failed_services.contains(svc))
        }) {
            downstream_of.insert(d.service.clone(), upstream);
        }
    }
    for (i, upstream) in retargeted.into_iter().rev() {
        let mut d = causes.remove(i);
        if d.targets.is_empty() {
            d.targets.push(upstream.clone());
        }
        downstream_of.insert(d.service.clone(), upstream);
        d.role = Role::Symptom;
        symptoms.push(d);
    }
    for crash in symptoms.iter_mut() {
        if is_generic(crash.kind) && crash.targets.is_empty() {
            if let Some(upstream) = downstream_of.get(&crash.service) {
                crash.targets.push(upstream.clone());
            }
        }
    }
    let (crashes, kept): (Vec<Finding>, Vec<Finding>) = std::mem::take(causes)
        .into_iter()
        .partition(|c| is_generic(c.kind) && downstream_of.contains_key(&c.service));
    *causes = kept;
    for mut crash in crashes {
        if crash.targets.is_empty() {
            crash.targets.push(downstream_of[&crash.service].clone());
        }
        crash.role = Role::Symptom;
        symptoms.push(crash);
    }
}

/// One link of a causal chain: the finding's title, prefixed with its
/// service unless the title already names it (in English: every language
/// then prefixes the same links).
fn chain_link(f: &Finding) -> Text {
    if f.title.to_string().contains(&f.service) {
        f.title.clone()
    } else {
        Text::msg("analysis-chain-link")
            .with("service", &f.service)
            .with("title", f.title.clone())
    }
}

/// For each service, the cause its latest evidence shows (what the latest
/// restarts die of), breaking ties by confidence.
fn primary_cause_per_service(causes: &[Finding]) -> BTreeMap<String, usize> {
    let mut best: BTreeMap<String, usize> = BTreeMap::new();
    for (i, c) in causes.iter().enumerate() {
        let better = match best.get(&c.service) {
            None => true,
            Some(&j) => {
                let other = &causes[j];
                (c.last_seen, c.confidence.to_bits())
                    > (other.last_seen, other.confidence.to_bits())
            }
        };
        if better {
            best.insert(c.service.clone(), i);
        }
    }
    best
}

/// The service whose causes explain `symptom`: the one it points at,
/// followed through other symptoms (a monitor's URL → the proxy → its
/// upstream), or its own service when it points nowhere.
///
/// Also returns how many links separate the symptom from that service: 1
/// for a symptom of the service itself (its crash-loop), 2 for one pointing
/// at it (the proxy's 502s), 3 for one pointing at that (the monitor).
fn explaining_service(
    services: &Services<'_>,
    symptom: &Finding,
    chains: &SymptomIndex<'_>,
    depth: usize,
) -> Option<(String, usize)> {
    let pointed = symptom
        .targets
        .iter()
        .find_map(|t| services.resolve(t, &symptom.service));
    let Some(service) = pointed else {
        return Some((symptom.service.clone(), depth + 1));
    };
    if depth < 4 {
        if let Some(next) = chains.pointing_from(&service, symptom) {
            return explaining_service(services, next, chains, depth + 1);
        }
    }
    Some((service, depth + 2))
}

/// The symptoms that point somewhere, by the service that shows them, so
/// following a chain (monitor → proxy → api) is a lookup.
struct SymptomIndex<'a> {
    by_service: HashMap<&'a str, Vec<&'a Finding>>,
}

impl<'a> SymptomIndex<'a> {
    fn new(symptoms: &'a [Finding]) -> Self {
        let mut by_service: HashMap<&str, Vec<&Finding>> = HashMap::new();
        for s in symptoms.iter().filter(|s| !s.targets.is_empty()) {
            by_service.entry(s.service.as_str()).or_default().push(s);
        }
        SymptomIndex { by_service }
    }

    /// The first symptom of `service` that points elsewhere, other than `from`.
    fn pointing_from(&self, service: &str, from: &Finding) -> Option<&'a Finding> {
        self.by_service
            .get(service)?
            .iter()
            .find(|s| !std::ptr::eq(**s, from))
            .copied()
    }
}

/// Every service the evidence names: containers, and services known only
/// from their logs (a log file's stem, a compose paste's prefixes).
struct Services<'a> {
    evidence: &'a Evidence,
    from_logs: Vec<String>,
}

impl<'a> Services<'a> {
    fn new(evidence: &'a Evidence, findings: &[Finding]) -> Self {
        let mut from_logs: Vec<String> = evidence
            .logs
            .iter()
            .map(|l| l.service.clone())
            .chain(findings.iter().map(|f| f.service.clone()))
            .collect();
        from_logs.sort();
        from_logs.dedup();
        Services {
            evidence,
            from_logs,
        }
    }

    /// [`resolve`], else a service known from its logs whose name is the
    /// target's host (`db` is compose's `db_1`, `db-1` or `shop-db-1`).
    fn resolve(&self, target: &str, from: &str) -> Option<String> {
        if let Some(found) = resolve(self.evidence, target, from) {
            return Some(found);
        }
        let (host, _) = split_target(target);
        if host.is_empty() {
            return None;
        }
        self.from_logs
            .iter()
            .find(|name| *name != from && names_service(name, host))
            .cloned()
    }
}

/// Whether a container or compose name (`shop-db-1`, `db_1`) is the service `host`.
fn names_service(name: &str, host: &str) -> bool {
    let base = name
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end_matches(['-', '_']);
    let base = if base.is_empty() { name } else { base };
    name == host
        || base == host
        || base
            .strip_suffix(host)
            .is_some_and(|rest| rest.ends_with('-') || rest.ends_with('_'))
}

/// The host and port a target names: `http://user@db:5432/x` → (`db`,
/// 5432), `[::1]:80` → (`::1`, 80), `php` → (`php`, none).
pub fn split_target(target: &str) -> (&str, Option<u16>) {
    let without_scheme = target.split_once("://").map_or(target, |(_, rest)| rest);
    let authority = without_scheme.split('/').next().unwrap_or(without_scheme);
    let authority = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    match authority.rsplit_once(':') {
        Some((h, p)) if !h.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) => {
            (h.trim_matches(['[', ']']), p.parse::<u16>().ok())
        }
        _ => (authority.trim_matches(['[', ']']), None),
    }
}

/// Maps what a symptom points at to a service name: a URL, `host:port`, an
/// IP, a container name or a network alias.
pub fn resolve(evidence: &Evidence, target: &str, from: &str) -> Option<String> {
    let (host, port) = split_target(target);
    let loopback = matches!(
        host,
        "127.0.0.1" | "localhost" | "::1" | "0.0.0.0" | "host.docker.internal"
    );
    // Container addresses, names and published loopback ports mean
    // something on the caller's own engine only.
    let from_engine = evidence.engine_of(from);
    let local = |c: &&crate::evidence::Container| {
        from_engine.is_none() || c.engine.is_none() || c.engine.as_deref() == from_engine
    };
    if let Some(name) = published_at(evidence, host, port, from) {
        return Some(name);
    }
    if let Some(c) = evidence.containers.iter().filter(local).find(|c| {
        c.networks.iter().any(|n| !n.ip.is_empty() && n.ip == host)
            || c.name == host
            || c.service_name() == host
            || c.networks
                .iter()
                .any(|n| n.aliases.iter().any(|a| a == host))
    }) {
        if c.name != from {
            return Some(c.name.clone());
        }
    }
    if let Ok(ip) = host.parse::<std::net::Ipv4Addr>() {
        if let Some(name) = former_holder(evidence, ip, port, from) {
            return Some(name);
        }
    }
    if loopback {
        if let Some(port) = port {
            if let Some(c) = evidence
                .containers
                .iter()
                .filter(local)
                .find(|c| c.ports.iter().any(|p| p.host_port == Some(port)) && c.state.running)
                .or_else(|| {
                    evidence.containers.iter().filter(local).find(|c| {
                        c.ports.iter().any(|p| p.host_port == Some(port))
                            && c.state.status != "created"
                    })
                })
            {
                return Some(c.name.clone());
            }
            // A host process: name it after the log that shares its process name.
            if let Some(l) = evidence.listeners.iter().find(|l| l.port == port) {
                let process = l
                    .processes
                    .first()
                    .map(|p| p.split(' ').next().unwrap_or(p));
                if let Some(process) = process {
                    if let Some(log) = evidence.logs.iter().find(|log| {
                        log.service.starts_with(process)
                            && evidence.container(&log.service).is_none()
                    }) {
                        return Some(log.service.clone());
                    }
                }
            }
        }
    }
    None
}

/// The container that publishes `host:port` where `host` is a host's own
/// address: bound to that very address (`-p 10.0.0.5:8090:8000`), or to
/// every address of an engine whose address it is (`--engine-address`, a
/// `tcp://` endpoint's host). This is how a proxy on one engine reaches a
/// container on another, so the engine does not have to be the caller's.
fn published_at(evidence: &Evidence, host: &str, port: Option<u16>, from: &str) -> Option<String> {
    let port = port?;
    host.parse::<std::net::IpAddr>()
        .ok()
        .filter(|ip| !ip.is_loopback() && !ip.is_unspecified())?;
    let engines: Vec<&str> = evidence
        .engines
        .iter()
        .filter(|e| e.address.as_deref() == Some(host))
        .map(|e| e.name.as_str())
        .collect();
    let publishes = |c: &&crate::evidence::Container| {
        c.name != from
            && c.ports.iter().any(|p| {
                p.host_port == Some(port)
                    && (p.host_ip == host
                        || (matches!(p.host_ip.as_str(), "" | "0.0.0.0" | "::")
                            && c.engine.as_deref().is_some_and(|e| engines.contains(&e))))
            })
    };
    let candidates: Vec<&crate::evidence::Container> =
        evidence.containers.iter().filter(publishes).collect();
    candidates
        .iter()
        .find(|c| c.state.running || c.state.restarting)
        .or_else(|| candidates.iter().find(|c| c.state.status != "created"))
        .map(|c| c.name.clone())
}

/// The container an address no one holds now most likely belonged to. A
/// stopped container keeps its network attachment but loses its address, so
/// a peer that still dials the old address (a proxy that resolved the name
/// once) points at the one stopped container on the caller's network,
/// preferring one that exposes the port dialled.
fn former_holder(
    evidence: &Evidence,
    ip: std::net::Ipv4Addr,
    port: Option<u16>,
    from: &str,
) -> Option<String> {
    let caller = evidence.container(from)?;
    // The caller's networks whose addresses share the /16 of `ip` (Docker's pools hand out /16s or smaller).
    let networks: Vec<&str> = caller
        .networks
        .iter()
        .filter(|n| {
            n.ip.parse::<std::net::Ipv4Addr>()
                .is_ok_and(|own| own.octets()[..2] == ip.octets()[..2])
        })
        .map(|n| n.network.as_str())
        .collect();
    let stopped: Vec<&crate::evidence::Container> = evidence
        .containers
        .iter()
        .filter(|c| c.name != from && !c.state.running && c.engine == caller.engine)
        .filter(|c| {
            c.networks
                .iter()
                .any(|n| networks.contains(&n.network.as_str()))
        })
        .collect();
    let exposing: Vec<&&crate::evidence::Container> = stopped
        .iter()
        .filter(|c| {
            port.is_some_and(|port| {
                c.ports
                    .iter()
                    .any(|b| b.container_port.split('/').next() == Some(port.to_string().as_str()))
            })
        })
        .collect();
    match (exposing.as_slice(), stopped.as_slice()) {
        ([only], _) => Some(only.name.clone()),
        ([], [only]) => Some(only.name.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chain_link_names_its_service_once() {
        let fr = crate::locale::get("fr").unwrap();
        let named = Finding::new("crash-loop", Role::Cause, "db", "db restarts");
        assert_eq!(chain_link(&named), "db restarts");
        let unnamed = Finding::new("crash-loop", Role::Symptom, "db", "restarts");
        assert_eq!(chain_link(&unnamed), "db: restarts");
        assert_eq!(fr.text(&chain_link(&unnamed)), "db\u{a0}: restarts");
    }
}
