use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use super::common::{compose_quote, compose_recreate, configured_ports, own_events};
use crate::analyze::detector::{Context, Detector, Finding, Horizon, Quote, Remediation, Role};
use crate::analyze::rank::split_target;
use crate::evidence::compose::Located;
use crate::evidence::container::HealthProbe;
use crate::evidence::Container;
use crate::locale::{Arg, Text};
use crate::{detector_meta, documented_detector};

documented_detector! {
    /// Detects a container whose healthcheck keeps failing, and tells a
    /// broken probe from a service that does not answer.
    ///
    /// Why it matters: an unhealthy container is taken out by whatever
    /// trusts its health (compose `depends_on: condition: service_healthy`,
    /// swarm, autoheal, load balancers), but the reason differs. When the
    /// probe's own tool is missing from the image (`curl: not found`,
    /// `executable file not found`) every probe fails before it reaches the
    /// service, which may be perfectly fine: the healthcheck must be fixed,
    /// not the service. `Connection refused` means nothing listens on the
    /// probed port: when the container's environment sets another port
    /// (`PORT=8080` while the probe calls `:8000`) the probe is outdated,
    /// otherwise the service is down. `Health check exceeded timeout` means
    /// the service hangs or the probe is too strict.
    ///
    /// Evidence: `State.Health` (status, `FailingStreak` and the last five
    /// probe results with exit code and output) and `Config.Healthcheck` in
    /// `docker container inspect`; the first `health_status: unhealthy`
    /// event in `docker events` dates the start.
    ///
    /// Fix: for a broken probe, use a tool the image has (`wget`, or
    /// `bash -c ':> /dev/tcp/127.0.0.1/PORT'`) in `healthcheck.test` and
    /// re-create the container; for an outdated port, probe the port the
    /// service listens on; for a service that does not answer, read its
    /// logs and restart it, or raise the probe timeout if it is only slow.
    pub struct HealthcheckFailing;
    id = "healthcheck-failing", role = Cause, summary = "a container's healthcheck fails: a broken probe, or a service that does not answer";
}

/// Why the probes fail, from the output of the latest one.
#[derive(Debug, PartialEq, Eq)]
enum Failure {
    /// The probe's program is not in the image.
    ToolMissing(String),
    Refused,
    /// Refused on the probed port while the service is set to listen on another.
    WrongPort {
        probed: u16,
        listening: u16,
        entry: String,
    },
    TimedOut(String),
    /// The probe reached the service, which answered with an HTTP error
    /// status: the probe works, and the service reports its own trouble
    /// (often a dependency). A symptom, not a cause.
    AnsweredWithError(u16),
    /// The probe failed in a way its output does not explain.
    Other,
}

// Outputs from failure signatures §7: busybox and dash `sh: [N: ]curl: not
// found`, bash `command not found`, runc `exec: "curl": executable file not
// found in $PATH`, and moby health.go `Health check exceeded timeout (%v)`.
static TOOL_MISSING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?m)(?:^|: )(?:\S*sh): (?:\d+: |line \d+: )?(?P<shell>[^\s:]+): (?:command )?not found",
        r#"|exec: "(?P<exec>[^"]+)": (?:executable file not found|stat \S+: no such file or directory)"#,
    ))
    .expect("static regex")
});
static REFUSED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)connection refused|can't connect to remote host|failed to connect to|ECONNREFUSED",
    )
    .expect("static regex")
});
static TIMED_OUT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"Health check exceeded timeout \((?P<limit>[^)]+)\)").expect("static regex")
});

// busybox wget `server returned error: HTTP/1.0 503 Service Unavailable`,
// curl -f `The requested URL returned error: 503`, CPython urllib `HTTP
// Error 503: Service Unavailable`.
static HTTP_ERROR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:HTTP/\d(?:\.\d)?|returned error:|HTTP Error) ?(?P<code>[45]\d\d)\b")
        .expect("static regex")
});

fn classify(probe: &HealthProbe) -> Failure {
    if let Some(caps) = TOOL_MISSING.captures(&probe.output) {
        let tool = caps
            .name("shell")
            .or_else(|| caps.name("exec"))
            .map_or("", |m| m.as_str());
        return Failure::ToolMissing(tool.rsplit('/').next().unwrap_or(tool).to_string());
    }
    if let Some(caps) = TIMED_OUT.captures(&probe.output) {
        return Failure::TimedOut(caps["limit"].to_string());
    }
    if REFUSED.is_match(&probe.output) {
        return Failure::Refused;
    }
    if let Some(code) = HTTP_ERROR
        .captures(&probe.output)
        .and_then(|c| c["code"].parse().ok())
    {
        return Failure::AnsweredWithError(code);
    }
    Failure::Other
}

impl Detector for HealthcheckFailing {
    detector_meta!();

    fn detect(&self, cx: &Context<'_>) -> Vec<Finding> {
        let ev = cx.evidence;
        let mut out = Vec::new();
        for c in &ev.containers {
            let Some(health) = c.state.health.as_ref().filter(|h| h.status == "unhealthy") else {
                continue;
            };
            let failed: Vec<&HealthProbe> =
                health.log.iter().filter(|p| p.exit_code != 0).collect();
            // The engine marks a container that stopped before any probe ran
            // unhealthy too (FailingStreak 0, empty log): nothing shows a probe failed.
            if failed.is_empty() && health.failing_streak == 0 {
                continue;
            }
            // `["CMD-SHELL", "curl -f …"]` reads `CMD-SHELL curl -f …`.
            let probe = c.healthcheck.join(" ");
            let failure = match failed.last().map_or(Failure::Other, |p| classify(p)) {
                Failure::Refused => wrong_port(c, &probe).unwrap_or(Failure::Refused),
                other => other,
            };
            let streak = health.failing_streak;
            let title = match &failure {
                Failure::ToolMissing(tool) => {
                    Text::msg("healthcheck-failing-title-tool-missing").with("tool", tool)
                }
                Failure::Refused => Text::msg("healthcheck-failing-title-refused"),
                Failure::WrongPort {
                    probed,
                    listening,
                    entry,
                } => Text::msg("healthcheck-failing-title-wrong-port")
                    .with("probed", probed.to_string())
                    .with("listening", listening.to_string())
                    .with("entry", entry),
                Failure::TimedOut(limit) => {
                    Text::msg("healthcheck-failing-title-timed-out").with("limit", limit)
                }
                Failure::AnsweredWithError(code) => {
                    Text::msg("healthcheck-failing-title-http-error").with("code", code.to_string())
                }
                Failure::Other => match failed.last() {
                    Some(p) => Text::msg("healthcheck-failing-title-other")
                        .with("output", first_line(&p.output)),
                    None => Text::msg("healthcheck-failing-title-other-silent"),
                },
            }
            .with("container", &c.name)
            .with("streak", Arg::Ungrouped(streak));
            let role = match failure {
                Failure::AnsweredWithError(_) => Role::Symptom,
                _ => Self::ROLE,
            };
            let mut f = Finding::new(Self::ID, role, &c.name, title);
            f.subject = match &failure {
                Failure::ToolMissing(tool) => Some(tool.clone()),
                Failure::WrongPort { probed, .. } => Some(probed.to_string()),
                Failure::AnsweredWithError(code) => Some(code.to_string()),
                Failure::Refused | Failure::TimedOut(_) | Failure::Other => None,
            };
            f.confidence = match failure {
                Failure::ToolMissing(_) | Failure::WrongPort { .. } => 0.9,
                Failure::Refused | Failure::TimedOut(_) => 0.8,
                Failure::Other | Failure::AnsweredWithError(_) => 0.7,
            };
            f.occurrences = streak.max(failed.len() as u64);
            if !probe.is_empty() {
                f.evidence
                    .push(Quote::field(&c.source, "Config.Healthcheck.Test", &probe));
            }
            if let Failure::WrongPort { entry, .. } = &failure {
                f.evidence
                    .push(Quote::field(&c.source, "Config.Env", entry));
            }
            f.evidence.push(Quote::field(
                &c.source,
                "State.Health.Status",
                &health.status,
            ));
            f.evidence.push(Quote::field(
                &c.source,
                "State.Health.FailingStreak",
                streak,
            ));
            // Distinct outputs, each at its latest probe, with how many probes printed it.
            let mut outputs: BTreeMap<(i64, &str), (u64, &HealthProbe)> = BTreeMap::new();
            for p in &failed {
                let entry = outputs
                    .entry((p.exit_code, p.output.trim()))
                    .or_insert((0, p));
                entry.0 += 1;
                entry.1 = p;
            }
            let mut probes: Vec<Quote> = outputs
                .into_iter()
                .map(|((code, output), (n, p))| {
                    let mut q = Quote::field(
                        &c.source,
                        "State.Health.Log",
                        format!("exit {code}: {}", output.replace('\n', " | ")),
                    );
                    q.timestamp = p.end.or(p.start);
                    q.count = n;
                    q
                })
                .collect();
            probes.sort_by_key(|q| q.timestamp);
            f.evidence.extend(probes);
            let unhealthy_events: Vec<_> = own_events(ev, c)
                .filter(|e| e.action == "health_status" && e.detail == "unhealthy")
                .collect();
            if let Some(first) = unhealthy_events.first() {
                f.evidence.push(Quote {
                    source: first.source.clone(),
                    line: Some(first.line),
                    timestamp: Some(first.time),
                    text: format!("event health_status: unhealthy for {}", c.name),
                    count: unhealthy_events.len() as u64,
                });
                f.seen_at(Some(first.time));
            }
            for p in &failed {
                f.seen_at(p.end.or(p.start));
            }
            // The probe is what to fix: point at the line that declares it.
            let declared = ev
                .compose_service_of(c)
                .and_then(|(_, s)| s.healthcheck_test.as_ref())
                .filter(|_| matches!(failure, Failure::ToolMissing(_) | Failure::WrongPort { .. }));
            if let Some(test) = declared {
                f.evidence.push(compose_quote(&test.at));
            }
            f.remediation = remedy(c, &failure, &probe, declared);
            out.push(f);
        }
        out
    }
}

/// A refused probe on one port while the environment sets another.
fn wrong_port(c: &Container, probe: &str) -> Option<Failure> {
    let probed = probed_port(probe)?;
    let configured = configured_ports(c);
    if configured.iter().any(|(_, p)| *p == probed) {
        return None;
    }
    let (entry, listening) = configured.first()?;
    Some(Failure::WrongPort {
        probed,
        listening: *listening,
        entry: entry.to_string(),
    })
}

/// The healthcheck as a command to run by hand, with `from` port replaced by `to`.
fn probe_by_hand(c: &Container, from: u16, to: u16) -> Option<String> {
    let swap = |arg: &String| arg.replace(&format!(":{from}"), &format!(":{to}"));
    let quote = |arg: &str| format!("'{}'", arg.replace('\'', r"'\''"));
    match c.healthcheck.split_first()? {
        (kind, [command]) if kind == "CMD-SHELL" => Some(format!(
            "docker exec {} sh -c {}",
            c.name,
            quote(&swap(command))
        )),
        (kind, args) if kind == "CMD" && !args.is_empty() => Some(format!(
            "docker exec {} {}",
            c.name,
            args.iter()
                .map(|a| quote(&swap(a)))
                .collect::<Vec<_>>()
                .join(" ")
        )),
        _ => None,
    }
}

fn first_line(text: &str) -> &str {
    text.lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim()
}

/// The port the probe talks to, from a URL or `host:port` in its command.
fn probed_port(probe: &str) -> Option<u16> {
    probe
        .split_whitespace()
        .filter(|word| word.contains(':'))
        .find_map(|word| split_target(word.trim_matches(['"', '\''])).1)
}

/// A healthcheck test written as compose's flow sequence.
fn yaml_test(args: &[String]) -> String {
    let items: Vec<String> = args
        .iter()
        .map(|a| format!("\"{}\"", a.replace('\\', "\\\\").replace('"', "\\\"")))
        .collect();
    format!("test: [{}]", items.join(", "))
}

/// The compose edit: `replacement` instead of the declared test.
fn test_edit(c: &Container, declared: &Located<Vec<String>>, replacement: &[String]) -> Text {
    Text::msg("healthcheck-failing-edit")
        .with("line", declared.at.line.to_string())
        .with("file", declared.at.host_file(c))
        .with("text", &declared.at.text)
        .with("replacement", yaml_test(replacement))
}

fn remedy(
    c: &Container,
    failure: &Failure,
    probe: &str,
    declared: Option<&Located<Vec<String>>>,
) -> Remediation {
    let name = &c.name;
    let health = format!("docker inspect --format '{{{{json .State.Health}}}}' {name}");
    let mut apply: Vec<String> = compose_recreate(c, false).into_iter().collect();
    apply.push(health.clone());
    match failure {
        Failure::ToolMissing(tool) => {
            let port = probed_port(probe).map_or("PORT".to_string(), |p| p.to_string());
            let url = probe
                .split_whitespace()
                .find(|w| w.starts_with("http://") || w.starts_with("https://"))
                .unwrap_or("");
            let bash = format!("[\"CMD\", \"bash\", \"-c\", \":> /dev/tcp/127.0.0.1/{port}\"]");
            let replace = match declared {
                Some(declared) => {
                    let replacement: Vec<String> = if url.is_empty() {
                        [
                            "CMD",
                            "bash",
                            "-c",
                            &format!(":> /dev/tcp/127.0.0.1/{port}"),
                        ]
                        .map(String::from)
                        .to_vec()
                    } else {
                        [
                            "CMD-SHELL",
                            &format!("wget -q -O /dev/null {url} || exit 1"),
                        ]
                        .map(String::from)
                        .to_vec()
                    };
                    Text::msg("healthcheck-failing-replace-declared")
                        .with("edit", test_edit(c, declared, &replacement))
                }
                None if url.is_empty() => {
                    Text::msg("healthcheck-failing-replace-example").with("bash", bash)
                }
                None => Text::msg("healthcheck-failing-replace-example-wget")
                    .with(
                        "wget",
                        format!("[\"CMD-SHELL\", \"wget -q -O /dev/null {url} || exit 1\"]"),
                    )
                    .with("bash", bash),
            };
            Remediation::new(
                Text::msg("healthcheck-failing-tool-missing-summary")
                    .with("container", name)
                    .with("tool", tool),
            )
            .step(
                Horizon::Immediate,
                Text::msg("healthcheck-failing-step-tools"),
                &[format!(
                    "docker exec {name} sh -c 'command -v curl wget bash nc'"
                )],
            )
            .step(
                Horizon::ShortTerm,
                Text::msg("healthcheck-failing-step-replace").with("replace", replace),
                &apply,
            )
        }
        Failure::WrongPort {
            probed, listening, ..
        } => {
            let fixed = c
                .healthcheck
                .iter()
                .skip(1)
                .map(|arg| arg.replace(&format!(":{probed}"), &format!(":{listening}")))
                .collect::<Vec<_>>()
                .join(" ");
            Remediation::new(
                Text::msg("healthcheck-failing-wrong-port-summary")
                    .with("container", name)
                    .with("listening", listening.to_string()),
            )
            .step(
                Horizon::Immediate,
                Text::msg("healthcheck-failing-step-confirm-port")
                    .with("listening", listening.to_string()),
                &probe_by_hand(c, *probed, *listening)
                    .into_iter()
                    .collect::<Vec<_>>(),
            )
            .step(
                Horizon::ShortTerm,
                match declared {
                    Some(declared) => {
                        let replacement: Vec<String> = declared
                            .value
                            .iter()
                            .map(|arg| arg.replace(&format!(":{probed}"), &format!(":{listening}")))
                            .collect();
                        Text::msg("healthcheck-failing-step-probe-port")
                            .with("edit", test_edit(c, declared, &replacement))
                    }
                    None => Text::msg("healthcheck-failing-step-change-test").with("test", fixed),
                },
                &apply,
            )
        }
        Failure::Refused
        | Failure::TimedOut(_)
        | Failure::AnsweredWithError(_)
        | Failure::Other => {
            let mut r = Remediation::new(
                Text::msg("healthcheck-failing-service-summary").with("container", name),
            )
            .step(
                Horizon::Immediate,
                Text::msg("healthcheck-failing-step-read-logs"),
                &[
                    format!("docker logs --timestamps --tail 100 {name}"),
                    health,
                ],
            )
            .step(
                Horizon::Immediate,
                Text::msg("healthcheck-failing-step-restart"),
                &[format!("docker restart {name}")],
            );
            if matches!(failure, Failure::TimedOut(_)) {
                r = r.step(
                    Horizon::ShortTerm,
                    Text::msg("healthcheck-failing-step-more-time"),
                    &apply,
                );
            }
            r
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::run_detector;

    fn probe(code: i64, output: &str) -> HealthProbe {
        HealthProbe {
            start: None,
            end: None,
            exit_code: code,
            output: output.to_string(),
        }
    }

    #[test]
    fn qdrant_probe_is_broken_because_curl_is_not_in_the_image() {
        let findings = run_detector(&HealthcheckFailing, "main-incident");
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let f = &findings[0];
        assert_eq!(f.service, "qdrant");
        assert!(
            f.title
                .to_string()
                .contains("healthcheck is broken: `curl` is not in the image"),
            "{}",
            f.title
        );
        assert!(f.evidence.iter().any(|q| {
            q.text
            == "Config.Healthcheck.Test: CMD-SHELL curl -f http://localhost:6333/healthz || exit 1"
        }));
        let outputs = f
            .evidence
            .iter()
            .find(|q| q.text == "State.Health.Log: exit 1: /bin/sh: curl: not found")
            .expect("probe output quoted");
        assert_eq!(outputs.count, 5);
        let event = f
            .evidence
            .iter()
            .find(|q| {
                q.text
                    .to_string()
                    .starts_with("event health_status: unhealthy")
            })
            .unwrap();
        assert_eq!(f.first_seen, event.timestamp);
        assert!(f.last_seen > f.first_seen);
        let fix = f.remediation.steps[1].text.to_string();
        assert!(fix.contains("/dev/tcp/127.0.0.1/6333"), "{fix}");
        assert!(
            fix.contains("wget -q -O /dev/null http://localhost:6333/healthz"),
            "{fix}"
        );
    }

    #[test]
    fn tells_a_broken_probe_from_a_service_that_does_not_answer() {
        // Outputs verbatim from failure signatures §7.
        let cases = [
            ("/bin/sh: curl: not found\n", Failure::ToolMissing("curl".into())),
            ("/bin/sh: 1: curl: not found\n", Failure::ToolMissing("curl".into())),
            (
                "OCI runtime exec failed: exec failed: unable to start container process: exec: \"curl\": executable file not found in $PATH: unknown",
                Failure::ToolMissing("curl".into()),
            ),
            (
                "wget: can't connect to remote host (127.0.0.1): Connection refused\nchecking\n",
                Failure::Refused,
            ),
            (
                "curl: (7) Failed to connect to localhost port 6333 after 0 ms: Couldn't connect to server",
                Failure::Refused,
            ),
            ("Health check exceeded timeout (1s)", Failure::TimedOut("1s".into())),
            (
                "curl: (22) The requested URL returned error: 500",
                Failure::AnsweredWithError(500),
            ),
            (
                "wget: server returned error: HTTP/1.0 503 Service Unavailable",
                Failure::AnsweredWithError(503),
            ),
            ("unexpected output: not ready", Failure::Other),
        ];
        for (output, expected) in cases {
            assert_eq!(classify(&probe(1, output)), expected, "{output}");
        }
    }

    #[test]
    fn a_probe_on_the_old_port_is_told_from_a_dead_service() {
        let findings = run_detector(&HealthcheckFailing, "healthcheck-failing");
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let f = &findings[0];
        assert_eq!(f.service, "catalog");
        assert!(
            f.title.to_string().starts_with("catalog's healthcheck probes port 8000, but the service is set to listen on 8080 (PORT=8080): connection refused"),
            "{}",
            f.title
        );
        assert!(f.evidence.iter().any(|q| q.text
            == "State.Health.Log: exit 1: wget: can't connect to remote host (127.0.0.1): Connection refused"));
        assert_eq!(
            f.remediation.steps[0].commands,
            ["docker exec catalog sh -c 'wget -q -O /dev/null http://127.0.0.1:8080/health || exit 1'"]
        );
        assert!(f.remediation.steps[1]
            .text
            .to_string()
            .contains("`wget -q -O /dev/null http://127.0.0.1:8080/health || exit 1`"));
    }

    #[test]
    fn a_working_service_with_a_missing_probe_tool_is_a_broken_probe() {
        let findings = run_detector(&HealthcheckFailing, "healthcheck-probe-missing");
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert!(
            findings[0]
                .title
                .to_string()
                .starts_with("search's healthcheck is broken: `curl` is not in the image"),
            "{}",
            findings[0].title
        );
    }

    #[test]
    fn healthy_stack_has_no_failing_healthcheck() {
        assert!(run_detector(&HealthcheckFailing, "healthy-stack").is_empty());
    }

    #[test]
    fn the_broken_probe_reads_in_french() {
        let findings = run_detector(&HealthcheckFailing, "main-incident");
        let fr = crate::locale::get("fr").unwrap();
        let title = fr.text(&findings[0].title);
        assert!(
            title.starts_with("La sonde de santé (healthcheck) de qdrant est cassée\u{a0}: `curl` n'est pas dans l'image")
                && title.ends_with(" échecs consécutifs)"),
            "{title}"
        );
        let once = Text::msg("healthcheck-failing-title-refused")
            .with("container", "api")
            .with("streak", Arg::Ungrouped(1));
        assert_eq!(
            fr.text(&once),
            "api ne répond pas à sa sonde de santé (healthcheck)\u{a0}: connexion refusée (1 échec)"
        );
    }
}
