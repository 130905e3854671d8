use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use super::common::{add_message, add_state_facts, recreate_commands, shell_quote, Change};
use crate::analyze::detector::{
    Context, Detector, Finding, Horizon, Quote, Remediation, Signature,
};
use crate::analyze::scan::Hit;
use crate::locale::{Arg, Text};
use crate::{detector_meta, documented_detector};

documented_detector! {
    /// Detects a program that cannot start because a shared library (`.so`)
    /// it is linked against is not in the image, or is too old.
    ///
    /// Why it matters: the dynamic loader stops the program before its first
    /// instruction (exit code 127), or a Python/Node native extension fails
    /// to import; the process never runs and a restart policy loops on it.
    /// The fix is an operating-system package in the image (apt, apk), not a
    /// pip or npm package, which is easy to get wrong because the error often
    /// appears inside a Python traceback.
    ///
    /// Evidence: in the container's log, glibc's `prog: error while loading
    /// shared libraries: libX.so.N: cannot open shared object file`, the same
    /// `libX.so.N: cannot open shared object file` inside Python's
    /// `ImportError`/`OSError` or Node's errors, musl's (Alpine) `Error
    /// loading shared library libX.so.N: No such file or directory (needed by
    /// prog)`, and glibc's ``version `GLIBC_2.34' not found (required by
    /// prog)`` for a binary built on a newer system than the image. A binary
    /// whose ELF loader itself is missing fails earlier, with `exec prog: no
    /// such file or directory`; that is reported as a broken entrypoint.
    ///
    /// Fix: install the package that ships the library in the image's final
    /// stage (`apt-file search libX.so.N` names it on Debian/Ubuntu, `apk add
    /// so:libX.so.N` on Alpine), or build the binary on the image's base
    /// release; then rebuild and recreate the container.
    pub struct MissingSharedLibrary;
    id = "missing-shared-library", role = Cause, summary = "a program cannot load a shared library the image lacks (an OS package)";
}

const GLIBC_LOADER: &str = "glibc-loader";
const DLOPEN: &str = "cannot-open-shared-object";
const MUSL_LOADER: &str = "musl-loader";
const GLIBC_VERSION: &str = "glibc-version-not-found";

const SIGNATURES: &[Signature] = &[
    // glibc ld.so: `./mybin: error while loading
    // shared libraries: libfoo.so.1: cannot open shared object file: ...`.
    Signature {
        id: GLIBC_LOADER,
        needle: "cannot open shared object file",
        pattern: Some(r"error while loading shared libraries: \S+: cannot open shared object file"),
    },
    // dlopen through Python/Node: `ImportError: libGL.so.1: cannot open shared object file: ...`.
    Signature {
        id: DLOPEN,
        needle: "cannot open shared object file",
        pattern: Some(r"\S+\.so[\w.]*: cannot open shared object file"),
    },
    // musl ldso/dynlink.c: "Error loading shared library %s: %m (needed by %s)".
    Signature {
        id: MUSL_LOADER,
        needle: "Error loading shared library",
        pattern: Some(r"Error loading shared library \S+: "),
    },
    // glibc dl-version.c: "version `%s' not found (required by %s)".
    Signature {
        id: GLIBC_VERSION,
        needle: "' not found (required by",
        pattern: Some(r"version [`']GLIBC(?:XX)?_[\d.]+' not found \(required by "),
    },
];

static LOADER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|\s)(?P<program>[^\s:]+): error while loading shared libraries: (?P<lib>[^\s:]+): ",
    )
    .expect("static regex")
});
static LIBRARY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<lib>[^\s:'/]+\.so[\w.]*): cannot open shared object file")
        .expect("static regex")
});
static MUSL_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"Error loading shared library (?P<lib>[^\s:]+): [^(]*(?:\(needed by (?P<program>[^)]+)\))?")
        .expect("static regex")
});
static VERSION_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<lib>[^\s:]+): version [`'](?P<version>GLIBC(?:XX)?_[\d.]+)' not found \(required by (?P<program>[^)]+)\)")
        .expect("static regex")
});
static NATIVE_FRAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"^\s*File "(?P<path>[^"]+)", line \d+"#).expect("static regex"));

/// Debian 12 packages of libraries that images most often lack. Anything
/// else is looked up with `apt-file search`.
const DEBIAN_PACKAGES: &[(&str, &str)] = &[
    ("libGL.so.1", "libgl1"),
    ("libglib-2.0.so.0", "libglib2.0-0"),
    ("libgthread-2.0.so.0", "libglib2.0-0"),
    ("libgomp.so.1", "libgomp1"),
    ("libexpat.so.1", "libexpat1"),
    ("libffi.so.8", "libffi8"),
    ("libssl.so.3", "libssl3"),
    ("libcrypto.so.3", "libssl3"),
    ("libpq.so.5", "libpq5"),
    ("libsqlite3.so.0", "libsqlite3-0"),
    ("libstdc++.so.6", "libstdc++6"),
    ("libz.so.1", "zlib1g"),
    ("libxml2.so.2", "libxml2"),
    ("libjpeg.so.62", "libjpeg62-turbo"),
];

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Missing {
    /// The library file is not in the image.
    Library,
    /// The image's library is older than the program needs.
    Version(String),
}

/// The library a matched line is about, what needs it, and what is wrong.
fn missing(signature: &str, hit: &Hit) -> Option<(String, Option<String>, Missing)> {
    let text = &hit.text;
    match signature {
        GLIBC_LOADER => {
            let c = LOADER_LINE.captures(text)?;
            Some((
                c["lib"].to_string(),
                Some(c["program"].to_string()),
                Missing::Library,
            ))
        }
        // The loader's own line is read by the signature above.
        DLOPEN if !text.contains("error while loading shared libraries") => {
            let c = LIBRARY.captures(text)?;
            // In a traceback, the last frame is the module that loads it.
            let program = hit
                .before
                .iter()
                .rev()
                .find_map(|l| NATIVE_FRAME.captures(l).map(|f| f["path"].to_string()));
            Some((c["lib"].to_string(), program, Missing::Library))
        }
        MUSL_LOADER => {
            let c = MUSL_LINE.captures(text)?;
            Some((
                c["lib"].to_string(),
                c.name("program").map(|p| p.as_str().to_string()),
                Missing::Library,
            ))
        }
        GLIBC_VERSION => {
            let c = VERSION_LINE.captures(text)?;
            Some((
                c["lib"].rsplit('/').next().unwrap_or(&c["lib"]).to_string(),
                Some(c["program"].to_string()),
                Missing::Version(c["version"].to_string()),
            ))
        }
        _ => None,
    }
}

impl Detector for MissingSharedLibrary {
    detector_meta!();

    fn signatures(&self) -> &'static [Signature] {
        SIGNATURES
    }

    fn detect(&self, cx: &Context<'_>) -> Vec<Finding> {
        let mut cases: BTreeMap<(String, String, Missing), (Vec<String>, Finding)> =
            BTreeMap::new();
        for (log, bucket, m) in cx.hits.messages(cx.evidence, Self::ID) {
            let Some((library, needed_by, what)) = missing(bucket.signature, m.last()) else {
                continue;
            };
            let (programs, finding) = cases
                .entry((log.service.clone(), library, what))
                .or_insert_with(|| {
                    (
                        Vec::new(),
                        Finding::new(Self::ID, Self::ROLE, &log.service, Text::default()),
                    )
                });
            if let Some(p) = needed_by.filter(|p| !programs.contains(p)) {
                programs.push(p);
            }
            add_message(finding, log, m);
        }
        cases
            .into_iter()
            .map(|((_, library, what), (programs, finding))| {
                finish(cx, &library, &what, &programs, finding)
            })
            .collect()
    }
}

fn finish(
    cx: &Context<'_>,
    library: &str,
    what: &Missing,
    programs: &[String],
    mut f: Finding,
) -> Finding {
    f.subject = Some(library.to_string());
    let service = f.service.clone();
    let container = cx.evidence.container(&service);
    let image = container.map_or(String::new(), |c| shell_quote(&c.image).into_owned());
    let first_program = programs.first();
    // Program names are evidence: listed as the loader wrote them.
    let programs = programs.join(", ");
    let rebuild = container
        .map(|c| {
            recreate_commands(
                cx.evidence,
                c,
                &Change {
                    rebuild: true,
                    ..Change::default()
                },
            )
        })
        .unwrap_or_default();
    let os_release = format!("docker run --rm --entrypoint cat {image} /etc/os-release");
    let (title, remediation) = match what {
        Missing::Library => {
            let package = DEBIAN_PACKAGES
                .iter()
                .find(|(lib, _)| *lib == library)
                .map(|(_, p)| *p);
            let install = match package {
                Some(p) => Arg::from(format!("RUN apt-get update && apt-get install -y --no-install-recommends {p} && rm -rf /var/lib/apt/lists/*")),
                None => Arg::from(Text::msg("missing-shared-library-install-unknown")),
            };
            let mut lookup = vec![
                os_release,
                format!("apt-file search {}", shell_quote(library)),
            ];
            if let Some(program) = first_program.filter(|p| !p.ends_with(".py")) {
                lookup.push(format!(
                    "docker run --rm --entrypoint sh {image} -c 'ldd \"$(command -v {program})\" | grep \"not found\"'"
                ));
            }
            let title = match programs.is_empty() {
                true => Text::msg("missing-shared-library-title"),
                false => {
                    Text::msg("missing-shared-library-title-needed-by").with("programs", &programs)
                }
            };
            let fix = match package {
                Some(p) => Text::msg("missing-shared-library-fix-package").with("package", p),
                None => Text::msg("missing-shared-library-fix"),
            };
            (
                title.with("service", &service).with("library", library),
                Remediation::new(fix.with("library", library))
                    .step(
                        Horizon::Immediate,
                        Text::msg("missing-shared-library-step-find").with("library", library),
                        &lookup,
                    )
                    .step(
                        Horizon::Immediate,
                        Text::msg("missing-shared-library-step-install").with("install", install),
                        &rebuild,
                    ),
            )
        }
        Missing::Version(version) => (
            match programs.is_empty() {
                true => Text::msg("missing-shared-library-version-title"),
                false => Text::msg("missing-shared-library-version-title-programs")
                    .with("programs", &programs),
            }
            .with("service", &service)
            .with("version", version)
            .with("library", library),
            Remediation::new(
                Text::msg("missing-shared-library-version-fix").with("version", version),
            )
            .step(
                Horizon::Immediate,
                Text::msg("missing-shared-library-version-step-compare"),
                &[
                    os_release,
                    format!("docker run --rm --entrypoint ldd {image} --version"),
                ],
            )
            .step(
                Horizon::Immediate,
                Text::msg("missing-shared-library-version-step-rebuild"),
                &rebuild,
            ),
        ),
    };
    f.title = title;
    f.confidence = 0.9;
    f.remediation = remediation;
    if let Some(c) = container {
        add_state_facts(&mut f, c);
        if let Some(image) = cx.evidence.image_of(c) {
            f.evidence.push(Quote::field(
                &image.source,
                "Os/Architecture",
                format!("{}/{}", image.os, image.architecture),
            ));
        }
    }
    f
}

#[cfg(test)]
mod tests {
    use super::super::common::hit;
    use super::*;
    use crate::testing::run_detector;

    fn only(bundle: &str) -> Finding {
        let mut findings = run_detector(&MissingSharedLibrary, bundle);
        assert_eq!(findings.len(), 1, "{bundle}: {findings:#?}");
        findings.remove(0)
    }

    #[test]
    fn the_loader_names_the_library_and_the_program() {
        let f = only("missing-shared-library");
        assert_eq!(f.service, "ingest");
        assert_eq!(
            f.title,
            "ingest cannot start: the shared library libexpat.so.1, needed by python3, is missing from the image (an OS package, not a pip or npm package)"
        );
        assert_eq!(
            f.occurrences, 4,
            "counted once per start, not once per signature"
        );
        assert!(f.evidence.iter().any(|q| q.text == "State.ExitCode: 127"));
        assert!(f
            .remediation
            .summary
            .to_string()
            .contains("libexpat1 on Debian 12"));
        let lookup = &f.remediation.steps[0].commands;
        assert!(lookup.contains(&"apt-file search libexpat.so.1".to_string()));
        assert!(lookup.contains(&"docker run --rm --entrypoint sh coroner-fixture/ingest:latest -c 'ldd \"$(command -v python3)\" | grep \"not found\"'".to_string()));
    }

    #[test]
    fn a_python_import_of_a_native_module_is_an_os_package_too() {
        let f = only("missing-shared-library-python");
        assert_eq!(
            f.title,
            "webhook cannot start: the shared library libssl.so.3, needed by /usr/lib/python3.11/ssl.py, is missing from the image (an OS package, not a pip or npm package)"
        );
        assert!(f.remediation.summary.to_string().contains("libssl3"));
        assert!(!f.remediation.summary.to_string().contains("pip install"));
    }

    #[test]
    fn main_incident_has_all_its_libraries() {
        assert!(run_detector(&MissingSharedLibrary, "main-incident").is_empty());
    }

    #[test]
    fn a_healthy_stack_has_all_its_libraries() {
        assert!(run_detector(&MissingSharedLibrary, "healthy-stack").is_empty());
    }

    #[test]
    fn finds_nothing_in_the_red_herring_bundle() {
        assert!(run_detector(&MissingSharedLibrary, "red-herring").is_empty());
    }

    #[test]
    fn reads_musl_and_glibc_version_errors() {
        assert_eq!(
            missing(MUSL_LOADER, &hit("Error loading shared library libstdc++.so.6: No such file or directory (needed by /app/server)", &[])),
            Some(("libstdc++.so.6".into(), Some("/app/server".into()), Missing::Library))
        );
        assert_eq!(
            missing(GLIBC_VERSION, &hit("/app/server: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.34' not found (required by /app/server)", &[])),
            Some(("libc.so.6".into(), Some("/app/server".into()), Missing::Version("GLIBC_2.34".into())))
        );
        // OpenCV on python:3.11-slim: the library inside a Python ImportError
        assert_eq!(
            missing(DLOPEN, &hit("ImportError: libGL.so.1: cannot open shared object file: No such file or directory", &[])).map(|m| m.0),
            Some("libGL.so.1".into())
        );
    }

    #[test]
    fn a_missing_library_reads_in_french() {
        let fr = crate::locale::get("fr").unwrap();
        assert_eq!(
            fr.text(&only("missing-shared-library").title),
            "ingest ne peut pas démarrer\u{a0}: la bibliothèque partagée libexpat.so.1, requise par python3, manque dans l'image (un paquet système, pas un paquet pip ou npm)"
        );
    }
}
