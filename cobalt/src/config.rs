//! Configs: one installation of an app for a linked account, with its fields and workflows.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::lenient::{bool_or_string, null_as_empty};
use crate::open_enum::open_enum;

open_enum! {
    /// The kind of a config field. Unknown kinds parse as `Other` rather than failing.
    pub enum FieldType {
        Text => "text",
        Textarea => "textarea",
        Number => "number",
        Email => "email",
        Url => "url",
        Date => "date",
        Select => "select",
        Boolean => "boolean",
        Json => "json",
        Map => "map",
        MapV2 => "map_v2",
        RuleEngine => "rule_engine",
        String => "string",
        Password => "password",
    }
}

/// An option of a select field or a label of a map field. `value` may be a string or a number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldOption {
    #[serde(default)]
    pub name: String,
    pub value: Value,
}

/// A field of a config or of one of its workflows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConfigField {
    pub id: String,
    pub name: String,
    pub field_type: FieldType,
    #[serde(default, deserialize_with = "bool_or_string")]
    pub required: bool,
    /// Absent when the request asked for `disable_field_options`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<FieldOption>>,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub labels: Vec<FieldOption>,
    /// The current value; absent until set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    /// The id of the field whose value this field's options depend on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub multiple: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hidden: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placeholder: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help_text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub associated_page: Option<String>,
    #[serde(
        rename = "defaultValue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub default_value: Option<Value>,
    /// Bounds and step of a number field. Cobalt's documentation names none of them
    /// (cobalt-api.md); when an app's template carries `min`, `max` or `step`, the form
    /// honours them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<f64>,
    /// Set on fields whose options come from the connected provider, e.g. `dynamic:hubspot:7`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dynamic_slot_identifier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_dynamic_map_fields: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dynamic_map_field_object_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mapping: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule_columns: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_source: Option<Value>,
}

impl ConfigField {
    /// Whether the field takes several values (a multi-select).
    pub fn is_multiple(&self) -> bool {
        self.multiple.unwrap_or(false)
    }

    /// Whether the options come from the provider or from another field's value.
    pub fn has_live_options(&self) -> bool {
        self.dynamic_slot_identifier.is_some() || self.parent.is_some()
    }
}

/// A workflow the org published for the app, as installed in one config.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Workflow {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub enabled: bool,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub fields: Vec<ConfigField>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icon: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub associated_page: Option<String>,
}

/// Why a field's options could not be loaded (e.g. the app is not connected).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default)]
    pub name: String,
    pub error: FieldErrorDetail,
}

/// The `error` of a [`FieldError`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldErrorDetail {
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// A config (the same shape answers find-or-create, get and update).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Config {
    pub slug: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config_id: Option<String>,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub fields: Vec<ConfigField>,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub workflows: Vec<Workflow>,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub field_errors: Vec<FieldError>,
}

/// Body of find-or-create (`POST …/config`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConfigPayload {
    pub slug: String,
    /// Defaults to the linked account id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labels: Option<Labels>,
    /// v3 lets a create seed workflow states.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workflows: Option<Vec<WorkflowPayload>>,
}

/// Dynamic labels for map fields. The SDKs send a list, the docs an object of lists, and v3
/// examples an object of strings: all three parse.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Labels {
    List(Vec<FieldOption>),
    Groups(BTreeMap<String, Vec<FieldOption>>),
    Other(Value),
}

/// Body of `PUT …/config`: values keyed by field id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UpdateConfigPayload {
    pub slug: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config_id: Option<String>,
    #[serde(default)]
    pub fields: BTreeMap<String, Value>,
    #[serde(default)]
    pub workflows: Vec<WorkflowPayload>,
}

/// One workflow in an update: its id, whether it is on, and its own field values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkflowPayload {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    #[serde(default)]
    pub fields: BTreeMap<String, Value>,
}

/// An entry of `GET …/slug/{slug}/configs`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfigRef {
    #[serde(rename = "_id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub config_id: String,
}

/// Body of the workflow toggle (`PATCH …/workflows/{workflow_id}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkflowToggle {
    pub enabled: bool,
}

/// A workflow without its fields, as the toggle answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkflowSummary {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub enabled: bool,
}

/// `{"workflows": […]}`, the answer of the workflow toggle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkflowsResponse {
    pub workflows: Vec<WorkflowSummary>,
}

/// Body of the per-field routes: `{}` or `{"value": …}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FieldValuePayload {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
}

/// The answer of the field-options route: the field with its resolved `options`, plus
/// `field_errors` when they could not be loaded (e.g. a dynamic field while not connected).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldOptions {
    #[serde(flatten)]
    pub field: ConfigField,
    #[serde(
        default,
        deserialize_with = "null_as_empty",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub field_errors: Vec<FieldError>,
}

/// Body of `POST …/config/rule-engine/{field_id}`: `{"rule_column": {"lhs": …}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleColumnPayload {
    pub rule_column: RuleLhs,
}

/// The left-hand side chosen in a rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleLhs {
    pub lhs: Value,
}

/// What a rule's right-hand side and operator may be, given its left-hand side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleOptions {
    pub rule_column: RuleColumn,
    #[serde(default)]
    pub conditional_code_stdout: Vec<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<Value>,
}

/// The `rule_column` of [`RuleOptions`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleColumn {
    pub rhs: RuleSide,
    pub operator: RuleSide,
}

/// One side of a rule: `type` is `text` or `select`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleSide {
    pub name: String,
    #[serde(rename = "type")]
    pub side_type: String,
    #[serde(default)]
    pub options: Vec<FieldOption>,
}
