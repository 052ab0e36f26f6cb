//! Connection status changes, carried to every open tab of an account. Cobalt's webhooks and
//! our own disconnects publish them; `GET /events` (server crate) streams them to the
//! browser as Server-Sent Events.

use futures::StreamExt;
use futures::stream::BoxStream;
use tokio::sync::{broadcast, watch};

use crate::model::StatusUpdate;

/// One account's status change.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusChange {
    pub account_id: String,
    pub update: StatusUpdate,
}

/// Carries status changes to the subscribers of their account. [`InProcess`] serves one
/// server instance; several instances behind a load balancer need an implementation over a
/// shared broker (Redis pub/sub, NATS, Postgres `LISTEN`): `publish` sends to the broker, and
/// each instance hands what arrives to its own subscribers.
pub trait Fanout: Send + Sync {
    fn publish(&self, change: StatusChange);
    /// The account's changes from now on. The stream ends when the fan-out closes.
    fn subscribe(&self, account_id: &str) -> BoxStream<'static, StatusUpdate>;
    /// Ends every subscription, so a graceful shutdown does not wait for open tabs.
    fn close(&self);
}

/// How many changes a slow subscriber may fall behind before it skips some.
const BACKLOG: usize = 1024;

/// The fan-out within this process: one broadcast channel, each subscriber keeping its own
/// account's changes. Webhook events are rare, so filtering per subscriber costs little.
pub struct InProcess {
    changes: broadcast::Sender<StatusChange>,
    closed: watch::Sender<bool>,
}

impl Default for InProcess {
    fn default() -> Self {
        Self {
            changes: broadcast::Sender::new(BACKLOG),
            closed: watch::Sender::new(false),
        }
    }
}

impl Fanout for InProcess {
    fn publish(&self, change: StatusChange) {
        // No subscriber is not an error: nobody has a tab open.
        let _ = self.changes.send(change);
    }

    fn subscribe(&self, account_id: &str) -> BoxStream<'static, StatusUpdate> {
        let state = (
            self.changes.subscribe(),
            self.closed.subscribe(),
            account_id.to_owned(),
        );
        futures::stream::unfold(state, |(mut changes, mut closed, account)| async move {
            loop {
                if *closed.borrow_and_update() {
                    return None;
                }
                tokio::select! {
                    _ = closed.changed() => {}
                    received = changes.recv() => match received {
                        Ok(change) if change.account_id == account => {
                            return Some((change.update, (changes, closed, account)));
                        }
                        Ok(_) => {}
                        Err(broadcast::error::RecvError::Lagged(skipped)) => {
                            tracing::warn!(skipped, "a live subscriber fell behind");
                        }
                        Err(broadcast::error::RecvError::Closed) => return None,
                    },
                }
            }
        })
        .boxed()
    }

    fn close(&self) {
        self.closed.send_replace(true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ConnectionStatus;

    fn change(account: &str, slug: &str) -> StatusChange {
        StatusChange {
            account_id: account.into(),
            update: StatusUpdate {
                slug: slug.into(),
                status: ConnectionStatus::NeedsReconnect,
            },
        }
    }

    #[tokio::test]
    async fn subscribers_get_their_own_accounts_changes_until_closed() {
        let fanout = InProcess::default();
        let mut ada = fanout.subscribe("ada");
        let mut ada_again = fanout.subscribe("ada");
        fanout.publish(change("eve", "slack"));
        fanout.publish(change("ada", "hubspot"));
        assert_eq!(ada.next().await.unwrap().slug, "hubspot");
        assert_eq!(ada_again.next().await.unwrap().slug, "hubspot");
        fanout.close();
        assert_eq!(ada.next().await, None);
        assert_eq!(fanout.subscribe("ada").next().await, None);
    }
}
