//! Helpers shared by the detectors: quoting a matched log message and the
//! inspect facts that show how a container fails, which engine events and
//! configured ports belong to a container, and the commands that rebuild
//! and recreate it with a fix.
//!
//! They decide nothing: which finding to make, and how sure it is, stays in
//! each detector.

use std::borrow::Cow;

use crate::analyze::detector::{Finding, Quote};
use crate::analyze::scan::Message;
use crate::evidence::compose::Place;
use crate::evidence::redact;
use crate::evidence::{Container, Event, Evidence, LogSource};

/// A line of a compose file, quoted as the file has it.
pub fn compose_quote(at: &Place) -> Quote {
    Quote {
        source: at.file.clone(),
        line: Some(at.line),
        timestamp: None,
        text: at.text.clone(),
        count: 1,
    }
}

/// Adds a matched message to a finding: its latest occurrence (what the
/// latest restart shows), its time span and how often it appeared.
pub fn add_message(f: &mut Finding, log: &LogSource, m: &Message) {
    f.evidence.push(m.quote_last(log));
    f.seen_at(m.first.timestamp);
    f.seen_at(m.last().timestamp);
    f.occurrences += m.count;
}

/// Quotes the inspect fields that show the container failing: its status,
/// exit code, create-time error and restarts.
pub fn add_state_facts(f: &mut Finding, c: &Container) {
    f.evidence
        .push(Quote::field(&c.source, "State.Status", &c.state.status));
    f.evidence
        .push(Quote::field(&c.source, "State.ExitCode", c.state.exit_code));
    if c.restart_count > 0 {
        f.evidence
            .push(Quote::field(&c.source, "RestartCount", c.restart_count));
    }
}

/// The container a log belongs to, if it is a container's own log.
pub fn container_of<'a>(evidence: &'a Evidence, log: &LogSource) -> Option<&'a Container> {
    evidence.container(&log.service)
}

/// The events of `c` itself: a container that was removed and re-created
/// under the same name (a deploy) has a new id, and the old one's events
/// are not this one's.
pub fn own_events<'a>(evidence: &'a Evidence, c: &'a Container) -> impl Iterator<Item = &'a Event> {
    evidence
        .events_of(c)
        .filter(move |e| c.id.is_empty() || e.actor_id.is_empty() || e.actor_id == c.id)
}

/// Ports a container is set to listen on through its environment
/// (`PORT=8080`, `DB_PORT=5433`), with the entry that says so.
pub fn configured_ports(c: &Container) -> Vec<(&str, u16)> {
    c.env
        .iter()
        .filter_map(|entry| {
            let (name, value) = entry.split_once('=')?;
            let is_port = name == "PORT" || name.ends_with("_PORT");
            let port = value.trim().parse().ok().filter(|_| is_port)?;
            Some((entry.as_str(), port))
        })
        .collect()
}

/// What to change when the container is created again.
#[derive(Debug, Default)]
pub struct Change {
    /// Build the image again first (a file in it must change).
    pub rebuild: bool,
    /// Environment variables to set (replacing the current value).
    pub env: Vec<(String, String)>,
    /// Environment variables whose value the shell running the commands
    /// provides (`-e NAME`), for values coroner does not know.
    pub pass_env: Vec<String>,
    /// Run as this user instead.
    pub user: Option<String>,
    /// Mount destinations to mount read-write instead of read-only.
    pub writable: Vec<String>,
}

/// Commands that apply `change` and create the container again.
///
/// A compose service is recreated by compose (the compose file is edited
/// first, as the step text says). A plain container is removed and run again
/// with the options its inspect document shows: restart policy, networks,
/// published ports, environment, user, mounts, memory limit, entrypoint and
/// command. Secret values are never written out: `-e NAME` passes the value
/// from the shell that runs the command.
pub fn recreate_commands(evidence: &Evidence, c: &Container, change: &Change) -> Vec<String> {
    if let Some(cmd) = compose_recreate(c, change.rebuild) {
        return vec![cmd];
    }

    let image = evidence.image_of(c);
    let mut out = Vec::new();
    if change.rebuild {
        out.push(format!("docker build -t {} .", shell_quote(&c.image)));
    }
    out.push(format!("docker rm -f {}", shell_quote(&c.name)));

    let mut run = vec![
        "docker run -d --name".to_string(),
        shell_quote(&c.name).into_owned(),
    ];
    if c.restart_policy != "no" {
        run.push(format!("--restart {}", shell_quote(&c.restart_policy)));
    }
    let mut networks = c.networks.iter().filter(|n| n.network != "bridge");
    if let Some(first) = networks.next() {
        run.push(format!("--network {}", shell_quote(&first.network)));
    }
    for p in c.ports.iter().filter(|p| p.host_port.is_some()) {
        let container_port = p
            .container_port
            .strip_suffix("/tcp")
            .unwrap_or(&p.container_port);
        let host = match (p.host_ip.as_str(), p.host_port) {
            ("" | "0.0.0.0", Some(port)) => port.to_string(),
            (ip, Some(port)) => format!("{ip}:{port}"),
            (_, None) => continue,
        };
        run.push(format!("-p {host}:{container_port}"));
    }
    let image_env: &[String] = image.map_or(&[], |i| &i.env);
    let mut env: Vec<(String, String)> = c
        .env
        .iter()
        .filter(|e| !image_env.contains(e))
        .filter_map(|e| e.split_once('='))
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect();
    for (name, value) in &change.env {
        match env.iter_mut().find(|(n, _)| n == name) {
            Some(entry) => entry.1 = value.clone(),
            None => env.push((name.clone(), value.clone())),
        }
    }
    for (name, value) in &env {
        if redact::contains_placeholder(value) || change.pass_env.contains(name) {
            run.push(format!("-e {}", shell_quote(name)));
        } else {
            run.push(format!("-e {}", shell_quote(&format!("{name}={value}"))));
        }
    }
    for name in &change.pass_env {
        if !env.iter().any(|(n, _)| n == name) {
            run.push(format!("-e {}", shell_quote(name)));
        }
    }
    let image_user = image.map_or("", |i| i.user.as_str());
    match &change.user {
        Some(user) => run.push(format!("--user {}", shell_quote(user))),
        None if !c.user.is_empty() && c.user != image_user => {
            run.push(format!("--user {}", shell_quote(&c.user)))
        }
        None => {}
    }
    for m in &c.mounts {
        let source = match m.kind.as_str() {
            "bind" => m.source.as_str(),
            "volume" => volume_name(&m.source),
            _ => continue,
        };
        let ro = if m.read_write || change.writable.contains(&m.destination) {
            ""
        } else {
            ":ro"
        };
        run.push(format!(
            "-v {}",
            shell_quote(&format!("{source}:{}{ro}", m.destination))
        ));
    }
    if c.memory_limit > 0 {
        run.push(format!("--memory {}m", c.memory_limit / (1024 * 1024)));
    }
    // `--entrypoint` takes one word; the rest of an overridden entrypoint
    // goes in front of the command, which runs the same process.
    let entrypoint_overridden = image.is_some_and(|i| i.entrypoint != c.entrypoint);
    let mut args: Vec<&String> = Vec::new();
    if entrypoint_overridden {
        match c.entrypoint.split_first() {
            Some((program, rest)) => {
                run.push(format!("--entrypoint {}", shell_quote(program)));
                args.extend(rest);
            }
            None => run.push("--entrypoint ''".to_string()),
        }
    }
    run.push(shell_quote(&c.image).into_owned());
    if entrypoint_overridden || image.is_none_or(|i| i.cmd != c.cmd) {
        args.extend(&c.cmd);
    }
    run.extend(args.into_iter().map(|a| shell_quote(a).into_owned()));
    out.push(run.join(" "));
    for extra in networks {
        out.push(format!(
            "docker network connect {} {}",
            shell_quote(&extra.network),
            shell_quote(&c.name)
        ));
    }
    out
}

/// The command that recreates `c` with compose from its (edited) compose
/// file, building its image first when `rebuild` is set. `None` when compose
/// did not make the container (no `com.docker.compose.project` label).
pub fn compose_recreate(c: &Container, rebuild: bool) -> Option<String> {
    let project = c.labels.get("com.docker.compose.project")?;
    let mut cmd = format!("docker compose -p {}", shell_quote(project));
    if let Some(dir) = c.labels.get("com.docker.compose.project.working_dir") {
        cmd.push_str(&format!(" --project-directory {}", shell_quote(dir)));
    }
    if let Some(files) = c.labels.get("com.docker.compose.project.config_files") {
        for file in files.split(',').filter(|f| !f.is_empty()) {
            cmd.push_str(&format!(" -f {}", shell_quote(file)));
        }
    }
    cmd.push_str(" up -d --force-recreate");
    if rebuild {
        cmd.push_str(" --build");
    }
    cmd.push(' ');
    cmd.push_str(&shell_quote(c.service_name()));
    Some(cmd)
}

/// `/var/lib/docker/volumes/NAME/_data` → `NAME`.
pub fn volume_name(source: &str) -> &str {
    let dir = source.strip_suffix("/_data").unwrap_or(source);
    dir.rsplit('/').next().unwrap_or(dir)
}

/// The directory a path is in: `/app/start.sh` → `/app`, `/x` → `/`.
pub fn parent_dir(path: &str) -> &str {
    match path.rsplit_once('/') {
        Some(("", _)) => "/",
        Some((dir, _)) => dir,
        None => ".",
    }
}

/// Quotes a word for a POSIX shell, only when it needs it.
pub fn shell_quote(word: &str) -> Cow<'_, str> {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "@%+=:,./_-".contains(c));
    if plain {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(format!("'{}'", word.replace('\'', r"'\''")))
    }
}

/// The container's own command words that name a file: the entrypoint and
/// command, and the script a `sh -c`/`bash` command runs.
pub fn command_files(c: &Container) -> Vec<&str> {
    c.entrypoint
        .iter()
        .chain(c.cmd.iter())
        .flat_map(|w| w.split_whitespace())
        .filter(|w| w.contains('/') || w.ends_with(".sh"))
        .collect()
}

/// Whether `path` names the same file as `word` from a command line: equal,
/// or the same file name when one of them is relative.
pub fn same_file(path: &str, word: &str) -> bool {
    let base = |p: &str| p.rsplit('/').next().unwrap_or(p).to_string();
    path == word || (!(path.starts_with('/') && word.starts_with('/')) && base(path) == base(word))
}

/// A throw-away bundle of one container, for tests of wordings and
/// configurations the captured bundles do not have.
#[cfg(test)]
pub(super) fn scratch_bundle(inspect: &str, log: &str) -> (tempfile::TempDir, Evidence) {
    use crate::collect::bundle;
    use crate::evidence::{AssumedZone, Window};

    let dir = tempfile::tempdir().expect("temp dir");
    let containers = dir.path().join("docker/containers");
    std::fs::create_dir_all(&containers).expect("bundle dirs");
    let name = serde_json::from_str::<serde_json::Value>(inspect).expect("inspect JSON")["Name"]
        .as_str()
        .expect("Name")
        .trim_start_matches('/')
        .to_string();
    std::fs::write(containers.join(format!("{name}.json")), inspect).expect("inspect file");
    std::fs::write(containers.join(format!("{name}.log")), log).expect("log file");
    let evidence =
        bundle::load(dir.path(), AssumedZone::default(), Window::default()).expect("bundle");
    (dir, evidence)
}

/// A matched line and the lines before it, as the scan hands them over.
#[cfg(test)]
pub(super) fn hit(text: &str, before: &[&str]) -> crate::analyze::scan::Hit {
    crate::analyze::scan::Hit {
        line: 10,
        timestamp: None,
        text: text.to_string(),
        before: before.iter().map(|s| s.to_string()).collect(),
    }
}

/// Runs one detector over a [`scratch_bundle`].
#[cfg(test)]
pub(super) fn run_on_scratch(
    detector: &dyn crate::analyze::detector::Detector,
    inspect: &str,
    log: &str,
) -> Vec<Finding> {
    let (_dir, evidence) = scratch_bundle(inspect, log);
    let hits = crate::analyze::scan::scan(
        &evidence,
        &[detector],
        crate::analyze::rules::Catalogue::none(),
        &mut Vec::new(),
    );
    detector.detect(&crate::analyze::detector::Context {
        evidence: &evidence,
        hits: &hits,
        catalogue: crate::analyze::rules::Catalogue::none(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::fixture;

    #[test]
    fn recreates_a_plain_container_with_its_options_and_without_secrets() {
        let evidence = fixture("main-incident");
        let api = evidence.container("mcp-api").unwrap();
        let change = Change {
            env: vec![("LOG_LEVEL".into(), "INFO".into())],
            ..Change::default()
        };
        let commands = recreate_commands(&evidence, api, &change);
        assert_eq!(commands[0], "docker rm -f mcp-api");
        let run = &commands[1];
        assert!(run.starts_with("docker run -d --name mcp-api --restart always --network mcp-net -p 127.0.0.1:18000:8000"), "{run}");
        assert!(run.contains(" -e LOG_LEVEL=INFO "), "{run}");
        assert!(!run.contains("LOG_LEVEL=info"), "{run}");
        // secrets pass through from the shell, never written out
        assert!(
            run.contains(" -e DATABASE_PASSWORD ") && run.contains(" -e API_TOKEN "),
            "{run}"
        );
        assert!(run.contains(" -e DATABASE_URL "), "{run}");
        assert!(
            !run.contains("fixture-") && !redact::contains_placeholder(run),
            "{run}"
        );
        // image defaults are not repeated
        assert!(
            !run.contains("PYTHONUNBUFFERED") && !run.contains("PATH="),
            "{run}"
        );
        assert!(run.ends_with(" coroner-fixture/mcp-api:1.5.0"), "{run}");
    }

    #[test]
    fn rebuild_comes_first_and_a_command_override_is_kept() {
        let evidence = fixture("entrypoint-not-in-path");
        let api = evidence.container("api").unwrap();
        let change = Change {
            rebuild: true,
            ..Change::default()
        };
        let commands = recreate_commands(&evidence, api, &change);
        assert_eq!(
            commands,
            vec![
                "docker build -t coroner-fixture/entrypoint-not-in-path:latest .".to_string(),
                "docker rm -f api".to_string(),
                "docker run -d --name api --restart unless-stopped coroner-fixture/entrypoint-not-in-path:latest".to_string(),
            ]
        );
    }

    #[test]
    fn a_compose_service_is_recreated_by_compose() {
        let (_dir, evidence) = scratch_bundle(
            r#"{"Id": "c1", "Name": "/shop-api-1", "Config": {"Image": "shop/api:2",
                "Labels": {"com.docker.compose.project": "shop",
                           "com.docker.compose.service": "api",
                           "com.docker.compose.project.working_dir": "/srv/shop",
                           "com.docker.compose.project.config_files": "/srv/shop/compose.yaml"}}}"#,
            "",
        );
        let api = evidence.container("shop-api-1").unwrap();
        let change = Change {
            rebuild: true,
            ..Change::default()
        };
        assert_eq!(
            recreate_commands(&evidence, api, &change),
            vec!["docker compose -p shop --project-directory /srv/shop -f /srv/shop/compose.yaml up -d --force-recreate --build api".to_string()]
        );
    }

    #[test]
    fn mounts_keep_their_mode_unless_asked_to_be_writable() {
        let (_dir, evidence) = scratch_bundle(
            r#"{"Id": "c2", "Name": "/web", "Config": {"Image": "web:1"},
                "Mounts": [{"Type": "bind", "Source": "/srv/web/conf", "Destination": "/etc/web", "RW": false},
                           {"Type": "volume", "Source": "/var/lib/docker/volumes/web-data/_data", "Destination": "/data", "RW": false}]}"#,
            "",
        );
        let web = evidence.container("web").unwrap();
        let run = |change: &Change| recreate_commands(&evidence, web, change).pop().unwrap();
        assert_eq!(
            run(&Change::default()),
            "docker run -d --name web -v /srv/web/conf:/etc/web:ro -v web-data:/data:ro web:1"
        );
        let writable = Change {
            writable: vec!["/data".into()],
            ..Change::default()
        };
        assert_eq!(
            run(&writable),
            "docker run -d --name web -v /srv/web/conf:/etc/web:ro -v web-data:/data web:1"
        );
    }

    #[test]
    fn quotes_only_words_that_need_it() {
        assert_eq!(shell_quote("mcp-api"), "mcp-api");
        assert_eq!(shell_quote("a b"), "'a b'");
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
        assert_eq!(shell_quote(""), "''");
    }
}
