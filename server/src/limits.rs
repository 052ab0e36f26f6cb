//! The limits at the edge. Every request of a signed-in account spends one of its budget (the
//! Cobalt calls a request then makes spend more, see `AppState::limited`), so a looping page
//! view, post or server-function call is refused with 429 once the account is over budget,
//! while other accounts are still served. Sign-up and the embed hand-off spend a budget per
//! client address instead, and so do webhooks that fail their signature check (genuine ones
//! cost no Cobalt call and must never be turned away, see `webhooks`).

use std::net::SocketAddr;

use app::error::AppError;
use app::i18n::Locale;
use app::server::{AppState, Identity};
use axum::{
    extract::{ConnectInfo, Request, State},
    http::{HeaderMap, HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

/// Files and probes: they cost no Cobalt call and are not counted.
fn is_free(path: &str) -> bool {
    path == "/healthz"
        || path == "/readyz"
        || path == "/brand.css"
        || path.starts_with("/pkg/")
        || path.starts_with("/vendor/")
        || path
            .rsplit('/')
            .next()
            .is_some_and(|last| last.contains('.'))
}

/// The routes limited per client address, whoever is signed in.
fn is_per_address(method: &Method, path: &str) -> bool {
    (method == Method::POST && path == "/signup") || path == "/embed" || path == "/embed/continue"
}

/// The client's address: the peer, or with `PROXY_HOPS` = n the n-th address from the right
/// of `X-Forwarded-For` (the one the outermost trusted proxy saw).
pub fn client_address(proxy_hops: usize, request: &Request) -> String {
    let peer = request
        .extensions()
        .get::<ConnectInfo<crate::listener::Peer>>();
    address_of(proxy_hops, request.headers(), peer.map(|info| info.0.0))
}

/// [`client_address`] from the request's headers and peer.
pub fn address_of(proxy_hops: usize, headers: &HeaderMap, peer: Option<SocketAddr>) -> String {
    let peer = peer.map(|peer| peer.ip().to_string());
    if proxy_hops > 0 {
        let forwarded: Vec<&str> = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .collect();
        if let Some(address) = forwarded
            .len()
            .checked_sub(proxy_hops)
            .map(|i| forwarded[i])
        {
            return address.to_owned();
        }
    }
    peer.unwrap_or_else(|| "unknown".to_owned())
}

pub async fn limit(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let refusal = if is_per_address(request.method(), &path) {
        state
            .limits
            .spend_address(&client_address(state.config.proxy_hops, &request))
            .await
            .err()
    } else if let Some(identity) = request.extensions().get::<Identity>()
        && !is_free(&path)
    {
        let account = identity.account_id.clone();
        if matches!(*request.method(), Method::GET | Method::HEAD) {
            // The language of a refusal, read now: the request moves on into the page it asks for.
            let locale = language(&request);
            return spend_while_serving(&state, &account, &path, locale, next.run(request)).await;
        }
        state.limits.spend(&account, 1).await.err()
    } else {
        None
    };
    match refusal {
        Some(error) => refused(&state, language(&request), &path, &error),
        None => next.run(request).await,
    }
}

/// The language the request is answered in.
fn language(request: &Request) -> Locale {
    app::server::language::of_request(
        request.uri().query(),
        request.headers(),
        request.extensions().get::<Identity>(),
    )
}

/// A page (a safe request, which changes nothing) is served while its budget is spent, rather
/// than after: with shared state the spend is a round trip to Redis, which then costs the view
/// no time. The budget holds all the same: a refusal answers 429 in place of the page, and
/// stops the page's work where it stands if it comes first. The page's own Cobalt calls spend
/// the same budget (see `AppState::limited`), so a refused view makes none past it.
async fn spend_while_serving(
    state: &AppState,
    account: &str,
    path: &str,
    locale: Locale,
    serve: impl Future<Output = Response>,
) -> Response {
    let spend = state.limits.spend(account, 1);
    tokio::pin!(spend, serve);
    tokio::select! {
        biased;
        spent = &mut spend => match spent {
            Err(error) => refused(state, locale, path, &error),
            Ok(()) => serve.await,
        },
        response = &mut serve => match spend.await {
            Err(error) => refused(state, locale, path, &error),
            Ok(()) => response,
        },
    }
}

fn refused(state: &AppState, locale: Locale, path: &str, error: &AppError) -> Response {
    tracing::info!(path, retry_after = ?error.retry_after(), "rate limit reached");
    refuse(state, locale, path, error)
}

/// The 429: JSON for server functions (the page shows its message), text in `locale` for the
/// rest.
pub fn refuse(state: &AppState, locale: Locale, path: &str, error: &AppError) -> Response {
    let status = StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::TOO_MANY_REQUESTS);
    let mut response = if path.starts_with("/api/") {
        let body = serde_json::to_string(error).unwrap_or_default();
        (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
    } else {
        // No page is being rendered: the server's catalogs are asked directly.
        let body = state.config.strings.format(
            locale,
            "server-too-many-requests",
            &[("seconds", error.retry_after().unwrap_or(1).into())],
        );
        (
            status,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            body,
        )
            .into_response()
    };
    if let Some(seconds) = error.retry_after() {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;

    #[test]
    fn files_are_free_and_pages_are_not() {
        assert!(is_free("/pkg/integrations-tab.wasm"));
        assert!(is_free("/favicon.svg"));
        assert!(!is_free("/integrations"));
        assert!(!is_free("/api/list_integrations"));
    }

    #[test]
    fn the_client_address_comes_from_trusted_hops_only() {
        let request = |forwarded: &str| {
            let mut request = Request::get("/signup")
                .header("x-forwarded-for", forwarded)
                .body(Body::empty())
                .unwrap();
            request
                .extensions_mut()
                .insert(ConnectInfo(crate::listener::Peer(SocketAddr::from((
                    [10, 0, 0, 1],
                    443,
                )))));
            request
        };
        let spoofed = request("1.1.1.1, 203.0.113.7");
        assert_eq!(client_address(0, &spoofed), "10.0.0.1");
        assert_eq!(client_address(1, &spoofed), "203.0.113.7");
        assert_eq!(client_address(2, &spoofed), "1.1.1.1");
        assert_eq!(client_address(3, &spoofed), "10.0.0.1");
    }
}
