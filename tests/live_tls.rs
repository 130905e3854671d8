//! `DOCKER_HOST=tcp://…` with `DOCKER_TLS_VERIFY`: the collector verifies
//! the engine with `ca.pem` and presents `cert.pem`/`key.pem` from
//! `DOCKER_CERT_PATH`. The engine here is `openssl s_server` on loopback,
//! requiring a client certificate and serving the version document.

mod live_support;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use live_support::run_binary;

fn coroner(args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    run_binary(env!("CARGO_BIN_EXE_coroner"), args, env)
}

fn openssl(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("openssl");
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A CA in `dir` (`ca.pem`, `ca.key`) and a certificate signed by it.
fn certificates(dir: &Path, name: &str, cn: &str, extension: &str) {
    std::fs::write(dir.join(format!("{name}.ext")), extension).unwrap();
    openssl(
        dir,
        &[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            &format!("{name}.key"),
            "-out",
            &format!("{name}.csr"),
            "-subj",
            &format!("/CN={cn}"),
        ],
    );
    openssl(
        dir,
        &[
            "x509",
            "-req",
            "-in",
            &format!("{name}.csr"),
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            &format!("{name}.pem"),
            "-days",
            "2",
            "-extfile",
            &format!("{name}.ext"),
        ],
    );
}

fn authority(dir: &Path, cn: &str) {
    std::fs::create_dir_all(dir).unwrap();
    openssl(
        dir,
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "ca.key",
            "-out",
            "ca.pem",
            "-days",
            "2",
            "-subj",
            &format!("/CN={cn}"),
        ],
    );
}

/// Stops the server by its pid when the test ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn a_tls_engine_is_reached_with_the_certificates_in_docker_cert_path() {
    if Command::new("openssl").arg("version").output().is_err() {
        assert_ne!(
            std::env::var("CI").as_deref(),
            Ok("true"),
            "openssl is needed under CI"
        );
        eprintln!("skipping: the openssl command is not installed");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let certs = tmp.path().join("docker");
    authority(&certs, "coroner-test-ca");
    certificates(
        &certs,
        "server",
        "localhost",
        "subjectAltName=IP:127.0.0.1,DNS:localhost\n",
    );
    certificates(&certs, "client", "coroner", "extendedKeyUsage=clientAuth\n");
    std::fs::rename(certs.join("client.pem"), certs.join("cert.pem")).unwrap();
    std::fs::rename(certs.join("client.key"), certs.join("key.pem")).unwrap();
    // What the engine answers to `GET /version` (bollard sends unversioned paths).
    let www = tmp.path().join("www");
    std::fs::create_dir_all(&www).unwrap();
    std::fs::write(
        www.join("version"),
        r#"{"ApiVersion":"1.41","Version":"20.10.99-tls","Arch":"amd64","Os":"linux"}"#,
    )
    .unwrap();
    let mut child = Command::new("openssl")
        .current_dir(&www)
        .args(["s_server", "-accept", "127.0.0.1:0", "-WWW", "-Verify", "1"])
        .arg("-cert")
        .arg(certs.join("server.pem"))
        .arg("-key")
        .arg(certs.join("server.key"))
        .arg("-CAfile")
        .arg(certs.join("ca.pem"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let _server = Server(child);
    // s_server prints `ACCEPT 127.0.0.1:PORT` once it listens.
    let address = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .find_map(|l| l.strip_prefix("ACCEPT ").map(str::to_string))
        .expect("s_server listens");
    let host = format!("tcp://{address}");

    let bundle = tmp.path().join("bundle");
    let cert_path = certs.to_str().unwrap();
    let (code, _, stderr) = coroner(
        &["collect", "--out", bundle.to_str().unwrap()],
        &[
            ("DOCKER_HOST", &host),
            ("DOCKER_TLS_VERIFY", "1"),
            ("DOCKER_CERT_PATH", cert_path),
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(bundle.join("bundle.json")).unwrap())
            .unwrap();
    assert_eq!(meta["engine_version"], "20.10.99-tls");
    assert_eq!(meta["api_version"], "1.41");

    // Certificates of another authority: the engine is not trusted.
    let other = tmp.path().join("other");
    authority(&other, "someone-else");
    std::fs::copy(certs.join("cert.pem"), other.join("cert.pem")).unwrap();
    std::fs::copy(certs.join("key.pem"), other.join("key.pem")).unwrap();
    let (code, _, stderr) = coroner(
        &[
            "collect",
            "--out",
            tmp.path().join("untrusted").to_str().unwrap(),
        ],
        &[
            ("DOCKER_HOST", &host),
            ("DOCKER_TLS_VERIFY", "1"),
            ("DOCKER_CERT_PATH", other.to_str().unwrap()),
        ],
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("the TLS handshake with"), "{stderr}");
    assert!(
        stderr.contains("DOCKER_CERT_PATH must hold the ca.pem"),
        "{stderr}"
    );
}
