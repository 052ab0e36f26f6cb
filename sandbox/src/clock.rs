//! Time in the formats Cobalt uses: ISO 8601 with milliseconds for records, RFC 1123 for
//! webhook payloads, Unix seconds for JWT claims.

use time::OffsetDateTime;
use time::macros::format_description;

/// Seconds since the Unix epoch.
pub fn unix_now() -> u64 {
    u64::try_from(OffsetDateTime::now_utc().unix_timestamp()).unwrap_or(0)
}

/// `2023-08-03T10:06:59.703Z`, as in Cobalt's `createdAt`.
pub fn iso_now() -> String {
    iso_ago(0)
}

/// The ISO timestamp of `seconds` ago (seeded history).
pub fn iso_ago(seconds: i64) -> String {
    let format =
        format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z");
    // Formatting a UTC timestamp with a fixed description cannot fail in practice; the fallback
    // keeps the sandbox answering even if it did.
    (OffsetDateTime::now_utc() - time::Duration::seconds(seconds))
        .format(format)
        .unwrap_or_else(|_| "1970-01-01T00:00:00.000Z".into())
}

/// `Tue, 07 Nov 2023 08:03:27 GMT`, as in Cobalt's webhook payloads.
pub fn rfc1123_now() -> String {
    let format = format_description!(
        "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
    );
    OffsetDateTime::now_utc()
        .format(format)
        .unwrap_or_else(|_| "Thu, 01 Jan 1970 00:00:00 GMT".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_timestamps_have_milliseconds_and_a_z() {
        let now = iso_now();
        assert_eq!(now.len(), 24, "{now}");
        assert!(now.ends_with('Z') && now.as_bytes()[19] == b'.', "{now}");
    }

    #[test]
    fn webhook_timestamps_are_rfc_1123() {
        let now = rfc1123_now();
        assert!(now.ends_with(" GMT") && now.as_bytes()[3] == b',', "{now}");
        assert_eq!(now.len(), 29, "{now}");
    }
}
