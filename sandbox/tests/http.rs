//! Every route of the sandbox over real HTTP on an ephemeral port: happy paths, auth failures,
//! CORS preflights, bad input, expiry, fault injection, webhooks and the state file.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "test helpers should fail loudly"
)]

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use base64::Engine;
use reqwest::{Method, RequestBuilder, Response};
use sandbox::{RunningSandbox, SandboxConfig};
use serde_json::{Value, json};
use tokio::net::TcpListener;

const KEY: &str = "tk_test_key";
const PROD_KEY: &str = "pk_prod_key";
const ORIGIN: &str = "http://app.example:3000";

struct Sandbox {
    running: RunningSandbox,
    base: String,
    http: reqwest::Client,
}

fn config() -> SandboxConfig {
    SandboxConfig {
        addr: "127.0.0.1:0".parse().unwrap(),
        api_keys: vec![KEY.into(), PROD_KEY.into()],
        allowed_origins: vec![ORIGIN.into()],
        webhook_urls: vec![],
        state_file: None,
        extra_apps: vec![],
    }
}

async fn start() -> Sandbox {
    start_with(config()).await
}

async fn start_with(config: SandboxConfig) -> Sandbox {
    let running = sandbox::spawn(config).await.expect("sandbox starts");
    let base = running.base_url();
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    Sandbox {
        running,
        base,
        http,
    }
}

impl Sandbox {
    fn request(&self, method: Method, path: &str) -> RequestBuilder {
        self.http.request(method, format!("{}{path}", self.base))
    }

    fn key(&self, method: Method, path: &str) -> RequestBuilder {
        self.request(method, path).header("x-api-key", KEY)
    }

    fn account_scoped(&self, method: Method, path: &str, account: &str) -> RequestBuilder {
        self.key(method, path).header("linked_account_id", account)
    }

    fn bearer(&self, method: Method, path: &str, token: &str) -> RequestBuilder {
        self.request(method, path).bearer_auth(token)
    }

    async fn account(&self, id: &str) -> Value {
        let (status, body) = send(
            self.key(Method::PUT, "/api/v2/public/linked-account")
                .json(&json!({"linked_account_id": id, "name": "Acme"})),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        body
    }

    async fn token(&self, id: &str) -> String {
        let (status, body) = send(
            self.key(Method::POST, "/api/v2/public/session-token")
                .json(&json!({"linked_account_id": id})),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        body["token"].as_str().unwrap().to_owned()
    }

    /// Creates an account and a token for it.
    async fn session(&self, id: &str) -> String {
        self.account(id).await;
        self.token(id).await
    }

    async fn connect_key_based(
        &self,
        token: &str,
        slug: &str,
        credentials: Value,
    ) -> (StatusCode, Value) {
        send(
            self.bearer(Method::POST, &format!("/api/v2/app/{slug}/save"), token)
                .json(&credentials),
        )
        .await
    }

    /// Runs the OAuth consent for `slug` and answers it with `decision`.
    async fn consent(&self, token: &str, slug: &str, decision: &str) -> Response {
        let (status, body) =
            send(self.bearer(Method::GET, &format!("/api/v1/{slug}/integrate"), token)).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        self.answer_consent(body["auth_url"].as_str().unwrap(), decision)
            .await
    }

    async fn answer_consent(&self, auth_url: &str, decision: &str) -> Response {
        let page = self
            .http
            .get(auth_url)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let state = page
            .split("name=\"state\" value=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_owned();
        let action = page
            .split("action=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_owned();
        self.request(Method::POST, &action)
            .form(&[("state", state.as_str()), ("decision", decision)])
            .send()
            .await
            .unwrap()
    }

    async fn admin(&self, method: Method, path: &str, body: Value) -> (StatusCode, Value) {
        send(self.key(method, path).json(&body)).await
    }

    async fn app(&self, token: &str, slug: &str) -> Value {
        let (status, body) = send(self.bearer(
            Method::GET,
            &format!("/api/v2/f-sdk/application/{slug}"),
            token,
        ))
        .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        body
    }

    async fn config(&self, token: &str, slug: &str) -> Value {
        let (status, body) = send(
            self.bearer(Method::POST, "/api/v2/f-sdk/config", token)
                .json(&json!({"slug": slug})),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        body
    }
}

async fn send(request: RequestBuilder) -> (StatusCode, Value) {
    let response = request.send().await.expect("request is sent");
    let status = response.status();
    let text = response.text().await.unwrap();
    let body = if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or(Value::String(text))
    };
    (status, body)
}

fn assert_envelope(body: &Value, status: u16, code: &str, message: &str) {
    assert_eq!(body["status_code"], status, "{body}");
    assert_eq!(body["error"], code, "{body}");
    assert_eq!(body["error_code"], code, "{body}");
    assert!(
        body["message"].as_str().unwrap().contains(message),
        "{body}"
    );
    assert!(body["http_error_type"].is_string(), "{body}");
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

/// A webhook receiver that fails its first `failures` deliveries with a 500.
struct Receiver {
    url: String,
    received: Arc<Mutex<Vec<(HeaderMap, Bytes)>>>,
}

async fn receiver(failures: usize) -> Receiver {
    let received: Arc<Mutex<Vec<(HeaderMap, Bytes)>>> = Arc::default();
    let calls = Arc::new(Mutex::new(0_usize));
    let store = received.clone();
    let app = Router::new().route(
        "/hook",
        post(move |headers: HeaderMap, body: Bytes| {
            let store = store.clone();
            let calls = calls.clone();
            async move {
                let call = {
                    let mut calls = calls.lock().unwrap();
                    *calls += 1;
                    *calls
                };
                if call <= failures {
                    return StatusCode::INTERNAL_SERVER_ERROR;
                }
                store.lock().unwrap().push((headers, body));
                StatusCode::OK
            }
        }),
    );
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    Receiver { url, received }
}

impl Receiver {
    /// Waits for `count` deliveries and returns their JSON bodies, checking each signature.
    async fn events(&self, count: usize, key: &str) -> Vec<Value> {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            {
                let received = self.received.lock().unwrap();
                if received.len() >= count {
                    return received
                        .iter()
                        .map(|(headers, body)| {
                            let signature = headers["x-cobalt-signature"].to_str().unwrap();
                            assert_eq!(signature, sandbox::webhook_signature(key, body));
                            assert_eq!(headers["content-type"], "application/json");
                            serde_json::from_slice(body).unwrap()
                        })
                        .collect();
                }
            }
            assert!(Instant::now() < deadline, "webhooks did not arrive");
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }
}

// ---------------------------------------------------------------- auth

#[tokio::test]
async fn a_missing_or_wrong_api_key_is_401_invalid_credentials() {
    let sandbox = start().await;
    for request in [
        sandbox.request(Method::GET, "/api/v2/public/linked-account"),
        sandbox
            .request(Method::GET, "/api/v2/public/linked-account")
            .header("x-api-key", "tk_unknown"),
        sandbox
            .request(Method::POST, "/api/v2/public/session-token")
            .header("x-api-key", "")
            .json(&json!({})),
    ] {
        let (status, body) = send(request).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert_envelope(&body, 401, "SERVER_ERROR", "Invalid Credentials");
        assert_eq!(body["message"], "Invalid Credentials");
    }
}

#[tokio::test]
async fn session_routes_without_a_valid_token_are_401_invalid_token() {
    let sandbox = start().await;
    let token = sandbox.session("user_1").await;
    let forged = format!("{}x", &token[..token.len() - 1]);
    for request in [
        sandbox.request(Method::GET, "/api/v2/f-sdk/application"),
        sandbox.bearer(Method::GET, "/api/v2/f-sdk/application", "garbage"),
        sandbox.bearer(Method::GET, "/api/v2/f-sdk/application", &forged),
        sandbox
            .request(Method::GET, "/api/v2/f-sdk/application")
            .header("authorization", format!("Basic {token}")),
    ] {
        let (status, body) = send(request).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert_envelope(&body, 401, "INVALID_TOKEN", "Invalid token");
    }
    let (status, _) = send(sandbox.bearer(Method::GET, "/api/v2/f-sdk/application", &token)).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn org_admin_routes_refuse_a_session_token() {
    let sandbox = start().await;
    let token = sandbox.session("user_1").await;
    let (status, body) =
        send(sandbox.bearer(Method::GET, "/api/v2/public/linked-account", &token)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["message"], "Invalid Credentials");
    let (status, _) = send(
        sandbox
            .bearer(Method::POST, "/api/v2/public/webhook", &token)
            .json(&json!({"webhook_url": "http://x.example"})),
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_production_key_does_not_see_test_accounts() {
    let sandbox = start().await;
    sandbox.account("user_1").await;
    let (status, body) = send(
        sandbox
            .request(Method::GET, "/api/v2/public/linked-account/user_1")
            .header("x-api-key", PROD_KEY),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("in environment production"),
        "{body}"
    );
}

// ---------------------------------------------------------------- linked accounts

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

// ---------------------------------------------------------------- session tokens

#[tokio::test]
async fn session_tokens_are_hs256_jwts_with_cobalts_claims_for_24_hours() {
    let sandbox = start().await;
    sandbox.account("user_1").await;
    let (status, body) = send(
        sandbox
            .key(Method::POST, "/api/v2/public/session-token")
            .json(&json!({"linked_account_id": "user_1"})),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let token = body["token"].as_str().unwrap();
    let mut parts = token.split('.');
    let decode = |part: &str| -> Value {
        serde_json::from_slice(
            &base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(part)
                .unwrap(),
        )
        .unwrap()
    };
    assert_eq!(
        decode(parts.next().unwrap()),
        json!({"alg": "HS256", "typ": "JWT"})
    );
    let claims = decode(parts.next().unwrap());
    assert_eq!(claims["org_id"], sandbox::ORG_ID);
    assert_eq!(claims["linked_account_id"], "user_1");
    assert_eq!(claims["environment"], "test");
    assert_eq!(
        claims["exp"].as_u64().unwrap() - claims["iat"].as_u64().unwrap(),
        86_400
    );
    assert!(body["expires_in"].as_u64().unwrap() <= 86_400);
    assert!(body["refresh_token"].is_string());
}

#[tokio::test]
async fn a_token_is_reused_unless_force_refresh_is_true() {
    let sandbox = start().await;
    sandbox.account("user_1").await;
    let first = sandbox.token("user_1").await;
    assert_eq!(sandbox.token("user_1").await, first);
    let (_, refreshed) = send(
        sandbox
            .key(
                Method::POST,
                "/api/v2/public/session-token?force_refresh=true",
            )
            .json(&json!({"linked_account_id": "user_1"})),
    )
    .await;
    let refreshed = refreshed["token"].as_str().unwrap();
    assert_ne!(refreshed, first);
    // Both stay valid: a refresh does not revoke.
    for token in [first.as_str(), refreshed] {
        let (status, _) =
            send(sandbox.bearer(Method::GET, "/api/v2/f-sdk/application", token)).await;
        assert_eq!(status, StatusCode::OK);
    }
}

#[tokio::test]
async fn minting_for_an_unknown_account_is_cobalts_500_and_without_an_id_a_400() {
    let sandbox = start().await;
    let (status, body) = send(
        sandbox
            .key(Method::POST, "/api/v2/public/session-token")
            .json(&json!({"linked_account_id": "user_99999"})),
    )
    .await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(
        body["message"],
        "No linked account found for account id : user_99999 in environment test"
    );
    let (status, body) = send(sandbox.key(Method::POST, "/api/v2/public/session-token")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_envelope(
        &body,
        400,
        "INVALID_LINKED_ACCOUNT_ID",
        "linked_account_id is required",
    );
}

#[tokio::test]
async fn revoked_and_expired_tokens_are_401_invalid_token() {
    let sandbox = start().await;
    let token = sandbox.session("user_1").await;
    let (status, body) =
        send(sandbox.bearer(Method::POST, "/api/v2/public/session-token/revoke", &token)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, json!({"success": true, "revoked_count": 1}));
    let (status, body) =
        send(sandbox.bearer(Method::GET, "/api/v2/f-sdk/application", &token)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["error"], "INVALID_TOKEN");

    let fresh = sandbox.token("user_1").await;
    assert_ne!(fresh, token, "a revoked token is not reused");
    let (status, body) = sandbox
        .admin(
            Method::POST,
            "/_sandbox/tokens/expire",
            json!({"linked_account_id": "user_1"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["expired_count"], 1);
    let (status, _) = send(sandbox.bearer(Method::GET, "/api/v2/f-sdk/application", &fresh)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    let third = sandbox.token("user_1").await;
    let (_, body) = sandbox
        .admin(
            Method::POST,
            "/_sandbox/tokens/revoke",
            json!({"token": third}),
        )
        .await;
    assert_eq!(body["revoked_count"], 1);
    let (status, _) = send(sandbox.bearer(Method::GET, "/api/v2/f-sdk/application", &third)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = sandbox
        .admin(Method::POST, "/_sandbox/tokens/revoke", json!({}))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

// ---------------------------------------------------------------- applications

#[tokio::test]
async fn listing_applications_takes_linked_account_id_from_the_header_first_then_the_query() {
    let sandbox = start().await;
    sandbox.account("user_1").await;
    let (status, apps) = send(sandbox.key(
        Method::GET,
        "/api/v2/public/application?linked_account_id=user_1",
    ))
    .await;
    assert_eq!(status, StatusCode::OK);
    let apps = apps.as_array().unwrap();
    assert!(apps.len() >= 12);
    let quickbooks = apps.iter().find(|app| app["slug"] == "quickbooks").unwrap();
    assert_eq!(quickbooks["name"], "QuickBooks Online");
    assert_eq!(quickbooks["auth_type"], "oauth2");
    assert_eq!(quickbooks["type"], "quickbooks");
    assert_eq!(quickbooks["reauth_required"], false);
    assert!(
        quickbooks.get("connected").is_none(),
        "absent until connected, as Cobalt"
    );
    let copper = apps.iter().find(|app| app["slug"] == "copper").unwrap();
    assert_eq!(copper["auth_input_map"][0]["name"], "api_token");
    assert_eq!(copper["auth_type_options"]["keybased"][1]["name"], "email");

    let (status, _) = send(sandbox.account_scoped(
        Method::GET,
        "/api/v2/public/application?linked_account_id=nobody",
        "user_1",
    ))
    .await;
    assert_eq!(status, StatusCode::OK, "the header wins over the query");
    let (status, body) = send(sandbox.key(Method::GET, "/api/v2/public/application")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_envelope(
        &body,
        400,
        "INVALID_LINKED_ACCOUNT_ID",
        "linked_account_id is required",
    );
    let (status, _) =
        send(sandbox.account_scoped(Method::GET, "/api/v2/public/application", "nobody")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn applications_filter_by_tag_auth_type_and_slug() {
    let sandbox = start().await;
    sandbox.account("user_1").await;
    let names = |body: Value| -> Vec<String> {
        body.as_array()
            .unwrap()
            .iter()
            .map(|app| app["slug"].as_str().unwrap().to_owned())
            .collect()
    };
    let (_, crm) =
        send(sandbox.account_scoped(Method::GET, "/api/v2/public/application?tags=crm", "user_1"))
            .await;
    assert_eq!(names(crm), ["hubspot", "salesforce", "copper"]);
    let (_, keybased) = send(sandbox.account_scoped(
        Method::GET,
        "/api/v2/public/application?auth_type=keybased",
        "user_1",
    ))
    .await;
    assert!(names(keybased).len() >= 4);
    let (_, one) = send(sandbox.account_scoped(
        Method::GET,
        "/api/v2/public/application?slug=slack",
        "user_1",
    ))
    .await;
    assert_eq!(names(one), ["slack"]);
    let (status, body) =
        send(sandbox.account_scoped(Method::GET, "/api/v2/public/application/slack", "user_1"))
            .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["name"], "Slack");
    let (status, body) =
        send(sandbox.account_scoped(Method::GET, "/api/v2/public/application/nope", "user_1"))
            .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_envelope(
        &body,
        404,
        "INVALID_APP_ID",
        "Application with app_type 'nope' not found",
    );
}

#[tokio::test]
async fn the_f_sdk_application_routes_answer_for_the_session_account() {
    let sandbox = start().await;
    let token = sandbox.session("user_1").await;
    let (status, apps) =
        send(sandbox.bearer(Method::GET, "/api/v2/f-sdk/application", &token)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(apps.as_array().unwrap().len() >= 12);
    assert_eq!(sandbox.app(&token, "hubspot").await["slug"], "hubspot");
    let (status, _) =
        send(sandbox.bearer(Method::GET, "/api/v2/f-sdk/application/nope", &token)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn logos_are_served_as_svg_at_each_apps_icon_url() {
    let sandbox = start().await;
    let token = sandbox.session("user_1").await;
    let (_, apps) = send(sandbox.bearer(Method::GET, "/api/v2/f-sdk/application", &token)).await;
    for app in apps.as_array().unwrap() {
        let icon = app["icon"].as_str().unwrap();
        assert!(icon.starts_with(&sandbox.base), "{icon}");
        let response = sandbox.http.get(icon).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{icon}");
        assert_eq!(response.headers()["content-type"], "image/svg+xml");
        assert!(response.text().await.unwrap().starts_with("<svg"));
    }
    let (status, _) = send(sandbox.request(Method::GET, "/logos/nope.svg")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

// ---------------------------------------------------------------- OAuth

#[tokio::test]
async fn oauth_allow_connects_the_app_and_sends_a_signed_connection_created() {
    let hooks = receiver(0).await;
    let sandbox = start_with(SandboxConfig {
        webhook_urls: vec![hooks.url.clone()],
        ..config()
    })
    .await;
    let token = sandbox.session("user_1").await;
    let (_, url) = send(sandbox.bearer(Method::GET, "/api/v1/quickbooks/integrate", &token)).await;
    let auth_url = url["auth_url"].as_str().unwrap();
    assert!(auth_url.starts_with(&format!(
        "{}/emulator/oauth/quickbooks/authorize?state=",
        sandbox.base
    )));

    let page = sandbox
        .http
        .get(auth_url)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("QuickBooks Online"), "{page}");
    assert!(page.contains("/logos/quickbooks.svg"));
    assert!(page.contains("value=\"allow\"") && page.contains("value=\"deny\""));
    assert!(
        page.contains("accounting data"),
        "the page lists the access asked for"
    );

    let response = sandbox.answer_consent(auth_url, "allow").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Connected — you can close this window")
    );

    let app = sandbox.app(&token, "quickbooks").await;
    assert_eq!(app["connected"], true);
    assert_eq!(app["reauth_required"], false);
    let account = &app["connected_accounts"][0];
    assert_eq!(account["auth_type"], "oauth2");
    assert_eq!(account["status"], "active");
    assert_eq!(account["identifier"]["realmId"], "9341452791234567");
    assert!(account["connectedAt"].as_str().unwrap().ends_with('Z'));

    let events = hooks.events(1, KEY).await;
    assert_eq!(events[0]["event"], "Connection Created");
    assert_eq!(events[0]["slug"], "quickbooks");
    assert_eq!(events[0]["linked_account_id"], "user_1");
    assert_eq!(events[0]["type"], "General");
    assert!(events[0]["createdAt"].as_str().unwrap().ends_with(" GMT"));
}

#[tokio::test]
async fn oauth_deny_connects_nothing_and_says_so() {
    let sandbox = start().await;
    let token = sandbox.session("user_1").await;
    let response = sandbox.consent(&token, "hubspot", "deny").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.text().await.unwrap().contains("was not connected"));
    assert!(
        sandbox
            .app(&token, "hubspot")
            .await
            .get("connected")
            .is_none()
    );
}

#[tokio::test]
async fn a_consent_state_works_once_and_only_for_its_app() {
    let sandbox = start().await;
    let token = sandbox.session("user_1").await;
    let (_, url) = send(sandbox.bearer(Method::GET, "/api/v1/slack/integrate", &token)).await;
    let auth_url = url["auth_url"].as_str().unwrap();
    let wrong_app = auth_url.replace("/slack/", "/hubspot/");
    let response = sandbox.http.get(&wrong_app).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        sandbox.answer_consent(auth_url, "allow").await.status(),
        StatusCode::OK
    );
    let again = sandbox.http.get(auth_url).send().await.unwrap();
    assert_eq!(again.status(), StatusCode::BAD_REQUEST);
    assert!(
        again
            .text()
            .await
            .unwrap()
            .contains("invalid or has expired")
    );
    let response = sandbox
        .request(Method::POST, "/emulator/oauth/slack/authorize")
        .form(&[("state", "x"), ("decision", "allow")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn redirect_uri_must_be_on_an_allowed_origin_and_receives_the_outcome() {
    let sandbox = start().await;
    let token = sandbox.session("user_1").await;
    let (status, body) = send(sandbox.bearer(
        Method::GET,
        "/api/v1/slack/integrate?redirect_uri=https%3A%2F%2Fevil.example%2Fdone",
        &token,
    ))
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body["message"].as_str().unwrap().contains("redirect_uri"));

    for (decision, outcome) in [("deny", "denied"), ("allow", "connected")] {
        let (status, url) = send(
            sandbox
                .bearer(Method::POST, "/api/v1/slack/integrate", &token)
                .json(&json!({"redirect_uri": format!("{ORIGIN}/integrations/slack?from=popup")})),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{url}");
        let response = sandbox
            .answer_consent(url["auth_url"].as_str().unwrap(), decision)
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            response.headers()["location"],
            format!("{ORIGIN}/integrations/slack?from=popup&status={outcome}&slug=slack").as_str()
        );
    }
}

#[tokio::test]
async fn the_api_key_oauth_url_route_and_oauth_for_a_key_based_app() {
    let sandbox = start().await;
    sandbox.account("user_1").await;
    let (status, body) = send(sandbox.key(
        Method::GET,
        "/api/v2/public/linked-account/integration/oauth-url/salesforce?linked_account_id=user_1",
    ))
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        sandbox
            .answer_consent(body["auth_url"].as_str().unwrap(), "allow")
            .await
            .status(),
        StatusCode::OK
    );
    let (_, app) = send(sandbox.account_scoped(
        Method::GET,
        "/api/v2/public/application/salesforce",
        "user_1",
    ))
    .await;
    assert_eq!(app["connected"], true);
    let (status, _) = send(sandbox.account_scoped(
        Method::GET,
        "/api/v2/public/linked-account/integration/oauth-url/copper",
        "user_1",
    ))
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

// ---------------------------------------------------------------- key-based

#[tokio::test]
async fn key_based_save_enforces_required_inputs_then_connects() {
    let sandbox = start().await;
    let token = sandbox.session("user_1").await;
    let (status, body) = sandbox
        .connect_key_based(&token, "copper", json!({"api_token": "abc"}))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("(email) is required"),
        "{body}"
    );
    assert!(
        sandbox
            .app(&token, "copper")
            .await
            .get("connected")
            .is_none()
    );

    let (status, body) = sandbox
        .connect_key_based(
            &token,
            "copper",
            json!({"api_token": "abc", "email": "ops@acme.example"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, json!({"success": true}));
    let app = sandbox.app(&token, "copper").await;
    assert_eq!(app["connected"], true);
    assert_eq!(
        app["connected_accounts"][0]["identifier"],
        "ops@acme.example"
    );
    assert_eq!(app["connected_accounts"][0]["auth_type"], "keybased");

    let (status, _) = sandbox
        .connect_key_based(&token, "hubspot", json!({"x": "y"}))
        .await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "an OAuth app takes no credentials"
    );
    let (status, _) = sandbox.connect_key_based(&token, "nope", json!({})).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_magic_value_fails_verification_with_cobalts_500() {
    let sandbox = start().await;
    let token = sandbox.session("user_1").await;
    let (status, body) = sandbox
        .connect_key_based(&token, "twilio", json!({"sid": "AC1", "auth_token": sandbox::INVALID_CREDENTIAL, "number": "+15005550006"}))
        .await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_envelope(&body, 500, "SERVER_ERROR", "Failed to verify credentials: ");
    assert_eq!(body["http_error_type"], "INTERNAL_SERVER_ERROR");
    assert!(
        sandbox
            .app(&token, "twilio")
            .await
            .get("connected")
            .is_none()
    );
}

#[tokio::test]
async fn save_key_credentials_with_the_api_key_connects() {
    let sandbox = start().await;
    sandbox.account("user_1").await;
    let (status, body) = send(
        sandbox
            .account_scoped(
                Method::PUT,
                "/api/v2/public/linked-account/integration/save-key-credentials/stripe",
                "user_1",
            )
            .json(&json!({"secret_key": "sk_test_1"})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (_, app) =
        send(sandbox.account_scoped(Method::GET, "/api/v2/public/application/stripe", "user_1"))
            .await;
    assert_eq!(app["connected_accounts"][0]["identifier"], "NA");
}

// ---------------------------------------------------------------- disconnect

#[tokio::test]
async fn disconnect_removes_the_connection_and_the_apps_configs_and_sends_connection_deleted() {
    let hooks = receiver(0).await;
    let sandbox = start_with(SandboxConfig {
        webhook_urls: vec![hooks.url.clone()],
        ..config()
    })
    .await;
    let token = sandbox.session("user_1").await;
    sandbox
        .connect_key_based(
            &token,
            "mailchimp",
            json!({"api_key": "k-us21", "server_prefix": "us21"}),
        )
        .await;
    sandbox.config(&token, "mailchimp").await;
    let (status, account) = send(sandbox.bearer(
        Method::DELETE,
        "/api/v1/linked-acc/integration/mailchimp",
        &token,
    ))
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(account["integrations"], json!([]));
    assert!(
        sandbox
            .app(&token, "mailchimp")
            .await
            .get("connected")
            .is_none()
    );
    let (status, _) =
        send(sandbox.bearer(Method::GET, "/api/v2/f-sdk/slug/mailchimp/config", &token)).await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "configs go with the connection"
    );
    let events: Vec<String> = hooks
        .events(2, KEY)
        .await
        .iter()
        .map(|event| event["event"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(events, ["Connection Created", "Connection Deleted"]);

    // The API-key variant, for an app that is not connected: it still succeeds.
    let (status, account) = send(sandbox.key(
        Method::DELETE,
        "/api/v2/public/linked-account/integration/slack?linked_account_id=user_1&auth_type=oauth2",
    ))
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(account["account_id"], "user_1");
    let (status, _) = send(sandbox.account_scoped(
        Method::DELETE,
        "/api/v2/public/linked-account/integration/nope",
        "user_1",
    ))
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

// ---------------------------------------------------------------- configs

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
        .admin(
            Method::POST,
            "/_sandbox/connections/expire",
            json!({"linked_account_id": "user_1", "slug": "slack"}),
        )
        .await;
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

// ---------------------------------------------------------------- webhooks and org

#[tokio::test]
async fn registered_webhooks_receive_only_their_events_signed_and_retried() {
    let hooks = receiver(2).await;
    let sandbox = start().await;
    let (status, body) = sandbox
        .admin(
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
        .admin(Method::GET, "/_sandbox/webhooks", json!(null))
        .await;
    let delivery = &log["deliveries"][0];
    assert_eq!(delivery["status"], "delivered");
    assert_eq!(delivery["attempts"], 3, "two failures, then success: {log}");
}

#[tokio::test]
async fn registering_a_webhook_validates_the_url_and_events() {
    let sandbox = start().await;
    let (status, body) = sandbox
        .admin(Method::POST, "/api/v2/public/webhook", json!({"webhook_url": "https://h.example/w", "webhook_events": ["Connection Exploded"]}))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_envelope(
        &body,
        400,
        "INVALID_EVENT",
        "Invalid event. Check events list in documentation.",
    );
    let (status, _) = sandbox
        .admin(
            Method::POST,
            "/api/v2/public/webhook",
            json!({"webhook_url": "ftp://h.example", "webhook_events": ["Connection Created"]}),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn org_basics_answer_for_a_session() {
    let sandbox = start().await;
    let token = sandbox.session("user_1").await;
    let (status, body) = send(sandbox.bearer(Method::GET, "/api/v3/org/basics", &token)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["org"]["_id"], sandbox::ORG_ID);
    assert_eq!(body["linked_account"]["account_id"], "user_1");
}

// ---------------------------------------------------------------- admin

#[tokio::test]
async fn admin_routes_need_the_api_key() {
    let sandbox = start().await;
    let (status, body) = send(sandbox.request(Method::POST, "/_sandbox/reset")).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["message"], "Invalid Credentials");
    let (status, _) = send(sandbox.request(Method::GET, "/_sandbox/health")).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn injected_errors_apply_to_the_next_n_matching_calls() {
    let sandbox = start().await;
    let token = sandbox.session("user_1").await;
    let (status, fault) = sandbox
        .admin(Method::POST, "/_sandbox/faults", json!({"path": "/api/v2/f-sdk/application*", "method": "GET", "status": 503, "count": 2, "message": "Cobalt is down"}))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{fault}");
    for _ in 0..2 {
        let (status, body) =
            send(sandbox.bearer(Method::GET, "/api/v2/f-sdk/application/slack", &token)).await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
        assert_envelope(&body, 503, "SERVER_ERROR", "Cobalt is down");
    }
    let (status, _) =
        send(sandbox.bearer(Method::GET, "/api/v2/f-sdk/application/slack", &token)).await;
    assert_eq!(status, StatusCode::OK);
    let (_, faults) = sandbox
        .admin(Method::GET, "/_sandbox/faults", json!(null))
        .await;
    assert_eq!(faults, json!([]));
    let (status, _) = sandbox
        .admin(
            Method::POST,
            "/_sandbox/faults",
            json!({"path": "/x", "status": 200}),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _) = sandbox
        .admin(
            Method::POST,
            "/_sandbox/faults",
            json!({"path": "/x", "status": 500, "bogus": 1}),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn injected_latency_delays_the_answer() {
    let sandbox = start().await;
    let token = sandbox.session("user_1").await;
    sandbox
        .admin(
            Method::POST,
            "/_sandbox/faults",
            json!({"path": "/api/v2/f-sdk/*", "latency_ms": 300}),
        )
        .await;
    let started = Instant::now();
    let (status, _) = send(sandbox.bearer(Method::GET, "/api/v2/f-sdk/application", &token)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(started.elapsed() >= Duration::from_millis(300));
    let (_, cleared) = sandbox
        .admin(Method::DELETE, "/_sandbox/faults", json!(null))
        .await;
    assert_eq!(cleared["cleared"], 0);
}

#[tokio::test]
async fn the_rate_limit_answers_429_with_retry_after_when_switched_on() {
    let sandbox = start().await;
    let token = sandbox.session("user_1").await;
    let (status, settings) = sandbox
        .admin(
            Method::PUT,
            "/_sandbox/rate-limit",
            json!({"enabled": true}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        settings,
        json!({"enabled": true, "per_second": 20.0, "burst": 5.0})
    );
    let mut limited = None;
    for _ in 0..10 {
        let response = sandbox
            .bearer(Method::GET, "/api/v2/f-sdk/application", &token)
            .send()
            .await
            .unwrap();
        if response.status() == StatusCode::TOO_MANY_REQUESTS {
            limited = Some(response);
            break;
        }
    }
    let response = limited.expect("the burst of 5 is exceeded within 10 immediate calls");
    assert_eq!(response.headers()["retry-after"], "1");
    let body: Value = response.json().await.unwrap();
    assert_envelope(&body, 429, "RATE_LIMIT_EXCEEDED", "Rate limit exceeded");
    sandbox
        .admin(
            Method::PUT,
            "/_sandbox/rate-limit",
            json!({"enabled": false}),
        )
        .await;
    let (status, _) = send(sandbox.bearer(Method::GET, "/api/v2/f-sdk/application", &token)).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn expiring_a_connection_requires_reauth_and_sends_connection_expired() {
    let hooks = receiver(0).await;
    let sandbox = start_with(SandboxConfig {
        webhook_urls: vec![hooks.url.clone()],
        ..config()
    })
    .await;
    let token = sandbox.session("user_1").await;
    sandbox.consent(&token, "hubspot", "allow").await;
    sandbox.config(&token, "hubspot").await;
    let (status, app) = sandbox
        .admin(
            Method::POST,
            "/_sandbox/connections/expire",
            json!({"linked_account_id": "user_1", "slug": "hubspot"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{app}");
    let app = sandbox.app(&token, "hubspot").await;
    assert_eq!(app["connected"], true);
    assert_eq!(app["reauth_required"], true);
    assert_eq!(app["connected_accounts"][0]["status"], "expired");
    let events = hooks.events(2, KEY).await;
    assert_eq!(events[1]["event"], "Connection Expired");

    // Reconnecting clears the expiry and keeps the config.
    sandbox.consent(&token, "hubspot", "allow").await;
    let app = sandbox.app(&token, "hubspot").await;
    assert_eq!(app["reauth_required"], false);
    assert_eq!(app["connected_accounts"][0]["status"], "active");
    let (status, _) =
        send(sandbox.bearer(Method::GET, "/api/v2/f-sdk/slug/hubspot/config", &token)).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = sandbox
        .admin(
            Method::POST,
            "/_sandbox/connections/expire",
            json!({"linked_account_id": "user_1", "slug": "slack"}),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn counters_count_calls_per_route_and_reset_forgets_everything() {
    let sandbox = start().await;
    let token = sandbox.session("user_1").await;
    sandbox.app(&token, "slack").await;
    sandbox.app(&token, "hubspot").await;
    let (_, counters) = sandbox
        .admin(Method::GET, "/_sandbox/counters", json!(null))
        .await;
    assert_eq!(
        counters["routes"]["GET /api/v2/f-sdk/application/{slug}"],
        2
    );
    assert_eq!(counters["routes"]["PUT /api/v2/public/linked-account"], 1);
    assert!(
        counters["routes"]
            .as_object()
            .unwrap()
            .keys()
            .all(|route| !route.contains("_sandbox"))
    );

    let (status, _) = sandbox
        .admin(Method::POST, "/_sandbox/reset", json!(null))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, counters) = sandbox
        .admin(Method::GET, "/_sandbox/counters", json!(null))
        .await;
    assert_eq!(counters["total"], 0);
    let (status, _) = send(sandbox.bearer(Method::GET, "/api/v2/f-sdk/application", &token)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (_, page) = send(sandbox.key(Method::GET, "/api/v2/public/linked-account")).await;
    assert_eq!(page["totalDocs"], 0);
}

// ---------------------------------------------------------------- CORS

#[tokio::test]
async fn preflights_succeed_for_configured_origins_and_fail_for_others() {
    let sandbox = start().await;
    let preflight = |origin: &str| {
        sandbox
            .request(Method::OPTIONS, "/api/v2/f-sdk/application/slack")
            .header("origin", origin)
            .header("access-control-request-method", "GET")
            .header("access-control-request-headers", "authorization")
            .send()
    };
    let allowed = preflight(ORIGIN).await.unwrap();
    assert_eq!(allowed.status(), StatusCode::NO_CONTENT);
    assert_eq!(allowed.headers()["access-control-allow-origin"], ORIGIN);
    assert!(
        allowed.headers()["access-control-allow-headers"]
            .to_str()
            .unwrap()
            .contains("authorization")
    );
    assert!(
        allowed.headers()["access-control-allow-methods"]
            .to_str()
            .unwrap()
            .contains("DELETE")
    );
    let refused = preflight("https://evil.example").await.unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert!(
        refused
            .headers()
            .get("access-control-allow-origin")
            .is_none()
    );

    let token = sandbox.session("user_1").await;
    let response = sandbox
        .bearer(Method::GET, "/api/v2/f-sdk/application", &token)
        .header("origin", ORIGIN)
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["access-control-allow-origin"], ORIGIN);
    let response = sandbox
        .bearer(Method::GET, "/api/v2/f-sdk/application", &token)
        .header("origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert!(
        response
            .headers()
            .get("access-control-allow-origin")
            .is_none()
    );
}

// ---------------------------------------------------------------- bad input

#[tokio::test]
async fn malformed_json_wrong_types_and_oversized_bodies_are_envelopes_that_change_nothing() {
    let sandbox = start().await;
    let upsert = || {
        sandbox
            .key(Method::PUT, "/api/v2/public/linked-account")
            .header("content-type", "application/json")
    };
    let (status, body) = send(upsert().body("{\"linked_account_id\": ")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_envelope(&body, 400, "SERVER_ERROR", "Invalid request body");
    let (status, _) = send(upsert().body(r#"{"linked_account_id": 42}"#)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _) =
        send(upsert().body(r#"{"linked_account_id": "u", "udf": {"a": {"nested": true}}}"#)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let huge = format!(
        r#"{{"linked_account_id": "u", "name": "{}"}}"#,
        "x".repeat(100 * 1024)
    );
    let (status, body) = send(upsert().body(huge)).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_envelope(&body, 413, "SERVER_ERROR", "larger than");
    let (_, page) = send(sandbox.key(Method::GET, "/api/v2/public/linked-account")).await;
    assert_eq!(page["totalDocs"], 0, "nothing was created");
}

#[tokio::test]
async fn unknown_routes_and_methods_are_envelopes() {
    let sandbox = start().await;
    let (status, body) = send(sandbox.key(Method::GET, "/api/v2/public/nothing")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_envelope(
        &body,
        404,
        "SERVER_ERROR",
        "Cannot GET /api/v2/public/nothing",
    );
    let (status, body) = send(sandbox.key(Method::PATCH, "/api/v2/public/session-token")).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(body["status_code"], 405);
}

// ---------------------------------------------------------------- state file

#[tokio::test]
async fn state_survives_a_restart_through_the_state_file() {
    let dir = std::env::temp_dir().join(format!("sandbox-state-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("state.json");
    let _ = std::fs::remove_file(&file);
    let with_file = || SandboxConfig {
        state_file: Some(file.clone()),
        ..config()
    };

    let first = start_with(with_file()).await;
    assert!(file.exists(), "the file is written at start-up");
    let token = first.session("user_1").await;
    first
        .connect_key_based(
            &token,
            "copper",
            json!({"api_token": "t", "email": "a@b.example"}),
        )
        .await;
    first.config(&token, "copper").await;
    first.running.shutdown().await;

    let second = start_with(with_file()).await;
    let (status, apps) =
        send(second.bearer(Method::GET, "/api/v2/f-sdk/application/copper", &token)).await;
    assert_eq!(status, StatusCode::OK, "the token survives: {apps}");
    assert_eq!(apps["connected"], true);
    let (status, _) =
        send(second.bearer(Method::GET, "/api/v2/f-sdk/slug/copper/config", &token)).await;
    assert_eq!(status, StatusCode::OK);
    second.running.shutdown().await;

    std::fs::write(&file, b"{ not json").unwrap();
    let err = sandbox::spawn(with_file())
        .await
        .expect_err("a corrupt file stops the start");
    assert!(
        err.to_string().contains("cannot read the state file"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&file).unwrap(),
        b"{ not json",
        "the file is left alone"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn a_hand_built_config_with_a_key_cobalt_would_not_issue_is_refused() {
    let config = SandboxConfig {
        api_keys: vec!["secret".into()],
        ..config()
    };
    let err = sandbox::spawn(config)
        .await
        .expect_err("the key is refused");
    assert!(err.to_string().contains("SANDBOX_API_KEYS"), "{err}");
    assert!(!err.to_string().contains("secret"), "{err}");
}

#[tokio::test]
async fn an_unwritable_state_file_location_is_a_startup_error() {
    let config = SandboxConfig {
        state_file: Some("/nonexistent-dir/state.json".into()),
        ..config()
    };
    let err = sandbox::spawn(config)
        .await
        .expect_err("cannot write there");
    assert!(err.to_string().contains("state file"), "{err}");
}
