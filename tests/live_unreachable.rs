//! When the engine cannot be reached, `collect` and live `investigate` say
//! why and how to fix it, still write what they could (the host's
//! listeners, the record of what is missing), and exit 2.

mod live_support;

use live_support::run_binary;

/// Runs this build's `coroner` binary.
fn coroner(args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    run_binary(env!("CARGO_BIN_EXE_coroner"), args, env)
}

const NO_ENGINE: &[(&str, &str)] = &[("DOCKER_HOST", "unix:///nonexistent/coroner/docker.sock")];

#[test]
fn collect_without_an_engine_writes_what_it_can_and_says_how_to_fix_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("bundle");
    let (code, _, stderr) = coroner(&["collect", "--out", out.to_str().unwrap()], NO_ENGINE);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("no Docker socket at /nonexistent/coroner/docker.sock"),
        "{stderr}"
    );
    assert!(stderr.contains("systemctl start docker"), "{stderr}");
    let meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("bundle.json")).unwrap()).unwrap();
    let missing = meta["not_collected"].as_array().unwrap();
    assert!(
        missing.iter().any(|g| g["what"]
            .as_str()
            .unwrap()
            .starts_with("everything from the Docker engine")
            && g["why"].as_str().unwrap().contains("no Docker socket")),
        "{meta:#}"
    );
    assert!(out.join("host/listeners.txt").is_file());
    assert!(!out.join("docker").exists());
}

#[test]
fn live_investigate_without_an_engine_still_writes_a_report_naming_the_gap() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.json");
    let (code, _, stderr) = coroner(
        &["investigate", "--output", report.to_str().unwrap()],
        NO_ENGINE,
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("no Docker socket"), "{stderr}");
    let analysis: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    let gaps = analysis["gaps"].as_array().unwrap();
    assert!(
        gaps.iter().any(|g| g["what"]
            .as_str()
            .unwrap()
            .starts_with("everything from the Docker engine")),
        "{analysis:#}"
    );
}

#[test]
fn collect_refuses_a_non_empty_directory_and_leaves_it_alone() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    let (code, _, stderr) = coroner(
        &["collect", "--out", dir.path().to_str().unwrap()],
        NO_ENGINE,
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("is not an empty directory"), "{stderr}");
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["notes.txt"]);
}

#[test]
fn live_flags_cannot_be_combined_with_a_bundle() {
    let (code, _, stderr) = coroner(
        &["investigate", "--bundle", "/tmp", "--project", "shop"],
        NO_ENGINE,
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("--project"), "{stderr}");
}
