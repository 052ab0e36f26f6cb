//! What the benchmarks share: building an instance over a sandbox, signing up through the real
//! form, and reaching the sandbox's APIs.
#![allow(dead_code, reason = "each benchmark uses a part of it")]

use std::sync::Arc;
use std::time::{Duration, Instant};

use app::components::AssetVersions;
use app::server::shared::Shared;
use app::server::{AppState, Config};
use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use leptos::prelude::LeptosOptions;
use sandbox::admin::AdminClient;
use tower::ServiceExt;

pub const PUBLIC_URL: &str = "http://127.0.0.1:3000";
pub const API_KEY: &str = "tk_sandbox_local";

/// An instance's router and state.
pub struct Instance {
    pub router: Router,
    pub state: AppState,
}

/// An instance over the sandbox at `sandbox_url`, with the per-account budget lifted (one
/// account makes every view); alone, or sharing state through `redis` (URL, key prefix).
pub fn instance(sandbox_url: &str, redis: Option<(&str, &str)>) -> Instance {
    let vars = [
        ("PUBLIC_URL", PUBLIC_URL),
        ("RATE_LIMIT_PER_MINUTE", "10000000"),
        ("ADDRESS_RATE_LIMIT_PER_MINUTE", "10000000"),
        ("COBALT_API_KEY", API_KEY),
        ("COBALT_API_URL", sandbox_url),
        ("COOKIE_KEY", "bench-cookie-key-0123456789abcdef0123456789"),
        ("SIGNUP_ENABLED", "true"),
    ];
    let config = Config::from_lookup(|name| {
        vars.iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| (*value).to_owned())
    })
    .unwrap();
    let shared: Arc<Shared> = match redis {
        Some((url, prefix)) => {
            Shared::with_redis(url, prefix, config.cookie_key.expose().as_bytes()).unwrap()
        }
        None => Shared::in_process(),
    };
    let state = AppState::new(
        LeptosOptions::builder()
            .output_name("integrations-tab")
            .build(),
        config,
        AssetVersions::default(),
        shared,
    )
    .unwrap();
    Instance {
        router: server::router(state.clone()),
        state,
    }
}

/// Waits until the instance's shared state is up (connected and subscribed).
pub async fn until_shared(instance: &Instance) {
    use app::server::shared::Health;
    let deadline = Instant::now() + Duration::from_secs(10);
    while instance.state.shared.health() != Health::Up {
        assert!(Instant::now() < deadline, "redis did not come up");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

pub async fn body(response: axum::response::Response) -> String {
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Signs `email` up through the real form; returns the session cookie.
pub async fn sign_up(router: &Router, email: &str) -> String {
    let page = router
        .clone()
        .oneshot(Request::get("/signup").body(Body::empty()).unwrap())
        .await
        .unwrap();
    let html = body(page).await;
    let marker = r#"name="ticket" value=""#;
    let start = html.find(marker).unwrap() + marker.len();
    let ticket = html[start..].split('"').next().unwrap();
    let email = email.replace('@', "%40");
    let signup = Request::post("/signup")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ORIGIN, PUBLIC_URL)
        .body(Body::from(format!(
            "name=Bench&email={email}&ticket={ticket}"
        )))
        .unwrap();
    let reply = router.clone().oneshot(signup).await.unwrap();
    reply.headers()[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned()
}

/// `GET path` as the browser behind `cookie`; how long the whole answer took.
pub async fn view(router: &Router, path: &str, cookie: &str) -> Duration {
    let request = Request::get(path)
        .header(header::COOKIE, cookie)
        .body(Body::empty())
        .unwrap();
    let started = Instant::now();
    let response = router.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    body(response).await;
    started.elapsed()
}

/// Cobalt's API, as the sandbox at `sandbox_url` serves it, with the API key.
pub fn cobalt(sandbox_url: &str, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
    reqwest::Client::new()
        .request(method, format!("{sandbox_url}{path}"))
        .header("x-api-key", API_KEY)
}

/// The admin API (faults, call counters) of the sandbox at `sandbox_url`.
pub fn admin(sandbox_url: &str) -> AdminClient {
    AdminClient::new(sandbox_url, API_KEY)
}

/// The p-th percentile of sorted `samples`.
pub fn percentile(samples: &[Duration], p: f64) -> Duration {
    samples[((samples.len() as f64 - 1.0) * p).round() as usize]
}

pub fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}
