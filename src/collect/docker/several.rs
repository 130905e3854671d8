//! Collection from several engines at once: each engine's evidence is
//! collected concurrently, by [`super::collect_bundle`], into
//! `engines/<name>/` of one bundle (a complete bundle of one engine each),
//! and the top-level `bundle.json` lists the engines, where they were
//! reached and how their clocks read against the collector's.
//!
//! An engine is named by the user (`--host name=URL`), else after its host
//! name (`docker info`), made unique. This module decides names and places
//! only; it reads nothing into evidence and draws no conclusions.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use chrono::Utc;

use super::{collect_bundle, CollectError, Endpoint, Progress, Request, Summary};
use crate::collect::writer::{file_stem, BundleWriter, WriteError};
use crate::evidence::time::format_utc;
use crate::evidence::{BundleMeta, EngineMeta, MetaWindow};

/// One engine to collect from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EngineSpec {
    /// The name asked for (`--host name=URL`); else the engine's host name.
    pub name: Option<String>,
    pub endpoint: Endpoint,
}

impl EngineSpec {
    /// `URL` or `name=URL`, as `--host` takes it.
    pub fn parse(text: &str) -> Result<EngineSpec, String> {
        let (name, url) = match text.split_once('=') {
            // `tcp://h:2375/?a=b` has an `=` after the scheme: no name.
            Some((name, url)) if !name.contains("://") => (Some(name), url),
            _ => (None, text),
        };
        if let Some(name) = name {
            if name.is_empty() || file_stem(name) != name || name.starts_with('.') {
                return Err(format!(
                    "{text:?}: the engine name {name:?} must be letters, digits, '.', '-', '_' (it names a directory of the bundle)"
                ));
            }
        }
        if url.is_empty() {
            return Err(format!("{text:?}: no URL (expected unix:///path or tcp://host:port, optionally after NAME=)"));
        }
        Ok(EngineSpec {
            name: name.map(str::to_string),
            endpoint: Endpoint::from_url(url),
        })
    }
}

/// What one engine of several gave.
#[derive(Debug)]
pub struct EngineSummary {
    pub name: String,
    pub summary: Summary,
}

/// Collects from every engine at once into a new bundle at `target`.
/// `addresses` gives, by engine name, the address other hosts reach what
/// it publishes at (`--engine-address`); a `tcp://` endpoint's host is used
/// otherwise. Only a bundle that cannot be written is an error; an engine
/// that cannot be used is recorded in its own `bundle.json`, as for one.
pub fn collect_engines(
    engines: &[EngineSpec],
    addresses: &BTreeMap<String, String>,
    request: &Request,
    target: &Path,
    quiet: bool,
) -> Result<(PathBuf, Vec<EngineSummary>), CollectError> {
    let writer = BundleWriter::create(target)?;
    let root = writer.staging_dir().join("engines");
    let io_err = |path: &Path, source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    };
    fs::create_dir_all(&root).map_err(|e| io_err(&root, e))?;
    // Each engine is collected under a provisional name: its host name is
    // known only once it has answered.
    let provisional = |i: usize| root.join(format!(".engine-{i}"));
    let results: Vec<Result<Summary, CollectError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = engines
            .iter()
            .enumerate()
            .map(|(i, spec)| {
                let dir = provisional(i);
                scope.spawn(move || {
                    let label = spec
                        .name
                        .clone()
                        .unwrap_or_else(|| spec.endpoint.describe());
                    let mut progress = Progress::for_engine(&label, quiet);
                    collect_bundle(&spec.endpoint, request, &dir, &mut progress)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("an engine's collection panicked"))
            .collect()
    });
    let mut taken = BTreeSet::new();
    let mut summaries = Vec::new();
    let mut listed = Vec::new();
    for (i, (spec, result)) in engines.iter().zip(results).enumerate() {
        let mut summary = result?;
        let wanted = spec
            .name
            .clone()
            .or_else(|| summary.host.as_deref().map(file_stem))
            .filter(|n| !n.is_empty() && !n.starts_with('.'))
            .unwrap_or_else(|| format!("engine-{}", i + 1));
        let name = unique(&wanted, &mut taken);
        let dir = root.join(&name);
        fs::rename(provisional(i), &dir).map_err(|e| io_err(&dir, e))?;
        summary.bundle = target.join("engines").join(&name);
        listed.push(EngineMeta {
            name: name.clone(),
            endpoint: Some(spec.endpoint.describe()),
            address: addresses
                .get(&name)
                .cloned()
                .or_else(|| spec.endpoint.tcp_host().map(str::to_string)),
            host: summary.host.clone(),
            clock: summary.clock.clone(),
        });
        summaries.push(EngineSummary { name, summary });
    }
    let meta = BundleMeta {
        collector: Some(format!(
            "coroner {} (Docker Engine API, {} engines)",
            env!("CARGO_PKG_VERSION"),
            engines.len()
        )),
        host: Some(
            listed
                .iter()
                .map(|e| e.name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        window: Some(MetaWindow {
            since: Some(format_utc(request.since)),
            until: Some(format_utc(request.until)),
        }),
        collected_at: Some(format_utc(Utc::now())),
        engines: listed,
        ..BundleMeta::default()
    };
    writer
        .meta(&meta)
        .map_err(|e| io_err(writer.staging_dir(), e))?;
    let bundle = writer.finish()?;
    Ok((bundle, summaries))
}

/// `name`, or `name-2`, `name-3`… when an engine already has it.
fn unique(name: &str, taken: &mut BTreeSet<String>) -> String {
    let mut candidate = name.to_string();
    let mut n = 1;
    while taken.contains(&candidate) {
        n += 1;
        candidate = format!("{name}-{n}");
    }
    taken.insert(candidate.clone());
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_takes_a_url_or_a_name_and_a_url() {
        let named = EngineSpec::parse("edge=tcp://10.0.0.5:2375").unwrap();
        assert_eq!(named.name.as_deref(), Some("edge"));
        assert_eq!(named.endpoint.tcp_host(), Some("10.0.0.5"));
        let bare = EngineSpec::parse("unix:///run/docker.sock").unwrap();
        assert_eq!(bare.name, None);
        assert_eq!(
            bare.endpoint,
            Endpoint::Unix(PathBuf::from("/run/docker.sock"))
        );
        let query = EngineSpec::parse("tcp://h:2375/?x=y").unwrap();
        assert_eq!(query.name, None);
        let err = EngineSpec::parse("a/b=unix:///x").unwrap_err();
        assert!(err.contains("engine name \"a/b\""), "{err}");
        assert!(EngineSpec::parse("a=").is_err());
    }

    #[test]
    fn names_are_made_unique() {
        let mut taken = BTreeSet::new();
        assert_eq!(unique("web", &mut taken), "web");
        assert_eq!(unique("web", &mut taken), "web-2");
        assert_eq!(unique("web", &mut taken), "web-3");
        assert_eq!(unique("db", &mut taken), "db");
    }
}
