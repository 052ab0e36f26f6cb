//! Disconnecting apps: only the caller's, confirmed first without JavaScript, told to open tabs.

use super::*;

#[tokio::test]
async fn disconnect_only_touches_the_callers_account() {
    let app = test_app().await;
    let ada = app.sign_up("Ada", "ada%40example.com").await;
    let eve = app.sign_up("Eve", "eve%40example.com").await;
    app.connect_key_based(&ada, "copper").await;
    let reply = app
        .post_form(Disconnect::PATH, "slug=copper", Some(&eve))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let adas = app.cards(&ada).await;
    assert_eq!(
        adas.iter().find(|c| c.slug == "copper").unwrap().status,
        ConnectionStatus::NeedsSetup
    );
    let reply = app
        .post_form(Disconnect::PATH, "slug=copper", Some(&ada))
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    let adas = app.cards(&ada).await;
    assert_eq!(
        adas.iter().find(|c| c.slug == "copper").unwrap().status,
        ConnectionStatus::Available
    );
}

#[tokio::test]
async fn disconnect_without_javascript_confirms_first_then_tells_open_tabs() {
    let app = test_app().await;
    let ada = app.sign_up("Ada", "ada%40example.com").await;
    app.connect_oauth(&ada, "hubspot").await;
    let hubspot = app
        .post_form(LoadConfig::PATH, "slug=hubspot", Some(&ada))
        .await
        .json();
    let workflow = &hubspot["workflows"][0];
    let toggle = format!("t.{}", workflow["id"].as_str().unwrap());
    let form = json!([
        [toggle, "true"],
        [form_name(&hubspot, "Pipeline"), "default"],
        [form_name(&hubspot, "Lifecycle stage"), "lead"],
    ]);
    let saved = app.submit(&ada, "hubspot", form).await;
    assert_eq!(saved.json(), json!([]), "saved");

    // The confirmation names what goes: the configuration and the enabled workflows.
    let page = app
        .get("/integrations/hubspot/disconnect", Some(&ada))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Disconnect HubSpot?"), "{}", page.body);
    let name = workflow["name"].as_str().unwrap();
    assert!(
        page.body.contains(&format!("<li>{name}</li>")),
        "{}",
        page.body
    );

    // Cobalt failing changes nothing, and the confirmation says so.
    let fault = FaultSpec::error("/api/v2/public/linked-account/integration/*", 500)
        .on(reqwest::Method::DELETE);
    app.admin.add_fault(&fault).await.unwrap();
    let failed = app
        .post_form("/integrations/hubspot/disconnect", "", Some(&ada))
        .await;
    let back = failed.headers[header::LOCATION]
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(back, "/integrations/hubspot/disconnect?failed=1");
    assert!(
        app.get(&back, Some(&ada))
            .await
            .body
            .contains("Nothing was disconnected")
    );
    assert_eq!(
        app.status_of(&ada, "hubspot").await,
        ConnectionStatus::Connected,
        "its setup was finished"
    );

    let mut tab = app.events(&ada).await;
    let done = app
        .post_form("/integrations/hubspot/disconnect", "", Some(&ada))
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert_eq!(
        done.headers[header::LOCATION],
        "/integrations/hubspot?status=disconnected"
    );
    assert_eq!(
        tab.next_status(Duration::from_secs(5)).await,
        Some(json!({"slug": "hubspot", "status": "Available"}))
    );
    assert_eq!(
        app.status_of(&ada, "hubspot").await,
        ConnectionStatus::Available
    );
    let detail = app
        .get("/integrations/hubspot?status=disconnected", Some(&ada))
        .await;
    assert!(
        detail.body.contains("HubSpot is disconnected."),
        "{}",
        detail.body
    );
}
