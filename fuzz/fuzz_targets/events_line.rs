//! One line of `docker events --format '{{json .}}'`.
#![no_main]

use coroner::evidence::Event;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok((event, _warnings)) = Event::parse_line(&text, "events.jsonl", 1) {
        let _ = event.exit_code();
        let _ = event.is_exec_noise();
    }
});
