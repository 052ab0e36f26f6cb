//! Cross-cutting layers: CORS for the configured origins, and the guard that counts calls,
//! injects faults and applies the rate limit. Admin routes are exempt from the guard.

use std::time::{Duration, Instant};

use axum::extract::{FromRequestParts, MatchedPath, Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::auth::AccountScope;
use crate::error::ApiError;
use crate::state::SandboxState;

/// Headers the browser may send cross-origin: cobalt-js sends `authorization` and
/// `content-type`; the rest are Cobalt's own.
const ALLOWED_HEADERS: &str =
    "authorization, content-type, x-api-key, linked_account_id, slug, disable_field_options";
const ALLOWED_METHODS: &str = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
/// The prefix of the admin API.
pub const ADMIN_PREFIX: &str = "/_sandbox/";

/// Answers preflights (204 for configured origins, 403 for others) and adds
/// `Access-Control-Allow-Origin` to answers for configured origins.
pub async fn cors(State(state): State<SandboxState>, request: Request, next: Next) -> Response {
    let origin = request
        .headers()
        .get(header::ORIGIN)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned);
    let Some(origin) = origin else {
        return next.run(request).await;
    };
    let allowed = state.is_allowed_origin(&origin);
    let preflight = request.method() == Method::OPTIONS
        && request
            .headers()
            .contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);
    if preflight {
        if !allowed {
            return ApiError::new(
                StatusCode::FORBIDDEN,
                "SERVER_ERROR",
                format!("Origin {origin} is not allowed"),
            )
            .into_response();
        }
        let mut response = StatusCode::NO_CONTENT.into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::ACCESS_CONTROL_ALLOW_METHODS,
            HeaderValue::from_static(ALLOWED_METHODS),
        );
        headers.insert(
            header::ACCESS_CONTROL_ALLOW_HEADERS,
            HeaderValue::from_static(ALLOWED_HEADERS),
        );
        headers.insert(
            header::ACCESS_CONTROL_MAX_AGE,
            HeaderValue::from_static("600"),
        );
        allow_origin(&mut response, &origin);
        return response;
    }
    let mut response = next.run(request).await;
    if allowed {
        allow_origin(&mut response, &origin);
        response.headers_mut().insert(
            header::ACCESS_CONTROL_EXPOSE_HEADERS,
            HeaderValue::from_static("retry-after"),
        );
    }
    response
}

fn allow_origin(response: &mut Response, origin: &str) {
    if let Ok(value) = HeaderValue::from_str(origin) {
        let headers = response.headers_mut();
        headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, value);
        headers.append(header::VARY, HeaderValue::from_static("origin"));
    }
}

/// Counts the call under its route, then applies an injected fault or the rate limit.
pub async fn guard(State(state): State<SandboxState>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    if path.starts_with(ADMIN_PREFIX) {
        return next.run(request).await;
    }
    let method = request.method().as_str().to_owned();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("(no route)", MatchedPath::as_str)
        .to_owned();
    // The account the call is made for, named as the account-scoped routes name it (the
    // `linked_account_id` header or query parameter with the API key, or the session token),
    // so that a fault scoped to one account neither hits nor is used up by another's calls.
    // A call naming no account that way, or with bad credentials, meets only unscoped faults.
    let (mut parts, body) = request.into_parts();
    let account = AccountScope::from_request_parts(&mut parts, &state)
        .await
        .ok();
    let request = Request::from_parts(parts, body);
    let (fault, limited) = {
        let mut runtime = state.runtime();
        runtime.count(format!("{method} {route}"));
        let fault = runtime.take_fault(&method, &path, account.as_ref());
        let limited = if path.starts_with("/api/") {
            runtime.rate_limit.check(Instant::now()).err()
        } else {
            None
        };
        (fault, limited)
    };
    if let Some(fault) = fault {
        if let Some(millis) = fault.latency_ms {
            tokio::time::sleep(Duration::from_millis(millis)).await;
        }
        if let Some(status) = fault
            .status
            .and_then(|status| StatusCode::from_u16(status).ok())
        {
            let message = fault.message.unwrap_or_else(|| "Injected fault".to_owned());
            let mut error = ApiError::new(status, "SERVER_ERROR", message);
            if status == StatusCode::TOO_MANY_REQUESTS {
                error.retry_after = Some(1);
            }
            return error.into_response();
        }
    }
    if let Some(retry_after) = limited {
        return ApiError::too_many_requests(retry_after).into_response();
    }
    next.run(request).await
}
