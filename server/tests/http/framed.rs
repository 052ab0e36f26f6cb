//! The tab inside a host's frame: the partitioned session, its renewal by the host, roles, the
//! frame's bridge and the host SDK's files.

use super::*;

impl TestApp {
    /// Opens `/embed` as the host SDK's iframe does, from the host's page.
    async fn embed_framed(&self, token: &str, extra: &str) -> Reply {
        let request = Request::get(format!("/embed?token={token}{extra}"))
            .header(header::REFERER, format!("{PUBLIC_URL}/host"))
            .header("sec-fetch-dest", "iframe")
            .body(Body::empty())
            .unwrap();
        self.send(request).await
    }

    /// Signs `claims`' user in inside a frame and returns the session cookie.
    async fn framed_session(&self, claims: Value) -> String {
        let reply = self.embed_framed(&host_token(claims), "").await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
        reply.session_cookie().expect("a session cookie")
    }

    /// A page as a frame loads it.
    async fn get_framed(&self, path: &str, cookie: Option<&str>) -> Reply {
        let mut request = Request::get(path).header("sec-fetch-dest", "iframe");
        if let Some(cookie) = cookie {
            request = request.header(header::COOKIE, cookie);
        }
        self.send(request.body(Body::empty()).unwrap()).await
    }
}

fn set_cookie_header(reply: &Reply) -> String {
    reply
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|c| c.starts_with("itab_session="))
        .expect("a session cookie")
}

#[tokio::test]
async fn a_framed_hand_off_is_partitioned_and_opens_the_app_it_names() {
    let app = test_app().await;
    let token = host_token(json!({"sub": "cus_framed", "name": "Ada"}));
    let reply = app.embed_framed(&token, "&app=hubspot").await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(
        reply.headers[header::LOCATION],
        "/integrations/hubspot?from=embed"
    );
    let cookie = set_cookie_header(&reply);
    for attribute in ["SameSite=None", "Secure", "Partitioned", "HttpOnly"] {
        assert!(cookie.contains(attribute), "{attribute}: {cookie}");
    }
    // A top-level hand-off keeps the first-party cookie, and a bad deep link opens the list.
    let top = app
        .embed(&host_token(json!({"sub": "cus_framed"})), None)
        .await;
    let cookie = set_cookie_header(&top);
    assert!(cookie.contains("SameSite=Lax") && !cookie.contains("Partitioned"));
    let odd = app
        .embed_framed(
            &host_token(json!({"sub": "cus_framed"})),
            "&app=..%2Fsignup",
        )
        .await;
    assert_eq!(odd.headers[header::LOCATION], "/integrations?from=embed");
}

#[tokio::test]
async fn a_frame_without_a_session_says_whether_its_cookie_was_blocked_or_ended() {
    let app = test_app().await;
    let blocked = app
        .get_framed("/integrations/hubspot?from=embed", None)
        .await;
    assert_eq!(blocked.status, StatusCode::UNAUTHORIZED);
    assert!(
        blocked.body.contains("blocks cookies in embedded pages")
            && blocked.body.contains(r#"data-reason="cookies-blocked""#),
        "{}",
        blocked.body
    );
    assert!(
        blocked.body.contains("/frame.js"),
        "the bridge tells the host"
    );
    let ended = app.get_framed("/integrations", None).await;
    assert_eq!(ended.status, StatusCode::UNAUTHORIZED);
    assert!(
        ended.body.contains("Your session has ended")
            && ended.body.contains(r#"data-event="session-expired""#)
            && ended.body.contains(r#"data-reason="expired""#),
        "{}",
        ended.body
    );
    // Outside a frame the visitor is still sent to sign in.
    let top = app.get("/integrations", None).await;
    assert_eq!(top.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn the_frame_gets_its_bridge_theme_and_brand_from_the_token() {
    let app = test_app().await;
    let cookie = app
        .framed_session(json!({"sub": "cus_look", "theme": "dark", "brand": "#0A7"}))
        .await;
    let page = app.get("/integrations", Some(&cookie)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(r#"data-theme="dark""#), "{}", page.body);
    assert!(
        page.body.contains(r#"src="/frame.js""#)
            && page
                .body
                .contains(&format!(r#"data-origins="{PUBLIC_URL}""#)),
        "the bridge, with the origins it may talk to"
    );
    assert!(page.body.contains(r#"href="/brand.css""#));
    let css = app.get("/brand.css", Some(&cookie)).await;
    assert!(css.body.contains("--brand: #0a7;"), "{}", css.body);
    // The host's later choice, kept by the bridge in the frame's cookies, wins.
    let chosen = format!("{cookie}; theme=light; brand=%23112233");
    let page = app.get("/integrations", Some(&chosen)).await;
    assert!(page.body.contains(r#"data-theme="light""#));
    let css = app.get("/brand.css", Some(&chosen)).await;
    assert!(css.body.contains("--brand: #112233;"), "{}", css.body);
    // Bad values are refused, and a first-party session loads no bridge.
    let bad = app
        .embed_framed(
            &host_token(json!({"sub": "cus_look", "brand": "red;}"})),
            "",
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNAUTHORIZED);
    assert!(bad.body.contains("brand"), "{}", bad.body);
    let top = app.sign_up("Ada", "ada@example.com").await;
    let page = app.get("/integrations", Some(&top)).await;
    assert!(!page.body.contains("/frame.js"));
}

#[tokio::test]
async fn the_host_renews_a_framed_session_in_place_with_a_fresh_token_of_the_same_user() {
    let app = test_app().await;
    let cookie = app
        .framed_session(json!({"sub": "cus_renew", "session_ttl": 30}))
        .await;
    let page = app.get("/integrations", Some(&cookie)).await;
    let left: u64 = page
        .body
        .split(r#"data-expires-in=""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .and_then(|n| n.parse().ok())
        .expect("the bridge learns when the session ends");
    assert!((28..=30).contains(&left), "session_ttl bounds it: {left}");

    let renew = |token: String, cookie: Option<String>| {
        let app = &app;
        async move {
            app.post_form(
                "/embed/session",
                &format!("token={token}"),
                cookie.as_deref(),
            )
            .await
        }
    };
    let fresh = host_token(json!({"sub": "cus_renew", "session_ttl": 600}));
    let reply = renew(fresh.clone(), Some(cookie.clone())).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let seconds = reply.json()["expiresIn"].as_u64().unwrap();
    assert!((598..=600).contains(&seconds), "{seconds}");
    let renewed = set_cookie_header(&reply);
    assert!(renewed.contains("Partitioned"), "still the frame's cookie");
    assert_eq!(
        renew(fresh, Some(cookie.clone())).await.status,
        StatusCode::UNAUTHORIZED,
        "a token works once"
    );
    let someone_else = host_token(json!({"sub": "cus_other"}));
    let refused = renew(someone_else, Some(cookie.clone())).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(refused.session_cookie().is_none());
    let anonymous = renew(host_token(json!({"sub": "cus_renew"})), None).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    // Renewed, it is the same session: signing out ends the cookie from before too.
    let renewed = reply.session_cookie().unwrap();
    app.post_form("/signout", "", Some(&renewed)).await;
    let before = app.get("/integrations", Some(&cookie)).await;
    assert_eq!(before.status, StatusCode::SEE_OTHER, "signed out");
}

#[tokio::test]
async fn a_viewer_sees_everything_disabled_and_every_change_is_refused_with_403() {
    let app = test_app().await;
    let viewer = app
        .framed_session(json!({"sub": "cus_viewer", "role": "viewer"}))
        .await;
    let page = app.get("/integrations/salesforce", Some(&viewer)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("Your role is viewer")
            && page.body.contains(r#"aria-describedby="connect-refused""#),
        "{}",
        page.body
    );
    assert!(!page.body.contains("/integrations/salesforce/connect\""));
    // An admin of the same account connected HubSpot: the viewer sees its settings, disabled.
    let admin = app.framed_session(json!({"sub": "cus_viewer"})).await;
    app.connect_oauth(&admin, "hubspot").await;
    let page = app.get("/integrations/hubspot", Some(&viewer)).await;
    assert!(
        page.body
            .contains(r#"<fieldset disabled aria-describedby="configure-refused""#)
            && page.body.contains("Save configuration")
            && page.body.contains("you can see these settings"),
        "{}",
        page.body
    );
    assert!(!page.body.contains("New configuration"));

    let refused = [
        app.get("/integrations/hubspot/connect", Some(&viewer))
            .await,
        app.post_form(
            "/integrations/hubspot/connect",
            "api_token=x",
            Some(&viewer),
        )
        .await,
        app.post_form("/integrations/hubspot/config", "", Some(&viewer))
            .await,
        app.post_form("/integrations/hubspot/configs", "name=prod", Some(&viewer))
            .await,
        app.post_form("/integrations/hubspot/config/delete", "", Some(&viewer))
            .await,
        app.post_form("/integrations/hubspot/disconnect", "", Some(&viewer))
            .await,
        app.post_form(GetSessionToken::PATH, "force_refresh=false", Some(&viewer))
            .await,
        app.post_form(OauthRedirectUrl::PATH, "slug=hubspot", Some(&viewer))
            .await,
        app.post_form(Disconnect::PATH, "slug=hubspot", Some(&viewer))
            .await,
        app.submit(&viewer, "hubspot", json!([])).await,
    ];
    for reply in refused {
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{}", reply.body);
        assert!(reply.body.contains("viewer"), "{}", reply.body);
    }
}

#[tokio::test]
async fn a_member_connects_and_configures_but_may_not_disconnect() {
    let app = test_app().await;
    let member = app
        .framed_session(json!({"sub": "cus_member", "role": "member"}))
        .await;
    app.connect_oauth(&member, "hubspot").await;
    assert_eq!(
        app.status_of(&member, "hubspot").await,
        ConnectionStatus::NeedsSetup
    );
    let page = app.get("/integrations/hubspot", Some(&member)).await;
    assert!(
        page.body
            .contains("Only an admin of your account can disconnect")
            && page
                .body
                .contains(r#"aria-describedby="disconnect-refused""#),
        "{}",
        page.body
    );
    assert!(page.body.contains("Save configuration"));
    let post = app
        .post_form("/integrations/hubspot/disconnect", "", Some(&member))
        .await;
    assert_eq!(post.status, StatusCode::FORBIDDEN);
    let server_fn = app
        .post_form(Disconnect::PATH, "slug=hubspot", Some(&member))
        .await;
    assert_eq!(server_fn.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.status_of(&member, "hubspot").await,
        ConnectionStatus::NeedsSetup,
        "nothing changed"
    );
    let confirm = app
        .get("/integrations/hubspot/disconnect", Some(&member))
        .await;
    assert!(confirm.body.contains("HubSpot stays connected"));
    assert!(
        !confirm
            .body
            .contains(r#"action="/integrations/hubspot/disconnect""#)
    );
}

#[tokio::test]
async fn the_host_sdk_is_served_revalidated_or_pinned_and_immutable() {
    let app = test_app().await;
    let sdk = app.get("/sdk/itab-1.js", None).await;
    assert_eq!(sdk.status, StatusCode::OK);
    assert_eq!(sdk.headers[header::CACHE_CONTROL], "no-cache");
    assert!(sdk.body.contains("IntegrationsTab"));
    let etag = sdk.headers[header::ETAG].to_str().unwrap().to_owned();
    let again = app
        .send(
            Request::get("/sdk/itab-1.js")
                .header(header::IF_NONE_MATCH, &etag)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    let pinned = app.get(&server::sdk::pinned_path(), None).await;
    assert_eq!(pinned.status, StatusCode::OK);
    assert_eq!(
        pinned.headers[header::CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(pinned.body, sdk.body);
    let types = app.get("/sdk/itab-1.d.ts", None).await;
    assert!(types.body.contains("export interface MountOptions"));
    assert_eq!(
        app.get("/sdk/itab-0.js", None).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_consent_page_that_had_to_leave_the_frame_comes_back_to_the_host_page_only() {
    let app = test_app().await;
    let host_page = format!("{PUBLIC_URL}/settings?tab=integrations#apps");
    let query = encode(&[("host".to_owned(), host_page.as_str())]);
    let reply = app
        .embed_framed(
            &host_token(json!({"sub": "cus_back"})),
            &format!("&{query}"),
        )
        .await;
    let cookie = reply.session_cookie().expect("a session cookie");
    let consent = app
        .get("/integrations/hubspot/connect", Some(&cookie))
        .await;
    let consent = consent.headers[header::LOCATION]
        .to_str()
        .unwrap()
        .to_owned();
    let back = app.allow(&consent, "hubspot").await;
    let back = back
        .strip_prefix(PUBLIC_URL)
        .expect("back to the tab first");
    assert!(back.starts_with("/embed/back?app=hubspot&to="), "{back}");
    // At the top of the browser, without the frame's cookie: on to the host's page.
    let reply = app.get(back, None).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(
        reply.headers[header::LOCATION],
        format!("{PUBLIC_URL}/settings?tab=integrations&itab-connected=hubspot"),
        "the host page without its fragment, which stays with the host"
    );
    assert!(back.contains("status=connected"), "{back}");
    let denied = back.replace("status=connected", "status=denied");
    let reply = app.get(&denied, None).await;
    assert!(
        reply.headers[header::LOCATION]
            .to_str()
            .unwrap()
            .ends_with("itab-connected=hubspot&itab-status=denied")
    );
    // The SDK opens the tab at the app again, with `status=connected`: the page checks it.
    let page = app
        .get("/integrations/hubspot?status=connected", Some(&cookie))
        .await;
    assert!(
        page.body.contains(r#"data-event="connected""#),
        "{}",
        page.body
    );
    for bad in [
        "/embed/back?app=hubspot&to=https%3A%2F%2Fevil.example%2F",
        "/embed/back?app=hubspot&to=http%3A%2F%2F127.0.0.1%3A3000.evil.example%2F",
        "/embed/back?app=..&to=http%3A%2F%2F127.0.0.1%3A3000%2F",
        "/embed/back?app=hubspot",
    ] {
        let reply = app.get(bad, None).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{bad}");
        assert!(reply.headers.get(header::LOCATION).is_none());
    }
    // A host page on another origin is not kept: the consent page comes back to the tab.
    let query = encode(&[("host".to_owned(), "https://evil.example/")]);
    let reply = app
        .embed_framed(
            &host_token(json!({"sub": "cus_back"})),
            &format!("&{query}"),
        )
        .await;
    let cookie = reply.session_cookie().unwrap();
    let consent = app.get("/integrations/slack/connect", Some(&cookie)).await;
    let consent = consent.headers[header::LOCATION]
        .to_str()
        .unwrap()
        .to_owned();
    let back = app.allow(&consent, "slack").await;
    assert!(
        back.starts_with(&format!("{PUBLIC_URL}/integrations/slack?")),
        "{back}"
    );
}
