//! The write-up: what a reader needs before the evidence.
//!
//! From the ranked findings and the evidence it derives the status line, the
//! executive summary (with figures read from the evidence, never estimated),
//! the solutions grouped by horizon, the next steps and the technical
//! details. Every sentence a report shows is decided here, as a [`Text`] of
//! the `summary-*` messages; the renderers only lay it out. Nothing here
//! parses files or reaches Docker.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::Serialize;

use super::detector::{Finding, Horizon, Remediation};
use super::{Analysis, RootCause, Verdict};
use crate::evidence::time::format_utc;
use crate::evidence::{Container, Evidence};
use crate::locale::{Arg, Text};

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
    pub label: Text,
    /// One sentence: what the verdict rests on.
    pub sentence: Text,
}

#[derive(Debug, Clone, Default, Serialize, JsonSchema)]
pub struct Summary {
    /// The report's title: the top cause, or what the verdict says.
    pub headline: Text,
    /// What went wrong, one sentence each, with the figures the evidence gives.
    pub problem: Vec<Text>,
    /// The top root cause in one sentence.
    pub root_cause: Option<Text>,
    /// What set it off, when a deploy shortly before the first failure shows it.
    pub trigger: Option<Text>,
    /// When users' checks began to fail, against the root cause: the
    /// monitoring source whose failures began closest to it.
    pub onset: Option<Text>,
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
    pub duration: Text,
    pub ongoing: bool,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Affected {
    pub service: String,
    /// `restarting (9 restarts)`, `created, never started (exit code 128)`, …
    pub state: Text,
    /// Its part in the incident: `root cause #1`, `symptom of #1`, …
    pub role: Text,
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
    pub text: Text,
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

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Action {
    pub text: Text,
    /// The finding or fact that justifies it.
    pub because: Text,
    /// The parts of the action, when it gathers several (one a cause).
    pub details: Vec<Text>,
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
    pub clock: Text,
}

fn engine_rows(evidence: &Evidence) -> Vec<EngineRow> {
    evidence
        .engines
        .iter()
        .map(|e| {
            let listed = evidence.meta.engines.iter().find(|l| l.name == e.name);
            let seconds = e.offset.map(|o| o.num_milliseconds() as f64 / 1000.0);
            let clock = match seconds {
                None => Text::msg("summary-clock-unread"),
                Some(s) => {
                    let id = if s < 0.0 {
                        "summary-clock-behind"
                    } else {
                        "summary-clock-ahead"
                    };
                    let what = if e.corrected {
                        "summary-clock-corrected"
                    } else {
                        "summary-clock-within"
                    };
                    Text::msg(id)
                        .with("seconds", Arg::decimal(s.abs(), 3))
                        .with("what", Text::msg(what))
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
    pub owner_kind: Text,
    /// The container name, or the processes holding the host socket.
    pub owner: Text,
    /// `-> 8000/tcp (restarting)`, `not published`, …
    pub detail: Text,
    pub source: String,
    /// Other owners of the same port: the collision a port conflict is made of.
    pub shared_with: Vec<Text>,
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
    // How many of the symptoms the top cause explains; the catalogue words
    // one, all and some of them.
    let traced = |rank: usize| {
        let n = analysis
            .symptoms
            .iter()
            .filter(|s| s.explained_by == Some(rank))
            .count();
        let id = match (n, analysis.symptoms.len()) {
            (0, _) => "summary-traced-none",
            (n, total) if n == total => "summary-traced-all",
            _ => "summary-traced-some",
        };
        Text::msg(id)
            .with("traced", n)
            .with("symptoms", analysis.symptoms.len())
    };
    let (label, sentence) = match (analysis.verdict, analysis.root_causes.first()) {
        (Verdict::RootCauseIdentified, Some(top)) => (
            "summary-status-identified",
            Text::msg("summary-status-identified-sentence")
                .with("title", Arg::clause(top.finding.title.clone()))
                .with("confidence", confidence(top.finding.confidence))
                .with("traced", traced(top.rank)),
        ),
        (Verdict::Suspected, Some(top)) => (
            "summary-status-suspected",
            Text::msg("summary-status-suspected-sentence")
                .with("title", Arg::lower_clause(top.finding.title.clone()))
                .with("confidence", confidence(top.finding.confidence))
                .with("traced", traced(top.rank)),
        ),
        (Verdict::Healthy, _) if failing.is_empty() => (
            "summary-status-healthy",
            Text::msg("summary-status-healthy-sentence")
                .with("containers", containers_at_rest(evidence))
                .with("logs", evidence.logs.len()),
        ),
        (_, _) if !analysis.symptoms.is_empty() => (
            "summary-status-inconclusive",
            Text::msg("summary-status-unexplained-symptoms")
                .with("symptoms", analysis.symptoms.len())
                .with("explained", explained),
        ),
        _ => (
            "summary-status-inconclusive",
            Text::msg("summary-status-unexplained-failures")
                .with("failing", failing.len())
                .with(
                    "containers",
                    failing
                        .iter()
                        .map(|c| c.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
        ),
    };
    Status {
        label: Text::msg(label),
        sentence,
    }
}

/// `0.9` → `90 %`.
fn confidence(ratio: f64) -> Arg {
    Arg::percent(ratio.clamp(0.0, 1.0), 0)
}

fn containers_at_rest(evidence: &Evidence) -> Text {
    match evidence.containers.len() {
        0 => Text::msg("summary-no-container-state"),
        n => Text::msg("summary-containers-at-rest").with("containers", n),
    }
}

/// Whether `text` names `service`, in its words or in one of the values it
/// shows: a title that does needs no service in front of it.
fn names(text: &Text, service: &str) -> bool {
    match text {
        Text::Verbatim(words) => words.contains(service),
        Text::Message { args, .. } => args.iter().any(|(_, arg)| match arg {
            Arg::Code(value) => value.contains(service),
            Arg::Text(t) | Arg::Clause { text: t, .. } => names(t, service),
            Arg::List(items) => items.iter().any(|t| names(t, service)),
            _ => false,
        }),
    }
}

/// `a; b; c`, in the language's punctuation.
fn semicolons(items: Vec<Text>) -> Text {
    Text::chain("summary-semicolons", items).unwrap_or_default()
}

/// `a, b, c`: items of one kind side by side, without the `and` of a list.
fn commas(items: Vec<Text>) -> Text {
    Text::chain("summary-commas", items).unwrap_or_default()
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
            .map(|p| p.sentence.clone()),
    );
    let top = analysis.root_causes.first();
    let failing: Vec<&str> = evidence
        .containers
        .iter()
        .filter(|c| c.is_failing())
        .map(|c| c.name.as_str())
        .collect();
    let headline = match (top, analysis.verdict) {
        (Some(r), _) if names(&r.finding.title, &r.finding.service) => {
            Text::msg("summary-headline-cause").with("title", Arg::clause(r.finding.title.clone()))
        }
        (Some(r), _) => Text::msg("summary-headline-service-cause")
            .with("service", &r.finding.service)
            .with("title", Arg::clause(r.finding.title.clone())),
        (None, Verdict::Healthy) => Text::msg("summary-headline-healthy"),
        (None, _) if !failing.is_empty() => {
            Text::msg("summary-headline-failing").with("containers", failing.join(", "))
        }
        (None, _) => {
            Text::msg("summary-headline-symptoms").with("symptoms", analysis.symptoms.len())
        }
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
fn containers_sentence(evidence: &Evidence) -> Option<Text> {
    let total = evidence.containers.len();
    if total == 0 {
        return None;
    }
    let failing: Vec<Text> = evidence
        .containers
        .iter()
        .filter(|c| c.is_failing())
        .map(|c| {
            Text::msg("summary-container-is")
                .with("container", &c.name)
                .with("state", state_phrase(c))
        })
        .collect();
    Some(match failing.len() {
        0 => Text::msg("summary-sentence").with("text", containers_at_rest(evidence)),
        n => Text::msg("summary-containers-failing")
            .with("failing", n)
            .with("containers", total)
            .with("states", semicolons(failing)),
    })
}

/// How a container is doing, in words: `restarting (9 restarts)`.
fn state_phrase(c: &Container) -> Text {
    let s = &c.state;
    let mut phrase = if s.restarting {
        Text::msg("summary-state-restarting")
    } else if s.status == "created" {
        Text::msg("summary-state-never-started").with("code", s.exit_code.to_string())
    } else if !s.running {
        Text::msg("summary-state-stopped")
            .with("status", docker_status(&s.status))
            .with("code", s.exit_code.to_string())
    } else {
        docker_status(&s.status)
    };
    if let Some(health) = c.health_status().filter(|h| *h != "healthy" || !s.running) {
        phrase = Text::msg("summary-state-health")
            .with("state", phrase)
            .with("health", health);
    }
    if c.restart_count > 0 {
        phrase = Text::msg("summary-state-restarts")
            .with("state", phrase)
            .with("restarts", c.restart_count);
    }
    if s.oom_killed {
        phrase = Text::msg("summary-state-oom").with("state", phrase);
    }
    phrase
}

/// Docker's word for a container's status (`running`, `exited`), which a
/// language may translate.
fn docker_status(status: &str) -> Text {
    Text::msg("summary-docker-status").with("status", status)
}

/// A moment, and the end of a span that starts at it: only the clock when
/// it is the same day.
fn span(start: DateTime<Utc>, end: DateTime<Utc>) -> (Arg, Arg) {
    let end = if start.date_naive() == end.date_naive() {
        Arg::Clock(end)
    } else {
        Arg::Moment(end)
    };
    (Arg::Moment(start), end)
}

/// `mcp-api died 10 times between 18:31:41 and 18:32:10 UTC (exit code 1 ×9, 2 ×1) under restart policy always.`
fn restarts_sentence(evidence: &Evidence, c: &Container) -> Option<Text> {
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
    // Exit codes and their counts, a notation every language reads.
    let codes = codes
        .iter()
        .map(|(code, n)| format!("{code} ×{n}"))
        .collect::<Vec<_>>()
        .join(", ");
    let (first, last) = span(dies.first()?.time, dies.last()?.time);
    Some(
        Text::msg("summary-restarts")
            .with("container", &c.name)
            .with("exits", dies.len())
            .with("first", first)
            .with("last", last)
            .with("codes", codes)
            .with("policy", &c.restart_policy),
    )
}

fn finding_sentence(f: &Finding) -> Text {
    let title = Arg::clause(f.title.clone());
    match (f.first_seen, f.last_seen) {
        (Some(first), Some(last)) if last > first => {
            let (first, last) = span(first, last);
            Text::msg("summary-finding-span")
                .with("title", title)
                .with("first", first)
                .with("last", last)
        }
        (Some(first), _) => Text::msg("summary-finding-at")
            .with("title", title)
            .with("first", first),
        _ => Text::msg("summary-finding").with("title", title),
    }
}

fn root_cause_sentence(r: &RootCause) -> Text {
    let f = &r.finding;
    let id = match (f.first_seen.is_some(), f.occurrences > 1) {
        (true, true) => "summary-root-cause-seen-times",
        (true, false) => "summary-root-cause-seen",
        (false, true) => "summary-root-cause-times",
        (false, false) => "summary-root-cause",
    };
    let mut sentence = Text::msg(id)
        .with("title", Arg::clause(f.title.clone()))
        .with("times", f.occurrences);
    if let Some(first) = f.first_seen {
        sentence = sentence.with("first", first);
    }
    sentence
}

/// The deploy that preceded the cause: the container was (re)created from its
/// image shortly before it first failed.
fn trigger_sentence(evidence: &Evidence, cause: &Finding) -> Option<Text> {
    let c = evidence.container(&cause.service)?;
    let created = c.created?;
    let failure = failed_after_deploy(evidence, c, cause)?;
    let mut image: Arg = match evidence.image_of(c) {
        Some(i) => match i.created {
            Some(built) => Text::msg("summary-image-built")
                .with("image", &c.image)
                .with("id", i.short_id())
                .with("built", built)
                .into(),
            None => Text::msg("summary-image-id")
                .with("image", &c.image)
                .with("id", i.short_id())
                .into(),
        },
        None => Arg::Code(c.image.clone()),
    };
    // The line that chose the image, when the compose file is in the bundle.
    if let Some(declared) = evidence
        .compose_service_of(c)
        .and_then(|(_, s)| s.image.as_ref())
    {
        let id = if declared.value == c.image {
            "summary-image-declared-as"
        } else {
            "summary-image-declared-whereas"
        };
        image = Text::msg(id)
            .with("image", image)
            .with("line", declared.at.line_ref(c))
            .with("text", &declared.at.text)
            .into();
    }
    let when = if failure.seconds < 1.0 {
        Text::msg("summary-within-a-second")
    } else {
        Text::msg("summary-later").with("duration", Arg::Duration(failure.seconds))
    };
    let sentence = match previous_image(evidence, c) {
        Some((previous, _)) => Text::msg("summary-trigger-replacing").with("previous", previous),
        None => Text::msg("summary-trigger"),
    };
    Some(
        sentence
            .with("container", &c.name)
            .with("image", image)
            .with("created", created)
            .with("how", failure.how)
            .with("when", when),
    )
}

/// A container that failed soon after it was (re)created: a deploy that
/// went wrong.
struct DeployFailure {
    /// Seconds from the container's creation to its first failure.
    seconds: f64,
    /// `first exited (code 2)` or `first failed`.
    how: Text,
}

impl DeployFailure {
    /// `mcp-api first exited (code 2) within a second of its creation`.
    fn describe(&self, container: &str) -> Text {
        let when = if self.seconds < 1.0 {
            Text::msg("summary-within-a-second-of-creation")
        } else {
            Text::msg("summary-after-creation").with("duration", Arg::Duration(self.seconds))
        };
        Text::msg("summary-deploy-failure")
            .with("container", container)
            .with("how", self.how.clone())
            .with("when", when)
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
            e.exit_code()
                .map_or(Text::msg("summary-first-exited"), |code| {
                    Text::msg("summary-first-exited-code").with("code", code.to_string())
                }),
        ),
        (_, Some(seen)) if seen >= created => (seen, Text::msg("summary-first-failed")),
        _ => return None,
    };
    let seconds = (failed - created).num_milliseconds() as f64 / 1000.0;
    (seconds <= DEPLOY_TRIGGER_SECONDS as f64).then_some(DeployFailure { seconds, how })
}

/// The onset of the monitoring source whose failures began closest to the
/// root cause: a months-long history tells less about this incident than a
/// monitor that started failing seconds after it.
fn onset(analysis: &Analysis) -> Option<Text> {
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
        .map(|o| o.sentence.clone())
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
        duration: Text::msg("summary-impact-duration").with(
            "duration",
            Arg::Duration((end - start).num_milliseconds() as f64 / 1000.0),
        ),
        ongoing: evidence.containers.iter().any(|c| c.is_failing()),
    })
}

/// `#1 (missing-module)`: a root cause by its rank and kind.
fn rank_and_kind(rank: usize, kind: &str) -> Text {
    Text::msg("summary-rank-kind")
        .with("rank", rank.to_string())
        .with("kind", kind)
}

fn affected(evidence: &Evidence, analysis: &Analysis) -> Vec<Affected> {
    let mut causes: BTreeMap<&str, Vec<Text>> = BTreeMap::new();
    let mut symptoms: BTreeMap<&str, Vec<Text>> = BTreeMap::new();
    for r in &analysis.root_causes {
        causes
            .entry(r.finding.service.as_str())
            .or_default()
            .push(rank_and_kind(r.rank, r.finding.kind));
    }
    for s in &analysis.symptoms {
        let role = match s.explained_by {
            Some(rank) => {
                Text::msg("summary-symptom-of").with("cause", rank_and_kind(rank, s.finding.kind))
            }
            None => Text::msg("summary-symptom-unexplained").with("kind", s.finding.kind),
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
            if let Some(list) = causes.remove(service) {
                parts.push(Text::msg("summary-role-cause").with("causes", commas(list)));
            }
            if let Some(list) = symptoms.remove(service) {
                parts.push(Text::msg("summary-role-symptom").with("symptoms", commas(list)));
            }
            Affected {
                service: service.to_string(),
                state: non_container_state(evidence, service).unwrap_or_else(|| {
                    evidence
                        .container(service)
                        .map_or_else(|| Text::msg("summary-not-a-container"), state_phrase)
                }),
                role: if parts.is_empty() {
                    Text::msg("summary-role-unexplained-failure")
                } else {
                    semicolons(parts)
                },
            }
        })
        .collect()
}

/// What a service that is not a container is: a log read on the host, or a
/// monitor named after its history file.
fn non_container_state(evidence: &Evidence, service: &str) -> Option<Text> {
    if evidence.container(service).is_some() {
        return None;
    }
    if let Some(log) = evidence.logs_of(service).next() {
        return Some(Text::msg("summary-host-log").with("log", &log.display));
    }
    evidence
        .monitoring
        .iter()
        .find(|m| {
            std::path::Path::new(&m.source)
                .file_stem()
                .is_some_and(|stem| service.starts_with(&*stem.to_string_lossy()))
        })
        .map(|m| {
            Text::msg("summary-monitor-of")
                .with("target", &m.target)
                .with("source", &m.source)
        })
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
    // thousands of causes gather in near-linear time. A step is keyed by its
    // message and arguments (their debug form: `Text` holds floats, so it
    // has no `Hash`), the same words in every language.
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
                format!("{:?}", step.text),
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
                        text: step.text.clone(),
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
        Text::msg("summary-because-cause")
            .with("rank", r.rank.to_string())
            .with("kind", r.finding.kind)
            .with("confidence", confidence(r.finding.confidence))
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
        let fixes: Vec<Text> = causes
            .iter()
            .map(|r| {
                if r.finding.remediation.summary == Text::default() {
                    Text::msg("summary-fix-title")
                        .with("title", Arg::lower_clause(r.finding.title.clone()))
                } else {
                    r.finding.remediation.summary.clone()
                }
            })
            .collect();
        let (text, details) = match fixes.as_slice() {
            [only] => (only.clone(), Vec::new()),
            _ => (
                Text::msg("summary-fix-service")
                    .with("service", service)
                    .with("causes", causes.len()),
                fixes,
            ),
        };
        steps.today.push(Action {
            text,
            because: match causes.as_slice() {
                [only] => because_cause(only),
                _ => Text::msg("summary-because-causes").with(
                    "causes",
                    commas(
                        causes
                            .iter()
                            .map(|r| rank_and_kind(r.rank, r.finding.kind))
                            .collect(),
                    ),
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
                text: Text::msg("summary-roll-back")
                    .with("container", &c.name)
                    .with("image", image)
                    .with("until", until),
                because: Text::msg("summary-because-replaced").with("image", &c.image),
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
                text: Text::msg("summary-check-recovery")
                    .with("service", &r.finding.service)
                    .with("services", services.join(", "))
                    .with("count", services.len()),
                because: Text::msg("summary-because-symptoms")
                    .with("symptoms", r.explains.len())
                    .with("rank", r.rank.to_string()),
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
            text: Text::msg("summary-find-cause")
                .with("title", Arg::clause(s.finding.title.clone())),
            because: Text::msg("summary-because-unexplained").with("kind", s.finding.kind),
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
                    text: step.text.clone(),
                    because: because_cause(r),
                    details: Vec::new(),
                },
            );
        }
    }
    // One line a container: the earliest failure after its creation.
    let mut deployed_broken: Vec<Text> = Vec::new();
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
                text: Text::msg("summary-gate-deploys"),
                because: semicolons(deployed_broken),
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
                text: Text::msg("summary-alert-restart-loops")
                    .with("policy", &c.restart_policy)
                    .with("container", &c.name)
                    .with("restarts", c.restart_count),
                because: Text::msg("summary-because-restart-count")
                    .with("restarts", c.restart_count.to_string())
                    .with("source", &c.source),
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
            let text = if published.is_empty() {
                Text::msg("summary-monitor-services")
            } else {
                Text::msg("summary-monitor-addresses").with("addresses", published.join(", "))
            };
            steps.this_month.push(Action {
                text,
                because: Text::msg("summary-because-no-monitoring"),
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
                text: Text::msg("summary-runbook").with("kinds", kinds.join(", ")),
                because: Text::msg("summary-because-cause-kinds").with("kinds", kinds.len()),
                details: Vec::new(),
            });
        }
        if let Some(gap) = analysis
            .gaps
            .iter()
            .find(|g| g.what.starts_with("engine events"))
        {
            steps.this_month.push(Action {
                text: Text::msg("summary-keep-engine-events")
                    .with("command", "docker events --format '{{json .}}'"),
                because: gap.why.clone().into(),
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

/// Who binds a port, before it is said in words: ports are matched and
/// sorted on these, the names as they are.
struct Binding {
    address: String,
    port: Option<u16>,
    /// A host process rather than a container.
    host: bool,
    /// The container, or the processes holding the host socket; `None` when
    /// `ss` could not name them.
    owner: Option<String>,
    detail: Text,
    source: String,
}

impl Binding {
    fn owner_kind(&self) -> Text {
        Text::msg(if self.host {
            "summary-owner-host-process"
        } else {
            "summary-owner-container"
        })
    }

    fn owner(&self) -> Text {
        match &self.owner {
            Some(name) => Text::msg("summary-owner-name").with("name", name),
            None => Text::msg("summary-owner-unknown"),
        }
    }
}

fn technical(evidence: &Evidence) -> Technical {
    let meta = &evidence.meta;
    let mut bindings: Vec<Binding> = Vec::new();
    for c in &evidence.containers {
        for p in &c.ports {
            let state = if c.state.restarting {
                docker_status("restarting")
            } else {
                docker_status(&c.state.status)
            };
            bindings.push(match p.host_port {
                Some(port) => Binding {
                    address: format!("{}:{port}", host_or_any(&p.host_ip)),
                    port: Some(port),
                    host: false,
                    owner: Some(c.name.clone()),
                    detail: Text::msg("summary-port-published")
                        .with("port", &p.container_port)
                        .with("state", state),
                    source: c.source.clone(),
                },
                None => Binding {
                    address: p.container_port.clone(),
                    port: None,
                    host: false,
                    owner: Some(c.name.clone()),
                    detail: Text::msg("summary-port-unpublished").with("state", state),
                    source: c.source.clone(),
                },
            });
        }
    }
    for l in &evidence.listeners {
        let (owner, detail) = if l.processes.is_empty() {
            (None, Text::msg("summary-listening-unnamed"))
        } else {
            (Some(l.processes.join(", ")), Text::msg("summary-listening"))
        };
        bindings.push(Binding {
            address: if l.address.contains(':') {
                format!("[{}]:{}", l.address, l.port)
            } else {
                format!("{}:{}", l.address, l.port)
            },
            port: Some(l.port),
            host: true,
            owner,
            detail,
            source: format!("{}:{}", l.source, l.line),
        });
    }
    // Name who else binds the same port: a container binding and a host
    // socket on one port is exactly what a port conflict looks like.
    let shared: Vec<Vec<Text>> = bindings
        .iter()
        .enumerate()
        .map(|(i, b)| match b.port {
            None => Vec::new(),
            Some(port) => bindings
                .iter()
                .enumerate()
                .filter(|(j, o)| *j != i && o.port == Some(port) && o.owner != b.owner)
                .filter(|(_, o)| same_interface(&o.address, &b.address))
                .map(|(_, o)| {
                    Text::msg("summary-owned-by")
                        .with("kind", o.owner_kind())
                        .with("owner", o.owner())
                })
                .collect(),
        })
        .collect();
    let mut ports: Vec<(Binding, Vec<Text>)> = bindings.into_iter().zip(shared).collect();
    // Containers before host processes on a port; a process `ss` could not
    // name after the named ones.
    ports.sort_by(|(a, _), (b, _)| {
        (
            a.port.is_none(),
            a.port,
            a.host,
            a.owner.is_none(),
            &a.owner,
            &a.address,
        )
            .cmp(&(
                b.port.is_none(),
                b.port,
                b.host,
                b.owner.is_none(),
                &b.owner,
                &b.address,
            ))
    });
    let ports = ports
        .into_iter()
        .map(|(b, shared_with)| PortInUse {
            owner_kind: b.owner_kind(),
            owner: b.owner(),
            address: b.address,
            port: b.port,
            detail: b.detail,
            source: b.source,
            shared_with,
        })
        .collect();
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
        let restarts = summary.problem[1].to_string();
        assert!(
            restarts.starts_with(&format!("mcp-api exited {dies} times between ")),
            "{restarts}"
        );
        assert!(restarts.ends_with("under restart policy always."));
        assert!(summary.problem[2]
            .to_string()
            .starts_with("nginx (host) answered 502 Bad Gateway"));
        let trigger = summary.trigger.as_ref().unwrap().to_string();
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
        let state = host_nginx.state.to_string();
        assert!(
            state.starts_with("no container; its log is logs/nginx/"),
            "{state}"
        );
        let roles: Vec<(&str, String)> = summary
            .affected
            .iter()
            .map(|a| (a.service.as_str(), a.role.to_string()))
            .collect();
        assert_eq!(
            roles,
            [
                ("mcp-api", "root cause #1 (missing-module)".to_string()),
                ("nginx", "root cause #2 (port-conflict)".to_string()),
                (
                    "nginx (host)",
                    "symptom of #1 (upstream-unavailable)".to_string()
                ),
                ("qdrant", "failing, no finding explains it".to_string()),
            ]
        );
    }

    #[test]
    fn the_onset_comes_from_the_monitor_that_failed_closest_to_the_cause() {
        let (_, analysis) = sample::incident();
        let sources = &analysis.monitoring.sources;
        let live = sources.iter().find(|s| s.name == "uptime-monitor").unwrap();
        let history = sources.iter().find(|s| s.name == "api-uptime-9d").unwrap();
        let onset = analysis.write_up.summary.onset.as_ref().unwrap();
        assert_eq!(*onset, live.onset.as_ref().unwrap().sentence);
        assert_ne!(*onset, history.onset.as_ref().unwrap().sentence);
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
        let words = |actions: &[Action]| -> Vec<String> {
            actions.iter().map(|a| a.text.to_string()).collect()
        };
        let today = words(&steps.today);
        assert_eq!(
            today[0],
            "Add pandas to the requirements of mcp-api and rebuild its image."
        );
        assert!(today.iter().any(|t| t.starts_with(
            "If the fix cannot ship today, roll mcp-api back to coroner-fixture/mcp-api:1.4.2"
        )));
        assert!(today.contains(&"Once mcp-api is fixed, check that nginx (host) recovers.".into()));
        let week = words(&steps.this_week);
        assert!(
            week.contains(&"Import the application in CI right after building the image.".into())
        );
        assert!(week
            .iter()
            .any(|t| t.starts_with("Gate deploys on a start-up check")));
        let alert = format!(
            "Alert on restart loops: restart policy always restarted mcp-api {restarts} times without fixing anything."
        );
        assert!(week.contains(&alert), "{week:#?}");
        let month = words(&steps.this_month);
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
        let sentence = w.status.sentence.to_string();
        assert!(sentence.starts_with(&running), "{sentence}");
        assert_eq!(w.summary.headline, "No incident found");
        assert_eq!(w.summary.problem, [format!("{running}.")]);
        assert!(w.summary.root_cause.is_none() && w.summary.impact.is_none());
        assert!(w.summary.affected.is_empty());
        assert!(w.solutions.immediate.is_empty() && w.solutions.short_term.is_empty());
        assert!(w.next_steps.today.is_empty() && w.next_steps.this_week.is_empty());
        assert!(w.next_steps.this_month.is_empty());
    }

    #[test]
    fn a_title_becomes_a_clause_of_the_sentence() {
        let fix = |title: &str| {
            Text::msg("summary-fix-title")
                .with("title", Arg::lower_clause(title.into()))
                .to_string()
        };
        assert_eq!(
            fix("Give mcp-api more memory."),
            "Fix: give mcp-api more memory."
        );
        assert_eq!(
            fix("ModuleNotFoundError in api"),
            "Fix: ModuleNotFoundError in api."
        );
        assert_eq!(fix("mcp-api cannot start"), "Fix: mcp-api cannot start.");
    }

    #[test]
    fn the_write_up_reads_in_french() {
        let (evidence, analysis) = sample::incident();
        let restarts = evidence.container("mcp-api").unwrap().restart_count;
        let fr = crate::locale::get("fr").unwrap();
        let w = &analysis.write_up;
        assert_eq!(fr.text(&w.status.label), "Cause racine identifiée");
        let sentence = fr.text(&w.status.sentence);
        assert!(
            sentence
                .ends_with(" (confiance 90\u{202f}%)\u{202f}; le seul symptôme trouvé en découle."),
            "{sentence}"
        );
        assert_eq!(
            fr.text(&w.summary.problem[0]),
            format!(
                "3 conteneurs sur 3 sont en échec\u{a0}: mcp-api est en redémarrage \
                 ({restarts} redémarrages)\u{202f}; nginx est créé mais jamais démarré \
                 (code de sortie 128)\u{202f}; qdrant est en cours d'exécution, healthcheck en échec."
            )
        );
        let exits = fr.text(&w.summary.problem[1]);
        assert!(
            exits.starts_with("mcp-api s'est arrêté 10 fois entre le 27 novembre 2026 à "),
            "{exits}"
        );
        let roles: Vec<String> = w
            .summary
            .affected
            .iter()
            .map(|a| fr.text(&a.role))
            .collect();
        assert_eq!(
            roles,
            [
                "cause racine #1 (missing-module)",
                "cause racine #2 (port-conflict)",
                "symptôme de #1 (upstream-unavailable)",
                "en échec, aucun constat ne l'explique",
            ]
        );
        let because: Vec<String> = w
            .next_steps
            .today
            .iter()
            .map(|a| fr.text(&a.because))
            .collect();
        assert!(
            because.contains(&"1 symptôme de la cause racine #1".to_string()),
            "{because:#?}"
        );
        // Counts choose the plural and are grouped the French way.
        let state = |n: u64| {
            fr.text(
                &Text::msg("summary-state-restarts")
                    .with("state", Text::msg("summary-state-restarting"))
                    .with("restarts", n),
            )
        };
        assert_eq!(state(1), "en redémarrage (1 redémarrage)");
        assert_eq!(state(1296), "en redémarrage (1\u{202f}296 redémarrages)");
    }
}
