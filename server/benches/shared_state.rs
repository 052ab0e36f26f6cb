//! What sharing state through Redis costs and what it buys, in one run, over one sandbox:
//! - p50/p99 of a warm marketplace page (`GET /integrations`, server-rendered) on an instance
//!   alone and on one sharing state through Redis, and their ratio;
//! - the time from a webhook handled by instance A to the event on a stream of instance B;
//! - Cobalt calls per warm marketplace and detail view, with one instance and with two (views
//!   alternating between them, as a load balancer would send them).
//!
//! `REDIS_BENCH_URL=unix:///…/redis.sock cargo bench -p server --bench shared_state`
//! (`scripts/bench.sh` starts a redis-server for it.)
#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a benchmark should fail loudly"
)]

mod common;

use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{Request, header};
use futures::StreamExt;
use leptos::server_fn::ServerFn;
use tower::ServiceExt;

use common::{API_KEY, Instance, ms, percentile};

const PAGE_VIEWS: usize = 2000;
const WEBHOOKS: usize = 200;
const WARM_VIEWS: usize = 200;

#[tokio::main]
async fn main() {
    let redis = std::env::var("REDIS_BENCH_URL").expect(
        "REDIS_BENCH_URL names the Redis to share state through (scripts/bench.sh starts one)",
    );
    let sandbox = sandbox::spawn(sandbox::SandboxConfig {
        addr: "127.0.0.1:0".parse().unwrap(),
        ..Default::default()
    })
    .await
    .unwrap();
    let url = sandbox.base_url();
    let prefix = format!("bench:{}:", std::process::id());
    let alone = common::instance(&url, None);
    let a = common::instance(&url, Some((&redis, &prefix)));
    let b = common::instance(&url, Some((&redis, &prefix)));
    common::until_shared(&a).await;
    common::until_shared(&b).await;

    println!("warm marketplace page (GET /integrations), {PAGE_VIEWS} views each, interleaved");
    let (alone_times, shared_times) = page_views(&alone, &a).await;
    for (name, times) in [("alone", &alone_times), ("redis", &shared_times)] {
        println!(
            "  {name}: p50 {:.3} ms, p99 {:.3} ms",
            ms(percentile(times, 0.50)),
            ms(percentile(times, 0.99))
        );
    }
    let ratio = |p| ms(percentile(&shared_times, p)) / ms(percentile(&alone_times, p));
    println!(
        "  redis / alone: p50 {:.2}x, p99 {:.2}x (goal <= 1.10)",
        ratio(0.50),
        ratio(0.99)
    );

    println!("webhook on A to the event on a stream of B, {WEBHOOKS} events");
    let mut hops = webhook_hops(&a, &b, &url).await;
    hops.sort();
    println!(
        "  p50 {:.3} ms, p99 {:.3} ms",
        ms(percentile(&hops, 0.50)),
        ms(percentile(&hops, 0.99))
    );

    println!("Cobalt calls per warm view, {WARM_VIEWS} views each (copper connected)");
    let admin = common::admin(&url);
    let api_calls = || async { admin.counters().await.unwrap().api_calls() };
    for (name, instances) in [
        ("one instance", vec![&alone]),
        ("two instances", vec![&a, &b]),
    ] {
        let cookie = common::sign_up(
            &instances[0].router,
            &format!("{}@calls.example.com", name.replace(' ', "-")),
        )
        .await;
        connect_copper(&url, &instances[0].router, &cookie).await;
        for path in ["/integrations", "/integrations/copper"] {
            for instance in &instances {
                common::view(&instance.router, path, &cookie).await;
            }
            let before = api_calls().await;
            for i in 0..WARM_VIEWS {
                common::view(&instances[i % instances.len()].router, path, &cookie).await;
            }
            let calls = api_calls().await - before;
            println!(
                "  {name}, {path}: {:.2} calls per view",
                calls as f64 / WARM_VIEWS as f64
            );
        }
    }
    sandbox.shutdown().await;
}

/// Sorted latencies of warm marketplace views by a new account on each instance, one view
/// on each in turn, so drift (the machine warming, another process) falls on both alike.
async fn page_views(alone: &Instance, shared: &Instance) -> (Vec<Duration>, Vec<Duration>) {
    let cookies = [
        common::sign_up(&alone.router, "alone@example.com").await,
        common::sign_up(&shared.router, "shared@example.com").await,
    ];
    let instances = [alone, shared];
    let mut times = [
        Vec::with_capacity(PAGE_VIEWS),
        Vec::with_capacity(PAGE_VIEWS),
    ];
    for round in 0..PAGE_VIEWS + 20 {
        for (i, instance) in instances.iter().enumerate() {
            let took = common::view(&instance.router, "/integrations", &cookies[i]).await;
            // The first rounds warm the caches and the allocator.
            if round >= 20 {
                times[i].push(took);
            }
        }
    }
    let [mut alone_times, mut shared_times] = times;
    alone_times.sort();
    shared_times.sort();
    (alone_times, shared_times)
}

/// Connects the key-based app copper for the account behind `cookie`, as cobalt-js does.
async fn connect_copper(sandbox_url: &str, router: &axum::Router, cookie: &str) {
    let request = Request::post(app::api::GetSessionToken::PATH)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ORIGIN, common::PUBLIC_URL)
        .header(header::COOKIE, cookie)
        .body(Body::from("force_refresh=false"))
        .unwrap();
    let reply = router.clone().oneshot(request).await.unwrap();
    let session: serde_json::Value = serde_json::from_str(&common::body(reply).await).unwrap();
    let saved = reqwest::Client::new()
        .post(format!("{sandbox_url}/api/v2/app/copper/save"))
        .bearer_auth(session["token"].as_str().unwrap())
        .json(&serde_json::json!({"api_token": "secret-token", "email": "ops@example.com"}))
        .send()
        .await
        .unwrap();
    assert!(saved.status().is_success());
}

/// Time from handing A a signed webhook to B's stream carrying it, once per event.
async fn webhook_hops(a: &Instance, b: &Instance, sandbox_url: &str) -> Vec<Duration> {
    let cookie = common::sign_up(&a.router, "hops@example.com").await;
    let accounts = common::cobalt(
        sandbox_url,
        reqwest::Method::GET,
        "/api/v2/public/linked-account?limit=100",
    )
    .send()
    .await
    .unwrap()
    .json::<serde_json::Value>()
    .await
    .unwrap();
    let account = accounts["docs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|doc| doc["udf"].to_string().contains("hops@example.com"))
        .map(|doc| doc["account_id"].as_str().unwrap().to_owned())
        .unwrap();
    let events = Request::get("/events")
        .header(header::COOKIE, &cookie)
        .body(Body::empty())
        .unwrap();
    let mut stream = b
        .router
        .clone()
        .oneshot(events)
        .await
        .unwrap()
        .into_body()
        .into_data_stream();
    let mut hops = Vec::with_capacity(WEBHOOKS);
    let now = app::server::identity::now_secs();
    let format = time::macros::format_description!(
        "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
    );
    let created_at = time::OffsetDateTime::from_unix_timestamp(now as i64)
        .unwrap()
        .format(format)
        .unwrap();
    for i in 0..WEBHOOKS {
        // A slug per event: each is its own app's newest, never a redelivery.
        let body = serde_json::json!({"linked_account_id": account, "org_id": "o", "environment": "test",
            "type": "General", "event": "Connection Expired", "slug": format!("app{i}"), "createdAt": created_at})
        .to_string();
        let request = Request::post("/webhooks/cobalt")
            .header(header::CONTENT_TYPE, "application/json")
            .header(
                "x-cobalt-signature",
                sandbox::webhook_signature(API_KEY, body.as_bytes()),
            )
            .body(Body::from(body))
            .unwrap();
        let started = Instant::now();
        a.router.clone().oneshot(request).await.unwrap();
        let wanted = format!("\"app{i}\"");
        loop {
            let chunk = tokio::time::timeout(Duration::from_secs(5), stream.next())
                .await
                .expect("the event reached B")
                .unwrap()
                .unwrap();
            if String::from_utf8_lossy(&chunk).contains(&wanted) {
                break;
            }
        }
        hops.push(started.elapsed());
    }
    hops
}
