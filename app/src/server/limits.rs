//! What one user, one address or one burst may spend. Cobalt's rate limit is per organisation,
//! so every customer shares it: each account has a budget that every request and every Cobalt
//! call made for it spends; anonymous routes spend a budget per address; an account has at
//! most [`MAX_IN_FLIGHT`] Cobalt calls running; a 429 from Cobalt stops every call until its
//! `Retry-After`; live streams are capped per account and in total.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use tokio::sync::Semaphore;

use super::shared::{Budget, Shared};
use crate::error::AppError;

/// Most accounts the in-flight map keeps; idle ones are dropped first beyond it.
const MAX_KEYS: usize = 100_000;
/// Cobalt calls one account may have running at once; more wait their turn.
pub const MAX_IN_FLIGHT: usize = 4;
/// How long Cobalt's 429 stops calls when it names no `Retry-After`.
const DEFAULT_BACKOFF: Duration = Duration::from_secs(30);
/// The longest a 429 stops calls, whatever `Retry-After` says.
const MAX_BACKOFF: Duration = Duration::from_secs(300);
/// A page's `?status=` (the return from a connection) reloads the catalog at most this often.
pub const STATUS_REFRESH_INTERVAL: Duration = Duration::from_secs(5);

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // Each operation below is a lookup plus an insert or a retain: a poisoned map is consistent.
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Every limit of the server, shared by all requests. The budgets, the status-refresh gate
/// and Cobalt's back-off hold across instances ([`Shared`]); calls in flight and open streams
/// are this instance's own.
pub struct Limits {
    shared: Arc<Shared>,
    account_per_minute: u32,
    address_per_minute: u32,
    in_flight: Mutex<HashMap<String, Arc<Semaphore>>>,
    streams: Mutex<StreamCount>,
    streams_per_account: usize,
    streams_total: usize,
}

#[derive(Default)]
struct StreamCount {
    total: usize,
    by_account: HashMap<String, usize>,
}

/// The settings [`Limits`] are built from.
#[derive(Debug, Clone, Copy)]
pub struct LimitSettings {
    pub account_per_minute: u32,
    pub address_per_minute: u32,
    pub streams_per_account: usize,
    pub streams_total: usize,
}

impl Limits {
    pub fn new(settings: LimitSettings, shared: Arc<Shared>) -> Self {
        Self {
            shared,
            account_per_minute: settings.account_per_minute,
            address_per_minute: settings.address_per_minute,
            in_flight: Mutex::default(),
            streams: Mutex::default(),
            streams_per_account: settings.streams_per_account,
            streams_total: settings.streams_total,
        }
    }

    /// Spends `cost` of the account's budget, or says how long to wait.
    pub async fn spend(&self, account: &str, cost: u32) -> Result<(), AppError> {
        self.shared
            .take(
                Budget::Account,
                account,
                self.account_per_minute,
                f64::from(cost),
            )
            .await
            .map_err(|retry_after| AppError::RateLimited { retry_after })
    }

    /// Spends one Cobalt call of the account's budget; the charge is given back if it is
    /// dropped before [`Charge::keep`] (the call was cancelled before it was made: a render
    /// that drops a pending load, for one).
    pub async fn charge(&self, account: &str) -> Result<Charge, AppError> {
        self.spend(account, 1).await?;
        Ok(Charge {
            give_back: Some((
                self.shared.clone(),
                account.to_owned(),
                self.account_per_minute,
            )),
        })
    }

    /// Spends one request of the address's budget, or says how long to wait.
    pub async fn spend_address(&self, address: &str) -> Result<(), AppError> {
        self.shared
            .take(Budget::Address, address, self.address_per_minute, 1.0)
            .await
            .map_err(|retry_after| AppError::RateLimited { retry_after })
    }

    /// Whether calls to Cobalt are stopped by an earlier 429 (on any instance), and for how
    /// long.
    pub fn cobalt_busy(&self) -> Result<(), AppError> {
        match self.shared.cobalt_busy() {
            Some(left) => Err(AppError::Busy {
                retry_after: left.as_secs().max(1),
            }),
            None => Ok(()),
        }
    }

    /// Cobalt answered 429: stop every call of every instance for `retry_after` (or a
    /// default), capped.
    pub async fn cobalt_said_slow_down(&self, retry_after: Option<Duration>) {
        let wait = retry_after.unwrap_or(DEFAULT_BACKOFF).min(MAX_BACKOFF);
        if self.shared.cobalt_said_slow_down(wait).await {
            tracing::warn!(
                wait_secs = wait.as_secs(),
                "cobalt rate limit reached: calls stop until it passes"
            );
        }
    }

    /// A turn among the account's Cobalt calls in flight (at most [`MAX_IN_FLIGHT`]).
    pub async fn in_flight_turn(&self, account: &str) -> Option<tokio::sync::OwnedSemaphorePermit> {
        let semaphore = {
            let mut all = lock(&self.in_flight);
            if all.len() >= MAX_KEYS {
                // Idle accounts hold only their own reference.
                all.retain(|_, s| Arc::strong_count(s) > 1);
            }
            all.entry(account.to_owned())
                .or_insert_with(|| Arc::new(Semaphore::new(MAX_IN_FLIGHT)))
                .clone()
        };
        semaphore.acquire_owned().await.ok()
    }

    /// Whether a `?status=` for `slug` may reload the account's catalog now (at most every
    /// few seconds per app across the fleet): a return from connecting one app must not wait
    /// out the gate another app's return just took.
    pub async fn allow_status_refresh(&self, account: &str, slug: &str) -> bool {
        self.shared
            .once_per(
                "status",
                &format!("{account}/{slug}"),
                STATUS_REFRESH_INTERVAL,
            )
            .await
    }

    /// A place for one more live stream of the account, released when the guard drops.
    pub fn open_stream(self: &Arc<Self>, account: &str) -> Result<StreamGuard, StreamRefused> {
        let mut streams = lock(&self.streams);
        if streams.total >= self.streams_total {
            return Err(StreamRefused::ServerFull);
        }
        let open = streams.by_account.entry(account.to_owned()).or_default();
        if *open >= self.streams_per_account {
            return Err(StreamRefused::TooManyTabs(self.streams_per_account));
        }
        *open += 1;
        streams.total += 1;
        Ok(StreamGuard {
            limits: self.clone(),
            account: account.to_owned(),
        })
    }
}

/// One Cobalt call's share of an account's budget, given back unless kept.
pub struct Charge {
    give_back: Option<(Arc<Shared>, String, u32)>,
}

impl Charge {
    /// The call was made: the charge stands.
    pub fn keep(mut self) {
        self.give_back = None;
    }
}

impl Drop for Charge {
    fn drop(&mut self) {
        if let Some((shared, account, per_minute)) = self.give_back.take() {
            shared.give_back(Budget::Account, &account, per_minute);
        }
    }
}

/// Why a live stream was refused. Its `Display` is in the language of the current render:
/// outside one, format it within [`super::language::in_language`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StreamRefused {
    /// The account already has this many streams open.
    TooManyTabs(usize),
    ServerFull,
}

impl std::fmt::Display for StreamRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            Self::TooManyTabs(open) => crate::t!("refused-live-tabs", count = *open),
            Self::ServerFull => crate::t!("refused-live-full"),
        })
    }
}

impl std::error::Error for StreamRefused {}

/// Holds one stream's place; dropping it frees the place.
pub struct StreamGuard {
    limits: Arc<Limits>,
    account: String,
}

impl Drop for StreamGuard {
    fn drop(&mut self) {
        let mut streams = lock(&self.limits.streams);
        streams.total = streams.total.saturating_sub(1);
        if let Some(open) = streams.by_account.get_mut(&self.account) {
            *open = open.saturating_sub(1);
            if *open == 0 {
                streams.by_account.remove(&self.account);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits() -> Arc<Limits> {
        let settings = LimitSettings {
            account_per_minute: 60,
            address_per_minute: 6,
            streams_per_account: 2,
            streams_total: 3,
        };
        Arc::new(Limits::new(settings, Shared::in_process()))
    }

    #[tokio::test]
    async fn a_charge_dropped_before_its_call_is_given_back() {
        let limits = limits();
        for _ in 0..30 {
            drop(limits.charge("ada").await.unwrap());
        }
        for _ in 0..60 {
            limits.charge("ada").await.unwrap().keep();
        }
        assert!(
            limits.charge("ada").await.is_err(),
            "kept charges spend the budget"
        );
    }

    #[tokio::test]
    async fn a_429_stops_calls_until_its_retry_after() {
        let limits = limits();
        assert_eq!(limits.cobalt_busy(), Ok(()));
        limits
            .cobalt_said_slow_down(Some(Duration::from_secs(7)))
            .await;
        assert!(
            matches!(limits.cobalt_busy(), Err(AppError::Busy { retry_after }) if (6..=7).contains(&retry_after))
        );
        limits
            .cobalt_said_slow_down(Some(Duration::from_secs(1)))
            .await;
        assert!(
            matches!(limits.cobalt_busy(), Err(AppError::Busy { retry_after }) if retry_after >= 6),
            "a shorter wait does not cut a longer one"
        );
    }

    #[test]
    fn streams_are_capped_per_account_and_in_total_and_freed_on_drop() {
        let limits = limits();
        let a1 = limits.open_stream("ada").unwrap();
        let _a2 = limits.open_stream("ada").unwrap();
        assert_eq!(
            limits.open_stream("ada").err(),
            Some(StreamRefused::TooManyTabs(2))
        );
        let _e1 = limits.open_stream("eve").unwrap();
        assert_eq!(
            limits.open_stream("bob").err(),
            Some(StreamRefused::ServerFull)
        );
        drop(a1);
        assert!(limits.open_stream("ada").is_ok());
    }

    #[tokio::test]
    async fn status_refreshes_are_spaced() {
        let limits = limits();
        assert!(limits.allow_status_refresh("ada", "copper").await);
        assert!(!limits.allow_status_refresh("ada", "copper").await);
        assert!(limits.allow_status_refresh("ada", "hubspot").await);
        assert!(limits.allow_status_refresh("eve", "copper").await);
    }

    #[tokio::test]
    async fn an_account_has_a_few_calls_in_flight_at_most() {
        let limits = limits();
        let mut turns = Vec::new();
        for _ in 0..MAX_IN_FLIGHT {
            turns.push(limits.in_flight_turn("ada").await.unwrap());
        }
        let next = tokio::time::timeout(Duration::from_millis(50), limits.in_flight_turn("ada"));
        assert!(next.await.is_err(), "the fifth call waits");
        assert!(limits.in_flight_turn("eve").await.is_some());
        turns.pop();
        assert!(limits.in_flight_turn("ada").await.is_some());
    }
}
