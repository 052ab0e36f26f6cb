//! Request extractors whose rejections are Cobalt error envelopes instead of axum's plain text.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use crate::error::ApiError;

/// The largest request body the sandbox reads.
pub const BODY_LIMIT: usize = 64 * 1024;

/// A JSON body. An empty body reads as `{}`, because Cobalt's SDKs send bodyless POSTs to
/// routes whose body is optional.
#[derive(Debug)]
pub struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|rejection| {
                if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    ApiError::new(
                        StatusCode::PAYLOAD_TOO_LARGE,
                        "SERVER_ERROR",
                        format!("Request body is larger than {} KiB", BODY_LIMIT / 1024),
                    )
                } else {
                    ApiError::bad_request(format!("Could not read the request body: {rejection}"))
                }
            })?;
        let bytes: &[u8] = if bytes.iter().all(u8::is_ascii_whitespace) {
            b"{}"
        } else {
            &bytes
        };
        serde_json::from_slice(bytes)
            .map(JsonBody)
            .map_err(|err| ApiError::bad_request(format!("Invalid request body: {err}")))
    }
}

/// The request's query parameters, percent-decoded, in order.
#[derive(Debug, Default)]
pub struct QueryParams(pub Vec<(String, String)>);

impl QueryParams {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// A comma-separated list (`slug=a,b`), trimmed.
    pub fn list(&self, name: &str) -> Option<Vec<String>> {
        self.get(name)
            .map(|list| list.split(',').map(|s| s.trim().to_owned()).collect())
    }

    /// `true` only for the literal `true` (case-insensitive), as Cobalt's boolean flags.
    pub fn flag(&self, name: &str) -> bool {
        self.get(name)
            .is_some_and(|value| value.eq_ignore_ascii_case("true"))
    }
}

impl<S: Send + Sync> FromRequestParts<S> for QueryParams {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ApiError> {
        let query = parts.uri.query().unwrap_or_default();
        Ok(Self(
            form_urlencoded::parse(query.as_bytes())
                .into_owned()
                .collect(),
        ))
    }
}
