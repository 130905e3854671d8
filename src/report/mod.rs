//! Renders an [`Analysis`] as Markdown, HTML or JSON.
//!
//! Renderers decide nothing: every judgement is already in the analysis.
//! Markdown and HTML come from the tera templates in `templates/`, compiled
//! into the binary so it runs anywhere.

use std::path::Path;

use serde::Serialize;
use tera::Tera;

use crate::analyze::Analysis;

pub mod chart;

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

/// The JSON document's version; raised when a field changes meaning.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct JsonReport<'a> {
    schema_version: u32,
    #[serde(flatten)]
    analysis: &'a Analysis,
}

pub fn render(analysis: &Analysis, format: Format) -> Result<String, ReportError> {
    match format {
        Format::Json => {
            let mut out = serde_json::to_string_pretty(&JsonReport {
                schema_version: SCHEMA_VERSION,
                analysis,
            })?;
            out.push('\n');
            Ok(out)
        }
        Format::Md => render_template(analysis, "report.md"),
        Format::Html => render_template(analysis, "report.html"),
    }
}

fn render_template(analysis: &Analysis, name: &str) -> Result<String, ReportError> {
    let mut tera = Tera::default();
    tera.add_raw_templates([
        ("report.md", include_str!("../../templates/report.md.tera")),
        (
            "report.html",
            include_str!("../../templates/report.html.tera"),
        ),
    ])?;
    // Markdown is not HTML: only the HTML template escapes.
    tera.autoescape_on(vec!["report.html"]);
    let mut context = tera::Context::from_serialize(analysis)?;
    // Inline SVG, already escaped: templates insert it with `| safe`.
    context.insert(
        "chart_svg",
        &chart::availability_svg(&analysis.monitoring).unwrap_or_default(),
    );
    Ok(tera.render(name, &context)?)
}
