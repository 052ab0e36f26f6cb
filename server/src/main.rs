//! Reads configuration, starts the sandbox when no Cobalt API key is set, and serves the app.

use anyhow::Context;
use app::components::AssetVersions;
use app::server::shared::Shared;
use app::server::{AppState, Config, Mode};
use leptos::config::get_configuration;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| EnvFilter::new("info,server=debug,app=debug,sandbox=info")),
        )
        .init();

    let mut config = match Config::from_env() {
        Ok(config) => config,
        Err(err) => {
            // One line that says which setting and why; no backtrace of contexts.
            eprintln!("integrations tab: not starting: {err}");
            std::process::exit(2);
        }
    };
    let leptos_options = get_configuration(None)
        .context("reading the Leptos configuration")?
        .leptos_options;
    let addr = leptos_options.site_addr;

    let sandbox = match config.mode {
        Mode::Sandbox => {
            let mut sandbox_config = sandbox::SandboxConfig::from_env()
                .context("reading the SANDBOX_* configuration")?;
            // The browser calls the sandbox from our origin (cobalt-js), so allow it without set-up.
            sandbox_config
                .allowed_origins
                .push(config.public_url.clone());
            // …and tell us about connection changes, signed with the sandbox key we use.
            sandbox_config
                .webhook_urls
                .push(format!("{}/webhooks/cobalt", config.public_url));
            let running = sandbox::spawn(sandbox_config)
                .await
                .context("starting the Cobalt sandbox")?;
            config.use_sandbox(&running.base_url());
            tracing::info!(url = %running.base_url(), "sandbox mode: no COBALT_API_KEY set, using the local Cobalt sandbox");
            Some(running)
        }
        Mode::Live => {
            tracing::info!(url = %config.cobalt_api_url, "live mode");
            None
        }
    };

    let shared = match &config.redis_url {
        Some(url) => {
            let cookie_key = config.cookie_key.expose().as_bytes();
            match Shared::with_redis(url.expose(), &config.redis_key_prefix, cookie_key) {
                Ok(shared) => {
                    tracing::info!(prefix = %config.redis_key_prefix, "shared state on redis");
                    shared
                }
                Err(_) => {
                    // Not the parser's message: the URL may hold a password.
                    eprintln!(
                        "integrations tab: not starting: REDIS_URL does not parse as a Redis URL"
                    );
                    std::process::exit(2);
                }
            }
        }
        None => Shared::in_process(),
    };
    let assets = AssetVersions::read(&leptos_options);
    let state = AppState::new(leptos_options, config, assets, shared)
        .context("building the Cobalt client")?;

    let limits = server::listener::ConnectionLimits {
        max: state.config.max_connections,
        // The headers, then the handler's own time (the request timeout answers 408).
        first_answer: state.config.header_timeout + state.config.request_timeout,
        idle: state.config.idle_timeout,
    };
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("binding {addr}"))?;
    let listener = server::listener::Bounded::new(listener, limits);
    tracing::info!("integrations tab listening on http://{addr} (open http://{addr}/integrations)");
    let (shared, draining, drain) = (
        state.shared.clone(),
        state.draining.clone(),
        state.config.drain,
    );
    server::listener::serve(listener, server::router(state), async move {
        shutdown_signal().await;
        // Unready first, so the load balancer sends new requests elsewhere meanwhile.
        draining.store(true, std::sync::atomic::Ordering::Relaxed);
        tokio::time::sleep(drain).await;
        // Open event streams would otherwise hold the shutdown until every tab closes.
        shared.close();
    })
    .await;
    drop(sandbox);
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM, so in-flight requests can finish.
async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!(%error, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::error!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
    tracing::info!("shutting down");
}
