//! `GET /events`: the signed-in account's connection status changes, as Server-Sent Events:
//! `ready` once the subscription is in place, then one `status` per change (data:
//! `{"slug": …, "status": "Connected" | "NeedsReconnect" | "Available"}`), and `resync` when
//! changes may have been missed (the tab then refetches every status). A comment every 15
//! seconds keeps proxies from closing it. The stream ends when the tab closes, the server
//! shuts down, the session is signed out (on any instance) or its cookie expires. An account
//! may hold a few streams at once (beyond, 429) and the server a bounded number in total
//! (beyond, 503); the body says why.

use std::convert::Infallible;
use std::time::Duration;

use app::server::limits::StreamRefused;
use app::server::live::LiveEvent;
use app::server::{AppState, Identity};
use axum::{
    Extension,
    extract::State,
    http::{StatusCode, header},
    response::{
        IntoResponse, Response,
        sse::{Event, KeepAlive, Sse},
    },
};
use futures::StreamExt;

/// How long a browser waits before it reconnects a dropped stream.
const RECONNECT: Duration = Duration::from_secs(2);

pub async fn events(
    State(state): State<AppState>,
    identity: Option<Extension<Identity>>,
) -> Response {
    let Some(Extension(identity)) = identity else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let place = match state.limits.open_stream(&identity.account_id) {
        Ok(place) => place,
        Err(refused) => {
            tracing::info!(%refused, "live stream refused");
            let status = match refused {
                StreamRefused::TooManyTabs(_) => StatusCode::TOO_MANY_REQUESTS,
                StreamRefused::ServerFull => StatusCode::SERVICE_UNAVAILABLE,
            };
            return (status, [(header::RETRY_AFTER, "60")], refused.to_string()).into_response();
        }
    };
    // `ready` tells the tab its changes now arrive (it marks `<body data-live>`). Browsers drop
    // an event without data, so it carries an empty object.
    let hello = futures::stream::once(async {
        Event::default().retry(RECONNECT).event("ready").data("{}")
    });
    let updates = state
        .shared
        .subscribe(&identity.account_id)
        .filter_map(|event| async move {
            match event {
                LiveEvent::Status(update) => {
                    Event::default().event("status").json_data(update).ok()
                }
                LiveEvent::Resync => Some(Event::default().event("resync").data("{}")),
            }
        });
    let ended = session_end(state.clone(), identity);
    let stream = hello
        .chain(updates)
        .take_until(ended)
        // The place is held as long as the stream lives.
        .map(move |event| {
            let _held = &place;
            Ok::<_, Infallible>(event)
        });
    let mut response = Sse::new(stream)
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
        .into_response();
    // nginx (and proxies that follow it) would otherwise buffer the events.
    response.headers_mut().insert(
        header::HeaderName::from_static("x-accel-buffering"),
        header::HeaderValue::from_static("no"),
    );
    response
}

/// Resolves when the session is signed out or its cookie expires. Listens from the moment
/// it is called, not from its first poll, so a sign-out before the stream is read counts.
fn session_end(state: AppState, identity: Identity) -> impl std::future::Future<Output = ()> {
    let mut revocations = state.shared.revocations();
    async move {
        if state.shared.is_revoked(&identity.sid).await {
            return;
        }
        let expiry = tokio::time::sleep(identity.remaining());
        tokio::pin!(expiry);
        loop {
            tokio::select! {
                () = &mut expiry => return,
                revoked = revocations.recv() => match revoked {
                    Ok(sid) if sid == identity.sid => return,
                    Ok(_) => {}
                    // Missed some: ask the store directly.
                    Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {
                        if state.shared.is_revoked(&identity.sid).await {
                            return;
                        }
                    }
                    Err(tokio::sync::broadcast::error::RecvError::Closed) => return,
                },
            }
        }
    }
}
