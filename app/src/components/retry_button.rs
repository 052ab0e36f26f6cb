//! Retry after the catalog failed to load: an island that asks the server again through the
//! `list_integrations` server function, and reloads the page once Cobalt answers. Without
//! JavaScript it is a plain link that reloads the page.

use leptos::prelude::*;

use crate::api::list_integrations;

/// A Retry control for the marketplace's error state.
#[island]
pub fn RetryButton() -> impl IntoView {
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
            href="/integrations"
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
