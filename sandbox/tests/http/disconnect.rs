//! Disconnecting an app, with a session token and with the API key.

use super::*;

#[tokio::test]
async fn disconnect_removes_the_connection_and_the_apps_configs_and_sends_connection_deleted() {
    let (hooks, sandbox) = start_delivering().await;
    let token = sandbox.session("user_1").await;
    sandbox
        .connect_key_based(
            &token,
            "mailchimp",
            json!({"api_key": "k-us21", "server_prefix": "us21"}),
        )
        .await;
    sandbox.config(&token, "mailchimp").await;
    let (status, account) = send(sandbox.bearer(
        Method::DELETE,
        "/api/v1/linked-acc/integration/mailchimp",
        &token,
    ))
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(account["integrations"], json!([]));
    assert!(
        sandbox
            .app(&token, "mailchimp")
            .await
            .get("connected")
            .is_none()
    );
    let (status, _) =
        send(sandbox.bearer(Method::GET, "/api/v2/f-sdk/slug/mailchimp/config", &token)).await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "configs go with the connection"
    );
    let events: Vec<String> = hooks
        .events(2, KEY)
        .await
        .iter()
        .map(|event| event["event"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(events, ["Connection Created", "Connection Deleted"]);

    // The API-key variant, for an app that is not connected: it still succeeds.
    let (status, account) = send(sandbox.key(
        Method::DELETE,
        "/api/v2/public/linked-account/integration/slack?linked_account_id=user_1&auth_type=oauth2",
    ))
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(account["account_id"], "user_1");
    let (status, _) = send(sandbox.account_scoped(
        Method::DELETE,
        "/api/v2/public/linked-account/integration/nope",
        "user_1",
    ))
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
