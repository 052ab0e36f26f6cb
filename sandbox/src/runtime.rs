//! Runtime switches that tests script through the admin API: injected faults, the rate limit,
//! per-route call counters and the log of webhook deliveries. Never persisted.

use std::collections::{BTreeMap, VecDeque};
use std::time::Instant;

use cobalt::Environment;
use serde::{Deserialize, Serialize};

use crate::auth::AccountScope;

/// How many webhook deliveries the log keeps.
const DELIVERY_LOG: usize = 200;

/// Cobalt's documented limit: 20 requests per second with bursts of 5.
pub const DEFAULT_PER_SECOND: f64 = 20.0;
pub const DEFAULT_BURST: f64 = 5.0;

#[derive(Debug)]
pub struct Runtime {
    faults: Vec<Fault>,
    next_fault_id: u64,
    pub counters: BTreeMap<String, u64>,
    pub rate_limit: RateLimiter,
    deliveries: VecDeque<Delivery>,
    next_delivery_id: u64,
}

impl Default for Runtime {
    fn default() -> Self {
        Self {
            faults: Vec::new(),
            next_fault_id: 1,
            counters: BTreeMap::new(),
            rate_limit: RateLimiter::new(false, DEFAULT_PER_SECOND, DEFAULT_BURST),
            deliveries: VecDeque::new(),
            next_delivery_id: 1,
        }
    }
}

/// What `POST /_sandbox/faults` takes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaultSpec {
    /// A path pattern where `*` matches any run of characters, e.g. `/api/v2/f-sdk/application*`.
    pub path: String,
    /// Only this method (any when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// Answer with this status and a Cobalt error envelope instead of running the route.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// Wait this long before answering (or before the error, with `status`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latency_ms: Option<u64>,
    /// How many matching calls the fault applies to.
    #[serde(default = "one")]
    pub count: u32,
    /// The error message (default: "Injected fault").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Only calls made for this linked account, in the environment of the key that added the
    /// fault (every call when absent). Tests running side by side each fault their own account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub linked_account_id: Option<String>,
}

fn one() -> u32 {
    1
}

/// An active fault and how many calls it still applies to.
#[derive(Debug, Clone, Serialize)]
pub struct Fault {
    pub id: u64,
    #[serde(flatten)]
    pub spec: FaultSpec,
    pub remaining: u32,
    /// Where a scoped fault's account lives: the environment of the key that added it.
    #[serde(skip)]
    pub environment: Environment,
}

impl Fault {
    /// Whether the fault is scoped to `account`.
    fn is_for(&self, account: &AccountScope) -> bool {
        self.environment == account.environment
            && self.spec.linked_account_id.as_deref() == Some(account.account_id.as_str())
    }

    /// Whether a call of `method` to `path`, made for `account` (if the call names one), meets
    /// this fault.
    fn applies(&self, method: &str, path: &str, account: Option<&AccountScope>) -> bool {
        self.spec
            .method
            .as_deref()
            .is_none_or(|wanted| wanted.eq_ignore_ascii_case(method))
            && glob_match(&self.spec.path, path)
            && (self.spec.linked_account_id.is_none()
                || account.is_some_and(|account| self.is_for(account)))
    }
}

/// One webhook delivery (all attempts of one event to one URL).
#[derive(Debug, Clone, Serialize)]
pub struct Delivery {
    pub id: u64,
    pub url: String,
    pub event: String,
    pub slug: String,
    pub linked_account_id: String,
    pub attempts: u32,
    /// `pending`, `delivered` or `failed`.
    pub status: &'static str,
    pub last_status: Option<u16>,
    pub last_error: Option<String>,
}

impl Runtime {
    /// Adds a fault; `environment` (the admin key's) scopes it if it names an account.
    pub fn add_fault(&mut self, spec: FaultSpec, environment: Environment) -> Fault {
        let fault = Fault {
            id: self.next_fault_id,
            remaining: spec.count,
            spec,
            environment,
        };
        self.next_fault_id += 1;
        self.faults.push(fault.clone());
        fault
    }

    pub fn faults(&self) -> &[Fault] {
        &self.faults
    }

    /// Clears the faults scoped to `account`, or every fault; answers how many went.
    pub fn clear_faults(&mut self, account: Option<&AccountScope>) -> usize {
        let before = self.faults.len();
        match account {
            Some(account) => self.faults.retain(|fault| !fault.is_for(account)),
            None => self.faults.clear(),
        }
        before - self.faults.len()
    }

    /// The first fault matching the call, used up by one. `account` is the linked account the
    /// call is made for, if its credentials name one; only unscoped faults meet the others.
    pub fn take_fault(
        &mut self,
        method: &str,
        path: &str,
        account: Option<&AccountScope>,
    ) -> Option<FaultSpec> {
        let index = self
            .faults
            .iter()
            .position(|fault| fault.applies(method, path, account))?;
        let fault = &mut self.faults[index];
        fault.remaining = fault.remaining.saturating_sub(1);
        let spec = fault.spec.clone();
        if fault.remaining == 0 {
            self.faults.remove(index);
        }
        Some(spec)
    }

    pub fn count(&mut self, route: String) {
        *self.counters.entry(route).or_default() += 1;
    }

    pub fn start_delivery(&mut self, url: &str, event: &str, slug: &str, account_id: &str) -> u64 {
        let id = self.next_delivery_id;
        self.next_delivery_id += 1;
        if self.deliveries.len() == DELIVERY_LOG {
            self.deliveries.pop_front();
        }
        self.deliveries.push_back(Delivery {
            id,
            url: url.to_owned(),
            event: event.to_owned(),
            slug: slug.to_owned(),
            linked_account_id: account_id.to_owned(),
            attempts: 0,
            status: "pending",
            last_status: None,
            last_error: None,
        });
        id
    }

    pub fn delivery_mut(&mut self, id: u64) -> Option<&mut Delivery> {
        self.deliveries
            .iter_mut()
            .find(|delivery| delivery.id == id)
    }

    pub fn deliveries(&self) -> impl Iterator<Item = &Delivery> {
        self.deliveries.iter()
    }
}

/// Whether `text` matches `pattern`, where `*` stands for any run of characters.
pub fn glob_match(pattern: &str, text: &str) -> bool {
    let mut parts = pattern.split('*');
    let Some(first) = parts.next() else {
        return text.is_empty();
    };
    let Some(mut rest) = text.strip_prefix(first) else {
        return false;
    };
    let parts: Vec<&str> = parts.collect();
    let Some((last, middle)) = parts.split_last() else {
        return rest.is_empty();
    };
    for part in middle {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.len() >= last.len() && rest.ends_with(last)
}

/// A token bucket: `burst` calls at once, refilled at `per_second`.
#[derive(Debug, Clone)]
pub struct RateLimiter {
    pub enabled: bool,
    pub per_second: f64,
    pub burst: f64,
    tokens: f64,
    last: Instant,
}

/// What `GET`/`PUT /_sandbox/rate-limit` exchange.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateLimitSettings {
    pub enabled: bool,
    #[serde(default = "default_per_second")]
    pub per_second: f64,
    #[serde(default = "default_burst")]
    pub burst: f64,
}

fn default_per_second() -> f64 {
    DEFAULT_PER_SECOND
}

fn default_burst() -> f64 {
    DEFAULT_BURST
}

impl RateLimiter {
    pub fn new(enabled: bool, per_second: f64, burst: f64) -> Self {
        Self {
            enabled,
            per_second,
            burst,
            tokens: burst,
            last: Instant::now(),
        }
    }

    pub fn settings(&self) -> RateLimitSettings {
        RateLimitSettings {
            enabled: self.enabled,
            per_second: self.per_second,
            burst: self.burst,
        }
    }

    /// Takes one token, or says in how many whole seconds to retry.
    pub fn check(&mut self, now: Instant) -> Result<(), u64> {
        if !self.enabled {
            return Ok(());
        }
        let elapsed = now.saturating_duration_since(self.last).as_secs_f64();
        self.last = now;
        self.tokens = (self.tokens + elapsed * self.per_second).min(self.burst);
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            Ok(())
        } else {
            let wait = (1.0 - self.tokens) / self.per_second;
            Err(wait.ceil().max(1.0) as u64)
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn scope(account_id: &str) -> AccountScope {
        AccountScope {
            environment: Environment::Test,
            account_id: account_id.into(),
        }
    }

    #[test]
    fn globs_match_prefixes_suffixes_and_middles() {
        assert!(glob_match("/api/*", "/api/v2/public/application"));
        assert!(glob_match("*/application", "/api/v2/public/application"));
        assert!(glob_match(
            "/api/*/application*",
            "/api/v2/f-sdk/application/slack"
        ));
        assert!(glob_match("/exact", "/exact"));
        assert!(!glob_match("/exact", "/exact/more"));
        assert!(!glob_match("/api/*/config", "/api/v2/public/application"));
        assert!(glob_match("*", ""));
        assert!(!glob_match("/a*a", "/a"));
    }

    #[test]
    fn a_fault_applies_to_exactly_count_calls() {
        let mut runtime = Runtime::default();
        let spec = FaultSpec {
            path: "/api/*".into(),
            method: Some("get".into()),
            status: Some(503),
            latency_ms: None,
            count: 2,
            message: None,
            linked_account_id: None,
        };
        runtime.add_fault(spec, Environment::Test);
        assert!(runtime.take_fault("POST", "/api/x", None).is_none());
        assert!(runtime.take_fault("GET", "/api/x", None).is_some());
        assert!(
            runtime
                .take_fault("GET", "/api/y", Some(&scope("a")))
                .is_some()
        );
        assert!(runtime.take_fault("GET", "/api/z", None).is_none());
        assert!(runtime.faults().is_empty());
    }

    #[test]
    fn a_scoped_fault_meets_only_its_accounts_calls_in_its_environment() {
        let mut runtime = Runtime::default();
        runtime.add_fault(
            FaultSpec::error("/api/*", 500).for_account("a"),
            Environment::Test,
        );
        let production = AccountScope {
            environment: Environment::Production,
            ..scope("a")
        };
        assert!(runtime.take_fault("GET", "/api/x", None).is_none());
        assert!(
            runtime
                .take_fault("GET", "/api/x", Some(&scope("b")))
                .is_none()
        );
        assert!(
            runtime
                .take_fault("GET", "/api/x", Some(&production))
                .is_none()
        );
        assert!(
            runtime
                .take_fault("GET", "/api/x", Some(&scope("a")))
                .is_some()
        );
        assert!(runtime.faults().is_empty());
    }

    #[test]
    fn the_rate_limiter_allows_a_burst_then_refills() {
        let start = Instant::now();
        let mut limiter = RateLimiter::new(true, 20.0, 5.0);
        for _ in 0..5 {
            assert!(limiter.check(start).is_ok());
        }
        assert_eq!(limiter.check(start), Err(1));
        assert!(limiter.check(start + Duration::from_millis(60)).is_ok());
    }

    #[test]
    fn a_disabled_rate_limiter_never_refuses() {
        let now = Instant::now();
        let mut limiter = RateLimiter::new(false, 1.0, 1.0);
        assert!((0..100).all(|_| limiter.check(now).is_ok()));
    }
}
