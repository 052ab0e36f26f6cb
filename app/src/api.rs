//! Server functions, one module per domain. Each is a public HTTP endpoint.

mod integrations;

pub use integrations::*;
