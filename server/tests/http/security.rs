//! Sessions that end, hand-offs that cannot be turned against a user, mutations from other
//! sites, secrets kept out of responses, limits on every route, bounded streams and checked ids:
//! each as an attacker would try it.

use super::*;

impl TestApp {
    /// The named configurations Cobalt holds for the account signed up as `name`.
    async fn named_configs(&self, name: &str, slug: &str) -> Vec<String> {
        let accounts = self
            .cobalt(
                reqwest::Method::GET,
                "/api/v2/public/linked-account?limit=100",
                None,
            )
            .await;
        let id = accounts["docs"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["name"] == name)
            .map(|a| a["account_id"].as_str().unwrap().to_owned())
            .unwrap();
        let ids: Value = self
            .http
            .get(format!(
                "{}/api/v2/public/slug/{slug}/configs",
                self.sandbox.base_url()
            ))
            .header("x-api-key", API_KEY)
            .header("linked_account_id", &id)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        ids.as_array()
            .unwrap()
            .iter()
            .map(|c| c["config_id"].as_str().unwrap().to_owned())
            .filter(|c| *c != id)
            .collect()
    }
}

/// Whether Cobalt (the sandbox) still accepts `token` as a session token.
async fn token_works(app: &TestApp, token: &str) -> bool {
    app.http
        .get(format!(
            "{}/api/v2/f-sdk/application",
            app.sandbox.base_url()
        ))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .status()
        .is_success()
}

#[tokio::test]
async fn a_cookie_copied_before_sign_out_is_refused_and_the_cobalt_token_ends() {
    let app = test_app().await;
    let cookie = app.sign_up("Ada", "ada%40example.com").await;
    let token = app.session_token(&cookie).await;
    assert!(token_works(&app, &token).await);

    let reply = app.post_form("/signout", "", Some(&cookie)).await;
    assert!(reply.status.is_redirection());
    let set = reply.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(
        set.starts_with("itab_session=;") && set.contains("Max-Age=0"),
        "{set}"
    );

    let page = app.get("/integrations", Some(&cookie)).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "the copy is signed out");
    assert!(
        page.headers[header::LOCATION]
            .to_str()
            .unwrap()
            .starts_with("/signup")
    );
    let call = app
        .post_form(ListIntegrations::PATH, "", Some(&cookie))
        .await;
    assert_eq!(call.status, StatusCode::UNAUTHORIZED);
    assert!(
        !token_works(&app, &token).await,
        "Cobalt's session token is revoked"
    );

    // Another session of the same account is not signed out by it.
    let other = app.sign_up("Ada", "ada%40example.com").await;
    assert_eq!(
        app.get("/integrations", Some(&other)).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_stream_ends_at_sign_out_and_at_expiry() {
    let key = "cookie-key-for-tests-0123456789abcdefghij";
    let app = test_app_with(&[("COOKIE_KEY", key)], Vec::new()).await;
    let cookie = app.sign_up("Ada", "ada%40example.com").await;
    let mut stream = app.events(&cookie).await;
    app.post_form("/signout", "", Some(&cookie)).await;
    assert_eq!(
        stream.end(Duration::from_secs(5)).await,
        Ok(()),
        "ended by sign-out"
    );

    let config = Config::from_lookup(|name| match name {
        "PUBLIC_URL" => Some(PUBLIC_URL.to_owned()),
        "COOKIE_KEY" => Some(key.to_owned()),
        _ => None,
    })
    .unwrap();
    let mut identity = app::server::Identity::new(&config, "cus_short".into(), "Ada".into(), false);
    identity.expires_at = now() + 2;
    let set = app::server::identity::set_cookie(&config, &identity).unwrap();
    let short = set.split(';').next().unwrap().to_owned();
    let mut stream = app.events(&short).await;
    assert_eq!(
        stream.end(Duration::from_secs(6)).await,
        Ok(()),
        "ended at expiry"
    );
}

#[tokio::test]
async fn an_account_may_hold_eight_streams_and_the_ninth_is_refused() {
    let app = test_app().await;
    let ada = app.sign_up("Ada", "ada%40example.com").await;
    let eve = app.sign_up("Eve", "eve%40example.com").await;
    let mut open = Vec::new();
    for _ in 0..8 {
        open.push(app.events(&ada).await);
    }
    let ninth = tokio::time::timeout(Duration::from_secs(5), app.get("/events", Some(&ada)))
        .await
        .expect("the ninth stream is answered at once, not held open");
    assert_eq!(ninth.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(ninth.body.contains("8 tabs"), "{}", ninth.body);
    app.events(&eve).await;
    open.pop();
    // The place is freed once the dropped stream's body is gone.
    app.events(&ada).await;
}

#[tokio::test]
async fn an_embed_link_opened_outside_the_host_signs_nobody_in() {
    let app = test_app().await;
    let token = host_token(json!({"sub": "cus_mallory", "name": "Mallory"}));
    let pasted = app.get(&format!("/embed?token={token}"), None).await;
    assert_eq!(pasted.status, StatusCode::UNAUTHORIZED);
    assert!(pasted.body.contains("host app"), "{}", pasted.body);
    assert!(pasted.session_cookie().is_none());
    let elsewhere = Request::get(format!("/embed?token={token}"))
        .header(header::REFERER, "https://evil.example/page")
        .body(Body::empty())
        .unwrap();
    assert_eq!(app.send(elsewhere).await.status, StatusCode::UNAUTHORIZED);
    let framed = Request::get(format!(
        "/embed?token={}",
        host_token(json!({"sub": "cus_f"}))
    ))
    .header("sec-fetch-dest", "iframe")
    .body(Body::empty())
    .unwrap();
    assert_eq!(
        app.send(framed).await.status,
        StatusCode::SEE_OTHER,
        "inside the host's frame"
    );
}

#[tokio::test]
async fn switching_to_another_account_asks_first() {
    let app = test_app().await;
    let ada = app.sign_up("Ada", "ada%40example.com").await;
    let token = host_token(json!({"sub": "cus_grace", "name": "Grace"}));
    let asked = app.embed(&token, Some(&ada)).await;
    assert_eq!(asked.status, StatusCode::OK, "{}", asked.body);
    assert!(asked.body.contains("Continue as Grace?"), "{}", asked.body);
    assert!(asked.session_cookie().is_none(), "nothing switched yet");
    assert!(
        !asked.body.contains(&token),
        "the token is not put in the page"
    );
    assert_eq!(
        app.get("/integrations", Some(&ada)).await.status,
        StatusCode::OK
    );

    let pending = asked
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().split(';').next().unwrap().to_owned())
        .find(|c| c.starts_with("itab_embed="))
        .expect("the hand-off waits in a sealed cookie");
    let both = format!("{ada}; {pending}");
    let switched = app.post_form("/embed/continue", "", Some(&both)).await;
    assert_eq!(switched.status, StatusCode::SEE_OTHER, "{}", switched.body);
    let grace = switched.session_cookie().unwrap();
    let page = app.get("/integrations", Some(&grace)).await;
    assert!(page.body.contains("Signed in as Grace"));
    assert!(
        app.get("/integrations", Some(&ada))
            .await
            .status
            .is_redirection(),
        "Ada's session ended"
    );

    let forged = app
        .post_form("/embed/continue", "", Some("itab_embed=forged"))
        .await;
    assert_eq!(forged.status, StatusCode::UNAUTHORIZED);
    assert!(forged.session_cookie().is_none());
}

#[tokio::test]
async fn every_route_spends_the_accounts_budget_by_its_cobalt_calls() {
    let app = test_app_with(&[("RATE_LIMIT_PER_MINUTE", "4")], Vec::new()).await;
    let ada = app.sign_up("Ada", "ada%40example.com").await;
    let eve = app.sign_up("Eve", "eve%40example.com").await;
    app.cards(&ada).await; // the request and one Cobalt call
    app.cards(&ada).await; // the request; the catalog is cached
    assert_eq!(
        app.get("/integrations", Some(&ada)).await.status,
        StatusCode::OK
    );

    let page = app.get("/integrations", Some(&ada)).await;
    assert_eq!(
        page.status,
        StatusCode::TOO_MANY_REQUESTS,
        "a looping page view"
    );
    // 4 a minute: one is back 15 s after the bucket emptied (14 on a slow machine).
    let wait = page.headers[header::RETRY_AFTER]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(wait == "15" || wait == "14", "Retry-After: {wait}");
    assert!(
        page.body.contains(&format!("please wait {wait} seconds")),
        "{}",
        page.body
    );
    let call = app.post_form(ListIntegrations::PATH, "", Some(&ada)).await;
    assert_eq!(call.status, StatusCode::TOO_MANY_REQUESTS);
    let error: app::error::AppError = serde_json::from_str(&call.body).unwrap();
    assert!(
        matches!(error, app::error::AppError::RateLimited { .. }),
        "{error:?}"
    );
    let save = app
        .post_form("/integrations/copper/config", "f.x=1", Some(&ada))
        .await;
    assert_eq!(
        save.status,
        StatusCode::TOO_MANY_REQUESTS,
        "a looping failed save"
    );

    // Another account is still served: a cold page (the request and one Cobalt call, however
    // often the render polls its data) and one more call.
    assert_eq!(
        app.get("/integrations", Some(&eve)).await.status,
        StatusCode::OK
    );
    app.cards(&eve).await;
}

#[tokio::test]
async fn a_failed_save_spends_its_cobalt_calls_too() {
    let app = test_app_with(&[("RATE_LIMIT_PER_MINUTE", "12")], Vec::new()).await;
    let ada = app.sign_up("Ada", "ada%40example.com").await;
    let mut statuses = Vec::new();
    for _ in 0..11 {
        let reply = app
            .post_form("/integrations/stripe/config", "f.nothing=1", Some(&ada))
            .await;
        statuses.push(reply.status.as_u16());
    }
    // The first save costs the post and two Cobalt calls (the catalog, the configuration);
    // the next ones find both cached and cost their post alone, until the 12 are spent.
    let mut expected = vec![422; 10];
    expected.push(429);
    assert_eq!(statuses, expected);
}

#[tokio::test]
async fn sign_up_is_limited_per_address() {
    let app = test_app_with(&[("ADDRESS_RATE_LIMIT_PER_MINUTE", "2")], Vec::new()).await;
    for _ in 0..2 {
        let reply = app.post_form("/signup", "name=&email=", None).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let reply = app.post_form("/signup", "name=&email=", None).await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(reply.headers.contains_key(header::RETRY_AFTER));
}

#[tokio::test]
async fn a_429_from_cobalt_stops_every_call_until_its_retry_after() {
    let app = test_app().await;
    let ada = app.sign_up("Ada", "ada%40example.com").await;
    let eve = app.sign_up("Eve", "eve%40example.com").await;
    app.admin
        .add_fault(&FaultSpec::error("/api/v2/public/application", 429).times(5))
        .await
        .unwrap();
    let route = "GET /api/v2/public/application";
    let first = app.post_form(ListIntegrations::PATH, "", Some(&ada)).await;
    assert_eq!(
        first.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        first.body
    );
    assert!(first.body.contains("Busy"), "{}", first.body);
    assert_eq!(app.calls(route).await, 1, "not retried");
    let other = app.post_form(ListIntegrations::PATH, "", Some(&eve)).await;
    assert_eq!(other.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        app.calls(route).await,
        1,
        "nothing sent while Cobalt's wait lasts"
    );
    let page = app.get("/integrations", Some(&eve)).await;
    assert_eq!(page.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(page.headers.contains_key(header::RETRY_AFTER));
    assert!(page.body.contains("busy"), "{}", page.body);
}

#[tokio::test]
async fn status_on_a_detail_page_reloads_the_catalog_at_most_every_few_seconds() {
    let app = test_app().await;
    let ada = app.sign_up("Ada", "ada%40example.com").await;
    let route = "GET /api/v2/public/application";
    app.get("/integrations", Some(&ada)).await;
    let before = app.calls(route).await;
    for _ in 0..5 {
        let page = app
            .get("/integrations/copper?status=connected", Some(&ada))
            .await;
        assert_eq!(page.status, StatusCode::OK);
    }
    assert_eq!(app.calls(route).await, before + 1, "one reload, not five");
}

#[tokio::test]
async fn configuration_ids_must_be_the_accounts_own() {
    let app = test_app().await;
    let ada = app.sign_up("Ada", "ada%40example.com").await;
    let eve = app.sign_up("Eve", "eve%40example.com").await;
    // The configuration section is shown for connected apps.
    app.connect_key_based(&ada, "copper").await;
    app.connect_key_based(&eve, "copper").await;
    let created = app
        .post_form("/integrations/copper/configs", "name=eu-team", Some(&ada))
        .await;
    assert!(
        created.headers[header::LOCATION]
            .to_str()
            .unwrap()
            .contains("created=1")
    );

    // Eve cannot read, save to, create by GET or delete Ada's named configuration.
    let page = app
        .get("/integrations/copper?config=eu-team", Some(&eve))
        .await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    let body = json!({"slug": "copper", "config_id": "eu-team", "form": []});
    let save = app.post_json(SubmitConfig::PATH, body, Some(&eve)).await;
    assert_eq!(save.status, StatusCode::NOT_FOUND, "{}", save.body);
    let delete = app.reset_config(&eve, "copper", "config_id=eu-team").await;
    assert_eq!(delete.status, StatusCode::NOT_FOUND);
    let invented = app
        .get("/integrations/copper?config=invented", Some(&ada))
        .await;
    assert_eq!(
        invented.status,
        StatusCode::NOT_FOUND,
        "a GET creates nothing"
    );
    for (who, named) in [("Ada", vec!["eu-team"]), ("Eve", vec![])] {
        assert_eq!(
            app.named_configs(who, "copper").await,
            named,
            "{who}'s at Cobalt"
        );
    }
    for dots in ["..", ".", ".hidden"] {
        let body = json!({"slug": "copper", "config_id": dots, "form": []});
        let reply = app.post_json(SubmitConfig::PATH, body, Some(&ada)).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{dots}");
    }

    // Ada still has hers.
    let own = app
        .get("/integrations/copper?config=eu-team", Some(&ada))
        .await;
    assert_eq!(own.status, StatusCode::OK);
}

#[tokio::test]
async fn a_stale_or_future_webhook_changes_nothing() {
    let app = test_app().await;
    let ada = app.sign_up("Ada", "ada%40example.com").await;
    let id = app.only_account_id().await;
    app.connect_key_based(&ada, "copper").await;
    app.cards(&ada).await;
    let route = "GET /api/v2/public/application";
    let before = app.calls(route).await;
    let mut stream = app.events(&ada).await;
    for at in [now() - 2 * 3600, now() + 3600] {
        let body = json!({"linked_account_id": id, "org_id": "o", "environment": "test", "type": "General",
            "event": "Connection Expired", "slug": "copper", "createdAt": rfc1123(at)})
        .to_string();
        let reply = app.send(signed_webhook(&body, API_KEY)).await;
        assert_eq!(
            reply.status,
            StatusCode::OK,
            "acknowledged, so Cobalt stops retrying"
        );
    }
    assert_eq!(stream.next_status(Duration::from_millis(300)).await, None);
    app.cards(&ada).await;
    assert_eq!(
        app.calls(route).await,
        before,
        "the cached catalog was kept"
    );
}

#[tokio::test]
async fn https_deployments_get_hsts() {
    let app = test_app_with(&[("PUBLIC_URL", "https://tab.example.com")], Vec::new()).await;
    let reply = app.get("/healthz", None).await;
    assert_eq!(
        reply.headers[header::STRICT_TRANSPORT_SECURITY],
        "max-age=31536000; includeSubDomains"
    );
    let plain = test_app().await.get("/healthz", None).await;
    assert!(
        !plain
            .headers
            .contains_key(header::STRICT_TRANSPORT_SECURITY)
    );
}

#[test]
fn a_blank_api_key_refuses_to_start_with_a_one_line_reason() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .env("COBALT_API_KEY", " ")
        .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("COBALT_API_KEY"), "{stderr}");
}

#[tokio::test]
async fn the_no_js_save_has_the_server_functions_bounds() {
    let app = test_app().await;
    let ada = app.sign_up("Ada", "ada%40example.com").await;
    let config = app
        .post_form(LoadConfig::PATH, "slug=copper", Some(&ada))
        .await
        .json();
    let field = format!("f.{}", config["fields"][0]["id"].as_str().unwrap());
    let huge = "x".repeat(20_000);
    let reply = app
        .post_form(
            "/integrations/copper/config",
            &encode(&[(field, huge.as_str())]),
            Some(&ada),
        )
        .await;
    assert_eq!(
        reply.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        reply.body
    );
    assert!(reply.body.contains("too large"), "{}", reply.body);
    let after = app
        .post_form(LoadConfig::PATH, "slug=copper", Some(&ada))
        .await
        .json();
    assert_eq!(after, config, "nothing saved");
}

#[tokio::test]
async fn mutations_from_another_origin_are_refused() {
    let app = test_app().await;
    let cookie = app.sign_up("Ada", "ada%40example.com").await;
    for origin in [Some("https://evil.example"), None] {
        let mut request = Request::post(Disconnect::PATH)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, &cookie);
        if let Some(origin) = origin {
            request = request.header(header::ORIGIN, origin);
        }
        let reply = app
            .send(request.body(Body::from("slug=copper")).unwrap())
            .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{origin:?}");
        assert_eq!(reply.json(), json!("Forbidden"), "the AppError wire format");
    }
}

#[tokio::test]
async fn no_response_carries_the_api_key_or_a_session_token() {
    let app = test_app().await;
    let ada = app.sign_up("Ada", "ada%40example.com").await;
    let token = app.session_token(&ada).await;
    let replies = [
        app.get("/integrations", Some(&ada)).await,
        app.get("/signup", None).await,
        app.post_form(ListIntegrations::PATH, "", Some(&ada)).await,
        app.post_form(GetIntegration::PATH, "slug=hubspot", Some(&ada))
            .await,
        app.post_form(LoadConfig::PATH, "slug=copper", Some(&ada))
            .await,
        app.get("/no-such-page", Some(&ada)).await,
    ];
    for reply in replies {
        assert!(!reply.body.contains(API_KEY), "{}", reply.body);
        assert!(!reply.body.contains(&token), "{}", reply.body);
    }
}

#[tokio::test]
async fn oversized_request_bodies_are_refused_with_413() {
    let app = test_app().await;
    let ada = app.sign_up("Ada", "ada%40example.com").await;
    let big = format!("slug={}", "a".repeat(server::MAX_REQUEST_BYTES + 1));
    let request = Request::post(GetIntegration::PATH)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::CONTENT_LENGTH, big.len())
        .header(header::ORIGIN, PUBLIC_URL)
        .header(header::COOKIE, &ada)
        .body(Body::from(big))
        .unwrap();
    assert_eq!(
        app.send(request).await.status,
        StatusCode::PAYLOAD_TOO_LARGE
    );
}
