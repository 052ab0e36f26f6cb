//! An island that reloads the catalog through the `list_integrations` server function.

use leptos::prelude::*;

use crate::api::list_integrations;

/// Checks Cobalt for the current catalog and says how many apps it holds.
#[island]
pub fn RefreshButton() -> impl IntoView {
    let refresh = Action::new(|_: &()| list_integrations());
    let message = move || match refresh.value().get() {
        None => String::new(),
        Some(Ok(cards)) => format!("{} apps available", cards.len()),
        Some(Err(error)) => format!("Could not refresh: {error}"),
    };
    view! {
        <div class="refresh">
            <button
                type="button"
                class="button button--secondary"
                on:click=move |_| {
                    refresh.dispatch(());
                }
                disabled=move || refresh.pending().get()
            >
                {move || if refresh.pending().get() { "Checking…" } else { "Check for new apps" }}
            </button>
            <p class="refresh__status" role="status" aria-live="polite">{message}</p>
        </div>
    }
}
