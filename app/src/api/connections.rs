//! Connecting (the redirect fallback) and disconnecting.

use leptos::prelude::*;

use crate::error::AppError;

/// Disconnects the app for the signed-in account; Cobalt deletes its configs with it.
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(Debug)))]
#[server(endpoint = "disconnect")]
pub async fn disconnect(slug: String) -> Result<(), AppError> {
    let slug = crate::model::validate_slug(&slug).map_err(super::invalid)?;
    let state = crate::server::app_state()?;
    let identity = crate::server::current_identity()?;
    crate::server::connect::disconnect(&state, &identity, &slug)
        .await
        .map_err(AppError::with_status)
}

/// The provider's consent URL for a same-tab OAuth flow (when no popup can be opened); the
/// provider comes back to `/integrations/{slug}` on this site, or, inside a host's frame, to
/// the host's page (see `server::connect::oauth_redirect`).
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(Debug)))]
#[server(endpoint = "oauth_redirect_url")]
pub async fn oauth_redirect_url(slug: String) -> Result<String, AppError> {
    let slug = crate::model::validate_slug(&slug).map_err(super::invalid)?;
    let state = crate::server::app_state()?;
    let identity = crate::server::current_identity()?;
    crate::server::connect::oauth_redirect(&state, &identity, &slug)
        .await
        .map_err(AppError::with_status)
}
