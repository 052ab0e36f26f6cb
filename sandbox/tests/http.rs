//! Every route of the sandbox over real HTTP on an ephemeral port: happy paths, auth failures,
//! CORS preflights, bad input, expiry, fault injection, webhooks and the state file. This file
//! is the harness (`Sandbox`, the webhook `Receiver`, shared helpers); the tests live in
//! `http/<feature>.rs`.

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
use sandbox::admin::{AdminClient, FaultSpec, RateLimitSettings, TokenSelector};
use sandbox::{RunningSandbox, SandboxConfig};
use serde_json::{Value, json};
use tokio::net::TcpListener;

#[path = "http/accounts.rs"]
mod accounts;
#[path = "http/admin.rs"]
mod admin;
#[path = "http/applications.rs"]
mod applications;
#[path = "http/auth.rs"]
mod auth;
#[path = "http/bad_input.rs"]
mod bad_input;
#[path = "http/configs.rs"]
mod configs;
#[path = "http/cors.rs"]
mod cors;
#[path = "http/disconnect.rs"]
mod disconnect;
#[path = "http/key_based.rs"]
mod key_based;
#[path = "http/oauth.rs"]
mod oauth;
#[path = "http/org.rs"]
mod org;
#[path = "http/startup.rs"]
mod startup;
#[path = "http/tokens.rs"]
mod tokens;
#[path = "http/webhooks.rs"]
mod webhooks;

const KEY: &str = "tk_test_key";
const PROD_KEY: &str = "pk_prod_key";
const ORIGIN: &str = "http://app.example:3000";

struct Sandbox {
    running: RunningSandbox,
    base: String,
    http: reqwest::Client,
    /// The typed admin API, for tests that set the sandbox up through it.
    admin: AdminClient,
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
        admin: AdminClient::with_http(http.clone(), base.clone(), KEY),
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

    /// Sends `body` as JSON with the API key: for the org routes, and for tests of the admin
    /// API's own answers.
    async fn with_key(&self, method: Method, path: &str, body: Value) -> (StatusCode, Value) {
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

/// A webhook receiver that fails its first `failures` deliveries with a 500.
struct Receiver {
    url: String,
    received: Arc<Mutex<Vec<(HeaderMap, Bytes)>>>,
}

/// A sandbox that delivers its own events (connection changes) to a fresh receiver.
async fn start_delivering() -> (Receiver, Sandbox) {
    let hooks = receiver(0).await;
    let sandbox = start_with(SandboxConfig {
        webhook_urls: vec![hooks.url.clone()],
        ..config()
    })
    .await;
    (hooks, sandbox)
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
