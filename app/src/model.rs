//! Plain data shared by the server and the browser, and its pure logic. No I/O.

use serde::{Deserialize, Serialize};

/// What the marketplace shows of one app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntegrationCard {
    pub slug: String,
    pub name: String,
    pub description: String,
    pub icon: Option<String>,
    pub tags: Vec<String>,
    pub status: ConnectionStatus,
}

/// Where an app stands for the signed-in account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ConnectionStatus {
    Connected,
    NeedsReconnect,
    Available,
}

impl ConnectionStatus {
    /// Cobalt's rule: not connected → available; connected but `reauth_required` → reconnect.
    pub fn from_flags(connected: bool, reauth_required: bool) -> Self {
        match (connected, reauth_required) {
            (false, _) => Self::Available,
            (true, true) => Self::NeedsReconnect,
            (true, false) => Self::Connected,
        }
    }
}

/// Orders cards as the marketplace shows them: connected, then needing reconnect, then
/// available, each alphabetically by name (case-insensitive).
pub fn sort_cards(cards: &mut [IntegrationCard]) {
    cards.sort_by(|a, b| {
        a.status
            .cmp(&b.status)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
            .then_with(|| a.slug.cmp(&b.slug))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(name: &str, status: ConnectionStatus) -> IntegrationCard {
        IntegrationCard {
            slug: name.to_lowercase(),
            name: name.into(),
            description: String::new(),
            icon: None,
            tags: vec![],
            status,
        }
    }

    #[test]
    fn status_follows_cobalt_flags() {
        assert_eq!(
            ConnectionStatus::from_flags(false, true),
            ConnectionStatus::Available
        );
        assert_eq!(
            ConnectionStatus::from_flags(true, true),
            ConnectionStatus::NeedsReconnect
        );
        assert_eq!(
            ConnectionStatus::from_flags(true, false),
            ConnectionStatus::Connected
        );
    }

    #[test]
    fn cards_sort_connected_first_then_reconnect_then_available_each_by_name() {
        let mut cards = vec![
            card("zendesk", ConnectionStatus::Available),
            card("Asana", ConnectionStatus::Available),
            card("Slack", ConnectionStatus::NeedsReconnect),
            card("Xero", ConnectionStatus::Connected),
            card("hubspot", ConnectionStatus::Connected),
        ];
        sort_cards(&mut cards);
        let names: Vec<_> = cards.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["hubspot", "Xero", "Slack", "Asana", "zendesk"]);
    }
}
