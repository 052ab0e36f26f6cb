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
        <Title text=crate::t!("integrations-page-title") />
        <SiteHeader platform_name=platform_name() viewer=viewer() />
        <main class="page">
            <div class="page__intro">
                <div>
                    <h1>{crate::t!("integrations-page-heading")}</h1>
                    <p>{crate::t!("integrations-page-lead")}</p>
                </div>
                <ThemeToggle />
            </div>
            <Suspense fallback=|| view! { <Skeletons /> }>
                <ErrorBoundary fallback=|errors| view! { <LoadError errors /> }>
                    {move || {
                        let initial = initial.clone();
                        Suspend::new(async move {
                            let cards = list_integrations().await?;
                            let last_runs = last_runs().await;
                            Ok::<_, crate::error::AppError>(
                                view! { <MarketplaceView cards initial last_runs /> },
                            )
                        })
                    }}
                </ErrorBoundary>
            </Suspense>
        </main>
    }
}

/// The last run of each of the account's apps, for the cards; none when Cobalt cannot say (the
/// cards then show no run, and the page still works).
async fn last_runs() -> std::sync::Arc<std::collections::BTreeMap<String, crate::model::LastRun>> {
    #[cfg(feature = "ssr")]
    {
        let (Ok(state), Ok(identity)) = (
            crate::server::app_state(),
            crate::server::current_identity(),
        ) else {
            return Default::default();
        };
        match state.account(&identity).last_runs().await {
            Ok(runs) => return runs,
            Err(error) => tracing::warn!(%error, "the last runs could not be read"),
        }
    }
    Default::default()
}

/// Placeholder cards while the catalog loads.
#[component]
fn Skeletons() -> impl IntoView {
    view! {
        <ul class="card-grid" aria-busy="true" aria-label=crate::t!("integrations-page-loading")>
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
