//! Workflow runs (Cobalt's executions) of an account: one page of an app's runs for its
//! Activity section, one run with its steps, retry and stop, and the last run of every app for
//! the marketplace's cards (one cached call for the whole list).

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Instant;

use cobalt::{Execution, ExecutionPage, ExecutionQuery};

use super::accounts::{Account, CATALOG_TTL, CallError};
use super::{AppState, Identity};
use crate::error::AppError;
use crate::model::{Change, LastRun, RunFilter};

/// Runs a page of the Activity section lists.
pub const PAGE_SIZE: u32 = 10;
/// How long a page of runs is served from memory: long enough that a render (or a burst of
/// reloads) asks Cobalt once, short enough that new runs show on the next visit. A retry or a
/// stop made here is seen at once (it changes the account's generation).
const RUNS_TTL: std::time::Duration = std::time::Duration::from_secs(5);
/// Runs read to find each app's last one: the newest across the account's apps.
const LAST_RUNS_WINDOW: u32 = 100;

/// A run id as Cobalt makes them (24 hex digits); anything else is not looked up.
pub fn valid_run_id(id: &str) -> bool {
    id.len() == 24 && id.bytes().all(|b| b.is_ascii_hexdigit())
}

impl Account<'_> {
    /// One page (from 1) of the app's runs, newest first; cached for [`RUNS_TTL`].
    pub async fn runs(
        &self,
        slug: &str,
        filter: RunFilter,
        page: u32,
    ) -> Result<Arc<ExecutionPage>, AppError> {
        let page = page.max(1);
        let query = ExecutionQuery {
            slugs: vec![slug.to_owned()],
            statuses: filter.statuses(),
            page,
            limit: PAGE_SIZE,
        };
        let state = self.state();
        let generation = state.shared.generation(self.id()).await;
        let key = format!("{}\n{slug}\n{}\n{page}", self.id(), filter.name());
        state
            .caches
            .runs
            .get_or_load(&key, generation, async {
                let runs = self
                    .call(|cobalt, id| cobalt.list_executions(id, &query))
                    .await?;
                Ok::<_, CallError>((Arc::new(runs), Instant::now() + RUNS_TTL))
            })
            .await
            .map_err(AppError::from)
    }

    /// One run of the app, with its steps; `NotFound` if it is another app's (or another
    /// account's: Cobalt reads runs of the linked account only).
    pub async fn run(&self, slug: &str, id: &str) -> Result<Execution, AppError> {
        if !valid_run_id(id) {
            return Err(AppError::NotFound(crate::t!("error-not-found-run")));
        }
        let run = self
            .call(|cobalt, account| cobalt.get_execution(account, id))
            .await
            .map_err(|error| match AppError::from(error) {
                AppError::NotFound(_) => AppError::NotFound(crate::t!("error-not-found-run")),
                other => other,
            })?;
        if run.associated_application.slug.as_deref() != Some(slug) {
            return Err(AppError::NotFound(crate::t!("error-not-found-run")));
        }
        Ok(run)
    }

    /// The last run of each app that has one among the account's newest runs; cached like the
    /// catalog, so a marketplace view costs at most this one call.
    pub async fn last_runs(&self) -> Result<Arc<BTreeMap<String, LastRun>>, AppError> {
        let state = self.state();
        let generation = state.shared.generation(self.id()).await;
        state
            .caches
            .last_runs
            .get_or_load(self.id(), generation, async {
                let query = ExecutionQuery {
                    page: 1,
                    limit: LAST_RUNS_WINDOW,
                    ..ExecutionQuery::default()
                };
                let page = self
                    .call(|cobalt, id| cobalt.list_executions(id, &query))
                    .await?;
                Ok::<_, CallError>((
                    Arc::new(last_of_each(&page.docs)),
                    Instant::now() + CATALOG_TTL,
                ))
            })
            .await
            .map_err(AppError::from)
    }
}

/// Each app's newest run among `runs` (newest first): failed, or when it started.
fn last_of_each(runs: &[Execution]) -> BTreeMap<String, LastRun> {
    let mut last = BTreeMap::new();
    for run in runs {
        let Some(slug) = run.associated_application.slug.clone() else {
            continue;
        };
        let this = match (&run.created_at, run.status.is_failure()) {
            (_, true) => LastRun::Failed,
            (Some(started_at), false) => LastRun::Good {
                started_at: started_at.clone(),
            },
            // No time to show: the card says nothing of it.
            (None, false) => continue,
        };
        last.entry(slug).or_insert(this);
    }
    last
}

/// Retries the run (of the app, of the account): answers the new run's id.
pub async fn rerun(
    state: &AppState,
    identity: &Identity,
    slug: &str,
    id: &str,
) -> Result<String, AppError> {
    identity.may(Change::Run)?;
    let account = state.account(identity);
    if !account.run(slug, id).await?.status.is_failure() {
        return Err(AppError::Validation(crate::t!("validation-run-not-failed")));
    }
    account
        .change(|cobalt, account| cobalt.rerun_execution(account, id))
        .await
        .map(|rerun| rerun.id)
        .map_err(AppError::from)
}

/// Stops the run (of the app, of the account).
pub async fn stop(
    state: &AppState,
    identity: &Identity,
    slug: &str,
    id: &str,
) -> Result<(), AppError> {
    identity.may(Change::Run)?;
    let account = state.account(identity);
    if !account.run(slug, id).await?.status.is_running() {
        return Err(AppError::Validation(crate::t!("validation-run-ended")));
    }
    account
        .change(|cobalt, account| cobalt.stop_execution(account, id))
        .await
        .map(drop)
        .map_err(AppError::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(slug: &str, status: &str, at: &str) -> Execution {
        serde_json::from_value(serde_json::json!({
            "_id": "0123456789abcdef01234567",
            "associated_application": {"slug": slug, "name": slug},
            "status": status,
            "createdAt": at,
        }))
        .unwrap()
    }

    #[test]
    fn each_app_keeps_its_newest_run() {
        let runs = [
            run("salesforce", "ERRORED", "2026-12-06T10:00:00.000Z"),
            run("hubspot", "COMPLETED", "2026-12-06T09:00:00.000Z"),
            run("salesforce", "COMPLETED", "2026-12-06T08:00:00.000Z"),
            run("slack", "RUNNING", "2026-12-06T07:00:00.000Z"),
        ];
        let last = last_of_each(&runs);
        assert_eq!(last["salesforce"], LastRun::Failed);
        assert_eq!(
            last["hubspot"],
            LastRun::Good {
                started_at: "2026-12-06T09:00:00.000Z".into()
            }
        );
        assert!(matches!(last["slack"], LastRun::Good { .. }));
    }

    #[test]
    fn only_cobalt_shaped_run_ids_are_looked_up() {
        assert!(valid_run_id("0123456789abcdef01234567"));
        assert!(!valid_run_id("../../linked-account"));
        assert!(!valid_run_id("0123456789abcdef0123456"));
    }
}
