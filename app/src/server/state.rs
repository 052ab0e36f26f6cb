//! The shared state every request sees.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use axum::extract::FromRef;
use cobalt::CobaltClient;
use leptos::prelude::{LeptosOptions, use_context};

use super::accounts::{Account, Caches};
use super::shared::Shared;
use super::{Config, identity::Identity};
use crate::components::AssetVersions;
use crate::error::AppError;

/// Shared, cheaply clonable handles. `leptos_axum` provides the router state to every server
/// function and SSR render as context, so server functions reach it with [`app_state`].
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub config: Arc<Config>,
    /// Cobalt's backend API with the platform's API key.
    pub cobalt: CobaltClient,
    /// Per-account caches in front of Cobalt, reached through [`AppState::account`].
    pub caches: Arc<Caches>,
    /// Content hashes of the `/pkg` assets, appended as `?v=` so they can be cached forever.
    pub assets: Arc<AssetVersions>,
    /// Where browsers load cobalt-js from, with its integrity hash.
    pub cobalt_js: Arc<crate::model::connect::CobaltJsAsset>,
    /// What instances share: sessions, budgets, webhooks, generations, the live fan-out.
    pub shared: Arc<Shared>,
    /// Budgets per account and per address, Cobalt's back-off, stream caps.
    pub limits: Arc<super::limits::Limits>,
    /// Set on SIGTERM: `/readyz` answers 503 so the load balancer stops sending requests.
    pub draining: Arc<AtomicBool>,
}

impl AppState {
    /// Builds the state, with the Cobalt client pointed at `config.cobalt_api_url` and
    /// `shared` as what instances share ([`Shared::in_process`] for one alone).
    pub fn new(
        leptos_options: LeptosOptions,
        config: Config,
        assets: AssetVersions,
        shared: Arc<Shared>,
    ) -> Result<Self, cobalt::CobaltError> {
        let mut client =
            cobalt::ClientConfig::new(config.cobalt_api_url.clone(), config.cobalt_api_key.clone());
        client.timeout = config.upstream_timeout;
        // One user's 429 is every customer's: back off for all of them (see
        // `accounts::limited`) rather than retry and squeeze the organisation's limit further.
        client.retry_rate_limited = false;
        let settings = super::limits::LimitSettings {
            account_per_minute: config.rate_limit_per_minute,
            address_per_minute: config.address_rate_limit_per_minute,
            streams_per_account: config.streams_per_account,
            streams_total: config.max_streams,
        };
        Ok(Self {
            limits: Arc::new(super::limits::Limits::new(settings, shared.clone())),
            shared,
            leptos_options,
            cobalt_js: Arc::new(super::vendor::cobalt_js_asset(&config)),
            cobalt: CobaltClient::new(client)?,
            config: Arc::new(config),
            caches: Arc::new(Caches::default()),
            assets: Arc::new(assets),
            draining: Arc::default(),
        })
    }

    /// The handle every Cobalt call for the signed-in account goes through.
    pub fn account<'a>(&'a self, identity: &'a Identity) -> Account<'a> {
        Account::new(self, identity)
    }
}

/// The [`AppState`] for the current request.
pub fn app_state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| AppError::internal("AppState missing from context"))
}
