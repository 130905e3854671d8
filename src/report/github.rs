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
//! [`sanitize`](super::sanitize), with the catalogue's words (`ci-…`, and
//! the report's own for what the short form shares with it) in the
//! report's language. Must not: read the environment, write files or
//! decide anything; `src/cli/ci.rs` does that.

use std::borrow::Cow;
use std::fmt::Write as _;

use super::markdown;
use super::sanitize::{Shown, ShownFinding};
use crate::locale::{self, Arg, Localizer, Text};

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
    let words = locale::current();
    let report = match report {
        Some(path) => path.to_string(),
        None => words.message("ci-standard-output", &[]),
    };
    let mut lines = level(
        &words,
        "error",
        &shown.root_causes,
        "ci-more-root-causes",
        &report,
    );
    lines.extend(level(
        &words,
        "warning",
        &shown.symptoms,
        "ci-more-symptoms",
        &report,
    ));
    lines
}

/// `more` is the message saying how many more findings the report lists.
fn level(
    words: &Localizer,
    command: &str,
    findings: &[ShownFinding],
    more: &'static str,
    report: &str,
) -> Vec<String> {
    let fits = findings.len() <= ANNOTATIONS_PER_LEVEL;
    let shown = if fits {
        findings.len()
    } else {
        ANNOTATIONS_PER_LEVEL - 1
    };
    let mut lines: Vec<String> = findings[..shown]
        .iter()
        .map(|f| command_line(command, &f.title, &message(words, f)))
        .collect();
    if !fits {
        let count = (findings.len() - shown) as u64;
        lines.push(command_line(
            command,
            &words.text(&Text::msg(more).with("count", count)),
            &words.text(
                &Text::msg("ci-annotation-limit")
                    .with("limit", ANNOTATIONS_PER_LEVEL as u64)
                    .with("report", Arg::Code(report.to_string())),
            ),
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
fn message(words: &Localizer, f: &ShownFinding) -> String {
    let mut out = words.text(
        &Text::msg("ci-annotation-service")
            .with("service", Arg::Code(f.service.clone()))
            .with("kind", Arg::Code(f.kind.clone())),
    );
    if let Some(rank) = f.explained_by {
        out.push_str(&words.text(&Text::msg("ci-annotation-explained").with("rank", rank as u64)));
    }
    for q in f.evidence.iter().take(QUOTES_PER_ANNOTATION) {
        let _ = write!(out, "\n{}: {}", q.location(), q.text);
    }
    if f.evidence.len() > QUOTES_PER_ANNOTATION {
        let more = (f.evidence.len() - QUOTES_PER_ANNOTATION) as u64;
        out.push('\n');
        out.push_str(&words.text(&Text::msg("ci-annotation-more-quotes").with("count", more)));
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
    let words = locale::current();
    let report = match report {
        Some(path) => markdown::code_span(path),
        None => words.message("ci-summary-standard-output", &[]),
    };
    let short = short_report(&words, shown, &report, markdown.len());
    let cut_note = words.message("ci-summary-cut", &[("report", &report)]);
    let text = fit_lines(&short, budget, &format!("\n*{cut_note}*\n"))?;
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

/// `report` is Markdown already. The words are the report's own messages
/// (and `ci-…` for what only the short form says), so it reads as the
/// report it stands for.
fn short_report(words: &Localizer, shown: &Shown, report: &str, full_bytes: usize) -> String {
    // Catalogue text is ours; only the values inside are escaped.
    let say = |id: &'static str| words.message(id, &[]);
    let code = |value: &str| Arg::Code(markdown::code_span(value));
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}\n",
        words.text(&Text::msg("report-title").with(
            "headline",
            Arg::Code(markdown::text_escape(&shown.summary.headline))
        ))
    );
    let _ = writeln!(
        out,
        "> **{}.** {}\n",
        words.text(&Text::msg("report-status").with(
            "label",
            Arg::Code(markdown::text_escape(&shown.status.label))
        )),
        markdown::text_escape(&shown.status.sentence)
    );
    let _ = writeln!(
        out,
        "*{}*\n",
        words.text(
            &Text::msg("ci-summary-short-form")
                .with("size", full_bytes.div_ceil(1024) as u64)
                .with("report", Arg::Code(report.to_string()))
        )
    );
    let _ = writeln!(out, "## {}", say("report-heading-root-causes"));
    if shown.root_causes.is_empty() {
        let _ = writeln!(out, "\n{}", say("report-no-root-cause"));
    }
    for rc in &shown.root_causes {
        let _ = writeln!(
            out,
            "\n### {}. {}\n\n{} · {}",
            rc.rank.unwrap_or_default(),
            markdown::text_escape(&rc.title),
            words.text(&Text::msg("report-fact-service").with("service", code(&rc.service))),
            words.text(&Text::msg("report-fact-detector").with("kind", code(&rc.kind)))
        );
        if !rc.evidence.is_empty() {
            let _ = write!(
                out,
                "\n| {} | {} |\n| --- | --- |\n",
                say("report-col-source"),
                say("report-col-quoted-evidence")
            );
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
                "\n**{}** {}",
                say("report-fix"),
                markdown::text_escape(&rc.remediation.summary)
            );
        }
    }
    let _ = write!(out, "\n## {}\n\n", say("report-heading-symptoms"));
    if shown.symptoms.is_empty() {
        let _ = writeln!(out, "{}", say("report-no-symptoms"));
    }
    for s in &shown.symptoms {
        let explained = match s.explained_by {
            Some(rank) => {
                words.text(&Text::msg("report-explained-by-cause").with("rank", rank as u64))
            }
            None => say("report-explained-by-nothing"),
        };
        let _ = writeln!(
            out,
            "- {}",
            words.text(
                &Text::msg("ci-summary-symptom")
                    .with("title", Arg::Code(markdown::text_escape(&s.title)))
                    .with("service", code(&s.service))
                    .with("kind", code(&s.kind))
                    .with("explained", Arg::Code(explained))
            )
        );
    }
    out
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

    #[test]
    fn the_short_form_and_annotations_speak_the_report_s_language() {
        let (_, analysis) = sample::incident();
        let fr = crate::locale::get("fr").unwrap();
        let (short, lines) = crate::locale::in_language(&fr, || {
            let shown = shown(&analysis).unwrap();
            let markdown = crate::report::render(&analysis, crate::report::Format::Md).unwrap();
            let short = summary(&markdown, &shown, None, markdown.len() - 1).unwrap();
            (short.text, annotations(&shown, None))
        });
        assert!(short.starts_with("# Rapport d'incident\u{a0}: "), "{short}");
        assert!(short.contains("\n## Causes racines\n"), "{short}");
        assert!(
            short.contains("Service `mcp-api` · détecteur `missing-module`"),
            "{short}"
        );
        assert!(
            short.contains("sortie standard (le journal de l'étape)"),
            "{short}"
        );
        assert!(
            short.contains("\u{202f}; expliqué par cause racine nº 1)"),
            "{short}"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.contains(", expliqué par la cause racine nº 1")),
            "{lines:#?}"
        );
    }
}
