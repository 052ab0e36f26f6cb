//! Server functions, one module per domain. Each is a public HTTP endpoint: it takes the
//! account only from the session cookie, validates every argument, and maps Cobalt's failures
//! to messages a user can act on.

mod accounts;
#[cfg(feature = "hydrate")]
pub mod client;
mod config;
mod connections;
mod integrations;

pub use accounts::*;
pub use config::*;
pub use connections::*;
pub use integrations::*;

#[cfg(feature = "ssr")]
use crate::error::AppError;

/// Turns a validation message into an [`AppError::Validation`] with HTTP 422.
#[cfg(feature = "ssr")]
fn invalid(message: String) -> AppError {
    AppError::Validation(message).with_status()
}
