//! Copies the files a compose project was started from into the bundle.
//!
//! Compose labels every container with the files it read
//! (`com.docker.compose.project.config_files`; docker-compose 1.29 writes
//! them as given to `-f`, relative to the working directory) and the
//! directory it ran in
//! (`com.docker.compose.project.working_dir`), whose `.env` it read for
//! interpolation. When those paths are readable on the machine coroner runs
//! on they are copied, byte for byte, to `compose/<project>/<file name>`;
//! when not, the path and the reason are a gap. This module reads files and
//! writes them into the bundle; parsing them is [`crate::evidence::compose`]'s.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use super::bundle::MAX_DOCUMENT_BYTES;
use super::writer::BundleWriter;
use crate::evidence::compose::{COMPOSE_DIR_LABEL, COMPOSE_FILES_LABEL, COMPOSE_PROJECT_LABEL};
use crate::evidence::Gap;

/// What the containers' labels say about one project.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ProjectFiles {
    pub files: BTreeSet<String>,
    pub working_dir: Option<String>,
}

/// Adds a container's compose labels to what is known of its project.
pub fn note(projects: &mut BTreeMap<String, ProjectFiles>, labels: &BTreeMap<String, String>) {
    let Some(project) = labels.get(COMPOSE_PROJECT_LABEL) else {
        return;
    };
    let entry = projects.entry(project.clone()).or_default();
    if let Some(files) = labels.get(COMPOSE_FILES_LABEL) {
        entry.files.extend(
            files
                .split(',')
                .map(str::trim)
                .filter(|f| !f.is_empty())
                .map(str::to_string),
        );
    }
    if let Some(dir) = labels.get(COMPOSE_DIR_LABEL).filter(|d| !d.is_empty()) {
        entry.working_dir.get_or_insert_with(|| dir.clone());
    }
}

/// Copies each project's files (and its working directory's `.env`) into
/// the bundle; returns what could not be copied.
pub fn copy(
    projects: &BTreeMap<String, ProjectFiles>,
    writer: &BundleWriter,
    local: bool,
    engine: &str,
) -> io::Result<Vec<Gap>> {
    let mut gaps = Vec::new();
    for (project, found) in projects {
        if !local {
            for file in &found.files {
                gaps.push(Gap {
                    what: format!("compose file {file} of project {project}"),
                    why: format!(
                        "the engine at {engine} is on another machine; coroner reads files of the machine it runs on"
                    ),
                });
            }
            continue;
        }
        if found.files.is_empty() {
            gaps.push(Gap {
                what: format!("compose files of project {project}"),
                why: format!("its containers do not name them (no {COMPOSE_FILES_LABEL} label)"),
            });
        }
        let mut names = BTreeSet::new();
        for file in &found.files {
            let name = Path::new(file)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if !names.insert(name.clone()) {
                gaps.push(Gap {
                    what: format!("compose file {file} of project {project}"),
                    why: format!("another file of the project is also named {name}; the bundle keeps files by name"),
                });
                continue;
            }
            // docker-compose 1.29 records the paths as given to `-f`,
            // relative ones relative to the working directory.
            let path = match &found.working_dir {
                Some(dir) if Path::new(file).is_relative() => Path::new(dir).join(file),
                _ => PathBuf::from(file),
            };
            match read_capped(&path) {
                Ok(bytes) => writer.compose_file(project, &name, &bytes)?,
                Err(why) => gaps.push(Gap {
                    what: format!("compose file {file} of project {project}"),
                    why,
                }),
            }
        }
        if let Some(dir) = &found.working_dir {
            let env = Path::new(dir).join(".env");
            match read_capped(&env) {
                Ok(bytes) => writer.compose_file(project, ".env", &bytes)?,
                // Most projects have none: compose reads it only when present.
                Err(_) if !env.exists() => {}
                Err(why) => gaps.push(Gap {
                    what: format!("{} of project {project}", env.display()),
                    why,
                }),
            }
        }
    }
    Ok(gaps)
}

fn read_capped(path: &Path) -> Result<Vec<u8>, String> {
    let file =
        std::fs::File::open(path).map_err(|e| format!("cannot read on this machine: {e}"))?;
    let mut bytes = Vec::new();
    file.take(MAX_DOCUMENT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read on this machine: {e}"))?;
    if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
        return Err(format!(
            "larger than {MAX_DOCUMENT_BYTES} bytes: not a compose file coroner copies"
        ));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_copied_under_the_project_and_unreadable_ones_are_gaps() {
        let dir = tempfile::tempdir().unwrap();
        let project_dir = dir.path().join("shop");
        std::fs::create_dir(&project_dir).unwrap();
        let compose = project_dir.join("compose.yaml");
        std::fs::write(&compose, "services:\n  web:\n    image: shop/web:1.0\n").unwrap();
        std::fs::write(project_dir.join(".env"), "WEB_PORT=18090\n").unwrap();
        let missing = project_dir.join("compose.prod.yaml");
        let labels: BTreeMap<String, String> = [
            (COMPOSE_PROJECT_LABEL, "shop".to_string()),
            // As docker-compose 1.29 writes it for `-f compose.yaml -f …`.
            (
                COMPOSE_FILES_LABEL,
                format!("compose.yaml,{}", missing.display()),
            ),
            (COMPOSE_DIR_LABEL, project_dir.display().to_string()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        let mut projects = BTreeMap::new();
        note(&mut projects, &labels);
        let target = dir.path().join("bundle");
        let writer = BundleWriter::create(&target).unwrap();
        let gaps = copy(&projects, &writer, true, "unix:///var/run/docker.sock").unwrap();
        assert_eq!(gaps.len(), 1);
        assert_eq!(
            gaps[0].what,
            format!("compose file {} of project shop", missing.display())
        );
        assert!(gaps[0].why.contains("No such file"), "{}", gaps[0].why);
        let bundle = writer.finish().unwrap();
        assert_eq!(
            std::fs::read_to_string(bundle.join("compose/shop/compose.yaml")).unwrap(),
            "services:\n  web:\n    image: shop/web:1.0\n"
        );
        assert_eq!(
            std::fs::read_to_string(bundle.join("compose/shop/.env")).unwrap(),
            "WEB_PORT=18090\n"
        );

        let remote = BundleWriter::create(&dir.path().join("remote")).unwrap();
        let gaps = copy(&projects, &remote, false, "tcp://db1:2376").unwrap();
        assert_eq!(gaps.len(), 2);
        assert!(gaps.iter().all(|g| g.why.contains("another machine")));
    }
}
