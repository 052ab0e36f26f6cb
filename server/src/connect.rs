//! Connecting without JavaScript, and the redirect fallback of the popup flow:
//! `GET /integrations/{slug}/connect` sends the browser to the provider's consent page, and
//! `POST` saves a key-based app's credentials from a plain form.

use app::model::FormDraft;
use app::server::{AppState, Identity, connect};
use axum::{
    Extension, Form,
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};

use crate::render::{Language, landing, render_page};

/// The signed-in account and the app at `slug`, or the response that answers instead.
async fn account_and_app(
    state: &AppState,
    identity: Option<Extension<Identity>>,
    slug: &str,
) -> Result<(Identity, cobalt::Application), Response> {
    let detail = format!("/integrations/{slug}");
    let Some(Extension(identity)) = identity else {
        return Err(Redirect::to(&landing(state, &detail)).into_response());
    };
    if app::model::validate_slug(slug).is_err() {
        return Err(StatusCode::NOT_FOUND.into_response());
    }
    crate::refuse_unless(&identity, app::model::Change::Connect).map_err(|r| *r)?;
    let apps = state
        .account(&identity)
        .applications()
        .await
        .map_err(|_| Redirect::to(&format!("{detail}?status=unavailable")).into_response())?;
    let app = apps
        .iter()
        .find(|app| app.slug() == Some(slug))
        .cloned()
        .ok_or_else(|| Redirect::to(&detail).into_response())?;
    Ok((identity, app))
}

fn is_oauth(app: &cobalt::Application) -> bool {
    app.auth_type
        .as_ref()
        .is_some_and(|a| a.as_str() == "oauth2")
}

/// `GET /integrations/{slug}/connect`: an OAuth app's consent page, in this tab. Key-based apps
/// are connected with the form on their detail page.
pub async fn start(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    identity: Option<Extension<Identity>>,
) -> Response {
    let (identity, app) = match account_and_app(&state, identity, &slug).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    if !is_oauth(&app) {
        return Redirect::to(&format!("/integrations/{slug}")).into_response();
    }
    match connect::oauth_redirect(&state, &identity, &slug).await {
        Ok(url) => Redirect::to(&url).into_response(),
        Err(_) => Redirect::to(&format!("/integrations/{slug}?status=unavailable")).into_response(),
    }
}

/// `POST /integrations/{slug}/connect`: saves the credentials of a key-based app. A failure
/// renders the detail page again with the form's values (but not its secrets) and the reason.
pub async fn submit(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    identity: Option<Extension<Identity>>,
    Language(locale): Language,
    Form(values): Form<Vec<(String, String)>>,
) -> Response {
    let (identity, app) = match account_and_app(&state, identity, &slug).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    if is_oauth(&app) {
        return Redirect::to(&format!("/integrations/{slug}/connect")).into_response();
    }
    match connect::save_credentials(&state, &identity, &app, &slug, values).await {
        Ok(()) => Redirect::to(&format!("/integrations/{slug}?status=connected")).into_response(),
        Err((status, draft)) => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_GATEWAY);
            render_page::<FormDraft>(
                &state,
                &format!("/integrations/{slug}"),
                status,
                draft,
                Some(&identity),
                locale,
            )
            .await
        }
    }
}

/// `POST /integrations/{slug}/disconnect`: the confirmation page's form. Back to the detail
/// page, which says the app is disconnected; a failure goes back to the confirmation page,
/// which says nothing was disconnected.
pub async fn disconnect(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    identity: Option<Extension<Identity>>,
) -> Response {
    let Some(Extension(identity)) = identity else {
        let back = format!("/integrations/{slug}/disconnect");
        return Redirect::to(&landing(&state, &back)).into_response();
    };
    if app::model::validate_slug(&slug).is_err() {
        return StatusCode::NOT_FOUND.into_response();
    }
    if let Err(refused) = crate::refuse_unless(&identity, app::model::Change::Disconnect) {
        return *refused;
    }
    match connect::disconnect(&state, &identity, &slug).await {
        Ok(()) => Redirect::to(&format!("/integrations/{slug}?status=disconnected")),
        Err(_) => Redirect::to(&format!("/integrations/{slug}/disconnect?failed=1")),
    }
    .into_response()
}
