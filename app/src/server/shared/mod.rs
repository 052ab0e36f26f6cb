//! The one home of the state that instances of the tab share: budgets and gates, revoked
//! sessions and spent embed tokens, webhook de-duplication and ordering, the per-account
//! catalog generation, session tokens, Cobalt's back-off, and the live fan-out.
//!
//! Two backends. In-process ([`local`], the embedded default, nothing to install) serves one
//! instance alone. With `REDIS_URL`, Redis ([`redis`]) is the shared truth; each instance still
//! keeps its in-process state, which answers while Redis is unreachable (each instance then
//! stands alone until Redis is back, see [`Health`]).

pub mod local;
mod redis;

use std::time::{Duration, Instant};

use cobalt::SecretToken;
use cookie::{Cookie, CookieJar, Key};
use futures::stream::BoxStream;
use serde::{Deserialize, Serialize};
use tokio::sync::broadcast;

use self::local::{Buckets, Deadline, Expiring, ExpiringSet, Gates, Generations, Webhooks};
pub use self::local::{Full, Verdict};
use self::redis::{Expiry, Redis};
use super::identity::now_secs;
use super::live::{self, LiveEvent};
use crate::model::StatusUpdate;

/// The pub/sub channel every instance listens on (under the key prefix).
const CHANNEL: &str = "live";
/// How long a catalog generation is kept after its last change: far beyond any cache TTL.
const GENERATION_KEEP: Duration = Duration::from_secs(24 * 3600);
/// Most sessions remembered as not revoked; the memory starts over beyond it.
const CLEAN_SESSIONS: usize = 100_000;
/// How long one instance may hold the turn to mint an account's session token.
const MINT_TURN: Duration = Duration::from_secs(5);

/// The budgets requests spend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Budget {
    /// Per linked account: requests and the Cobalt calls they make.
    Account,
    /// Per client address: sign-up, the embed hand-off, refused webhooks.
    Address,
}

impl Budget {
    fn name(self) -> &'static str {
        match self {
            Self::Account => "account",
            Self::Address => "address",
        }
    }
}

/// Whether shared state is shared right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Health {
    /// No `REDIS_URL`: one instance, in-process state.
    Alone,
    /// Redis answers.
    Up,
    /// Redis is configured but unreachable: this instance runs on its own state meanwhile.
    Down,
}

/// What instances tell each other.
#[derive(Debug, Serialize, Deserialize)]
struct Wire {
    /// The sender, so an instance skips what it sent itself (it delivered it already).
    from: String,
    #[serde(flatten)]
    message: Message,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Message {
    Status {
        account: String,
        update: StatusUpdate,
    },
    Revoked {
        sid: String,
        until: u64,
    },
    Busy {
        millis: u64,
    },
}

/// See the module documentation.
pub struct Shared {
    redis: Option<Redis>,
    instance: String,
    /// Seals session tokens at rest in Redis (derived from `COOKIE_KEY`).
    token_key: Key,
    accounts: Buckets,
    addresses: Buckets,
    gates: Gates,
    revoked: ExpiringSet,
    spent_embed_tokens: ExpiringSet,
    webhooks: Webhooks,
    tokens: Expiring<SecretToken>,
    generations: Generations,
    cobalt_busy: Deadline,
    ended_sessions: broadcast::Sender<String>,
    /// Sessions Redis said were not revoked, with the subscription epoch they were asked in.
    clean_sessions: std::sync::Mutex<std::collections::HashMap<String, u64>>,
    live: live::Local,
}

impl Shared {
    fn build(redis: Option<Redis>, cookie_key: &[u8]) -> Self {
        Self {
            redis,
            instance: super::config::random_hex(8).unwrap_or_else(|_| format!("{}", now_secs())),
            token_key: derive_key(cookie_key, b"shared session tokens"),
            accounts: Buckets::default(),
            addresses: Buckets::default(),
            gates: Gates::default(),
            revoked: ExpiringSet::default(),
            spent_embed_tokens: ExpiringSet::default(),
            webhooks: Webhooks::default(),
            tokens: Expiring::default(),
            generations: Generations::default(),
            cobalt_busy: Deadline::default(),
            ended_sessions: broadcast::Sender::new(256),
            clean_sessions: std::sync::Mutex::default(),
            live: live::Local::default(),
        }
    }

    /// The embedded default: everything in this process.
    pub fn in_process() -> std::sync::Arc<Self> {
        std::sync::Arc::new(Self::build(None, b"in-process state seals nothing at rest"))
    }

    /// Shared through the Redis at `url`, keys under `prefix`; connects and subscribes in the
    /// background (must be called within a Tokio runtime).
    pub fn with_redis(
        url: &str,
        prefix: &str,
        cookie_key: &[u8],
    ) -> Result<std::sync::Arc<Self>, String> {
        let redis = Redis::new(url, prefix).map_err(|error| error.to_string())?;
        let shared = std::sync::Arc::new(Self::build(Some(redis), cookie_key));
        let background = shared.clone();
        tokio::spawn(async move {
            let Some(redis) = background.redis.as_ref() else {
                return;
            };
            redis.connect().await;
            redis
                .listen(
                    CHANNEL,
                    |payload| background.heard(payload),
                    // Tabs already open (Redis came up late, or came back) may have missed
                    // changes; at start there are none.
                    || background.live.resync(),
                )
                .await;
        });
        Ok(shared)
    }

    pub fn health(&self) -> Health {
        match &self.redis {
            None => Health::Alone,
            Some(redis) if redis.is_up() => Health::Up,
            Some(_) => Health::Down,
        }
    }

    /// Whether state is shared with other instances (Redis configured, up or not).
    pub fn is_shared(&self) -> bool {
        self.redis.is_some()
    }

    /// Takes `cost` from the key's budget of `per_minute`: `Err(seconds)` until it is back.
    pub async fn take(
        &self,
        budget: Budget,
        key: &str,
        per_minute: u32,
        cost: f64,
    ) -> Result<(), u64> {
        if let Some(redis) = &self.redis
            && let Ok(verdict) = redis
                .take(&format!("bucket:{}:{key}", budget.name()), per_minute, cost)
                .await
        {
            return verdict;
        }
        self.buckets(budget)
            .take(key, per_minute, cost, Instant::now())
    }

    /// Gives one back to the key's budget (a call spent for but never made). Alone at once;
    /// shared a moment later, as the caller (a `Drop`) cannot wait.
    pub fn give_back(self: &std::sync::Arc<Self>, budget: Budget, key: &str, per_minute: u32) {
        if self.redis.is_none() {
            let _ = self
                .buckets(budget)
                .take(key, per_minute, -1.0, Instant::now());
            return;
        }
        let (shared, key) = (self.clone(), key.to_owned());
        tokio::spawn(async move {
            let _ = shared.take(budget, &key, per_minute, -1.0).await;
        });
    }

    fn buckets(&self, budget: Budget) -> &Buckets {
        match budget {
            Budget::Account => &self.accounts,
            Budget::Address => &self.addresses,
        }
    }

    /// Whether `key` may pass `gate` now, at most once per `interval` across the fleet.
    pub async fn once_per(&self, gate: &str, key: &str, interval: Duration) -> bool {
        if let Some(redis) = &self.redis
            && let Ok(passed) = redis
                .set_new(&format!("gate:{gate}:{key}"), b"1", Expiry::In(interval))
                .await
        {
            return passed;
        }
        self.gates
            .pass(&format!("{gate}\n{key}"), interval, Instant::now())
    }

    /// Whether the session `sid` was signed out, on any instance. Redis is asked once per
    /// session while subscribed: later sign-outs arrive as messages.
    pub async fn is_revoked(&self, sid: &str) -> bool {
        if self.revoked.contains(sid, now_secs()) {
            return true;
        }
        let Some(redis) = &self.redis else {
            return false;
        };
        let epoch = redis.listening();
        if epoch.is_some()
            && self
                .clean_sessions
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .get(sid)
                == epoch.as_ref()
        {
            return false;
        }
        let revoked = redis.exists(&format!("revoked:{sid}")).await;
        if let (Ok(false), Some(epoch)) = (revoked, epoch) {
            let mut clean = self
                .clean_sessions
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if clean.len() >= CLEAN_SESSIONS {
                clean.clear();
            }
            clean.insert(sid.to_owned(), epoch);
        }
        revoked.unwrap_or(false)
    }

    /// Signs the session out everywhere: its cookie is refused from now until it would have
    /// expired (`until`), and its live streams end on every instance.
    pub async fn revoke(&self, sid: &str, until: u64) -> Result<(), Full> {
        self.revoked.insert(sid, until, now_secs())?;
        let _ = self.ended_sessions.send(sid.to_owned());
        if let Some(redis) = &self.redis {
            let _ = redis
                .set(&format!("revoked:{sid}"), b"1", Expiry::At(until))
                .await;
        }
        self.publish(Message::Revoked {
            sid: sid.to_owned(),
            until,
        })
        .await;
        Ok(())
    }

    /// Ids of sessions revoked from now on (here or on another instance), for streams that
    /// must end with their session. A receiver that lags asks [`Shared::is_revoked`] instead.
    pub fn revocations(&self) -> broadcast::Receiver<String> {
        self.ended_sessions.subscribe()
    }

    /// Spends the embed token `jti` (kept until `until`, when it would be refused anyway):
    /// `Ok(true)` the first time on any instance, `Ok(false)` for a replay.
    pub async fn spend_embed_token(&self, jti: &str, until: u64) -> Result<bool, Full> {
        let here = self.spent_embed_tokens.insert(jti, until, now_secs())?;
        if let Some(redis) = &self.redis
            && let Ok(first) = redis
                .set_new(&format!("jti:{jti}"), b"1", Expiry::At(until))
                .await
        {
            return Ok(first && here);
        }
        Ok(here)
    }

    /// Records the verified webhook event `id` of `scope` (an account's app) dated `at`, and
    /// says whether to apply it; remembered until `until` (Unix seconds).
    pub async fn webhook(&self, id: &str, scope: &str, at: u64, until: u64) -> Verdict {
        let now = now_secs();
        let here = self.webhooks.verdict(id, scope, at, until, now);
        if let Some(redis) = &self.redis
            && let Ok(verdict) = redis
                .webhook(id, scope, at, until.saturating_sub(now).max(1))
                .await
        {
            return match verdict {
                0 => Verdict::Apply,
                1 => Verdict::Redelivery,
                _ => Verdict::Stale,
            };
        }
        here
    }

    /// The account's generation: it changes whenever the account's connections or
    /// configurations change, on any instance (this one's own count alone, or while Redis is
    /// down). Cached reads are kept under it.
    pub async fn generation(&self, account: &str) -> u64 {
        if let Some(redis) = &self.redis
            && let Ok(generation) = redis.counter(&format!("generation:{account}")).await
        {
            return generation;
        }
        self.generations.get(account)
    }

    /// The account's connections or configurations changed: every instance's next read of
    /// its cached state loads afresh.
    pub async fn changed(&self, account: &str) {
        self.generations.bump(account);
        if let Some(redis) = &self.redis
            && redis
                .increment(&format!("generation:{account}"), GENERATION_KEEP)
                .await
                .is_err()
        {
            tracing::warn!(
                "a change could not be shared: other instances see it when their cache expires"
            );
        }
    }

    /// The account's session token, shared by every instance.
    pub async fn token(&self, account: &str) -> Option<SecretToken> {
        let Some(redis) = &self.redis else {
            return self.tokens.get(account, Instant::now());
        };
        match redis.get(&format!("token:{account}")).await {
            Ok(sealed) => sealed.and_then(|sealed| self.unseal(account, &sealed)),
            Err(_) => self.tokens.get(account, Instant::now()),
        }
    }

    /// Shares the account's session token until `until` (sealed at rest).
    pub async fn store_token(&self, account: &str, token: &SecretToken, until: Instant) {
        let now = Instant::now();
        self.tokens.set(account, token.clone(), until, now);
        if let Some(redis) = &self.redis {
            let sealed = self.seal(account, token);
            let _ = redis
                .set(
                    &format!("token:{account}"),
                    sealed.as_bytes(),
                    Expiry::In(until.saturating_duration_since(now)),
                )
                .await;
        }
    }

    /// Forgets the account's session token everywhere, returning it if one was shared.
    pub async fn forget_token(&self, account: &str) -> Option<SecretToken> {
        let here = self.tokens.remove(account);
        if let Some(redis) = &self.redis
            && let Ok(sealed) = redis.take_value(&format!("token:{account}")).await
        {
            return sealed
                .and_then(|sealed| self.unseal(account, &sealed))
                .or(here);
        }
        here
    }

    /// Whether this instance may mint the account's token now: one instance at a time, the
    /// others wait for its result ([`Shared::token`]). Always `true` alone or while Redis is
    /// down (a local single-flight covers this instance).
    pub async fn mint_turn(&self, account: &str) -> bool {
        match &self.redis {
            Some(redis) => redis
                .set_new(&format!("mint:{account}"), b"1", Expiry::In(MINT_TURN))
                .await
                .unwrap_or(true),
            None => true,
        }
    }

    /// The minted token is shared (or minting failed): the next miss may mint again.
    pub async fn end_mint_turn(&self, account: &str) {
        if let Some(redis) = &self.redis {
            let _ = redis.delete(&format!("mint:{account}")).await;
        }
    }

    /// How long calls to Cobalt stay stopped by a 429, if they are.
    pub fn cobalt_busy(&self) -> Option<Duration> {
        self.cobalt_busy.left(Instant::now())
    }

    /// Cobalt answered 429: stop every instance's calls for `wait`. `true` if that moved the
    /// deadline (the caller logs it).
    pub async fn cobalt_said_slow_down(&self, wait: Duration) -> bool {
        let moved = self.cobalt_busy.extend(Instant::now() + wait);
        if moved {
            self.publish(Message::Busy {
                millis: wait.as_millis() as u64,
            })
            .await;
        }
        moved
    }

    /// Hands a status change to the account's tabs here, then to the other instances'.
    pub async fn publish_status(&self, account: &str, update: StatusUpdate) {
        self.live
            .deliver(account, LiveEvent::Status(update.clone()));
        self.publish(Message::Status {
            account: account.to_owned(),
            update,
        })
        .await;
    }

    /// The account's live events on this instance from now on.
    pub fn subscribe(&self, account: &str) -> BoxStream<'static, LiveEvent> {
        self.live.subscribe(account)
    }

    /// Ends every live stream here (graceful shutdown).
    pub fn close(&self) {
        self.live.close();
    }

    async fn publish(&self, message: Message) {
        let Some(redis) = &self.redis else {
            return;
        };
        let wire = Wire {
            from: self.instance.clone(),
            message,
        };
        let Ok(bytes) = serde_json::to_vec(&wire) else {
            return;
        };
        if redis.publish(CHANNEL, &bytes).await.is_err() {
            tracing::debug!("a live message reached this instance's tabs only");
        }
    }

    /// A message from another instance.
    fn heard(&self, payload: &[u8]) {
        let Ok(wire) = serde_json::from_slice::<Wire>(payload) else {
            tracing::debug!("an unreadable message on the shared channel was ignored");
            return;
        };
        if wire.from == self.instance {
            return;
        }
        match wire.message {
            Message::Status { account, update } => {
                self.live.deliver(&account, LiveEvent::Status(update));
            }
            Message::Revoked { sid, until } => {
                let _ = self.revoked.insert(&sid, until, now_secs());
                let _ = self.ended_sessions.send(sid);
            }
            Message::Busy { millis } => {
                self.cobalt_busy
                    .extend(Instant::now() + Duration::from_millis(millis));
            }
        }
    }

    fn seal(&self, account: &str, token: &SecretToken) -> String {
        let mut jar = CookieJar::new();
        // The account is the sealed value's associated data: a token moved to another
        // account's key does not open.
        jar.private_mut(&self.token_key)
            .add(Cookie::new(account.to_owned(), token.expose().to_owned()));
        jar.get(account)
            .map(|cookie| cookie.value().to_owned())
            .unwrap_or_default()
    }

    fn unseal(&self, account: &str, sealed: &[u8]) -> Option<SecretToken> {
        let sealed = std::str::from_utf8(sealed).ok()?;
        let mut jar = CookieJar::new();
        jar.add_original(Cookie::new(account.to_owned(), sealed.to_owned()));
        let token = jar.private(&self.token_key).get(account)?;
        Some(SecretToken::from(token.value().to_owned()))
    }
}

/// A key for one purpose, derived from the master secret (HMAC-SHA256, then `cookie`'s HKDF).
fn derive_key(master: &[u8], purpose: &[u8]) -> Key {
    use hmac::{Hmac, Mac};
    let Ok(mut mac) = Hmac::<sha2::Sha256>::new_from_slice(master) else {
        return Key::generate();
    };
    mac.update(purpose);
    Key::derive_from(&mac.finalize().into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn alone_every_piece_works_in_process() {
        let shared = Shared::in_process();
        assert_eq!(shared.health(), Health::Alone);
        assert_eq!(shared.take(Budget::Account, "ada", 2, 1.0).await, Ok(()));
        assert_eq!(shared.take(Budget::Account, "ada", 2, 1.0).await, Ok(()));
        assert!(shared.take(Budget::Account, "ada", 2, 1.0).await.is_err());
        assert_eq!(
            shared.take(Budget::Address, "ada", 2, 1.0).await,
            Ok(()),
            "another budget"
        );
        let minute = Duration::from_secs(60);
        assert!(shared.once_per("refresh", "ada", minute).await);
        assert!(!shared.once_per("refresh", "ada", minute).await);
        assert!(
            shared.once_per("status", "ada", minute).await,
            "another gate"
        );
        let mut ended = shared.revocations();
        shared.revoke("s1", now_secs() + 60).await.unwrap();
        assert!(shared.is_revoked("s1").await);
        assert_eq!(ended.try_recv().unwrap(), "s1");
        assert_eq!(
            shared.spend_embed_token("j1", now_secs() + 60).await,
            Ok(true)
        );
        assert_eq!(
            shared.spend_embed_token("j1", now_secs() + 60).await,
            Ok(false)
        );
        let generation = shared.generation("ada").await;
        shared.changed("ada").await;
        assert_ne!(shared.generation("ada").await, generation);
        let until = Instant::now() + minute;
        shared
            .store_token("ada", &SecretToken::from("t1".to_owned()), until)
            .await;
        assert_eq!(
            shared.token("ada").await.map(|t| t.expose().to_owned()),
            Some("t1".into())
        );
        assert!(shared.forget_token("ada").await.is_some());
        assert!(shared.token("ada").await.is_none());
    }

    #[test]
    fn a_sealed_token_opens_only_for_its_account_and_key() {
        let shared = Shared::build(None, b"0123456789abcdef0123456789abcdef");
        let sealed = shared.seal("ada", &SecretToken::from("tok".to_owned()));
        assert!(!sealed.contains("tok"));
        let opened = shared
            .unseal("ada", sealed.as_bytes())
            .map(|t| t.expose().to_owned());
        assert_eq!(opened.as_deref(), Some("tok"));
        assert!(shared.unseal("eve", sealed.as_bytes()).is_none());
        let other = Shared::build(None, b"another master secret, 32 bytes!");
        assert!(other.unseal("ada", sealed.as_bytes()).is_none());
    }
}
