//! Renders an [`Analysis`] as Markdown, HTML or JSON.
//!
//! Renderers decide nothing: every judgement is already in the analysis.
//! Markdown and HTML come from the tera templates in `templates/`, compiled
//! into the binary so it runs anywhere.

pub mod chart;
pub mod docs;
mod filters;
pub mod github;
pub mod html;
pub mod junit;
pub mod markdown;
pub mod sanitize;
pub mod schema;

use std::path::Path;
use std::sync::LazyLock;

use schemars::JsonSchema;
use serde::Serialize;
use tera::Tera;

use crate::analyze::compare::Comparison;
use crate::analyze::Analysis;
use crate::evidence::redact::Renumbering;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Md,
    Html,
    Json,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Json => "json",
        }
    }

    /// The format a file name asks for, by its extension.
    pub fn from_path(path: &Path) -> Option<Format> {
        match path.extension()?.to_str()? {
            "md" | "markdown" => Some(Format::Md),
            "html" | "htm" => Some(Format::Html),
            "json" => Some(Format::Json),
            _ => None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("template error: {0}")]
    Template(String),
    #[error("cannot serialise the analysis: {0}")]
    Json(#[from] serde_json::Error),
}

impl From<tera::Error> for ReportError {
    fn from(e: tera::Error) -> Self {
        // tera hides the useful part of the message in the source chain.
        let mut message = e.to_string();
        let mut source = std::error::Error::source(&e);
        while let Some(s) = source {
            message.push_str(": ");
            message.push_str(&s.to_string());
            source = s.source();
        }
        ReportError::Template(message)
    }
}

pub use crate::analyze::SCHEMA_VERSION;

/// What an investigation found, as `coroner investigate --format json`
/// writes it. Every string in it has been through the last gate of the
/// report: secrets masked as `[secret-N]`, control and invisible characters
/// shown as escapes, and an over-long string cut with the cut marked.
#[derive(Serialize, JsonSchema)]
#[schemars(
    title = "coroner report",
    extend("$id" = format!("urn:coroner:report:{SCHEMA_VERSION}"))
)]
struct JsonReport<'a> {
    /// The version of this format: raised when a field changes meaning or
    /// is removed, not when one is added.
    #[schemars(extend("const" = SCHEMA_VERSION))]
    schema_version: u32,
    #[serde(flatten)]
    analysis: &'a Analysis,
}

#[derive(Serialize)]
struct JsonComparison<'a> {
    schema_version: u32,
    #[serde(flatten)]
    comparison: &'a Comparison,
}

/// Renders the analysis in one format. Every string goes through
/// [`sanitize`] first, whatever the format.
pub fn render(analysis: &Analysis, format: Format) -> Result<String, ReportError> {
    let (model, mut numbers) = sanitized_model(analysis)?;
    render_model(analysis, model, &mut numbers, format)
}

/// The analysis as the JSON report holds it, every string through
/// [`sanitize`]; `numbers` goes on numbering secrets for what is rendered
/// next to it.
fn sanitized_model(analysis: &Analysis) -> Result<(serde_json::Value, Renumbering), ReportError> {
    let mut model = serde_json::to_value(JsonReport {
        schema_version: SCHEMA_VERSION,
        analysis,
    })?;
    let mut numbers = Renumbering::default();
    sanitize::model(&mut model, &mut numbers);
    Ok((model, numbers))
}

fn render_model(
    analysis: &Analysis,
    model: serde_json::Value,
    numbers: &mut Renumbering,
    format: Format,
) -> Result<String, ReportError> {
    match format {
        Format::Json => json(&model),
        Format::Md | Format::Html => {
            let chart = chart::availability_svg(&analysis.monitoring).unwrap_or_default();
            let chart = sanitize::rendered(&chart, numbers);
            let name = if format == Format::Md {
                "report.md"
            } else {
                "report.html"
            };
            render_template(model, chart, name)
        }
    }
}

/// Renders the compare report: the comparison alone, sanitised like a report.
pub fn render_comparison(comparison: &Comparison, format: Format) -> Result<String, ReportError> {
    let mut model = serde_json::to_value(JsonComparison {
        schema_version: SCHEMA_VERSION,
        comparison,
    })?;
    sanitize::model(&mut model, &mut Renumbering::default());
    match format {
        Format::Json => json(&model),
        Format::Md => render_template(
            serde_json::json!({ "comparison": model }),
            String::new(),
            "compare.md",
        ),
        Format::Html => render_template(
            serde_json::json!({ "comparison": model }),
            String::new(),
            "compare.html",
        ),
    }
}

fn json(model: &serde_json::Value) -> Result<String, ReportError> {
    let mut out = serde_json::to_string_pretty(model)?;
    out.push('\n');
    Ok(out)
}

/// The templates, parsed once, in one engine per format so each escapes
/// for its own format by default: HTML with tera's HTML escaping, Markdown
/// with [`markdown`]'s. The incident report imports the compare report's
/// macros for its "Before and after" section. A template that does not
/// parse is a bug in this build, reported when the first report is rendered.
static MARKDOWN: LazyLock<Result<Tera, String>> = LazyLock::new(|| {
    engine(
        &[
            ("report.md", include_str!("../../templates/report.md.tera")),
            (
                "incidents.md",
                include_str!("../../templates/incidents.md.tera"),
            ),
            (
                "compare.md",
                include_str!("../../templates/compare.md.tera"),
            ),
        ],
        markdown::register,
    )
});
static HTML: LazyLock<Result<Tera, String>> = LazyLock::new(|| {
    engine(
        &[
            (
                "report.html",
                include_str!("../../templates/report.html.tera"),
            ),
            (
                "compare.html",
                include_str!("../../templates/compare.html.tera"),
            ),
            ("style.css", include_str!("../../templates/style.css.tera")),
        ],
        html::register,
    )
});

fn engine(templates: &[(&'static str, &str)], register: fn(&mut Tera)) -> Result<Tera, String> {
    let mut tera = Tera::default();
    tera.add_raw_templates(templates.to_vec())
        .map_err(|e| ReportError::from(e).to_string())?;
    tera.autoescape_on(templates.iter().map(|(name, _)| *name).collect());
    register(&mut tera);
    filters::register(&mut tera);
    Ok(tera)
}

fn templates(name: &str) -> Result<&'static Tera, ReportError> {
    let engine = if name.ends_with(".md") {
        &MARKDOWN
    } else {
        &HTML
    };
    engine
        .as_ref()
        .map_err(|e| ReportError::Template(e.clone()))
}

fn render_template(
    model: serde_json::Value,
    chart: String,
    name: &str,
) -> Result<String, ReportError> {
    let tera = templates(name)?;
    let mut context = tera::Context::from_value(model)?;
    // Inline SVG, already escaped: templates insert it with `| safe`.
    context.insert("chart_svg", &chart);
    // The page says which language it is in (`<html lang>`), for screen
    // readers, hyphenation and spell checkers.
    context.insert("lang", crate::locale::current().tag());
    Ok(tera.render(name, &context)?)
}

#[cfg(test)]
mod tests {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

    use super::*;
    use crate::analyze::detector::{Horizon, Remediation};
    use crate::analyze::summary::{sample, write_up};

    const HOSTILE_QUOTE: &str = "GET /a|b?q=`x` ``y`` -> 502\n| leading pipe and <script>alert(1)</script> http://evil.example/x";
    const HOSTILE_TITLE: &str = "api | *broken* `module` and ` stray <b>x</b>";

    /// The main example with evidence text that would break a careless renderer.
    fn hostile() -> Analysis {
        let (evidence, mut analysis) = sample::incident();
        let top = &mut analysis.root_causes[0].finding;
        top.title = HOSTILE_TITLE.into();
        top.evidence[0].text = HOSTILE_QUOTE.to_string();
        top.evidence[0].source = "logs/a|b.log".to_string();
        top.remediation = Remediation::new("Fix it.").step(
            Horizon::Immediate,
            "Run this.",
            &["printf '```|```\\n'".to_string()],
        );
        analysis.write_up = write_up(&evidence, &analysis);
        analysis
    }

    /// Every table of a Markdown document: its column count and, per row,
    /// the text of each cell.
    fn tables(markdown: &str) -> Vec<(usize, Vec<Vec<String>>)> {
        let mut out: Vec<(usize, Vec<Vec<String>>)> = Vec::new();
        let mut cell: Option<String> = None;
        for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
            match event {
                Event::Start(Tag::Table(columns)) => out.push((columns.len(), Vec::new())),
                Event::Start(Tag::TableHead | Tag::TableRow) => {
                    out.last_mut().unwrap().1.push(Vec::new())
                }
                Event::Start(Tag::TableCell) => cell = Some(String::new()),
                Event::End(TagEnd::TableCell) => {
                    let text = cell.take().unwrap();
                    out.last_mut().unwrap().1.last_mut().unwrap().push(text);
                }
                Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) => {
                    if let Some(c) = cell.as_mut() {
                        c.push_str(&t);
                    }
                }
                _ => {}
            }
        }
        out
    }

    #[test]
    fn markdown_tables_keep_their_shape_and_the_text_survives() {
        let markdown = render(&hostile(), Format::Md).unwrap();
        let tables = tables(&markdown);
        assert!(tables.len() >= 8, "{} tables", tables.len());
        for (columns, rows) in &tables {
            for row in rows {
                assert_eq!(row.len(), *columns, "row {row:?}");
            }
        }
        let cells: Vec<&String> = tables.iter().flat_map(|t| t.1.iter().flatten()).collect();
        // A multi-line quote is shown one line a code span, joined by <br>.
        let (first, second) = HOSTILE_QUOTE.split_once('\n').unwrap();
        let quote = format!("{first}<br>{second}");
        assert!(cells.iter().any(|c| **c == quote), "quote lost: {cells:#?}");
        assert!(
            cells.iter().any(|c| **c == "logs/a|b.log:26"),
            "source lost"
        );
    }

    #[test]
    fn markdown_prose_and_code_blocks_survive_hostile_text() {
        let markdown = render(&hostile(), Format::Md).unwrap();
        let mut headings = Vec::new();
        let mut code_blocks = Vec::new();
        let (mut in_heading, mut in_code) = (false, false);
        for event in Parser::new_ext(&markdown, Options::ENABLE_TABLES) {
            match event {
                Event::Start(Tag::Heading { .. }) => {
                    in_heading = true;
                    headings.push(String::new());
                }
                Event::End(TagEnd::Heading(_)) => in_heading = false,
                Event::Start(Tag::CodeBlock(_)) => {
                    in_code = true;
                    code_blocks.push(String::new());
                }
                Event::End(TagEnd::CodeBlock) => in_code = false,
                Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) if in_heading => {
                    headings.last_mut().unwrap().push_str(&t)
                }
                Event::Text(t) if in_code => code_blocks.last_mut().unwrap().push_str(&t),
                _ => {}
            }
        }
        assert!(
            headings.iter().any(|h| h == &format!("1. {HOSTILE_TITLE}")),
            "{headings:#?}"
        );
        assert!(
            code_blocks.iter().any(|c| c == "printf '```|```\\n'\n"),
            "{code_blocks:#?}"
        );
    }

    #[test]
    fn html_escapes_evidence_and_requests_nothing() {
        let html = render(&hostile(), Format::Html).unwrap();
        assert!(html.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;"));
        assert!(html.contains("api | *broken* `module` and ` stray &lt;b&gt;x&lt;&#x2F;b&gt;"));
        // The chart's SVG namespace is a name, not a request.
        let lower = html
            .to_ascii_lowercase()
            .replace(r#"xmlns="http://www.w3.org/2000/svg""#, "");
        for forbidden in [
            "<script", "<link", " src=", "http://", "https://", "@import", "url(",
        ] {
            assert!(!lower.contains(forbidden), "the page holds {forbidden:?}");
        }
    }

    #[test]
    fn comparison_tables_keep_their_shape_and_evidence_text_stays_text() {
        use crate::analyze::compare::{compare, Side};
        let (_, plain) = sample::incident();
        let c = compare(
            &Side::from_analysis(&plain, "before|`x`"),
            &Side::from_analysis(&hostile(), "<b>after</b>"),
        );
        let markdown = render_comparison(&c, Format::Md).unwrap();
        let tables = tables(&markdown);
        assert_eq!(tables.len(), 4, "{markdown}");
        for (columns, rows) in &tables {
            for row in rows {
                assert_eq!(row.len(), *columns, "row {row:?}");
            }
        }
        let cells: Vec<&String> = tables.iter().flat_map(|t| t.1.iter().flatten()).collect();
        assert!(cells.iter().any(|c| **c == HOSTILE_TITLE), "{cells:#?}");
        assert!(
            cells.iter().any(|c| c.starts_with("before|`x`")),
            "{cells:#?}"
        );

        let html = render_comparison(&c, Format::Html).unwrap();
        assert!(html.contains("&lt;b&gt;after&lt;&#x2F;b&gt;"));
        assert!(html.contains("stray &lt;b&gt;x&lt;&#x2F;b&gt;"));
        assert!(!html.contains("<b>"));
    }

    #[test]
    fn red_herrings_are_listed_as_seen_but_not_blamed() {
        let evidence = crate::testing::fixture("red-herring");
        let analysis = crate::analyze::analyze(&evidence);
        assert_eq!(analysis.verdict, crate::analyze::Verdict::Healthy);
        let markdown = render(&analysis, Format::Md).unwrap();
        assert!(markdown.contains("> **Status: Healthy.**"), "{markdown}");
        assert!(markdown.contains("No root cause was found."));
        let dismissed = markdown.find("### Seen but not blamed");
        assert_eq!(dismissed.is_some(), !analysis.dismissed.is_empty());
        for d in &analysis.dismissed {
            assert!(markdown[dismissed.unwrap()..].contains(&format!("`{}`", d.kind)));
        }
    }

    #[test]
    fn the_same_analysis_renders_byte_identical() {
        let (_, analysis) = sample::incident();
        let (_, again) = sample::incident();
        for format in [Format::Md, Format::Html, Format::Json] {
            let first = render(&analysis, format).unwrap();
            assert_eq!(first, render(&again, format).unwrap(), "{format:?}");
        }
    }

    #[test]
    fn json_carries_the_documented_fields() {
        let (_, analysis) = sample::incident();
        let json: serde_json::Value =
            serde_json::from_str(&render(&analysis, Format::Json).unwrap()).unwrap();
        assert_eq!(json["schema_version"], SCHEMA_VERSION);
        assert_eq!(json["verdict"], "root-cause-identified");
        let top = &json["root_causes"][0];
        for field in [
            "kind",
            "service",
            "confidence",
            "evidence",
            "remediation",
            "rank",
            "chain",
        ] {
            assert!(!top[field].is_null(), "root_causes[0].{field}");
        }
        assert_eq!(top["kind"], "missing-module");
        assert_eq!(
            top["evidence"][0]["source"],
            "docker/containers/mcp-api.log"
        );
        let symptom = &json["symptoms"][0];
        assert_eq!(symptom["kind"], "upstream-unavailable");
        assert_eq!(symptom["explained_by"], 1);
        for list in ["timeline", "services", "gaps", "dismissed"] {
            assert!(json[list].is_array(), "{list}");
        }
        for section in ["status", "summary", "solutions", "next_steps", "technical"] {
            assert!(json[section].is_object(), "{section}");
        }
        assert_eq!(json["solutions"]["immediate"][0]["fixes"][0]["rank"], 1);
    }

    /// Monitoring figures shaped as the analyzer serialises them, one
    /// source with a streak still going on and one probe.
    fn monitoring_figures() -> serde_json::Value {
        serde_json::json!({
            "target_percent": 95.0,
            "sources": [{
                "name": "uptime | monitor",
                "source": "monitoring/uptime-monitor.log",
                "target": "http://127.0.0.1:18080/",
                "format": "plain-text",
                "samples": 49, "failures": 33,
                "availability_percent": 32.6530612244898, "meets_target": false,
                "daily": [
                    {"date": "2026-11-26", "samples": 10, "failures": 0, "availability_percent": 100.0, "meets_target": true},
                    {"date": "2026-11-27", "samples": 39, "failures": 33, "availability_percent": 15.4, "meets_target": false}
                ],
                "coverage": {
                    "start": "2026-11-26T18:31:24.229Z", "end": "2026-11-27T18:32:12.585Z",
                    "median_interval_seconds": 1.006,
                    "holes": [{"start": "2026-11-26T19:00:00Z", "end": "2026-11-27T18:31:00Z", "seconds": 84660.0}]
                },
                "first_failure": {"time": "2026-11-27T18:31:40.356Z", "line": 18, "text": "API check failed: 502 Bad Gateway | `x`"},
                "longest_streak": {
                    "length": 33,
                    "start": {"time": "2026-11-27T18:31:40.356Z", "line": 18, "text": "failed"},
                    "end": {"time": "2026-11-27T18:32:12.585Z", "line": 50, "text": "failed"},
                    "seconds": 32.229, "recovered_at": null
                },
                "recoveries": [], "recoveries_total": 0, "last_recovery": null,
                "failing_at_end": true,
                "error_classes": [{"class": "bad-gateway", "label": "502 Bad Gateway", "count": 33, "percent": 100.0, "example": "502 | <b>"}],
                "latency": {"samples": 16, "p50_ms": 2.0, "p90_ms": 9.0, "p99_ms": 12.0, "max_ms": 12.0},
                "buckets": [],
                "onset": {"failures_began": "2026-11-27T18:31:40.356Z", "relative": [], "recovered_at": null, "time_to_recover_seconds": null, "sentence": "Failures began 1 s after `mcp-api` was recreated."},
                "summary": "uptime-monitor: 32.7 % availability over 49 checks."
            }],
            "probes": [{
                "url": "http://127.0.0.1:18080/", "checked_at": "2026-11-27T18:33:00Z",
                "tries": 5, "failed_tries": 5, "answer": "502 Bad Gateway", "class": "bad-gateway",
                "answers": [["502 Bad Gateway", 5]], "latency_median_ms": 3.0,
                "source": "probes/probes.jsonl", "sentence": "answers 502"
            }],
            "markers": []
        })
    }

    #[test]
    fn the_monitoring_section_shows_the_figures_in_both_formats() {
        let (_, analysis) = sample::incident();
        let mut context = tera::Context::from_serialize(&analysis).unwrap();
        context.insert("monitoring", &monitoring_figures());
        context.insert("chart_svg", "<svg id=\"availability\"></svg>");
        context.insert("lang", "en");
        let markdown = templates("report.md")
            .unwrap()
            .render("report.md", &context)
            .unwrap();
        let section = &markdown
            [markdown.find("## Monitoring").unwrap()..markdown.find("## Solutions").unwrap()];
        for expected in [
            "### uptime \\| monitor",
            "| Availability | 32.7 % against a target of 95.0 %: missed |",
            "| Longest failure streak | 33 checks, 2026-11-27 18:31:40–18:32:12 UTC (32 s), still failing at the last check |",
            "**Onset.** Failures began 1 s after `mcp-api` was recreated.",
            "| 2026-11-27 | 39 | 33 | 15.4 % | missed |",
            "- 2026-11-26 19:00:00–2026-11-27 18:31:00 UTC (23 h 31 min)",
            "| `http://127.0.0.1:18080/` | 2026-11-27 18:33:00 UTC | 502 Bad Gateway | 5 of 5 | 3 ms |",
        ] {
            assert!(section.contains(expected), "{expected:?} not in:\n{section}");
        }
        for (columns, rows) in tables(section) {
            for row in rows {
                assert_eq!(row.len(), columns, "row {row:?}");
            }
        }

        let html = templates("report.html")
            .unwrap()
            .render("report.html", &context)
            .unwrap();
        assert!(html.contains("<figure class=\"chart\"><svg id=\"availability\"></svg></figure>"));
        assert!(html.contains("<h3>uptime | monitor</h3>"));
        assert!(html.contains("<code>502 | &lt;b&gt;</code>"));
        assert!(html.contains("Failures began 1 s after <code>mcp-api</code> was recreated."));
    }

    /// The templates' message ids: `t(id="…")`, and the ids handed to the
    /// macros that call `t(id=title)`.
    fn template_message_ids() -> std::collections::BTreeSet<String> {
        let templates = [
            include_str!("../../templates/report.md.tera"),
            include_str!("../../templates/report.html.tera"),
            include_str!("../../templates/compare.md.tera"),
            include_str!("../../templates/compare.html.tera"),
            include_str!("../../templates/incidents.md.tera"),
            include_str!("../../templates/style.css.tera"),
        ];
        let mut ids = std::collections::BTreeSet::new();
        for text in templates {
            for marker in ["t(id=\"", "title=\""] {
                for piece in text.split(marker).skip(1) {
                    ids.insert(piece.split('"').next().unwrap().to_string());
                }
            }
        }
        ids
    }

    #[test]
    fn every_message_of_the_templates_is_in_every_language() {
        let ids = template_message_ids();
        assert!(ids.len() > 150, "{} ids", ids.len());
        for tag in crate::locale::supported() {
            let words = crate::locale::get(&tag).unwrap();
            let missing: Vec<&String> = ids.iter().filter(|id| !words.has(id)).collect();
            assert!(missing.is_empty(), "{tag} lacks {missing:?}");
        }
    }

    #[test]
    fn french_has_the_report_messages_english_has_with_the_same_arguments() {
        let ours = |id: &str| {
            ["report-", "compare-report-", "docs-", "ci-"]
                .iter()
                .any(|p| id.starts_with(p))
        };
        let pick = |tag: &str| {
            crate::locale::get(tag)
                .unwrap()
                .inventory()
                .iter()
                .filter(|(id, _)| ours(id))
                .map(|(id, args)| (id.clone(), args.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(pick("fr"), pick("en"));
    }

    #[test]
    fn a_report_in_french_has_french_headings_numbers_and_typography() {
        let (_, analysis) = sample::incident();
        let fr = crate::locale::get("fr").unwrap();
        let (markdown, html) = crate::locale::in_language(&fr, || {
            (
                render(&analysis, Format::Md).unwrap(),
                render(&analysis, Format::Html).unwrap(),
            )
        });
        for expected in [
            "## Résumé exécutif",
            "## Causes racines",
            "**Chaîne causale**, de la racine aux effets\u{a0}:",
            "[Solutions recommandées](#solutions-recommandées)",
            "### Immédiat (aujourd'hui)",
            "## Leçons apprises",
            "- Qu'est-ce qui a bien fonctionné\u{202f}?",
            "| Plus longue série d'échecs | 828 vérifications,",
            "| 2\u{202f}592, dont 1\u{202f}296 en échec,",
            "Preuves du symptôme 1 (`upstream-unavailable`)\u{a0}:",
            "14 fichiers lus, 2 ignorés, 0 problème.",
            " valeurs secrètes masquées sous la forme `[secret-N]` (un numéro par valeur\u{a0}:",
        ] {
            assert!(
                markdown.contains(expected),
                "{expected:?} not in:\n{markdown}"
            );
        }
        assert!(!markdown.contains('⟦') && !html.contains('⟦'));
        assert!(html.contains("<html lang=\"fr\">"));
        assert!(html.contains("<h2 id=\"summary\">Résumé exécutif</h2>"));
        assert!(html.contains("data-label=\"Code de sortie\""));
        assert!(html.contains("content: attr(data-label) \"\u{a0}: \";"));
        assert!(html.contains("<span>détecteur <code>missing-module</code></span>"));
        assert!(render(&analysis, Format::Html)
            .unwrap()
            .contains("<html lang=\"en\">"));
    }

    #[test]
    fn a_comparison_in_french_counts_and_agrees_in_french() {
        use crate::analyze::compare::{compare, Side};
        let (_, analysis) = sample::incident();
        let fr = crate::locale::get("fr").unwrap();
        let (markdown, html) = crate::locale::in_language(&fr, || {
            let c = compare(
                &Side::from_analysis(&analysis, "before.json"),
                &Side::from_analysis(&analysis, "after.json"),
            );
            (
                render_comparison(&c, Format::Md).unwrap(),
                render_comparison(&c, Format::Html).unwrap(),
            )
        });
        assert!(markdown.starts_with("# Avant / après\n\n> **Après\u{a0}: Cause racine identifiée** (avant\u{a0}: Cause racine identifiée). Sur les 3 causes racines et symptômes trouvés avant, 0 est résolu et 3 sont toujours présents\u{202f}; 0 est nouveau."), "{markdown}");
        assert!(markdown.contains("| | Avant | Après |"), "{markdown}");
        assert!(html.contains("<html lang=\"fr\">") && !html.contains('⟦'));
    }
}
