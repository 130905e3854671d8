use super::*;

fn file(display: &str, text: &str) -> SourceFile {
    SourceFile {
        display: display.to_string(),
        text: text.to_string(),
    }
}

const BASE: &str = "\
services:
  web:
    image: shop/web:${TAG:-1.0}
    ports:
      - \"${WEB_PORT}:80\"
      - \"9000:9000\"
    environment:
      DATABASE_URL: postgresql://db/shop
      LOG_LEVEL: info
    depends_on:
      - db
  db:
    image: postgres:15
";

const OVERRIDE: &str = "\
services:
  web:
    image: shop/web:2.0
    ports:
      - \"9000:9000\"
      - \"127.0.0.1:9443:443/tcp\"
    environment:
      - LOG_LEVEL=debug
      - EXTRA=1
    healthcheck:
      test: wget -q -O- http://localhost/health
    depends_on:
      db:
        condition: service_healthy
";

#[test]
fn later_files_override_and_extend_earlier_ones() {
    let files = [
        file("compose/shop/compose.yaml", BASE),
        file("compose/shop/compose.override.yaml", OVERRIDE),
    ];
    let env = file("compose/shop/.env", "WEB_PORT=18090\n");
    let mut problems = Vec::new();
    let project = load_project("shop", &files, Some(&env), &mut problems);
    assert_eq!(problems, vec![]);
    let web = project.service("web").unwrap();
    let image = web.image.as_ref().unwrap();
    assert_eq!(image.value, "shop/web:2.0");
    assert_eq!(
        (image.at.file.as_str(), image.at.line),
        ("compose/shop/compose.override.yaml", 3)
    );
    let ports: Vec<(&str, &str, u64)> = web
        .ports
        .iter()
        .map(|p| (p.value.spec.as_str(), p.at.file.as_str(), p.at.line))
        .collect();
    // 9000:9000 is unique by its key: the override's entry replaces the base's.
    assert_eq!(
        ports,
        [
            ("18090:80", "compose/shop/compose.yaml", 5),
            ("9000:9000", "compose/shop/compose.override.yaml", 5),
            (
                "127.0.0.1:9443:443/tcp",
                "compose/shop/compose.override.yaml",
                6
            ),
        ]
    );
    assert_eq!(web.ports[0].at.text, "- \"${WEB_PORT}:80\"");
    let env: Vec<(&str, u64)> = web
        .environment
        .iter()
        .map(|e| (e.value.as_str(), e.at.line))
        .collect();
    assert_eq!(env, [("DATABASE_URL", 8), ("LOG_LEVEL", 8), ("EXTRA", 9)]);
    assert_eq!(
        web.environment[1].at.file,
        "compose/shop/compose.override.yaml"
    );
    let test = web.healthcheck_test.as_ref().unwrap();
    assert_eq!(
        test.value,
        ["CMD-SHELL", "wget -q -O- http://localhost/health"]
    );
    assert_eq!(test.at.line, 11);
    assert_eq!(web.depends_on.len(), 1);
    assert_eq!(web.depends_on[0].value.condition, "service_healthy");
    assert_eq!(project.service("db").unwrap().at.line, 12);
}

#[test]
fn an_unset_variable_is_a_problem_on_its_line() {
    let files = [file("compose/shop/compose.yaml", BASE)];
    let mut problems = Vec::new();
    let project = load_project("shop", &files, None, &mut problems);
    assert_eq!(project.service("web").unwrap().ports[0].value.spec, ":80");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].line, Some(5));
    assert!(problems[0]
        .message
        .to_string()
        .contains("`${WEB_PORT}` is not set"));
    let fr = crate::locale::get("fr").unwrap();
    assert!(
        fr.text(&problems[0].message).starts_with(
            "`${WEB_PORT}` n'est pas défini dans le .env du projet\u{a0}: lu comme une chaîne vide"
        ),
        "{}",
        fr.text(&problems[0].message)
    );
}

#[test]
fn a_broken_file_names_line_and_column_and_the_others_still_merge() {
    let broken = "services:\n  web:\n    image: shop/web:3.0\n   ports: [\n";
    let files = [
        file("compose/shop/compose.yaml", BASE),
        file("compose/shop/compose.override.yaml", broken),
    ];
    let env = file("compose/shop/.env", "WEB_PORT=18090\n");
    let mut problems = Vec::new();
    let project = load_project("shop", &files, Some(&env), &mut problems);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].source, "compose/shop/compose.override.yaml");
    assert_eq!(problems[0].line, Some(4));
    assert!(
        problems[0]
            .message
            .to_string()
            .starts_with("not valid YAML at line 4, column 4: "),
        "{}",
        problems[0].message
    );
    assert_eq!(
        project
            .service("web")
            .unwrap()
            .image
            .as_ref()
            .unwrap()
            .value,
        "shop/web:1.0"
    );
}

#[test]
fn files_are_ordered_as_the_label_lists_them() {
    let mut files = vec![
        file("compose/p/b.yml", ""),
        file("compose/p/compose.override.yaml", ""),
        file("compose/p/compose.yaml", ""),
    ];
    order_files(&mut files, &[]);
    let names: Vec<&str> = files.iter().map(SourceFile::name).collect();
    assert_eq!(names, ["compose.yaml", "compose.override.yaml", "b.yml"]);
    order_files(&mut files, &["b.yml".into(), "compose.yaml".into()]);
    let names: Vec<&str> = files.iter().map(SourceFile::name).collect();
    assert_eq!(names, ["b.yml", "compose.yaml", "compose.override.yaml"]);
}

/// The files of the `compose-lines` capture, as live collection copied them.
#[test]
fn the_captured_project_merges_its_two_files_and_reads_its_env() {
    let ev = crate::testing::fixture("compose-lines");
    assert_eq!(ev.inventory.problems, vec![]);
    let [project] = ev.compose.as_slice() else {
        panic!("{:#?}", ev.compose)
    };
    assert_eq!(project.name, "coroner-fx-lines");
    // The order the containers' config_files label gives.
    assert_eq!(
        project.files,
        [
            "compose/coroner-fx-lines/compose.yaml",
            "compose/coroner-fx-lines/compose.override.yaml"
        ]
    );
    assert_eq!(
        project.env_file.as_deref(),
        Some("compose/coroner-fx-lines/.env")
    );
    let proxy = project.service("proxy").unwrap();
    // `"127.0.0.1:${PROXY_PORT}:80"` with PROXY_PORT=18088 from the .env.
    let port = &proxy.ports[0];
    assert_eq!(port.value.spec, "127.0.0.1:18088:80");
    assert_eq!((port.value.published.as_str(), port.at.line), ("18088", 8));
    assert_eq!(port.at.text, "- \"127.0.0.1:${PROXY_PORT}:80\"");
    let api = project.service("api").unwrap();
    // `${API_TAG:-1.0}`.
    assert_eq!(
        api.image.as_ref().unwrap().value,
        "coroner-fixture/compose-lines-api:1.0"
    );
    // compose.yaml's two variables, then the override's.
    let env: Vec<(&str, &str, u64)> = api
        .environment
        .iter()
        .map(|e| (e.value.as_str(), e.at.file.as_str(), e.at.line))
        .collect();
    assert_eq!(
        env,
        [
            ("DATABSE_URL", "compose/coroner-fx-lines/compose.yaml", 28),
            ("API_TOKEN", "compose/coroner-fx-lines/compose.yaml", 29),
            (
                "LOG_LEVEL",
                "compose/coroner-fx-lines/compose.override.yaml",
                6
            ),
        ]
    );
    // The token's value came from the .env: the line quotes the reference,
    // and nothing kept holds the value.
    assert_eq!(api.environment[1].at.text, "API_TOKEN: ${API_TOKEN}");
    assert!(!format!("{project:?}").contains("fx-lines-token-7f3a9c2e"));
    let admin = project.service("admin").unwrap();
    assert_eq!(admin.depends_on[0].value.service, "proxy");
    assert_eq!(admin.depends_on[0].value.condition, "service_started");
    let worker = project.service("worker").unwrap();
    assert_eq!(
        worker.healthcheck_test.as_ref().unwrap().value,
        ["CMD", "curl", "-f", "http://localhost:8080/"]
    );
}
