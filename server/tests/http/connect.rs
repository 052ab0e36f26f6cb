//! Connecting apps: OAuth consent and key-based credentials, with and without JavaScript.

use super::*;

#[tokio::test]
async fn the_oauth_redirect_url_comes_back_to_the_detail_page() {
    let app = test_app().await;
    let ada = app.sign_up("Ada", "ada%40example.com").await;
    let reply = app
        .post_form(OauthRedirectUrl::PATH, "slug=hubspot", Some(&ada))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let url: String = serde_json::from_str(&reply.body).unwrap();
    assert!(url.starts_with(&app.sandbox.base_url()), "{url}");
    // Consent as the user would: Allow on the provider's page sends the browser back to us.
    let back = app.allow(&url, "hubspot").await;
    assert!(
        back.starts_with(&format!("{PUBLIC_URL}/integrations/hubspot"))
            && back.contains("status=connected"),
        "{back}"
    );
}

#[tokio::test]
async fn connect_without_javascript_redirects_an_oauth_app_to_consent_and_back() {
    let app = test_app().await;
    let cookie = app.sign_up("Ada", "ada@example.com").await;
    let reply = app
        .get("/integrations/hubspot/connect", Some(&cookie))
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let consent = reply.headers[header::LOCATION].to_str().unwrap().to_owned();
    assert!(
        consent.starts_with(&format!(
            "{}/emulator/oauth/hubspot/authorize",
            app.sandbox.base_url()
        )),
        "{consent}"
    );

    // A key-based app is connected with its form instead; without a session, sign in first.
    let keybased = app.get("/integrations/copper/connect", Some(&cookie)).await;
    assert_eq!(keybased.headers[header::LOCATION], "/integrations/copper");
    let anonymous = app.get("/integrations/hubspot/connect", None).await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER);
    assert!(
        anonymous.headers[header::LOCATION]
            .to_str()
            .unwrap()
            .starts_with("/signup?return=")
    );

    // The consent page sends the browser back to the detail page, which reads Cobalt afresh.
    app.cards(&cookie).await;
    let back = app.allow(&consent, "hubspot").await;
    assert!(
        back.starts_with(&format!(
            "{PUBLIC_URL}/integrations/hubspot?status=connected"
        )),
        "{back}"
    );
    let page = app
        .get("/integrations/hubspot?status=connected", Some(&cookie))
        .await;
    assert!(page.body.contains("HubSpot is connected."), "{}", page.body);
}

#[tokio::test]
async fn credentials_posted_without_javascript_are_checked_then_saved() {
    let app = test_app().await;
    let cookie = app.sign_up("Ada", "ada@example.com").await;
    let status = |cards: Vec<IntegrationCard>| {
        cards
            .into_iter()
            .find(|c| c.slug == "copper")
            .unwrap()
            .status
    };

    // A missing field: the form again, with the typed value but never the secret, and nothing sent.
    let missing = app
        .post_form(
            "/integrations/copper/connect",
            "api_token=s3cret-value&email=",
            Some(&cookie),
        )
        .await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        missing.body.contains("Enter Email Address."),
        "{}",
        missing.body
    );
    assert!(!missing.body.contains("s3cret-value"));
    assert_eq!(
        app.calls("PUT /api/v2/public/linked-account/integration/save-key-credentials/{slug}")
            .await,
        0
    );

    // Refused by the provider: Cobalt's message, the other values kept.
    let refused = app
        .post_form(
            "/integrations/copper/connect",
            "api_token=sandbox-invalid&email=ops%40example.com",
            Some(&cookie),
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .body
            .contains("Failed to verify credentials: Copper rejected them"),
        "{}",
        refused.body
    );
    assert!(refused.body.contains("value=\"ops@example.com\""));
    assert!(!refused.body.contains("value=\"sandbox-invalid\""));
    assert_eq!(
        status(app.cards(&cookie).await),
        ConnectionStatus::Available
    );

    // From another site: refused before anything happens.
    let forged = app
        .send(
            Request::post("/integrations/copper/connect")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::ORIGIN, "https://evil.example")
                .header(header::COOKIE, &cookie)
                .body(Body::from("api_token=abc&email=ops%40example.com"))
                .unwrap(),
        )
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert_eq!(
        status(app.cards(&cookie).await),
        ConnectionStatus::Available
    );

    let saved = app
        .post_form(
            "/integrations/copper/connect",
            "api_token=abc&email=ops%40example.com",
            Some(&cookie),
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    assert_eq!(
        saved.headers[header::LOCATION],
        "/integrations/copper?status=connected"
    );
    assert_eq!(
        status(app.cards(&cookie).await),
        ConnectionStatus::NeedsSetup
    );
}
