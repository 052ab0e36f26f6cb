//! Calls to the Cobalt API with the platform's API key.

use serde::Deserialize;

use super::AppState;
use crate::model::{ConnectionStatus, IntegrationCard};

/// A failed call to Cobalt. Its `Display` never contains the API key.
#[derive(Debug, thiserror::Error)]
pub enum UpstreamError {
    #[error("cobalt request to {path} failed: {source}")]
    Transport {
        path: &'static str,
        source: reqwest::Error,
    },
    #[error("cobalt answered {status} to {path}: {message}")]
    Status {
        path: &'static str,
        status: u16,
        message: String,
    },
}

#[derive(Deserialize)]
struct Application {
    #[serde(default)]
    slug: Option<String>,
    #[serde(default, rename = "type")]
    kind: Option<String>,
    name: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    icon: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    connected: bool,
    #[serde(default)]
    reauth_required: bool,
}

/// Lists the apps enabled for the org, with their status for `linked_account_id`.
pub async fn list_integrations(
    state: &AppState,
    linked_account_id: &str,
) -> Result<Vec<IntegrationCard>, UpstreamError> {
    const PATH: &str = "/api/v2/public/application";
    let response = state
        .http
        .get(format!("{}{PATH}", state.config.cobalt_api_url))
        .header("x-api-key", &state.config.cobalt_api_key)
        .header("linked_account_id", linked_account_id)
        .send()
        .await
        .map_err(|source| UpstreamError::Transport { path: PATH, source })?;
    let status = response.status();
    if !status.is_success() {
        let message = response.text().await.unwrap_or_default();
        return Err(UpstreamError::Status {
            path: PATH,
            status: status.as_u16(),
            message,
        });
    }
    let apps: Vec<Application> = response
        .json()
        .await
        .map_err(|source| UpstreamError::Transport { path: PATH, source })?;
    Ok(apps
        .into_iter()
        .filter_map(|app| {
            let slug = app.slug.or(app.kind)?;
            Some(IntegrationCard {
                slug,
                name: app.name,
                description: app.description,
                icon: app.icon,
                tags: app.tags,
                status: ConnectionStatus::from_flags(app.connected, app.reauth_required),
            })
        })
        .collect())
}

/// Creates or updates the linked account `linked_account_id`.
pub async fn upsert_linked_account(
    state: &AppState,
    linked_account_id: &str,
    name: &str,
) -> Result<(), UpstreamError> {
    const PATH: &str = "/api/v2/public/linked-account";
    let response = state
        .http
        .put(format!("{}{PATH}", state.config.cobalt_api_url))
        .header("x-api-key", &state.config.cobalt_api_key)
        .json(&serde_json::json!({ "linked_account_id": linked_account_id, "name": name }))
        .send()
        .await
        .map_err(|source| UpstreamError::Transport { path: PATH, source })?;
    let status = response.status();
    if !status.is_success() {
        let message = response.text().await.unwrap_or_default();
        return Err(UpstreamError::Status {
            path: PATH,
            status: status.as_u16(),
            message,
        });
    }
    Ok(())
}
