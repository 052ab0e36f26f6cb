//! Deserializers for values that Cobalt's generations spell differently.

use serde::{Deserialize, Deserializer};

/// A boolean that may also arrive as the string `"true"`/`"false"` (js8 types `required` as a
/// string), or as `null` (read as `false`).
pub(crate) fn bool_or_string<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Flexible {
        Bool(bool),
        Text(String),
        Null(()),
    }
    match Flexible::deserialize(deserializer)? {
        Flexible::Bool(value) => Ok(value),
        Flexible::Text(text) => Ok(text.eq_ignore_ascii_case("true")),
        Flexible::Null(()) => Ok(false),
    }
}

/// A list that may arrive as `null`, read as empty.
pub(crate) fn null_as_empty<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(deserializer)?.unwrap_or_default())
}

/// `serde(skip_serializing_if)` helper.
pub(crate) fn is_false(value: &bool) -> bool {
    !*value
}
