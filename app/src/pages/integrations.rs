//! `/integrations`: the marketplace of apps the platform enabled in Cobalt.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::list_integrations;
use crate::components::{ErrorList, MarketplaceView, RetryButton, SiteHeader, ThemeToggle};
use crate::context::{platform_name, viewer};
use crate::model::marketplace::Filters;

/// The marketplace, rendered on the server with the filters of the URL; an island filters
/// it instantly once hydrated.
#[component]
pub fn IntegrationsPage() -> impl IntoView {
    let query = use_query_map();
    let initial = query.with_untracked(|params| {
        Filters::from_params(params.into_iter().map(|(k, v)| (k.as_ref(), v)))
    });
    view! {
        <Title text="Integrations" />
        <SiteHeader platform_name=platform_name() viewer=viewer() />
        <main class="page">
            <div class="page__intro">
                <div>
                    <h1>"Integrations"</h1>
                    <p>"Connect the tools your team already uses."</p>
                </div>
                <ThemeToggle />
            </div>
            <Suspense fallback=|| view! { <Skeletons /> }>
                <ErrorBoundary fallback=|errors| view! { <LoadError errors /> }>
                    {move || {
                        let initial = initial.clone();
                        Suspend::new(async move {
                            list_integrations()
                                .await
                                .map(|cards| view! { <MarketplaceView cards initial /> })
                        })
                    }}
                </ErrorBoundary>
            </Suspense>
        </main>
    }
}

/// Placeholder cards while the catalog loads.
#[component]
fn Skeletons() -> impl IntoView {
    view! {
        <ul class="card-grid" aria-busy="true" aria-label="Loading apps">
            {(0..6).map(|_| view! { <li class="skeleton" aria-hidden="true"></li> }).collect_view()}
        </ul>
    }
}

/// The catalog could not be loaded: what happened, and a Retry that asks again (a plain link
/// that reloads the page without JavaScript).
#[component]
fn LoadError(errors: ArcRwSignal<Errors>) -> impl IntoView {
    view! {
        <div class="load-error">
            <ErrorList errors />
            <RetryButton href="/integrations".to_owned() />
        </div>
    }
}
