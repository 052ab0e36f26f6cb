//! Formatting of what Cobalt sends for people: connection identifiers and relative times.

use serde_json::Value;

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
        _ => "Account".to_owned(),
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
        0..=59 => format!("{seconds} s"),
        60..=3599 => format!("{} min", seconds / 60),
        _ => format!("{} h {} min", seconds / 3600, seconds % 3600 / 60),
    })
}

/// "just now", "5 minutes ago", "3 days ago"… relative to `now` (Unix seconds); the text
/// itself when it is not a time.
pub fn relative_time(text: &str, now: i64) -> String {
    let Some(at) = parse_utc(text) else {
        return text.to_owned();
    };
    let ago = (now - at).max(0);
    let (count, unit) = match ago {
        0..=59 => return "just now".to_owned(),
        60..=3599 => (ago / 60, "minute"),
        3600..=86_399 => (ago / 3600, "hour"),
        86_400..=2_591_999 => (ago / 86_400, "day"),
        2_592_000..=31_535_999 => (ago / 2_592_000, "month"),
        _ => (ago / 31_536_000, "year"),
    };
    format!("{count} {unit}{} ago", if count == 1 { "" } else { "s" })
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
    }
}
