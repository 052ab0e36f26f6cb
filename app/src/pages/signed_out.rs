//! `/signed-out`: where a visitor without a session lands when sign-up is off (live mode):
//! the tab is opened from the host app, which signs the user in through `/embed`.

use leptos::prelude::*;
use leptos_meta::Title;

/// Tells the visitor how to reach the tab.
#[component]
pub fn SignedOutPage() -> impl IntoView {
    let platform = crate::context::platform_name();
    view! {
        <Title text=crate::t!("signed-out-title") />
        <main class="page auth-page">
            <div class="auth-form">
                <h1>{crate::t!("signed-out-heading")}</h1>
                <p>{crate::t!("signed-out-body", platform = platform)}</p>
            </div>
        </main>
    }
}
