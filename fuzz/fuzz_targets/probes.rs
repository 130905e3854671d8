//! Lines of a saved probes file (`probes/*.jsonl`). The line parser itself
//! (`ProbeResult::parse_line`) is private; `probe::sniff` runs it on any line
//! that names the record's keys, and `probe::load` on every line of a file.
#![no_main]

use coroner::evidence::probe;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for line in text.lines() {
        let _ = probe::sniff(line);
    }
    let dir = coroner_fuzz::scratch_dir();
    coroner_fuzz::write_file(dir.path(), "probes.jsonl", data);
    let mut problems = Vec::new();
    if let Ok(results) = probe::load(
        &dir.path().join("probes.jsonl"),
        "probes.jsonl",
        &mut problems,
    ) {
        for r in &results {
            let _ = r.to_json_line();
        }
    }
});
