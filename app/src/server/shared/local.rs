//! The in-process backend: the whole shared state of one instance, and what every instance
//! falls back to while Redis is unreachable. Each map is bounded, so a flood of keys cannot
//! grow it without limit.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// Most keys each map keeps; entries that no longer matter are dropped first beyond it.
const MAX_KEYS: usize = 100_000;
/// Most entries each expiring set holds. They only grow by sign-outs, hand-offs and
/// webhooks, which are rate limited, so this is far beyond any real deployment.
const MAX_ENTRIES: usize = 1_000_000;

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // Each operation is a lookup plus an insert or a retain: a poisoned map is consistent.
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Token buckets by key, each refilling `per_minute` a minute continuously; a burst may spend
/// the whole minute's share at once.
#[derive(Default)]
pub struct Buckets {
    buckets: Mutex<HashMap<String, (f64, Instant)>>,
}

impl Buckets {
    /// Takes `cost` from the key's bucket of `per_minute`: `Err(seconds)` until that much is
    /// back. A negative cost gives back what a cancelled call had taken.
    pub fn take(&self, key: &str, per_minute: u32, cost: f64, now: Instant) -> Result<(), u64> {
        let full = f64::from(per_minute);
        let rate = full / 60.0;
        let mut buckets = lock(&self.buckets);
        if buckets.len() >= MAX_KEYS && !buckets.contains_key(key) {
            buckets.retain(|_, (left, at)| {
                *left + now.saturating_duration_since(*at).as_secs_f64() * rate < full
            });
            // Every bucket still in use: this key goes uncounted rather than grow the map.
            if buckets.len() >= MAX_KEYS {
                return Ok(());
            }
        }
        let (left, at) = buckets.entry(key.to_owned()).or_insert((full, now));
        *left = (*left + now.saturating_duration_since(*at).as_secs_f64() * rate).min(full);
        *at = now;
        if *left >= cost {
            *left -= cost;
            Ok(())
        } else {
            Err(((cost - *left) / rate).ceil().max(1.0) as u64)
        }
    }
}

/// Keys that may pass at most once per interval.
#[derive(Default)]
pub struct Gates {
    passed: Mutex<HashMap<String, Instant>>,
}

impl Gates {
    /// Whether `key` may pass now: `false` if it passed less than `interval` ago.
    pub fn pass(&self, key: &str, interval: Duration, now: Instant) -> bool {
        let mut passed = lock(&self.passed);
        if passed
            .get(key)
            .is_some_and(|at| now.saturating_duration_since(*at) < interval)
        {
            return false;
        }
        if passed.len() >= MAX_KEYS {
            passed.retain(|_, at| now.saturating_duration_since(*at) < interval);
        }
        passed.insert(key.to_owned(), now);
        true
    }
}

/// The set is full of live entries: nothing can be recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Full;

/// Keys, each with the Unix second after which it can be forgotten.
#[derive(Default)]
pub struct ExpiringSet {
    entries: Mutex<HashMap<String, u64>>,
}

impl ExpiringSet {
    pub fn contains(&self, key: &str, now: u64) -> bool {
        lock(&self.entries)
            .get(key)
            .is_some_and(|until| *until >= now)
    }

    /// Records `key` until `until`; `Ok(false)` if it was already there.
    pub fn insert(&self, key: &str, until: u64, now: u64) -> Result<bool, Full> {
        let mut entries = lock(&self.entries);
        if entries.get(key).is_some_and(|at| *at >= now) {
            return Ok(false);
        }
        if entries.len() >= MAX_ENTRIES {
            entries.retain(|_, at| *at >= now);
            if entries.len() >= MAX_ENTRIES {
                return Err(Full);
            }
        }
        entries.insert(key.to_owned(), until);
        Ok(true)
    }
}

/// Per-account change counters of this instance. Their values carry the top bit, so they
/// never equal a Redis generation: an entry cached under one is reloaded under the other.
#[derive(Default)]
pub struct Generations {
    counts: Mutex<(u64, HashMap<String, u64>)>,
}

/// Marks a generation counted by this instance.
const LOCAL: u64 = 1 << 63;

impl Generations {
    pub fn get(&self, key: &str) -> u64 {
        let counts = lock(&self.counts);
        LOCAL | (counts.0 << 32) | counts.1.get(key).copied().unwrap_or_default()
    }

    pub fn bump(&self, key: &str) {
        let mut counts = lock(&self.counts);
        if counts.1.len() >= MAX_KEYS && !counts.1.contains_key(key) {
            // Forgetting every count would let an old value come back: a new epoch instead.
            counts.1.clear();
            counts.0 = (counts.0 + 1) & 0x7fff_ffff;
        }
        let count = counts.1.entry(key.to_owned()).or_default();
        *count = (*count + 1) & 0xffff_ffff;
    }
}

/// What to do with a verified webhook event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The first delivery, and nothing newer was applied for its app: apply it.
    Apply,
    /// Handled before (here or on another instance).
    Redelivery,
    /// An event for the same app dated after this one was applied already.
    Stale,
}

/// Webhook de-duplication and ordering: the ids already handled, and per scope (an account's
/// app) the date of the newest event applied.
#[derive(Default)]
pub struct Webhooks {
    seen: ExpiringSet,
    newest: Mutex<HashMap<String, (u64, u64)>>,
}

impl Webhooks {
    /// Records the event `id` of `scope` dated `at` (Unix seconds), remembered until
    /// `remember_until`, and says whether to apply it. Events of the same second are applied
    /// in arrival order.
    pub fn verdict(
        &self,
        id: &str,
        scope: &str,
        at: u64,
        remember_until: u64,
        now: u64,
    ) -> Verdict {
        // A set full of live ids cannot tell a redelivery: applying it again is the safe side
        // (statuses are idempotent), dropping a real event is not.
        if self.seen.insert(id, remember_until, now) == Ok(false) {
            return Verdict::Redelivery;
        }
        let mut newest = lock(&self.newest);
        if newest.get(scope).is_some_and(|(last, _)| *last > at) {
            return Verdict::Stale;
        }
        if newest.len() >= MAX_KEYS {
            newest.retain(|_, (_, until)| *until >= now);
        }
        newest.insert(scope.to_owned(), (at, remember_until));
        Verdict::Apply
    }
}

/// Per-key values with an expiry: the shared session tokens, kept here while Redis is down
/// or absent.
pub struct Expiring<V> {
    values: Mutex<HashMap<String, (V, Instant)>>,
}

impl<V> Default for Expiring<V> {
    fn default() -> Self {
        Self {
            values: Mutex::default(),
        }
    }
}

impl<V: Clone> Expiring<V> {
    pub fn get(&self, key: &str, now: Instant) -> Option<V> {
        lock(&self.values)
            .get(key)
            .filter(|(_, until)| *until > now)
            .map(|(value, _)| value.clone())
    }

    pub fn set(&self, key: &str, value: V, until: Instant, now: Instant) {
        let mut values = lock(&self.values);
        if values.len() >= MAX_KEYS {
            values.retain(|_, (_, at)| *at > now);
        }
        values.insert(key.to_owned(), (value, until));
    }

    pub fn remove(&self, key: &str) -> Option<V> {
        lock(&self.values).remove(key).map(|(value, _)| value)
    }
}

/// The latest of several deadlines: Cobalt's back-off.
#[derive(Default)]
pub struct Deadline {
    until: Mutex<Option<Instant>>,
}

impl Deadline {
    /// Moves the deadline to `until` if that is later; `true` if it moved.
    pub fn extend(&self, until: Instant) -> bool {
        let mut current = lock(&self.until);
        if current.is_none_or(|at| at < until) {
            *current = Some(until);
            return true;
        }
        false
    }

    /// How long is left, if the deadline is still ahead.
    pub fn left(&self, now: Instant) -> Option<Duration> {
        lock(&self.until)
            .filter(|until| *until > now)
            .map(|until| until - now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bucket_empties_refills_and_belongs_to_one_key() {
        let buckets = Buckets::default();
        let start = Instant::now();
        for _ in 0..60 {
            assert_eq!(buckets.take("ada", 60, 1.0, start), Ok(()));
        }
        assert_eq!(buckets.take("ada", 60, 1.0, start), Err(1));
        assert_eq!(buckets.take("eve", 60, 1.0, start), Ok(()));
        let later = start + Duration::from_secs(1);
        assert_eq!(buckets.take("ada", 60, 1.0, later), Ok(()));
        assert_eq!(buckets.take("ada", 60, 1.0, later), Err(1));
        assert_eq!(buckets.take("ada", 60, -1.0, later), Ok(()), "given back");
        assert_eq!(buckets.take("ada", 60, 1.0, later), Ok(()));
    }

    #[test]
    fn costly_requests_spend_more_and_wait_longer() {
        let buckets = Buckets::default();
        let start = Instant::now();
        assert_eq!(buckets.take("ada", 6, 4.0, start), Ok(()));
        assert_eq!(buckets.take("ada", 6, 4.0, start), Err(20));
        assert_eq!(buckets.take("ada", 6, 2.0, start), Ok(()));
    }

    #[test]
    fn a_gate_opens_once_per_interval_per_key() {
        let gates = Gates::default();
        let start = Instant::now();
        let minute = Duration::from_secs(60);
        assert!(gates.pass("ada", minute, start));
        assert!(!gates.pass("ada", minute, start + Duration::from_secs(59)));
        assert!(gates.pass("eve", minute, start));
        assert!(gates.pass("ada", minute, start + minute));
    }

    #[test]
    fn expired_entries_are_forgotten() {
        let set = ExpiringSet::default();
        let now = 1_000;
        assert_eq!(set.insert("a", now - 1, now), Ok(true));
        assert!(!set.contains("a", now));
        assert_eq!(set.insert("a", now + 5, now), Ok(true), "expired is new");
        assert_eq!(set.insert("a", now + 5, now), Ok(false));
        assert!(set.contains("a", now));
    }

    #[test]
    fn a_redelivery_and_an_older_event_are_not_applied() {
        let hooks = Webhooks::default();
        let (now, until) = (1_000, 5_000);
        assert_eq!(
            hooks.verdict("e2", "ada/slack", 20, until, now),
            Verdict::Apply
        );
        assert_eq!(
            hooks.verdict("e2", "ada/slack", 20, until, now),
            Verdict::Redelivery
        );
        assert_eq!(
            hooks.verdict("e1", "ada/slack", 10, until, now),
            Verdict::Stale
        );
        assert_eq!(
            hooks.verdict("e3", "ada/slack", 20, until, now),
            Verdict::Apply,
            "same second"
        );
        assert_eq!(
            hooks.verdict("e4", "ada/hubspot", 10, until, now),
            Verdict::Apply
        );
    }

    #[test]
    fn a_bump_changes_one_keys_generation() {
        let generations = Generations::default();
        let (ada, eve) = (generations.get("ada"), generations.get("eve"));
        generations.bump("ada");
        assert_ne!(generations.get("ada"), ada);
        assert_eq!(generations.get("eve"), eve);
        assert!(generations.get("ada") & LOCAL != 0);
    }

    #[test]
    fn a_deadline_only_moves_later() {
        let deadline = Deadline::default();
        let now = Instant::now();
        assert_eq!(deadline.left(now), None);
        assert!(deadline.extend(now + Duration::from_secs(7)));
        assert!(!deadline.extend(now + Duration::from_secs(1)));
        assert_eq!(deadline.left(now), Some(Duration::from_secs(7)));
    }
}
