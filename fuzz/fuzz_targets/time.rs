//! Every public function of `evidence::time` that reads text, in every zone
//! that can be assumed (including the extreme offsets `FixedOffset` allows,
//! which `AssumedZone::parse` never gives but the type does not rule out).
#![no_main]

use chrono::FixedOffset;
use coroner::evidence::time::{self, AssumedZone};
use libfuzzer_sys::fuzz_target;

fn zone(seconds_east: i32) -> AssumedZone {
    AssumedZone(FixedOffset::east_opt(seconds_east).expect("offset within a day"))
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parsed_zone = AssumedZone::parse(&text);
    if let Some(z) = parsed_zone {
        let _ = z.label();
    }
    let _ = time::parse_rfc3339(&text).map(time::format_utc);
    let _ = time::parse_docker_time(&text).map(time::format_utc);
    let zones = [
        AssumedZone::default(),
        zone(5 * 3600 + 30 * 60),
        zone(14 * 3600 + 59 * 60),
        zone(-(14 * 3600 + 59 * 60)),
        zone(86_399),
        zone(-86_399),
    ];
    for z in zones.into_iter().chain(parsed_zone) {
        let _ = time::parse_any(&text, z).map(time::format_utc);
        if let Some((ts, offset)) = time::leading_timestamp(&text, z) {
            let _ = time::format_utc(ts);
            // Callers slice the line at this offset (`&line[offset..]`).
            assert!(
                text.is_char_boundary(offset),
                "leading_timestamp returned offset {offset}, not a char boundary of {text:?}"
            );
        }
    }
});
