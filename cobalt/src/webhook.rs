//! Webhooks: registration and the payloads Cobalt posts about connections and workflows.

use serde::{Deserialize, Serialize};

use crate::open_enum::open_enum;
use crate::session::Environment;

open_enum! {
    /// The events a webhook can subscribe to.
    pub enum WebhookEvent {
        ConnectionCreated => "Connection Created",
        ConnectionDeleted => "Connection Deleted",
        ConnectionExpired => "Connection Expired",
        WorkflowCompleted => "Workflow Completed",
        WorkflowErrored => "Workflow Errored",
        WorkflowStopped => "Workflow Stopped",
        WorkflowTimedOut => "Workflow Timed Out",
    }
}

/// Body of `POST /api/v2/public/webhook`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebhookRequest {
    pub webhook_url: String,
    pub webhook_events: Vec<WebhookEvent>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webhook_type: Option<String>,
}

/// A registered webhook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Webhook {
    #[serde(rename = "_id")]
    pub id: String,
    pub org_id: String,
    pub environment: Environment,
    pub is_enabled: bool,
    pub webhook_events: Vec<WebhookEvent>,
    #[serde(default)]
    pub workflow_ids: Vec<String>,
    pub webhook_url: String,
    #[serde(default)]
    pub webhook_body: String,
    #[serde(default)]
    pub method: String,
    #[serde(default)]
    pub webhook_type: String,
    #[serde(rename = "createdAt", default)]
    pub created_at: String,
    #[serde(rename = "updatedAt", default)]
    pub updated_at: String,
    #[serde(rename = "__v", default)]
    pub revision: u64,
}

/// What Cobalt posts on `Connection Created`, `Connection Deleted` and `Connection Expired`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectionEvent {
    pub linked_account_id: String,
    pub org_id: String,
    pub environment: Environment,
    /// `"General"` in every example.
    #[serde(rename = "type")]
    pub event_type: String,
    pub event: WebhookEvent,
    pub slug: String,
    /// RFC 1123, e.g. `Tue, 07 Nov 2023 08:03:27 GMT`.
    #[serde(rename = "createdAt")]
    pub created_at: String,
}

/// What Cobalt posts when a workflow run ends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkflowEvent {
    pub linked_account_id: String,
    pub instance_id: String,
    pub workflow_id: String,
    pub config_id: String,
    pub event: WebhookEvent,
    pub workflow_name: String,
    pub status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environment: Option<Environment>,
}
