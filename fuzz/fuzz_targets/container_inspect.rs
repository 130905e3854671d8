//! `docker container inspect` documents: parsing, then every accessor the
//! analyzer calls on a parsed container.
#![no_main]

use coroner::evidence::Container;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The bundle reader decodes files lossily, so the parser only ever sees valid UTF-8.
    let text = String::from_utf8_lossy(data);
    let Ok(parsed) = Container::parse_inspect(&text, "fuzz.json") else {
        return;
    };
    for c in &parsed.items {
        let _ = c.is_failing();
        let _ = c.is_healthy();
        let _ = c.health_status();
        let _ = c.service_name();
        let _ = c.command_line();
        let _ = c.env_value("PATH");
    }
});
