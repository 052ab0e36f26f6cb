//! The sandbox's data: linked accounts with their connections and configs, session tokens,
//! webhooks and pending OAuth consents. Plain data, serialized as the state file's snapshot.

use std::collections::BTreeMap;

use cobalt::{AuthType, ConnectionStatus, Environment, FieldOption, Udf, Webhook};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::clock::iso_now;
use crate::ids::{object_id, opaque_token};

/// The snapshot format; bumped when a change would misread older files.
pub const FORMAT: u32 = 1;

/// Everything that survives a restart when `SANDBOX_STATE_FILE` is set.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Data {
    pub format: u32,
    /// Hex HMAC key of session tokens; kept so tokens survive a restart.
    pub jwt_secret: String,
    pub accounts: BTreeMap<Environment, BTreeMap<String, Account>>,
    /// Every session token minted and not yet forgotten, by token.
    pub tokens: BTreeMap<String, TokenRecord>,
    /// Webhooks registered through the API.
    pub webhooks: Vec<Webhook>,
    /// OAuth consents started and not yet answered, by `state`.
    pub consents: BTreeMap<String, PendingConsent>,
}

impl Data {
    pub fn new() -> Self {
        Self {
            format: FORMAT,
            jwt_secret: opaque_token::<32>(),
            accounts: BTreeMap::new(),
            tokens: BTreeMap::new(),
            webhooks: Vec::new(),
            consents: BTreeMap::new(),
        }
    }

    pub fn account(&self, environment: &Environment, account_id: &str) -> Option<&Account> {
        self.accounts.get(environment)?.get(account_id)
    }

    pub fn account_mut(
        &mut self,
        environment: &Environment,
        account_id: &str,
    ) -> Option<&mut Account> {
        self.accounts.get_mut(environment)?.get_mut(account_id)
    }

    /// Forgets every token of an account (on delete).
    pub fn forget_tokens(&mut self, environment: &Environment, account_id: &str) {
        self.tokens.retain(|_, record| {
            !(record.environment == *environment && record.account_id == account_id)
        });
    }
}

/// A linked account.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Account {
    pub id: String,
    pub account_id: String,
    pub environment: Environment,
    pub name: Option<String>,
    pub udf: Vec<Udf>,
    pub created_at: String,
    pub updated_at: String,
    pub revision: u64,
    /// Connections by app slug (one per app: the sandbox has no multi-auth apps).
    pub connections: BTreeMap<String, Connection>,
    /// Configs by app slug, then config id.
    pub configs: BTreeMap<String, BTreeMap<String, StoredConfig>>,
    /// Workflow runs, oldest first.
    #[serde(default)]
    pub executions: Vec<Execution>,
    /// The apps whose seeded run history was written (once per app, on first read).
    #[serde(default)]
    pub seeded_runs: std::collections::BTreeSet<String>,
    /// What happened to the account's connections and configs, oldest first (the newest
    /// [`AUDIT_KEPT`] entries).
    #[serde(default)]
    pub audit: Vec<AuditEntry>,
}

/// Audit entries an account keeps.
pub const AUDIT_KEPT: usize = 1_000;

/// One entry of an account's audit log: the shape is ours (Cobalt's is not published), see
/// `sandbox/README.md`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: String,
    /// `connection.created`, `connection.expired`, `connection.deleted`,
    /// `configuration.updated`, `configuration.deleted`, `workflow.enabled` or
    /// `workflow.disabled`.
    pub event: String,
    pub slug: String,
    /// The linked account's name when it acted; `None` for the provider or Cobalt.
    pub actor: Option<String>,
    /// Why, when the provider said (an expiry).
    pub reason: Option<String>,
    /// What it acted on: the config id, the workflow's name.
    pub target: Option<String>,
    pub created_at: String,
}

impl Account {
    pub fn new(environment: Environment, account_id: String, name: Option<String>) -> Self {
        let now = iso_now();
        Self {
            id: object_id(),
            account_id,
            environment,
            name,
            udf: Vec::new(),
            created_at: now.clone(),
            updated_at: now,
            revision: 0,
            connections: BTreeMap::new(),
            configs: BTreeMap::new(),
            executions: Vec::new(),
            seeded_runs: std::collections::BTreeSet::new(),
            audit: Vec::new(),
        }
    }

    /// Adds an entry to the audit log, in the account's name unless `by_account` is false
    /// (the provider or Cobalt did it).
    pub fn record(
        &mut self,
        event: &str,
        slug: &str,
        by_account: bool,
        detail: (Option<String>, Option<String>),
    ) {
        let (reason, target) = detail;
        self.audit.push(AuditEntry {
            id: object_id(),
            event: event.to_owned(),
            slug: slug.to_owned(),
            actor: by_account.then(|| self.name.clone().unwrap_or_else(|| self.account_id.clone())),
            reason,
            target,
            created_at: iso_now(),
        });
        if self.audit.len() > AUDIT_KEPT {
            self.audit.drain(..self.audit.len() - AUDIT_KEPT);
        }
    }

    /// Merges user-defined fields by key, as Cobalt's upsert does.
    pub fn merge_udf(&mut self, values: BTreeMap<String, String>) {
        let now = iso_now();
        for (key, value) in values {
            match self.udf.iter_mut().find(|udf| udf.key_name == key) {
                Some(existing) => {
                    existing.key_value = value;
                    existing.updated_at = Some(now.clone());
                }
                None => self.udf.push(Udf {
                    key_name: key,
                    key_value: value,
                    id: Some(object_id()),
                    created_at: Some(now.clone()),
                    updated_at: Some(now.clone()),
                }),
            }
        }
    }

    /// Records a change: bumps `updatedAt` and the revision (`__v`).
    pub fn touch(&mut self) {
        self.updated_at = iso_now();
        self.revision += 1;
    }

    /// Connects (or reconnects) an app. Reconnecting keeps the app's configs.
    pub fn connect(&mut self, slug: &str, auth_type: AuthType, identifier: Value) {
        let now = iso_now();
        let id = self
            .connections
            .get(slug)
            .map_or_else(object_id, |old| old.id.clone());
        self.connections.insert(
            slug.to_owned(),
            Connection {
                id,
                auth_type,
                identifier,
                connected_at: now.clone(),
                updated_at: now,
                status: ConnectionStatus::Active,
            },
        );
        self.record("connection.created", slug, true, (None, None));
        self.touch();
    }

    /// Removes an app's connection (if `auth_type` is given, only a connection of that type)
    /// and every config of the app. Returns whether a connection was removed.
    pub fn disconnect(&mut self, slug: &str, auth_type: Option<&AuthType>) -> bool {
        let matches = self.connections.get(slug).is_some_and(|connection| {
            auth_type.is_none_or(|wanted| *wanted == connection.auth_type)
        });
        if matches {
            self.connections.remove(slug);
            self.configs.remove(slug);
            self.record("connection.deleted", slug, true, (None, None));
            self.touch();
        }
        matches
    }
}

/// A workflow run (Cobalt's "execution") of one of the account's apps.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Execution {
    pub id: String,
    pub slug: String,
    pub workflow_id: String,
    pub workflow_name: String,
    /// `COMPLETED`, `RUNNING`, `ERRORED`, `STOPPED`, `STOPPING` or `TIMED_OUT`.
    pub status: String,
    /// `Event`, `Schedule` or `API Call`.
    pub source: String,
    pub created_at: String,
    pub completed_at: Option<String>,
    pub nodes: Vec<RunNode>,
    /// The run this one retried.
    pub rerun_of: Option<String>,
}

/// One step of a run.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RunNode {
    pub id: String,
    pub name: String,
    /// `Success`, `Errored`, `Running` or `Skipped`.
    pub status: String,
    pub attempts: u32,
    /// What the step's provider answered, for a step that failed.
    pub message: Option<String>,
}

/// One app connected by a linked account.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Connection {
    pub id: String,
    pub auth_type: AuthType,
    pub identifier: Value,
    pub connected_at: String,
    pub updated_at: String,
    pub status: ConnectionStatus,
}

impl Connection {
    pub fn reauth_required(&self) -> bool {
        self.status == ConnectionStatus::Expired
    }
}

/// A config: the values set on top of the app's template. The template itself is not copied,
/// so the catalog stays the single source of names, types and options.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct StoredConfig {
    pub id: String,
    /// App-level field values by field id.
    pub fields: BTreeMap<String, Value>,
    /// Workflow states by workflow id.
    pub workflows: BTreeMap<String, StoredWorkflow>,
    /// Dynamic labels (map fields' left-hand options) by field id, from find-or-create.
    pub labels: BTreeMap<String, Vec<FieldOption>>,
}

/// A workflow's state within a config.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct StoredWorkflow {
    pub enabled: bool,
    pub fields: BTreeMap<String, Value>,
}

/// A minted session token.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TokenRecord {
    pub environment: Environment,
    pub account_id: String,
    pub iat: u64,
    /// Expiry in Unix seconds; the admin API can move it into the past.
    pub exp: u64,
    pub revoked: bool,
}

impl TokenRecord {
    pub fn is_usable(&self, now: u64) -> bool {
        !self.revoked && self.exp > now
    }
}

/// An OAuth consent waiting for Allow or Deny.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PendingConsent {
    pub environment: Environment,
    pub account_id: String,
    pub slug: String,
    pub redirect_uri: Option<String>,
    /// Unix seconds after which the consent page refuses the state.
    pub expires_at: u64,
}
