//! The availability chart: an inline SVG, one panel per monitoring source.
//!
//! Each time slice is a bar split into its successful (green) and failed
//! (red) share of checks; the longest failure streak is shaded, the target
//! drawn as a dashed line, and the root-cause events (first seen, image
//! created, restarts) marked with vertical lines. It draws what
//! [`MonitoringFigures`] holds and decides nothing. No script, no external
//! reference, every text escaped; the same figures give the same bytes.
//! Its words are the catalogue's (`report-chart-…`), in the report's
//! language; moments stay in RFC 3339, which reads the same in every one.

use chrono::{DateTime, Utc};

use crate::analyze::monitoring::{MarkerKind, MonitoringFigures, SourceFigures};
use crate::evidence::time::format_utc;
use crate::locale::{self, Arg, Localizer, Text};

const WIDTH: f64 = 800.0;
const LEFT: f64 = 56.0;
const RIGHT: f64 = 52.0;
const PANEL_HEIGHT: f64 = 170.0;
const PLOT_TOP: f64 = 44.0;
const PLOT_HEIGHT: f64 = 90.0;

/// The chart, or `None` when there is no monitoring history to draw.
pub fn availability_svg(figures: &MonitoringFigures) -> Option<String> {
    let panels: Vec<&SourceFigures> = figures
        .sources
        .iter()
        .filter(|s| !s.buckets.is_empty())
        .collect();
    if panels.is_empty() {
        return None;
    }
    let words = locale::current();
    let height = PANEL_HEIGHT * panels.len() as f64;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"11\" role=\"img\">\n"
    );
    svg.push_str(&format!(
        "<title>{}</title>\n",
        escape(
            &words.text(
                &Text::msg("report-chart-title")
                    .with("target", target_percent(&words, figures.target_percent)),
            )
        )
    ));
    for (i, source) in panels.iter().enumerate() {
        panel(&mut svg, &words, figures, source, i as f64 * PANEL_HEIGHT);
    }
    svg.push_str("</svg>\n");
    Some(svg)
}

fn panel(
    svg: &mut String,
    words: &Localizer,
    figures: &MonitoringFigures,
    f: &SourceFigures,
    top: f64,
) {
    let (Some(first), Some(last)) = (f.buckets.first(), f.buckets.last()) else {
        return;
    };
    let (start, end) = (first.start, last.end);
    let span = (end - start).num_milliseconds().max(1) as f64;
    let plot_width = WIDTH - LEFT - RIGHT;
    let x = |t: DateTime<Utc>| {
        let offset = (t - start).num_milliseconds() as f64 / span;
        LEFT + offset.clamp(0.0, 1.0) * plot_width
    };
    let y0 = top + PLOT_TOP;
    let bottom = y0 + PLOT_HEIGHT;
    svg.push_str("<g class=\"source\">\n");
    let target = f
        .target
        .split_once("://")
        .map_or(f.target.as_str(), |(_, rest)| rest);
    svg.push_str(&format!(
        "<text x=\"{LEFT}\" y=\"{:.1}\" font-weight=\"bold\">{}</text>\n",
        top + 16.0,
        escape(
            &words.text(
                &Text::msg("report-chart-source")
                    .with("name", Arg::Code(f.name.clone()))
                    .with("target", Arg::Code(target.to_string()))
                    .with("availability", Arg::decimal(f.availability_percent, 1))
                    .with("goal", target_percent(words, figures.target_percent)),
            )
        )
    ));
    svg.push_str(&format!(
        "<rect class=\"plot\" x=\"{LEFT}\" y=\"{y0:.1}\" width=\"{plot_width:.1}\" height=\"{PLOT_HEIGHT}\" fill=\"#f4f4f4\"/>\n"
    ));
    if let Some(streak) = &f.longest_streak {
        let (a, b) = (x(streak.start.time), x(streak.end.time));
        svg.push_str(&format!(
            "<rect class=\"streak\" x=\"{a:.1}\" y=\"{y0:.1}\" width=\"{:.1}\" height=\"{PLOT_HEIGHT}\" fill=\"#f6c9c9\"><title>{}</title></rect>\n",
            (b - a).max(1.0),
            escape(
                &words.text(
                    &Text::msg("report-chart-streak")
                        .with("checks", streak.length)
                        .with("start", Arg::Code(format_utc(streak.start.time)))
                        .with("end", Arg::Code(format_utc(streak.end.time)))
                )
            )
        ));
    }
    if let Some(streak) = &f.longest_streak {
        let (a, b) = (x(streak.start.time), x(streak.end.time));
        svg.push_str(&format!(
            "<rect class=\"streak-band\" x=\"{a:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"4\" fill=\"#8b0000\"/>\n",
            bottom + 1.0,
            (b - a).max(1.0)
        ));
    }
    for bucket in f.buckets.iter().filter(|b| b.samples > 0) {
        let (a, b) = (x(bucket.start), x(bucket.end));
        let w = (b - a - 0.5).max(0.5);
        let failed_share = f64::from(bucket.failures) / f64::from(bucket.samples);
        let failed_height = failed_share * PLOT_HEIGHT;
        let tip = escape(
            &words.text(
                &Text::msg("report-chart-slice")
                    .with("start", Arg::Code(format_utc(bucket.start)))
                    .with("failed", u64::from(bucket.failures))
                    .with("checks", u64::from(bucket.samples)),
            ),
        );
        svg.push_str(&format!(
            "<g><title>{tip}</title><rect x=\"{a:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"{:.1}\" fill=\"#3a9a5b\"/>",
            y0 + failed_height,
            PLOT_HEIGHT - failed_height
        ));
        if bucket.failures > 0 {
            svg.push_str(&format!(
                "<rect x=\"{a:.1}\" y=\"{y0:.1}\" width=\"{w:.1}\" height=\"{failed_height:.1}\" fill=\"#d9534f\"/>"
            ));
        }
        svg.push_str("</g>\n");
    }
    let target_y = y0 + (1.0 - figures.target_percent / 100.0) * PLOT_HEIGHT;
    svg.push_str(&format!(
        "<line class=\"target\" x1=\"{LEFT}\" x2=\"{:.1}\" y1=\"{target_y:.1}\" y2=\"{target_y:.1}\" stroke=\"#333\" stroke-dasharray=\"4 3\"/>\n",
        LEFT + plot_width
    ));
    // The target's label sits in the right margin, clear of the marker labels.
    svg.push_str(&format!(
        "<text x=\"{:.1}\" y=\"{:.1}\" fill=\"#333\"><tspan>{}</tspan><tspan x=\"{:.1}\" dy=\"12\">{}</tspan></text>\n",
        LEFT + plot_width + 4.0,
        target_y,
        escape(&words.message("report-chart-target", &[])),
        LEFT + plot_width + 4.0,
        escape(&words.message(
            "format-percent",
            &[("number", &target_percent(words, figures.target_percent))]
        ))
    ));
    for (ratio, y) in [(1.0, y0), (0.0, bottom)] {
        let label = escape(&words.percent(ratio, 0));
        svg.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{label}</text>\n",
            LEFT - 4.0,
            y + 4.0
        ));
    }
    let mut labelled = 0;
    for m in figures
        .markers
        .iter()
        .filter(|m| m.time >= start && m.time <= end)
    {
        let mx = x(m.time);
        match m.kind {
            MarkerKind::Restart => svg.push_str(&format!(
                "<line class=\"marker restart\" x1=\"{mx:.1}\" x2=\"{mx:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"#555\"><title>{}</title></line>\n",
                bottom - 10.0,
                bottom + 4.0,
                escape(
                    &words.text(
                        &Text::msg("report-chart-restart")
                            .with("label", m.label.clone())
                            .with("when", Arg::Code(format_utc(m.time)))
                    )
                )
            )),
            MarkerKind::Cause | MarkerKind::Deploy => {
                let (colour, dash) = match m.kind {
                    MarkerKind::Cause => ("#8b0000", ""),
                    _ => ("#1f5fa8", " stroke-dasharray=\"3 2\""),
                };
                let label_y = top + 30.0 + f64::from(labelled % 2) * 11.0;
                labelled += 1;
                let anchor = if mx > WIDTH * 0.7 { "end" } else { "start" };
                let text_x = if anchor == "end" { mx - 3.0 } else { mx + 3.0 };
                svg.push_str(&format!(
                    "<line class=\"marker {}\" x1=\"{mx:.1}\" x2=\"{mx:.1}\" y1=\"{:.1}\" y2=\"{bottom:.1}\" stroke=\"{colour}\" stroke-width=\"1.5\"{dash}/>\n<text x=\"{text_x:.1}\" y=\"{label_y:.1}\" fill=\"{colour}\" text-anchor=\"{anchor}\">{}</text>\n",
                    if m.kind == MarkerKind::Cause { "cause" } else { "deploy" },
                    label_y - 9.0,
                    escape(&m.label.to_string())
                ));
            }
        }
    }
    for (t, anchor) in [
        (start, "start"),
        (start + (end - start) / 2, "middle"),
        (end, "end"),
    ] {
        svg.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\" fill=\"#444\">{}</text>\n",
            x(t),
            bottom + 18.0,
            escape(&format_utc(t))
        ));
    }
    svg.push_str("</g>\n");
}

/// The availability target as the report writes it: `95`, `99.5`, with as
/// many decimals as it was given (and the language's decimal separator).
fn target_percent(words: &Localizer, target: f64) -> String {
    let given = target.to_string();
    let decimals = given.split_once('.').map_or(0, |(_, d)| d.len().min(6));
    words.decimal(target, decimals as u8)
}

/// Escapes text for SVG (XML) content and attributes.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::monitoring::{figures, Marker};
    use crate::evidence::monitoring::{HistoryFormat, MonitoringSeries, Sample};

    /// Checks that every tag is closed in order and returns the tag names seen.
    fn balanced_tags(svg: &str) -> Vec<String> {
        let mut stack: Vec<String> = Vec::new();
        let mut seen = Vec::new();
        let mut rest = svg;
        while let Some(open) = rest.find('<') {
            let close = rest[open..].find('>').expect("unterminated tag") + open;
            let tag = &rest[open + 1..close];
            assert!(!tag.contains('<'), "a '<' inside a tag: {tag}");
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(stack.pop().as_deref(), Some(name), "mismatched </{name}>");
            } else {
                let name = tag.split_whitespace().next().unwrap().trim_end_matches('/');
                seen.push(name.to_string());
                if !tag.ends_with('/') {
                    stack.push(name.to_string());
                }
            }
            rest = &rest[close + 1..];
        }
        assert!(stack.is_empty(), "unclosed: {stack:?}");
        seen
    }

    fn monitoring_with_hostile_text() -> MonitoringFigures {
        let base = 1_795_800_000;
        let series = MonitoringSeries {
            target: "http://127.0.0.1:18080/?a=<b>&c=\"d\"".into(),
            source: "monitoring/m.jsonl".into(),
            format: HistoryFormat::JsonLines,
            samples: (0..300)
                .map(|i| {
                    let time = DateTime::from_timestamp(base + i * 60, 0).unwrap();
                    Sample::new(
                        time,
                        !(100..180).contains(&i),
                        None,
                        None,
                        None,
                        i as u32 + 1,
                    )
                })
                .collect(),
            messages: Vec::new(),
        };
        let source = figures(&series, "api <monitor> & co".into(), 95.0).unwrap();
        MonitoringFigures {
            target_percent: 95.0,
            sources: vec![source],
            probes: Vec::new(),
            markers: vec![
                Marker {
                    time: DateTime::from_timestamp(base + 95 * 60, 0).unwrap(),
                    kind: MarkerKind::Deploy,
                    label: "image api:<1.5.0> created".into(),
                },
                Marker {
                    time: DateTime::from_timestamp(base + 99 * 60, 0).unwrap(),
                    kind: MarkerKind::Cause,
                    label: "api: missing-module".into(),
                },
                Marker {
                    time: DateTime::from_timestamp(base + 100 * 60, 0).unwrap(),
                    kind: MarkerKind::Restart,
                    label: "api exited".into(),
                },
            ],
        }
    }

    #[test]
    fn the_chart_is_well_formed_self_contained_and_marks_the_streak() {
        let svg = availability_svg(&monitoring_with_hostile_text()).unwrap();
        let tags = balanced_tags(&svg);
        assert_eq!(tags[0], "svg");
        assert!(!tags
            .iter()
            .any(|t| t == "script" || t == "image" || t == "a"));
        assert_eq!(svg.matches("http").count(), 1, "only the xmlns: {svg}");
        assert!(svg.contains("xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains("<rect class=\"streak\""));
        assert!(svg.contains("class=\"marker deploy\""));
        assert!(svg.contains("class=\"marker cause\""));
        assert!(svg.contains("class=\"marker restart\""));
        assert!(svg.contains("api &lt;monitor&gt; &amp; co"));
        assert!(svg.contains("image api:&lt;1.5.0&gt; created"));
        assert!(!svg.contains("<monitor>") && !svg.contains("<1.5.0>"));
    }

    #[test]
    fn the_same_figures_give_the_same_chart() {
        let figures = monitoring_with_hostile_text();
        assert_eq!(availability_svg(&figures), availability_svg(&figures));
        let empty = MonitoringFigures {
            sources: Vec::new(),
            ..figures
        };
        assert_eq!(availability_svg(&empty), None);
    }

    #[test]
    fn the_chart_speaks_the_report_s_language() {
        let fr = crate::locale::get("fr").unwrap();
        let svg = crate::locale::in_language(&fr, || {
            availability_svg(&monitoring_with_hostile_text()).unwrap()
        });
        assert!(svg.contains("<tspan>objectif</tspan>"), "{svg}");
        assert!(svg.contains(">100\u{202f}%</text>"), "{svg}");
        assert!(
            svg.contains("plus longue série d&#39;échecs\u{a0}: "),
            "{svg}"
        );
    }
}
