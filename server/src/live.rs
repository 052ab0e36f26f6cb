//! `GET /events`: the signed-in account's connection status changes, as Server-Sent Events:
//! `ready` once the subscription is in place, then one `status` per change (data:
//! `{"slug": …, "status": "Connected" | "NeedsSetup" | "NeedsReconnect" | "Available"}`). When changes may
//! have been missed, the stream sends the status of every app of the account instead: after
//! `ready` on a stream opened again (the browser's reconnection carries `Last-Event-ID`, the
//! tab's own `?resume`), and whenever this instance may have missed messages (its Redis
//! subscription came back, or this tab fell behind). A comment every 15 seconds keeps proxies
//! from closing it. The stream ends when the tab closes, the server
//! shuts down, the session is signed out (on any instance) or its cookie expires. An account
//! may hold a few streams at once (beyond, 429) and the server a bounded number in total
//! (beyond, 503); the body says why.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use app::model::StatusUpdate;
use app::server::limits::StreamRefused;
use app::server::live::LiveEvent;
use app::server::shared::Shared;
use app::server::{AppState, Identity};
use axum::{
    Extension,
    extract::{RawQuery, State},
    http::{HeaderMap, StatusCode, header},
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
    headers: HeaderMap,
    RawQuery(query): RawQuery,
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
    // an event without data, so it carries an empty object; its id makes the browser's own
    // reconnection say so (`Last-Event-ID`).
    let hello = futures::stream::once(async {
        Event::default()
            .retry(RECONNECT)
            .event("ready")
            .id("live")
            .data("{}")
    });
    let resumed = headers.contains_key("last-event-id") || query.as_deref() == Some("resume");
    // Subscribed now, before any status is read, so no change falls in between.
    let changes = state.shared.subscribe(&identity.account_id);
    let updates = futures::stream::iter(resumed.then_some(LiveEvent::Resync))
        .chain(changes)
        .then({
            let (state, identity) = (state.clone(), identity.clone());
            move |event| {
                let (state, identity) = (state.clone(), identity.clone());
                async move {
                    match event {
                        LiveEvent::Status(update) => status(update).into_iter().collect(),
                        // Boxed: awaited inline, its state (a Cobalt call's) would sit in
                        // every idle stream.
                        LiveEvent::Resync => Box::pin(every_status(&state, &identity)).await,
                    }
                }
            }
        })
        .flat_map(futures::stream::iter);
    let ended = session_end(state.shared.clone(), &identity);
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

fn status(update: StatusUpdate) -> Option<Event> {
    Event::default().event("status").json_data(update).ok()
}

/// A `status` event for every app of the account (from the cache when it is current). If the
/// catalog cannot be read, none: the tab keeps what it shows until the next change.
async fn every_status(state: &AppState, identity: &Identity) -> Vec<Event> {
    match state.account(identity).cards().await {
        Ok(cards) => cards
            .into_iter()
            .filter_map(|card| {
                status(StatusUpdate {
                    slug: card.slug,
                    status: card.status,
                })
            })
            .collect(),
        Err(error) => {
            tracing::debug!(%error, "a live stream could not catch up");
            Vec::new()
        }
    }
}

/// Resolves when the session is signed out or its cookie expires. Listens from the moment
/// it is called, not from its first poll, so a sign-out before the stream is read counts.
/// It lives as long as the stream, so it keeps only what it needs, and boxes the rare Redis
/// lookups rather than hold room for them.
fn session_end(shared: Arc<Shared>, identity: &Identity) -> impl Future<Output = ()> + use<> {
    let mut revocations = shared.revocations();
    let (sid, remaining) = (identity.sid.clone(), identity.remaining());
    async move {
        if Box::pin(shared.is_revoked(&sid)).await {
            return;
        }
        let expiry = tokio::time::sleep(remaining);
        tokio::pin!(expiry);
        loop {
            tokio::select! {
                () = &mut expiry => return,
                revoked = revocations.recv() => match revoked {
                    Ok(ended) if ended == sid => return,
                    Ok(_) => {}
                    // Missed some: ask the store directly.
                    Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {
                        if Box::pin(shared.is_revoked(&sid)).await {
                            return;
                        }
                    }
                    Err(tokio::sync::broadcast::error::RecvError::Closed) => return,
                },
            }
        }
    }
}
