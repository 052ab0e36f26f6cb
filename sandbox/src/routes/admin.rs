//! The admin API under `/_sandbox/`, guarded by a configured API key: fault injection, the rate
//! limit, expiring connections, revoking and expiring tokens, counters, webhook deliveries and
//! reset. Documented route by route in the crate docs and `sandbox/README.md`.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use cobalt::{Application, ConnectionStatus, WebhookEvent};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::auth::{AccountScope, ApiKey};
use crate::clock::{iso_now, unix_now};
use crate::error::ApiError;
use crate::extract::{JsonBody, QueryParams};
use crate::runtime::{Fault, FaultSpec, RateLimitSettings, RateLimiter};
use crate::state::SandboxState;
use crate::views::{account_not_found, app_not_found, application};
use crate::webhooks;

/// `GET /_sandbox/health`: no key needed; for scripts waiting for the sandbox.
pub async fn health() -> Json<Value> {
    Json(json!({ "status": "ok" }))
}

/// `POST /_sandbox/faults`. A fault naming a `linked_account_id` is scoped to that account in
/// the key's environment; the account need not exist yet (a test may fault its sign-up).
pub async fn add_fault(
    State(state): State<SandboxState>,
    key: ApiKey,
    JsonBody(spec): JsonBody<FaultSpec>,
) -> Result<(StatusCode, Json<Fault>), ApiError> {
    if spec.path.is_empty() {
        return Err(ApiError::bad_request("path must not be empty"));
    }
    if spec
        .linked_account_id
        .as_deref()
        .is_some_and(|id| id.trim().is_empty())
    {
        return Err(empty_account());
    }
    if spec.status.is_none() && spec.latency_ms.is_none() {
        return Err(ApiError::bad_request(
            "give a status, a latency_ms, or both",
        ));
    }
    if let Some(status) = spec.status
        && !(400..=599).contains(&status)
    {
        return Err(ApiError::bad_request(
            "status must be an error status (400-599)",
        ));
    }
    if spec.latency_ms.is_some_and(|millis| millis > 60_000) {
        return Err(ApiError::bad_request("latency_ms must be at most 60000"));
    }
    if spec.count == 0 {
        return Err(ApiError::bad_request("count must be at least 1"));
    }
    let fault = state.runtime().add_fault(spec, key.environment);
    Ok((StatusCode::CREATED, Json(fault)))
}

/// An empty `linked_account_id` is refused rather than read as "every account": a test whose
/// account id came out empty would otherwise fault, or clear the faults of, the tests running
/// beside it.
fn empty_account() -> ApiError {
    ApiError::bad_request("linked_account_id must not be empty")
}

/// `GET /_sandbox/faults`.
pub async fn list_faults(State(state): State<SandboxState>, _key: ApiKey) -> Json<Vec<Fault>> {
    Json(state.runtime().faults().to_vec())
}

/// `DELETE /_sandbox/faults`: every fault, or with `?linked_account_id=` only the faults
/// scoped to that account (in the key's environment).
pub async fn clear_faults(
    State(state): State<SandboxState>,
    key: ApiKey,
    query: QueryParams,
) -> Result<Json<Value>, ApiError> {
    let account = match query.get("linked_account_id") {
        Some(id) if id.trim().is_empty() => return Err(empty_account()),
        Some(id) => Some(AccountScope {
            environment: key.environment,
            account_id: id.to_owned(),
        }),
        None => None,
    };
    let cleared = state.runtime().clear_faults(account.as_ref());
    Ok(Json(json!({ "cleared": cleared })))
}

/// `GET /_sandbox/rate-limit`.
pub async fn rate_limit(
    State(state): State<SandboxState>,
    _key: ApiKey,
) -> Json<RateLimitSettings> {
    Json(state.runtime().rate_limit.settings())
}

/// `PUT /_sandbox/rate-limit`.
pub async fn set_rate_limit(
    State(state): State<SandboxState>,
    _key: ApiKey,
    JsonBody(settings): JsonBody<RateLimitSettings>,
) -> Result<Json<RateLimitSettings>, ApiError> {
    let valid = |value: f64| value.is_finite() && (1.0..=100_000.0).contains(&value);
    if !valid(settings.per_second) || !valid(settings.burst) {
        return Err(ApiError::bad_request(
            "per_second and burst must be between 1 and 100000",
        ));
    }
    let mut runtime = state.runtime();
    runtime.rate_limit = RateLimiter::new(settings.enabled, settings.per_second, settings.burst);
    Ok(Json(runtime.rate_limit.settings()))
}

/// The account an admin call names (in the key's environment) and the catalog's app `slug`.
fn account_app<'a>(
    state: &'a SandboxState,
    key: ApiKey,
    linked_account_id: String,
    slug: &str,
) -> Result<(AccountScope, &'a crate::catalog::CatalogApp), ApiError> {
    let app = state
        .catalog()
        .get(slug)
        .ok_or_else(|| app_not_found(slug))?;
    let scope = AccountScope {
        environment: key.environment,
        account_id: linked_account_id,
    };
    Ok((scope, app))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpireConnection {
    linked_account_id: String,
    slug: String,
    /// What the provider said, kept in the audit log (at most 500 characters).
    #[serde(default)]
    reason: Option<String>,
}

/// `POST /_sandbox/connections/expire`: the connection needs re-authorization
/// (`reauth_required: true`, status `expired`), the audit log records it with the reason,
/// and Connection Expired is sent.
pub async fn expire_connection(
    State(state): State<SandboxState>,
    key: ApiKey,
    JsonBody(body): JsonBody<ExpireConnection>,
) -> Result<Json<Application>, ApiError> {
    if body
        .reason
        .as_ref()
        .is_some_and(|reason| reason.chars().count() > 500)
    {
        return Err(ApiError::bad_request("reason: at most 500 characters"));
    }
    let (scope, app) = account_app(&state, key, body.linked_account_id, &body.slug)?;
    let view = {
        let mut data = state.write();
        let account = data
            .account_mut(&scope.environment, &scope.account_id)
            .ok_or_else(|| account_not_found(&scope))?;
        let connection = account.connections.get_mut(&app.slug).ok_or_else(|| {
            ApiError::not_found(format!(
                "{} is not connected for {}",
                app.slug, scope.account_id
            ))
        })?;
        connection.status = ConnectionStatus::Expired;
        connection.updated_at = iso_now();
        account.record("connection.expired", &app.slug, false, (body.reason, None));
        account.touch();
        application(&state, app, account)
    };
    webhooks::emit(
        &state,
        &scope.environment,
        &scope.account_id,
        &app.slug,
        WebhookEvent::ConnectionExpired,
    );
    state.persist().await;
    Ok(Json(view))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AddRuns {
    linked_account_id: String,
    slug: String,
    /// `COMPLETED` (the default), `ERRORED`, `RUNNING`, … (see `runs::STATUSES`).
    #[serde(default)]
    status: Option<String>,
    /// The failing step's message, for `ERRORED` runs.
    #[serde(default)]
    message: Option<String>,
    /// How many runs to add (default 1, at most 10,000), each a second older than the next.
    #[serde(default)]
    count: Option<usize>,
}

/// `POST /_sandbox/executions`: adds runs of the app's first workflow to the account's history,
/// newest last; answers their ids (newest last). The app's seeded history is written first, so
/// the added runs are the latest.
pub async fn add_runs(
    State(state): State<SandboxState>,
    key: ApiKey,
    JsonBody(body): JsonBody<AddRuns>,
) -> Result<Json<Value>, ApiError> {
    let status = body.status.unwrap_or_else(|| "COMPLETED".to_owned());
    if !crate::runs::STATUSES.contains(&status.as_str()) {
        return Err(ApiError::bad_request(format!("unknown status {status}")));
    }
    let count = body.count.unwrap_or(1);
    if !(1..=10_000).contains(&count) {
        return Err(ApiError::bad_request("count: 1 to 10000"));
    }
    let (scope, app) = account_app(&state, key, body.linked_account_id, &body.slug)?;
    let ids: Vec<String> = {
        let mut data = state.write();
        let account = data
            .account_mut(&scope.environment, &scope.account_id)
            .ok_or_else(|| account_not_found(&scope))?;
        crate::runs::seed(account, state.catalog());
        (0..count)
            .rev()
            .map(|ago| {
                let ago = i64::try_from(ago).unwrap_or_default();
                let run = crate::runs::new_run(app, 0, &status, "Event", ago, body.message.clone());
                let id = run.id.clone();
                account.executions.push(run);
                id
            })
            .collect()
    };
    state.persist().await;
    Ok(Json(json!({ "ids": ids })))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenSelector {
    #[serde(default)]
    linked_account_id: Option<String>,
    #[serde(default)]
    token: Option<String>,
}

/// Applies `change` to the tokens the selector names (in the key's environment); returns how
/// many it touched.
async fn change_tokens(
    state: &SandboxState,
    key: &ApiKey,
    selector: TokenSelector,
    change: impl Fn(&mut crate::store::TokenRecord),
) -> Result<usize, ApiError> {
    if selector.linked_account_id.is_none() && selector.token.is_none() {
        return Err(ApiError::bad_request(
            "give linked_account_id, token, or both",
        ));
    }
    let now = unix_now();
    let count = {
        let mut data = state.write();
        let mut count = 0;
        for (token, record) in &mut data.tokens {
            let selected = record.environment == key.environment
                && record.is_usable(now)
                && selector.token.as_ref().is_none_or(|wanted| wanted == token)
                && selector
                    .linked_account_id
                    .as_ref()
                    .is_none_or(|wanted| *wanted == record.account_id);
            if selected {
                change(record);
                count += 1;
            }
        }
        count
    };
    state.persist().await;
    Ok(count)
}

/// `POST /_sandbox/tokens/revoke`.
pub async fn revoke_tokens(
    State(state): State<SandboxState>,
    key: ApiKey,
    JsonBody(selector): JsonBody<TokenSelector>,
) -> Result<Json<Value>, ApiError> {
    let count = change_tokens(&state, &key, selector, |record| record.revoked = true).await?;
    Ok(Json(json!({ "revoked_count": count })))
}

/// `POST /_sandbox/tokens/expire`.
pub async fn expire_tokens(
    State(state): State<SandboxState>,
    key: ApiKey,
    JsonBody(selector): JsonBody<TokenSelector>,
) -> Result<Json<Value>, ApiError> {
    let now = unix_now();
    let count = change_tokens(&state, &key, selector, |record| record.exp = now).await?;
    Ok(Json(json!({ "expired_count": count })))
}

/// `GET /_sandbox/counters`.
pub async fn counters(State(state): State<SandboxState>, _key: ApiKey) -> Json<Value> {
    let routes: BTreeMap<String, u64> = state.runtime().counters.clone();
    let total: u64 = routes.values().sum();
    Json(json!({ "total": total, "routes": routes }))
}

/// `DELETE /_sandbox/counters`.
pub async fn reset_counters(State(state): State<SandboxState>, _key: ApiKey) -> StatusCode {
    state.runtime().counters.clear();
    StatusCode::NO_CONTENT
}

/// `GET /_sandbox/webhooks`: configured URLs, registered webhooks and recent deliveries.
pub async fn webhooks(State(state): State<SandboxState>, _key: ApiKey) -> Json<Value> {
    let registered = state.read().webhooks.clone();
    let deliveries: Vec<_> = state.runtime().deliveries().cloned().collect();
    Json(json!({
        "configured": state.settings().webhook_urls,
        "registered": registered,
        "deliveries": deliveries,
    }))
}

/// `POST /_sandbox/reset`: forgets every account, token, consent and registered webhook and
/// clears faults, the rate limit and counters. Configuration (keys, origins, webhook URLs) stays.
pub async fn reset(State(state): State<SandboxState>, _key: ApiKey) -> Json<Value> {
    state.reset().await;
    Json(json!({ "reset": true }))
}
