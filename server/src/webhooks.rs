//! `POST /webhooks/cobalt`: Cobalt's connection events (Created, Deleted, Expired).
//!
//! Each request must carry `x-cobalt-signature`, the lowercase hex HMAC-SHA256 of the raw body
//! keyed with the org API key, compared in constant time. A verified event clears the cached
//! catalog of its linked account, so the next page view shows the new status, and is pushed
//! to the account's open tabs (`GET /events`). Redeliveries of an event already handled, and
//! events older than [`MAX_AGE_SECS`] or from the future, are acknowledged and ignored: a
//! captured webhook cannot be replayed once it has left the de-duplication memory.

use std::collections::{HashSet, VecDeque};
use std::sync::Mutex;

use app::model::{ConnectionStatus, StatusUpdate};
use app::server::AppState;
use app::server::live::StatusChange;
use std::net::SocketAddr;

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
/// How many recent event ids are remembered for de-duplication.
const REMEMBERED: usize = 4096;
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

/// Event ids already handled, oldest first, bounded.
#[derive(Default)]
pub struct SeenEvents {
    inner: Mutex<(HashSet<String>, VecDeque<String>)>,
}

impl SeenEvents {
    /// Records `id`; `false` when it was seen before.
    fn first_time(&self, id: String) -> bool {
        let mut guard = self
            .inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let (set, order) = &mut *guard;
        if !set.insert(id.clone()) {
            return false;
        }
        order.push_back(id);
        if order.len() > REMEMBERED
            && let Some(oldest) = order.pop_front()
        {
            set.remove(&oldest);
        }
        true
    }
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
    State((state, seen)): State<(AppState, std::sync::Arc<SeenEvents>)>,
    peer: Option<Extension<ConnectInfo<crate::listener::Peer>>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let peer = peer.map(|Extension(ConnectInfo(peer))| peer.0);
    handle(&state, &seen, peer, &headers, &body).await
}

async fn handle(
    state: &AppState,
    seen: &SeenEvents,
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
        if let Err(error) = state.limits.spend_address(&address) {
            return crate::limits::refuse(crate::csrf::WEBHOOK_PATH, &error);
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
    if !is_fresh(event.created_at_unix(), app::server::identity::now_secs()) {
        tracing::info!(created_at = %event.created_at, "webhook ignored: too old or from the future");
        return StatusCode::OK.into_response();
    }
    let id = format!(
        "{}|{}|{}|{}",
        event.event.as_str(),
        event.linked_account_id,
        event.slug,
        event.created_at
    );
    if !seen.first_time(id) {
        tracing::debug!("webhook redelivery ignored");
        return StatusCode::OK.into_response();
    }
    tracing::info!(event = event.event.as_str(), slug = %event.slug, "connection event");
    state.invalidate(&event.linked_account_id);
    // One connection per app, the tab's model: its event says the app's new status. (An app
    // with several connections, Cobalt's multi-auth, would need Cobalt asked afresh.)
    let status = match event.event {
        WebhookEvent::ConnectionCreated => Some(ConnectionStatus::Connected),
        WebhookEvent::ConnectionDeleted => Some(ConnectionStatus::Available),
        WebhookEvent::ConnectionExpired => Some(ConnectionStatus::NeedsReconnect),
        _ => None,
    };
    if let Some(status) = status {
        state.live.publish(StatusChange {
            account_id: event.linked_account_id,
            update: StatusUpdate {
                slug: event.slug,
                status,
            },
        });
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

    #[test]
    fn an_event_is_handled_once_and_memory_stays_bounded() {
        let seen = SeenEvents::default();
        assert!(seen.first_time("a".into()));
        assert!(!seen.first_time("a".into()));
        for i in 0..(REMEMBERED + 10) {
            seen.first_time(i.to_string());
        }
        let guard = seen.inner.lock().unwrap();
        assert!(guard.0.len() <= REMEMBERED && guard.1.len() <= REMEMBERED);
    }
}
