use std::collections::BTreeSet;

use super::common::{compose_quote, compose_recreate};
use crate::analyze::detector::{Context, Detector, Finding, Horizon, Quote, Remediation};
use crate::evidence::compose::{ComposeService, Place};
use crate::evidence::Container;
use crate::locale::Text;
use crate::{detector_meta, documented_detector};

documented_detector! {
    /// Detects a compose container that no longer matches the compose file
    /// in the bundle: it was started from an older version of the file.
    ///
    /// Why it matters: editing a compose file changes nothing until the
    /// service is created again (`docker compose up -d`), so the fix someone
    /// believes is deployed is not, or a change waiting in the file is what
    /// the next deploy will bring. Compared: the image reference, the
    /// published host ports, the names of the environment variables (values
    /// are secrets and are not compared) and the healthcheck test.
    ///
    /// Evidence: the service's lines in `compose/<project>/` (the files the
    /// containers' `com.docker.compose.project.config_files` label names,
    /// merged and interpolated from the project's `.env` as compose does)
    /// against `Config.Image`, `HostConfig.PortBindings`, `Config.Env` and
    /// `Config.Healthcheck` of `docker container inspect`. Variables the
    /// image itself sets (its `ENV`) are not counted as drift.
    ///
    /// Role: a cause, with a modest confidence, because a container started
    /// from another file can explain its failure; when the container runs
    /// healthy the ranking dismisses it (it survived), so the drift is still
    /// listed for whoever deploys next.
    ///
    /// Fix: create the service again from the file
    /// (`docker compose up -d --force-recreate SERVICE`), or revert the file
    /// if the running configuration is the one wanted.
    pub struct ComposeDrift;
    id = "compose-drift", role = Cause, summary = "a compose container was started from an older version of its compose file";
}

/// One difference between the file and the container.
struct Difference {
    /// `image`, `ports`, `environment`, `healthcheck`.
    what: &'static str,
    /// One sentence, file side first.
    text: Text,
    at: Place,
    running: Quote,
}

impl Detector for ComposeDrift {
    detector_meta!();

    fn detect(&self, cx: &Context<'_>) -> Vec<Finding> {
        let ev = cx.evidence;
        let mut out = Vec::new();
        for c in &ev.containers {
            let Some((_, declared)) = ev.compose_service_of(c) else {
                continue;
            };
            let image_env = ev.image_of(c).map(|i| names(&i.env));
            let differences = differences(c, declared, image_env.as_ref());
            if differences.is_empty() {
                continue;
            }
            let kinds: Vec<&str> = differences.iter().map(|d| d.what).collect();
            let mut f = Finding::new(
                Self::ID,
                Self::ROLE,
                &c.name,
                Text::msg("compose-drift-title")
                    .with("container", &c.name)
                    .with(
                        "kinds",
                        chain(
                            "compose-drift-kinds",
                            kinds
                                .iter()
                                .map(|k| Text::msg("compose-drift-kind").with("kind", *k))
                                .collect(),
                        ),
                    )
                    .with("file", &declared.at.file),
            );
            f.subject = Some(kinds.join(","));
            f.confidence = 0.5;
            f.occurrences = differences.len() as u64;
            if let Some(started) = c.state.started_at.or(c.created) {
                f.seen_at(Some(started));
            }
            let mut steps = Vec::new();
            for d in &differences {
                f.evidence.push(compose_quote(&d.at));
                f.evidence.push(d.running.clone());
                steps.push(
                    Text::msg("compose-drift-difference")
                        .with("difference", d.text.clone())
                        .with("line", d.at.line.to_string())
                        .with("file", d.at.host_file(c)),
                );
            }
            let commands: Vec<String> = compose_recreate(c, false).into_iter().collect();
            f.remediation =
                Remediation::new(Text::msg("compose-drift-summary").with("container", &c.name))
                    .step(
                        Horizon::Immediate,
                        Text::msg("compose-drift-step-check")
                            .with("differences", chain("compose-drift-differences", steps)),
                        &[],
                    )
                    .step(
                        Horizon::Immediate,
                        Text::msg("compose-drift-step-recreate"),
                        &commands,
                    );
            out.push(f);
        }
        out
    }
}

fn names(env: &[String]) -> BTreeSet<String> {
    env.iter()
        .map(|e| e.split_once('=').map_or(e.as_str(), |(n, _)| n).to_string())
        .collect()
}

fn differences(
    c: &Container,
    declared: &ComposeService,
    image_env: Option<&BTreeSet<String>>,
) -> Vec<Difference> {
    let mut out = Vec::new();
    if let Some(image) = &declared.image {
        if image.value != c.image && !c.image.is_empty() {
            out.push(Difference {
                what: "image",
                text: Text::msg("compose-drift-image")
                    .with("declared", &image.value)
                    .with("running", &c.image),
                at: image.at.clone(),
                running: Quote::field(&c.source, "Config.Image", &c.image),
            });
        }
    }
    // Published host ports only: a port compose picks (`"80"`) has none to compare.
    let file_ports: BTreeSet<u16> = declared
        .ports
        .iter()
        .filter_map(|p| p.value.published.parse().ok())
        .collect();
    let running_ports: BTreeSet<u16> = c.ports.iter().filter_map(|p| p.host_port).collect();
    // A container that never started has no bindings to compare.
    if c.state.status != "created" && file_ports != running_ports {
        let list = |ports: &BTreeSet<u16>| {
            if ports.is_empty() {
                "none".to_string()
            } else {
                ports
                    .iter()
                    .map(u16::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        };
        let at = declared
            .ports
            .iter()
            .find(|p| {
                p.value
                    .published
                    .parse()
                    .is_ok_and(|port: u16| !running_ports.contains(&port))
            })
            .map(|p| p.at.clone())
            .or_else(|| declared.ports_at.clone())
            .unwrap_or_else(|| declared.at.clone());
        let ports = |ports: &BTreeSet<u16>| {
            if ports.is_empty() {
                Text::msg("compose-drift-no-ports")
            } else {
                Text::msg("compose-drift-port-list").with("ports", list(ports))
            }
        };
        out.push(Difference {
            what: "ports",
            text: Text::msg("compose-drift-ports")
                .with("declared", ports(&file_ports))
                .with("running", ports(&running_ports)),
            at,
            running: Quote::field(
                &c.source,
                "HostConfig.PortBindings (host ports)",
                list(&running_ports),
            ),
        });
    }
    let running = names(&c.env);
    let file: BTreeSet<String> = declared
        .environment
        .iter()
        .map(|e| e.value.clone())
        .collect();
    let missing: Vec<&String> = file.difference(&running).collect();
    // Set in the container, not by the file, not by the image: removed from the file.
    let removed: Vec<&String> = match image_env {
        Some(image) => running
            .iter()
            .filter(|n| !file.contains(*n) && !image.contains(*n))
            .collect(),
        None => Vec::new(),
    };
    if !missing.is_empty() || !removed.is_empty() {
        let at = declared
            .environment
            .iter()
            .find(|e| missing.contains(&&e.value))
            .map(|e| e.at.clone())
            .or_else(|| declared.environment_at.clone())
            .unwrap_or_else(|| declared.at.clone());
        let text = match (missing.is_empty(), removed.is_empty()) {
            (false, true) => Text::msg("compose-drift-environment-missing"),
            (true, false) => Text::msg("compose-drift-environment-removed"),
            _ => Text::msg("compose-drift-environment-both"),
        };
        out.push(Difference {
            what: "environment",
            text: text
                .with("missing", join(&missing))
                .with("removed", join(&removed)),
            at,
            running: Quote::field(
                &c.source,
                "Config.Env (names)",
                running.iter().cloned().collect::<Vec<_>>().join(", "),
            ),
        });
    }
    if let Some(test) = &declared.healthcheck_test {
        if !c.healthcheck.is_empty() && test.value != c.healthcheck {
            out.push(Difference {
                what: "healthcheck",
                text: Text::msg("compose-drift-healthcheck")
                    .with("declared", test.value.join(" "))
                    .with("running", c.healthcheck.join(" ")),
                at: test.at.clone(),
                running: Quote::field(
                    &c.source,
                    "Config.Healthcheck.Test",
                    c.healthcheck.join(" "),
                ),
            });
        }
    }
    out
}

/// Texts joined pairwise by the message `id` (`{ $first }, { $rest }`).
/// `items` is not empty.
fn chain(id: &'static str, items: Vec<Text>) -> Text {
    Text::chain(id, items).unwrap_or_default()
}

fn join(names: &[&String]) -> String {
    names
        .iter()
        .map(|n| n.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::run_detector;

    /// The capture edited compose.yaml after `up`: proxy's tag 1.0 → 1.1
    /// and a new CACHE_URL. Nothing else drifted.
    #[test]
    fn the_file_edited_after_up_is_drift_of_the_edited_service_only() {
        let findings = run_detector(&ComposeDrift, "compose-lines");
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let f = &findings[0];
        assert_eq!(f.service, "coroner-fx-lines_proxy_1");
        assert_eq!(f.subject.as_deref(), Some("image,environment"));
        let quoted: Vec<(&str, Option<u64>, &str)> = f
            .evidence
            .iter()
            .map(|q| (q.source.as_str(), q.line, q.text.as_str()))
            .collect();
        assert_eq!(
            quoted,
            [
                (
                    "compose/coroner-fx-lines/compose.yaml",
                    Some(5),
                    "image: coroner-fixture/compose-lines-httpd:1.1"
                ),
                (
                    "docker/containers/coroner-fx-lines_proxy_1.json",
                    None,
                    "Config.Image: coroner-fixture/compose-lines-httpd:1.0"
                ),
                (
                    "compose/coroner-fx-lines/compose.yaml",
                    Some(11),
                    "CACHE_URL: redis://cache:6379/0"
                ),
                (
                    "docker/containers/coroner-fx-lines_proxy_1.json",
                    None,
                    "Config.Env (names): PATH, UPSTREAM"
                ),
            ]
        );
        let check = f.remediation.steps[0].text.to_string();
        assert!(
            check.contains("the file says image coroner-fixture/compose-lines-httpd:1.1, the container runs coroner-fixture/compose-lines-httpd:1.0 (line 5 of /tmp/"),
            "{check}"
        );
        assert!(
            check.contains(
                "the file sets CACHE_URL that the container does not have (line 11 of /tmp/"
            ),
            "{check}"
        );
        assert!(f.remediation.steps[1].commands[0].ends_with("up -d --force-recreate proxy"));
    }

    /// Containers without a compose file in the bundle are not compared.
    #[test]
    fn nothing_without_compose_files() {
        assert!(run_detector(&ComposeDrift, "compose-db-down").is_empty());
        assert!(run_detector(&ComposeDrift, "main-incident").is_empty());
    }

    #[test]
    fn the_drift_reads_in_french() {
        let findings = run_detector(&ComposeDrift, "compose-lines");
        let fr = crate::locale::get("fr").unwrap();
        let title = fr.text(&findings[0].title);
        assert!(
            title.starts_with(
                "Dérive entre le fichier compose et le conteneur coroner-fx-lines_proxy_1, "
            ) && title.ends_with("\u{a0}: écart avec compose/coroner-fx-lines/compose.yaml sur l'image, l'environnement"),
            "{title}"
        );
        let check = fr.text(&findings[0].remediation.steps[0].text);
        assert!(
            check.contains(")\u{202f}; le fichier définit CACHE_URL"),
            "{check}"
        );
    }
}
