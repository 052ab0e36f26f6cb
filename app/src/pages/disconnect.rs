//! `/integrations/{slug}/disconnect`: the confirmation the Disconnect link leads to without
//! JavaScript. It says what goes with the connection and posts to the same address.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::integration::enabled_workflows;
use crate::api::get_integration;
use crate::components::{DisconnectSummary, ErrorList, SiteHeader};
use crate::context::{platform_name, viewer};
use crate::model::{ConnectionStatus, IntegrationCard};

#[component]
pub fn DisconnectPage() -> impl IntoView {
    let slug = use_params_map().with_untracked(|p| p.get("slug").unwrap_or_default());
    let failed = use_query_map().with_untracked(|q| q.get("failed").is_some());
    let load = move || {
        let slug = slug.clone();
        Suspend::new(async move {
            let app = get_integration(slug.clone()).await?;
            let card = IntegrationCard::from_application(&app);
            let workflows = enabled_workflows(&slug).await;
            Ok::<_, crate::error::AppError>(
                card.map(|card| view! { <Confirm card workflows failed /> }),
            )
        })
    };
    view! {
        <SiteHeader platform_name=platform_name() viewer=viewer() />
        <main class="page detail">
            <Suspense fallback=|| view! { <div class="skeleton skeleton--detail" aria-hidden="true"></div> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorList errors /> }>{load}</ErrorBoundary>
            </Suspense>
        </main>
    }
}

#[component]
fn Confirm(card: IntegrationCard, workflows: Option<Vec<String>>, failed: bool) -> impl IntoView {
    let IntegrationCard {
        slug, name, status, ..
    } = card;
    let back = format!("/integrations/{slug}");
    if status == ConnectionStatus::Available {
        return view! {
            <Title text=format!("{name} is not connected") />
            <h1>{format!("{name} is not connected")}</h1>
            <p>"There is nothing to disconnect."</p>
            <a class="button button--secondary" href=back>{format!("Back to {name}")}</a>
        }
        .into_any();
    }
    if let Some(why) = crate::context::refusal(crate::model::Change::Disconnect) {
        return view! {
            <Title text=format!("{name} stays connected") />
            <h1>{format!("{name} stays connected")}</h1>
            <p role="alert">{why}</p>
            <a class="button button--secondary" href=back>{format!("Back to {name}")}</a>
        }
        .into_any();
    }
    view! {
        <Title text=format!("Disconnect {name}?") />
        <form class="disconnect-page" method="post" action=format!("/integrations/{slug}/disconnect")>
            <h1>{format!("Disconnect {name}?")}</h1>
            {failed.then(|| view! {
                <p class="form-error" role="alert">
                    "Nothing was disconnected: the integrations service is unavailable right now. Try again in a moment."
                </p>
            })}
            <DisconnectSummary name=name.clone() workflows />
            <div class="dialog__actions">
                <a class="button button--secondary" href=back>"Cancel"</a>
                <button type="submit" class="button button--danger">{format!("Disconnect {name}")}</button>
            </div>
        </form>
    }
    .into_any()
}
