//! Exit codes, and the `--fail-on` policy that picks between the first two.
//!
//! The codes are an interface: CI jobs branch on them. README.md lists them;
//! changing what one means is a breaking change.

use coroner::analyze::{Analysis, Verdict};

/// The report was written and nothing reached the `--fail-on` threshold.
pub const OK: u8 = 0;
/// The report was written and what it found reaches the `--fail-on`
/// threshold (by default: anything but a healthy verdict).
pub const PROBLEM_FOUND: u8 = 1;
/// Usage or input error, or evidence that could not be collected: no report,
/// or a report that lacks what was asked for.
pub const USAGE_OR_INPUT: u8 = 2;

/// From what finding on a run fails, as linters let a pipeline choose
/// (hadolint's `--failure-threshold`, dockle's `--exit-level`). Each level
/// fails on everything the levels after it fail on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum FailOn {
    /// Exit 0 whenever the report is written.
    Never,
    /// Fail on any verdict but `healthy`, even when no cause and no symptom
    /// could be named. The default: what coroner has always done.
    #[default]
    Inconclusive,
    /// Fail when a symptom (a 502, a failing healthcheck, an outage in the
    /// monitoring) or a cause was found.
    Symptom,
    /// Fail when a cause was found, certain or only suspected.
    Suspected,
    /// Fail only when the verdict is `root-cause-identified`.
    Cause,
}

impl FailOn {
    /// The exit code for an analysis whose report was written.
    pub fn code(self, analysis: &Analysis) -> u8 {
        let certain = analysis.verdict == Verdict::RootCauseIdentified;
        let suspected = certain || !analysis.root_causes.is_empty();
        let symptom = suspected || !analysis.symptoms.is_empty();
        let failed = match self {
            FailOn::Never => false,
            FailOn::Inconclusive => symptom || analysis.verdict != Verdict::Healthy,
            FailOn::Symptom => symptom,
            FailOn::Suspected => suspected,
            FailOn::Cause => certain,
        };
        if failed {
            PROBLEM_FOUND
        } else {
            OK
        }
    }
}
