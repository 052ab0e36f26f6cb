//! An app's configuration (seed steps 5 and 6): fields, workflows and their options.

use leptos::prelude::*;
use leptos::server_fn::codec::Json;

use crate::error::AppError;

/// Largest accepted JSON size of one field value, so one field cannot carry megabytes.
pub const MAX_VALUE_BYTES: usize = 16 * 1024;

#[cfg(feature = "ssr")]
fn validate_optional_config_id(config_id: Option<String>) -> Result<Option<String>, AppError> {
    config_id
        .filter(|id| !id.trim().is_empty())
        .map(|id| crate::model::validate_config_id(&id).map_err(super::invalid))
        .transpose()
}

/// Finds or creates the signed-in account's config of the app (`config_id` defaults to the
/// account's own).
#[server(endpoint = "load_config")]
pub async fn load_config(
    slug: String,
    config_id: Option<String>,
) -> Result<cobalt::Config, AppError> {
    let slug = crate::model::validate_slug(&slug).map_err(super::invalid)?;
    let config_id = validate_optional_config_id(config_id)?;
    let state = crate::server::app_state()?;
    let identity = crate::server::current_identity()?;
    let mut config =
        crate::server::configure::find_or_create(&state, &identity, &slug, config_id.as_deref())
            .await
            .map_err(AppError::with_status)?;
    crate::server::configure::redact_secrets(&mut config);
    Ok(config)
}

/// The config as its form shows it: found or created, with the options of its dynamic and
/// dependent selects loaded and any problems Cobalt reported.
#[server(endpoint = "config_form")]
pub async fn config_form(
    slug: String,
    config_id: Option<String>,
) -> Result<crate::model::config_form::ConfigForm, AppError> {
    let slug = crate::model::validate_slug(&slug).map_err(super::invalid)?;
    let config_id = validate_optional_config_id(config_id)?;
    let state = crate::server::app_state()?;
    let identity = crate::server::current_identity()?;
    let mut form =
        crate::server::configure::load(&state, &identity, &slug, config_id.as_deref(), None)
            .await
            .map_err(AppError::with_status)?;
    form.stored_secrets = crate::server::configure::redact_secrets(&mut form.config);
    // Only the page lists the other configurations; saving a form does not need them.
    form.named = match state.account(&identity).named_configs(&slug).await {
        Ok(named) => named.to_vec(),
        Err(error) => {
            tracing::warn!(%error, "listing the named configurations failed");
            Vec::new()
        }
    };
    Ok(form)
}

/// Largest number of values a posted configuration form may carry.
pub const MAX_FORM_VALUES: usize = 1000;

/// The bounds of a posted configuration form, for the server function and the no-JS post alike.
#[cfg(feature = "ssr")]
pub fn validate_form(form: &[(String, String)]) -> Result<(), AppError> {
    if form.len() > MAX_FORM_VALUES {
        return Err(super::invalid(crate::t!("validation-form-too-many")));
    }
    match form.iter().find(|(_, value)| value.len() > MAX_VALUE_BYTES) {
        Some((name, _)) => Err(super::invalid(crate::t!(
            "validation-value-too-large",
            field = name
        ))),
        None => Ok(()),
    }
}

/// Saves the configuration form as the hydrated page submits it: the same form values, checks
/// and save as `POST /integrations/{slug}/config`. `Ok` lists the fields to fix, by form
/// name; empty means saved.
// The error logged as data (`Debug`): its `Display` is in the user's language.
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(Debug)))]
#[server(input = Json, endpoint = "submit_config")]
pub async fn submit_config(
    slug: String,
    config_id: Option<String>,
    form: Vec<(String, String)>,
) -> Result<Vec<crate::model::connect::FieldProblem>, AppError> {
    let slug = crate::model::validate_slug(&slug).map_err(super::invalid)?;
    let config_id = validate_optional_config_id(config_id)?;
    validate_form(&form)?;
    let state = crate::server::app_state()?;
    let identity = crate::server::current_identity()?;
    match crate::server::configure::save(&state, &identity, &slug, config_id.as_deref(), &form)
        .await
    {
        Ok(()) => Ok(Vec::new()),
        Err(not_saved) => match not_saved.error {
            Some(error) => Err(error.with_status()),
            None => Ok(not_saved.problems),
        },
    }
}

/// The options of a dynamic or dependent select (by form name) as (value, label) pairs; a
/// dependent one for its parent's value in `form`, the form as it stands.
#[server(input = Json, endpoint = "select_options")]
pub async fn select_options(
    slug: String,
    config_id: Option<String>,
    name: String,
    form: Vec<(String, String)>,
) -> Result<Vec<(String, String)>, AppError> {
    let slug = crate::model::validate_slug(&slug).map_err(super::invalid)?;
    let config_id = validate_optional_config_id(config_id)?;
    validate_form(&form)?;
    let state = crate::server::app_state()?;
    let identity = crate::server::current_identity()?;
    crate::server::configure::select_options(
        &state,
        &identity,
        &slug,
        config_id.as_deref(),
        &name,
        &form,
    )
    .await
    .map_err(AppError::with_status)
}
