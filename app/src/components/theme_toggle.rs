//! The light/dark switch. Without a choice the page follows `prefers-color-scheme`; a choice is
//! kept in a `theme` cookie, so the server renders the chosen theme on the next visit without
//! a flash.

use leptos::prelude::*;

/// A toggle button between the light and the dark theme.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    view! {
        <Theme>
            <button
                type="button"
                class="button button--secondary theme-toggle"
                aria-pressed=crate::context::dark_theme().to_string()
            >
                {crate::t!("theme-dark")}
            </button>
        </Theme>
    }
}

/// The island around the server-rendered button. No props and no state: the page's
/// `<html data-theme>` says which theme is on, and the button's `aria-pressed` follows it.
#[cfg_attr(any(feature = "ssr", feature = "marketplace"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "marketplace")), component)]
fn Theme(children: Children) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    window_event_listener_untyped("click", toggle);
    children()
}

#[cfg(feature = "hydrate")]
fn toggle(ev: web_sys::Event) {
    use wasm_bindgen::JsCast;
    let Some(button) = ev
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.closest(".theme-toggle").ok().flatten())
    else {
        return;
    };
    let Some(root) = document().document_element() else {
        return;
    };
    let dark = root.get_attribute("data-theme").as_deref() != Some("dark");
    let theme = if dark { "dark" } else { "light" };
    let _ = root.set_attribute("data-theme", theme);
    let _ = button.set_attribute("aria-pressed", if dark { "true" } else { "false" });
    if let Ok(html) = document().dyn_into::<web_sys::HtmlDocument>() {
        let _ = html.set_cookie(&format!(
            "theme={theme}; path=/; max-age=31536000; samesite=lax"
        ));
    }
}
