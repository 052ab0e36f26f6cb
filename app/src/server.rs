//! Server-only code: configuration, shared state and the calls to Cobalt. Never compiled into
//! the browser bundle.

pub mod config;
pub mod state;
pub mod upstream;

pub use config::{Config, ConfigError, Mode};
pub use state::{AppState, app_state};
