//! The connection history of an app's page: connected, expired (with the provider's reason),
//! reconnected, settings saved, disconnected, each with its time and who did it. Shown at once
//! next to Reconnect when the connection needs it; otherwise behind a link (`?history`), so a
//! healthy app's page neither asks Cobalt for it nor carries it.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::history::HistoryEvent;

#[component]
pub fn ConnectionHistory(slug: String, open: bool) -> impl IntoView {
    if !open {
        return view! {
            <p>
                <a href=format!("/integrations/{slug}?history#history")>{crate::t!("history-link")}</a>
            </p>
        }
        .into_any();
    }
    let load = move || {
        let slug = slug.clone();
        Suspend::new(async move {
            match load(&slug).await {
                Ok(events) => view! { <HistoryList events /> }.into_any(),
                Err(error) => view! {
                    <p class="form-error" role="alert">
                        {crate::t!("history-failed", error = error.to_string())}
                    </p>
                }
                .into_any(),
            }
        })
    };
    view! {
        <section class="history" id="history" aria-labelledby="history-heading">
            <h3 id="history-heading">{crate::t!("history-heading")}</h3>
            <Suspense fallback=|| ()>{load}</Suspense>
        </section>
    }
    .into_any()
}

async fn load(slug: &str) -> Result<Vec<HistoryEvent>, AppError> {
    #[cfg(feature = "ssr")]
    {
        let state = crate::server::app_state()?;
        let identity = crate::server::current_identity()?;
        state.account(&identity).history(slug).await
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = slug;
        Err(AppError::Internal)
    }
}

#[component]
fn HistoryList(events: Vec<HistoryEvent>) -> impl IntoView {
    if events.is_empty() {
        return view! { <p>{crate::t!("history-empty")}</p> }.into_any();
    }
    let now = crate::context::now_unix();
    let items = events
        .into_iter()
        .map(|event| {
            let when = (!event.at.is_empty()).then(|| {
                let relative = crate::model::relative_time(&event.at, now);
                view! { <time datetime=event.at.clone() title=crate::model::exact_time(&event.at)>{relative}</time> }
            });
            let by = event.by.map(|name| crate::t!("history-by", name = name));
            view! {
                <li data-broke=event.broke.then_some("")>
                    <span class="history__what">{event.what}</span>
                    <span class="history__meta">{when}{by}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <ol class="history__events">{items}</ol>
        <p>{crate::t!("history-footer")}</p>
    }
    .into_any()
}
