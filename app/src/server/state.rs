//! The shared state every request sees.

use std::sync::Arc;

use axum::extract::FromRef;
use leptos::prelude::{LeptosOptions, use_context};

use super::Config;
use crate::components::AssetVersions;
use crate::error::AppError;

/// Shared, cheaply clonable handles. `leptos_axum` provides the router state to every server
/// function and SSR render as context, so server functions reach it with [`app_state`].
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub config: Arc<Config>,
    /// Built once with timeouts; `reqwest::Client` is an `Arc` inside.
    pub http: reqwest::Client,
    /// Content hashes of the `/pkg` assets, appended as `?v=` so they can be cached forever.
    pub assets: Arc<AssetVersions>,
}

/// The [`AppState`] for the current request.
pub fn app_state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| AppError::internal("AppState missing from context"))
}
