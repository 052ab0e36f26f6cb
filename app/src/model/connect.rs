//! Connecting an app: where the browser loads cobalt-js from, and the checks a key-based
//! credentials form passes before anything leaves the browser.

use cobalt::InputField;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Where the browser loads cobalt-js from, and the subresource-integrity hash it must match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CobaltJsAsset {
    pub url: String,
    pub integrity: String,
}

/// A credentials field the user must fix, by its `auth_input_map` name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldProblem {
    pub field: String,
    pub message: String,
}

/// A credentials form that could not be saved, shown again with what the user typed (never the
/// secrets: password fields come back empty) and what to fix. Used when the form was posted
/// without JavaScript.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CredentialsDraft {
    pub values: Vec<(String, String)>,
    pub problems: Vec<FieldProblem>,
    pub message: Option<String>,
}

impl CredentialsDraft {
    /// What the user typed into `field`, if anything.
    pub fn value(&self, field: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(name, _)| name == field)
            .map(|(_, value)| value.as_str())
    }
}

/// The value a form control submits for `field`: `None` when the user left it empty.
fn entered<'a>(values: &'a [(String, String)], field: &InputField) -> Option<&'a str> {
    values
        .iter()
        .find(|(name, _)| *name == field.name)
        .map(|(_, value)| value.as_str())
        .filter(|value| !value.trim().is_empty())
}

/// Turns the submitted form `values` into the payload cobalt-js sends to Cobalt, or says which
/// fields need fixing. Numbers travel as JSON numbers, booleans as `true`/`false`, the rest as
/// strings; empty optional fields are left out.
pub fn credentials_payload(
    fields: &[InputField],
    values: &[(String, String)],
) -> Result<Map<String, Value>, Vec<FieldProblem>> {
    let mut payload = Map::new();
    let mut problems = Vec::new();
    let label = |field: &InputField| {
        if field.label.is_empty() {
            field.name.clone()
        } else {
            field.label.clone()
        }
    };
    for field in fields {
        let value = entered(values, field);
        let parsed = match (field.input_type.as_str(), value) {
            // An unchecked checkbox submits nothing: that is `false`, not a missing value.
            ("boolean", value) => Ok(Some(Value::Bool(value.is_some_and(|v| v != "false")))),
            (_, None) if field.required => Err(format!("Enter {}.", label(field))),
            (_, None) => Ok(None),
            ("number", Some(text)) => text
                .trim()
                .parse::<f64>()
                .ok()
                .and_then(serde_json::Number::from_f64)
                .map(|n| Some(Value::Number(n)))
                .ok_or_else(|| format!("{} must be a number.", label(field))),
            ("select", Some(text)) if !option_values(field).iter().any(|v| v == text) => {
                Err(format!("Choose one of the options for {}.", label(field)))
            }
            (_, Some(text)) => Ok(Some(Value::String(text.trim().to_owned()))),
        };
        match parsed {
            Ok(Some(value)) => {
                payload.insert(field.name.clone(), value);
            }
            Ok(None) => {}
            Err(message) => problems.push(FieldProblem {
                field: field.name.clone(),
                message,
            }),
        }
    }
    if problems.is_empty() {
        Ok(payload)
    } else {
        Err(problems)
    }
}

/// The values a `select` input offers, as the strings its `<option>`s submit.
pub fn option_values(field: &InputField) -> Vec<String> {
    option_pairs(field)
        .into_iter()
        .map(|(value, _)| value)
        .collect()
}

/// `(value, label)` of each option of a `select` input.
pub fn option_pairs(field: &InputField) -> Vec<(String, String)> {
    field
        .options
        .iter()
        .flatten()
        .map(|option| match option {
            cobalt::InputOption::Plain(text) => (text.clone(), text.clone()),
            cobalt::InputOption::Named { name, value } => {
                let value = match value {
                    Value::String(text) => text.clone(),
                    other => other.to_string(),
                };
                (value.clone(), name.clone().unwrap_or(value))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(name: &str, input_type: &str, required: bool) -> InputField {
        serde_json::from_value(serde_json::json!({
            "name": name, "label": name.to_uppercase(), "required": required, "type": input_type,
            "options": [{"name": "United States", "value": "us"}, "eu"],
        }))
        .unwrap()
    }

    fn values(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn typed_values_become_the_payload_and_empty_optional_fields_are_left_out() {
        let fields = [
            field("key", "password", true),
            field("port", "number", false),
            field("region", "select", true),
            field("sandbox", "boolean", false),
            field("note", "text", false),
        ];
        let payload = credentials_payload(
            &fields,
            &values(&[
                ("key", " abc "),
                ("port", "8443"),
                ("region", "us"),
                ("sandbox", "on"),
            ]),
        )
        .unwrap();
        assert_eq!(
            Value::Object(payload),
            serde_json::json!({"key": "abc", "port": 8443.0, "region": "us", "sandbox": true})
        );
    }

    #[test]
    fn every_problem_is_reported_by_field() {
        let fields = [
            field("key", "password", true),
            field("port", "number", false),
            field("region", "select", true),
        ];
        let problems = credentials_payload(
            &fields,
            &values(&[("key", "  "), ("port", "ten"), ("region", "mars")]),
        )
        .unwrap_err();
        let by_field: Vec<_> = problems
            .iter()
            .map(|p| (p.field.as_str(), p.message.as_str()))
            .collect();
        assert_eq!(
            by_field,
            [
                ("key", "Enter KEY."),
                ("port", "PORT must be a number."),
                ("region", "Choose one of the options for REGION.")
            ]
        );
    }

    #[test]
    fn an_unchecked_box_is_false_and_named_options_submit_their_value() {
        let fields = [
            field("sandbox", "boolean", true),
            field("region", "select", true),
        ];
        let payload = credentials_payload(&fields, &values(&[("region", "eu")])).unwrap();
        assert_eq!(payload["sandbox"], Value::Bool(false));
        assert_eq!(
            option_pairs(&fields[1])[0],
            ("us".into(), "United States".into())
        );
    }
}
