//! The committed schema of the JSON report (`docs/report.schema.json`) as a
//! validator, for tests that check what coroner writes against it.

use serde_json::Value;

/// The committed schema: what consumers validate against.
pub fn committed() -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/report.schema.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// A draft 2020-12 validator that also checks `format` (every time is a
/// real RFC 3339 date-time), which the draft leaves optional.
pub fn validator() -> jsonschema::Validator {
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&committed())
        .expect("the committed schema compiles")
}

/// Every way `report` breaks the schema, each with where in the report.
pub fn violations(validator: &jsonschema::Validator, report: &Value) -> Vec<String> {
    validator
        .iter_errors(report)
        .map(|e| format!("at {:?}: {e}", e.instance_path().as_str()))
        .collect()
}
