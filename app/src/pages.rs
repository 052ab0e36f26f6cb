//! One module per route.
//!
//! Pages load their data with a plain future inside `Suspend`, not a `Resource`: in islands
//! mode nothing hydrates a page, so a resource would only copy its data into the HTML (a stored
//! configuration included), and renders awaiting `Resource::new_blocking` now and then never
//! finished under load (a request hung until its 30 s timeout in about 1 of 4 test runs).

mod configuration;
mod disconnect;
mod embed;
mod integration;
mod integrations;
mod not_found;
mod signed_out;
mod signup;

pub use disconnect::DisconnectPage;
pub use embed::{EmbedFailure, EmbedPage, EmbedSwitch, EmbedSwitchPage};
pub use integration::IntegrationPage;
pub use integrations::IntegrationsPage;
pub use not_found::NotFound;
pub use signed_out::SignedOutPage;
pub use signup::{SignupDraft, SignupPage};

/// The platform's name from the server's configuration (pages render on the server only).
pub fn platform_name() -> String {
    #[cfg(feature = "ssr")]
    if let Some(state) = leptos::prelude::use_context::<crate::server::AppState>() {
        return state.config.platform_name.clone();
    }
    String::from("Integrations")
}

/// Where the browser loads cobalt-js from (rendered on the server only).
pub fn cobalt_js_asset() -> crate::model::connect::CobaltJsAsset {
    #[cfg(feature = "ssr")]
    if let Some(state) = leptos::prelude::use_context::<crate::server::AppState>() {
        return (*state.cobalt_js).clone();
    }
    crate::model::connect::CobaltJsAsset {
        url: String::new(),
        integrity: String::new(),
    }
}

/// The signed-in user as pages show them: their name and whether the tab is embedded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Viewer {
    pub name: String,
    pub embedded: bool,
}

/// The viewer of the page being rendered (pages render on the server only).
pub fn viewer() -> Option<Viewer> {
    #[cfg(feature = "ssr")]
    {
        let parts = leptos::prelude::use_context::<http::request::Parts>()?;
        let identity = parts.extensions.get::<crate::server::Identity>()?;
        let chrome_off = parts
            .uri
            .query()
            .is_some_and(|q| q.split('&').any(|p| p == "chrome=0"));
        Some(Viewer {
            name: identity.name.clone(),
            embedded: identity.embedded || chrome_off,
        })
    }
    #[cfg(not(feature = "ssr"))]
    None
}

/// Whether the visitor chose the dark theme (the `theme` cookie); `false` follows the system.
pub fn dark_theme() -> bool {
    theme().as_deref() == Some("dark")
}

/// The theme the visitor chose, if any: `light` or `dark`.
pub fn theme() -> Option<String> {
    #[cfg(feature = "ssr")]
    {
        let parts = leptos::prelude::use_context::<http::request::Parts>()?;
        let cookies = parts.headers.get_all(http::header::COOKIE);
        cookies
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(';'))
            .filter_map(|pair| pair.trim().strip_prefix("theme="))
            .find(|theme| matches!(*theme, "light" | "dark"))
            .map(str::to_owned)
    }
    #[cfg(not(feature = "ssr"))]
    None
}
