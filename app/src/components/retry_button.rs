//! Retry after a page failed to load from Cobalt: an island that asks the server again through
//! the `list_integrations` server function, and reloads the page once Cobalt answers. Without
//! JavaScript it is a plain link to the page (`href`).

use leptos::prelude::*;

use crate::api::list_integrations;

/// A Retry control for a page's error state; `href` is the page.
#[island]
pub fn RetryButton(href: String) -> impl IntoView {
    let retry = Action::new(|_: &()| list_integrations());
    Effect::new(move |_| {
        if let Some(Ok(_)) = retry.value().get() {
            reload();
        }
    });
    let still_failing = move || match retry.value().get() {
        Some(Err(error)) => format!("Still unavailable: {error}."),
        _ => String::new(),
    };
    view! {
        <a
            class="button"
            href=href
            aria-disabled=move || retry.pending().get().then_some("true")
            on:click=move |ev| {
                ev.prevent_default();
                if !retry.pending().get_untracked() {
                    retry.dispatch(());
                }
            }
        >
            {move || if retry.pending().get() { "Retrying…" } else { "Retry" }}
        </a>
        <p class="load-error__status" role="status" aria-live="polite">{still_failing}</p>
    }
}

fn reload() {
    #[cfg(feature = "hydrate")]
    if window().location().reload().is_err() {
        leptos::logging::warn!("could not reload the page");
    }
}
