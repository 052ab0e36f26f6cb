//! Cobalt's webhooks (`/webhooks/cobalt`): signed, bounded, and clearing the account's cache once.

use super::*;

#[tokio::test]
async fn webhooks_must_be_signed_small_and_clear_the_accounts_cache_once() {
    let app = test_app().await;
    let ada = app.sign_up("Ada", "ada%40example.com").await;
    let id = app.only_account_id().await;
    let route = "GET /api/v2/public/application";
    app.cards(&ada).await;
    let body =
        json!({"linked_account_id": id, "org_id": "o", "environment": "test", "type": "General",
        "event": "Connection Expired", "slug": "copper", "createdAt": rfc1123(now())})
        .to_string();

    let unsigned = Request::post("/webhooks/cobalt")
        .body(Body::from(body.clone()))
        .unwrap();
    assert_eq!(app.send(unsigned).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        app.send(signed_webhook(&body, "tk_wrong")).await.status,
        StatusCode::UNAUTHORIZED
    );
    let huge = format!(r#"{{"pad":"{}"}}"#, "x".repeat(64 * 1024));
    assert_eq!(
        app.send(signed_webhook(&huge, API_KEY)).await.status,
        StatusCode::PAYLOAD_TOO_LARGE
    );
    app.cards(&ada).await;
    assert_eq!(app.calls(route).await, 1, "refused webhooks change nothing");

    assert_eq!(
        app.send(signed_webhook(&body, API_KEY)).await.status,
        StatusCode::OK
    );
    app.cards(&ada).await;
    assert_eq!(
        app.calls(route).await,
        2,
        "a verified event clears the cache"
    );
    assert_eq!(
        app.send(signed_webhook(&body, API_KEY)).await.status,
        StatusCode::OK
    );
    app.cards(&ada).await;
    assert_eq!(
        app.calls(route).await,
        2,
        "a redelivery is acknowledged and ignored"
    );
}
