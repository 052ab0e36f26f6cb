//! Linked accounts: Cobalt's record of one of the platform's customers.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use crate::session::Environment;

/// A linked account. Cobalt names its id `account_id` in responses (not `linked_account_id`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkedAccount {
    #[serde(rename = "_id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub associated_org: Option<String>,
    pub account_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environment: Option<Environment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "udf_list")]
    pub udf: Vec<Udf>,
    /// `null` on a freshly created account.
    #[serde(default)]
    pub integrations: Option<Vec<Integration>>,
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    #[serde(rename = "updatedAt", default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    #[serde(rename = "__v", default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<u64>,
    /// Set by the v3 upsert: whether this call created the account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_account: Option<bool>,
}

/// A user-defined field of a linked account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Udf {
    pub key_name: String,
    pub key_value: String,
    #[serde(rename = "_id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    #[serde(rename = "updatedAt", default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
}

/// Responses carry `udf` as a list of entries; a request-style `{key: value}` map (or `null`)
/// is accepted too so that either generation parses.
fn udf_list<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Udf>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Shape {
        List(Vec<Udf>),
        Map(BTreeMap<String, Value>),
        Null(()),
    }
    Ok(match Shape::deserialize(deserializer)? {
        Shape::List(list) => list,
        Shape::Map(map) => map
            .into_iter()
            .map(|(key_name, value)| Udf {
                key_name,
                key_value: match value {
                    Value::String(text) => text,
                    other => other.to_string(),
                },
                id: None,
                created_at: None,
                updated_at: None,
            })
            .collect(),
        Shape::Null(()) => Vec::new(),
    })
}

/// One integration held by a linked account (credentials and tokens are never returned).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Integration {
    #[serde(rename = "_id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The application slug.
    #[serde(rename = "type")]
    pub app_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icon: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier: Option<Value>,
    #[serde(default)]
    pub app_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token_expired: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reauth_required: Option<bool>,
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    #[serde(rename = "updatedAt", default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
}

/// A page of `GET /api/v2/public/linked-account` (mongoose-paginate's shape).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LinkedAccountPage {
    pub docs: Vec<LinkedAccount>,
    pub total_docs: u64,
    pub limit: u64,
    pub total_pages: u64,
    pub page: u64,
    pub paging_counter: u64,
    pub has_prev_page: bool,
    pub has_next_page: bool,
    pub prev_page: Option<u64>,
    pub next_page: Option<u64>,
}

/// Body of create and upsert. Fields nested under `payload` take precedence (upsert only).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LinkedAccountPayload {
    #[serde(alias = "account_id", default, skip_serializing_if = "Option::is_none")]
    pub linked_account_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A flat map of user-defined fields, merged by key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub udf: Option<BTreeMap<String, Value>>,
    /// Credentials Cobalt uses to call the platform's own API.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub your_app: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<Box<LinkedAccountPayload>>,
}

/// `{"message": "…"}`, the answer of deletions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    pub message: String,
}
