//! Session tokens for cobalt-js in the browser (seed step 3).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// What cobalt-js needs: the signed-in account's session token and Cobalt's base URL.
/// The token is for memory only: never store it or put it in a URL.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CobaltSession {
    pub token: String,
    pub base_url: String,
}

impl std::fmt::Debug for CobaltSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CobaltSession")
            .field("token", &"<redacted>")
            .field("base_url", &self.base_url)
            .finish()
    }
}

/// The session token of the signed-in account. `force_refresh` mints a new one after cobalt-js
/// met a 401; it takes effect at most once a minute per account.
#[server(endpoint = "get_session_token")]
pub async fn get_session_token(force_refresh: bool) -> Result<CobaltSession, AppError> {
    let state = crate::server::app_state()?;
    let identity = crate::server::current_identity()?;
    // The token lets cobalt-js change the account in Cobalt: only for those who may connect.
    identity
        .may(crate::model::Change::Connect)
        .map_err(AppError::with_status)?;
    let token = state
        .account(&identity)
        .session_token(force_refresh)
        .await
        .map_err(AppError::with_status)?;
    Ok(CobaltSession {
        token: token.expose().to_owned(),
        base_url: state.config.cobalt_public_url.clone(),
    })
}
