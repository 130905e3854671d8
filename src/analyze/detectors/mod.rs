//! The detector registry. Each detector lives in its own file with its
//! documentation and tests; adding one means one new file and one line in
//! [`all`].

mod broken_entrypoint;
pub mod catalogue;
mod common;
mod compose_drift;
mod crash_loop;
mod dependency_unreachable;
pub mod error_tail;
mod healthcheck_failing;
mod log_level_misconfig;
mod missing_env_var;
mod missing_module;
mod missing_shared_library;
mod monitoring_failures;
mod oom_killed;
mod permission_denied;
mod port_conflict;
mod probe_failing;
mod swarm_task_failing;
mod swarm_task_unschedulable;
mod swarm_update_rolled_back;
mod unhealthy;
mod upstream_unavailable;

use super::detector::Detector;

/// Every detector, in the order `coroner detectors` lists them.
pub fn all() -> Vec<&'static dyn Detector> {
    vec![
        &oom_killed::OomKilled,
        &broken_entrypoint::BrokenEntrypoint,
        &missing_module::MissingModule,
        &missing_shared_library::MissingSharedLibrary,
        &log_level_misconfig::LogLevelMisconfig,
        &missing_env_var::MissingEnvVar,
        &permission_denied::PermissionDenied,
        &crash_loop::CrashLoop,
        &swarm_task_failing::SwarmTaskFailing,
        &swarm_task_unschedulable::SwarmTaskUnschedulable,
        &swarm_update_rolled_back::SwarmUpdateRolledBack,
        &port_conflict::PortConflict,
        &healthcheck_failing::HealthcheckFailing,
        &unhealthy::Unhealthy,
        &upstream_unavailable::UpstreamUnavailable,
        &dependency_unreachable::DependencyUnreachable,
        &monitoring_failures::MonitoringFailures,
        &probe_failing::ProbeFailing,
        &compose_drift::ComposeDrift,
        &catalogue::CatalogueHits,
    ]
}

/// Looks a detector up by its id.
pub fn by_id(id: &str) -> Option<&'static dyn Detector> {
    all().into_iter().find(|d| d.id() == id)
}
