//! Connecting without the browser SDK: the same-tab OAuth redirect (the fallback when no popup
//! can be opened, and Connect without JavaScript) and key-based credentials posted by a plain
//! form.

use super::{AppState, Identity};
use crate::error::AppError;
use crate::model::connect::{CredentialInput, CredentialValue, credentials_payload};
use crate::model::{Change, FormDraft};

/// The provider's consent URL for a same-tab OAuth flow; the provider comes back to
/// `/integrations/{slug}` on this site. Inside a host's frame the consent page is opened at
/// the top (providers refuse to be framed), so it comes back through `/embed/back` to the
/// host's page, which opens the tab at the app again.
pub async fn oauth_redirect(
    state: &AppState,
    identity: &Identity,
    slug: &str,
) -> Result<String, AppError> {
    identity.may(Change::Connect)?;
    let public = &state.config.public_url;
    let return_to = match identity.host_page.as_deref().filter(|_| identity.framed) {
        Some(host_page) => {
            let to: String = form_urlencoded::byte_serialize(host_page.as_bytes()).collect();
            format!("{public}/embed/back?app={slug}&to={to}")
        }
        None => format!("{public}/integrations/{slug}"),
    };
    let params = [("redirect_uri", return_to.as_str())];
    state
        .account(identity)
        .call(|cobalt, id| cobalt.oauth_url(id, slug, &params))
        .await
        .map(|auth| auth.auth_url)
        .map_err(AppError::from)
}

/// Checks and saves key-based credentials for `app` (through Cobalt's API-key route). A
/// failure comes with its HTTP status: 422 for what the user can fix, 502 for an outage.
pub async fn save_credentials(
    state: &AppState,
    identity: &Identity,
    app: &cobalt::Application,
    slug: &str,
    values: Vec<(String, String)>,
) -> Result<(), (u16, FormDraft)> {
    if let Err(refused) = identity.may(Change::Connect) {
        let draft = FormDraft {
            message: Some(crate::t!(
                "role-refusal-sentence",
                reason = refused.to_string()
            )),
            ..FormDraft::default()
        };
        return Err((refused.status_code(), draft));
    }
    let keep: Vec<(String, String)> = values
        .iter()
        .filter(|(name, _)| {
            app.auth_input_map
                .iter()
                .any(|f| f.name == *name && f.input_type != "password")
        })
        .cloned()
        .collect();
    let inputs: Vec<CredentialInput> = app
        .auth_input_map
        .iter()
        .map(CredentialInput::from_field)
        .collect();
    let payload = credentials_payload(&inputs, &values).map_err(|problems| {
        let draft = FormDraft {
            values: keep.clone(),
            problems,
            message: None,
        };
        (422, draft)
    })?;
    let payload: serde_json::Map<String, serde_json::Value> = payload
        .into_iter()
        .map(|(name, value)| {
            let value = match value {
                CredentialValue::Text(text) => text.into(),
                CredentialValue::Bool(flag) => flag.into(),
                CredentialValue::Number(text) => text
                    .parse::<f64>()
                    .ok()
                    .and_then(serde_json::Number::from_f64)
                    .map_or(serde_json::Value::String(text), serde_json::Value::Number),
            };
            (name, value)
        })
        .collect();
    let saved = state
        .account(identity)
        .change(|cobalt, id| cobalt.save_key_credentials(id, slug, &payload))
        .await;
    match saved {
        Ok(result) if result.success => Ok(()),
        Ok(_) => Err((
            422,
            FormDraft {
                values: keep,
                problems: Vec::new(),
                message: Some(crate::t!("connect-form-not-accepted", app = &app.name)),
            },
        )),
        Err(error) => {
            // Cobalt's own words for a refused credential ("Failed to verify credentials: …")
            // tell the user what to fix; anything else is an outage or one of our limits.
            let refused = error.cobalt().and_then(|error| {
                let status = error.status()?.as_u16();
                let message = error.message().filter(|m| !m.is_empty())?;
                (status == 400 || status == 500).then(|| message.to_owned())
            });
            let (status, message) = match refused {
                Some(message) => (422, message),
                None => {
                    let error = AppError::from(error);
                    (error.status_code(), error.to_string())
                }
            };
            let draft = FormDraft {
                values: keep,
                problems: Vec::new(),
                message: Some(message),
            };
            Err((status, draft))
        }
    }
}

/// Disconnects the app for the account (Cobalt deletes its configurations with it) and tells
/// the account's open tabs at once, without waiting for Cobalt's webhook.
pub async fn disconnect(state: &AppState, identity: &Identity, slug: &str) -> Result<(), AppError> {
    identity.may(Change::Disconnect)?;
    state
        .account(identity)
        .change(|cobalt, id| cobalt.disconnect(id, slug))
        .await?;
    let update = crate::model::StatusUpdate {
        slug: slug.to_owned(),
        status: crate::model::ConnectionStatus::Available,
    };
    state
        .shared
        .publish_status(&identity.account_id, update)
        .await;
    Ok(())
}
