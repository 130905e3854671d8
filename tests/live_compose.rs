//! Live collection of a compose project's files on the real engine: the
//! container carries the labels compose writes (the files it was started
//! from, relative to its working directory, as docker-compose 1.29 records
//! `-f compose.yaml`), and `collect` copies those files and the `.env` into
//! `compose/<project>/`, or names the file it could not read.

mod live_support;

use std::collections::HashMap;

use coroner::evidence::compose::{COMPOSE_DIR_LABEL, COMPOSE_FILES_LABEL};
use live_support::{container, lab, RootFs};

#[test]
fn the_files_a_project_was_started_from_are_copied_and_a_missing_one_is_a_gap() {
    let Some(mut lab) = lab("compose-files") else {
        return;
    };
    let project_dir = tempfile::tempdir().unwrap();
    let compose = "services:\n  web:\n    image: shop/web:${TAG:-1.0}\n    ports:\n      - \"127.0.0.1:${WEB_PORT}:80\"\n";
    std::fs::write(project_dir.path().join("compose.yaml"), compose).unwrap();
    std::fs::write(
        project_dir.path().join(".env"),
        "WEB_PORT=18090\nAPI_TOKEN=live-env-tok3n-55\n",
    )
    .unwrap();
    let missing = project_dir.path().join("compose.prod.yaml");

    let image = lab.import("busybox", RootFs::busybox(), &[]);
    let mut body = container(&image, &["sleep", "30"]);
    body.labels = Some(HashMap::from([
        (
            COMPOSE_FILES_LABEL.to_string(),
            format!("compose.yaml,{}", missing.display()),
        ),
        (
            COMPOSE_DIR_LABEL.to_string(),
            project_dir.path().display().to_string(),
        ),
    ]));
    assert_eq!(lab.run("web", body), None);

    let collected = lab.collect(1 << 20);
    let dir = collected.bundle.join("compose").join(&lab.id);
    assert_eq!(
        std::fs::read_to_string(dir.join("compose.yaml")).unwrap(),
        compose
    );
    assert!(dir.join(".env").exists());
    let gap = collected
        .summary
        .not_collected
        .iter()
        .find(|g| g.what.starts_with("compose file "))
        .expect("the missing file is a gap");
    assert_eq!(
        gap.what,
        format!("compose file {} of project {}", missing.display(), lab.id)
    );
    assert!(gap.why.contains("No such file or directory"), "{}", gap.why);

    // Read back: merged, interpolated from the .env, and the token never kept.
    let [project] = collected.evidence.compose.as_slice() else {
        panic!("{:#?}", collected.evidence.compose)
    };
    let web = project.service("web").unwrap();
    assert_eq!(web.ports[0].value.spec, "127.0.0.1:18090:80");
    assert_eq!(web.image.as_ref().unwrap().value, "shop/web:1.0");
    let c = collected.evidence.container(&lab.name("web")).unwrap();
    assert_eq!(
        collected
            .evidence
            .compose_service_of(c)
            .map(|(_, s)| s.name.as_str()),
        Some("web")
    );
    assert!(!format!("{project:?}").contains("live-env-tok3n-55"));
}
