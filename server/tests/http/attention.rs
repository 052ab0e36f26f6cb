//! "Finish setup" and the needs-attention banner: a connection whose setup is not finished,
//! one that expired and one whose last run failed are counted, and every open tab follows.

use super::*;

/// Saves the app's default configuration with `values` (by field name) and the first workflow
/// on or off; answers the problems (none: saved).
async fn save(app: &TestApp, cookie: &str, slug: &str, values: &[(&str, &str)], on: bool) -> Value {
    let config = app
        .post_form(LoadConfig::PATH, &format!("slug={slug}"), Some(cookie))
        .await
        .json();
    let mut form: Vec<Value> = values
        .iter()
        .map(|(name, value)| json!([form_name(&config, name), value]))
        .collect();
    if on {
        let workflow = config["workflows"][0]["id"].as_str().unwrap();
        form.push(json!([format!("t.{workflow}"), "true"]));
    }
    app.submit(cookie, slug, Value::Array(form)).await.json()
}

/// The marketplace's banner text, if shown, and the slugs of the cards marked for attention.
fn attention(html: &str) -> (Option<String>, Vec<String>) {
    let banner = html
        .split(r#"<p class="attention""#)
        .nth(1)
        .filter(|rest| !rest.starts_with(" hidden"))
        .and_then(|rest| rest.split("</a>").next())
        .and_then(|rest| rest.rsplit('>').next())
        .map(str::to_owned);
    let marked = cards(html)
        .filter(|card| card.contains("data-attention"))
        .filter_map(|card| card.split(r#"data-slug=""#).nth(1)?.split('"').next())
        .map(str::to_owned)
        .collect();
    (banner, marked)
}

/// The opening tags of the marketplace's cards.
fn cards(html: &str) -> impl Iterator<Item = &str> {
    html.split("<li ")
        .skip(1)
        .filter_map(|tag| tag.split('>').next())
        .filter(|tag| tag.contains(r#"class="card""#))
}

#[tokio::test]
async fn an_unfinished_setup_shows_finish_setup_until_a_good_save_and_open_tabs_follow() {
    let app = test_app().await;
    let ada = app.sign_up("Ada", "ada%40example.com").await;
    app.connect_oauth(&ada, "hubspot").await;
    assert_eq!(
        app.status_of(&ada, "hubspot").await,
        ConnectionStatus::NeedsSetup
    );
    let page = app.get("/integrations/hubspot", Some(&ada)).await;
    assert!(
        page.body
            .contains(r#"<span data-status="setup" class="badge">Finish setup</span>"#)
            && page
                .body
                .contains("Connected. Finish the setup below to start syncing."),
        "{}",
        page.body
    );
    let list = app.get("/integrations?status=attention", Some(&ada)).await;
    assert_eq!(
        attention(&list.body),
        (
            Some("1 integration needs attention".to_owned()),
            vec!["hubspot".to_owned()]
        )
    );

    let mut tab = app.events(&ada).await;
    let wait = Duration::from_secs(5);
    // The required setting alone: no workflow is on yet.
    let saved = save(&app, &ada, "hubspot", &[("Pipeline", "default")], false).await;
    assert_eq!(saved, json!([]));
    assert_eq!(
        tab.next_status(wait).await,
        Some(json!({"slug": "hubspot", "status": "NeedsSetup"}))
    );
    let problems = save(&app, &ada, "hubspot", &[("Pipeline", "")], true).await;
    assert_ne!(
        problems,
        json!([]),
        "a required setting left empty is not saved"
    );
    let saved = save(
        &app,
        &ada,
        "hubspot",
        &[("Pipeline", "default"), ("Lifecycle stage", "lead")],
        true,
    )
    .await;
    assert_eq!(saved, json!([]));
    assert_eq!(
        tab.next_status(wait).await,
        Some(json!({"slug": "hubspot", "status": "Connected"})),
        "every open tab hears that the setup is finished"
    );
    assert_eq!(
        app.status_of(&ada, "hubspot").await,
        ConnectionStatus::Connected
    );
    let list = app.get("/integrations", Some(&ada)).await;
    assert_eq!(attention(&list.body), (None, vec![]));

    // Back to the app's defaults: the setup starts over.
    let reset = app.reset_config(&ada, "hubspot", "").await;
    assert_eq!(reset.status, StatusCode::SEE_OTHER, "{}", reset.body);
    assert_eq!(
        tab.next_status(wait).await,
        Some(json!({"slug": "hubspot", "status": "NeedsSetup"}))
    );
}

#[tokio::test]
async fn the_banner_counts_expired_connections_unfinished_setups_and_failed_last_runs() {
    let app = test_app().await;
    let ada = app.sign_up("Ada", "ada%40example.com").await;
    let id = app.only_account_id().await;
    app.connect_oauth(&ada, "hubspot").await;
    let fine = &[("Pipeline", "default"), ("Lifecycle stage", "lead")];
    assert_eq!(save(&app, &ada, "hubspot", fine, true).await, json!([]));
    // Airtable's seeded last run failed.
    let token = json!({"personal_access_token": "pat-secret", "base_id": "appLeads"});
    app.connect_with(&ada, "airtable", token).await;
    let airtable = &[("Table name", "Leads")];
    assert_eq!(
        save(&app, &ada, "airtable", airtable, true).await,
        json!([])
    );
    app.connect_key_based(&ada, "copper").await;
    app.connect_oauth(&ada, "slack").await;
    app.admin
        .expire_connection(
            &id,
            "slack",
            Some("The app was uninstalled from the workspace"),
        )
        .await
        .unwrap();
    // Our own change (a save) makes the next read fresh; Cobalt's expiry reaches us by webhook.
    let expired = connection_event(&id, "Connection Expired", "slack", now());
    app.send(signed_webhook(&expired, API_KEY)).await;

    let list = app.get("/integrations", Some(&ada)).await;
    let (banner, mut marked) = attention(&list.body);
    marked.sort();
    assert_eq!(banner.as_deref(), Some("3 integrations need attention"));
    assert_eq!(marked, ["airtable", "copper", "slack"]);
    assert!(
        list.body
            .contains(r#"href="/integrations?status=attention""#)
    );
    let filtered = app.get("/integrations?status=attention", Some(&ada)).await;
    let shown = cards(&filtered.body)
        .filter(|card| !card.contains("hidden"))
        .count();
    assert_eq!(shown, 3, "the filtered list is what the banner counts");
}

#[tokio::test]
async fn a_connection_cobalt_reports_is_pushed_with_its_setup_still_to_finish() {
    let app = test_app().await;
    let ada = app.sign_up("Ada", "ada%40example.com").await;
    let id = app.only_account_id().await;
    let mut tab = app.events(&ada).await;
    app.connect_key_based(&ada, "copper").await;
    let created = connection_event(&id, "Connection Created", "copper", now());
    app.send(signed_webhook(&created, API_KEY)).await;
    assert_eq!(
        tab.next_status(Duration::from_secs(5)).await,
        Some(json!({"slug": "copper", "status": "NeedsSetup"})),
        "Copper's workflows are all off: its setup is not finished"
    );
}
