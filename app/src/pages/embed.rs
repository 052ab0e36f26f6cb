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
