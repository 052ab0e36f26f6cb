//! The integrations tab: pages, islands and server functions, compiled for the server (`ssr`)
//! and for the browser (`hydrate`, islands only).

pub mod api;
mod app;
#[cfg(feature = "hydrate")]
pub mod cobalt_js;
pub mod components;
pub mod error;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;

pub use app::{App, shell};
