//! A local, faithful Cobalt: the embedded default upstream of the integrations tab and of
//! every test. `sandbox/README.md` lists every Cobalt route it implements, the magic values,
//! and every choice made where Cobalt's behaviour is undocumented.
//!
//! # Admin API
//!
//! Under `/_sandbox/`, guarded by `x-api-key` (any configured key, which also selects the
//! environment). JSON in and out; admin calls are never counted, rate-limited or faulted.
//! [`admin::AdminClient`] makes these calls from Rust.
//!
//! | method | path | body | effect |
//! |---|---|---|---|
//! | GET | `/_sandbox/health` | — | `{"status":"ok"}`; no key needed |
//! | POST | `/_sandbox/faults` | `{"path", "method"?, "status"?, "latency_ms"?, "count"? = 1, "message"?, "linked_account_id"?}` | the next `count` calls matching `path` (`*` = any characters) and `method` wait `latency_ms` and/or answer `status` (400–599) in Cobalt's envelope; with `linked_account_id`, only calls made for that account of the key's environment (named by the `linked_account_id` header or query parameter with an API key, or by the session token); 201 with the fault |
//! | GET | `/_sandbox/faults` | — | the active faults with their `remaining` counts |
//! | DELETE | `/_sandbox/faults` | `?linked_account_id=`? | clears them, or only those scoped to that account; `{"cleared": n}` |
//! | GET | `/_sandbox/rate-limit` | — | `{"enabled", "per_second", "burst"}` |
//! | PUT | `/_sandbox/rate-limit` | `{"enabled", "per_second"? = 20, "burst"? = 5}` | switches the limit on `/api/*`; beyond it, 429 with `Retry-After` |
//! | POST | `/_sandbox/connections/expire` | `{"linked_account_id", "slug"}` | `reauth_required: true`, status `expired`, Connection Expired webhook; answers the app |
//! | POST | `/_sandbox/executions` | `{"linked_account_id", "slug", "status"? = "COMPLETED", "message"?, "count"? = 1}` | adds `count` runs (at most 10,000) of the app's first workflow, the newest last, after writing its seeded history; an `ERRORED` run fails at its second step with `message`; `{"ids": […]}` |
//! | POST | `/_sandbox/tokens/revoke` | `{"linked_account_id"?, "token"?}` | revokes matching live session tokens; `{"revoked_count": n}` |
//! | POST | `/_sandbox/tokens/expire` | `{"linked_account_id"?, "token"?}` | expires them now; `{"expired_count": n}` |
//! | GET | `/_sandbox/counters` | — | calls per `METHOD /route/{template}`: `{"total", "routes"}` |
//! | DELETE | `/_sandbox/counters` | — | zeroes the counters; 204 |
//! | GET | `/_sandbox/webhooks` | — | configured URLs, registered webhooks, the last 200 deliveries |
//! | POST | `/_sandbox/reset` | — | forgets all data and clears faults, rate limit, counters and deliveries; keeps the configuration |

pub mod admin;
mod auth;
mod catalog;
mod clock;
mod config;
mod error;
mod extract;
mod ids;
mod installations;
mod middleware;
mod routes;
mod runs;
mod runtime;
mod state;
mod store;
mod views;
mod webhooks;

use std::net::{Ipv4Addr, SocketAddr};

use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub use config::{DEFAULT_API_KEY, SandboxConfig, SandboxConfigError};
pub use error::SandboxError;
pub use routes::INVALID_CREDENTIAL;
pub use state::{ORG_ID, SandboxState};
pub use webhooks::signature as webhook_signature;

/// The sandbox's router, for in-process (`oneshot`) tests.
pub fn router(state: SandboxState) -> axum::Router {
    routes::router(state)
}

/// A sandbox serving in the background of the current tokio runtime.
#[derive(Debug)]
pub struct RunningSandbox {
    addr: SocketAddr,
    base_url: String,
    shutdown: oneshot::Sender<()>,
    task: JoinHandle<std::io::Result<()>>,
}

impl RunningSandbox {
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT` (a wildcard bind address is reported as loopback).
    pub fn base_url(&self) -> String {
        self.base_url.clone()
    }

    /// Stops accepting connections, lets requests in flight finish, and waits for the server.
    pub async fn shutdown(self) {
        // The receiver is gone only if the server already stopped, which is the goal anyway.
        let _ = self.shutdown.send(());
        match self.task.await {
            Ok(Ok(())) => {}
            Ok(Err(err)) => tracing::error!(error = %err, "sandbox server failed"),
            Err(err) => tracing::error!(error = %err, "sandbox server task failed"),
        }
    }
}

/// Binds `config.addr`, loads the state file, and serves the sandbox in a background task.
pub async fn spawn(config: SandboxConfig) -> Result<RunningSandbox, SandboxError> {
    let bind_error = |source| SandboxError::Bind {
        addr: config.addr,
        source,
    };
    let listener = TcpListener::bind(config.addr).await.map_err(bind_error)?;
    let addr = listener.local_addr().map_err(bind_error)?;
    let base_url = base_url_for(addr);
    let state = SandboxState::new(&config, base_url.clone())?;
    let (shutdown, stop) = oneshot::channel::<()>();
    let app = routes::router(state);
    let task = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                // A dropped sender also stops the server: nothing could stop it otherwise.
                let _ = stop.await;
            })
            .await
    });
    Ok(RunningSandbox {
        addr,
        base_url,
        shutdown,
        task,
    })
}

/// The URL clients use to reach `addr`; a wildcard address is reached through loopback.
fn base_url_for(addr: SocketAddr) -> String {
    let host = if addr.ip().is_unspecified() {
        SocketAddr::from((Ipv4Addr::LOCALHOST, addr.port()))
    } else {
        addr
    };
    format!("http://{host}")
}
