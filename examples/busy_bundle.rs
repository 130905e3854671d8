//! Writes the busy-service bundle (a big `ledger-api` log ending in a crash
//! loop) for benchmarks: `cargo run --release --example busy_bundle -- DIR [SIZE_MB] [SEED]`.

#[path = "../tests/support/busy_service.rs"]
mod busy_service;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .expect("usage: busy_bundle DIR [SIZE_MB] [SEED]");
    let megabytes: u64 = args
        .next()
        .map_or(1024, |s| s.parse().expect("SIZE_MB is a number"));
    let seed: u64 = args
        .next()
        .map_or(42, |s| s.parse().expect("SEED is a number"));
    busy_service::write_bundle(std::path::Path::new(&dir), megabytes << 20, seed)?;
    println!("{dir}: {} MB of {}", megabytes, busy_service::SERVICE);
    Ok(())
}
