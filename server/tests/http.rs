//! In-process router tests: the real router, against a real sandbox on an ephemeral port.
#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "test helpers should fail loudly"
)]

use std::sync::Arc;

use app::api::{DEMO_ACCOUNT, ListIntegrations};
use app::components::AssetVersions;
use app::model::IntegrationCard;
use app::server::{AppState, Config};
use axum::{
    Router,
    body::Body,
    http::{Request, StatusCode, header},
};
use http_body_util::BodyExt;
use leptos::prelude::LeptosOptions;
use leptos::server_fn::ServerFn;
use tower::ServiceExt;

struct TestApp {
    router: Router,
    _sandbox: sandbox::RunningSandbox,
}

async fn test_app() -> TestApp {
    let sandbox = sandbox::spawn(sandbox::SandboxConfig {
        addr: "127.0.0.1:0".parse().unwrap(),
        ..Default::default()
    })
    .await
    .expect("sandbox starts");
    let mut config = Config::from_lookup(|_| None).expect("default config");
    config.use_sandbox(&sandbox.base_url());
    let state = AppState {
        leptos_options: LeptosOptions::builder()
            .output_name("integrations-tab")
            .build(),
        config: Arc::new(config),
        http: reqwest::Client::new(),
        assets: Arc::new(AssetVersions::default()),
    };
    app::server::upstream::upsert_linked_account(&state, DEMO_ACCOUNT, "Demo")
        .await
        .expect("demo account");
    TestApp {
        router: server::router(state),
        _sandbox: sandbox,
    }
}

struct Reply {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

async fn send(app: &TestApp, request: Request<Body>) -> Reply {
    let response = app
        .router
        .clone()
        .oneshot(request)
        .await
        .expect("router is infallible");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

fn get(path: &str) -> Request<Body> {
    Request::get(path).body(Body::empty()).unwrap()
}

#[tokio::test]
async fn healthz_is_ok() {
    let app = test_app().await;
    let reply = send(&app, get("/healthz")).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.body, "ok");
}

#[tokio::test]
async fn root_redirects_to_integrations() {
    let app = test_app().await;
    let reply = send(&app, get("/")).await;
    assert!(reply.status.is_redirection(), "{}", reply.status);
    assert_eq!(reply.headers[header::LOCATION], "/integrations");
}

#[tokio::test]
async fn integrations_page_renders_on_the_server_without_inline_scripts() {
    let app = test_app().await;
    let reply = send(&app, get("/integrations")).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert!(
        reply.body.contains("<h1>Integrations</h1>"),
        "{}",
        reply.body
    );
    assert!(
        reply
            .body
            .contains("<title>Integrations · Acme Cloud</title>"),
        "{}",
        reply.body
    );
    assert!(
        reply
            .body
            .contains(r#"<script type="module" src="/boot.js""#),
        "{}",
        reply.body
    );
    assert!(
        !reply.body.contains("<script>") && !reply.body.contains("<script type=\"module\">"),
        "no inline scripts, so a strict CSP holds: {}",
        reply.body
    );
    assert!(
        !reply.body.contains(" style="),
        "no inline styles: {}",
        reply.body
    );
    assert_eq!(reply.headers[header::CACHE_CONTROL], "no-store");
}

#[tokio::test]
async fn list_integrations_server_function_answers_json() {
    let app = test_app().await;
    let request = Request::post(ListIntegrations::PATH)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::empty())
        .unwrap();
    let reply = send(&app, request).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let cards: Vec<IntegrationCard> = serde_json::from_str(&reply.body).expect("cards");
    let mut sorted = cards.clone();
    app::model::sort_cards(&mut sorted);
    assert_eq!(cards, sorted, "the server returns marketplace order");
}

#[tokio::test]
async fn unknown_route_is_404() {
    let app = test_app().await;
    let reply = send(&app, get("/no-such-page")).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert!(reply.body.contains("Page not found"), "{}", reply.body);
}

#[tokio::test]
async fn html_is_compressed_when_the_browser_accepts_it() {
    let app = test_app().await;
    let request = Request::get("/integrations")
        .header(header::ACCEPT_ENCODING, "br, gzip")
        .body(Body::empty())
        .unwrap();
    let reply = send(&app, request).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.headers[header::CONTENT_ENCODING], "br");
}
