//! Retry after a page failed to load from Cobalt. Without JavaScript it is a plain link to the
//! page. Hydrated, it asks for the page in the background and reloads only once the page loads
//! again; until then it says why (Cobalt still unavailable, or how long to wait), and the page
//! stays where it is.

use leptos::prelude::*;

/// A Retry control for a page's error state; `href` is the page.
#[component]
pub fn RetryButton(href: String) -> impl IntoView {
    view! {
        <Retry>
            <a class="button" href=href data-retry="">{crate::t!("retry-label")}</a>
            <p class="load-error__status" role="status" aria-live="polite"></p>
        </Retry>
    }
}

/// The island around the server-rendered link and status line: no props and no state of its
/// own, so it needs neither the server-function client nor a JSON reader.
#[island]
fn Retry(children: Children) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    window_event_listener_untyped("click", retry::clicked);
    children()
}

#[cfg(feature = "hydrate")]
mod retry {
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{Element, Response};

    use crate::error::AppError;

    pub fn clicked(ev: web_sys::Event) {
        let Some(link) = ev
            .target()
            .and_then(|target| target.dyn_into::<Element>().ok())
            .and_then(|element| element.closest("a[data-retry]").ok().flatten())
        else {
            return;
        };
        ev.prevent_default();
        if link.has_attribute("aria-disabled") {
            return;
        }
        let _ = link.set_attribute("aria-disabled", "true");
        link.set_text_content(Some(&crate::t!("retry-pending")));
        leptos::task::spawn_local(async move {
            let href = link.get_attribute("href").unwrap_or_default();
            match load(&href).await {
                Ok(()) => {
                    if window().location().reload().is_err() {
                        leptos::logging::warn!("could not reload the page");
                    }
                }
                Err(error) => {
                    let _ = link.remove_attribute("aria-disabled");
                    link.set_text_content(Some(&crate::t!("retry-label")));
                    if let Some(status) = link.next_element_sibling() {
                        let text = crate::t!("retry-still-unavailable", reason = error.to_string());
                        status.set_text_content(Some(&text));
                    }
                }
            }
        });
    }

    /// Asks for the page; what went wrong is said as the server functions would say it.
    async fn load(href: &str) -> Result<(), AppError> {
        let response: Response = JsFuture::from(window().fetch_with_str(href))
            .await
            .map_err(|_| AppError::Upstream)?
            .unchecked_into();
        if response.ok() {
            return Ok(());
        }
        let retry_after = response
            .headers()
            .get("retry-after")
            .ok()
            .flatten()
            .and_then(|seconds| seconds.parse().ok());
        Err(match (response.status(), retry_after) {
            (429, Some(retry_after)) => AppError::RateLimited { retry_after },
            (503, Some(retry_after)) => AppError::Busy { retry_after },
            (401, _) => AppError::Unauthorized,
            _ => AppError::Upstream,
        })
    }
}
