//! The HTML shell and the route table.

use leptos::prelude::*;
use leptos_meta::{MetaTags, Title, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};

use crate::components::AssetLinks;
use crate::pages::{
    DisconnectPage, EmbedPage, EmbedSwitchPage, FrameSessionPage, IntegrationPage,
    IntegrationsPage, NotFound, SignedOutPage, SignupPage,
};

/// The document around every page. No inline scripts or styles: the wasm is started by
/// `/boot.js`, so a Content-Security-Policy without `'unsafe-inline'` holds.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::server::headers::apply();
    let locale = crate::context::locale();
    #[cfg(feature = "ssr")]
    crate::i18n::catalog::speak(locale);
    #[cfg(not(feature = "ssr"))]
    provide_context(locale);
    #[cfg(feature = "ssr")]
    crate::server::language::keep_choice();
    #[cfg(feature = "ssr")]
    let island_table = crate::i18n::catalog::island_table(locale);
    #[cfg(not(feature = "ssr"))]
    let island_table = None::<std::sync::Arc<str>>;
    view! {
        <!DOCTYPE html>
        <html lang=locale.tag() dir=locale.dir() data-theme=crate::context::theme()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light dark" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <AutoReload options=options.clone() />
                <AssetLinks options />
                <MetaTags />
            </head>
            <body>
                <App />
                // The islands' sentences in the page's language (`crate::i18n`): data, not a
                // script, so the Content-Security-Policy needs no exception for it.
                {island_table.map(|table| view! {
                    <script type="application/json" id=crate::i18n::TABLE_ID inner_html=table.to_string()></script>
                })}
            </body>
        </html>
    }
}

/// The route table. Rendered on the server only: in islands mode the browser hydrates just
/// the interactive islands inside these pages. Data pages render `SsrMode::Async`: the whole
/// page waits for its data, so it is complete without JavaScript (out-of-order streaming would
/// need a script to put the data in place) and can still answer 404.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let platform = crate::context::platform_name();
    view! {
        // leptos_meta (0.8.7) writes the title into the page unescaped, and titles carry app
        // names from Cobalt: a name with `</title>` would end the element. So it is escaped here.
        <Title formatter=move |title: String| crate::components::escape_text(&format!("{title} · {platform}")) />
        <Router>
            <Routes fallback=NotFound>
                <Route path=path!("/integrations") view=IntegrationsPage ssr=SsrMode::Async />
                <Route path=path!("/integrations/:slug") view=IntegrationPage ssr=SsrMode::Async />
                <Route path=path!("/integrations/:slug/disconnect") view=DisconnectPage ssr=SsrMode::Async />
                <Route path=path!("/signup") view=SignupPage />
                <Route path=path!("/embed/refused") view=EmbedPage />
                <Route path=path!("/embed/switch") view=EmbedSwitchPage />
                <Route path=path!("/embed/ended") view=FrameSessionPage />
                <Route path=path!("/signed-out") view=SignedOutPage />
            </Routes>
        </Router>
        // The host chooses a framed tab's language (the embed token's `locale`).
        {(!crate::context::viewer().is_some_and(|viewer| viewer.embedded))
            .then(crate::components::LanguageSwitcher)}
    }
}
