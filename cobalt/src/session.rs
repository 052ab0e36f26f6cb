//! Session tokens and the small replies of the connect flow.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::open_enum::open_enum;

/// What `Debug` prints in place of a secret.
const REDACTED: &str = "<redacted>";

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
///
/// `Debug` shows the lifetimes but never the tokens, so the struct is safe to log.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
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

impl fmt::Debug for SessionToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SessionToken")
            .field("token", &REDACTED)
            .field(
                "refresh_token",
                &self.refresh_token.as_ref().map(|_| REDACTED),
            )
            .field("expires_in", &self.expires_in)
            .field("refresh_expires_in", &self.refresh_expires_in)
            .finish()
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_token_debug_hides_both_tokens() {
        let token = SessionToken {
            token: "eyJ.secret-token".to_owned(),
            refresh_token: Some("secret-refresh".to_owned()),
            expires_in: Some(60),
            refresh_expires_in: None,
        };
        let debug = format!("{token:?} {token:#?}");
        assert!(!debug.contains("secret"), "{debug}");
        assert!(debug.contains("expires_in: Some(60)"), "{debug}");
    }
}
