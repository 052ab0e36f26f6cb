//! Session tokens: mint (reused unless `force_refresh=true`) and revoke.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use cobalt::{RevokeResult, SessionToken};
use serde::Deserialize;

use crate::auth::{ApiKey, REFRESH_TTL_SECS, Session, hmac_sha256, mint};
use crate::clock::unix_now;
use crate::error::ApiError;
use crate::extract::{JsonBody, QueryParams};
use crate::state::SandboxState;

#[derive(Debug, Deserialize)]
pub struct MintBody {
    #[serde(default)]
    linked_account_id: Option<String>,
}

/// `POST /api/v2/public/session-token`. An unknown account is a 500, as Cobalt's seed docs
/// describe ("returned due to providing an incorrect linked_account_id").
pub async fn create(
    State(state): State<SandboxState>,
    key: ApiKey,
    query: QueryParams,
    JsonBody(body): JsonBody<MintBody>,
) -> Result<Json<SessionToken>, ApiError> {
    let account_id = body
        .linked_account_id
        .filter(|id| !id.trim().is_empty())
        .ok_or_else(ApiError::linked_account_required)?;
    let (token, record, fresh) = {
        let mut data = state.write();
        if data.account(&key.environment, &account_id).is_none() {
            return Err(ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "INVALID_LINKED_ACCOUNT_ID",
                format!(
                    "No linked account found for account id : {account_id} in environment {}",
                    key.environment
                ),
            ));
        }
        let known = data.tokens.len();
        let (token, record) = mint(
            &mut data,
            &key.environment,
            &account_id,
            query.flag("force_refresh"),
        )?;
        let fresh = data.tokens.len() != known;
        (token, record, fresh)
    };
    if fresh {
        state.persist().await;
    }
    // Derived rather than stored: the sandbox has no refresh route, so the value only needs to
    // be stable for one token.
    let refresh_token = {
        let secret = state.read().jwt_secret.clone();
        hmac_sha256(secret.as_bytes(), format!("refresh:{token}").as_bytes()).map(hex::encode)
    };
    Ok(Json(SessionToken {
        token,
        refresh_token,
        expires_in: Some(record.exp.saturating_sub(unix_now())),
        refresh_expires_in: Some(REFRESH_TTL_SECS),
    }))
}

/// `POST /api/v2/public/session-token/revoke`: revokes the presented token.
pub async fn revoke(State(state): State<SandboxState>, session: Session) -> Json<RevokeResult> {
    let revoked = {
        let mut data = state.write();
        data.tokens
            .get_mut(&session.token)
            .map(|record| record.revoked = true)
            .is_some()
    };
    state.persist().await;
    Json(RevokeResult {
        success: true,
        revoked_count: u64::from(revoked),
    })
}
