//! The light/dark switch. Without a choice the page follows `prefers-color-scheme`; a choice is
//! kept in a `theme` cookie, so the server renders the chosen theme on the next visit without
//! a flash.

use leptos::prelude::*;

/// A toggle button between the light and the dark theme.
#[cfg_attr(any(feature = "ssr", feature = "marketplace"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "marketplace")), component)]
pub fn ThemeToggle(dark: bool) -> impl IntoView {
    let dark = RwSignal::new(dark);
    let toggle = move |_| {
        dark.update(|d| *d = !*d);
        apply(dark.get_untracked());
    };
    view! {
        <button
            type="button"
            class="button button--secondary theme-toggle"
            aria-pressed=move || dark.get().to_string()
            on:click=toggle
        >
            "Dark theme"
        </button>
    }
}

fn apply(dark: bool) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let theme = if dark { "dark" } else { "light" };
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-theme", theme);
        }
        if let Ok(html) = document().dyn_into::<web_sys::HtmlDocument>() {
            let _ = html.set_cookie(&format!(
                "theme={theme}; path=/; max-age=31536000; samesite=lax"
            ));
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = dark;
}
