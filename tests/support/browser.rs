//! Headless Chromium (Debian's `chromium`) for tests that open an HTML
//! report the way a reader's browser does.
//!
//! It owns starting the browser cut off from the network: every host name
//! resolves to nothing, and every request a page still makes goes to a
//! proxy the test owns, which refuses it and records its request line. It
//! must not change the page it opens: a test that measures a page injects
//! its script into a copy of its own.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// Debian's `chromium`, found on `PATH`.
pub struct Chromium;

/// What the browser made of a page.
pub struct Visit {
    /// The document after its scripts ran, as `--dump-dom` prints it.
    pub dom: String,
    /// The request line of every connection that reached the proxy.
    pub requests: Vec<String>,
}

impl Chromium {
    /// The browser, if `chromium --version` runs.
    pub fn find() -> Option<Chromium> {
        let out = Command::new("chromium").arg("--version").output().ok()?;
        out.status.success().then_some(Chromium)
    }

    /// Opens the file `page` in a window `width` pixels wide, offline, and
    /// returns its document once its scripts ran, with every request it
    /// tried to make.
    pub fn visit(&self, page: &Path, width: u32) -> Visit {
        let proxy = Proxy::start();
        let profile = tempfile::tempdir().unwrap();
        let out = Command::new("chromium")
            .args(["--headless", "--no-sandbox", "--disable-gpu"])
            // Phones draw scrollbars over the page; here they take no width either.
            .arg("--hide-scrollbars")
            .arg(format!("--user-data-dir={}", profile.path().display()))
            // The browser's own traffic (updates, sync, first-run pages)
            // would reach the proxy too and be taken for the page's.
            .args([
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
            ])
            .arg(format!("--proxy-server=http://127.0.0.1:{}", proxy.port))
            .arg(format!("--proxy-bypass-list={}", BYPASS.join(";")))
            // Names resolve to nothing; the proxy's address is not a name
            // but is mapped all the same unless excluded.
            .arg("--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1")
            .arg(format!("--window-size={width},900"))
            // Virtual time: the page's load and its scripts finish before
            // the dump, without a wait in real time.
            .arg("--virtual-time-budget=10000")
            .arg("--dump-dom")
            .arg(format!("file://{}", page.display()))
            .output()
            .expect("chromium runs");
        let requests = proxy.finish();
        let dom = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(
            out.status.success() && dom.contains("</html>"),
            "chromium printed no document for {} ({}): {}",
            page.display(),
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        Visit { dom, requests }
    }
}

/// What goes around the proxy. `<-loopback>`: nothing, loopback addresses
/// included (Chromium sends them around a proxy by default). Then the
/// services Chromium 156 calls by itself in headless mode whatever the
/// flags above say (component updates, account checks, network time): they
/// go straight to names that resolve to nothing. A page never needs them,
/// and the report is also searched for any reference to another host.
const BYPASS: [&str; 5] = [
    "<-loopback>",
    "update.googleapis.com",
    "accounts.google.com",
    "clients2.google.com",
    "redirector.gvt1.com",
];

/// The line that tells the proxy's thread to stop, sent by the test itself.
const STOP: &str = "STOP coroner-test-proxy";

/// A listener standing in for every server: it answers 403 to whatever
/// reaches it and keeps the first line of each request.
struct Proxy {
    port: u16,
    seen: Arc<Mutex<Vec<String>>>,
    thread: JoinHandle<()>,
}

impl Proxy {
    fn start() -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let kept = Arc::clone(&seen);
        let thread = std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                // Only a client that connects and sends nothing waits this long.
                let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
                let mut line = String::new();
                let _ = BufReader::new(&stream).read_line(&mut line);
                let line = line.trim_end();
                if line == STOP {
                    break;
                }
                kept.lock().unwrap().push(if line.is_empty() {
                    "(a connection that sent no request)".to_string()
                } else {
                    line.to_string()
                });
                let _ = stream.write_all(
                    b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                );
            }
        });
        Proxy { port, seen, thread }
    }

    /// Every request line received; the browser has exited, so its
    /// connections are all queued before the one that stops the thread.
    fn finish(self) -> Vec<String> {
        let mut stop = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stop.write_all(format!("{STOP}\n").as_bytes()).unwrap();
        self.thread.join().unwrap();
        let seen = self.seen.lock().unwrap();
        seen.clone()
    }
}
