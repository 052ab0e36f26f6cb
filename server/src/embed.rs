//! The host app's hand-off: `GET /embed?token=…`, and `POST /embed/continue` when another
//! account was signed in and the user agreed to switch.
//!
//! A token is accepted only from the embedding context: inside an iframe (which the CSP's
//! `frame-ancestors` restricts to the host), or on a navigation whose `Referer` is one of
//! `EMBED_ORIGINS`. A link mailed or pasted by someone else therefore signs nobody in. Each
//! token is spent on first use.

use app::pages::{EmbedFailure, EmbedSwitch};
use app::server::embed::{EmbedClaims, EmbedError, Expected};
use app::server::identity::{Sealed, now_secs};
use app::server::{AppState, Identity, embed};
use axum::{
    Extension,
    extract::{Query, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use serde::Deserialize;

use crate::render::render_page;
use crate::session::{end, sign_in};

#[derive(Debug, Deserialize)]
pub struct EmbedQuery {
    token: Option<String>,
}

/// `GET /embed?token=…`.
pub async fn embed(
    State(state): State<AppState>,
    current: Option<Extension<Identity>>,
    headers: HeaderMap,
    Query(query): Query<EmbedQuery>,
) -> Response {
    let claims = match accept(&state, &headers, query.token.as_deref()).await {
        Ok(claims) => claims,
        Err(err) => return refused(&state, StatusCode::UNAUTHORIZED, err.to_string()).await,
    };
    match current {
        // Someone else is signed in here: ask before switching.
        Some(Extension(current)) if current.account_id != claims.customer_id => {
            let Ok(pending) = serde_json::to_string(&claims) else {
                return StatusCode::INTERNAL_SERVER_ERROR.into_response();
            };
            let lifetime =
                std::time::Duration::from_secs(claims.expires_at.saturating_sub(now_secs()));
            let cookie = Sealed::PendingEmbed.seal(&state.config, pending, lifetime);
            let switch = EmbedSwitch {
                current: current.name.clone(),
                next: claims.name.clone(),
            };
            let mut response = render_page(
                &state,
                "/embed/switch",
                StatusCode::OK,
                switch,
                Some(&current),
            )
            .await;
            if let Ok(value) = HeaderValue::from_str(&cookie) {
                response.headers_mut().append(header::SET_COOKIE, value);
            }
            response
        }
        current => complete(&state, claims, current.map(|c| c.0)).await,
    }
}

/// `POST /embed/continue`: the "Continue as …?" form; switches to the pending hand-off.
pub async fn continue_as(
    State(state): State<AppState>,
    current: Option<Extension<Identity>>,
    headers: HeaderMap,
) -> Response {
    let pending = Sealed::PendingEmbed
        .open(&state.config, &headers)
        .and_then(|json| serde_json::from_str::<EmbedClaims>(&json).ok())
        .filter(|claims| claims.expires_at >= now_secs());
    let Some(claims) = pending else {
        return refused(
            &state,
            StatusCode::UNAUTHORIZED,
            EmbedError::Expired.to_string(),
        )
        .await;
    };
    let mut response = complete(&state, claims, current.map(|c| c.0)).await;
    if let Ok(value) = HeaderValue::from_str(&Sealed::PendingEmbed.removal(&state.config)) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

/// Verifies the token, checks where it comes from and spends it.
async fn accept(
    state: &AppState,
    headers: &HeaderMap,
    token: Option<&str>,
) -> Result<EmbedClaims, EmbedError> {
    let secret = state
        .config
        .embed_secret
        .as_ref()
        .ok_or(EmbedError::NotConfigured)?;
    let token = token.filter(|t| !t.is_empty()).ok_or(EmbedError::Missing)?;
    let claims = embed::verify(
        token,
        Expected {
            secret: secret.expose().as_bytes(),
            audience: &state.config.embed_audience,
            now: now_secs(),
        },
    )?;
    if !from_embedding_context(&state.config.embed_origins, headers) {
        return Err(EmbedError::WrongContext);
    }
    match state
        .shared
        .spend_embed_token(&claims.jti, claims.expires_at)
        .await
    {
        Ok(true) => Ok(claims),
        Ok(false) => Err(EmbedError::Replayed),
        Err(_) => Err(EmbedError::Busy),
    }
}

/// Inside an iframe, or navigated to from one of the host's origins. A framed request's
/// `Referer`, when it has one, must name an allowed origin too.
pub fn from_embedding_context(origins: &[String], headers: &HeaderMap) -> bool {
    let referer = headers
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(app::server::config::origin_of);
    let framed = headers
        .get("sec-fetch-dest")
        .is_some_and(|dest| dest == "iframe");
    match referer {
        Some(origin) => origins.iter().any(|allowed| allowed == origin),
        None => framed,
    }
}

/// Upserts the linked account and signs in; a session of another account ends first.
async fn complete(state: &AppState, claims: EmbedClaims, current: Option<Identity>) -> Response {
    if let Err(err) = app::server::accounts::upsert(
        state,
        &claims.customer_id,
        &claims.name,
        claims.email.as_deref(),
    )
    .await
    {
        tracing::warn!(error = %err, "embed: upserting the linked account failed");
        let reason = "the integrations service did not answer; please try again".to_owned();
        return refused(state, StatusCode::BAD_GATEWAY, reason).await;
    }
    if let Some(current) = current {
        end(state, &current).await;
    }
    let identity = Identity::new(&state.config, claims.customer_id, claims.name, true);
    sign_in(state, &identity, "/integrations")
}

async fn refused(state: &AppState, status: StatusCode, reason: String) -> Response {
    tracing::info!(%reason, "embed hand-off refused");
    render_page(state, "/embed/refused", status, EmbedFailure(reason), None).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        pairs
            .iter()
            .map(|(k, v)| {
                (
                    header::HeaderName::from_static(k),
                    HeaderValue::from_str(v).unwrap(),
                )
            })
            .collect()
    }

    #[test]
    fn only_the_host_or_a_frame_may_hand_off() {
        let origins = ["https://app.example.com".to_owned()];
        let from_host = headers(&[("referer", "https://app.example.com/settings")]);
        assert!(from_embedding_context(&origins, &from_host));
        let framed = headers(&[("sec-fetch-dest", "iframe")]);
        assert!(from_embedding_context(&origins, &framed));
        let framed_elsewhere = headers(&[
            ("sec-fetch-dest", "iframe"),
            ("referer", "https://evil.example/"),
        ]);
        assert!(!from_embedding_context(&origins, &framed_elsewhere));
        let pasted = headers(&[("sec-fetch-dest", "document")]);
        assert!(!from_embedding_context(&origins, &pasted));
        let lookalike = headers(&[("referer", "https://app.example.com.evil.example/")]);
        assert!(!from_embedding_context(&origins, &lookalike));
    }
}
