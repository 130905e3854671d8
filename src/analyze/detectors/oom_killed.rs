use crate::analyze::detector::{Context, Detector, Finding, Horizon, Quote, Remediation};
use crate::{detector_meta, documented_detector};

documented_detector! {
    /// Detects a container whose main process the kernel killed for exceeding
    /// its memory limit.
    ///
    /// Why it matters: the process gets SIGKILL with no chance to log, so the
    /// container's own logs usually end mid-sentence and exit code 137 looks
    /// like any other kill. Restarting only repeats it.
    ///
    /// Evidence: `State.OOMKilled` with exit code 137 in `docker container
    /// inspect`, and `oom` events before `die` in `docker events`. Exit code
    /// 137 without either is a `docker kill` or a stop timeout, not an OOM.
    /// `OOMKilled` with exit code 0 means a child process was killed while
    /// the main process survived.
    ///
    /// Fix: raise the memory limit (`--memory`, compose `mem_limit` or
    /// `deploy.resources.limits.memory`) or reduce what the process holds in
    /// memory (worker count, caches, batch sizes).
    pub struct OomKilled;
    id = "oom-killed", role = Cause, summary = "the kernel killed the container for exceeding its memory limit";
}

impl Detector for OomKilled {
    detector_meta!();

    fn detect(&self, cx: &Context<'_>) -> Vec<Finding> {
        let mut out = Vec::new();
        for c in &cx.evidence.containers {
            let oom_events: Vec<_> = cx
                .evidence
                .events_of(c)
                .filter(|e| e.action == "oom")
                .collect();
            let killed_main = c.state.oom_killed && c.state.exit_code == 137;
            if !killed_main && oom_events.is_empty() {
                continue;
            }
            let limit = match c.memory_limit {
                0 => "no limit set (host memory exhausted)".to_string(),
                bytes => format!("{} MiB", bytes / (1024 * 1024)),
            };
            let mut f = Finding::new(
                Self::ID,
                Self::ROLE,
                &c.name,
                format!(
                    "{} was killed for running out of memory (limit {limit})",
                    c.name
                ),
            );
            f.confidence = if killed_main { 0.9 } else { 0.6 };
            if c.state.oom_killed {
                f.evidence
                    .push(Quote::field(&c.source, "State.OOMKilled", true));
                f.evidence
                    .push(Quote::field(&c.source, "State.ExitCode", c.state.exit_code));
            }
            for e in &oom_events {
                f.seen_at(Some(e.time));
            }
            if let Some(first) = oom_events.first() {
                f.evidence.push(Quote {
                    source: first.source.clone(),
                    line: Some(first.line),
                    timestamp: Some(first.time),
                    text: format!("event oom for {} ({} oom events)", c.name, oom_events.len()),
                    count: oom_events.len() as u64,
                });
            }
            f.seen_at(c.state.finished_at);
            f.occurrences = (oom_events.len() as u64).max(1);
            let new_limit = (c.memory_limit / (1024 * 1024)).max(64) * 2;
            f.remediation = Remediation::new(format!(
                "Give {} more memory than {limit}, or make it use less.",
                c.name
            ))
            .step(
                Horizon::Immediate,
                "Raise the memory limit and restart the container.",
                &[format!("docker update --memory {new_limit}m --memory-swap {new_limit}m {}", c.name), format!("docker restart {}", c.name)],
            )
            .step(
                Horizon::ShortTerm,
                "Measure the real peak and set the limit in the compose file (mem_limit or deploy.resources.limits.memory).",
                &[format!("docker stats --no-stream {}", c.name)],
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
    fn reports_the_oom_killed_container_with_its_state_and_events() {
        let findings = run_detector(&OomKilled, "oom-killed");
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let f = &findings[0];
        assert!(f.confidence >= 0.9);
        assert!(f.evidence.iter().any(|q| q.text == "State.OOMKilled: true"));
        assert!(f.evidence.iter().any(|q| q.text == "State.ExitCode: 137"));
        assert!(f.remediation.steps[0].commands[0].starts_with("docker update --memory"));
    }

    #[test]
    fn a_healthy_stack_has_no_oom() {
        assert!(run_detector(&OomKilled, "healthy-stack").is_empty());
    }
}
