//! Bundles of several engines: which directories under `engines/` are
//! engines, and how their evidence joins the rest.
//!
//! Each engine's containers, logs and events keep their engine. A service
//! name found on two engines is qualified as `name@engine` on both, and
//! only then, so a bundle of one engine reads exactly as before. An
//! engine's timestamps are corrected by its clock offset (the engine's clock
//! against the collector's, both read at collection) when the offset exceeds
//! [`CLOCK_TOLERANCE`]. This module reads no file itself.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chrono::TimeDelta;

use crate::evidence::compose::ComposeProject;
use crate::evidence::{
    redact, Container, EngineEvidence, EntrypointForensics, Event, Evidence, Gap, IgnoredFile,
    Image, InputProblem, Listener, LogSource, MonitoringSeries, ProbeResult, RecognisedFile, Swarm,
};

/// The directory of a bundle that holds one directory per engine.
pub const DIR_NAME: &str = "engines";
/// [`DIR_NAME`] as the start of a shown path.
pub const DIR: &str = "engines/";
/// Clocks this close are left alone: a correction would move events by
/// less than the engines' own timestamps can be trusted to.
pub const CLOCK_TOLERANCE: TimeDelta = TimeDelta::seconds(2);

/// The engine directories of a bundle, by name; anything else under
/// `engines/` is listed as ignored.
pub fn directories(bundle: &Path, ignored: &mut Vec<IgnoredFile>) -> Vec<(String, PathBuf)> {
    let Ok(entries) = std::fs::read_dir(bundle.join(DIR_NAME)) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let shown = redact::text(&format!("{DIR}{name}"), redact::FILE_NAMES).into_owned();
        match entry.file_type() {
            Ok(t) if t.is_dir() && !name.starts_with('.') => found.push((name, entry.path())),
            _ => ignored.push(IgnoredFile {
                path: shown,
                reason: "not an engine's directory".into(),
            }),
        }
    }
    found.sort();
    found
}

/// Joins each engine's evidence to `ev`.
pub fn merge(ev: &mut Evidence, parts: Vec<(String, Evidence)>) {
    // Names on more than one engine are qualified on every engine.
    let mut engines_of: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for (engine, part) in &parts {
        for name in part
            .containers
            .iter()
            .map(|c| &c.name)
            .chain(part.logs.iter().map(|l| &l.service))
        {
            engines_of
                .entry(name.clone())
                .or_default()
                .insert(engine.as_str());
        }
    }
    let ambiguous: BTreeSet<String> = engines_of
        .into_iter()
        .filter(|(_, engines)| engines.len() > 1)
        .map(|(name, _)| name)
        .collect();
    for (name, listed) in ev.meta.engines.iter().map(|e| (&e.name, e)) {
        if !parts.iter().any(|(n, _)| n == name) {
            ev.inventory.gaps.push(Gap {
                what: format!("everything from engine {name}"),
                why: format!(
                    "bundle.json lists it ({}) but {DIR}{name}/ is not in the bundle",
                    listed.endpoint.as_deref().unwrap_or("no endpoint recorded")
                ),
            });
        }
    }
    for (engine, mut part) in parts {
        let listed = ev.meta.engines.iter().find(|e| e.name == engine);
        let clock = listed
            .and_then(|l| l.clock.clone())
            .or_else(|| part.meta.clock.clone());
        let offset = clock.as_ref().and_then(|c| c.offset());
        let corrected = offset.is_some_and(|o| o.abs() > CLOCK_TOLERANCE);
        let shift = offset.filter(|_| corrected).unwrap_or_default();
        let address = listed.and_then(|l| l.address.clone());
        let taken = Parts::take(&mut part);
        join(ev, &engine, taken, &ambiguous, shift);
        ev.engines.push(EngineEvidence {
            name: engine,
            meta: part.meta,
            address,
            offset,
            corrected,
        });
    }
}

/// One engine's evidence, named after it and corrected by `shift`, added to `ev`.
fn join(
    ev: &mut Evidence,
    engine: &str,
    part: Parts,
    ambiguous: &BTreeSet<String>,
    shift: TimeDelta,
) {
    let qualified = |name: &mut String| {
        if ambiguous.contains(name.as_str()) {
            *name = format!("{name}@{engine}");
        }
    };
    let engine_name = Some(engine.to_string());
    for mut c in part.containers {
        qualified(&mut c.name);
        c.engine = engine_name.clone();
        let s = &mut c.state;
        for t in [&mut c.created, &mut s.started_at, &mut s.finished_at] {
            *t = t.map(|t| t - shift);
        }
        if let Some(health) = &mut s.health {
            for probe in &mut health.log {
                probe.start = probe.start.map(|t| t - shift);
                probe.end = probe.end.map(|t| t - shift);
            }
        }
        ev.containers.push(c);
    }
    for mut e in part.events {
        if e.kind == "container" {
            qualified(&mut e.name);
        }
        e.engine = engine_name.clone();
        e.time -= shift;
        ev.events.push(e);
    }
    for mut l in part.logs {
        qualified(&mut l.service);
        l.engine = engine_name.clone();
        l.clock_shift = shift;
        ev.logs.push(l);
    }
    for mut f in part.forensics {
        qualified(&mut f.container);
        ev.forensics.push(f);
    }
    ev.images.extend(part.images);
    ev.listeners.extend(part.listeners);
    ev.monitoring.extend(part.monitoring);
    ev.probes.extend(part.probes);
    ev.swarm.services.extend(part.swarm.services);
    ev.swarm.tasks.extend(part.swarm.tasks);
    ev.swarm.nodes.extend(part.swarm.nodes);
    ev.compose.extend(part.compose);
    let inventory = &mut ev.inventory;
    inventory.recognised.extend(part.recognised);
    inventory.ignored.extend(part.ignored);
    inventory.problems.extend(part.problems);
    inventory.gaps.extend(part.gaps.into_iter().map(|g| Gap {
        what: format!("engine {engine}: {}", g.what),
        why: g.why,
    }));
}

/// What [`join`] takes of an engine's evidence.
struct Parts {
    containers: Vec<Container>,
    events: Vec<Event>,
    logs: Vec<LogSource>,
    forensics: Vec<EntrypointForensics>,
    images: Vec<Image>,
    listeners: Vec<Listener>,
    monitoring: Vec<MonitoringSeries>,
    probes: Vec<ProbeResult>,
    recognised: Vec<RecognisedFile>,
    ignored: Vec<IgnoredFile>,
    problems: Vec<InputProblem>,
    /// The engine's own gaps: found reading it, and its `not_collected`.
    gaps: Vec<Gap>,
    /// A Swarm is one per manager: its services keep their names.
    swarm: Swarm,
    compose: Vec<ComposeProject>,
}

impl Parts {
    fn take(part: &mut Evidence) -> Parts {
        use std::mem::take;
        let mut gaps = take(&mut part.inventory.gaps);
        gaps.extend(part.meta.not_collected.iter().cloned());
        Parts {
            containers: take(&mut part.containers),
            events: take(&mut part.events),
            logs: take(&mut part.logs),
            forensics: take(&mut part.forensics),
            images: take(&mut part.images),
            listeners: take(&mut part.listeners),
            monitoring: take(&mut part.monitoring),
            probes: take(&mut part.probes),
            recognised: take(&mut part.inventory.recognised),
            ignored: take(&mut part.inventory.ignored),
            problems: take(&mut part.inventory.problems),
            gaps,
            swarm: take(&mut part.swarm),
            compose: take(&mut part.compose),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::collect::bundle::load;
    use crate::evidence::{AssumedZone, Window};
    use crate::testing::{copy_dir, fixture_path};

    /// A captured bundle as the two engines of one: the same engine twice,
    /// the second with a clock 90 s ahead. Its names are qualified on both,
    /// and only the second one's timestamps move, by exactly the offset.
    #[test]
    fn a_clock_offset_over_the_tolerance_moves_that_engines_timestamps() {
        let captured = fixture_path("upstream-502");
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&captured, &dir.path().join("engines/near"));
        copy_dir(&captured, &dir.path().join("engines/far"));
        std::fs::write(
            dir.path().join("bundle.json"),
            r#"{"engines": [
                {"name": "near", "clock": {"engine": "2026-01-01T00:00:00.400Z", "collector": "2026-01-01T00:00:00Z"}},
                {"name": "far", "clock": {"engine": "2026-01-01T00:01:30Z", "collector": "2026-01-01T00:00:00Z"}}
            ]}"#,
        )
        .unwrap();
        let one = load(&captured, AssumedZone::default(), Window::default()).unwrap();
        let two = load(dir.path(), AssumedZone::default(), Window::default()).unwrap();
        let offsets: Vec<_> = two
            .engines
            .iter()
            .map(|e| {
                (
                    e.name.as_str(),
                    e.offset.unwrap().num_milliseconds(),
                    e.corrected,
                )
            })
            .collect();
        assert_eq!(offsets, [("far", 90_000, true), ("near", 400, false)]);
        let api = one.container("api").unwrap();
        let near = two.container("api@near").unwrap();
        let far = two.container("api@far").unwrap();
        assert_eq!(near.state.started_at, api.state.started_at);
        assert_eq!(
            far.state.started_at,
            api.state
                .started_at
                .map(|t| t - chrono::TimeDelta::seconds(90))
        );
        let event_times = |engine: &str| -> Vec<_> {
            two.events
                .iter()
                .filter(|e| e.engine.as_deref() == Some(engine))
                .map(|e| e.time)
                .collect()
        };
        let original: Vec<_> = one.events.iter().map(|e| e.time).collect();
        assert_eq!(event_times("near"), original);
        let shifted: Vec<_> = original
            .iter()
            .map(|t| *t - chrono::TimeDelta::seconds(90))
            .collect();
        assert_eq!(event_times("far"), shifted);
        let far_log = two.logs_of("api@far").next().unwrap();
        assert_eq!(far_log.clock_shift, chrono::TimeDelta::seconds(90));
        assert_eq!(far_log.display, "engines/far/docker/containers/api.log");
        assert!(two.container("api").is_none());
    }
}
