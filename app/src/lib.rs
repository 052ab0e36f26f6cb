//! The integrations tab: pages, islands and server functions, compiled for the server (`ssr`)
//! and for the browser (`hydrate`, islands only).
// Views are nested static types; the detail page's (with the Connect island) is deeper than
// rustc's default layout depth allows.
#![recursion_limit = "256"]

pub mod api;
mod app;
#[cfg(feature = "hydrate")]
pub mod cobalt_js;
pub mod components;
pub mod context;
pub mod error;
pub mod i18n;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;

pub use app::{App, shell};
