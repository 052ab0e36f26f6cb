//! Formatting of what Cobalt sends for people: connection identifiers, times, durations and
//! decimals, in the page's language.
//!
//! Server only in practice (no island calls it): its messages, plurals among them, are in
//! `common.ftl`, which the islands' table does not carry.

use serde_json::Value;

use crate::i18n::Locale;

/// A connection's identifier as text: Cobalt sends a string, an object
/// (`{"portalId": 1, "hub_domain": "x.com"}`) or `"NA"`.
pub fn identifier_text(identifier: &Value) -> String {
    match identifier {
        Value::String(text) if text != "NA" && !text.is_empty() => text.clone(),
        Value::Object(map) => map
            .iter()
            .map(|(key, value)| match value {
                Value::String(text) => format!("{key}: {text}"),
                other => format!("{key}: {other}"),
            })
            .collect::<Vec<_>>()
            .join(", "),
        Value::Number(number) => number.to_string(),
        _ => crate::t!("status-account-unnamed"),
    }
}

/// Seconds since the Unix epoch of an RFC 3339 UTC time such as `2026-04-28T12:13:25.968Z`.
fn parse_utc(text: &str) -> Option<i64> {
    let (date, time) = text.split_once('T')?;
    let mut date = date.split('-').map(|p| p.parse::<i64>().ok());
    let (year, month, day) = (date.next()??, date.next()??, date.next()??);
    let time = time.trim_end_matches('Z');
    let time = time.split(['+', '.']).next()?;
    let mut time = time.split(':').map(|p| p.parse::<i64>().ok());
    let (hour, minute, second) = (
        time.next()??,
        time.next()??,
        time.next().flatten().unwrap_or(0),
    );
    if !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    Some(cobalt::unix_seconds(year, month, day) + hour * 3600 + minute * 60 + second)
}

/// How long from `start` to `end` (ISO times): "42 s", "3 min", "2 h 5 min"; `None` when
/// either is not a time.
pub fn duration_text(start: &str, end: &str) -> Option<String> {
    let seconds = (parse_utc(end)? - parse_utc(start)?).max(0);
    Some(match seconds {
        0..=59 => crate::t!("time-duration-seconds", seconds = seconds),
        60..=3599 => crate::t!("time-duration-minutes", minutes = seconds / 60),
        _ => crate::t!(
            "time-duration-hours",
            hours = seconds / 3600,
            minutes = seconds % 3600 / 60
        ),
    })
}

/// "just now", "5 minutes ago", "3 days ago"… relative to `now` (Unix seconds); the text
/// itself when it is not a time. A time ahead of `now` (clock skew) is "just now".
pub fn relative_time(text: &str, now: i64) -> String {
    let Some(at) = parse_utc(text) else {
        return text.to_owned();
    };
    let ago = (now - at).max(0);
    match ago {
        0..=59 => crate::t!("time-just-now"),
        60..=3599 => crate::t!("time-minutes-ago", count = ago / 60),
        3600..=86_399 => crate::t!("time-hours-ago", count = ago / 3600),
        86_400..=2_591_999 => crate::t!("time-days-ago", count = ago / 86_400),
        2_592_000..=31_535_999 => crate::t!("time-months-ago", count = ago / 2_592_000),
        _ => crate::t!("time-years-ago", count = ago / 31_536_000),
    }
}

/// The day of an ISO time, as the page's language writes a date: "Dec 2, 2026",
/// "2. Dez. 2026", "2026年12月2日"; `None` when it is not a time.
pub fn date_text(text: &str) -> Option<String> {
    parse_utc(text)?;
    let mut date = text.split('T').next()?.split('-');
    let (year, month, day) = (date.next()?, date.next()?, date.next()?);
    let (month, day) = (month.parse::<u32>().ok()?, day.parse::<u32>().ok()?);
    Some(crate::t!(
        "date-day",
        day = day,
        month = month_name(month),
        month_number = month,
        // As text: a number would be open to digit grouping ("2,026").
        year = year
    ))
}

/// The exact moment of an ISO time in the page's language, for the hover title of a relative
/// time: "Dec 2, 2026, 09:05 UTC", "2. Dez. 2026, 09:05 UTC"; the text itself when it is not
/// a time.
pub fn exact_time(text: &str) -> String {
    let clock = text
        .split('T')
        .nth(1)
        .and_then(|clock| clock.get(..5))
        .filter(|clock| clock.as_bytes().get(2) == Some(&b':'));
    match (date_text(text), clock) {
        (Some(date), Some(clock)) => crate::t!("date-time", date = date, time = clock),
        _ => text.to_owned(),
    }
}

/// The short name of month `month` (1 to 12) in the page's language.
fn month_name(month: u32) -> String {
    match month {
        1 => crate::t!("date-month-1"),
        2 => crate::t!("date-month-2"),
        3 => crate::t!("date-month-3"),
        4 => crate::t!("date-month-4"),
        5 => crate::t!("date-month-5"),
        6 => crate::t!("date-month-6"),
        7 => crate::t!("date-month-7"),
        8 => crate::t!("date-month-8"),
        9 => crate::t!("date-month-9"),
        10 => crate::t!("date-month-10"),
        11 => crate::t!("date-month-11"),
        _ => crate::t!("date-month-12"),
    }
}

/// A decimal number as the page's language writes it: `10.5`, `10,5` in German. Rust's own
/// shortest form otherwise (no digit grouping), as the messages received it before.
pub fn decimal_text(value: f64) -> String {
    let text = value.to_string();
    match decimal_separator(crate::context::locale()) {
        '.' => text,
        separator => text.replace('.', &separator.to_string()),
    }
}

/// The mark between a number's whole part and its fraction.
fn decimal_separator(locale: Locale) -> char {
    match locale {
        Locale::De | Locale::Fr | Locale::Es => ',',
        Locale::En | Locale::Ja | Locale::Accented | Locale::Mirrored => '.',
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn durations_read_in_the_largest_useful_unit() {
        let at = |t: &str| format!("2026-12-06T{t}.000Z");
        assert_eq!(
            duration_text(&at("10:00:00"), &at("10:00:42")).as_deref(),
            Some("42 s")
        );
        assert_eq!(
            duration_text(&at("10:00:00"), &at("10:03:10")).as_deref(),
            Some("3 min")
        );
        assert_eq!(
            duration_text(&at("10:00:00"), &at("12:05:00")).as_deref(),
            Some("2 h 5 min")
        );
        assert_eq!(duration_text("soon", &at("10:00:00")), None);
    }

    #[test]
    fn identifiers_read_as_text() {
        assert_eq!(identifier_text(&json!("ops@acme.io")), "ops@acme.io");
        assert_eq!(
            identifier_text(&json!({"portalId": 42, "hub_domain": "x.com"})),
            "hub_domain: x.com, portalId: 42"
        );
        assert_eq!(identifier_text(&json!("NA")), "Account");
    }

    #[test]
    fn utc_times_parse_to_unix_seconds() {
        assert_eq!(parse_utc("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(parse_utc("2026-04-28T12:13:25.968Z"), Some(1_777_378_405));
        assert_eq!(parse_utc("not a time"), None);
    }

    #[test]
    fn times_read_relative_to_now() {
        let at = "2026-04-28T12:13:25Z";
        let base = parse_utc(at).unwrap();
        assert_eq!(relative_time(at, base + 10), "just now");
        assert_eq!(relative_time(at, base + 120), "2 minutes ago");
        assert_eq!(relative_time(at, base + 3600), "1 hour ago");
        assert_eq!(relative_time(at, base + 3 * 86_400), "3 days ago");
        assert_eq!(relative_time("yesterday", base), "yesterday");
        assert_eq!(
            relative_time(at, base - 600),
            "just now",
            "ahead: clock skew"
        );
        assert_eq!(relative_time(at, base + 60), "1 minute ago");
        assert_eq!(relative_time(at, base + 2 * 86_400), "2 days ago");
        assert_eq!(relative_time(at, base + 40 * 86_400), "1 month ago");
        assert_eq!(relative_time(at, base + 800 * 86_400), "2 years ago");
    }

    #[test]
    fn dates_and_decimals_read_as_the_language_writes_them() {
        use leptos::prelude::{Owner, provide_context};
        assert_eq!(
            date_text("2026-12-02T09:00:00.000Z").as_deref(),
            Some("Dec 2, 2026")
        );
        assert_eq!(date_text("2026-13-02T09:00:00Z"), None);
        assert_eq!(decimal_text(10.5), "10.5");
        assert_eq!(decimal_text(-3.0), "-3");
        assert_eq!(exact_time("2026-12-02T09:05:00Z"), "Dec 2, 2026, 09:05 UTC");
        assert_eq!(exact_time("yesterday"), "yesterday");
        Owner::new().with(|| {
            provide_context(Locale::De);
            assert_eq!(decimal_text(10.5), "10,5");
            assert_eq!(
                date_text("2026-12-02T09:00:00Z").as_deref(),
                Some("2. Dez. 2026")
            );
            assert_eq!(
                exact_time("2026-12-02T09:05:00Z"),
                "2. Dez. 2026, 09:05 UTC"
            );
            provide_context(Locale::Ja);
            assert_eq!(
                date_text("2026-12-02T09:00:00Z").as_deref(),
                Some("2026年12月2日")
            );
        });
    }
}
