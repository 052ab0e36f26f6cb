//! Reusable, route-agnostic pieces.
//!
//! Islands belong to the wasm bundle of the pages that show them: the marketplace's
//! (`Marketplace`, `ThemeToggle`) or the detail page's (connect, credentials, configuration,
//! disconnect, live status); `RetryButton` is in both. The server renders them all, but a
//! browser build (feature `marketplace` or `detail`) makes only its own bundle's components
//! islands, so the other bundle's are plain components no export reaches, and the linker drops
//! them: `#[cfg_attr(any(feature = "ssr", feature = "<bundle>"), island)]`.

mod asset_links;
mod config_editor;
mod connect_panel;
mod disconnect;
mod error_list;
#[cfg(feature = "hydrate")]
mod form_dom;
pub(crate) mod integration_card;
mod language_switcher;
pub(crate) mod live;
mod marketplace;
mod refused;
mod retry_button;
mod site_header;
mod theme_toggle;

pub use asset_links::{AssetLinks, AssetVersions, Bundle};
pub use config_editor::ConfigEditor;
pub use connect_panel::{CredentialFields, CredentialsForm, OAuthConnect};
pub use disconnect::{DisconnectDialog, DisconnectSummary};
pub use error_list::ErrorList;
pub use integration_card::{IntegrationCardView, PrimaryAction, StatusBadge};
pub use language_switcher::LanguageSwitcher;
pub use live::{LiveBadge, LiveStatus};
pub use marketplace::MarketplaceView;
pub use refused::Refused;
pub use retry_button::RetryButton;
pub use site_header::SiteHeader;
pub use theme_toggle::ThemeToggle;

/// The `aria-describedby` of a form control: its help text's id (when it has help) and its
/// error's id (when it has an error), or `None` when neither applies.
pub(crate) fn described_by(help: Option<&str>, error: Option<&str>) -> Option<String> {
    let ids: Vec<&str> = [help, error].into_iter().flatten().collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// `text` with the characters that could end or open an element escaped, for the contents
/// of elements leptos (0.8) writes unescaped on the server: `<title>` and `<textarea>`.
/// `server/tests/http.rs` (`everything_cobalt_sends_is_rendered_as_text`) checks both are
/// escaped exactly once.
pub(crate) fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    #[test]
    fn escaped_text_cannot_end_or_open_an_element() {
        assert_eq!(
            super::escape_text("A & B </title><script>"),
            "A &amp; B &lt;/title&gt;&lt;script&gt;"
        );
    }
}
