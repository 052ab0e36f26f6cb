//! `GET /api/v1/audit/public/audit-logs`: what happened to the account's connections and
//! configs. Cobalt announced the route (changelog 2026-05-05) without its answer's shape; the
//! shape here is ours, documented in `sandbox/README.md`.

use axum::Json;
use axum::extract::State;
use serde_json::{Value, json};

use crate::auth::AccountScope;
use crate::error::ApiError;
use crate::extract::QueryParams;
use crate::state::SandboxState;
use crate::views::account_not_found;

/// Most entries one page returns, as Cobalt's announcement says.
const MAX_LIMIT: usize = 200;
/// How far back the log reaches, as Cobalt's announcement says.
const WINDOW_SECONDS: i64 = 30 * 24 * 3600;

/// The account's entries of the last 30 days, newest first, filtered by `slug` and `event`
/// (comma-separated, any of), paged by `page` and `limit` (default 50, at most 200).
pub async fn list(
    State(state): State<SandboxState>,
    scope: AccountScope,
    query: QueryParams,
) -> Result<Json<Value>, ApiError> {
    let asked = super::paging::asked(&query, 50, MAX_LIMIT)?;
    let (slugs, events) = (query.list("slug"), query.list("event"));
    let since = crate::clock::iso_ago(WINDOW_SECONDS);
    let data = state.read();
    let account = data
        .account(&scope.environment, &scope.account_id)
        .ok_or_else(|| account_not_found(&scope))?;
    let matching: Vec<_> = account
        .audit
        .iter()
        .rev()
        .filter(|entry| entry.created_at >= since)
        .filter(|entry| {
            slugs
                .as_ref()
                .is_none_or(|slugs| slugs.contains(&entry.slug))
        })
        .filter(|entry| {
            events
                .as_ref()
                .is_none_or(|events| events.contains(&entry.event))
        })
        .collect();
    Ok(Json(super::paging::page(
        matching.into_iter(),
        asked,
        |entry| {
            let actor = match &entry.actor {
                Some(name) => json!({"type": "linked_account", "name": name}),
                None => json!({"type": "system", "name": null}),
            };
            json!({
                "_id": entry.id,
                "event": entry.event,
                "slug": entry.slug,
                "linked_account_id": scope.account_id,
                "actor": actor,
                "reason": entry.reason,
                "target": entry.target,
                "createdAt": entry.created_at,
            })
        },
    )))
}
