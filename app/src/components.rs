//! Reusable, route-agnostic pieces.

mod asset_links;
mod connect_panel;
mod error_list;
pub(crate) mod integration_card;
mod marketplace;
mod retry_button;
mod site_header;
mod theme_toggle;

pub use asset_links::{AssetLinks, AssetVersions};
pub use connect_panel::{CredentialFields, CredentialsForm, OAuthConnect};
pub use error_list::ErrorList;
pub use integration_card::{IntegrationCardView, PrimaryAction, StatusBadge};
pub use marketplace::Marketplace;
pub use retry_button::RetryButton;
pub use site_header::SiteHeader;
pub use theme_toggle::ThemeToggle;
