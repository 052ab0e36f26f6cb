//! The admin API under `/_sandbox/`: its answers over HTTP (the contract `sandbox::admin`
//! relies on), fault injection, the rate limit, expiring connections, counters and reset.

use super::*;

use cobalt::WebhookEvent;

#[tokio::test]
async fn admin_routes_need_the_api_key() {
    let sandbox = start().await;
    let (status, body) = send(sandbox.request(Method::POST, "/_sandbox/reset")).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["message"], "Invalid Credentials");
    let (status, _) = send(sandbox.request(Method::GET, "/_sandbox/health")).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn injected_errors_apply_to_the_next_n_matching_calls() {
    let sandbox = start().await;
    let token = sandbox.session("user_1").await;
    let (status, fault) = sandbox
        .with_key(Method::POST, "/_sandbox/faults", json!({"path": "/api/v2/f-sdk/application*", "method": "GET", "status": 503, "count": 2, "message": "Cobalt is down"}))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{fault}");
    for _ in 0..2 {
        let (status, body) =
            send(sandbox.bearer(Method::GET, "/api/v2/f-sdk/application/slack", &token)).await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
        assert_envelope(&body, 503, "SERVER_ERROR", "Cobalt is down");
    }
    let (status, _) =
        send(sandbox.bearer(Method::GET, "/api/v2/f-sdk/application/slack", &token)).await;
    assert_eq!(status, StatusCode::OK);
    let (_, faults) = sandbox
        .with_key(Method::GET, "/_sandbox/faults", json!(null))
        .await;
    assert_eq!(faults, json!([]));
    let (status, _) = sandbox
        .with_key(
            Method::POST,
            "/_sandbox/faults",
            json!({"path": "/x", "status": 200}),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _) = sandbox
        .with_key(
            Method::POST,
            "/_sandbox/faults",
            json!({"path": "/x", "status": 500, "bogus": 1}),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn injected_latency_delays_the_answer() {
    let sandbox = start().await;
    let token = sandbox.session("user_1").await;
    sandbox
        .admin
        .add_fault(&FaultSpec::latency(
            "/api/v2/f-sdk/*",
            Duration::from_millis(300),
        ))
        .await
        .unwrap();
    let started = Instant::now();
    let (status, _) = send(sandbox.bearer(Method::GET, "/api/v2/f-sdk/application", &token)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(started.elapsed() >= Duration::from_millis(300));
    let (_, cleared) = sandbox
        .with_key(Method::DELETE, "/_sandbox/faults", json!(null))
        .await;
    assert_eq!(cleared["cleared"], 0);
}

#[tokio::test]
async fn a_fault_scoped_to_an_account_meets_only_that_accounts_calls() {
    let sandbox = start().await;
    let mine = sandbox.session("user_1").await;
    let theirs = sandbox.session("user_2").await;
    let (status, fault) = sandbox
        .with_key(
            Method::POST,
            "/_sandbox/faults",
            json!({"path": "/api/v2/*/application*", "status": 503, "count": 3, "linked_account_id": "user_1"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{fault}");
    assert_eq!(fault["linked_account_id"], "user_1");

    // Another account's calls, by session token or by key and header, pass and use none of it;
    // so does a call that names no account.
    let (status, _) = send(sandbox.bearer(Method::GET, "/api/v2/f-sdk/application", &theirs)).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) =
        send(sandbox.account_scoped(Method::GET, "/api/v2/public/application", "user_2")).await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = send(sandbox.key(Method::GET, "/api/v2/public/application")).await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "the route's own answer: {body}"
    );
    let faults = sandbox.admin.faults().await.unwrap();
    assert_eq!(faults.len(), 1);
    assert_eq!(faults[0].remaining, 3);

    // The account's calls meet it, however they name the account.
    let by_session = sandbox.bearer(Method::GET, "/api/v2/f-sdk/application", &mine);
    let by_header = sandbox.account_scoped(Method::GET, "/api/v2/public/application", "user_1");
    let by_query = sandbox.key(
        Method::GET,
        "/api/v2/public/application?linked_account_id=user_1",
    );
    for request in [by_session, by_header, by_query] {
        let (status, body) = send(request).await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
        assert_envelope(&body, 503, "SERVER_ERROR", "Injected fault");
    }
    assert_eq!(sandbox.admin.faults().await.unwrap(), []);
    let (status, _) = send(sandbox.bearer(Method::GET, "/api/v2/f-sdk/application", &mine)).await;
    assert_eq!(status, StatusCode::OK);

    // The account is that of the key's environment: production's user_1 is another account.
    let production = AdminClient::with_http(sandbox.http.clone(), sandbox.base.clone(), PROD_KEY);
    production
        .add_fault(&FaultSpec::error("/api/*", 500).for_account("user_1"))
        .await
        .unwrap();
    let (status, _) = send(sandbox.bearer(Method::GET, "/api/v2/f-sdk/application", &mine)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(production.faults().await.unwrap()[0].remaining, 1);

    let (status, body) = sandbox
        .with_key(
            Method::POST,
            "/_sandbox/faults",
            json!({"path": "/x", "status": 500, "linked_account_id": " "}),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
}

#[tokio::test]
async fn a_scoped_clear_leaves_the_faults_of_other_accounts() {
    let sandbox = start().await;
    let admin = &sandbox.admin;
    let fault = |account: &str| FaultSpec::error("/api/*", 500).for_account(account);
    for spec in [fault("user_1"), fault("user_1"), fault("user_2")] {
        admin.add_fault(&spec).await.unwrap();
    }
    let everyone = admin
        .add_fault(&FaultSpec::error("/api/*", 502))
        .await
        .unwrap();
    let production = AdminClient::with_http(sandbox.http.clone(), sandbox.base.clone(), PROD_KEY);
    production.add_fault(&fault("user_2")).await.unwrap();

    assert_eq!(admin.clear_account_faults("user_1").await.unwrap(), 2);
    assert_eq!(admin.clear_account_faults("user_1").await.unwrap(), 0);
    assert_eq!(admin.clear_account_faults("user_2").await.unwrap(), 1);
    let left: Vec<_> = admin.faults().await.unwrap();
    assert_eq!(left.len(), 2, "{left:?}");
    assert_eq!(left[0], everyone);
    assert_eq!(
        left[1].spec,
        fault("user_2"),
        "production's user_2 keeps its fault"
    );

    let (status, body) = sandbox
        .with_key(
            Method::DELETE,
            "/_sandbox/faults?linked_account_id=",
            json!(null),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(admin.faults().await.unwrap().len(), 2);
    assert_eq!(admin.clear_faults().await.unwrap(), 2);
}

#[tokio::test]
async fn the_rate_limit_answers_429_with_retry_after_when_switched_on() {
    let sandbox = start().await;
    let token = sandbox.session("user_1").await;
    let (status, settings) = sandbox
        .with_key(
            Method::PUT,
            "/_sandbox/rate-limit",
            json!({"enabled": true}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        settings,
        json!({"enabled": true, "per_second": 20.0, "burst": 5.0})
    );
    let mut limited = None;
    for _ in 0..10 {
        let response = sandbox
            .bearer(Method::GET, "/api/v2/f-sdk/application", &token)
            .send()
            .await
            .unwrap();
        if response.status() == StatusCode::TOO_MANY_REQUESTS {
            limited = Some(response);
            break;
        }
    }
    let response = limited.expect("the burst of 5 is exceeded within 10 immediate calls");
    assert_eq!(response.headers()["retry-after"], "1");
    let body: Value = response.json().await.unwrap();
    assert_envelope(&body, 429, "RATE_LIMIT_EXCEEDED", "Rate limit exceeded");
    sandbox
        .admin
        .set_rate_limit(&RateLimitSettings::off())
        .await
        .unwrap();
    let (status, _) = send(sandbox.bearer(Method::GET, "/api/v2/f-sdk/application", &token)).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn expiring_a_connection_requires_reauth_and_sends_connection_expired() {
    let (hooks, sandbox) = start_delivering().await;
    let token = sandbox.session("user_1").await;
    sandbox.consent(&token, "hubspot", "allow").await;
    sandbox.config(&token, "hubspot").await;
    let (status, app) = sandbox
        .with_key(
            Method::POST,
            "/_sandbox/connections/expire",
            json!({"linked_account_id": "user_1", "slug": "hubspot"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{app}");
    let app = sandbox.app(&token, "hubspot").await;
    assert_eq!(app["connected"], true);
    assert_eq!(app["reauth_required"], true);
    assert_eq!(app["connected_accounts"][0]["status"], "expired");
    let events = hooks.events(2, KEY).await;
    assert_eq!(events[1]["event"], "Connection Expired");

    // Reconnecting clears the expiry and keeps the config.
    sandbox.consent(&token, "hubspot", "allow").await;
    let app = sandbox.app(&token, "hubspot").await;
    assert_eq!(app["reauth_required"], false);
    assert_eq!(app["connected_accounts"][0]["status"], "active");
    let (status, _) =
        send(sandbox.bearer(Method::GET, "/api/v2/f-sdk/slug/hubspot/config", &token)).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = sandbox
        .with_key(
            Method::POST,
            "/_sandbox/connections/expire",
            json!({"linked_account_id": "user_1", "slug": "slack"}),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn counters_count_calls_per_route_and_reset_forgets_everything() {
    let sandbox = start().await;
    let token = sandbox.session("user_1").await;
    sandbox.app(&token, "slack").await;
    sandbox.app(&token, "hubspot").await;
    let (_, counters) = sandbox
        .with_key(Method::GET, "/_sandbox/counters", json!(null))
        .await;
    assert_eq!(
        counters["routes"]["GET /api/v2/f-sdk/application/{slug}"],
        2
    );
    assert_eq!(counters["routes"]["PUT /api/v2/public/linked-account"], 1);
    assert!(
        counters["routes"]
            .as_object()
            .unwrap()
            .keys()
            .all(|route| !route.contains("_sandbox"))
    );

    let (status, _) = sandbox
        .with_key(Method::POST, "/_sandbox/reset", json!(null))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, counters) = sandbox
        .with_key(Method::GET, "/_sandbox/counters", json!(null))
        .await;
    assert_eq!(counters["total"], 0);
    let (status, _) = send(sandbox.bearer(Method::GET, "/api/v2/f-sdk/application", &token)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (_, page) = send(sandbox.key(Method::GET, "/api/v2/public/linked-account")).await;
    assert_eq!(page["totalDocs"], 0);
}

#[tokio::test]
async fn the_typed_admin_client_reads_and_switches_what_the_routes_answer() {
    let (hooks, sandbox) = start_delivering().await;
    let admin = &sandbox.admin;
    admin.health().await.unwrap();
    let token = sandbox.session("user_1").await;

    let spec = FaultSpec::error("/api/v2/f-sdk/application*", 503)
        .on(Method::GET)
        .times(2)
        .after(Duration::from_millis(1))
        .with_message("Cobalt is down");
    let fault = admin.add_fault(&spec).await.unwrap();
    assert_eq!((&fault.spec, fault.remaining), (&spec, 2));
    assert_eq!(admin.faults().await.unwrap(), [fault]);
    assert_eq!(admin.clear_faults().await.unwrap(), 1);

    sandbox.consent(&token, "hubspot", "allow").await;
    let app = admin
        .expire_connection("user_1", "hubspot", None)
        .await
        .unwrap();
    assert!(app.connected && app.reauth_required, "{app:?}");
    hooks.events(2, KEY).await;
    let log = admin.webhooks().await.unwrap();
    assert_eq!(log.configured, std::slice::from_ref(&hooks.url));
    let events: Vec<_> = log.deliveries.iter().map(|d| d.event.clone()).collect();
    assert_eq!(
        events,
        [
            WebhookEvent::ConnectionCreated,
            WebhookEvent::ConnectionExpired
        ]
    );

    let account = || "user_1".to_owned();
    let expired = admin
        .expire_tokens(&TokenSelector::Account {
            linked_account_id: account(),
        })
        .await;
    assert_eq!(expired.unwrap(), 1);
    let fresh = sandbox.token("user_1").await;
    let revoked = admin
        .revoke_tokens(&TokenSelector::AccountToken {
            linked_account_id: account(),
            token: fresh,
        })
        .await;
    assert_eq!(revoked.unwrap(), 1);

    let counters = admin.counters().await.unwrap();
    assert_eq!(counters.calls("PUT /api/v2/public/linked-account"), 1);
    assert_eq!(counters.calls("GET /nowhere"), 0);
    assert!(
        counters.api_calls() < counters.total,
        "the consent page is not an API call"
    );
    admin.reset_counters().await.unwrap();
    assert_eq!(admin.counters().await.unwrap().total, 0);

    // A refusal carries the status and the sandbox's own message.
    let refused = admin
        .expire_connection("user_1", "slack", None)
        .await
        .unwrap_err();
    assert_eq!(refused.status(), Some(404));
    assert!(
        refused
            .to_string()
            .contains("slack is not connected for user_1"),
        "{refused}"
    );
    let stranger = AdminClient::new(sandbox.base.clone(), "tk_unknown");
    assert_eq!(stranger.reset().await.unwrap_err().status(), Some(401));

    let limit = RateLimitSettings::cobalts();
    assert_eq!(admin.set_rate_limit(&limit).await.unwrap(), limit);
    assert_eq!(admin.rate_limit().await.unwrap(), limit);
    admin.reset().await.unwrap();
    assert_eq!(admin.rate_limit().await.unwrap(), RateLimitSettings::off());
}
