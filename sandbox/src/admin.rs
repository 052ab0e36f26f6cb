//! A typed client for the admin API under `/_sandbox/` (routes in the crate docs), for tests and
//! benchmarks that script a sandbox over HTTP. The HTTP side lives in `routes/admin.rs`.

use std::collections::BTreeMap;
use std::time::Duration;

use cobalt::{Application, ErrorEnvelope, Webhook, WebhookEvent};
use reqwest::{Method, RequestBuilder};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::runtime::{DEFAULT_BURST, DEFAULT_PER_SECOND};

pub use crate::runtime::{FaultSpec, RateLimitSettings};

/// Calls the admin API of the sandbox at `base_url` with one of its API keys, which also
/// selects the environment of the accounts and tokens it touches.
#[derive(Debug, Clone)]
pub struct AdminClient {
    http: reqwest::Client,
    base_url: String,
    api_key: String,
}

/// Why an admin call failed.
#[derive(Debug, thiserror::Error)]
pub enum AdminError {
    /// No answer: the sandbox is not listening, or the connection broke.
    #[error("{route}: {source}")]
    Transport {
        route: String,
        #[source]
        source: reqwest::Error,
    },
    /// The sandbox refused the call; `message` is the one of its error envelope.
    #[error("{route} answered {status}: {message}")]
    Refused {
        route: String,
        status: u16,
        message: String,
    },
    /// The answer is not what the admin API documents.
    #[error("{route} answered something unexpected ({source}): {body}")]
    Unexpected {
        route: String,
        #[source]
        source: serde_json::Error,
        body: String,
    },
}

impl AdminError {
    /// The HTTP status of a refusal.
    pub fn status(&self) -> Option<u16> {
        match self {
            Self::Refused { status, .. } => Some(*status),
            Self::Transport { .. } | Self::Unexpected { .. } => None,
        }
    }
}

impl FaultSpec {
    /// The next call matching `path` (`*` = any characters) answers `status` (400–599) in
    /// Cobalt's error envelope.
    pub fn error(path: impl Into<String>, status: u16) -> Self {
        Self {
            status: Some(status),
            ..Self::matching(path.into())
        }
    }

    /// The next call matching `path` waits `latency` before it runs.
    pub fn latency(path: impl Into<String>, latency: Duration) -> Self {
        Self::matching(path.into()).after(latency)
    }

    fn matching(path: String) -> Self {
        Self {
            path,
            method: None,
            status: None,
            latency_ms: None,
            count: 1,
            message: None,
            linked_account_id: None,
        }
    }

    /// Only calls made for `linked_account_id` (in the client's environment), so tests running
    /// side by side each fault their own account.
    pub fn for_account(self, linked_account_id: impl Into<String>) -> Self {
        Self {
            linked_account_id: Some(linked_account_id.into()),
            ..self
        }
    }

    /// Only calls with `method` (any method otherwise).
    pub fn on(self, method: Method) -> Self {
        Self {
            method: Some(method.as_str().to_owned()),
            ..self
        }
    }

    /// The next `count` matching calls instead of the next one.
    pub fn times(self, count: u32) -> Self {
        Self { count, ..self }
    }

    /// Waits `latency` first (before the error, if there is one).
    pub fn after(self, latency: Duration) -> Self {
        Self {
            // The sandbox refuses anything over a minute, so saturating loses nothing.
            latency_ms: Some(u64::try_from(latency.as_millis()).unwrap_or(u64::MAX)),
            ..self
        }
    }

    /// The error's message instead of "Injected fault".
    pub fn with_message(self, message: impl Into<String>) -> Self {
        Self {
            message: Some(message.into()),
            ..self
        }
    }
}

impl RateLimitSettings {
    /// Cobalt's documented limit: 20 calls a second, in bursts of up to 5.
    pub fn cobalts() -> Self {
        Self {
            enabled: true,
            per_second: DEFAULT_PER_SECOND,
            burst: DEFAULT_BURST,
        }
    }

    /// No limit, as the sandbox starts.
    pub fn off() -> Self {
        Self {
            enabled: false,
            ..Self::cobalts()
        }
    }
}

/// An active fault, as `GET /_sandbox/faults` lists it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ActiveFault {
    pub id: u64,
    /// How many more matching calls it applies to.
    pub remaining: u32,
    #[serde(flatten)]
    pub spec: FaultSpec,
}

/// Which live session tokens (of the key's environment) to revoke or expire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum TokenSelector {
    /// Every token of a linked account.
    Account { linked_account_id: String },
    /// One token.
    Token { token: String },
    /// One token, if it belongs to the linked account.
    AccountToken {
        linked_account_id: String,
        token: String,
    },
}

/// The calls the sandbox answered since the last reset, admin calls excluded.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Counters {
    pub total: u64,
    /// By `METHOD /route/{template}`, e.g. `GET /api/v2/public/application/{slug}`.
    pub routes: BTreeMap<String, u64>,
}

impl Counters {
    /// How often the sandbox saw `route` (`METHOD /route/{template}`).
    pub fn calls(&self, route: &str) -> u64 {
        self.routes.get(route).copied().unwrap_or(0)
    }

    /// Calls to Cobalt's API (`/api/…`), every route together: not the consent pages or logos.
    pub fn api_calls(&self) -> u64 {
        self.routes
            .iter()
            .filter(|(route, _)| route.contains(" /api/"))
            .map(|(_, count)| count)
            .sum()
    }
}

/// What `GET /_sandbox/webhooks` answers.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct WebhookLog {
    /// The URLs every event is posted to (`SANDBOX_WEBHOOK_URLS`).
    pub configured: Vec<String>,
    /// Webhooks registered through Cobalt's API.
    pub registered: Vec<Webhook>,
    /// The last 200 deliveries, oldest first.
    pub deliveries: Vec<Delivery>,
}

/// One webhook delivery: all attempts of one event to one URL.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Delivery {
    pub id: u64,
    pub url: String,
    pub event: WebhookEvent,
    pub slug: String,
    pub linked_account_id: String,
    pub attempts: u32,
    pub status: DeliveryStatus,
    /// The HTTP status of the last attempt, if it got an answer.
    pub last_status: Option<u16>,
    pub last_error: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DeliveryStatus {
    Pending,
    Delivered,
    Failed,
}

#[derive(Deserialize)]
struct Cleared {
    cleared: usize,
}

/// `{"revoked_count": n}` or `{"expired_count": n}`.
#[derive(Deserialize)]
struct TokenCount {
    #[serde(alias = "revoked_count", alias = "expired_count")]
    count: usize,
}

#[derive(Serialize)]
struct ExpireConnection<'a> {
    linked_account_id: &'a str,
    slug: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'a str>,
}

/// Runs to add to an account's history (`POST /_sandbox/executions`).
#[derive(Debug, Clone, Serialize)]
pub struct NewRuns<'a> {
    pub linked_account_id: &'a str,
    pub slug: &'a str,
    /// `COMPLETED`, `ERRORED`, `RUNNING`, …
    pub status: &'a str,
    /// The failing step's message, for `ERRORED`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<&'a str>,
    pub count: usize,
}

#[derive(Deserialize)]
struct RunIds {
    ids: Vec<String>,
}

impl AdminClient {
    /// A client with a connection pool of its own; `base_url` as `RunningSandbox::base_url`.
    pub fn new(base_url: impl Into<String>, api_key: impl Into<String>) -> Self {
        Self::with_http(reqwest::Client::new(), base_url, api_key)
    }

    /// A client sharing `http`'s connection pool.
    pub fn with_http(
        http: reqwest::Client,
        base_url: impl Into<String>,
        api_key: impl Into<String>,
    ) -> Self {
        Self {
            http,
            base_url: base_url.into(),
            api_key: api_key.into(),
        }
    }

    /// `GET /_sandbox/health`: whether the sandbox answers (no key needed).
    pub async fn health(&self) -> Result<(), AdminError> {
        let route = route(&Method::GET, "/_sandbox/health");
        let request = self.http.get(format!("{}/_sandbox/health", self.base_url));
        answer(route, request).await.map(drop)
    }

    /// Adds a fault; answers it with its id.
    pub async fn add_fault(&self, spec: &FaultSpec) -> Result<ActiveFault, AdminError> {
        self.json(Method::POST, "/_sandbox/faults", Some(spec))
            .await
    }

    /// The active faults, with what remains of each.
    pub async fn faults(&self) -> Result<Vec<ActiveFault>, AdminError> {
        self.json(Method::GET, "/_sandbox/faults", None::<&()>)
            .await
    }

    /// Clears every fault; answers how many there were.
    pub async fn clear_faults(&self) -> Result<usize, AdminError> {
        self.clear("/_sandbox/faults").await
    }

    /// Clears the faults scoped to `linked_account_id` (see [`FaultSpec::for_account`]) and
    /// leaves the others; answers how many it cleared.
    pub async fn clear_account_faults(&self, linked_account_id: &str) -> Result<usize, AdminError> {
        let query: String = form_urlencoded::Serializer::new(String::new())
            .append_pair("linked_account_id", linked_account_id)
            .finish();
        self.clear(&format!("/_sandbox/faults?{query}")).await
    }

    async fn clear(&self, path: &str) -> Result<usize, AdminError> {
        let cleared: Cleared = self.json(Method::DELETE, path, None::<&()>).await?;
        Ok(cleared.cleared)
    }

    /// The rate limit on `/api/*`.
    pub async fn rate_limit(&self) -> Result<RateLimitSettings, AdminError> {
        self.json(Method::GET, "/_sandbox/rate-limit", None::<&()>)
            .await
    }

    /// Switches the rate limit on `/api/*` (beyond it, 429 with `Retry-After`); answers the
    /// settings now in force.
    pub async fn set_rate_limit(
        &self,
        settings: &RateLimitSettings,
    ) -> Result<RateLimitSettings, AdminError> {
        self.json(Method::PUT, "/_sandbox/rate-limit", Some(settings))
            .await
    }

    /// Adds runs of the app's first workflow to the account's history, the newest last;
    /// answers their ids in that order.
    pub async fn add_runs(&self, runs: &NewRuns<'_>) -> Result<Vec<String>, AdminError> {
        let added: RunIds = self
            .json(Method::POST, "/_sandbox/executions", Some(runs))
            .await?;
        Ok(added.ids)
    }

    /// Marks `slug`'s connection of the linked account expired (it needs re-authorization) and
    /// sends Connection Expired; answers the app as the account now sees it.
    pub async fn expire_connection(
        &self,
        linked_account_id: &str,
        slug: &str,
        reason: Option<&str>,
    ) -> Result<Application, AdminError> {
        let body = ExpireConnection {
            linked_account_id,
            slug,
            reason,
        };
        self.json(Method::POST, "/_sandbox/connections/expire", Some(&body))
            .await
    }

    /// Revokes the selected live session tokens; answers how many.
    pub async fn revoke_tokens(&self, tokens: &TokenSelector) -> Result<usize, AdminError> {
        self.change_tokens("/_sandbox/tokens/revoke", tokens).await
    }

    /// Expires the selected live session tokens now; answers how many.
    pub async fn expire_tokens(&self, tokens: &TokenSelector) -> Result<usize, AdminError> {
        self.change_tokens("/_sandbox/tokens/expire", tokens).await
    }

    async fn change_tokens(&self, path: &str, tokens: &TokenSelector) -> Result<usize, AdminError> {
        let changed: TokenCount = self.json(Method::POST, path, Some(tokens)).await?;
        Ok(changed.count)
    }

    /// The call counters, by route.
    pub async fn counters(&self) -> Result<Counters, AdminError> {
        self.json(Method::GET, "/_sandbox/counters", None::<&()>)
            .await
    }

    /// Zeroes the call counters.
    pub async fn reset_counters(&self) -> Result<(), AdminError> {
        self.call(Method::DELETE, "/_sandbox/counters", None::<&()>)
            .await
            .map(drop)
    }

    /// Configured URLs, registered webhooks and recent deliveries.
    pub async fn webhooks(&self) -> Result<WebhookLog, AdminError> {
        self.json(Method::GET, "/_sandbox/webhooks", None::<&()>)
            .await
    }

    /// Forgets all data and clears faults, the rate limit, counters and deliveries; the
    /// configuration (keys, origins, webhook URLs) stays.
    pub async fn reset(&self) -> Result<(), AdminError> {
        self.call(Method::POST, "/_sandbox/reset", None::<&()>)
            .await
            .map(drop)
    }

    async fn json<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: Option<&impl Serialize>,
    ) -> Result<T, AdminError> {
        let route = route(&method, path);
        let text = self.call(method, path, body).await?;
        serde_json::from_str(&text).map_err(|source| AdminError::Unexpected {
            route,
            source,
            body: text,
        })
    }

    /// Sends an admin call with the key; answers the body of a success.
    async fn call(
        &self,
        method: Method,
        path: &str,
        body: Option<&impl Serialize>,
    ) -> Result<String, AdminError> {
        let route = route(&method, path);
        let mut request = self
            .http
            .request(method, format!("{}{path}", self.base_url))
            .header("x-api-key", &self.api_key);
        if let Some(body) = body {
            request = request.json(body);
        }
        answer(route, request).await
    }
}

fn route(method: &Method, path: &str) -> String {
    format!("{method} {path}")
}

/// Sends `request`; a success's body, or the refusal with its envelope's message.
async fn answer(route: String, request: RequestBuilder) -> Result<String, AdminError> {
    let transport = |source| AdminError::Transport {
        route: route.clone(),
        source,
    };
    let response = request.send().await.map_err(transport)?;
    let status = response.status();
    let text = response.text().await.map_err(transport)?;
    if status.is_success() {
        return Ok(text);
    }
    let message = serde_json::from_str::<ErrorEnvelope>(&text)
        .map(|envelope| envelope.message)
        .unwrap_or(text);
    Err(AdminError::Refused {
        route,
        status: status.as_u16(),
        message,
    })
}
