//! Sessions that end on the server: revoked session ids and used embed tokens, each kept only
//! until the moment it could no longer be presented anyway, and a signal that ends the live
//! streams of a revoked session. In-process; a shared-state backend (`REDIS_URL`) plugs in
//! behind these same methods.

use std::collections::HashMap;
use std::sync::Mutex;

use tokio::sync::broadcast;

use super::identity::now_secs;

/// Most entries each set holds. Both only grow by sign-outs and hand-offs, which are rate
/// limited per account and per address, so this is far beyond any real deployment.
const CAPACITY: usize = 1_000_000;

/// Keys, each with the Unix second after which it can be forgotten.
struct ExpiringSet {
    entries: Mutex<HashMap<String, u64>>,
}

/// The set is full of live entries: nothing can be recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Full;

impl ExpiringSet {
    fn new() -> Self {
        Self {
            entries: Mutex::default(),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, u64>> {
        // Every operation is a single insert, lookup or retain: a poisoned map is consistent.
        self.entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn contains(&self, key: &str, now: u64) -> bool {
        self.lock().get(key).is_some_and(|until| *until >= now)
    }

    /// Records `key` until `until`; `Ok(false)` if it was already there.
    fn insert(&self, key: &str, until: u64, now: u64) -> Result<bool, Full> {
        let mut entries = self.lock();
        if entries.get(key).is_some_and(|at| *at >= now) {
            return Ok(false);
        }
        if entries.len() >= CAPACITY {
            entries.retain(|_, at| *at >= now);
            if entries.len() >= CAPACITY {
                return Err(Full);
            }
        }
        entries.insert(key.to_owned(), until);
        Ok(true)
    }
}

/// Revoked sessions and spent embed tokens.
pub struct Sessions {
    revoked: ExpiringSet,
    spent_embed_tokens: ExpiringSet,
    ended: broadcast::Sender<String>,
}

impl Default for Sessions {
    fn default() -> Self {
        Self {
            revoked: ExpiringSet::new(),
            spent_embed_tokens: ExpiringSet::new(),
            ended: broadcast::Sender::new(256),
        }
    }
}

impl Sessions {
    /// Whether the session `sid` was signed out.
    pub fn is_revoked(&self, sid: &str) -> bool {
        self.revoked.contains(sid, now_secs())
    }

    /// Signs the session out everywhere: its cookie is refused from now until it would have
    /// expired (`expires_at`), and its live streams end.
    pub fn revoke(&self, sid: &str, expires_at: u64) -> Result<(), Full> {
        self.revoked.insert(sid, expires_at, now_secs())?;
        // No receiver is not an error: the session had no stream open.
        let _ = self.ended.send(sid.to_owned());
        Ok(())
    }

    /// Ids of sessions revoked from now on, for streams that must end with their session.
    /// A receiver that lags must ask [`Sessions::is_revoked`] instead.
    pub fn revocations(&self) -> broadcast::Receiver<String> {
        self.ended.subscribe()
    }

    /// Spends the embed token `jti` (kept until `expires_at`, when the token would be refused
    /// anyway): `Ok(true)` the first time, `Ok(false)` for a replay.
    pub fn spend_embed_token(&self, jti: &str, expires_at: u64) -> Result<bool, Full> {
        self.spent_embed_tokens.insert(jti, expires_at, now_secs())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_revoked_session_stays_revoked_until_it_expires_and_streams_hear_of_it() {
        let sessions = Sessions::default();
        let mut heard = sessions.revocations();
        assert!(!sessions.is_revoked("s1"));
        sessions.revoke("s1", now_secs() + 60).unwrap();
        assert!(sessions.is_revoked("s1"));
        assert!(!sessions.is_revoked("s2"));
        assert_eq!(heard.try_recv().unwrap(), "s1");
        sessions.revoke("old", now_secs() - 1).unwrap();
        assert!(
            !sessions.is_revoked("old"),
            "past its expiry it is forgotten"
        );
    }

    #[test]
    fn an_embed_token_is_spent_once() {
        let sessions = Sessions::default();
        let until = now_secs() + 600;
        assert_eq!(sessions.spend_embed_token("j1", until), Ok(true));
        assert_eq!(sessions.spend_embed_token("j1", until), Ok(false));
        assert_eq!(sessions.spend_embed_token("j2", until), Ok(true));
    }

    #[test]
    fn expired_entries_make_room() {
        let set = ExpiringSet::new();
        let now = 1_000;
        assert_eq!(set.insert("a", now - 1, now), Ok(true));
        assert_eq!(
            set.insert("a", now + 5, now),
            Ok(true),
            "an expired key is new again"
        );
        assert_eq!(set.insert("a", now + 5, now), Ok(false));
    }
}
