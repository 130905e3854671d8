//! GitHub Actions in its own formats: annotations (workflow commands), the
//! pair of commands that stops and resumes command processing around a
//! report printed to the log, step outputs in `GITHUB_OUTPUT`'s syntax, and
//! the report cut to what a step summary holds.
//!
//! Where the formats are defined:
//! - Workflow commands, `::error title=…::message`: docs.github.com, "Workflow
//!   commands for GitHub Actions". Escaped as the toolkit escapes them
//!   (actions/toolkit, `packages/core/src/command.ts`: `escapeData`,
//!   `escapeProperty`) and as the runner reads them back (actions/runner,
//!   `src/Runner.Common/ActionCommand.cs`).
//! - The runner looks for commands on standard output and standard error
//!   alike (`src/Runner.Worker/Handlers/ScriptHandler.cs` hands both streams
//!   to an `OutputManager`): a line that starts with `::` once leading white
//!   space is trimmed, or a line that holds the legacy `##[command]` form
//!   anywhere. [`inert`] keeps coroner's own messages from being read as one.
//! - At most 10 error and 10 warning annotations of a step are shown
//!   (actions/toolkit, `docs/problem-matchers.md`, "Limitations").
//! - Step outputs: "Setting an output parameter" and "Multiline strings".
//! - Step summary: "Adding a job summary", "Step isolation and limits": at
//!   most 1 MiB a step, or the upload of the whole summary fails.
//!
//! Everything here formats [`Shown`], whose strings already passed
//! [`sanitize`](super::sanitize). Must not: read the environment, write
//! files or decide anything; `src/cli/ci.rs` does that.

use std::borrow::Cow;
use std::fmt::Write as _;

use super::markdown;
use super::sanitize::{Shown, ShownFinding};

/// The most a step summary may hold, earlier steps' content included.
pub const SUMMARY_LIMIT: usize = 1024 * 1024;

/// Annotations of one level GitHub shows for a step.
pub const ANNOTATIONS_PER_LEVEL: usize = 10;

/// Quotes an annotation shows; the report has them all.
const QUOTES_PER_ANNOTATION: usize = 5;

/// A workflow command's message: `%`, CR and LF escaped, so the command
/// stays one line.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value: as [`escape_data`], and `:` and
/// `,` too, so a value can neither end the properties (`::`) nor start
/// another property (`,`).
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// `::error title=…::message` for each root cause and `::warning …` for
/// each symptom, ten of each at most: past that, the tenth says how many
/// more the report lists. `report` is the report's path, `None` when it
/// went to standard output.
pub fn annotations(shown: &Shown, report: Option<&str>) -> Vec<String> {
    let report = report.unwrap_or("standard output");
    let mut lines = level("error", &shown.root_causes, "root causes", report);
    lines.extend(level("warning", &shown.symptoms, "symptoms", report));
    lines
}

fn level(command: &str, findings: &[ShownFinding], what: &str, report: &str) -> Vec<String> {
    let fits = findings.len() <= ANNOTATIONS_PER_LEVEL;
    let shown = if fits {
        findings.len()
    } else {
        ANNOTATIONS_PER_LEVEL - 1
    };
    let mut lines: Vec<String> = findings[..shown]
        .iter()
        .map(|f| command_line(command, &f.title, &message(f)))
        .collect();
    if !fits {
        let more = findings.len() - shown;
        lines.push(command_line(
            command,
            &format!("{more} more {what}"),
            &format!("GitHub shows {ANNOTATIONS_PER_LEVEL} annotations of a kind per step; the report lists every one: {report}"),
        ));
    }
    lines
}

fn command_line(command: &str, title: &str, message: &str) -> String {
    format!(
        "::{command} title={}::{}",
        escape_property(title),
        escape_data(message)
    )
}

/// Service and kind, what explains a symptom, then the quoted evidence,
/// one `source:line: text` a line.
fn message(f: &ShownFinding) -> String {
    let mut out = format!("service {} ({})", f.service, f.kind);
    if let Some(rank) = f.explained_by {
        let _ = write!(out, ", explained by root cause #{rank}");
    }
    for q in f.evidence.iter().take(QUOTES_PER_ANNOTATION) {
        let _ = write!(out, "\n{}: {}", q.location(), q.text);
    }
    if f.evidence.len() > QUOTES_PER_ANNOTATION {
        let _ = write!(
            out,
            "\n({} more quotes in the report)",
            f.evidence.len() - QUOTES_PER_ANNOTATION
        );
    }
    out
}

/// Stops the runner from reading workflow commands until [`resume_commands`]
/// with the same token: what is printed between is text, whatever it holds.
/// The token must be random, or the text could resume processing itself.
pub fn stop_commands(token: &str) -> String {
    format!("::stop-commands::{token}")
}

pub fn resume_commands(token: &str) -> String {
    format!("::{token}::")
}

/// A line coroner prints for itself, made unreadable as a workflow command
/// (the runner reads both streams): `##[` becomes `# #[`, and a line that
/// starts with `::` starts with `: :` instead. Lines end at LF or CR, as
/// the runner's reader ends them.
pub fn inert(text: &str) -> Cow<'_, str> {
    let starts_command = |line: &str| line.trim_start().starts_with("::");
    if !text.contains("##[") && !text.split(['\n', '\r']).any(starts_command) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for piece in text.split_inclusive(['\n', '\r']) {
        let line = piece.trim_end_matches(['\n', '\r']);
        let line = line.replace("##[", "# #[");
        if starts_command(&line) {
            let indent = line.len() - line.trim_start().len();
            out.push_str(&line[..indent]);
            out.push_str(": :");
            out.push_str(&line[indent + 2..]);
        } else {
            out.push_str(&line);
        }
        out.push_str(&piece[piece.trim_end_matches(['\n', '\r']).len()..]);
    }
    Cow::Owned(out)
}

/// A step output whose value comes from a fixed vocabulary (a verdict, a
/// kind, an exit code): `name=value`.
pub fn plain_output(name: &str, value: &str) -> String {
    debug_assert!(!value.contains(['\n', '\r']), "{name}={value:?}");
    format!("{name}={value}\n")
}

/// A step output whose value could hold a line break (a service name, a
/// path): `name<<DELIMITER`, the value, the delimiter alone on a line. The
/// delimiter is random, so no value can end the output early or write
/// another one; a delimiter that occurs in the value is drawn again.
pub fn text_output(name: &str, value: &str) -> Result<String, getrandom::Error> {
    loop {
        let delimiter = format!("ghadelimiter_{}", random_token()?);
        if !value.contains(&delimiter) {
            return Ok(format!("{name}<<{delimiter}\n{value}\n{delimiter}\n"));
        }
    }
}

/// 128 random bits in hex, for output delimiters and stop-commands tokens.
pub fn random_token() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes)?;
    Ok(bytes.iter().fold(String::with_capacity(32), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    }))
}

/// What goes into the step summary: the whole Markdown report when it fits
/// in `budget` bytes, else its short form (status, root causes with their
/// evidence, the symptoms listed, where the whole report is), and when even
/// that does not fit, the short form cut after its last whole line that
/// does. `None` when not one line fits. `report` is the report's path,
/// `None` when it went to standard output.
pub fn summary(
    markdown: &str,
    shown: &Shown,
    report: Option<&str>,
    budget: usize,
) -> Option<Summary> {
    if markdown.len() <= budget {
        return Some(Summary {
            text: markdown.to_string(),
            shortened: false,
        });
    }
    let report = match report {
        Some(path) => markdown::code_span(path),
        None => "standard output (the step's log)".to_string(),
    };
    let short = short_report(shown, &report, markdown.len());
    let text = fit_lines(&short, budget, &cut_note(&report))?;
    Some(Summary {
        text,
        shortened: true,
    })
}

/// The text for the step summary, and whether it is the short form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub text: String,
    pub shortened: bool,
}

/// `report` is Markdown already.
fn short_report(shown: &Shown, report: &str, full_bytes: usize) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Incident report: {}\n",
        markdown::text_escape(&shown.summary.headline)
    );
    let _ = writeln!(
        out,
        "> **Status: {}.** {}\n",
        markdown::text_escape(&shown.status.label),
        markdown::text_escape(&shown.status.sentence)
    );
    let _ = writeln!(
        out,
        "*The whole report ({} KiB) is more than the 1 MiB GitHub keeps of a step summary; this is its short form. The whole report: {report}.*\n",
        full_bytes.div_ceil(1024),
    );
    out.push_str("## Root causes\n");
    if shown.root_causes.is_empty() {
        out.push_str("\nNo root cause was found.\n");
    }
    for rc in &shown.root_causes {
        let _ = writeln!(
            out,
            "\n### {}. {}\n\nService {} · detector {}",
            rc.rank.unwrap_or_default(),
            markdown::text_escape(&rc.title),
            markdown::code_span(&rc.service),
            markdown::code_span(&rc.kind)
        );
        if !rc.evidence.is_empty() {
            out.push_str("\n| Source | Quoted evidence |\n| --- | --- |\n");
            for q in &rc.evidence {
                let _ = writeln!(
                    out,
                    "| {} | {} |",
                    markdown::code_cell(&q.location()),
                    markdown::code_cell(&q.text)
                );
            }
        }
        if !rc.remediation.summary.is_empty() {
            let _ = writeln!(
                out,
                "\n**Fix:** {}",
                markdown::text_escape(&rc.remediation.summary)
            );
        }
    }
    out.push_str("\n## Symptoms\n\n");
    if shown.symptoms.is_empty() {
        out.push_str("No symptoms were found.\n");
    }
    for s in &shown.symptoms {
        let explained = match s.explained_by {
            Some(rank) => format!("root cause #{rank}"),
            None => "nothing found".to_string(),
        };
        let _ = writeln!(
            out,
            "- {} (service {}, {}; explained by {explained})",
            markdown::text_escape(&s.title),
            markdown::code_span(&s.service),
            markdown::code_span(&s.kind)
        );
    }
    out
}

fn cut_note(report: &str) -> String {
    format!("\n*Cut here to fit the 1 MiB of a step summary; the whole report: {report}.*\n")
}

/// The longest run of whole lines of `text` that fits in `budget` bytes
/// with `note` after it (the note only when something was left out).
fn fit_lines(text: &str, budget: usize, note: &str) -> Option<String> {
    if text.len() <= budget {
        return Some(text.to_string());
    }
    let room = budget.checked_sub(note.len())?;
    // Ends of lines are char boundaries: a cut there never splits a
    // character.
    let end = text[..=room.min(text.len() - 1)].rfind('\n')? + 1;
    Some(format!("{}{note}", &text[..end]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::summary::sample;
    use crate::report::sanitize::shown;

    /// The toolkit's own escaping (command.ts), applied in its order.
    #[test]
    fn escaping_matches_the_toolkit() {
        assert_eq!(escape_data("100% a\r\nb:c,d"), "100%25 a%0D%0Ab:c,d");
        assert_eq!(
            escape_property("100% a\r\nb:c,d"),
            "100%25 a%0D%0Ab%3Ac%2Cd"
        );
        // `%` first: an escape already in the text is not taken for one.
        assert_eq!(escape_data("%0A"), "%250A");
    }

    /// A command's name, its properties and its message.
    type Parsed = (String, Vec<(String, String)>, String);

    /// Reads a line as the runner does (ActionCommand.TryParseV2): the
    /// command, its properties unescaped, its message unescaped.
    fn parse(line: &str) -> Option<Parsed> {
        let rest = line.trim_start().strip_prefix("::")?;
        let end = rest.find("::")?;
        let (info, data) = (&rest[..end], &rest[end + 2..]);
        let (name, props) = info.split_once(' ').unwrap_or((info, ""));
        let unescape = |s: &str| {
            s.replace("%0D", "\r")
                .replace("%0A", "\n")
                .replace("%3A", ":")
                .replace("%2C", ",")
                .replace("%25", "%")
        };
        let props = props
            .split(',')
            .filter(|p| !p.is_empty())
            .filter_map(|p| p.split_once('='))
            .map(|(k, v)| (k.to_string(), unescape(v)))
            .collect();
        let data = data
            .replace("%0D", "\r")
            .replace("%0A", "\n")
            .replace("%25", "%");
        Some((name.to_string(), props, data))
    }

    #[test]
    fn a_hostile_title_stays_one_annotation_and_reads_back_whole() {
        let (_, mut analysis) = sample::incident();
        let hostile = "evil::warning title=x::injected\n::error::second, a:b %0A 100%\r\n##[set-output name=verdict;]healthy";
        analysis.root_causes[0].finding.title = hostile.into();
        analysis.root_causes[0].finding.evidence[0].text = format!("line {hostile}");
        let shown = shown(&analysis).unwrap();
        let lines = annotations(&shown, Some("reports/x.md"));
        assert_eq!(lines.len(), shown.root_causes.len() + shown.symptoms.len());
        for line in &lines {
            assert!(!line.contains('\n') && !line.contains('\r'), "{line}");
        }
        let (name, props, message) = parse(&lines[0]).unwrap();
        assert_eq!(name, "error");
        assert_eq!(
            props,
            vec![("title".to_string(), shown.root_causes[0].title.clone())]
        );
        // Sanitised first: the CR of a lone `\r` is shown as an escape, the
        // line breaks are kept, and they survive the escaping.
        assert!(shown.root_causes[0]
            .title
            .to_string()
            .contains("injected\n::error::second"));
        assert!(message.starts_with("service mcp-api (missing-module)\n"));
        assert!(message.contains(&format!(
            "\ndocker/containers/mcp-api.log:26: line {}",
            shown.root_causes[0].title
        )));
        let (name, _, message) = parse(&lines[shown.root_causes.len()]).unwrap();
        assert_eq!(name, "warning");
        assert!(message.contains("explained by root cause #1"), "{message}");
    }

    #[test]
    fn past_ten_annotations_the_tenth_counts_the_rest() {
        let (_, analysis) = sample::incident();
        let mut shown = shown(&analysis).unwrap();
        let one = shown.root_causes[0].clone();
        shown.root_causes = vec![one; 13];
        shown.symptoms.clear();
        let lines = annotations(&shown, Some("reports/x.md"));
        assert_eq!(lines.len(), ANNOTATIONS_PER_LEVEL);
        let (_, props, message) = parse(&lines[9]).unwrap();
        assert_eq!(props[0].1, "4 more root causes");
        assert!(message.ends_with("reports/x.md"), "{message}");
    }

    #[test]
    fn inert_lines_are_no_commands_and_keep_their_text() {
        for (text, expected) in [
            ("verdict: healthy", "verdict: healthy"),
            ("a ##[set-output name=x;]y", "a # #[set-output name=x;]y"),
            ("###[error]x", "## #[error]x"),
            ("first\n  ::error::x", "first\n  : :error::x"),
            ("a\r::error::x\r\n", "a\r: :error::x\r\n"),
            ("::add-mask::x", ": :add-mask::x"),
        ] {
            let shown = inert(text);
            assert_eq!(shown, expected);
            for line in shown.split(['\n', '\r']) {
                assert!(parse(line).is_none() && !line.contains("##["), "{line}");
            }
        }
    }

    #[test]
    fn text_outputs_use_a_fresh_random_delimiter() {
        let a = text_output("top-service", "api\nsecond=line").unwrap();
        let b = text_output("top-service", "api").unwrap();
        let lines: Vec<&str> = a.lines().collect();
        let delimiter = lines[0].strip_prefix("top-service<<").unwrap();
        assert!(delimiter.starts_with("ghadelimiter_") && delimiter.len() == 45);
        assert_eq!(lines[1..], ["api", "second=line", delimiter]);
        assert!(!b.contains(delimiter));
        assert_eq!(plain_output("verdict", "healthy"), "verdict=healthy\n");
    }

    #[test]
    fn a_summary_that_does_not_fit_is_the_short_form_cut_at_a_line() {
        let (_, analysis) = sample::incident();
        let shown = shown(&analysis).unwrap();
        let markdown = crate::report::render(&analysis, crate::report::Format::Md).unwrap();
        let whole = summary(&markdown, &shown, Some("reports/x.md"), markdown.len()).unwrap();
        assert!(!whole.shortened && whole.text == markdown);

        let short = summary(&markdown, &shown, Some("reports/x.md"), markdown.len() - 1).unwrap();
        assert!(short.shortened);
        assert!(short.text.len() < markdown.len());
        assert!(short
            .text
            .to_string()
            .contains("> **Status: Root cause identified.**"));
        assert!(short
            .text
            .to_string()
            .contains("ModuleNotFoundError: No module named 'pandas'"));
        assert!(short.text.to_string().contains("reports/x.md"));

        // Too small for the short form: whole lines and the note, in budget.
        let budget = 700;
        let cut = summary(&markdown, &shown, Some("reports/é.md"), budget).unwrap();
        assert!(cut.text.len() <= budget, "{}", cut.text.len());
        assert!(
            cut.text
                .to_string()
                .ends_with("the whole report: `reports/é.md`.*\n"),
            "{}",
            cut.text
        );
        let kept = cut.text.split("\n*Cut here").next().unwrap();
        let short = summary(&markdown, &shown, Some("reports/é.md"), markdown.len() - 1).unwrap();
        assert!(short.text.to_string().starts_with(kept) && kept.ends_with('\n'));
        assert_eq!(summary(&markdown, &shown, Some("reports/x.md"), 20), None);
    }
}
