//! Timestamps as the evidence writes them.
//!
//! Every timestamp coroner keeps is UTC. Sources that write local time without
//! a zone (Python logging, nginx's error log) are read in the zone the user
//! gives with `--tz`; the report says which zone was assumed.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};

/// The zone assumed for timestamps that carry none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AssumedZone(pub FixedOffset);

impl Default for AssumedZone {
    fn default() -> Self {
        AssumedZone(FixedOffset::east_opt(0).expect("zero offset is valid"))
    }
}

impl AssumedZone {
    /// Parses `UTC`, `Z`, `+02:00`, `-0530` or `+2`.
    pub fn parse(text: &str) -> Option<Self> {
        let t = text.trim();
        if t.eq_ignore_ascii_case("utc") || t.eq_ignore_ascii_case("z") || t == "0" {
            return Some(Self::default());
        }
        let (sign, rest) = match t.as_bytes().first()? {
            b'+' => (1, &t[1..]),
            b'-' => (-1, &t[1..]),
            _ => return None,
        };
        let digits: String = rest.chars().filter(|c| *c != ':').collect();
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let (hours, minutes) = match digits.len() {
            1 | 2 => (digits.parse::<i32>().ok()?, 0),
            4 => (digits[..2].parse().ok()?, digits[2..].parse().ok()?),
            _ => return None,
        };
        if hours > 14 || minutes > 59 {
            return None;
        }
        FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60)).map(AssumedZone)
    }

    pub fn to_utc(self, local: NaiveDateTime) -> DateTime<Utc> {
        match self.0.from_local_datetime(&local) {
            chrono::LocalResult::Single(t) => t.with_timezone(&Utc),
            _ => Utc.from_utc_datetime(&local),
        }
    }

    /// `UTC` or `UTC+02:00`, for the report.
    pub fn label(self) -> String {
        if self.0.local_minus_utc() == 0 {
            "UTC".to_string()
        } else {
            format!("UTC{}", self.0)
        }
    }
}

/// Parses RFC 3339 (`2026-11-27T17:24:21.557915478Z`), as Docker writes it.
pub fn parse_rfc3339(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text.trim())
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// Docker writes `0001-01-01T00:00:00Z` for "never"; treat it as absent.
pub fn parse_docker_time(text: &str) -> Option<DateTime<Utc>> {
    parse_rfc3339(text).filter(|t| t.timestamp() > 0)
}

/// A timestamp in any form a monitoring history or log line uses: RFC 3339,
/// `YYYY-MM-DD HH:MM:SS[.,fff]` (zone optional), nginx's `YYYY/MM/DD HH:MM:SS`,
/// the access log's `10/Oct/2025:07:01:02 +0000`, or unix seconds/milliseconds.
pub fn parse_any(text: &str, zone: AssumedZone) -> Option<DateTime<Utc>> {
    let t = text
        .trim()
        .trim_matches(|c| c == '"' || c == '[' || c == ']');
    if t.is_empty() {
        return None;
    }
    if t.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return parse_epoch(t);
    }
    if let Some(ts) = parse_rfc3339(t) {
        return Some(ts);
    }
    if let Ok(ts) = DateTime::parse_from_str(t, "%d/%b/%Y:%H:%M:%S %z") {
        return Some(ts.with_timezone(&Utc));
    }
    for fmt in [
        "%Y-%m-%d %H:%M:%S%.f%:z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S%.f %z",
    ] {
        if let Ok(ts) = DateTime::parse_from_str(t, fmt) {
            return Some(ts.with_timezone(&Utc));
        }
    }
    let normalised = t.replacen(',', ".", 1);
    for fmt in [
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y/%m/%d %H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(local) = NaiveDateTime::parse_from_str(&normalised, fmt) {
            return Some(zone.to_utc(local));
        }
    }
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|local| zone.to_utc(local))
}

fn parse_epoch(t: &str) -> Option<DateTime<Utc>> {
    let value: f64 = t.parse().ok()?;
    // Ten digits are seconds until the year 2286; thirteen are milliseconds.
    let millis = if value > 1e11 { value } else { value * 1000.0 };
    DateTime::from_timestamp_millis(millis as i64)
}

/// Finds the timestamp a log line starts with and returns it with the byte
/// offset where the message begins. Recognises Docker's `--timestamps`
/// prefix, Python logging, nginx's error log, gunicorn's `[... +0000]` and
/// logrus's `time="..."`. Lines without one return `None`.
pub fn leading_timestamp(line: &str, zone: AssumedZone) -> Option<(DateTime<Utc>, usize)> {
    let bytes = line.as_bytes();
    if bytes.len() < 16 {
        return None;
    }
    if let Some(rest) = line.strip_prefix("time=\"") {
        let end = rest.find('"')?;
        return parse_rfc3339(&rest[..end]).map(|ts| (ts, 6 + end + 1));
    }
    if bytes[0] == b'[' {
        let end = line.find(']')?;
        return parse_any(&line[1..end], zone).map(|ts| (ts, end + 1));
    }
    if !bytes[..4].iter().all(u8::is_ascii_digit) || !(bytes[4] == b'-' || bytes[4] == b'/') {
        return None;
    }
    // Docker: 2026-11-27T17:24:21.557915478Z <message>
    if bytes.get(10) == Some(&b'T') {
        let end = line.find(' ').unwrap_or(line.len());
        return parse_rfc3339(&line[..end]).map(|ts| (ts, end));
    }
    // Python logging / nginx: date, space, time with optional fraction and zone.
    let mut end = 19.min(line.len());
    if !line.is_char_boundary(end) {
        // A date and time are ASCII; this line only starts like one.
        return None;
    }
    while end < bytes.len() && matches!(bytes[end], b'0'..=b'9' | b',' | b'.') {
        end += 1;
    }
    let mut candidate_end = end;
    let digit_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    if end < bytes.len()
        && (bytes[end] == b'Z' || (matches!(bytes[end], b'+' | b'-') && digit_at(end + 1)))
    {
        let zone_end = line[end..]
            .find(' ')
            .map_or(line.len(), |offset| end + offset);
        candidate_end = zone_end;
    } else if bytes.get(end) == Some(&b' ')
        && matches!(bytes.get(end + 1), Some(b'+' | b'-'))
        && digit_at(end + 2)
    {
        let zone_end = line[end + 1..]
            .find(' ')
            .map_or(line.len(), |offset| end + 1 + offset);
        candidate_end = zone_end;
    }
    parse_any(&line[..candidate_end], zone)
        .or_else(|| parse_any(&line[..end], zone))
        .map(|ts| (ts, candidate_end))
}

/// Formats a timestamp as the reports show it: RFC 3339, UTC, seconds.
pub fn format_utc(ts: DateTime<Utc>) -> String {
    ts.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by fuzzing (`fuzz/fuzz_targets/time.rs`): a line that starts
    /// like a date with a multi-byte character across byte 19.
    #[test]
    fn a_line_that_only_starts_like_a_date_is_not_cut_inside_a_character() {
        let line = String::from_utf8_lossy(b"2026-\xff\xff\xff\xff\xff");
        assert_eq!(leading_timestamp(&line, AssumedZone::default()), None);
        assert_eq!(
            leading_timestamp("2026-€€€€€€€€", AssumedZone::default()),
            None
        );
    }

    fn utc(text: &str) -> DateTime<Utc> {
        parse_rfc3339(text).unwrap()
    }

    #[test]
    fn reads_the_leading_timestamp_of_each_common_log_format() {
        let zone = AssumedZone::default();
        let cases = [
            (
                "2026-11-27T17:24:21.557915478Z line",
                "2026-11-27T17:24:21.557915478Z",
                " line",
            ),
            (
                "2025-10-10 07:01:02,345 - monitor - ERROR - x",
                "2025-10-10T07:01:02.345Z",
                " - monitor - ERROR - x",
            ),
            (
                "2020/09/08 08:26:39 [error] 30#30: *5 connect()",
                "2020-09-08T08:26:39Z",
                " [error] 30#30: *5 connect()",
            ),
            (
                "[2024-03-11 09:26:13 +0000] [11] [INFO] Worker exiting",
                "2024-03-11T09:26:13Z",
                " [11] [INFO] Worker exiting",
            ),
            (
                "time=\"2026-11-27T17:24:16.961988723Z\" level=error msg=x",
                "2026-11-27T17:24:16.961988723Z",
                " level=error msg=x",
            ),
        ];
        for (line, expected, rest) in cases {
            let (ts, offset) = leading_timestamp(line, zone).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(ts, utc(expected), "{line}");
            assert_eq!(&line[offset..], rest, "{line}");
        }
        assert!(leading_timestamp("Traceback (most recent call last):", zone).is_none());
    }

    #[test]
    fn zoneless_timestamps_are_read_in_the_assumed_zone() {
        let zone = AssumedZone::parse("+02:00").unwrap();
        let (ts, _) = leading_timestamp("2025-10-10 07:01:02,345 - x", zone).unwrap();
        assert_eq!(ts, utc("2025-10-10T05:01:02.345Z"));
        assert_eq!(zone.label(), "UTC+02:00");
        assert!(AssumedZone::parse("Mars/Olympus").is_none());
    }

    #[test]
    fn parses_epochs_and_access_log_times() {
        let zone = AssumedZone::default();
        assert_eq!(
            parse_any("1795800209", zone),
            Some(utc("2026-11-27T17:23:29Z"))
        );
        assert_eq!(
            parse_any("1795800209714", zone),
            Some(utc("2026-11-27T17:23:29.714Z"))
        );
        assert_eq!(
            parse_any("26/Jan/2017:14:22:10 +0000", zone),
            Some(utc("2017-01-26T14:22:10Z"))
        );
        assert_eq!(parse_docker_time("0001-01-01T00:00:00Z"), None);
    }
}
