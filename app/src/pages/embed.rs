//! `/embed/refused`: the page shown when the host app's hand-off token is refused (answered 401).
//! A valid token never renders it: the server redirects straight to `/integrations`.

use leptos::prelude::*;
use leptos_meta::Title;

/// Why the server refused an embed token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedFailure(pub String);

/// Explains why the integrations tab could not be opened from the host app.
#[component]
pub fn EmbedPage() -> impl IntoView {
    let reason = use_context::<EmbedFailure>()
        .map(|failure| failure.0)
        .unwrap_or_else(|| crate::t!("embed-incomplete"));
    view! {
        <Title text=crate::t!("embed-refused-title") />
        <main class="page auth-page">
            <div class="auth-form" role="alert" data-event="error" data-reason="token-refused"
                data-message=reason.clone()>
                <h1>{crate::t!("embed-refused-heading")}</h1>
                <p>{crate::t!("embed-refused", reason = &reason)}</p>
                <p>{crate::t!("embed-refused-advice")}</p>
            </div>
        </main>
    }
}

/// Who is signed in and who the host app's link would sign in instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedSwitch {
    pub current: String,
    pub next: String,
}

/// `/embed/switch`: another account is signed in, so a hand-off asks before it switches
/// (a link sent by someone else must not silently sign this browser into their account).
/// Continue is a plain form post, so it works without JavaScript.
#[component]
pub fn EmbedSwitchPage() -> impl IntoView {
    let switch = use_context::<EmbedSwitch>().unwrap_or(EmbedSwitch {
        current: String::new(),
        next: String::new(),
    });
    view! {
        <Title text=crate::t!("embed-switch-title") />
        <main class="page auth-page">
            <form class="auth-form" method="post" action="/embed/continue">
                <h1>{crate::t!("embed-switch-heading", next = &switch.next)}</h1>
                <p>{crate::t!("embed-switch-current", current = &switch.current)}</p>
                <p>{crate::t!("embed-switch-warning", next = &switch.next)}</p>
                <div class="auth-form__actions">
                    <button class="button button--primary" type="submit">{crate::t!("embed-switch-continue", next = &switch.next)}</button>
                    <a class="button button--secondary" href="/integrations">{crate::t!("embed-switch-stay", current = &switch.current)}</a>
                </div>
            </form>
        </main>
    }
}

/// Why a page inside the host's frame found no session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameSession {
    /// It expired or was signed out.
    Ended,
    /// The browser did not keep the cookie set by the hand-off a moment ago: it blocks
    /// cookies in frames of other sites (third-party cookies), partitioned ones included.
    CookieBlocked,
}

/// `/embed/ended`: a page inside the host's frame without a session. Its `data-event` tells
/// the frame's bridge (`/frame.js`) to report `session-expired` to the host, with the reason.
#[component]
pub fn FrameSessionPage() -> impl IntoView {
    let ended = use_context::<FrameSession>().unwrap_or(FrameSession::Ended);
    let (reason, heading, body) = match ended {
        FrameSession::Ended => (
            "expired",
            crate::t!("embed-ended-heading"),
            crate::t!("embed-ended"),
        ),
        FrameSession::CookieBlocked => (
            "cookies-blocked",
            crate::t!("embed-cookies-heading"),
            crate::t!("embed-cookies"),
        ),
    };
    view! {
        <Title text=heading.clone() />
        <main class="page auth-page">
            <div class="auth-form" role="alert" data-event="session-expired" data-reason=reason>
                <h1>{heading}</h1>
                <p>{body}</p>
            </div>
        </main>
    }
}
