//! The configuration form's posts, which work without JavaScript: save the whole state, create a
//! named configuration, and reset (or delete) one.

use app::model::config_form::ConfigDraft;
use app::server::{AppState, Identity, configure};
use axum::{
    Form,
    extract::{FromRequest, FromRequestParts, Path, Request, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};

use crate::render::{Language, landing, render_page};

/// The posted form, for whom, and which configuration: what every handler starts from.
pub struct Posted {
    identity: Identity,
    slug: String,
    /// A named configuration; `None` for the account's default one.
    config_id: Option<String>,
    form: Vec<(String, String)>,
    /// The language of the page answering a refused save.
    locale: app::i18n::Locale,
}

/// Every configuration handler takes the post as a `Posted`: a request without a session is
/// sent to sign in, a bad slug is 404, a bad configuration id 422.
impl FromRequest<AppState> for Posted {
    type Rejection = Response;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Response> {
        let (mut parts, body) = request.into_parts();
        let Path(slug) = Path::<String>::from_request_parts(&mut parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let identity = parts.extensions.get::<Identity>().cloned();
        let Language(locale) = Language::from_request_parts(&mut parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let Form(form) =
            Form::<Vec<(String, String)>>::from_request(Request::from_parts(parts, body), state)
                .await
                .map_err(IntoResponse::into_response)?;
        let Some(identity) = identity else {
            let to = landing(state, &format!("/integrations/{slug}"));
            return Err(Redirect::to(&to).into_response());
        };
        if app::model::validate_slug(&slug).is_err() {
            return Err(StatusCode::NOT_FOUND.into_response());
        }
        crate::refuse_unless(&identity, app::model::Change::Configure).map_err(|r| *r)?;
        // The same bounds as the server function's (number of values, size of each).
        if let Err(error) = app::api::validate_form(&form) {
            return Err((StatusCode::UNPROCESSABLE_ENTITY, error.to_string()).into_response());
        }
        // The default configuration's id is the account's own: it needs no `?config=`.
        let config_id = form
            .iter()
            .find(|(name, _)| name == "config_id")
            .map(|(_, id)| id.trim())
            .filter(|id| !id.is_empty() && *id != identity.account_id)
            .map(app::model::validate_config_id)
            .transpose()
            .map_err(|message| (StatusCode::UNPROCESSABLE_ENTITY, message).into_response())?;
        Ok(Self {
            identity,
            slug,
            config_id,
            form,
            locale,
        })
    }
}

impl Posted {
    /// The detail page of this configuration, with `extra` query parameters.
    fn page(&self, extra: &str) -> String {
        let mut query: Vec<String> = self
            .config_id
            .iter()
            .map(|id| {
                format!(
                    "config={}",
                    form_urlencoded::byte_serialize(id.as_bytes()).collect::<String>()
                )
            })
            .collect();
        if !extra.is_empty() {
            query.push(extra.to_owned());
        }
        let query = if query.is_empty() {
            String::new()
        } else {
            format!("?{}", query.join("&"))
        };
        format!("/integrations/{}{query}", self.slug)
    }
}

/// `POST /integrations/{slug}/config`: saves the whole posted state, then shows the saved form.
/// A failure renders the page again with every value typed (secrets aside) and what to fix.
pub async fn save(State(state): State<AppState>, posted: Posted) -> Response {
    let saved = configure::save(
        &state,
        &posted.identity,
        &posted.slug,
        posted.config_id.as_deref(),
        &posted.form,
    )
    .await;
    match saved {
        Ok(()) => {
            Redirect::to(&format!("{}#configuration", posted.page("saved=1"))).into_response()
        }
        Err(not_saved) => {
            let status =
                StatusCode::from_u16(not_saved.status()).unwrap_or(StatusCode::BAD_GATEWAY);
            let draft = ConfigDraft(not_saved.into_draft(&posted.form));
            let identity = Some(&posted.identity);
            render_page(
                &state,
                &posted.page(""),
                status,
                draft,
                identity,
                posted.locale,
            )
            .await
        }
    }
}

/// `POST /integrations/{slug}/configs` (`name`): creates a named configuration and opens it.
pub async fn create(State(state): State<AppState>, posted: Posted) -> Response {
    let name = posted
        .form
        .iter()
        .find(|(key, _)| key == "name")
        .map(|(_, name)| name.trim().to_owned())
        .unwrap_or_default();
    let created = configure::create_named(&state, &posted.identity, &posted.slug, &name).await;
    let outcome = match created {
        Ok(name) => format!(
            "config={}&created=1",
            form_urlencoded::byte_serialize(name.as_bytes()).collect::<String>()
        ),
        Err(app::error::AppError::Validation(_)) => "config_error=name".to_owned(),
        Err(_) => "config_error=unavailable".to_owned(),
    };
    Redirect::to(&format!(
        "/integrations/{}?{outcome}#configuration",
        posted.slug
    ))
    .into_response()
}

/// `POST /integrations/{slug}/config/delete`: the default configuration goes back to the app's
/// defaults; a named one is deleted.
pub async fn delete(State(state): State<AppState>, posted: Posted) -> Response {
    let deleted = configure::delete(
        &state,
        &posted.identity,
        &posted.slug,
        posted.config_id.as_deref(),
    )
    .await;
    let target = match (deleted, &posted.config_id) {
        (Err(app::error::AppError::NotFound(_)), _) => {
            let text = state
                .config
                .strings
                .format(posted.locale, "server-config-missing", &[]);
            return (StatusCode::NOT_FOUND, text).into_response();
        }
        (Ok(()), None) => posted.page("reset=1"),
        (Ok(()), Some(_)) => format!("/integrations/{}?deleted=1", posted.slug),
        (Err(_), _) => posted.page("config_error=unavailable"),
    };
    Redirect::to(&format!("{target}#configuration")).into_response()
}
