//! `investigate --docs DIR` on real captures: a directory of incident
//! reports that a team commits, with front matter, an index, recurrences
//! recognised across bundles, and regeneration that changes no byte.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

#[path = "support/bundles.rs"]
#[allow(dead_code)] // shared by several tests; this one copies no bundle
mod bundles;
use bundles::bundle;

fn into_docs(name: &str, dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coroner"))
        .args(["investigate", "--bundle"])
        .arg(bundle(name))
        .arg("--docs")
        .arg(dir)
        .output()
        .expect("run coroner")
}

fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).unwrap())
        })
        .collect()
}

/// The YAML between the leading `---` lines, as a site generator reads it.
fn front_matter(text: &str) -> serde_yaml_ng::Value {
    let rest = text.strip_prefix("---\n").expect("front matter first");
    let (yaml, _) = rest.split_once("\n---\n").expect("front matter closed");
    serde_yaml_ng::from_str(yaml).expect("front matter is YAML")
}

fn report_of(files: &BTreeMap<String, Vec<u8>>, containing: &str) -> String {
    files
        .iter()
        .find(|(name, _)| name.contains(containing) && name.as_str() != "README.md")
        .map(|(_, bytes)| String::from_utf8(bytes.clone()).unwrap())
        .unwrap_or_else(|| panic!("no report named like {containing}: {:?}", files.keys()))
}

#[test]
fn a_second_bundle_with_the_same_cause_is_a_recurrence_and_a_rerun_changes_nothing() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("docs/incidents");

    // A `docker compose logs` paste of the incident, then the bundle
    // collected from the engine: two captures, one cause.
    let first = into_docs("compose-db-down-logs-only", &dir);
    assert_eq!(
        first.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let files = snapshot(&dir);
    assert_eq!(files.len(), 2, "a report and the index: {:?}", files.keys());
    let report = report_of(&files, "config-invalid");
    let yaml = front_matter(&report);
    assert_eq!(yaml["generator"], "coroner");
    assert_eq!(yaml["verdict"], "root-cause-identified");
    let fingerprint =
        "config-invalid:db:postgres-config-file-errors:/etc/postgresql/postgresql.conf";
    assert_eq!(yaml["fingerprints"][0], fingerprint);
    assert_eq!(yaml["tags"][0], "incident");
    assert!(yaml["title"]
        .as_str()
        .unwrap()
        .contains("PostgreSQL refuses to start"));
    assert!(!report.contains("Seen before"));

    let second = into_docs("compose-db-down", &dir);
    assert_eq!(
        second.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&second.stderr)
    );
    let files = snapshot(&dir);
    assert_eq!(files.len(), 3, "{:?}", files.keys());
    let later = report_of(&files, "compose-db-1");
    let yaml = front_matter(&later);
    assert_eq!(yaml["fingerprints"][0], fingerprint);
    let earlier_file = files
        .keys()
        .find(|n| n.contains("-db-1-") && !n.contains("compose"))
        .unwrap();
    assert_eq!(yaml["seen_before"][0].as_str(), Some(earlier_file.as_str()));
    let banner = later
        .lines()
        .find(|l| l.starts_with("> **Seen before.**"))
        .expect("the recurrence is said at the top");
    assert!(
        banner.contains(fingerprint) && banner.contains(&format!("]({earlier_file})")),
        "{banner}"
    );

    let index = String::from_utf8(files["README.md"].clone()).unwrap();
    assert!(index.contains("occurrence 2"), "{index}");
    let recurring = index
        .lines()
        .find(|l| l.starts_with(&format!("| `{fingerprint}`")))
        .expect("the recurring causes table counts it");
    assert!(recurring.contains("| 2 |"), "{recurring}");

    // Regenerating from the same bundle changes no byte, adds no file.
    let third = into_docs("compose-db-down", &dir);
    assert_eq!(third.status.code(), Some(1));
    assert_eq!(snapshot(&dir), files);
}

#[test]
fn the_team_s_index_page_and_other_pages_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let own = "# Incidents of the shop\n\nWritten by the on-call engineer.\n";
    std::fs::write(dir.path().join("index.md"), own).unwrap();
    // A page of the team's that happens to bear the name the report would get.
    let first = into_docs("main-incident", dir.path());
    assert_eq!(first.status.code(), Some(1));
    let name = snapshot(dir.path())
        .into_keys()
        .find(|n| n != "index.md")
        .unwrap();
    std::fs::remove_file(dir.path().join(&name)).unwrap();
    std::fs::write(dir.path().join(&name), "# Our notes on this day\n").unwrap();
    // A report whose front matter someone broke: left out, named, not fatal.
    std::fs::write(
        dir.path().join("2026-01-01-broken.md"),
        "---\ntitle: x\ndate: 2026-01-01\nverdict: healthy\nfingerprints: 3\ngenerator: coroner\n---\n",
    )
    .unwrap();

    let run = into_docs("main-incident", dir.path());
    assert_eq!(run.status.code(), Some(1));
    let warnings = String::from_utf8_lossy(&run.stderr);
    assert!(
        warnings.contains("2026-01-01-broken.md") && warnings.contains("fingerprints"),
        "{warnings}"
    );
    let files = snapshot(dir.path());
    assert_eq!(
        files[&name], b"# Our notes on this day\n",
        "never overwritten"
    );
    let renamed = name.replace(".md", "-2.md");
    assert!(files.contains_key(&renamed), "{:?}", files.keys());
    assert!(
        !files.contains_key("README.md"),
        "index.md is the index here"
    );
    let index = String::from_utf8(files["index.md"].clone()).unwrap();
    assert!(index.starts_with(own), "{index}");
    assert!(index.contains(&format!("]({renamed})")), "{index}");
    assert!(!index.contains("2026-01-01-broken.md"), "{index}");
}
