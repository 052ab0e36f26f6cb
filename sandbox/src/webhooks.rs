//! Outgoing webhooks: Connection Created / Deleted / Expired, posted as Cobalt posts them
//! (JSON, `x-cobalt-signature` = lowercase hex HMAC-SHA256 of the body keyed with the org's
//! API key) and retried up to 3 times with exponential backoff.

use std::time::Duration;

use cobalt::{ConnectionEvent, Environment, WebhookEvent};

use crate::auth::hmac_sha256;
use crate::clock::rfc1123_now;
use crate::state::{ORG_ID, SandboxState};

/// Retries after the first attempt.
const RETRIES: u32 = 3;
/// Wait before the first retry; doubled for each next one.
const FIRST_BACKOFF: Duration = Duration::from_millis(500);

/// The signature header value for `body` keyed with `key`.
pub fn signature(key: &str, body: &[u8]) -> String {
    hmac_sha256(key.as_bytes(), body)
        .map(hex::encode)
        .unwrap_or_default()
}

/// Posts a connection event to every URL configured at start and every webhook registered
/// for the event in that environment. Deliveries run in the background.
pub fn emit(
    state: &SandboxState,
    environment: &Environment,
    account_id: &str,
    slug: &str,
    event: WebhookEvent,
) {
    let payload = ConnectionEvent {
        linked_account_id: account_id.to_owned(),
        org_id: ORG_ID.to_owned(),
        environment: environment.clone(),
        event_type: "General".to_owned(),
        event: event.clone(),
        slug: slug.to_owned(),
        created_at: rfc1123_now(),
    };
    let Ok(body) = serde_json::to_vec(&payload) else {
        return;
    };
    let mut urls = state.settings().webhook_urls.clone();
    urls.extend(
        state
            .read()
            .webhooks
            .iter()
            .filter(|hook| {
                hook.is_enabled
                    && hook.environment == *environment
                    && hook.webhook_events.contains(&event)
            })
            .map(|hook| hook.webhook_url.clone()),
    );
    urls.dedup();
    let signature = signature(state.signing_key(environment), &body);
    for url in urls {
        let id = state
            .runtime()
            .start_delivery(&url, event.as_str(), slug, account_id);
        tokio::spawn(deliver(
            state.clone(),
            id,
            url,
            body.clone(),
            signature.clone(),
        ));
    }
}

async fn deliver(state: SandboxState, id: u64, url: String, body: Vec<u8>, signature: String) {
    let mut backoff = FIRST_BACKOFF;
    for attempt in 0..=RETRIES {
        if attempt > 0 {
            tokio::time::sleep(backoff).await;
            backoff *= 2;
        }
        let result = state
            .http()
            .post(&url)
            .header("content-type", "application/json")
            .header("x-cobalt-signature", &signature)
            .body(body.clone())
            .send()
            .await;
        let (status, error) = match result {
            Ok(response) => (Some(response.status().as_u16()), None),
            Err(err) => (None, Some(err.to_string())),
        };
        let delivered = status.is_some_and(|status| (200..300).contains(&status));
        if let Some(delivery) = state.runtime().delivery_mut(id) {
            delivery.attempts = attempt + 1;
            delivery.last_status = status;
            delivery.last_error = error;
            if delivered {
                delivery.status = "delivered";
            } else if attempt == RETRIES {
                delivery.status = "failed";
            }
        }
        if delivered {
            return;
        }
    }
    tracing::warn!(%url, "webhook delivery failed after {} attempts", RETRIES + 1);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_are_lowercase_hex_hmac_sha256() {
        // RFC 4231 test case 2.
        assert_eq!(
            signature("Jefe", b"what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }
}
