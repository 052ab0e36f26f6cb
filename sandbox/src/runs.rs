//! Workflow runs (Cobalt's executions): the history seeded for each connected app, runs the
//! admin API adds, reruns and stops, and how they look on the wire.
//!
//! The wire shape follows Cobalt's OpenAPI spec and v3 reference (`docs/cobalt-api.md` §12);
//! where those are silent (the step's message) it is inferred: a failed step carries
//! `latest_output.message`.

use serde_json::{Value, json};

use crate::catalog::{Catalog, CatalogApp};
use crate::clock::{iso_ago, iso_now};
use crate::ids::object_id;
use crate::store::{Account, Execution, RunNode};

/// The statuses a run can have.
pub const STATUSES: [&str; 6] = [
    "COMPLETED",
    "RUNNING",
    "ERRORED",
    "STOPPED",
    "STOPPING",
    "TIMED_OUT",
];

/// Apps whose seeded history ends with a failed run, and with one still running.
const LAST_RUN_FAILS: [&str; 2] = ["salesforce", "airtable"];
const LAST_RUN_RUNNING: [&str; 1] = ["slack"];

/// Writes, once per connected app, a short history: two good runs and one failed run in the
/// last hours, and a last run that is good, failed or still running depending on the app.
pub fn seed(account: &mut Account, catalog: &Catalog) {
    let connected: Vec<String> = account.connections.keys().cloned().collect();
    for slug in connected {
        if !account.seeded_runs.insert(slug.clone()) {
            continue;
        }
        let Some(app) = catalog.get(&slug) else {
            continue;
        };
        let last = if LAST_RUN_FAILS.contains(&slug.as_str()) {
            "ERRORED"
        } else if LAST_RUN_RUNNING.contains(&slug.as_str()) {
            "RUNNING"
        } else {
            "COMPLETED"
        };
        let history = [
            ("COMPLETED", "Schedule", 4 * 3600),
            ("ERRORED", "Event", 3 * 3600),
            ("COMPLETED", "Event", 2 * 3600),
            (last, "Event", 15 * 60),
        ];
        for (status, source, ago) in history {
            let run = new_run(app, 0, status, source, ago, None);
            account.executions.push(run);
        }
    }
}

/// A run of `app`'s workflow number `workflow`, started `ago` seconds ago. A failed run fails
/// at its second step with `message` (or a provider-like one).
pub fn new_run(
    app: &CatalogApp,
    workflow: usize,
    status: &str,
    source: &str,
    ago: i64,
    message: Option<String>,
) -> Execution {
    let workflow = app
        .workflows
        .get(workflow)
        .or_else(|| app.workflows.first());
    let (workflow_id, workflow_name) = workflow
        .map(|w| (w.id.clone(), w.name.clone()))
        .unwrap_or_default();
    let steps = [
        format!("Trigger: {source}"),
        format!("Read from {}", app.name),
        "Transform the record".to_owned(),
        "Deliver to the platform".to_owned(),
    ];
    let failing = 1;
    let nodes = steps
        .iter()
        .enumerate()
        .map(|(index, name)| {
            let step_status = match status {
                "COMPLETED" => "Success",
                "ERRORED" | "TIMED_OUT" if index < failing => "Success",
                "ERRORED" | "TIMED_OUT" if index == failing => "Errored",
                "RUNNING" | "STOPPING" if index < failing => "Success",
                "RUNNING" | "STOPPING" if index == failing => "Running",
                "STOPPED" if index < failing => "Success",
                _ => "Skipped",
            };
            let message = (step_status == "Errored").then(|| {
                message.clone().unwrap_or_else(|| {
                    format!(
                        "{} answered 401 Unauthorized: the access token was revoked",
                        app.name
                    )
                })
            });
            RunNode {
                id: object_id(),
                name: name.clone(),
                status: step_status.to_owned(),
                attempts: if step_status == "Errored" { 3 } else { 1 },
                message,
            }
        })
        .collect();
    let finished = !is_running(status);
    Execution {
        id: object_id(),
        slug: app.slug.clone(),
        workflow_id,
        workflow_name,
        status: status.to_owned(),
        source: source.to_owned(),
        created_at: iso_ago(ago),
        completed_at: finished.then(|| iso_ago((ago - 42).max(0))),
        nodes,
        rerun_of: None,
    }
}

fn is_running(status: &str) -> bool {
    matches!(status, "RUNNING" | "STOPPING")
}

/// A retry of `run`: the same workflow and payload, run again at once (the sandbox's runs
/// finish as they start).
pub fn rerun(app: &CatalogApp, run: &Execution) -> Execution {
    let workflow = app
        .workflows
        .iter()
        .position(|w| w.id == run.workflow_id)
        .unwrap_or_default();
    let mut again = new_run(app, workflow, "COMPLETED", "API Call", 0, None);
    again.rerun_of = Some(run.id.clone());
    again
}

/// Stops a running run; `false` if it was not running.
pub fn stop(run: &mut Execution) -> bool {
    if !is_running(&run.status) {
        return false;
    }
    run.status = "STOPPED".to_owned();
    run.completed_at = Some(iso_now());
    for node in &mut run.nodes {
        if node.status == "Running" {
            node.status = "Skipped".to_owned();
        }
    }
    true
}

/// A run as the list returns it: without its steps.
pub fn summary(run: &Execution, app: Option<&CatalogApp>, account_id: &str) -> Value {
    let mut value = json!({
        "_id": run.id,
        "name": run.workflow_name,
        "associated_application": {
            "slug": run.slug,
            "name": app.map_or(run.slug.as_str(), |app| app.name.as_str()),
        },
        "associated_workflow": { "_id": run.workflow_id, "name": run.workflow_name },
        "linked_account_id": account_id,
        "status": run.status,
        "execution_source": run.source,
        "type_of_execution": "ASYNC",
        "createdAt": run.created_at,
        "updatedAt": run.completed_at.as_ref().unwrap_or(&run.created_at),
    });
    if let Some(completed) = &run.completed_at {
        value["completedAt"] = json!(completed);
    }
    if let Some(of) = &run.rerun_of {
        value["rerun_of"] = json!(of);
    }
    value
}

/// A run with its steps, as `GET /execution/{id}` returns it.
pub fn detail(run: &Execution, app: Option<&CatalogApp>, account_id: &str) -> Value {
    let mut value = summary(run, app, account_id);
    let nodes: Vec<Value> = run
        .nodes
        .iter()
        .map(|node| {
            let mut value = json!({
                "node_id": node.id,
                "node_name": node.name,
                "node_status": node.status,
                "attempts_made": node.attempts,
            });
            if let Some(message) = &node.message {
                value["latest_output"] = json!({ "message": message });
            }
            value
        })
        .collect();
    value["nodes"] = json!(nodes);
    let done = run.nodes.iter().filter(|n| n.status == "Success").count();
    value["completion_percentage"] = json!(100 * done / run.nodes.len().max(1));
    value
}
