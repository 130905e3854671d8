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

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use chrono::{DateTime, Utc};
use regex::Regex;
use serde::Serialize;

use super::detector::{Detector, Quote};
use super::rules::{Catalogue, Rule, Severity};
use crate::evidence::logs::{self, clean_text, compose_prefix, CandidateLine};
use crate::evidence::redact::redact_text;
use crate::evidence::time::leading_timestamp;
use crate::evidence::{Evidence, InputProblem, LogSource};

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
    pub last: Hit,
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
            .max_by_key(|m| m.last.line)
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
        quote(log, &self.last, self.count)
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
type Distinct = (BTreeMap<String, Message>, u64);

struct Matcher<'d> {
    prefilter: AhoCorasick,
    /// For each needle: the signatures and rules it belongs to.
    owners: Vec<Vec<Owner<'d>>>,
}

impl<'d> Matcher<'d> {
    fn new(detectors: &[&'d dyn Detector], catalogue: &Catalogue) -> Self {
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
        // A full DFA: hundreds of case-insensitive needles defeat the
        // literal prefilters, and one table lookup per byte is what is left.
        let prefilter = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .prefilter(false)
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

fn fold(messages: &mut BTreeMap<String, Message>, overflow: &mut u64, hit: &Hit) {
    let key = fold_key(&hit.text);
    if let Some(m) = messages.get_mut(&key) {
        m.count += 1;
        m.last = hit.clone();
    } else if messages.len() < MAX_DISTINCT {
        messages.insert(
            key,
            Message {
                count: 1,
                first: hit.clone(),
                last: hit.clone(),
            },
        );
    } else {
        *overflow += 1;
    }
}

/// Searches every log of `evidence` for the signatures of `detectors` and
/// the rules of `catalogue`.
pub fn scan(
    evidence: &Evidence,
    detectors: &[&dyn Detector],
    catalogue: &'static Catalogue,
    problems: &mut Vec<InputProblem>,
) -> LogHits {
    let matcher = Matcher::new(detectors, catalogue);
    let mut hits = LogHits::default();
    let mut folded: Folded = BTreeMap::new();
    let mut folded_rules: FoldedRules = BTreeMap::new();
    let mut compose_services: BTreeMap<(usize, u64), String> = BTreeMap::new();
    for (log_index, log) in evidence.logs.iter().enumerate() {
        let mut pattern_ids: Vec<usize> = Vec::new();
        let result = logs::search(
            &log.path,
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
                let cleaned = clean_text(candidate.bytes);
                let (service, line) = match log.compose_prefixed {
                    true => compose_prefix(&cleaned).map_or(
                        (log.service.as_str(), cleaned.as_str()),
                        |(prefix, rest)| (container_named(evidence, prefix), rest),
                    ),
                    false => (log.service.as_str(), cleaned.as_str()),
                };
                if log.compose_prefixed && compose_services.len() < MAX_COMPOSE_LINES {
                    compose_services.insert((log_index, candidate.number), service.to_string());
                }
                let (timestamp, message) = match leading_timestamp(line, evidence.zone) {
                    Some((ts, offset)) => (Some(ts), line[offset..].trim_start()),
                    None => (None, line),
                };
                if timestamp.is_some_and(|t| !evidence.window.contains(t)) {
                    return;
                }
                let mut hit: Option<Hit> = None;
                let mut make_hit = || Hit {
                    line: candidate.number,
                    timestamp,
                    text: shorten(&redact_text(message)),
                    before: candidate
                        .before
                        .iter()
                        .filter(|b| !b.is_empty())
                        .map(|b| {
                            let text = clean_text(b);
                            let body = leading_timestamp(&text, evidence.zone)
                                .map_or(text.as_str(), |(_, o)| text[o..].trim_start());
                            shorten(&redact_text(body))
                        })
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
        let summary = match result {
            Ok(stats) => {
                let first =
                    leading_timestamp(&clean_text(&stats.first_line), evidence.zone).map(|t| t.0);
                let last =
                    leading_timestamp(&clean_text(&stats.last_line), evidence.zone).map(|t| t.0);
                let tail = stats
                    .tail
                    .iter()
                    .map(|line| {
                        let text = clean_text(line);
                        let body = leading_timestamp(&text, evidence.zone)
                            .map_or(text.as_str(), |(_, o)| text[o..].trim_start());
                        shorten(&redact_text(body))
                    })
                    .collect();
                LogSummary {
                    lines: stats.lines,
                    bytes: stats.bytes,
                    first,
                    last,
                    tail,
                }
            }
            Err(e) => {
                problems.push(InputProblem {
                    source: log.display.clone(),
                    line: None,
                    message: format!("cannot read log: {e}"),
                });
                LogSummary::default()
            }
        };
        hits.summaries.push(summary);
    }
    for ((detector, signature, log), (messages, overflow)) in folded {
        let mut messages: Vec<Message> = messages.into_values().collect();
        messages.sort_by_key(|m| m.first.line);
        hits.buckets.push(Bucket {
            detector,
            signature,
            log,
            messages,
            overflow,
        });
    }
    hits.compose_services = compose_services;
    for ((rule, log, service), (messages, overflow)) in folded_rules {
        let mut messages: Vec<Message> = messages.into_values().collect();
        messages.sort_by_key(|m| m.first.line);
        hits.rules.push(RuleBucket {
            rule: &catalogue.rules[rule],
            log,
            service,
            messages,
            overflow,
        });
    }
    hits
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
