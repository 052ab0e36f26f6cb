//! The provider's side of OAuth: a consent page that looks like a provider's (logo, name,
//! requested access, Allow and Deny), a plain HTML form that works without JavaScript.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use cobalt::{AuthType, WebhookEvent};
use serde_json::Value;

use crate::catalog::CatalogApp;
use crate::clock::unix_now;
use crate::extract::QueryParams;
use crate::state::{ORG_NAME, SandboxState};
use crate::store::PendingConsent;
use crate::webhooks;

/// `GET /emulator/oauth/{slug}/authorize?state=…`: the consent page.
pub async fn page(
    State(state): State<SandboxState>,
    Path(slug): Path<String>,
    query: QueryParams,
) -> Response {
    let consent_state = query.get("state").unwrap_or_default();
    let Some((app, consent)) = pending(&state, &slug, consent_state) else {
        return invalid_link();
    };
    let account_name = {
        let data = state.read();
        data.account(&consent.environment, &consent.account_id)
            .and_then(|account| account.name.clone())
            .unwrap_or_else(|| consent.account_id.clone())
    };
    let scopes: String = app
        .sandbox_scopes
        .iter()
        .map(|scope| format!("<li>{}</li>", escape(scope)))
        .collect();
    let body = format!(
        r#"<header><img src="{logo}" alt="" width="56" height="56"><h1>Sign in to {name}</h1></header>
<p class="lead"><strong>{org}</strong> wants to access your {name} account.</p>
<p class="who">Signed in as <strong>{account}</strong></p>
<h2>This will allow {org} to:</h2>
<ul class="scopes">{scopes}</ul>
<form method="post" action="/emulator/oauth/{slug}/authorize">
<input type="hidden" name="state" value="{state_value}">
<button type="submit" name="decision" value="deny" class="secondary">Deny</button>
<button type="submit" name="decision" value="allow">Allow</button>
</form>
<p class="fine">This is the Cobalt sandbox's stand-in for {name}'s authorization page. No data leaves this machine.</p>"#,
        logo = escape(&state.logo_url(&app.slug)),
        name = escape(&app.name),
        org = escape(ORG_NAME),
        account = escape(&account_name),
        slug = escape(&app.slug),
        state_value = escape(consent_state),
    );
    html(StatusCode::OK, &format!("Authorize {}", app.name), &body)
}

/// `POST /emulator/oauth/{slug}/authorize` (form: `state`, `decision=allow|deny`): answers the
/// consent. Allow connects the app; either way the state is used up. With a `redirect_uri`
/// the browser goes back there with `status=connected|denied` and `slug`.
pub async fn decide(
    State(state): State<SandboxState>,
    Path(slug): Path<String>,
    body: Bytes,
) -> Response {
    let form: Vec<(String, String)> = form_urlencoded::parse(&body).into_owned().collect();
    let field = |name: &str| {
        form.iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    };
    let consent_state = field("state").unwrap_or_default();
    let allow = match field("decision") {
        Some("allow") => true,
        Some("deny") => false,
        _ => {
            return html(
                StatusCode::BAD_REQUEST,
                "Invalid request",
                "<h1>Invalid request</h1><p>Choose Allow or Deny.</p>",
            );
        }
    };
    let Some((app, consent)) = pending(&state, &slug, consent_state) else {
        return invalid_link();
    };
    let connected = {
        let mut data = state.write();
        data.consents.remove(consent_state);
        match data.account_mut(&consent.environment, &consent.account_id) {
            Some(account) if allow => {
                let identifier = app
                    .sandbox_identifier
                    .clone()
                    .unwrap_or_else(|| Value::from("NA"));
                account.connect(&app.slug, AuthType::OAuth2, identifier);
                true
            }
            _ => false,
        }
    };
    if connected {
        webhooks::emit(
            &state,
            &consent.environment,
            &consent.account_id,
            &app.slug,
            WebhookEvent::ConnectionCreated,
        );
    }
    state.persist().await;
    let outcome = if connected { "connected" } else { "denied" };
    if let Some(uri) = &consent.redirect_uri {
        let separator = if uri.contains('?') { '&' } else { '?' };
        let query: String = form_urlencoded::Serializer::new(String::new())
            .append_pair("status", outcome)
            .append_pair("slug", &app.slug)
            .finish();
        return Redirect::to(&format!("{uri}{separator}{query}")).into_response();
    }
    let name = escape(&app.name);
    if connected {
        html(
            StatusCode::OK,
            &format!("{} connected", app.name),
            &format!(
                r#"<h1 class="outcome" data-outcome="connected">Connected — you can close this window</h1><p>{name} is now connected to {org}.</p>"#,
                org = escape(ORG_NAME)
            ),
        )
    } else if allow {
        // Allowed, but the account was deleted while the page was open.
        invalid_link()
    } else {
        html(
            StatusCode::OK,
            &format!("{} not connected", app.name),
            &format!(
                r#"<h1 class="outcome" data-outcome="denied">Access denied — {name} was not connected</h1><p>You can close this window.</p>"#
            ),
        )
    }
}

/// The app and pending consent behind `consent_state`, if it is live and for this app.
fn pending(
    state: &SandboxState,
    slug: &str,
    consent_state: &str,
) -> Option<(CatalogApp, PendingConsent)> {
    let data = state.read();
    let consent = data.consents.get(consent_state)?;
    if consent.slug != slug || consent.expires_at <= unix_now() {
        return None;
    }
    data.account(&consent.environment, &consent.account_id)?;
    let app = state.catalog().get(slug)?;
    Some((app.clone(), consent.clone()))
}

fn invalid_link() -> Response {
    html(
        StatusCode::BAD_REQUEST,
        "Link expired",
        "<h1>This authorization link is invalid or has expired</h1><p>Close this window and start connecting again.</p>",
    )
}

const STYLE: &str = "body{font:16px/1.5 system-ui,sans-serif;background:#f3f4f6;color:#111827;margin:0}\
main{max-width:28rem;margin:3rem auto;background:#fff;border-radius:12px;padding:2rem;box-shadow:0 1px 3px #0002}\
header{display:flex;gap:1rem;align-items:center}h1{font-size:1.35rem;margin:0}h2{font-size:1rem}\
.scopes li{margin:.25rem 0}form{display:flex;gap:.75rem;justify-content:flex-end;margin-top:1.5rem}\
button{font:inherit;padding:.6rem 1.4rem;border-radius:8px;border:1px solid #1d4ed8;background:#1d4ed8;color:#fff;cursor:pointer}\
button.secondary{background:#fff;color:#1d4ed8}button:focus-visible{outline:3px solid #93c5fd;outline-offset:2px}\
.fine{font-size:.8rem;color:#6b7280;margin-top:2rem}";

fn html(status: StatusCode, title: &str, body: &str) -> Response {
    let page = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>{}</title><style>{STYLE}</style></head><body><main>{body}</main></body></html>",
        escape(title)
    );
    let mut response = (status, Html(page)).into_response();
    // The page must not be framed by another origin (clickjacking the Allow button).
    response
        .headers_mut()
        .insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Escapes text for HTML content and double-quoted attributes.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            other => escaped.push(other),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_neutralises_markup_and_quotes() {
        assert_eq!(
            escape(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }
}
