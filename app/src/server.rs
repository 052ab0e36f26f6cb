//! Server-only code: configuration, identity, caches and the calls to Cobalt. Never compiled
//! into the browser bundle.

pub mod accounts;
pub mod cache;
pub mod config;
pub mod configure;
pub mod connect;
pub mod embed;
pub mod headers;
pub mod history;
pub mod identity;
pub mod language;
pub mod limits;
pub mod live;
pub mod runs;
pub mod setup;
pub mod shared;
pub mod signup;
pub mod state;
pub mod vendor;

pub use accounts::CallError;
pub use config::{Config, ConfigError, Mode, Secret};
pub use identity::Identity;
pub use state::{AppState, app_state};

use crate::error::AppError;

/// The signed-in user of the current server-function call or page render, as the server's
/// session middleware found it (decoded once, not revoked, unexpired). A call without one
/// fails with 401.
pub fn current_identity() -> Result<Identity, AppError> {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<Identity>().cloned())
        .ok_or_else(|| AppError::Unauthorized.with_status())
}
