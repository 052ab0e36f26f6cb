//! Linked accounts and their session tokens.

use std::time::{Duration, Instant};

use cobalt::{LinkedAccountPayload, SecretToken};

use super::AppState;
use super::identity::Identity;
use crate::error::AppError;

/// Tokens are dropped from the cache this long before the JWT's `exp`.
pub const TOKEN_MARGIN: Duration = Duration::from_secs(5 * 60);
/// Cache lifetime when a token's `exp` cannot be read.
pub const TOKEN_FALLBACK_TTL: Duration = Duration::from_secs(23 * 3600);
/// A browser may force a fresh token at most this often per account.
pub const FORCED_REFRESH_INTERVAL: Duration = Duration::from_secs(60);

/// Creates or updates the linked account (seed step 1), with the email in `udf`.
pub async fn upsert(
    state: &AppState,
    account_id: &str,
    name: &str,
    email: Option<&str>,
) -> Result<(), cobalt::CobaltError> {
    let udf = email.map(|email| {
        std::iter::once((
            "email".to_owned(),
            serde_json::Value::String(email.to_owned()),
        ))
        .collect()
    });
    let payload = LinkedAccountPayload {
        linked_account_id: Some(account_id.to_owned()),
        name: Some(name.to_owned()),
        udf,
        your_app: None,
        payload: None,
    };
    state
        .cobalt
        .upsert_linked_account(&payload)
        .await
        .map(|_| ())
}

/// The session token of the account (seed step 3), cached until shortly before it expires.
/// `force` mints a new one (after the browser met a 401), at most once a minute per account.
pub async fn session_token(
    state: &AppState,
    identity: &Identity,
    force: bool,
) -> Result<SecretToken, AppError> {
    let account = identity.account_id.as_str();
    // A refused forced refresh is an ordinary read: the cached token, if any, answers it.
    let force = force && allow_forced_refresh(state, account);
    if force {
        state.caches.tokens.invalidate(account);
    }
    state
        .caches
        .tokens
        .get_or_load(account, async {
            let token = state
                .with_account(identity, || state.cobalt.session_token(account, force))
                .await?;
            let expires = expiry(&token);
            Ok::<_, super::CallError>((token, expires))
        })
        .await
        .map_err(AppError::from)
}

/// Ends the account's Cobalt session token, if one was handed out, so a copy kept by the
/// browser (or anyone who took it) stops working. The next page mints a new one.
pub async fn revoke_session_token(state: &AppState, account: &str) {
    let Some(token) = state.caches.tokens.remove(account) else {
        return;
    };
    if let Err(error) = state
        .limited(account, state.cobalt.revoke_session_token(&token))
        .await
    {
        tracing::warn!(?error, "revoking the account's Cobalt session token failed");
    }
}

fn allow_forced_refresh(state: &AppState, account: &str) -> bool {
    let mut last = state
        .caches
        .forced_refresh
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let now = Instant::now();
    if last
        .get(account)
        .is_some_and(|at| now.duration_since(*at) < FORCED_REFRESH_INTERVAL)
    {
        return false;
    }
    if last.len() >= super::state::CACHE_CAPACITY {
        last.retain(|_, at| now.duration_since(*at) < FORCED_REFRESH_INTERVAL);
    }
    last.insert(account.to_owned(), now);
    true
}

/// When to stop using `token`: `TOKEN_MARGIN` before its `exp`, or after the fallback TTL.
fn expiry(token: &SecretToken) -> Instant {
    let now_unix = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    match jwt_exp(token.expose()) {
        Some(exp) if exp > now_unix => {
            Instant::now() + Duration::from_secs(exp - now_unix).saturating_sub(TOKEN_MARGIN)
        }
        Some(_) => Instant::now(),
        None => Instant::now() + TOKEN_FALLBACK_TTL,
    }
}

/// The `exp` claim of a JWT, read without verifying it (only our cache lifetime depends on it).
fn jwt_exp(token: &str) -> Option<u64> {
    use base64::Engine;
    let payload = token.split('.').nth(1)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload)
        .ok()?;
    serde_json::from_slice::<serde_json::Value>(&bytes)
        .ok()?
        .get("exp")?
        .as_u64()
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;

    fn jwt(claims: &str) -> String {
        let b64 = |s: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s);
        format!("{}.{}.sig", b64(r#"{"alg":"HS256"}"#), b64(claims))
    }

    #[test]
    fn the_exp_claim_is_read_from_the_token() {
        assert_eq!(jwt_exp(&jwt(r#"{"exp":1700000000}"#)), Some(1_700_000_000));
        assert_eq!(jwt_exp(&jwt(r#"{"iat":1}"#)), None);
        assert_eq!(jwt_exp("opaque-token"), None);
    }

    #[test]
    fn tokens_are_kept_until_five_minutes_before_exp_or_23_hours() {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs();
        let in_an_hour = SecretToken::from(jwt(&format!(r#"{{"exp":{}}}"#, now + 3600)));
        let kept = expiry(&in_an_hour).duration_since(Instant::now());
        assert!(
            kept <= Duration::from_secs(3300) && kept > Duration::from_secs(3290),
            "{kept:?}"
        );
        let opaque = SecretToken::from("opaque".to_owned());
        let kept = expiry(&opaque).duration_since(Instant::now());
        assert!(kept > Duration::from_secs(22 * 3600), "{kept:?}");
    }
}
