//! The write-up: what a reader needs before the evidence.
//!
//! From the ranked findings and the evidence it derives the status line, the
//! executive summary (with figures read from the evidence, never estimated),
//! the solutions grouped by horizon, the next steps and the technical
//! details. Every sentence a report shows is decided here; the renderers only
//! lay it out. Nothing here parses files or reaches Docker.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::Serialize;

use super::detector::{Finding, Horizon, Remediation};
use super::{Analysis, RootCause, Verdict};
use crate::evidence::time::format_utc;
use crate::evidence::{Container, Evidence};

/// A span of time in the words of the report's language.
fn describe_duration(seconds: f64) -> String {
    crate::locale::current().duration(seconds)
}

/// A cause's start counts as triggered by a deploy when it follows the
/// container's (re)creation within this many seconds.
const DEPLOY_TRIGGER_SECONDS: i64 = 3600;
/// A restart policy that restarted a container this often without helping is worth an alert.
const RESTART_LOOP_ALERT: u64 = 3;

/// Everything [`write_up`] adds to an [`Analysis`]; flattened into it.
#[derive(Debug, Clone, Default, Serialize, JsonSchema)]
pub struct WriteUp {
    pub status: Status,
    pub summary: Summary,
    pub solutions: Solutions,
    pub next_steps: NextSteps,
    pub technical: Technical,
}

/// The verdict said for people.
#[derive(Debug, Clone, Default, Serialize, JsonSchema)]
pub struct Status {
    /// `Root cause identified`, `Root cause suspected`, `Healthy` or `Inconclusive`.
    pub label: String,
    /// One sentence: what the verdict rests on.
    pub sentence: String,
}

#[derive(Debug, Clone, Default, Serialize, JsonSchema)]
pub struct Summary {
    /// The report's title: the top cause, or what the verdict says.
    pub headline: String,
    /// What went wrong, one sentence each, with the figures the evidence gives.
    pub problem: Vec<String>,
    /// The top root cause in one sentence.
    pub root_cause: Option<String>,
    /// What set it off, when a deploy shortly before the first failure shows it.
    pub trigger: Option<String>,
    /// When users' checks began to fail, against the root cause: the
    /// monitoring source whose failures began closest to it.
    pub onset: Option<String>,
    /// When the trouble began and ended, as far as the evidence shows.
    pub impact: Option<Impact>,
    /// Every service that failed or showed a symptom, and in what state.
    pub affected: Vec<Affected>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Impact {
    pub start: String,
    /// The last failure seen; still failing at collection time when `ongoing`.
    pub end: String,
    pub duration: String,
    pub ongoing: bool,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Affected {
    pub service: String,
    /// `restarting (9 restarts)`, `created, never started (exit code 128)`, …
    pub state: String,
    /// Its part in the incident: `root cause #1`, `symptom of #1`, …
    pub role: String,
}

/// Remediation steps of every root cause, merged and grouped by when to do them.
#[derive(Debug, Clone, Default, Serialize, JsonSchema)]
pub struct Solutions {
    pub immediate: Vec<Solution>,
    pub short_term: Vec<Solution>,
    pub medium_term: Vec<Solution>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Solution {
    pub text: String,
    /// Exact commands, ready to paste.
    pub commands: Vec<String>,
    /// The causes (or unexplained symptoms) this step addresses.
    pub fixes: Vec<FixTarget>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, JsonSchema)]
pub struct FixTarget {
    /// The root cause's rank; unset for an unexplained symptom.
    pub rank: Option<usize>,
    pub service: String,
    pub kind: String,
}

/// What to do when, derived from the causes and what the evidence lacked.
#[derive(Debug, Clone, Default, Serialize, JsonSchema)]
pub struct NextSteps {
    pub today: Vec<Action>,
    pub this_week: Vec<Action>,
    pub this_month: Vec<Action>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Action {
    pub text: String,
    /// The finding or fact that justifies it.
    pub because: String,
    /// The parts of the action, when it gathers several (one a cause).
    pub details: Vec<String>,
}

/// Host, engine, ports and images, for whoever picks the investigation up.
#[derive(Debug, Clone, Default, Serialize, JsonSchema)]
pub struct Technical {
    pub host: Option<String>,
    pub engine_version: Option<String>,
    pub api_version: Option<String>,
    pub os: Option<String>,
    pub kernel: Option<String>,
    pub collected_at: Option<String>,
    pub collector: Option<String>,
    /// Published container ports and host listening sockets, by port.
    pub ports: Vec<PortInUse>,
    pub images: Vec<ImageInfo>,
    pub networks: Vec<NetworkMember>,
    /// How each failing container is configured, secrets masked.
    pub configurations: Vec<ContainerConfig>,
    /// The engines of an investigation of several, each with its clock.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub engines: Vec<EngineRow>,
}

/// One engine of an investigation of several.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct EngineRow {
    pub name: String,
    /// Where it was reached (`unix://…`, `tcp://…`).
    pub endpoint: Option<String>,
    /// Its host name (`docker info`).
    pub host: Option<String>,
    pub engine_version: Option<String>,
    /// The address other hosts reach what it publishes at, when known.
    pub address: Option<String>,
    /// How far its clock ran ahead of the collector's, in seconds (negative: behind).
    pub clock_offset_seconds: Option<f64>,
    /// Whether its timestamps were corrected by that offset.
    pub corrected: bool,
    /// The clock, in words.
    pub clock: String,
}

fn engine_rows(evidence: &Evidence) -> Vec<EngineRow> {
    evidence
        .engines
        .iter()
        .map(|e| {
            let listed = evidence.meta.engines.iter().find(|l| l.name == e.name);
            let seconds = e.offset.map(|o| o.num_milliseconds() as f64 / 1000.0);
            let clock = match seconds {
                None => "not read at collection: its timestamps are taken as they are".to_string(),
                Some(s) => {
                    let side = if s < 0.0 { "behind" } else { "ahead of" };
                    let what = if e.corrected {
                        "its timestamps are corrected by it in this report"
                    } else {
                        "within 2 s: its timestamps are taken as they are"
                    };
                    format!("{:.3} s {side} the collector's; {what}", s.abs())
                }
            };
            EngineRow {
                name: e.name.clone(),
                endpoint: listed.and_then(|l| l.endpoint.clone()),
                host: e.meta.host.clone(),
                engine_version: e.meta.engine_version.clone(),
                address: e.address.clone(),
                clock_offset_seconds: seconds,
                corrected: e.corrected,
                clock,
            }
        })
        .collect()
}

/// The configuration of a failing container, as `docker container inspect`
/// shows it; environment values whose names look secret are masked.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ContainerConfig {
    pub container: String,
    pub entrypoint: Vec<String>,
    pub cmd: Vec<String>,
    pub working_dir: String,
    pub user: String,
    pub restart_policy: String,
    pub env: Vec<String>,
    pub source: String,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct PortInUse {
    /// `127.0.0.1:18080`, or `6333/tcp` for a port a container exposes without publishing.
    pub address: String,
    pub port: Option<u16>,
    /// `container` or `host process`.
    pub owner_kind: String,
    /// The container name, or the processes holding the host socket.
    pub owner: String,
    /// `-> 8000/tcp (restarting)`, `not published`, …
    pub detail: String,
    pub source: String,
    /// Other owners of the same port: the collision a port conflict is made of.
    pub shared_with: Vec<String>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ImageInfo {
    pub reference: String,
    pub short_id: String,
    pub created: Option<String>,
    pub used_by: Vec<String>,
    pub size_mb: Option<u64>,
    pub source: String,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct NetworkMember {
    pub network: String,
    pub container: String,
    pub ip: String,
    pub aliases: Vec<String>,
}

/// Writes the summary, solutions, next steps and technical details of `analysis`.
pub fn write_up(evidence: &Evidence, analysis: &Analysis) -> WriteUp {
    let summary = summary(evidence, analysis);
    WriteUp {
        status: status(evidence, analysis),
        next_steps: next_steps(evidence, analysis),
        summary,
        solutions: solutions(analysis),
        technical: technical(evidence),
    }
}

fn status(evidence: &Evidence, analysis: &Analysis) -> Status {
    let failing: Vec<&Container> = evidence
        .containers
        .iter()
        .filter(|c| c.is_failing())
        .collect();
    let explained = analysis
        .symptoms
        .iter()
        .filter(|s| s.explained_by.is_some())
        .count();
    let traced = |rank: usize| {
        let n = analysis
            .symptoms
            .iter()
            .filter(|s| s.explained_by == Some(rank))
            .count();
        match (n, analysis.symptoms.len()) {
            (0, _) => String::new(),
            (1, 1) => "; the one symptom found traces back to it".to_string(),
            (n, total) if n == total => format!("; all {n} symptoms found trace back to it"),
            (1, total) => format!("; 1 of {total} symptoms traces back to it"),
            (n, total) => format!("; {n} of {total} symptoms trace back to it"),
        }
    };
    let (label, sentence) = match (analysis.verdict, analysis.root_causes.first()) {
        (Verdict::RootCauseIdentified, Some(top)) => (
            "Root cause identified",
            format!(
                "{} ({} confidence){}.",
                trim_period(&top.finding.title.to_string()),
                percent(top.finding.confidence),
                traced(top.rank)
            ),
        ),
        (Verdict::Suspected, Some(top)) => (
            "Root cause suspected",
            format!(
                "Most likely {} ({} confidence){}; the evidence does not settle it.",
                lower_first(trim_period(&top.finding.title.to_string())),
                percent(top.finding.confidence),
                traced(top.rank)
            ),
        ),
        (Verdict::Healthy, _) if failing.is_empty() => (
            "Healthy",
            format!(
                "{} and no detector found a problem in {}.",
                containers_at_rest(evidence),
                plural(evidence.logs.len() as u64, "log")
            ),
        ),
        (_, _) if !analysis.symptoms.is_empty() => (
            "Inconclusive",
            format!(
                "{} seen ({} explained) but the evidence names no cause; see what could not be collected.",
                plural(analysis.symptoms.len() as u64, "symptom"),
                explained
            ),
        ),
        _ => (
            "Inconclusive",
            format!(
                "{} failing ({}) but no detector recognised why; see what could not be collected.",
                plural(failing.len() as u64, "container"),
                failing
                    .iter()
                    .map(|c| c.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ),
    };
    Status {
        label: label.to_string(),
        sentence,
    }
}

fn containers_at_rest(evidence: &Evidence) -> String {
    match evidence.containers.len() {
        0 => "No container state was collected".to_string(),
        1 => "The only container is running, never restarted and not unhealthy".to_string(),
        n => format!("All {n} containers are running, none restarted or unhealthy"),
    }
}

fn summary(evidence: &Evidence, analysis: &Analysis) -> Summary {
    let mut problem = Vec::new();
    if let Some(sentence) = containers_sentence(evidence) {
        problem.push(sentence);
    }
    for c in evidence.containers.iter().filter(|c| c.is_failing()) {
        if let Some(sentence) = restarts_sentence(evidence, c) {
            problem.push(sentence);
        }
    }
    for s in &analysis.symptoms {
        // A crash loop demoted to a symptom is already told by the restarts sentence.
        if evidence.container(&s.finding.service).is_some() && s.finding.targets.is_empty() {
            continue;
        }
        problem.push(finding_sentence(&s.finding));
    }
    // What the endpoints answer now, when they were probed.
    problem.extend(
        analysis
            .monitoring
            .probes
            .iter()
            .map(|p| p.sentence.to_string()),
    );
    let top = analysis.root_causes.first();
    let failing: Vec<&str> = evidence
        .containers
        .iter()
        .filter(|c| c.is_failing())
        .map(|c| c.name.as_str())
        .collect();
    let headline = match (top, analysis.verdict) {
        (Some(r), _) if r.finding.title.to_string().contains(&r.finding.service) => {
            trim_period(&r.finding.title.to_string()).to_string()
        }
        (Some(r), _) => format!(
            "{}: {}",
            r.finding.service,
            trim_period(&r.finding.title.to_string())
        ),
        (None, Verdict::Healthy) => "No incident found".to_string(),
        (None, _) if !failing.is_empty() => {
            format!("{} failing, cause not identified", failing.join(", "))
        }
        (None, _) => format!(
            "{}, cause not identified",
            plural(analysis.symptoms.len() as u64, "symptom")
        ),
    };
    Summary {
        headline,
        problem,
        root_cause: top.map(root_cause_sentence),
        trigger: top.and_then(|r| trigger_sentence(evidence, &r.finding)),
        onset: onset(analysis),
        impact: impact(evidence, analysis),
        affected: affected(evidence, analysis),
    }
}

/// `3 of 3 containers are failing: mcp-api is restarting (9 restarts), …`
fn containers_sentence(evidence: &Evidence) -> Option<String> {
    let total = evidence.containers.len();
    if total == 0 {
        return None;
    }
    let failing: Vec<String> = evidence
        .containers
        .iter()
        .filter(|c| c.is_failing())
        .map(|c| format!("{} is {}", c.name, state_phrase(c)))
        .collect();
    Some(match failing.len() {
        0 => format!("{}.", containers_at_rest(evidence)),
        n => format!(
            "{n} of {} {} failing: {}.",
            plural(total as u64, "container"),
            if n == 1 { "is" } else { "are" },
            failing.join("; ")
        ),
    })
}

/// How a container is doing, in words: `restarting (9 restarts)`.
fn state_phrase(c: &Container) -> String {
    let s = &c.state;
    let mut phrase = if s.restarting {
        "restarting".to_string()
    } else if s.status == "created" {
        format!("created but never started (exit code {})", s.exit_code)
    } else if !s.running {
        format!("{} with exit code {}", s.status, s.exit_code)
    } else {
        s.status.clone()
    };
    if let Some(health) = c.health_status().filter(|h| *h != "healthy" || !s.running) {
        phrase.push_str(&format!(", {health}"));
    }
    if c.restart_count > 0 {
        phrase.push_str(&format!(" ({})", plural(c.restart_count, "restart")));
    }
    if s.oom_killed {
        phrase.push_str(", killed for lack of memory");
    }
    phrase
}

/// `mcp-api died 10 times between 18:31:41 and 18:32:10 UTC (exit code 1 ×9, 2 ×1) under restart policy always.`
fn restarts_sentence(evidence: &Evidence, c: &Container) -> Option<String> {
    let dies: Vec<_> = evidence
        .events_of(c)
        .filter(|e| e.action == "die" && (c.id.is_empty() || e.actor_id == c.id))
        .collect();
    if dies.len() < 2 {
        return None;
    }
    let mut codes: BTreeMap<i64, u64> = BTreeMap::new();
    for e in &dies {
        if let Some(code) = e.exit_code() {
            *codes.entry(code).or_default() += 1;
        }
    }
    let mut codes: Vec<(i64, u64)> = codes.into_iter().collect();
    codes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let codes = codes
        .iter()
        .map(|(code, n)| format!("{code} ×{n}"))
        .collect::<Vec<_>>()
        .join(", ");
    let first = dies.first().map(|e| e.time)?;
    let last = dies.last().map(|e| e.time)?;
    Some(format!(
        "{} exited {} times between {} and {} (exit code {codes}) under restart policy {}.",
        c.name,
        dies.len(),
        human_time(first),
        clock_after(first, last),
        c.restart_policy
    ))
}

fn finding_sentence(f: &Finding) -> String {
    let mut sentence = trim_period(&f.title.to_string()).to_string();
    match (f.first_seen, f.last_seen) {
        (Some(first), Some(last)) if last > first => sentence.push_str(&format!(
            " (from {} to {})",
            human_time(first),
            clock_after(first, last)
        )),
        (Some(first), _) => sentence.push_str(&format!(" (at {})", human_time(first))),
        _ => {}
    }
    sentence.push('.');
    sentence
}

fn root_cause_sentence(r: &RootCause) -> String {
    let f = &r.finding;
    let mut sentence = trim_period(&f.title.to_string()).to_string();
    if let Some(first) = f.first_seen {
        sentence.push_str(&format!(", first seen {}", human_time(first)));
    }
    if f.occurrences > 1 {
        sentence.push_str(&format!(" and {} in all", plural(f.occurrences, "time")));
    }
    sentence.push('.');
    sentence
}

/// The deploy that preceded the cause: the container was (re)created from its
/// image shortly before it first failed.
fn trigger_sentence(evidence: &Evidence, cause: &Finding) -> Option<String> {
    let c = evidence.container(&cause.service)?;
    let created = c.created?;
    let failure = failed_after_deploy(evidence, c, cause)?;
    let image = match evidence.image_of(c) {
        Some(i) => match i.created {
            Some(built) => format!(
                "{} ({}, built {})",
                c.image,
                i.short_id(),
                human_time(built)
            ),
            None => format!("{} ({})", c.image, i.short_id()),
        },
        None => c.image.clone(),
    };
    let replaced = previous_image(evidence, c)
        .map(|(image, _)| format!(", replacing {image}"))
        .unwrap_or_default();
    let when = if failure.seconds < 1.0 {
        "within a second".to_string()
    } else {
        format!("{} later", describe_duration(failure.seconds))
    };
    // The line that chose the image, when the compose file is in the bundle.
    let declared = evidence
        .compose_service_of(c)
        .and_then(|(_, s)| s.image.as_ref())
        .map(|image| {
            let verb = if image.value == c.image {
                "as"
            } else {
                "whereas"
            };
            format!(
                " ({verb} {} says: `{}`)",
                image.at.line_ref(c),
                image.at.text
            )
        })
        .unwrap_or_default();
    Some(format!(
        "{} was created from {image}{declared} at {}{replaced}; it {} {when}.",
        c.name,
        human_time(created),
        failure.how
    ))
}

/// A container that failed soon after it was (re)created: a deploy that
/// went wrong.
struct DeployFailure {
    /// Seconds from the container's creation to its first failure.
    seconds: f64,
    /// `first exited (code 2)` or `first failed`.
    how: String,
}

impl DeployFailure {
    /// `mcp-api first exited (code 2) within a second of its creation`.
    fn describe(&self, container: &str) -> String {
        let when = if self.seconds < 1.0 {
            "within a second of its creation".to_string()
        } else {
            format!("{} after its creation", describe_duration(self.seconds))
        };
        format!("{container} {} {when}", self.how)
    }
}

/// When a container first failed after its creation (its first `die` event,
/// else the first sight of the cause), if that was within
/// [`DEPLOY_TRIGGER_SECONDS`].
fn failed_after_deploy(
    evidence: &Evidence,
    c: &Container,
    cause: &Finding,
) -> Option<DeployFailure> {
    let created = c.created?;
    let died = evidence.events_of(c).find(|e| {
        e.action == "die" && e.time >= created && (c.id.is_empty() || e.actor_id == c.id)
    });
    let (failed, how) = match (died, cause.first_seen) {
        (Some(e), seen) if seen.is_none_or(|s| e.time <= s) => (
            e.time,
            e.exit_code().map_or("first exited".to_string(), |code| {
                format!("first exited (code {code})")
            }),
        ),
        (_, Some(seen)) if seen >= created => (seen, "first failed".to_string()),
        _ => return None,
    };
    let seconds = (failed - created).num_milliseconds() as f64 / 1000.0;
    (seconds <= DEPLOY_TRIGGER_SECONDS as f64).then_some(DeployFailure { seconds, how })
}

/// The onset of the monitoring source whose failures began closest to the
/// root cause: a months-long history tells less about this incident than a
/// monitor that started failing seconds after it.
fn onset(analysis: &Analysis) -> Option<String> {
    analysis
        .monitoring
        .sources
        .iter()
        .filter_map(|s| s.onset.as_ref())
        .min_by(|a, b| {
            let distance = |o: &super::monitoring::Onset| {
                o.relative
                    .iter()
                    .map(|r| r.seconds.abs())
                    .fold(f64::INFINITY, f64::min)
            };
            distance(a).total_cmp(&distance(b))
        })
        .map(|o| o.sentence.to_string())
}

/// The image the same container name ran before, and when that container last
/// did something, from the engine events.
fn previous_image(evidence: &Evidence, c: &Container) -> Option<(String, DateTime<Utc>)> {
    evidence
        .events
        .iter()
        .filter(|e| e.kind == "container" && e.name == c.name && e.actor_id != c.id)
        .filter_map(|e| {
            e.attributes
                .get("image")
                .filter(|i| **i != c.image)
                .map(|i| (i.clone(), e.time))
        })
        .next_back()
}

fn impact(evidence: &Evidence, analysis: &Analysis) -> Option<Impact> {
    let findings = analysis
        .root_causes
        .iter()
        .map(|r| &r.finding)
        .chain(analysis.symptoms.iter().map(|s| &s.finding));
    let (mut start, mut end): (Option<DateTime<Utc>>, Option<DateTime<Utc>>) = (None, None);
    for f in findings {
        if let Some(first) = f.first_seen {
            start = Some(start.map_or(first, |s| s.min(first)));
        }
        if let Some(last) = f.last_seen.or(f.first_seen) {
            end = Some(end.map_or(last, |e| e.max(last)));
        }
    }
    let (start, end) = (start?, end?);
    Some(Impact {
        start: format_utc(start),
        end: format_utc(end),
        duration: describe_duration((end - start).num_milliseconds() as f64 / 1000.0),
        ongoing: evidence.containers.iter().any(|c| c.is_failing()),
    })
}

fn affected(evidence: &Evidence, analysis: &Analysis) -> Vec<Affected> {
    let mut causes: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut symptoms: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for r in &analysis.root_causes {
        causes
            .entry(r.finding.service.as_str())
            .or_default()
            .push(format!("#{} ({})", r.rank, r.finding.kind));
    }
    for s in &analysis.symptoms {
        let role = match s.explained_by {
            Some(rank) => format!("of #{rank} ({})", s.finding.kind),
            None => format!("unexplained ({})", s.finding.kind),
        };
        symptoms
            .entry(s.finding.service.as_str())
            .or_default()
            .push(role);
    }
    let mut services: Vec<&str> = causes.keys().chain(symptoms.keys()).copied().collect();
    services.extend(
        evidence
            .containers
            .iter()
            .filter(|c| c.is_failing())
            .map(|c| c.name.as_str()),
    );
    services.sort_unstable();
    services.dedup();
    services
        .into_iter()
        .map(|service| {
            let mut parts = Vec::new();
            if let Some(list) = causes.get(service) {
                parts.push(format!("root cause {}", list.join(", ")));
            }
            if let Some(list) = symptoms.get(service) {
                parts.push(format!("symptom {}", list.join(", ")));
            }
            Affected {
                service: service.to_string(),
                state: non_container_state(evidence, service).unwrap_or_else(|| {
                    evidence
                        .container(service)
                        .map_or_else(|| "not a container".to_string(), state_phrase)
                }),
                role: if parts.is_empty() {
                    "failing, no finding explains it".to_string()
                } else {
                    parts.join("; ")
                },
            }
        })
        .collect()
}

/// What a service that is not a container is: a log read on the host, or a
/// monitor named after its history file.
fn non_container_state(evidence: &Evidence, service: &str) -> Option<String> {
    if evidence.container(service).is_some() {
        return None;
    }
    if let Some(log) = evidence.logs_of(service).next() {
        return Some(format!("no container; its log is {}", log.display));
    }
    evidence
        .monitoring
        .iter()
        .find(|m| {
            std::path::Path::new(&m.source)
                .file_stem()
                .is_some_and(|stem| service.starts_with(&*stem.to_string_lossy()))
        })
        .map(|m| format!("monitor of {}, history {}", m.target, m.source))
}

fn solutions(analysis: &Analysis) -> Solutions {
    let mut sources: Vec<(FixTarget, &Remediation)> = analysis
        .root_causes
        .iter()
        .map(|r| {
            (
                FixTarget {
                    rank: Some(r.rank),
                    service: r.finding.service.clone(),
                    kind: r.finding.kind.to_string(),
                },
                &r.finding.remediation,
            )
        })
        .collect();
    sources.extend(
        analysis
            .symptoms
            .iter()
            .filter(|s| s.explained_by.is_none())
            .map(|s| {
                (
                    FixTarget {
                        rank: None,
                        service: s.finding.service.clone(),
                        kind: s.finding.kind.to_string(),
                    },
                    &s.finding.remediation,
                )
            }),
    );
    let mut out = Solutions::default();
    // One solution a step, whichever causes need it; found by lookup, so
    // thousands of causes gather in near-linear time.
    let mut position: HashMap<(Horizon, String, &[String]), usize> = HashMap::new();
    let mut fixed: HashSet<(Horizon, usize, FixTarget)> = HashSet::new();
    for (target, remediation) in sources {
        for step in &remediation.steps {
            let list = match step.horizon {
                Horizon::Immediate => &mut out.immediate,
                Horizon::ShortTerm => &mut out.short_term,
                Horizon::MediumTerm => &mut out.medium_term,
            };
            let key = (
                step.horizon,
                step.text.to_string(),
                step.commands.as_slice(),
            );
            match position.get(&key) {
                Some(&i) => {
                    if fixed.insert((step.horizon, i, target.clone())) {
                        list[i].fixes.push(target.clone());
                    }
                }
                None => {
                    position.insert(key, list.len());
                    fixed.insert((step.horizon, list.len(), target.clone()));
                    list.push(Solution {
                        text: step.text.to_string(),
                        commands: step.commands.clone(),
                        fixes: vec![target.clone()],
                    });
                }
            }
        }
    }
    out
}

fn next_steps(evidence: &Evidence, analysis: &Analysis) -> NextSteps {
    let mut steps = NextSteps::default();
    let because_cause = |r: &RootCause| {
        format!(
            "root cause #{} ({}, {} confidence)",
            r.rank,
            r.finding.kind,
            percent(r.finding.confidence)
        )
    };
    // One action a service: all its fixes go into one rebuild and redeploy.
    let mut services: Vec<&str> = analysis
        .root_causes
        .iter()
        .map(|r| r.finding.service.as_str())
        .collect();
    dedup_in_order(&mut services);
    let mut causes_of: HashMap<&str, Vec<&RootCause>> = HashMap::new();
    for r in &analysis.root_causes {
        causes_of
            .entry(r.finding.service.as_str())
            .or_default()
            .push(r);
    }
    for service in services {
        let causes = causes_of.remove(service).unwrap_or_default();
        let fixes: Vec<String> = causes
            .iter()
            .map(|r| {
                if r.finding.remediation.summary.to_string().is_empty() {
                    format!(
                        "Fix: {}.",
                        lower_first(trim_period(&r.finding.title.to_string()))
                    )
                } else {
                    r.finding.remediation.summary.to_string()
                }
            })
            .collect();
        let (text, details) = match fixes.as_slice() {
            [only] => (only.clone(), Vec::new()),
            _ => (
                format!(
                    "Fix {service} for all {} causes below, then rebuild and redeploy it once.",
                    causes.len()
                ),
                fixes,
            ),
        };
        steps.today.push(Action {
            text,
            because: match causes.as_slice() {
                [only] => because_cause(only),
                _ => format!(
                    "root causes {}",
                    causes
                        .iter()
                        .map(|r| format!("#{} ({})", r.rank, r.finding.kind))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            },
            details,
        });
        let Some(c) = evidence.container(service) else {
            continue;
        };
        let after_deploy = causes
            .iter()
            .any(|r| failed_after_deploy(evidence, c, &r.finding).is_some());
        if let (true, Some((image, until))) = (after_deploy, previous_image(evidence, c)) {
            steps.today.push(Action {
                text: format!(
                    "If the fix cannot ship today, roll {} back to {image}, which it ran until {}.",
                    c.name,
                    human_time(until)
                ),
                because: format!("the failures began after {} replaced it", c.image),
                details: Vec::new(),
            });
        }
    }
    for r in &analysis.root_causes {
        let mut services: Vec<&str> = r
            .explains
            .iter()
            .filter_map(|&i| analysis.symptoms.get(i))
            .map(|s| s.finding.service.as_str())
            .filter(|s| *s != r.finding.service)
            .collect();
        services.sort_unstable();
        services.dedup();
        if !services.is_empty() {
            steps.today.push(Action {
                text: format!(
                    "Once {} is fixed, check that {} {}.",
                    r.finding.service,
                    services.join(", "),
                    if services.len() == 1 {
                        "recovers"
                    } else {
                        "recover"
                    }
                ),
                because: format!(
                    "{} of root cause #{}",
                    plural(r.explains.len() as u64, "symptom"),
                    r.rank
                ),
                details: Vec::new(),
            });
        }
    }
    for s in analysis
        .symptoms
        .iter()
        .filter(|s| s.explained_by.is_none())
    {
        steps.today.push(Action {
            text: format!(
                "Find the cause of this symptom, which nothing in the evidence explains: {}.",
                trim_period(&s.finding.title.to_string())
            ),
            because: format!("unexplained symptom ({})", s.finding.kind),
            details: Vec::new(),
        });
    }

    // Later steps of each fix, by when; the immediate ones are today's fix.
    for r in &analysis.root_causes {
        for step in &r.finding.remediation.steps {
            let list = match step.horizon {
                Horizon::Immediate => continue,
                Horizon::ShortTerm => &mut steps.this_week,
                Horizon::MediumTerm => &mut steps.this_month,
            };
            push_unique(
                list,
                Action {
                    text: step.text.to_string(),
                    because: because_cause(r),
                    details: Vec::new(),
                },
            );
        }
    }
    // One line a container: the earliest failure after its creation.
    let mut deployed_broken: Vec<String> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for r in &analysis.root_causes {
        let Some(c) = evidence.container(&r.finding.service) else {
            continue;
        };
        if seen.contains(&c.name.as_str()) {
            continue;
        }
        seen.push(&c.name);
        let earliest = analysis
            .root_causes
            .iter()
            .filter(|other| other.finding.service == c.name)
            .filter_map(|other| failed_after_deploy(evidence, c, &other.finding))
            .min_by(|a, b| a.seconds.total_cmp(&b.seconds));
        if let Some(failure) = earliest {
            deployed_broken.push(failure.describe(&c.name));
        }
    }
    if !deployed_broken.is_empty() {
        push_unique(
            &mut steps.this_week,
            Action {
                text: "Gate deploys on a start-up check: start the new container once and require it to stay up (and healthy, where it has a healthcheck) before it replaces the running one.".to_string(),
                because: deployed_broken.join("; "),
                details: Vec::new(),
            },
        );
    }
    for c in evidence
        .containers
        .iter()
        .filter(|c| c.is_failing() && c.restart_count >= RESTART_LOOP_ALERT)
    {
        push_unique(
            &mut steps.this_week,
            Action {
                text: format!(
                    "Alert on restart loops: restart policy {} restarted {} {} without fixing anything.",
                    c.restart_policy,
                    c.name,
                    plural(c.restart_count, "time")
                ),
                because: format!("RestartCount {} in {}", c.restart_count, c.source),
                details: Vec::new(),
            },
        );
    }

    if !analysis.root_causes.is_empty() || !analysis.symptoms.is_empty() {
        if evidence.monitoring.is_empty() {
            let published: Vec<String> = evidence
                .containers
                .iter()
                .flat_map(|c| c.ports.iter())
                .filter_map(|p| {
                    p.host_port
                        .map(|port| format!("{}:{port}", host_or_any(&p.host_ip)))
                })
                .collect();
            let what = if published.is_empty() {
                "the services users reach".to_string()
            } else {
                published.join(", ")
            };
            steps.this_month.push(Action {
                text: format!(
                    "Monitor {what} from outside the host and alert on consecutive failures."
                ),
                because: "no monitoring history was available for this incident".to_string(),
                details: Vec::new(),
            });
        }
        let mut kinds: Vec<&str> = analysis
            .root_causes
            .iter()
            .map(|r| r.finding.kind)
            .collect();
        kinds.sort_unstable();
        kinds.dedup();
        if !kinds.is_empty() {
            steps.this_month.push(Action {
                text: format!(
                    "Write a runbook entry for {}: how it shows, how to confirm it, how to fix it, from this report.",
                    kinds.join(", ")
                ),
                because: format!("{} found in this incident", plural(kinds.len() as u64, "cause kind")),
                details: Vec::new(),
            });
        }
        if let Some(gap) = analysis
            .gaps
            .iter()
            .find(|g| g.what.starts_with("engine events"))
        {
            steps.this_month.push(Action {
                text: "Keep engine events beyond the engine's buffer (for example run docker events --format '{{json .}}' into the journal), so the history of restarts survives.".to_string(),
                because: gap.why.clone(),
                details: Vec::new(),
            });
        }
    }
    steps
}

/// Removes repeats, keeping the first of each.
fn dedup_in_order<T: Eq + std::hash::Hash + Clone>(items: &mut Vec<T>) {
    let mut seen: HashSet<T> = HashSet::with_capacity(items.len());
    items.retain(|item| seen.insert(item.clone()));
}

fn push_unique(list: &mut Vec<Action>, action: Action) {
    if !list.iter().any(|a| a.text == action.text) {
        list.push(action);
    }
}

fn technical(evidence: &Evidence) -> Technical {
    let meta = &evidence.meta;
    let mut ports: Vec<PortInUse> = Vec::new();
    for c in &evidence.containers {
        for p in &c.ports {
            let state = if c.state.restarting {
                "restarting"
            } else {
                c.state.status.as_str()
            };
            ports.push(match p.host_port {
                Some(port) => PortInUse {
                    address: format!("{}:{port}", host_or_any(&p.host_ip)),
                    port: Some(port),
                    owner_kind: "container".into(),
                    owner: c.name.clone(),
                    detail: format!("-> {} ({state})", p.container_port),
                    source: c.source.clone(),
                    shared_with: Vec::new(),
                },
                None => PortInUse {
                    address: p.container_port.clone(),
                    port: None,
                    owner_kind: "container".into(),
                    owner: c.name.clone(),
                    detail: format!("not published ({state})"),
                    source: c.source.clone(),
                    shared_with: Vec::new(),
                },
            });
        }
    }
    for l in &evidence.listeners {
        let (owner, detail) = if l.processes.is_empty() {
            (
                "unknown".to_string(),
                "listening on the host; run ss -ltnp as root to name the process".to_string(),
            )
        } else {
            (l.processes.join(", "), "listening on the host".to_string())
        };
        ports.push(PortInUse {
            address: if l.address.contains(':') {
                format!("[{}]:{}", l.address, l.port)
            } else {
                format!("{}:{}", l.address, l.port)
            },
            port: Some(l.port),
            owner_kind: "host process".into(),
            owner,
            detail,
            source: format!("{}:{}", l.source, l.line),
            shared_with: Vec::new(),
        });
    }
    // Name who else binds the same port: a container binding and a host
    // socket on one port is exactly what a port conflict looks like.
    for i in 0..ports.len() {
        let Some(port) = ports[i].port else { continue };
        let others: Vec<String> = ports
            .iter()
            .enumerate()
            .filter(|(j, p)| *j != i && p.port == Some(port) && p.owner != ports[i].owner)
            .filter(|(_, p)| same_interface(&p.address, &ports[i].address))
            .map(|(_, p)| format!("{} {}", p.owner_kind, p.owner))
            .collect();
        ports[i].shared_with = others;
    }
    ports.sort_by(|a, b| {
        (
            a.port.is_none(),
            a.port,
            &a.owner_kind,
            &a.owner,
            &a.address,
        )
            .cmp(&(
                b.port.is_none(),
                b.port,
                &b.owner_kind,
                &b.owner,
                &b.address,
            ))
    });
    let images = evidence
        .images
        .iter()
        .map(|i| ImageInfo {
            reference: i
                .tags
                .first()
                .cloned()
                .unwrap_or_else(|| i.short_id().to_string()),
            short_id: i.short_id().to_string(),
            created: i.created.map(format_utc),
            used_by: evidence
                .containers
                .iter()
                .filter(|c| evidence.image_of(c).is_some_and(|used| used.id == i.id))
                .map(|c| c.name.clone())
                .collect(),
            size_mb: (i.size > 0).then(|| i.size.div_ceil(1_000_000)),
            source: i.source.clone(),
        })
        .collect();
    let mut networks: Vec<NetworkMember> = evidence
        .containers
        .iter()
        .flat_map(|c| {
            c.networks.iter().map(|n| NetworkMember {
                network: n.network.clone(),
                container: c.name.clone(),
                ip: n.ip.clone(),
                aliases: n
                    .aliases
                    .iter()
                    .filter(|a| **a != c.name && !c.id.starts_with(a.as_str()))
                    .cloned()
                    .collect(),
            })
        })
        .collect();
    networks.sort_by(|a, b| (&a.network, &a.container).cmp(&(&b.network, &b.container)));
    let configurations = evidence
        .containers
        .iter()
        .filter(|c| c.is_failing())
        .map(|c| ContainerConfig {
            container: c.name.clone(),
            entrypoint: c.entrypoint.clone(),
            cmd: c.cmd.clone(),
            working_dir: c.working_dir.clone(),
            user: c.user.clone(),
            restart_policy: c.restart_policy.clone(),
            env: c.env.clone(),
            source: c.source.clone(),
        })
        .collect();
    Technical {
        configurations,
        host: meta.host.clone(),
        engine_version: meta.engine_version.clone(),
        api_version: meta.api_version.clone(),
        os: meta.os.clone(),
        kernel: meta.kernel.clone(),
        collected_at: meta.collected_at.clone(),
        collector: meta.collector.clone(),
        ports,
        images,
        networks,
        engines: engine_rows(evidence),
    }
}

fn host_or_any(ip: &str) -> &str {
    if ip.is_empty() {
        "0.0.0.0"
    } else {
        ip
    }
}

/// Whether two `address:port` strings bind the same interface (a wildcard binds all).
fn same_interface(a: &str, b: &str) -> bool {
    let host = |s: &str| {
        s.rsplit_once(':')
            .map_or(s, |(h, _)| h)
            .trim_matches(['[', ']'])
            .to_string()
    };
    let (a, b) = (host(a), host(b));
    let wildcard = |h: &str| h == "0.0.0.0" || h == "::" || h == "*";
    a == b || wildcard(&a) || wildcard(&b)
}

/// `2026-11-27 18:31:41 UTC`: how reports print a moment.
pub fn human_time(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M:%S UTC").to_string()
}

/// The end of a span: only the clock when it is the same day as `start`.
fn clock_after(start: DateTime<Utc>, end: DateTime<Utc>) -> String {
    if start.date_naive() == end.date_naive() {
        end.format("%H:%M:%S").to_string()
    } else {
        human_time(end)
    }
}

/// `0.9` → `90 %`.
pub fn percent(ratio: f64) -> String {
    format!("{:.0} %", (ratio * 100.0).clamp(0.0, 100.0))
}

/// `12345` → `12,345`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `1` → `1 restart`, `12345` → `12,345 restarts`.
fn plural(n: u64, noun: &str) -> String {
    let s = if n == 1 { "" } else { "s" };
    format!("{} {noun}{s}", thousands(n))
}

fn trim_period(text: &str) -> &str {
    text.trim().trim_end_matches('.')
}

/// Lower-cases the first letter unless the first word looks like a name
/// (`ModuleNotFoundError`, `LOG_LEVEL`, `mcp-api`).
fn lower_first(text: &str) -> String {
    let first_word = text.split_whitespace().next().unwrap_or("");
    let is_name = first_word.chars().skip(1).any(|c| c.is_uppercase())
        || first_word.contains(['_', '-', '.', '/', ':']);
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if !is_name => c.to_lowercase().chain(chars).collect(),
        _ => text.to_string(),
    }
}

/// The main example with the findings detectors report for it, built from
/// its real log lines and inspect fields, for tests of the write-up and the
/// renderers that must not wait for every detector.
#[cfg(test)]
pub(crate) mod sample {
    use super::super::detector::{Finding, Horizon, Quote, Remediation, Role};
    use super::super::{analyze, monitoring, rank, timeline, Analysis};
    use crate::evidence::time::leading_timestamp;
    use crate::evidence::Evidence;
    use crate::testing::{fixture, fixture_path};

    /// Every line of a fixture file containing `needle`, as quotes.
    pub fn quotes(evidence: &Evidence, file: &str, needle: &str) -> Vec<Quote> {
        let text = std::fs::read_to_string(fixture_path("main-incident").join(file)).unwrap();
        let found: Vec<(u64, &str)> = text
            .lines()
            .enumerate()
            .filter(|(_, l)| l.contains(needle))
            .map(|(i, l)| (i as u64 + 1, l))
            .collect();
        found
            .iter()
            .map(|(line, l)| {
                let (timestamp, body) = match leading_timestamp(l, evidence.zone) {
                    Some((t, offset)) => (Some(t), l[offset..].trim_start()),
                    None => (None, *l),
                };
                Quote {
                    source: file.to_string(),
                    line: Some(*line),
                    timestamp,
                    text: body.to_string(),
                    count: found.len() as u64,
                }
            })
            .collect()
    }

    fn finding(
        kind: &'static str,
        role: Role,
        service: &str,
        title: &str,
        quotes: Vec<Quote>,
    ) -> Finding {
        let mut f = Finding::new(kind, role, service, title);
        f.confidence = 0.9;
        f.occurrences = quotes.len() as u64;
        for q in &quotes {
            f.seen_at(q.timestamp);
        }
        f.evidence = match (quotes.first(), quotes.last()) {
            (Some(first), Some(last)) if quotes.len() > 1 => vec![first.clone(), last.clone()],
            _ => quotes,
        };
        f
    }

    pub fn findings(evidence: &Evidence) -> Vec<Finding> {
        let mut pandas = finding(
            "missing-module",
            Role::Cause,
            "mcp-api",
            "mcp-api cannot start: Python module pandas is not installed in image coroner-fixture/mcp-api:1.5.0",
            quotes(evidence, "docker/containers/mcp-api.log", "No module named 'pandas'"),
        );
        pandas.remediation = Remediation::new("Add pandas to the requirements of mcp-api and rebuild its image.")
            .step(
                Horizon::Immediate,
                "Add pandas to requirements.txt, rebuild the image and recreate the container.",
                &["docker build -t coroner-fixture/mcp-api:1.5.1 .".to_string(), "docker rm -f mcp-api".to_string()],
            )
            .step(
                Horizon::ShortTerm,
                "Import the application in CI right after building the image.",
                &["docker run --rm --entrypoint python3 coroner-fixture/mcp-api:1.5.1 -c 'import main'".to_string()],
            );
        let nginx = evidence.container("nginx").unwrap();
        let holder = evidence.listeners.iter().find(|l| l.port == 18080).unwrap();
        let mut conflict = Finding::new(
            "port-conflict",
            Role::Cause,
            "nginx",
            format!(
                "nginx cannot publish 127.0.0.1:18080: host process {} holds it",
                holder.holder()
            ),
        );
        conflict.confidence = 0.9;
        conflict.evidence = vec![Quote::field(
            &nginx.source,
            "State.Error",
            &nginx.state.error,
        )];
        conflict.seen_at(nginx.created);
        conflict.occurrences = 1;
        conflict.remediation =
            Remediation::new("Free 127.0.0.1:18080 or publish nginx on another port.").step(
                Horizon::Immediate,
                "Find the process holding the port, stop it, then start the container.",
                &[
                    "ss -ltnp 'sport = :18080'".to_string(),
                    "docker start nginx".to_string(),
                ],
            );
        let mut upstream = finding(
            "upstream-unavailable",
            Role::Symptom,
            "nginx (host)",
            "nginx (host) answered 502 Bad Gateway: upstream 127.0.0.1:18000 refused connections",
            quotes(
                evidence,
                "logs/nginx/error.log",
                "(111: Connection refused)",
            ),
        );
        upstream.targets = vec!["127.0.0.1:18000".to_string()];
        vec![pandas, conflict, upstream]
    }

    /// The analysis of the main example with [`findings`] ranked in.
    pub fn incident() -> (Evidence, Analysis) {
        let evidence = fixture("main-incident");
        let mut analysis = analyze(&evidence);
        let ranked = rank::rank(&evidence, findings(&evidence));
        analysis.timeline = timeline::build(&evidence, &ranked);
        analysis.verdict = ranked.verdict;
        analysis.root_causes = ranked.root_causes;
        analysis.symptoms = ranked.symptoms;
        analysis.dismissed = ranked.dismissed;
        analysis.monitoring = monitoring::analyze(&evidence, &analysis.root_causes);
        analysis.write_up = super::write_up(&evidence, &analysis);
        (evidence, analysis)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::detector::Step;

    #[test]
    fn the_summary_gives_figures_read_from_the_evidence() {
        let (evidence, analysis) = sample::incident();
        let api = evidence.container("mcp-api").unwrap();
        let dies = evidence
            .events_of(api)
            .filter(|e| e.action == "die" && e.actor_id == api.id)
            .count();
        let summary = &analysis.write_up.summary;
        assert_eq!(
            summary.problem[0],
            format!(
                "3 of 3 containers are failing: mcp-api is restarting ({} restarts); \
                 nginx is created but never started (exit code 128); qdrant is running, unhealthy.",
                api.restart_count
            )
        );
        assert!(
            summary.problem[1].starts_with(&format!("mcp-api exited {dies} times between ")),
            "{}",
            summary.problem[1]
        );
        assert!(summary.problem[1].ends_with("under restart policy always."));
        assert!(summary.problem[2].starts_with("nginx (host) answered 502 Bad Gateway"));
        let trigger = summary.trigger.as_deref().unwrap();
        assert!(
            trigger.contains(&format!(
                "coroner-fixture/mcp-api:1.5.0 ({}",
                evidence.image_of(api).unwrap().short_id()
            )),
            "{trigger}"
        );
        assert!(
            trigger.contains("replacing coroner-fixture/mcp-api:1.4.2"),
            "{trigger}"
        );
        assert!(
            trigger.ends_with("it first exited (code 2) within a second."),
            "{trigger}"
        );
        let impact = summary.impact.as_ref().unwrap();
        assert!(impact.ongoing);
        assert_eq!(analysis.write_up.status.label, "Root cause identified");
        let host_nginx = summary
            .affected
            .iter()
            .find(|a| a.service == "nginx (host)")
            .unwrap();
        assert!(
            host_nginx
                .state
                .starts_with("no container; its log is logs/nginx/"),
            "{}",
            host_nginx.state
        );
        let roles: Vec<(&str, &str)> = summary
            .affected
            .iter()
            .map(|a| (a.service.as_str(), a.role.as_str()))
            .collect();
        assert_eq!(
            roles,
            [
                ("mcp-api", "root cause #1 (missing-module)"),
                ("nginx", "root cause #2 (port-conflict)"),
                ("nginx (host)", "symptom of #1 (upstream-unavailable)"),
                ("qdrant", "failing, no finding explains it"),
            ]
        );
    }

    #[test]
    fn the_onset_comes_from_the_monitor_that_failed_closest_to_the_cause() {
        let (_, analysis) = sample::incident();
        let sources = &analysis.monitoring.sources;
        let live = sources.iter().find(|s| s.name == "uptime-monitor").unwrap();
        let history = sources.iter().find(|s| s.name == "api-uptime-9d").unwrap();
        let onset = analysis.write_up.summary.onset.as_deref().unwrap();
        assert_eq!(onset, live.onset.as_ref().unwrap().sentence.to_string());
        assert_ne!(onset, history.onset.as_ref().unwrap().sentence.to_string());
    }

    #[test]
    fn solutions_merge_the_same_step_and_keep_every_cause_it_fixes() {
        let (evidence, mut analysis) = sample::incident();
        let shared = Step {
            horizon: Horizon::MediumTerm,
            text: "Run a smoke test after every deploy.".into(),
            commands: vec!["curl -fsS http://127.0.0.1:18080/".to_string()],
        };
        for cause in &mut analysis.root_causes {
            cause.finding.remediation.steps.push(shared.clone());
        }
        let write_up = write_up(&evidence, &analysis);
        let medium = &write_up.solutions.medium_term;
        assert_eq!(medium.len(), 1, "{medium:#?}");
        let fixed: Vec<(Option<usize>, &str)> = medium[0]
            .fixes
            .iter()
            .map(|f| (f.rank, f.kind.as_str()))
            .collect();
        assert_eq!(
            fixed,
            [(Some(1), "missing-module"), (Some(2), "port-conflict")]
        );
        assert_eq!(write_up.solutions.immediate.len(), 2);
        assert_eq!(
            write_up.solutions.immediate[0].commands[0],
            "docker build -t coroner-fixture/mcp-api:1.5.1 ."
        );
        // The same step also lands once in this month's next steps.
        let monthly = &write_up.next_steps.this_month;
        assert_eq!(
            monthly
                .iter()
                .filter(|a| a.text == "Run a smoke test after every deploy.")
                .count(),
            1
        );
    }

    #[test]
    fn next_steps_follow_from_the_causes_and_the_evidence() {
        let (evidence, analysis) = sample::incident();
        let restarts = evidence.container("mcp-api").unwrap().restart_count;
        let steps = &analysis.write_up.next_steps;
        let today: Vec<&str> = steps.today.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(
            today[0],
            "Add pandas to the requirements of mcp-api and rebuild its image."
        );
        assert!(today.iter().any(|t| t.starts_with(
            "If the fix cannot ship today, roll mcp-api back to coroner-fixture/mcp-api:1.4.2"
        )));
        assert!(today.contains(&"Once mcp-api is fixed, check that nginx (host) recovers."));
        let week: Vec<&str> = steps.this_week.iter().map(|a| a.text.as_str()).collect();
        assert!(week.contains(&"Import the application in CI right after building the image."));
        assert!(week
            .iter()
            .any(|t| t.starts_with("Gate deploys on a start-up check")));
        let alert = format!(
            "Alert on restart loops: restart policy always restarted mcp-api {restarts} times without fixing anything."
        );
        assert!(week.contains(&alert.as_str()), "{week:#?}");
        let month: Vec<&str> = steps.this_month.iter().map(|a| a.text.as_str()).collect();
        assert!(month
            .iter()
            .any(|t| t.starts_with("Write a runbook entry for missing-module, port-conflict")));
        // The bundle has monitoring histories: no advice to start monitoring.
        assert!(
            !month.iter().any(|t| t.starts_with("Monitor ")),
            "{month:#?}"
        );
    }

    #[test]
    fn a_service_with_several_causes_is_fixed_and_redeployed_once() {
        let (evidence, mut analysis) = sample::incident();
        let mut level = analysis.root_causes[0].clone();
        level.rank = analysis.root_causes.len() + 1;
        level.finding.kind = "log-level-misconfig";
        level.finding.remediation = Remediation::new("Set LOG_LEVEL=INFO.");
        analysis.root_causes.push(level);
        let today = write_up(&evidence, &analysis).next_steps.today;
        let api = today
            .iter()
            .find(|a| a.text.to_string().starts_with("Fix mcp-api"))
            .unwrap();
        assert_eq!(
            api.text,
            "Fix mcp-api for all 2 causes below, then rebuild and redeploy it once."
        );
        assert_eq!(
            api.details,
            [
                "Add pandas to the requirements of mcp-api and rebuild its image.",
                "Set LOG_LEVEL=INFO."
            ]
        );
        assert_eq!(
            api.because,
            "root causes #1 (missing-module), #3 (log-level-misconfig)"
        );
        // Still one rollback for the service, right after its fix.
        let position = today.iter().position(|a| a == api).unwrap();
        assert!(today[position + 1]
            .text
            .to_string()
            .starts_with("If the fix cannot ship today, roll mcp-api back"));
        assert_eq!(
            today
                .iter()
                .filter(|a| a.text.to_string().contains("roll mcp-api back"))
                .count(),
            1
        );
    }

    #[test]
    fn technical_details_name_ports_images_and_the_collision() {
        let (evidence, analysis) = sample::incident();
        let technical = &analysis.write_up.technical;
        assert_eq!(technical.engine_version.as_deref(), Some("20.10.24+dfsg1"));
        assert_eq!(technical.api_version.as_deref(), Some("1.41"));
        let on_18080: Vec<&PortInUse> = technical
            .ports
            .iter()
            .filter(|p| p.port == Some(18080))
            .collect();
        assert_eq!(on_18080.len(), 2, "{on_18080:#?}");
        let container = on_18080
            .iter()
            .find(|p| p.owner_kind == "container")
            .unwrap();
        assert_eq!(container.owner, "nginx");
        let holder = &evidence.listeners.iter().find(|l| l.port == 18080).unwrap();
        assert_eq!(
            container.shared_with,
            [format!("host process {}", holder.processes.join(", "))]
        );
        let unpublished = technical.ports.last().unwrap();
        assert_eq!(
            (unpublished.address.as_str(), unpublished.port),
            ("6333/tcp", None)
        );
        let api_image = technical
            .images
            .iter()
            .find(|i| i.reference == "coroner-fixture/mcp-api:1.5.0")
            .unwrap();
        let inspected = evidence
            .image_of(evidence.container("mcp-api").unwrap())
            .unwrap();
        assert_eq!(api_image.short_id, inspected.short_id());
        assert_eq!(api_image.short_id.len(), 12);
        assert_eq!(api_image.used_by, ["mcp-api"]);
        assert_eq!(api_image.created, inspected.created.map(format_utc));
    }

    #[test]
    fn without_findings_failing_containers_make_the_verdict_inconclusive() {
        let evidence = crate::testing::fixture("main-incident");
        let mut analysis = crate::analyze::analyze(&evidence);
        let ranked = super::super::rank::rank(&evidence, Vec::new());
        analysis.verdict = ranked.verdict;
        analysis.root_causes = ranked.root_causes;
        analysis.symptoms = ranked.symptoms;
        let write_up = write_up(&evidence, &analysis);
        assert_eq!(analysis.verdict, Verdict::Inconclusive);
        assert_eq!(write_up.status.label, "Inconclusive");
        assert_eq!(
            write_up.status.sentence,
            "3 containers failing (mcp-api, nginx, qdrant) but no detector recognised why; \
             see what could not be collected."
        );
        assert_eq!(
            write_up.summary.headline,
            "mcp-api, nginx, qdrant failing, cause not identified"
        );
        assert!(write_up.solutions.immediate.is_empty());
    }

    #[test]
    fn a_healthy_stack_gets_a_short_write_up_with_nothing_to_do() {
        let evidence = crate::testing::fixture("healthy-stack");
        let analysis = crate::analyze::analyze(&evidence);
        assert_eq!(analysis.verdict, Verdict::Healthy);
        let w = &analysis.write_up;
        assert_eq!(w.status.label, "Healthy");
        let running = format!(
            "All {} containers are running, none restarted or unhealthy",
            evidence.containers.len()
        );
        assert!(
            w.status.sentence.starts_with(&running),
            "{}",
            w.status.sentence
        );
        assert_eq!(w.summary.headline, "No incident found");
        assert_eq!(w.summary.problem, [format!("{running}.")]);
        assert!(w.summary.root_cause.is_none() && w.summary.impact.is_none());
        assert!(w.summary.affected.is_empty());
        assert!(w.solutions.immediate.is_empty() && w.solutions.short_term.is_empty());
        assert!(w.next_steps.today.is_empty() && w.next_steps.this_week.is_empty());
        assert!(w.next_steps.this_month.is_empty());
    }

    #[test]
    fn durations_and_names_read_naturally() {
        assert_eq!(thousands(1234567), "1,234,567");
        assert_eq!(
            lower_first("Give mcp-api more memory"),
            "give mcp-api more memory"
        );
        assert_eq!(
            lower_first("ModuleNotFoundError in api"),
            "ModuleNotFoundError in api"
        );
        assert_eq!(lower_first("mcp-api cannot start"), "mcp-api cannot start");
    }
}
