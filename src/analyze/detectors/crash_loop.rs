use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::common::{compose_recreate, own_events};
use crate::analyze::detector::{Context, Detector, Finding, Horizon, Quote, Remediation};
use crate::analyze::scan::LogTail;
use crate::evidence::logs::clean_text;
use crate::evidence::redact;
use crate::evidence::time::{format_utc, leading_timestamp};
use crate::evidence::{Container, Event, Evidence, LogKind, LogSource};
use crate::locale::{Arg, Text};
use crate::{detector_meta, documented_detector};

documented_detector! {
    /// Detects a container that keeps dying: restarted again and again by
    /// its restart policy, exited with a non-zero code, or never started;
    /// and a container stopped on request (`kill`, `die`, `stop` events)
    /// during the window and not started again.
    /// It is the generic cause, used when nothing more specific is known:
    /// when another detector finds why the same container dies, the ranking
    /// shows this one as a symptom of that cause.
    ///
    /// Why it matters: a crash loop takes the service down while `docker ps`
    /// still shows the container as up between restarts, and the exit code
    /// alone often says why: 127 is a missing command, 137 a SIGKILL (the
    /// OOM killer, or a stop timeout), 139 a segmentation fault that writes
    /// nothing to the log.
    ///
    /// Evidence: `State` and `RestartCount` in `docker container inspect`;
    /// `die` events with their `exitCode`, and `kill`/`oom` events, in
    /// `docker events`; and the last line each run wrote to its
    /// `docker logs` before it died (read from the last 4 MiB of the log).
    /// A `die` that follows a `kill` is a requested stop, not a crash. Events
    /// of an earlier container with the same name (before a re-deploy) are
    /// not counted.
    ///
    /// Fix: read the last lines before each exit, stop the restart loop
    /// while fixing (`docker update --restart=no`), and act on what the exit
    /// code means: roll back a bad image, raise a memory limit, or debug the
    /// crashing binary. A container stopped on request is started again
    /// with `docker start`, and its events tell who stopped it.
    pub struct CrashLoop;
    id = "crash-loop", role = Cause, summary = "a container keeps exiting with an error, never started, or was stopped and left down";
}

/// Distinct "last lines" quoted.
const MAX_LAST_WORDS: usize = 5;

impl Detector for CrashLoop {
    detector_meta!();

    fn detect(&self, cx: &Context<'_>) -> Vec<Finding> {
        cx.evidence
            .containers
            .iter()
            .filter_map(|c| examine(cx, c))
            .collect()
    }
}

/// A `die` event that was not asked for.
struct Crash<'a> {
    event: &'a Event,
    code: Option<i64>,
}

fn examine(cx: &Context<'_>, c: &Container) -> Option<Finding> {
    let evidence = cx.evidence;
    let events: Vec<&Event> = own_events(evidence, c).collect();
    let mut crashes: Vec<Crash<'_>> = Vec::new();
    let mut stop_requested = false;
    // The die of a requested stop that no start followed: the container is down on purpose.
    let mut left_stopped: Option<&Event> = None;
    for e in &events {
        match e.action.as_str() {
            "kill" => stop_requested = true,
            "start" => {
                stop_requested = false;
                left_stopped = None;
            }
            "die" if stop_requested => left_stopped = Some(e),
            "die" if e.exit_code() != Some(0) => crashes.push(Crash {
                event: e,
                code: e.exit_code(),
            }),
            _ => {}
        }
    }
    let s = &c.state;
    let never_started = s.status == "created" && (!s.error.is_empty() || s.exit_code != 0);
    let left_stopped = left_stopped.filter(|_| !s.running && !never_started && crashes.is_empty());
    let exited_badly = !s.running && s.exit_code != 0 && !never_started;
    let looping = s.restarting || c.restart_count > 0;
    if !(never_started || exited_badly || looping || !crashes.is_empty() || left_stopped.is_some())
    {
        return None;
    }
    let code = if s.exit_code != 0 || crashes.is_empty() {
        s.exit_code
    } else {
        crashes.last().and_then(|k| k.code).unwrap_or(s.exit_code)
    };
    let meaning = describe_exit(evidence, c, code);
    let times = (crashes.len() as u64).max(c.restart_count);
    let title = if never_started {
        // The engine's error ends with the reason: `…(<endpoint id>): <reason>`.
        let reason = s
            .error
            .rsplit_once("): ")
            .map_or(s.error.as_str(), |(_, r)| r);
        let reason = if reason.is_empty() {
            Arg::from(meaning)
        } else {
            Arg::from(reason)
        };
        Text::msg("crash-loop-title-never-started").with("reason", reason)
    } else if let Some(die) = left_stopped {
        // The moment as the engine's events write it.
        Text::msg("crash-loop-title-stopped").with("at", format_utc(die.time))
    } else if looping || crashes.len() > 1 {
        let title = match (crashes.first(), crashes.last()) {
            (Some(first), Some(last)) if crashes.len() > 1 => {
                Text::msg("crash-loop-title-looping-span").with(
                    "span",
                    human_span((last.event.time - first.event.time).num_seconds()),
                )
            }
            _ => Text::msg("crash-loop-title-looping"),
        };
        title.with("exits", times).with("meaning", meaning)
    } else {
        Text::msg("crash-loop-title-exited").with("meaning", meaning)
    };
    let title = title
        .with("service", &c.name)
        .with("code", code.to_string());
    let mut f = Finding::new(CrashLoop::ID, CrashLoop::ROLE, &c.name, title);
    f.confidence = if is_crash_signal(code) { 0.75 } else { 0.6 };
    if let Some(die) = left_stopped {
        // kill, die and stop: who stopped it, and when.
        for e in events
            .iter()
            .filter(|e| matches!(e.action.as_str(), "kill" | "die" | "stop"))
            .filter(|e| (die.time - e.time).num_seconds().abs() <= 60)
        {
            f.evidence.push(event_quote(e, &event_text(e), 1));
        }
        f.seen_at(Some(die.time));
    }
    f.occurrences = times.max(1);

    let status = if s.restarting {
        "restarting"
    } else {
        s.status.as_str()
    };
    f.evidence
        .push(Quote::field(&c.source, "State.Status", status));
    f.evidence
        .push(Quote::field(&c.source, "State.ExitCode", s.exit_code));
    if !s.error.is_empty() {
        f.evidence
            .push(Quote::field(&c.source, "State.Error", &s.error));
    }
    if c.restart_count > 0 {
        f.evidence
            .push(Quote::field(&c.source, "RestartCount", c.restart_count));
        f.evidence.push(Quote::field(
            &c.source,
            "HostConfig.RestartPolicy.Name",
            &c.restart_policy,
        ));
    }
    if code == 137 {
        f.evidence
            .push(Quote::field(&c.source, "State.OOMKilled", s.oom_killed));
    }
    quote_dies_by_code(&crashes, &mut f);
    if code == 137 {
        for e in events
            .iter()
            .filter(|e| matches!(e.action.as_str(), "kill" | "oom"))
        {
            f.evidence.push(event_quote(e, &event_text(e), 1));
        }
    }
    // The scan kept the end of the log of every container that died.
    let tail = evidence
        .logs
        .iter()
        .enumerate()
        .filter(|(_, l)| l.service == c.name && l.kind == LogKind::Docker)
        .find_map(|(index, l)| Some((l, cx.hits.crash_tails.get(&index)?)));
    if let Some((log, tail)) = tail {
        let dies: Vec<&Event> = events
            .iter()
            .copied()
            .filter(|e| e.action == "die")
            .collect();
        let crash_times: Vec<DateTime<Utc>> = crashes.iter().map(|k| k.event.time).collect();
        f.evidence
            .extend(last_words(evidence, log, tail, &dies, &crash_times));
    }

    for k in &crashes {
        f.seen_at(Some(k.event.time));
    }
    if crashes.is_empty() {
        let created = events
            .iter()
            .filter(|e| e.action == "create")
            .map(|e| e.time)
            .next_back()
            .or(c.created);
        f.seen_at(if never_started {
            created
        } else {
            s.finished_at
        });
    }
    f.remediation = remedy(
        evidence,
        c,
        code,
        looping,
        never_started,
        left_stopped.is_some(),
    );
    Some(f)
}

/// One quote per exit code, at its latest occurrence, counting them all.
fn quote_dies_by_code(crashes: &[Crash<'_>], f: &mut Finding) {
    let mut by_code: BTreeMap<Option<i64>, (u64, &Event)> = BTreeMap::new();
    for k in crashes {
        let entry = by_code.entry(k.code).or_insert((0, k.event));
        entry.0 += 1;
        entry.1 = k.event;
    }
    let mut quotes: Vec<Quote> = by_code
        .into_values()
        .map(|(n, e)| event_quote(e, &event_text(e), n))
        .collect();
    quotes.sort_by_key(|q| q.timestamp);
    f.evidence.extend(quotes);
}

fn event_text(e: &Event) -> String {
    let mut text = format!("event {}", e.action);
    for key in ["exitCode", "signal"] {
        if let Some(v) = e.attributes.get(key) {
            text.push_str(&format!(" {key}={v}"));
        }
    }
    text
}

fn event_quote(e: &Event, text: &str, count: u64) -> Quote {
    Quote {
        source: e.source.clone(),
        line: Some(e.line),
        timestamp: Some(e.time),
        text: text.to_string(),
        count,
    }
}

/// The last non-empty line each crashed run wrote before it died, folded
/// by text: "No module named 'x'" before 6 of 9 exits. A run is the span
/// between the previous `die` and its own, so a run that printed nothing
/// (a segmentation fault) is not credited with the previous run's words.
fn last_words(
    evidence: &Evidence,
    log: &LogSource,
    tail: &LogTail,
    dies: &[&Event],
    crash_times: &[DateTime<Utc>],
) -> Vec<Quote> {
    let buf = &tail.bytes;
    // A tail that starts mid-file starts mid-line, and its line numbers are unknown.
    let exact = tail.from == 0;
    let body = if exact {
        &buf[..]
    } else {
        memchr::memchr(b'\n', buf).map_or(&buf[..0], |i| &buf[i + 1..])
    };
    // (run start, run end) for each crash: the previous die bounds the run.
    let runs: Vec<(Option<DateTime<Utc>>, DateTime<Utc>)> = crash_times
        .iter()
        .map(|&end| {
            let begin = dies.iter().map(|d| d.time).filter(|t| *t < end).max();
            (begin, end)
        })
        .collect();
    let mut folded: BTreeMap<String, (u64, Quote)> = BTreeMap::new();
    let mut credit = |burst: &[Quote], begin: Option<DateTime<Utc>>| {
        let Some(q) = last_word(burst) else { return };
        if begin.is_some_and(|b| q.timestamp.is_some_and(|t| t <= b)) {
            return;
        }
        let entry = folded.entry(q.text.clone()).or_insert((0, q.clone()));
        entry.0 += 1;
        entry.1 = q.clone();
    };
    let mut next = 0;
    // The latest lines written within BURST of each other.
    let mut burst: Vec<Quote> = Vec::new();
    for (index, raw) in body.split(|b| *b == b'\n').enumerate() {
        if next == runs.len() {
            break;
        }
        let text = clean_text(raw);
        let Some((ts, offset)) = leading_timestamp(&text, evidence.zone) else {
            continue;
        };
        while next < runs.len() && ts > runs[next].1 {
            credit(&burst, runs[next].0);
            next += 1;
        }
        let message = text[offset..].trim();
        if message.is_empty() {
            continue;
        }
        let apart = burst
            .last()
            .and_then(|q| q.timestamp)
            .is_some_and(|last| ts - last > BURST);
        if apart || burst.len() == MAX_BURST {
            burst.clear();
        }
        burst.push(Quote {
            source: log.display.clone(),
            line: exact.then_some(index as u64 + 1),
            timestamp: Some(ts),
            text: redact::text(message, &log.display)
                .chars()
                .take(600)
                .collect(),
            count: 1,
        });
    }
    for run in &runs[next..] {
        credit(&burst, run.0);
    }
    let total = runs.len();
    let mut quotes: Vec<Quote> = folded
        .into_values()
        .map(|(n, mut q)| {
            q.text = format!("last output before {n} of {total} exits: {}", q.text);
            q.count = n;
            q
        })
        .collect();
    quotes.sort_by_key(|q| std::cmp::Reverse(q.timestamp));
    quotes.truncate(MAX_LAST_WORDS);
    quotes.reverse();
    quotes
}

/// What a process exit code says, after Docker's conventions (failure
/// signatures §1.6: 125–128 are the engine's own, 128+n is death by signal n).
pub(super) fn exit_code_meaning(code: i64) -> Text {
    match code {
        0 | 1 | 2 | 125..=128 | 130 | 132 | 134 | 137 | 139 | 143 | 255 => {
            Text::msg(format!("crash-loop-exit-{code}"))
        }
        129..=192 => Text::msg("crash-loop-exit-signal").with("signal", (code - 128).to_string()),
        _ => Text::msg("crash-loop-exit-other").with("code", code.to_string()),
    }
}

/// Death by a signal that itself explains the crash, as opposed to a plain
/// error exit that only says the program gave up.
fn is_crash_signal(code: i64) -> bool {
    matches!(code, 132 | 134 | 139)
}

/// The meaning of exit code 137 for `c`, which differs by who sent SIGKILL.
fn sigkill_reason(evidence: &Evidence, c: &Container) -> Text {
    let events: Vec<&Event> = own_events(evidence, c).collect();
    let id = if c.state.oom_killed || events.iter().any(|e| e.action == "oom") {
        "crash-loop-sigkill-oom"
    } else if events
        .iter()
        .any(|e| e.action == "kill" && e.attributes.get("signal").map(String::as_str) == Some("15"))
    {
        "crash-loop-sigkill-stop-timeout"
    } else if events.iter().any(|e| e.action == "kill") {
        "crash-loop-sigkill-docker-kill"
    } else {
        "crash-loop-sigkill-other"
    };
    Text::msg(id)
}

/// The full meaning of `code` for `c`.
fn describe_exit(evidence: &Evidence, c: &Container, code: i64) -> Text {
    if code == 137 {
        sigkill_reason(evidence, c)
    } else {
        exit_code_meaning(code)
    }
}

/// Seconds, minutes or hours, whichever reads best.
pub(super) fn human_span(seconds: i64) -> Text {
    let (id, n) = match seconds {
        s if s < 120 => ("crash-loop-span-seconds", s),
        s if s < 2 * 3600 => ("crash-loop-span-minutes", s / 60),
        s if s < 2 * 86400 => ("crash-loop-span-hours", s / 3600),
        s => ("crash-loop-span-days", s / 86400),
    };
    Text::msg(id).with("n", n)
}

/// Lines a process writes in one burst: stdout and stderr are read by the
/// engine separately, so their timestamps can come out of order this close.
const BURST: chrono::TimeDelta = chrono::TimeDelta::milliseconds(50);
const MAX_BURST: usize = 16;

/// What a run said last: the last line of its final burst that reads like an
/// error, else its last line.
fn last_word(burst: &[Quote]) -> Option<&Quote> {
    const ERROR_WORDS: &[&str] = &[
        "error",
        "exception",
        "fatal",
        "panic",
        "illegal",
        "not found",
        "denied",
        "failed",
        "cannot",
        "can't",
        "no such",
        "killed",
        "segmentation",
    ];
    burst
        .iter()
        .rev()
        .find(|q| {
            let lower = q.text.to_ascii_lowercase();
            ERROR_WORDS.iter().any(|w| lower.contains(w))
        })
        .or_else(|| burst.last())
}

fn remedy(
    evidence: &Evidence,
    c: &Container,
    code: i64,
    looping: bool,
    never_started: bool,
    left_stopped: bool,
) -> Remediation {
    let name = &c.name;
    if left_stopped {
        return Remediation::new(Text::msg("crash-loop-fix-stopped").with("service", name))
        .step(
            Horizon::Immediate,
            Text::msg("crash-loop-step-start"),
            &[format!("docker start {name}")],
        )
        .step(
            Horizon::ShortTerm,
            Text::msg("crash-loop-step-who-stopped"),
            &[format!(
                "docker events --since 24h --until \"$(date +%s)\" --filter container={name} --filter event=kill --filter event=stop"
            )],
        );
    }
    if never_started {
        let mut fix = vec![format!(
            "docker inspect --format '{{{{.State.Error}}}}' {name}"
        )];
        fix.push(format!("docker start {name}"));
        return Remediation::new(Text::msg("crash-loop-fix-never-started").with("service", name))
            .step(
                Horizon::Immediate,
                Text::msg("crash-loop-step-never-started"),
                &fix,
            );
    }
    let mut r = Remediation::new(Text::msg("crash-loop-fix").with("service", name)).step(
        Horizon::Immediate,
        Text::msg("crash-loop-step-read-logs"),
        &[format!("docker logs --timestamps --tail 50 {name}")],
    );
    if looping && c.restart_policy != "no" {
        r = r.step(
            Horizon::Immediate,
            Text::msg("crash-loop-step-stop-loop"),
            &[format!("docker update --restart=no {name}")],
        );
    }
    let (text, commands): (&str, Vec<String>) = match code {
        132 | 134 | 139 => (
            "crash-loop-step-crash",
            vec![
                "dmesg -T | grep -iE 'segfault|trap|general protection'".to_string(),
                format!("docker run --rm -it --entrypoint sh {}", c.image),
            ],
        ),
        137 => (
            "crash-loop-step-sigkill",
            vec![
                format!("docker events --since 24h --until \"$(date +%s)\" --filter container={name} --filter event=oom --filter event=kill"),
                format!("docker stats --no-stream {name}"),
            ],
        ),
        126 | 127 => (
            "crash-loop-step-command",
            vec![format!(
                "docker image inspect --format '{{{{json .Config.Entrypoint}}}} {{{{json .Config.Cmd}}}}' {}",
                c.image
            )],
        ),
        // A container the policy still restarts shows each run in its logs already.
        _ if looping => (
            "crash-loop-step-follow",
            vec![format!("docker logs --follow --tail 0 {name}")],
        ),
        _ => (
            "crash-loop-step-foreground",
            vec![format!("docker start --attach {name}")],
        ),
    };
    r = r.step(Horizon::ShortTerm, Text::msg(text), &commands);
    if let Some(image) = evidence.image_of(c) {
        let repository = c
            .image
            .rsplit_once(':')
            .map_or(c.image.as_str(), |(r, _)| r);
        let mut commands = vec![format!("docker image ls {repository}")];
        commands.extend(compose_recreate(c, false));
        // The moment as the image's metadata writes it.
        let text = match image.created {
            Some(built) => Text::msg("crash-loop-step-roll-back").with("built", format_utc(built)),
            None => Text::msg("crash-loop-step-roll-back-undated"),
        };
        r = r.step(Horizon::ShortTerm, text.with("image", &c.image), &commands);
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::run_detector;

    #[test]
    fn exit_codes_name_their_cause() {
        assert!(exit_code_meaning(139)
            .to_string()
            .contains("segmentation fault"));
        assert!(exit_code_meaning(127)
            .to_string()
            .contains("command not found"));
        assert!(exit_code_meaning(143).to_string().contains("SIGTERM"));
        assert_eq!(exit_code_meaning(131), "killed by signal 3");
        assert_eq!(exit_code_meaning(3), "application-specific exit code 3");
        assert!(is_crash_signal(139) && !is_crash_signal(1));
    }

    #[test]
    fn spans_read_naturally() {
        assert_eq!(human_span(30), "30 s");
        assert_eq!(human_span(600), "10 min");
        assert_eq!(human_span(3 * 86400), "3 days");
    }

    #[test]
    fn counts_the_crash_loop_of_the_redeployed_api_and_quotes_each_run() {
        let findings = run_detector(&CrashLoop, "main-incident");
        let api = findings
            .iter()
            .find(|f| f.service == "mcp-api")
            .unwrap_or_else(|| panic!("{findings:#?}"));
        assert!(
            api.title.to_string().contains("is crash-looping"),
            "{}",
            api.title
        );
        assert!(
            api.title
                .to_string()
                .contains("last exit code 1 (application error"),
            "{}",
            api.title
        );
        // One exit per restart of the new container; the old one's requested stop is not a crash.
        let restarts = crate::testing::fixture("main-incident")
            .container("mcp-api")
            .unwrap()
            .restart_count;
        assert!(restarts >= 9);
        assert_eq!(api.occurrences, restarts, "{api:#?}");
        let quoted = |needle: &str| {
            api.evidence
                .iter()
                .find(|q| q.text.to_string().contains(needle))
        };
        let exit2 = quoted("event die exitCode=2").expect("the dash error exits with 2");
        assert_eq!(exit2.count, 1);
        assert_eq!(quoted("event die exitCode=1").unwrap().count, restarts - 1);
        assert!(quoted("event die exitCode=0").is_none(), "{api:#?}");
        let pandas = quoted("No module named 'pandas'").expect("last words of the latest runs");
        assert!(pandas.count >= 5, "{pandas:#?}");
        assert!(pandas.line.is_some() && pandas.source.ends_with("mcp-api.log"));
        // stdout's "starting" line can be stamped after stderr's error: the error is what the run said last.
        let first_run = quoted("Illegal option -o pipefail").expect("the first run's error");
        assert!(
            first_run
                .text
                .to_string()
                .starts_with("last output before 1 of "),
            "{}",
            first_run.text
        );
        assert!(api.first_seen < api.last_seen);
        assert!(api.remediation.steps[1].commands[0] == "docker update --restart=no mcp-api");
    }

    #[test]
    fn a_segfault_loop_is_named_by_its_exit_code_alone() {
        let findings = run_detector(&CrashLoop, "crash-loop-segfault");
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let f = &findings[0];
        assert!(
            f.title
                .to_string()
                .starts_with("thumbnailer is crash-looping: 4 exits in ")
                && f.title
                    .to_string()
                    .contains("last exit code 139 (segmentation fault (SIGSEGV)"),
            "{}",
            f.title
        );
        // The exit code is the explanation: sure enough to identify the cause.
        assert!(f.confidence >= crate::analyze::rank::IDENTIFIED);
        assert_eq!(
            f.evidence
                .iter()
                .find(|q| q.text == "event die exitCode=139")
                .map(|q| q.count),
            Some(4)
        );
        // A segfault writes nothing, so no run is credited with another run's words.
        assert!(
            !f.evidence
                .iter()
                .any(|q| q.text.to_string().starts_with("last output before")),
            "{f:#?}"
        );
        assert!(f
            .remediation
            .steps
            .iter()
            .any(|s| s.commands.iter().any(|c| c.starts_with("dmesg -T"))));
    }

    #[test]
    fn healthy_stacks_and_red_herrings_end_healthy() {
        for bundle in ["healthy-stack", "red-herring"] {
            assert!(run_detector(&CrashLoop, bundle).is_empty(), "{bundle}");
            let analysis = crate::analyze::analyze(&crate::testing::fixture(bundle));
            assert_eq!(
                analysis.verdict,
                crate::analyze::Verdict::Healthy,
                "{bundle}: {:#?}",
                analysis.symptoms
            );
        }
    }

    #[test]
    fn a_container_that_never_started_is_reported_with_its_engine_error() {
        let findings = run_detector(&CrashLoop, "main-incident");
        let nginx = findings.iter().find(|f| f.service == "nginx").unwrap();
        assert_eq!(
            nginx.title,
            "nginx never started (exit code 128): Error starting userland proxy: listen tcp4 127.0.0.1:18080: bind: address already in use"
        );
        assert!(nginx
            .evidence
            .iter()
            .any(|q| q.text.to_string().starts_with("State.Error: ")
                && q.text.to_string().contains("address already in use")));
        // qdrant runs, unhealthy but never restarted: not a crash.
        assert!(
            !findings.iter().any(|f| f.service == "qdrant"),
            "{findings:#?}"
        );
    }

    #[test]
    fn a_crash_loop_reads_in_french() {
        let fr = crate::locale::get("fr").unwrap();
        let findings = run_detector(&CrashLoop, "main-incident");
        let api = findings.iter().find(|f| f.service == "mcp-api").unwrap();
        let title = fr.text(&api.title);
        assert!(
            title.starts_with("mcp-api redémarre en boucle\u{a0}: ")
                && title.contains(" arrêts en ")
                && title.ends_with(", dernier code de sortie 1 (erreur applicative\u{a0}: le programme a signalé un échec et s'est arrêté)"),
            "{title}"
        );
        let once = Text::msg("crash-loop-title-looping")
            .with("service", "web")
            .with("code", "139")
            .with("exits", 1u64)
            .with("meaning", exit_code_meaning(139));
        assert!(
            fr.text(&once)
                .starts_with("web redémarre en boucle\u{a0}: 1 arrêt, dernier code de sortie 139 (erreur de segmentation (SIGSEGV)"),
            "{}",
            fr.text(&once)
        );
        assert_eq!(fr.text(&human_span(3 * 86400)), "3 jours");
    }
}
