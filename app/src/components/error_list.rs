//! The shared fallback of every `<ErrorBoundary>`.

use leptos::prelude::*;

/// Lists every error an `<ErrorBoundary>` caught and, during the server render, turns the
/// first [`AppError`](crate::error::AppError) into the HTTP status.
#[component]
pub fn ErrorList(errors: ArcRwSignal<Errors>) -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        let first = errors
            .read_untracked()
            .iter()
            .find_map(|(_, error)| error.downcast_ref::<crate::error::AppError>().cloned());
        if let Some(error) = first {
            error.answer_with(&response);
        }
    }
    view! {
        <div class="error-list" role="alert">
            <ul>
                {move || {
                    errors.get().into_iter().map(|(_, e)| view! { <li>{e.to_string()}</li> }).collect_view()
                }}
            </ul>
        </div>
    }
}
