//! Server functions, one module per domain. Each is a public HTTP endpoint: it takes the
//! account only from the session cookie, validates every argument, and maps Cobalt's failures
//! to messages a user can act on.
//!
//! Each names its endpoint, `/api/<function>`. The default URL ends in a hash of the folder the
//! crate was built in, so instances built in different folders would serve different URLs
//! behind one load balancer, and the wasm's bytes (and its brotli size) would change with it.

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
