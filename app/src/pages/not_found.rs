//! The 404 page.

use leptos::prelude::*;
use leptos_meta::Title;

/// Shown for any path no route matches; answers HTTP 404.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text=crate::t!("not-found-title") />
        <main class="page not-found">
            <h1>{crate::t!("not-found-heading")}</h1>
            <p>{crate::t!("not-found-body")}</p>
            <a class="button" href="/integrations">{crate::t!("not-found-back")}</a>
        </main>
    }
}
