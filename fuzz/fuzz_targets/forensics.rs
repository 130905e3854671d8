//! Entrypoint forensics documents (`docker/forensics/<container>.json`).
#![no_main]

use coroner::evidence::EntrypointForensics;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok((f, _warnings)) = EntrypointForensics::parse(&text, "f.json") {
        let _ = f.foreign_architecture();
        let _ = f.missing_interpreter();
    }
});
