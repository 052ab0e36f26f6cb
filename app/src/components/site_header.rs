//! The host frame: the page reads as a tab inside the platform's product.

use leptos::prelude::*;

/// The platform's name and its tab bar, with Integrations active.
#[component]
pub fn SiteHeader(platform_name: String) -> impl IntoView {
    view! {
        <header class="site-header">
            <a class="site-header__brand" href="/integrations">{platform_name}</a>
            <nav class="site-header__tabs" aria-label="Settings">
                <span class="site-header__tab">"Overview"</span>
                <a class="site-header__tab" href="/integrations" aria-current="page">"Integrations"</a>
                <span class="site-header__tab">"Billing"</span>
            </nav>
        </header>
    }
}
