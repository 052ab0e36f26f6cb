//! Every JSON example of `shared/docs/cobalt-api.md`, copied verbatim, parses into the models.
//! Where the doc abbreviates (`…` in place of keys, `//` comments), the adaptation is noted.

use std::collections::BTreeMap;

use cobalt::{
    Application, AuthType, AuthUrl, Config, ConfigPayload, ConfigRef, ConnectionEvent,
    ConnectionStatus, Environment, ErrorEnvelope, FieldType, LinkedAccount, LinkedAccountPage,
    LinkedAccountPayload, Message, RevokeResult, SaveResult, SessionClaims, SessionToken,
    SessionTokenRequest, UpdateConfigPayload, WebhookEvent, WebhookRequest, WorkflowEvent,
    WorkflowsResponse,
};
use cobalt::{ConfigField, FieldOptions, Labels, Udf};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

#[allow(clippy::expect_used, reason = "test helpers should fail loudly")]
fn parse<T: DeserializeOwned>(json: &str) -> T {
    serde_json::from_str(json).expect("the doc example parses")
}

#[test]
fn the_error_envelope_parses_with_error_code() {
    let envelope: ErrorEnvelope = parse(
        r#"{ "status_code": 400, "http_error_type": "BAD_REQUEST", "error_code": "SERVER_ERROR",
  "message": "linked_account_id is required", "request_id": "fd718913-bc5a-40ec-9a90-0cebe0b26371" }"#,
    );
    assert_eq!(envelope.status_code, 400);
    assert_eq!(envelope.code(), Some("SERVER_ERROR"));
    assert_eq!(envelope.to_string(), "linked_account_id is required");
}

#[test]
fn the_error_envelope_parses_with_error_and_the_older_error_type() {
    let envelope: ErrorEnvelope = parse(
        r#"{"status_code":401,"http_error_type":"UNAUTHORIZED","error":"SERVER_ERROR","message":"Invalid Credentials"}"#,
    );
    assert_eq!(envelope.code(), Some("SERVER_ERROR"));
    assert_eq!(envelope.message, "Invalid Credentials");
    let older: ErrorEnvelope = parse(
        r#"{"status_code":401,"error_type":"UNAUTHORIZED","error":"INVALID_TOKEN","message":"Invalid token"}"#,
    );
    assert_eq!(older.http_error_type.as_deref(), Some("UNAUTHORIZED"));
    assert!(older.is_invalid_token());
    let verify: ErrorEnvelope = parse(
        r#"{"status_code":500,"http_error_type":"INTERNAL_SERVER_ERROR","error":"SERVER_ERROR","message":"Failed to verify credentials: …"}"#,
    );
    assert!(verify.message.starts_with("Failed to verify credentials"));
}

#[test]
fn the_create_linked_account_body_parses() {
    // The doc's example carries `//` comments, which JSON does not allow; they are removed.
    let body: LinkedAccountPayload = parse(
        r#"{ "linked_account_id": "user_12345",
  "name": "Acme Inc.",
  "udf": { "plan": "enterprise", "region": "us" },
  "your_app": { "auth_credentials": { "api_key": "..." } } }"#,
    );
    assert_eq!(body.linked_account_id.as_deref(), Some("user_12345"));
    assert_eq!(body.udf.map(|udf| udf.len()), Some(2));
    let alias: LinkedAccountPayload = parse(r#"{"account_id":"user_12345"}"#);
    assert_eq!(alias.linked_account_id.as_deref(), Some("user_12345"));
    let nested: LinkedAccountPayload =
        parse(r#"{"payload":{"linked_account_id":"user_1","name":"Acme"}}"#);
    assert_eq!(
        nested.payload.and_then(|inner| inner.name).as_deref(),
        Some("Acme")
    );
}

#[test]
fn the_older_create_response_parses() {
    let account: LinkedAccount = parse(
        r#"{ "_id":"64cb7c433c6dddda0fb6bde8","associated_org":"63dba3b4d9c4be8f0f3f5e8f","account_id":"1234567893",
  "environment":"test","name":"Charizard8","udf":[],"createdAt":"2023-08-03T10:06:59.703Z",
  "updatedAt":"2023-08-03T10:06:59.833Z","__v":1 }"#,
    );
    assert_eq!(account.account_id, "1234567893");
    assert_eq!(account.environment, Some(Environment::Test));
    assert_eq!(account.revision, Some(1));
}

#[test]
fn the_newer_minimal_create_response_parses() {
    // The doc lists the keys `{"_id","account_id","name","environment","integrations":null}`;
    // values are filled in.
    let account: LinkedAccount = parse(
        r#"{"_id":"6992cc7e9d38bc6a2ae28d12","account_id":"user_12345","name":"Acme Inc.","environment":"test","integrations":null}"#,
    );
    assert_eq!(account.integrations, None);
}

#[test]
fn the_get_linked_account_response_parses() {
    let account: LinkedAccount = parse(
        r#"{ "_id":"6992cc7e9d38bc6a2ae28d12","associated_org":"6500a1b2c3d4e5f6a7b8c9d0","account_id":"user_12345",
  "environment":"test","name":"Acme Inc.","udf":[{"key_name":"plan","key_value":"enterprise","_id":"…","createdAt":"…","updatedAt":"…"}],
  "integrations":[{"type":"hubspot","name":"Hubspot","app_id":null},{"type":"custom","name":"Acme CRM","app_id":"6a05d19680458c9a09e79c2e"}],
  "createdAt":"2026-05-22T11:24:06.840Z","updatedAt":"2026-05-25T04:37:50.064Z","__v":2 }"#,
    );
    assert_eq!(account.udf[0].key_value, "enterprise");
    let integrations = account.integrations.unwrap_or_default();
    assert_eq!(integrations[0].app_type, "hubspot");
    assert_eq!(
        integrations[1].app_id.as_deref(),
        Some("6a05d19680458c9a09e79c2e")
    );
}

#[test]
fn udf_entries_parse() {
    let udf: Vec<Udf> = parse(
        r#"[{"key_name":"phone","key_value":"1234567890","_id":"…","createdAt":"…","updatedAt":"…"}]"#,
    );
    assert_eq!(udf[0].key_name, "phone");
}

#[test]
fn the_linked_account_page_parses() {
    let page: LinkedAccountPage = parse(
        r#"{ "docs":[{"associated_org":"63dba3b4d9c4be8f0f3f5e8f","account_id":"1234567893","environment":"test","name":"Charizard8"}],
  "totalDocs":1,"limit":10,"totalPages":1,"page":1,"pagingCounter":1,
  "hasPrevPage":false,"hasNextPage":false,"prevPage":null,"nextPage":null }"#,
    );
    assert_eq!(page.total_docs, 1);
    assert_eq!(page.docs[0].name.as_deref(), Some("Charizard8"));
}

#[test]
fn the_disconnect_response_parses() {
    // The doc ends the object with `,…`; that tail is removed.
    let account: LinkedAccount = parse(
        r#"{"_id":"…","account_id":"user_12345","environment":"test","name":"Acme Inc.","udf":[],"integrations":[]}"#,
    );
    assert_eq!(account.integrations, Some(vec![]));
}

#[test]
fn messages_parse() {
    let deleted: Message = parse(r#"{"message":"User deleted successfully"}"#);
    assert_eq!(deleted.message, "User deleted successfully");
    let installation: Message = parse(r#"{"message":"Installation Deleted Success"}"#);
    assert_eq!(installation.message, "Installation Deleted Success");
}

#[test]
fn session_token_requests_and_responses_parse() {
    let request: SessionTokenRequest = parse(r#"{"linked_account_id":"user_12345"}"#);
    assert_eq!(request.linked_account_id, "user_12345");
    let minimal: SessionToken =
        parse(r#"{"token":"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJvcmdfaWQiOi…"}"#);
    assert!(minimal.token.starts_with("eyJ"));
    let newer: SessionToken = parse(
        r#"{"token":"…","refresh_token":"…","expires_in":599747,"refresh_expires_in":2586947}"#,
    );
    assert_eq!(newer.expires_in, Some(599_747));
}

#[test]
fn the_decoded_session_claims_parse() {
    let claims: SessionClaims = parse(
        r#"{"org_id":"63c93da0b46b7243785a1e17","linked_account_id":"12345678","environment":"test","iat":1686643089,"exp":1686902289}"#,
    );
    assert_eq!(claims.exp - claims.iat, 259_200);
}

#[test]
fn the_revoke_response_parses() {
    let revoked: RevokeResult = parse(r#"{"success":true,"revoked_count":1}"#);
    assert_eq!(revoked.revoked_count, 1);
}

#[test]
fn the_v3_application_list_parses() {
    let apps: Vec<Application> = parse(
        r#"[ {"name":"Hubspot","icon":"https://cobalt-app-logos.s3.ap-south-1.amazonaws.com/hubspot/logo.png",
   "description":"HubSpot is your all-in-one stop…","auth_type":"oauth2","type":"hubspot","app_id":"6992cc7dc124a392c80e9e9c",
   "tags":["CRM"],"ecosystem":false,"slug":"hubspot","auth_type_options":{"oauth2":[]},"auth_input_map":[],
   "connected":true,"connected_accounts":[{"identifier":{"portalId":12345678,"hub_domain":"x.com"},
   "connectedAt":"2026-04-28T12:13:25.968Z","status":"active","auth_type":"oauth2"}],"reauth_required":false},
  {"name":"Copper","icon":"…/copper/logo.png","description":"…","auth_type":"keybased","tags":["CRM"],
   "auth_input_map":[{"name":"api_token","label":"API Key","placeholder":"Please enter the API key","required":true,"type":"text"},
                     {"name":"email","label":"Email Address","placeholder":"…","required":true,"type":"text"}],
   "version":{"_v":"1.0.0","description":"…"},"slug":"copper","reauth_required":false} ]"#,
    );
    let hubspot = &apps[0];
    assert!(hubspot.connected && !hubspot.needs_reauth());
    assert_eq!(
        hubspot.connected_accounts[0].status,
        Some(ConnectionStatus::Active)
    );
    assert_eq!(
        hubspot.connected_accounts[0].identifier["portalId"],
        json!(12_345_678)
    );
    let copper = &apps[1];
    assert_eq!(copper.auth_type, Some(AuthType::KeyBased));
    assert!(!copper.connected && copper.connected_accounts.is_empty());
    assert_eq!(copper.slug(), Some("copper"));
    assert!(copper.auth_input_map.iter().all(|input| input.required));
}

#[test]
fn js8s_string_typed_required_and_null_lists_parse() {
    let app: Application = parse(
        r#"{"name":"Old","type":"old","auth_type":"keybased","auth_input_map":[{"name":"k","label":"K","placeholder":"","required":"true","type":"text"}],"tags":null,"connected_accounts":null}"#,
    );
    assert!(app.auth_input_map[0].required);
    assert_eq!(app.slug(), Some("old"));
}

#[test]
fn key_based_save_bodies_and_answers_parse() {
    let body: BTreeMap<String, String> = parse(r#"{"api_token":"…","email":"…"}"#);
    assert_eq!(body.len(), 2);
    let saved: SaveResult = parse(r#"{"success":true}"#);
    assert!(saved.success);
    // migrate-token answers `success` plus a message, which is ignored.
    let migrated: SaveResult = parse(r#"{"success":true,"message":"Integration - slack created"}"#);
    assert!(migrated.success);
    let url: AuthUrl = parse(r#"{"auth_url":"https://…"}"#);
    assert_eq!(url.auth_url, "https://…");
}

#[test]
fn find_or_create_bodies_parse_with_every_labels_shape() {
    let empty: ConfigPayload =
        parse(r#"{ "slug": "hubspot", "config_id": "OPTIONAL_ID", "labels": {} }"#);
    assert_eq!(empty.config_id.as_deref(), Some("OPTIONAL_ID"));
    let groups: ConfigPayload = parse(
        r#"{"slug":"x","labels":{"customer_mapping":[{"name":"Customer Name","value":"customer_name"}]}}"#,
    );
    assert!(matches!(groups.labels, Some(Labels::Groups(_))));
    let list: ConfigPayload = parse(r#"{"slug":"x","labels":[]}"#);
    assert!(matches!(list.labels, Some(Labels::List(_))));
    let v3: ConfigPayload = parse(r#"{"slug":"x","labels":{"env":"production"}}"#);
    assert!(matches!(v3.labels, Some(Labels::Other(_))));
    let seeded: ConfigPayload = parse(r#"{"slug":"x","workflows":[{"id":"…","enabled":true}]}"#);
    assert_eq!(seeded.workflows.map(|workflows| workflows.len()), Some(1));
}

#[test]
fn the_config_response_parses() {
    let config: Config = parse(
        r#"{ "slug": "slack", "config_id": "OPTIONAL_ID_FOR_THIS_CONFIG",
  "fields": [ { "required": false, "id": "64da0b57c9ae95561bb0a24d", "name": "Channel", "field_type": "select",
                "options": [ { "name": "general", "value": "C044U7Q074J" } ], "labels": [] } ],
  "workflows": [ { "id": "64d1fac58716dc5065127ffe", "name": "Send message in a channel", "description": "",
                   "enabled": false,
                   "fields": [ { "required": false, "id": "64da0b57c9ae95561bb0a24f", "name": "Channel",
                                 "field_type": "select", "options": [ { "name": "general", "value": "C044U7Q074J" } ],
                                 "labels": [] } ] } ],
  "field_errors": [] }"#,
    );
    assert_eq!(config.fields[0].field_type, FieldType::Select);
    assert_eq!(config.workflows[0].fields[0].id, "64da0b57c9ae95561bb0a24f");
}

#[test]
fn the_update_body_parses_with_map_values() {
    let update: UpdateConfigPayload = parse(
        r#"{ "slug": "slack", "config_id": "OPTIONAL_ID_FOR_THIS_CONFIG",
  "fields": { "64da0b57c9ae95561bb0a24d": "C044U7Q074J" },
  "workflows": [ { "id": "64d1fac58716dc5065127ffe", "enabled": true,
                   "fields": { "64da0b57c9ae95561bb0a24f": "C044U7Q074J" } } ] }"#,
    );
    assert_eq!(update.workflows[0].enabled, Some(true));
    // The mapping page's value example, wrapped in an update body.
    let map: UpdateConfigPayload = parse(
        r#"{"slug":"hubspot","fields":{"65a0ee61b542ff4a62fe68b9": {"65a0ef4db542ff4a62fe6a0c":"hs_campaign"}}}"#,
    );
    assert_eq!(
        map.fields["65a0ee61b542ff4a62fe68b9"]["65a0ef4db542ff4a62fe6a0c"],
        "hs_campaign"
    );
}

#[test]
fn config_ids_toggles_and_field_options_parse() {
    let ids: Vec<ConfigRef> =
        parse(r#"[{"_id":"6a3144e5d396207fd24dbcbd","config_id":"user_12345"}]"#);
    assert_eq!(ids[0].config_id, "user_12345");
    let toggled: WorkflowsResponse = parse(
        r#"{"workflows":[{"id":"…","name":"Sync Contacts","description":"…","enabled":false}]}"#,
    );
    assert!(!toggled.workflows[0].enabled);
    let field: ConfigField = parse(
        r#"{"id":"67231c960f8ac1513443c575","name":"LeadStatus","field_type":"select","options":[{"name":"New","value":"NEW"}],"dynamic_slot_identifier":"dynamic:hubspot:7","labels":[],"hidden":false,"required":false}"#,
    );
    assert!(field.has_live_options());
}

#[test]
fn the_field_options_answer_parses_with_and_without_field_errors() {
    let loaded: FieldOptions = parse(
        r#"{"id":"67231c960f8ac1513443c575","name":"LeadStatus","field_type":"select","options":[{"name":"New","value":"NEW"}],"dynamic_slot_identifier":"dynamic:hubspot:7","labels":[],"hidden":false,"required":false}"#,
    );
    assert_eq!(loaded.field.name, "LeadStatus");
    assert_eq!(loaded.field.options.as_ref().map(Vec::len), Some(1));
    assert!(loaded.field_errors.is_empty());
    // Not a doc example: the sandbox's shape for a dynamic field while the app is not connected.
    let failed: FieldOptions = parse(
        r#"{"id":"42ad3a8ef5494b14a1c31c76","name":"Pipeline","field_type":"select","required":true,"options":[],"labels":[],"field_errors":[{"id":"42ad3a8ef5494b14a1c31c76","name":"Pipeline","error":{"message":"Connect HubSpot to load these options","error":"APP_NOT_CONNECTED"}}]}"#,
    );
    assert!(failed.field.required);
    assert_eq!(
        failed.field_errors[0].error.error.as_deref(),
        Some("APP_NOT_CONNECTED")
    );
}

#[test]
fn unknown_field_types_are_kept_rather_than_rejected() {
    let field: ConfigField = parse(r#"{"id":"1","name":"Later","field_type":"holographic"}"#);
    assert_eq!(field.field_type, FieldType::Other("holographic".into()));
    assert_eq!(
        serde_json::to_value(&field.field_type).ok(),
        Some(Value::from("holographic"))
    );
}

#[test]
fn webhook_registration_and_payloads_parse() {
    let request: WebhookRequest = parse(
        r#"{"webhook_url":"https://your-app.com/webhooks","webhook_events":["Connection Created","Connection Deleted","Connection Expired"],"webhook_type":"default"}"#,
    );
    assert_eq!(request.webhook_events[2], WebhookEvent::ConnectionExpired);
    let connection: ConnectionEvent = parse(
        r#"{"linked_account_id":"12345","org_id":"645270e37917442c4307297a","environment":"test","type":"General","event":"Connection Created","slug":"hubspot","createdAt":"Tue, 07 Nov 2023 08:03:27 GMT"}"#,
    );
    assert_eq!(connection.event, WebhookEvent::ConnectionCreated);
    let workflow: WorkflowEvent = parse(
        r#"{"linked_account_id":"12345","instance_id":"656f30f69144bb8f183c0118","workflow_id":"6495792b9b6ca6d77a17e513","config_id":"12345","event":"Workflow Completed","workflow_name":"Export contact to Hubspot","status":"COMPLETED"}"#,
    );
    assert_eq!(workflow.event, WebhookEvent::WorkflowCompleted);
}

#[test]
fn models_round_trip_through_json() {
    let app: Application =
        parse(r#"{"name":"A","slug":"a","auth_type":"oauth2","reauth_required":false}"#);
    let again: Application = parse(&serde_json::to_string(&app).unwrap_or_default());
    assert_eq!(app, again);
}
