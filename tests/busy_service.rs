//! A busy service's own log is a log, whatever its lines look like: the
//! crash that ends it is found, and no monitoring figures are made up from
//! its access and heartbeat lines.

#[path = "support/busy_service.rs"]
mod busy_service;

use coroner::analyze::{analyze, Verdict};
use coroner::collect::bundle;
use coroner::evidence::{AssumedZone, Window};

#[test]
fn a_busy_service_log_ending_in_a_crash_loop_gives_the_import_error() {
    let dir = tempfile::tempdir().unwrap();
    // Large enough that the crash is a sliver of the file; the 100 MB and
    // 1 GB runs are measured with `examples/busy_bundle.rs` (docs/performance.md).
    busy_service::write_bundle(dir.path(), 8 << 20, 42).unwrap();
    let evidence = bundle::load(dir.path(), AssumedZone::default(), Window::default()).unwrap();
    assert!(
        evidence.monitoring.is_empty(),
        "a container log became a monitoring history"
    );
    assert_eq!(evidence.logs.len(), 1);
    let analysis = analyze(&evidence);
    let top = &analysis.root_causes.first().expect("a root cause").finding;
    assert_eq!(
        (top.kind, top.service.as_str()),
        ("missing-module", busy_service::SERVICE)
    );
    assert!(top.title.to_string().contains("pandas"), "{}", top.title);
    assert_eq!(analysis.verdict, Verdict::RootCauseIdentified);
    assert!(
        analysis.monitoring.sources.is_empty(),
        "no availability may be invented"
    );
    // The ten crashes are counted, not the one line.
    assert!(
        top.occurrences >= busy_service::CRASHES as u64,
        "{}",
        top.occurrences
    );
}
