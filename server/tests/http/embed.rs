//! Signing in from a host app with an embed token (`/embed`).

use super::*;

#[tokio::test]
async fn a_valid_embed_token_signs_in_to_the_embedded_layout_once() {
    let app = test_app().await;
    let claims = json!({"sub": "cus_embed", "name": "Grace", "email": "grace@example.com"});
    let token = host_token(claims.clone());
    let reply = app.embed(&token, None).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(reply.headers[header::LOCATION], "/integrations");
    let cookie = reply.session_cookie().unwrap();
    let page = app.get("/integrations", Some(&cookie)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        !page.body.contains("site-header__tabs"),
        "embedded sessions render without the host frame"
    );
    assert!(
        page.body.contains("Signed in as Grace") && page.body.contains(r#"action="/signout""#),
        "but say who is signed in, with Sign out"
    );
    let replay = app.embed(&token, None).await;
    assert_eq!(
        replay.status,
        StatusCode::UNAUTHORIZED,
        "a token works once"
    );
    assert!(replay.body.contains("already used"), "{}", replay.body);
    assert!(replay.session_cookie().is_none());
    let again = app.embed(&host_token(claims), None).await;
    assert_eq!(
        again.status,
        StatusCode::SEE_OTHER,
        "the upsert is idempotent"
    );
}

#[tokio::test]
async fn bad_embed_tokens_get_a_401_page_that_says_why() {
    let app = test_app().await;
    let cases = [
        (
            host_token(json!({"sub": "cus_1", "exp": now() - 3600, "iat": now() - 3900})),
            "expired",
        ),
        (
            embed_token(
                host_claims(json!({"sub": "cus_1"})),
                "HS256",
                "another-secret-of-enough-length-000000",
            ),
            "signature",
        ),
        (
            embed_token(host_claims(json!({"sub": "cus_1"})), "HS512", EMBED_SECRET),
            "HS256",
        ),
        (
            embed_token(host_claims(json!({"sub": "cus_1"})), "none", ""),
            "HS256",
        ),
        (
            host_token(json!({"sub": "cus_1", "aud": "https://elsewhere.example"})),
            "aud",
        ),
        (
            host_token(json!({"sub": "cus_1", "nbf": now() + 3600})),
            "not valid yet",
        ),
        (host_token(json!({"sub": "cus_1", "iat": null})), "iat"),
        (host_token(json!({"sub": "cus_1", "jti": null})), "jti"),
        (host_token(json!({"sub": ".."})), "dot"),
        (String::new(), "no token"),
    ];
    for (token, reason) in cases {
        let reply = app.embed(&token, None).await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{reason}");
        assert!(reply.session_cookie().is_none());
        assert!(reply.body.contains(reason), "{reason}: {}", reply.body);
    }
}
