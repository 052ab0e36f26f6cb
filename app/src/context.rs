//! What a render knows about its request, read from the context the server provides: the
//! platform's settings, the signed-in viewer and the chosen theme. Pages and components call
//! these; in the browser (islands) they fall back to neutral values.

/// The platform's name from the server's configuration (pages render on the server only).
pub fn platform_name() -> String {
    #[cfg(feature = "ssr")]
    if let Some(state) = leptos::prelude::use_context::<crate::server::AppState>() {
        return state.config.platform_name.clone();
    }
    String::from("Integrations")
}

/// Where the browser loads cobalt-js from (rendered on the server only).
pub fn cobalt_js_asset() -> crate::model::connect::CobaltJsAsset {
    #[cfg(feature = "ssr")]
    if let Some(state) = leptos::prelude::use_context::<crate::server::AppState>() {
        return (*state.cobalt_js).clone();
    }
    crate::model::connect::CobaltJsAsset {
        url: String::new(),
        integrity: String::new(),
    }
}

/// The signed-in user as pages show them: their name and whether the tab is embedded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Viewer {
    pub name: String,
    pub embedded: bool,
    pub role: crate::model::Role,
}

/// The viewer of the page being rendered (pages render on the server only).
pub fn viewer() -> Option<Viewer> {
    #[cfg(feature = "ssr")]
    {
        let parts = leptos::prelude::use_context::<http::request::Parts>()?;
        let identity = parts.extensions.get::<crate::server::Identity>()?;
        let chrome_off = parts
            .uri
            .query()
            .is_some_and(|q| q.split('&').any(|p| p == "chrome=0"));
        Some(Viewer {
            name: identity.name.clone(),
            embedded: identity.embedded || chrome_off,
            role: identity.role,
        })
    }
    #[cfg(not(feature = "ssr"))]
    None
}

/// Why the signed-in user may not make `change` (their role), if they may not. The server
/// refuses such changes anyway; pages show the controls disabled with this sentence.
pub fn refusal(change: crate::model::Change) -> Option<String> {
    let role = viewer()?.role;
    role.refusal(change)
        .map(|why| crate::t!("role-refusal-sentence", reason = why))
}

/// Whether the visitor chose the dark theme (the `theme` cookie); `false` follows the system.
pub fn dark_theme() -> bool {
    theme().as_deref() == Some("dark")
}

/// The theme the visitor chose, if any: `light` or `dark` (the `theme` cookie, else the embed
/// token's `theme`).
pub fn theme() -> Option<String> {
    #[cfg(feature = "ssr")]
    {
        let parts = leptos::prelude::use_context::<http::request::Parts>()?;
        let cookies = parts.headers.get_all(http::header::COOKIE);
        cookies
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(';'))
            .filter_map(|pair| pair.trim().strip_prefix("theme="))
            .find(|theme| matches!(*theme, "light" | "dark"))
            .map(str::to_owned)
            // The host's choice in the embed token, until the user (or the host) picks one.
            .or_else(|| {
                parts
                    .extensions
                    .get::<crate::server::Identity>()?
                    .theme
                    .clone()
            })
    }
    #[cfg(not(feature = "ssr"))]
    None
}

/// The current Unix time in seconds, for relative times (pages render on the server only).
pub fn now_unix() -> i64 {
    #[cfg(feature = "ssr")]
    return std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or_default();
    #[cfg(not(feature = "ssr"))]
    0
}

/// The language of the page being rendered: the one the shell (or the caller of a render)
/// provided, else the request's (server functions).
pub fn locale() -> crate::i18n::Locale {
    #[cfg(feature = "ssr")]
    {
        use leptos::prelude::use_context;
        if let Some(locale) = use_context::<crate::i18n::Locale>() {
            return locale;
        }
        // Read in place: the request's parts hold all its headers.
        let of_request = leptos::prelude::with_context::<http::request::Parts, _>(|parts| {
            let identity = parts.extensions.get::<crate::server::Identity>();
            crate::server::language::of_request(parts.uri.query(), &parts.headers, identity)
        });
        if let Some(locale) = of_request {
            return locale;
        }
    }
    crate::i18n::Locale::default()
}

/// The query parameters of the page being rendered, in order (pages render on the server only).
pub fn query_pairs() -> Vec<(String, String)> {
    #[cfg(feature = "ssr")]
    return leptos::prelude::with_context::<http::request::Parts, _>(|parts| {
        form_urlencoded::parse(parts.uri.query().unwrap_or_default().as_bytes())
            .map(|(name, value)| (name.into_owned(), value.into_owned()))
            .collect()
    })
    .unwrap_or_default();
    #[cfg(not(feature = "ssr"))]
    Vec::new()
}
