//! What one user, one address or one burst may spend. Cobalt's rate limit is per organisation,
//! so every customer shares it: each account has a budget that every request and every Cobalt
//! call made for it spends; anonymous routes spend a budget per address; an account has at
//! most [`MAX_IN_FLIGHT`] Cobalt calls running; a 429 from Cobalt stops every call until its
//! `Retry-After`; live streams are capped per account and in total.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use tokio::sync::Semaphore;

use crate::error::AppError;

/// Most buckets each limiter keeps; full buckets are dropped first beyond it.
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

/// Token buckets by key, each refilling `per_minute` a minute continuously; a burst may spend
/// the whole minute's share at once.
pub struct Buckets {
    per_minute: f64,
    buckets: Mutex<HashMap<String, (f64, Instant)>>,
}

impl Buckets {
    pub fn new(per_minute: u32) -> Self {
        Self {
            per_minute: f64::from(per_minute),
            buckets: Mutex::default(),
        }
    }

    /// Gives `cost` back to the key's bucket (a call that was spent for but never made).
    pub fn give_back(&self, key: &str, cost: f64) {
        if let Some((left, _)) = lock(&self.buckets).get_mut(key) {
            *left = (*left + cost).min(self.per_minute);
        }
    }

    /// Takes `cost` from the key's bucket: `Err(seconds)` until that much is back.
    pub fn take(&self, key: &str, cost: f64, now: Instant) -> Result<(), u64> {
        let rate = self.per_minute / 60.0;
        let mut buckets = lock(&self.buckets);
        if buckets.len() >= MAX_KEYS && !buckets.contains_key(key) {
            let full = self.per_minute;
            buckets.retain(|_, (left, at)| {
                *left + now.saturating_duration_since(*at).as_secs_f64() * rate < full
            });
            // Every bucket still in use: this key goes uncounted rather than grow the map.
            if buckets.len() >= MAX_KEYS {
                return Ok(());
            }
        }
        let (left, at) = buckets
            .entry(key.to_owned())
            .or_insert((self.per_minute, now));
        *left =
            (*left + now.saturating_duration_since(*at).as_secs_f64() * rate).min(self.per_minute);
        *at = now;
        if *left >= cost {
            *left -= cost;
            Ok(())
        } else {
            Err(((cost - *left) / rate).ceil().max(1.0) as u64)
        }
    }
}

/// Every limit of the server, shared by all requests.
pub struct Limits {
    /// Per linked account: requests and the Cobalt calls they make.
    pub accounts: Buckets,
    /// Per client address: sign-up, the embed hand-off and the webhook receiver.
    pub addresses: Buckets,
    in_flight: Mutex<HashMap<String, Arc<Semaphore>>>,
    /// Cobalt said 429: no call goes out before this instant.
    cobalt_busy_until: Mutex<Option<Instant>>,
    status_refreshed: Mutex<HashMap<String, Instant>>,
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
    pub fn new(settings: LimitSettings) -> Self {
        Self {
            accounts: Buckets::new(settings.account_per_minute),
            addresses: Buckets::new(settings.address_per_minute),
            in_flight: Mutex::default(),
            cobalt_busy_until: Mutex::default(),
            status_refreshed: Mutex::default(),
            streams: Mutex::default(),
            streams_per_account: settings.streams_per_account,
            streams_total: settings.streams_total,
        }
    }

    /// Spends `cost` of the account's budget, or says how long to wait.
    pub fn spend(&self, account: &str, cost: u32) -> Result<(), AppError> {
        self.accounts
            .take(account, f64::from(cost), Instant::now())
            .map_err(|retry_after| AppError::RateLimited { retry_after })
    }

    /// Spends one Cobalt call of the account's budget; the charge is given back if it is
    /// dropped before [`Charge::keep`] (the call was cancelled before it was made: a render
    /// that drops a pending load, for one).
    pub fn charge<'a>(&'a self, account: &'a str) -> Result<Charge<'a>, AppError> {
        self.spend(account, 1)?;
        Ok(Charge {
            limits: self,
            account,
            kept: false,
        })
    }

    /// Spends one request of the address's budget, or says how long to wait.
    pub fn spend_address(&self, address: &str) -> Result<(), AppError> {
        self.addresses
            .take(address, 1.0, Instant::now())
            .map_err(|retry_after| AppError::RateLimited { retry_after })
    }

    /// Whether calls to Cobalt are stopped by an earlier 429, and for how long.
    pub fn cobalt_busy(&self) -> Result<(), AppError> {
        let now = Instant::now();
        match *lock(&self.cobalt_busy_until) {
            Some(until) if until > now => Err(AppError::Busy {
                retry_after: until.duration_since(now).as_secs().max(1),
            }),
            _ => Ok(()),
        }
    }

    /// Cobalt answered 429: stop every call for `retry_after` (or a default), capped.
    pub fn cobalt_said_slow_down(&self, retry_after: Option<Duration>) {
        let wait = retry_after.unwrap_or(DEFAULT_BACKOFF).min(MAX_BACKOFF);
        let until = Instant::now() + wait;
        let mut busy = lock(&self.cobalt_busy_until);
        if busy.is_none_or(|current| current < until) {
            tracing::warn!(
                wait_secs = wait.as_secs(),
                "cobalt rate limit reached: calls stop until it passes"
            );
            *busy = Some(until);
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

    /// Whether a `?status=` may reload the account's catalog now (at most every few seconds).
    pub fn allow_status_refresh(&self, account: &str) -> bool {
        let now = Instant::now();
        let mut last = lock(&self.status_refreshed);
        if last
            .get(account)
            .is_some_and(|at| now.duration_since(*at) < STATUS_REFRESH_INTERVAL)
        {
            return false;
        }
        if last.len() >= MAX_KEYS {
            last.retain(|_, at| now.duration_since(*at) < STATUS_REFRESH_INTERVAL);
        }
        last.insert(account.to_owned(), now);
        true
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
pub struct Charge<'a> {
    limits: &'a Limits,
    account: &'a str,
    kept: bool,
}

impl Charge<'_> {
    /// The call was made: the charge stands.
    pub fn keep(mut self) {
        self.kept = true;
    }
}

impl Drop for Charge<'_> {
    fn drop(&mut self) {
        if !self.kept {
            self.limits.accounts.give_back(self.account, 1.0);
        }
    }
}

/// Why a live stream was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StreamRefused {
    #[error(
        "live updates are already open in {0} tabs of this account; close one to follow changes here"
    )]
    TooManyTabs(usize),
    #[error("live updates are unavailable right now: the server has too many open")]
    ServerFull,
}

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
        Arc::new(Limits::new(LimitSettings {
            account_per_minute: 60,
            address_per_minute: 6,
            streams_per_account: 2,
            streams_total: 3,
        }))
    }

    #[test]
    fn a_bucket_empties_refills_and_belongs_to_one_key() {
        let buckets = Buckets::new(60);
        let start = Instant::now();
        for _ in 0..60 {
            assert_eq!(buckets.take("ada", 1.0, start), Ok(()));
        }
        assert_eq!(buckets.take("ada", 1.0, start), Err(1));
        assert_eq!(buckets.take("eve", 1.0, start), Ok(()));
        assert_eq!(
            buckets.take("ada", 1.0, start + Duration::from_secs(1)),
            Ok(())
        );
        assert_eq!(
            buckets.take("ada", 1.0, start + Duration::from_secs(1)),
            Err(1)
        );
    }

    #[test]
    fn costly_requests_spend_more_and_wait_longer() {
        let buckets = Buckets::new(6);
        let start = Instant::now();
        assert_eq!(buckets.take("ada", 4.0, start), Ok(()));
        assert_eq!(buckets.take("ada", 4.0, start), Err(20));
        assert_eq!(buckets.take("ada", 2.0, start), Ok(()));
    }

    #[test]
    fn a_charge_dropped_before_its_call_is_given_back() {
        let limits = limits();
        for _ in 0..30 {
            drop(limits.charge("ada").unwrap());
        }
        for _ in 0..60 {
            limits.charge("ada").unwrap().keep();
        }
        assert!(
            limits.charge("ada").is_err(),
            "kept charges spend the budget"
        );
    }

    #[test]
    fn a_429_stops_calls_until_its_retry_after() {
        let limits = limits();
        assert_eq!(limits.cobalt_busy(), Ok(()));
        limits.cobalt_said_slow_down(Some(Duration::from_secs(7)));
        assert!(
            matches!(limits.cobalt_busy(), Err(AppError::Busy { retry_after }) if (6..=7).contains(&retry_after))
        );
        limits.cobalt_said_slow_down(Some(Duration::from_secs(1)));
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

    #[test]
    fn status_refreshes_are_spaced() {
        let limits = limits();
        assert!(limits.allow_status_refresh("ada"));
        assert!(!limits.allow_status_refresh("ada"));
        assert!(limits.allow_status_refresh("eve"));
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
