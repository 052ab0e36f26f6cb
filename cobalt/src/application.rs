//! The integration catalog as Cobalt returns it: applications, their auth inputs and connections.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::lenient::{bool_or_string, is_false, null_as_empty};
use crate::open_enum::open_enum;

open_enum! {
    /// How an application is connected.
    pub enum AuthType {
        OAuth2 => "oauth2",
        KeyBased => "keybased",
    }
}

open_enum! {
    /// The state of one connection of an application.
    pub enum ConnectionStatus {
        Active => "active",
        Expired => "expired",
    }
}

/// An application enabled for the org, enriched with the linked account's connection state.
///
/// `connected` and `connected_accounts` are absent from Cobalt's JSON until the app is connected;
/// both read as "not connected" here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Application {
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub icon: String,
    /// The native slug (`"custom"` for custom apps); deprecated by Cobalt in favour of `slug`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub app_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_id: Option<String>,
    #[serde(rename = "_id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_type: Option<AuthType>,
    /// Auth type → the inputs it needs (`oauth2`, `keybased`, or connector-specific keys).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_type_options: Option<BTreeMap<String, Vec<InputField>>>,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub auth_input_map: Vec<InputField>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub connected: bool,
    #[serde(
        default,
        deserialize_with = "null_as_empty",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub connected_accounts: Vec<ConnectedAccount>,
    #[serde(default)]
    pub reauth_required: bool,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<AppVersion>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ecosystem: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webhook_url: Option<String>,
}

impl Application {
    /// The identifier used in every path: `slug`, falling back to the older `type`.
    pub fn slug(&self) -> Option<&str> {
        self.slug.as_deref().or(self.app_type.as_deref())
    }

    /// "Reconnect" state: the app was connected once and the connection needs re-authorization.
    pub fn needs_reauth(&self) -> bool {
        self.connected && self.reauth_required
    }
}

/// `{ "_v": "1.0.0", "description": "…" }` on older catalog entries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppVersion {
    #[serde(rename = "_v")]
    pub version: String,
    #[serde(default)]
    pub description: String,
}

/// One input a user fills in to connect an app (key-based credentials, OAuth prerequisites).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InputField {
    pub name: String,
    #[serde(default)]
    pub label: String,
    #[serde(default)]
    pub placeholder: String,
    #[serde(default, deserialize_with = "bool_or_string")]
    pub required: bool,
    /// `text`, `number`, `boolean`, `select` or `password`; kept as a string for later additions.
    #[serde(rename = "type", default = "default_input_type")]
    pub input_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<InputOption>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub multiple: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help_text: Option<String>,
}

fn default_input_type() -> String {
    "text".to_owned()
}

/// An option of a `select` input: a bare string or `{name?, value}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum InputOption {
    Plain(String),
    Named {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
        value: Value,
    },
}

/// One connection of an application for the linked account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConnectedAccount {
    /// A string, an object (e.g. `{"portalId": …, "hub_domain": …}`) or `"NA"`.
    #[serde(default)]
    pub identifier: Value,
    #[serde(
        rename = "connectedAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub connected_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_type: Option<AuthType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ConnectionStatus>,
    #[serde(
        rename = "defaultCredentials",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub default_credentials: Option<bool>,
}
