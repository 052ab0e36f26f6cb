//! Session tokens and the small replies of the connect flow.

use serde::{Deserialize, Serialize};

use crate::open_enum::open_enum;

open_enum! {
    /// The Cobalt environment an API key (and everything created with it) belongs to.
    pub enum Environment {
        Test => "test",
        Production => "production",
    }
}

/// Body of `POST /api/v2/public/session-token`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionTokenRequest {
    pub linked_account_id: String,
}

/// A session token. Only `token` is guaranteed; newer deployments add the rest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionToken {
    pub token: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
    /// Seconds until `token` expires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_in: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_expires_in: Option<u64>,
}

/// The claims of a session token (an HS256 JWT).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionClaims {
    pub org_id: String,
    pub linked_account_id: String,
    pub environment: Environment,
    pub iat: u64,
    pub exp: u64,
}

/// `{"auth_url": "…"}` from `integrate` and `oauth-url`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthUrl {
    pub auth_url: String,
}

/// `{"success": true}` from the key-based save routes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaveResult {
    pub success: bool,
}

/// Reply of `POST /api/v2/public/session-token/revoke`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevokeResult {
    pub success: bool,
    pub revoked_count: u64,
}
