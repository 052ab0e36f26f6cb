//! In-process router tests: the real router, against a real sandbox on an ephemeral port.
//! This file is the harness (`TestApp` and shared helpers); the tests live in `http/<feature>.rs`.
#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "test helpers should fail loudly"
)]

use std::collections::HashMap;
use std::time::Duration;

use app::api::{
    Disconnect, GetIntegration, GetSessionToken, ListIntegrations, LoadConfig, OauthRedirectUrl,
    SelectOptions, SubmitConfig,
};
use app::components::AssetVersions;
use app::model::{ConnectionStatus, IntegrationCard};
use app::server::{AppState, Config};
use axum::{
    Router,
    body::Body,
    http::{HeaderMap, Request, StatusCode, header},
};
use http_body_util::BodyExt;
use leptos::prelude::LeptosOptions;
use leptos::server_fn::ServerFn;
use sandbox::admin::{AdminClient, FaultSpec};
use serde_json::{Value, json};
use tower::ServiceExt;

#[path = "http/activity.rs"]
mod activity;
#[path = "http/assets.rs"]
mod assets;
#[path = "http/attention.rs"]
mod attention;
#[path = "http/config.rs"]
mod config;
#[path = "http/connect.rs"]
mod connect;
#[path = "http/disconnect.rs"]
mod disconnect;
#[path = "http/embed.rs"]
mod embed;
#[path = "http/escaping.rs"]
mod escaping;
#[path = "http/events.rs"]
mod events;
#[path = "http/framed.rs"]
mod framed;
#[path = "http/health.rs"]
mod health;
#[path = "http/languages.rs"]
mod languages;
#[path = "http/marketplace.rs"]
mod marketplace;
#[path = "http/pages.rs"]
mod pages;
#[path = "http/security.rs"]
mod security;
#[path = "http/session_tokens.rs"]
mod session_tokens;
#[path = "http/shared.rs"]
mod shared;
#[path = "http/signup.rs"]
mod signup;
#[path = "http/webhooks.rs"]
mod webhooks;

const PUBLIC_URL: &str = "http://127.0.0.1:3000";
const EMBED_SECRET: &str = "embed-secret-for-tests-0123456789abcdef";
const API_KEY: &str = "tk_sandbox_local";

struct TestApp {
    router: Router,
    sandbox: std::sync::Arc<sandbox::RunningSandbox>,
    /// The sandbox's admin API: faults and call counters.
    admin: AdminClient,
    http: reqwest::Client,
}

/// An open event stream.
struct Events {
    body: axum::body::BodyDataStream,
    buffer: String,
}

impl Events {
    /// Waits for the server to end the stream: `Err(())` if it is still open after `wait`.
    async fn end(&mut self, wait: Duration) -> Result<(), ()> {
        use futures::StreamExt;
        let drained = async { while self.body.next().await.is_some() {} };
        tokio::time::timeout(wait, drained).await.map_err(drop)
    }

    /// The data of the next `status` event (comments and keep-alives skipped), or `None` if
    /// none comes within `wait`.
    async fn next_status(&mut self, wait: Duration) -> Option<Value> {
        use futures::StreamExt;
        let next = async {
            loop {
                if let Some(end) = self.buffer.find("\n\n") {
                    let block: String = self.buffer.drain(..end + 2).collect();
                    let field = |name: &str| {
                        block.lines().find_map(|line| {
                            let (key, value) = line.split_once(':')?;
                            (key == name).then(|| value.trim_start().to_owned())
                        })
                    };
                    if field("event").as_deref() == Some("status") {
                        return serde_json::from_str(&field("data")?).ok();
                    }
                    continue;
                }
                let chunk = self.body.next().await?.ok()?;
                self.buffer.push_str(&String::from_utf8_lossy(&chunk));
            }
        };
        tokio::time::timeout(wait, next).await.ok().flatten()
    }
}

struct Reply {
    status: StatusCode,
    headers: HeaderMap,
    body: String,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }

    fn session_cookie(&self) -> Option<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .map(|v| v.to_str().unwrap().split(';').next().unwrap().to_owned())
            .find(|c| c.starts_with("itab_session=") && c.len() > "itab_session=".len())
    }
}

async fn test_app() -> TestApp {
    test_app_with(&[], Vec::new()).await
}

/// A test app with extra settings (environment variable, value) and apps added to the
/// sandbox's catalog.
async fn test_app_with(
    settings: &[(&'static str, &'static str)],
    extra_apps: Vec<Value>,
) -> TestApp {
    // Logs go to the test's captured output: a failing test shows what the server did.
    static LOGS: std::sync::Once = std::sync::Once::new();
    LOGS.call_once(|| {
        let _ = tracing_subscriber::fmt()
            .with_env_filter("tower_http=debug,cobalt=debug,warn")
            .with_test_writer()
            .try_init();
    });
    let sandbox = sandbox::spawn(sandbox::SandboxConfig {
        addr: "127.0.0.1:0".parse().unwrap(),
        allowed_origins: vec![PUBLIC_URL.to_owned()],
        extra_apps,
        ..Default::default()
    })
    .await
    .expect("sandbox starts");
    let vars: HashMap<&str, &str> = [("PUBLIC_URL", PUBLIC_URL), ("EMBED_SECRET", EMBED_SECRET)]
        .into_iter()
        .chain(settings.iter().copied())
        .collect();
    let mut config = Config::from_lookup(|name| vars.get(name).map(|v| v.to_string())).unwrap();
    config.use_sandbox(&sandbox.base_url());
    let state = AppState::new(
        LeptosOptions::builder()
            .output_name("integrations-tab")
            .build(),
        config,
        AssetVersions::default(),
        app::server::shared::Shared::in_process(),
    )
    .unwrap();
    TestApp::new(server::router(state), std::sync::Arc::new(sandbox))
}

impl TestApp {
    fn new(router: Router, sandbox: std::sync::Arc<sandbox::RunningSandbox>) -> Self {
        let http = reqwest::Client::new();
        Self {
            router,
            admin: AdminClient::with_http(http.clone(), sandbox.base_url(), API_KEY),
            sandbox,
            http,
        }
    }

    async fn send(&self, request: Request<Body>) -> Reply {
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("router is infallible");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes();
        Reply {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    async fn get(&self, path: &str, cookie: Option<&str>) -> Reply {
        let mut request = Request::get(path);
        if let Some(cookie) = cookie {
            request = request.header(header::COOKIE, cookie);
        }
        self.send(request.body(Body::empty()).unwrap()).await
    }

    /// A form post from our own origin, as a browser would send it.
    async fn post_form(&self, path: &str, form: &str, cookie: Option<&str>) -> Reply {
        self.post(
            path,
            "application/x-www-form-urlencoded",
            form.to_owned(),
            cookie,
        )
        .await
    }

    async fn post_json(&self, path: &str, body: Value, cookie: Option<&str>) -> Reply {
        self.post(path, "application/json", body.to_string(), cookie)
            .await
    }

    async fn post(
        &self,
        path: &str,
        content_type: &str,
        body: String,
        cookie: Option<&str>,
    ) -> Reply {
        let mut request = Request::post(path)
            .header(header::CONTENT_TYPE, content_type)
            .header(header::ORIGIN, PUBLIC_URL);
        if let Some(cookie) = cookie {
            request = request.header(header::COOKIE, cookie);
        }
        self.send(request.body(Body::from(body)).unwrap()).await
    }

    /// Opens `GET /events` as a tab of the account behind `cookie` would.
    async fn events(&self, cookie: &str) -> Events {
        self.events_at("/events", &[], cookie).await
    }

    /// Opens the event stream at `path` with extra `headers`.
    async fn events_at(&self, path: &str, headers: &[(&str, &str)], cookie: &str) -> Events {
        let mut request = Request::get(path);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let request = request
            .header(header::COOKIE, cookie)
            .header(header::ACCEPT_ENCODING, "br, gzip")
            .body(Body::empty())
            .unwrap();
        let response = self.router.clone().oneshot(request).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(
            response.headers()[header::CONTENT_TYPE],
            "text/event-stream"
        );
        assert!(
            response.headers().get(header::CONTENT_ENCODING).is_none(),
            "a compressed stream would hold its events back"
        );
        Events {
            body: response.into_body().into_data_stream(),
            buffer: String::new(),
        }
    }

    /// Signs up through the real form and returns the session cookie.
    async fn sign_up(&self, name: &str, email: &str) -> String {
        let page = self.get("/signup", None).await;
        let ticket = hidden_value(&page.body, "ticket");
        let form = format!("name={name}&email={email}&ticket={ticket}&return_to=%2Fintegrations");
        let reply = self.post_form("/signup", &form, None).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
        reply.session_cookie().expect("a session cookie")
    }

    /// Calls Cobalt's API (the sandbox's) with the org's API key; it must succeed.
    async fn cobalt(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Value {
        let mut request = self
            .http
            .request(method, format!("{}{path}", self.sandbox.base_url()))
            .header("x-api-key", API_KEY);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.unwrap();
        assert!(
            response.status().is_success(),
            "{path}: {}",
            response.status()
        );
        response.json().await.unwrap_or(Value::Null)
    }

    /// The id of the one linked account a test signed up.
    async fn only_account_id(&self) -> String {
        let accounts = self
            .cobalt(
                reqwest::Method::GET,
                "/api/v2/public/linked-account?limit=100",
                None,
            )
            .await;
        accounts["docs"][0]["account_id"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    async fn calls(&self, route: &str) -> u64 {
        self.admin.counters().await.unwrap().calls(route)
    }

    /// Answers "Allow" on the sandbox's consent page `consent`, which must redirect (303);
    /// returns where it sends the browser back to.
    async fn allow(&self, consent: &str, slug: &str) -> String {
        let state = consent
            .split("state=")
            .nth(1)
            .unwrap()
            .split('&')
            .next()
            .unwrap();
        let answer = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
            .post(format!(
                "{}/emulator/oauth/{slug}/authorize",
                self.sandbox.base_url()
            ))
            .form(&[("state", state), ("decision", "allow")])
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status(), reqwest::StatusCode::SEE_OTHER);
        answer.headers()[header::LOCATION]
            .to_str()
            .unwrap()
            .to_owned()
    }

    /// Connects an OAuth app as a browser without JavaScript does: our redirect to consent,
    /// then "Allow".
    async fn connect_oauth(&self, cookie: &str, slug: &str) {
        let reply = self
            .get(&format!("/integrations/{slug}/connect"), Some(cookie))
            .await;
        let consent = reply.headers[header::LOCATION].to_str().unwrap().to_owned();
        let back = self.allow(&consent, slug).await;
        // The browser comes back to the detail page, which reads the new status.
        let back = back.strip_prefix(PUBLIC_URL).unwrap_or(&back).to_owned();
        self.get(&back, Some(cookie)).await;
    }

    /// Connects the key-based app `slug` for the cookie's account with sample credentials.
    async fn connect_key_based(&self, cookie: &str, slug: &str) {
        self.connect_with(
            cookie,
            slug,
            json!({"api_token": "secret-token", "email": "ops@example.com"}),
        )
        .await;
    }

    /// Connects a key-based app for the cookie's account with `credentials`, as cobalt-js would.
    async fn connect_with(&self, cookie: &str, slug: &str, credentials: Value) {
        let token = self.session_token(cookie).await;
        let response = self
            .http
            .post(format!(
                "{}/api/v2/app/{slug}/save",
                self.sandbox.base_url()
            ))
            .bearer_auth(token)
            .json(&credentials)
            .send()
            .await
            .unwrap();
        assert!(
            response.status().is_success(),
            "{}",
            response.text().await.unwrap()
        );
    }

    async fn session_token(&self, cookie: &str) -> String {
        let reply = self
            .post_form(GetSessionToken::PATH, "force_refresh=false", Some(cookie))
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        reply.json()["token"].as_str().unwrap().to_owned()
    }

    /// Saves a configuration form through the server function the hydrated page calls;
    /// `Ok` lists the fields to fix (empty: saved).
    async fn submit(&self, cookie: &str, slug: &str, form: Value) -> Reply {
        let body = json!({"slug": slug, "config_id": null, "form": form});
        self.post_json(SubmitConfig::PATH, body, Some(cookie)).await
    }

    /// Resets the default configuration (or deletes a named one) with the form's post.
    async fn reset_config(&self, cookie: &str, slug: &str, form: &str) -> Reply {
        self.post_form(
            &format!("/integrations/{slug}/config/delete"),
            form,
            Some(cookie),
        )
        .await
    }

    async fn cards(&self, cookie: &str) -> Vec<IntegrationCard> {
        let reply = self
            .post_form(ListIntegrations::PATH, "", Some(cookie))
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        serde_json::from_str(&reply.body).unwrap()
    }

    /// Where the app `slug` stands for the account behind `cookie`, as the marketplace says.
    async fn status_of(&self, cookie: &str, slug: &str) -> ConnectionStatus {
        self.cards(cookie)
            .await
            .into_iter()
            .find(|card| card.slug == slug)
            .map(|card| card.status)
            .expect("the app is in the catalog")
    }
}

fn hidden_value(html: &str, name: &str) -> String {
    let marker = format!(r#"name="{name}" value=""#);
    let start = html
        .find(&marker)
        .unwrap_or_else(|| panic!("no {name} in {html}"))
        + marker.len();
    html[start..].split('"').next().unwrap().to_owned()
}

/// `unix` as Cobalt dates its webhooks: `Tue, 07 Nov 2023 08:03:27 GMT`.
fn rfc1123(unix: u64) -> String {
    let format = time::macros::format_description!(
        "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
    );
    time::OffsetDateTime::from_unix_timestamp(unix as i64)
        .unwrap()
        .format(format)
        .unwrap()
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

fn embed_token(claims: Value, alg: &str, secret: &str) -> String {
    app::server::embed::sign(&claims, secret.as_bytes(), alg)
}

static JTI: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// The claims a host app sends, with a fresh `jti`, `extra` added or overriding.
fn host_claims(extra: Value) -> Value {
    let jti = JTI.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let mut claims =
        json!({"aud": PUBLIC_URL, "iat": now(), "exp": now() + 300, "jti": format!("jti-{jti}")});
    for (key, value) in extra.as_object().unwrap() {
        claims[key] = value.clone();
    }
    claims
}

fn host_token(extra: Value) -> String {
    embed_token(host_claims(extra), "HS256", EMBED_SECRET)
}

impl TestApp {
    /// Opens `/embed?token=…` as the host app's page would: a navigation from its origin.
    async fn embed(&self, token: &str, cookie: Option<&str>) -> Reply {
        let mut request = Request::get(format!("/embed?token={token}"))
            .header(header::REFERER, format!("{PUBLIC_URL}/host"));
        if let Some(cookie) = cookie {
            request = request.header(header::COOKIE, cookie);
        }
        self.send(request.body(Body::empty()).unwrap()).await
    }
}

/// A connection webhook's body, as Cobalt sends it: `kind` (`Connection Created`, …) of the
/// account's app `slug`, made at Unix second `at`.
fn connection_event(account: &str, kind: &str, slug: &str, at: u64) -> String {
    json!({"linked_account_id": account, "org_id": "o", "environment": "test", "type": "General",
        "event": kind, "slug": slug, "createdAt": rfc1123(at)})
    .to_string()
}

fn signed_webhook(body: &str, key: &str) -> Request<Body> {
    Request::post("/webhooks/cobalt")
        .header(header::CONTENT_TYPE, "application/json")
        .header(
            "x-cobalt-signature",
            sandbox::webhook_signature(key, body.as_bytes()),
        )
        .body(Body::from(body.to_owned()))
        .unwrap()
}

/// The id of the field named `name` in a loaded config (app fields and workflow fields).
fn field_id(config: &Value, name: &str) -> (Option<String>, String) {
    let find = |fields: &Value| {
        fields
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["name"] == name)
            .map(|f| f["id"].as_str().unwrap().to_owned())
    };
    if let Some(id) = find(&config["fields"]) {
        return (None, id);
    }
    for workflow in config["workflows"].as_array().unwrap() {
        if let Some(id) = find(&workflow["fields"]) {
            return (Some(workflow["id"].as_str().unwrap().to_owned()), id);
        }
    }
    panic!("no field {name} in {config}")
}

/// The form name of the field `name`, as the configuration form posts it.
fn form_name(config: &Value, name: &str) -> String {
    match field_id(config, name) {
        (None, id) => format!("f.{id}"),
        (Some(workflow), id) => format!("w.{workflow}.{id}"),
    }
}

fn encode(pairs: &[(String, &str)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs.iter().map(|(k, v)| (k.as_str(), *v)))
        .finish()
}
