//! The Cobalt session tokens handed to the browser: minted once, refreshed at most once a minute.

use super::*;

#[tokio::test]
async fn concurrent_session_token_requests_make_one_upstream_call() {
    let app = test_app().await;
    let cookie = app.sign_up("Ada", "ada%40example.com").await;
    let route = "POST /api/v2/public/session-token";
    let before = app.calls(route).await;
    let replies = futures::future::join_all((0..8).map(|_| app.session_token(&cookie))).await;
    assert!(
        replies.windows(2).all(|w| w[0] == w[1]),
        "one token for all"
    );
    assert_eq!(app.calls(route).await - before, 1);
    // A forced refresh mints a new token, but only once a minute.
    let forced = app
        .post_form(GetSessionToken::PATH, "force_refresh=true", Some(&cookie))
        .await;
    let forced = forced.json()["token"].as_str().unwrap().to_owned();
    assert_ne!(forced, replies[0]);
    let again = app
        .post_form(GetSessionToken::PATH, "force_refresh=true", Some(&cookie))
        .await;
    assert_eq!(again.json()["token"].as_str().unwrap(), forced);
    assert_eq!(app.calls(route).await - before, 2);
}

#[tokio::test]
async fn a_linked_account_cobalt_forgot_is_upserted_again_once() {
    let app = test_app().await;
    let cookie = app.sign_up("Ada", "ada%40example.com").await;
    let id = app.only_account_id().await;
    app.cobalt(
        reqwest::Method::DELETE,
        &format!("/api/v2/public/linked-account/{id}"),
        None,
    )
    .await;
    let token = app.session_token(&cookie).await;
    assert!(!token.is_empty());
}
