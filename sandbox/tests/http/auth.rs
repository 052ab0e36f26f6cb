//! Authentication: API keys, session tokens, and which environment a key sees.

use super::*;

#[tokio::test]
async fn a_missing_or_wrong_api_key_is_401_invalid_credentials() {
    let sandbox = start().await;
    for request in [
        sandbox.request(Method::GET, "/api/v2/public/linked-account"),
        sandbox
            .request(Method::GET, "/api/v2/public/linked-account")
            .header("x-api-key", "tk_unknown"),
        sandbox
            .request(Method::POST, "/api/v2/public/session-token")
            .header("x-api-key", "")
            .json(&json!({})),
    ] {
        let (status, body) = send(request).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert_envelope(&body, 401, "SERVER_ERROR", "Invalid Credentials");
        assert_eq!(body["message"], "Invalid Credentials");
    }
}

#[tokio::test]
async fn session_routes_without_a_valid_token_are_401_invalid_token() {
    let sandbox = start().await;
    let token = sandbox.session("user_1").await;
    let forged = format!("{}x", &token[..token.len() - 1]);
    for request in [
        sandbox.request(Method::GET, "/api/v2/f-sdk/application"),
        sandbox.bearer(Method::GET, "/api/v2/f-sdk/application", "garbage"),
        sandbox.bearer(Method::GET, "/api/v2/f-sdk/application", &forged),
        sandbox
            .request(Method::GET, "/api/v2/f-sdk/application")
            .header("authorization", format!("Basic {token}")),
    ] {
        let (status, body) = send(request).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert_envelope(&body, 401, "INVALID_TOKEN", "Invalid token");
    }
    let (status, _) = send(sandbox.bearer(Method::GET, "/api/v2/f-sdk/application", &token)).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn org_admin_routes_refuse_a_session_token() {
    let sandbox = start().await;
    let token = sandbox.session("user_1").await;
    let (status, body) =
        send(sandbox.bearer(Method::GET, "/api/v2/public/linked-account", &token)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["message"], "Invalid Credentials");
    let (status, _) = send(
        sandbox
            .bearer(Method::POST, "/api/v2/public/webhook", &token)
            .json(&json!({"webhook_url": "http://x.example"})),
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_production_key_does_not_see_test_accounts() {
    let sandbox = start().await;
    sandbox.account("user_1").await;
    let (status, body) = send(
        sandbox
            .request(Method::GET, "/api/v2/public/linked-account/user_1")
            .header("x-api-key", PROD_KEY),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("in environment production"),
        "{body}"
    );
}
