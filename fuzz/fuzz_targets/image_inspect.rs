//! `docker image inspect` documents: parsing, then the accessors.
#![no_main]

use coroner::evidence::Image;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(parsed) = Image::parse_inspect(&text, "fuzz.json") else {
        return;
    };
    for image in &parsed.items {
        // Slices the id: any id text must give a valid short form.
        let _ = image.short_id();
    }
});
