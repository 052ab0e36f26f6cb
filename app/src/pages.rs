//! One module per route.

mod integrations;
mod not_found;

pub use integrations::IntegrationsPage;
pub use not_found::NotFound;

/// The platform's name from the server's configuration (pages render on the server only).
pub fn platform_name() -> String {
    #[cfg(feature = "ssr")]
    if let Some(state) = leptos::prelude::use_context::<crate::server::AppState>() {
        return state.config.platform_name.clone();
    }
    String::from("Integrations")
}
