//! The HTTP server: [`router`] wires pages, server functions, static assets and middleware.
//! `main.rs` only reads configuration and serves it.

use app::server::AppState;
use app::{App, shell};
use axum::{
    Router,
    body::Body,
    extract::Request,
    http::{HeaderName, HeaderValue, StatusCode, header},
    middleware::{self, Next},
    response::{IntoResponse, Redirect, Response},
    routing::{get, post},
};
use leptos_axum::{LeptosRoutes, generate_route_list};

mod configure;
mod connect;
mod csrf;
mod embed;
pub mod limits;
pub mod listener;
mod live;
mod render;
mod runs;
pub mod sdk;
mod session;
mod signup;
pub mod webhooks;
use tower_http::{
    catch_panic::CatchPanicLayer,
    compression::{
        CompressionLayer,
        predicate::{NotForContentType, Predicate, SizeAbove},
    },
    limit::RequestBodyLimitLayer,
    set_header::SetResponseHeaderLayer,
    timeout::TimeoutLayer,
    trace::TraceLayer,
};

/// The whole application: `/healthz`, every page and server function, the files under the
/// site root, and the layers every response passes through.
pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let request_timeout = state.config.request_timeout;
    let routes = Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(readyz))
        .route("/", get(|| async { Redirect::to("/integrations") }))
        .route("/brand.css", get(brand_css))
        .route("/signup", post(signup::signup))
        .route("/signout", post(session::signout))
        .route("/embed", get(embed::embed))
        .route("/embed/continue", post(embed::continue_as))
        .route("/embed/session", post(embed::renew))
        .route("/embed/back", get(embed::back))
        .route("/sdk/{file}", get(sdk::serve))
        .route(
            "/integrations/{slug}/connect",
            get(connect::start).post(connect::submit),
        )
        .route("/integrations/{slug}/config", post(configure::save))
        .route(
            "/integrations/{slug}/config/delete",
            post(configure::delete),
        )
        .route("/integrations/{slug}/configs", post(configure::create))
        .route("/integrations/{slug}/disconnect", post(connect::disconnect))
        .route("/integrations/{slug}/runs/{id}/rerun", post(runs::rerun))
        .route("/integrations/{slug}/runs/{id}/stop", post(runs::stop))
        .route("/vendor/{file}", get(vendor))
        .route(
            csrf::WEBHOOK_PATH,
            post(webhooks::receive).layer(axum::extract::DefaultBodyLimit::max(
                webhooks::MAX_BODY_BYTES,
            )),
        )
        // Also registers every `#[server]` fn and provides `state` to them as context.
        .leptos_routes(&state, routes, {
            let options = state.leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        // Every route above, not the event stream added below: a compressor would hold its
        // events back, and its body would carry the compressor's room (a brotli encoder's
        // state, kilobytes) for as long as the tab stays open.
        .layer(compression())
        .route("/events", get(live::events))
        // Outermost last: CSRF, then the session (read once), then the limits that need it.
        .layer(middleware::from_fn_with_state(state.clone(), limits::limit))
        .layer(middleware::from_fn_with_state(state.clone(), language))
        .layer(middleware::from_fn_with_state(state.clone(), pkg_version))
        .layer(middleware::from_fn_with_state(state.clone(), session::read))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            csrf::same_origin,
        ))
        .with_state(state.clone());
    let routes = if state.config.public_url.starts_with("https://") {
        // Browsers that once reached the tab over https never try plain http again.
        routes.layer(SetResponseHeaderLayer::if_not_present(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        ))
    } else {
        routes
    };
    harden(routes, request_timeout)
}

/// The layers every response passes through, whatever the route: cache and security headers,
/// the body limit, the request timeout, tracing, and a panic in a handler turned
/// into a 500 (the process keeps serving).
pub fn harden(routes: Router, request_timeout: std::time::Duration) -> Router {
    routes
        // Innermost, so the 500 it makes still gets every header below.
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(middleware::from_fn(cache_control))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static(
                "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
            ),
        ))
        // Keeps the OAuth popup (another origin) able to report back to this page.
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("cross-origin-opener-policy"),
            HeaderValue::from_static("same-origin-allow-popups"),
        ))
        .layer(RequestBodyLimitLayer::new(MAX_REQUEST_BYTES))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            request_timeout,
        ))
        // The path only: a query may carry an embed token.
        .layer(TraceLayer::new_for_http().make_span_with(|request: &Request<Body>| {
            tracing::debug_span!("request", method = %request.method(), path = request.uri().path())
        }))
}

/// `/readyz`, for the load balancer: 503 while this instance drains (after SIGTERM) or while
/// the Redis it shares state through is unreachable (it then serves its own state alone, and
/// its tabs miss what other instances publish).
async fn readyz(axum::extract::State(state): axum::extract::State<AppState>) -> Response {
    use app::server::shared::Health;
    if state.draining.load(std::sync::atomic::Ordering::Relaxed) {
        return (StatusCode::SERVICE_UNAVAILABLE, "draining: shutting down").into_response();
    }
    match state.shared.health() {
        Health::Down => (StatusCode::SERVICE_UNAVAILABLE, "redis unavailable").into_response(),
        Health::Up => "ready (shared state on redis)".into_response(),
        Health::Alone => "ready".into_response(),
    }
}

/// Brotli or gzip for responses above 512 bytes, never for an event stream.
fn compression() -> CompressionLayer<impl Predicate> {
    CompressionLayer::new().compress_when(SizeAbove::new(512).and(NotForContentType::SSE))
}

/// The host's brand colour as a stylesheet, so pages need no inline style.
async fn brand_css(
    axum::extract::State(state): axum::extract::State<AppState>,
    identity: Option<axum::Extension<app::server::Identity>>,
    headers: axum::http::HeaderMap,
) -> Response {
    let identity = identity.as_ref().map(|i| &i.0);
    let css = app::server::identity::brand(&state.config, &headers, identity)
        .map_or_else(String::new, |color| {
            format!(":root {{ --brand: {color}; }}\n")
        });
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], css).into_response()
}

/// `/vendor/cobalt-js-<version>.<hash>.mjs`: the embedded cobalt-js. The name changes with
/// the content, so it is cached for a year.
async fn vendor(axum::extract::Path(file): axum::extract::Path<String>) -> Response {
    use app::server::vendor::{COBALT_JS, cobalt_js_path};
    if cobalt_js_path().strip_prefix("/vendor/") != Some(file.as_str()) {
        return StatusCode::NOT_FOUND.into_response();
    }
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, IMMUTABLE),
        ],
        COBALT_JS,
    )
        .into_response()
}

/// A form post the signed-in user's role does not allow: 403 with the sentence that says why,
/// before anything is read from Cobalt or changed. (The pages show these forms disabled, so
/// only a hand-made request meets this.)
pub(crate) fn refuse_unless(
    identity: &app::server::Identity,
    change: app::model::Change,
) -> Result<(), Box<Response>> {
    identity.may(change).map_err(|refused| {
        Box::new(
            (
                StatusCode::FORBIDDEN,
                [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                format!("{refused}."),
            )
                .into_response(),
        )
    })
}

/// Largest request body on any route (413 beyond): a whole config form fits many times over.
pub const MAX_REQUEST_BYTES: usize = 256 * 1024;

/// A panic in a handler becomes a logged 500; the process keeps serving.
fn panic_response(panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let message = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("unknown panic");
    tracing::error!(panic = message, "a request handler panicked");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        "something went wrong on our side",
    )
        .into_response()
}

/// Every handler runs in the request's language (`app::server::language`), so a sentence it
/// makes outside a page render (a refused post's problems, an embed refusal, a 429) reads in it
/// too, with the host's overrides.
async fn language(
    axum::extract::State(state): axum::extract::State<AppState>,
    request: Request<Body>,
    next: Next,
) -> Response {
    let identity = request.extensions().get::<app::server::Identity>();
    let locale =
        app::server::language::of_request(request.uri().query(), request.headers(), identity);
    app::server::language::in_language(&state, locale, next.run(request)).await
}

/// `/pkg/<file>?v=<hash>` for a hash this build does not serve is 404, never cached: during a
/// rolling deploy a page of one build may ask an instance of another, and the new bytes
/// cached for a year under the old URL would break that browser's hydration. The page still
/// works without its wasm, and the next one links this build's assets.
async fn pkg_version(
    axum::extract::State(state): axum::extract::State<AppState>,
    request: Request<Body>,
    next: Next,
) -> Response {
    let uri = request.uri();
    let asked = uri
        .query()
        .and_then(|q| q.split('&').find_map(|p| p.strip_prefix("v=")));
    let served = uri
        .path()
        .strip_prefix("/pkg/")
        .and_then(|file| state.assets.of(file));
    if let (Some(asked), Some(served)) = (asked, served)
        && asked != served
    {
        return (
            StatusCode::NOT_FOUND,
            [(header::CACHE_CONTROL, "no-store")],
            "this asset belongs to another build of the tab; reload the page",
        )
            .into_response();
    }
    next.run(request).await
}

/// How long browsers may keep a versioned asset: a year, as the URL changes with its content.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// Versioned `/pkg` assets (`?v=<content hash>`) are immutable; other static files are
/// revalidated; pages and server functions are never stored, as they depend on the account.
async fn cache_control(request: Request<Body>, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let versioned = request
        .uri()
        .query()
        .is_some_and(|q| q.split('&').any(|p| p.starts_with("v=")));
    let mut response = next.run(request).await;
    if response.headers().contains_key(header::CACHE_CONTROL) {
        return response;
    }
    let is_file =
        path.starts_with("/pkg/") || path.rsplit('/').next().is_some_and(|s| s.contains('.'));
    let value = if path.starts_with("/pkg/") && versioned && response.status().is_success() {
        IMMUTABLE
    } else if is_file {
        "no-cache"
    } else {
        "no-store"
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    response
}
