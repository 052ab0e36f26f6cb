//! Webhooks registered through the API: validation, delivery, signatures and retries.

use super::*;

#[tokio::test]
async fn registered_webhooks_receive_only_their_events_signed_and_retried() {
    let hooks = receiver(2).await;
    let sandbox = start().await;
    let (status, body) = sandbox
        .with_key(
            Method::POST,
            "/api/v2/public/webhook",
            json!({"webhook_url": hooks.url, "webhook_events": ["Connection Deleted"]}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["webhook_type"], "default");
    assert_eq!(body["method"], "POST");
    assert_eq!(body["environment"], "test");
    let token = sandbox.session("user_1").await;
    sandbox
        .connect_key_based(
            &token,
            "airtable",
            json!({"personal_access_token": "pat", "base_id": "app1"}),
        )
        .await;
    send(sandbox.bearer(
        Method::DELETE,
        "/api/v1/linked-acc/integration/airtable",
        &token,
    ))
    .await;
    let events = hooks.events(1, KEY).await;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["event"], "Connection Deleted");
    let (_, log) = sandbox
        .with_key(Method::GET, "/_sandbox/webhooks", json!(null))
        .await;
    let delivery = &log["deliveries"][0];
    assert_eq!(delivery["status"], "delivered");
    assert_eq!(delivery["attempts"], 3, "two failures, then success: {log}");
}

#[tokio::test]
async fn registering_a_webhook_validates_the_url_and_events() {
    let sandbox = start().await;
    let (status, body) = sandbox
        .with_key(Method::POST, "/api/v2/public/webhook", json!({"webhook_url": "https://h.example/w", "webhook_events": ["Connection Exploded"]}))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_envelope(
        &body,
        400,
        "INVALID_EVENT",
        "Invalid event. Check events list in documentation.",
    );
    let (status, _) = sandbox
        .with_key(
            Method::POST,
            "/api/v2/public/webhook",
            json!({"webhook_url": "ftp://h.example", "webhook_events": ["Connection Created"]}),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}
