//! "Finish setup": a connected app whose default configuration cannot do its work yet (a
//! required setting is empty, or no workflow is on) is told apart from a connected one, on
//! cards and pages, and every open tab follows it as the configuration changes.

use super::accounts::{Account, limited};
use super::state::AppState;
use crate::model::config_form::setup_finished;
use crate::model::{ConnectionStatus, StatusUpdate};

/// What the app's default configuration makes of a connection.
pub fn status_of(config: &cobalt::Config) -> ConnectionStatus {
    match setup_finished(config) {
        true => ConnectionStatus::Connected,
        false => ConnectionStatus::NeedsSetup,
    }
}

/// What the default configuration is found (or created) with.
pub fn default_config(slug: &str) -> cobalt::ConfigPayload {
    cobalt::ConfigPayload {
        slug: slug.to_owned(),
        config_id: None,
        labels: None,
        workflows: None,
    }
}

impl Account<'_> {
    /// `status` as Cobalt's application list says it, with an unfinished setup told apart
    /// (one cached configuration read per connected app). A configuration that cannot be read
    /// leaves it Connected: the page says so where the configuration is shown.
    pub async fn with_setup(&self, slug: &str, status: ConnectionStatus) -> ConnectionStatus {
        if status != ConnectionStatus::Connected {
            return status;
        }
        match self.config(slug, None).await {
            Ok(config) => status_of(&config),
            Err(error) => {
                tracing::debug!(%error, slug, "the setup of a connected app could not be read");
                status
            }
        }
    }
}

/// Tells every open tab of the account where the app's setup stands after its default
/// configuration changed (saved, reset, deleted): `config` is the configuration now.
pub async fn announce(state: &AppState, account: &str, slug: &str, config: &cobalt::Config) {
    let update = StatusUpdate {
        slug: slug.to_owned(),
        status: status_of(config),
    };
    state.shared.publish_status(account, update).await;
}

/// The status of an app Cobalt just reported connected (a webhook, which names the account
/// only): its default configuration is read once to tell an unfinished setup apart.
pub async fn connected_status(state: &AppState, account: &str, slug: &str) -> ConnectionStatus {
    let payload = default_config(slug);
    let read = limited(
        state,
        account,
        state.cobalt.find_or_create_config(account, &payload),
    );
    match read.await {
        Ok(config) => status_of(&config),
        Err(error) => {
            tracing::debug!(
                ?error,
                slug,
                "the setup of a new connection could not be read"
            );
            ConnectionStatus::Connected
        }
    }
}
