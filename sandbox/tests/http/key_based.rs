//! Connecting key-based apps with credentials, and the magic value that fails verification.

use super::*;

#[tokio::test]
async fn key_based_save_enforces_required_inputs_then_connects() {
    let sandbox = start().await;
    let token = sandbox.session("user_1").await;
    let (status, body) = sandbox
        .connect_key_based(&token, "copper", json!({"api_token": "abc"}))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("(email) is required"),
        "{body}"
    );
    assert!(
        sandbox
            .app(&token, "copper")
            .await
            .get("connected")
            .is_none()
    );

    let (status, body) = sandbox
        .connect_key_based(
            &token,
            "copper",
            json!({"api_token": "abc", "email": "ops@acme.example"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, json!({"success": true}));
    let app = sandbox.app(&token, "copper").await;
    assert_eq!(app["connected"], true);
    assert_eq!(
        app["connected_accounts"][0]["identifier"],
        "ops@acme.example"
    );
    assert_eq!(app["connected_accounts"][0]["auth_type"], "keybased");

    let (status, _) = sandbox
        .connect_key_based(&token, "hubspot", json!({"x": "y"}))
        .await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "an OAuth app takes no credentials"
    );
    let (status, _) = sandbox.connect_key_based(&token, "nope", json!({})).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_magic_value_fails_verification_with_cobalts_500() {
    let sandbox = start().await;
    let token = sandbox.session("user_1").await;
    let (status, body) = sandbox
        .connect_key_based(&token, "twilio", json!({"sid": "AC1", "auth_token": sandbox::INVALID_CREDENTIAL, "number": "+15005550006"}))
        .await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_envelope(&body, 500, "SERVER_ERROR", "Failed to verify credentials: ");
    assert_eq!(body["http_error_type"], "INTERNAL_SERVER_ERROR");
    assert!(
        sandbox
            .app(&token, "twilio")
            .await
            .get("connected")
            .is_none()
    );
}

#[tokio::test]
async fn save_key_credentials_with_the_api_key_connects() {
    let sandbox = start().await;
    sandbox.account("user_1").await;
    let (status, body) = send(
        sandbox
            .account_scoped(
                Method::PUT,
                "/api/v2/public/linked-account/integration/save-key-credentials/stripe",
                "user_1",
            )
            .json(&json!({"secret_key": "sk_test_1"})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (_, app) =
        send(sandbox.account_scoped(Method::GET, "/api/v2/public/application/stripe", "user_1"))
            .await;
    assert_eq!(app["connected_accounts"][0]["identifier"], "NA");
}
