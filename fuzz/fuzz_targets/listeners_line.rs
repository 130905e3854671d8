//! One line of `ss -ltnp` output.
#![no_main]

use coroner::evidence::Listener;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Some(listener) = Listener::parse_ss_line(&text, "listeners.txt", 1) {
        let _ = listener.holder();
        let _ = listener.conflicts_with("0.0.0.0", listener.port);
        let _ = listener.conflicts_with(&listener.address, 80);
    }
});
