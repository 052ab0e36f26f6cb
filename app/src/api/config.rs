//! An app's configuration (seed steps 5 and 6): fields, workflows and their options.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::AppError;

/// The whole desired state of a config, as the form submits it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SaveConfigInput {
    pub slug: String,
    /// `None`: the default config (Cobalt uses the linked account id).
    pub config_id: Option<String>,
    /// App-level values by field id.
    pub fields: BTreeMap<String, Value>,
    pub workflows: Vec<WorkflowInput>,
}

/// One workflow's desired state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkflowInput {
    pub id: String,
    pub enabled: bool,
    pub fields: BTreeMap<String, Value>,
}

/// Largest accepted JSON size of one field value, so one field cannot carry megabytes.
pub const MAX_VALUE_BYTES: usize = 16 * 1024;

#[cfg(feature = "ssr")]
fn validate_optional_config_id(config_id: Option<String>) -> Result<Option<String>, AppError> {
    config_id
        .filter(|id| !id.trim().is_empty())
        .map(|id| crate::model::validate_config_id(&id).map_err(super::invalid))
        .transpose()
}

#[cfg(feature = "ssr")]
fn validate_values(values: &BTreeMap<String, Value>) -> Result<(), AppError> {
    for (id, value) in values {
        crate::model::validate_field_id(id).map_err(super::invalid)?;
        if value.to_string().len() > MAX_VALUE_BYTES {
            return Err(super::invalid(format!(
                "the value of field {id} is too large"
            )));
        }
    }
    Ok(())
}

/// Finds or creates the signed-in account's config of the app (`config_id` defaults to the
/// account's own).
#[server]
pub async fn load_config(
    slug: String,
    config_id: Option<String>,
) -> Result<cobalt::Config, AppError> {
    let slug = crate::model::validate_slug(&slug).map_err(super::invalid)?;
    let config_id = validate_optional_config_id(config_id)?;
    let state = crate::server::app_state()?;
    let identity = crate::server::current_identity(&state)?;
    let mut config =
        crate::server::configure::find_or_create(&state, &identity, &slug, config_id.as_deref())
            .await
            .map_err(AppError::with_status)?;
    crate::server::configure::redact_secrets(&mut config);
    Ok(config)
}

/// The config as its form shows it: found or created, with the options of its dynamic and
/// dependent selects loaded and any problems Cobalt reported.
#[server]
pub async fn config_form(
    slug: String,
    config_id: Option<String>,
) -> Result<crate::model::config_form::ConfigForm, AppError> {
    let slug = crate::model::validate_slug(&slug).map_err(super::invalid)?;
    let config_id = validate_optional_config_id(config_id)?;
    let state = crate::server::app_state()?;
    let identity = crate::server::current_identity(&state)?;
    let mut form =
        crate::server::configure::load(&state, &identity, &slug, config_id.as_deref(), None)
            .await
            .map_err(AppError::with_status)?;
    form.stored_secrets = crate::server::configure::redact_secrets(&mut form.config);
    // Only the page lists the other configurations; saving a form does not need them.
    form.named = match state
        .cobalt
        .list_config_ids(&identity.account_id, &slug)
        .await
    {
        Ok(ids) => ids
            .into_iter()
            .map(|r| r.config_id)
            .filter(|id| *id != identity.account_id)
            .collect(),
        Err(error) => {
            tracing::warn!(%error, "listing the named configurations failed");
            Vec::new()
        }
    };
    Ok(form)
}

/// Saves the whole desired state of a config and returns it as Cobalt now holds it.
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err))]
#[server(input = Json)]
pub async fn save_config(input: SaveConfigInput) -> Result<cobalt::Config, AppError> {
    let slug = crate::model::validate_slug(&input.slug).map_err(super::invalid)?;
    let config_id = validate_optional_config_id(input.config_id)?;
    validate_values(&input.fields)?;
    for workflow in &input.workflows {
        crate::model::validate_field_id(&workflow.id).map_err(super::invalid)?;
        validate_values(&workflow.fields)?;
    }
    let state = crate::server::app_state()?;
    let identity = crate::server::current_identity(&state)?;
    let payload = cobalt::UpdateConfigPayload {
        slug,
        config_id,
        fields: input.fields,
        workflows: input
            .workflows
            .into_iter()
            .map(|w| cobalt::WorkflowPayload {
                id: w.id,
                enabled: Some(w.enabled),
                fields: w.fields,
            })
            .collect(),
    };
    let mut saved = state
        .with_account(&identity, || {
            state.cobalt.update_config(&identity.account_id, &payload)
        })
        .await
        .map_err(|e| AppError::upstream(e).with_status())?;
    state.invalidate(&identity.account_id);
    crate::server::configure::redact_secrets(&mut saved);
    Ok(saved)
}

/// Largest number of values a posted configuration form may carry.
pub const MAX_FORM_VALUES: usize = 1000;

#[cfg(feature = "ssr")]
fn validate_form(form: &[(String, String)]) -> Result<(), AppError> {
    if form.len() > MAX_FORM_VALUES {
        return Err(super::invalid("the form has too many values".into()));
    }
    match form.iter().find(|(_, value)| value.len() > MAX_VALUE_BYTES) {
        Some((name, _)) => Err(super::invalid(format!(
            "the value of field {name} is too large"
        ))),
        None => Ok(()),
    }
}

/// Saves the configuration form as the hydrated page submits it: the same form values, checks
/// and save as `POST /integrations/{slug}/config`. `Ok` lists the fields to fix, by form
/// name; empty means saved.
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err))]
#[server(input = Json)]
pub async fn submit_config(
    slug: String,
    config_id: Option<String>,
    form: Vec<(String, String)>,
) -> Result<Vec<crate::model::connect::FieldProblem>, AppError> {
    let slug = crate::model::validate_slug(&slug).map_err(super::invalid)?;
    let config_id = validate_optional_config_id(config_id)?;
    validate_form(&form)?;
    let state = crate::server::app_state()?;
    let identity = crate::server::current_identity(&state)?;
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
#[server(input = Json)]
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
    let identity = crate::server::current_identity(&state)?;
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

/// Deletes a config, so the next load starts from the app's defaults.
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err))]
#[server]
pub async fn delete_config(slug: String, config_id: Option<String>) -> Result<(), AppError> {
    let slug = crate::model::validate_slug(&slug).map_err(super::invalid)?;
    let config_id = validate_optional_config_id(config_id)?;
    let state = crate::server::app_state()?;
    let identity = crate::server::current_identity(&state)?;
    state
        .with_account(&identity, || {
            state
                .cobalt
                .delete_config(&identity.account_id, &slug, config_id.as_deref())
        })
        .await
        .map_err(|e| AppError::upstream(e).with_status())?;
    state.invalidate(&identity.account_id);
    Ok(())
}

/// The options of a dynamic or dependent select field, for its parent's current value.
#[server(input = Json)]
pub async fn field_options(
    slug: String,
    field_id: String,
    workflow_id: Option<String>,
    config_id: Option<String>,
    parent_value: Option<Value>,
) -> Result<cobalt::FieldOptions, AppError> {
    let slug = crate::model::validate_slug(&slug).map_err(super::invalid)?;
    let field_id = crate::model::validate_field_id(&field_id).map_err(super::invalid)?;
    let workflow_id = workflow_id
        .map(|id| crate::model::validate_field_id(&id).map_err(super::invalid))
        .transpose()?;
    let config_id = validate_optional_config_id(config_id)?;
    if parent_value
        .as_ref()
        .is_some_and(|v| v.to_string().len() > MAX_VALUE_BYTES)
    {
        return Err(super::invalid("the parent value is too large".into()));
    }
    let state = crate::server::app_state()?;
    let identity = crate::server::current_identity(&state)?;
    let location = cobalt::FieldLocation {
        slug: &slug,
        field_id: &field_id,
        workflow_id: workflow_id.as_deref(),
        config_id: config_id.as_deref(),
    };
    state
        .with_account(&identity, || {
            state
                .cobalt
                .field_options(&identity.account_id, location, parent_value.as_ref())
        })
        .await
        .map_err(|e| AppError::upstream(e).with_status())
}
