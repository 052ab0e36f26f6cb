//! The marketplace's data: the apps the platform enabled in Cobalt and their status.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::IntegrationCard;

/// Lists the apps enabled for the platform with the signed-in account's status, in
/// marketplace order. Served from a short per-account cache.
#[server(endpoint = "list_integrations")]
pub async fn list_integrations() -> Result<Vec<IntegrationCard>, AppError> {
    let state = crate::server::app_state()?;
    let identity = crate::server::current_identity()?;
    state
        .account(&identity)
        .cards()
        .await
        .map_err(AppError::with_status)
}

/// One app with the signed-in account's connections. Unknown slugs are 404.
#[server(endpoint = "get_integration")]
pub async fn get_integration(slug: String) -> Result<cobalt::Application, AppError> {
    let slug = crate::model::validate_slug(&slug).map_err(super::invalid)?;
    let state = crate::server::app_state()?;
    let identity = crate::server::current_identity()?;
    let apps = state
        .account(&identity)
        .applications()
        .await
        .map_err(AppError::with_status)?;
    apps.iter()
        .find(|app| app.slug() == Some(slug.as_str()))
        .cloned()
        .ok_or_else(|| {
            AppError::NotFound(crate::t!("error-not-found-app", slug = &slug)).with_status()
        })
}
