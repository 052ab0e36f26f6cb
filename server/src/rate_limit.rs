//! A per-account limit on server-function calls (`POST /api/…`): each account has a bucket
//! of `RATE_LIMIT_PER_MINUTE` calls that refills continuously. An empty bucket answers 429
//! with `Retry-After` and the error the page shows ("please wait N seconds"). Calls without a
//! session are not counted: they are refused anyway.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

use app::error::AppError;
use app::server::{AppState, identity};
use axum::{
    extract::{Request, State},
    http::{HeaderValue, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

/// Most accounts whose buckets are kept; full buckets are dropped first beyond it.
const MAX_ACCOUNTS: usize = 100_000;

/// The accounts' buckets: calls left and when that was counted.
pub struct RateLimiter {
    per_minute: f64,
    buckets: Mutex<HashMap<String, (f64, Instant)>>,
}

impl RateLimiter {
    pub fn new(per_minute: u32) -> Self {
        Self {
            per_minute: f64::from(per_minute),
            buckets: Mutex::default(),
        }
    }

    /// Takes one call from the account's bucket: `Err(seconds)` until one is back.
    pub fn take(&self, account: &str, now: Instant) -> Result<(), u64> {
        let rate = self.per_minute / 60.0;
        let mut buckets = self
            .buckets
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if buckets.len() >= MAX_ACCOUNTS && !buckets.contains_key(account) {
            let full = self.per_minute;
            buckets.retain(|_, (left, at)| {
                *left + now.saturating_duration_since(*at).as_secs_f64() * rate < full
            });
            // Every bucket still in use: this account goes uncounted rather than grow the map.
            if buckets.len() >= MAX_ACCOUNTS {
                return Ok(());
            }
        }
        let (left, at) = buckets
            .entry(account.to_owned())
            .or_insert((self.per_minute, now));
        *left =
            (*left + now.saturating_duration_since(*at).as_secs_f64() * rate).min(self.per_minute);
        *at = now;
        if *left >= 1.0 {
            *left -= 1.0;
            Ok(())
        } else {
            Err(((1.0 - *left) / rate).ceil().max(1.0) as u64)
        }
    }
}

/// The middleware: counts the server-function calls of signed-in accounts.
pub async fn limit(
    State((state, limiter)): State<(AppState, std::sync::Arc<RateLimiter>)>,
    request: Request,
    next: Next,
) -> Response {
    // Only server functions are counted, so only their cookie is read.
    let account = request
        .uri()
        .path()
        .starts_with("/api/")
        .then(|| identity::read(&state.config, request.headers()))
        .flatten();
    if let Some(identity) = account
        && let Err(retry_after) = limiter.take(&identity.account_id, Instant::now())
    {
        tracing::info!(retry_after, "server-function rate limit reached");
        let body =
            serde_json::to_string(&AppError::RateLimited { retry_after }).unwrap_or_default();
        let mut response = (
            StatusCode::TOO_MANY_REQUESTS,
            [(header::CONTENT_TYPE, "application/json")],
            body,
        )
            .into_response();
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(retry_after));
        return response;
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn a_bucket_empties_refills_and_belongs_to_one_account() {
        let limiter = RateLimiter::new(60);
        let start = Instant::now();
        for _ in 0..60 {
            assert_eq!(limiter.take("ada", start), Ok(()));
        }
        assert_eq!(limiter.take("ada", start), Err(1));
        assert_eq!(limiter.take("eve", start), Ok(()));
        assert_eq!(limiter.take("ada", start + Duration::from_secs(1)), Ok(()));
        assert_eq!(limiter.take("ada", start + Duration::from_secs(1)), Err(1));
    }

    #[test]
    fn the_wait_is_the_time_until_one_call_is_back() {
        let limiter = RateLimiter::new(6);
        let start = Instant::now();
        for _ in 0..6 {
            limiter.take("ada", start).unwrap();
        }
        assert_eq!(limiter.take("ada", start), Err(10));
    }
}
