//! The Cobalt client (`cobalt`, feature `client`) against the sandbox over real HTTP on an
//! ephemeral port: every call, error classification, retries driven by the admin fault API,
//! timeouts, refused connections, and that neither `Debug` nor logs show a credential.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "test helpers should fail loudly"
)]

use std::collections::BTreeMap;
use std::io;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use cobalt::{
    ClientConfig, CobaltClient, CobaltError, ConfigPayload, FieldLocation, LinkedAccountPayload,
    UpdateConfigPayload, WorkflowPayload,
};
use sandbox::admin::{AdminClient, FaultSpec};
use sandbox::{DEFAULT_API_KEY, RunningSandbox, SandboxConfig};
use serde_json::json;
use tracing::instrument::WithSubscriber;
use tracing_subscriber::fmt::MakeWriter;

const ORIGIN: &str = "http://app.example:3000";
const HUBSPOT_PIPELINE: &str = "42ad3a8ef5494b14a1c31c76";
const HUBSPOT_DEAL_STAGE: &str = "75e63d15c2d20416ff80fe08";
const HUBSPOT_SYNC_CONTACTS: &str = "bd714afbb50ff2d2cf834571";
const HUBSPOT_LIFECYCLE_STAGE: &str = "e38a43a08d36f9413d775f6d";
const APPLICATIONS_PATH: &str = "/api/v2/public/application";
const APPLICATIONS: &str = "GET /api/v2/public/application";

struct Sandbox {
    _running: RunningSandbox,
    base: String,
    admin: AdminClient,
}

async fn start() -> Sandbox {
    let running = sandbox::spawn(SandboxConfig {
        addr: "127.0.0.1:0".parse().unwrap(),
        allowed_origins: vec![ORIGIN.to_owned()],
        ..Default::default()
    })
    .await
    .expect("sandbox starts");
    Sandbox {
        base: running.base_url(),
        admin: AdminClient::new(running.base_url(), DEFAULT_API_KEY),
        _running: running,
    }
}

/// Fast backoff so retry tests take milliseconds, and a `max_backoff` that lets the sandbox's
/// `Retry-After: 1` through.
fn fast_config(base_url: &str) -> ClientConfig {
    ClientConfig {
        connect_timeout: Duration::from_secs(1),
        timeout: Duration::from_secs(5),
        max_retries: 2,
        initial_backoff: Duration::from_millis(20),
        max_backoff: Duration::from_secs(2),
        max_total_backoff: Duration::from_secs(5),
        ..ClientConfig::new(base_url, DEFAULT_API_KEY)
    }
}

impl Sandbox {
    fn client(&self) -> CobaltClient {
        CobaltClient::new(fast_config(&self.base)).expect("client builds")
    }

    fn client_with(&self, change: impl FnOnce(&mut ClientConfig)) -> CobaltClient {
        let mut config = fast_config(&self.base);
        change(&mut config);
        CobaltClient::new(config).expect("client builds")
    }

    /// Upserts a linked account.
    async fn account(&self, client: &CobaltClient, id: &str) {
        client
            .upsert_linked_account(&LinkedAccountPayload {
                linked_account_id: Some(id.to_owned()),
                name: Some("Acme".to_owned()),
                ..Default::default()
            })
            .await
            .expect("account upserted");
    }

    async fn fault(&self, spec: FaultSpec) {
        self.admin.add_fault(&spec).await.unwrap();
    }

    /// How often the sandbox saw `route` ("METHOD /route/{template}").
    async fn calls(&self, route: &str) -> u64 {
        self.admin.counters().await.unwrap().calls(route)
    }
}

fn hubspot_config() -> ConfigPayload {
    ConfigPayload {
        slug: "hubspot".to_owned(),
        config_id: None,
        labels: None,
        workflows: None,
    }
}

/// Connects the key-based app Copper for `account` with valid credentials.
async fn connect_copper(client: &CobaltClient, account: &str) {
    let credentials = json!({"api_token": "copper-key", "email": "ops@acme.test"});
    client
        .save_key_credentials(account, "copper", &credentials)
        .await
        .unwrap();
}

fn api_status(error: &CobaltError) -> u16 {
    error.status().map(|status| status.as_u16()).unwrap_or(0)
}

/// Collects everything a `tracing_subscriber::fmt` subscriber writes.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Captured {
    fn subscriber(&self) -> impl tracing::Subscriber + Send + Sync + use<> {
        tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .with_writer(self.clone())
            .finish()
    }

    fn text(&self) -> String {
        String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
    }
}

impl io::Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Captured {
    type Writer = Captured;

    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

#[tokio::test]
async fn upserting_a_linked_account_twice_is_idempotent() {
    let sandbox = start().await;
    let client = sandbox.client();
    let payload = LinkedAccountPayload {
        linked_account_id: Some("user_upsert".to_owned()),
        name: Some("Acme Inc.".to_owned()),
        udf: Some(BTreeMap::from([("plan".to_owned(), json!("pro"))])),
        ..Default::default()
    };
    let first = client.upsert_linked_account(&payload).await.unwrap();
    let second = client.upsert_linked_account(&payload).await.unwrap();
    assert_eq!(first.account_id, "user_upsert");
    assert_eq!(first.new_account, Some(true));
    assert_eq!(second.new_account, Some(false));
    assert_eq!(first.id, second.id);
    assert_eq!(second.name.as_deref(), Some("Acme Inc."));
    assert_eq!(second.udf.len(), 1, "{:?}", second.udf);
    assert_eq!(second.udf[0].key_value, "pro");
}

#[tokio::test]
async fn a_session_token_is_reused_unless_force_refresh_is_asked() {
    let sandbox = start().await;
    let client = sandbox.client();
    sandbox.account(&client, "user_token").await;
    let first = client.session_token("user_token", false).await.unwrap();
    let again = client.session_token("user_token", false).await.unwrap();
    let refreshed = client.session_token("user_token", true).await.unwrap();
    assert!(!first.expose().is_empty());
    assert_eq!(first, again);
    assert_ne!(first, refreshed);
}

#[tokio::test]
async fn an_unknown_linked_account_is_classified_and_not_retried() {
    let sandbox = start().await;
    let client = sandbox.client();
    let error = client.session_token("nobody", false).await.unwrap_err();
    assert_eq!(api_status(&error), 500, "{error:?}");
    assert!(error.is_unknown_linked_account(), "{error:?}");
    assert!(!error.is_retryable());
    assert!(
        error
            .message()
            .unwrap()
            .starts_with("No linked account found for account id : nobody")
    );
    assert_eq!(sandbox.calls("POST /api/v2/public/session-token").await, 1);

    let error = client.list_applications("nobody").await.unwrap_err();
    assert_eq!(api_status(&error), 404, "{error:?}");
    assert!(error.is_unknown_linked_account(), "{error:?}");
    assert!(error.is_not_found());
}

#[tokio::test]
async fn a_wrong_api_key_is_a_401_with_code_and_message() {
    let sandbox = start().await;
    let client = sandbox.client_with(|config| config.api_key = "tk_wrong".into());
    let error = client.list_applications("user_1").await.unwrap_err();
    assert!(error.is_unauthorized(), "{error:?}");
    assert_eq!(api_status(&error), 401);
    assert_eq!(error.code(), Some("SERVER_ERROR"));
    assert_eq!(error.message(), Some("Invalid Credentials"));
    assert!(!error.is_retryable());
    assert!(!error.is_not_found());
    assert_eq!(sandbox.calls(APPLICATIONS).await, 1);
    let error = client.session_token("user_1", false).await.unwrap_err();
    assert!(error.is_unauthorized(), "{error:?}");
}

#[tokio::test]
async fn applications_are_listed_and_fetched_for_a_linked_account() {
    let sandbox = start().await;
    let client = sandbox.client();
    sandbox.account(&client, "user_apps").await;
    let apps = client.list_applications("user_apps").await.unwrap();
    let slugs: Vec<_> = apps.iter().filter_map(|app| app.slug()).collect();
    assert!(
        slugs.contains(&"hubspot") && slugs.contains(&"copper"),
        "{slugs:?}"
    );
    assert!(apps.iter().all(|app| !app.connected));
    let hubspot = client
        .get_application("user_apps", "hubspot")
        .await
        .unwrap();
    assert_eq!(hubspot.name, "HubSpot");
    let error = client
        .get_application("user_apps", "no-such-app")
        .await
        .unwrap_err();
    assert!(error.is_not_found(), "{error:?}");
    assert_eq!(error.code(), Some("INVALID_APP_ID"));
    assert!(!error.is_unknown_linked_account());
}

#[tokio::test]
async fn a_config_round_trips_through_find_or_create_get_update_list_and_delete() {
    let sandbox = start().await;
    let client = sandbox.client();
    let account = "user_config";
    sandbox.account(&client, account).await;

    let created = client
        .find_or_create_config(account, &hubspot_config())
        .await
        .unwrap();
    assert_eq!(created.config_id.as_deref(), Some(account));
    assert_eq!(created.slug, "hubspot");
    assert!(created.workflows.iter().all(|workflow| !workflow.enabled));

    let updated = client
        .update_config(
            account,
            &UpdateConfigPayload {
                slug: "hubspot".to_owned(),
                config_id: None,
                fields: BTreeMap::new(),
                workflows: vec![WorkflowPayload {
                    id: HUBSPOT_SYNC_CONTACTS.to_owned(),
                    enabled: Some(true),
                    fields: BTreeMap::from([(HUBSPOT_LIFECYCLE_STAGE.to_owned(), json!("lead"))]),
                }],
            },
        )
        .await
        .unwrap();
    let sync = |config: &cobalt::Config| {
        config
            .workflows
            .iter()
            .find(|workflow| workflow.id == HUBSPOT_SYNC_CONTACTS)
            .cloned()
            .unwrap()
    };
    assert!(sync(&updated).enabled);
    assert_eq!(sync(&updated).fields[0].value, Some(json!("lead")));

    let fetched = client.get_config(account, "hubspot", None).await.unwrap();
    assert_eq!(fetched, updated);
    // "Find": a second find-or-create returns the existing config, not a fresh template.
    let found = client
        .find_or_create_config(account, &hubspot_config())
        .await
        .unwrap();
    assert!(sync(&found).enabled);

    let named = ConfigPayload {
        config_id: Some("production".to_owned()),
        ..hubspot_config()
    };
    client.find_or_create_config(account, &named).await.unwrap();
    let production = client
        .get_config(account, "hubspot", Some("production"))
        .await
        .unwrap();
    assert_eq!(production.config_id.as_deref(), Some("production"));
    let mut ids: Vec<_> = client
        .list_config_ids(account, "hubspot")
        .await
        .unwrap()
        .into_iter()
        .map(|config| config.config_id)
        .collect();
    ids.sort();
    assert_eq!(ids, ["production", account]);

    let deleted = client
        .delete_config(account, "hubspot", Some("production"))
        .await
        .unwrap();
    assert_eq!(deleted.message, "Installation Deleted Success");
    client
        .delete_config(account, "hubspot", None)
        .await
        .unwrap();
    assert!(
        client
            .list_config_ids(account, "hubspot")
            .await
            .unwrap()
            .is_empty()
    );
    let error = client
        .get_config(account, "hubspot", None)
        .await
        .unwrap_err();
    assert!(error.is_not_found(), "{error:?}");
}

#[tokio::test]
async fn field_options_report_field_errors_for_a_dynamic_field_while_not_connected() {
    let sandbox = start().await;
    let client = sandbox.client();
    let account = "user_fields";
    sandbox.account(&client, account).await;
    client
        .find_or_create_config(account, &hubspot_config())
        .await
        .unwrap();
    let field = |field_id| FieldLocation {
        slug: "hubspot",
        field_id,
        workflow_id: None,
        config_id: None,
    };

    let pipeline = client
        .field_options(account, field(HUBSPOT_PIPELINE), None)
        .await
        .unwrap();
    assert_eq!(pipeline.field.name, "Pipeline");
    assert_eq!(pipeline.field.options.as_deref(), Some(&[][..]));
    assert_eq!(pipeline.field_errors.len(), 1, "{pipeline:?}");
    assert_eq!(
        pipeline.field_errors[0].error.error.as_deref(),
        Some("APP_NOT_CONNECTED")
    );

    let stages = client
        .field_options(account, field(HUBSPOT_DEAL_STAGE), Some(&json!("default")))
        .await
        .unwrap();
    assert!(stages.field_errors.is_empty(), "{stages:?}");
    assert_eq!(stages.field.options.map(|options| options.len()), Some(3));

    let lifecycle = client
        .field_options(
            account,
            FieldLocation {
                workflow_id: Some(HUBSPOT_SYNC_CONTACTS),
                config_id: Some(account),
                ..field(HUBSPOT_LIFECYCLE_STAGE)
            },
            None,
        )
        .await
        .unwrap();
    assert_eq!(
        lifecycle.field.options.map(|options| options.len()),
        Some(4)
    );
}

#[tokio::test]
async fn the_oauth_url_is_an_auth_url_and_takes_extra_query_params() {
    let sandbox = start().await;
    let client = sandbox.client();
    sandbox.account(&client, "user_oauth").await;
    let consent = format!("{}/emulator/oauth/hubspot/authorize?state=", sandbox.base);

    let plain = client
        .oauth_url("user_oauth", "hubspot", &[])
        .await
        .unwrap();
    assert!(plain.auth_url.starts_with(&consent), "{}", plain.auth_url);

    let redirect = format!("{ORIGIN}/integrations");
    let with_return = client
        .oauth_url("user_oauth", "hubspot", &[("redirect_uri", &redirect)])
        .await
        .unwrap();
    assert!(with_return.auth_url.starts_with(&consent));
    assert_ne!(with_return.auth_url, plain.auth_url);

    let error = client
        .oauth_url(
            "user_oauth",
            "hubspot",
            &[("redirect_uri", "https://evil.example/")],
        )
        .await
        .unwrap_err();
    assert_eq!(api_status(&error), 400, "{error:?}");
}

#[tokio::test]
async fn key_based_credentials_are_saved_and_connect_the_app() {
    let sandbox = start().await;
    let client = sandbox.client();
    sandbox.account(&client, "user_keys").await;
    let saved = client
        .save_key_credentials(
            "user_keys",
            "copper",
            &json!({"api_token": "copper-key", "email": "ops@acme.test"}),
        )
        .await
        .unwrap();
    assert!(saved.success);
    let copper = client.get_application("user_keys", "copper").await.unwrap();
    assert!(copper.connected);
    assert_eq!(
        copper.connected_accounts[0].identifier,
        json!("ops@acme.test")
    );
}

#[tokio::test]
async fn key_based_credentials_equal_to_sandbox_invalid_fail_verification() {
    let sandbox = start().await;
    let client = sandbox.client();
    sandbox.account(&client, "user_bad_keys").await;
    let error = client
        .save_key_credentials(
            "user_bad_keys",
            "copper",
            &json!({"api_token": sandbox::INVALID_CREDENTIAL, "email": "ops@acme.test"}),
        )
        .await
        .unwrap_err();
    assert_eq!(api_status(&error), 500, "{error:?}");
    assert!(
        error
            .message()
            .unwrap()
            .starts_with("Failed to verify credentials"),
        "{error:?}"
    );
    assert!(!error.is_retryable() && !error.is_not_found());
    let route = "PUT /api/v2/public/linked-account/integration/save-key-credentials/{slug}";
    assert_eq!(sandbox.calls(route).await, 1);
    let copper = client
        .get_application("user_bad_keys", "copper")
        .await
        .unwrap();
    assert!(!copper.connected);
}

#[tokio::test]
async fn disconnecting_removes_the_connection_and_succeeds_when_nothing_is_connected() {
    let sandbox = start().await;
    let client = sandbox.client();
    let account = "user_disconnect";
    sandbox.account(&client, account).await;
    connect_copper(&client, account).await;

    let after = client.disconnect(account, "copper").await.unwrap();
    assert_eq!(after.account_id, account);
    let integrations = after.integrations.unwrap_or_default();
    assert!(
        integrations
            .iter()
            .all(|integration| integration.app_type != "copper"),
        "{integrations:?}"
    );
    let copper = client.get_application(account, "copper").await.unwrap();
    assert!(!copper.connected);
    client.disconnect(account, "copper").await.unwrap();
}

#[tokio::test]
async fn a_get_is_retried_through_two_503s_and_succeeds() {
    let sandbox = start().await;
    let client = sandbox.client();
    sandbox.account(&client, "user_retry").await;
    sandbox
        .fault(FaultSpec::error(APPLICATIONS_PATH, 503).times(2))
        .await;
    let apps = client.list_applications("user_retry").await.unwrap();
    assert!(!apps.is_empty());
    assert_eq!(sandbox.calls(APPLICATIONS).await, 3);
}

#[tokio::test]
async fn retries_stop_after_max_retries() {
    let sandbox = start().await;
    let client = sandbox.client();
    sandbox.account(&client, "user_retry_max").await;
    sandbox
        .fault(FaultSpec::error(APPLICATIONS_PATH, 503).times(10))
        .await;
    let error = client
        .list_applications("user_retry_max")
        .await
        .unwrap_err();
    assert_eq!(api_status(&error), 503, "{error:?}");
    assert!(error.is_retryable());
    assert_eq!(error.message(), Some("Injected fault"));
    assert_eq!(sandbox.calls(APPLICATIONS).await, 3);
}

#[tokio::test]
async fn a_503_on_find_or_create_is_not_retried() {
    let sandbox = start().await;
    let client = sandbox.client();
    sandbox.account(&client, "user_post").await;
    sandbox
        .fault(
            FaultSpec::error("/api/v2/public/config", 503)
                .on(reqwest::Method::POST)
                .times(2),
        )
        .await;
    let error = client
        .find_or_create_config("user_post", &hubspot_config())
        .await
        .unwrap_err();
    assert_eq!(api_status(&error), 503, "{error:?}");
    assert!(
        error.is_retryable(),
        "the caller may retry; the client does not"
    );
    assert_eq!(sandbox.calls("POST /api/v2/public/config").await, 1);
}

#[tokio::test]
async fn a_503_on_a_forced_session_token_is_not_retried_but_a_reused_one_is() {
    let sandbox = start().await;
    let client = sandbox.client();
    sandbox.account(&client, "user_token_retry").await;
    let route = "POST /api/v2/public/session-token";
    let fault = FaultSpec::error("/api/v2/public/session-token", 503);

    sandbox.fault(fault.clone()).await;
    let error = client
        .session_token("user_token_retry", true)
        .await
        .unwrap_err();
    assert_eq!(api_status(&error), 503, "{error:?}");
    assert_eq!(sandbox.calls(route).await, 1);

    sandbox.fault(fault).await;
    client
        .session_token("user_token_retry", false)
        .await
        .unwrap();
    assert_eq!(sandbox.calls(route).await, 3);
}

#[tokio::test]
async fn a_429_waits_for_retry_after_and_then_succeeds() {
    let sandbox = start().await;
    let client = sandbox.client();
    sandbox.account(&client, "user_429").await;
    sandbox
        .fault(FaultSpec::error(APPLICATIONS_PATH, 429))
        .await;
    let started = Instant::now();
    client.list_applications("user_429").await.unwrap();
    let elapsed = started.elapsed();
    // The sandbox's injected 429 says `Retry-After: 1`; the backoff alone would be ~20 ms.
    assert!(elapsed >= Duration::from_secs(1), "{elapsed:?}");
    assert_eq!(sandbox.calls(APPLICATIONS).await, 2);
}

#[tokio::test]
async fn a_retry_after_beyond_the_total_backoff_budget_is_not_waited_for() {
    let sandbox = start().await;
    let client = sandbox.client_with(|config| {
        config.max_total_backoff = Duration::from_millis(500);
    });
    sandbox.account(&client, "user_budget").await;
    sandbox
        .fault(FaultSpec::error(APPLICATIONS_PATH, 429))
        .await;
    let started = Instant::now();
    let error = client.list_applications("user_budget").await.unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(1));
    assert_eq!(api_status(&error), 429, "{error:?}");
    assert_eq!(error.retry_after(), Some(Duration::from_secs(1)));
    assert_eq!(error.code(), Some("SERVER_ERROR"));
    assert_eq!(sandbox.calls(APPLICATIONS).await, 1);
}

#[tokio::test]
async fn a_500_is_not_retried() {
    let sandbox = start().await;
    let client = sandbox.client();
    sandbox.account(&client, "user_500").await;
    sandbox
        .fault(
            FaultSpec::error(APPLICATIONS_PATH, 500)
                .times(2)
                .with_message("boom"),
        )
        .await;
    let error = client.list_applications("user_500").await.unwrap_err();
    assert_eq!(api_status(&error), 500, "{error:?}");
    assert_eq!(error.message(), Some("boom"));
    assert!(!error.is_retryable());
    assert_eq!(sandbox.calls(APPLICATIONS).await, 1);
}

#[tokio::test]
async fn a_slow_answer_is_a_timeout_error_and_is_not_retried() {
    let sandbox = start().await;
    let client = sandbox.client_with(|config| config.timeout = Duration::from_millis(300));
    sandbox.account(&client, "user_slow").await;
    sandbox
        .fault(FaultSpec::latency(
            APPLICATIONS_PATH,
            Duration::from_secs(3),
        ))
        .await;
    let started = Instant::now();
    let error = client.list_applications("user_slow").await.unwrap_err();
    let elapsed = started.elapsed();
    assert!(
        matches!(error, CobaltError::Timeout { timeout, .. } if timeout == Duration::from_millis(300)),
        "{error:?}"
    );
    assert!(!error.is_retryable());
    assert!(elapsed < Duration::from_secs(2), "{elapsed:?}");
    assert_eq!(sandbox.calls(APPLICATIONS).await, 1);
}

#[tokio::test]
async fn a_refused_connection_is_a_transport_error_after_bounded_retries() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let client = CobaltClient::new(ClientConfig {
        initial_backoff: Duration::from_millis(40),
        ..fast_config(&base)
    })
    .unwrap();
    let logs = Captured::default();
    let started = Instant::now();
    let error = client
        .list_applications("user_1")
        .with_subscriber(logs.subscriber())
        .await
        .unwrap_err();
    let elapsed = started.elapsed();
    assert!(matches!(error, CobaltError::Transport { .. }), "{error:?}");
    assert!(error.is_retryable());
    assert_eq!(error.status(), None);
    // Two retries, each waiting at least half its step: 20 ms + 40 ms.
    assert!(elapsed >= Duration::from_millis(60), "{elapsed:?}");
    let logs = logs.text();
    assert_eq!(logs.matches("Cobalt call failed").count(), 3, "{logs}");
    assert_eq!(logs.matches("retrying Cobalt call").count(), 2, "{logs}");
}

#[tokio::test]
async fn debug_output_never_shows_the_api_key_or_a_session_token() {
    let sandbox = start().await;
    let config = fast_config(&sandbox.base);
    let client = sandbox.client();
    sandbox.account(&client, "user_debug").await;
    let token = client.session_token("user_debug", false).await.unwrap();
    let wrong_key = sandbox.client_with(|config| config.api_key = "tk_wrong_secret".into());
    let unauthorized = wrong_key.list_applications("user_debug").await.unwrap_err();
    let refused = CobaltClient::new(ClientConfig::new("http://127.0.0.1:9", DEFAULT_API_KEY))
        .unwrap()
        .list_applications("user_debug")
        .await
        .unwrap_err();

    let debug = format!(
        "{client:?} {client:#?} {config:?} {token:?} {wrong_key:?} {unauthorized:?} \
         {unauthorized} {refused:?} {refused}"
    );
    assert!(debug.contains(&sandbox.base), "{debug}");
    assert!(debug.contains("SecretToken(<redacted>)"), "{debug}");
    for secret in [DEFAULT_API_KEY, "tk_wrong_secret", token.expose()] {
        assert!(!debug.contains(secret), "{secret} in {debug}");
    }
}

#[tokio::test]
async fn logs_never_show_the_api_key_a_session_token_or_credentials() {
    let sandbox = start().await;
    let client = sandbox.client();
    let logs = Captured::default();
    let scenario = async {
        sandbox.account(&client, "user_logs").await;
        let token = client.session_token("user_logs", false).await.unwrap();
        let refreshed = client.session_token("user_logs", true).await.unwrap();
        client
            .save_key_credentials(
                "user_logs",
                "copper",
                &json!({"api_token": "copper-secret-key", "email": "ops@acme.test"}),
            )
            .await
            .unwrap();
        sandbox
            .fault(FaultSpec::error(APPLICATIONS_PATH, 503))
            .await;
        client.list_applications("user_logs").await.unwrap();
        let wrong = sandbox.client_with(|config| config.api_key = "tk_wrong_secret".into());
        wrong.list_applications("user_logs").await.unwrap_err();
        [token, refreshed]
    };
    let tokens = scenario.with_subscriber(logs.subscriber()).await;
    let logs = logs.text();

    assert!(logs.contains("Cobalt answered"), "{logs}");
    assert!(
        logs.contains("path=\"/api/v2/public/session-token\""),
        "{logs}"
    );
    assert!(logs.contains("status=503"), "{logs}");
    assert!(logs.contains("attempt=2"), "{logs}");
    assert!(logs.contains("elapsed_ms="), "{logs}");
    assert!(logs.contains("retrying Cobalt call"), "{logs}");
    let secrets = [
        DEFAULT_API_KEY,
        "tk_wrong_secret",
        "copper-secret-key",
        tokens[0].expose(),
        tokens[1].expose(),
    ];
    for secret in secrets {
        assert!(!logs.contains(secret), "{secret} in {logs}");
    }
    assert!(!logs.contains("x-api-key"), "{logs}");
}

#[tokio::test]
async fn runs_are_seeded_then_listed_newest_first_filtered_read_rerun_and_stopped() {
    use cobalt::{ExecutionQuery, ExecutionStatus};
    use sandbox::admin::NewRuns;
    let sandbox = start().await;
    let client = sandbox.client();
    let account = "user_runs";
    sandbox.account(&client, account).await;
    connect_copper(&client, account).await;
    let query = |statuses: Vec<ExecutionStatus>, page: u32, limit: u32| ExecutionQuery {
        slugs: vec!["copper".to_owned()],
        statuses,
        page,
        limit,
    };
    let page = client
        .list_executions(account, &query(vec![], 1, 10))
        .await
        .unwrap();
    assert_eq!(page.total_docs, 4, "a seeded history");
    let times: Vec<_> = page.docs.iter().map(|r| r.created_at.clone()).collect();
    let mut newest_first = times.clone();
    newest_first.sort_by(|a, b| b.cmp(a));
    assert_eq!(times, newest_first);
    assert_eq!(page.docs[0].status, ExecutionStatus::Completed);
    assert_eq!(
        page.docs[0].associated_application.slug.as_deref(),
        Some("copper")
    );

    let failed = client
        .list_executions(account, &query(vec![ExecutionStatus::Errored], 1, 10))
        .await
        .unwrap();
    assert_eq!(failed.docs.len(), 1);
    let run = client
        .get_execution(account, &failed.docs[0].id)
        .await
        .unwrap();
    let step = run.failed_node().expect("the step that failed");
    assert!(step.message().unwrap().contains("Copper answered 401"));

    let again = client.rerun_execution(account, &run.id).await.unwrap();
    assert_eq!(again.status, ExecutionStatus::Completed);
    let page = client
        .list_executions(account, &query(vec![], 1, 10))
        .await
        .unwrap();
    assert_eq!(page.docs[0].id, again.id, "the retry is the newest run");

    let running = sandbox
        .admin
        .add_runs(&NewRuns {
            linked_account_id: account,
            slug: "copper",
            status: "RUNNING",
            message: None,
            count: 1,
        })
        .await
        .unwrap();
    let stopped = client.stop_execution(account, &running[0]).await.unwrap();
    assert_eq!(stopped.status, ExecutionStatus::Stopped);
    let twice = client
        .stop_execution(account, &running[0])
        .await
        .unwrap_err();
    assert_eq!(api_status(&twice), 400);
}

#[tokio::test]
async fn thousands_of_runs_are_paged() {
    use cobalt::ExecutionQuery;
    use sandbox::admin::NewRuns;
    let sandbox = start().await;
    let client = sandbox.client();
    let account = "user_many_runs";
    sandbox.account(&client, account).await;
    connect_copper(&client, account).await;
    let ids = sandbox
        .admin
        .add_runs(&NewRuns {
            linked_account_id: account,
            slug: "copper",
            status: "ERRORED",
            message: Some("Copper is down"),
            count: 3000,
        })
        .await
        .unwrap();
    let page = client
        .list_executions(
            account,
            &ExecutionQuery {
                slugs: vec!["copper".to_owned()],
                page: 2,
                limit: 50,
                ..ExecutionQuery::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(page.total_docs, 3004);
    assert_eq!(page.total_pages, 61);
    assert!(page.has_next_page && page.has_prev_page);
    assert_eq!(page.docs.len(), 50);
    assert_eq!(
        page.docs[0].id,
        ids[ids.len() - 51],
        "newest first, 50 a page"
    );
}

#[tokio::test]
async fn the_node_sdks_trailing_slash_config_paths_answer_like_the_paths_without_it() {
    let sandbox = start().await;
    let client = sandbox.client();
    let account = "user_slash";
    sandbox.account(&client, account).await;
    client
        .find_or_create_config(account, &hubspot_config())
        .await
        .unwrap();
    let http = reqwest::Client::new();
    let call = |method: reqwest::Method, path: &str| {
        http.request(method, format!("{}{path}", sandbox.base))
            .header("x-api-key", DEFAULT_API_KEY)
            .header("linked_account_id", account)
            .send()
    };
    let plain = call(reqwest::Method::GET, "/api/v2/public/slug/hubspot/config")
        .await
        .unwrap();
    let slash = call(reqwest::Method::GET, "/api/v2/public/slug/hubspot/config/")
        .await
        .unwrap();
    assert_eq!(slash.status(), 200);
    assert_eq!(slash.text().await.unwrap(), plain.text().await.unwrap());
    let deleted = call(
        reqwest::Method::DELETE,
        "/api/v2/public/slug/hubspot/config/",
    )
    .await
    .unwrap();
    assert_eq!(deleted.status(), 200);
}

#[tokio::test]
async fn the_audit_log_records_connections_configs_and_expiries_newest_first_per_account() {
    let sandbox = start().await;
    let client = sandbox.client();
    let account = "user_audit";
    sandbox.account(&client, account).await;
    sandbox.account(&client, "user_other").await;
    connect_copper(&client, account).await;
    connect_copper(&client, "user_other").await;
    let update = cobalt::UpdateConfigPayload {
        slug: "copper".to_owned(),
        config_id: None,
        fields: Default::default(),
        workflows: Vec::new(),
    };
    client
        .find_or_create_config(
            account,
            &cobalt::ConfigPayload {
                slug: "copper".to_owned(),
                config_id: None,
                labels: None,
                workflows: None,
            },
        )
        .await
        .unwrap();
    client.update_config(account, &update).await.unwrap();
    sandbox
        .admin
        .expire_connection(account, "copper", Some("the API key was deleted"))
        .await
        .unwrap();
    client.disconnect(account, "copper").await.unwrap();

    let log = client
        .list_audit_logs(account, Some("copper"), 200)
        .await
        .unwrap();
    let none = client
        .list_audit_logs(account, Some("hubspot"), 200)
        .await
        .unwrap();
    assert!(none.docs.is_empty(), "only the app asked for");
    let events: Vec<_> = log.docs.iter().map(|e| e.event.as_str()).collect();
    assert_eq!(
        events,
        [
            "connection.deleted",
            "connection.expired",
            "configuration.updated",
            "connection.created",
        ]
    );
    assert_eq!(
        log.total_docs, 4,
        "another account's entries are not listed"
    );
    let expired = &log.docs[1];
    assert_eq!(expired.reason.as_deref(), Some("the API key was deleted"));
    assert_eq!(
        expired.actor.as_ref().unwrap().kind.as_deref(),
        Some("system")
    );
    let created = &log.docs[3];
    assert_eq!(
        created.actor.as_ref().unwrap().name.as_deref(),
        Some("Acme")
    );
    assert!(
        created
            .created_at
            .as_deref()
            .is_some_and(|at| at.ends_with('Z'))
    );

    let http = reqwest::Client::new();
    let call = |query: &str| {
        http.get(format!(
            "{}/api/v1/audit/public/audit-logs{query}",
            sandbox.base
        ))
        .header("x-api-key", DEFAULT_API_KEY)
        .header("linked_account_id", account)
        .send()
    };
    let only: serde_json::Value = call("?event=connection.expired,connection.deleted&limit=1")
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(only["totalDocs"], 2);
    assert_eq!(only["docs"].as_array().unwrap().len(), 1);
    assert_eq!(only["hasNextPage"], true);
    assert_eq!(call("?limit=0").await.unwrap().status(), 400);
    let too_long = sandbox
        .admin
        .expire_connection(account, "copper", Some(&"x".repeat(501)))
        .await;
    assert!(too_long.is_err());
}
