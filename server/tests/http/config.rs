//! Configurations: the server functions, the form posted without JavaScript, named
//! configurations, dependent options and every field type.

use super::*;

#[tokio::test]
async fn configs_round_trip_and_stay_within_their_account() {
    let app = test_app().await;
    let ada = app.sign_up("Ada", "ada%40example.com").await;
    let eve = app.sign_up("Eve", "eve%40example.com").await;
    let loaded = app
        .post_form(LoadConfig::PATH, "slug=copper", Some(&ada))
        .await;
    assert_eq!(loaded.status, StatusCode::OK, "{}", loaded.body);
    let config = loaded.json();
    let field = config["fields"][0]["id"].as_str().unwrap().to_owned();
    let workflow = config["workflows"][0]["id"].as_str().unwrap().to_owned();
    let form = json!([
        [format!("f.{field}"), "renewals"],
        [format!("t.{workflow}"), "true"]
    ]);
    let saved = app.submit(&ada, "copper", form).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    assert_eq!(saved.json(), json!([]), "saved without problems");
    let reloaded = app
        .post_form(LoadConfig::PATH, "slug=copper", Some(&ada))
        .await
        .json();
    assert_eq!(reloaded["fields"][0]["value"], "renewals");
    assert_eq!(reloaded["workflows"][0]["enabled"], true);

    // Eve sees her own defaults, and her delete leaves Ada's config alone.
    let eves = app
        .post_form(LoadConfig::PATH, "slug=copper", Some(&eve))
        .await
        .json();
    assert!(eves["fields"][0].get("value").is_none(), "{eves}");
    let deleted = app.reset_config(&eve, "copper", "").await;
    assert_eq!(deleted.status, StatusCode::SEE_OTHER, "{}", deleted.body);
    let adas = app
        .post_form(LoadConfig::PATH, "slug=copper", Some(&ada))
        .await
        .json();
    assert_eq!(adas["fields"][0]["value"], "renewals");

    // Ada's own reset brings the defaults back.
    app.reset_config(&ada, "copper", "").await;
    let fresh = app
        .post_form(LoadConfig::PATH, "slug=copper", Some(&ada))
        .await
        .json();
    assert!(fresh["fields"][0].get("value").is_none(), "{fresh}");
}

#[tokio::test]
async fn invalid_config_input_is_refused_and_saves_nothing() {
    let app = test_app().await;
    let ada = app.sign_up("Ada", "ada%40example.com").await;
    let config = app
        .post_form(LoadConfig::PATH, "slug=copper", Some(&ada))
        .await
        .json();
    let field = format!("f.{}", config["fields"][0]["id"].as_str().unwrap());
    let bad = [
        json!({"slug": "Copper!", "config_id": null, "form": []}),
        json!({"slug": "copper", "config_id": "../x", "form": []}),
        json!({"slug": "copper", "config_id": "..", "form": []}),
        json!({"slug": "copper", "config_id": null, "form": [[field.clone(), "x".repeat(20_000)]]}),
    ];
    for body in bad {
        let reply = app
            .post_json(SubmitConfig::PATH, body.clone(), Some(&ada))
            .await;
        assert_eq!(
            reply.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{body}: {}",
            reply.body
        );
    }
    let after = app
        .post_form(LoadConfig::PATH, "slug=copper", Some(&ada))
        .await
        .json();
    assert_eq!(after, config);
}

#[tokio::test]
async fn options_of_a_dynamic_field_report_that_the_app_is_not_connected() {
    let app = test_app().await;
    let ada = app.sign_up("Ada", "ada%40example.com").await;
    let config = app
        .post_form(LoadConfig::PATH, "slug=hubspot", Some(&ada))
        .await
        .json();
    let body = json!({"slug": "hubspot", "config_id": null, "name": form_name(&config, "Pipeline"), "form": []});
    let reply = app.post_json(SelectOptions::PATH, body, Some(&ada)).await;
    assert_eq!(
        reply.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        reply.body
    );
    assert!(reply.body.contains("connect"), "{}", reply.body);
}

#[tokio::test]
async fn the_configuration_form_saves_every_field_type_and_a_reload_shows_it() {
    let app = test_app().await;
    let ada = app.sign_up("Ada", "ada%40example.com").await;
    app.connect_with(
        &ada,
        "airtable",
        json!({"personal_access_token": "pat", "base_id": "appX"}),
    )
    .await;
    app.connect_with(&ada, "stripe", json!({"secret_key": "sk_test"}))
        .await;
    let load = |slug: &'static str| {
        let app = &app;
        let ada = ada.clone();
        async move {
            app.post_form(LoadConfig::PATH, &format!("slug={slug}"), Some(&ada))
                .await
                .json()
        }
    };
    let airtable = load("airtable").await;
    let toggles: Vec<String> = airtable["workflows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| format!("t.{}", w["id"].as_str().unwrap()))
        .collect();
    let form = encode(&[
        (form_name(&airtable, "Table name"), "Leads"),
        (
            form_name(&airtable, "Base URL"),
            "https://airtable.com/appX",
        ),
        (toggles[0].clone(), "true"),
        (form_name(&airtable, "Extra fields"), r#"{"score": [1, 2]}"#),
        (toggles[1].clone(), "true"),
        (form_name(&airtable, "Archive instead of delete"), "true"),
    ]);
    let saved = app
        .post_form("/integrations/airtable/config", &form, Some(&ada))
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert_eq!(
        saved.headers[header::LOCATION],
        "/integrations/airtable?saved=1#configuration"
    );
    let stored = load("airtable").await;
    let value = |config: &Value, name: &str| {
        let (workflow, id) = field_id(config, name);
        let fields = match workflow {
            None => config["fields"].clone(),
            Some(w) => config["workflows"]
                .as_array()
                .unwrap()
                .iter()
                .find(|x| x["id"] == w.as_str())
                .unwrap()["fields"]
                .clone(),
        };
        fields
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["id"] == id.as_str())
            .unwrap()["value"]
            .clone()
    };
    assert_eq!(value(&stored, "Table name"), "Leads");
    assert_eq!(value(&stored, "Base URL"), "https://airtable.com/appX");
    assert_eq!(value(&stored, "Extra fields"), json!({"score": [1, 2]}));
    assert_eq!(value(&stored, "Archive instead of delete"), true);
    assert!(
        stored["workflows"]
            .as_array()
            .unwrap()
            .iter()
            .all(|w| w["enabled"] == true)
    );

    // The page shows the saved values, the JSON formatted.
    let page = app.get("/integrations/airtable?saved=1", Some(&ada)).await;
    assert!(page.body.contains("Configuration saved."), "{}", page.body);
    assert!(page.body.contains(r#"value="Leads""#));
    assert!(page.body.contains("&quot;score&quot;: [") || page.body.contains("\"score\": ["));

    // Stripe: a password, a select, an email and a number; the secret never comes back.
    let stripe = load("stripe").await;
    let currency = stripe["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "Currency")
        .unwrap()["options"][0]["value"]
        .as_str()
        .unwrap()
        .to_owned();
    let payouts = stripe["workflows"][1]["id"].as_str().unwrap().to_owned();
    let form = encode(&[
        (form_name(&stripe, "Webhook signing secret"), "whsec_123"),
        (form_name(&stripe, "Currency"), &currency),
        (format!("t.{payouts}"), "true"),
        (form_name(&stripe, "Alert email"), "ops@example.com"),
        (form_name(&stripe, "Minimum refund"), "25"),
    ]);
    let saved = app
        .post_form("/integrations/stripe/config", &form, Some(&ada))
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    // The server functions never answer a stored secret; Cobalt holds it.
    let stored = load("stripe").await;
    assert_eq!(value(&stored, "Webhook signing secret"), Value::Null);
    let in_cobalt = || async {
        let account = app.only_account_id().await;
        let config = app
            .http
            .get(format!(
                "{}/api/v2/public/slug/stripe/config",
                app.sandbox.base_url()
            ))
            .header("x-api-key", API_KEY)
            .header("linked_account_id", account)
            .send()
            .await
            .unwrap()
            .json::<Value>()
            .await
            .unwrap();
        value(&config, "Webhook signing secret")
    };
    assert_eq!(in_cobalt().await, "whsec_123");
    assert_eq!(value(&stored, "Currency"), currency.as_str());
    assert_eq!(value(&stored, "Alert email"), "ops@example.com");
    assert_eq!(value(&stored, "Minimum refund"), 25);
    let page = app.get("/integrations/stripe", Some(&ada)).await;
    assert!(
        !page.body.contains("whsec_123"),
        "a stored secret reached the page"
    );

    // Saving again without retyping the secret keeps it.
    let form = encode(&[
        (form_name(&stripe, "Currency"), &currency),
        (format!("t.{payouts}"), "true"),
        (form_name(&stripe, "Alert email"), "ops@example.com"),
    ]);
    app.post_form("/integrations/stripe/config", &form, Some(&ada))
        .await;
    assert_eq!(in_cobalt().await, "whsec_123");
}

#[tokio::test]
async fn an_invalid_configuration_form_saves_nothing_and_says_why_by_each_field() {
    let app = test_app().await;
    let ada = app.sign_up("Ada", "ada%40example.com").await;
    app.connect_with(&ada, "stripe", json!({"secret_key": "sk_test"}))
        .await;
    let stripe = app
        .post_form(LoadConfig::PATH, "slug=stripe", Some(&ada))
        .await
        .json();
    let payouts = stripe["workflows"][1]["id"].as_str().unwrap().to_owned();
    let form = encode(&[
        (form_name(&stripe, "Currency"), "not-an-option"),
        (format!("t.{payouts}"), "true"),
        (form_name(&stripe, "Alert email"), "nope"),
        (form_name(&stripe, "Minimum refund"), "ten"),
    ]);
    let reply = app
        .post_form("/integrations/stripe/config", &form, Some(&ada))
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    for message in [
        "Choose one of the options for Currency.",
        "Alert email must be an email address, like name@example.com.",
        "Minimum refund must be a number.",
        "3 fields need your attention; nothing was saved.",
    ] {
        assert!(reply.body.contains(message), "{message} missing");
    }
    // What was typed is shown again, in the page itself (not in fragments streamed for
    // JavaScript to put in place).
    assert!(reply.body.contains(r#"value="nope""#));
    assert!(!reply.body.contains("<template"), "{}", reply.body);
    // A number's bounds reach the input and are enforced.
    assert!(
        reply.body.contains(
            r#"type="number" value="ten" placeholder="250" min="0" max="100000" step="0.01""#
        ),
        "{}",
        reply.body
    );
    let below = encode(&[
        (format!("t.{payouts}"), "true"),
        (form_name(&stripe, "Minimum refund"), "-5"),
    ]);
    let reply = app
        .post_form("/integrations/stripe/config", &below, Some(&ada))
        .await;
    assert!(reply.body.contains("Minimum refund must be at least 0."));
    assert_eq!(app.calls("PUT /api/v2/public/config").await, 0);
}

#[tokio::test]
async fn named_configurations_are_created_listed_and_deleted_and_reset_brings_back_defaults() {
    let app = test_app().await;
    let ada = app.sign_up("Ada", "ada%40example.com").await;
    app.connect_with(
        &ada,
        "airtable",
        json!({"personal_access_token": "pat", "base_id": "appX"}),
    )
    .await;
    let airtable = app
        .post_form(LoadConfig::PATH, "slug=airtable", Some(&ada))
        .await
        .json();
    let table = form_name(&airtable, "Table name");

    let bad = app
        .post_form(
            "/integrations/airtable/configs",
            "name=no%20spaces",
            Some(&ada),
        )
        .await;
    assert_eq!(
        bad.headers[header::LOCATION],
        "/integrations/airtable?config_error=name#configuration"
    );
    let created = app
        .post_form(
            "/integrations/airtable/configs",
            "name=production",
            Some(&ada),
        )
        .await;
    assert_eq!(
        created.headers[header::LOCATION],
        "/integrations/airtable?config=production&created=1#configuration"
    );
    let page = app
        .get("/integrations/airtable?config=production", Some(&ada))
        .await;
    assert!(
        page.body.contains(
            r#"href="/integrations/airtable?config=production#configuration" aria-current="page""#
        ) || page.body.contains(
            r#"aria-current="page" href="/integrations/airtable?config=production#configuration""#
        ),
        "{}",
        page.body
    );

    // Each configuration keeps its own values.
    let form = encode(&[
        ("config_id".to_owned(), "production"),
        (table.clone(), "Prod"),
    ]);
    let saved = app
        .post_form("/integrations/airtable/config", &form, Some(&ada))
        .await;
    assert_eq!(
        saved.headers[header::LOCATION],
        "/integrations/airtable?config=production&saved=1#configuration"
    );
    let form = encode(&[(table.clone(), "Default table")]);
    app.post_form("/integrations/airtable/config", &form, Some(&ada))
        .await;
    let production = app
        .get("/integrations/airtable?config=production", Some(&ada))
        .await;
    assert!(production.body.contains(r#"value="Prod""#));
    let default = app.get("/integrations/airtable", Some(&ada)).await;
    assert!(default.body.contains(r#"value="Default table""#));

    // Deleting the named one removes it; resetting the default one clears its values.
    let deleted = app
        .post_form(
            "/integrations/airtable/config/delete",
            "config_id=production",
            Some(&ada),
        )
        .await;
    assert_eq!(
        deleted.headers[header::LOCATION],
        "/integrations/airtable?deleted=1#configuration"
    );
    let listed = app
        .get("/integrations/airtable?deleted=1", Some(&ada))
        .await;
    assert!(listed.body.contains("The configuration was deleted."));
    assert!(!listed.body.contains("config=production"));
    let reset = app
        .post_form("/integrations/airtable/config/delete", "", Some(&ada))
        .await;
    assert_eq!(
        reset.headers[header::LOCATION],
        "/integrations/airtable?reset=1#configuration"
    );
    let fresh = app.get("/integrations/airtable?reset=1", Some(&ada)).await;
    assert!(!fresh.body.contains(r#"value="Default table""#));
    assert!(
        fresh
            .body
            .contains("The configuration is back to the app&#x27;s defaults.")
            || fresh
                .body
                .contains("The configuration is back to the app's defaults.")
    );
}

#[tokio::test]
async fn the_hydrated_form_saves_through_the_same_checks_and_loads_options_by_parent() {
    let app = test_app().await;
    let ada = app.sign_up("Ada", "ada%40example.com").await;
    app.connect_oauth(&ada, "hubspot").await;
    let hubspot = app
        .post_form(LoadConfig::PATH, "slug=hubspot", Some(&ada))
        .await
        .json();
    let (pipeline, stage) = (
        form_name(&hubspot, "Pipeline"),
        form_name(&hubspot, "Deal stage"),
    );
    let options = |form: Value| {
        let app = &app;
        let ada = ada.clone();
        let stage = stage.clone();
        async move {
            let body = json!({"slug": "hubspot", "config_id": null, "name": stage, "form": form});
            app.post_json(SelectOptions::PATH, body, Some(&ada)).await
        }
    };

    // A dependent select's options follow the parent's value in the form as it stands.
    let partners = options(json!([[pipeline, "partners"]])).await;
    assert_eq!(partners.status, StatusCode::OK, "{}", partners.body);
    assert_eq!(
        partners.json(),
        json!([
            ["partner_sourced", "Partner sourced"],
            ["partner_won", "Partner won"]
        ])
    );
    let sales = options(json!([[pipeline, "default"]])).await.json();
    assert!(
        sales
            .as_array()
            .unwrap()
            .iter()
            .any(|pair| pair[1] == "Closed won"),
        "{sales}"
    );

    // Saving runs the form post's checks: a problem saves nothing and names the field.
    let submit = |form: Value| {
        let body = json!({"slug": "hubspot", "config_id": null, "form": form});
        app.post_json(SubmitConfig::PATH, body, Some(&ada))
    };
    let refused = submit(json!([[pipeline, "no-such-pipeline"]])).await;
    assert_eq!(refused.status, StatusCode::OK, "{}", refused.body);
    assert_eq!(
        refused.json(),
        json!([[pipeline, "Choose one of the options for Pipeline."]])
    );
    assert_eq!(app.calls("PUT /api/v2/public/config").await, 0);

    let saved = submit(json!([[pipeline, "partners"], [stage, "partner_won"]])).await;
    assert_eq!(saved.json(), json!([]), "{}", saved.body);
    let page = app.get("/integrations/hubspot", Some(&ada)).await.body;
    assert!(
        page.contains(r#"<option value="partner_won" selected"#),
        "{page}"
    );

    // Too many values are refused before anything else happens.
    let flood: Vec<(String, String)> = (0..1001)
        .map(|i| (format!("f.x{i}"), String::new()))
        .collect();
    let flooded = submit(json!(flood)).await;
    assert_eq!(
        flooded.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        flooded.body
    );
}
