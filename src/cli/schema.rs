//! `coroner schema`: the JSON Schema of the JSON report on standard output,
//! for consumers to validate reports against (docs/report-format.md).

use std::io::Write as _;

use anyhow::{Context as _, Result};

use coroner::report::schema;

/// Prints the schema of the JSON report this binary writes.
pub fn schema() -> Result<()> {
    std::io::stdout()
        .write_all(schema::document().as_bytes())
        .context("cannot write the schema to standard output")
}
