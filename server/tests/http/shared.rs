//! Two instances sharing nothing but Redis and one standalone sandbox, as behind a load
//! balancer. Redis is the real `redis-server` the test script starts (`REDIS_TEST_URL`); each
//! test keeps its keys under a prefix of its own, so the tests run in parallel.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use app::server::shared::{Health, Shared};

use super::*;

const COOKIE_KEY: &str = "shared-cookie-key-for-tests-0123456789abcdef";

fn redis_url() -> String {
    std::env::var("REDIS_TEST_URL").expect(
        "REDIS_TEST_URL names the Redis these tests share (scripts/test.sh starts one), e.g. unix:///tmp/redis.sock",
    )
}

/// A key prefix no other test uses.
fn prefix() -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!(
        "test:{}:{}:",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}

/// An instance in live mode against `sandbox`, sharing state through the Redis at `url`.
async fn instance(
    sandbox: &Arc<sandbox::RunningSandbox>,
    url: &str,
    prefix: &str,
    settings: &[(&'static str, &'static str)],
) -> (TestApp, Arc<Shared>) {
    let api_url = sandbox.base_url();
    let vars: HashMap<&str, &str> = [
        ("COBALT_API_KEY", API_KEY),
        ("COBALT_API_URL", api_url.as_str()),
        ("PUBLIC_URL", PUBLIC_URL),
        ("COOKIE_KEY", COOKIE_KEY),
        ("EMBED_SECRET", EMBED_SECRET),
        ("SIGNUP_ENABLED", "true"),
        ("REDIS_URL", url),
        ("REDIS_KEY_PREFIX", prefix),
    ]
    .into_iter()
    .chain(settings.iter().copied())
    .collect();
    let config = Config::from_lookup(|name| vars.get(name).map(|v| v.to_string())).unwrap();
    let shared = Shared::with_redis(url, prefix, COOKIE_KEY.as_bytes()).unwrap();
    let state = AppState::new(
        LeptosOptions::builder()
            .output_name("integrations-tab")
            .build(),
        config,
        AssetVersions::default(),
        shared.clone(),
    )
    .unwrap();
    (TestApp::new(server::router(state), sandbox.clone()), shared)
}

/// Waits until `shared` says `health` (connected and subscribed, or not), at most 5 s.
async fn until_health(shared: &Shared, health: Health) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while shared.health() != health {
        assert!(
            tokio::time::Instant::now() < deadline,
            "shared state still {:?}, not {health:?}",
            shared.health()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Instances A and B, subscribed and ready, over one sandbox.
async fn pair(settings: &[(&'static str, &'static str)]) -> (TestApp, TestApp) {
    let sandbox = Arc::new(
        sandbox::spawn(sandbox::SandboxConfig {
            addr: "127.0.0.1:0".parse().unwrap(),
            allowed_origins: vec![PUBLIC_URL.to_owned()],
            ..Default::default()
        })
        .await
        .expect("sandbox starts"),
    );
    let (url, prefix) = (redis_url(), prefix());
    let (a, shared_a) = instance(&sandbox, &url, &prefix, settings).await;
    let (b, shared_b) = instance(&sandbox, &url, &prefix, settings).await;
    until_health(&shared_a, Health::Up).await;
    until_health(&shared_b, Health::Up).await;
    (a, b)
}

#[tokio::test]
async fn a_webhook_to_one_instance_reaches_a_tab_on_the_other_once() {
    let (a, b) = pair(&[]).await;
    let ada = a.sign_up("Ada", "ada%40example.com").await;
    let id = a.only_account_id().await;
    let eve = a.sign_up("Eve", "eve%40example.com").await;
    let (mut tab, mut eve_tab) = (b.events(&ada).await, b.events(&eve).await);
    let expired = connection_event(&id, "Connection Expired", "copper", now());
    a.send(signed_webhook(&expired, API_KEY)).await;
    let wait = Duration::from_secs(5);
    assert_eq!(
        tab.next_status(wait).await,
        Some(json!({"slug": "copper", "status": "NeedsReconnect"}))
    );
    // Cobalt redelivers to the other instance: ignored there too.
    assert_eq!(
        b.send(signed_webhook(&expired, API_KEY)).await.status,
        StatusCode::OK
    );
    let quiet = Duration::from_millis(300);
    assert_eq!(
        tab.next_status(quiet).await,
        None,
        "a redelivery pushes nothing"
    );
    // An older event for the same app, arriving late, changes nothing either.
    let older = connection_event(&id, "Connection Created", "copper", now() - 60);
    b.send(signed_webhook(&older, API_KEY)).await;
    assert_eq!(
        tab.next_status(quiet).await,
        None,
        "an out-of-order event pushes nothing"
    );
    assert_eq!(
        eve_tab.next_status(quiet).await,
        None,
        "another account hears nothing"
    );
}

#[tokio::test]
async fn a_change_on_one_instance_is_read_on_the_other_at_once() {
    let (a, b) = pair(&[]).await;
    let ada = a.sign_up("Ada", "ada%40example.com").await;
    // B's catalog is warm (cached for 30 s) before the change.
    assert_eq!(
        b.status_of(&ada, "copper").await,
        ConnectionStatus::Available
    );
    a.connect_key_based(&ada, "copper").await;
    // The return from the connection, on A, reads Cobalt afresh: so does B's next read.
    a.get("/integrations/copper?status=connected", Some(&ada))
        .await;
    assert_eq!(
        b.status_of(&ada, "copper").await,
        ConnectionStatus::NeedsSetup
    );

    let mut tab = b.events(&ada).await;
    let reply = a
        .post_form(Disconnect::PATH, "slug=copper", Some(&ada))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(
        tab.next_status(Duration::from_secs(5)).await,
        Some(json!({"slug": "copper", "status": "Available"}))
    );
    assert_eq!(
        b.status_of(&ada, "copper").await,
        ConnectionStatus::Available
    );
}

#[tokio::test]
async fn a_shared_budget_of_ten_passes_five_and_five_and_refuses_the_eleventh() {
    let (a, b) = pair(&[("ADDRESS_RATE_LIMIT_PER_MINUTE", "10")]).await;
    // `/embed` spends the client address's budget (the token is missing: a 401 page).
    for app in [&a, &b] {
        for _ in 0..5 {
            assert_eq!(
                app.get("/embed", None).await.status,
                StatusCode::UNAUTHORIZED
            );
        }
    }
    for app in [&a, &b] {
        let refused = app.get("/embed", None).await;
        assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
        assert!(refused.headers.contains_key(header::RETRY_AFTER));
    }
}

#[tokio::test]
async fn a_session_token_is_minted_once_and_refreshed_once_across_instances() {
    let (a, b) = pair(&[]).await;
    let ada = a.sign_up("Ada", "ada%40example.com").await;
    let route = "POST /api/v2/public/session-token";
    let before = a.calls(route).await;
    let tokens = futures::future::join_all((0..6).map(|i| {
        if i % 2 == 0 {
            a.session_token(&ada)
        } else {
            b.session_token(&ada)
        }
    }))
    .await;
    assert!(
        tokens.windows(2).all(|w| w[0] == w[1]),
        "one token for both"
    );
    assert_eq!(a.calls(route).await - before, 1, "minted once");

    let renewed = forced_token(&a, &ada).await;
    assert_ne!(renewed, tokens[0]);
    // B's browser met the same 401: B hands out A's new token, it does not mint another.
    assert_eq!(forced_token(&b, &ada).await, renewed);
    assert_eq!(b.session_token(&ada).await, renewed);
    assert_eq!(
        a.calls(route).await - before,
        2,
        "one forced refresh a minute"
    );
}

/// The token `app` hands out when the browser asks for a fresh one.
async fn forced_token(app: &TestApp, cookie: &str) -> String {
    let reply = app
        .post_form(GetSessionToken::PATH, "force_refresh=true", Some(cookie))
        .await;
    reply.json()["token"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_sign_out_on_one_instance_ends_the_session_on_the_other() {
    let (a, b) = pair(&[]).await;
    let ada = a.sign_up("Ada", "ada%40example.com").await;
    let mut tab = b.events(&ada).await;
    let reply = a.post_form("/signout", "", Some(&ada)).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert!(
        tab.end(Duration::from_secs(5)).await.is_ok(),
        "B's stream ends"
    );
    let page = b.get("/integrations", Some(&ada)).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "B refuses the cookie");
}

/// A `redis-server` of the test's own on a Unix socket, stopped when dropped.
struct OwnRedis(std::process::Child);

impl OwnRedis {
    fn start(socket: &std::path::Path) -> Self {
        let child = std::process::Command::new("redis-server")
            .args(["--port", "0", "--save", "", "--appendonly", "no"])
            .arg("--unixsocket")
            .arg(socket)
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("redis-server is installed (scripts/setup.sh)");
        Self(child)
    }
}

impl Drop for OwnRedis {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
async fn without_redis_pages_are_served_and_readyz_says_so_until_it_is_back() {
    let sandbox = Arc::new(
        sandbox::spawn(sandbox::SandboxConfig {
            addr: "127.0.0.1:0".parse().unwrap(),
            ..Default::default()
        })
        .await
        .expect("sandbox starts"),
    );
    let dir = std::env::temp_dir().join(format!("itab-redis-{}", prefix().replace(':', "-")));
    std::fs::create_dir_all(&dir).unwrap();
    let socket = dir.join("redis.sock");
    let url = format!("unix://{}", socket.display());
    let (app, shared) = instance(&sandbox, &url, &prefix(), &[]).await;
    until_health(&shared, Health::Down).await;
    assert_eq!(
        app.get("/readyz", None).await.status,
        StatusCode::SERVICE_UNAVAILABLE
    );
    // Nothing answers: each command gives up at its deadline, and the page is still served.
    let started = std::time::Instant::now();
    let ada = app.sign_up("Ada", "ada%40example.com").await;
    let page = app.get("/integrations", Some(&ada)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("HubSpot"));
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );

    let mut tab = app.events(&ada).await;
    let _redis = OwnRedis::start(&socket);
    until_health(&shared, Health::Up).await;
    assert_eq!(app.get("/readyz", None).await.status, StatusCode::OK);
    // Other instances' changes meanwhile never reached this one: the open tab is sent every
    // status afresh.
    let status = tab
        .next_status(Duration::from_secs(5))
        .await
        .expect("a status");
    assert_eq!(status["status"], "Available", "{status}");
    assert_eq!(
        app.get("/integrations", Some(&ada)).await.status,
        StatusCode::OK
    );
    let _ = std::fs::remove_dir_all(&dir);
}
