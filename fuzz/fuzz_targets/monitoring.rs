//! Monitoring histories: format sniffing, the Prometheus reader, status-code
//! extraction, and the file loader in each format.
//!
//! The first byte picks the format `monitoring::load` is told the file has;
//! the rest is the file. The bundle reader only asks for the format `sniff`
//! found, but a wrong or partial sniff must not make a loader panic either.
#![no_main]

use coroner::evidence::monitoring::{self, HistoryFormat};
use coroner::evidence::AssumedZone;
use libfuzzer_sys::fuzz_target;

const FORMATS: [HistoryFormat; 6] = [
    HistoryFormat::JsonLines,
    HistoryFormat::JsonArray,
    HistoryFormat::Csv,
    HistoryFormat::PlainText,
    HistoryFormat::Prometheus,
    HistoryFormat::Gatus,
];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, file)) = data.split_first() else {
        return;
    };
    let format = FORMATS[usize::from(selector) % FORMATS.len()];
    let text = String::from_utf8_lossy(file);

    let _ = monitoring::sniff(&text);
    let mut problems = Vec::new();
    let _ = monitoring::parse_prometheus(&text, "monitoring/fuzz.json", &mut problems);
    for line in text.lines() {
        let _ = monitoring::http_code(line);
    }

    let dir = coroner_fuzz::scratch_dir();
    coroner_fuzz::write_file(dir.path(), "history", file);
    let mut problems = Vec::new();
    let loaded = monitoring::load(
        &dir.path().join("history"),
        "monitoring/history",
        format,
        AssumedZone::default(),
        &mut problems,
    );
    if let Ok(series) = loaded {
        // The accessors the analyzer uses index into the series' tables.
        for s in &series {
            for sample in &s.samples {
                let _ = s.message(sample);
                let _ = s.file_line(sample);
                let _ = s.error_class(sample);
            }
        }
    }
});
