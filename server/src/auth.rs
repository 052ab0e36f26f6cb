//! Sign-up, the embed hand-off, sign-out, the page gate and CSRF protection.

use app::pages::{EmbedFailure, SignupDraft};
use app::server::{AppState, Identity, embed, identity, signup};
use app::shell;
use axum::{
    Form,
    body::Body,
    extract::{Query, Request, State},
    http::{HeaderMap, HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
};
use leptos::prelude::provide_context;
use serde::Deserialize;

/// The sign-up form's fields.
#[derive(Debug, Deserialize)]
pub struct SignupForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    ticket: String,
    #[serde(default)]
    return_to: String,
}

/// `POST /signup`: validates, upserts the linked account, then sets the cookie. Any failure
/// renders the form again with every value kept, and sets no cookie.
pub async fn signup(State(state): State<AppState>, Form(form): Form<SignupForm>) -> Response {
    if !state.config.signup_enabled {
        return Redirect::to("/signed-out").into_response();
    }
    let name = app::model::validate_name(&form.name);
    let email = app::model::validate_email(&form.email);
    let customer_id = signup::verify_ticket(&state.config, &form.ticket);
    let mut draft = SignupDraft {
        name: form.name.trim().to_owned(),
        email: form.email.trim().to_owned(),
        ticket: form.ticket.clone(),
        return_to: form.return_to.clone(),
        name_error: name.as_ref().err().cloned(),
        email_error: email.as_ref().err().cloned(),
        form_error: None,
    };
    let (Ok(name), Ok(email)) = (name, email) else {
        return render_page(
            &state,
            "/signup",
            StatusCode::UNPROCESSABLE_ENTITY,
            draft,
            None,
        )
        .await;
    };
    let Some(customer_id) = customer_id else {
        draft.ticket.clear();
        draft.form_error =
            Some("This form has expired. Please check your details and submit again.".into());
        return render_page(
            &state,
            "/signup",
            StatusCode::UNPROCESSABLE_ENTITY,
            draft,
            None,
        )
        .await;
    };
    if let Err(err) = app::server::accounts::upsert(&state, &customer_id, &name, Some(&email)).await
    {
        tracing::warn!(error = %err, "sign-up: upserting the linked account failed");
        draft.form_error = Some(
            "We could not create your account because the integrations service did not answer. \
             Nothing was saved; please try again."
                .into(),
        );
        return render_page(&state, "/signup", StatusCode::BAD_GATEWAY, draft, None).await;
    }
    let identity = Identity::new(&state.config, customer_id, name, false);
    sign_in(
        &state,
        &identity,
        &signup::safe_return_path(Some(&form.return_to)),
    )
}

/// `GET /embed?token=…`: the host app's signed hand-off.
#[derive(Debug, Deserialize)]
pub struct EmbedQuery {
    token: Option<String>,
}

pub async fn embed(State(state): State<AppState>, Query(query): Query<EmbedQuery>) -> Response {
    let claims = match (&state.config.embed_secret, query.token.as_deref()) {
        (None, _) => Err(embed::EmbedError::NotConfigured),
        (_, None | Some("")) => Err(embed::EmbedError::Missing),
        (Some(secret), Some(token)) => embed::verify(token, secret.expose().as_bytes(), now_secs()),
    };
    let claims = match claims {
        Ok(claims) => claims,
        Err(err) => {
            tracing::info!(reason = %err, "embed token refused");
            return render_page(
                &state,
                "/embed/refused",
                StatusCode::UNAUTHORIZED,
                EmbedFailure(err.to_string()),
                None,
            )
            .await;
        }
    };
    if let Err(err) = app::server::accounts::upsert(
        &state,
        &claims.customer_id,
        &claims.name,
        claims.email.as_deref(),
    )
    .await
    {
        tracing::warn!(error = %err, "embed: upserting the linked account failed");
        let failure =
            EmbedFailure("the integrations service did not answer; please try again".into());
        return render_page(
            &state,
            "/embed/refused",
            StatusCode::BAD_GATEWAY,
            failure,
            None,
        )
        .await;
    }
    let identity = Identity::new(&state.config, claims.customer_id, claims.name, true);
    sign_in(&state, &identity, "/integrations")
}

/// `POST /signout`: clears the cookie.
pub async fn signout(State(state): State<AppState>) -> Response {
    let mut response = Redirect::to(landing(&state, "/integrations").as_str()).into_response();
    if let Ok(value) = HeaderValue::from_str(&identity::clear_cookie(&state.config)) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

fn sign_in(state: &AppState, identity: &Identity, to: &str) -> Response {
    let cookie = match identity::set_cookie(&state.config, identity) {
        Ok(cookie) => cookie,
        Err(err) => {
            tracing::error!(error = %err, "cannot encode the session cookie");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let mut response = Redirect::to(to).into_response();
    match HeaderValue::from_str(&cookie) {
        Ok(value) => {
            response.headers_mut().insert(header::SET_COOKIE, value);
            response
        }
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// Where a visitor without a session goes: sign-up when it is open, else the page that says to
/// open the tab from the host app.
pub(crate) fn landing(state: &AppState, return_to: &str) -> String {
    if state.config.signup_enabled {
        let encoded: String = form_urlencoded::byte_serialize(return_to.as_bytes()).collect();
        format!("/signup?return={encoded}")
    } else {
        "/signed-out".to_owned()
    }
}

/// Pages under `/integrations` need a session; without one the visitor is sent to sign in.
pub async fn require_session(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path();
    let gated = request.method() == Method::GET
        && (path == "/integrations" || path.starts_with("/integrations/"));
    if gated && identity::read(&state.config, request.headers()).is_none() {
        let return_to = request
            .uri()
            .path_and_query()
            .map_or(path, |pq| pq.as_str())
            .to_owned();
        return Redirect::to(&landing(&state, &return_to)).into_response();
    }
    next.run(request).await
}

/// Refuses state-changing requests that do not come from our own origin: the `Origin` header,
/// or failing that the `Referer`, must match `PUBLIC_URL`. SameSite=Lax cookies already stop
/// most cross-site posts; this covers the rest (sibling subdomains, old browsers).
pub async fn same_origin(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    // Webhooks come from Cobalt's servers, not a browser; they are signed instead.
    let webhook = request.uri().path().starts_with("/webhooks/");
    if safe || webhook || comes_from(&state.config.public_url, request.headers()) {
        return next.run(request).await;
    }
    tracing::info!(method = %request.method(), path = request.uri().path(), "cross-origin request refused");
    let body = serde_json::to_string(&app::error::AppError::Forbidden).unwrap_or_default();
    (
        StatusCode::FORBIDDEN,
        [(header::CONTENT_TYPE, "application/json")],
        body,
    )
        .into_response()
}

fn comes_from(public_url: &str, headers: &HeaderMap) -> bool {
    let origin = public_url.trim_end_matches('/');
    if let Some(value) = headers.get(header::ORIGIN) {
        return value.to_str().is_ok_and(|value| value == origin);
    }
    headers
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|referer| {
            referer
                .strip_prefix(origin)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        })
}

/// Renders the Leptos page at `path` with `context` provided, answering `status`. `cookie`
/// carries the visitor's session into the render, for pages that need the account.
pub(crate) async fn render_page<T: Clone + Send + Sync + 'static>(
    state: &AppState,
    path: &str,
    status: StatusCode,
    context: T,
    cookie: Option<&HeaderValue>,
) -> Response {
    let options = state.leptos_options.clone();
    let app_state = state.clone();
    // Fully rendered before it is sent (like the app's pages, `SsrMode::Async`): streamed
    // fragments would need JavaScript to be put in place.
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            provide_context(app_state.clone());
            provide_context(context.clone());
        },
        move || shell(options.clone()),
    );
    let mut request = Request::get(path);
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    let request = match request.body(Body::empty()) {
        Ok(request) => request,
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    let mut response = handler(request).await.into_response();
    *response.status_mut() = status;
    response
}

fn now_secs() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(header::HeaderName, &str)]) -> HeaderMap {
        pairs
            .iter()
            .map(|(k, v)| (k.clone(), HeaderValue::from_str(v).unwrap()))
            .collect()
    }

    #[test]
    fn only_our_own_origin_or_referer_counts_as_same_origin() {
        let ours = "http://127.0.0.1:3000";
        assert!(comes_from(
            ours,
            &headers(&[(header::ORIGIN, "http://127.0.0.1:3000")])
        ));
        assert!(!comes_from(
            ours,
            &headers(&[(header::ORIGIN, "http://127.0.0.1:3000.evil.example")])
        ));
        assert!(!comes_from(ours, &headers(&[(header::ORIGIN, "null")])));
        assert!(comes_from(
            ours,
            &headers(&[(header::REFERER, "http://127.0.0.1:3000/integrations")])
        ));
        assert!(!comes_from(
            ours,
            &headers(&[(header::REFERER, "http://127.0.0.1:30001/x")])
        ));
        assert!(!comes_from(ours, &headers(&[])));
    }
}
