//! Run history (`/api/v2/public/execution`) and workflows (`/api/v2/public/workflow`), with the
//! API key and a linked account, or a session token.

use axum::Json;
use axum::extract::{Path, State};
use serde_json::{Value, json};

use crate::auth::AccountScope;
use crate::error::ApiError;
use crate::extract::QueryParams;
use crate::runs;
use crate::state::SandboxState;
use crate::store::{Account, Execution};
use crate::views::account_not_found;

/// Most runs one page returns.
const MAX_LIMIT: usize = 100;

/// `GET /api/v2/public/execution`: the account's runs, newest first (`sortAsc=true` for oldest
/// first), filtered by `slug` and `status` (comma-separated, any of), `workflow_id` and
/// `execution_id`, paged by `page` (from 1) and `limit` (default 10, at most 100).
pub async fn list(
    State(state): State<SandboxState>,
    scope: AccountScope,
    query: QueryParams,
) -> Result<Json<Value>, ApiError> {
    let asked = super::paging::asked(&query, 10, MAX_LIMIT)?;
    let (slugs, statuses) = (query.list("slug"), query.list("status"));
    if let Some(bad) = statuses
        .iter()
        .flatten()
        .find(|status| !runs::STATUSES.contains(&status.as_str()))
    {
        return Err(ApiError::bad_request(format!("unknown status {bad}")));
    }
    with_account(&state, &scope, |account| {
        let mut matching: Vec<_> = account
            .executions
            .iter()
            .filter(|run| slugs.as_ref().is_none_or(|slugs| slugs.contains(&run.slug)))
            .filter(|run| {
                statuses
                    .as_ref()
                    .is_none_or(|statuses| statuses.contains(&run.status))
            })
            .filter(|run| {
                query
                    .get("workflow_id")
                    .is_none_or(|id| id == run.workflow_id)
            })
            .filter(|run| query.get("execution_id").is_none_or(|id| id == run.id))
            .collect();
        // Oldest first by start (stable: runs of the same instant keep their order), then as asked.
        matching.sort_by(|a, b| a.created_at.cmp(&b.created_at));
        if !query.flag("sortAsc") {
            matching.reverse();
        }
        Ok(Json(super::paging::page(
            matching.into_iter(),
            asked,
            |run| runs::summary(run, state.catalog().get(&run.slug), &scope.account_id),
        )))
    })
}

/// `GET /api/v2/public/execution/{id}`: one run with its steps.
pub async fn get(
    State(state): State<SandboxState>,
    scope: AccountScope,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    with_run(&state, &scope, &id, |run| {
        Ok(runs::detail(
            run,
            state.catalog().get(&run.slug),
            &scope.account_id,
        ))
    })
    .map(Json)
}

/// `POST /api/v2/public/execution/{id}/rerun`: runs the workflow again with the same payload;
/// answers the new run's `id` and `status`.
pub async fn rerun(
    State(state): State<SandboxState>,
    scope: AccountScope,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let again = with_account(&state, &scope, |account| {
        let run = find(account, &id)?;
        let app = state
            .catalog()
            .get(&run.slug)
            .ok_or_else(|| run_not_found(&id))?;
        let again = runs::rerun(app, run);
        account.executions.push(again.clone());
        Ok(again)
    })?;
    state.persist().await;
    Ok(Json(json!({ "id": again.id, "status": again.status })))
}

/// `POST /api/v2/public/execution/{id}/stop`: stops a running run (400 if it is not running).
pub async fn stop(
    State(state): State<SandboxState>,
    scope: AccountScope,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let view = with_run(&state, &scope, &id, |run| {
        if !runs::stop(run) {
            return Err(ApiError::bad_request(format!(
                "Execution {id} is not running ({})",
                run.status
            )));
        }
        Ok(runs::summary(
            run,
            state.catalog().get(&run.slug),
            &scope.account_id,
        ))
    })?;
    state.persist().await;
    Ok(Json(view))
}

/// `GET /api/v2/public/workflow`: the workflows of the apps named by `slug` (comma-separated;
/// all apps without it).
pub async fn workflows(
    State(state): State<SandboxState>,
    _scope: AccountScope,
    query: QueryParams,
) -> Json<Vec<Value>> {
    let slugs: Option<Vec<&str>> = query.get("slug").map(|list| list.split(',').collect());
    Json(
        state
            .catalog()
            .apps()
            .iter()
            .filter(|app| {
                slugs
                    .as_ref()
                    .is_none_or(|slugs| slugs.contains(&app.slug.as_str()))
            })
            .flat_map(|app| {
                app.workflows.iter().map(|workflow| {
                    json!({
                        "_id": workflow.id,
                        "name": workflow.name,
                        "description": workflow.description,
                        "associated_application": app.slug,
                        "published": true,
                    })
                })
            })
            .collect(),
    )
}

/// Runs `f` on the account, under the write lock, after writing the seeded history of its
/// connected apps that have none yet.
fn with_account<T>(
    state: &SandboxState,
    scope: &AccountScope,
    f: impl FnOnce(&mut Account) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    let mut data = state.write();
    let account = data
        .account_mut(&scope.environment, &scope.account_id)
        .ok_or_else(|| account_not_found(scope))?;
    runs::seed(account, state.catalog());
    f(account)
}

/// Runs `f` on the account's run `id` (404 if it has none of that id).
fn with_run<T>(
    state: &SandboxState,
    scope: &AccountScope,
    id: &str,
    f: impl FnOnce(&mut Execution) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    with_account(state, scope, |account| {
        let run = account
            .executions
            .iter_mut()
            .find(|run| run.id == id)
            .ok_or_else(|| run_not_found(id))?;
        f(run)
    })
}

fn find<'a>(account: &'a Account, id: &str) -> Result<&'a Execution, ApiError> {
    account
        .executions
        .iter()
        .find(|run| run.id == id)
        .ok_or_else(|| run_not_found(id))
}

fn run_not_found(id: &str) -> ApiError {
    ApiError::not_found(format!("Execution {id} not found"))
}
