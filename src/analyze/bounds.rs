//! Keeps a report readable and its size bounded, whatever the bundle holds:
//! at most so many root causes, symptoms, dismissed findings, chronology
//! entries and input rows are listed; the rest are counted by kind and
//! the count is stated as a gap, so nothing is dropped without a word.
//!
//! Ranking has already happened: what is cut is always the least likely
//! causes, the least explained symptoms and the latest entries.

use std::collections::BTreeMap;

use super::rank::Ranked;
use super::timeline::Entry;
use crate::evidence::{Gap, Inventory};

pub const MAX_ROOT_CAUSES: usize = 50;
pub const MAX_SYMPTOMS: usize = 100;
pub const MAX_DISMISSED: usize = 50;
/// Symptoms a root cause's chain lists.
pub const MAX_CHAIN: usize = 20;
pub const MAX_TIMELINE: usize = 1000;
/// Rows of each input table (files read, ignored, problems).
pub const MAX_INPUT_ROWS: usize = 1000;

/// Cuts the ranked findings and the chronology to their limits; returns a
/// gap for each list that was cut.
pub fn fold(ranked: &mut Ranked, timeline: &mut Vec<Entry>) -> Vec<Gap> {
    let mut gaps = Vec::new();
    if ranked.root_causes.len() > MAX_ROOT_CAUSES {
        let rest = ranked.root_causes.split_off(MAX_ROOT_CAUSES);
        gaps.push(by_kind(
            "root causes",
            rest.iter().map(|r| r.finding.kind),
            MAX_ROOT_CAUSES,
        ));
    }
    if ranked.symptoms.len() > MAX_SYMPTOMS {
        let rest = ranked.symptoms.split_off(MAX_SYMPTOMS);
        gaps.push(by_kind(
            "symptoms",
            rest.iter().map(|s| s.finding.kind),
            MAX_SYMPTOMS,
        ));
    }
    let kept_symptoms = ranked.symptoms.len();
    for cause in &mut ranked.root_causes {
        // The chain starts with the cause itself, then one link a symptom.
        // Symptoms are listed in the order their links were made, so the
        // links kept are the first ones: the chain keeps the same.
        cause.explains.retain(|&i| i < kept_symptoms);
        cause.explains.truncate(MAX_CHAIN);
        cause.chain.truncate(cause.explains.len() + 1);
    }
    let ranks = ranked.root_causes.len();
    for symptom in &mut ranked.symptoms {
        if symptom.explained_by.is_some_and(|rank| rank > ranks) {
            symptom.explained_by = None;
            symptom.hops = None;
        }
    }
    if ranked.dismissed.len() > MAX_DISMISSED {
        let rest = ranked.dismissed.split_off(MAX_DISMISSED);
        gaps.push(by_kind(
            "findings seen but not blamed",
            rest.iter().map(|f| f.kind),
            MAX_DISMISSED,
        ));
    }
    if timeline.len() > MAX_TIMELINE {
        let rest = timeline.split_off(MAX_TIMELINE);
        gaps.push(Gap {
            what: format!("{} later chronology entries", rest.len()),
            why: format!(
                "the chronology lists its first {MAX_TIMELINE} entries; the last one not listed is at {}",
                rest.last().map(|e| e.time.to_rfc3339()).unwrap_or_default()
            ),
        });
    }
    gaps
}

/// Cuts each table of the inputs to [`MAX_INPUT_ROWS`], with a gap for each.
pub fn fold_inputs(inputs: &mut Inventory) -> Vec<Gap> {
    let mut gaps = Vec::new();
    cut_rows(&mut inputs.recognised, "files read", &mut gaps);
    cut_rows(&mut inputs.ignored, "files ignored", &mut gaps);
    cut_rows(&mut inputs.problems, "input problems", &mut gaps);
    gaps
}

fn cut_rows<T>(rows: &mut Vec<T>, what: &str, gaps: &mut Vec<Gap>) {
    if rows.len() > MAX_INPUT_ROWS {
        gaps.push(Gap {
            what: format!("{} more {what}", rows.len() - MAX_INPUT_ROWS),
            why: format!("the inputs list their first {MAX_INPUT_ROWS} {what}"),
        });
        rows.truncate(MAX_INPUT_ROWS);
    }
}

fn by_kind(what: &str, kinds: impl Iterator<Item = &'static str>, kept: usize) -> Gap {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for kind in kinds {
        *counts.entry(kind).or_default() += 1;
    }
    let total: usize = counts.values().sum();
    let list: Vec<String> = counts
        .iter()
        .map(|(kind, n)| format!("{kind} × {n}"))
        .collect();
    Gap {
        what: format!("{total} more {what}"),
        why: format!(
            "the report lists the first {kept} in rank order; not listed: {}",
            list.join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::summary::sample;

    #[test]
    fn thousands_of_findings_fold_into_counts_by_kind() {
        let (evidence, _) = sample::incident();
        let cause = {
            let (_, analysis) = sample::incident();
            analysis.root_causes[0].clone()
        };
        let mut ranked = Ranked {
            verdict: crate::analyze::Verdict::RootCauseIdentified,
            root_causes: (0..MAX_ROOT_CAUSES + 7)
                .map(|i| {
                    let mut c = cause.clone();
                    c.rank = i + 1;
                    c
                })
                .collect(),
            symptoms: Vec::new(),
            dismissed: Vec::new(),
        };
        // A cause that explains symptoms not listed keeps no link to them.
        ranked.root_causes[0].explains = vec![0, 1, 2];
        ranked.root_causes[0].chain = vec!["cause".into(), "a".into(), "b".into(), "c".into()];
        let mut timeline = Vec::new();
        let gaps = fold(&mut ranked, &mut timeline);
        assert_eq!(ranked.root_causes[0].explains, Vec::<usize>::new());
        assert_eq!(ranked.root_causes[0].chain, ["cause"]);
        assert_eq!(ranked.root_causes.len(), MAX_ROOT_CAUSES);
        assert_eq!(gaps.len(), 1);
        assert_eq!(gaps[0].what, "7 more root causes");
        assert!(
            gaps[0]
                .why
                .ends_with(&format!("{} × 7", cause.finding.kind)),
            "{}",
            gaps[0].why
        );
        let mut inputs = evidence.inventory.clone();
        inputs.recognised = vec![inputs.recognised[0].clone(); MAX_INPUT_ROWS + 2];
        let gaps = fold_inputs(&mut inputs);
        assert_eq!(inputs.recognised.len(), MAX_INPUT_ROWS);
        assert_eq!(gaps[0].what, "2 more files read");
    }
}
