//! Values typed on the command line: times, durations, zones and sizes.
//! Parsing only; what a value means to a command is the command's business.

use anyhow::{bail, Context as _, Result};
use chrono::{DateTime, Utc};
use coroner::evidence::time::{parse_any, AssumedZone};

pub fn parse_zone(tz: &str) -> Result<AssumedZone> {
    AssumedZone::parse(tz)
        .with_context(|| format!("--tz {tz:?}: expected UTC or an offset such as +02:00"))
}

/// `--since` and `--until`, shared by the commands that read or collect a
/// window of evidence.
#[derive(clap::Args)]
pub struct WindowArgs {
    /// Only consider evidence from this time on: RFC 3339, `YYYY-MM-DD
    /// HH:MM:SS`, or a duration back from now (`24h`, `90m`). Default when
    /// collecting from the engine: 24h before --until.
    #[arg(long)]
    pub since: Option<String>,
    /// Only consider evidence up to this time (same forms). Default when
    /// collecting from the engine: now.
    #[arg(long)]
    pub until: Option<String>,
}

impl WindowArgs {
    /// Both ends, times without a zone read in `zone`, durations back from `now`.
    pub fn parse(&self, zone: AssumedZone, now: DateTime<Utc>) -> Result<(Bound, Bound)> {
        parse_window(self.since.as_deref(), self.until.as_deref(), zone, now)
    }
}

/// One end of the window; `None` is open.
pub type Bound = Option<DateTime<Utc>>;

/// `--since` and `--until`, which must not run backwards.
pub fn parse_window(
    since: Option<&str>,
    until: Option<&str>,
    zone: AssumedZone,
    now: DateTime<Utc>,
) -> Result<(Bound, Bound)> {
    let from = parse_time_arg("--since", since, zone, now)?;
    let to = parse_time_arg("--until", until, zone, now)?;
    if let (Some(from), Some(to)) = (from, to) {
        if from > to {
            bail!(
                "--since {} is after --until {}: the window would be empty",
                since.unwrap_or_default(),
                until.unwrap_or_default()
            );
        }
    }
    Ok((from, to))
}

pub fn parse_time_arg(
    flag: &str,
    value: Option<&str>,
    zone: AssumedZone,
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>> {
    value
        .map(|v| {
            // A duration too long to go back from now is an error, not a panic.
            parse_duration(v)
                .and_then(|d| now.checked_sub_signed(d))
                .or_else(|| parse_any(v, zone))
                .with_context(|| {
                    format!("{flag} {v:?}: expected RFC 3339, YYYY-MM-DD HH:MM:SS, or a duration such as 24h or 90m (at most some thousands of years)")
                })
        })
        .transpose()
}

/// `90s`, `90m`, `24h`, `7d`, or a combination such as `1h30m`.
pub fn parse_duration(text: &str) -> Option<chrono::Duration> {
    let mut total = chrono::Duration::zero();
    let mut digits = String::new();
    let mut any_unit = false;
    for c in text.trim().chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        let n: i64 = digits.parse().ok()?;
        digits.clear();
        let seconds_per_unit = match c {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86_400,
            _ => return None,
        };
        let part = n
            .checked_mul(seconds_per_unit)
            .and_then(chrono::Duration::try_seconds)?;
        total = total.checked_add(&part)?;
        any_unit = true;
    }
    (any_unit && digits.is_empty()).then_some(total)
}

/// `16MiB`, `512KiB`, `1G`, `1000000`: a byte count, binary multiples.
pub fn parse_byte_size(text: &str) -> std::result::Result<u64, String> {
    let t = text.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let number: u64 = number
        .parse()
        .map_err(|_| format!("{text:?} is not a size such as 16MiB or 1000000"))?;
    let multiplier: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        _ => {
            return Err(format!(
                "{text:?}: unknown unit {unit:?} (use KiB, MiB or GiB)"
            ))
        }
    };
    match number.checked_mul(multiplier) {
        Some(0) | None => Err(format!("{text:?} is not a usable size")),
        Some(bytes) => Ok(bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_flags_take_durations_back_from_now_or_timestamps() {
        let now = parse_any("2026-11-27T18:00:00Z", AssumedZone::default()).unwrap();
        let zone = AssumedZone::default();
        let at = |v| {
            parse_time_arg("--since", Some(v), zone, now)
                .unwrap()
                .unwrap()
        };
        assert_eq!(at("24h"), now - chrono::Duration::hours(24));
        assert_eq!(at("90m"), now - chrono::Duration::minutes(90));
        assert_eq!(at("1h30m"), now - chrono::Duration::minutes(90));
        assert_eq!(
            at("2026-11-27T17:24:21Z"),
            parse_any("2026-11-27T17:24:21Z", zone).unwrap()
        );
        let err = parse_time_arg("--since", Some("yesterday"), zone, now).unwrap_err();
        assert!(err.to_string().contains("--since \"yesterday\""), "{err}");
        assert!(parse_duration("h").is_none());
        assert!(parse_duration("10").is_none());
    }

    #[test]
    fn sizes_take_binary_units() {
        assert_eq!(parse_byte_size("16MiB"), Ok(16 * 1024 * 1024));
        assert_eq!(parse_byte_size("512k"), Ok(512 * 1024));
        assert_eq!(parse_byte_size("1000"), Ok(1000));
        assert!(parse_byte_size("0").is_err());
        assert!(parse_byte_size("12 parsecs").is_err());
    }
}
