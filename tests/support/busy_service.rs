//! A seeded generator for the busy-service bundle: one container log of a
//! busy API (`ledger-api`) that serves requests, commits batches, logs SQL
//! and harmless warnings, then dies on an import error ten times in a row.
//!
//! The crash is the traceback our `missing-module-thirdparty` capture
//! recorded on the real engine; the busy part is generated (said so in
//! fixtures/README.md), in the formats uvicorn and Python's logging print.

use std::io::{self, BufWriter, Write};
use std::path::Path;

/// The service the generated log belongs to.
pub const SERVICE: &str = "ledger-api";
/// Runs that die on the import error at the end of the log.
pub const CRASHES: usize = 10;

/// The captured traceback (fixtures/bundles/missing-module-thirdparty), without its timestamps.
const CRASH: [&str; 4] = [
    "Traceback (most recent call last):",
    "  File \"/app/main.py\", line 5, in <module>",
    "    import pandas as pd",
    "ModuleNotFoundError: No module named 'pandas'",
];

/// xorshift64*: the same seed gives the same log, on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Writes `dir/docker/containers/ledger-api.log`, about `bytes` long.
pub fn write_bundle(dir: &Path, bytes: u64, seed: u64) -> io::Result<()> {
    let containers = dir.join("docker/containers");
    std::fs::create_dir_all(&containers)?;
    let file = std::fs::File::create(containers.join(format!("{SERVICE}.log")))?;
    let mut out = BufWriter::with_capacity(1 << 20, file);
    let mut rng = Rng(seed | 1);
    // 2026-11-20T00:00:00Z, then a few milliseconds a line.
    let mut micros: u64 = 1_763_596_800_000_000;
    let mut written: u64 = 0;
    let mut line = String::with_capacity(256);
    while written < bytes {
        micros += 1 + rng.below(20_000);
        line.clear();
        stamp(&mut line, micros);
        let client = rng.below(250) + 2;
        let port = 30_000 + rng.below(30_000);
        let id = rng.below(100_000);
        use std::fmt::Write as _;
        let _ = match rng.below(100) {
            0..=54 => write!(line, "INFO:     172.18.0.{client}:{port} - \"GET /api/items/{id} HTTP/1.1\" 200 OK"),
            55..=69 => write!(line, "INFO:     172.18.0.{client}:{port} - \"POST /api/orders HTTP/1.1\" 201 Created"),
            70..=74 => write!(line, "INFO:     172.18.0.{client}:{port} - \"GET /api/items/{id} HTTP/1.1\" 404 Not Found"),
            75..=84 => write!(line, "DEBUG:sqlalchemy.engine.Engine:SELECT items.id, items.name, items.price FROM items WHERE items.id = {id}"),
            85..=91 => write!(line, "INFO:ledger.batch:batch {id} committed ({} rows)", rng.below(500)),
            92..=96 => write!(line, "INFO:ledger.health:heartbeat ok (queue depth {})", rng.below(40)),
            _ => write!(line, "WARNING:ledger.db:slow query took {} ms (threshold 250 ms)", 250 + rng.below(2000)),
        };
        line.push('\n');
        out.write_all(line.as_bytes())?;
        written += line.len() as u64;
    }
    for _ in 0..CRASHES {
        micros += 600_000 + rng.below(400_000);
        for text in CRASH {
            micros += 1 + rng.below(3_000);
            line.clear();
            stamp(&mut line, micros);
            line.push_str(text);
            line.push('\n');
            out.write_all(line.as_bytes())?;
        }
    }
    out.flush()
}

/// `docker logs --timestamps`' RFC 3339 stamp with nanoseconds, and a space.
fn stamp(line: &mut String, micros: u64) {
    use std::fmt::Write as _;
    let time = chrono::DateTime::from_timestamp_micros(micros as i64).expect("time in range");
    let _ = write!(line, "{}Z ", time.format("%Y-%m-%dT%H:%M:%S%.9f"));
}
