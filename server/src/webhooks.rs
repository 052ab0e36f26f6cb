//! `POST /webhooks/cobalt`: Cobalt's connection events (Created, Deleted, Expired).
//!
//! Each request must carry `x-cobalt-signature`, the lowercase hex HMAC-SHA256 of the raw body
//! keyed with the org API key, compared in constant time. A verified event makes every
//! instance's next read of its linked account load afresh, so the next page view shows the new
//! status, and is pushed to the account's open tabs on every instance (`GET /events`). Acknowledged
//! and ignored: a redelivery of an event already handled (on any instance), an event older
//! than one already applied for the same app (Cobalt may deliver out of order), and events
//! older than [`MAX_AGE_SECS`] or from the future, so a captured webhook cannot be replayed.

use std::net::SocketAddr;

use app::model::{ConnectionStatus, StatusUpdate};
use app::server::AppState;
use app::server::shared::Verdict;

use axum::{
    Extension,
    body::Bytes,
    extract::{ConnectInfo, State},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Response},
};
use cobalt::WebhookEvent;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Largest webhook body accepted; Cobalt's connection events are a few hundred bytes.
pub const MAX_BODY_BYTES: usize = 16 * 1024;
/// Oldest event handled: Cobalt retries a failed delivery 3 times with exponential backoff,
/// well within this.
pub const MAX_AGE_SECS: u64 = 3600;
/// Clock skew tolerated for an event dated in the future.
const FUTURE_SKEW_SECS: u64 = 300;

/// Whether an event dated `created_at` (Unix seconds) may still be handled at `now`.
fn is_fresh(created_at: Option<u64>, now: u64) -> bool {
    created_at
        .is_some_and(|at| at <= now + FUTURE_SKEW_SECS && now.saturating_sub(at) <= MAX_AGE_SECS)
}

/// Whether `signature` (hex) is the HMAC-SHA256 of `body` under `key`, in constant time.
pub fn signature_is_valid(key: &[u8], body: &[u8], signature: &str) -> bool {
    let Ok(expected) = hex::decode(signature.trim()) else {
        return false;
    };
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(key) else {
        return false;
    };
    mac.update(body);
    mac.verify_slice(&expected).is_ok()
}

pub async fn receive(
    State(state): State<AppState>,
    peer: Option<Extension<ConnectInfo<crate::listener::Peer>>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let peer = peer.map(|Extension(ConnectInfo(peer))| peer.0);
    handle(&state, peer, &headers, &body).await
}

async fn handle(
    state: &AppState,
    peer: Option<SocketAddr>,
    headers: &HeaderMap,
    body: &[u8],
) -> Response {
    if body.len() > MAX_BODY_BYTES {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    }
    let signature = headers
        .get("x-cobalt-signature")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if !signature_is_valid(state.config.cobalt_api_key.as_bytes(), body, signature) {
        // Only refusals spend the address's budget: a flood of forgeries gets 429, while
        // Cobalt's own deliveries, however many, are always read.
        let address = crate::limits::address_of(state.config.proxy_hops, headers, peer);
        if let Err(error) = state.limits.spend_address(&address).await {
            // Cobalt reads the answer, not a person: English.
            return crate::limits::refuse(
                state,
                app::i18n::Locale::En,
                crate::csrf::WEBHOOK_PATH,
                &error,
            );
        }
        tracing::warn!("webhook refused: missing or bad signature");
        return StatusCode::UNAUTHORIZED.into_response();
    }
    let event: cobalt::ConnectionEvent = match serde_json::from_slice(body) {
        Ok(event) => event,
        Err(_) => {
            // Workflow events and future event types are acknowledged, so Cobalt stops retrying.
            tracing::debug!("webhook ignored: not a connection event");
            return StatusCode::OK.into_response();
        }
    };
    let Some(at) = event
        .created_at_unix()
        .filter(|at| is_fresh(Some(*at), app::server::identity::now_secs()))
    else {
        tracing::info!(created_at = %event.created_at, "webhook ignored: too old or from the future");
        return StatusCode::OK.into_response();
    };
    let id = format!(
        "{}|{}|{}|{}",
        event.event.as_str(),
        event.linked_account_id,
        event.slug,
        event.created_at
    );
    let scope = format!("{}/{}", event.linked_account_id, event.slug);
    // Past `at + MAX_AGE_SECS` the event is refused as too old: no need to remember it longer.
    match state
        .shared
        .webhook(&id, &scope, at, at + MAX_AGE_SECS)
        .await
    {
        Verdict::Apply => {}
        Verdict::Redelivery => {
            tracing::debug!("webhook redelivery ignored");
            return StatusCode::OK.into_response();
        }
        Verdict::Stale => {
            tracing::info!(slug = %event.slug, "webhook ignored: a newer event for this app was applied");
            return StatusCode::OK.into_response();
        }
    }
    tracing::info!(event = event.event.as_str(), slug = %event.slug, "connection event");
    app::server::accounts::changed(state, &event.linked_account_id).await;
    // One connection per app, the tab's model: its event says the app's new status. (An app
    // with several connections, Cobalt's multi-auth, would need Cobalt asked afresh.)
    let status = match event.event {
        WebhookEvent::ConnectionCreated => Some(
            app::server::setup::connected_status(state, &event.linked_account_id, &event.slug)
                .await,
        ),
        WebhookEvent::ConnectionDeleted => Some(ConnectionStatus::Available),
        WebhookEvent::ConnectionExpired => Some(ConnectionStatus::NeedsReconnect),
        _ => None,
    };
    if let Some(status) = status {
        let update = StatusUpdate {
            slug: event.slug,
            status,
        };
        state
            .shared
            .publish_status(&event.linked_account_id, update)
            .await;
    }
    StatusCode::OK.into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_verify_only_for_the_same_key_and_body() {
        let mut mac = Hmac::<Sha256>::new_from_slice(b"tk_key").unwrap();
        mac.update(b"{}");
        let signature = hex::encode(mac.finalize().into_bytes());
        assert!(signature_is_valid(b"tk_key", b"{}", &signature));
        assert!(!signature_is_valid(b"tk_other", b"{}", &signature));
        assert!(!signature_is_valid(b"tk_key", b"{ }", &signature));
        assert!(!signature_is_valid(b"tk_key", b"{}", "zz"));
        assert!(!signature_is_valid(b"tk_key", b"{}", ""));
    }

    #[test]
    fn only_recent_events_are_fresh() {
        let now = 1_800_000_000;
        assert!(is_fresh(Some(now), now));
        assert!(is_fresh(Some(now - MAX_AGE_SECS), now));
        assert!(!is_fresh(Some(now - MAX_AGE_SECS - 1), now));
        assert!(is_fresh(Some(now + 60), now));
        assert!(!is_fresh(Some(now + 3600), now));
        assert!(!is_fresh(None, now), "an unreadable date is not trusted");
    }
}
