//! In-process router tests: the real router, against a real sandbox on an ephemeral port.
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
use app::server::{AppState, Config, embed};
use axum::{
    Router,
    body::Body,
    http::{HeaderMap, Request, StatusCode, header},
};
use http_body_util::BodyExt;
use leptos::prelude::LeptosOptions;
use leptos::server_fn::ServerFn;
use serde_json::{Value, json};
use tower::ServiceExt;

const PUBLIC_URL: &str = "http://127.0.0.1:3000";
const EMBED_SECRET: &str = "embed-secret-for-tests-0123456789abcdef";
const API_KEY: &str = "tk_sandbox_local";

struct TestApp {
    router: Router,
    sandbox: std::sync::Arc<sandbox::RunningSandbox>,
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
    TestApp {
        router: server::router(state),
        sandbox: std::sync::Arc::new(sandbox),
        http: reqwest::Client::new(),
    }
}

impl TestApp {
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

    async fn admin(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Value {
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
            .admin(
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
        let counters = self
            .admin(reqwest::Method::GET, "/_sandbox/counters", None)
            .await;
        counters["routes"][route].as_u64().unwrap_or(0)
    }

    /// Answers "Allow" on the sandbox's consent page `consent`; returns where it sends the
    /// browser back to.
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

    /// The customer id behind a cookie, read back through Cobalt's view of the account.
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

/// Our own code has no inline scripts; Leptos' server render appends one data script, which
/// must carry the page's nonce so the Content-Security-Policy can admit it and nothing else.
fn assert_inline_scripts_carry_the_nonce(html: &str) {
    for tag in html.split("<script").skip(1) {
        let open = tag.split('>').next().unwrap();
        assert!(
            open.contains(" src=") || open.contains(" nonce="),
            "inline script without nonce: <script{open}>"
        );
    }
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

#[path = "http/security.rs"]
mod security;
#[path = "http/shared.rs"]
mod shared;

#[tokio::test]
async fn healthz_is_ok() {
    let app = test_app().await;
    let reply = app.get("/healthz", None).await;
    assert_eq!((reply.status, reply.body.as_str()), (StatusCode::OK, "ok"));
}

#[tokio::test]
async fn readyz_is_ready_alone() {
    let app = test_app().await;
    let reply = app.get("/readyz", None).await;
    assert_eq!(
        (reply.status, reply.body.as_str()),
        (StatusCode::OK, "ready")
    );
}

#[tokio::test]
async fn a_pkg_asset_is_immutable_only_under_the_version_this_build_serves() {
    let site = std::env::temp_dir().join(format!("itab-site-{}", std::process::id()));
    std::fs::create_dir_all(site.join("pkg")).unwrap();
    std::fs::write(
        site.join("pkg/integrations-tab.js"),
        "export const built = 1;",
    )
    .unwrap();
    let options = LeptosOptions::builder()
        .output_name("integrations-tab")
        .site_root(site.display().to_string())
        .build();
    let assets = AssetVersions::read(&options);
    let mut config =
        Config::from_lookup(|name| (name == "PUBLIC_URL").then(|| PUBLIC_URL.into())).unwrap();
    // No Cobalt call is made: any well-formed URL will do.
    config.use_sandbox("http://127.0.0.1:9");
    let state = AppState::new(
        options,
        config,
        assets.clone(),
        app::server::shared::Shared::in_process(),
    )
    .unwrap();
    let router = server::router(state);
    let get = |path: String| {
        let router = router.clone();
        async move {
            let request = Request::get(path).body(Body::empty()).unwrap();
            router.oneshot(request).await.unwrap()
        }
    };
    let current = get(format!("/pkg/integrations-tab.js?v={}", assets.js)).await;
    assert_eq!(current.status(), StatusCode::OK);
    assert!(
        current.headers()[header::CACHE_CONTROL]
            .to_str()
            .unwrap()
            .contains("immutable")
    );
    // A page of another build (a rolling deploy) asks this instance for its own version.
    let other = get("/pkg/integrations-tab.js?v=0123456789abcdef".into()).await;
    assert_eq!(other.status(), StatusCode::NOT_FOUND);
    assert_eq!(other.headers()[header::CACHE_CONTROL], "no-store");
    let _ = std::fs::remove_dir_all(&site);
}

#[tokio::test]
async fn root_redirects_to_integrations() {
    let app = test_app().await;
    let reply = app.get("/", None).await;
    assert!(reply.status.is_redirection(), "{}", reply.status);
    assert_eq!(reply.headers[header::LOCATION], "/integrations");
}

#[tokio::test]
async fn pages_without_a_session_redirect_to_sign_up_with_the_return_path() {
    let app = test_app().await;
    let reply = app.get("/integrations/hubspot?x=1", None).await;
    assert!(reply.status.is_redirection());
    assert_eq!(
        reply.headers[header::LOCATION],
        "/signup?return=%2Fintegrations%2Fhubspot%3Fx%3D1"
    );
}

#[tokio::test]
async fn sign_up_creates_the_linked_account_and_signs_in() {
    let app = test_app().await;
    let cookie = app.sign_up("Ada+Lovelace", "ada%40example.com").await;
    let page = app.get("/integrations", Some(&cookie)).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.body.contains("Ada Lovelace"),
        "the header shows the user"
    );
    assert!(page.body.contains("<h1>Integrations</h1>"));
    assert!(
        page.body
            .contains(r#"<script type="module" src="/boot.js""#)
    );
    assert_inline_scripts_carry_the_nonce(&page.body);
    let csp = page.headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap();
    let nonce = page
        .body
        .split("nonce=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    assert!(csp.contains(&format!("'nonce-{nonce}'")), "{csp}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert_eq!(page.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(
        page.headers["cross-origin-opener-policy"],
        "same-origin-allow-popups"
    );
    assert!(!page.body.contains(" style="), "no inline styles");
    assert_eq!(page.headers[header::CACHE_CONTROL], "no-store");
    let accounts = app
        .admin(
            reqwest::Method::GET,
            "/api/v2/public/linked-account?limit=100",
            None,
        )
        .await;
    let account = &accounts["docs"].as_array().unwrap()[0];
    assert_eq!(account["name"], "Ada Lovelace");
}

#[tokio::test]
async fn sign_up_with_bad_input_keeps_the_values_and_sets_no_cookie() {
    let app = test_app().await;
    let ticket = hidden_value(&app.get("/signup", None).await.body, "ticket");
    let form = format!("name=Ada&email=not-an-email&ticket={ticket}&return_to=");
    let reply = app.post_form("/signup", &form, None).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.session_cookie().is_none());
    assert!(
        reply.body.contains(r#"value="not-an-email""#) && reply.body.contains(r#"value="Ada""#),
        "{}",
        reply.body
    );
    assert!(reply.body.contains("valid email address"), "{}", reply.body);
}

#[tokio::test]
async fn sign_up_when_cobalt_fails_sets_no_cookie_and_can_be_submitted_again() {
    let app = test_app().await;
    let ticket = hidden_value(&app.get("/signup", None).await.body, "ticket");
    app.admin(
        reqwest::Method::POST,
        "/_sandbox/faults",
        Some(json!({"path": "/api/v2/public/linked-account", "method": "PUT", "status": 500, "count": 1})),
    )
    .await;
    let form = format!("name=Ada&email=ada%40example.com&ticket={ticket}&return_to=");
    let failed = app.post_form("/signup", &form, None).await;
    assert_eq!(failed.status, StatusCode::BAD_GATEWAY);
    assert!(failed.session_cookie().is_none());
    assert!(failed.body.contains("Nothing was saved"), "{}", failed.body);
    assert!(
        failed.body.contains(r#"value="ada@example.com""#),
        "values kept"
    );
    assert!(!failed.body.contains(API_KEY));
    let again = app.post_form("/signup", &form, None).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER, "{}", again.body);
    assert!(again.session_cookie().is_some());
}

#[tokio::test]
async fn sign_up_refuses_a_forged_ticket_and_foreign_return_urls() {
    let app = test_app().await;
    let reply = app
        .post_form(
            "/signup",
            "name=Ada&email=ada%40example.com&ticket=cus_victim.00",
            None,
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.session_cookie().is_none());
    let ticket = hidden_value(&app.get("/signup", None).await.body, "ticket");
    let form =
        format!("name=Ada&email=ada%40example.com&ticket={ticket}&return_to=%2F%2Fevil.example");
    let reply = app.post_form("/signup", &form, None).await;
    assert_eq!(reply.headers[header::LOCATION], "/integrations");
}

fn embed_token(claims: Value, alg: &str, secret: &str) -> String {
    embed::sign(&claims, secret.as_bytes(), alg)
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

#[tokio::test]
async fn a_valid_embed_token_signs_in_to_the_embedded_layout_once() {
    let app = test_app().await;
    let claims = json!({"sub": "cus_embed", "name": "Grace", "email": "grace@example.com"});
    let token = host_token(claims.clone());
    let reply = app.embed(&token, None).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(reply.headers[header::LOCATION], "/integrations");
    let cookie = reply.session_cookie().unwrap();
    let page = app.get("/integrations", Some(&cookie)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        !page.body.contains("site-header__tabs"),
        "embedded sessions render without the host frame"
    );
    assert!(
        page.body.contains("Signed in as Grace") && page.body.contains(r#"action="/signout""#),
        "but say who is signed in, with Sign out"
    );
    let replay = app.embed(&token, None).await;
    assert_eq!(
        replay.status,
        StatusCode::UNAUTHORIZED,
        "a token works once"
    );
    assert!(replay.body.contains("already used"), "{}", replay.body);
    assert!(replay.session_cookie().is_none());
    let again = app.embed(&host_token(claims), None).await;
    assert_eq!(
        again.status,
        StatusCode::SEE_OTHER,
        "the upsert is idempotent"
    );
}

#[tokio::test]
async fn bad_embed_tokens_get_a_401_page_that_says_why() {
    let app = test_app().await;
    let cases = [
        (
            host_token(json!({"sub": "cus_1", "exp": now() - 3600, "iat": now() - 3900})),
            "expired",
        ),
        (
            embed_token(
                host_claims(json!({"sub": "cus_1"})),
                "HS256",
                "another-secret-of-enough-length-000000",
            ),
            "signature",
        ),
        (
            embed_token(host_claims(json!({"sub": "cus_1"})), "HS512", EMBED_SECRET),
            "HS256",
        ),
        (
            embed_token(host_claims(json!({"sub": "cus_1"})), "none", ""),
            "HS256",
        ),
        (
            host_token(json!({"sub": "cus_1", "aud": "https://elsewhere.example"})),
            "aud",
        ),
        (
            host_token(json!({"sub": "cus_1", "nbf": now() + 3600})),
            "not valid yet",
        ),
        (host_token(json!({"sub": "cus_1", "iat": null})), "iat"),
        (host_token(json!({"sub": "cus_1", "jti": null})), "jti"),
        (host_token(json!({"sub": ".."})), "dot"),
        (String::new(), "no token"),
    ];
    for (token, reason) in cases {
        let reply = app.embed(&token, None).await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{reason}");
        assert!(reply.session_cookie().is_none());
        assert!(reply.body.contains(reason), "{reason}: {}", reply.body);
    }
}

#[tokio::test]
async fn a_tampered_cookie_counts_as_signed_out() {
    let app = test_app().await;
    let cookie = app.sign_up("Ada", "ada%40example.com").await;
    let mut tampered = cookie.clone();
    tampered.insert(20, 'x');
    let page = app.get("/integrations", Some(&tampered)).await;
    assert!(page.status.is_redirection());
    let reply = app
        .post_form(ListIntegrations::PATH, "", Some(&tampered))
        .await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    assert_eq!(reply.json(), json!("Unauthorized"));
}

#[tokio::test]
async fn sign_out_clears_the_cookie() {
    let app = test_app().await;
    let cookie = app.sign_up("Ada", "ada%40example.com").await;
    let reply = app.post_form("/signout", "", Some(&cookie)).await;
    assert!(reply.status.is_redirection());
    let set = reply.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(
        set.starts_with("itab_session=;") && set.contains("Max-Age=0"),
        "{set}"
    );
}

#[tokio::test]
async fn mutations_from_another_origin_are_refused() {
    let app = test_app().await;
    let cookie = app.sign_up("Ada", "ada%40example.com").await;
    for origin in [Some("https://evil.example"), None] {
        let mut request = Request::post(Disconnect::PATH)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, &cookie);
        if let Some(origin) = origin {
            request = request.header(header::ORIGIN, origin);
        }
        let reply = app
            .send(request.body(Body::from("slug=copper")).unwrap())
            .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{origin:?}");
        assert_eq!(reply.json(), json!("Forbidden"), "the AppError wire format");
    }
}

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
    assert_eq!(cards[0].status, ConnectionStatus::Connected);
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

#[tokio::test]
async fn concurrent_session_token_requests_make_one_upstream_call() {
    let app = test_app().await;
    let cookie = app.sign_up("Ada", "ada%40example.com").await;
    let route = "POST /api/v2/public/session-token";
    let before = app.calls(route).await;
    let replies = futures::future::join_all((0..8).map(|_| app.session_token(&cookie))).await;
    assert!(
        replies.windows(2).all(|w| w[0] == w[1]),
        "one token for all"
    );
    assert_eq!(app.calls(route).await - before, 1);
    // A forced refresh mints a new token, but only once a minute.
    let forced = app
        .post_form(GetSessionToken::PATH, "force_refresh=true", Some(&cookie))
        .await;
    let forced = forced.json()["token"].as_str().unwrap().to_owned();
    assert_ne!(forced, replies[0]);
    let again = app
        .post_form(GetSessionToken::PATH, "force_refresh=true", Some(&cookie))
        .await;
    assert_eq!(again.json()["token"].as_str().unwrap(), forced);
    assert_eq!(app.calls(route).await - before, 2);
}

#[tokio::test]
async fn a_linked_account_cobalt_forgot_is_upserted_again_once() {
    let app = test_app().await;
    let cookie = app.sign_up("Ada", "ada%40example.com").await;
    let id = app.only_account_id().await;
    app.admin(
        reqwest::Method::DELETE,
        &format!("/api/v2/public/linked-account/{id}"),
        None,
    )
    .await;
    let token = app.session_token(&cookie).await;
    assert!(!token.is_empty());
}

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
        ConnectionStatus::Connected
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
async fn the_oauth_redirect_url_comes_back_to_the_detail_page() {
    let app = test_app().await;
    let ada = app.sign_up("Ada", "ada%40example.com").await;
    let reply = app
        .post_form(OauthRedirectUrl::PATH, "slug=hubspot", Some(&ada))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let url: String = serde_json::from_str(&reply.body).unwrap();
    assert!(url.starts_with(&app.sandbox.base_url()), "{url}");
    // Consent as the user would: Allow on the provider's page sends the browser back to us.
    let state = url
        .split("state=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap();
    let no_redirects = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let consent = no_redirects
        .post(format!(
            "{}/emulator/oauth/hubspot/authorize",
            app.sandbox.base_url()
        ))
        .form(&[("state", state), ("decision", "allow")])
        .send()
        .await
        .unwrap();
    assert_eq!(consent.status(), reqwest::StatusCode::SEE_OTHER);
    let back = consent.headers()["location"].to_str().unwrap();
    assert!(
        back.starts_with(&format!("{PUBLIC_URL}/integrations/hubspot"))
            && back.contains("status=connected"),
        "{back}"
    );
}

#[tokio::test]
async fn no_response_carries_the_api_key_or_a_session_token() {
    let app = test_app().await;
    let ada = app.sign_up("Ada", "ada%40example.com").await;
    let token = app.session_token(&ada).await;
    let replies = [
        app.get("/integrations", Some(&ada)).await,
        app.get("/signup", None).await,
        app.post_form(ListIntegrations::PATH, "", Some(&ada)).await,
        app.post_form(GetIntegration::PATH, "slug=hubspot", Some(&ada))
            .await,
        app.post_form(LoadConfig::PATH, "slug=copper", Some(&ada))
            .await,
        app.get("/no-such-page", Some(&ada)).await,
    ];
    for reply in replies {
        assert!(!reply.body.contains(API_KEY), "{}", reply.body);
        assert!(!reply.body.contains(&token), "{}", reply.body);
    }
}

#[tokio::test]
async fn unknown_route_is_404() {
    let app = test_app().await;
    let reply = app.get("/no-such-page", None).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert!(reply.body.contains("Page not found"), "{}", reply.body);
}

#[tokio::test]
async fn html_is_compressed_when_the_browser_accepts_it() {
    let app = test_app().await;
    let request = Request::get("/signup")
        .header(header::ACCEPT_ENCODING, "br, gzip")
        .body(Body::empty())
        .unwrap();
    let reply = app.send(request).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.headers[header::CONTENT_ENCODING], "br");
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

#[tokio::test]
async fn connection_events_reach_every_open_tab_of_their_account_once() {
    let app = test_app().await;
    let ada = app.sign_up("Ada", "ada%40example.com").await;
    let id = app.only_account_id().await;
    let eve = app.sign_up("Eve", "eve%40example.com").await;
    assert_eq!(
        app.get("/events", None).await.status,
        StatusCode::UNAUTHORIZED
    );
    let (mut tab, mut other_tab, mut eve_tab) = (
        app.events(&ada).await,
        app.events(&ada).await,
        app.events(&eve).await,
    );
    let event = |kind: &str| {
        json!({"linked_account_id": id, "org_id": "o", "environment": "test", "type": "General",
            "event": kind, "slug": "copper", "createdAt": rfc1123(now())})
        .to_string()
    };
    let expired = event("Connection Expired");
    app.send(signed_webhook(&expired, API_KEY)).await;
    let wait = Duration::from_secs(5);
    let needs_reconnect = json!({"slug": "copper", "status": "NeedsReconnect"});
    assert_eq!(tab.next_status(wait).await, Some(needs_reconnect.clone()));
    assert_eq!(other_tab.next_status(wait).await, Some(needs_reconnect));

    // A redelivery pushes nothing: the next event the tab sees is the next change.
    app.send(signed_webhook(&expired, API_KEY)).await;
    app.send(signed_webhook(&event("Connection Deleted"), API_KEY))
        .await;
    assert_eq!(
        tab.next_status(wait).await,
        Some(json!({"slug": "copper", "status": "Available"}))
    );
    // Another account's tab hears nothing of it.
    assert_eq!(eve_tab.next_status(Duration::from_millis(300)).await, None);
}

#[tokio::test]
async fn a_stream_opened_again_starts_with_every_status_of_the_account() {
    let app = test_app().await;
    let ada = app.sign_up("Ada", "ada%40example.com").await;
    app.connect_key_based(&ada, "copper").await;
    let wait = Duration::from_millis(300);
    assert_eq!(
        app.events(&ada).await.next_status(wait).await,
        None,
        "a first stream waits for changes"
    );
    let cards = app.cards(&ada).await;
    for (path, headers) in [
        ("/events", &[("last-event-id", "live")][..]),
        ("/events?resume", &[][..]),
    ] {
        let mut tab = app.events_at(path, headers, &ada).await;
        let mut statuses = Vec::new();
        while let Some(status) = tab.next_status(wait).await {
            statuses.push(status);
        }
        let expected: Vec<Value> = cards
            .iter()
            .map(|card| json!({"slug": card.slug, "status": card.status}))
            .collect();
        assert_eq!(statuses, expected, "{path}");
        assert!(expected.contains(&json!({"slug": "copper", "status": "Connected"})));
    }
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
    app.admin(
        reqwest::Method::POST,
        "/_sandbox/faults",
        Some(json!({"path": "/api/v2/public/linked-account/integration/*", "method": "DELETE", "status": 500, "count": 1})),
    )
    .await;
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
        ConnectionStatus::Connected
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

#[tokio::test]
async fn webhooks_must_be_signed_small_and_clear_the_accounts_cache_once() {
    let app = test_app().await;
    let ada = app.sign_up("Ada", "ada%40example.com").await;
    let id = app.only_account_id().await;
    let route = "GET /api/v2/public/application";
    app.cards(&ada).await;
    let body =
        json!({"linked_account_id": id, "org_id": "o", "environment": "test", "type": "General",
        "event": "Connection Expired", "slug": "copper", "createdAt": rfc1123(now())})
        .to_string();

    let unsigned = Request::post("/webhooks/cobalt")
        .body(Body::from(body.clone()))
        .unwrap();
    assert_eq!(app.send(unsigned).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        app.send(signed_webhook(&body, "tk_wrong")).await.status,
        StatusCode::UNAUTHORIZED
    );
    let huge = format!(r#"{{"pad":"{}"}}"#, "x".repeat(64 * 1024));
    assert_eq!(
        app.send(signed_webhook(&huge, API_KEY)).await.status,
        StatusCode::PAYLOAD_TOO_LARGE
    );
    app.cards(&ada).await;
    assert_eq!(app.calls(route).await, 1, "refused webhooks change nothing");

    assert_eq!(
        app.send(signed_webhook(&body, API_KEY)).await.status,
        StatusCode::OK
    );
    app.cards(&ada).await;
    assert_eq!(
        app.calls(route).await,
        2,
        "a verified event clears the cache"
    );
    assert_eq!(
        app.send(signed_webhook(&body, API_KEY)).await.status,
        StatusCode::OK
    );
    app.cards(&ada).await;
    assert_eq!(
        app.calls(route).await,
        2,
        "a redelivery is acknowledged and ignored"
    );
}

#[tokio::test]
async fn oversized_request_bodies_are_refused_with_413() {
    let app = test_app().await;
    let ada = app.sign_up("Ada", "ada%40example.com").await;
    let big = format!("slug={}", "a".repeat(server::MAX_REQUEST_BYTES + 1));
    let request = Request::post(GetIntegration::PATH)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::CONTENT_LENGTH, big.len())
        .header(header::ORIGIN, PUBLIC_URL)
        .header(header::COOKIE, &ada)
        .body(Body::from(big))
        .unwrap();
    assert_eq!(
        app.send(request).await.status,
        StatusCode::PAYLOAD_TOO_LARGE
    );
}

#[tokio::test]
async fn cobalt_js_is_served_from_this_site_as_an_immutable_es_module_with_its_integrity() {
    let app = test_app().await;
    let cookie = app.sign_up("Ada", "ada@example.com").await;
    let asset = app::server::vendor::cobalt_js_path();
    let module = app.get(asset, None).await;
    assert_eq!(module.status, StatusCode::OK);
    assert_eq!(
        module.headers[header::CONTENT_TYPE],
        "text/javascript; charset=utf-8"
    );
    assert!(
        module.headers[header::CACHE_CONTROL]
            .to_str()
            .unwrap()
            .contains("immutable")
    );
    assert!(module.body.contains("export { exported as Cobalt };"));
    assert_eq!(
        app.get("/vendor/cobalt-js-8.0.0.0000.mjs", None)
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    // The detail page hands the island the URL and the integrity hash of the very bytes served.
    let page = app.get("/integrations/hubspot", Some(&cookie)).await;
    assert!(page.body.contains(asset), "{}", page.body);
    use base64::Engine as _;
    use sha2::Digest as _;
    let integrity = format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha384::digest(&module.body))
    );
    assert!(
        page.body.contains(&integrity),
        "{integrity} not in the page"
    );
    // ...and loads none of it before a connection starts.
    assert!(!page.body.contains(&format!("src=\"{asset}")));
}

#[tokio::test]
async fn connect_without_javascript_redirects_an_oauth_app_to_consent_and_back() {
    let app = test_app().await;
    let cookie = app.sign_up("Ada", "ada@example.com").await;
    let reply = app
        .get("/integrations/hubspot/connect", Some(&cookie))
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let consent = reply.headers[header::LOCATION].to_str().unwrap().to_owned();
    assert!(
        consent.starts_with(&format!(
            "{}/emulator/oauth/hubspot/authorize",
            app.sandbox.base_url()
        )),
        "{consent}"
    );

    // A key-based app is connected with its form instead; without a session, sign in first.
    let keybased = app.get("/integrations/copper/connect", Some(&cookie)).await;
    assert_eq!(keybased.headers[header::LOCATION], "/integrations/copper");
    let anonymous = app.get("/integrations/hubspot/connect", None).await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER);
    assert!(
        anonymous.headers[header::LOCATION]
            .to_str()
            .unwrap()
            .starts_with("/signup?return=")
    );

    // The consent page sends the browser back to the detail page, which reads Cobalt afresh.
    app.cards(&cookie).await;
    let back = app.allow(&consent, "hubspot").await;
    assert!(
        back.starts_with(&format!(
            "{PUBLIC_URL}/integrations/hubspot?status=connected"
        )),
        "{back}"
    );
    let page = app
        .get("/integrations/hubspot?status=connected", Some(&cookie))
        .await;
    assert!(page.body.contains("HubSpot is connected."), "{}", page.body);
}

#[tokio::test]
async fn credentials_posted_without_javascript_are_checked_then_saved() {
    let app = test_app().await;
    let cookie = app.sign_up("Ada", "ada@example.com").await;
    let status = |cards: Vec<IntegrationCard>| {
        cards
            .into_iter()
            .find(|c| c.slug == "copper")
            .unwrap()
            .status
    };

    // A missing field: the form again, with the typed value but never the secret, and nothing sent.
    let missing = app
        .post_form(
            "/integrations/copper/connect",
            "api_token=s3cret-value&email=",
            Some(&cookie),
        )
        .await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        missing.body.contains("Enter Email Address."),
        "{}",
        missing.body
    );
    assert!(!missing.body.contains("s3cret-value"));
    assert_eq!(
        app.calls("PUT /api/v2/public/linked-account/integration/save-key-credentials/{slug}")
            .await,
        0
    );

    // Refused by the provider: Cobalt's message, the other values kept.
    let refused = app
        .post_form(
            "/integrations/copper/connect",
            "api_token=sandbox-invalid&email=ops%40example.com",
            Some(&cookie),
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .body
            .contains("Failed to verify credentials: Copper rejected them"),
        "{}",
        refused.body
    );
    assert!(refused.body.contains("value=\"ops@example.com\""));
    assert!(!refused.body.contains("value=\"sandbox-invalid\""));
    assert_eq!(
        status(app.cards(&cookie).await),
        ConnectionStatus::Available
    );

    // From another site: refused before anything happens.
    let forged = app
        .send(
            Request::post("/integrations/copper/connect")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::ORIGIN, "https://evil.example")
                .header(header::COOKIE, &cookie)
                .body(Body::from("api_token=abc&email=ops%40example.com"))
                .unwrap(),
        )
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert_eq!(
        status(app.cards(&cookie).await),
        ConnectionStatus::Available
    );

    let saved = app
        .post_form(
            "/integrations/copper/connect",
            "api_token=abc&email=ops%40example.com",
            Some(&cookie),
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    assert_eq!(
        saved.headers[header::LOCATION],
        "/integrations/copper?status=connected"
    );
    assert_eq!(
        status(app.cards(&cookie).await),
        ConnectionStatus::Connected
    );
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

/// Markup and script in every text Cobalt sends that reaches a page.
const HOSTILE: [&str; 6] = [
    "<script>window.pwned=1</script>",
    "<img src=x onerror=\"window.pwned=2\">",
    "\"><svg onload=alert(3)>",
    "<a href=\"javascript:alert(4)\">link</a>",
    "</textarea><script>alert(5)</script>",
    "'><iframe src=javascript:alert(6)>",
];

#[tokio::test]
async fn everything_cobalt_sends_is_rendered_as_text() {
    let hostile = json!({
        "slug": "hostile", "app_id": "hostile-app", "auth_type": "keybased",
        "name": format!("Hostile {}", HOSTILE[0]),
        "description": format!("Description {} {}", HOSTILE[1], HOSTILE[3]),
        "tags": [HOSTILE[2], "Tools"],
        "auth_input_map": [{"name": "api_key", "label": format!("Key {}", HOSTILE[4]),
            "placeholder": HOSTILE[5], "required": true, "help_text": HOSTILE[3]}],
        "fields": [{"id": "f1", "name": format!("Field {}", HOSTILE[1]), "field_type": "textarea",
            "help_text": HOSTILE[0], "placeholder": HOSTILE[2],
            "defaultValue": HOSTILE[4]}],
        "workflows": [{"id": "w1", "name": format!("Workflow {}", HOSTILE[5]),
            "description": HOSTILE[3], "fields": []}]
    });
    let app = test_app_with(&[], vec![hostile]).await;
    let ada = app.sign_up("Ada", "ada%40example.com").await;
    let pages = [
        app.get("/integrations", Some(&ada)).await,
        app.get("/integrations/hostile", Some(&ada)).await,
    ];
    app.connect_with(&ada, "hostile", json!({"api_key": "k"}))
        .await;
    // `?status=` reads Cobalt afresh: the connection was made behind the page's cache.
    let connected = app
        .get("/integrations/hostile?status=connected", Some(&ada))
        .await;
    assert!(
        connected.body.contains("Field &lt;img"),
        "{}",
        connected.body
    );
    // Escaped once: the title and a textarea's text (which leptos leaves to us) too.
    for escaped in [
        "<title>Hostile &lt;script&gt;window.pwned=1&lt;/script&gt; · Acme Cloud</title>",
        ">&lt;/textarea&gt;&lt;script&gt;alert(5)&lt;/script&gt;</textarea>",
    ] {
        assert!(connected.body.contains(escaped), "{escaped} missing");
    }
    for page in pages.iter().chain([&connected]) {
        assert_eq!(page.status, StatusCode::OK);
        for payload in HOSTILE {
            assert!(!page.body.contains(payload), "{payload} rendered raw");
        }
        // Every element the page has is one of ours: no tag from the payloads got in.
        for tag in [
            "<img src=x",
            "<svg onload",
            "<iframe src=javascript",
            "<a href=\"javascript",
        ] {
            assert!(!page.body.contains(tag), "{tag} in the page");
        }
        let scripts = page.body.matches("<script").count();
        let ours = page.body.matches("<script nonce=").count()
            + page.body.matches("<script type=\"module\"").count()
            + page.body.matches("<script src=").count();
        assert_eq!(scripts, ours, "a script tag that is not ours");
    }
}

#[tokio::test]
async fn a_panicking_handler_answers_500_and_the_server_keeps_serving() {
    let routes = Router::new()
        .route(
            "/boom",
            axum::routing::get(|| async {
                "not a number"
                    .parse::<u8>()
                    .expect("a handler bug")
                    .to_string()
            }),
        )
        .route("/fine", axum::routing::get(|| async { "fine" }));
    let router = server::harden(routes, Duration::from_secs(5));
    let boom = router
        .clone()
        .oneshot(Request::get("/boom").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(boom.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(boom.headers()[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    let body = boom.into_body().collect().await.unwrap().to_bytes();
    assert_eq!(&body[..], b"something went wrong on our side");
    let fine = router
        .oneshot(Request::get("/fine").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(fine.status(), StatusCode::OK);
}
