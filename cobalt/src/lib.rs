//! The Cobalt API contract in Rust: serde models shared by the sandbox, the server and the browser.
//!
//! Plain data by default: no I/O, so the crate compiles for native and wasm32 alike. The
//! `client` feature adds `CobaltClient`, the server's HTTP client (native only). Shapes follow
//! `shared/docs/cobalt-api.md`; every type is tolerant of the optional keys and spelling
//! variants that Cobalt's different API generations return.

mod account;
mod application;
mod audit;
#[cfg(feature = "client")]
mod client;
mod config;
mod error;
mod execution;
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
pub use audit::{AuditActor, AuditEntry, AuditPage};
#[cfg(feature = "client")]
pub use client::{ApiError, ClientConfig, CobaltClient, CobaltError, FieldLocation, SecretToken};
pub use config::{
    Config, ConfigField, ConfigPayload, ConfigRef, FieldError, FieldErrorDetail, FieldOption,
    FieldOptions, FieldType, FieldValuePayload, Labels, RuleColumn, RuleColumnPayload, RuleLhs,
    RuleOptions, RuleSide, UpdateConfigPayload, Workflow, WorkflowPayload, WorkflowSummary,
    WorkflowToggle, WorkflowsResponse,
};
pub use error::ErrorEnvelope;
pub use execution::{
    Execution, ExecutionNode, ExecutionPage, ExecutionQuery, ExecutionStatus, Rerun, RunOwner,
};
pub use session::{
    AuthUrl, Environment, RevokeResult, SaveResult, SessionClaims, SessionToken,
    SessionTokenRequest,
};
pub use webhook::{
    ConnectionEvent, Webhook, WebhookEvent, WebhookRequest, WorkflowEvent, rfc1123_to_unix,
    unix_seconds,
};
