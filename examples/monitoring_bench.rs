//! Measures reading and analysing one million monitoring rows.
//!
//! Generates a JSON-lines history (one check every 10 s, about 116 days,
//! with failure streaks and a few distinct error messages) and the same
//! rows as CSV in a temporary directory, then times loading each and
//! computing the figures, and prints the peak resident memory.
//!
//! Run: `cargo run --release --example monitoring_bench [ROWS]`

use std::io::{BufWriter, Write};
use std::time::Instant;

use coroner::analyze::monitoring::figures;
use coroner::evidence::monitoring::{self, HistoryFormat};
use coroner::evidence::AssumedZone;

fn main() -> std::io::Result<()> {
    let rows: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let dir = tempfile::tempdir()?;
    let start = 1_790_000_000u64;
    let outcome = |i: u64| -> (bool, u16, &'static str) {
        match i % 5000 {
            // A streak of 300 failures every 5000 checks, mostly 502s.
            0..=249 => (false, 502, "HTTP Error 502: Bad Gateway"),
            250..=299 => (false, 504, "HTTP Error 504: Gateway Time-out"),
            _ if i % 997 == 0 => (false, 0, "<urlopen error [Errno 111] Connection refused>"),
            _ => (true, 200, ""),
        }
    };

    let jsonl = dir.path().join("history.jsonl");
    let csv = dir.path().join("history.csv");
    let t = Instant::now();
    {
        let mut j = BufWriter::new(std::fs::File::create(&jsonl)?);
        let mut c = BufWriter::new(std::fs::File::create(&csv)?);
        writeln!(c, "timestamp,url,ok,status_code,latency_ms,error")?;
        for i in 0..rows {
            let (ok, code, error) = outcome(i);
            let ts = start + i * 10;
            let latency = 5.0 + (i % 113) as f64 * 0.7;
            let error_json = if ok {
                "null".to_string()
            } else {
                format!("\"{error}\"")
            };
            writeln!(
                j,
                "{{\"timestamp\": {ts}, \"url\": \"http://127.0.0.1:18080/\", \"ok\": {ok}, \"status_code\": {code}, \"latency_ms\": {latency:.1}, \"error\": {error_json}}}"
            )?;
            writeln!(
                c,
                "{ts},http://127.0.0.1:18080/,{ok},{code},{latency:.1},\"{error}\""
            )?;
        }
    }
    let size = |p: &std::path::Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    println!(
        "generated {rows} rows in {:.2} s (JSON lines {:.1} MB, CSV {:.1} MB)",
        t.elapsed().as_secs_f64(),
        size(&jsonl) as f64 / 1e6,
        size(&csv) as f64 / 1e6
    );

    for (path, format) in [
        (&jsonl, HistoryFormat::JsonLines),
        (&csv, HistoryFormat::Csv),
    ] {
        let mut problems = Vec::new();
        let cpu = cpu_seconds();
        let t = Instant::now();
        let series = monitoring::load(
            path,
            "monitoring/history",
            format,
            AssumedZone::default(),
            &mut problems,
        )
        .map_err(std::io::Error::other)?;
        let load_seconds = t.elapsed().as_secs_f64();
        let load_cpu = cpu_seconds() - cpu;
        let s = &series[0];
        let t = Instant::now();
        let f = figures(s, "history".into(), 95.0).expect("samples");
        let analyse_seconds = t.elapsed().as_secs_f64();
        println!(
            "{format:?}: load {load_seconds:.2} s wall, {load_cpu:.2} s CPU ({:.0} rows/s), figures {analyse_seconds:.3} s; {} samples, {} messages, {} problems; availability {:.2} %, longest streak {}, p99 {:.1} ms; samples take {:.1} MB",
            rows as f64 / load_seconds,
            s.samples.len(),
            s.messages.len(),
            problems.len(),
            f.availability_percent,
            f.longest_streak.as_ref().map_or(0, |st| st.length),
            f.latency.as_ref().map_or(0.0, |l| l.p99_ms),
            (s.samples.capacity() * std::mem::size_of_val(&s.samples[0])) as f64 / 1e6,
        );
    }
    println!("peak resident memory (VmHWM): {}", peak_memory());
    Ok(())
}

/// User + system CPU time of this process: steadier than wall time on a busy machine.
fn cpu_seconds() -> f64 {
    // Fields 14 and 15 of /proc/self/stat, in clock ticks (100 a second on Linux).
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let after_name = &s[s.rfind(')')? + 2..];
            let fields: Vec<&str> = after_name.split_whitespace().collect();
            let ticks: f64 =
                fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
            Some(ticks / 100.0)
        })
        .unwrap_or(0.0)
}

fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l["VmHWM:".len()..].trim().to_string())
        })
        .unwrap_or_else(|| "unknown (no /proc/self/status)".into())
}
