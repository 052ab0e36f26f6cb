//! The browser entry point. `/boot.js` calls [`hydrate`], then hydrates each island that the
//! server rendered; nothing else lives here.

// Links the `app` crate, whose `#[island]`s export their own hydration functions.
use app as _;

/// Starts the reactive runtime for the islands. `import_module` is `(url) => import(url)`,
/// with which cobalt-js is loaded when a connection starts (see `app::cobalt_js`).
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate(import_module: js_sys::Function) {
    console_error_panic_hook::set_once();
    app::cobalt_js::set_module_importer(import_module);
    leptos::mount::hydrate_islands();
}
