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
        .unwrap_or_else(|| "the link is incomplete".to_owned());
    view! {
        <Title text="Cannot open integrations" />
        <main class="page auth-page">
            <div class="auth-form" role="alert" data-event="error" data-reason="token-refused"
                data-message=reason.clone()>
                <h1>"We could not open your integrations"</h1>
                <p>{format!("The sign-in link was refused: {reason}.")}</p>
                <p>"Go back to the app you came from and open the Integrations tab again."</p>
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
        <Title text="Switch account?" />
        <main class="page auth-page">
            <form class="auth-form" method="post" action="/embed/continue">
                <h1>{format!("Continue as {}?", switch.next)}</h1>
                <p>{format!("You are signed in to the integrations tab as {}.", switch.current)}</p>
                <p>
                    {format!(
                        "The link you opened signs in as {}. Continue only if that is you: apps you connect will belong to that account.",
                        switch.next,
                    )}
                </p>
                <div class="auth-form__actions">
                    <button class="button button--primary" type="submit">{format!("Continue as {}", switch.next)}</button>
                    <a class="button button--secondary" href="/integrations">{format!("Stay as {}", switch.current)}</a>
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
            "Your session has ended",
            "Open the Integrations tab again to continue where you were.",
        ),
        FrameSession::CookieBlocked => (
            "cookies-blocked",
            "Your browser blocked the sign-in",
            "This tab keeps you signed in with a cookie that works only inside this page, and your browser blocks cookies in embedded pages of other sites. Allow third-party cookies for this site in your browser's settings, then reload the page.",
        ),
    };
    view! {
        <Title text=heading />
        <main class="page auth-page">
            <div class="auth-form" role="alert" data-event="session-expired" data-reason=reason>
                <h1>{heading}</h1>
                <p>{body}</p>
            </div>
        </main>
    }
}
