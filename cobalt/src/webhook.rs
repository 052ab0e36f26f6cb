//! Webhooks: registration and the payloads Cobalt posts about connections and workflows.

use serde::{Deserialize, Serialize};

use crate::open_enum::open_enum;
use crate::session::Environment;

open_enum! {
    /// The events a webhook can subscribe to.
    pub enum WebhookEvent {
        ConnectionCreated => "Connection Created",
        ConnectionDeleted => "Connection Deleted",
        ConnectionExpired => "Connection Expired",
        WorkflowCompleted => "Workflow Completed",
        WorkflowErrored => "Workflow Errored",
        WorkflowStopped => "Workflow Stopped",
        WorkflowTimedOut => "Workflow Timed Out",
    }
}

/// Body of `POST /api/v2/public/webhook`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebhookRequest {
    pub webhook_url: String,
    pub webhook_events: Vec<WebhookEvent>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webhook_type: Option<String>,
}

/// A registered webhook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Webhook {
    #[serde(rename = "_id")]
    pub id: String,
    pub org_id: String,
    pub environment: Environment,
    pub is_enabled: bool,
    pub webhook_events: Vec<WebhookEvent>,
    #[serde(default)]
    pub workflow_ids: Vec<String>,
    pub webhook_url: String,
    #[serde(default)]
    pub webhook_body: String,
    #[serde(default)]
    pub method: String,
    #[serde(default)]
    pub webhook_type: String,
    #[serde(rename = "createdAt", default)]
    pub created_at: String,
    #[serde(rename = "updatedAt", default)]
    pub updated_at: String,
    #[serde(rename = "__v", default)]
    pub revision: u64,
}

/// What Cobalt posts on `Connection Created`, `Connection Deleted` and `Connection Expired`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectionEvent {
    pub linked_account_id: String,
    pub org_id: String,
    pub environment: Environment,
    /// `"General"` in every example.
    #[serde(rename = "type")]
    pub event_type: String,
    pub event: WebhookEvent,
    pub slug: String,
    /// RFC 1123, e.g. `Tue, 07 Nov 2023 08:03:27 GMT`.
    #[serde(rename = "createdAt")]
    pub created_at: String,
}

/// What Cobalt posts when a workflow run ends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkflowEvent {
    pub linked_account_id: String,
    pub instance_id: String,
    pub workflow_id: String,
    pub config_id: String,
    pub event: WebhookEvent,
    pub workflow_name: String,
    pub status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environment: Option<Environment>,
}

impl ConnectionEvent {
    /// `createdAt` as Unix seconds, if it is the RFC 1123 date Cobalt sends.
    pub fn created_at_unix(&self) -> Option<u64> {
        rfc1123_to_unix(&self.created_at)
    }
}

/// `Tue, 07 Nov 2023 08:03:27 GMT` as Unix seconds. The weekday is not checked.
pub fn rfc1123_to_unix(text: &str) -> Option<u64> {
    let (_, rest) = text.trim().split_once(", ")?;
    let mut parts = rest.split(' ');
    let (day, month, year, clock, zone) = (
        parts.next()?,
        parts.next()?,
        parts.next()?,
        parts.next()?,
        parts.next()?,
    );
    if zone != "GMT" || parts.next().is_some() {
        return None;
    }
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = MONTHS.iter().position(|m| *m == month)? as i64 + 1;
    let day: i64 = day.parse().ok().filter(|d| (1..=31).contains(d))?;
    let year: i64 = year.parse().ok().filter(|y| (1970..=9999).contains(y))?;
    let mut hms = clock.split(':').map(|p| p.parse::<i64>().ok());
    let (h, m, sec) = (hms.next()??, hms.next()??, hms.next()??);
    if hms.next().is_some() || h > 23 || m > 59 || sec > 60 {
        return None;
    }
    u64::try_from(unix_seconds(year, month, day) + h * 3600 + m * 60 + sec).ok()
}

/// Seconds from the Unix epoch to midnight UTC of a civil date (month 1–12), by Howard
/// Hinnant's days-from-civil algorithm (March-based years, so leap days fall last).
pub fn unix_seconds(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    (era * 146_097 + doe - 719_468) * 86_400
}

#[cfg(test)]
mod date_tests {
    use super::rfc1123_to_unix;

    #[test]
    fn cobalt_webhook_dates_read_as_unix_seconds() {
        assert_eq!(
            rfc1123_to_unix("Tue, 07 Nov 2023 08:03:27 GMT"),
            Some(1_699_344_207)
        );
        assert_eq!(rfc1123_to_unix("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0));
        assert_eq!(
            rfc1123_to_unix("Thu, 29 Feb 2024 12:00:00 GMT"),
            Some(1_709_208_000)
        );
        for bad in [
            "",
            "07 Nov 2023",
            "Tue, 07 Nov 2023 08:03:27 PST",
            "Tue, 07 Foo 2023 08:03:27 GMT",
            "Tue, 07 Nov 2023 25:03:27 GMT",
        ] {
            assert_eq!(rfc1123_to_unix(bad), None, "{bad}");
        }
    }
}
