//! Connecting an app: where the browser loads cobalt-js from, and the checks a key-based
//! credentials form passes before anything leaves the browser.

use cobalt::InputField;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Where the browser loads cobalt-js from, and the subresource-integrity hash it must match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CobaltJsAsset {
    pub url: String,
    pub integrity: String,
}

/// A field the user must fix, by its form name. On the wire it is a (field, message) pair,
/// so the wasm decodes it with the code it already has for pairs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "(String, String)", into = "(String, String)")]
pub struct FieldProblem {
    pub field: String,
    pub message: String,
}

impl From<(String, String)> for FieldProblem {
    fn from((field, message): (String, String)) -> Self {
        Self { field, message }
    }
}

impl From<FieldProblem> for (String, String) {
    fn from(problem: FieldProblem) -> Self {
        (problem.field, problem.message)
    }
}

/// One input of a key-based credentials form, as the browser renders and checks it: the
/// app's `auth_input_map` entry, reduced to plain strings so the wasm carries no JSON values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CredentialInput {
    pub name: String,
    pub label: String,
    pub placeholder: String,
    pub required: bool,
    pub kind: InputKind,
    /// `(value, label)` of a select's options.
    pub options: Vec<(String, String)>,
    pub help: Option<String>,
}

/// How a credential is entered. Types Cobalt may add later are entered as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    Text,
    Password,
    Number,
    Boolean,
    Select,
}

impl InputKind {
    const ALL: [Self; 5] = [
        Self::Text,
        Self::Password,
        Self::Number,
        Self::Boolean,
        Self::Select,
    ];

    /// Its name in the page (`data-kind`), from which the browser reads it back.
    pub fn name(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Password => "password",
            Self::Number => "number",
            Self::Boolean => "boolean",
            Self::Select => "select",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.name() == name)
    }
}

impl CredentialInput {
    pub fn from_field(field: &InputField) -> Self {
        let kind = match field.input_type.as_str() {
            "password" => InputKind::Password,
            "number" => InputKind::Number,
            "boolean" => InputKind::Boolean,
            "select" => InputKind::Select,
            _ => InputKind::Text,
        };
        let options = field
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
            .collect();
        Self {
            name: field.name.clone(),
            label: Some(field.label.clone())
                .filter(|label| !label.trim().is_empty())
                .unwrap_or_else(|| field.name.clone()),
            placeholder: field.placeholder.clone(),
            required: field.required,
            kind,
            options,
            help: field.help_text.clone().filter(|h| !h.trim().is_empty()),
        }
    }
}

/// A checked credential, typed as Cobalt receives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CredentialValue {
    Text(String),
    /// A decimal number, as typed (the browser and the server each turn it into a number).
    Number(String),
    Bool(bool),
}

/// The value a form control submits for `input`: `None` when the user left it empty.
fn entered<'a>(values: &'a [(String, String)], input: &CredentialInput) -> Option<&'a str> {
    values
        .iter()
        .find(|(name, _)| *name == input.name)
        .map(|(_, value)| value.trim())
        .filter(|value| !value.is_empty())
}

/// Turns the submitted form `values` into the credentials cobalt-js sends to Cobalt, or says
/// which inputs need fixing. Empty optional inputs are left out. The browser checks the form
/// too, so the problems are `shared.ftl` messages.
pub fn credentials_payload(
    inputs: &[CredentialInput],
    values: &[(String, String)],
) -> Result<Vec<(String, CredentialValue)>, Vec<FieldProblem>> {
    let mut payload = Vec::new();
    let mut problems = Vec::new();
    for input in inputs {
        let label = &input.label;
        let parsed = match (input.kind, entered(values, input)) {
            // An unchecked checkbox submits nothing: that is `false`, not a missing value.
            (InputKind::Boolean, value) => Ok(Some(CredentialValue::Bool(
                value.is_some_and(|v| v != "false"),
            ))),
            (InputKind::Select, None) if input.required => {
                Err(crate::t!("connect-form-choose", label = label))
            }
            (_, None) if input.required => Err(crate::t!("connect-form-enter", label = label)),
            (_, None) => Ok(None),
            (InputKind::Number, Some(text)) if !is_decimal(text) => {
                Err(crate::t!("validation-number", label = label))
            }
            (InputKind::Number, Some(text)) => Ok(Some(CredentialValue::Number(text.to_owned()))),
            (InputKind::Select, Some(text)) if !input.options.iter().any(|(v, _)| v == text) => {
                Err(crate::t!("validation-option", label = label))
            }
            (_, Some(text)) => Ok(Some(CredentialValue::Text(text.to_owned()))),
        };
        match parsed {
            Ok(Some(value)) => payload.push((input.name.clone(), value)),
            Ok(None) => {}
            Err(message) => problems.push(FieldProblem {
                field: input.name.clone(),
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

/// `-12`, `3.5`, `1e6`: a decimal number as JSON writes one (no float parsing needed here).
pub(crate) fn is_decimal(text: &str) -> bool {
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e.strip_prefix(['-', '+']).unwrap_or(e))),
        None => (unsigned, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once('.') {
        Some((whole, fraction)) => {
            (digits(whole) || whole.is_empty())
                && (digits(fraction) || fraction.is_empty())
                && !(whole.is_empty() && fraction.is_empty())
        }
        None => digits(mantissa),
    };
    mantissa_ok && exponent.is_none_or(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(name: &str, input_type: &str, required: bool) -> CredentialInput {
        CredentialInput::from_field(
            &serde_json::from_value(serde_json::json!({
                "name": name, "label": name.to_uppercase(), "required": required, "type": input_type,
                "options": [{"name": "United States", "value": "us"}, "eu"],
            }))
            .unwrap(),
        )
    }

    fn values(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn an_input_kind_reads_back_from_its_name() {
        for kind in InputKind::ALL {
            assert_eq!(InputKind::from_name(kind.name()), Some(kind));
        }
        assert_eq!(InputKind::from_name("Text"), None);
    }

    #[test]
    fn typed_values_become_the_payload_and_empty_optional_inputs_are_left_out() {
        let inputs = [
            input("key", "password", true),
            input("port", "number", false),
            input("region", "select", true),
            input("sandbox", "boolean", false),
            input("note", "text", false),
        ];
        let payload = credentials_payload(
            &inputs,
            &values(&[
                ("key", " abc "),
                ("port", "8443"),
                ("region", "us"),
                ("sandbox", "true"),
            ]),
        )
        .unwrap();
        assert_eq!(
            payload,
            [
                ("key".to_owned(), CredentialValue::Text("abc".into())),
                ("port".to_owned(), CredentialValue::Number("8443".into())),
                ("region".to_owned(), CredentialValue::Text("us".into())),
                ("sandbox".to_owned(), CredentialValue::Bool(true)),
            ]
        );
    }

    #[test]
    fn every_problem_is_reported_by_input() {
        let inputs = [
            input("key", "password", true),
            input("port", "number", false),
            input("region", "select", true),
        ];
        let problems = credentials_payload(
            &inputs,
            &values(&[("key", "  "), ("port", "ten"), ("region", "mars")]),
        )
        .unwrap_err();
        let by_input: Vec<_> = problems
            .iter()
            .map(|p| (p.field.as_str(), p.message.as_str()))
            .collect();
        assert_eq!(
            by_input,
            [
                ("key", "Enter KEY."),
                ("port", "PORT must be a number."),
                ("region", "Choose one of the options for REGION.")
            ]
        );
    }

    #[test]
    fn an_unchecked_box_is_false_and_named_options_submit_their_value() {
        let inputs = [
            input("sandbox", "boolean", true),
            input("region", "select", true),
        ];
        let payload = credentials_payload(&inputs, &values(&[("region", "eu")])).unwrap();
        assert_eq!(payload[0].1, CredentialValue::Bool(false));
        assert_eq!(inputs[1].options[0], ("us".into(), "United States".into()));
        assert_eq!(input("x", "color", false).kind, InputKind::Text);
    }

    #[test]
    fn numbers_are_decimals_as_json_writes_them() {
        for ok in ["0", "-12", "+3", "3.5", ".5", "5.", "1e6", "2.5E-3"] {
            assert!(is_decimal(ok), "{ok}");
        }
        for bad in [
            "", "-", ".", "1.2.3", "1e", "e5", "0x10", "NaN", "1 000", "12a",
        ] {
            assert!(!is_decimal(bad), "{bad}");
        }
    }
}
