//! `/signed-out`: where a visitor without a session lands when sign-up is off (live mode):
//! the tab is opened from the host app, which signs the user in through `/embed`.

use leptos::prelude::*;
use leptos_meta::Title;

/// Tells the visitor how to reach the tab.
#[component]
pub fn SignedOutPage() -> impl IntoView {
    let platform = crate::context::platform_name();
    view! {
        <Title text="Signed out" />
        <main class="page auth-page">
            <div class="auth-form">
                <h1>"You are signed out"</h1>
                <p>{format!("Open the Integrations tab from your {platform} account to continue.")}</p>
            </div>
        </main>
    }
}
