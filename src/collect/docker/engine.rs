//! Reaching the Docker engine: where it is (`DOCKER_HOST`, TLS settings),
//! connecting with a negotiated API version, and turning every way that can
//! fail into a message that names the cause and the fix.

use std::error::Error as _;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use bollard::{Docker, API_DEFAULT_VERSION};

/// The socket Docker listens on by default.
pub const DEFAULT_SOCKET: &str = "/var/run/docker.sock";

/// Where the engine is, as the docker CLI reads it from the environment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Endpoint {
    Unix(PathBuf),
    Tcp {
        /// `host:port`
        address: String,
        /// Present when `DOCKER_TLS_VERIFY` is set.
        tls: Option<TlsFiles>,
    },
    /// A `DOCKER_HOST` scheme coroner cannot use (`ssh://`, `npipe://`, …).
    Unsupported(String),
}

/// `ca.pem`, `cert.pem` and `key.pem` in `DOCKER_CERT_PATH` (default `~/.docker`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TlsFiles {
    pub dir: PathBuf,
}

impl TlsFiles {
    fn ca(&self) -> PathBuf {
        self.dir.join("ca.pem")
    }
    fn cert(&self) -> PathBuf {
        self.dir.join("cert.pem")
    }
    fn key(&self) -> PathBuf {
        self.dir.join("key.pem")
    }
}

/// Why the engine could not be used, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{cause}; {fix}")]
pub struct EngineError {
    pub cause: String,
    pub fix: String,
}

impl Endpoint {
    /// Reads `DOCKER_HOST`, `DOCKER_TLS_VERIFY` and `DOCKER_CERT_PATH`.
    pub fn from_env() -> Endpoint {
        let var = |name| std::env::var(name).ok().filter(|v| !v.is_empty());
        Endpoint::from_settings(
            var("DOCKER_HOST").as_deref(),
            var("DOCKER_TLS_VERIFY").is_some(),
            var("DOCKER_CERT_PATH").as_deref(),
            var("HOME").as_deref(),
        )
    }

    /// The docker CLI's rules: no `DOCKER_HOST` means the local socket; TLS
    /// is on when `DOCKER_TLS_VERIFY` is non-empty, with certificates in
    /// `DOCKER_CERT_PATH`, else `~/.docker`.
    pub fn from_settings(
        host: Option<&str>,
        tls_verify: bool,
        cert_path: Option<&str>,
        home: Option<&str>,
    ) -> Endpoint {
        let Some(host) = host else {
            return Endpoint::Unix(PathBuf::from(DEFAULT_SOCKET));
        };
        if let Some(path) = host.strip_prefix("unix://") {
            return Endpoint::Unix(PathBuf::from(path));
        }
        let address = host
            .strip_prefix("tcp://")
            .or_else(|| host.strip_prefix("https://"))
            .or_else(|| host.strip_prefix("http://"));
        match address {
            Some(address) => {
                let address = address.trim_end_matches('/').to_string();
                let tls = (tls_verify || host.starts_with("https://")).then(|| TlsFiles {
                    dir: cert_path
                        .map(PathBuf::from)
                        .unwrap_or_else(|| Path::new(home.unwrap_or("/root")).join(".docker")),
                });
                Endpoint::Tcp { address, tls }
            }
            None => Endpoint::Unsupported(host.to_string()),
        }
    }

    /// Whether the engine runs on this machine, so its host's sockets are ours to read.
    pub fn is_local(&self) -> bool {
        match self {
            Endpoint::Unix(_) => true,
            Endpoint::Tcp { .. } => self.tcp_host().is_some_and(|host| {
                host == "localhost"
                    || host
                        .parse::<std::net::IpAddr>()
                        .is_ok_and(|ip| ip.is_loopback())
            }),
            Endpoint::Unsupported(_) => false,
        }
    }

    /// The host of a `tcp://` endpoint: `10.0.0.5` of `tcp://10.0.0.5:2376`.
    /// Other hosts reach what the engine publishes at that address.
    pub fn tcp_host(&self) -> Option<&str> {
        match self {
            Endpoint::Tcp { address, .. } => {
                let host = address
                    .rsplit_once(':')
                    .map_or(address.as_str(), |(h, _)| h);
                Some(host.trim_start_matches('[').trim_end_matches(']'))
            }
            _ => None,
        }
    }

    /// `--host URL`: the URL as `DOCKER_HOST` would give it, with the TLS
    /// settings of the environment.
    pub fn from_url(url: &str) -> Endpoint {
        let var = |name| std::env::var(name).ok().filter(|v| !v.is_empty());
        Endpoint::from_settings(
            Some(url),
            var("DOCKER_TLS_VERIFY").is_some(),
            var("DOCKER_CERT_PATH").as_deref(),
            var("HOME").as_deref(),
        )
    }

    pub fn describe(&self) -> String {
        match self {
            Endpoint::Unix(path) => format!("unix://{}", path.display()),
            Endpoint::Tcp { address, tls: None } => format!("tcp://{address}"),
            Endpoint::Tcp {
                address,
                tls: Some(_),
            } => format!("tcp://{address} (TLS)"),
            Endpoint::Unsupported(host) => host.clone(),
        }
    }

    /// Connects and negotiates the API version; `timeout` bounds each request.
    pub async fn connect(&self, timeout: Duration) -> Result<Docker, EngineError> {
        let seconds = timeout.as_secs().max(1);
        let docker = match self {
            Endpoint::Unix(path) => {
                Docker::connect_with_unix(&path.to_string_lossy(), seconds, API_DEFAULT_VERSION)
            }
            Endpoint::Tcp { address, tls: None } => {
                Docker::connect_with_http(address, seconds, API_DEFAULT_VERSION)
            }
            Endpoint::Tcp {
                address,
                tls: Some(files),
            } => {
                for file in [files.ca(), files.cert(), files.key()] {
                    if !file.is_file() {
                        return Err(EngineError {
                            cause: format!(
                                "DOCKER_TLS_VERIFY is set but {} does not exist",
                                file.display()
                            ),
                            fix: "put ca.pem, cert.pem and key.pem in DOCKER_CERT_PATH (default ~/.docker), or unset DOCKER_TLS_VERIFY for a plain tcp:// engine".into(),
                        });
                    }
                }
                Docker::connect_with_ssl(
                    address,
                    &files.key(),
                    &files.cert(),
                    &files.ca(),
                    seconds,
                    API_DEFAULT_VERSION,
                )
            }
            Endpoint::Unsupported(host) => {
                return Err(EngineError {
                    cause: format!("DOCKER_HOST={host} uses a scheme coroner does not speak"),
                    fix: "run coroner on the Docker host itself, or forward the engine's socket (ssh -L /tmp/docker.sock:/var/run/docker.sock HOST) and set DOCKER_HOST=unix:///tmp/docker.sock".into(),
                })
            }
        }
        .map_err(|e| self.explain(&e, timeout))?;
        docker
            .negotiate_version()
            .await
            .map_err(|e| self.explain(&e, timeout))
    }

    /// Names the cause of a failed request and the fix.
    pub fn explain(&self, error: &bollard::errors::Error, timeout: Duration) -> EngineError {
        use bollard::errors::Error as E;
        let at = self.describe();
        match error {
            E::SocketNotFoundError(path) => EngineError {
                cause: format!("no Docker socket at {path}"),
                fix: "start the engine (sudo systemctl start docker), or set DOCKER_HOST to where it listens, e.g. unix:///run/user/1000/docker.sock for rootless Docker".into(),
            },
            E::RequestTimeoutError => EngineError {
                cause: format!(
                    "the Docker engine at {at} did not answer within {}s",
                    timeout.as_secs()
                ),
                fix: "dockerd may be hung or overloaded; check systemctl status docker and journalctl -u docker, then retry".into(),
            },
            E::DockerResponseServerError {
                status_code,
                message,
            } => EngineError {
                cause: format!("the Docker engine at {at} answered {status_code}: {message}"),
                fix: "check the engine's log (journalctl -u docker)".into(),
            },
            E::CertPathError { path } | E::CertParseError { path } => EngineError {
                cause: format!("cannot use the TLS certificate {}", path.display()),
                fix: "DOCKER_CERT_PATH must hold readable PEM files ca.pem, cert.pem and key.pem"
                    .into(),
            },
            other => match find_io_error(other) {
                Some(io) => explain_io(&at, self, io.kind(), &io.to_string()),
                None => EngineError {
                    cause: format!("cannot talk to the Docker engine at {at}: {}", chain(other)),
                    fix: "check that DOCKER_HOST points at a running engine (docker version shows it)".into(),
                },
            },
        }
    }
}

/// The first I/O error in an error's chain of causes.
fn find_io_error<'a>(error: &'a (dyn std::error::Error + 'static)) -> Option<&'a io::Error> {
    let mut current: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(e) = current {
        if let Some(io) = e.downcast_ref::<io::Error>() {
            return Some(io);
        }
        current = e.source();
    }
    None
}

fn chain(error: &bollard::errors::Error) -> String {
    let mut text = error.to_string();
    let mut current = error.source();
    while let Some(e) = current {
        let next = e.to_string();
        if !text.contains(&next) {
            text.push_str(": ");
            text.push_str(&next);
        }
        current = e.source();
    }
    text
}

/// The messages for the ways a connection fails at the socket level.
fn explain_io(at: &str, endpoint: &Endpoint, kind: io::ErrorKind, detail: &str) -> EngineError {
    let unix = matches!(endpoint, Endpoint::Unix(_));
    match kind {
        io::ErrorKind::PermissionDenied => EngineError {
            cause: format!("permission denied on {at}"),
            fix: "add your user to the docker group (sudo usermod -aG docker $USER, then log in again) or run coroner with sudo".into(),
        },
        io::ErrorKind::ConnectionRefused if unix => EngineError {
            cause: format!("nothing listens on {at}: the socket file is there but dockerd is not running"),
            fix: "start it (sudo systemctl start docker)".into(),
        },
        io::ErrorKind::ConnectionRefused => EngineError {
            cause: format!("connection refused by {at}"),
            fix: "check that dockerd listens there (dockerd -H tcp://…) and that DOCKER_HOST has the right port".into(),
        },
        io::ErrorKind::NotFound => EngineError {
            cause: format!("no Docker socket at {at}"),
            fix: "start the engine (sudo systemctl start docker), or set DOCKER_HOST to where it listens".into(),
        },
        _ if matches!(endpoint, Endpoint::Tcp { tls: Some(_), .. })
            && detail.contains("certificate") =>
        {
            EngineError {
                cause: format!("the TLS handshake with {at} failed: {detail}"),
                fix: "DOCKER_CERT_PATH must hold the ca.pem that signed the engine's certificate, and a cert.pem and key.pem the engine accepts".into(),
            }
        }
        io::ErrorKind::TimedOut => EngineError {
            cause: format!("connecting to {at} timed out"),
            fix: "check the address in DOCKER_HOST and that no firewall drops the connection"
                .into(),
        },
        _ => EngineError {
            cause: format!("cannot connect to {at}: {detail}"),
            fix: "check that DOCKER_HOST points at a running engine".into(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_docker_host_like_the_docker_cli() {
        assert_eq!(
            Endpoint::from_settings(None, false, None, None),
            Endpoint::Unix(PathBuf::from("/var/run/docker.sock"))
        );
        assert_eq!(
            Endpoint::from_settings(Some("unix:///run/user/1000/docker.sock"), false, None, None),
            Endpoint::Unix(PathBuf::from("/run/user/1000/docker.sock"))
        );
        let tls =
            Endpoint::from_settings(Some("tcp://10.0.0.5:2376"), true, None, Some("/home/ops"));
        assert_eq!(
            tls,
            Endpoint::Tcp {
                address: "10.0.0.5:2376".into(),
                tls: Some(TlsFiles {
                    dir: PathBuf::from("/home/ops/.docker")
                })
            }
        );
        assert!(!tls.is_local());
        assert_eq!(tls.tcp_host(), Some("10.0.0.5"));
        let plain = Endpoint::from_settings(Some("tcp://127.0.0.1:2375"), false, None, None);
        assert!(plain.is_local());
        assert_eq!(plain.describe(), "tcp://127.0.0.1:2375");
        assert!(matches!(
            Endpoint::from_settings(Some("ssh://ops@db1"), false, None, None),
            Endpoint::Unsupported(_)
        ));
    }

    fn runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
    }

    #[test]
    fn a_missing_socket_says_to_start_docker_or_set_docker_host() {
        let dir = tempfile::tempdir().unwrap();
        let endpoint = Endpoint::Unix(dir.path().join("docker.sock"));
        let err = runtime()
            .block_on(endpoint.connect(Duration::from_secs(2)))
            .unwrap_err();
        assert!(err.cause.starts_with("no Docker socket at "), "{err}");
        assert!(err.fix.contains("systemctl start docker"), "{err}");
        assert!(err.fix.contains("DOCKER_HOST"), "{err}");
    }

    #[test]
    fn a_socket_nobody_listens_on_says_dockerd_is_not_running() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("docker.sock");
        // Binding and closing leaves the socket file without a listener.
        drop(std::os::unix::net::UnixListener::bind(&path).unwrap());
        let err = runtime()
            .block_on(Endpoint::Unix(path).connect(Duration::from_secs(2)))
            .unwrap_err();
        assert!(err.cause.contains("dockerd is not running"), "{err}");
    }

    #[test]
    fn an_engine_that_never_answers_times_out_with_a_message() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("docker.sock");
        // Accepts connections (the backlog does) but never reads or answers.
        let _silent = std::os::unix::net::UnixListener::bind(&path).unwrap();
        let err = runtime()
            .block_on(Endpoint::Unix(path).connect(Duration::from_secs(1)))
            .unwrap_err();
        assert!(err.cause.contains("did not answer within 1s"), "{err}");
        assert!(err.fix.contains("journalctl -u docker"), "{err}");
    }

    #[test]
    fn permission_denied_says_to_join_the_docker_group() {
        let endpoint = Endpoint::Unix(PathBuf::from(DEFAULT_SOCKET));
        let denied = io::Error::from(io::ErrorKind::PermissionDenied);
        let err = explain_io(
            &endpoint.describe(),
            &endpoint,
            denied.kind(),
            &denied.to_string(),
        );
        assert_eq!(
            err.cause,
            "permission denied on unix:///var/run/docker.sock"
        );
        assert!(err.fix.contains("usermod -aG docker"), "{err}");
    }

    #[test]
    fn tls_without_certificates_names_the_missing_file() {
        let dir = tempfile::tempdir().unwrap();
        let endpoint = Endpoint::from_settings(
            Some("tcp://127.0.0.1:2376"),
            true,
            Some(&dir.path().to_string_lossy()),
            None,
        );
        let err = runtime()
            .block_on(endpoint.connect(Duration::from_secs(1)))
            .unwrap_err();
        assert!(err.cause.contains("ca.pem does not exist"), "{err}");
    }
}
