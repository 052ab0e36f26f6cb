//! The audit log (`GET /api/v1/audit/public/audit-logs`, `docs/cobalt-api.md` §12): what
//! happened to a linked account's connections and configs, and who did it. Cobalt announced
//! the route without its answer's shape, so every field here is inferred and optional.

use serde::{Deserialize, Serialize};

/// Who made an entry: the linked account (its name), or the provider or Cobalt (`system`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditActor {
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// One entry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    #[serde(rename = "_id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `connection.created`, `connection.expired`, `connection.deleted`,
    /// `configuration.updated`, `configuration.deleted`, `workflow.enabled`,
    /// `workflow.disabled`; others may come.
    #[serde(default)]
    pub event: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<AuditActor>,
    /// Why, when the provider said (an expiry).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// What it acted on: a config id, a workflow's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
}

/// One page of entries, newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuditPage {
    #[serde(default)]
    pub docs: Vec<AuditEntry>,
    #[serde(default)]
    pub total_docs: u64,
}
