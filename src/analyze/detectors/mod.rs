//! The detector registry. Each detector lives in its own file with its
//! documentation and tests; adding one means one new file and one line in
//! [`all`].

mod monitoring_failures;
mod oom_killed;
mod probe_failing;

use super::detector::Detector;

/// Every detector, in the order `coroner detectors` lists them.
pub fn all() -> Vec<&'static dyn Detector> {
    vec![
        &oom_killed::OomKilled,
        &monitoring_failures::MonitoringFailures,
        &probe_failing::ProbeFailing,
    ]
}

/// Looks a detector up by its id.
pub fn by_id(id: &str) -> Option<&'static dyn Detector> {
    all().into_iter().find(|d| d.id() == id)
}
