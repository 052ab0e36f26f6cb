//! `/integrations`: the marketplace of apps the platform enabled in Cobalt.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::list_integrations;
use crate::components::{ErrorList, RefreshButton, SiteHeader};
use crate::model::{ConnectionStatus, IntegrationCard};
use crate::pages::platform_name;

/// The marketplace, rendered on the server.
#[component]
pub fn IntegrationsPage() -> impl IntoView {
    let cards = Resource::new_blocking(|| (), |_| list_integrations());
    view! {
        <Title text="Integrations" />
        <SiteHeader platform_name=platform_name() viewer=crate::pages::viewer() />
        <main class="page marketplace">
            <div class="marketplace__intro">
                <h1>"Integrations"</h1>
                <p>"Connect the tools your team already uses."</p>
                <RefreshButton />
            </div>
            <Suspense fallback=|| view! { <p class="marketplace__loading">"Loading integrations…"</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorList errors /> }>
                    {move || Suspend::new(async move {
                        cards.await.map(|cards| view! { <CardGrid cards /> })
                    })}
                </ErrorBoundary>
            </Suspense>
        </main>
    }
}

#[component]
fn CardGrid(cards: Vec<IntegrationCard>) -> impl IntoView {
    if cards.is_empty() {
        return view! { <p class="marketplace__empty">"No integrations are enabled yet."</p> }
            .into_any();
    }
    view! {
        <ul class="card-grid" aria-label="Apps">
            {cards.into_iter().map(|card| view! { <Card card /> }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn Card(card: IntegrationCard) -> impl IntoView {
    let badge = match card.status {
        ConnectionStatus::Connected => Some(("Connected", "connected")),
        ConnectionStatus::NeedsReconnect => Some(("Needs reconnect", "reconnect")),
        ConnectionStatus::Available => None,
    };
    let alt = format!("{} logo", card.name);
    view! {
        <li class="card">
            {card.icon.map(|icon| view! { <img class="card__logo" src=icon alt=alt width="40" height="40" /> })}
            <h2 class="card__name">{card.name}</h2>
            {badge.map(|(label, kind)| view! { <span class="badge" data-status=kind>{label}</span> })}
            <p class="card__description">{card.description}</p>
        </li>
    }
}
