//! The session, read once per request at the edge: the cookie is decoded here, checked
//! against the revoked sessions, and the [`Identity`] put in the request's extensions, where
//! handlers, server functions, the limiter and the pages read it. Pages that need a session
//! are listed in [`needs_session`]; without one the visitor is sent to sign in. Sign-out ends
//! the session on the server too.

use app::server::{AppState, Identity, identity};
use axum::{
    Extension,
    extract::{Request, State},
    http::{HeaderValue, Method, header},
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
};

use app::pages::FrameSession;
use axum::http::StatusCode;

use crate::render::{landing, render_page};

/// The pages that show an account's data, by path. A new page is public until it is added
/// here, and its handler still finds no identity without a valid session.
pub fn needs_session(path: &str) -> bool {
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    matches!(
        segments.as_slice(),
        ["integrations"] | ["integrations", _] | ["integrations", _, "disconnect" | "connect"]
    )
}

/// The edge middleware: decodes the session once and gates the pages that need one.
pub async fn read(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let identity = match identity::read(&state.config, request.headers()) {
        Some(identity) if !state.shared.is_revoked(&identity.sid).await => Some(identity),
        _ => None,
    };
    match identity {
        Some(identity) => {
            request.extensions_mut().insert(identity);
        }
        // Inside a frame there is no sign-up to go to: the page says what happened, and the
        // host (told through the frame's bridge) signs in again.
        None if request.method() == Method::GET
            && needs_session(request.uri().path())
            && crate::embed::is_framed(request.headers()) =>
        {
            let just_signed_in = request
                .uri()
                .query()
                .is_some_and(|q| q.split('&').any(|p| p == crate::embed::FROM_EMBED));
            let ended = if just_signed_in {
                FrameSession::CookieBlocked
            } else {
                FrameSession::Ended
            };
            let locale =
                app::server::language::of_request(request.uri().query(), request.headers(), None);
            return render_page(
                &state,
                "/embed/ended",
                StatusCode::UNAUTHORIZED,
                ended,
                None,
                locale,
            )
            .await;
        }
        None if request.method() == Method::GET && needs_session(request.uri().path()) => {
            let return_to = request
                .uri()
                .path_and_query()
                .map_or("/integrations", |pq| pq.as_str())
                .to_owned();
            return Redirect::to(&landing(&state, &return_to)).into_response();
        }
        None => {}
    }
    next.run(request).await
}

/// Signs `identity` in: the session cookie, then a redirect to `to`.
pub(crate) fn sign_in(state: &AppState, identity: &Identity, to: &str) -> Response {
    let cookie = match identity::set_cookie(&state.config, identity) {
        Ok(cookie) => cookie,
        Err(err) => {
            tracing::error!(error = %err, "cannot encode the session cookie");
            return axum::http::StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let mut response = Redirect::to(to).into_response();
    match HeaderValue::from_str(&cookie) {
        Ok(value) => {
            response.headers_mut().append(header::SET_COOKIE, value);
            response
        }
        Err(_) => axum::http::StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// Ends `identity`'s session on the server: its cookie is refused from now on (copies
/// included), its live streams end, and the account's Cobalt session token is revoked.
pub(crate) async fn end(state: &AppState, identity: &Identity) {
    if state
        .shared
        .revoke(&identity.sid, identity.expires_at)
        .await
        .is_err()
    {
        tracing::error!("the revoked-session store is full: a signed-out cookie may still work");
    }
    state.account(identity).revoke_session_token().await;
}

/// `POST /signout`: ends the session on the server and clears the cookie.
pub async fn signout(
    State(state): State<AppState>,
    identity: Option<Extension<Identity>>,
) -> Response {
    let placement = identity
        .as_ref()
        .map_or(identity::Placement::FirstParty, |i| i.placement());
    if let Some(Extension(identity)) = identity {
        end(&state, &identity).await;
    }
    let mut response = Redirect::to(landing(&state, "/integrations").as_str()).into_response();
    if let Ok(value) = HeaderValue::from_str(&identity::clear_cookie(&state.config, placement)) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_listed_pages_need_a_session() {
        for path in [
            "/integrations",
            "/integrations/hubspot",
            "/integrations/hubspot/disconnect",
            "/integrations/hubspot/connect",
        ] {
            assert!(needs_session(path), "{path}");
        }
        for path in [
            "/signup",
            "/embed",
            "/signed-out",
            "/pkg/app.css",
            "/healthz",
            "/",
        ] {
            assert!(!needs_session(path), "{path}");
        }
    }
}
