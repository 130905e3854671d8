//! End to end: one file in a bundle, read, analysed and rendered.
//!
//! The first byte picks where in the bundle the file goes (its place decides
//! how it is read); the rest is the file. A bundle that loads must also
//! render in every format: a render error would leave the user with no
//! report, so it fails the target like a panic does.
#![no_main]

use coroner::analyze;
use coroner::collect::bundle;
use coroner::evidence::{AssumedZone, Window};
use coroner::report::{self, Format};
use libfuzzer_sys::fuzz_target;

/// The places of docs/bundle-format.md, and `loose.txt`, which only its
/// content classifies.
const PLACES: [&str; 13] = [
    "bundle.json",
    "docker/containers/x.json",
    "docker/containers/x.log",
    "docker/images/x.json",
    "docker/events.jsonl",
    "host/listeners.txt",
    "monitoring/x.csv",
    "monitoring/x.jsonl",
    "monitoring/x.log",
    "probes/x.jsonl",
    "logs/x.log",
    "loose.txt",
    "docker/forensics/x.json",
];

const FORMATS: [Format; 3] = [Format::Md, Format::Html, Format::Json];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, file)) = data.split_first() else {
        return;
    };
    let place = PLACES[usize::from(selector) % PLACES.len()];
    let dir = coroner_fuzz::scratch_dir();
    coroner_fuzz::write_file(dir.path(), place, file);

    let evidence = bundle::load(dir.path(), AssumedZone::default(), Window::default())
        .expect("an existing directory always loads");
    let analysis = analyze::analyze(&evidence);
    for format in FORMATS {
        if let Err(e) = report::render(&analysis, format) {
            panic!("rendering {format:?} failed for a bundle with {place}: {e}");
        }
    }
    // `dir` is removed here.
});
