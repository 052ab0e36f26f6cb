//! A config as a form: which control each Cobalt field becomes, the names its values are
//! posted under, and how a posted form turns back into the whole desired state of the config.
//!
//! Form names: `f.{field}` for app fields, `t.{workflow}` for a workflow's toggle and
//! `w.{workflow}.{field}` for its fields; a map field posts one `….{field}.{label}` per row.
//! Ids are `[A-Za-z0-9_-]`, so the dots cannot be ambiguous.

use std::collections::BTreeMap;

use cobalt::{ConfigField, FieldType};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::connect::FieldProblem;

/// The control a field is entered with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Control {
    Text,
    Textarea,
    Number,
    Email,
    Url,
    Date,
    Password,
    Boolean,
    Json,
    /// A select; `multiple` for a multi-select.
    Select {
        multiple: bool,
    },
    /// Rows of labels, each mapped to one of the options.
    Map,
    /// A type this tab does not know yet: entered as text, with a note.
    Unknown(String),
}

impl Control {
    pub fn of(field: &ConfigField) -> Self {
        match &field.field_type {
            FieldType::Text | FieldType::String => Self::Text,
            FieldType::Textarea => Self::Textarea,
            FieldType::Number => Self::Number,
            FieldType::Email => Self::Email,
            FieldType::Url => Self::Url,
            FieldType::Date => Self::Date,
            FieldType::Password => Self::Password,
            FieldType::Boolean => Self::Boolean,
            FieldType::Json => Self::Json,
            FieldType::Select => Self::Select {
                multiple: field.is_multiple(),
            },
            FieldType::Map | FieldType::MapV2 => Self::Map,
            other => Self::Unknown(other.as_str().to_owned()),
        }
    }
}

impl Control {
    /// A stable name for styles and tests.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Textarea => "textarea",
            Self::Number => "number",
            Self::Email => "email",
            Self::Url => "url",
            Self::Date => "date",
            Self::Password => "password",
            Self::Boolean => "boolean",
            Self::Json => "json",
            Self::Select { multiple: false } => "select",
            Self::Select { multiple: true } => "multiselect",
            Self::Map => "map",
            Self::Unknown(_) => "unknown",
        }
    }
}

/// The config's fields by scope: the app's own (`None`), then each workflow's (its id).
pub fn scopes(
    config: &cobalt::Config,
) -> impl Iterator<Item = (Option<&str>, &[ConfigField])> + '_ {
    std::iter::once((None, config.fields.as_slice())).chain(
        config
            .workflows
            .iter()
            .map(|w| (Some(w.id.as_str()), w.fields.as_slice())),
    )
}

/// The form name of an app field (`workflow: None`) or a workflow's field.
pub fn field_name(workflow: Option<&str>, field: &str) -> String {
    match workflow {
        Some(workflow) => format!("w.{workflow}.{field}"),
        None => format!("f.{field}"),
    }
}

/// The form name of a workflow's enabled toggle.
pub fn toggle_name(workflow: &str) -> String {
    format!("t.{workflow}")
}

/// The string an option or a value is posted as.
pub fn value_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// What a control shows for a stored value: JSON pretty-printed, lists as their items.
pub fn display_values(control: &Control, value: Option<&Value>) -> Vec<String> {
    match (control, value) {
        (_, None | Some(Value::Null)) => Vec::new(),
        (Control::Json, Some(value)) => {
            vec![serde_json::to_string_pretty(value).unwrap_or_default()]
        }
        (_, Some(Value::Array(items))) => items.iter().map(value_text).collect(),
        (_, Some(value)) => vec![value_text(value)],
    }
}

/// The posted values of one form name, in order.
fn posted<'a>(form: &'a [(String, String)], name: &str) -> Vec<&'a str> {
    form.iter()
        .filter(|(key, _)| key == name)
        .map(|(_, value)| value.as_str())
        .collect()
}

/// Reads one field of a posted form as the JSON value Cobalt stores, `Ok(None)` when empty.
/// `options` are the choices the field offered (static or live), used to check selects.
pub fn parse_field(
    field: &ConfigField,
    name: &str,
    form: &[(String, String)],
    options: &[cobalt::FieldOption],
) -> Result<Option<Value>, String> {
    let control = Control::of(field);
    let label = &field.name;
    let raw = posted(form, name);
    let text = raw.first().map(|t| t.trim()).unwrap_or_default();
    let missing = || text_problem(control.kind(), label, field.required, "").map_or(Ok(None), Err);
    match control {
        // An unchecked box posts nothing: that is `false`.
        Control::Boolean => Ok(Some(Value::Bool(raw.contains(&"true")))),
        Control::Map => {
            let prefix = format!("{name}.");
            let mut map = serde_json::Map::new();
            for (key, value) in form {
                if let Some(label) = key.strip_prefix(&prefix)
                    && !value.trim().is_empty()
                {
                    let chosen = choose(options, value.trim()).ok_or_else(|| {
                        crate::t!("validation-map-option", label = label, field = &field.name)
                    })?;
                    map.insert(label.to_owned(), chosen);
                }
            }
            if map.is_empty() {
                missing()
            } else {
                Ok(Some(Value::Object(map)))
            }
        }
        Control::Select { multiple: true } => {
            let chosen = raw
                .iter()
                .filter(|v| !v.trim().is_empty())
                .map(|v| {
                    choose(options, v.trim())
                        .ok_or_else(|| crate::t!("validation-option", label = label))
                })
                .collect::<Result<Vec<_>, _>>()?;
            if chosen.is_empty() {
                missing()
            } else {
                Ok(Some(Value::Array(chosen)))
            }
        }
        // Secrets are never sent to the page: an empty one keeps what is stored.
        Control::Password if text.is_empty() && field.value.is_some() => Ok(None),
        _ if text.is_empty() => missing(),
        Control::Select { multiple: false } => match choose(options, text) {
            Some(value) => Ok(Some(value)),
            // A dependent select whose parent changed: its old value no longer fits, so it is
            // cleared rather than refused.
            None if field.parent.is_some() => missing(),
            None => Err(crate::t!("validation-option", label = label)),
        },
        _ => {
            if let Some(problem) = text_problem(control.kind(), label, field.required, text) {
                return Err(problem);
            }
            match control {
                // A decimal too large for a double.
                Control::Number => number(text)
                    .ok_or_else(|| crate::t!("validation-number", label = label))
                    .and_then(|value| within_bounds(field, value))
                    .map(Some),
                Control::Json => serde_json::from_str(text)
                    .map(Some)
                    .map_err(|e| json_problem(label, &e)),
                _ => Ok(Some(Value::String(text.to_owned()))),
            }
        }
    }
}

/// What is wrong with the text typed into a field of kind `kind` ([`Control::kind`]), if
/// anything. The same check runs in the browser as the user types and on the server before
/// anything is saved, so both say the same thing (`shared.ftl` messages).
pub fn text_problem(kind: &str, label: &str, required: bool, text: &str) -> Option<String> {
    // An unchecked box is `false`, an answer like any other.
    if kind == "boolean" {
        return None;
    }
    let text = text.trim();
    if text.is_empty() {
        return required.then(|| crate::t!("validation-required", label = label));
    }
    match kind {
        "number" if !super::connect::is_decimal(text) => {
            Some(crate::t!("validation-number", label = label))
        }
        "email" if !looks_like_email(text) => Some(crate::t!("validation-email", label = label)),
        "url" if !(text.starts_with("https://") || text.starts_with("http://")) => {
            Some(crate::t!("validation-url", label = label))
        }
        "date" if !is_date(text) => Some(crate::t!("validation-date", label = label)),
        // Checked without building the value (which would bring float parsing to the wasm).
        "json" => serde_json::from_str::<serde::de::IgnoredAny>(text)
            .err()
            .map(|e| json_problem(label, &e)),
        _ => None,
    }
}

/// Text that is not JSON, with the parser's own (English) account of where.
fn json_problem(label: &str, error: &serde_json::Error) -> String {
    crate::t!("validation-json", label = label, error = error.to_string())
}

/// What a password field with a stored value says instead of showing it.
pub fn secret_kept() -> String {
    crate::t!("config-form-secret-kept")
}

/// What the form says when Cobalt did not save it.
pub fn not_saved_message(error: &impl std::fmt::Display) -> String {
    crate::t!("config-form-not-saved", error = error.to_string())
}

/// The sentence that heads a form with `count` fields to fix. A plural: the browser cannot
/// choose its form, so the page also renders it for each count the island may need
/// ([`PROBLEMS`] in `components::ConfigEditor`).
pub const PROBLEMS: &str = "config-form-problems";

/// [`PROBLEMS`] for `count` fields.
pub fn problems_sentence(count: usize) -> String {
    crate::t!("config-form-problems", count = count)
}

/// A number field's value, refused outside the field's `min` and `max` (when it has them).
fn within_bounds(field: &ConfigField, value: Value) -> Result<Value, String> {
    let n = value.as_f64().unwrap_or_default();
    let label = &field.name;
    match (field.min, field.max) {
        (Some(min), _) if n < min => Err(crate::t!(
            "validation-at-least",
            label = label,
            min = super::decimal_text(min)
        )),
        (_, Some(max)) if n > max => Err(crate::t!(
            "validation-at-most",
            label = label,
            max = super::decimal_text(max)
        )),
        _ => Ok(value),
    }
}

/// A typed number as Cobalt stores it; whole numbers stay integers, as in Cobalt's examples.
fn number(text: &str) -> Option<Value> {
    let n = text
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
        .and_then(serde_json::Number::from_f64)?;
    let whole = n.as_f64().filter(|f| f.fract() == 0.0 && f.abs() < 9e15);
    Some(whole.map_or(Value::Number(n), |f| Value::from(f as i64)))
}

/// The option whose posted text is `text`, as Cobalt's own value (string or number).
fn choose(options: &[cobalt::FieldOption], text: &str) -> Option<Value> {
    options
        .iter()
        .find(|option| value_text(&option.value) == text)
        .map(|option| option.value.clone())
}

fn looks_like_email(text: &str) -> bool {
    text.split_once('@').is_some_and(|(user, domain)| {
        !user.is_empty() && domain.contains('.') && !domain.starts_with('.') && !text.contains(' ')
    })
}

fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    matches!(parts.as_slice(), [y, m, d]
        if y.len() == 4 && m.len() == 2 && d.len() == 2
            && [y, m, d].iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
            && (1..=12).contains(&m.parse::<u8>().unwrap_or(0))
            && (1..=31).contains(&d.parse::<u8>().unwrap_or(0)))
}

/// A config with what its form needs besides: the live options of its dynamic and dependent
/// selects and the problems to show, both by form name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConfigForm {
    pub config: cobalt::Config,
    pub options: BTreeMap<String, Vec<cobalt::FieldOption>>,
    pub problems: Vec<FieldProblem>,
    /// The password fields that hold a value, which is never sent to the page.
    pub stored_secrets: Vec<String>,
    /// The account's named configurations of the app (the default one aside).
    pub named: Vec<String>,
}

/// A configuration form posted without JavaScript that could not be saved (a type of its own,
/// so the page's credentials form does not take it for its own draft).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfigDraft(pub crate::model::FormDraft);

/// The desired state of a config read from a posted form: app values, and each workflow's
/// toggle and values; an emptied field is `null`. A disabled workflow keeps its stored values
/// (they are not posted).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Submission {
    pub fields: BTreeMap<String, Value>,
    pub workflows: Vec<(String, bool, BTreeMap<String, Value>)>,
}

/// Reads the whole posted form against the config's fields. `options` gives a field's
/// choices by form name (live options of dynamic and dependent selects included). Every
/// problem is reported, by form name.
pub fn parse_submission(
    config: &cobalt::Config,
    form: &[(String, String)],
    options: &BTreeMap<String, Vec<cobalt::FieldOption>>,
) -> Result<Submission, Vec<FieldProblem>> {
    let mut problems = Vec::new();
    let mut read = |workflow: Option<&str>, fields: &[ConfigField], check: bool| {
        let mut values = BTreeMap::new();
        for field in fields.iter().filter(|f| !f.hidden.unwrap_or(false)) {
            let name = field_name(workflow, &field.id);
            let choices = options
                .get(&name)
                .or(field.options.as_ref())
                .map(Vec::as_slice)
                .unwrap_or_default();
            match parse_field(field, &name, form, choices) {
                Ok(Some(value)) => {
                    values.insert(field.id.clone(), value);
                }
                // An empty password keeps the stored one; any other empty field is cleared
                // (Cobalt merges an update, so a value left out would stay).
                Ok(None) if Control::of(field) == Control::Password => {}
                Ok(None) => {
                    values.insert(field.id.clone(), Value::Null);
                }
                Err(message) if check => problems.push(FieldProblem {
                    field: name,
                    message,
                }),
                Err(_) => {}
            }
        }
        values
    };
    let fields = read(None, &config.fields, true);
    let workflows = config
        .workflows
        .iter()
        .map(|workflow| {
            let enabled = posted(form, &toggle_name(&workflow.id)).contains(&"true");
            // Only an enabled workflow's fields must be valid; a disabled one keeps its values.
            let values = if enabled {
                read(Some(&workflow.id), &workflow.fields, true)
            } else {
                stored_values(&workflow.fields)
            };
            (workflow.id.clone(), enabled, values)
        })
        .collect();
    if problems.is_empty() {
        Ok(Submission { fields, workflows })
    } else {
        Err(problems)
    }
}

/// Whether a connected app's (default) configuration can do its work: every required setting
/// of the app and of its enabled workflows has a value, and one workflow is on when the app has
/// any. Until then the app shows "Finish setup" (`ConnectionStatus::NeedsSetup`).
pub fn setup_finished(config: &cobalt::Config) -> bool {
    let unset = |field: &ConfigField| {
        field.required
            && field.hidden != Some(true)
            && match &field.value {
                None | Some(Value::Null) => true,
                Some(Value::String(text)) => text.trim().is_empty(),
                Some(Value::Array(items)) => items.is_empty(),
                Some(_) => false,
            }
    };
    let mut enabled = config.workflows.iter().filter(|w| w.enabled).peekable();
    let some_enabled = config.workflows.is_empty() || enabled.peek().is_some();
    some_enabled && !config.fields.iter().any(unset) && !enabled.flat_map(|w| &w.fields).any(unset)
}

/// The values a config holds now, by field id.
fn stored_values(fields: &[ConfigField]) -> BTreeMap<String, Value> {
    fields
        .iter()
        .filter_map(|f| f.value.clone().map(|v| (f.id.clone(), v)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn setup_is_finished_once_required_settings_are_set_and_a_workflow_is_on() {
        let config = |pipeline: Value, enabled: bool, channel: Value| -> cobalt::Config {
            serde_json::from_value(json!({
                "slug": "hubspot",
                "fields": [
                    {"id": "p", "name": "Pipeline", "field_type": "text", "required": true, "value": pipeline},
                    {"id": "s", "name": "Stage", "field_type": "text", "required": false},
                ],
                "workflows": [
                    {"id": "w1", "name": "Sync", "enabled": enabled, "fields": [
                        {"id": "c", "name": "Channel", "field_type": "text", "required": true, "value": channel},
                    ]},
                    {"id": "w2", "name": "Other", "enabled": false, "fields": [
                        {"id": "x", "name": "X", "field_type": "text", "required": true},
                    ]},
                ],
            }))
            .unwrap()
        };
        assert!(setup_finished(&config(
            json!("Sales"),
            true,
            json!("general")
        )));
        assert!(
            !setup_finished(&config(json!("Sales"), false, json!("general"))),
            "no workflow on"
        );
        assert!(
            !setup_finished(&config(json!(" "), true, json!("general"))),
            "a required app setting"
        );
        assert!(
            !setup_finished(&config(json!("Sales"), true, Value::Null)),
            "an enabled workflow's"
        );
        let no_workflows: cobalt::Config = serde_json::from_value(json!({"slug": "x"})).unwrap();
        assert!(setup_finished(&no_workflows));
    }

    fn field(id: &str, field_type: &str, extra: Value) -> ConfigField {
        let mut base = json!({"id": id, "name": id.to_uppercase(), "field_type": field_type});
        if let (Some(base), Some(extra)) = (base.as_object_mut(), extra.as_object()) {
            base.extend(extra.clone());
        }
        serde_json::from_value(base).unwrap()
    }

    fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    fn parse(field: &ConfigField, pairs: &[(&str, &str)]) -> Result<Option<Value>, String> {
        let options = field.options.clone().unwrap_or_default();
        parse_field(field, &field_name(None, &field.id), &form(pairs), &options)
    }

    #[test]
    fn every_type_is_read_as_cobalt_stores_it() {
        let options =
            json!({"options": [{"name": "One", "value": 1}, {"name": "Two", "value": "two"}]});
        let cases = [
            (
                field("t", "text", json!({})),
                vec![("f.t", " hi ")],
                json!("hi"),
            ),
            (
                field("a", "textarea", json!({})),
                vec![("f.a", "line\nline")],
                json!("line\nline"),
            ),
            (
                field("n", "number", json!({})),
                vec![("f.n", "42")],
                json!(42),
            ),
            (
                field("n", "number", json!({})),
                vec![("f.n", "2.5")],
                json!(2.5),
            ),
            (
                field("e", "email", json!({})),
                vec![("f.e", "a@b.co")],
                json!("a@b.co"),
            ),
            (
                field("u", "url", json!({})),
                vec![("f.u", "https://x.io")],
                json!("https://x.io"),
            ),
            (
                field("d", "date", json!({})),
                vec![("f.d", "2026-11-21")],
                json!("2026-11-21"),
            ),
            (
                field("p", "password", json!({})),
                vec![("f.p", "s3cret")],
                json!("s3cret"),
            ),
            (
                field("b", "boolean", json!({})),
                vec![("f.b", "true")],
                json!(true),
            ),
            (field("b", "boolean", json!({})), vec![], json!(false)),
            (
                field("j", "json", json!({})),
                vec![("f.j", r#"{"a":[1]}"#)],
                json!({"a": [1]}),
            ),
            (
                field("s", "select", options.clone()),
                vec![("f.s", "1")],
                json!(1),
            ),
            (
                field(
                    "m",
                    "select",
                    json!({"multiple": true, "options": options["options"]}),
                ),
                vec![("f.m", "1"), ("f.m", "two")],
                json!([1, "two"]),
            ),
            (
                field("map", "map", options.clone()),
                vec![
                    ("f.map.email", "two"),
                    ("f.map.phone", ""),
                    ("f.map.name", "1"),
                ],
                json!({"email": "two", "name": 1}),
            ),
            (
                field("x", "rule_engine", json!({})),
                vec![("f.x", "raw")],
                json!("raw"),
            ),
        ];
        for (field, pairs, expected) in cases {
            assert_eq!(parse(&field, &pairs), Ok(Some(expected)), "{}", field.id);
        }
    }

    #[test]
    fn bad_input_says_what_is_wrong() {
        let required = json!({"required": true, "options": [{"name": "One", "value": "1"}]});
        let cases = [
            (
                field("t", "text", required.clone()),
                vec![],
                "T is required.",
            ),
            (
                field("n", "number", json!({})),
                vec![("f.n", "ten")],
                "N must be a number.",
            ),
            (
                field("n", "number", json!({"min": 0, "max": 10.5})),
                vec![("f.n", "-1")],
                "N must be at least 0.",
            ),
            (
                field("n", "number", json!({"min": 0, "max": 10.5})),
                vec![("f.n", "11")],
                "N must be at most 10.5.",
            ),
            (
                field("e", "email", json!({})),
                vec![("f.e", "nope")],
                "E must be an email address, like name@example.com.",
            ),
            (
                field("u", "url", json!({})),
                vec![("f.u", "x.io")],
                "U must be a web address starting with https://.",
            ),
            (
                field("d", "date", json!({})),
                vec![("f.d", "2026-13-01")],
                "D must be a date (YYYY-MM-DD).",
            ),
            (
                field("s", "select", required.clone()),
                vec![("f.s", "9")],
                "Choose one of the options for S.",
            ),
            (field("m", "map", required), vec![], "M is required."),
        ];
        for (field, pairs, expected) in cases {
            assert_eq!(
                parse(&field, &pairs),
                Err(expected.to_owned()),
                "{}",
                field.id
            );
        }
        let json = parse(&field("j", "json", json!({})), &[("f.j", "{oops")]).unwrap_err();
        assert!(json.starts_with("J is not valid JSON: "), "{json}");
    }

    #[test]
    fn a_submission_checks_enabled_workflows_only_and_keeps_disabled_values() {
        let config: cobalt::Config = serde_json::from_value(json!({
            "slug": "hubspot",
            "fields": [{"id": "region", "name": "Region", "field_type": "text", "required": true}],
            "workflows": [
                {"id": "on", "name": "On", "enabled": false,
                 "fields": [{"id": "count", "name": "Count", "field_type": "number", "required": true}]},
                {"id": "off", "name": "Off", "enabled": true,
                 "fields": [{"id": "note", "name": "Note", "field_type": "text", "required": true, "value": "kept"}]},
            ],
        }))
        .unwrap();
        let problems =
            parse_submission(&config, &form(&[("t.on", "true")]), &BTreeMap::new()).unwrap_err();
        let names: Vec<_> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(names, ["f.region", "w.on.count"]);

        let saved = parse_submission(
            &config,
            &form(&[("f.region", "eu"), ("t.on", "true"), ("w.on.count", "3")]),
            &BTreeMap::new(),
        )
        .unwrap();
        assert_eq!(saved.fields["region"], json!("eu"));
        assert_eq!(
            saved.workflows[0],
            (
                "on".into(),
                true,
                BTreeMap::from([("count".into(), json!(3))])
            )
        );
        assert_eq!(
            saved.workflows[1],
            (
                "off".into(),
                false,
                BTreeMap::from([("note".into(), json!("kept"))])
            )
        );
    }

    #[test]
    fn values_are_shown_as_their_controls_expect() {
        assert_eq!(
            display_values(&Control::Json, Some(&json!({"a": 1}))),
            ["{\n  \"a\": 1\n}"]
        );
        assert_eq!(
            display_values(&Control::Select { multiple: true }, Some(&json!([1, "b"]))),
            ["1", "b"]
        );
        assert_eq!(display_values(&Control::Text, None), Vec::<String>::new());
        assert_eq!(toggle_name("wf"), "t.wf");
    }
}
