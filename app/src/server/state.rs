//! The shared state every request sees.

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::FromRef;
use cobalt::{CobaltClient, SecretToken};
use leptos::prelude::{LeptosOptions, use_context};

use super::cache::Cache;
use super::{Config, identity::Identity};
use crate::components::AssetVersions;
use crate::error::AppError;
use crate::model::IntegrationCard;

/// Shared, cheaply clonable handles. `leptos_axum` provides the router state to every server
/// function and SSR render as context, so server functions reach it with [`app_state`].
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub config: Arc<Config>,
    /// Cobalt's backend API with the platform's API key.
    pub cobalt: CobaltClient,
    /// Per-account caches in front of Cobalt.
    pub caches: Arc<Caches>,
    /// Content hashes of the `/pkg` assets, appended as `?v=` so they can be cached forever.
    pub assets: Arc<AssetVersions>,
    /// Where browsers load cobalt-js from, with its integrity hash.
    pub cobalt_js: Arc<crate::model::connect::CobaltJsAsset>,
    /// Carries connection status changes to every open tab of an account.
    pub live: Arc<dyn super::live::Fanout>,
    /// Revoked sessions and spent embed tokens.
    pub sessions: Arc<super::sessions::Sessions>,
    /// Budgets per account and per address, Cobalt's back-off, stream caps.
    pub limits: Arc<super::limits::Limits>,
}

/// Why a Cobalt call made for an account failed: Cobalt's own answer, or one of our limits
/// refused to send it.
#[derive(Debug)]
pub enum CallError {
    Cobalt(cobalt::CobaltError),
    Refused(AppError),
}

impl CallError {
    /// Cobalt's answer, when the call went out.
    pub fn cobalt(&self) -> Option<&cobalt::CobaltError> {
        match self {
            Self::Cobalt(error) => Some(error),
            Self::Refused(_) => None,
        }
    }
}

impl From<cobalt::CobaltError> for CallError {
    fn from(error: cobalt::CobaltError) -> Self {
        Self::Cobalt(error)
    }
}

impl From<CallError> for AppError {
    fn from(error: CallError) -> Self {
        match error {
            CallError::Cobalt(error) => AppError::upstream(error),
            CallError::Refused(error) => error,
        }
    }
}

/// How long an account's application list is served from memory. Our own mutations (and
/// Cobalt's webhooks) invalidate it sooner.
pub const CATALOG_TTL: Duration = Duration::from_secs(30);
/// Bound on the accounts held by each cache.
pub const CACHE_CAPACITY: usize = 10_000;

/// The caches in front of Cobalt, each keyed by linked account id.
pub struct Caches {
    pub catalog: Cache<Arc<Vec<cobalt::Application>>>,
    pub tokens: Cache<SecretToken>,
    /// Each account's named configurations per app (key: account id, newline, slug).
    pub named_configs: Cache<Arc<Vec<String>>>,
    /// When each account last forced a token refresh (at most once a minute).
    pub forced_refresh: std::sync::Mutex<std::collections::HashMap<String, Instant>>,
}

impl Default for Caches {
    fn default() -> Self {
        Self {
            catalog: Cache::new(CACHE_CAPACITY),
            tokens: Cache::new(CACHE_CAPACITY),
            named_configs: Cache::new(CACHE_CAPACITY),
            forced_refresh: std::sync::Mutex::default(),
        }
    }
}

impl AppState {
    /// Builds the state, with the Cobalt client pointed at `config.cobalt_api_url`.
    pub fn new(
        leptos_options: LeptosOptions,
        config: Config,
        assets: AssetVersions,
    ) -> Result<Self, cobalt::CobaltError> {
        let mut client =
            cobalt::ClientConfig::new(config.cobalt_api_url.clone(), config.cobalt_api_key.clone());
        client.timeout = config.upstream_timeout;
        // One user's 429 is every customer's: back off for all of them (see `limited`) rather
        // than retry and squeeze the organisation's limit further.
        client.retry_rate_limited = false;
        let limits = super::limits::Limits::new(super::limits::LimitSettings {
            account_per_minute: config.rate_limit_per_minute,
            address_per_minute: config.address_rate_limit_per_minute,
            streams_per_account: config.streams_per_account,
            streams_total: config.max_streams,
        });
        Ok(Self {
            sessions: Arc::new(super::sessions::Sessions::default()),
            limits: Arc::new(limits),
            leptos_options,
            cobalt_js: Arc::new(super::vendor::cobalt_js_asset(&config)),
            cobalt: CobaltClient::new(client)?,
            config: Arc::new(config),
            caches: Arc::new(Caches::default()),
            assets: Arc::new(assets),
            live: Arc::new(super::live::InProcess::default()),
        })
    }

    /// The account's applications, from the cache or from Cobalt (one call for concurrent
    /// misses).
    pub async fn applications(
        &self,
        identity: &Identity,
    ) -> Result<Arc<Vec<cobalt::Application>>, AppError> {
        self.caches
            .catalog
            .get_or_load(&identity.account_id, async {
                let apps = self
                    .with_account(identity, || {
                        self.cobalt.list_applications(&identity.account_id)
                    })
                    .await?;
                Ok::<_, CallError>((Arc::new(apps), Instant::now() + CATALOG_TTL))
            })
            .await
            .map_err(AppError::from)
    }

    /// The marketplace cards of the account, in marketplace order.
    pub async fn cards(&self, identity: &Identity) -> Result<Vec<IntegrationCard>, AppError> {
        let mut cards: Vec<_> = self
            .applications(identity)
            .await?
            .iter()
            .filter_map(IntegrationCard::from_application)
            .collect();
        crate::model::sort_cards(&mut cards);
        Ok(cards)
    }

    /// Forgets what is cached for the account after a change to its connections or configs.
    pub fn invalidate(&self, account_id: &str) {
        self.caches.catalog.invalidate(account_id);
    }

    /// Runs `call`, one Cobalt call for the account, within its limits: it spends the
    /// account's budget, waits for one of the account's few turns in flight, and is not sent
    /// at all while Cobalt's 429 holds. If Cobalt no longer knows the linked account (deleted,
    /// or another environment), upserts it once and retries once.
    pub async fn with_account<T, F, Fut>(
        &self,
        identity: &Identity,
        call: F,
    ) -> Result<T, CallError>
    where
        F: Fn() -> Fut,
        Fut: std::future::Future<Output = Result<T, cobalt::CobaltError>>,
    {
        let account = identity.account_id.as_str();
        match self.limited(account, call()).await {
            Err(CallError::Cobalt(err)) if err.is_unknown_linked_account() => {
                tracing::info!(
                    account,
                    "linked account unknown to cobalt; upserting it again"
                );
                self.limited(
                    account,
                    super::accounts::upsert(self, account, &identity.name, None),
                )
                .await?;
                self.limited(account, call()).await
            }
            other => other,
        }
    }

    /// One Cobalt call for `account`, counted and gated by [`super::limits::Limits`].
    pub async fn limited<T>(
        &self,
        account: &str,
        call: impl std::future::Future<Output = Result<T, cobalt::CobaltError>>,
    ) -> Result<T, CallError> {
        self.limits.cobalt_busy().map_err(CallError::Refused)?;
        let charge = self.limits.charge(account).map_err(CallError::Refused)?;
        let _turn = self.limits.in_flight_turn(account).await;
        // Another call may have met a 429 while this one waited for its turn.
        self.limits.cobalt_busy().map_err(CallError::Refused)?;
        let answer = call.await;
        charge.keep();
        match answer {
            Err(err) if err.status().is_some_and(|s| s.as_u16() == 429) => {
                tracing::warn!(error = %err, "cobalt answered 429");
                self.limits.cobalt_said_slow_down(err.retry_after());
                Err(CallError::Refused(
                    self.limits
                        .cobalt_busy()
                        .err()
                        .unwrap_or(AppError::Upstream),
                ))
            }
            result => result.map_err(CallError::Cobalt),
        }
    }
}

/// The [`AppState`] for the current request.
pub fn app_state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| AppError::internal("AppState missing from context"))
}
