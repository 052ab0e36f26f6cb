//! Cobalt's error envelope, read tolerantly: the internal code comes as `error` on most routes and
//! as `error_code` on a few, and older pages say `error_type` where newer ones say
//! `http_error_type`.

use serde::{Deserialize, Serialize};

/// `{status_code, http_error_type, error|error_code, message, request_id?}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{message}")]
pub struct ErrorEnvelope {
    #[serde(default)]
    pub status_code: u16,
    #[serde(alias = "error_type", default, skip_serializing_if = "Option::is_none")]
    pub http_error_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    #[serde(default)]
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

impl ErrorEnvelope {
    /// The internal code (`SERVER_ERROR`, `INVALID_TOKEN`, …): `error_code`, else `error`.
    pub fn code(&self) -> Option<&str> {
        self.error_code.as_deref().or(self.error.as_deref())
    }

    /// Whether this is the 401 `INVALID_TOKEN` that means "mint a new session token".
    pub fn is_invalid_token(&self) -> bool {
        self.code() == Some("INVALID_TOKEN")
    }
}
