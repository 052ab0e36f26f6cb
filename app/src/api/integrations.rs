//! The marketplace's data: the apps the platform enabled in Cobalt and their status.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::IntegrationCard;

/// The linked account every visitor shares until sign-in exists.
pub const DEMO_ACCOUNT: &str = "demo";

/// Lists the apps enabled for the platform, in marketplace order.
#[server]
pub async fn list_integrations() -> Result<Vec<IntegrationCard>, AppError> {
    let state = crate::server::app_state()?;
    let mut cards = crate::server::upstream::list_integrations(&state, DEMO_ACCOUNT)
        .await
        .map_err(AppError::upstream)?;
    crate::model::sort_cards(&mut cards);
    Ok(cards)
}
