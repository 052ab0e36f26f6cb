//! Config semantics: find-or-create from the app's template, updates by field and workflow id,
//! value validation, and option resolution (static, provider-backed "dynamic", dependent).

use std::collections::BTreeMap;

use cobalt::{
    Config, ConfigField, FieldError, FieldErrorDetail, FieldOption, FieldType, Labels,
    UpdateConfigPayload, Workflow, WorkflowPayload,
};
use serde_json::Value;

use crate::catalog::{CatalogApp, TemplateField, TemplateWorkflow};
use crate::config::is_http_url;
use crate::error::ApiError;
use crate::store::{StoredConfig, StoredWorkflow};

/// The code carried by a [`FieldError`] raised because the app is not connected.
pub const NOT_CONNECTED: &str = "APP_NOT_CONNECTED";

pub fn field_not_found(id: &str) -> ApiError {
    ApiError::bad_request(format!("Field with id {id} not found"))
}

pub fn workflow_not_found(id: &str) -> ApiError {
    ApiError::not_found(format!("No workflow with id {id} exists on config"))
}

pub fn config_not_found(config_id: &str) -> ApiError {
    ApiError::not_found(format!("Config with config id {config_id} not found"))
}

/// A new config for `app`: the template's workflow states, no values, and the map labels and
/// workflow states the request seeds.
pub fn new_config(
    app: &CatalogApp,
    labels: Option<&Labels>,
    seeded: Option<&[WorkflowPayload]>,
) -> Result<StoredConfig, ApiError> {
    let mut workflows: BTreeMap<String, StoredWorkflow> = app
        .workflows
        .iter()
        .map(|workflow| {
            (
                workflow.id.clone(),
                StoredWorkflow {
                    enabled: workflow.enabled,
                    fields: BTreeMap::new(),
                },
            )
        })
        .collect();
    for seed in seeded.unwrap_or_default() {
        let state = workflows
            .get_mut(&seed.id)
            .ok_or_else(|| workflow_not_found(&seed.id))?;
        if let Some(enabled) = seed.enabled {
            state.enabled = enabled;
        }
    }
    let map_fields = all_fields(app).filter(|field| field.field.field_type == FieldType::Map);
    let mut stored_labels = BTreeMap::new();
    for field in map_fields {
        let given = match labels {
            Some(Labels::List(list)) if !list.is_empty() => Some(list.clone()),
            Some(Labels::Groups(groups)) => groups
                .get(&field.field.id)
                .or_else(|| groups.get(&field.field.name))
                .cloned(),
            _ => None,
        };
        if let Some(given) = given {
            stored_labels.insert(field.field.id.clone(), given);
        }
    }
    Ok(StoredConfig {
        id: crate::ids::object_id(),
        fields: BTreeMap::new(),
        workflows,
        labels: stored_labels,
    })
}

fn all_fields(app: &CatalogApp) -> impl Iterator<Item = &TemplateField> {
    app.fields
        .iter()
        .chain(app.workflows.iter().flat_map(|workflow| &workflow.fields))
}

/// Applies an update to a copy of `stored`: only the fields and workflows named change
/// (a merge). Everything is validated before anything is applied.
pub fn apply_update(
    app: &CatalogApp,
    stored: &StoredConfig,
    payload: &UpdateConfigPayload,
) -> Result<StoredConfig, ApiError> {
    let mut updated = stored.clone();
    for (id, value) in &payload.fields {
        let field = app.field(id).ok_or_else(|| field_not_found(id))?;
        set_value(&mut updated.fields, field, value)?;
    }
    for change in &payload.workflows {
        let workflow = app
            .workflow(&change.id)
            .ok_or_else(|| workflow_not_found(&change.id))?;
        let state = updated
            .workflows
            .entry(workflow.id.clone())
            .or_insert_with(|| StoredWorkflow {
                enabled: workflow.enabled,
                fields: BTreeMap::new(),
            });
        if let Some(enabled) = change.enabled {
            state.enabled = enabled;
        }
        for (id, value) in &change.fields {
            let field = workflow.field(id).ok_or_else(|| field_not_found(id))?;
            set_value(&mut state.fields, field, value)?;
        }
    }
    Ok(updated)
}

/// Sets (or, for `null`, clears) one value after validating it.
pub fn set_value(
    values: &mut BTreeMap<String, Value>,
    field: &TemplateField,
    value: &Value,
) -> Result<(), ApiError> {
    if value.is_null() {
        values.remove(&field.field.id);
    } else {
        validate(field, value)?;
        values.insert(field.field.id.clone(), value.clone());
    }
    Ok(())
}

/// Checks a value against its field's type (and static options).
pub fn validate(field: &TemplateField, value: &Value) -> Result<(), ApiError> {
    let template = &field.field;
    let invalid = |expected: &str| {
        ApiError::bad_request(format!(
            "Invalid value for field {} ({}): expected {expected}",
            template.name, template.id
        ))
    };
    let text = value.as_str();
    match &template.field_type {
        FieldType::Text | FieldType::Textarea | FieldType::Password | FieldType::String => {
            text.map(drop).ok_or_else(|| invalid("a string"))
        }
        FieldType::Number => {
            let numeric =
                value.is_number() || text.is_some_and(|text| text.trim().parse::<f64>().is_ok());
            numeric.then_some(()).ok_or_else(|| invalid("a number"))
        }
        FieldType::Email => text
            .and_then(|text| text.split_once('@'))
            .filter(|(user, host)| !user.is_empty() && host.contains('.') && !host.contains('@'))
            .map(drop)
            .ok_or_else(|| invalid("an email address")),
        FieldType::Url => text
            .filter(|text| is_http_url(text))
            .map(drop)
            .ok_or_else(|| invalid("an http(s) URL")),
        FieldType::Date => text
            .filter(|text| is_date(text))
            .map(drop)
            .ok_or_else(|| invalid("a date (YYYY-MM-DD)")),
        FieldType::Boolean => {
            let boolean = value.is_boolean() || matches!(text, Some("true" | "false"));
            boolean
                .then_some(())
                .ok_or_else(|| invalid("true or false"))
        }
        FieldType::Json => match text {
            Some(text) => serde_json::from_str::<Value>(text)
                .map(drop)
                .map_err(|_| invalid("JSON")),
            None => Ok(()),
        },
        FieldType::Map => value
            .as_object()
            .filter(|map| map.values().all(is_scalar))
            .map(drop)
            .ok_or_else(|| invalid("an object of label → option values")),
        FieldType::Select => validate_select(field, value).map_err(|expected| invalid(&expected)),
        FieldType::RuleEngine | FieldType::MapV2 | FieldType::Other(_) => Ok(()),
    }
}

fn is_scalar(value: &Value) -> bool {
    matches!(value, Value::String(_) | Value::Number(_) | Value::Bool(_))
}

/// `YYYY-MM-DD`, optionally followed by a time (`T…`).
fn is_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    let date_ok = bytes.len() >= 10
        && bytes[..10]
            .iter()
            .enumerate()
            .all(|(index, byte)| match index {
                4 | 7 => *byte == b'-',
                _ => byte.is_ascii_digit(),
            });
    let month = text.get(5..7).and_then(|month| month.parse::<u8>().ok());
    let day = text.get(8..10).and_then(|day| day.parse::<u8>().ok());
    date_ok
        && month.is_some_and(|month| (1..=12).contains(&month))
        && day.is_some_and(|day| (1..=31).contains(&day))
        && (bytes.len() == 10 || bytes[10] == b'T')
}

/// A select takes one scalar, or a list of scalars when `multiple`. Values of a static select
/// must be among its options; live options (provider or parent) change, so they are not checked.
fn validate_select(field: &TemplateField, value: &Value) -> Result<(), String> {
    let multiple = field.field.is_multiple();
    let values: Vec<&Value> = match value {
        Value::Array(items) if multiple => items.iter().collect(),
        single if !multiple && is_scalar(single) => vec![single],
        _ if multiple => return Err("a list of option values".to_owned()),
        _ => return Err("one option value".to_owned()),
    };
    if values.iter().any(|value| !is_scalar(value)) {
        return Err("option values".to_owned());
    }
    let static_options = field
        .field
        .options
        .as_ref()
        .filter(|_| !field.field.has_live_options() && field.sandbox_dynamic_options.is_none());
    if let Some(options) = static_options {
        let known = |value: &&Value| {
            options
                .iter()
                .any(|option| value_key(&option.value) == value_key(value))
        };
        if let Some(unknown) = values.iter().find(|value| !known(value)) {
            let choices: Vec<String> = options
                .iter()
                .map(|option| value_key(&option.value))
                .collect();
            return Err(format!(
                "one of {} (got {})",
                choices.join(", "),
                value_key(unknown)
            ));
        }
    }
    Ok(())
}

/// How a value is compared with option values and used as a key of dependent options.
pub fn value_key(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// The options of a field right now: provider options need a live connection; dependent
/// options follow the parent's value (none while it is unset).
pub fn options(
    app: &CatalogApp,
    field: &TemplateField,
    parent_value: Option<&Value>,
    connected: bool,
) -> Result<Vec<FieldOption>, FieldError> {
    if let Some(dynamic) = &field.sandbox_dynamic_options {
        return if connected {
            Ok(dynamic.clone())
        } else {
            Err(FieldError {
                id: Some(field.field.id.clone()),
                name: field.field.name.clone(),
                error: FieldErrorDetail {
                    message: format!(
                        "Could not load options for {}: {} is not connected",
                        field.field.name, app.name
                    ),
                    error: Some(NOT_CONNECTED.to_owned()),
                },
            })
        };
    }
    if let Some(by_parent) = &field.sandbox_options_by_parent {
        let options = parent_value.and_then(|value| by_parent.get(&value_key(value)));
        return Ok(options.cloned().unwrap_or_default());
    }
    Ok(field.field.options.clone().unwrap_or_default())
}

/// Where a field lives: app-level, or inside one workflow.
#[derive(Debug, Clone, Copy)]
pub struct FieldTarget<'a> {
    pub workflow: Option<&'a TemplateWorkflow>,
    pub field: &'a TemplateField,
}

impl<'a> FieldTarget<'a> {
    /// Finds a field by id; with `workflow_id`, only in that workflow. Without it, app-level
    /// fields are searched first, then every workflow's.
    pub fn find(
        app: &'a CatalogApp,
        workflow_id: Option<&str>,
        field_id: &str,
    ) -> Result<Self, ApiError> {
        if let Some(workflow_id) = workflow_id {
            let workflow = app
                .workflow(workflow_id)
                .ok_or_else(|| workflow_not_found(workflow_id))?;
            let field = workflow
                .field(field_id)
                .ok_or_else(|| field_not_found(field_id))?;
            return Ok(Self {
                workflow: Some(workflow),
                field,
            });
        }
        if let Some(field) = app.field(field_id) {
            return Ok(Self {
                workflow: None,
                field,
            });
        }
        app.workflows
            .iter()
            .find_map(|workflow| {
                workflow.field(field_id).map(|field| Self {
                    workflow: Some(workflow),
                    field,
                })
            })
            .ok_or_else(|| field_not_found(field_id))
    }

    /// The stored values this field's value lives in.
    pub fn values<'s>(&self, stored: &'s StoredConfig) -> Option<&'s BTreeMap<String, Value>> {
        match self.workflow {
            Some(workflow) => stored
                .workflows
                .get(&workflow.id)
                .map(|state| &state.fields),
            None => Some(&stored.fields),
        }
    }

    pub fn values_mut<'s>(&self, stored: &'s mut StoredConfig) -> &'s mut BTreeMap<String, Value> {
        match self.workflow {
            Some(workflow) => {
                &mut stored
                    .workflows
                    .entry(workflow.id.clone())
                    .or_default()
                    .fields
            }
            None => &mut stored.fields,
        }
    }

    /// The value of this field's parent: a sibling in the same workflow, else an app-level field.
    pub fn parent_value<'s>(&self, stored: &'s StoredConfig) -> Option<&'s Value> {
        let parent = self.field.field.parent.as_ref()?;
        if let Some(workflow) = self.workflow
            && workflow.field(parent).is_some()
        {
            return stored.workflows.get(&workflow.id)?.fields.get(parent);
        }
        stored.fields.get(parent)
    }

    /// The field as answered: template, current value, labels and (optionally) options.
    pub fn render(
        &self,
        app: &CatalogApp,
        stored: &StoredConfig,
        parent_override: Option<&Value>,
        connected: bool,
        with_options: bool,
        errors: &mut Vec<FieldError>,
    ) -> ConfigField {
        let mut field = self.field.field.clone();
        field.value = self
            .values(stored)
            .and_then(|values| values.get(&field.id))
            .cloned();
        if let Some(labels) = stored.labels.get(&field.id) {
            field.labels = labels.clone();
        }
        field.options = with_options.then(|| {
            let parent = parent_override.or_else(|| self.parent_value(stored));
            options(app, self.field, parent, connected).unwrap_or_else(|error| {
                errors.push(error);
                Vec::new()
            })
        });
        field
    }
}

/// The config as answered by find-or-create, get and update.
pub fn render(
    app: &CatalogApp,
    config_id: &str,
    stored: &StoredConfig,
    connected: bool,
    with_options: bool,
) -> Config {
    let mut errors = Vec::new();
    let fields = app
        .fields
        .iter()
        .map(|field| {
            FieldTarget {
                workflow: None,
                field,
            }
            .render(app, stored, None, connected, with_options, &mut errors)
        })
        .collect();
    let workflows = app
        .workflows
        .iter()
        .map(|workflow| Workflow {
            id: workflow.id.clone(),
            name: workflow.name.clone(),
            description: workflow.description.clone(),
            enabled: stored
                .workflows
                .get(&workflow.id)
                .map_or(workflow.enabled, |state| state.enabled),
            fields: workflow
                .fields
                .iter()
                .map(|field| {
                    FieldTarget {
                        workflow: Some(workflow),
                        field,
                    }
                    .render(
                        app,
                        stored,
                        None,
                        connected,
                        with_options,
                        &mut errors,
                    )
                })
                .collect(),
            icon: None,
            associated_page: None,
        })
        .collect();
    Config {
        slug: app.slug.clone(),
        config_id: Some(config_id.to_owned()),
        fields,
        workflows,
        field_errors: errors,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::catalog::Catalog;

    fn app(slug: &str) -> CatalogApp {
        Catalog::seeded().unwrap().get(slug).unwrap().clone()
    }

    fn field_named<'a>(app: &'a CatalogApp, name: &str) -> &'a TemplateField {
        app.fields
            .iter()
            .chain(app.workflows.iter().flat_map(|workflow| &workflow.fields))
            .find(|field| field.field.name == name)
            .unwrap()
    }

    #[test]
    fn a_new_config_copies_the_template_without_values() {
        let hubspot = app("hubspot");
        let stored = new_config(&hubspot, None, None).unwrap();
        let config = render(&hubspot, "user_1", &stored, true, true);
        assert_eq!(config.fields.len(), hubspot.fields.len());
        assert_eq!(config.workflows.len(), hubspot.workflows.len());
        assert!(config.fields.iter().all(|field| field.value.is_none()));
        assert!(config.field_errors.is_empty());
    }

    #[test]
    fn dynamic_options_while_not_connected_are_field_errors() {
        let hubspot = app("hubspot");
        let stored = new_config(&hubspot, None, None).unwrap();
        let config = render(&hubspot, "user_1", &stored, false, true);
        assert_eq!(config.field_errors.len(), 1);
        assert_eq!(
            config.field_errors[0].error.error.as_deref(),
            Some(NOT_CONNECTED)
        );
        assert_eq!(config.fields[0].options.as_deref(), Some(&[][..]));
    }

    #[test]
    fn dependent_options_follow_the_parent_value() {
        let hubspot = app("hubspot");
        let pipeline = field_named(&hubspot, "Pipeline").field.id.clone();
        let stage = field_named(&hubspot, "Deal stage").field.id.clone();
        let stored = new_config(&hubspot, None, None).unwrap();
        let payload = UpdateConfigPayload {
            slug: "hubspot".into(),
            config_id: None,
            fields: BTreeMap::from([(pipeline, json!("partners"))]),
            workflows: vec![],
        };
        let updated = apply_update(&hubspot, &stored, &payload).unwrap();
        let config = render(&hubspot, "user_1", &updated, true, true);
        let stage = config
            .fields
            .iter()
            .find(|field| field.id == stage)
            .unwrap();
        let values: Vec<String> = stage
            .options
            .iter()
            .flatten()
            .map(|option| value_key(&option.value))
            .collect();
        assert_eq!(values, ["partner_sourced", "partner_won"]);
    }

    #[test]
    fn an_update_with_one_bad_value_changes_nothing() {
        let stripe = app("stripe");
        let stored = new_config(&stripe, None, None).unwrap();
        let currency = field_named(&stripe, "Currency").field.id.clone();
        let alert = field_named(&stripe, "Alert email");
        let workflow = stripe
            .workflows
            .iter()
            .find(|workflow| workflow.field(&alert.field.id).is_some())
            .unwrap();
        let payload = UpdateConfigPayload {
            slug: "stripe".into(),
            config_id: None,
            fields: BTreeMap::from([(currency, json!("eur"))]),
            workflows: vec![WorkflowPayload {
                id: workflow.id.clone(),
                enabled: Some(true),
                fields: BTreeMap::from([(alert.field.id.clone(), json!("not-an-email"))]),
            }],
        };
        let err = apply_update(&stripe, &stored, &payload).unwrap_err();
        assert!(err.message.contains("Alert email"), "{}", err.message);
    }

    #[test]
    fn values_are_checked_against_their_field_type() {
        let cases = [
            ("stripe", "Minimum refund", json!(250), true),
            ("stripe", "Minimum refund", json!("250.5"), true),
            ("stripe", "Minimum refund", json!("lots"), false),
            ("stripe", "Currency", json!("usd"), true),
            ("stripe", "Currency", json!("btc"), false),
            ("zendesk", "Tags", json!(["bug", "feedback"]), true),
            ("zendesk", "Tags", json!("bug"), false),
            ("freshdesk", "Go-live date", json!("2026-02-30"), true),
            ("freshdesk", "Go-live date", json!("next week"), false),
            (
                "freshdesk",
                "Portal URL",
                json!("https://support.example.com"),
                true,
            ),
            ("freshdesk", "Portal URL", json!("support"), false),
            ("airtable", "Extra fields", json!("{\"a\": 1}"), true),
            ("airtable", "Extra fields", json!("{oops"), false),
            ("twilio", "Send delivery receipts", json!(false), true),
            ("twilio", "Send delivery receipts", json!("maybe"), false),
            (
                "salesforce",
                "Field mapping",
                json!({"email": "Email"}),
                true,
            ),
            ("salesforce", "Field mapping", json!(["Email"]), false),
            ("hubspot", "Pipeline", json!("anything-live"), true),
        ];
        for (slug, name, value, ok) in cases {
            let app = app(slug);
            let result = validate(field_named(&app, name), &value);
            assert_eq!(result.is_ok(), ok, "{slug}/{name} = {value}: {result:?}");
        }
    }

    #[test]
    fn labels_from_find_or_create_reach_map_fields() {
        let salesforce = app("salesforce");
        let labels = Labels::List(vec![FieldOption {
            name: "Nickname".into(),
            value: json!("nickname"),
        }]);
        let stored = new_config(&salesforce, Some(&labels), None).unwrap();
        let config = render(&salesforce, "user_1", &stored, true, true);
        let mapping = config
            .fields
            .iter()
            .find(|field| field.field_type == FieldType::Map)
            .unwrap();
        assert_eq!(mapping.labels[0].name, "Nickname");
    }

    #[test]
    fn seeding_an_unknown_workflow_is_a_404() {
        let slack = app("slack");
        let seeds = [WorkflowPayload {
            id: "nope".into(),
            enabled: Some(true),
            fields: BTreeMap::new(),
        }];
        let err = new_config(&slack, None, Some(&seeds)).unwrap_err();
        assert_eq!(err.status, axum::http::StatusCode::NOT_FOUND);
    }
}
