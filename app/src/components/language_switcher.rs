//! The language switcher: a plain GET form, so it works without JavaScript. Choosing a
//! language reloads the page with `?lang=`, which the server keeps in the `lang` cookie for
//! the pages after (see `crate::server::language`).

use leptos::prelude::*;

use crate::i18n::Locale;

/// The page's footer with the switcher. The page's other query parameters (a filter, an
/// opened run) are sent again, so the same view comes back in the new language.
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let current = crate::context::locale();
    let kept = crate::context::query_pairs()
        .into_iter()
        .filter(|(name, _)| name != "lang")
        .map(|(name, value)| view! { <input type="hidden" name=name value=value /> })
        .collect_view();
    let options = Locale::LANGUAGES
        .into_iter()
        .map(|locale| {
            view! {
                <option value=locale.tag() lang=locale.tag() selected=locale == current>
                    {locale.name()}
                </option>
            }
        })
        .collect_view();
    view! {
        <footer class="site-footer">
            <form class="language" method="get">
                {kept}
                <label for="language">{crate::t!("language-label")}</label>
                <select id="language" name="lang">{options}</select>
                <button class="button button--secondary" type="submit">
                    {crate::t!("language-apply")}
                </button>
            </form>
        </footer>
    }
}
