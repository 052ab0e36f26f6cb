//! Org-level routes: webhook registration (API key) and the org basics cobalt-js can ask for.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use cobalt::{Webhook, WebhookEvent};
use serde_json::{Value, json};

use crate::auth::{AccountScope, ApiKey, Session};
use crate::clock::iso_now;
use crate::config::is_http_url;
use crate::error::ApiError;
use crate::extract::JsonBody;
use crate::ids::object_id;
use crate::state::{ORG_ID, ORG_NAME, SandboxState};
use crate::views::{account_not_found, linked_account};

/// `POST /api/v2/public/webhook`: registers a URL for some events. Registering the same URL
/// again in the same environment replaces its events rather than adding a second webhook.
pub async fn register_webhook(
    State(state): State<SandboxState>,
    key: ApiKey,
    JsonBody(body): JsonBody<Value>,
) -> Result<Json<Webhook>, ApiError> {
    let url = body
        .get("webhook_url")
        .and_then(Value::as_str)
        .filter(|url| is_http_url(url) && url.len() <= 2048)
        .ok_or_else(|| ApiError::bad_request("webhook_url must be an http(s) URL"))?
        .to_owned();
    let invalid_event = || {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "INVALID_EVENT",
            "Invalid event. Check events list in documentation.",
        )
    };
    let names = body
        .get("webhook_events")
        .and_then(Value::as_array)
        .ok_or_else(invalid_event)?;
    let mut events = Vec::new();
    for name in names {
        let event = name
            .as_str()
            .map(WebhookEvent::from)
            .ok_or_else(invalid_event)?;
        if matches!(event, WebhookEvent::Other(_)) {
            return Err(invalid_event());
        }
        if !events.contains(&event) {
            events.push(event);
        }
    }
    if events.is_empty() {
        return Err(invalid_event());
    }
    let webhook_type = match body.get("webhook_type") {
        None | Some(Value::Null) => "default".to_owned(),
        Some(Value::String(kind)) => kind.clone(),
        Some(_) => return Err(ApiError::bad_request("webhook_type must be a string")),
    };
    let webhook = {
        let mut data = state.write();
        let now = iso_now();
        let existing = data
            .webhooks
            .iter_mut()
            .find(|hook| hook.environment == key.environment && hook.webhook_url == url);
        match existing {
            Some(hook) => {
                hook.webhook_events = events;
                hook.webhook_type = webhook_type;
                hook.is_enabled = true;
                hook.updated_at = now;
                hook.revision += 1;
                hook.clone()
            }
            None => {
                let hook = Webhook {
                    id: object_id(),
                    org_id: ORG_ID.to_owned(),
                    environment: key.environment.clone(),
                    is_enabled: true,
                    webhook_events: events,
                    workflow_ids: Vec::new(),
                    webhook_url: url,
                    webhook_body: "{{event}}".to_owned(),
                    method: "POST".to_owned(),
                    webhook_type,
                    created_at: now.clone(),
                    updated_at: now,
                    revision: 0,
                };
                data.webhooks.push(hook.clone());
                hook
            }
        }
    };
    state.persist().await;
    Ok(Json(webhook))
}

/// `GET /api/v3/org/basics` (session): undocumented by Cobalt; the sandbox answers the org, the
/// environment and the session's linked account.
pub async fn basics(
    State(state): State<SandboxState>,
    session: Session,
) -> Result<Json<Value>, ApiError> {
    let scope = AccountScope::from(session);
    let data = state.read();
    let account = data
        .account(&scope.environment, &scope.account_id)
        .ok_or_else(|| account_not_found(&scope))?;
    Ok(Json(json!({
        "org": { "_id": ORG_ID, "name": ORG_NAME },
        "environment": scope.environment,
        "linked_account": linked_account(&state, account),
    })))
}
