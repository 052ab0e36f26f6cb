//! The browser entry point, built once per bundle (feature `marketplace` or `detail`, see
//! `app::components`). `/boot.js` calls [`hydrate`], then hydrates each island that the server
//! rendered; nothing else lives here.

// Links the `app` crate, whose `#[island]`s export their own hydration functions.
use app as _;

/// Starts the reactive runtime for the islands. `import_module` is `(url) => import(url)`,
/// with which the detail bundle loads cobalt-js when a connection starts (see
/// `app::cobalt_js`).
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate(import_module: js_sys::Function) {
    // Panic messages in the console, while developing: in release builds the hook and its
    // formatting would weigh more than the rest of a small bundle.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    #[cfg(feature = "detail")]
    app::cobalt_js::set_module_importer(import_module);
    #[cfg(not(feature = "detail"))]
    drop(import_module);
    leptos::mount::hydrate_islands();
}
