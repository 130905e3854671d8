//! Measures the one scan pass over large container logs and prints the
//! figures; it asserts nothing about time.
//!
//! Two generated bundles, one log each:
//! 1. a busy reverse proxy: access lines, 1 in 50 requests failing with a
//!    502, upstream `connect() failed` errors and the odd refused connection;
//! 2. a busy Python web service: access lines with 404 Not Found, tracebacks
//!    with frames and a dict `KeyError`, permission warnings.
//!
//! For each: its size, the scan time with every detector and with no
//! signature at all (the cost of reading), best of three runs, in MiB/s,
//! the distinct messages the scan kept, and the peak resident memory of
//! this process (VmHWM) while measuring that log.
//!
//! Run: `cargo run --release --example scan_bench [MiB]` (256 MiB per log
//! by default). The logs are written to a temporary directory and removed.

use std::io::{BufWriter, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use coroner::analyze::detector::Detector;
use coroner::analyze::detectors::all;
use coroner::analyze::scan::scan;
use coroner::collect::bundle;
use coroner::evidence::{AssumedZone, Window};

const RUNS: usize = 3;

/// Writes at least the given number of bytes of one kind of log.
type Generator = fn(&mut dyn Write, u64) -> std::io::Result<()>;

fn main() -> anyhow::Result<()> {
    let mib: u64 = match std::env::args().nth(1) {
        Some(arg) => arg.parse()?,
        None => 256,
    };
    let size = mib << 20;
    let cases: [(&str, &str, Generator); 2] = [
        ("busy proxy", "proxy", proxy_log),
        ("busy Python service", "api", python_log),
    ];
    for (label, name, generate) in cases {
        let dir = tempfile::tempdir()?;
        let logs = dir.path().join("docker/containers");
        std::fs::create_dir_all(&logs)?;
        let mut out = BufWriter::new(std::fs::File::create(logs.join(format!("{name}.log")))?);
        generate(&mut out, size)?;
        out.flush()?;
        drop(out);
        measure(label, dir.path())?;
    }
    Ok(())
}

fn measure(label: &str, dir: &Path) -> anyhow::Result<()> {
    reset_peak_memory();
    let evidence = bundle::load(dir, AssumedZone::default(), Window::default())?;
    let bytes: u64 = evidence.logs.iter().map(|l| l.bytes).sum();
    let mb = bytes as f64 / (1 << 20) as f64;
    println!("{label}: {mb:.0} MiB");
    let every = all();
    // Other work shares the machine: the best of three runs is the figure.
    for (set, detectors) in [("all detectors", every), ("no signature", Vec::new())] {
        let (best, messages) = best_scan(&evidence, &detectors)?;
        println!(
            "  {set:>14}: {:>6.0} ms = {:>5.0} MiB/s, {messages} distinct messages kept",
            best.as_secs_f64() * 1000.0,
            mb / best.as_secs_f64(),
        );
    }
    println!("  peak memory (VmHWM): {}", peak_memory());
    Ok(())
}

fn best_scan(
    evidence: &coroner::evidence::Evidence,
    detectors: &[&dyn Detector],
) -> anyhow::Result<(Duration, usize)> {
    let mut best = Duration::MAX;
    let mut messages = 0;
    for _ in 0..RUNS {
        let mut problems = Vec::new();
        let start = Instant::now();
        let hits = scan(
            evidence,
            detectors,
            coroner::analyze::rules::Catalogue::builtin(),
            &mut problems,
        );
        best = best.min(start.elapsed());
        anyhow::ensure!(problems.is_empty(), "input problems: {problems:?}");
        messages = hits.buckets.iter().map(|b| b.messages.len()).sum();
    }
    Ok((best, messages))
}

/// Writes at least `size` bytes of a reverse proxy's log.
fn proxy_log(out: &mut dyn Write, size: u64) -> std::io::Result<()> {
    let (mut written, mut i) = (0u64, 0u64);
    while written < size {
        let line = match i % 1000 {
            // 1 in 50 requests fails, 1 in 200 with an upstream error, 1 in 1000 refused elsewhere.
            n if n % 200 == 3 => format!("2026-11-27T18:31:23.{i:09}Z 2026/11/27 18:31:23 [error] 7#7: *{i} connect() failed (111: Connection refused) while connecting to upstream, client: 172.18.0.1, server: _, request: \"GET /api/items/{i} HTTP/1.1\", upstream: \"http://172.18.0.5:8000/api/items/{i}\", host: \"shop\"\n"),
            n if n % 50 == 1 => format!("2026-11-27T18:31:23.{i:09}Z 172.18.0.1 - - [27/Nov/2026:18:31:23 +0000] \"GET /api/items/{i} HTTP/1.1\" 502 157 \"-\" \"curl/8.5.0\"\n"),
            999 => format!("2026-11-27T18:31:23.{i:09}Z ConnectionRefusedError: [Errno 111] Connection refused\n"),
            _ => format!("2026-11-27T18:31:23.{i:09}Z 172.18.0.1 - - [27/Nov/2026:18:31:23 +0000] \"GET /api/items/{i} HTTP/1.1\" 200 512 \"-\" \"curl/8.5.0\"\n"),
        };
        out.write_all(line.as_bytes())?;
        written += line.len() as u64;
        i += 1;
    }
    Ok(())
}

/// Writes at least `size` bytes of a busy Python web service's log.
fn python_log(out: &mut dyn Write, size: u64) -> std::io::Result<()> {
    let mut out = Counting {
        inner: out,
        written: 0,
    };
    let mut i = 0u64;
    while out.written < size {
        let ts = format!(
            "2026-11-27T18:{:02}:{:02}.{:09}Z",
            (i / 60_000) % 60,
            (i / 1000) % 60,
            i % 1_000_000_000
        );
        match i % 1000 {
            0 => {
                writeln!(out, "{ts} Traceback (most recent call last):")?;
                writeln!(out, "{ts}   File \"/usr/local/lib/python3.11/site-packages/starlette/routing.py\", line {}, in handle", i % 700)?;
                writeln!(out, "{ts}   File \"/app/handlers/orders.py\", line 42, in create")?;
                writeln!(out, "{ts}     quantity = payload[\"quantity\"]")?;
                writeln!(out, "{ts} KeyError: 'quantity'")?;
            }
            1..=3 => writeln!(out, "{ts} WARNING:  cannot write cache file '/tmp/c{i}': Permission denied, continuing")?,
            n if n % 7 == 0 => writeln!(out, "{ts} INFO:     172.18.0.{}:{} - \"GET /static/{i}.png HTTP/1.1\" 404 Not Found", n % 250, 40000 + n)?,
            n => writeln!(out, "{ts} INFO:     172.18.0.{}:{} - \"POST /api/orders HTTP/1.1\" 200 OK (request {i}, user {})", n % 250, 40000 + n, i % 9973)?,
        }
        i += 1;
    }
    Ok(())
}

/// A writer that counts the bytes written through it.
struct Counting<'a> {
    inner: &'a mut dyn Write,
    written: u64,
}

impl Write for Counting<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.written += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Resets VmHWM to the current resident size (Linux: `5` to clear_refs), so
/// each log's peak is its own; where that fails the peak is the process's.
fn reset_peak_memory() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// The peak resident memory of this process, as /proc/self/status says.
fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:").map(|v| v.trim().to_string()))
        })
        .unwrap_or_else(|| "unknown (no /proc/self/status)".into())
}
