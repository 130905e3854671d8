use crate::analyze::detector::{Context, Detector, Finding, Horizon, Quote, Remediation};
use crate::locale::Text;
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
                0 => Text::msg("oom-killed-limit-none"),
                // A size as `docker update --memory` takes it (1024, not 1,024).
                bytes => Text::msg("oom-killed-limit-mib")
                    .with("mib", (bytes / (1024 * 1024)).to_string()),
            };
            let mut f = Finding::new(
                Self::ID,
                Self::ROLE,
                &c.name,
                Text::msg("oom-killed-title")
                    .with("service", &c.name)
                    .with("limit", limit.clone()),
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
            f.remediation = Remediation::new(
                Text::msg("oom-killed-fix")
                    .with("service", &c.name)
                    .with("limit", limit),
            )
            .step(
                Horizon::Immediate,
                Text::msg("oom-killed-step-raise"),
                &[
                    format!(
                        "docker update --memory {new_limit}m --memory-swap {new_limit}m {}",
                        c.name
                    ),
                    format!("docker restart {}", c.name),
                ],
            )
            .step(
                Horizon::ShortTerm,
                Text::msg("oom-killed-step-measure"),
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

    #[test]
    fn an_oom_kill_reads_in_french() {
        let fr = crate::locale::get("fr").unwrap();
        let findings = run_detector(&OomKilled, "oom-killed");
        assert_eq!(
            fr.text(&findings[0].title),
            "embedder a été tué faute de mémoire (limite\u{a0}: 16 Mio)"
        );
    }
}
