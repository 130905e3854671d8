//! The escaping every report goes through, on arbitrary text: the
//! properties are that no raw HTML and no line break can come out of a
//! Markdown escape, a table cell keeps its row whole, a code span or fence
//! stays one code element, the HTML prose holds no tag but its own, the
//! last gate leaves no control or bidi character, a GitHub workflow command
//! keeps its shape and a line made inert is none, and JUnit's XML text
//! holds only characters XML allows and no markup.
#![no_main]

use coroner::report::{github, html, junit, markdown, sanitize};
use libfuzzer_sys::fuzz_target;
use pulldown_cmark::{Event, Options, Parser, Tag};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let shown = sanitize::visible(&text, true);

    // Prose and cells: no raw HTML but the `<br>` the escape itself writes.
    for escaped in [markdown::text_escape(&shown), markdown::cell(&shown)] {
        assert!(!escaped.contains('\n') && !escaped.contains('\r'), "{escaped:?}");
        for event in Parser::new_ext(&escaped, Options::ENABLE_TABLES) {
            if let Event::Html(h) | Event::InlineHtml(h) = event {
                assert_eq!(&*h, "<br>", "raw HTML from {text:?}");
            }
        }
    }

    // A cell in a table row: the row keeps exactly two cells.
    for cell in [markdown::cell(&shown), markdown::code_cell(&shown)] {
        let table = format!("| a | b |\n| --- | --- |\n| {cell} | x |\n");
        let mut cells_in_last_row = 0;
        let mut rows = 0;
        for event in Parser::new_ext(&table, Options::ENABLE_TABLES) {
            match event {
                Event::Start(Tag::TableRow) => {
                    rows += 1;
                    cells_in_last_row = 0;
                }
                Event::Start(Tag::TableCell) => cells_in_last_row += 1,
                _ => {}
            }
        }
        assert_eq!(rows, 1, "the row split: {table:?}");
        assert_eq!(cells_in_last_row, 2, "cells changed: {table:?}");
    }

    // A fenced block is one code block whatever backticks it holds.
    let fenced = markdown::fenced(&shown, "text", 0);
    let blocks = Parser::new(&fenced)
        .filter(|e| matches!(e, Event::Start(Tag::CodeBlock(_))))
        .count();
    assert_eq!(blocks, 1, "{fenced:?}");

    // HTML prose: its own tags only.
    let prose = html::prose(&shown);
    let mut rest = prose.as_str();
    while let Some(at) = rest.find('<') {
        rest = &rest[at..];
        assert!(
            ["<code>", "</code>", "<br>"].iter().any(|t| rest.starts_with(t)),
            "a tag from the text: {prose:?}"
        );
        rest = &rest[1..];
    }

    // Workflow commands: a title stays one property, a message one line,
    // and an inert line is read as no command (the runner trims leading
    // white space before it looks for `::`, and finds `##[` anywhere).
    let property = github::escape_property(&shown);
    assert!(!property.contains([':', ',', '\n', '\r']), "{property:?}");
    assert!(!github::escape_data(&shown).contains(['\n', '\r']));
    for line in github::inert(&text).split(['\n', '\r']) {
        assert!(!line.trim_start().starts_with("::") && !line.contains("##["), "{line:?}");
    }

    // XML: only characters XML 1.0 allows, no markup from the text.
    for attribute in [false, true] {
        let xml = junit::xml(&text, attribute);
        assert!(!xml.contains(['<', '>']), "{xml:?}");
        assert!(xml.chars().all(|c| matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)));
    }

    // The last gate: nothing hidden survives it.
    assert!(!shown.chars().any(|c| (c.is_control() && c != '\n' && c != '\t')
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)));
});
