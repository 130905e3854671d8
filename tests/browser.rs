//! The HTML report in a real browser. Debian's `chromium`, headless, lays
//! out the report of the main example and of bundles of other shapes at a
//! desktop width (1280 px) and a phone width (390 px): every section the
//! template defines is there and visible, the page asks the network for
//! nothing, and nothing is wider than the screen or spills out of its box
//! or table cell.
//!
//! The page measures itself: `support/measure.js`, injected into a copy of
//! the report, runs in one frame of each width and posts what it found to
//! the page holding the frames, which the test reads back from
//! `--dump-dom`. Frames, because Chromium's window cannot be made narrower
//! than 500 px; a frame's content is laid out at the frame's width, media
//! queries included.
//!
//! Skipped, saying so, only where `chromium` is not installed.

#[path = "support/browser.rs"]
mod browser;
#[path = "support/bundles.rs"]
mod bundles;

use std::path::{Path, PathBuf};
use std::process::Command;

use browser::Chromium;
use serde::Deserialize;
use serde_json::{json, Value};

/// A desktop screen and a phone's (an iPhone 12 to 15 in portrait).
const WIDTHS: [u32; 2] = [1280, 390];

const MEASURE: &str = include_str!("support/measure.js");

/// What `measure.js` found at one width.
#[derive(Deserialize)]
struct Measurement {
    /// The frame's width, and the width the page was laid out in.
    width: u32,
    viewport: u32,
    sections: Vec<Section>,
    links: Vec<Link>,
    overflows: Vec<Overflow>,
}

#[derive(Deserialize)]
struct Section {
    id: String,
    heading: f64,
    shown: bool,
    body: f64,
}

#[derive(Deserialize)]
struct Link {
    href: String,
    found: bool,
    height: f64,
}

#[derive(Deserialize)]
struct Overflow {
    check: String,
    element: String,
    by: f64,
}

fn repository() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn chromium() -> Option<Chromium> {
    let found = Chromium::find();
    if found.is_none() {
        eprintln!(
            "SKIPPED: `chromium` is not installed, so the HTML report was not opened in a \
             browser (Debian's package `chromium`; .ci/run installs it)"
        );
    }
    found
}

/// A section the template defines: the id of its `<h2>`, and whether the
/// template shows it only under a condition (monitoring, without a history
/// or a probe, has none).
struct TemplateSection {
    id: String,
    conditional: bool,
}

fn template_sections() -> Vec<TemplateSection> {
    let template = std::fs::read_to_string(repository().join("templates/report.html.tera"))
        .expect("templates/report.html.tera");
    let lines: Vec<&str> = template.lines().collect();
    let mut sections = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        for part in line.split("<h2 id=\"").skip(1) {
            let before = lines[..i]
                .iter()
                .rev()
                .map(|l| l.trim())
                .find(|l| !l.is_empty())
                .unwrap_or("");
            sections.push(TemplateSection {
                id: part.split('"').next().unwrap().to_string(),
                conditional: before.starts_with("{%- if") || before.starts_with("{% if"),
            });
        }
    }
    // The table of contents is written by hand next to the headings.
    let nav = template
        .lines()
        .find(|l| l.starts_with("<nav>"))
        .expect("the template has a <nav> line");
    let linked: Vec<&str> = nav
        .split("href=\"#")
        .skip(1)
        .map(|p| p.split('"').next().unwrap())
        .collect();
    let ids: Vec<&str> = sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(linked, ids, "the template's <nav> and its <h2 id> differ");
    assert!(!sections.is_empty(), "no <h2 id=…> in the template");
    sections
}

/// The HTML report of `bundle`, written by the binary into `dir`; with
/// `baseline`, set against the bundle's own JSON report (every finding
/// still present), so that the "Before and after" section is there too.
fn render(bundle: &Path, dir: &Path, baseline: bool) -> String {
    let output = dir.join("report.html");
    let mut command = Command::new(env!("CARGO_BIN_EXE_coroner"));
    command.args(["investigate", "--bundle"]).arg(bundle);
    if baseline {
        let earlier = dir.join("earlier.json");
        let out = Command::new(env!("CARGO_BIN_EXE_coroner"))
            .args(["investigate", "--bundle"])
            .arg(bundle)
            .arg("--output")
            .arg(&earlier)
            .output()
            .unwrap();
        assert!(earlier.exists(), "{}", String::from_utf8_lossy(&out.stderr));
        command.arg("--baseline").arg(&earlier);
    }
    let out = command
        .args(["--format", "html", "--output"])
        .arg(&output)
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "coroner failed on {}: {}",
        bundle.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read_to_string(output).unwrap()
}

/// References in `html` that would fetch from another host: absolute or
/// protocol-relative URLs in the attributes that load a subresource, in
/// CSS `url()` and `@import`. Text from the evidence cannot match: the
/// report escapes `/` in it.
fn remote_references(html: &str) -> Vec<String> {
    let attribute =
        r#"\b(?:src|srcset|poster|data|action|formaction|background)\s*=\s*["']?\s*(?:https?:)?//"#;
    let linked = r#"<(?:link|image|use|feimage|script)\b[^>]*\b(?:xlink:)?href\s*=\s*["']?\s*(?:https?:)?//"#;
    let css = r#"(?:url\(\s*["']?|@import\s+["']?)\s*(?:https?:)?//"#;
    let pattern = regex::Regex::new(&format!("(?i)(?:{attribute}|{linked}|{css})")).unwrap();
    pattern
        .find_iter(html)
        .map(|m| {
            let end = html[m.end()..]
                .find(|c: char| c.is_whitespace() || "\"')>".contains(c))
                .map_or(html.len(), |at| m.end() + at);
            html[m.start()..end].to_string()
        })
        .collect()
}

/// Text of an element as `--dump-dom` prints it, its escapes undone.
fn text_of(dom: &str, open: &str) -> String {
    let start = dom
        .find(open)
        .unwrap_or_else(|| panic!("no {open} in the document"))
        + open.len();
    let end = start + dom[start..].find("</").unwrap();
    dom[start..end]
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// Lays `page` out at every width of [`WIDTHS`], in a copy carrying the
/// measuring script; returns what it measured at each width, and the
/// requests it made.
fn measure(chromium: &Chromium, page: &str) -> (Vec<Measurement>, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let body_end = page.rfind("</body>").expect("the page has a </body>");
    let copy = format!(
        "{}<script>{MEASURE}</script>{}",
        &page[..body_end],
        &page[body_end..]
    );
    std::fs::write(dir.path().join("report.html"), copy).unwrap();
    let frames: String = WIDTHS
        .iter()
        .map(|w| format!("<iframe src=\"report.html\" style=\"width: {w}px\"></iframe>"))
        .collect();
    let holder = format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\">\
         <style>html, body {{ margin: 0 }} iframe {{ display: block; border: 0; height: 900px }}</style>\
         </head><body>{frames}<pre id=\"measured\"></pre>\
         <script>addEventListener('message', event => \
         document.getElementById('measured').append(event.data, '\\n'));</script></body></html>"
    );
    let holder_path = dir.path().join("holder.html");
    std::fs::write(&holder_path, holder).unwrap();
    let visit = chromium.visit(&holder_path, WIDTHS.into_iter().max().unwrap());
    let measured = text_of(&visit.dom, "<pre id=\"measured\">");
    let mut measurements: Vec<Measurement> = measured
        .lines()
        .map(|line| serde_json::from_str(line).expect("measure.js posts JSON"))
        .collect();
    measurements.sort_by_key(|m| std::cmp::Reverse(m.width));
    let widths: Vec<u32> = measurements.iter().map(|m| m.width).collect();
    assert_eq!(
        widths,
        WIDTHS.to_vec(),
        "the page was not measured at every width (did its script fail?)"
    );
    (measurements, visit.requests)
}

/// What is wrong with one report at one width, one line each.
fn problems(name: &str, m: &Measurement, template: &[TemplateSection]) -> Vec<String> {
    let at = format!("{name} at {} px", m.width);
    let mut found = Vec::new();
    if m.viewport != m.width {
        found.push(format!("{at}: laid out {} px wide", m.viewport));
    }
    for section in template {
        match m.sections.iter().find(|s| s.id == section.id) {
            Some(s) if !s.shown || s.heading <= 0.0 => found.push(format!(
                "{at}: the heading of section #{} is not shown",
                s.id
            )),
            Some(s) if s.body <= 0.0 => found.push(format!(
                "{at}: section #{} shows nothing under its heading",
                s.id
            )),
            Some(_) => {}
            None if section.conditional => {}
            None => found.push(format!("{at}: section #{} is missing", section.id)),
        }
    }
    for link in &m.links {
        if !link.found || link.height <= 0.0 {
            found.push(format!(
                "{at}: the contents link {} leads to nothing visible",
                link.href
            ));
        }
    }
    for o in &m.overflows {
        found.push(format!("{at}: {} by {} px: {}", o.check, o.by, o.element));
    }
    found
}

/// The main example with long unbroken values where a report shows them:
/// the host name, the collector's command line and variables of the
/// failing container (a path list, a digest). Returns the values, none of
/// which a browser may break a line in (no hyphen, no space).
fn long_values_bundle(dir: &Path) -> Vec<String> {
    bundles::copy_dir(&bundles::bundle("main-incident"), dir);
    let segment = "buildcache0123456789".repeat(8);
    let host = format!(
        "{}.internal.example",
        "nodeeuwest3a0123456789abcdef".repeat(4)
    );
    let digest = format!("sha256:{}", "0123456789abcdef".repeat(4));
    let long_path = format!("/opt/{segment}/lib/python3.11/site_packages");
    let meta_path = dir.join("bundle.json");
    let mut meta: Value =
        serde_json::from_str(&std::fs::read_to_string(&meta_path).unwrap()).unwrap();
    meta["host"] = json!(host);
    meta["collector"] = json!(format!(
        "scripts/gather-bundle.sh --add {long_path}/error.log=logs/error.log"
    ));
    std::fs::write(&meta_path, meta.to_string()).unwrap();
    let inspect_path = dir.join("docker/containers/mcp-api.json");
    let mut inspect: Value =
        serde_json::from_str(&std::fs::read_to_string(&inspect_path).unwrap()).unwrap();
    let env = inspect[0]["Config"]["Env"].as_array_mut().unwrap();
    env.push(json!(format!("PYTHONPATH={long_path}:{long_path}")));
    env.push(json!(format!("BUILD_DIGEST={digest}")));
    std::fs::write(&inspect_path, inspect.to_string()).unwrap();
    vec![host, segment, digest]
}

#[test]
fn the_html_report_shows_every_section_fetches_nothing_and_fits_desktop_and_phone_screens() {
    let Some(chromium) = chromium() else { return };
    let template = template_sections();
    let work = tempfile::tempdir().unwrap();
    let long_values = work.path().join("long-values");
    let planted = long_values_bundle(&long_values);
    let reports: [(&str, PathBuf); 4] = [
        // Six root causes, symptoms, monitoring, and set against its own
        // earlier report: every section.
        ("main-incident", bundles::bundle("main-incident")),
        // Nothing wrong: the empty forms of most sections, a monitoring history.
        ("healthy-stack", bundles::bundle("healthy-stack")),
        // A log alone: no container state, no monitoring section.
        (
            "compose-db-down-logs-only",
            bundles::bundle("compose-db-down-logs-only"),
        ),
        ("main-incident with long values", long_values.clone()),
    ];
    // One group of lines per report and per width, so that a failure shows
    // some of each.
    let mut groups: Vec<Vec<String>> = Vec::new();
    for (name, bundle) in &reports {
        let dir = tempfile::tempdir().unwrap();
        let html = render(bundle, dir.path(), *name == "main-incident");
        assert!(
            !html.contains("<script"),
            "{name}: the report carries a script"
        );
        if bundle == &long_values {
            for value in &planted {
                assert!(html.contains(value), "{name}: {value} is not shown");
            }
        }
        let mut found: Vec<String> = remote_references(&html)
            .into_iter()
            .map(|reference| format!("{name}: the report loads {reference}"))
            .collect();
        let (measurements, requests) = measure(&chromium, &html);
        for request in requests {
            found.push(format!(
                "{name}: the page asked the network for `{request}`"
            ));
        }
        if *name == "main-incident" {
            for section in &template {
                if !measurements[0].sections.iter().any(|s| s.id == section.id) {
                    found.push(format!(
                        "{name}: the main example lacks section #{}",
                        section.id
                    ));
                }
            }
        }
        groups.push(found);
        for m in &measurements {
            groups.push(problems(name, m, &template));
        }
    }
    let total: usize = groups.iter().map(Vec::len).sum();
    assert!(
        total == 0,
        "{total} problems with the HTML report in Chromium:\n{}",
        groups
            .iter()
            .filter(|group| !group.is_empty())
            .map(|group| shortened(group, 12))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// The first `shown` lines of `group`, and how many more there are. A table
/// too wide repeats the same line for every element around it: once is enough.
fn shortened(group: &[String], shown: usize) -> String {
    let mut seen = std::collections::HashSet::new();
    let unique: Vec<&String> = group.iter().filter(|l| seen.insert(*l)).collect();
    let mut text = unique
        .iter()
        .take(shown)
        .map(|l| l.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    if unique.len() > shown {
        text.push_str(&format!("\n… and {} more like these", unique.len() - shown));
    }
    text
}

/// The checks above can fail: a page that loads a font and an image from
/// the network and holds a line too long for any screen is caught by each.
#[test]
fn a_page_that_fetches_and_overflows_is_caught() {
    let Some(chromium) = chromium() else { return };
    let long = "0123456789abcdef".repeat(150);
    let page = format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\">\
         <link rel=\"stylesheet\" href=\"https://fonts.example/face.css\"></head>\
         <body><main><h2 id=\"only\">Only</h2><img src=\"http://images.example/pixel.png\" alt=\"\">\
         <table><tr><td><code>{long}</code></td></tr></table></main></body></html>"
    );
    let references = remote_references(&page);
    for url in [
        "https://fonts.example/face.css",
        "http://images.example/pixel.png",
    ] {
        assert!(
            references.iter().any(|r| r.ends_with(url)),
            "{url} is not among the references found: {references:?}"
        );
    }
    let (measurements, requests) = measure(&chromium, &page);
    for host in ["fonts.example", "images.example"] {
        assert!(
            requests.iter().any(|r| r.contains(host)),
            "no request for {host} reached the proxy: {requests:?}"
        );
    }
    for m in &measurements {
        let found = problems("the overflowing page", m, &[]);
        for check in [
            "the page scrolls sideways",
            "a table is wider than the element holding it",
            "an element reaches past the right edge of the screen",
        ] {
            assert!(
                found
                    .iter()
                    .any(|f| f.contains(check) && f.contains("px: ")),
                "at {} px, not caught: {check}; found {found:#?}",
                m.width
            );
        }
    }
}
