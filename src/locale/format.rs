//! Numbers and durations the language's way. The separators and units are
//! messages of the catalogue (`format-*`, `duration-*`), so a new language
//! sets them in its own files.

use std::cell::RefCell;

use fluent_bundle::types::{FluentNumber, FluentNumberOptions};
use fluent_bundle::FluentValue;

use super::Localizer;

/// How a language writes a number.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberStyle {
    /// Between the units and the decimals: `.` or `,`.
    pub decimal: String,
    /// Between groups of three digits: `,` or a narrow no-break space.
    pub group: String,
    /// Whether counts in running prose ([`super::Arg::Ungrouped`]) are
    /// grouped too: English has always written `1296 failed`, French
    /// writes `1 296`.
    pub group_prose_counts: bool,
}

impl Default for NumberStyle {
    fn default() -> Self {
        NumberStyle {
            decimal: ".".into(),
            group: ",".into(),
            group_prose_counts: false,
        }
    }
}

impl NumberStyle {
    /// The style the catalogue sets with `format-decimal-separator` and
    /// `format-group-separator`; English's where it sets none.
    pub(super) fn from_catalogue(raw: impl Fn(&str) -> Option<String>) -> NumberStyle {
        let default = NumberStyle::default();
        NumberStyle {
            decimal: raw("format-decimal-separator").unwrap_or(default.decimal),
            group: raw("format-group-separator").unwrap_or(default.group),
            group_prose_counts: raw("format-group-prose-counts").is_some_and(|v| v == "yes"),
        }
    }

    /// `1296.5` with 1 decimal → `1,296.5` / `1 296,5`. Groups start at
    /// five digits for no language in particular: every language groups
    /// from four, as coroner always has in English.
    pub fn format(&self, value: f64, decimals: u8) -> String {
        if !value.is_finite() {
            return value.to_string();
        }
        let fixed = format!("{:.*}", usize::from(decimals), value.abs());
        let (units, fraction) = match fixed.split_once('.') {
            Some((u, f)) => (u, Some(f)),
            None => (fixed.as_str(), None),
        };
        let mut out = String::with_capacity(fixed.len() + 8);
        if value < 0.0 && fixed.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
            out.push('-');
        }
        for (i, c) in units.chars().enumerate() {
            if i > 0 && (units.len() - i) % 3 == 0 {
                out.push_str(&self.group);
            }
            out.push(c);
        }
        if let Some(fraction) = fraction {
            out.push_str(&self.decimal);
            out.push_str(fraction);
        }
        out
    }
}

thread_local! {
    /// The style of the language whose message is being formatted: Fluent
    /// calls [`fluent_number`] as a plain function, without the language.
    static STYLE: RefCell<NumberStyle> = RefCell::new(NumberStyle::default());
}

pub(super) fn with_numbers<R>(style: &NumberStyle, f: impl FnOnce() -> R) -> R {
    let previous = STYLE.with(|s| s.replace(style.clone()));
    let result = f();
    STYLE.with(|s| s.replace(previous));
    result
}

/// A number as Fluent sees it: plural forms select on it.
pub(super) fn number_value(value: f64, decimals: u8) -> FluentValue<'static> {
    let options = FluentNumberOptions {
        minimum_fraction_digits: Some(usize::from(decimals)),
        maximum_fraction_digits: Some(usize::from(decimals)),
        ..Default::default()
    };
    FluentValue::Number(FluentNumber::new(value, options))
}

/// A count Fluent writes without group separators ([`super::Arg::Ungrouped`]).
pub(super) fn ungrouped_value(n: u64) -> FluentValue<'static> {
    let options = FluentNumberOptions {
        use_grouping: false,
        ..Default::default()
    };
    FluentValue::Number(FluentNumber::new(n as f64, options))
}

/// Fluent's hook for writing a number placeable.
pub(super) fn fluent_number<M>(value: &FluentValue, _: &M) -> Option<String> {
    match value {
        FluentValue::Number(n) if !n.options.use_grouping => Some(format!("{:.0}", n.value)),
        FluentValue::Number(n) => {
            let decimals = n.options.minimum_fraction_digits.unwrap_or(0).min(12) as u8;
            Some(STYLE.with(|s| {
                let style = s.borrow();
                if n.options.use_grouping {
                    style.format(n.value, decimals)
                } else {
                    NumberStyle {
                        group: String::new(),
                        ..style.clone()
                    }
                    .format(n.value, decimals)
                }
            }))
        }
        _ => None,
    }
}

/// `3.5 s`, `45 s`, `4 min 10 s`, `2 h 5 min`, `3 d 4 h`: the two largest
/// units, in the language's abbreviations.
pub(super) fn duration(localizer: &Localizer, seconds: f64) -> String {
    let s = seconds.max(0.0);
    let number = |n: u64| localizer.count(n);
    if s < 10.0 {
        let s = localizer.decimal(s, 1);
        return localizer.message("duration-seconds", &[("s", &s)]);
    }
    let whole = s.round() as u64;
    let (d, h, m, sec) = (
        whole / 86400,
        whole / 3600 % 24,
        whole / 60 % 60,
        whole % 60,
    );
    let (id, args): (&str, Vec<(&str, String)>) = match (d, h, m) {
        (0, 0, 0) => ("duration-seconds", vec![("s", number(sec))]),
        (0, 0, _) if sec == 0 => ("duration-minutes", vec![("m", number(m))]),
        (0, 0, _) => (
            "duration-minutes-seconds",
            vec![("m", number(m)), ("s", number(sec))],
        ),
        (0, _, 0) => ("duration-hours", vec![("h", number(h))]),
        (0, _, _) => (
            "duration-hours-minutes",
            vec![("h", number(h)), ("m", number(m))],
        ),
        (_, 0, _) => ("duration-days", vec![("d", number(d))]),
        _ => (
            "duration-days-hours",
            vec![("d", number(d)), ("h", number(h))],
        ),
    };
    let args: Vec<(&str, &str)> = args.iter().map(|(n, v)| (*n, v.as_str())).collect();
    localizer.message(id, &args)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_group_by_three_and_keep_their_decimals() {
        let english = NumberStyle::default();
        assert_eq!(english.format(1296.0, 0), "1,296");
        assert_eq!(english.format(12345678.0, 0), "12,345,678");
        assert_eq!(english.format(50.04, 1), "50.0");
        assert_eq!(english.format(-0.04, 1), "0.0");
        assert_eq!(english.format(-1234.5, 1), "-1,234.5");
        let french = NumberStyle {
            decimal: ",".into(),
            group: "\u{202f}".into(),
            group_prose_counts: true,
        };
        assert_eq!(french.format(1296.0, 0), "1\u{202f}296");
        assert_eq!(french.format(50.0, 1), "50,0");
        assert_eq!(french.format(999.0, 0), "999");
    }
}
