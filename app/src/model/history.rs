//! An app's connection history, read from Cobalt's audit log: what happened, when and who did
//! it, in words.

use cobalt::AuditEntry;

/// One thing that happened to an app's connection or settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEvent {
    pub what: String,
    /// Who did it, when an end user did.
    pub by: Option<String>,
    /// `created_at` as Cobalt sent it.
    pub at: String,
    /// Whether it broke the connection (an expiry).
    pub broke: bool,
}

/// The app's events among `entries` (newest first, as Cobalt lists them), newest first. A
/// connection made while an earlier one of the app was not deleted is a reconnection.
pub fn app_history(entries: &[AuditEntry], slug: &str) -> Vec<HistoryEvent> {
    let mut connected_before = false;
    let mut events: Vec<HistoryEvent> = entries
        .iter()
        .rev()
        .filter(|entry| entry.slug.as_deref() == Some(slug))
        .filter_map(|entry| {
            let what = match (entry.event.as_str(), &entry.target) {
                ("connection.created", _) if connected_before => crate::t!("history-reconnected"),
                ("connection.created", _) => crate::t!("history-connected"),
                ("connection.expired", _) => match &entry.reason {
                    Some(reason) => crate::t!("history-expired-because", reason = reason),
                    None => crate::t!("history-expired"),
                },
                ("connection.deleted", _) => crate::t!("history-disconnected"),
                ("configuration.updated", _) => crate::t!("history-settings-saved"),
                ("configuration.deleted", _) => crate::t!("history-settings-deleted"),
                ("workflow.enabled", Some(workflow)) => {
                    crate::t!("history-workflow-enabled", workflow = workflow)
                }
                ("workflow.enabled", None) => crate::t!("history-workflow-enabled-unnamed"),
                ("workflow.disabled", Some(workflow)) => {
                    crate::t!("history-workflow-disabled", workflow = workflow)
                }
                ("workflow.disabled", None) => crate::t!("history-workflow-disabled-unnamed"),
                _ => return None,
            };
            connected_before = match entry.event.as_str() {
                "connection.created" | "connection.expired" => true,
                "connection.deleted" => false,
                _ => connected_before,
            };
            Some(HistoryEvent {
                what,
                by: entry.actor.as_ref().and_then(|actor| actor.name.clone()),
                at: entry.created_at.clone().unwrap_or_default(),
                broke: entry.event == "connection.expired",
            })
        })
        .collect();
    events.reverse();
    events
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(event: &str, slug: &str, reason: Option<&str>) -> AuditEntry {
        AuditEntry {
            event: event.into(),
            slug: Some(slug.into()),
            actor: Some(cobalt::AuditActor {
                kind: Some("linked_account".into()),
                name: Some("Ada".into()),
            }),
            reason: reason.map(Into::into),
            created_at: Some("2026-12-06T10:00:00.000Z".into()),
            ..AuditEntry::default()
        }
    }

    #[test]
    fn a_second_connection_is_a_reconnection_until_a_disconnect() {
        // Newest first, as Cobalt lists them.
        let entries = [
            entry("connection.created", "slack", None),
            entry("connection.deleted", "slack", None),
            entry("connection.created", "slack", None),
            entry("connection.expired", "slack", Some("token revoked")),
            entry("connection.created", "hubspot", None),
            entry("configuration.updated", "slack", None),
            entry("connection.created", "slack", None),
        ];
        let what: Vec<_> = app_history(&entries, "slack")
            .into_iter()
            .map(|event| event.what)
            .collect();
        assert_eq!(
            what,
            [
                "Connected",
                "Disconnected",
                "Reconnected",
                "Connection expired: token revoked",
                "Settings saved",
                "Connected",
            ]
        );
    }

    #[test]
    fn unknown_events_are_left_out() {
        let entries = [entry("workflow.renamed", "slack", None)];
        assert!(app_history(&entries, "slack").is_empty());
    }
}
