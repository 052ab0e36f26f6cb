//! Connection status changes, carried to the open tabs of this instance. Cobalt's webhooks and
//! our own disconnects deliver them here (and, with Redis, to the other instances through
//! [`super::shared::Shared`]); `GET /events` (server crate) streams them to the browser as
//! Server-Sent Events.

use std::collections::HashMap;
use std::sync::Mutex;

use futures::StreamExt;
use futures::stream::BoxStream;
use tokio::sync::{broadcast, watch};

use crate::model::StatusUpdate;

/// What an open tab hears.
#[derive(Debug, Clone, PartialEq)]
pub enum LiveEvent {
    /// One of the account's apps changed status.
    Status(StatusUpdate),
    /// Changes may have been missed (the shared subscription came back, or this tab fell
    /// behind): the tab is sent every status afresh.
    Resync,
}

/// How many events a slow tab may fall behind before it is told to resync.
const BACKLOG: usize = 8;

/// One channel per account with a tab open here, so an event wakes only that account's tabs.
pub struct Local {
    accounts: Mutex<HashMap<String, broadcast::Sender<LiveEvent>>>,
    closed: watch::Sender<bool>,
}

impl Default for Local {
    fn default() -> Self {
        Self {
            accounts: Mutex::default(),
            closed: watch::Sender::new(false),
        }
    }
}

impl Local {
    fn accounts(&self) -> std::sync::MutexGuard<'_, HashMap<String, broadcast::Sender<LiveEvent>>> {
        // Every operation is one lookup, insert or retain: a poisoned map is consistent.
        self.accounts
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Hands `event` to the account's tabs on this instance, if any.
    pub fn deliver(&self, account_id: &str, event: LiveEvent) {
        if let Some(sender) = self.accounts().get(account_id) {
            // No receiver left is not an error: the last tab just closed.
            let _ = sender.send(event);
        }
    }

    /// Tells every tab on this instance that changes may have been missed.
    pub fn resync(&self) {
        for sender in self.accounts().values() {
            let _ = sender.send(LiveEvent::Resync);
        }
    }

    /// The account's events from now on. The stream ends when the instance closes.
    pub fn subscribe(&self, account_id: &str) -> BoxStream<'static, LiveEvent> {
        let events = {
            let mut accounts = self.accounts();
            // Channels of accounts whose last tab closed are dropped as new ones open.
            accounts.retain(|_, sender| sender.receiver_count() > 0);
            accounts
                .entry(account_id.to_owned())
                .or_insert_with(|| broadcast::Sender::new(BACKLOG))
                .subscribe()
        };
        futures::stream::unfold(
            (events, self.closed.subscribe()),
            |(mut events, mut closed)| async move {
                if *closed.borrow_and_update() {
                    return None;
                }
                let event = tokio::select! {
                    _ = closed.changed() => return None,
                    received = events.recv() => match received {
                        Ok(event) => event,
                        Err(broadcast::error::RecvError::Lagged(_)) => LiveEvent::Resync,
                        Err(broadcast::error::RecvError::Closed) => return None,
                    },
                };
                Some((event, (events, closed)))
            },
        )
        .boxed()
    }

    /// Ends every subscription, so a graceful shutdown does not wait for open tabs.
    pub fn close(&self) {
        self.closed.send_replace(true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ConnectionStatus;

    fn status(slug: &str) -> LiveEvent {
        LiveEvent::Status(StatusUpdate {
            slug: slug.into(),
            status: ConnectionStatus::NeedsReconnect,
        })
    }

    #[tokio::test]
    async fn tabs_hear_their_own_accounts_events_until_closed() {
        let live = Local::default();
        let mut ada = live.subscribe("ada");
        let mut ada_again = live.subscribe("ada");
        let mut eve = live.subscribe("eve");
        live.deliver("eve", status("slack"));
        live.deliver("ada", status("hubspot"));
        assert_eq!(ada.next().await, Some(status("hubspot")));
        assert_eq!(ada_again.next().await, Some(status("hubspot")));
        assert_eq!(eve.next().await, Some(status("slack")));
        live.resync();
        assert_eq!(ada.next().await, Some(LiveEvent::Resync));
        live.close();
        assert_eq!(ada.next().await, None);
        assert_eq!(live.subscribe("ada").next().await, None);
    }

    #[tokio::test]
    async fn a_tab_that_falls_behind_is_told_to_resync() {
        let live = Local::default();
        let mut ada = live.subscribe("ada");
        for _ in 0..=BACKLOG {
            live.deliver("ada", status("slack"));
        }
        assert_eq!(ada.next().await, Some(LiveEvent::Resync));
    }
}
