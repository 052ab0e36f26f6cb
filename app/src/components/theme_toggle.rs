//! The light/dark switch. Without a choice the page follows `prefers-color-scheme`; a choice is
//! kept in a `theme` cookie, so the server renders the chosen theme on the next visit without
//! a flash.

use leptos::prelude::*;

/// A toggle button between the light and the dark theme. It has no props and no state: the
/// page's `<html data-theme>` says which theme is on, and the button's `aria-pressed` follows
/// it.
#[cfg_attr(any(feature = "ssr", feature = "marketplace"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "marketplace")), component)]
pub fn ThemeToggle() -> impl IntoView {
    view! {
        <button
            type="button"
            class="button button--secondary theme-toggle"
            aria-pressed=crate::context::dark_theme().to_string()
            on:click=toggle
        >
            "Dark theme"
        </button>
    }
}

fn toggle(ev: leptos::ev::MouseEvent) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let Some(root) = document().document_element() else {
            return;
        };
        let dark = root.get_attribute("data-theme").as_deref() != Some("dark");
        let theme = if dark { "dark" } else { "light" };
        let _ = root.set_attribute("data-theme", theme);
        if let Some(button) = ev
            .current_target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        {
            let _ = button.set_attribute("aria-pressed", if dark { "true" } else { "false" });
        }
        if let Ok(html) = document().dyn_into::<web_sys::HtmlDocument>() {
            let _ = html.set_cookie(&format!(
                "theme={theme}; path=/; max-age=31536000; samesite=lax"
            ));
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = ev;
}
