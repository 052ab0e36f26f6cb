//! `POST /integrations/{slug}/config`: saves the configuration form posted without JavaScript.

use app::model::config_form::ConfigDraft;
use app::server::{AppState, configure, identity};
use axum::{
    Form,
    extract::{Path, State},
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};

use crate::auth::{landing, render_page};

/// Saves the whole posted state, then shows the saved form (`?saved=1`). A failure renders the
/// page again with every value typed (secrets aside) and what to fix.
pub async fn save(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
    Form(form): Form<Vec<(String, String)>>,
) -> Response {
    let detail = format!("/integrations/{slug}");
    let Some(identity) = identity::read(&state.config, &headers) else {
        return Redirect::to(&landing(&state, &detail)).into_response();
    };
    if app::model::validate_slug(&slug).is_err() {
        return StatusCode::NOT_FOUND.into_response();
    }
    let config_id = form
        .iter()
        .find(|(name, _)| name == "config_id")
        .map(|(_, id)| id.trim())
        .filter(|id| !id.is_empty());
    // The default config's id is the account's own: it needs no `?config=`.
    let named = config_id.filter(|id| *id != identity.account_id);
    let config_id = match named.map(app::model::validate_config_id).transpose() {
        Ok(id) => id,
        Err(message) => return (StatusCode::UNPROCESSABLE_ENTITY, message).into_response(),
    };
    let query = config_id
        .as_ref()
        .map(|id| {
            format!(
                "config={}&",
                form_urlencoded::byte_serialize(id.as_bytes()).collect::<String>()
            )
        })
        .unwrap_or_default();
    match configure::save(&state, &identity, &slug, config_id.as_deref(), &form).await {
        Ok(()) => Redirect::to(&format!("{detail}?{query}saved=1#configuration")).into_response(),
        Err((status, draft)) => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_GATEWAY);
            let path = format!("{detail}?{}", query.trim_end_matches('&'));
            render_page(
                &state,
                &path,
                status,
                ConfigDraft(draft),
                headers.get(header::COOKIE),
            )
            .await
        }
    }
}
