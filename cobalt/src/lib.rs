//! The Cobalt API contract in Rust: serde models shared by the sandbox, the server and the browser.
//!
//! Plain data only: no I/O, no HTTP client, so the crate compiles for native and wasm32 alike.
//! Shapes follow `shared/docs/cobalt-api.md`; every type is tolerant of the optional keys and
//! spelling variants that Cobalt's different API generations return.

mod account;
mod application;
mod config;
mod error;
mod lenient;
mod open_enum;
mod session;
mod webhook;

pub use account::{
    Integration, LinkedAccount, LinkedAccountPage, LinkedAccountPayload, Message, Udf,
};
pub use application::{
    AppVersion, Application, AuthType, ConnectedAccount, ConnectionStatus, InputField, InputOption,
};
pub use config::{
    Config, ConfigField, ConfigPayload, ConfigRef, FieldError, FieldErrorDetail, FieldOption,
    FieldType, FieldValuePayload, Labels, RuleColumn, RuleColumnPayload, RuleLhs, RuleOptions,
    RuleSide, UpdateConfigPayload, Workflow, WorkflowPayload, WorkflowSummary, WorkflowToggle,
    WorkflowsResponse,
};
pub use error::ErrorEnvelope;
pub use session::{
    AuthUrl, Environment, RevokeResult, SaveResult, SessionClaims, SessionToken,
    SessionTokenRequest,
};
pub use webhook::{ConnectionEvent, Webhook, WebhookEvent, WebhookRequest, WorkflowEvent};
