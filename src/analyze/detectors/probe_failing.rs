use crate::analyze::detector::{Context, Detector, Finding, Horizon, Quote, Remediation};
use crate::analyze::monitoring::latest_probe_runs;
use crate::evidence::ProbeResult;
use crate::locale::Text;
use crate::{detector_meta, documented_detector};

documented_detector! {
    /// Reports an endpoint that fails when coroner probes it now.
    ///
    /// Why it matters: a history says what users saw; a live probe says
    /// whether they still see it. Five failed tries in a row at the time of
    /// the investigation mean the incident is not over.
    ///
    /// Evidence: the probes run by `coroner investigate --probe URL` (each
    /// URL is tried several times with a timeout and exponential backoff),
    /// saved in the bundle as `probes/probes-*.jsonl`. Each try is classified
    /// as success (2xx, 3xx), 4xx, 502, 503, 504, other 5xx, timeout,
    /// connection refused, DNS or TLS failure. Only the latest run per URL
    /// counts.
    ///
    /// Fix: this is a symptom. Fix the root cause it is linked to, then
    /// probe again.
    pub struct ProbeFailing;
    id = "probe-failing", role = Symptom, summary = "an endpoint fails when probed now";
}

impl Detector for ProbeFailing {
    detector_meta!();

    fn detect(&self, cx: &Context<'_>) -> Vec<Finding> {
        latest_probe_runs(&cx.evidence.probes)
            .into_values()
            .filter_map(finding)
            .collect()
    }
}

fn finding(run: Vec<&ProbeResult>) -> Option<Finding> {
    let failed: Vec<&&ProbeResult> = run.iter().filter(|p| !p.ok).collect();
    let first_failed = **failed.first()?;
    let url = &first_failed.url;
    let last = run.last().copied().unwrap_or(first_failed);
    let mut f = Finding::new(
        ProbeFailing::ID,
        ProbeFailing::ROLE,
        url,
        Text::msg("probe-failing-title")
            .with("url", url)
            .with("answer", &last.answer)
            .with("failed", failed.len())
            .with("probes", run.len()),
    );
    f.confidence = if failed.len() == run.len() { 0.9 } else { 0.6 };
    f.occurrences = failed.len() as u64;
    for p in &failed {
        f.seen_at(Some(p.time));
    }
    for p in [first_failed, last] {
        let detail = p
            .error
            .as_deref()
            .map_or(String::new(), |e| format!(": {e}"));
        let latency = p
            .latency_ms
            .map_or(String::new(), |ms| format!(" in {ms:.0} ms"));
        f.evidence.push(Quote {
            source: p.source.clone(),
            line: (p.line > 0).then_some(p.line),
            timestamp: Some(p.time),
            text: format!("try {}: {}{latency}{detail}", p.attempt, p.answer),
            count: 1,
        });
    }
    f.evidence.dedup();
    f.targets.push(url.clone());
    f.remediation = Remediation::new(Text::msg("probe-failing-fix").with("url", url)).step(
        Horizon::Immediate,
        Text::msg("probe-failing-step-probe"),
        &[format!(
            "coroner investigate --bundle <bundle> --probe {url}"
        )],
    );
    Some(f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::monitoring::ErrorClass;
    use chrono::DateTime;

    fn probe(source: &str, secs: i64, attempt: u32, ok: bool) -> ProbeResult {
        ProbeResult {
            url: "http://127.0.0.1:18080/".into(),
            time: DateTime::from_timestamp(secs, 0).unwrap(),
            attempt,
            ok,
            status: Some(if ok { 200 } else { 502 }),
            latency_ms: Some(3.0),
            class: (!ok).then_some(ErrorClass::BadGateway),
            answer: if ok { "200 OK" } else { "502 Bad Gateway" }.into(),
            error: None,
            source: source.into(),
            line: u64::from(attempt),
        }
    }

    #[test]
    fn only_the_latest_run_counts() {
        let earlier_failing: Vec<ProbeResult> = (1..=5)
            .map(|i| probe("probes/a.jsonl", 100 + i64::from(i), i, false))
            .collect();
        let runs = latest_probe_runs(&earlier_failing);
        let found = finding(runs.into_values().next().unwrap()).unwrap();
        assert_eq!(
            found.title,
            "http://127.0.0.1:18080/ answers 502 Bad Gateway to 5 of 5 probes now"
        );
        assert_eq!(found.targets, ["http://127.0.0.1:18080/"]);
        assert_eq!(found.evidence[0].line, Some(1));
        assert_eq!(found.evidence[1].line, Some(5));

        let mut all = earlier_failing;
        all.extend((1..=5).map(|i| probe("probes/b.jsonl", 200 + i64::from(i), i, true)));
        let runs = latest_probe_runs(&all);
        assert!(runs.into_values().all(|run| finding(run).is_none()));
    }

    #[test]
    fn a_failing_probe_reads_in_french() {
        let run: Vec<ProbeResult> = (1..=5)
            .map(|i| probe("probes/a.jsonl", 100 + i64::from(i), i, i != 3))
            .collect();
        let found = finding(run.iter().collect()).unwrap();
        assert_eq!(
            crate::locale::get("fr").unwrap().text(&found.title),
            "http://127.0.0.1:18080/ répond 200 OK à 1 sonde sur 5 en ce moment"
        );
    }
}
