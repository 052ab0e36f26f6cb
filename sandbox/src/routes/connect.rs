//! Connecting and disconnecting apps: OAuth URLs (session and API-key variants), key-based
//! credential saves (both variants) and disconnects (both variants).

use axum::Json;
use axum::extract::{Path, State};
use axum::http::Method;
use cobalt::{AuthType, AuthUrl, LinkedAccount, SaveResult, WebhookEvent};
use serde_json::{Map, Value};

use crate::auth::{AccountScope, Session};
use crate::catalog::CatalogApp;
use crate::clock::unix_now;
use crate::config::origin_of;
use crate::error::ApiError;
use crate::extract::{JsonBody, QueryParams};
use crate::ids::opaque_token;
use crate::state::SandboxState;
use crate::store::PendingConsent;
use crate::views::{account_not_found, app_not_found, linked_account};
use crate::webhooks;

/// A consent link works for this long.
const CONSENT_TTL_SECS: u64 = 15 * 60;

/// Any credential value equal to this makes the sandbox's "provider" reject the credentials,
/// so tests can script Cobalt's verification failure.
pub const INVALID_CREDENTIAL: &str = "sandbox-invalid";

fn oauth_app<'a>(state: &'a SandboxState, slug: &str) -> Result<&'a CatalogApp, ApiError> {
    let app = state
        .catalog()
        .get(slug)
        .ok_or_else(|| app_not_found(slug))?;
    if app.auth_type != AuthType::OAuth2 {
        return Err(ApiError::bad_request(format!(
            "Application {slug} does not support OAuth2"
        )));
    }
    Ok(app)
}

/// Starts a consent for the account and returns the URL of the sandbox's consent page.
fn start_consent(
    state: &SandboxState,
    scope: &AccountScope,
    slug: &str,
    redirect_uri: Option<&str>,
) -> Result<AuthUrl, ApiError> {
    let app = oauth_app(state, slug)?;
    let redirect_uri = match redirect_uri.filter(|uri| !uri.is_empty()) {
        Some(uri) => {
            let allowed = origin_of(uri).is_some_and(|origin| state.is_allowed_origin(origin));
            if !allowed {
                return Err(ApiError::bad_request(
                    "redirect_uri must be an http(s) URL on an allowed origin (SANDBOX_ALLOWED_ORIGINS)",
                ));
            }
            Some(uri.to_owned())
        }
        None => None,
    };
    let consent_state = opaque_token::<16>();
    {
        let mut data = state.write();
        data.account(&scope.environment, &scope.account_id)
            .ok_or_else(|| account_not_found(scope))?;
        let now = unix_now();
        data.consents.retain(|_, consent| consent.expires_at > now);
        data.consents.insert(
            consent_state.clone(),
            PendingConsent {
                environment: scope.environment.clone(),
                account_id: scope.account_id.clone(),
                slug: app.slug.clone(),
                redirect_uri,
                expires_at: now + CONSENT_TTL_SECS,
            },
        );
    }
    Ok(AuthUrl {
        auth_url: format!(
            "{}/emulator/oauth/{}/authorize?state={consent_state}",
            state.settings().base_url,
            app.slug
        ),
    })
}

/// `GET|POST /api/v1/{slug}/integrate` (session): prerequisite parameters come as the query
/// (GET, cobalt-js 8/9) or a JSON body (POST, refold-js 10); `redirect_uri` is the only one
/// the sandbox reads.
pub async fn integrate(
    State(state): State<SandboxState>,
    session: Session,
    method: Method,
    Path(slug): Path<String>,
    query: QueryParams,
    JsonBody(body): JsonBody<Map<String, Value>>,
) -> Result<Json<AuthUrl>, ApiError> {
    let from_body = body
        .get("redirect_uri")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let redirect_uri = if method == Method::POST {
        from_body
    } else {
        query.get("redirect_uri").map(str::to_owned)
    };
    let auth_url = start_consent(&state, &session.into(), &slug, redirect_uri.as_deref())?;
    state.persist().await;
    Ok(Json(auth_url))
}

/// `GET /api/v2/public/linked-account/integration/oauth-url/{slug}` (API key).
pub async fn oauth_url(
    State(state): State<SandboxState>,
    scope: AccountScope,
    Path(slug): Path<String>,
    query: QueryParams,
) -> Result<Json<AuthUrl>, ApiError> {
    let auth_url = start_consent(&state, &scope, &slug, query.get("redirect_uri"))?;
    state.persist().await;
    Ok(Json(auth_url))
}

/// Checks credentials like a provider would and connects the app.
async fn save_credentials(
    state: &SandboxState,
    scope: &AccountScope,
    slug: &str,
    credentials: &Map<String, Value>,
) -> Result<Json<SaveResult>, ApiError> {
    let app = state
        .catalog()
        .get(slug)
        .ok_or_else(|| app_not_found(slug))?;
    if app.auth_type != AuthType::KeyBased {
        return Err(ApiError::bad_request(format!(
            "Application {slug} does not support key-based auth"
        )));
    }
    let mut values = Map::new();
    for (name, value) in credentials {
        let text = match value {
            Value::String(text) => text.clone(),
            Value::Number(number) => number.to_string(),
            Value::Bool(flag) => flag.to_string(),
            Value::Null => continue,
            _ => return Err(ApiError::bad_request(format!("{name} must be a string"))),
        };
        values.insert(name.clone(), Value::String(text));
    }
    let filled = |name: &str| {
        values
            .get(name)
            .and_then(Value::as_str)
            .is_some_and(|text| !text.trim().is_empty())
    };
    if let Some(missing) = app.required_inputs().find(|input| !filled(&input.name)) {
        return Err(ApiError::bad_request(format!(
            "{} ({}) is required",
            missing.label, missing.name
        )));
    }
    if values
        .values()
        .any(|value| value.as_str() == Some(INVALID_CREDENTIAL))
    {
        return Err(ApiError::internal(format!(
            "Failed to verify credentials: {} rejected them (401 Unauthorized)",
            app.name
        )));
    }
    let identifier = app
        .sandbox_identifier_input
        .as_deref()
        .and_then(|name| values.get(name))
        .filter(|value| value.as_str().is_some_and(|text| !text.trim().is_empty()))
        .cloned()
        .unwrap_or_else(|| Value::from("NA"));
    {
        let mut data = state.write();
        let account = data
            .account_mut(&scope.environment, &scope.account_id)
            .ok_or_else(|| account_not_found(scope))?;
        account.connect(&app.slug, AuthType::KeyBased, identifier);
    }
    webhooks::emit(
        state,
        &scope.environment,
        &scope.account_id,
        &app.slug,
        WebhookEvent::ConnectionCreated,
    );
    state.persist().await;
    Ok(Json(SaveResult { success: true }))
}

/// `POST /api/v2/app/{slug}/save` (session): what cobalt-js `connect(slug, payload)` calls.
pub async fn save_session(
    State(state): State<SandboxState>,
    session: Session,
    Path(slug): Path<String>,
    JsonBody(credentials): JsonBody<Map<String, Value>>,
) -> Result<Json<SaveResult>, ApiError> {
    save_credentials(&state, &session.into(), &slug, &credentials).await
}

/// `PUT /api/v2/public/linked-account/integration/save-key-credentials/{slug}` (API key).
pub async fn save_public(
    State(state): State<SandboxState>,
    scope: AccountScope,
    Path(slug): Path<String>,
    JsonBody(credentials): JsonBody<Map<String, Value>>,
) -> Result<Json<SaveResult>, ApiError> {
    save_credentials(&state, &scope, &slug, &credentials).await
}

/// Removes the connection and the app's configs; succeeds when nothing was connected.
async fn disconnect(
    state: &SandboxState,
    scope: &AccountScope,
    slug: &str,
    query: &QueryParams,
) -> Result<Json<LinkedAccount>, ApiError> {
    let app = state
        .catalog()
        .get(slug)
        .ok_or_else(|| app_not_found(slug))?;
    let auth_type = query
        .get("auth_type")
        .filter(|auth| !auth.is_empty())
        .map(AuthType::from);
    let (view, removed) = {
        let mut data = state.write();
        let account = data
            .account_mut(&scope.environment, &scope.account_id)
            .ok_or_else(|| account_not_found(scope))?;
        let removed = account.disconnect(&app.slug, auth_type.as_ref());
        // Configs go with the app once no connection remains, even if it was never connected.
        if !account.connections.contains_key(&app.slug) {
            account.configs.remove(&app.slug);
        }
        (linked_account(state, account), removed)
    };
    if removed {
        webhooks::emit(
            state,
            &scope.environment,
            &scope.account_id,
            &app.slug,
            WebhookEvent::ConnectionDeleted,
        );
    }
    state.persist().await;
    Ok(Json(view))
}

/// `DELETE /api/v1/linked-acc/integration/{slug}` (session): cobalt-js `disconnect(slug)`.
pub async fn disconnect_session(
    State(state): State<SandboxState>,
    session: Session,
    Path(slug): Path<String>,
    query: QueryParams,
) -> Result<Json<LinkedAccount>, ApiError> {
    disconnect(&state, &session.into(), &slug, &query).await
}

/// `DELETE /api/v2/public/linked-account/integration/{slug}?linked_account_id=` (API key).
pub async fn disconnect_public(
    State(state): State<SandboxState>,
    scope: AccountScope,
    Path(slug): Path<String>,
    query: QueryParams,
) -> Result<Json<LinkedAccount>, ApiError> {
    disconnect(&state, &scope, &slug, &query).await
}
