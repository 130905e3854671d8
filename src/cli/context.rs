//! `--context NAME`: an engine from the docker CLI's context store, read as
//! the docker CLI stores it: `$DOCKER_CONFIG/contexts/meta/<sha256 of the
//! name>/meta.json` (default `~/.docker`), whose `Endpoints.docker.Host` is
//! the engine's URL, with TLS files in `contexts/tls/<sha256>/docker/` when
//! the context has them (docs.docker.com, "Docker contexts"). Reading only:
//! nothing in the store is changed.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _, Result};
use coroner::collect::docker::engine::{Endpoint, TlsFiles};
use coroner::collect::docker::several::EngineSpec;

/// The engine the context `name` points at, named after the context.
pub fn engine(name: &str) -> Result<EngineSpec> {
    let config = std::env::var_os("DOCKER_CONFIG")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".docker")))
        .context("neither DOCKER_CONFIG nor HOME is set: the context store cannot be found")?;
    engine_in(&config, name)
}

fn engine_in(config: &Path, name: &str) -> Result<EngineSpec> {
    let hash = hex(ring::digest::digest(&ring::digest::SHA256, name.as_bytes()).as_ref());
    let meta = config.join("contexts/meta").join(&hash).join("meta.json");
    let text = std::fs::read_to_string(&meta).with_context(|| {
        format!(
            "no context {name:?} in the docker CLI's store (cannot read {}); `docker context ls` lists them",
            meta.display()
        )
    })?;
    let document: serde_json::Value = serde_json::from_str(&text)
        .with_context(|| format!("{}: not a context's meta.json", meta.display()))?;
    let Some(host) = document
        .pointer("/Endpoints/docker/Host")
        .and_then(|h| h.as_str())
    else {
        bail!("{}: no Endpoints.docker.Host", meta.display());
    };
    let tls = config.join("contexts/tls").join(&hash).join("docker");
    let mut endpoint = Endpoint::from_settings(Some(host), false, None, None);
    if let Endpoint::Tcp { tls: files, .. } = &mut endpoint {
        if tls.join("ca.pem").is_file() {
            *files = Some(TlsFiles { dir: tls });
        }
    }
    Ok(EngineSpec {
        name: Some(name.to_string()),
        endpoint,
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A store as `docker context create edge --docker host=tcp://10.0.0.5:2375`
    /// writes it; the directory name is the SHA-256 of the name.
    #[test]
    fn reads_a_context_from_the_store() {
        let config = tempfile::tempdir().unwrap();
        // The digest the docker CLI names its `default` context's directory with.
        assert_eq!(
            hex(ring::digest::digest(&ring::digest::SHA256, b"default").as_ref()),
            "37a8eec1ce19687d132fe29051dca629d164e2c4958ba141d5f4133a33f0688f"
        );
        let dir = config
            .path()
            .join("contexts/meta")
            .join(hex(
                ring::digest::digest(&ring::digest::SHA256, b"edge").as_ref()
            ));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("meta.json"),
            r#"{"Name":"edge","Metadata":{},"Endpoints":{"docker":{"Host":"tcp://10.0.0.5:2375","SkipTLSVerify":false}}}"#,
        )
        .unwrap();
        let spec = engine_in(config.path(), "edge").unwrap();
        assert_eq!(spec.name.as_deref(), Some("edge"));
        assert_eq!(spec.endpoint.tcp_host(), Some("10.0.0.5"));
        let err = engine_in(config.path(), "nowhere").unwrap_err();
        assert!(
            format!("{err:#}").contains("no context \"nowhere\""),
            "{err:#}"
        );
    }
}
