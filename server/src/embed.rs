//! The host app's hand-off: `GET /embed?token=…`, and `POST /embed/continue` when another
//! account was signed in and the user agreed to switch; inside a host's frame, the renewal of
//! its session (`POST /embed/session`) and the way back from a consent page that had to leave
//! the frame (`GET /embed/back`).
//!
//! A token is accepted only from the embedding context: inside an iframe (which the CSP's
//! `frame-ancestors` restricts to the host), or on a navigation whose `Referer` is one of
//! `EMBED_ORIGINS`. A link mailed or pasted by someone else therefore signs nobody in. Each
//! token is spent on first use.

use app::pages::{EmbedFailure, EmbedSwitch};
use app::server::embed::{EmbedClaims, EmbedError, Expected};
use app::server::identity::{Placement, Sealed, now_secs};
use app::server::{AppState, Identity, embed};
use axum::{
    Extension,
    extract::{Query, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use serde::Deserialize;

use crate::render::{Language, render_page};
use crate::session::{end, sign_in};
use app::i18n::Locale;

#[derive(Debug, Deserialize)]
pub struct EmbedQuery {
    token: Option<String>,
    /// An app to open at once (the host SDK's deep link): its slug.
    app: Option<String>,
    /// The host SDK's `theme` and `brand` options, for a token that names none.
    theme: Option<String>,
    brand: Option<String>,
    /// The host SDK's `locale` option, for a token that names none.
    locale: Option<String>,
    /// The host page framing the tab (the SDK sends its URL), for the way back from a consent
    /// page that had to leave the frame.
    host: Option<String>,
    /// `connected` or `denied`: the SDK opens the tab again after such a consent page, with
    /// its outcome.
    status: Option<String>,
}

/// The consent outcomes a page can be opened with (`?status=`, see the detail page).
fn consent_outcome(status: Option<&str>) -> Option<&'static str> {
    match status? {
        "connected" => Some("connected"),
        "denied" => Some("denied"),
        _ => None,
    }
}

/// Longest host page URL kept in the session cookie.
const MAX_HOST_PAGE: usize = 2048;

/// `url`, without its fragment, if it is a page of one of the host origins (`EMBED_ORIGINS`)
/// and not too long.
fn host_page<'a>(origins: &[String], url: &'a str) -> Option<&'a str> {
    let url = url.split('#').next().unwrap_or_default();
    let origin = app::server::config::origin_of(url)?;
    (url.len() <= MAX_HOST_PAGE && !url.chars().any(char::is_control))
        .then_some(url)
        .filter(|_| origins.iter().any(|allowed| allowed == origin))
}

#[derive(Debug, Deserialize)]
pub struct BackQuery {
    app: Option<String>,
    to: Option<String>,
    /// What Cobalt says of the consent: `connected`, or `denied` when the user said no.
    status: Option<String>,
}

/// `GET /embed/back?app=…&to=…`: where a consent page opened from a frame comes back to, at
/// the top of the browser, where the frame's (partitioned) session does not reach. It sends
/// the browser on to the host page `to` (one of `EMBED_ORIGINS`, else 400: no open redirect)
/// with `itab-connected=<app>` (and `itab-status=denied` if the user said no), from which the
/// host SDK opens the tab at the app again.
pub async fn back(
    State(state): State<AppState>,
    Language(locale): Language,
    Query(query): Query<BackQuery>,
) -> Response {
    let slug = query
        .app
        .as_deref()
        .and_then(|app| app::model::validate_slug(app).ok());
    let to = query
        .to
        .as_deref()
        .and_then(|to| host_page(&state.config.embed_origins, to));
    let (Some(slug), Some(to)) = (slug, to) else {
        let text = state
            .config
            .strings
            .format(locale, "server-back-refused", &[]);
        return (StatusCode::BAD_REQUEST, text).into_response();
    };
    let separator = if to.contains('?') { '&' } else { '?' };
    let denied = match consent_outcome(query.status.as_deref()) {
        Some("denied") => "&itab-status=denied",
        _ => "",
    };
    axum::response::Redirect::to(&format!("{to}{separator}itab-connected={slug}{denied}"))
        .into_response()
}

/// Whether the request loads a document inside a frame (`Sec-Fetch-Dest: iframe`): its
/// session then lives in a partitioned cookie.
pub fn is_framed(headers: &HeaderMap) -> bool {
    headers
        .get("sec-fetch-dest")
        .is_some_and(|dest| dest == "iframe")
}

/// Where a hand-off lands: the app it names, if its slug is well-formed, else the marketplace;
/// back from a consent page, the page checks and says its `outcome` (`status=`). Framed, the
/// URL says it came from `/embed`, so a page that then finds no session can tell a browser
/// that refused the cookie from a session that ended.
fn landing_page(app: Option<&str>, outcome: Option<&str>, framed: bool) -> String {
    let mut query = Vec::new();
    let page = match app.map(app::model::validate_slug) {
        Some(Ok(slug)) => {
            query.extend(outcome.map(|outcome| format!("status={outcome}")));
            format!("/integrations/{slug}")
        }
        _ => "/integrations".to_owned(),
    };
    if framed {
        query.push(FROM_EMBED.to_owned());
    }
    if query.is_empty() {
        page
    } else {
        format!("{page}?{}", query.join("&"))
    }
}

/// The query a framed hand-off lands with.
pub const FROM_EMBED: &str = "from=embed";

/// `GET /embed?token=…`.
pub async fn embed(
    State(state): State<AppState>,
    current: Option<Extension<Identity>>,
    headers: HeaderMap,
    Language(locale): Language,
    Query(query): Query<EmbedQuery>,
) -> Response {
    let mut claims = match accept(&state, &headers, query.token.as_deref()).await {
        Ok(claims) => claims,
        Err(err) => {
            return refused(&state, StatusCode::UNAUTHORIZED, err.to_string(), locale).await;
        }
    };
    // Looks, not rights: the URL's may fill in what the signed claims leave open.
    let query_theme = query.theme.filter(|t| t == "light" || t == "dark");
    claims.theme = claims.theme.or(query_theme);
    let query_brand = query
        .brand
        .as_deref()
        .and_then(app::server::config::hex_color);
    claims.brand = claims.brand.or(query_brand);
    let query_locale = query.locale.filter(|tag| Locale::parse(tag).is_some());
    claims.locale = claims.locale.or(query_locale);
    // The token's language, for the pages of the hand-off itself.
    let locale = claims
        .locale
        .as_deref()
        .and_then(Locale::parse)
        .unwrap_or(locale);
    let framed = is_framed(&headers);
    let placement = Placement::of(framed);
    let outcome = consent_outcome(query.status.as_deref());
    let to = landing_page(query.app.as_deref(), outcome, framed);
    if framed {
        let origins = &state.config.embed_origins;
        claims.host_page = query
            .host
            .as_deref()
            .and_then(|url| host_page(origins, url))
            .map(str::to_owned);
    }
    match current {
        // Someone else is signed in here: ask before switching.
        Some(Extension(current)) if current.account_id != claims.customer_id => {
            let (next_name, expires_at) = (claims.name.clone(), claims.expires_at);
            let Ok(pending) = serde_json::to_string(&Pending { claims, to, framed }) else {
                return StatusCode::INTERNAL_SERVER_ERROR.into_response();
            };
            let lifetime = std::time::Duration::from_secs(expires_at.saturating_sub(now_secs()));
            let switch = EmbedSwitch {
                current: current.name.clone(),
                next: next_name,
            };
            let cookie = Sealed::PendingEmbed.seal(&state.config, pending, lifetime, placement);
            let mut response = render_page(
                &state,
                "/embed/switch",
                StatusCode::OK,
                switch,
                Some(&current),
                locale,
            )
            .await;
            if let Ok(value) = HeaderValue::from_str(&cookie) {
                response.headers_mut().append(header::SET_COOKIE, value);
            }
            response
        }
        current => complete(&state, claims, current.map(|c| c.0), &to, framed, locale).await,
    }
}

/// A hand-off waiting for "Continue as …?": the claims and where they lead.
#[derive(serde::Serialize, Deserialize)]
struct Pending {
    claims: EmbedClaims,
    to: String,
    framed: bool,
}

/// `POST /embed/continue`: the "Continue as …?" form; switches to the pending hand-off.
pub async fn continue_as(
    State(state): State<AppState>,
    current: Option<Extension<Identity>>,
    headers: HeaderMap,
    Language(locale): Language,
) -> Response {
    let pending = Sealed::PendingEmbed
        .open(&state.config, &headers)
        .and_then(|json| serde_json::from_str::<Pending>(&json).ok())
        .filter(|pending| pending.claims.expires_at >= now_secs());
    let Some(Pending { claims, to, framed }) = pending else {
        return refused(
            &state,
            StatusCode::UNAUTHORIZED,
            EmbedError::Expired.to_string(),
            locale,
        )
        .await;
    };
    let placement = Placement::of(framed);
    let mut response = complete(&state, claims, current.map(|c| c.0), &to, framed, locale).await;
    if let Ok(value) =
        HeaderValue::from_str(&Sealed::PendingEmbed.removal(&state.config, placement))
    {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

/// `POST /embed/session` (`token`): the host's fresh token for the session already open in
/// its frame (the frame's bridge sends it when the host SDK answers `session-expiring`). The
/// token must be valid and unused and name the same customer; the session is renewed in place,
/// with the token's role, theme and brand, and the page is not reloaded. Answers the seconds
/// the renewed session lasts, as JSON.
pub async fn renew(
    State(state): State<AppState>,
    current: Option<Extension<Identity>>,
    Language(locale): Language,
    axum::Form(form): axum::Form<EmbedQuery>,
) -> Response {
    let Some(Extension(current)) = current.filter(|c| c.0.embedded) else {
        return (StatusCode::UNAUTHORIZED, EmbedError::Expired.to_string()).into_response();
    };
    let claims = match verify_and_spend(&state, form.token.as_deref()).await {
        Ok(claims) if claims.customer_id == current.account_id => claims,
        Ok(_) => {
            let reason = state
                .config
                .strings
                .format(locale, "server-embed-other-user", &[]);
            return (StatusCode::FORBIDDEN, reason).into_response();
        }
        Err(err) => return (StatusCode::UNAUTHORIZED, err.to_string()).into_response(),
    };
    tracing::info!("embedded session renewed by the host");
    let mut identity = identity_of(&state, claims, current.framed);
    // What the SDK's options set at sign-in holds until a token says otherwise.
    identity.theme = identity.theme.or(current.theme);
    identity.brand = identity.brand.or(current.brand);
    identity.locale = identity.locale.or(current.locale);
    identity.host_page = current.host_page;
    // The same session, renewed: signing out still ends it, and its streams go on.
    identity.sid = current.sid;
    let body = serde_json::json!({ "expiresIn": identity.remaining().as_secs() }).to_string();
    let cookie = match app::server::identity::set_cookie(&state.config, &identity) {
        Ok(cookie) => HeaderValue::from_str(&cookie),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    match cookie {
        Ok(cookie) => (
            [
                (header::SET_COOKIE, cookie),
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("application/json"),
                ),
            ],
            body,
        )
            .into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// Verifies the token, checks where it comes from and spends it.
async fn accept(
    state: &AppState,
    headers: &HeaderMap,
    token: Option<&str>,
) -> Result<EmbedClaims, EmbedError> {
    verify_and_spend_checked(state, token, || {
        from_embedding_context(&state.config.embed_origins, headers)
    })
    .await
}

/// Verifies the token and spends it (a token renewing a session comes from the frame itself).
async fn verify_and_spend(
    state: &AppState,
    token: Option<&str>,
) -> Result<EmbedClaims, EmbedError> {
    verify_and_spend_checked(state, token, || true).await
}

/// Verifies the token, checks `context`, and spends the token.
async fn verify_and_spend_checked(
    state: &AppState,
    token: Option<&str>,
    context: impl FnOnce() -> bool,
) -> Result<EmbedClaims, EmbedError> {
    let secret = state
        .config
        .embed_secret
        .as_ref()
        .ok_or(EmbedError::NotConfigured)?;
    let token = token.filter(|t| !t.is_empty()).ok_or(EmbedError::Missing)?;
    let claims = embed::verify(
        token,
        Expected {
            secret: secret.expose().as_bytes(),
            audience: &state.config.embed_audience,
            now: now_secs(),
        },
    )?;
    if !context() {
        return Err(EmbedError::WrongContext);
    }
    match state
        .shared
        .spend_embed_token(&claims.jti, claims.expires_at)
        .await
    {
        Ok(true) => Ok(claims),
        Ok(false) => Err(EmbedError::Replayed),
        Err(_) => Err(EmbedError::Busy),
    }
}

/// Inside an iframe, or navigated to from one of the host's origins. A framed request's
/// `Referer`, when it has one, must name an allowed origin too.
pub fn from_embedding_context(origins: &[String], headers: &HeaderMap) -> bool {
    let referer = headers
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(app::server::config::origin_of);
    let framed = is_framed(headers);
    match referer {
        Some(origin) => origins.iter().any(|allowed| allowed == origin),
        None => framed,
    }
}

/// Upserts the linked account and signs in to `to`; a session of another account ends first.
async fn complete(
    state: &AppState,
    claims: EmbedClaims,
    current: Option<Identity>,
    to: &str,
    framed: bool,
    locale: Locale,
) -> Response {
    if let Err(err) = app::server::accounts::upsert(
        state,
        &claims.customer_id,
        &claims.name,
        claims.email.as_deref(),
    )
    .await
    {
        tracing::warn!(error = %err, "embed: upserting the linked account failed");
        let reason = state
            .config
            .strings
            .format(locale, "server-embed-unavailable", &[]);
        return refused(state, StatusCode::BAD_GATEWAY, reason, locale).await;
    }
    if let Some(current) = current {
        end(state, &current).await;
    }
    sign_in(state, &identity_of(state, claims, framed), to)
}

/// The session an embed token opens: its role, theme and brand, and no longer than the host
/// asked (`session_ttl`).
fn identity_of(state: &AppState, claims: EmbedClaims, framed: bool) -> Identity {
    let mut identity = Identity::new(&state.config, claims.customer_id, claims.name, true);
    if let Some(ttl) = claims.session_ttl {
        identity.expires_at = identity.expires_at.min(now_secs() + ttl);
    }
    identity.role = claims.role;
    identity.framed = framed;
    identity.theme = claims.theme;
    identity.brand = claims.brand;
    identity.locale = claims.locale;
    identity.host_page = claims.host_page;
    identity
}

async fn refused(state: &AppState, status: StatusCode, reason: String, locale: Locale) -> Response {
    tracing::info!(%reason, "embed hand-off refused");
    render_page(
        state,
        "/embed/refused",
        status,
        EmbedFailure(reason),
        None,
        locale,
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        pairs
            .iter()
            .map(|(k, v)| {
                (
                    header::HeaderName::from_static(k),
                    HeaderValue::from_str(v).unwrap(),
                )
            })
            .collect()
    }

    #[test]
    fn only_the_host_or_a_frame_may_hand_off() {
        let origins = ["https://app.example.com".to_owned()];
        let from_host = headers(&[("referer", "https://app.example.com/settings")]);
        assert!(from_embedding_context(&origins, &from_host));
        let framed = headers(&[("sec-fetch-dest", "iframe")]);
        assert!(from_embedding_context(&origins, &framed));
        let framed_elsewhere = headers(&[
            ("sec-fetch-dest", "iframe"),
            ("referer", "https://evil.example/"),
        ]);
        assert!(!from_embedding_context(&origins, &framed_elsewhere));
        let pasted = headers(&[("sec-fetch-dest", "document")]);
        assert!(!from_embedding_context(&origins, &pasted));
        let lookalike = headers(&[("referer", "https://app.example.com.evil.example/")]);
        assert!(!from_embedding_context(&origins, &lookalike));
    }
}
