//! Incident reports kept in a repository (`investigate --docs DIR`).
//!
//! Owns the text of such a directory: the YAML front matter at the top of
//! each report (what Jekyll, Hugo, MkDocs and Docusaurus read: `title`,
//! `date`, `tags`), reading it back from earlier reports, which root causes
//! recur, and the index table kept in the directory's README.md or
//! index.md. It lists, reads and writes no file: the command line does, and
//! hands the texts over. Everything it writes goes through [`sanitize`] and
//! the Markdown engine's escaping, earlier reports' front matter included:
//! a file in the directory is no more trusted than evidence.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::{render_model, render_template, sanitize, sanitized_model, Format, ReportError};
use crate::analyze::{About, Analysis, SeenBefore};
use crate::evidence::redact::Renumbering;

/// `generator:` in the front matter: how coroner's reports are told apart
/// from the other pages of the directory.
pub const GENERATOR: &str = "coroner";
/// The index table sits between these lines; the rest of the index file is
/// the team's own and is kept as it is.
pub const INDEX_START: &str = "<!-- coroner:incidents:start -->";
pub const INDEX_END: &str = "<!-- coroner:incidents:end -->";

/// What a report in the directory says of itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: String,
    /// `YYYY-MM-DD`, the end of the incident's window (or `undated`).
    pub date: String,
    pub verdict: String,
    /// Services with a root cause or a symptom.
    #[serde(default)]
    pub services: Vec<String>,
    /// The kinds of the root causes, in rank order.
    #[serde(default)]
    pub causes: Vec<String>,
    /// `incident` and the kinds: what sites list pages by.
    #[serde(default)]
    pub tags: Vec<String>,
    /// The root causes' fingerprints: how a recurrence is recognised.
    #[serde(default)]
    pub fingerprints: Vec<String>,
    /// The window and host: two incidents of the same day and cause are two
    /// reports when these differ, and one regenerated report when they do not.
    #[serde(default)]
    pub since: Option<String>,
    #[serde(default)]
    pub until: Option<String>,
    #[serde(default)]
    pub host: Option<String>,
    /// Earlier reports of the same root causes, by file.
    #[serde(default)]
    pub seen_before: Vec<String>,
    pub generator: String,
}

impl FrontMatter {
    /// Whether this report is of the incident `about` describes (the same
    /// window and host): regenerating it replaces it.
    pub fn describes(&self, about: &About) -> bool {
        (
            self.since.as_deref(),
            self.until.as_deref(),
            self.host.as_deref(),
        ) == (
            about.since.as_deref(),
            about.until.as_deref(),
            about.host.as_deref(),
        )
    }
}

/// A report of the directory: its file name and its front matter.
#[derive(Debug, Clone)]
pub struct Entry {
    pub file: String,
    pub front_matter: FrontMatter,
}

impl Entry {
    /// Reports are ordered by date, end of window, then file name:
    /// "earlier" means before in this order, so regenerating a report never
    /// changes what it says was seen before it.
    fn order(&self) -> (&str, &str, &str) {
        let f = &self.front_matter;
        (&f.date, f.until.as_deref().unwrap_or_default(), &self.file)
    }
}

/// A report and its front matter, ready to be written.
#[derive(Debug)]
pub struct Incident {
    pub front_matter: FrontMatter,
    pub text: String,
}

#[derive(Debug, thiserror::Error)]
pub enum FrontMatterError {
    #[error("the front matter is not YAML: {0}")]
    Yaml(String),
    #[error("front matter field {field}: {message}")]
    Field { field: String, message: String },
}

/// The front matter of a report of the directory, `None` for a page coroner
/// did not write (no front matter, or another `generator`).
pub fn read_front_matter(text: &str) -> Result<Option<FrontMatter>, FrontMatterError> {
    let Some(rest) = text.strip_prefix("---\n") else {
        return Ok(None);
    };
    let Some(end) = rest.find("\n---\n") else {
        return Ok(None);
    };
    let yaml: serde_yaml_ng::Value =
        serde_yaml_ng::from_str(&rest[..end]).map_err(|e| FrontMatterError::Yaml(e.to_string()))?;
    if yaml.get("generator").and_then(|g| g.as_str()) != Some(GENERATOR) {
        return Ok(None);
    }
    serde_path_to_error::deserialize(yaml)
        .map(Some)
        .map_err(|e| FrontMatterError::Field {
            field: e.path().to_string(),
            message: e.inner().to_string(),
        })
}

/// The earlier reports (in [`Entry::order`]) that had a root cause of this
/// analysis, oldest first; `file` is the name this report will have.
pub fn seen_before(analysis: &Analysis, file: &str, others: &[Entry]) -> Vec<SeenBefore> {
    let about = &analysis.about;
    let this = (
        about.date.as_str(),
        about.until.as_deref().unwrap_or_default(),
        file,
    );
    let ours: BTreeSet<&str> = analysis
        .root_causes
        .iter()
        .map(|c| c.finding.fingerprint.as_str())
        .collect();
    let mut earlier: Vec<&Entry> = others.iter().filter(|e| e.order() < this).collect();
    earlier.sort_by(|a, b| a.order().cmp(&b.order()));
    earlier
        .into_iter()
        .flat_map(|e| {
            e.front_matter
                .fingerprints
                .iter()
                .filter(|f| ours.contains(f.as_str()))
                .map(move |f| SeenBefore {
                    fingerprint: f.clone(),
                    date: e.front_matter.date.clone(),
                    title: e.front_matter.title.clone(),
                    report: e.file.clone(),
                })
        })
        .collect()
}

/// The Markdown report with its front matter.
pub fn render(analysis: &Analysis) -> Result<Incident, ReportError> {
    let (model, mut numbers) = sanitized_model(analysis)?;
    let front_matter = front_matter_of(&model);
    let body = render_model(analysis, model, &mut numbers, Format::Md)?;
    let text = format!("{}{body}", front_matter_text(&front_matter));
    Ok(Incident { front_matter, text })
}

/// Read from the sanitised model, so the front matter says what the report
/// below it says, with the same secret numbers.
fn front_matter_of(model: &Value) -> FrontMatter {
    let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
    let list = |key: &str| model[key].as_array().map(Vec::as_slice).unwrap_or_default();
    let causes = list("root_causes");
    let mut services: Vec<String> = causes
        .iter()
        .chain(list("symptoms"))
        .map(|f| text(&f["service"]))
        .collect();
    services.sort();
    services.dedup();
    let mut kinds: Vec<String> = Vec::new();
    let mut fingerprints: Vec<String> = Vec::new();
    for c in causes {
        for (into, value) in [
            (&mut kinds, &c["kind"]),
            (&mut fingerprints, &c["fingerprint"]),
        ] {
            let value = text(value);
            if !into.contains(&value) {
                into.push(value);
            }
        }
    }
    let optional = |v: &Value| v.as_str().map(str::to_string);
    FrontMatter {
        title: text(&model["summary"]["headline"]),
        date: text(&model["about"]["date"]),
        verdict: text(&model["verdict"]),
        services,
        tags: std::iter::once("incident".to_string())
            .chain(kinds.iter().cloned())
            .collect(),
        causes: kinds,
        fingerprints,
        since: optional(&model["about"]["since"]),
        until: optional(&model["about"]["until"]),
        host: optional(&model["about"]["host"]),
        seen_before: model["seen_before"]
            .as_array()
            .map(|s| {
                let mut files: Vec<String> = s.iter().map(|s| text(&s["report"])).collect();
                files.dedup();
                files
            })
            .unwrap_or_default(),
        generator: GENERATOR.to_string(),
    }
}

/// YAML written by hand, every string double-quoted as JSON quotes it (a
/// JSON string is a YAML double-quoted scalar), so no value can end the
/// block or start a key. A date is left plain: sites read it as a date.
fn front_matter_text(f: &FrontMatter) -> String {
    let quoted = |s: &str| serde_json::to_string(s).unwrap_or_default();
    let list = |items: &[String]| {
        let items: Vec<String> = items.iter().map(|i| quoted(i)).collect();
        format!("[{}]", items.join(", "))
    };
    let is_date = f.date.len() == 10
        && f.date.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    let mut out = String::from("---\n");
    out.push_str(&format!("title: {}\n", quoted(&f.title)));
    out.push_str(&format!(
        "date: {}\n",
        if is_date {
            f.date.clone()
        } else {
            quoted(&f.date)
        }
    ));
    out.push_str(&format!("verdict: {}\n", quoted(&f.verdict)));
    out.push_str(&format!("services: {}\n", list(&f.services)));
    out.push_str(&format!("causes: {}\n", list(&f.causes)));
    out.push_str(&format!("tags: {}\n", list(&f.tags)));
    out.push_str(&format!("fingerprints: {}\n", list(&f.fingerprints)));
    for (key, value) in [("since", &f.since), ("until", &f.until), ("host", &f.host)] {
        if let Some(value) = value {
            out.push_str(&format!("{key}: {}\n", quoted(value)));
        }
    }
    if !f.seen_before.is_empty() {
        out.push_str(&format!("seen_before: {}\n", list(&f.seen_before)));
    }
    out.push_str(&format!("generator: {}\n---\n", quoted(&f.generator)));
    out
}

/// The index file: `existing` with its table between [`INDEX_START`] and
/// [`INDEX_END`] replaced by one listing `entries`, or a new page when
/// there is none (or no table in it yet, which is then added at its end).
pub fn index(existing: Option<&str>, entries: &[Entry]) -> Result<String, ReportError> {
    let table = index_table(entries)?;
    let block = format!("{INDEX_START}\n{table}{INDEX_END}\n");
    Ok(match existing {
        None => {
            let words = crate::locale::current();
            format!(
                "# {}\n\n{}\n\n{block}",
                words.message("docs-index-title", &[]),
                words.message("docs-index-intro", &[])
            )
        }
        Some(text) => match (text.find(INDEX_START), text.find(INDEX_END)) {
            (Some(start), Some(end)) if start < end => {
                let after = &text[end + INDEX_END.len()..];
                format!(
                    "{}{block}{}",
                    &text[..start],
                    after.strip_prefix('\n').unwrap_or(after)
                )
            }
            _ => {
                let separator = if text.is_empty() || text.ends_with("\n\n") {
                    ""
                } else if text.ends_with('\n') {
                    "\n"
                } else {
                    "\n\n"
                };
                format!("{text}{separator}{block}")
            }
        },
    })
}

/// The table of incidents, newest first, and the causes that recurred.
fn index_table(entries: &[Entry]) -> Result<String, ReportError> {
    let mut ordered: Vec<&Entry> = entries.iter().collect();
    ordered.sort_by(|a, b| a.order().cmp(&b.order()));
    // fingerprint → reports that had it, oldest first.
    let mut seen: BTreeMap<&str, Vec<&Entry>> = BTreeMap::new();
    let mut incidents = Vec::new();
    for e in &ordered {
        let recurring: Vec<Value> = e
            .front_matter
            .fingerprints
            .iter()
            .filter_map(|f| {
                let before = seen.get(f.as_str()).map_or(0, Vec::len);
                (before > 0).then(|| json!({"fingerprint": f, "occurrence": before + 1}))
            })
            .collect();
        for f in &e.front_matter.fingerprints {
            seen.entry(f.as_str()).or_default().push(e);
        }
        incidents.push(json!({
            "date": e.front_matter.date,
            "title": e.front_matter.title,
            "file": e.file,
            "verdict": e.front_matter.verdict,
            "services": e.front_matter.services,
            "causes": e.front_matter.causes,
            "recurring": recurring,
        }));
    }
    incidents.reverse();
    let mut recurring: Vec<Value> = seen
        .iter()
        .filter(|(_, reports)| reports.len() > 1)
        .map(|(fingerprint, reports)| {
            json!({
                "fingerprint": fingerprint,
                "count": reports.len(),
                "first": reports.first().map(|e| &e.front_matter.date),
                "last": reports.last().map(|e| &e.front_matter.date),
                "reports": reports.iter().map(|e| json!({"date": e.front_matter.date, "file": e.file})).collect::<Vec<_>>(),
            })
        })
        .collect();
    recurring.sort_by_key(|r| std::cmp::Reverse(r["count"].as_u64()));
    let mut model = json!({"incidents": incidents, "recurring": recurring});
    sanitize::model(&mut model, &mut Renumbering::default());
    render_template(model, String::new(), "incidents.md")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::summary::sample;

    fn entry(file: &str, date: &str, fingerprints: &[&str]) -> Entry {
        Entry {
            file: file.to_string(),
            front_matter: FrontMatter {
                title: format!("incident of {date}"),
                date: date.to_string(),
                verdict: "root-cause-identified".into(),
                services: vec!["db".into()],
                causes: vec!["config-invalid".into()],
                tags: vec![],
                fingerprints: fingerprints.iter().map(|f| f.to_string()).collect(),
                since: None,
                until: None,
                host: None,
                seen_before: vec![],
                generator: GENERATOR.into(),
            },
        }
    }

    #[test]
    fn the_front_matter_reads_back_as_written_whatever_the_title_holds() {
        let (_, mut analysis) = sample::incident();
        analysis.write_up.summary.headline =
            "api: \"quoted\"\n---\nkey: injected # and a ': colon'".into();
        let incident = render(&analysis).unwrap();
        let read = read_front_matter(&incident.text)
            .unwrap()
            .expect("coroner's own front matter");
        assert_eq!(read, incident.front_matter);
        assert!(
            read.title.to_string().contains("key: injected"),
            "{}",
            read.title
        );
        assert_eq!(read.date, analysis.about.date);
        assert!(!read.fingerprints.is_empty());
        assert_eq!(read.tags[0], "incident");
        // The block ends where coroner ended it: the report follows.
        let (_, body) = incident.text[4..].split_once("\n---\n").unwrap();
        assert!(body.starts_with("# Incident report: "), "{body}");
    }

    #[test]
    fn pages_coroner_did_not_write_are_not_reports_and_bad_fields_are_named() {
        assert_eq!(read_front_matter("# Runbook\n").unwrap(), None);
        assert_eq!(
            read_front_matter("---\ntitle: x\n---\n# Page\n").unwrap(),
            None
        );
        let wrong = "---\ntitle: x\ndate: 2026-01-01\nverdict: healthy\nfingerprints: 3\ngenerator: coroner\n---\n";
        let err = read_front_matter(wrong).unwrap_err().to_string();
        assert!(err.contains("fingerprints"), "{err}");
        let broken = "---\ntitle: [unclosed\ngenerator: coroner\n---\n";
        assert!(read_front_matter(broken).is_err());
    }

    #[test]
    fn only_earlier_reports_count_as_seen_before() {
        let (_, analysis) = sample::incident();
        let fingerprint = analysis.root_causes[0].finding.fingerprint.clone();
        let others = [
            entry("2026-10-10-a.md", "2026-10-10", &[&fingerprint]),
            entry("2026-10-11-b.md", "2026-10-11", &["other:x"]),
            entry("2099-01-01-later.md", "2099-01-01", &[&fingerprint]),
        ];
        let seen = seen_before(&analysis, "2026-11-27-x.md", &others);
        assert_eq!(seen.len(), 1);
        assert_eq!(seen[0].report, "2026-10-10-a.md");
        assert_eq!(seen[0].fingerprint, fingerprint);
    }

    #[test]
    fn the_index_keeps_the_team_s_text_and_counts_recurrences() {
        let entries = [
            entry("2026-10-10-a.md", "2026-10-10", &["config-invalid:db:x"]),
            entry(
                "2026-11-01-b|c.md",
                "2026-11-01",
                &["config-invalid:db:x", "oom:y"],
            ),
            entry("2026-11-02-d.md", "2026-11-02", &["config-invalid:db:x"]),
        ];
        let page = "# Our incidents\n\nRead these before a deploy.\n";
        let first = index(Some(page), &entries).unwrap();
        assert!(first.starts_with(page), "{first}");
        assert!(
            first.contains("| 3 |"),
            "three occurrences counted: {first}"
        );
        assert!(
            first.contains("2026-11-01-b%7Cc.md"),
            "link targets are encoded: {first}"
        );
        // Regenerating replaces the table and nothing else.
        let again = index(Some(&first), &entries).unwrap();
        assert_eq!(again, first);
        let fewer = index(Some(&first), &entries[..1]).unwrap();
        assert!(
            fewer.starts_with(page) && !fewer.contains("oom:y"),
            "{fewer}"
        );
        assert_eq!(fewer.matches(INDEX_START).count(), 1);
    }

    #[test]
    fn a_new_index_page_is_written_in_the_report_s_language() {
        let fr = crate::locale::get("fr").unwrap();
        let entries = [
            entry("a.md", "2026-11-20", &["fp-1"]),
            entry("b.md", "2026-11-27", &["fp-1"]),
        ];
        let page = crate::locale::in_language(&fr, || index(None, &entries).unwrap());
        assert!(
            page.starts_with("# Incidents\n\nRapports post-incident écrits par coroner"),
            "{page}"
        );
        assert!(
            page.contains("| Date | Incident | Services | Causes racines | Récurrence |"),
            "{page}"
        );
        assert!(page.contains("`fp-1`\u{a0}: occurrence nº 2"), "{page}");
        assert!(
            page.contains("**Causes racines vues plusieurs fois**"),
            "{page}"
        );
    }
}
