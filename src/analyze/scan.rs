//! One pass over every log: the signatures of all detectors and the rules of
//! the catalogue are searched together, and matching lines are folded into
//! distinct messages with a count, the first and the last occurrence.
//!
//! Memory is bounded by the number of distinct findings, not by log size:
//! each (detector signature or rule, log, service) keeps at most
//! [`MAX_DISTINCT`] messages, and lines that differ only in numbers (pids,
//! ports, counters) fold into one.
//!
//! A line that a harmless rule matches is not a hit of any other rule. In a
//! `docker compose logs` paste each line is attributed to the service its
//! `name  | ` prefix names.

use std::collections::BTreeMap;
use std::io;
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use chrono::{DateTime, Utc};
use regex::Regex;
use serde::Serialize;

use super::detector::{Detector, Quote};
use super::rules::{Catalogue, Rule, Severity};
use crate::evidence::logs::{self, clean_text, compose_prefix, CandidateLine, FileStats};
use crate::evidence::redact;
use crate::evidence::time::leading_timestamp;
use crate::evidence::{Evidence, InputProblem, LogKind, LogSource};

/// Distinct messages kept per detector signature and log.
pub const MAX_DISTINCT: usize = 32;
/// Matched lines of compose pastes whose service is remembered.
const MAX_COMPOSE_LINES: usize = 100_000;
/// Quoted text is cut to this many characters.
const MAX_QUOTE: usize = 600;

#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub line: u64,
    pub timestamp: Option<DateTime<Utc>>,
    /// The line without its leading timestamp, cleaned and with secrets masked.
    pub text: String,
    /// Preceding lines (oldest first), cleaned the same way.
    pub before: Vec<String>,
}

/// Lines that say the same thing, apart from numbers.
#[derive(Debug, Clone, Serialize)]
pub struct Message {
    pub count: u64,
    pub first: Hit,
    /// The last line, when it is not the first: most messages are seen
    /// once, and a copy each would double what the scan keeps.
    later: Option<Hit>,
}

impl Message {
    /// The last line that said it.
    pub fn last(&self) -> &Hit {
        self.later.as_ref().unwrap_or(&self.first)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Bucket {
    pub detector: &'static str,
    pub signature: &'static str,
    /// Index into [`Evidence::logs`].
    pub log: usize,
    pub messages: Vec<Message>,
    /// Matching lines beyond [`MAX_DISTINCT`] distinct messages, counted only.
    pub overflow: u64,
}

impl Bucket {
    pub fn total(&self) -> u64 {
        self.messages.iter().map(|m| m.count).sum::<u64>() + self.overflow
    }
}

/// The end of a log, as bytes.
#[derive(Debug, Clone, Default)]
pub struct LogTail {
    /// Where in the file `bytes` starts: 0 when it is the whole file.
    pub from: u64,
    pub bytes: Vec<u8>,
}

/// How much of the end of a crashed container's log is kept: the runs the
/// events still record are recent.
pub const CRASH_TAIL_BYTES: u64 = 4 * 1024 * 1024;

/// Time span and size of one log, for the chronology's coverage notes.
#[derive(Debug, Clone, Default, Serialize)]
pub struct LogSummary {
    pub lines: u64,
    pub bytes: u64,
    pub first: Option<DateTime<Utc>>,
    pub last: Option<DateTime<Utc>>,
    /// The last lines of the log (timestamps removed, cleaned, secrets masked), oldest first.
    pub tail: Vec<String>,
}

/// The lines one rule matched in one service's part of one log.
#[derive(Debug, Clone, Serialize)]
pub struct RuleBucket {
    #[serde(skip)]
    pub rule: &'static Rule,
    /// Index into [`Evidence::logs`].
    pub log: usize,
    /// The log's service, or the compose service a prefixed line names.
    pub service: String,
    pub messages: Vec<Message>,
    /// Matching lines beyond [`MAX_DISTINCT`] distinct messages, counted only.
    pub overflow: u64,
}

impl RuleBucket {
    pub fn total(&self) -> u64 {
        self.messages.iter().map(|m| m.count).sum::<u64>() + self.overflow
    }

    /// The most recent distinct message.
    pub fn latest(&self) -> &Message {
        self.messages
            .iter()
            .max_by_key(|m| m.last().line)
            .expect("a bucket holds at least one message")
    }
}

#[derive(Debug, Default)]
pub struct LogHits {
    pub buckets: Vec<Bucket>,
    /// What the rule catalogue matched, in rule, log and service order.
    pub rules: Vec<RuleBucket>,
    /// In compose pastes: the service each matched line came from, by log
    /// index and line, so findings of code detectors can name it too.
    pub compose_services: BTreeMap<(usize, u64), String>,
    /// The last [`CRASH_TAIL_BYTES`] of the logs of containers that died, by
    /// log index, read during the scan so no detector reads a log again.
    pub crash_tails: BTreeMap<usize, LogTail>,
    /// Parallel to [`Evidence::logs`].
    pub summaries: Vec<LogSummary>,
}

impl LogHits {
    pub fn of<'a>(&'a self, detector: &'a str) -> impl Iterator<Item = &'a Bucket> + 'a {
        self.buckets.iter().filter(move |b| b.detector == detector)
    }

    /// Every distinct message a detector's signature matched, with its log.
    pub fn messages<'a>(
        &'a self,
        evidence: &'a Evidence,
        detector: &'a str,
    ) -> impl Iterator<Item = (&'a LogSource, &'a Bucket, &'a Message)> + 'a {
        self.of(detector).flat_map(move |b| {
            b.messages
                .iter()
                .map(move |m| (&evidence.logs[b.log], b, m))
        })
    }
}

impl Message {
    /// Quotes the most recent occurrence, which is what the latest restarts show.
    pub fn quote_last(&self, log: &LogSource) -> Quote {
        quote(log, self.last(), self.count)
    }

    pub fn quote_first(&self, log: &LogSource) -> Quote {
        quote(log, &self.first, self.count)
    }
}

fn quote(log: &LogSource, hit: &Hit, count: u64) -> Quote {
    Quote {
        source: log.display.clone(),
        line: Some(hit.line),
        timestamp: hit.timestamp,
        text: hit.text.clone(),
        count,
    }
}

/// What a needle stands for: a detector's signature (with its compiled
/// regex) or a rule of the catalogue (index into its rules).
enum Owner<'d> {
    Signature(&'d dyn Detector, usize, Option<Regex>),
    Rule(usize),
}

/// Distinct messages per (detector, signature, log), and the overflow count.
type Folded = BTreeMap<(&'static str, &'static str, usize), Distinct>;
/// Distinct messages per (rule, log, service), and the overflow count.
type FoldedRules = BTreeMap<(usize, usize, String), Distinct>;
/// At most [`MAX_DISTINCT`] messages by fold key, in a vector: most logs
/// hold one or two, and a map's node per log would cost kilobytes each
/// when a bundle holds tens of thousands of logs.
type Distinct = (Vec<(String, Message)>, u64);

struct Matcher<'d> {
    prefilter: AhoCorasick,
    /// For each needle: the signatures and rules it belongs to.
    owners: Vec<Vec<Owner<'d>>>,
}

impl<'d> Matcher<'d> {
    fn new(detectors: &[&'d dyn Detector], catalogue: &Catalogue, log_bytes: u64) -> Self {
        let mut needles: Vec<String> = Vec::new();
        let mut owners: Vec<Vec<Owner<'d>>> = Vec::new();
        let mut slot_of = |needle: &str, owners: &mut Vec<Vec<Owner<'d>>>| {
            let needle = needle.to_ascii_lowercase();
            match needles.iter().position(|n| *n == needle) {
                Some(slot) => slot,
                None => {
                    needles.push(needle);
                    owners.push(Vec::new());
                    needles.len() - 1
                }
            }
        };
        for d in detectors {
            for (i, sig) in d.signatures().iter().enumerate() {
                let regex = sig.pattern.map(|p| {
                    Regex::new(p)
                        .unwrap_or_else(|e| panic!("detector {} signature {}: {e}", d.id(), sig.id))
                });
                let slot = slot_of(sig.needle, &mut owners);
                owners[slot].push(Owner::Signature(*d, i, regex));
            }
        }
        for (index, rule) in catalogue.rules.iter().enumerate() {
            for needle in &rule.needles {
                let slot = slot_of(needle, &mut owners);
                if !owners[slot]
                    .iter()
                    .any(|o| matches!(o, Owner::Rule(i) if *i == index))
                {
                    owners[slot].push(Owner::Rule(index));
                }
            }
        }
        // For big logs a full DFA: hundreds of case-insensitive needles
        // defeat the literal prefilters, and one table lookup per byte is
        // what is left. It takes tens of milliseconds to build, more than
        // small logs take to search with the default automaton.
        let kind = (log_bytes >= DFA_BYTES).then_some(AhoCorasickKind::DFA);
        let prefilter = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(kind)
            .prefilter(kind.is_none())
            .build(&needles)
            .expect("needles build an automaton");
        Matcher { prefilter, owners }
    }
}

/// The container a compose prefix names, when the bundle has it (`db_1` is
/// `shop_db_1`, `db-1` is `shop-db-1`); else the prefix itself.
fn container_named<'e>(evidence: &'e Evidence, prefix: &'e str) -> &'e str {
    evidence
        .containers
        .iter()
        .find(|c| {
            c.name == prefix
                || c.name
                    .strip_suffix(prefix)
                    .is_some_and(|project| project.ends_with(['_', '-']))
        })
        .map_or(prefix, |c| c.name.as_str())
}

fn fold(messages: &mut Vec<(String, Message)>, overflow: &mut u64, hit: &Hit) {
    let key = fold_key(&hit.text);
    if let Some((_, m)) = messages.iter_mut().find(|(k, _)| *k == key) {
        m.count += 1;
        m.later = Some(hit.clone());
    } else if messages.len() < MAX_DISTINCT {
        messages.push((
            key,
            Message {
                count: 1,
                first: hit.clone(),
                later: None,
            },
        ));
    } else {
        *overflow += 1;
    }
}

/// What the scan counted but did not keep: matching lines beyond the
/// distinct messages kept per signature or rule, one gap per log.
pub fn dropped_messages(evidence: &Evidence, hits: &LogHits) -> Vec<crate::evidence::Gap> {
    let mut per_log: BTreeMap<usize, u64> = BTreeMap::new();
    let overflows = hits
        .buckets
        .iter()
        .map(|b| (b.log, b.overflow))
        .chain(hits.rules.iter().map(|b| (b.log, b.overflow)));
    for (log, overflow) in overflows.filter(|(_, n)| *n > 0) {
        *per_log.entry(log).or_default() += overflow;
    }
    per_log
        .into_iter()
        .map(|(log, lines)| crate::evidence::Gap {
            what: format!("every distinct message of {}", evidence.logs[log].display),
            why: format!(
                "{lines} matching lines differ from the {MAX_DISTINCT} distinct messages kept per signature: they are counted, not quoted"
            ),
        })
        .collect()
}

/// Logs of this many bytes in all are searched with a DFA.
const DFA_BYTES: u64 = 16 << 20;
/// The range of a job that scans a whole log.
const WHOLE_FILE: Range<u64> = 0..u64::MAX;
/// Logs of this many bytes in all are scanned on every core.
const PARALLEL_BYTES: u64 = 8 << 20;
/// Logs at least this large are cut into parts scanned in parallel.
const SPLIT_BYTES: u64 = 32 << 20;

/// A part of one log to scan: the whole file, or a range of whole lines.
struct Job {
    log: usize,
    range: Range<u64>,
}

/// What one part of one log yields. Line numbers count from the part's start.
struct Part {
    folded: Folded,
    folded_rules: FoldedRules,
    compose_services: BTreeMap<(usize, u64), String>,
    stats: io::Result<FileStats>,
}

/// Searches every log of `evidence` for the signatures of `detectors` and
/// the rules of `catalogue`.
///
/// Logs are scanned in parallel, and a large log is cut at line starts into
/// parts scanned in parallel; the parts are merged in file order, so line
/// numbers, counts and first and last occurrences are those of one pass
/// over the file. (Beyond [`MAX_DISTINCT`] distinct messages a message that
/// recurs in a later part may be counted as overflow.)
pub fn scan(
    evidence: &Evidence,
    detectors: &[&dyn Detector],
    catalogue: &'static Catalogue,
    problems: &mut Vec<InputProblem>,
) -> LogHits {
    let log_bytes: u64 = evidence.logs.iter().map(|l| l.bytes).sum();
    // Threads cost more than they save on a few megabytes.
    let threads = match log_bytes >= PARALLEL_BYTES {
        true => std::thread::available_parallelism().map_or(1, |n| n.get()),
        false => 1,
    };
    scan_split(
        evidence,
        detectors,
        catalogue,
        problems,
        threads,
        SPLIT_BYTES,
    )
}

/// [`scan`] with `threads` workers, cutting logs of `split_bytes` or more.
fn scan_split(
    evidence: &Evidence,
    detectors: &[&dyn Detector],
    catalogue: &'static Catalogue,
    problems: &mut Vec<InputProblem>,
    threads: usize,
    split_bytes: u64,
) -> LogHits {
    let log_bytes = evidence.logs.iter().map(|l| l.bytes).sum();
    let matcher = Matcher::new(detectors, catalogue, log_bytes);
    let jobs = plan(evidence, threads as u64, split_bytes);
    let next = AtomicUsize::new(0);
    let mut parts: Vec<Option<Part>> = (0..jobs.len()).map(|_| None).collect();
    if threads == 1 {
        let mut buffer = Vec::new();
        for (slot, job) in parts.iter_mut().zip(&jobs) {
            *slot = Some(scan_part(evidence, &matcher, catalogue, job, &mut buffer));
        }
        return merge(evidence, catalogue, &jobs, parts, problems);
    }
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads.min(jobs.len()).max(1))
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    let mut buffer = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(job) = jobs.get(i) else { break };
                        let part = scan_part(evidence, &matcher, catalogue, job, &mut buffer);
                        done.push((i, part));
                    }
                    done
                })
            })
            .collect();
        for worker in workers {
            for (i, part) in worker.join().expect("a scan worker panicked") {
                parts[i] = Some(part);
            }
        }
    });
    merge(evidence, catalogue, &jobs, parts, problems)
}

/// One job per log, and a large log cut in as many parts as there are threads.
fn plan(evidence: &Evidence, threads: u64, split_bytes: u64) -> Vec<Job> {
    let mut jobs = Vec::new();
    for (log, source) in evidence.logs.iter().enumerate() {
        let ranges = if threads > 1 && source.bytes >= split_bytes {
            logs::split_at_lines(&source.path, source.bytes, threads)
                .unwrap_or_else(|_| vec![WHOLE_FILE])
        } else {
            vec![WHOLE_FILE]
        };
        jobs.extend(ranges.into_iter().map(|range| Job { log, range }));
    }
    jobs
}

fn scan_part(
    evidence: &Evidence,
    matcher: &Matcher<'_>,
    catalogue: &'static Catalogue,
    job: &Job,
    buffer: &mut Vec<u8>,
) -> Part {
    let log_index = job.log;
    let log = &evidence.logs[log_index];
    let mut folded: Folded = BTreeMap::new();
    let mut folded_rules: FoldedRules = BTreeMap::new();
    let mut compose_services: BTreeMap<(usize, u64), String> = BTreeMap::new();
    let mut pattern_ids: Vec<usize> = Vec::new();
    let died = evidence.container(&log.service).is_some_and(|c| {
        log.kind == LogKind::Docker && evidence.events_of(c).any(|e| e.action == "die")
    });
    let stats = logs::search_range(
        &log.path,
        job.range.clone(),
        if died { CRASH_TAIL_BYTES } else { 0 },
        buffer,
        &matcher.prefilter,
        |candidate: &CandidateLine<'_>| {
            pattern_ids.clear();
            pattern_ids.extend(
                matcher
                    .prefilter
                    .find_overlapping_iter(candidate.bytes)
                    .map(|m| m.pattern().as_usize()),
            );
            pattern_ids.sort_unstable();
            pattern_ids.dedup();
            let cleaned = logs::clean(candidate.bytes);
            let (service, line) = match log.compose_prefixed {
                true => compose_prefix(&cleaned)
                    .map_or((log.service.as_str(), &*cleaned), |(prefix, rest)| {
                        (container_named(evidence, prefix), rest)
                    }),
                false => (log.service.as_str(), &*cleaned),
            };
            if log.compose_prefixed && compose_services.len() < MAX_COMPOSE_LINES {
                compose_services.insert((log_index, candidate.number), service.to_string());
            }
            let (timestamp, message) = match leading_timestamp(line, evidence.zone) {
                // An engine's clock that ran off is corrected (bundle of several engines).
                Some((ts, offset)) => (Some(ts - log.clock_shift), line[offset..].trim_start()),
                None => (None, line),
            };
            if timestamp.is_some_and(|t| !evidence.window.contains(t)) {
                return;
            }
            let mut hit: Option<Hit> = None;
            let mut make_hit = || Hit {
                line: candidate.number,
                timestamp,
                text: shorten(&redact::text(message, &log.display)),
                before: candidate
                    .before
                    .iter()
                    .filter(|b| !b.is_empty())
                    .map(|b| quotable(b, evidence, &log.display))
                    .collect(),
            };
            let rule_owners = || {
                pattern_ids.iter().flat_map(|&p| {
                    matcher.owners[p].iter().filter_map(|o| match o {
                        Owner::Rule(i) => Some(*i),
                        Owner::Signature(..) => None,
                    })
                })
            };
            let harmless = rule_owners().any(|i| {
                let rule = &catalogue.rules[i];
                rule.severity == Severity::Harmless && rule.regex().is_match(message)
            });
            if !harmless {
                let mut seen: Vec<usize> = Vec::new();
                for i in rule_owners() {
                    if seen.contains(&i) || !catalogue.rules[i].regex().is_match(message) {
                        continue;
                    }
                    seen.push(i);
                    let hit = hit.get_or_insert_with(&mut make_hit);
                    let (messages, overflow) = folded_rules
                        .entry((i, log_index, service.to_string()))
                        .or_default();
                    fold(messages, overflow, hit);
                }
            }
            for &pattern in &pattern_ids {
                for owner in &matcher.owners[pattern] {
                    let Owner::Signature(detector, sig_index, regex) = owner else {
                        continue;
                    };
                    if regex.as_ref().is_some_and(|r| !r.is_match(message)) {
                        continue;
                    }
                    let sig = &detector.signatures()[*sig_index];
                    let hit = hit.get_or_insert_with(&mut make_hit);
                    let (messages, overflow) = folded
                        .entry((detector.id(), sig.id, log_index))
                        .or_default();
                    fold(messages, overflow, hit);
                }
            }
        },
    );
    Part {
        folded,
        folded_rules,
        compose_services,
        stats,
    }
}

/// Joins the parts in file order: each part's line numbers move by the
/// lines of the parts before it.
fn merge(
    evidence: &Evidence,
    catalogue: &'static Catalogue,
    jobs: &[Job],
    parts: Vec<Option<Part>>,
    problems: &mut Vec<InputProblem>,
) -> LogHits {
    let mut hits = LogHits::default();
    let mut folded: Folded = BTreeMap::new();
    let mut folded_rules: FoldedRules = BTreeMap::new();
    let mut whole: Vec<Option<FileStats>> = vec![Some(FileStats::default()); evidence.logs.len()];
    let mut offset = 0u64;
    for (job, part) in jobs.iter().zip(parts) {
        let part = part.expect("every job was scanned");
        if job.range.start == 0 {
            offset = 0;
        }
        for (key, distinct) in part.folded {
            join_distinct(folded.entry(key).or_default(), distinct, offset);
        }
        for (key, distinct) in part.folded_rules {
            join_distinct(folded_rules.entry(key).or_default(), distinct, offset);
        }
        for ((log, line), service) in part.compose_services {
            if hits.compose_services.len() < MAX_COMPOSE_LINES {
                hits.compose_services.insert((log, line + offset), service);
            }
        }
        match (part.stats, &mut whole[job.log]) {
            (Ok(mut stats), Some(total)) => {
                offset += stats.lines;
                if !stats.last_bytes.is_empty() {
                    let tail = hits.crash_tails.entry(job.log).or_insert_with(|| LogTail {
                        from: stats.last_bytes_from,
                        bytes: Vec::new(),
                    });
                    tail.bytes.append(&mut stats.last_bytes);
                }
                join_stats(total, stats);
            }
            (Ok(_), None) => {}
            (Err(e), slot) => {
                if slot.take().is_some() {
                    problems.push(InputProblem {
                        source: evidence.logs[job.log].display.clone(),
                        line: None,
                        message: crate::locale::Text::msg("analysis-problem-unreadable-log")
                            .with("error", e.to_string()),
                    });
                }
            }
        }
    }
    hits.summaries = whole
        .into_iter()
        .zip(&evidence.logs)
        .map(|(stats, log)| {
            stats.map_or_else(LogSummary::default, |s| {
                summarize(evidence, &s, &log.display)
            })
        })
        .collect();
    for ((detector, signature, log), (messages, overflow)) in folded {
        hits.buckets.push(Bucket {
            detector,
            signature,
            log,
            messages: in_order(messages),
            overflow,
        });
    }
    for ((rule, log, service), (messages, overflow)) in folded_rules {
        hits.rules.push(RuleBucket {
            rule: &catalogue.rules[rule],
            log,
            service,
            messages: in_order(messages),
            overflow,
        });
    }
    hits
}

fn in_order(messages: Vec<(String, Message)>) -> Vec<Message> {
    let mut messages: Vec<Message> = messages.into_iter().map(|(_, m)| m).collect();
    messages.sort_by_key(|m| m.first.line);
    messages
}

/// Adds a later part's distinct messages to what the earlier parts found.
fn join_distinct(into: &mut Distinct, (messages, overflow): Distinct, offset: u64) {
    let mut later: Vec<(String, Message)> = messages.into_iter().collect();
    later.sort_by_key(|(_, m)| m.first.line);
    for (key, mut m) in later {
        m.first.line += offset;
        if let Some(later) = &mut m.later {
            later.line += offset;
        }
        if let Some((_, known)) = into.0.iter_mut().find(|(k, _)| *k == key) {
            known.count += m.count;
            known.later = Some(m.later.unwrap_or(m.first));
        } else if into.0.len() < MAX_DISTINCT {
            into.0.push((key, m));
        } else {
            into.1 += m.count;
        }
    }
    into.1 += overflow;
}

/// Adds a later part's totals to the earlier parts'.
fn join_stats(total: &mut FileStats, part: FileStats) {
    let first_part = total.bytes == 0 && total.lines == 0;
    total.lines += part.lines;
    total.bytes += part.bytes;
    if first_part {
        total.first_line = part.first_line;
    }
    if !part.last_line.is_empty() {
        total.last_line = part.last_line;
    }
    total.tail.extend(part.tail);
    let excess = total.tail.len().saturating_sub(logs::TAIL_LINES);
    total.tail.drain(..excess);
}

/// A raw line as reports quote it: cleaned, without its leading timestamp,
/// secrets masked, cut to [`MAX_QUOTE`].
fn quotable(line: &[u8], evidence: &Evidence, origin: &str) -> String {
    let text = clean_text(line);
    let body = leading_timestamp(&text, evidence.zone)
        .map_or(text.as_str(), |(_, o)| text[o..].trim_start());
    shorten(&redact::text(body, origin))
}

/// What the report needs of a log's totals.
fn summarize(evidence: &Evidence, stats: &FileStats, origin: &str) -> LogSummary {
    let first = leading_timestamp(&clean_text(&stats.first_line), evidence.zone).map(|t| t.0);
    let last = leading_timestamp(&clean_text(&stats.last_line), evidence.zone).map(|t| t.0);
    let tail = stats
        .tail
        .iter()
        .map(|line| quotable(line, evidence, origin))
        .collect();
    LogSummary {
        lines: stats.lines,
        bytes: stats.bytes,
        first,
        last,
        tail,
    }
}

/// Lines that differ only in digits fold together: pids, ports, counters, times.
fn fold_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    let mut in_digits = false;
    for c in text.chars() {
        if c.is_ascii_digit() {
            if !in_digits {
                key.push('#');
            }
            in_digits = true;
        } else {
            key.push(c);
            in_digits = false;
        }
    }
    key
}

fn shorten(text: &str) -> String {
    if text.chars().count() <= MAX_QUOTE {
        return text.to_string();
    }
    let mut out: String = text.chars().take(MAX_QUOTE).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::detectors;
    use crate::testing::fixture;

    /// Everything a scan found, with line numbers and counts, as text.
    fn found(hits: &LogHits) -> Vec<String> {
        let quote = |m: &Message| {
            format!(
                "{}x {}@{} .. {}@{} {:?}",
                m.count,
                m.first.text,
                m.first.line,
                m.last().text,
                m.last().line,
                m.last().before
            )
        };
        let mut out: Vec<String> = hits
            .buckets
            .iter()
            .flat_map(|b| {
                b.messages
                    .iter()
                    .map(move |m| format!("{} {} {} {}", b.detector, b.signature, b.log, quote(m)))
            })
            .chain(hits.rules.iter().flat_map(|b| {
                b.messages
                    .iter()
                    .map(move |m| format!("{} {} {} {}", b.rule.id, b.log, b.service, quote(m)))
            }))
            .collect();
        out.extend(hits.summaries.iter().map(|s| {
            format!(
                "{} {} {:?} {:?} {:?}",
                s.lines, s.bytes, s.first, s.last, s.tail
            )
        }));
        out
    }

    #[test]
    fn distinct_messages_stay_bounded_and_the_rest_is_said() {
        // The captured import error, its module renamed by the test: a
        // different message on every line (letters, which do not fold).
        let captured = "ModuleNotFoundError: No module named 'pandas'";
        let dir = tempfile::tempdir().unwrap();
        let logs = dir.path().join("docker/containers");
        std::fs::create_dir_all(&logs).unwrap();
        let mut text = String::new();
        for a in b'a'..=b'z' {
            for b in b'a'..=b'z' {
                let module = format!("pandas{}{}", a as char, b as char);
                text.push_str(&captured.replace("pandas", &module));
                text.push('\n');
            }
        }
        std::fs::write(logs.join("api.log"), text).unwrap();
        let evidence =
            crate::collect::bundle::load(dir.path(), Default::default(), Default::default())
                .unwrap();
        let hits = scan(
            &evidence,
            &detectors::all(),
            Catalogue::builtin(),
            &mut Vec::new(),
        );
        let rule = hits
            .rules
            .iter()
            .find(|b| b.rule.id == "python-module-not-found")
            .expect("the rule matched");
        assert_eq!(rule.messages.len(), MAX_DISTINCT);
        assert_eq!(rule.total(), 26 * 26);
        let gaps = dropped_messages(&evidence, &hits);
        assert_eq!(gaps.len(), 1);
        assert!(
            gaps[0].what.contains("docker/containers/api.log"),
            "{gaps:?}"
        );
    }

    #[test]
    fn a_log_cut_in_parts_gives_what_one_pass_gives() {
        for bundle in [
            "main-incident",
            "compose-db-down",
            "upstream-502",
            "postgres-password-rejected",
        ] {
            let evidence = fixture(bundle);
            let registry = detectors::all();
            let whole = scan_split(
                &evidence,
                &registry,
                Catalogue::builtin(),
                &mut Vec::new(),
                1,
                u64::MAX,
            );
            // Parts of 2 KiB: many cuts, some inside tracebacks and bursts of one message.
            let parts = scan_split(
                &evidence,
                &registry,
                Catalogue::builtin(),
                &mut Vec::new(),
                4,
                2048,
            );
            assert!(
                plan(&evidence, 4, 2048).len() > evidence.logs.len(),
                "{bundle}: some log is cut"
            );
            assert_eq!(found(&whole), found(&parts), "{bundle}");
            assert!(!found(&whole).is_empty());
        }
    }
}
