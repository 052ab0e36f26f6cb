//! The marketplace's filters: search, category and status, applied the same way by the server
//! (GET query parameters, without JavaScript) and by the browser (instantly, once hydrated).

use super::{ConnectionStatus, IntegrationCard};

/// Which connection states the grid shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum StatusFilter {
    #[default]
    All,
    Connected,
    /// Connections that expired, setups not finished, last runs that failed.
    NeedsAttention,
    Available,
}

impl StatusFilter {
    pub const ALL: [Self; 4] = [
        Self::All,
        Self::Connected,
        Self::NeedsAttention,
        Self::Available,
    ];

    /// The value in the URL (`?status=`).
    pub fn as_param(self) -> &'static str {
        match self {
            Self::All => "all",
            Self::Connected => "connected",
            Self::NeedsAttention => "attention",
            Self::Available => "available",
        }
    }

    /// Its button's label (rendered on the server).
    pub fn label(self) -> String {
        match self {
            Self::All => crate::t!("filter-status-all"),
            Self::Connected => crate::t!("filter-status-connected"),
            Self::NeedsAttention => crate::t!("filter-status-attention"),
            Self::Available => crate::t!("filter-status-available"),
        }
    }

    /// Unknown values read as `All`, so an old or hand-edited link still works.
    pub fn from_param(value: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|s| s.as_param() == value)
            .unwrap_or_default()
    }

    fn admits(self, card: &IntegrationCard) -> bool {
        match self {
            Self::All => true,
            Self::Connected => card.status.is_connected(),
            Self::NeedsAttention => card.needs_attention(),
            Self::Available => card.status == ConnectionStatus::Available,
        }
    }
}

/// The marketplace's filter state, as in the URL.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub query: String,
    pub category: Option<String>,
    pub status: StatusFilter,
}

/// Longest search accepted; longer input is cut, never an error.
pub const MAX_QUERY_CHARS: usize = 100;

impl Filters {
    /// Reads `q`, `category` and `status` query parameters.
    pub fn from_params<'a>(params: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut filters = Self::default();
        for (key, value) in params {
            match key {
                "q" => filters.query = value.chars().take(MAX_QUERY_CHARS).collect(),
                "category" if !value.is_empty() => filters.category = Some(value.to_owned()),
                "status" => filters.status = StatusFilter::from_param(value),
                _ => {}
            }
        }
        filters
    }

    /// The query string for these filters (`?q=…&category=…`), empty for no filter.
    pub fn to_query(&self) -> String {
        let mut pairs = Vec::new();
        if !self.query.trim().is_empty() {
            pairs.push(format!("q={}", encode(&self.query)));
        }
        if let Some(category) = &self.category {
            pairs.push(format!("category={}", encode(category)));
        }
        if self.status != StatusFilter::All {
            pairs.push(format!("status={}", self.status.as_param()));
        }
        if pairs.is_empty() {
            String::new()
        } else {
            format!("?{}", pairs.join("&"))
        }
    }

    /// Whether `card` passes every filter: the search matches the name, description or a tag,
    /// ignoring case and accents; the category is one of its tags.
    pub fn admits(&self, card: &IntegrationCard) -> bool {
        let query = fold(self.query.trim());
        let matches_query = query.is_empty()
            || fold(&card.name).contains(&query)
            || fold(&card.description).contains(&query)
            || card.tags.iter().any(|tag| fold(tag).contains(&query));
        let matches_category = self
            .category
            .as_ref()
            .is_none_or(|category| card.tags.iter().any(|tag| tag == category));
        matches_query && matches_category && self.status.admits(card)
    }
}

/// Percent-encodes a query value (RFC 3986 unreserved characters stay).
fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            b' ' => "+".to_owned(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Splits and decodes a query string (`?a=b&c=d`, with `+` and `%XX`).
pub fn parse_query(search: &str) -> Vec<(String, String)> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(key), decode(value))
        })
        .collect()
}

fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(high), Some(low)) => {
                    out.push(high << 4 | low);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(digit: u8) -> Option<u8> {
    (digit as char)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
}

/// Lowercases and strips the accents of Latin letters, so "Resume" finds "Résumé". Both
/// lowercase with Unicode's default mapping: in the browser through the browser's own
/// `toLowerCase`, which keeps Rust's case tables out of the wasm.
pub fn fold(text: &str) -> String {
    #[cfg(feature = "hydrate")]
    let lower = String::from(js_sys::JsString::from(text).to_lower_case());
    #[cfg(not(feature = "hydrate"))]
    let lower = text.to_lowercase();
    lower.chars().map(strip_accent).collect()
}

fn strip_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' => 's',
        'ţ' | 'ť' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        other => other,
    }
}

/// Every tag with the number of apps carrying it, alphabetically.
pub fn category_counts(cards: &[IntegrationCard]) -> Vec<(String, usize)> {
    let mut counts = std::collections::BTreeMap::<&str, usize>::new();
    for tag in cards.iter().flat_map(|card| card.tags.iter()) {
        *counts.entry(tag.as_str()).or_default() += 1;
    }
    counts
        .into_iter()
        .map(|(tag, count)| (tag.to_owned(), count))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(
        name: &str,
        description: &str,
        tags: &[&str],
        status: ConnectionStatus,
    ) -> IntegrationCard {
        IntegrationCard {
            slug: name.to_lowercase(),
            name: name.into(),
            description: description.into(),
            icon: None,
            tags: tags.iter().map(|t| t.to_string()).collect(),
            status,
            run_failed: false,
        }
    }

    fn names(cards: &[IntegrationCard], filters: &Filters) -> Vec<String> {
        cards
            .iter()
            .filter(|c| filters.admits(c))
            .map(|c| c.name.clone())
            .collect()
    }

    fn catalog() -> Vec<IntegrationCard> {
        vec![
            card(
                "HubSpot",
                "CRM and marketing",
                &["CRM", "Marketing"],
                ConnectionStatus::Connected,
            ),
            card(
                "Zendesk",
                "Support tickets",
                &["Support"],
                ConnectionStatus::NeedsReconnect,
            ),
            card(
                "Crème",
                "Gestion des clients",
                &["CRM"],
                ConnectionStatus::Available,
            ),
        ]
    }

    #[test]
    fn search_ignores_case_and_accents_across_name_description_and_tags() {
        let cards = catalog();
        let search = |q: &str| {
            names(
                &cards,
                &Filters {
                    query: q.into(),
                    ..Default::default()
                },
            )
        };
        assert_eq!(search("creme"), ["Crème"]);
        assert_eq!(search("TICKETS"), ["Zendesk"]);
        assert_eq!(search("marketing"), ["HubSpot"]);
        assert_eq!(search("  "), ["HubSpot", "Zendesk", "Crème"]);
        assert!(search("nothing").is_empty());
    }

    #[test]
    fn category_and_status_filters_combine() {
        let cards = catalog();
        let filters = Filters {
            category: Some("CRM".into()),
            status: StatusFilter::Available,
            ..Default::default()
        };
        assert_eq!(names(&cards, &filters), ["Crème"]);
        let attention = Filters {
            status: StatusFilter::NeedsAttention,
            ..Default::default()
        };
        assert_eq!(names(&cards, &attention), ["Zendesk"]);
    }

    #[test]
    fn needs_attention_is_an_expired_connection_an_unfinished_setup_or_a_failed_last_run() {
        let mut cards = catalog();
        cards[0].run_failed = true;
        cards.push(card("Slack", "Chat", &[], ConnectionStatus::NeedsSetup));
        let mut gone = card("Asana", "Tasks", &[], ConnectionStatus::Available);
        // A run of an app since disconnected does not count.
        gone.run_failed = true;
        cards.push(gone);
        let only = |status| Filters {
            status,
            ..Default::default()
        };
        assert_eq!(
            names(&cards, &only(StatusFilter::NeedsAttention)),
            ["HubSpot", "Zendesk", "Slack"]
        );
        assert_eq!(
            names(&cards, &only(StatusFilter::Connected)),
            ["HubSpot", "Slack"],
            "an unfinished setup is still a connection"
        );
    }

    #[test]
    fn filters_round_trip_through_the_query_string() {
        let filters = Filters {
            query: "crm & co".into(),
            category: Some("Sales/CRM".into()),
            status: StatusFilter::Connected,
        };
        assert_eq!(
            filters.to_query(),
            "?q=crm+%26+co&category=Sales%2FCRM&status=connected"
        );
        let parsed = Filters::from_params([
            ("q", "crm & co"),
            ("category", "Sales/CRM"),
            ("status", "connected"),
        ]);
        assert_eq!(parsed, filters);
        assert_eq!(Filters::default().to_query(), "");
        assert_eq!(
            Filters::from_params([("status", "bogus")]).status,
            StatusFilter::All
        );
        assert_eq!(
            Filters::from_params([("q", "x".repeat(500).as_str())])
                .query
                .len(),
            MAX_QUERY_CHARS
        );
    }

    #[test]
    fn query_strings_decode_like_the_browser_encodes_them() {
        let parsed = parse_query("?q=cr%C3%A8me+co&category=Sales%2FCRM&bad=%zz&empty&x=%é");
        assert_eq!(
            parsed,
            [
                ("q".to_owned(), "crème co".to_owned()),
                ("category".to_owned(), "Sales/CRM".to_owned()),
                ("bad".to_owned(), "%zz".to_owned()),
                ("empty".to_owned(), String::new()),
                ("x".to_owned(), "%é".to_owned()),
            ]
        );
        let filters = Filters {
            query: "crème & co".into(),
            category: Some("A/B".into()),
            status: StatusFilter::Available,
        };
        let round = parse_query(&filters.to_query());
        assert_eq!(
            Filters::from_params(round.iter().map(|(k, v)| (k.as_str(), v.as_str()))),
            filters
        );
    }

    #[test]
    fn categories_are_counted_alphabetically() {
        assert_eq!(
            category_counts(&catalog()),
            [
                ("CRM".to_owned(), 2),
                ("Marketing".to_owned(), 1),
                ("Support".to_owned(), 1)
            ]
        );
    }
}
