//! The Redis backend (`REDIS_URL`): what several instances share. Every command has a short
//! deadline; after a failure Redis is left alone for a second, so a hung or missing Redis
//! costs a page view at most one deadline, and the caller falls back to its in-process state.
//! The outage is logged once, and so is the recovery.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use futures::StreamExt;
use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use redis::{Client, Script};

/// The longest one command may take before the caller falls back.
const OP_TIMEOUT: Duration = Duration::from_millis(250);
/// How long Redis is skipped after a failed command.
const RETRY: Duration = Duration::from_secs(1);

/// Takes from a token bucket on Redis' clock: ARGV = per minute, cost (negative gives back).
/// Returns 0, or the seconds to wait.
const TAKE: &str = r"
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local full = tonumber(ARGV[1])
local cost = tonumber(ARGV[2])
local rate = full / 60
local b = redis.call('HMGET', KEYS[1], 'left', 'at')
local left = tonumber(b[1]) or full
local at = tonumber(b[2]) or now
left = math.min(full, left + math.max(0, now - at) * rate)
local wait = 0
if left >= cost then left = left - cost else wait = math.max(1, math.ceil((cost - left) / rate)) end
redis.call('HSET', KEYS[1], 'left', tostring(left), 'at', tostring(now))
redis.call('EXPIRE', KEYS[1], 120)
return wait
";

/// Webhook de-duplication and ordering in one step: KEYS = the event id's key, its scope's
/// newest-applied key; ARGV = the event's date, how long to remember. 0 apply, 1 redelivery,
/// 2 stale.
const WEBHOOK: &str = r"
if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[2]) then return 1 end
local last = tonumber(redis.call('GET', KEYS[2]))
if last and last > tonumber(ARGV[1]) then return 2 end
redis.call('SET', KEYS[2], ARGV[1], 'EX', ARGV[2])
return 0
";

/// A Redis command failed or took too long (the caller falls back).
#[derive(Debug, Clone, Copy)]
pub struct Unavailable;

pub struct Redis {
    client: Client,
    prefix: String,
    connection: OnceLock<ConnectionManager>,
    skip_until: Mutex<Option<Instant>>,
    down: AtomicBool,
    /// Whether the pub/sub subscription is in place (messages from other instances arrive).
    listening: AtomicBool,
    /// Changes whenever the subscription is made or lost: what was learnt while subscribed
    /// holds only within one epoch.
    listen_epoch: AtomicU64,
    take: Script,
    webhook: Script,
}

impl Redis {
    /// Parses `url` (`redis://`, `rediss://`, `unix://`); connects in the background.
    pub fn new(url: &str, prefix: &str) -> Result<Self, redis::RedisError> {
        Ok(Self {
            client: Client::open(url)?,
            prefix: prefix.to_owned(),
            connection: OnceLock::new(),
            skip_until: Mutex::default(),
            down: AtomicBool::new(false),
            listening: AtomicBool::new(false),
            listen_epoch: AtomicU64::new(0),
            take: Script::new(TAKE),
            webhook: Script::new(WEBHOOK),
        })
    }

    /// `name` under the deployment's prefix.
    pub fn key(&self, name: &str) -> String {
        format!("{}{name}", self.prefix)
    }

    /// Connects, retrying every second until Redis answers; from then on the connection
    /// manager reconnects by itself.
    pub async fn connect(&self) {
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(OP_TIMEOUT))
            .set_response_timeout(Some(OP_TIMEOUT))
            .set_number_of_retries(1)
            .set_max_delay(RETRY);
        loop {
            match self
                .client
                .get_connection_manager_with_config(config.clone())
                .await
            {
                Ok(connection) => {
                    let _ = self.connection.set(connection);
                    self.recovered();
                    return;
                }
                Err(error) => {
                    self.failed(&error);
                    tokio::time::sleep(RETRY).await;
                }
            }
        }
    }

    /// Whether Redis is connected, the last command succeeded and messages from other
    /// instances arrive.
    pub fn is_up(&self) -> bool {
        self.connection.get().is_some()
            && !self.down.load(Ordering::Relaxed)
            && self.listening.load(Ordering::Relaxed)
    }

    /// The subscription's epoch while it is in place; `None` while it is not.
    pub fn listening(&self) -> Option<u64> {
        let epoch = self.listen_epoch.load(Ordering::Relaxed);
        self.listening.load(Ordering::Relaxed).then_some(epoch)
    }

    /// Hands each message of `channel` to `deliver`, resubscribing after a failure, and calls
    /// `subscribed` each time the subscription is in place (messages sent before, or while it
    /// was lost, were missed).
    pub async fn listen(&self, channel: &str, deliver: impl Fn(&[u8]), subscribed: impl Fn()) {
        let channel = self.key(channel);
        loop {
            let subscribe = async {
                let mut pubsub = self.client.get_async_pubsub().await?;
                pubsub.subscribe(&channel).await?;
                Ok::<_, redis::RedisError>(pubsub)
            };
            match tokio::time::timeout(OP_TIMEOUT * 4, subscribe).await {
                Ok(Ok(pubsub)) => {
                    subscribed();
                    self.listen_epoch.fetch_add(1, Ordering::Relaxed);
                    self.listening.store(true, Ordering::Relaxed);
                    let mut messages = pubsub.into_on_message();
                    while let Some(message) = messages.next().await {
                        deliver(message.get_payload_bytes());
                    }
                    self.listening.store(false, Ordering::Relaxed);
                    self.listen_epoch.fetch_add(1, Ordering::Relaxed);
                    tracing::warn!("redis subscription lost; resubscribing");
                }
                Ok(Err(error)) => tracing::debug!(%error, "redis subscription failed"),
                Err(_) => tracing::debug!("redis subscription timed out"),
            }
            tokio::time::sleep(RETRY).await;
        }
    }

    /// Runs one command within the deadline, unless Redis failed a moment ago.
    async fn run<T, F, Fut>(&self, command: F) -> Result<T, Unavailable>
    where
        F: FnOnce(ConnectionManager) -> Fut,
        Fut: Future<Output = redis::RedisResult<T>>,
    {
        let connection = self.connection.get().ok_or(Unavailable)?.clone();
        if self.lock_skip().is_some_and(|until| Instant::now() < until) {
            return Err(Unavailable);
        }
        match tokio::time::timeout(OP_TIMEOUT, command(connection)).await {
            Ok(Ok(value)) => {
                self.recovered();
                Ok(value)
            }
            Ok(Err(error)) => {
                self.failed(&error);
                Err(Unavailable)
            }
            Err(_) => {
                self.failed(&"no answer within the deadline");
                Err(Unavailable)
            }
        }
    }

    fn lock_skip(&self) -> Option<Instant> {
        *self
            .skip_until
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn failed(&self, error: &dyn std::fmt::Display) {
        *self
            .skip_until
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(Instant::now() + RETRY);
        if !self.down.swap(true, Ordering::Relaxed) {
            tracing::warn!(%error, "redis unavailable: shared state falls back to this instance");
        }
    }

    fn recovered(&self) {
        if self.down.swap(false, Ordering::Relaxed) {
            tracing::info!("redis reachable: shared state restored");
        }
    }

    /// Takes `cost` from the bucket `key`: `Ok(Err(seconds))` when it is short.
    pub async fn take(
        &self,
        key: &str,
        per_minute: u32,
        cost: f64,
    ) -> Result<Result<(), u64>, Unavailable> {
        let key = self.key(key);
        let wait: u64 = self
            .run(|mut c| async move {
                self.take
                    .key(key)
                    .arg(per_minute)
                    .arg(cost)
                    .invoke_async(&mut c)
                    .await
            })
            .await?;
        Ok(if wait == 0 { Ok(()) } else { Err(wait) })
    }

    /// The webhook verdict: 0 apply, 1 redelivery, 2 stale.
    pub async fn webhook(
        &self,
        id: &str,
        scope: &str,
        at: u64,
        remember: u64,
    ) -> Result<u8, Unavailable> {
        let (id, scope) = (
            self.key(&format!("hook:{id}")),
            self.key(&format!("newest:{scope}")),
        );
        self.run(|mut c| async move {
            self.webhook
                .key(id)
                .key(scope)
                .arg(at)
                .arg(remember)
                .invoke_async(&mut c)
                .await
        })
        .await
    }

    /// `SET key value NX` with an expiry (`PX` milliseconds or `EXAT` Unix seconds): whether
    /// it was set.
    pub async fn set_new(
        &self,
        key: &str,
        value: &[u8],
        expiry: Expiry,
    ) -> Result<bool, Unavailable> {
        let key = self.key(key);
        let set: Option<String> = self
            .run(|mut c| async move {
                let mut command = redis::cmd("SET");
                command.arg(key).arg(value).arg("NX");
                expiry.write(&mut command);
                command.query_async(&mut c).await
            })
            .await?;
        Ok(set.is_some())
    }

    /// `SET key value` with an expiry.
    pub async fn set(&self, key: &str, value: &[u8], expiry: Expiry) -> Result<(), Unavailable> {
        let key = self.key(key);
        self.run(|mut c| async move {
            let mut command = redis::cmd("SET");
            command.arg(key).arg(value);
            expiry.write(&mut command);
            command.query_async::<()>(&mut c).await
        })
        .await
    }

    pub async fn get(&self, key: &str) -> Result<Option<Vec<u8>>, Unavailable> {
        let key = self.key(key);
        self.run(|mut c| async move { redis::cmd("GET").arg(key).query_async(&mut c).await })
            .await
    }

    pub async fn exists(&self, key: &str) -> Result<bool, Unavailable> {
        let key = self.key(key);
        self.run(|mut c| async move { redis::cmd("EXISTS").arg(key).query_async(&mut c).await })
            .await
    }

    /// `GETDEL`: the value, which is gone from then on.
    pub async fn take_value(&self, key: &str) -> Result<Option<Vec<u8>>, Unavailable> {
        let key = self.key(key);
        self.run(|mut c| async move { redis::cmd("GETDEL").arg(key).query_async(&mut c).await })
            .await
    }

    pub async fn delete(&self, key: &str) -> Result<(), Unavailable> {
        let key = self.key(key);
        self.run(|mut c| async move { redis::cmd("DEL").arg(key).query_async::<()>(&mut c).await })
            .await
    }

    /// Adds one to the counter `key`, kept for `keep` after its last change.
    pub async fn increment(&self, key: &str, keep: Duration) -> Result<u64, Unavailable> {
        let key = self.key(key);
        let ms = keep.as_millis() as u64;
        let (value,): (u64,) = self
            .run(|mut c| async move {
                redis::pipe()
                    .atomic()
                    .cmd("INCR")
                    .arg(&key)
                    .cmd("PEXPIRE")
                    .arg(&key)
                    .arg(ms)
                    .ignore()
                    .query_async(&mut c)
                    .await
            })
            .await?;
        Ok(value)
    }

    /// The counter `key`, 0 when it was never incremented (or was forgotten).
    pub async fn counter(&self, key: &str) -> Result<u64, Unavailable> {
        let key = self.key(key);
        let value: Option<u64> = self
            .run(|mut c| async move { redis::cmd("GET").arg(key).query_async(&mut c).await })
            .await?;
        Ok(value.unwrap_or_default())
    }

    pub async fn publish(&self, channel: &str, message: &[u8]) -> Result<(), Unavailable> {
        let channel = self.key(channel);
        self.run(|mut c| async move {
            redis::cmd("PUBLISH")
                .arg(channel)
                .arg(message)
                .query_async::<()>(&mut c)
                .await
        })
        .await
    }
}

/// When a key written with `SET` expires.
#[derive(Debug, Clone, Copy)]
pub enum Expiry {
    /// After this long.
    In(Duration),
    /// At this Unix second.
    At(u64),
}

impl Expiry {
    fn write(self, command: &mut redis::Cmd) {
        match self {
            Self::In(after) => command.arg("PX").arg((after.as_millis() as u64).max(1)),
            Self::At(second) => command.arg("EXAT").arg(second),
        };
    }
}
