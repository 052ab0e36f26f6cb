//! Workflow runs ("executions") and the workflows they run (`docs/cobalt-api.md` §12). Where
//! Cobalt's documents are silent the shape is inferred and tolerant: every field but the id is
//! optional.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::open_enum::open_enum;

open_enum! {
    /// Where a run stands.
    pub enum ExecutionStatus {
        Completed => "COMPLETED",
        Running => "RUNNING",
        Errored => "ERRORED",
        Stopped => "STOPPED",
        Stopping => "STOPPING",
        TimedOut => "TIMED_OUT",
    }
}

impl ExecutionStatus {
    /// Still running: it may be stopped, not retried.
    pub fn is_running(&self) -> bool {
        matches!(self, Self::Running | Self::Stopping)
    }

    /// Ended without doing its work: it may be retried.
    pub fn is_failure(&self) -> bool {
        matches!(self, Self::Errored | Self::TimedOut)
    }
}

/// The app or workflow a run belongs to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunOwner {
    #[serde(rename = "_id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default)]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
}

/// One step of a run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExecutionNode {
    #[serde(default)]
    pub node_name: String,
    /// `Success`, `Errored`, `Running`, `Skipped`, …
    #[serde(default)]
    pub node_status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attempts_made: Option<u32>,
    /// The step's last output; a failed step's `message` says why [inferred].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest_output: Option<Value>,
}

impl ExecutionNode {
    pub fn failed(&self) -> bool {
        self.node_status.eq_ignore_ascii_case("errored")
    }

    /// What the failed step's provider said, if it said anything in words.
    pub fn message(&self) -> Option<&str> {
        let output = self.latest_output.as_ref()?;
        output
            .get("message")
            .or_else(|| output.get("error"))
            .and_then(Value::as_str)
    }
}

/// A run, as the list returns it (without `nodes`) or as one run is read (with them).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Execution {
    #[serde(rename = "_id")]
    pub id: String,
    #[serde(default)]
    pub associated_application: RunOwner,
    #[serde(default)]
    pub associated_workflow: RunOwner,
    pub status: ExecutionStatus,
    /// `Event`, `Schedule` or `API Call`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub execution_source: Option<String>,
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    #[serde(
        rename = "completedAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub completed_at: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nodes: Vec<ExecutionNode>,
}

impl Execution {
    /// The step that failed, if one did.
    pub fn failed_node(&self) -> Option<&ExecutionNode> {
        self.nodes.iter().find(|node| node.failed())
    }
}

/// A page of `GET /api/v2/public/execution` (mongoose-paginate's shape).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExecutionPage {
    pub docs: Vec<Execution>,
    #[serde(default)]
    pub total_docs: u64,
    #[serde(default)]
    pub page: u64,
    #[serde(default)]
    pub total_pages: u64,
    #[serde(default)]
    pub has_next_page: bool,
    #[serde(default)]
    pub has_prev_page: bool,
}

/// Which runs to list: of these apps and statuses (any of; all when empty), one page of
/// `limit`, newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExecutionQuery {
    pub slugs: Vec<String>,
    pub statuses: Vec<ExecutionStatus>,
    /// From 1.
    pub page: u32,
    pub limit: u32,
}

/// What a rerun answers: the new run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rerun {
    pub id: String,
    pub status: ExecutionStatus,
}
