//! The JSON Schema of the JSON report, generated from the types serialised
//! into it, so it cannot disagree with them: `coroner schema` prints it and
//! `docs/report.schema.json` is a copy kept in step by a test.
//!
//! The schema describes exactly what this version writes: every object is
//! closed (`additionalProperties: false`), so a field added to the report
//! without a new schema, or a consumer expecting a field that is not there,
//! is caught by validation. It describes shapes and types; what the strings
//! say is the analysis's business and is not constrained here.

use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use schemars::Schema;

use super::JsonReport;

/// The schema, as pretty-printed JSON ending in a newline.
pub fn document() -> String {
    let schema = SchemaSettings::draft2020_12()
        .for_serialize()
        .with_transform(RecursiveTransform(close_object))
        .into_generator()
        .into_root_schema_for::<JsonReport<'static>>();
    let mut out = serde_json::to_string_pretty(&schema)
        .expect("a schema is a JSON value and always serialises");
    out.push('\n');
    out
}

/// Denies properties the schema does not list, on every object that lists
/// some. Applied to the whole schema once generated, so a flattened struct
/// (the analysis inside the report, a finding inside a root cause) is
/// closed together with the object it is merged into, not on its own.
fn close_object(schema: &mut Schema) {
    if schema.get("properties").is_some() && schema.get("additionalProperties").is_none() {
        schema.insert("additionalProperties".into(), false.into());
    }
}
