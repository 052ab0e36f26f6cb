//! The sandbox's HTTP surface: Cobalt's routes, the consent pages, logos and the admin API.

mod accounts;
mod admin;
mod applications;
mod assets;
mod audit;
mod configs;
mod connect;
mod consent;
mod executions;
mod org;
mod paging;
mod tokens;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{Method, StatusCode, Uri};
use axum::middleware::from_fn_with_state;
use axum::routing::{delete, get, patch, post, put};

pub use connect::INVALID_CREDENTIAL;

use crate::auth::{AccountScope, SessionScope};
use crate::error::ApiError;
use crate::extract::BODY_LIMIT;
use crate::middleware::{cors, guard};
use crate::state::SandboxState;

/// Every route of the sandbox, with its layers.
pub fn router(state: SandboxState) -> Router {
    Router::new()
        .merge(cobalt_routes())
        .merge(config_routes())
        .merge(admin_routes())
        .route(
            "/emulator/oauth/{slug}/authorize",
            get(consent::page).post(consent::decide),
        )
        .route("/logos/{file}", get(assets::logo_svg))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(from_fn_with_state(state.clone(), guard))
        .layer(from_fn_with_state(state.clone(), cors))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(state)
}

/// Accounts, tokens, the catalog, connecting, webhooks and org basics.
fn cobalt_routes() -> Router<SandboxState> {
    Router::new()
        .route(
            "/api/v2/public/linked-account",
            post(accounts::create)
                .put(accounts::upsert)
                .get(accounts::list),
        )
        .route(
            "/api/v2/public/linked-account/{id}",
            get(accounts::get).delete(accounts::delete),
        )
        .route(
            "/api/v2/public/session/active-linked-account",
            get(accounts::active),
        )
        .route("/api/v2/public/session-token", post(tokens::create))
        .route("/api/v2/public/session-token/revoke", post(tokens::revoke))
        .route("/api/v2/public/application", get(applications::list))
        .route("/api/v2/public/application/{slug}", get(applications::get))
        .route("/api/v2/f-sdk/application", get(applications::list_session))
        .route(
            "/api/v2/f-sdk/application/{slug}",
            get(applications::get_session),
        )
        .route(
            "/api/v1/{slug}/integrate",
            get(connect::integrate).post(connect::integrate),
        )
        .route(
            "/api/v2/public/linked-account/integration/oauth-url/{slug}",
            get(connect::oauth_url),
        )
        .route("/api/v2/app/{slug}/save", post(connect::save_session))
        .route(
            "/api/v2/public/linked-account/integration/save-key-credentials/{slug}",
            put(connect::save_public),
        )
        .route(
            "/api/v1/linked-acc/integration/{slug}",
            delete(connect::disconnect_session),
        )
        .route(
            "/api/v2/public/linked-account/integration/{slug}",
            delete(connect::disconnect_public),
        )
        .route("/api/v2/public/webhook", post(org::register_webhook))
        .route("/api/v3/org/basics", get(org::basics))
}

/// Configs: every route exists for the API key (`public`) and, where cobalt-js or the docs use
/// it, for a session token (`f-sdk`).
fn config_routes() -> Router<SandboxState> {
    Router::new()
        .route(
            "/api/v2/public/config",
            post(configs::find_or_create::<AccountScope>).put(configs::update::<AccountScope>),
        )
        .route(
            "/api/v2/f-sdk/config",
            post(configs::find_or_create::<SessionScope>).put(configs::update::<SessionScope>),
        )
        .route(
            "/api/v2/public/slug/{slug}/config",
            get(configs::get::<AccountScope>).delete(configs::delete::<AccountScope>),
        )
        // Cobalt's Node SDK asks with a trailing slash when it names no config id; Express
        // ignores the slash, so Cobalt answers as without it.
        .route(
            "/api/v2/public/slug/{slug}/config/",
            get(configs::get::<AccountScope>).delete(configs::delete::<AccountScope>),
        )
        .route(
            "/api/v2/public/slug/{slug}/config/{config_id}",
            get(configs::get::<AccountScope>).delete(configs::delete::<AccountScope>),
        )
        .route(
            "/api/v2/f-sdk/slug/{slug}/config",
            get(configs::get::<SessionScope>).delete(configs::delete::<SessionScope>),
        )
        .route(
            "/api/v2/f-sdk/slug/{slug}/config/{config_id}",
            get(configs::get::<SessionScope>).delete(configs::delete::<SessionScope>),
        )
        .route("/api/v2/public/slug/{slug}/configs", get(configs::list_ids))
        .route("/api/v2/public/execution", get(executions::list))
        .route("/api/v2/public/execution/{id}", get(executions::get))
        .route(
            "/api/v2/public/execution/{id}/rerun",
            post(executions::rerun),
        )
        .route("/api/v2/public/execution/{id}/stop", post(executions::stop))
        .route("/api/v2/public/workflow", get(executions::workflows))
        .route("/api/v1/audit/public/audit-logs", get(audit::list))
        .route(
            "/api/v2/public/slug/{slug}/config/{config_id}/workflows/{workflow_id}",
            patch(configs::toggle_workflow::<AccountScope>),
        )
        .route(
            "/api/v2/f-sdk/slug/{slug}/config/{config_id}/workflows/{workflow_id}",
            patch(configs::toggle_workflow::<SessionScope>),
        )
        .route("/api/v2/public/config/field", post(configs::all_fields))
        .route(
            "/api/v2/public/config/field/{field_id}",
            get(configs::field_options)
                .post(configs::field_options)
                .put(configs::set_field)
                .delete(configs::clear_field),
        )
        .route(
            "/api/v2/public/config/rule-engine/{field_id}",
            post(configs::rule_options),
        )
}

/// The admin API (see the crate docs).
fn admin_routes() -> Router<SandboxState> {
    Router::new()
        .route("/_sandbox/health", get(admin::health))
        .route(
            "/_sandbox/faults",
            post(admin::add_fault)
                .get(admin::list_faults)
                .delete(admin::clear_faults),
        )
        .route(
            "/_sandbox/rate-limit",
            get(admin::rate_limit).put(admin::set_rate_limit),
        )
        .route(
            "/_sandbox/connections/expire",
            post(admin::expire_connection),
        )
        .route("/_sandbox/executions", post(admin::add_runs))
        .route("/_sandbox/tokens/revoke", post(admin::revoke_tokens))
        .route("/_sandbox/tokens/expire", post(admin::expire_tokens))
        .route(
            "/_sandbox/counters",
            get(admin::counters).delete(admin::reset_counters),
        )
        .route("/_sandbox/webhooks", get(admin::webhooks))
        .route("/_sandbox/reset", post(admin::reset))
}

async fn not_found(method: Method, uri: Uri) -> ApiError {
    ApiError::not_found(format!("Cannot {method} {}", uri.path()))
}

async fn method_not_allowed(method: Method, uri: Uri) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "SERVER_ERROR",
        format!("Cannot {method} {}", uri.path()),
    )
}
