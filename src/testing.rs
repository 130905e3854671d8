//! Helpers for tests that run on the captured fixture bundles in `fixtures/bundles`.

use std::path::{Path, PathBuf};

use crate::analyze::detector::{Context, Detector, Finding};
use crate::analyze::rules::Catalogue;
use crate::analyze::scan;
use crate::collect::bundle;
use crate::evidence::{AssumedZone, Evidence, Window};

pub fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/bundles")
        .join(name)
}

pub fn fixture(name: &str) -> Evidence {
    let path = fixture_path(name);
    bundle::load(&path, AssumedZone::default(), Window::default()).unwrap_or_else(|e| {
        panic!("fixture {name}: {e} (capture it with fixtures/scenarios/{name}.sh)")
    })
}

/// Copies a directory tree (a captured bundle), so a test can change or
/// rearrange it without touching the fixture.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Runs one detector alone over a fixture bundle.
pub fn run_detector(detector: &dyn Detector, name: &str) -> Vec<Finding> {
    run_detector_on(detector, &fixture(name))
}

/// Runs one detector alone over evidence a test has loaded (and changed).
pub fn run_detector_on(detector: &dyn Detector, evidence: &Evidence) -> Vec<Finding> {
    let mut problems = Vec::new();
    let hits = scan::scan(evidence, &[detector], Catalogue::none(), &mut problems);
    detector.detect(&Context {
        evidence,
        hits: &hits,
        catalogue: Catalogue::none(),
    })
}
