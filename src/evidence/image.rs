//! Images, from `docker image inspect` output. An image's creation time marks
//! a build or deploy in the chronology.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::container::lenient;
use super::document::{self, Parsed};
use super::time::parse_docker_time;

#[derive(Debug, Clone, Serialize)]
pub struct Image {
    pub id: String,
    pub tags: Vec<String>,
    pub created: Option<DateTime<Utc>>,
    pub entrypoint: Vec<String>,
    pub cmd: Vec<String>,
    pub env: Vec<String>,
    pub working_dir: String,
    pub user: String,
    pub healthcheck: Vec<String>,
    pub labels: BTreeMap<String, String>,
    pub architecture: String,
    pub os: String,
    pub size: u64,
    pub source: String,
}

impl Image {
    /// Parses `docker image inspect` output: an array or one object; secrets
    /// masked and wrong-typed fields dropped (see [`document`]).
    pub fn parse_inspect(json: &str, source: &str) -> Result<Parsed<Image>, serde_json::Error> {
        let raw = document::items::<Raw>(json, source)?;
        let items = raw
            .items
            .into_iter()
            .map(|r| Image {
                id: r.id,
                tags: r.repo_tags,
                created: parse_docker_time(&r.created),
                entrypoint: r.config.entrypoint,
                cmd: r.config.cmd,
                env: r.config.env,
                working_dir: r.config.working_dir,
                user: r.config.user,
                healthcheck: r.config.healthcheck.map(|h| h.test).unwrap_or_default(),
                labels: r.config.labels,
                architecture: r.architecture,
                os: r.os,
                size: r.size,
                source: source.to_string(),
            })
            .collect();
        Ok(Parsed {
            items,
            warnings: raw.warnings,
        })
    }

    /// `sha256:0123456789ab` shortened to the 12 hex digits Docker prints.
    pub fn short_id(&self) -> &str {
        let hex = self.id.strip_prefix("sha256:").unwrap_or(&self.id);
        // Counted in characters: an id from a hand-made bundle need not be hex.
        hex.char_indices()
            .nth(12)
            .map_or(hex, |(end, _)| &hex[..end])
    }
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "PascalCase", default)]
struct Raw {
    id: String,
    #[serde(deserialize_with = "lenient::vec")]
    repo_tags: Vec<String>,
    created: String,
    config: RawConfig,
    architecture: String,
    os: String,
    size: u64,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "PascalCase", default)]
struct RawConfig {
    #[serde(deserialize_with = "lenient::command")]
    entrypoint: Vec<String>,
    #[serde(deserialize_with = "lenient::command")]
    cmd: Vec<String>,
    #[serde(deserialize_with = "lenient::vec")]
    env: Vec<String>,
    working_dir: String,
    user: String,
    #[serde(deserialize_with = "lenient::map")]
    labels: BTreeMap<String, String>,
    healthcheck: Option<RawHealthcheck>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "PascalCase", default)]
struct RawHealthcheck {
    #[serde(deserialize_with = "lenient::vec")]
    test: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by fuzzing (`fuzz/fuzz_targets/image_inspect.rs`).
    #[test]
    fn a_short_id_is_cut_between_characters() {
        let parsed = Image::parse_inspect(r#"{"Id":"sha256:0123456789aé"}"#, "x.json").unwrap();
        assert_eq!(parsed.items[0].short_id(), "0123456789aé");
        let parsed = Image::parse_inspect(r#"{"Id":"sha256:0123456789abcdef"}"#, "x.json").unwrap();
        assert_eq!(parsed.items[0].short_id(), "0123456789ab");
    }
}
