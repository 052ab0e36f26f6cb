//! Live connection status: the server pushes each change of the account's connections
//! (`GET /events`, Server-Sent Events) and every open tab shows it without a reload.
//!
//! One stream per tab, opened by the first island that listens ([`on_update`]): the
//! marketplace (its cards), and on a detail page the header badge ([`LiveBadge`]) and the
//! connection status ([`LiveStatus`]). Nothing sent while the stream was down is lost: a
//! stream opened again (by the browser, which sends `Last-Event-ID`, or by [`stream`], which
//! asks `?resume`) starts with every status of the account, and so does a server-side
//! resync; listeners ignore what did not change.

use leptos::prelude::*;

use crate::components::StatusBadge;
use crate::model::ConnectionStatus;
#[cfg(feature = "hydrate")]
use crate::model::StatusUpdate;

/// The status badge of one app, kept current.
#[cfg_attr(any(feature = "ssr", feature = "detail"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "detail")), component)]
pub fn LiveBadge(slug: String, status: ConnectionStatus) -> impl IntoView {
    let status = RwSignal::new(status);
    follow(slug, status);
    move || view! { <StatusBadge status=status.get() /> }
}

/// The connection status of the detail page's app, kept current. When the app's connection
/// changes behind the page (another tab, Cobalt), it says so and offers what comes next:
/// Reconnect or Connect (`/integrations/{slug}/connect`, the flow that works everywhere), or a
/// reload once it is connected again. Sections that no longer apply (configuration,
/// disconnect) are hidden.
#[cfg_attr(any(feature = "ssr", feature = "detail"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "detail")), component)]
pub fn LiveStatus(slug: String, name: String, status: ConnectionStatus) -> impl IntoView {
    let current = RwSignal::new(status);
    follow(slug.clone(), current);
    let changed = move || current.get() != status;
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let hide = current.get() == ConnectionStatus::Available;
        for section in ["configuration", "disconnect"] {
            if let Some(element) = document().get_element_by_id(section) {
                let _ = match hide {
                    true => element.set_attribute("hidden", ""),
                    false => element.remove_attribute("hidden"),
                };
            }
        }
    });
    view! {
        <p class="detail__status" data-status=move || format!("{:?}", current.get())>
            {move || current.get().sentence()}
        </p>
        <div class="detail__live" role="status">
            {move || changed().then(|| {
                let now = current.get();
                let (label, href) = match now {
                    ConnectionStatus::NeedsReconnect => (format!("Reconnect {name}"), format!("/integrations/{slug}/connect")),
                    ConnectionStatus::Available => (format!("Connect {name}"), format!("/integrations/{slug}/connect")),
                    ConnectionStatus::Connected => ("Reload the page".to_owned(), format!("/integrations/{slug}")),
                };
                view! {
                    <p class="notice" data-kind="info">
                        {now.announcement(&name)} " " <a href=href>{label}</a>
                    </p>
                }
            })}
        </div>
    }
}

/// Keeps `status` in step with the app `slug`'s pushed changes.
pub(crate) fn follow(slug: String, status: RwSignal<ConnectionStatus>) {
    #[cfg(feature = "hydrate")]
    on_update(move |update| {
        if update.slug == slug {
            status.set(update.status);
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = (slug, status);
}

/// What a listener of pushed changes is.
#[cfg(feature = "hydrate")]
type Listener = Box<dyn Fn(&StatusUpdate)>;

#[cfg(feature = "hydrate")]
thread_local! {
    static LISTENERS: std::cell::RefCell<Vec<Listener>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Calls `listener` with every status change pushed to this tab, opening the stream on first
/// use.
#[cfg(feature = "hydrate")]
pub fn on_update(listener: impl Fn(&StatusUpdate) + 'static) {
    let first = LISTENERS.with(|listeners| {
        let mut listeners = listeners.borrow_mut();
        listeners.push(Box::new(listener));
        listeners.len() == 1
    });
    if first {
        leptos::task::spawn_local(stream());
    }
}

/// First and longest wait before the stream is opened again after it closed for good.
#[cfg(feature = "hydrate")]
const RETRY_MS: (f64, f64) = (1_000.0, 30_000.0);

/// Reads `/events` for as long as the page lives. The browser itself reconnects after a
/// dropped connection; when it gives up (the server refused or is gone), the stream is
/// opened again after a growing, jittered delay.
#[cfg(feature = "hydrate")]
async fn stream() {
    use futures::StreamExt;
    use gloo_net::eventsource::{State, futures::EventSource};

    let mut delay = RETRY_MS.0;
    let mut url = "/events";
    let body = document().body();
    loop {
        if let Ok(mut source) = EventSource::new(url)
            && let Ok(ready) = source.subscribe("ready")
            && let Ok(updates) = source.subscribe("status")
        {
            let mut events = futures::stream::select(ready, updates);
            while let Some(item) = events.next().await {
                match item {
                    // The stream is open: `<body data-live>` says changes now arrive.
                    Ok((kind, _)) if kind == "ready" => {
                        delay = RETRY_MS.0;
                        url = "/events?resume";
                        if let Some(body) = &body {
                            let _ = body.set_attribute("data-live", "");
                        }
                    }
                    Ok((_, message)) => {
                        let update = message
                            .data()
                            .as_string()
                            .and_then(|data| serde_json::from_str::<StatusUpdate>(&data).ok());
                        if let Some(update) = update {
                            LISTENERS.with(|listeners| {
                                for listener in listeners.borrow().iter() {
                                    listener(&update);
                                }
                            });
                        }
                    }
                    Err(_) => {
                        if let Some(body) = &body {
                            let _ = body.remove_attribute("data-live");
                        }
                        if source.state() == State::Closed {
                            break;
                        }
                    }
                }
            }
            source.close();
        }
        let jitter = 0.5 + js_sys::Math::random() / 2.0;
        crate::cobalt_js::sleep((delay * jitter) as i32).await;
        delay = (delay * 2.0).min(RETRY_MS.1);
    }
}
