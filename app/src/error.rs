//! The one error type that crosses the wire.
//!
//! Policy: server functions return [`AppError`]. Its messages are safe to show to a user;
//! internal detail is logged on the server through [`AppError::internal`] and never serialized.
//! Server-only modules keep their own `thiserror` enums and convert at the call site.

use leptos::prelude::{FromServerFnError, ServerFnErrorErr};
use leptos::server_fn::codec::JsonEncoding;
use serde::{Deserialize, Serialize};

/// Errors a user can see.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum AppError {
    #[error("{0} was not found")]
    NotFound(String),
    #[error("{0}")]
    Validation(String),
    /// No valid session cookie: the user must sign in (again).
    #[error("your session has ended; please sign in again")]
    Unauthorized,
    /// The request did not come from this site (CSRF protection).
    #[error("this request was refused because it did not come from this site")]
    Forbidden,
    /// The signed-in user's role does not allow this change (the sentence says which role may).
    #[error("{0}")]
    NotAllowed(String),
    /// This account called too often; it may again after `retry_after` seconds.
    #[error("too many requests: please wait {retry_after} seconds and try again")]
    RateLimited { retry_after: u64 },
    /// Cobalt asked us to slow down (429): no call goes out until it said we may try again.
    #[error("the integrations service is busy: please try again in {retry_after} seconds")]
    Busy { retry_after: u64 },
    /// Cobalt could not be reached or answered with an error the user cannot fix.
    #[error("the integrations service is unavailable right now; please try again")]
    Upstream,
    #[error("something went wrong on our side")]
    Internal,
    /// Transport or (de)serialization failure reported by the server-fn machinery.
    #[error("request failed: {0}")]
    ServerFn(ServerFnErrorErr),
}

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
            return Self::NotFound("that integration".into());
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
