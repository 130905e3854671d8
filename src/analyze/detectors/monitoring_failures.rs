use crate::analyze::detector::{Context, Detector, Finding, Horizon, Quote, Remediation};
use crate::analyze::monitoring::{
    availability_percent, longest_streak, sample_ref, series_name, target_percent,
};
use crate::evidence::monitoring::MonitoringSeries;
use crate::locale::{Arg, Text};
use crate::{detector_meta, documented_detector};

documented_detector! {
    /// Reports a monitoring history whose checks failed: what users saw.
    ///
    /// Why it matters: the monitor is where an incident starts for the
    /// people who depend on the service. Its figures (how many checks failed
    /// in a row, availability against the target) size the impact, and the
    /// URL it checks leads from the symptom to the service that failed.
    ///
    /// Evidence: a monitoring history in the bundle (JSON lines, CSV, plain
    /// text monitor logs, Prometheus `query_range` responses, Gatus
    /// statuses; docs/monitoring-formats.md). The finding quotes the first
    /// failed check and the last check of the longest failure streak, and
    /// points at the monitored URL so the ranking can follow it through a
    /// proxy to the crashing service. A history that names no URL is known by
    /// its file name; `--monitor-target FILE=URL` names it.
    ///
    /// Fix: this is a symptom. Fix the root cause it is linked to, then
    /// watch the monitor recover.
    pub struct MonitoringFailures;
    id = "monitoring-failures", role = Symptom, summary = "a monitor's checks failed (availability and failure streak)";
}

impl Detector for MonitoringFailures {
    detector_meta!();

    fn detect(&self, cx: &Context<'_>) -> Vec<Finding> {
        let target = target_percent(cx.evidence);
        cx.evidence
            .monitoring
            .iter()
            .filter_map(|series| finding(series, series_name(cx.evidence, series), target))
            .collect()
    }
}

fn finding(series: &MonitoringSeries, name: String, target: f64) -> Option<Finding> {
    let samples = &series.samples;
    let (start, end) = longest_streak(samples)?;
    let failed: Vec<_> = samples.iter().filter(|s| !s.ok).collect();
    let availability = availability_percent(samples);
    let streak = end - start + 1;
    let failures = if streak > 1 {
        Text::msg("monitoring-failures-streak").with("streak", Arg::Ungrouped(streak as u64))
    } else {
        Text::msg("monitoring-failures-failed-checks")
            .with("failed", Arg::Ungrouped(failed.len() as u64))
    };
    let title = if streak > 1 && failed.len() > streak {
        Text::msg("monitoring-failures-title-in-all")
    } else {
        Text::msg("monitoring-failures-title")
    };
    // The target as it was given: `95`, `99.9`.
    let target_decimals = target
        .to_string()
        .split_once('.')
        .map_or(0, |(_, fraction)| fraction.len());
    let mut f = Finding::new(
        MonitoringFailures::ID,
        MonitoringFailures::ROLE,
        &name,
        title
            .with("monitor", &name)
            .with("failures", failures)
            .with("failed", Arg::Ungrouped(failed.len() as u64))
            .with("availability", Arg::decimal(availability, 1))
            .with(
                "target",
                Arg::decimal(target, target_decimals.min(12) as u8),
            ),
    );
    // The monitor saw the failures; how sure the link to a cause is, is the ranking's business.
    f.confidence = 0.9;
    f.occurrences = failed.len() as u64;
    for s in &failed {
        f.seen_at(Some(s.time));
    }
    let mut counts = vec![0u64; series.messages.len()];
    for s in &failed {
        if let Some(i) = s.message_index() {
            counts[i] += 1;
        }
    }
    let quote = |sample: &crate::evidence::monitoring::Sample| {
        let r = sample_ref(series, sample);
        let count = sample.message_index().map_or(1, |i| counts[i]);
        Quote {
            source: series.source.clone(),
            line: r.line,
            timestamp: Some(r.time),
            text: r.text,
            count,
        }
    };
    let first = failed[0];
    f.evidence.push(quote(first));
    for i in [start, end] {
        if samples[i] != *first {
            f.evidence.push(quote(&samples[i]));
        }
    }
    f.evidence.dedup();
    let url = series.target.contains("://").then_some(&series.target);
    f.targets.push(series.target.clone());
    let commands: Vec<String> = url
        .map(|u| {
            vec![
                format!("curl -sS -o /dev/null -w '%{{http_code}} %{{time_total}}s\\n' {u}"),
                format!("coroner investigate --bundle <bundle> --probe {u}"),
            ]
        })
        .unwrap_or_default();
    f.remediation =
        Remediation::new(Text::msg("monitoring-failures-summary").with("target", &series.target))
            .step(
                Horizon::Immediate,
                Text::msg("monitoring-failures-step-check"),
                &commands,
            )
            .step(
                Horizon::ShortTerm,
                Text::msg("monitoring-failures-step-alert")
                    .with("streak", Arg::Ungrouped(streak as u64)),
                &[],
            );
    Some(f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::monitoring::tests::read_monitor_log;
    use crate::analyze::rank;
    use crate::testing::{fixture, run_detector};

    #[test]
    fn the_main_incident_monitors_report_their_streaks_and_urls() {
        let findings = run_detector(&MonitoringFailures, "main-incident");
        let log = read_monitor_log("main-incident");
        let titles: Vec<String> = findings.iter().map(|f| f.title.to_string()).collect();
        assert_eq!(
            titles,
            [
                "api-uptime-9d: 828 consecutive failures (1296 in all), 50.0 % availability vs 95 % target".to_string(),
                format!(
                    "uptime-monitor: {} consecutive failures, {:.1} % availability vs 95 % target",
                    log.last_counter,
                    log.ok as f64 * 100.0 / log.checks as f64
                ),
            ]
        );
        let monitor = &findings[1];
        assert_eq!(monitor.targets, ["http://127.0.0.1:18080/"]);
        assert_eq!(monitor.occurrences, log.last_counter);
        let first = &monitor.evidence[0];
        assert_eq!(first.source, "monitoring/uptime-monitor.log");
        assert_eq!(first.line, Some(log.first_error_line));
        assert!(
            first
                .text
                .to_string()
                .contains("502 Bad Gateway (consecutive failures: 1)"),
            "{}",
            first.text
        );
        let last = monitor.evidence.last().unwrap();
        assert!(
            last.text
                .to_string()
                .contains(&format!("(consecutive failures: {})", log.last_counter)),
            "{}",
            last.text
        );
        let history = &findings[0];
        assert_eq!(history.evidence.len(), 3, "{:#?}", history.evidence);
        assert_eq!(history.evidence[1].line, Some(2592 - 828 + 1));
        assert_eq!(history.evidence[2].line, Some(2592));
    }

    #[test]
    fn the_monitored_url_leads_to_the_host_proxy() {
        let evidence = fixture("main-incident");
        let findings = run_detector(&MonitoringFailures, "main-incident");
        for f in &findings {
            assert_eq!(
                rank::resolve(&evidence, &f.targets[0], &f.service).as_deref(),
                Some("nginx (host)"),
                "{}",
                f.title
            );
        }
    }

    #[test]
    fn healthy_histories_report_nothing() {
        for bundle in ["healthy-stack", "red-herring"] {
            let path = crate::testing::fixture_path(bundle);
            if !path.exists() {
                // Bundles are captured from a real engine; without one there is nothing to check.
                assert!(
                    std::env::var("CI").is_err(),
                    "fixture {bundle} is missing under CI"
                );
                continue;
            }
            assert!(run_detector(&MonitoringFailures, bundle).is_empty());
        }
    }

    #[test]
    fn the_streak_reads_in_french_with_its_numbers() {
        let findings = run_detector(&MonitoringFailures, "main-incident");
        let fr = crate::locale::get("fr").unwrap();
        assert_eq!(
            fr.text(&findings[0].title),
            "api-uptime-9d\u{a0}: 828 échecs consécutifs (1\u{202f}296 au total), 50,0\u{202f}% de disponibilité pour un objectif de 95\u{202f}%"
        );
        let one = Text::msg("monitoring-failures-failed-checks").with("failed", Arg::Ungrouped(1));
        assert_eq!(fr.text(&one), "1 contrôle en échec");
        assert_eq!(one.to_string(), "1 failed check");
    }
}
