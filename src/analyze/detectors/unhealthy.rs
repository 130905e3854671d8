use super::common::own_events;
use crate::analyze::detector::{Context, Detector, Finding, Horizon, Quote, Remediation};
use crate::locale::{Arg, Text};
use crate::{detector_meta, documented_detector};

documented_detector! {
    /// Reports a container whose health status is `unhealthy`: what
    /// `docker ps` shows as `Up 2 hours (unhealthy)`.
    ///
    /// Why it matters: it is what operators and orchestrators see, and what
    /// compose `depends_on: condition: service_healthy` waits on
    /// (`dependency failed to start: container X is unhealthy`). It is a
    /// symptom: the cause is on the same container, a failing healthcheck
    /// (broken probe or service not answering) or whatever keeps the service
    /// from answering, and the ranking links it there.
    ///
    /// Evidence: `State.Health.Status` and `FailingStreak` in `docker
    /// container inspect`, and `health_status: unhealthy` events in `docker
    /// events` for when it started.
    ///
    /// Fix: fix the cause it is linked to; the status turns `healthy` at the
    /// next passing probe.
    pub struct Unhealthy;
    id = "unhealthy", role = Symptom, summary = "a container is marked unhealthy";
}

impl Detector for Unhealthy {
    detector_meta!();

    fn detect(&self, cx: &Context<'_>) -> Vec<Finding> {
        let ev = cx.evidence;
        let mut out = Vec::new();
        for c in &ev.containers {
            let Some(health) = c.state.health.as_ref().filter(|h| h.status == "unhealthy") else {
                continue;
            };
            let events: Vec<_> = own_events(ev, c)
                .filter(|e| e.action == "health_status" && e.detail == "unhealthy")
                .collect();
            let title = match events.first() {
                Some(e) => Text::msg("unhealthy-title-since").with("since", Arg::Clock(e.time)),
                None => Text::msg("unhealthy-title"),
            };
            let mut f = Finding::new(
                Self::ID,
                Self::ROLE,
                &c.name,
                title
                    .with("service", &c.name)
                    .with("streak", health.failing_streak),
            );
            f.confidence = 0.95;
            f.occurrences = health.failing_streak.max(1);
            f.evidence.push(Quote::field(
                &c.source,
                "State.Health.Status",
                &health.status,
            ));
            f.evidence.push(Quote::field(
                &c.source,
                "State.Health.FailingStreak",
                health.failing_streak,
            ));
            if let Some(first) = events.first() {
                f.evidence.push(Quote {
                    source: first.source.clone(),
                    line: Some(first.line),
                    timestamp: Some(first.time),
                    text: format!("event health_status: unhealthy for {}", c.name),
                    count: events.len() as u64,
                });
            }
            for e in &events {
                f.seen_at(Some(e.time));
            }
            for p in health.log.iter().filter(|p| p.exit_code != 0) {
                f.seen_at(p.end.or(p.start));
            }
            f.remediation = Remediation::new(Text::msg("unhealthy-fix").with("service", &c.name))
                .step(
                    Horizon::Immediate,
                    Text::msg("unhealthy-step-watch"),
                    &[format!(
                        "docker inspect --format '{{{{json .State.Health}}}}' {}",
                        c.name
                    )],
                );
            out.push(f);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::run_detector;

    #[test]
    fn reports_qdrant_as_unhealthy_since_its_first_unhealthy_event() {
        let findings = run_detector(&Unhealthy, "main-incident");
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let f = &findings[0];
        assert_eq!(f.service, "qdrant");
        assert!(f.targets.is_empty(), "explained by its own service");
        let streak = crate::testing::fixture("main-incident")
            .container("qdrant")
            .and_then(|c| c.state.health.as_ref().map(|h| h.failing_streak))
            .unwrap();
        assert!(streak >= 2, "unhealthy takes two failures in a row");
        assert_eq!(f.occurrences, streak);
        assert!(
            f.title
                .to_string()
                .starts_with("qdrant is unhealthy since ")
                && f.title
                    .to_string()
                    .ends_with(&format!(": {streak} failed health probes in a row")),
            "{}",
            f.title
        );
        let event = f.evidence.iter().find(|q| q.line.is_some()).unwrap();
        assert_eq!(event.source, "docker/events.jsonl");
        assert_eq!(f.first_seen, event.timestamp);
    }

    #[test]
    fn healthy_stack_has_no_unhealthy_container() {
        assert!(run_detector(&Unhealthy, "healthy-stack").is_empty());
    }

    #[test]
    fn an_unhealthy_container_reads_in_french() {
        let fr = crate::locale::get("fr").unwrap();
        let findings = run_detector(&Unhealthy, "main-incident");
        let title = fr.text(&findings[0].title);
        assert!(
            title.starts_with("qdrant est en mauvaise santé depuis ")
                && title.ends_with(" UTC\u{a0}: 15 sondes de santé en échec d'affilée"),
            "{title}"
        );
        let once = Text::msg("unhealthy-title")
            .with("service", "api")
            .with("streak", 1u64);
        assert_eq!(
            fr.text(&once),
            "api est en mauvaise santé\u{a0}: 1 sonde de santé en échec"
        );
    }
}
