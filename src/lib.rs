//! coroner investigates incidents on Docker hosts and writes the report a
//! senior engineer would write after hours of digging.
//!
//! The pipeline is the architecture, one module a stage:
//!
//! - [`collect`]: gathers evidence (a bundle on disk, the live Docker engine,
//!   HTTP probes, Prometheus) and nothing else.
//! - [`evidence`]: the model of what was gathered, parsed from Docker's own
//!   formats, with secrets masked on entry.
//! - [`analyze`]: detectors, ranking of root causes apart from symptoms, the
//!   chronology and the verdict. Never talks to Docker.
//! - [`report`]: renders an analysis as Markdown, HTML or JSON. Decides nothing.
//! - [`locale`]: the languages reports are written in: the analyzer says
//!   things as message ids with arguments, a report turns them into words.

pub mod analyze;
pub mod collect;
pub mod evidence;
pub mod locale;
pub mod report;

#[cfg(test)]
pub(crate) mod testing;
