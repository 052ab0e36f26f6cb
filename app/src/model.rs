//! Plain data shared by the server and the browser, and its pure logic. No I/O.

use serde::{Deserialize, Serialize};

use connect::FieldProblem;

pub mod config_form;
pub mod connect;
mod display;
pub mod history;
pub mod marketplace;

pub use display::{
    date_text, decimal_text, duration_text, exact_time, identifier_text, relative_time,
};

/// A form posted without JavaScript that could not be saved, shown again with what the user
/// typed (never secrets: password fields come back empty) and what to fix, by form name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormDraft {
    pub values: Vec<(String, String)>,
    pub problems: Vec<FieldProblem>,
    pub message: Option<String>,
}

impl FormDraft {
    /// What the user typed into `field`, if anything.
    pub fn value(&self, field: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(name, _)| name == field)
            .map(|(_, value)| value.as_str())
    }
}

/// What the marketplace shows of one app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntegrationCard {
    pub slug: String,
    pub name: String,
    pub description: String,
    pub icon: Option<String>,
    pub tags: Vec<String>,
    pub status: ConnectionStatus,
    /// The app's last workflow run failed (the marketplace sets it from the last runs).
    #[serde(default)]
    pub run_failed: bool,
}

impl IntegrationCard {
    /// Whether the user should look at the app: its connection expired, its setup is not
    /// finished, or its last run failed.
    pub fn needs_attention(&self) -> bool {
        match self.status {
            ConnectionStatus::NeedsReconnect | ConnectionStatus::NeedsSetup => true,
            ConnectionStatus::Connected => self.run_failed,
            ConnectionStatus::Available => false,
        }
    }
}

/// Where an app stands for the signed-in account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ConnectionStatus {
    Connected,
    /// Connected, but a required setting is empty or no workflow is on (see
    /// [`config_form::missing_setup`]).
    NeedsSetup,
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

impl ConnectionStatus {
    /// What the detail page says of the connection.
    pub fn sentence(self) -> String {
        match self {
            Self::Connected => crate::t!("status-connected"),
            Self::NeedsSetup => crate::t!("status-needs-setup"),
            Self::NeedsReconnect => crate::t!("status-needs-reconnect"),
            Self::Available => crate::t!("status-available"),
        }
    }

    /// The variant's name, as serde writes it in a pushed [`StatusUpdate`] and as pages
    /// carry it in `data-status`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Connected => "Connected",
            Self::NeedsSetup => "NeedsSetup",
            Self::NeedsReconnect => "NeedsReconnect",
            Self::Available => "Available",
        }
    }

    /// Connected, whether or not its setup is finished.
    pub fn is_connected(self) -> bool {
        matches!(self, Self::Connected | Self::NeedsSetup)
    }

    /// The status named `name` (see [`Self::name`]).
    pub fn from_name(name: &str) -> Option<Self> {
        [
            Self::Connected,
            Self::NeedsSetup,
            Self::NeedsReconnect,
            Self::Available,
        ]
        .into_iter()
        .find(|status| status.name() == name)
    }

    /// What a tab announces when the status of the app `name` changes behind it.
    pub fn announcement(self, name: &str) -> String {
        match self {
            Self::Connected => crate::t!("status-now-connected", app = name),
            Self::NeedsSetup => crate::t!("status-now-needs-setup", app = name),
            Self::NeedsReconnect => crate::t!("status-now-needs-reconnect", app = name),
            Self::Available => crate::t!("status-now-disconnected", app = name),
        }
    }
}

/// A change of one app's connection status, as the server pushes it to every open tab of the
/// account (`GET /events`, Server-Sent Events named `status`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusUpdate {
    pub slug: String,
    pub status: ConnectionStatus,
}

impl StatusUpdate {
    /// Reads a pushed update with the browser's own `JSON.parse`, which keeps serde's JSON
    /// reader out of the wasm.
    #[cfg(feature = "hydrate")]
    pub fn from_json(data: &str) -> Option<Self> {
        let value = js_sys::JSON::parse(data).ok()?;
        let field = |name: &str| {
            js_sys::Reflect::get(&value, &wasm_bindgen::JsValue::from_str(name))
                .ok()?
                .as_string()
        };
        Some(Self {
            slug: field("slug")?,
            status: ConnectionStatus::from_name(&field("status")?)?,
        })
    }
}

impl IntegrationCard {
    /// The card of a Cobalt application; `None` for an entry without a slug.
    pub fn from_application(app: &cobalt::Application) -> Option<Self> {
        Some(Self {
            slug: app.slug()?.to_owned(),
            name: app.name.clone(),
            description: app.description.clone(),
            icon: Some(app.icon.clone()).filter(|icon| !icon.is_empty()),
            tags: app.tags.clone(),
            status: ConnectionStatus::from_flags(app.connected, app.reauth_required),
            run_failed: false,
        })
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

/// Which identifier a check is about: its key in the `validation-identifier-*` messages,
/// which name it in a whole sentence.
#[derive(Debug, Clone, Copy)]
enum Identifier {
    Customer,
    App,
    Configuration,
    Field,
}

impl Identifier {
    fn key(self) -> &'static str {
        match self {
            Self::Customer => "customer",
            Self::App => "app",
            Self::Configuration => "configuration",
            Self::Field => "field",
        }
    }
}

/// Checks an identifier: `max` characters at most, from ASCII letters, digits and `extra`.
/// The problems are sentences of the request's language (these checks run on the server).
fn identifier(value: &str, what: Identifier, max: usize, extra: &str) -> Result<String, String> {
    let value = value.trim();
    if value.is_empty() {
        return Err(crate::t!(
            "validation-identifier-required",
            what = what.key()
        ));
    }
    if value.len() > max {
        return Err(crate::t!(
            "validation-identifier-too-long",
            what = what.key(),
            max = max
        ));
    }
    if let Some(bad) = value
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || extra.contains(*c)))
    {
        return Err(crate::t!(
            "validation-identifier-character",
            what = what.key(),
            character = format!("{bad:?}")
        ));
    }
    Ok(value.to_owned())
}

/// A platform customer id (the Cobalt linked account id).
pub fn validate_customer_id(value: &str) -> Result<String, String> {
    no_leading_dot(
        identifier(value, Identifier::Customer, 64, "_-.@:")?,
        Identifier::Customer,
    )
}

/// An app's slug, as Cobalt spells it in paths.
pub fn validate_slug(value: &str) -> Result<String, String> {
    let slug = identifier(value, Identifier::App, 64, "_-")?;
    if slug.chars().any(|c| c.is_ascii_uppercase()) {
        return Err(crate::t!("validation-slug-lowercase"));
    }
    Ok(slug)
}

/// A named configuration's id.
pub fn validate_config_id(value: &str) -> Result<String, String> {
    no_leading_dot(
        identifier(value, Identifier::Configuration, 64, "_-.@:")?,
        Identifier::Configuration,
    )
}

/// Refuses `.`, `..` and every id starting with a dot: in a URL path they would address
/// another resource once the path is normalised.
fn no_leading_dot(id: String, what: Identifier) -> Result<String, String> {
    if id.starts_with('.') {
        return Err(crate::t!("validation-identifier-dot", what = what.key()));
    }
    Ok(id)
}

/// A config field's or workflow's id.
pub fn validate_field_id(value: &str) -> Result<String, String> {
    identifier(value, Identifier::Field, 64, "_-")
}

/// A person's display name: trimmed, 1 to 100 characters, no control characters.
pub fn validate_name(value: &str) -> Result<String, String> {
    let name = value.trim();
    if name.is_empty() {
        return Err(crate::t!("validation-name-required"));
    }
    if name.chars().count() > 100 {
        return Err(crate::t!("validation-name-too-long", max = 100));
    }
    if name.chars().any(char::is_control) {
        return Err(crate::t!("validation-name-control"));
    }
    Ok(name.to_owned())
}

/// An email address: trimmed, at most 254 characters, `local@domain.tld` without spaces.
pub fn validate_email(value: &str) -> Result<String, String> {
    let email = value.trim();
    if email.is_empty() {
        return Err(crate::t!("validation-email-required"));
    }
    let invalid = || crate::t!("validation-email-invalid");
    if email.len() > 254 || email.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(invalid());
    }
    let (local, domain) = email.rsplit_once('@').ok_or_else(invalid)?;
    let labels_ok = domain.split('.').all(|label| {
        !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c.is_alphanumeric() || c == '-')
    });
    if local.is_empty()
        || local.len() > 64
        || local.contains('@')
        || !domain.contains('.')
        || !labels_ok
    {
        return Err(invalid());
    }
    Ok(email.to_owned())
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
            run_failed: false,
        }
    }

    #[test]
    fn a_status_name_is_what_serde_writes_and_reads_back() {
        for status in [
            ConnectionStatus::Connected,
            ConnectionStatus::NeedsReconnect,
            ConnectionStatus::Available,
        ] {
            assert_eq!(
                serde_json::to_string(&status).unwrap(),
                format!("\"{}\"", status.name())
            );
            assert_eq!(ConnectionStatus::from_name(status.name()), Some(status));
        }
        assert_eq!(ConnectionStatus::from_name("connected"), None);
    }

    #[test]
    fn emails_are_trimmed_and_checked() {
        assert_eq!(
            validate_email("  ada@example.com "),
            Ok("ada@example.com".into())
        );
        for bad in [
            "",
            "ada",
            "ada@",
            "@example.com",
            "ada@example",
            "a da@example.com",
            "ada@-x.com",
            "a@b@c.com",
        ] {
            assert!(validate_email(bad).is_err(), "{bad:?} should be refused");
        }
        assert!(validate_email(&format!("{}@example.com", "a".repeat(65))).is_err());
    }

    #[test]
    fn names_are_trimmed_bounded_and_free_of_control_characters() {
        assert_eq!(validate_name("  Ada Lovelace "), Ok("Ada Lovelace".into()));
        assert!(validate_name("   ").is_err());
        assert!(validate_name(&"é".repeat(100)).is_ok());
        assert!(validate_name(&"é".repeat(101)).is_err());
        assert!(validate_name("bell\u{7}").is_err());
    }

    #[test]
    fn identifiers_allow_only_their_charset() {
        assert_eq!(
            validate_slug("quickbooks-online"),
            Ok("quickbooks-online".into())
        );
        assert!(validate_slug("../admin").is_err());
        assert!(validate_slug("HubSpot").is_err());
        assert!(validate_slug(&"a".repeat(65)).is_err());
        assert_eq!(
            validate_customer_id("cus_42@acme.io"),
            Ok("cus_42@acme.io".into())
        );
        assert!(validate_customer_id("cus 42").is_err());
        assert!(validate_config_id("").is_err());
        assert!(validate_field_id("64da0b57c9ae95561bb0a24d").is_ok());
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

/// What an embedded user may do, from the embed token's `role` claim. Enforced by the server on
/// every change; pages only show it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Connects, configures and disconnects: everyone signed up, and embedded users by default.
    #[default]
    Admin,
    /// Connects and configures, but may not disconnect.
    Member,
    /// Sees status, accounts and settings, and changes nothing.
    Viewer,
}

/// A change a [`Role`] may or may not make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Connect,
    Configure,
    Disconnect,
    /// Retry or stop a workflow run.
    Run,
}

impl Role {
    /// The claim's value: `admin`, `member` or `viewer`.
    pub fn parse(claim: &str) -> Option<Self> {
        match claim {
            "admin" => Some(Self::Admin),
            "member" => Some(Self::Member),
            "viewer" => Some(Self::Viewer),
            _ => None,
        }
    }

    pub fn may(self, change: Change) -> bool {
        match self {
            Self::Admin => true,
            Self::Member => change != Change::Disconnect,
            Self::Viewer => false,
        }
    }

    /// Why `change` is not allowed, as a refused request says it (no full stop, like every
    /// [`crate::error::AppError`]; pages make it a sentence with `role-refusal-sentence`).
    pub fn refusal(self, change: Change) -> Option<String> {
        if self.may(change) {
            return None;
        }
        Some(match (self, change) {
            (Self::Member, _) => crate::t!("role-member-disconnect"),
            (_, Change::Connect) => crate::t!("role-viewer-connect"),
            (_, Change::Configure) => crate::t!("role-viewer-configure"),
            (_, Change::Disconnect) => crate::t!("role-viewer-disconnect"),
            (_, Change::Run) => crate::t!("role-viewer-run"),
        })
    }
}

/// Which runs the Activity section lists (`?runs=`): a group of Cobalt's statuses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum RunFilter {
    #[default]
    All,
    Failed,
    Running,
    Completed,
    Stopped,
}

impl RunFilter {
    /// Every filter, in the order the form offers them, with its query value.
    pub const ALL: [(Self, &'static str); 5] = [
        (Self::All, "all"),
        (Self::Failed, "failed"),
        (Self::Running, "running"),
        (Self::Completed, "completed"),
        (Self::Stopped, "stopped"),
    ];

    /// The filter a query value names; anything else lists all runs.
    pub fn parse(value: Option<&str>) -> Self {
        Self::ALL
            .iter()
            .find(|(_, name)| Some(*name) == value)
            .map_or(Self::All, |(filter, _)| *filter)
    }

    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(filter, _)| *filter == self)
            .map_or("all", |(_, name)| name)
    }

    /// The Cobalt statuses it stands for (none: all).
    pub fn statuses(self) -> Vec<cobalt::ExecutionStatus> {
        use cobalt::ExecutionStatus as S;
        match self {
            Self::All => Vec::new(),
            Self::Failed => vec![S::Errored, S::TimedOut],
            Self::Running => vec![S::Running, S::Stopping],
            Self::Completed => vec![S::Completed],
            Self::Stopped => vec![S::Stopped],
        }
    }
}

/// A run's status as the page shows it: its words and the badge's `data-status`.
pub fn run_status(status: &cobalt::ExecutionStatus) -> (String, &'static str) {
    use cobalt::ExecutionStatus as S;
    match status {
        S::Completed => (crate::t!("status-run-completed"), "connected"),
        S::Running => (crate::t!("status-run-running"), "running"),
        S::Stopping => (crate::t!("status-run-stopping"), "running"),
        S::Errored => (crate::t!("status-run-failed"), "failed"),
        S::TimedOut => (crate::t!("status-run-timed-out"), "failed"),
        S::Stopped => (crate::t!("status-run-stopped"), "neutral"),
        S::Other(_) => (crate::t!("status-run-unknown"), "neutral"),
    }
}

/// What a marketplace card says of an app's last run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LastRun {
    Failed,
    /// It ended well (or still runs); when it started (ISO).
    Good {
        started_at: String,
    },
}
