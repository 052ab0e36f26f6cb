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
            <div class="auth-form" role="alert">
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
