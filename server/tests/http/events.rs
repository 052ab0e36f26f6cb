//! The event stream (`/events`) that keeps open tabs' connection statuses current.

use super::*;

#[tokio::test]
async fn connection_events_reach_every_open_tab_of_their_account_once() {
    let app = test_app().await;
    let ada = app.sign_up("Ada", "ada%40example.com").await;
    let id = app.only_account_id().await;
    let eve = app.sign_up("Eve", "eve%40example.com").await;
    assert_eq!(
        app.get("/events", None).await.status,
        StatusCode::UNAUTHORIZED
    );
    let (mut tab, mut other_tab, mut eve_tab) = (
        app.events(&ada).await,
        app.events(&ada).await,
        app.events(&eve).await,
    );
    let event = |kind: &str| {
        json!({"linked_account_id": id, "org_id": "o", "environment": "test", "type": "General",
            "event": kind, "slug": "copper", "createdAt": rfc1123(now())})
        .to_string()
    };
    let expired = event("Connection Expired");
    app.send(signed_webhook(&expired, API_KEY)).await;
    let wait = Duration::from_secs(5);
    let needs_reconnect = json!({"slug": "copper", "status": "NeedsReconnect"});
    assert_eq!(tab.next_status(wait).await, Some(needs_reconnect.clone()));
    assert_eq!(other_tab.next_status(wait).await, Some(needs_reconnect));

    // A redelivery pushes nothing: the next event the tab sees is the next change.
    app.send(signed_webhook(&expired, API_KEY)).await;
    app.send(signed_webhook(&event("Connection Deleted"), API_KEY))
        .await;
    assert_eq!(
        tab.next_status(wait).await,
        Some(json!({"slug": "copper", "status": "Available"}))
    );
    // Another account's tab hears nothing of it.
    assert_eq!(eve_tab.next_status(Duration::from_millis(300)).await, None);
}

#[tokio::test]
async fn a_stream_opened_again_starts_with_every_status_of_the_account() {
    let app = test_app().await;
    let ada = app.sign_up("Ada", "ada%40example.com").await;
    app.connect_key_based(&ada, "copper").await;
    let wait = Duration::from_millis(300);
    assert_eq!(
        app.events(&ada).await.next_status(wait).await,
        None,
        "a first stream waits for changes"
    );
    let cards = app.cards(&ada).await;
    for (path, headers) in [
        ("/events", &[("last-event-id", "live")][..]),
        ("/events?resume", &[][..]),
    ] {
        let mut tab = app.events_at(path, headers, &ada).await;
        let mut statuses = Vec::new();
        while let Some(status) = tab.next_status(wait).await {
            statuses.push(status);
        }
        let expected: Vec<Value> = cards
            .iter()
            .map(|card| json!({"slug": card.slug, "status": card.status}))
            .collect();
        assert_eq!(statuses, expected, "{path}");
        assert!(expected.contains(&json!({"slug": "copper", "status": "NeedsSetup"})));
    }
}
