//! Whole investigations of bundles captured on the real engine for the
//! kinds the rule catalogue added, and for two ranking mistakes: a
//! healthcheck that reaches a service and gets its error answer is a
//! symptom, and an unhealthy status with no failed probe is no finding.

use coroner::analyze::detector::Role;
use coroner::analyze::rules::Catalogue;
use coroner::analyze::{analyze, analyze_with, Analysis, Verdict};
use coroner::collect::bundle;
use coroner::evidence::{AssumedZone, Window};

fn investigate(name: &str) -> Analysis {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/bundles")
        .join(name);
    let evidence = bundle::load(&dir, AssumedZone::default(), Window::default())
        .unwrap_or_else(|e| panic!("{name}: {e} (capture it with fixtures/scenarios/{name}.sh)"));
    analyze(&evidence)
}

#[test]
fn each_new_kind_is_the_top_root_cause_of_its_capture() {
    let cases = [
        (
            "disk-full",
            "disk-full",
            "recorder",
            "No space left on device",
        ),
        (
            "postgres-config-invalid",
            "config-invalid",
            "db",
            "postgresql.conf",
        ),
        (
            "postgres-password-rejected",
            "auth-rejected",
            "migrate",
            "password authentication failed",
        ),
        (
            "nginx-config-invalid",
            "config-invalid",
            "web",
            "unknown directive",
        ),
        (
            "tls-self-signed",
            "tls-failure",
            "checkout",
            "CERTIFICATE_VERIFY_FAILED",
        ),
        (
            "missing-config-file",
            "missing-file",
            "notifier",
            "/etc/notifier/config.toml",
        ),
    ];
    for (bundle, kind, service, quoted) in cases {
        let analysis = investigate(bundle);
        let top = &analysis
            .root_causes
            .first()
            .unwrap_or_else(|| panic!("{bundle}: no root cause"))
            .finding;
        assert_eq!(
            (top.kind, top.service.as_str()),
            (kind, service),
            "{bundle}: {}",
            top.title
        );
        assert_eq!(analysis.verdict, Verdict::RootCauseIdentified, "{bundle}");
        assert!(
            top.evidence
                .iter()
                .any(|q| q.text.contains(quoted) && q.line.is_some()),
            "{bundle}: the evidence should quote {quoted:?} with its line: {:#?}",
            top.evidence
        );
        assert!(!top.remediation.summary.to_string().is_empty(), "{bundle}");
    }
}

#[test]
fn a_healthcheck_answered_with_503_is_a_symptom_of_the_stopped_dependency() {
    let analysis = investigate("healthcheck-503-dependency-down");
    let top = &analysis.root_causes.first().expect("a root cause").finding;
    assert_eq!(top.service, "db", "{}", top.title);
    assert!(
        analysis
            .root_causes
            .iter()
            .all(|r| r.finding.kind != "healthcheck-failing"),
        "a probe that gets the service's 503 is not a cause"
    );
    let probe = analysis
        .symptoms
        .iter()
        .find(|s| s.finding.kind == "healthcheck-failing" && s.finding.service == "orders")
        .expect("the failing healthcheck is listed as a symptom");
    assert_eq!(probe.finding.role, Role::Symptom);
    assert!(
        probe.finding.title.to_string().contains("HTTP 503"),
        "{}",
        probe.finding.title
    );
}

#[test]
fn a_segfault_crash_loop_outranks_a_healthcheck_that_never_ran() {
    let analysis = investigate("crash-loop-segfault-healthcheck");
    let top = &analysis.root_causes.first().expect("a root cause").finding;
    assert_eq!((top.kind, top.service.as_str()), ("crash-loop", "renderer"));
    assert!(top.title.to_string().contains("139"), "{}", top.title);
    let all = analysis
        .root_causes
        .iter()
        .map(|r| &r.finding)
        .chain(analysis.symptoms.iter().map(|s| &s.finding));
    for f in all {
        assert!(
            f.kind != "healthcheck-failing",
            "no probe failed, so there is no healthcheck finding: {}",
            f.title
        );
        assert!(
            !f.evidence.is_empty(),
            "a finding without evidence: {}",
            f.title
        );
    }
}

/// A real `docker-compose` project: db refuses its configuration, web
/// cannot reach it and crash-loops. With inspect, and as the bare
/// `docker-compose logs` paste a ticket would hold.
#[test]
fn in_a_compose_project_the_service_that_failed_first_is_the_root_cause() {
    for (bundle, db, web) in [
        (
            "compose-db-down",
            "coroner-fx-compose_db_1",
            "coroner-fx-compose_web_1",
        ),
        ("compose-db-down-logs-only", "db_1", "web_1"),
    ] {
        let analysis = investigate(bundle);
        assert_eq!(
            analysis.root_causes.len(),
            1,
            "{bundle}: {:#?}",
            analysis.root_causes
        );
        let top = &analysis.root_causes[0];
        assert_eq!(
            (top.finding.kind, top.finding.service.as_str()),
            ("config-invalid", db),
            "{bundle}"
        );
        assert_eq!(analysis.verdict, Verdict::RootCauseIdentified, "{bundle}");
        let web_symptoms: Vec<_> = analysis
            .symptoms
            .iter()
            .filter(|s| s.finding.service == web)
            .collect();
        assert!(
            web_symptoms
                .iter()
                .any(|s| s.finding.kind == "dependency-unreachable"),
            "{bundle}: web's failed connections are listed"
        );
        assert!(
            web_symptoms.iter().all(|s| s.explained_by == Some(1)),
            "{bundle}: every symptom of web is explained by db's failure: {web_symptoms:#?}"
        );
        assert!(top.chain.len() >= 2, "{bundle}: {:?}", top.chain);
        if bundle.ends_with("logs-only") {
            // db restarted three times (on-failure:3): the paste shows four runs.
            assert!(
                top.finding.title.to_string().contains("printed 4 times"),
                "restarts inferred from the log: {}",
                top.finding.title
            );
        }
    }
}

/// A log that ends on an error coroner has no rule for is inconclusive,
/// never healthy; one that ends on known noise stays healthy.
#[test]
fn a_log_ending_on_an_unknown_error_is_not_healthy() {
    let public = |case: &str| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/public")
            .join(case)
            .join("bundle");
        analyze(&bundle::load(&dir, AssumedZone::default(), Window::default()).unwrap())
    };
    // The catalogue without the rule that knows kc.sh's message.
    let rules = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let files: Vec<std::path::PathBuf> = std::fs::read_dir(&rules)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml") && !p.ends_with("keycloak.toml"))
        .collect();
    let without: &'static Catalogue = Box::leak(Box::new(Catalogue::from_files(&files).unwrap()));
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/public/heldout-keycloak-start-dev-import-realm-one-arg/bundle");
    let evidence = bundle::load(&dir, AssumedZone::default(), Window::default()).unwrap();
    assert_eq!(
        analyze(&evidence).root_causes[0].finding.rule.as_deref(),
        Some("keycloak-unknown-option"),
        "with its rule, the message is the cause"
    );
    let analysis = analyze_with(&evidence, without);
    assert_eq!(analysis.verdict, Verdict::Inconclusive);
    let tail = analysis
        .symptoms
        .iter()
        .find(|s| s.finding.kind == "log-ends-in-error")
        .expect("the error the log ends on is a symptom");
    assert_eq!(tail.finding.service, "ubik-keycloak");
    assert!(tail.finding.evidence[0].text.contains("exited with code 2"));
    for healthy in [
        "nginx-favicon-404-healthy",
        "postgres-healthcheck-role-root-healthy",
    ] {
        assert_eq!(public(healthy).verdict, Verdict::Healthy, "{healthy}");
    }
}
