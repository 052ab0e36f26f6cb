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
        let heading = crate::t!("disconnect-page-not-connected", app = &name);
        return view! {
            <Title text=heading.clone() />
            <h1>{heading}</h1>
            <p>{crate::t!("disconnect-page-nothing")}</p>
            <a class="button button--secondary" href=back>{crate::t!("disconnect-page-back", app = &name)}</a>
        }
        .into_any();
    }
    if let Some(why) = crate::context::refusal(crate::model::Change::Disconnect) {
        let heading = crate::t!("disconnect-page-stays", app = &name);
        return view! {
            <Title text=heading.clone() />
            <h1>{heading}</h1>
            <p role="alert">{why}</p>
            <a class="button button--secondary" href=back>{crate::t!("disconnect-page-back", app = &name)}</a>
        }
        .into_any();
    }
    let heading = crate::t!("disconnect-page-title", app = &name);
    view! {
        <Title text=heading.clone() />
        <form class="disconnect-page" method="post" action=format!("/integrations/{slug}/disconnect")>
            <h1>{heading}</h1>
            {failed.then(|| view! {
                <p class="form-error" role="alert">{crate::t!("disconnect-page-unavailable")}</p>
            })}
            <DisconnectSummary name=name.clone() workflows />
            <div class="dialog__actions">
                <a class="button button--secondary" href=back>{crate::t!("disconnect-page-cancel")}</a>
                <button type="submit" class="button button--danger">{crate::t!("disconnect-page-confirm", app = &name)}</button>
            </div>
        </form>
    }
    .into_any()
}
