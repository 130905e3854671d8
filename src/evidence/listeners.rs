//! Host listening sockets, in the form `ss -ltnpH` prints them:
//!
//! ```text
//! LISTEN 0      511        127.0.0.1:18080      0.0.0.0:*    users:(("nginx",pid=4242,fd=6))
//! ```

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Listener {
    pub address: String,
    pub port: u16,
    /// Processes holding the socket, e.g. `nginx (pid 4242)`; empty when not readable.
    pub processes: Vec<String>,
    /// The line as `ss` printed it, runs of spaces folded, for quoting.
    pub text: String,
    pub source: String,
    pub line: u64,
}

impl Listener {
    /// Parses one line of `ss -ltn[p][H]` output. The header and blank lines give `None`.
    pub fn parse_ss_line(text: &str, source: &str, line: u64) -> Option<Listener> {
        let mut fields = text.split_whitespace();
        let state = fields.next()?;
        if state != "LISTEN" {
            return None;
        }
        let local = fields.nth(2)?;
        let (address, port) = local.rsplit_once(':')?;
        let port = port.parse().ok()?;
        let address = address.trim_start_matches('[').trim_end_matches(']');
        let address = address.split('%').next().unwrap_or(address).to_string();
        let processes = text
            .split_once("users:(")
            .map(|(_, users)| parse_users(users))
            .unwrap_or_default();
        Some(Listener {
            address,
            port,
            processes,
            text: text.split_whitespace().collect::<Vec<_>>().join(" "),
            source: source.to_string(),
            line,
        })
    }

    /// Whether binding `host_ip:port` would collide with this socket.
    pub fn conflicts_with(&self, host_ip: &str, port: u16) -> bool {
        let wildcard = |a: &str| a.is_empty() || a == "0.0.0.0" || a == "*" || a == "::";
        self.port == port
            && (wildcard(&self.address) || wildcard(host_ip) || self.address == host_ip)
    }

    pub fn holder(&self) -> String {
        if self.processes.is_empty() {
            "an unknown process (run `ss -ltnp` as root to see it)".to_string()
        } else {
            self.processes.join(", ")
        }
    }
}

/// `("nginx",pid=4242,fd=6),("nginx",pid=4243,fd=6))` → `nginx (pid 4242)`, `nginx (pid 4243)`.
fn parse_users(users: &str) -> Vec<String> {
    let mut out: Vec<String> = users
        .split("),(")
        .filter_map(|entry| {
            let entry = entry.trim_matches(|c| c == '(' || c == ')');
            let mut parts = entry.split(',');
            let name = parts.next()?.trim_matches('"');
            let pid = parts.find_map(|p| p.strip_prefix("pid="));
            Some(match pid {
                Some(pid) => format!("{name} (pid {pid})"),
                None => name.to_string(),
            })
        })
        .collect();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_ss_lines_with_and_without_processes() {
        let l = Listener::parse_ss_line(
            r#"LISTEN 0      511        127.0.0.1:18080      0.0.0.0:*    users:(("nginx",pid=4242,fd=6),("nginx",pid=4243,fd=6))"#,
            "host/listeners.txt",
            3,
        )
        .unwrap();
        assert_eq!((l.address.as_str(), l.port), ("127.0.0.1", 18080));
        assert_eq!(l.processes, ["nginx (pid 4242)", "nginx (pid 4243)"]);
        assert!(l.conflicts_with("0.0.0.0", 18080));
        assert!(!l.conflicts_with("0.0.0.0", 18081));
        let v6 = Listener::parse_ss_line("LISTEN 0 4096 [::]:22 [::]:*", "s", 1).unwrap();
        assert_eq!((v6.address.as_str(), v6.port), ("::", 22));
        assert!(
            Listener::parse_ss_line("State Recv-Q Send-Q Local Address:Port", "s", 1).is_none()
        );
    }
}
