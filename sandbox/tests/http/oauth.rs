//! Connecting through the OAuth consent page: allow, deny, one-time states and redirect URIs.

use super::*;

#[tokio::test]
async fn oauth_allow_connects_the_app_and_sends_a_signed_connection_created() {
    let (hooks, sandbox) = start_delivering().await;
    let token = sandbox.session("user_1").await;
    let (_, url) = send(sandbox.bearer(Method::GET, "/api/v1/quickbooks/integrate", &token)).await;
    let auth_url = url["auth_url"].as_str().unwrap();
    assert!(auth_url.starts_with(&format!(
        "{}/emulator/oauth/quickbooks/authorize?state=",
        sandbox.base
    )));

    let page = sandbox
        .http
        .get(auth_url)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("QuickBooks Online"), "{page}");
    assert!(page.contains("/logos/quickbooks.svg"));
    assert!(page.contains("value=\"allow\"") && page.contains("value=\"deny\""));
    assert!(
        page.contains("accounting data"),
        "the page lists the access asked for"
    );

    let response = sandbox.answer_consent(auth_url, "allow").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Connected — you can close this window")
    );

    let app = sandbox.app(&token, "quickbooks").await;
    assert_eq!(app["connected"], true);
    assert_eq!(app["reauth_required"], false);
    let account = &app["connected_accounts"][0];
    assert_eq!(account["auth_type"], "oauth2");
    assert_eq!(account["status"], "active");
    assert_eq!(account["identifier"]["realmId"], "9341452791234567");
    assert!(account["connectedAt"].as_str().unwrap().ends_with('Z'));

    let events = hooks.events(1, KEY).await;
    assert_eq!(events[0]["event"], "Connection Created");
    assert_eq!(events[0]["slug"], "quickbooks");
    assert_eq!(events[0]["linked_account_id"], "user_1");
    assert_eq!(events[0]["type"], "General");
    assert!(events[0]["createdAt"].as_str().unwrap().ends_with(" GMT"));
}

#[tokio::test]
async fn oauth_deny_connects_nothing_and_says_so() {
    let sandbox = start().await;
    let token = sandbox.session("user_1").await;
    let response = sandbox.consent(&token, "hubspot", "deny").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.text().await.unwrap().contains("was not connected"));
    assert!(
        sandbox
            .app(&token, "hubspot")
            .await
            .get("connected")
            .is_none()
    );
}

#[tokio::test]
async fn a_consent_state_works_once_and_only_for_its_app() {
    let sandbox = start().await;
    let token = sandbox.session("user_1").await;
    let (_, url) = send(sandbox.bearer(Method::GET, "/api/v1/slack/integrate", &token)).await;
    let auth_url = url["auth_url"].as_str().unwrap();
    let wrong_app = auth_url.replace("/slack/", "/hubspot/");
    let response = sandbox.http.get(&wrong_app).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        sandbox.answer_consent(auth_url, "allow").await.status(),
        StatusCode::OK
    );
    let again = sandbox.http.get(auth_url).send().await.unwrap();
    assert_eq!(again.status(), StatusCode::BAD_REQUEST);
    assert!(
        again
            .text()
            .await
            .unwrap()
            .contains("invalid or has expired")
    );
    let response = sandbox
        .request(Method::POST, "/emulator/oauth/slack/authorize")
        .form(&[("state", "x"), ("decision", "allow")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn redirect_uri_must_be_on_an_allowed_origin_and_receives_the_outcome() {
    let sandbox = start().await;
    let token = sandbox.session("user_1").await;
    let (status, body) = send(sandbox.bearer(
        Method::GET,
        "/api/v1/slack/integrate?redirect_uri=https%3A%2F%2Fevil.example%2Fdone",
        &token,
    ))
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body["message"].as_str().unwrap().contains("redirect_uri"));

    for (decision, outcome) in [("deny", "denied"), ("allow", "connected")] {
        let (status, url) = send(
            sandbox
                .bearer(Method::POST, "/api/v1/slack/integrate", &token)
                .json(&json!({"redirect_uri": format!("{ORIGIN}/integrations/slack?from=popup")})),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{url}");
        let response = sandbox
            .answer_consent(url["auth_url"].as_str().unwrap(), decision)
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            response.headers()["location"],
            format!("{ORIGIN}/integrations/slack?from=popup&status={outcome}&slug=slack").as_str()
        );
    }
}

#[tokio::test]
async fn the_api_key_oauth_url_route_and_oauth_for_a_key_based_app() {
    let sandbox = start().await;
    sandbox.account("user_1").await;
    let (status, body) = send(sandbox.key(
        Method::GET,
        "/api/v2/public/linked-account/integration/oauth-url/salesforce?linked_account_id=user_1",
    ))
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        sandbox
            .answer_consent(body["auth_url"].as_str().unwrap(), "allow")
            .await
            .status(),
        StatusCode::OK
    );
    let (_, app) = send(sandbox.account_scoped(
        Method::GET,
        "/api/v2/public/application/salesforce",
        "user_1",
    ))
    .await;
    assert_eq!(app["connected"], true);
    let (status, _) = send(sandbox.account_scoped(
        Method::GET,
        "/api/v2/public/linked-account/integration/oauth-url/copper",
        "user_1",
    ))
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}
