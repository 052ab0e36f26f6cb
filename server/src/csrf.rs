//! CSRF protection: state-changing requests must come from our own origin.

use app::server::AppState;
use axum::{
    extract::{Request, State},
    http::{HeaderMap, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

/// The one route that takes posts from elsewhere: Cobalt's servers sign their webhooks instead.
pub const WEBHOOK_PATH: &str = "/webhooks/cobalt";

/// Refuses state-changing requests that do not come from our own origin: the `Origin` header,
/// or failing that the `Referer`, must match `PUBLIC_URL`. SameSite=Lax cookies already stop
/// most cross-site posts; this covers the rest (sibling subdomains, old browsers).
pub async fn same_origin(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    let webhook = request.uri().path() == WEBHOOK_PATH;
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

/// Whether the request's `Origin` (or, without one, its `Referer`) is `origin`.
pub fn comes_from(origin: &str, headers: &HeaderMap) -> bool {
    let origin = origin.trim_end_matches('/');
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

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

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
