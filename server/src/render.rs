//! Rendering a Leptos page in answer to a post or a refusal, and where visitors without a
//! session are sent.

use app::i18n::Locale;
use app::server::{AppState, Identity};
use app::shell;
use axum::{
    body::Body,
    extract::{FromRequestParts, Request},
    http::StatusCode,
    http::request::Parts,
    response::{IntoResponse, Response},
};
use leptos::prelude::provide_context;

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

/// Renders the Leptos page at `path` with `context` provided, answering `status`. `identity`
/// is the signed-in user, for pages that need the account; `locale` the language of the
/// request answered (the page is rendered from a request of its own).
pub(crate) async fn render_page<T: Clone + Send + Sync + 'static>(
    state: &AppState,
    path: &str,
    status: StatusCode,
    context: T,
    identity: Option<&Identity>,
    locale: Locale,
) -> Response {
    let options = state.leptos_options.clone();
    let app_state = state.clone();
    // Fully rendered before it is sent (like the app's pages, `SsrMode::Async`): streamed
    // fragments would need JavaScript to be put in place.
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            provide_context(app_state.clone());
            provide_context(context.clone());
            provide_context(locale);
        },
        move || shell(options.clone()),
    );
    let mut request = match Request::get(path).body(Body::empty()) {
        Ok(request) => request,
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    if let Some(identity) = identity {
        request.extensions_mut().insert(identity.clone());
    }
    let mut response = handler(request).await.into_response();
    *response.status_mut() = status;
    response
}

/// The language of the request being answered (see `app::server::language`), for pages
/// rendered from a request of their own.
pub(crate) struct Language(pub Locale);

impl<S: Send + Sync> FromRequestParts<S> for Language {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let identity = parts.extensions.get::<Identity>();
        Ok(Self(app::server::language::of_request(
            parts.uri.query(),
            &parts.headers,
            identity,
        )))
    }
}
