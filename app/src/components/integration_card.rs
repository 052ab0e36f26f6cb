//! One app in the marketplace grid, and the primary action every app offers.

use leptos::prelude::*;

use crate::model::{ConnectionStatus, IntegrationCard};

/// A provider that requires its own connect button (brand guidelines), drawn by us in CSS.
pub(crate) struct BrandedButton {
    pub label: &'static str,
    pub class: &'static str,
}

/// The registry of branded connect buttons, by app slug.
pub(crate) fn branded_button(slug: &str) -> Option<BrandedButton> {
    match slug {
        "quickbooks" => Some(BrandedButton {
            label: "Connect to QuickBooks",
            class: "brand-button brand-button--quickbooks",
        }),
        _ => None,
    }
}

/// The app's primary action: Connect (branded where the provider requires it), Reconnect or
/// Manage. A link to the detail page, where the connection happens, so it works without
/// JavaScript.
#[component]
pub fn PrimaryAction(slug: String, name: String, status: ConnectionStatus) -> impl IntoView {
    let href = format!("/integrations/{slug}");
    match (status, branded_button(&slug)) {
        (ConnectionStatus::Available, Some(brand)) => view! {
            <a class=brand.class href=href>
                <span class="brand-button__mark" aria-hidden="true"></span>
                {brand.label}
            </a>
        }
        .into_any(),
        (status, _) => {
            let (label, class) = match status {
                ConnectionStatus::Available => ("Connect", "button"),
                ConnectionStatus::NeedsReconnect => ("Reconnect", "button button--warning"),
                ConnectionStatus::Connected => ("Manage", "button button--secondary"),
            };
            let accessible = format!("{label} {name}");
            view! {
                <a class=class href=href aria-label=accessible>
                    {label}
                </a>
            }
            .into_any()
        }
    }
}

/// The status badge: Connected, Needs reconnect, or nothing for an available app.
#[component]
pub fn StatusBadge(status: ConnectionStatus) -> impl IntoView {
    let badge = match status {
        ConnectionStatus::Connected => Some(("Connected", "connected")),
        ConnectionStatus::NeedsReconnect => Some(("Needs reconnect", "reconnect")),
        ConnectionStatus::Available => None,
    };
    badge.map(|(label, kind)| view! { <span class="badge" data-status=kind>{label}</span> })
}

/// A card of the grid. Logos below the first rows load lazily.
#[component]
pub fn IntegrationCardView(card: IntegrationCard, eager: bool) -> impl IntoView {
    let IntegrationCard {
        slug,
        name,
        description,
        icon,
        tags,
        status,
    } = card;
    let alt = format!("{name} logo");
    let loading = if eager { "eager" } else { "lazy" };
    view! {
        <li class="card">
            <div class="card__head">
                {icon
                    .map(|icon| {
                        view! {
                            <img class="card__logo" src=icon alt=alt width="40" height="40" loading=loading />
                        }
                    })}
                <h2 class="card__name">{name.clone()}</h2>
                <StatusBadge status />
            </div>
            <p class="card__description">{description}</p>
            <ul class="card__tags" aria-label="Categories">
                {tags.into_iter().map(|tag| view! { <li class="tag">{tag}</li> }).collect_view()}
            </ul>
            <div class="card__action">
                <PrimaryAction slug name status />
            </div>
        </li>
    }
}
