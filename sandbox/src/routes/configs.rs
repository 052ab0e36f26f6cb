//! Config routes: find-or-create, get, update, delete (public and f-sdk), config ids, workflow
//! toggle, per-field options and values, and rule-engine options.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::HeaderMap;
use cobalt::{
    Config, ConfigPayload, ConfigRef, FieldType, FieldValuePayload, Message, RuleColumn,
    RuleColumnPayload, RuleOptions, RuleSide, UpdateConfigPayload, WorkflowSummary, WorkflowToggle,
    WorkflowsResponse,
};
use serde_json::Value;

use crate::auth::{AccountScope, Scoped};
use crate::catalog::CatalogApp;
use crate::error::ApiError;
use crate::extract::{JsonBody, QueryParams};
use crate::installations::{
    FieldTarget, apply_update, config_not_found, new_config, render, set_value, value_key,
    workflow_not_found,
};
use crate::state::SandboxState;
use crate::store::{Account, StoredConfig};
use crate::views::{account_not_found, app_not_found};

const MAX_CONFIG_ID_LEN: usize = 256;

/// Whether the caller asked Cobalt to leave `options` out (`disable_field_options: true`).
fn with_options(headers: &HeaderMap) -> bool {
    !headers
        .get("disable_field_options")
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.eq_ignore_ascii_case("true"))
}

fn app<'a>(state: &'a SandboxState, slug: &str) -> Result<&'a CatalogApp, ApiError> {
    if slug.is_empty() {
        return Err(ApiError::bad_request("Missing Slug"));
    }
    state.catalog().get(slug).ok_or_else(|| app_not_found(slug))
}

fn config_id(scope: &AccountScope, given: Option<&str>) -> Result<String, ApiError> {
    match given {
        None | Some("") => Ok(scope.account_id.clone()),
        Some(id) if id.len() > MAX_CONFIG_ID_LEN || id.chars().any(char::is_control) => {
            Err(ApiError::bad_request(format!(
                "config_id must be at most {MAX_CONFIG_ID_LEN} printable characters"
            )))
        }
        Some(id) => Ok(id.to_owned()),
    }
}

/// Whether the app's connection is live (options from the provider need one).
fn connected(account: &Account, slug: &str) -> bool {
    account
        .connections
        .get(slug)
        .is_some_and(|connection| !connection.reauth_required())
}

fn stored<'a>(
    account: &'a Account,
    slug: &str,
    config_id: &str,
) -> Result<&'a StoredConfig, ApiError> {
    account
        .configs
        .get(slug)
        .and_then(|configs| configs.get(config_id))
        .ok_or_else(|| config_not_found(config_id))
}

fn stored_mut<'a>(
    account: &'a mut Account,
    slug: &str,
    config_id: &str,
) -> Result<&'a mut StoredConfig, ApiError> {
    account
        .configs
        .get_mut(slug)
        .and_then(|configs| configs.get_mut(config_id))
        .ok_or_else(|| config_not_found(config_id))
}

/// `POST /api/v2/{public,f-sdk}/config`: returns the config, creating it from the template
/// first if it does not exist.
pub async fn find_or_create<S: Scoped>(
    State(state): State<SandboxState>,
    scope: S,
    headers: HeaderMap,
    JsonBody(payload): JsonBody<ConfigPayload>,
) -> Result<Json<Config>, ApiError> {
    let scope = scope.scope();
    let app = app(&state, &payload.slug)?;
    let config_id = config_id(&scope, payload.config_id.as_deref())?;
    let (config, created) = {
        let mut data = state.write();
        let account = data
            .account_mut(&scope.environment, &scope.account_id)
            .ok_or_else(|| account_not_found(&scope))?;
        let created = stored(account, &app.slug, &config_id).is_err();
        if created {
            let fresh = new_config(app, payload.labels.as_ref(), payload.workflows.as_deref())?;
            account
                .configs
                .entry(app.slug.clone())
                .or_default()
                .insert(config_id.clone(), fresh);
        }
        let config = render(
            app,
            &config_id,
            stored(account, &app.slug, &config_id)?,
            connected(account, &app.slug),
            with_options(&headers),
        );
        (config, created)
    };
    if created {
        state.persist().await;
    }
    Ok(Json(config))
}

/// `GET /api/v2/{public,f-sdk}/slug/{slug}/config[/{config_id}]`.
pub async fn get<S: Scoped>(
    State(state): State<SandboxState>,
    scope: S,
    headers: HeaderMap,
    Path(params): Path<BTreeMap<String, String>>,
) -> Result<Json<Config>, ApiError> {
    let scope = scope.scope();
    let slug = params.get("slug").map(String::as_str).unwrap_or_default();
    let app = app(&state, slug)?;
    let config_id = config_id(&scope, params.get("config_id").map(String::as_str))?;
    let data = state.read();
    let account = data
        .account(&scope.environment, &scope.account_id)
        .ok_or_else(|| account_not_found(&scope))?;
    let stored = stored(account, slug, &config_id)?;
    Ok(Json(render(
        app,
        &config_id,
        stored,
        connected(account, slug),
        with_options(&headers),
    )))
}

/// `PUT /api/v2/{public,f-sdk}/config`: sets field values and workflow states by id. Only what
/// the body names changes; a bad id or value answers an error and changes nothing.
pub async fn update<S: Scoped>(
    State(state): State<SandboxState>,
    scope: S,
    headers: HeaderMap,
    JsonBody(payload): JsonBody<UpdateConfigPayload>,
) -> Result<Json<Config>, ApiError> {
    let scope = scope.scope();
    let app = app(&state, &payload.slug)?;
    let config_id = config_id(&scope, payload.config_id.as_deref())?;
    let config = {
        let mut data = state.write();
        let account = data
            .account_mut(&scope.environment, &scope.account_id)
            .ok_or_else(|| account_not_found(&scope))?;
        let live = connected(account, &app.slug);
        let target = stored_mut(account, &app.slug, &config_id)?;
        *target = apply_update(app, target, &payload)?;
        let config = render(app, &config_id, target, live, with_options(&headers));
        let target = Some(config_id.clone());
        account.record("configuration.updated", &app.slug, true, (None, target));
        config
    };
    state.persist().await;
    Ok(Json(config))
}

/// `DELETE /api/v2/{public,f-sdk}/slug/{slug}/config[/{config_id}]`.
pub async fn delete<S: Scoped>(
    State(state): State<SandboxState>,
    scope: S,
    Path(params): Path<BTreeMap<String, String>>,
) -> Result<Json<Message>, ApiError> {
    let scope = scope.scope();
    let slug = params.get("slug").map(String::as_str).unwrap_or_default();
    let app = app(&state, slug)?;
    let config_id = config_id(&scope, params.get("config_id").map(String::as_str))?;
    {
        let mut data = state.write();
        let account = data
            .account_mut(&scope.environment, &scope.account_id)
            .ok_or_else(|| account_not_found(&scope))?;
        let configs = account
            .configs
            .get_mut(&app.slug)
            .ok_or_else(|| config_not_found(&config_id))?;
        configs
            .remove(&config_id)
            .ok_or_else(|| config_not_found(&config_id))?;
        if configs.is_empty() {
            account.configs.remove(&app.slug);
        }
        let target = Some(config_id.clone());
        account.record("configuration.deleted", &app.slug, true, (None, target));
    }
    state.persist().await;
    Ok(Json(Message {
        message: "Installation Deleted Success".into(),
    }))
}

/// `GET /api/v2/public/slug/{slug}/configs`: the ids of the account's configs of an app.
pub async fn list_ids(
    State(state): State<SandboxState>,
    scope: AccountScope,
    Path(slug): Path<String>,
) -> Result<Json<Vec<ConfigRef>>, ApiError> {
    let app = app(&state, &slug)?;
    let data = state.read();
    let account = data
        .account(&scope.environment, &scope.account_id)
        .ok_or_else(|| account_not_found(&scope))?;
    let refs = account
        .configs
        .get(&app.slug)
        .into_iter()
        .flatten()
        .map(|(config_id, stored)| ConfigRef {
            id: Some(stored.id.clone()),
            config_id: config_id.clone(),
        })
        .collect();
    Ok(Json(refs))
}

/// `PATCH /api/v2/{public,f-sdk}/slug/{slug}/config/{config_id}/workflows/{workflow_id}`.
pub async fn toggle_workflow<S: Scoped>(
    State(state): State<SandboxState>,
    scope: S,
    Path((slug, config_id, workflow_id)): Path<(String, String, String)>,
    JsonBody(toggle): JsonBody<WorkflowToggle>,
) -> Result<Json<WorkflowsResponse>, ApiError> {
    let scope = scope.scope();
    let app = app(&state, &slug)?;
    let workflow = app
        .workflow(&workflow_id)
        .ok_or_else(|| workflow_not_found(&workflow_id))?;
    let workflows = {
        let mut data = state.write();
        let account = data
            .account_mut(&scope.environment, &scope.account_id)
            .ok_or_else(|| account_not_found(&scope))?;
        let stored = stored_mut(account, &app.slug, &config_id)?;
        stored
            .workflows
            .entry(workflow.id.clone())
            .or_default()
            .enabled = toggle.enabled;
        let workflows = app
            .workflows
            .iter()
            .map(|workflow| WorkflowSummary {
                id: workflow.id.clone(),
                name: workflow.name.clone(),
                description: workflow.description.clone(),
                enabled: stored
                    .workflows
                    .get(&workflow.id)
                    .map_or(workflow.enabled, |state| state.enabled),
            })
            .collect();
        let event = match toggle.enabled {
            true => "workflow.enabled",
            false => "workflow.disabled",
        };
        account.record(event, &app.slug, true, (None, Some(workflow.name.clone())));
        workflows
    };
    state.persist().await;
    Ok(Json(WorkflowsResponse { workflows }))
}

/// What the per-field routes act on: the header `slug`, the query's `workflow_id` and
/// `config_id`, and the `{field_id}` of the path when there is one.
pub struct FieldAddress {
    slug: String,
    workflow_id: Option<String>,
    config_id: Option<String>,
    field_id: Option<String>,
    with_options: bool,
}

impl<S: Send + Sync> FromRequestParts<S> for FieldAddress {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, ApiError> {
        let query = QueryParams::from_request_parts(parts, state).await?;
        let params = Path::<BTreeMap<String, String>>::from_request_parts(parts, state)
            .await
            .map(|Path(params)| params)
            .unwrap_or_default();
        let slug = parts
            .headers
            .get("slug")
            .and_then(|value| value.to_str().ok())
            .map(str::trim)
            .filter(|slug| !slug.is_empty())
            .ok_or_else(|| ApiError::bad_request("Missing Slug"))?
            .to_owned();
        let non_empty =
            |value: Option<&str>| value.filter(|value| !value.is_empty()).map(str::to_owned);
        Ok(Self {
            slug,
            workflow_id: non_empty(query.get("workflow_id")),
            config_id: non_empty(query.get("config_id")),
            field_id: params.get("field_id").cloned(),
            with_options: with_options(&parts.headers),
        })
    }
}

/// A field with `field_errors` added when its options could not be loaded.
fn field_answer(
    field: cobalt::ConfigField,
    errors: Vec<cobalt::FieldError>,
) -> Result<Json<Value>, ApiError> {
    let mut value =
        serde_json::to_value(field).map_err(|err| ApiError::internal(err.to_string()))?;
    if !errors.is_empty()
        && let Some(object) = value.as_object_mut()
    {
        let errors =
            serde_json::to_value(errors).map_err(|err| ApiError::internal(err.to_string()))?;
        object.insert("field_errors".to_owned(), errors);
    }
    Ok(Json(value))
}

/// `POST` (or `GET`) `/api/v2/public/config/field/{field_id}`: the field with its options. For a
/// dependent field, a body `value` stands in for the parent's value.
pub async fn field_options(
    State(state): State<SandboxState>,
    scope: AccountScope,
    address: FieldAddress,
    JsonBody(body): JsonBody<FieldValuePayload>,
) -> Result<Json<Value>, ApiError> {
    let app = app(&state, &address.slug)?;
    let field_id = address.field_id.as_deref().unwrap_or_default();
    let target = FieldTarget::find(app, address.workflow_id.as_deref(), field_id)?;
    let config_id = config_id(&scope, address.config_id.as_deref())?;
    let override_value = body.value;
    let data = state.read();
    let account = data
        .account(&scope.environment, &scope.account_id)
        .ok_or_else(|| account_not_found(&scope))?;
    let stored = stored(account, &app.slug, &config_id)?;
    let mut errors = Vec::new();
    let parent = override_value
        .as_ref()
        .filter(|_| target.field.field.parent.is_some());
    let field = target.render(
        app,
        stored,
        parent,
        connected(account, &app.slug),
        address.with_options,
        &mut errors,
    );
    field_answer(field, errors)
}

/// `PUT /api/v2/public/config/field/{field_id}` `{"value": …}`: sets one value.
pub async fn set_field(
    State(state): State<SandboxState>,
    scope: AccountScope,
    address: FieldAddress,
    JsonBody(body): JsonBody<FieldValuePayload>,
) -> Result<Json<Value>, ApiError> {
    let value = body
        .value
        .ok_or_else(|| ApiError::bad_request("value is required"))?;
    change_field(&state, &scope, &address, Some(&value)).await
}

/// `DELETE /api/v2/public/config/field/{field_id}`: clears one value.
pub async fn clear_field(
    State(state): State<SandboxState>,
    scope: AccountScope,
    address: FieldAddress,
) -> Result<Json<Value>, ApiError> {
    change_field(&state, &scope, &address, None).await
}

async fn change_field(
    state: &SandboxState,
    scope: &AccountScope,
    address: &FieldAddress,
    value: Option<&Value>,
) -> Result<Json<Value>, ApiError> {
    let app = app(state, &address.slug)?;
    let field_id = address.field_id.as_deref().unwrap_or_default();
    let target = FieldTarget::find(app, address.workflow_id.as_deref(), field_id)?;
    let config_id = config_id(scope, address.config_id.as_deref())?;
    let (field, errors) = {
        let mut data = state.write();
        let account = data
            .account_mut(&scope.environment, &scope.account_id)
            .ok_or_else(|| account_not_found(scope))?;
        let live = connected(account, &app.slug);
        let stored = stored_mut(account, &app.slug, &config_id)?;
        set_value(
            target.values_mut(stored),
            target.field,
            value.unwrap_or(&Value::Null),
        )?;
        let mut errors = Vec::new();
        let field = target.render(app, stored, None, live, address.with_options, &mut errors);
        (field, errors)
    };
    state.persist().await;
    field_answer(field, errors)
}

/// `POST /api/v2/public/config/field` (header `slug`): the whole config.
pub async fn all_fields(
    State(state): State<SandboxState>,
    scope: AccountScope,
    address: FieldAddress,
) -> Result<Json<Config>, ApiError> {
    let app = app(&state, &address.slug)?;
    let config_id = config_id(&scope, address.config_id.as_deref())?;
    let data = state.read();
    let account = data
        .account(&scope.environment, &scope.account_id)
        .ok_or_else(|| account_not_found(&scope))?;
    let stored = stored(account, &app.slug, &config_id)?;
    Ok(Json(render(
        app,
        &config_id,
        stored,
        connected(account, &app.slug),
        address.with_options,
    )))
}

/// `POST /api/v2/public/config/rule-engine/{field_id}` `{"rule_column": {"lhs": …}}`: what the
/// right-hand side and operator of a rule may be for the chosen left-hand side.
pub async fn rule_options(
    State(state): State<SandboxState>,
    scope: AccountScope,
    address: FieldAddress,
    JsonBody(body): JsonBody<RuleColumnPayload>,
) -> Result<Json<RuleOptions>, ApiError> {
    let app = app(&state, &address.slug)?;
    let field_id = address.field_id.as_deref().unwrap_or_default();
    let target = FieldTarget::find(app, address.workflow_id.as_deref(), field_id)?;
    if target.field.field.field_type != FieldType::RuleEngine {
        return Err(ApiError::bad_request(format!(
            "Field with id {field_id} is not a rule engine field"
        )));
    }
    {
        let data = state.read();
        data.account(&scope.environment, &scope.account_id)
            .ok_or_else(|| account_not_found(&scope))?;
    }
    let lhs = value_key(&body.rule_column.lhs);
    let rhs = target
        .field
        .sandbox_rule_rhs
        .as_ref()
        .and_then(|sides| sides.get(&lhs))
        .ok_or_else(|| ApiError::bad_request(format!("Unknown rule column {lhs}")))?;
    let lhs_name = target
        .field
        .field
        .rule_columns
        .as_ref()
        .and_then(Value::as_array)
        .and_then(|columns| {
            columns
                .iter()
                .find(|column| column.get("value").map(value_key).as_deref() == Some(lhs.as_str()))
        })
        .and_then(|column| column.get("name"))
        .and_then(Value::as_str)
        .unwrap_or(&lhs)
        .to_owned();
    let operators: &[(&str, &str)] = if rhs.side_type == "select" {
        &[("equals", "equals"), ("does not equal", "not_equals")]
    } else {
        &[
            ("equals", "equals"),
            ("greater than", "gt"),
            ("less than", "lt"),
            ("contains", "contains"),
        ]
    };
    Ok(Json(RuleOptions {
        rule_column: RuleColumn {
            rhs: RuleSide {
                name: lhs_name,
                side_type: rhs.side_type.clone(),
                options: rhs.options.clone(),
            },
            operator: RuleSide {
                name: "Operator".to_owned(),
                side_type: "select".to_owned(),
                options: operators
                    .iter()
                    .map(|(name, value)| cobalt::FieldOption {
                        name: (*name).to_owned(),
                        value: Value::from(*value),
                    })
                    .collect(),
            },
        },
        conditional_code_stdout: Vec::new(),
        error: None,
    }))
}
