//! `bundle.json`, deserialised the way the bundle reader does it.
#![no_main]

use coroner::evidence::BundleMeta;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = serde_json::from_str::<BundleMeta>(&text);
});
