//! One module per route.
//!
//! Pages load their data with a plain future inside `Suspend`, not a `Resource`: in islands
//! mode nothing hydrates a page, so a resource would only copy its data into the HTML (a stored
//! configuration included), and renders awaiting `Resource::new_blocking` now and then never
//! finished under load (a request hung until its 30 s timeout in about 1 of 4 test runs).

mod activity;
mod configuration;
mod disconnect;
mod embed;
mod history;
mod integration;
mod integrations;
mod not_found;
mod signed_out;
mod signup;

pub use disconnect::DisconnectPage;
pub use embed::{
    EmbedFailure, EmbedPage, EmbedSwitch, EmbedSwitchPage, FrameSession, FrameSessionPage,
};
pub use integration::IntegrationPage;
pub use integrations::IntegrationsPage;
pub use not_found::NotFound;
pub use signed_out::SignedOutPage;
pub use signup::{SignupDraft, SignupPage};
