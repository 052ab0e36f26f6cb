//! Session tokens: their claims, reuse, minting errors, revocation and expiry.

use super::*;

#[tokio::test]
async fn session_tokens_are_hs256_jwts_with_cobalts_claims_for_24_hours() {
    let sandbox = start().await;
    sandbox.account("user_1").await;
    let (status, body) = send(
        sandbox
            .key(Method::POST, "/api/v2/public/session-token")
            .json(&json!({"linked_account_id": "user_1"})),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let token = body["token"].as_str().unwrap();
    let mut parts = token.split('.');
    let decode = |part: &str| -> Value {
        serde_json::from_slice(
            &base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(part)
                .unwrap(),
        )
        .unwrap()
    };
    assert_eq!(
        decode(parts.next().unwrap()),
        json!({"alg": "HS256", "typ": "JWT"})
    );
    let claims = decode(parts.next().unwrap());
    assert_eq!(claims["org_id"], sandbox::ORG_ID);
    assert_eq!(claims["linked_account_id"], "user_1");
    assert_eq!(claims["environment"], "test");
    assert_eq!(
        claims["exp"].as_u64().unwrap() - claims["iat"].as_u64().unwrap(),
        86_400
    );
    assert!(body["expires_in"].as_u64().unwrap() <= 86_400);
    assert!(body["refresh_token"].is_string());
}

#[tokio::test]
async fn a_token_is_reused_unless_force_refresh_is_true() {
    let sandbox = start().await;
    sandbox.account("user_1").await;
    let first = sandbox.token("user_1").await;
    assert_eq!(sandbox.token("user_1").await, first);
    let (_, refreshed) = send(
        sandbox
            .key(
                Method::POST,
                "/api/v2/public/session-token?force_refresh=true",
            )
            .json(&json!({"linked_account_id": "user_1"})),
    )
    .await;
    let refreshed = refreshed["token"].as_str().unwrap();
    assert_ne!(refreshed, first);
    // Both stay valid: a refresh does not revoke.
    for token in [first.as_str(), refreshed] {
        let (status, _) =
            send(sandbox.bearer(Method::GET, "/api/v2/f-sdk/application", token)).await;
        assert_eq!(status, StatusCode::OK);
    }
}

#[tokio::test]
async fn minting_for_an_unknown_account_is_cobalts_500_and_without_an_id_a_400() {
    let sandbox = start().await;
    let (status, body) = send(
        sandbox
            .key(Method::POST, "/api/v2/public/session-token")
            .json(&json!({"linked_account_id": "user_99999"})),
    )
    .await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(
        body["message"],
        "No linked account found for account id : user_99999 in environment test"
    );
    let (status, body) = send(sandbox.key(Method::POST, "/api/v2/public/session-token")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_envelope(
        &body,
        400,
        "INVALID_LINKED_ACCOUNT_ID",
        "linked_account_id is required",
    );
}

#[tokio::test]
async fn revoked_and_expired_tokens_are_401_invalid_token() {
    let sandbox = start().await;
    let token = sandbox.session("user_1").await;
    let (status, body) =
        send(sandbox.bearer(Method::POST, "/api/v2/public/session-token/revoke", &token)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, json!({"success": true, "revoked_count": 1}));
    let (status, body) =
        send(sandbox.bearer(Method::GET, "/api/v2/f-sdk/application", &token)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["error"], "INVALID_TOKEN");

    let fresh = sandbox.token("user_1").await;
    assert_ne!(fresh, token, "a revoked token is not reused");
    let (status, body) = sandbox
        .with_key(
            Method::POST,
            "/_sandbox/tokens/expire",
            json!({"linked_account_id": "user_1"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["expired_count"], 1);
    let (status, _) = send(sandbox.bearer(Method::GET, "/api/v2/f-sdk/application", &fresh)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    let third = sandbox.token("user_1").await;
    let (_, body) = sandbox
        .with_key(
            Method::POST,
            "/_sandbox/tokens/revoke",
            json!({"token": third}),
        )
        .await;
    assert_eq!(body["revoked_count"], 1);
    let (status, _) = send(sandbox.bearer(Method::GET, "/api/v2/f-sdk/application", &third)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = sandbox
        .with_key(Method::POST, "/_sandbox/tokens/revoke", json!({}))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}
