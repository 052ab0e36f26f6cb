//! The catalog for a linked account: the API-key routes (`/api/v2/public/application`) and the
//! session routes cobalt-js calls (`/api/v2/f-sdk/application`).

use axum::Json;
use axum::extract::{Path, State};
use cobalt::Application;

use crate::auth::{AccountScope, Session};
use crate::error::ApiError;
use crate::extract::QueryParams;
use crate::state::SandboxState;
use crate::views::{account_not_found, app_not_found, application};

/// `GET /api/v2/public/application`: every enabled app, with the optional filters `slug`,
/// `tags` (comma-separated, any of), `auth_type` and `ecosystem`.
pub async fn list(
    State(state): State<SandboxState>,
    scope: AccountScope,
    query: QueryParams,
) -> Result<Json<Vec<Application>>, ApiError> {
    list_for(&state, &scope, &query).map(Json)
}

/// `GET /api/v2/public/application/{slug}`.
pub async fn get(
    State(state): State<SandboxState>,
    scope: AccountScope,
    Path(slug): Path<String>,
) -> Result<Json<Application>, ApiError> {
    get_for(&state, &scope, &slug).map(Json)
}

/// `GET /api/v2/f-sdk/application`.
pub async fn list_session(
    State(state): State<SandboxState>,
    session: Session,
    query: QueryParams,
) -> Result<Json<Vec<Application>>, ApiError> {
    list_for(&state, &session.into(), &query).map(Json)
}

/// `GET /api/v2/f-sdk/application/{slug}`: what cobalt-js polls while an OAuth popup is open.
pub async fn get_session(
    State(state): State<SandboxState>,
    session: Session,
    Path(slug): Path<String>,
) -> Result<Json<Application>, ApiError> {
    get_for(&state, &session.into(), &slug).map(Json)
}

fn list_for(
    state: &SandboxState,
    scope: &AccountScope,
    query: &QueryParams,
) -> Result<Vec<Application>, ApiError> {
    let data = state.read();
    let account = data
        .account(&scope.environment, &scope.account_id)
        .ok_or_else(|| account_not_found(scope))?;
    let tags: Vec<String> = query
        .get("tags")
        .map(|tags| {
            tags.split(',')
                .map(|tag| tag.trim().to_lowercase())
                .filter(|tag| !tag.is_empty())
                .collect()
        })
        .unwrap_or_default();
    // No seeded app is an "ecosystem" app, so asking for only those yields none.
    let ecosystem_only = query.flag("ecosystem");
    Ok(state
        .catalog()
        .apps()
        .iter()
        .filter(|app| query.get("slug").is_none_or(|slug| slug == app.slug))
        .filter(|app| {
            query
                .get("auth_type")
                .is_none_or(|auth| auth == app.auth_type.as_str())
        })
        .filter(|app| {
            tags.is_empty()
                || app
                    .tags
                    .iter()
                    .any(|tag| tags.contains(&tag.to_lowercase()))
        })
        .filter(|_| !ecosystem_only)
        .map(|app| application(state, app, account))
        .collect())
}

fn get_for(
    state: &SandboxState,
    scope: &AccountScope,
    slug: &str,
) -> Result<Application, ApiError> {
    let data = state.read();
    let account = data
        .account(&scope.environment, &scope.account_id)
        .ok_or_else(|| account_not_found(scope))?;
    let app = state
        .catalog()
        .get(slug)
        .ok_or_else(|| app_not_found(slug))?;
    Ok(application(state, app, account))
}
