//! Configurations: find or create, update, delete, workflow toggles, dynamic and dependent
//! field options, and the rule engine.

use super::*;

#[tokio::test]
async fn find_or_create_copies_the_template_and_defaults_the_config_id_to_the_account() {
    let sandbox = start().await;
    let token = sandbox.session("user_1").await;
    let config = sandbox.config(&token, "hubspot").await;
    assert_eq!(config["slug"], "hubspot");
    assert_eq!(config["config_id"], "user_1");
    assert_eq!(config["workflows"].as_array().unwrap().len(), 2);
    assert!(
        config["fields"]
            .as_array()
            .unwrap()
            .iter()
            .all(|field| field.get("value").is_none())
    );
    assert_eq!(
        sandbox.config(&token, "hubspot").await,
        config,
        "a second call finds the same config"
    );

    let (status, named) = send(
        sandbox
            .account_scoped(Method::POST, "/api/v2/public/config", "user_1")
            .json(&json!({"slug": "hubspot", "config_id": "production", "labels": []})),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(named["config_id"], "production");
    let (_, ids) =
        send(sandbox.account_scoped(Method::GET, "/api/v2/public/slug/hubspot/configs", "user_1"))
            .await;
    let ids: Vec<&str> = ids
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["config_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["production", "user_1"]);

    let (status, body) = send(
        sandbox
            .bearer(Method::POST, "/api/v2/f-sdk/config", &token)
            .json(&json!({"slug": "nope"})),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["error_code"], "INVALID_APP_ID");
}

#[tokio::test]
async fn update_sets_fields_and_workflows_by_id_and_keeps_what_it_does_not_name() {
    let sandbox = start().await;
    let token = sandbox.session("user_1").await;
    let config = sandbox.config(&token, "stripe").await;
    let currency = field_id(&config, "Currency");
    let secret = field_id(&config, "Webhook signing secret");
    let refunds = workflow_id(&config, "Refund alerts");
    let alert = field_id(&config, "Alert email");
    let update = |body: Value| {
        send(
            sandbox
                .bearer(Method::PUT, "/api/v2/f-sdk/config", &token)
                .json(&body),
        )
    };
    let (status, updated) = update(json!({
        "slug": "stripe", "fields": {currency.clone(): "eur", secret.clone(): "whsec_1"},
        "workflows": [{"id": refunds, "enabled": true, "fields": {alert.clone(): "finance@acme.example"}}]
    }))
    .await;
    assert_eq!(status, StatusCode::OK, "{updated}");
    let (status, updated) =
        update(json!({"slug": "stripe", "fields": {secret.clone(): null}, "workflows": []})).await;
    assert_eq!(status, StatusCode::OK);
    let fields = updated["fields"].as_array().unwrap();
    assert_eq!(
        fields
            .iter()
            .find(|field| field["id"] == currency.as_str())
            .unwrap()["value"],
        "eur"
    );
    assert!(
        fields
            .iter()
            .find(|field| field["id"] == secret.as_str())
            .unwrap()
            .get("value")
            .is_none()
    );
    let workflow = updated["workflows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|workflow| workflow["id"] == refunds.as_str())
        .unwrap();
    assert_eq!(workflow["enabled"], true);
    assert_eq!(workflow["fields"][0]["value"], "finance@acme.example");

    let (status, got) = send(sandbox.bearer(
        Method::GET,
        "/api/v2/f-sdk/slug/stripe/config/user_1",
        &token,
    ))
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(got, updated);
}

#[tokio::test]
async fn bad_updates_answer_cobalts_errors_and_change_nothing() {
    let sandbox = start().await;
    let token = sandbox.session("user_1").await;
    let config = sandbox.config(&token, "stripe").await;
    let currency = field_id(&config, "Currency");
    let update = |body: Value| {
        send(
            sandbox
                .bearer(Method::PUT, "/api/v2/f-sdk/config", &token)
                .json(&body),
        )
    };
    let (status, body) = update(json!({"slug": "stripe", "fields": {currency.clone(): "eur"}, "workflows": [{"id": "000000000000000000000000", "enabled": true}]})).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(
        body["message"],
        "No workflow with id 000000000000000000000000 exists on config"
    );
    let (status, body) = update(json!({"slug": "stripe", "fields": {"unknown": 1}})).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["message"], "Field with id unknown not found");
    let (status, body) =
        update(json!({"slug": "stripe", "fields": {currency.clone(): "btc"}})).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body["message"].as_str().unwrap().contains("Currency"));
    let (status, body) =
        update(json!({"slug": "stripe", "config_id": "other", "fields": {}})).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["message"], "Config with config id other not found");
    let (status, _) = update(json!({"slug": "stripe", "fields": "not a map"})).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        sandbox.config(&token, "stripe").await,
        config,
        "nothing changed"
    );
}

#[tokio::test]
async fn configs_are_deleted_with_and_without_an_id() {
    let sandbox = start().await;
    let token = sandbox.session("user_1").await;
    sandbox.config(&token, "slack").await;
    let (status, body) =
        send(sandbox.bearer(Method::DELETE, "/api/v2/f-sdk/slug/slack/config", &token)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["message"], "Installation Deleted Success");
    let (status, body) = send(sandbox.bearer(
        Method::DELETE,
        "/api/v2/f-sdk/slug/slack/config/user_1",
        &token,
    ))
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["message"], "Config with config id user_1 not found");
    send(
        sandbox
            .account_scoped(Method::POST, "/api/v2/public/config", "user_1")
            .json(&json!({"slug": "slack", "config_id": "x"})),
    )
    .await;
    let (status, _) =
        send(sandbox.account_scoped(Method::GET, "/api/v2/public/slug/slack/config/x", "user_1"))
            .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = send(sandbox.account_scoped(
        Method::DELETE,
        "/api/v2/public/slug/slack/config/x",
        "user_1",
    ))
    .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) =
        send(sandbox.account_scoped(Method::GET, "/api/v2/public/slug/slack/config/x", "user_1"))
            .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_workflow_toggle_answers_every_workflow() {
    let sandbox = start().await;
    let token = sandbox.session("user_1").await;
    let config = sandbox.config(&token, "hubspot").await;
    let sync = workflow_id(&config, "Sync contacts");
    let (status, body) = send(
        sandbox
            .account_scoped(
                Method::PATCH,
                &format!("/api/v2/public/slug/hubspot/config/user_1/workflows/{sync}"),
                "user_1",
            )
            .json(&json!({"enabled": true})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let workflows = body["workflows"].as_array().unwrap();
    assert_eq!(workflows.len(), 2);
    assert!(
        workflows
            .iter()
            .any(|workflow| workflow["id"] == sync.as_str() && workflow["enabled"] == true)
    );
    assert!(workflows[0].get("fields").is_none());
    let (status, _) = send(
        sandbox
            .bearer(
                Method::PATCH,
                "/api/v2/f-sdk/slug/hubspot/config/user_1/workflows/nope",
                &token,
            )
            .json(&json!({"enabled": true})),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = send(
        sandbox
            .bearer(
                Method::PATCH,
                &format!("/api/v2/f-sdk/slug/hubspot/config/user_1/workflows/{sync}"),
                &token,
            )
            .json(&json!({"enabled": "yes"})),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn dynamic_options_are_field_errors_until_the_app_is_connected() {
    let sandbox = start().await;
    let token = sandbox.session("user_1").await;
    let config = sandbox.config(&token, "slack").await;
    let channel = field_id(&config, "Channel");
    assert_eq!(config["field_errors"][0]["id"], channel.as_str());
    assert_eq!(
        config["field_errors"][0]["error"]["error"],
        "APP_NOT_CONNECTED"
    );
    let (status, field) = send(
        sandbox
            .account_scoped(
                Method::POST,
                &format!("/api/v2/public/config/field/{channel}"),
                "user_1",
            )
            .header("slug", "slack")
            .json(&json!({})),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(field["options"], json!([]));
    assert_eq!(field["field_errors"][0]["name"], "Channel");

    sandbox.consent(&token, "slack", "allow").await;
    let connected = sandbox.config(&token, "slack").await;
    assert_eq!(connected["field_errors"], json!([]));
    assert!(connected["fields"][0]["options"].as_array().unwrap().len() >= 2);

    let (_, hidden) = send(
        sandbox
            .bearer(Method::POST, "/api/v2/f-sdk/config", &token)
            .header("disable_field_options", "true")
            .json(&json!({"slug": "slack"})),
    )
    .await;
    assert!(hidden["fields"][0].get("options").is_none());

    sandbox
        .admin
        .expire_connection("user_1", "slack", None)
        .await
        .unwrap();
    let expired = sandbox.config(&token, "slack").await;
    assert_eq!(
        expired["field_errors"].as_array().unwrap().len(),
        1,
        "an expired connection cannot load options"
    );
}

#[tokio::test]
async fn per_field_routes_resolve_dependent_options_and_set_and_clear_values() {
    let sandbox = start().await;
    let token = sandbox.session("user_1").await;
    sandbox.consent(&token, "hubspot", "allow").await;
    let config = sandbox.config(&token, "hubspot").await;
    let pipeline = field_id(&config, "Pipeline");
    let stage = field_id(&config, "Deal stage");
    let field = |method: Method, id: &str| {
        sandbox
            .account_scoped(
                method,
                &format!("/api/v2/public/config/field/{id}"),
                "user_1",
            )
            .header("slug", "hubspot")
    };
    let (_, empty) = send(field(Method::POST, &stage).json(&json!({}))).await;
    assert_eq!(empty["options"], json!([]), "no parent value yet");
    let (_, by_body) = send(field(Method::POST, &stage).json(&json!({"value": "partners"}))).await;
    assert_eq!(by_body["options"][0]["value"], "partner_sourced");

    let (status, set) =
        send(field(Method::PUT, &pipeline).json(&json!({"value": "default"}))).await;
    assert_eq!(status, StatusCode::OK, "{set}");
    assert_eq!(set["value"], "default");
    let (_, by_parent) = send(field(Method::GET, &stage)).await;
    assert_eq!(by_parent["options"][0]["value"], "appointmentscheduled");
    let (status, cleared) = send(field(Method::DELETE, &pipeline)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(cleared.get("value").is_none());

    let (status, all) = send(
        sandbox
            .account_scoped(Method::POST, "/api/v2/public/config/field", "user_1")
            .header("slug", "hubspot"),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(all["slug"], "hubspot");

    let (status, body) = send(field(Method::POST, "nope").json(&json!({}))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["message"], "Field with id nope not found");
    let (status, body) = send(sandbox.account_scoped(
        Method::POST,
        &format!("/api/v2/public/config/field/{stage}"),
        "user_1",
    ))
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["message"], "Missing Slug");
    let (status, _) = send(field(Method::PUT, &pipeline).json(&json!({}))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    let sync = workflow_id(&config, "Sync contacts");
    let lifecycle = field_id(&config, "Lifecycle stage");
    let (status, value) = send(
        sandbox
            .bearer(
                Method::PUT,
                &format!("/api/v2/public/config/field/{lifecycle}?workflow_id={sync}"),
                &token,
            )
            .header("slug", "hubspot")
            .json(&json!({"value": "lead"})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{value}");
    let config = sandbox.config(&token, "hubspot").await;
    let workflow = config["workflows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|workflow| workflow["id"] == sync.as_str())
        .unwrap();
    assert_eq!(workflow["fields"][0]["value"], "lead");
}

#[tokio::test]
async fn rule_engine_options_follow_the_chosen_column() {
    let sandbox = start().await;
    let token = sandbox.session("user_1").await;
    let config = sandbox.config(&token, "salesforce").await;
    let rule = field_id(&config, "Opportunity filter");
    let rules = |lhs: &str| {
        sandbox
            .account_scoped(
                Method::POST,
                &format!("/api/v2/public/config/rule-engine/{rule}"),
                "user_1",
            )
            .header("slug", "salesforce")
            .json(&json!({"rule_column": {"lhs": lhs}}))
    };
    let (status, stage) = send(rules("StageName")).await;
    assert_eq!(status, StatusCode::OK, "{stage}");
    assert_eq!(stage["rule_column"]["rhs"]["type"], "select");
    assert_eq!(stage["rule_column"]["rhs"]["name"], "Stage");
    assert_eq!(stage["rule_column"]["operator"]["type"], "select");
    let (_, amount) = send(rules("Amount")).await;
    assert_eq!(amount["rule_column"]["rhs"]["type"], "text");
    let (status, _) = send(rules("Nope")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

fn field_id(config: &Value, name: &str) -> String {
    let fields = config["fields"].as_array().unwrap().iter();
    let workflow_fields = config["workflows"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|workflow| workflow["fields"].as_array().unwrap());
    fields
        .chain(workflow_fields)
        .find(|field| field["name"] == name)
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn workflow_id(config: &Value, name: &str) -> String {
    config["workflows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|workflow| workflow["name"] == name)
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned()
}
