//! The one error type that crosses the wire.
//!
//! Policy: server functions return [`AppError`]. Its messages are safe to show to a user;
//! internal detail is logged on the server through [`AppError::internal`] and never serialized.
//! Server-only modules keep their own `thiserror` enums and convert at the call site.
//!
//! Its `Display` is the sentence in the page's language: the variants without text are
//! `shared.ftl` messages, so an island says them in its page's language too; the variants
//! carrying a sentence carry it in the language of the request that made it.

use leptos::prelude::{FromServerFnError, ServerFnErrorErr};
use leptos::server_fn::codec::JsonEncoding;
use serde::{Deserialize, Serialize};

/// Errors a user can see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AppError {
    /// What was not found, as a whole sentence ("that integration was not found", an
    /// `error-not-found-*` message).
    NotFound(String),
    /// What is wrong with the request, as a sentence.
    Validation(String),
    /// No valid session cookie: the user must sign in (again).
    Unauthorized,
    /// The request did not come from this site (CSRF protection).
    Forbidden,
    /// The signed-in user's role does not allow this change (the sentence says which role may).
    NotAllowed(String),
    /// This account called too often; it may again after `retry_after` seconds.
    RateLimited {
        retry_after: u64,
    },
    /// Cobalt asked us to slow down (429): no call goes out until it said we may try again.
    Busy {
        retry_after: u64,
    },
    /// Cobalt could not be reached or answered with an error the user cannot fix.
    Upstream,
    Internal,
    /// Transport or (de)serialization failure reported by the server-fn machinery.
    ServerFn(ServerFnErrorErr),
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // One call for every variant: each `t!` written out would be its own copy in the wasm.
        use crate::i18n::Arg;
        let (key, arg) = match self {
            Self::NotFound(sentence) | Self::Validation(sentence) | Self::NotAllowed(sentence) => {
                return f.write_str(sentence);
            }
            Self::Unauthorized => ("error-unauthorized", None),
            Self::Forbidden => ("error-forbidden", None),
            Self::RateLimited { retry_after } => (
                "error-rate-limited",
                Some(("seconds", Arg::from(*retry_after))),
            ),
            Self::Busy { retry_after } => {
                ("error-busy", Some(("seconds", Arg::from(*retry_after))))
            }
            Self::Upstream => ("error-upstream", None),
            Self::Internal => ("error-internal", None),
            // server_fn's own account of the failure stays as it wrote it (English).
            Self::ServerFn(error) => (
                "error-request-failed",
                Some(("detail", Arg::Text(error.to_string()))),
            ),
        };
        f.write_str(&crate::i18n::text(key, arg.as_slice()))
    }
}

impl std::error::Error for AppError {}

impl AppError {
    /// The seconds to send as `Retry-After`, for the errors that say when to try again.
    pub fn retry_after(&self) -> Option<u64> {
        match self {
            Self::RateLimited { retry_after } | Self::Busy { retry_after } => Some(*retry_after),
            _ => None,
        }
    }

    /// The HTTP status this error stands for.
    pub fn status_code(&self) -> u16 {
        match self {
            Self::NotFound(_) => 404,
            Self::Validation(_) => 422,
            Self::Unauthorized => 401,
            Self::Forbidden | Self::NotAllowed(_) => 403,
            Self::RateLimited { .. } => 429,
            Self::Busy { .. } => 503,
            Self::Upstream => 502,
            Self::Internal | Self::ServerFn(_) => 500,
        }
    }
}

#[cfg(feature = "ssr")]
impl AppError {
    /// Logs `err` with full detail and returns an opaque [`AppError::Internal`].
    pub fn internal(err: impl std::fmt::Display) -> Self {
        tracing::error!(error = %err, "internal error");
        Self::Internal
    }

    /// Maps a Cobalt failure to what the user can act on, logging the detail (status, code,
    /// message, request id) and sending none of it.
    pub fn upstream(err: cobalt::CobaltError) -> Self {
        if err.is_not_found() {
            tracing::info!(error = %err, "cobalt: not found");
            return Self::NotFound(crate::t!("error-not-found-integration"));
        }
        tracing::warn!(error = %err, request_id = ?err.request_id(), "cobalt request failed");
        Self::Upstream
    }

    /// Also sets the HTTP status of the current server-function response, which server_fn
    /// otherwise always answers with 500.
    pub fn with_status(self) -> Self {
        if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            self.answer_with(&response);
        }
        self
    }
}

#[cfg(feature = "ssr")]
impl AppError {
    /// Sets the response's status, and `Retry-After` when the error says when to try again.
    pub fn answer_with(&self, response: &leptos_axum::ResponseOptions) {
        if let Ok(status) = http::StatusCode::from_u16(self.status_code()) {
            response.set_status(status);
        }
        if let Some(seconds) = self.retry_after() {
            response.insert_header(http::header::RETRY_AFTER, http::HeaderValue::from(seconds));
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        Self::ServerFn(value)
    }
}
