//! The account handle: every Cobalt call made for a linked account goes through
//! [`Account`], which owns the account's budget, its session token, its cached catalog and
//! configurations, and their invalidation. So the rules hold by structure: a call is limited,
//! an account Cobalt forgot is upserted once and the call retried once, and a change made
//! through [`Account::change`] is seen by the next read on every instance.

use std::sync::Arc;
use std::time::{Duration, Instant};

use cobalt::{CobaltClient, LinkedAccountPayload, SecretToken};

use super::cache::Cache;
use super::identity::Identity;
use super::state::AppState;
use crate::error::AppError;
use crate::model::IntegrationCard;

/// How long an account's application list (and a configuration) is served from memory. Our
/// own changes (and Cobalt's webhooks) make every instance load it sooner.
pub const CATALOG_TTL: Duration = Duration::from_secs(30);
/// Bound on the accounts held by each cache.
pub const CACHE_CAPACITY: usize = 10_000;
/// Tokens are dropped from the cache this long before the JWT's `exp`.
pub const TOKEN_MARGIN: Duration = Duration::from_secs(5 * 60);
/// Cache lifetime when a token's `exp` cannot be read.
pub const TOKEN_FALLBACK_TTL: Duration = Duration::from_secs(23 * 3600);
/// A browser may force a fresh token at most this often per account, across the fleet.
pub const FORCED_REFRESH_INTERVAL: Duration = Duration::from_secs(60);
/// How long an instance waits for another one minting the same account's token.
const MINT_WAIT: Duration = Duration::from_secs(3);

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

/// The caches in front of Cobalt, each entry under its account's generation.
pub struct Caches {
    catalog: Cache<Arc<Vec<cobalt::Application>>>,
    tokens: Cache<SecretToken>,
    /// Each account's named configurations per app (key: account, newline, slug).
    named_configs: Cache<Arc<Vec<String>>>,
    /// Each account's configurations (key: account, slug and config id, newline-separated).
    configs: Cache<cobalt::Config>,
    /// Each account's last run of every app (see `runs`).
    pub(super) last_runs: Cache<Arc<std::collections::BTreeMap<String, crate::model::LastRun>>>,
    /// Pages of an app's runs, for a few seconds (key: account, slug, filter and page).
    pub(super) runs: Cache<Arc<cobalt::ExecutionPage>>,
    /// Each app's audit log entries (key: account, newline, slug; see `history`).
    pub(super) audit: Cache<Arc<Vec<cobalt::AuditEntry>>>,
}

impl Default for Caches {
    fn default() -> Self {
        Self {
            catalog: Cache::new(CACHE_CAPACITY),
            tokens: Cache::new(CACHE_CAPACITY),
            named_configs: Cache::new(CACHE_CAPACITY),
            configs: Cache::new(CACHE_CAPACITY),
            last_runs: Cache::new(CACHE_CAPACITY),
            runs: Cache::new(CACHE_CAPACITY),
            audit: Cache::new(CACHE_CAPACITY),
        }
    }
}

/// One linked account, for the length of a request. See the module documentation.
#[derive(Clone, Copy)]
pub struct Account<'a> {
    state: &'a AppState,
    identity: &'a Identity,
}

impl<'a> Account<'a> {
    pub(super) fn new(state: &'a AppState, identity: &'a Identity) -> Self {
        Self { state, identity }
    }

    pub fn id(&self) -> &'a str {
        &self.identity.account_id
    }

    pub(super) fn state(&self) -> &'a AppState {
        self.state
    }

    /// Runs `call`, one Cobalt call for the account (given the client and the account id),
    /// within its limits: it spends the account's budget, waits for one of the account's few
    /// turns in flight, and is not sent at all while Cobalt's 429 holds. If Cobalt no longer
    /// knows the linked account (deleted, or another environment), upserts it once and retries
    /// once.
    pub async fn call<T, F, Fut>(&self, call: F) -> Result<T, CallError>
    where
        F: Fn(&'a CobaltClient, &'a str) -> Fut,
        Fut: Future<Output = Result<T, cobalt::CobaltError>>,
    {
        let (cobalt, account) = (&self.state.cobalt, self.id());
        match limited(self.state, account, call(cobalt, account)).await {
            Err(CallError::Cobalt(err)) if err.is_unknown_linked_account() => {
                tracing::info!(
                    account,
                    "linked account unknown to cobalt; upserting it again"
                );
                let upsert = upsert(self.state, account, &self.identity.name, None);
                limited(self.state, account, upsert).await?;
                limited(self.state, account, call(cobalt, account)).await
            }
            other => other,
        }
    }

    /// [`Account::call`] for a call that changes the account's connections or
    /// configurations: whatever its outcome (a failure may still have changed something), the
    /// account's cached reads load afresh on every instance.
    pub async fn change<T, F, Fut>(&self, call: F) -> Result<T, CallError>
    where
        F: Fn(&'a CobaltClient, &'a str) -> Fut,
        Fut: Future<Output = Result<T, cobalt::CobaltError>>,
    {
        let result = self.call(call).await;
        self.changed().await;
        result
    }

    /// Cobalt changed behind our caches (a webhook, the return from a connection): every
    /// instance's next read of this account loads afresh.
    pub async fn changed(&self) {
        changed(self.state, self.id()).await;
    }

    /// The account's applications, from the cache or from Cobalt (one call for concurrent
    /// misses).
    pub async fn applications(&self) -> Result<Arc<Vec<cobalt::Application>>, AppError> {
        let generation = self.state.shared.generation(self.id()).await;
        self.state
            .caches
            .catalog
            .get_or_load(self.id(), generation, async {
                let apps = self.call(|cobalt, id| cobalt.list_applications(id)).await?;
                Ok::<_, CallError>((Arc::new(apps), Instant::now() + CATALOG_TTL))
            })
            .await
            .map_err(AppError::from)
    }

    /// The marketplace cards of the account, in marketplace order, unfinished setups told
    /// apart.
    pub async fn cards(&self) -> Result<Vec<IntegrationCard>, AppError> {
        let mut cards: Vec<_> = self
            .applications()
            .await?
            .iter()
            .filter_map(IntegrationCard::from_application)
            .collect();
        let statuses = cards
            .iter()
            .map(|card| self.with_setup(&card.slug, card.status));
        let statuses = futures::future::join_all(statuses).await;
        for (card, status) in cards.iter_mut().zip(statuses) {
            card.status = status;
        }
        crate::model::sort_cards(&mut cards);
        Ok(cards)
    }

    /// The names of the account's named configurations of the app.
    pub async fn named_configs(&self, slug: &str) -> Result<Arc<Vec<String>>, AppError> {
        let generation = self.state.shared.generation(self.id()).await;
        let key = format!("{}\n{slug}", self.id());
        self.state
            .caches
            .named_configs
            .get_or_load(&key, generation, async {
                let ids = self
                    .call(|cobalt, id| cobalt.list_config_ids(id, slug))
                    .await?;
                let named = ids
                    .into_iter()
                    .map(|r| r.config_id)
                    .filter(|id| id != self.id())
                    .collect();
                Ok::<_, CallError>((Arc::new(named), Instant::now() + CATALOG_TTL))
            })
            .await
            .map_err(AppError::from)
    }

    /// The account's configuration of the app (`None`: the default one), created from the
    /// app's template if missing; cached, so a page that shows it twice asks Cobalt once.
    /// Unchecked: the caller makes sure a named one is the account's own.
    pub async fn config(
        &self,
        slug: &str,
        config_id: Option<&str>,
    ) -> Result<cobalt::Config, AppError> {
        let generation = self.state.shared.generation(self.id()).await;
        let key = format!("{}\n{slug}\n{}", self.id(), config_id.unwrap_or_default());
        let payload = cobalt::ConfigPayload {
            config_id: config_id.map(str::to_owned),
            ..super::setup::default_config(slug)
        };
        self.state
            .caches
            .configs
            .get_or_load(&key, generation, async {
                let config = self
                    .call(|cobalt, id| cobalt.find_or_create_config(id, &payload))
                    .await?;
                Ok::<_, CallError>((config, Instant::now() + CATALOG_TTL))
            })
            .await
            .map_err(AppError::from)
    }

    /// The session token of the account (seed step 3), cached until shortly before it
    /// expires and shared by every instance, minted by one of them on a miss. `force` mints a
    /// new one (after the browser met a 401), at most once a minute per account across the
    /// fleet; a refused one reads the shared token, which another instance may have renewed.
    pub async fn session_token(&self, force: bool) -> Result<SecretToken, AppError> {
        let (state, account) = (self.state, self.id());
        let force = force
            && state
                .shared
                .once_per("refresh", account, FORCED_REFRESH_INTERVAL)
                .await;
        if force {
            state.caches.tokens.invalidate(account);
        }
        let generation = state.shared.generation(account).await;
        state
            .caches
            .tokens
            .get_or_load(account, generation, async {
                if !force && let Some(token) = state.shared.token(account).await {
                    let until = expiry(&token);
                    return Ok((token, until));
                }
                let token = self.mint(force).await?;
                let until = expiry(&token);
                if force {
                    // Other instances still hold the token that just failed: their next read
                    // takes the new one.
                    state.shared.changed(account).await;
                }
                Ok::<_, CallError>((token, until))
            })
            .await
            .map_err(AppError::from)
    }

    /// Mints a token and shares it, or waits for the instance minting one right now.
    async fn mint(&self, force: bool) -> Result<SecretToken, CallError> {
        let (shared, account) = (&self.state.shared, self.id());
        if !force && !shared.mint_turn(account).await {
            let deadline = Instant::now() + MINT_WAIT;
            while Instant::now() < deadline {
                tokio::time::sleep(Duration::from_millis(25)).await;
                if let Some(token) = shared.token(account).await {
                    return Ok(token);
                }
            }
        }
        let minted = self
            .call(|cobalt, id| cobalt.session_token(id, force))
            .await;
        if let Ok(token) = &minted {
            // Shared before the turn ends: an instance that missed the token in between would
            // otherwise find no turn taken either, and mint a second one.
            shared.store_token(account, token, expiry(token)).await;
        }
        if !force {
            shared.end_mint_turn(account).await;
        }
        minted
    }

    /// Ends the account's Cobalt session token, if one was handed out, so a copy kept by the
    /// browser (or anyone who took it) stops working. The next page mints a new one.
    pub async fn revoke_session_token(&self) {
        let account = self.id();
        let here = self.state.caches.tokens.remove(account);
        let Some(token) = self.state.shared.forget_token(account).await.or(here) else {
            return;
        };
        // Other instances' copies: their next read misses the shared token.
        self.changed().await;
        if let Err(error) = limited(
            self.state,
            account,
            self.state.cobalt.revoke_session_token(&token),
        )
        .await
        {
            tracing::warn!(?error, "revoking the account's Cobalt session token failed");
        }
    }
}

/// The account's cached reads load afresh on every instance (see [`Account::changed`]), for
/// a change known by account id alone (a webhook).
pub async fn changed(state: &AppState, account: &str) {
    state.shared.changed(account).await;
}

/// The page marks the return from a connection (`?status=`): Cobalt changed behind our
/// caches, so this render reads them afresh, at most every few seconds per app (anyone can
/// add it).
pub async fn refresh_after_return(slug: &str) {
    if let Ok(state) = super::app_state()
        && let Ok(identity) = super::current_identity()
        && state
            .limits
            .allow_status_refresh(&identity.account_id, slug)
            .await
    {
        state.account(&identity).changed().await;
    }
}

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

/// One Cobalt call for `account`, counted and gated by [`super::limits::Limits`].
pub async fn limited<T>(
    state: &AppState,
    account: &str,
    call: impl Future<Output = Result<T, cobalt::CobaltError>>,
) -> Result<T, CallError> {
    let limits = &state.limits;
    limits.cobalt_busy().map_err(CallError::Refused)?;
    let charge = limits.charge(account).await.map_err(CallError::Refused)?;
    let _turn = limits.in_flight_turn(account).await;
    // Another call may have met a 429 while this one waited for its turn.
    limits.cobalt_busy().map_err(CallError::Refused)?;
    let answer = call.await;
    charge.keep();
    match answer {
        Err(err) if err.status().is_some_and(|s| s.as_u16() == 429) => {
            tracing::warn!(error = %err, "cobalt answered 429");
            limits.cobalt_said_slow_down(err.retry_after()).await;
            Err(CallError::Refused(
                limits.cobalt_busy().err().unwrap_or(AppError::Upstream),
            ))
        }
        result => result.map_err(CallError::Cobalt),
    }
}

/// When to stop using `token`: `TOKEN_MARGIN` before its `exp`, or after the fallback TTL.
fn expiry(token: &SecretToken) -> Instant {
    let now_unix = super::identity::now_secs();
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
        let now = super::super::identity::now_secs();
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
