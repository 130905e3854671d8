//! Swarm mode: when the engine is a Swarm manager, its services, their tasks
//! (the history the manager keeps, failed ones included), its nodes and each
//! service's logs, written under `swarm/` in the bundle.
//!
//! Only a manager answers these requests, so nothing is asked of an engine
//! that is not one, and nothing is recorded as missing then: a host without
//! Swarm has no services to miss. What a manager fails to give is a gap.
//! This module collects; it does not judge what it collects.

use std::collections::HashSet;
use std::io;

use bollard::models::{Service, SwarmInfo};
use bollard::query_parameters::{
    ListNodesOptions, ListServicesOptions, ListTasksOptions, LogsOptions,
};

use super::{clamp_i32, save_log, Cx, COMPOSE_PROJECT_LABEL};
use crate::evidence::Gap;

/// The label `docker stack deploy` puts on a stack's services.
pub const STACK_LABEL: &str = "com.docker.stack.namespace";

/// The label the engine puts on a task's container: the id of its service.
pub const SERVICE_ID_LABEL: &str = "com.docker.swarm.service.id";

/// Whether `docker info`'s Swarm section says this engine manages a swarm.
pub fn is_manager(swarm: &SwarmInfo) -> bool {
    use bollard::models::LocalNodeState;
    swarm.control_available == Some(true) && swarm.local_node_state == Some(LocalNodeState::ACTIVE)
}

/// Services in scope, every task of theirs, every node, and the services'
/// logs in the window. Returns the ids of the services whose tasks were
/// written.
pub async fn collect(cx: &Cx<'_>, gaps: &mut Vec<Gap>) -> io::Result<HashSet<String>> {
    let services = match cx
        .docker
        .list_services(Some(ListServicesOptions {
            filters: None,
            // Running and desired task counts (API 1.41).
            status: Some(true),
        }))
        .await
    {
        Ok(services) => services,
        Err(e) => {
            gaps.push(Gap {
                what: "swarm services, their tasks and logs (docker service ls)".into(),
                why: cx.explain(&e),
            });
            return Ok(HashSet::new());
        }
    };
    let services: Vec<Service> = services.into_iter().filter(|s| in_scope(cx, s)).collect();
    cx.writer.swarm_list("services", &services)?;
    let ids: HashSet<String> = services.iter().filter_map(|s| s.id.clone()).collect();
    let told = match cx.docker.list_tasks(None::<ListTasksOptions>).await {
        Ok(tasks) => {
            let tasks: Vec<_> = tasks
                .into_iter()
                .filter(|t| t.service_id.as_ref().is_some_and(|id| ids.contains(id)))
                .collect();
            cx.writer.swarm_list("tasks", &tasks)?;
            ids
        }
        Err(e) => {
            gaps.push(Gap {
                what: "swarm tasks (docker service ps)".into(),
                why: cx.explain(&e),
            });
            // Without the history, the task containers are all there is.
            HashSet::new()
        }
    };
    match cx.docker.list_nodes(None::<ListNodesOptions>).await {
        Ok(nodes) => cx.writer.swarm_list("nodes", &nodes)?,
        Err(e) => gaps.push(Gap {
            what: "swarm nodes (docker node ls)".into(),
            why: cx.explain(&e),
        }),
    }
    for service in &services {
        let (Some(id), Some(name)) = (service.id.as_deref(), service_name(service)) else {
            continue;
        };
        let log = cx.writer.service_log(name, cx.request.max_log_bytes)?;
        // The engine reads no `until` for service logs; the window's end is
        // applied when the bundle is read, as for any log.
        let options = LogsOptions {
            stdout: true,
            stderr: true,
            timestamps: true,
            follow: false,
            since: clamp_i32(cx.request.since.timestamp()),
            until: 0,
            tail: "all".into(),
        };
        let stream = cx.docker.service_logs(id, Some(options));
        save_log(cx, stream, log, &format!("service {name}"), gaps).await?;
    }
    Ok(told)
}

fn service_name(service: &Service) -> Option<&str> {
    service
        .spec
        .as_ref()
        .and_then(|s| s.name.as_deref())
        .filter(|n| !n.is_empty())
}

/// `--service` names a service; `--project` names a stack (or a compose
/// project, whose label a service may carry too).
fn in_scope(cx: &Cx<'_>, service: &Service) -> bool {
    let scope = &cx.request.scope;
    let name = service_name(service).unwrap_or_default();
    let labels = service.spec.as_ref().and_then(|s| s.labels.as_ref());
    let label = |key: &str| labels.and_then(|l| l.get(key)).map(String::as_str);
    let project_ok = scope
        .project
        .as_deref()
        .is_none_or(|p| label(STACK_LABEL) == Some(p) || label(COMPOSE_PROJECT_LABEL) == Some(p));
    let service_ok = scope.services.is_empty()
        || scope.services.iter().any(|s| {
            s == name
                // A stack's service is `<stack>_<name>`; `--service name` means it too.
                || label(STACK_LABEL).is_some_and(|stack| name == format!("{stack}_{s}"))
        });
    project_ok && service_ok
}
