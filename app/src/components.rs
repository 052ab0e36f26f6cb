//! Reusable, route-agnostic pieces.

mod asset_links;
mod error_list;
mod refresh_button;
mod site_header;

pub use asset_links::{AssetLinks, AssetVersions};
pub use error_list::ErrorList;
pub use refresh_button::RefreshButton;
pub use site_header::SiteHeader;
