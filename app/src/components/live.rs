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
#[component]
pub fn LiveBadge(slug: String, status: ConnectionStatus) -> impl IntoView {
    view! {
        <FollowBadge>
            <span class="live-badge" data-slug=slug>
                <StatusBadge status />
            </span>
        </FollowBadge>
    }
}

/// The island around [`LiveBadge`]'s server-rendered badge: no props, no view of its own.
#[cfg_attr(any(feature = "ssr", feature = "detail"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "detail")), component)]
fn FollowBadge(children: Children) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    if let Some(badge) =
        crate::components::form_dom::in_page::<web_sys::Element>(".live-badge[data-slug]")
        && let Some(slug) = badge.get_attribute("data-slug")
    {
        on_update(move |update| {
            if update.slug == slug {
                crate::components::integration_card::set_badge(&badge, update.status);
            }
        });
    }
    children()
}

/// The connection status of the detail page's app, kept current. When the app's connection
/// changes behind the page (another tab, Cobalt), it says so and offers what comes next:
/// Reconnect or Connect (`/integrations/{slug}/connect`, the flow that works everywhere), or a
/// reload once it is connected again. Sections that no longer apply (configuration,
/// disconnect, activity) are hidden.
#[component]
pub fn LiveStatus(slug: String, name: String, status: ConnectionStatus) -> impl IntoView {
    view! {
        <FollowStatus>
            <p class="detail__status" data-status=status.name() data-slug=slug data-name=name>
                {status.sentence()}
            </p>
            <div class="detail__live" role="status"></div>
        </FollowStatus>
    }
}

/// The island around [`LiveStatus`]'s server-rendered lines: no props, no view of its own.
#[cfg_attr(any(feature = "ssr", feature = "detail"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "detail")), component)]
fn FollowStatus(children: Children) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    if let Some(line) =
        crate::components::form_dom::in_page::<web_sys::Element>(".detail__status[data-slug]")
    {
        let read = |name: &str| line.get_attribute(name).unwrap_or_default();
        let (slug, name) = (read("data-slug"), read("data-name"));
        if let Some(initial) = ConnectionStatus::from_name(&read("data-status")) {
            on_update(move |update| {
                if update.slug == slug {
                    show_status(&line, &slug, &name, initial, update.status);
                }
            });
        }
    }
    children()
}

/// Shows `now` in the status line, and what to do next when it is not `initial` (the status the
/// page was rendered with).
#[cfg(feature = "hydrate")]
fn show_status(
    line: &web_sys::Element,
    slug: &str,
    name: &str,
    initial: ConnectionStatus,
    now: ConnectionStatus,
) {
    let _ = line.set_attribute("data-status", now.name());
    line.set_text_content(Some(&now.sentence()));
    let hide = now == ConnectionStatus::Available;
    for section in ["configuration", "disconnect", "activity"] {
        if let Some(element) = document().get_element_by_id(section) {
            let _ = match hide {
                true => element.set_attribute("hidden", ""),
                false => element.remove_attribute("hidden"),
            };
        }
    }
    let Some(live) = line.next_element_sibling() else {
        return;
    };
    live.set_text_content(None);
    // Setup finished or not: the page already shows what to do.
    if now == initial || (now.is_connected() && initial.is_connected()) {
        return;
    }
    let (label, href) = match now {
        ConnectionStatus::NeedsReconnect => (
            crate::t!("live-reconnect", app = name),
            format!("/integrations/{slug}/connect"),
        ),
        ConnectionStatus::Available => (
            crate::t!("live-connect", app = name),
            format!("/integrations/{slug}/connect"),
        ),
        // Connected elsewhere: the configuration shows once the page loads again.
        ConnectionStatus::Connected | ConnectionStatus::NeedsSetup => {
            (crate::t!("live-reload"), format!("/integrations/{slug}"))
        }
    };
    let (Ok(notice), Ok(link)) = (
        document().create_element("p"),
        document().create_element("a"),
    ) else {
        return;
    };
    let _ = notice.set_attribute("class", "notice");
    let _ = notice.set_attribute("data-kind", "info");
    notice.set_text_content(Some(&format!("{} ", now.announcement(name))));
    let _ = link.set_attribute("href", &href);
    link.set_text_content(Some(&label));
    let _ = notice.append_child(&link);
    let _ = live.append_child(&notice);
}

/// What a listener of pushed changes is.
#[cfg(feature = "hydrate")]
type Listener = Box<dyn Fn(&StatusUpdate)>;

#[cfg(feature = "hydrate")]
thread_local! {
    static LISTENERS: std::cell::RefCell<Vec<Listener>> = const { std::cell::RefCell::new(Vec::new()) };
    /// The open stream, kept with its handlers so they live as long as it does.
    static STREAM: std::cell::RefCell<Option<stream::Stream>> = const { std::cell::RefCell::new(None) };
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
        stream::open("/events");
    }
}

/// `/events` through the browser's own `EventSource` and `JSON.parse`: no Rust stream or JSON
/// code in the wasm for it. The browser reconnects by itself after a dropped connection
/// (sending `Last-Event-ID`); when it gives up (the server refused or is gone), the stream is
/// opened again after a growing, jittered delay.
#[cfg(feature = "hydrate")]
mod stream {
    use leptos::prelude::document;
    use wasm_bindgen::{JsCast, closure::Closure};
    use web_sys::{EventSource, MessageEvent};

    use super::{LISTENERS, STREAM};
    use crate::model::StatusUpdate;

    /// First and longest wait before the stream is opened again after it closed for good.
    const RETRY_MS: (f64, f64) = (1_000.0, 30_000.0);

    thread_local! {
        /// The wait before the next attempt: doubled by each failure, reset once open.
        static DELAY: std::cell::Cell<f64> = const { std::cell::Cell::new(RETRY_MS.0) };
    }

    pub struct Stream {
        source: EventSource,
        _handlers: [Closure<dyn Fn(MessageEvent)>; 3],
    }

    impl Drop for Stream {
        fn drop(&mut self) {
            self.source.close();
        }
    }

    /// Opens `url`, replacing the stream open before (if any).
    pub fn open(url: &str) {
        let Ok(source) = EventSource::new(url) else {
            retry();
            return;
        };
        // The stream is open: `<body data-live>` says changes now arrive. A stream opened
        // again asks `?resume`, to start with every status of the account.
        let ready = Closure::<dyn Fn(MessageEvent)>::new(|_| {
            DELAY.set(RETRY_MS.0);
            live(true);
        });
        let status = Closure::<dyn Fn(MessageEvent)>::new(|message: MessageEvent| {
            let update = message
                .data()
                .as_string()
                .and_then(|data| StatusUpdate::from_json(&data));
            if let Some(update) = update {
                LISTENERS.with(|listeners| {
                    for listener in listeners.borrow().iter() {
                        listener(&update);
                    }
                });
            }
        });
        let failed = {
            let source = source.clone();
            Closure::<dyn Fn(MessageEvent)>::new(move |_| {
                live(false);
                if source.ready_state() == EventSource::CLOSED {
                    retry();
                }
            })
        };
        let listen = |name: &str, handler: &Closure<dyn Fn(MessageEvent)>| {
            let _ = source.add_event_listener_with_callback(name, handler.as_ref().unchecked_ref());
        };
        listen("ready", &ready);
        listen("status", &status);
        listen("error", &failed);
        STREAM.with(|stream| {
            stream.replace(Some(Stream {
                source,
                _handlers: [ready, status, failed],
            }))
        });
    }

    /// Opens the stream again after the current delay, jittered, and doubles the delay. The
    /// new stream is opened from a timer, so the failed stream's handlers are no longer
    /// running when they are dropped.
    fn retry() {
        let delay = DELAY.get();
        DELAY.set((delay * 2.0).min(RETRY_MS.1));
        let jitter = 0.5 + js_sys::Math::random() / 2.0;
        let reopen = Closure::once_into_js(|| open("/events?resume"));
        let _ = leptos::prelude::window().set_timeout_with_callback_and_timeout_and_arguments_0(
            reopen.unchecked_ref(),
            (delay * jitter) as i32,
        );
    }

    fn live(on: bool) {
        if let Some(body) = document().body() {
            let _ = match on {
                true => body.set_attribute("data-live", ""),
                false => body.remove_attribute("data-live"),
            };
        }
    }
}
