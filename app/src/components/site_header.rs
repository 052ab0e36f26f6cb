//! The host frame: the page reads as a tab inside the platform's product.

use leptos::prelude::*;

use crate::context::Viewer;

/// The platform's name, its tab bar with Integrations active, and the signed-in user with
/// Sign out (a plain form post, so it works without JavaScript). Embedded sessions and
/// `?chrome=0` leave the host's frame out, for iframing, but still say who is signed in.
#[component]
pub fn SiteHeader(platform_name: String, viewer: Option<Viewer>) -> impl IntoView {
    if let Some(viewer) = viewer.as_ref().filter(|viewer| viewer.embedded) {
        return view! {
            <form class="site-header site-header--embedded" method="post" action="/signout">
                <span class="site-header__name">
                    {crate::t!("header-signed-in-as", name = &viewer.name)}
                </span>
                <button class="button button--secondary" type="submit">
                    {crate::t!("header-sign-out")}
                </button>
            </form>
        }
        .into_any();
    }
    view! {
        <header class="site-header">
            <a class="site-header__brand" href="/integrations">{platform_name}</a>
            <nav class="site-header__tabs" aria-label=crate::t!("header-tabs")>
                <span class="site-header__tab">{crate::t!("header-tab-overview")}</span>
                <a class="site-header__tab" href="/integrations" aria-current="page">
                    {crate::t!("header-tab-integrations")}
                </a>
                <span class="site-header__tab">{crate::t!("header-tab-billing")}</span>
            </nav>
            {viewer.map(|viewer| view! {
                <form class="site-header__user" method="post" action="/signout">
                    <span class="site-header__name">{viewer.name}</span>
                    <button class="button button--secondary" type="submit">
                        {crate::t!("header-sign-out")}
                    </button>
                </form>
            })}
        </header>
    }
    .into_any()
}
