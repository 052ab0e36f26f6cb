//! What a marketplace view costs upstream: drives `list_integrations` through the real router
//! while the sandbox adds 100 ms to every application listing, and prints Cobalt calls per
//! view and latency percentiles, cold (cache cleared before each view) and warm. Then the
//! Cobalt calls of whole warm page views: the marketplace (with its cards' last runs) and a
//! connected app's page (with its Activity section), and the run history's share of them.
//!
//! `cargo bench -p server --bench page_views`
#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a benchmark should fail loudly"
)]

mod common;

use std::time::{Duration, Instant};

use app::api::ListIntegrations;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use leptos::server_fn::ServerFn;
use sandbox::admin::FaultSpec;
use tower::ServiceExt;

use common::PUBLIC_URL;

const LATENCY_MS: u64 = 100;
const COLD_VIEWS: u32 = 20;
const WARM_VIEWS: u32 = 500;

#[tokio::main]
async fn main() {
    let sandbox = sandbox::spawn(sandbox::SandboxConfig {
        addr: "127.0.0.1:0".parse().unwrap(),
        ..Default::default()
    })
    .await
    .unwrap();
    let url = sandbox.base_url();
    let common::Instance { router, state } = common::instance(&url, None);
    let admin = common::admin(&url);
    let cookie = common::sign_up(&router, "bench@example.com").await;
    let accounts: serde_json::Value = common::cobalt(
        &url,
        reqwest::Method::GET,
        "/api/v2/public/linked-account?limit=10",
    )
    .send()
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    let account = accounts["docs"][0]["account_id"]
        .as_str()
        .unwrap()
        .to_owned();

    let slow = FaultSpec::latency(
        "/api/v2/public/application",
        Duration::from_millis(LATENCY_MS),
    )
    .on(reqwest::Method::GET)
    .times(COLD_VIEWS + WARM_VIEWS);
    admin.add_fault(&slow).await.unwrap();

    let view = || {
        let request = Request::post(ListIntegrations::PATH)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ORIGIN, PUBLIC_URL)
            .header(header::COOKIE, &cookie)
            .body(Body::empty())
            .unwrap();
        let router = router.clone();
        async move {
            let started = Instant::now();
            let response = router.oneshot(request).await.unwrap();
            assert_eq!(response.status(), StatusCode::OK);
            response.into_body().collect().await.unwrap();
            started.elapsed()
        }
    };
    let calls = || async {
        admin
            .counters()
            .await
            .unwrap()
            .calls("GET /api/v2/public/application")
    };

    let before = calls().await;
    let mut cold = Vec::new();
    for _ in 0..COLD_VIEWS {
        app::server::accounts::changed(&state, &account).await;
        cold.push(view().await);
    }
    let after_cold = calls().await;
    let mut warm = Vec::new();
    for _ in 0..WARM_VIEWS {
        warm.push(view().await);
    }
    let after_warm = calls().await;

    println!("list_integrations through the router, sandbox latency {LATENCY_MS} ms per listing");
    report("cold", &mut cold, after_cold - before);
    report("warm", &mut warm, after_warm - after_cold);

    let connected = common::cobalt(
        &url,
        reqwest::Method::PUT,
        "/api/v2/public/linked-account/integration/save-key-credentials/copper",
    )
    .header("linked_account_id", &account)
    .json(&serde_json::json!({"api_token": "copper-key", "email": "ops@example.com"}))
    .send()
    .await
    .unwrap();
    assert!(connected.status().is_success());
    app::server::accounts::changed(&state, &account).await;
    println!("whole pages ({PAGE_VIEWS} views each): Cobalt calls per view");
    let runs = "GET /api/v2/public/execution";
    for path in ["/integrations", "/integrations/copper"] {
        let page = |path: &'static str| {
            let request = Request::get(path)
                .header(header::COOKIE, &cookie)
                .body(Body::empty())
                .unwrap();
            let router = router.clone();
            async move {
                let response = router.oneshot(request).await.unwrap();
                assert_eq!(response.status(), StatusCode::OK, "{path}");
                response.into_body().collect().await.unwrap();
            }
        };
        // Cold: every cache of the account invalid (as after a change), so each view shows
        // what it costs at most; warm: one view after another.
        for cold in [true, false] {
            page(path).await;
            let counted = admin.counters().await.unwrap();
            for _ in 0..PAGE_VIEWS {
                if cold {
                    app::server::accounts::changed(&state, &account).await;
                }
                page(path).await;
            }
            let now = admin.counters().await.unwrap();
            let per_view = |n: u64| n as f64 / f64::from(PAGE_VIEWS);
            println!(
                "  {path} {}: {:.2} calls per view, of which the run history {:.2}",
                if cold { "cold" } else { "warm" },
                per_view(now.api_calls() - counted.api_calls()),
                per_view(now.calls(runs) - counted.calls(runs)),
            );
        }
    }
    sandbox.shutdown().await;
}

/// Warm views of each whole page.
const PAGE_VIEWS: u32 = 50;

fn report(name: &str, samples: &mut [Duration], upstream_calls: u64) {
    samples.sort();
    println!(
        "  {name}: {} views, {:.2} upstream calls per view, p50 {:.2} ms, p99 {:.2} ms",
        samples.len(),
        upstream_calls as f64 / samples.len() as f64,
        common::ms(common::percentile(samples, 0.50)),
        common::ms(common::percentile(samples, 0.99)),
    );
}
