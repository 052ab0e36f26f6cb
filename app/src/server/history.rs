//! An app's connection history from the account's audit log: one cached call per app.

use std::sync::Arc;
use std::time::Instant;

use super::accounts::{Account, CATALOG_TTL, CallError};
use crate::error::AppError;
use crate::model::history::{HistoryEvent, app_history};

/// Entries read: one page of the app's, the most Cobalt returns (the log reaches back 30 days).
const ENTRIES: u32 = 200;

impl Account<'_> {
    /// The app's connection history, newest first. Cached like the catalog: our own changes
    /// (and Cobalt's webhooks) make every instance read it afresh.
    pub async fn history(&self, slug: &str) -> Result<Vec<HistoryEvent>, AppError> {
        let state = self.state();
        let generation = state.shared.generation(self.id()).await;
        let key = format!("{}\n{slug}", self.id());
        let entries = state
            .caches
            .audit
            .get_or_load(&key, generation, async {
                let page = self
                    .call(|cobalt, id| cobalt.list_audit_logs(id, Some(slug), ENTRIES))
                    .await?;
                Ok::<_, CallError>((Arc::new(page.docs), Instant::now() + CATALOG_TTL))
            })
            .await
            .map_err(AppError::from)?;
        Ok(app_history(&entries, slug))
    }
}
