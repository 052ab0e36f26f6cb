//! How long to wait before trying a call again: jittered exponential backoff, `Retry-After`,
//! and the caps that bound both. Pure arithmetic; the client decides *whether* a call may retry.

use std::hash::{BuildHasher, RandomState};
use std::time::{Duration, Instant};

use reqwest::header::{HeaderMap, RETRY_AFTER};

/// The limits of [`super::ClientConfig`] that govern retries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct RetryPolicy {
    pub max_retries: u32,
    pub initial_backoff: Duration,
    pub max_backoff: Duration,
    pub max_total_backoff: Duration,
}

impl RetryPolicy {
    /// The wait before the next attempt, given how many retries were made and how long was
    /// already spent waiting; `None` once the retries or the waiting budget are spent.
    ///
    /// `Retry-After` wins over the backoff (Cobalt knows its own limits) but is capped like it,
    /// so a server cannot park a request for minutes. `jitter` is in `[0, 1)`.
    pub fn delay(
        &self,
        retries_done: u32,
        retry_after: Option<Duration>,
        waited: Duration,
        jitter: f64,
    ) -> Option<Duration> {
        if retries_done >= self.max_retries {
            return None;
        }
        let delay = match retry_after {
            Some(wait) => wait.min(self.max_backoff),
            None => {
                let ceiling = self
                    .initial_backoff
                    .saturating_mul(2_u32.saturating_pow(retries_done))
                    .min(self.max_backoff);
                // "Equal jitter": at least half the exponential step, so retries still back
                // off, and a random rest, so clients that failed together do not retry together.
                let half = ceiling / 2;
                half + half.mul_f64(jitter.clamp(0.0, 1.0))
            }
        };
        (waited.saturating_add(delay) <= self.max_total_backoff).then_some(delay)
    }
}

/// A number in `[0, 1)` that differs from call to call.
pub(super) fn jitter() -> f64 {
    // `RandomState` is randomly keyed per process and re-keyed per instance: plenty to spread
    // retries, without a dependency on a random number generator.
    let bits = RandomState::new().hash_one(Instant::now());
    (bits >> 11) as f64 / (1_u64 << 53) as f64
}

/// `Retry-After` in seconds. The HTTP-date form is ignored (the backoff applies instead):
/// Cobalt documents neither, and rate limiters send seconds.
pub(super) fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let seconds = headers
        .get(RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()?;
    Some(Duration::from_secs(seconds))
}

#[cfg(test)]
mod tests {
    use reqwest::header::HeaderValue;

    use super::*;

    const POLICY: RetryPolicy = RetryPolicy {
        max_retries: 3,
        initial_backoff: Duration::from_millis(100),
        max_backoff: Duration::from_millis(300),
        max_total_backoff: Duration::from_millis(500),
    };

    #[test]
    fn backoff_doubles_with_jitter_between_half_and_the_whole_step() {
        let zero = Duration::ZERO;
        assert_eq!(
            POLICY.delay(0, None, zero, 0.0),
            Some(Duration::from_millis(50))
        );
        assert_eq!(
            POLICY.delay(0, None, zero, 1.0),
            Some(Duration::from_millis(100))
        );
        assert_eq!(
            POLICY.delay(1, None, zero, 0.0),
            Some(Duration::from_millis(100))
        );
        assert_eq!(
            POLICY.delay(1, None, zero, 0.5),
            Some(Duration::from_millis(150))
        );
    }

    #[test]
    fn backoff_is_capped_at_max_backoff() {
        let delay = POLICY.delay(2, None, Duration::ZERO, 1.0);
        assert_eq!(delay, Some(Duration::from_millis(300)));
    }

    #[test]
    fn retry_after_replaces_the_backoff_and_is_capped() {
        let zero = Duration::ZERO;
        let short = Some(Duration::from_millis(200));
        assert_eq!(POLICY.delay(0, short, zero, 0.9), short);
        let long = Some(Duration::from_secs(120));
        assert_eq!(
            POLICY.delay(0, long, zero, 0.0),
            Some(Duration::from_millis(300))
        );
    }

    #[test]
    fn no_delay_once_the_retries_are_spent() {
        assert_eq!(POLICY.delay(3, None, Duration::ZERO, 0.0), None);
    }

    #[test]
    fn no_delay_when_it_would_overrun_the_total_budget() {
        let waited = Duration::from_millis(450);
        assert_eq!(POLICY.delay(1, None, waited, 0.0), None);
        assert_eq!(
            POLICY.delay(0, None, waited, 0.0),
            Some(Duration::from_millis(50))
        );
    }

    #[test]
    fn jitter_stays_in_the_unit_interval() {
        for _ in 0..1000 {
            let value = jitter();
            assert!((0.0..1.0).contains(&value), "{value}");
        }
    }

    #[test]
    fn retry_after_reads_seconds_and_ignores_dates() {
        let mut headers = HeaderMap::new();
        assert_eq!(retry_after(&headers), None);
        headers.insert(RETRY_AFTER, HeaderValue::from_static(" 2 "));
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(2)));
        headers.insert(
            RETRY_AFTER,
            HeaderValue::from_static("Wed, 21 Oct 2015 07:28:00 GMT"),
        );
        assert_eq!(retry_after(&headers), None);
    }
}
