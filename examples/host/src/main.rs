//! An example host application: a settings page of "your product" that mounts the
//! integrations tab through the tab's host SDK, and the backend route that mints the embed
//! tokens the SDK asks for, signed with the tab's `EMBED_SECRET`.
//!
//! A real host knows who is signed in from its own session. This one is a demo: the user (and
//! their role) come from the page's query, e.g. `/?user=cus_42&role=viewer`, so the tests can
//! open the tab as anyone.
//!
//! Configuration: `EMBED_SECRET` (required, the tab's), `TAB_URL` (the tab's origin, default
//! `http://127.0.0.1:3000`), `EMBED_AUDIENCE` (default `TAB_URL`) and `HOST_ADDR` (where this
//! listens, default `127.0.0.1:3300`). Open it as `http://localhost:3300`: another site than
//! `127.0.0.1` for the browser, so the tab runs in a cross-site frame, as it will in
//! production.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use axum::{
    Router,
    extract::{Query, State},
    http::header,
    response::{Html, IntoResponse, Response},
    routing::get,
};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use hmac::{Hmac, Mac};
use serde::Deserialize;
use sha2::Sha256;

struct Host {
    secret: String,
    tab_url: String,
    audience: String,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let secret = var("EMBED_SECRET").ok_or("EMBED_SECRET is required: the tab's embed secret")?;
    let tab_url = var("TAB_URL").unwrap_or_else(|| "http://127.0.0.1:3000".to_owned());
    let tab_url = tab_url.trim_end_matches('/').to_owned();
    let audience = var("EMBED_AUDIENCE").unwrap_or_else(|| tab_url.clone());
    let addr = var("HOST_ADDR").unwrap_or_else(|| "127.0.0.1:3300".to_owned());
    let host = Arc::new(Host {
        secret,
        tab_url,
        audience,
    });
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    println!("example host on http://{addr} (open it as localhost to frame the tab cross-site)");
    axum::serve(listener, router(host)).await?;
    Ok(())
}

fn router(host: Arc<Host>) -> Router {
    Router::new()
        .route("/", get(page))
        .route("/host.js", get(script))
        .route("/token", get(token))
        .with_state(host)
}

/// The settings page, with the tab mounted in `#tab` and the events it sends listed beside it.
async fn page(State(host): State<Arc<Host>>) -> Html<String> {
    Html(include_str!("../assets/index.html").replace("{TAB_URL}", &host.tab_url))
}

async fn script() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        include_str!("../assets/host.js"),
    )
        .into_response()
}

#[derive(Deserialize)]
struct Who {
    user: Option<String>,
    role: Option<String>,
    /// Seconds the tab's session may last (`session_ttl`), to see the SDK renew it.
    ttl: Option<u64>,
}

/// `GET /token`: a fresh embed token for the signed-in user, as JSON `{"token": …}`. Never
/// cached: each token works once and lives five minutes.
async fn token(State(host): State<Arc<Host>>, Query(who): Query<Who>) -> Response {
    static JTI: AtomicU64 = AtomicU64::new(0);
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    let user = who.user.unwrap_or_else(|| "demo-user".to_owned());
    let mut claims = serde_json::json!({
        "sub": user,
        "name": format!("{user} (example host)"),
        "aud": host.audience,
        "iat": now,
        "exp": now + 300,
        "jti": format!("{now}-{}-{}", std::process::id(), JTI.fetch_add(1, Ordering::Relaxed)),
    });
    if let Some(role) = who.role {
        claims["role"] = role.into();
    }
    if let Some(ttl) = who.ttl {
        claims["session_ttl"] = ttl.into();
    }
    let body = serde_json::json!({ "token": sign(&claims, host.secret.as_bytes()) });
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body.to_string(),
    )
        .into_response()
}

/// An HS256 JWT: base64url(header).base64url(claims).base64url(HMAC-SHA256 of both).
fn sign(claims: &serde_json::Value, secret: &[u8]) -> String {
    let header = URL_SAFE_NO_PAD.encode(r#"{"alg":"HS256","typ":"JWT"}"#);
    let payload = URL_SAFE_NO_PAD.encode(claims.to_string());
    let signed = format!("{header}.{payload}");
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret) else {
        unreachable!("HMAC accepts keys of any length")
    };
    mac.update(signed.as_bytes());
    format!(
        "{signed}.{}",
        URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
    )
}
