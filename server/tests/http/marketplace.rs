//! The marketplace and the app details behind it: what they list, and what they cost upstream.

use super::*;

#[tokio::test]
async fn the_marketplace_lists_the_catalog_in_order_and_reflects_connections() {
    let app = test_app().await;
    let cookie = app.sign_up("Ada", "ada%40example.com").await;
    let cards = app.cards(&cookie).await;
    assert!(cards.len() >= 12);
    assert!(
        cards
            .iter()
            .all(|c| c.status == ConnectionStatus::Available)
    );
    app.connect_key_based(&cookie, "copper").await;
    // Our own cache still holds the list; a mutation through the tab invalidates it, and so
    // does the TTL. Disconnecting something else is such a mutation.
    let reply = app
        .post_form(Disconnect::PATH, "slug=slack", Some(&cookie))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let cards = app.cards(&cookie).await;
    assert_eq!(cards[0].slug, "copper");
    assert_eq!(cards[0].status, ConnectionStatus::NeedsSetup);
}

#[tokio::test]
async fn a_warm_marketplace_costs_no_upstream_call() {
    let app = test_app().await;
    let cookie = app.sign_up("Ada", "ada%40example.com").await;
    let route = "GET /api/v2/public/application";
    app.cards(&cookie).await;
    let cold = app.calls(route).await;
    app.cards(&cookie).await;
    app.get("/integrations", Some(&cookie)).await;
    assert_eq!(cold, 1);
    assert_eq!(
        app.calls(route).await,
        1,
        "warm views are served from the cache"
    );
}

#[tokio::test]
async fn get_integration_answers_the_app_or_404() {
    let app = test_app().await;
    let cookie = app.sign_up("Ada", "ada%40example.com").await;
    let reply = app
        .post_form(GetIntegration::PATH, "slug=quickbooks", Some(&cookie))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(reply.json()["name"], "QuickBooks Online");
    let reply = app
        .post_form(GetIntegration::PATH, "slug=nope", Some(&cookie))
        .await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    let reply = app
        .post_form(GetIntegration::PATH, "slug=..%2Fadmin", Some(&cookie))
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
}
