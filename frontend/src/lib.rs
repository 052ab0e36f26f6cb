//! The browser entry point. `/boot.js` calls [`hydrate`], then hydrates each island that the
//! server rendered; nothing else lives here.

// Links the `app` crate, whose `#[island]`s export their own hydration functions.
use app as _;

/// Starts the reactive runtime for the islands.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
