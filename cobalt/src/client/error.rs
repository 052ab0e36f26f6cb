//! `CobaltError`: everything a [`super::CobaltClient`] call can fail with, and the questions the
//! app asks of it (not found? unauthorized? unknown linked account? worth retrying?).

use std::time::Duration;

use reqwest::{Method, StatusCode};

use crate::ErrorEnvelope;

/// Cobalt's code for an unknown or missing linked account.
const INVALID_LINKED_ACCOUNT_ID: &str = "INVALID_LINKED_ACCOUNT_ID";
/// An error body that is not Cobalt's envelope (a proxy's HTML page, say) is quoted up to this
/// many characters.
const MAX_QUOTED_BODY: usize = 200;

/// A failed Cobalt call. No variant holds the API key, a session token or request headers, so
/// `Debug` and `Display` are safe to log.
#[derive(Debug, thiserror::Error)]
pub enum CobaltError {
    /// Cobalt answered with a status other than 2xx.
    #[error("{} {}: Cobalt answered {}: {}", .0.method, .0.path, .0.status, .0.message)]
    Api(Box<ApiError>),
    /// No complete answer within the per-attempt timeout. Not retried: Cobalt may still be
    /// working on the request.
    #[error("{method} {path}: no answer from Cobalt within {timeout:?}")]
    Timeout {
        method: Method,
        path: String,
        timeout: Duration,
    },
    /// The request could not be made or its answer not read: connection refused or timed out,
    /// DNS, TLS, a connection reset. Connection failures are retried for idempotent calls.
    #[error("{method} {path}: {source}")]
    Transport {
        method: Method,
        path: String,
        #[source]
        source: reqwest::Error,
    },
    /// A 2xx answer whose body is not the JSON the call expects.
    #[error("{method} {path}: undecodable answer ({status}): {source}")]
    Decode {
        method: Method,
        path: String,
        status: StatusCode,
        request_id: Option<String>,
        #[source]
        source: serde_json::Error,
    },
    /// The client could not be built from its [`super::ClientConfig`].
    #[error("invalid Cobalt client configuration: {0}")]
    Config(String),
}

/// A non-2xx answer from Cobalt, read from its error envelope where there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub method: Method,
    /// The URL path, without the query.
    pub path: String,
    pub status: StatusCode,
    /// Cobalt's internal code (`error_code`, else `error`), e.g. `INVALID_TOKEN`.
    pub code: Option<String>,
    /// The envelope's `message`, else the start of the body, else the reason phrase.
    pub message: String,
    /// The body's `request_id`, else the `x-request-id` header.
    pub request_id: Option<String>,
    /// The `Retry-After` header (seconds), e.g. on a 429.
    pub retry_after: Option<Duration>,
}

impl CobaltError {
    /// Builds the error for a non-2xx answer from its body and headers.
    pub(super) fn from_answer(
        method: Method,
        path: String,
        status: StatusCode,
        body: &[u8],
        header_request_id: Option<String>,
        retry_after: Option<Duration>,
    ) -> Self {
        let envelope = serde_json::from_slice::<ErrorEnvelope>(body).ok();
        let code = envelope
            .as_ref()
            .and_then(|envelope| envelope.code().map(str::to_owned));
        let request_id = envelope
            .as_ref()
            .and_then(|envelope| envelope.request_id.clone())
            .or(header_request_id);
        let message = envelope
            .map(|envelope| envelope.message)
            .filter(|message| !message.is_empty())
            .or_else(|| {
                let text = String::from_utf8_lossy(body);
                let text = text.trim();
                (!text.is_empty()).then(|| text.chars().take(MAX_QUOTED_BODY).collect())
            })
            .unwrap_or_else(|| status.canonical_reason().unwrap_or("error").to_owned());
        Self::Api(Box::new(ApiError {
            method,
            path,
            status,
            code,
            message,
            request_id,
            retry_after,
        }))
    }

    /// The HTTP status Cobalt answered with, if it answered.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Self::Api(api) => Some(api.status),
            Self::Decode { status, .. } => Some(*status),
            Self::Timeout { .. } | Self::Transport { .. } | Self::Config(_) => None,
        }
    }

    /// Cobalt's internal error code, if it answered with its envelope.
    pub fn code(&self) -> Option<&str> {
        match self {
            Self::Api(api) => api.code.as_deref(),
            _ => None,
        }
    }

    /// The request id of Cobalt's answer, for support requests.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Self::Api(api) => api.request_id.as_deref(),
            Self::Decode { request_id, .. } => request_id.as_deref(),
            _ => None,
        }
    }

    /// The message of Cobalt's answer, if it answered with an error.
    pub fn message(&self) -> Option<&str> {
        match self {
            Self::Api(api) => Some(&api.message),
            _ => None,
        }
    }

    /// 404, or one of the 500s that older Cobalt deployments answer for missing things
    /// (`… not found`, `… does not exist …`).
    pub fn is_not_found(&self) -> bool {
        let Self::Api(api) = self else {
            return false;
        };
        let message = api.message.to_ascii_lowercase();
        api.status == StatusCode::NOT_FOUND
            || (api.status == StatusCode::INTERNAL_SERVER_ERROR
                && (message.contains("not found") || message.contains("does not exist")))
    }

    /// 401: a wrong or missing API key (or an invalid session token).
    pub fn is_unauthorized(&self) -> bool {
        self.status() == Some(StatusCode::UNAUTHORIZED)
    }

    /// Cobalt does not know the linked account. It says so in several ways: the session-token
    /// route answers 500 (older) or 400 `INVALID_LINKED_ACCOUNT_ID` (newer) with "No linked
    /// account found for account id : …", and account-scoped routes answer 404 "Linked Account
    /// with account id … not found". A *missing* id (`… is required`) does not count.
    pub fn is_unknown_linked_account(&self) -> bool {
        let Self::Api(api) = self else {
            return false;
        };
        let message = api.message.to_ascii_lowercase();
        message.contains("no linked account found")
            || (message.contains("linked account with account id") && message.contains("not found"))
            || (api.code.as_deref() == Some(INVALID_LINKED_ACCOUNT_ID)
                && !message.contains("required"))
    }

    /// Whether trying again may help: a connection failure, 429, 502, 503 or 504. The client
    /// retries these itself for idempotent calls; a caller sees them once retries are spent or
    /// for calls that are not retried.
    pub fn is_retryable(&self) -> bool {
        match self {
            Self::Api(api) => matches!(
                api.status,
                StatusCode::TOO_MANY_REQUESTS
                    | StatusCode::BAD_GATEWAY
                    | StatusCode::SERVICE_UNAVAILABLE
                    | StatusCode::GATEWAY_TIMEOUT
            ),
            Self::Transport { source, .. } => source.is_connect(),
            Self::Timeout { .. } | Self::Decode { .. } | Self::Config(_) => false,
        }
    }

    /// `Retry-After` of a 429 or 503, for a caller that passes it on.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Self::Api(api) => api.retry_after,
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(status: u16, body: &str) -> CobaltError {
        CobaltError::from_answer(
            Method::GET,
            "/api/v2/public/application".to_owned(),
            StatusCode::from_u16(status).unwrap_or(StatusCode::IM_A_TEAPOT),
            body.as_bytes(),
            Some("header-id".to_owned()),
            None,
        )
    }

    #[test]
    fn the_envelope_gives_code_message_and_request_id() {
        let error = answer(
            400,
            r#"{"status_code":400,"error_code":"INVALID_LINKED_ACCOUNT_ID","error":"SERVER_ERROR","message":"linked_account_id is required","request_id":"body-id"}"#,
        );
        assert_eq!(error.code(), Some("INVALID_LINKED_ACCOUNT_ID"));
        assert_eq!(error.message(), Some("linked_account_id is required"));
        assert_eq!(error.request_id(), Some("body-id"));
        assert!(!error.is_unknown_linked_account());
    }

    #[test]
    fn a_body_without_request_id_falls_back_to_the_header() {
        let error = answer(
            401,
            r#"{"error":"SERVER_ERROR","message":"Invalid Credentials"}"#,
        );
        assert_eq!(error.request_id(), Some("header-id"));
        assert_eq!(error.code(), Some("SERVER_ERROR"));
        assert!(error.is_unauthorized());
    }

    #[test]
    fn a_non_json_body_is_quoted_and_an_empty_one_gives_the_reason() {
        let html = answer(502, "<html>Bad gateway</html>");
        assert_eq!(html.message(), Some("<html>Bad gateway</html>"));
        assert_eq!(html.code(), None);
        assert!(html.is_retryable());
        let long = answer(503, &"x".repeat(1000));
        assert_eq!(long.message().map(str::len), Some(MAX_QUOTED_BODY));
        let empty = answer(504, "");
        assert_eq!(empty.message(), Some("Gateway Timeout"));
    }

    #[test]
    fn not_found_covers_404_and_the_older_500s() {
        assert!(answer(404, r#"{"message":"Config with config id x not found"}"#).is_not_found());
        assert!(
            answer(
                500,
                r#"{"message":"Application with id x does not exist for org Cobalt"}"#
            )
            .is_not_found()
        );
        assert!(!answer(500, r#"{"message":"Failed to verify credentials"}"#).is_not_found());
    }

    #[test]
    fn unknown_linked_account_is_recognised_in_every_spelling() {
        let old = answer(
            500,
            r#"{"error":"SERVER_ERROR","message":"No linked account found for account id : u1 in environment test"}"#,
        );
        let new = answer(
            400,
            r#"{"error":"INVALID_LINKED_ACCOUNT_ID","message":"No linked account found for account id : u1 in environment test"}"#,
        );
        let scoped = answer(
            404,
            r#"{"error":"SERVER_ERROR","message":"Linked Account with account id u1 for org o in environment test not found"}"#,
        );
        assert!(old.is_unknown_linked_account());
        assert!(new.is_unknown_linked_account());
        assert!(scoped.is_unknown_linked_account());
        assert!(!answer(500, r#"{"message":"Injected fault"}"#).is_unknown_linked_account());
    }

    #[test]
    fn only_429_and_gateway_errors_are_retryable_statuses() {
        for status in [429, 502, 503, 504] {
            assert!(answer(status, "{}").is_retryable(), "{status}");
        }
        for status in [400, 401, 404, 500, 501] {
            assert!(!answer(status, "{}").is_retryable(), "{status}");
        }
    }
}
