//! Errors: [`ApiError`] is what a client sees, in Cobalt's envelope; [`SandboxError`] is what
//! stops the sandbox from starting.

use std::path::PathBuf;

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use cobalt::ErrorEnvelope;

/// An error answered in Cobalt's envelope. Both `error` and `error_code` carry the code, so
/// clients written against either generation of Cobalt read it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{status} {code}: {message}")]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    /// Seconds, for 429 answers.
    pub retry_after: Option<u64>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            retry_after: None,
        }
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "SERVER_ERROR", message)
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, "SERVER_ERROR", message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "SERVER_ERROR", message)
    }

    /// A missing or wrong `x-api-key`, word for word as Cobalt answers it.
    pub fn invalid_credentials() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "SERVER_ERROR",
            "Invalid Credentials",
        )
    }

    /// A missing, garbled, expired or revoked session token.
    pub fn invalid_token() -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "INVALID_TOKEN", "Invalid token")
    }

    pub fn linked_account_required() -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "INVALID_LINKED_ACCOUNT_ID",
            "linked_account_id is required",
        )
    }

    pub fn too_many_requests(retry_after: u64) -> Self {
        Self {
            retry_after: Some(retry_after),
            ..Self::new(
                StatusCode::TOO_MANY_REQUESTS,
                "RATE_LIMIT_EXCEEDED",
                "Rate limit exceeded",
            )
        }
    }

    /// The envelope this error is answered with.
    pub fn envelope(&self) -> ErrorEnvelope {
        ErrorEnvelope {
            status_code: self.status.as_u16(),
            http_error_type: Some(http_error_type(self.status).to_owned()),
            error: Some(self.code.to_owned()),
            error_code: Some(self.code.to_owned()),
            message: self.message.clone(),
            request_id: None,
        }
    }
}

/// Cobalt's `http_error_type` for a status: the reason phrase in SCREAMING_SNAKE_CASE.
fn http_error_type(status: StatusCode) -> String {
    status
        .canonical_reason()
        .unwrap_or("ERROR")
        .to_ascii_uppercase()
        .replace(['-', ' '], "_")
        .replace('\'', "")
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, Json(self.envelope())).into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

/// Why the sandbox could not start.
#[derive(Debug, thiserror::Error)]
pub enum SandboxError {
    #[error(transparent)]
    Config(#[from] crate::config::SandboxConfigError),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: std::net::SocketAddr,
        source: std::io::Error,
    },
    #[error("the seeded catalog is invalid: {0}")]
    Catalog(String),
    #[error("cannot read the state file {path}: {reason}")]
    StateFile { path: PathBuf, reason: String },
    #[error("cannot write the state file {path}: {source}")]
    StateWrite {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot build the webhook client: {0}")]
    Http(#[from] reqwest::Error),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_envelope_carries_the_code_under_both_names() {
        let envelope = ApiError::invalid_token().envelope();
        assert_eq!(envelope.status_code, 401);
        assert_eq!(envelope.http_error_type.as_deref(), Some("UNAUTHORIZED"));
        assert_eq!(envelope.error.as_deref(), Some("INVALID_TOKEN"));
        assert_eq!(envelope.error_code.as_deref(), Some("INVALID_TOKEN"));
    }

    #[test]
    fn http_error_types_match_cobalts_spelling() {
        assert_eq!(http_error_type(StatusCode::BAD_REQUEST), "BAD_REQUEST");
        assert_eq!(http_error_type(StatusCode::NOT_FOUND), "NOT_FOUND");
        assert_eq!(
            http_error_type(StatusCode::INTERNAL_SERVER_ERROR),
            "INTERNAL_SERVER_ERROR"
        );
        assert_eq!(
            http_error_type(StatusCode::TOO_MANY_REQUESTS),
            "TOO_MANY_REQUESTS"
        );
    }
}
