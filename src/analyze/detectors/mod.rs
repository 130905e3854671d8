//! The detector registry. Each detector lives in its own file with its
//! documentation and tests; adding one means one new file and one line in
//! [`all`].

mod crash_loop;
mod dependency_unreachable;
mod healthcheck_failing;
mod infra_common;
mod monitoring_failures;
mod oom_killed;
mod port_conflict;
mod probe_failing;
mod unhealthy;
mod upstream_unavailable;

use super::detector::Detector;

/// Every detector, in the order `coroner detectors` lists them.
pub fn all() -> Vec<&'static dyn Detector> {
    vec![
        &oom_killed::OomKilled,
        &crash_loop::CrashLoop,
        &port_conflict::PortConflict,
        &healthcheck_failing::HealthcheckFailing,
        &unhealthy::Unhealthy,
        &upstream_unavailable::UpstreamUnavailable,
        &dependency_unreachable::DependencyUnreachable,
        &monitoring_failures::MonitoringFailures,
        &probe_failing::ProbeFailing,
    ]
}

/// Looks a detector up by its id.
pub fn by_id(id: &str) -> Option<&'static dyn Detector> {
    all().into_iter().find(|d| d.id() == id)
}
