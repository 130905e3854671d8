//! The host's listening TCP sockets, read from `/proc` and written as the
//! lines `ss -ltnpH` prints, so a live bundle and a gathered one hold the
//! same `host/listeners.txt`.
//!
//! Sockets come from `/proc/net/tcp` and `/proc/net/tcp6` (state `0A`,
//! LISTEN) of the network namespace coroner runs in; their owners from the
//! `socket:[inode]` links in `/proc/<pid>/fd`, which only root can read for
//! other users' processes. This module reads; it decides nothing about
//! conflicts (see [`crate::evidence::listeners`]).

use std::collections::BTreeMap;
use std::fs;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::path::Path;

use crate::evidence::Gap;

/// The kernel's `TCP_LISTEN` state, as `/proc/net/tcp` prints it (`st` column).
const TCP_LISTEN: &str = "0A";

/// One listening socket from `/proc/net/tcp[6]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListenSocket {
    pub address: IpAddr,
    pub port: u16,
    pub inode: u64,
    /// Connections waiting to be accepted (`rx_queue` of a listening socket).
    pub accept_queue: u64,
}

/// A process holding a socket open.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Owner {
    pub name: String,
    pub pid: u32,
    pub fd: u32,
}

/// What was read: `ss -ltnpH`-style lines, and what could not be read.
#[derive(Debug, Default)]
pub struct HostListeners {
    pub lines: Vec<String>,
    pub gaps: Vec<Gap>,
}

/// Reads the listening sockets and their owners from `/proc`.
pub fn listening_sockets() -> HostListeners {
    let mut out = HostListeners::default();
    let mut sockets = Vec::new();
    for (file, v6) in [("/proc/net/tcp", false), ("/proc/net/tcp6", true)] {
        match fs::read_to_string(file) {
            Ok(text) => sockets.extend(parse_proc_net_tcp(&text, v6)),
            // A kernel without IPv6 has no tcp6 table; that loses nothing.
            Err(e) if v6 && e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => out.gaps.push(Gap {
                what: format!("host listening sockets ({file})"),
                why: format!("cannot read {file}: {e}"),
            }),
        }
    }
    sockets.sort_by_key(|s| (s.port, s.address));
    let owners = socket_owners(Path::new("/proc"));
    let mut unowned = 0;
    for socket in &sockets {
        let holders = owners.get(&socket.inode).map_or(&[][..], Vec::as_slice);
        if holders.is_empty() {
            unowned += 1;
        }
        out.lines.push(ss_line(socket, holders));
    }
    if unowned > 0 {
        let why = if is_root() {
            "no process visible here holds them: they belong to another PID namespace \
             (a container with host networking, a sandbox) or to the kernel"
        } else {
            "/proc/<pid>/fd of other users' processes is readable only by root; \
             run coroner as root to name the processes"
        };
        out.gaps.push(Gap {
            what: format!("owning processes of {unowned} host listening sockets"),
            why: why.to_string(),
        });
    }
    out
}

/// Parses `/proc/net/tcp` (or `tcp6` with `v6`), keeping listening sockets.
///
/// Addresses are printed as the hex of the in-memory (network order) words,
/// so each 32-bit word is turned back into bytes in native order; ports are
/// printed already in host order (`net/ipv4/tcp_ipv4.c`, `get_tcp4_sock`).
pub fn parse_proc_net_tcp(text: &str, v6: bool) -> Vec<ListenSocket> {
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            // sl local rem st tx:rx tr:when retrnsmt uid timeout inode ...
            if fields.len() < 10 || fields[3] != TCP_LISTEN {
                return None;
            }
            let (address, port) = fields[1].split_once(':')?;
            let address = if v6 {
                IpAddr::V6(parse_v6(address)?)
            } else {
                IpAddr::V4(parse_v4(address)?)
            };
            let accept_queue = fields[4]
                .split_once(':')
                .and_then(|(_, rx)| u64::from_str_radix(rx, 16).ok())
                .unwrap_or(0);
            Some(ListenSocket {
                address,
                port: u16::from_str_radix(port, 16).ok()?,
                inode: fields[9].parse().ok()?,
                accept_queue,
            })
        })
        .collect()
}

fn parse_v4(hex: &str) -> Option<Ipv4Addr> {
    let word = u32::from_str_radix(hex, 16).ok()?;
    (hex.len() == 8).then(|| Ipv4Addr::from(word.to_ne_bytes()))
}

fn parse_v6(hex: &str) -> Option<Ipv6Addr> {
    if hex.len() != 32 {
        return None;
    }
    let mut bytes = [0u8; 16];
    for (i, chunk) in bytes.chunks_mut(4).enumerate() {
        let word = u32::from_str_radix(&hex[i * 8..i * 8 + 8], 16).ok()?;
        chunk.copy_from_slice(&word.to_ne_bytes());
    }
    Some(Ipv6Addr::from(bytes))
}

/// Maps socket inodes to the processes that hold them, from `/proc/<pid>/fd`.
/// Processes that exit or cannot be read during the walk are skipped.
pub fn socket_owners(proc_root: &Path) -> BTreeMap<u64, Vec<Owner>> {
    let mut owners: BTreeMap<u64, Vec<Owner>> = BTreeMap::new();
    let Ok(entries) = fs::read_dir(proc_root) else {
        return owners;
    };
    for entry in entries.flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        let Ok(fds) = fs::read_dir(entry.path().join("fd")) else {
            continue;
        };
        let mut name = None;
        for fd_entry in fds.flatten() {
            let Ok(target) = fs::read_link(fd_entry.path()) else {
                continue;
            };
            let Some(inode) = target
                .to_str()
                .and_then(|t| t.strip_prefix("socket:["))
                .and_then(|t| t.strip_suffix(']'))
                .and_then(|t| t.parse::<u64>().ok())
            else {
                continue;
            };
            let Some(fd) = fd_entry.file_name().to_str().and_then(|f| f.parse().ok()) else {
                continue;
            };
            let name = name
                .get_or_insert_with(|| {
                    fs::read_to_string(entry.path().join("comm"))
                        .map(|c| c.trim_end().to_string())
                        .unwrap_or_default()
                })
                .clone();
            owners
                .entry(inode)
                .or_default()
                .push(Owner { name, pid, fd });
        }
    }
    for list in owners.values_mut() {
        list.sort();
    }
    owners
}

/// One line as `ss -ltnpH` prints it:
/// `LISTEN 0 4096 127.0.0.1:8080 0.0.0.0:* users:(("nginx",pid=42,fd=6))`.
///
/// The send queue column of a listening socket is its backlog in `ss`; the
/// backlog is not in `/proc/net/tcp`, so `0` stands there.
pub fn ss_line(socket: &ListenSocket, owners: &[Owner]) -> String {
    let (local, peer) = match socket.address {
        IpAddr::V4(a) => (format!("{a}:{}", socket.port), "0.0.0.0:*"),
        IpAddr::V6(a) => (format!("[{a}]:{}", socket.port), "[::]:*"),
    };
    let mut line = format!("LISTEN {:<6} {:<6} {local} {peer}", socket.accept_queue, 0);
    if !owners.is_empty() {
        let users: Vec<String> = owners
            .iter()
            .map(|o| {
                format!(
                    "(\"{}\",pid={},fd={})",
                    o.name.replace(['"', '(', ')', ','], "_"),
                    o.pid,
                    o.fd
                )
            })
            .collect();
        line.push_str(&format!(" users:({})", users.join(",")));
    }
    line
}

/// Whether coroner runs as root, from the effective uid in `/proc/self/status`.
fn is_root() -> bool {
    fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("Uid:"))
                .and_then(|ids| ids.split_whitespace().nth(1).map(|e| e == "0"))
        })
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::Listener;

    /// Captured on this machine while a process listened on 127.0.0.1:42001
    /// (two connections waiting to be accepted), [::1]:42002, [::]:42003
    /// and [::ffff:127.0.0.1]:8080, beside a listener on 0.0.0.0:2024.
    const PROC_NET_TCP: &str = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:A411 00000000:0000 0A 00000000:00000002 00:00000000 00000000     0        0 56672 3 0000000034949b22 100 0 0 10 0
   1: 00000000:07E8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1603 1 00000000ce8c27ef 100 0 0 10 0
   2: 0100007F:A411 0100007F:D7DA 01 00000000:00000000 00:00000000 00000000     0        0 0 1 00000000a0d81957 20 0 0 10 -1
   3: 0100007F:A411 0100007F:D7E6 01 00000000:00000000 00:00000000 00000000     0        0 0 1 000000007af689d6 20 0 0 10 -1
   4: 0100007F:D7DA 0100007F:A411 01 00000000:00000000 00:00000000 00000000     0        0 56673 2 00000000d07c0b5a 20 0 0 10 -1
   5: 0100007F:D7E6 0100007F:A411 01 00000000:00000000 00:00000000 00000000     0        0 56674 2 00000000a28dc59c 20 0 0 10 -1
";
    const PROC_NET_TCP6: &str = "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000000000000000000001000000:A412 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 56675 1 000000007920bbaa 100 0 0 10 0
   1: 00000000000000000000000000000000:A413 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 56677 1 000000006c9780e2 100 0 0 10 0
   2: 0000000000000000FFFF00000100007F:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 56676 1 000000009725941f 100 0 0 10 0
";

    #[test]
    fn keeps_only_listening_sockets_and_decodes_their_addresses() {
        let v4 = parse_proc_net_tcp(PROC_NET_TCP, false);
        let seen: Vec<(String, u16, u64, u64)> = v4
            .iter()
            .map(|s| (s.address.to_string(), s.port, s.inode, s.accept_queue))
            .collect();
        assert_eq!(
            seen,
            [
                ("127.0.0.1".to_string(), 42001, 56672, 2),
                ("0.0.0.0".to_string(), 2024, 1603, 0)
            ]
        );
        let v6: Vec<(String, u16)> = parse_proc_net_tcp(PROC_NET_TCP6, true)
            .iter()
            .map(|s| (s.address.to_string(), s.port))
            .collect();
        assert_eq!(
            v6,
            [
                ("::1".to_string(), 42002),
                ("::".to_string(), 42003),
                ("::ffff:127.0.0.1".to_string(), 8080)
            ]
        );
    }

    #[test]
    fn lines_read_back_through_the_ss_parser() {
        let socket = &parse_proc_net_tcp(PROC_NET_TCP6, true)[0];
        let owners = [Owner {
            name: "nginx".into(),
            pid: 4242,
            fd: 6,
        }];
        let line = ss_line(socket, &owners);
        assert_eq!(
            line,
            r#"LISTEN 0      0      [::1]:42002 [::]:* users:(("nginx",pid=4242,fd=6))"#
        );
        let parsed = Listener::parse_ss_line(&line, "host/listeners.txt", 1).unwrap();
        assert_eq!((parsed.address.as_str(), parsed.port), ("::1", 42002));
        assert_eq!(parsed.processes, ["nginx (pid 4242)"]);
    }

    /// The real tables of this machine: a socket this test binds must show
    /// up with this process as its owner.
    #[test]
    fn finds_a_socket_this_process_listens_on_with_its_pid() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let text = fs::read_to_string("/proc/net/tcp").unwrap();
        let ours: Vec<ListenSocket> = parse_proc_net_tcp(&text, false)
            .into_iter()
            .filter(|s| s.port == port)
            .collect();
        assert_eq!(ours.len(), 1, "port {port} not in /proc/net/tcp");
        assert_eq!(ours[0].address, IpAddr::V4(Ipv4Addr::LOCALHOST));
        let owners = socket_owners(Path::new("/proc"));
        let holders = &owners[&ours[0].inode];
        assert!(
            holders.iter().any(|o| o.pid == std::process::id()),
            "{holders:?}"
        );
        let all = listening_sockets();
        let line = all
            .lines
            .iter()
            .find(|l| l.contains(&format!("127.0.0.1:{port} ")))
            .expect("the socket is listed");
        assert!(
            line.contains(&format!("pid={}", std::process::id())),
            "{line}"
        );
    }
}
