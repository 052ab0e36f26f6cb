//! Linked accounts: create, upsert, list, get and delete.

use super::*;

#[tokio::test]
async fn creating_an_account_answers_cobalts_shape_and_a_duplicate_is_a_400() {
    let sandbox = start().await;
    let create =
        || {
            sandbox.key(Method::POST, "/api/v2/public/linked-account").json(&json!({
            "linked_account_id": "user_1", "name": "Acme Inc.", "udf": {"plan": "enterprise"}
        }))
        };
    let (status, body) = send(create()).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["account_id"], "user_1");
    assert_eq!(body["environment"], "test");
    assert_eq!(body["associated_org"], sandbox::ORG_ID);
    assert_eq!(body["udf"][0]["key_name"], "plan");
    assert_eq!(body["_id"].as_str().unwrap().len(), 24);
    let (status, body) = send(create()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_envelope(
        &body,
        400,
        "SERVER_ERROR",
        "Linked account with id user_1 already exists in the test environment",
    );
    let (status, body) = send(
        sandbox
            .key(Method::POST, "/api/v2/public/linked-account")
            .json(&json!({"name": "x"})),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_envelope(
        &body,
        400,
        "INVALID_LINKED_ACCOUNT_ID",
        "linked_account_id required",
    );
}

#[tokio::test]
async fn upsert_creates_then_merges_udf_by_key_and_accepts_the_nested_payload() {
    let sandbox = start().await;
    let upsert = |body: Value| {
        send(
            sandbox
                .key(Method::PUT, "/api/v2/public/linked-account")
                .json(&body),
        )
    };
    let (_, created) =
        upsert(json!({"account_id": "user_1", "udf": {"plan": "pro", "region": "us"}})).await;
    assert_eq!(created["new_account"], true);
    let (status, updated) =
        upsert(json!({"linked_account_id": "ignored", "payload": {"linked_account_id": "user_1", "name": "Renamed", "udf": {"plan": "enterprise"}}}))
            .await;
    assert_eq!(status, StatusCode::OK, "{updated}");
    assert_eq!(updated["new_account"], false);
    assert_eq!(updated["name"], "Renamed");
    let udf = updated["udf"].as_array().unwrap();
    assert_eq!(udf.len(), 2);
    assert!(
        udf.iter()
            .any(|entry| entry["key_name"] == "plan" && entry["key_value"] == "enterprise")
    );
    let (status, body) = upsert(json!({"linked_account_id": "user_2", "your_app": {}})).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body["message"].as_str().unwrap().contains("your_app"));
}

#[tokio::test]
async fn upsert_with_a_session_token_acts_on_the_tokens_account() {
    let sandbox = start().await;
    let token = sandbox.session("user_1").await;
    let (status, body) = send(
        sandbox
            .bearer(Method::PUT, "/api/v2/public/linked-account", &token)
            .json(&json!({"linked_account_id": "someone_else", "name": "Mine"})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["account_id"], "user_1");
    assert_eq!(body["name"], "Mine");
}

#[tokio::test]
async fn listing_accounts_is_paginated() {
    let sandbox = start().await;
    for id in ["a", "b", "c"] {
        sandbox.account(id).await;
    }
    let (status, page) =
        send(sandbox.key(Method::GET, "/api/v2/public/linked-account?page=2&limit=2")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(page["totalDocs"], 3);
    assert_eq!(page["totalPages"], 2);
    assert_eq!(page["docs"].as_array().unwrap().len(), 1);
    assert_eq!(page["hasPrevPage"], true);
    assert_eq!(page["nextPage"], Value::Null);
    let (status, body) =
        send(sandbox.key(Method::GET, "/api/v2/public/linked-account?limit=abc")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
}

#[tokio::test]
async fn getting_and_deleting_accounts() {
    let sandbox = start().await;
    let token = sandbox.session("user_1").await;
    let (status, body) =
        send(sandbox.key(Method::GET, "/api/v2/public/linked-account/user_1")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["integrations"], json!([]));
    let (status, body) = send(sandbox.bearer(
        Method::GET,
        "/api/v2/public/session/active-linked-account",
        &token,
    ))
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["account_id"], "user_1");
    let (status, body) =
        send(sandbox.key(Method::GET, "/api/v2/public/linked-account/nobody")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .starts_with("Linked Account with account id nobody for org")
    );

    let (status, body) =
        send(sandbox.key(Method::DELETE, "/api/v2/public/linked-account/user_1")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["message"], "User deleted successfully");
    let (status, _) = send(sandbox.bearer(Method::GET, "/api/v2/f-sdk/application", &token)).await;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "a deleted account's token dies with it"
    );
    let (status, _) =
        send(sandbox.key(Method::DELETE, "/api/v2/public/linked-account/user_1")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
