//! `GET /events`: the signed-in account's connection status changes, as Server-Sent Events:
//! `ready` once the subscription is in place, then one `status` per change (data:
//! `{"slug": …, "status": "Connected" | "NeedsReconnect" | "Available"}`). The stream lasts until the tab closes or the server shuts down; a comment
//! every 15 seconds keeps proxies from closing it.

use std::convert::Infallible;
use std::time::Duration;

use app::server::{AppState, identity};
use axum::{
    extract::State,
    http::{HeaderMap, StatusCode},
    response::{
        IntoResponse, Response,
        sse::{Event, KeepAlive, Sse},
    },
};
use futures::StreamExt;

/// How long a browser waits before it reconnects a dropped stream.
const RECONNECT: Duration = Duration::from_secs(2);

pub async fn events(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let Some(identity) = identity::read(&state.config, &headers) else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    // `ready` tells the tab its changes now arrive (it marks `<body data-live>`). Browsers drop
    // an event without data, so it carries an empty object.
    let hello = futures::stream::once(async {
        Event::default().retry(RECONNECT).event("ready").data("{}")
    });
    let updates = state
        .live
        .subscribe(&identity.account_id)
        .filter_map(
            |update| async move { Event::default().event("status").json_data(update).ok() },
        );
    let stream = hello.chain(updates).map(Ok::<_, Infallible>);
    Sse::new(stream)
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
        .into_response()
}
