//! `CobaltClient`: the platform backend's typed client for Cobalt's API-key routes (feature
//! `client`, native only). Timeouts, bounded retries with jittered backoff, and logs and `Debug`
//! output that never show the API key, a session token or request headers.
//!
//! # Retries
//!
//! Only on a connection failure, 429 (waiting `Retry-After`, capped; unless
//! `retry_rate_limited` is off) or 502/503/504, and only for calls that are safe to repeat:
//!
//! | call | retried | why |
//! |---|---|---|
//! | GET (applications, OAuth URL, configs, config ids) | yes | reads |
//! | PUT (upsert account, save credentials, update config) | yes | the same body leaves the same state |
//! | DELETE (config, disconnect) | yes | the state converges; a retried config delete may answer 404 when an earlier attempt got through |
//! | POST session token | yes, unless `force_refresh` | Cobalt reuses the valid token, so a repeat returns it; a forced refresh mints a new one each time |
//! | POST field options | yes | a read that takes the parent value as a body (Cobalt answers GET too) |
//! | POST config find-or-create | no | a 502/504 may hide a create still running, and a second create racing it could duplicate the config |
//!
//! Timeouts are not retried: the request reached Cobalt and may still be running.

mod error;
mod retry;
mod secret;

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::header::{HeaderMap, HeaderValue};
use reqwest::{Method, Url};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

pub use error::{ApiError, CobaltError};
use retry::RetryPolicy;
pub use secret::SecretToken;

use crate::audit::AuditPage;
use crate::{
    Application, AuthUrl, Config, ConfigPayload, ConfigRef, Execution, ExecutionPage,
    ExecutionQuery, FieldOptions, FieldValuePayload, LinkedAccount, LinkedAccountPayload, Message,
    Rerun, SaveResult, SessionTokenRequest, UpdateConfigPayload,
};

/// Where Cobalt is, the org API key, and the timeout and retry limits.
///
/// Start from [`ClientConfig::new`] and override fields with struct update syntax.
#[derive(Debug, Clone)]
pub struct ClientConfig {
    /// E.g. `https://api.gocobalt.io`, or the sandbox's `base_url()`. May carry a path prefix.
    pub base_url: String,
    /// The org API key (`tk…` test, `pk…` production).
    pub api_key: SecretToken,
    /// Limit on establishing a connection. Default 5 s.
    pub connect_timeout: Duration,
    /// Limit on one attempt, from connecting to the end of the answer's body. Default 15 s.
    pub timeout: Duration,
    /// Retries after the first attempt, for calls that may retry. Default 2.
    pub max_retries: u32,
    /// The first backoff step; each retry doubles it. Default 200 ms.
    pub initial_backoff: Duration,
    /// Cap on a single wait, `Retry-After` included. Default 5 s.
    pub max_backoff: Duration,
    /// Cap on the waits of one call, all retries together; a retry that would exceed it is not
    /// made. Default 10 s.
    pub max_total_backoff: Duration,
    /// Whether a 429 is retried after its `Retry-After`. Default yes; a caller that shares the
    /// organisation's limit among many users turns it off and backs off for all of them instead.
    pub retry_rate_limited: bool,
}

impl ClientConfig {
    /// The defaults, for `base_url` and `api_key`.
    pub fn new(base_url: impl Into<String>, api_key: impl Into<SecretToken>) -> Self {
        Self {
            base_url: base_url.into(),
            api_key: api_key.into(),
            connect_timeout: Duration::from_secs(5),
            timeout: Duration::from_secs(15),
            max_retries: 2,
            initial_backoff: Duration::from_millis(200),
            max_backoff: Duration::from_secs(5),
            max_total_backoff: Duration::from_secs(10),
            retry_rate_limited: true,
        }
    }
}

/// A client of Cobalt's API-key routes. Cheap to clone: clones share one connection pool.
#[derive(Clone)]
pub struct CobaltClient {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    base_url: Url,
    timeout: Duration,
    retry: RetryPolicy,
    retry_rate_limited: bool,
}

impl fmt::Debug for CobaltClient {
    // By hand: `reqwest::Client`'s `Debug` lists its default headers, which hold the API key.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CobaltClient")
            .field("base_url", &self.inner.base_url.as_str())
            .field("timeout", &self.inner.timeout)
            .field("retry", &self.inner.retry)
            .finish_non_exhaustive()
    }
}

/// Whether a call may be sent again after a retryable failure (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Retry {
    Idempotent,
    Never,
}

/// One call to make: where, with which scoping headers and body, and whether it may retry.
struct Call<'a, B: ?Sized> {
    method: Method,
    url: Url,
    linked_account_id: Option<&'a str>,
    slug: Option<&'a str>,
    body: Option<&'a B>,
    /// A session token sent as `Authorization: Bearer` (the session routes).
    bearer: Option<&'a SecretToken>,
    retry: Retry,
}

impl<'a> Call<'a, ()> {
    fn new(method: Method, url: Url, retry: Retry) -> Self {
        Call {
            method,
            url,
            linked_account_id: None,
            slug: None,
            body: None,
            bearer: None,
            retry,
        }
    }
}

impl<'a, B: Serialize + ?Sized> Call<'a, B> {
    fn account(self, linked_account_id: &'a str) -> Self {
        Self {
            linked_account_id: Some(linked_account_id),
            ..self
        }
    }

    fn json<C: Serialize + ?Sized>(self, body: &'a C) -> Call<'a, C> {
        Call {
            method: self.method,
            url: self.url,
            linked_account_id: self.linked_account_id,
            slug: self.slug,
            body: Some(body),
            bearer: self.bearer,
            retry: self.retry,
        }
    }
}

/// Where a field lives, for [`CobaltClient::field_options`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldLocation<'a> {
    pub slug: &'a str,
    pub field_id: &'a str,
    /// For a workflow's field; app-level fields are found without it.
    pub workflow_id: Option<&'a str>,
    /// Defaults to the linked account id.
    pub config_id: Option<&'a str>,
}

impl CobaltClient {
    /// Builds the client and its connection pool. Fails on a base URL that is not http(s) or
    /// carries credentials, and on an API key that cannot be a header value.
    pub fn new(config: ClientConfig) -> Result<Self, CobaltError> {
        let base_url = Url::parse(&config.base_url)
            .map_err(|err| CobaltError::Config(format!("base_url is not a URL: {err}")))?;
        if !matches!(base_url.scheme(), "http" | "https") || base_url.cannot_be_a_base() {
            return Err(CobaltError::Config(
                "base_url must be an http(s) URL".to_owned(),
            ));
        }
        // Credentials in the URL would show up in every log line and error that names it.
        if !base_url.username().is_empty() || base_url.password().is_some() {
            return Err(CobaltError::Config(
                "base_url must not carry credentials".to_owned(),
            ));
        }
        // The message must not quote the key.
        let mut api_key = HeaderValue::from_str(config.api_key.expose())
            .map_err(|_| CobaltError::Config("api_key is not a valid header value".to_owned()))?;
        api_key.set_sensitive(true);
        let mut headers = HeaderMap::new();
        headers.insert("x-api-key", api_key);
        let http = reqwest::Client::builder()
            .default_headers(headers)
            .connect_timeout(config.connect_timeout)
            // A redirect would carry `x-api-key` to wherever it points; Cobalt's API never
            // redirects, so any redirect is answered as an error instead.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|err| CobaltError::Config(format!("cannot build the HTTP client: {err}")))?;
        Ok(Self {
            inner: Arc::new(Inner {
                http,
                base_url,
                timeout: config.timeout,
                retry_rate_limited: config.retry_rate_limited,
                retry: RetryPolicy {
                    max_retries: config.max_retries,
                    initial_backoff: config.initial_backoff,
                    max_backoff: config.max_backoff,
                    max_total_backoff: config.max_total_backoff,
                },
            }),
        })
    }

    /// `PUT /api/v2/public/linked-account`: creates the linked account or updates its name and
    /// `udf` (merged by key). Call it when a customer signs up; repeating it is harmless.
    pub async fn upsert_linked_account(
        &self,
        payload: &LinkedAccountPayload,
    ) -> Result<LinkedAccount, CobaltError> {
        let url = self.url(&["linked-account"])?;
        self.send(Call::new(Method::PUT, url, Retry::Idempotent).json(payload))
            .await
    }

    /// `POST /api/v2/public/session-token`: a session token for the browser. Cobalt returns the
    /// account's current valid token unless `force_refresh` asks for a new one.
    pub async fn session_token(
        &self,
        linked_account_id: &str,
        force_refresh: bool,
    ) -> Result<SecretToken, CobaltError> {
        /// Only `token`: the other keys are not needed, and a narrow type keeps serde's error
        /// messages from quoting anything else in the body.
        #[derive(serde::Deserialize)]
        struct Answer {
            token: String,
        }
        let mut url = self.url(&["session-token"])?;
        let retry = if force_refresh {
            url.query_pairs_mut().append_pair("force_refresh", "true");
            Retry::Never
        } else {
            Retry::Idempotent
        };
        let body = SessionTokenRequest {
            linked_account_id: linked_account_id.to_owned(),
        };
        let answer: Answer = self
            .send(Call::new(Method::POST, url, retry).json(&body))
            .await?;
        Ok(SecretToken::from(answer.token))
    }

    /// `POST /api/v2/public/session-token/revoke`: ends `token` (a session token minted for a
    /// linked account), so a copy of it held anywhere stops working. Repeatable.
    pub async fn revoke_session_token(
        &self,
        token: &SecretToken,
    ) -> Result<crate::RevokeResult, CobaltError> {
        let url = self.url(&["session-token", "revoke"])?;
        let call = Call {
            bearer: Some(token),
            ..Call::new(Method::POST, url, Retry::Idempotent)
        };
        self.send(call).await
    }

    /// `GET /api/v2/public/application`: every app enabled for the org, with the account's
    /// connection state.
    pub async fn list_applications(
        &self,
        linked_account_id: &str,
    ) -> Result<Vec<Application>, CobaltError> {
        let url = self.url(&["application"])?;
        self.send(Call::new(Method::GET, url, Retry::Idempotent).account(linked_account_id))
            .await
    }

    /// `GET /api/v2/public/application/{slug}`: one app, with the account's connection state.
    pub async fn get_application(
        &self,
        linked_account_id: &str,
        slug: &str,
    ) -> Result<Application, CobaltError> {
        let url = self.url(&["application", slug])?;
        self.send(Call::new(Method::GET, url, Retry::Idempotent).account(linked_account_id))
            .await
    }

    /// `GET /api/v2/public/linked-account/integration/oauth-url/{slug}`: the provider URL to
    /// send the user to. `params` go into the query: the inputs some apps need, or the
    /// sandbox's `redirect_uri`.
    pub async fn oauth_url(
        &self,
        linked_account_id: &str,
        slug: &str,
        params: &[(&str, &str)],
    ) -> Result<AuthUrl, CobaltError> {
        let mut url = self.url(&["linked-account", "integration", "oauth-url", slug])?;
        if !params.is_empty() {
            url.query_pairs_mut().extend_pairs(params);
        }
        self.send(Call::new(Method::GET, url, Retry::Idempotent).account(linked_account_id))
            .await
    }

    /// `PUT /api/v2/public/linked-account/integration/save-key-credentials/{slug}`: connects a
    /// key-based app. `credentials` is keyed by the app's `auth_input_map` names. Cobalt checks
    /// them with the provider first; a rejection is a 500 "Failed to verify credentials: …".
    pub async fn save_key_credentials<C: Serialize + ?Sized>(
        &self,
        linked_account_id: &str,
        slug: &str,
        credentials: &C,
    ) -> Result<SaveResult, CobaltError> {
        let url = self.url(&[
            "linked-account",
            "integration",
            "save-key-credentials",
            slug,
        ])?;
        self.send(
            Call::new(Method::PUT, url, Retry::Idempotent)
                .account(linked_account_id)
                .json(credentials),
        )
        .await
    }

    /// `DELETE /api/v2/public/linked-account/integration/{slug}`: disconnects the app and
    /// deletes its configs; succeeds when nothing was connected. Answers the linked account.
    pub async fn disconnect(
        &self,
        linked_account_id: &str,
        slug: &str,
    ) -> Result<LinkedAccount, CobaltError> {
        let mut url = self.url(&["linked-account", "integration", slug])?;
        url.query_pairs_mut()
            .append_pair("linked_account_id", linked_account_id);
        self.send(Call::new(Method::DELETE, url, Retry::Idempotent).account(linked_account_id))
            .await
    }

    /// `POST /api/v2/public/config`: the config for `payload.slug` and `payload.config_id`
    /// (default: the linked account id), created from the app's template if missing.
    pub async fn find_or_create_config(
        &self,
        linked_account_id: &str,
        payload: &ConfigPayload,
    ) -> Result<Config, CobaltError> {
        let url = self.url(&["config"])?;
        self.send(
            Call::new(Method::POST, url, Retry::Never)
                .account(linked_account_id)
                .json(payload),
        )
        .await
    }

    /// `GET /api/v2/public/slug/{slug}/config[/{config_id}]`.
    pub async fn get_config(
        &self,
        linked_account_id: &str,
        slug: &str,
        config_id: Option<&str>,
    ) -> Result<Config, CobaltError> {
        let url = self.config_url(slug, config_id)?;
        self.send(Call::new(Method::GET, url, Retry::Idempotent).account(linked_account_id))
            .await
    }

    /// `PUT /api/v2/public/config`: sets the field values and workflow states the payload
    /// names; the rest keep their state.
    pub async fn update_config(
        &self,
        linked_account_id: &str,
        payload: &UpdateConfigPayload,
    ) -> Result<Config, CobaltError> {
        let url = self.url(&["config"])?;
        self.send(
            Call::new(Method::PUT, url, Retry::Idempotent)
                .account(linked_account_id)
                .json(payload),
        )
        .await
    }

    /// `DELETE /api/v2/public/slug/{slug}/config[/{config_id}]`.
    pub async fn delete_config(
        &self,
        linked_account_id: &str,
        slug: &str,
        config_id: Option<&str>,
    ) -> Result<Message, CobaltError> {
        let url = self.config_url(slug, config_id)?;
        self.send(Call::new(Method::DELETE, url, Retry::Idempotent).account(linked_account_id))
            .await
    }

    /// `GET /api/v2/public/execution`: one page of the account's runs, newest first.
    pub async fn list_executions(
        &self,
        linked_account_id: &str,
        query: &ExecutionQuery,
    ) -> Result<ExecutionPage, CobaltError> {
        let mut url = self.url(&["execution"])?;
        {
            let mut pairs = url.query_pairs_mut();
            pairs
                .append_pair("page", &query.page.max(1).to_string())
                .append_pair("limit", &query.limit.clamp(1, 100).to_string());
            if !query.slugs.is_empty() {
                pairs.append_pair("slug", &query.slugs.join(","));
            }
            if !query.statuses.is_empty() {
                let statuses: Vec<&str> = query.statuses.iter().map(|s| s.as_str()).collect();
                pairs.append_pair("status", &statuses.join(","));
            }
        }
        self.send(Call::new(Method::GET, url, Retry::Idempotent).account(linked_account_id))
            .await
    }

    /// `GET /api/v1/audit/public/audit-logs`: the newest `limit` (at most 200) entries of the
    /// account's audit log of the last 30 days (of the app `slug`, if given), newest first.
    /// The `slug` filter is inferred: callers filter the entries again.
    pub async fn list_audit_logs(
        &self,
        linked_account_id: &str,
        slug: Option<&str>,
        limit: u32,
    ) -> Result<AuditPage, CobaltError> {
        let mut url = self.url_under(&["api", "v1", "audit", "public"], &["audit-logs"])?;
        {
            let mut pairs = url.query_pairs_mut();
            pairs
                .append_pair("page", "1")
                .append_pair("limit", &limit.clamp(1, 200).to_string());
            if let Some(slug) = slug {
                pairs.append_pair("slug", slug);
            }
        }
        self.send(Call::new(Method::GET, url, Retry::Idempotent).account(linked_account_id))
            .await
    }

    /// `GET /api/v2/public/execution/{id}`: one run with its steps.
    pub async fn get_execution(
        &self,
        linked_account_id: &str,
        id: &str,
    ) -> Result<Execution, CobaltError> {
        let url = self.url(&["execution", id])?;
        self.send(Call::new(Method::GET, url, Retry::Idempotent).account(linked_account_id))
            .await
    }

    /// `POST /api/v2/public/execution/{id}/rerun`: runs the workflow again with the run's
    /// payload; answers the new run. Never retried: each call starts a run.
    pub async fn rerun_execution(
        &self,
        linked_account_id: &str,
        id: &str,
    ) -> Result<Rerun, CobaltError> {
        let url = self.url(&["execution", id, "rerun"])?;
        self.send(Call::new(Method::POST, url, Retry::Never).account(linked_account_id))
            .await
    }

    /// `POST /api/v2/public/execution/{id}/stop`: stops a running run.
    pub async fn stop_execution(
        &self,
        linked_account_id: &str,
        id: &str,
    ) -> Result<Execution, CobaltError> {
        let url = self.url(&["execution", id, "stop"])?;
        self.send(Call::new(Method::POST, url, Retry::Idempotent).account(linked_account_id))
            .await
    }

    /// `GET /api/v2/public/slug/{slug}/configs`: the ids of the account's configs of an app.
    pub async fn list_config_ids(
        &self,
        linked_account_id: &str,
        slug: &str,
    ) -> Result<Vec<ConfigRef>, CobaltError> {
        let url = self.url(&["slug", slug, "configs"])?;
        self.send(Call::new(Method::GET, url, Retry::Idempotent).account(linked_account_id))
            .await
    }

    /// `POST /api/v2/public/config/field/{field_id}`: a field with its current options. For a
    /// dependent field, `parent_value` stands in for the parent field's value. Options that
    /// cannot be loaded (a dynamic field while the app is not connected) come back as
    /// `field_errors`, not as an error.
    pub async fn field_options(
        &self,
        linked_account_id: &str,
        field: FieldLocation<'_>,
        parent_value: Option<&Value>,
    ) -> Result<FieldOptions, CobaltError> {
        let mut url = self.url(&["config", "field", field.field_id])?;
        for (name, value) in [
            ("workflow_id", field.workflow_id),
            ("config_id", field.config_id),
        ] {
            if let Some(value) = value {
                url.query_pairs_mut().append_pair(name, value);
            }
        }
        let body = FieldValuePayload {
            value: parent_value.cloned(),
        };
        let call = Call {
            slug: Some(field.slug),
            ..Call::new(Method::POST, url, Retry::Idempotent).account(linked_account_id)
        };
        self.send(call.json(&body)).await
    }

    /// `{base}/api/v2/public/{segments…}`, each segment percent-encoded.
    fn url(&self, segments: &[&str]) -> Result<Url, CobaltError> {
        self.url_under(&["api", "v2", "public"], segments)
    }

    fn url_under(&self, prefix: &[&str], segments: &[&str]) -> Result<Url, CobaltError> {
        let mut url = self.inner.base_url.clone();
        url.path_segments_mut()
            .map_err(|()| CobaltError::Config("base_url cannot take a path".to_owned()))?
            .pop_if_empty()
            .extend(prefix)
            .extend(segments);
        Ok(url)
    }

    fn config_url(&self, slug: &str, config_id: Option<&str>) -> Result<Url, CobaltError> {
        match config_id {
            Some(config_id) => self.url(&["slug", slug, "config", config_id]),
            None => self.url(&["slug", slug, "config"]),
        }
    }

    /// Makes the call, retrying it as its [`Retry`] and the policy allow.
    async fn send<T, B>(&self, call: Call<'_, B>) -> Result<T, CobaltError>
    where
        T: DeserializeOwned,
        B: Serialize + ?Sized,
    {
        let mut attempt = 1;
        let mut waited = Duration::ZERO;
        loop {
            let error = match self.attempt(&call, attempt).await {
                Ok(answer) => return Ok(answer),
                Err(error) => error,
            };
            let rate_limited = error
                .status()
                .is_some_and(|s| s == reqwest::StatusCode::TOO_MANY_REQUESTS);
            let may_retry = !rate_limited || self.inner.retry_rate_limited;
            let delay = if call.retry == Retry::Idempotent && error.is_retryable() && may_retry {
                self.inner
                    .retry
                    .delay(attempt - 1, error.retry_after(), waited, retry::jitter())
            } else {
                None
            };
            let Some(delay) = delay else {
                return Err(error);
            };
            tracing::debug!(
                method = %call.method,
                path = call.url.path(),
                attempt,
                delay_ms = millis(delay),
                "retrying Cobalt call"
            );
            tokio::time::sleep(delay).await;
            waited += delay;
            attempt += 1;
        }
    }

    /// One attempt: send, read the whole body, decode it or turn it into a [`CobaltError`].
    async fn attempt<T, B>(&self, call: &Call<'_, B>, attempt: u32) -> Result<T, CobaltError>
    where
        T: DeserializeOwned,
        B: Serialize + ?Sized,
    {
        let started = Instant::now();
        let path = call.url.path();
        let mut request = self
            .inner
            .http
            .request(call.method.clone(), call.url.clone())
            .timeout(self.inner.timeout);
        if let Some(linked_account_id) = call.linked_account_id {
            request = request.header("linked_account_id", linked_account_id);
        }
        if let Some(slug) = call.slug {
            request = request.header("slug", slug);
        }
        if let Some(token) = call.bearer {
            // reqwest marks the header sensitive, so it never shows in its `Debug`.
            request = request.bearer_auth(token.expose());
        }
        if let Some(body) = call.body {
            request = request.json(body);
        }
        let answer = async {
            let response = request.send().await?;
            let status = response.status();
            let headers = response.headers().clone();
            let body = response.bytes().await?;
            Ok::<_, reqwest::Error>((status, headers, body))
        }
        .await;
        let (status, headers, body) = match answer {
            Ok(answer) => answer,
            Err(source) => {
                let error = self.transport_error(call, source);
                tracing::debug!(
                    method = %call.method,
                    path,
                    attempt,
                    elapsed_ms = millis(started.elapsed()),
                    error = %error,
                    "Cobalt call failed"
                );
                return Err(error);
            }
        };
        tracing::debug!(
            method = %call.method,
            path,
            status = status.as_u16(),
            attempt,
            elapsed_ms = millis(started.elapsed()),
            "Cobalt answered"
        );
        let request_id = headers
            .get("x-request-id")
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned);
        if !status.is_success() {
            return Err(CobaltError::from_answer(
                call.method.clone(),
                path.to_owned(),
                status,
                &body,
                request_id,
                retry::retry_after(&headers),
            ));
        }
        serde_json::from_slice(&body).map_err(|source| CobaltError::Decode {
            method: call.method.clone(),
            path: path.to_owned(),
            status,
            request_id,
            source,
        })
    }

    /// A failure without an answer. A connect timeout stays a (retryable) connection failure;
    /// any other timeout means the request may be running at Cobalt.
    fn transport_error<B: ?Sized>(
        &self,
        call: &Call<'_, B>,
        source: reqwest::Error,
    ) -> CobaltError {
        let method = call.method.clone();
        let path = call.url.path().to_owned();
        if source.is_timeout() && !source.is_connect() {
            CobaltError::Timeout {
                method,
                path,
                timeout: self.inner.timeout,
            }
        } else {
            CobaltError::Transport {
                method,
                path,
                // The URL's query may name the linked account; the path is kept alongside.
                source: source.without_url(),
            }
        }
    }
}

fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}
