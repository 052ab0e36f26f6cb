//! Which language a request gets (see [`Locale::choose`]), and keeping the switcher's choice.

use http::HeaderMap;

use super::Identity;
use crate::i18n::Locale;

/// The `lang` query parameter of `query`, if any.
pub fn query_lang(query: Option<&str>) -> Option<String> {
    form_urlencoded::parse(query?.as_bytes())
        .find(|(name, _)| name == "lang")
        .map(|(_, value)| value.into_owned())
}

/// The value of cookie `name` in `headers`.
fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .find_map(|pair| pair.trim().strip_prefix(name)?.strip_prefix('='))
}

/// The language of a request: `?lang=`, the embed token's `locale`, the `lang` cookie,
/// `Accept-Language`, English.
pub fn of_request(query: Option<&str>, headers: &HeaderMap, identity: Option<&Identity>) -> Locale {
    Locale::choose(
        query_lang(query).as_deref(),
        identity.and_then(|identity| identity.locale.as_deref()),
        cookie(headers, "lang"),
        headers
            .get(http::header::ACCEPT_LANGUAGE)
            .and_then(|value| value.to_str().ok()),
    )
}

/// The `Set-Cookie` that keeps a language chosen with `?lang=` for the next pages, when the
/// query names one of ours. Inside another site's frame the cookie is partitioned under it,
/// like the session.
pub fn remember(query: Option<&str>, identity: Option<&Identity>) -> Option<String> {
    let locale = Locale::parse(&query_lang(query)?)?;
    let placement = match identity.is_some_and(|identity| identity.framed) {
        true => "SameSite=None; Secure; Partitioned",
        false => "SameSite=Lax",
    };
    Some(format!(
        "lang={}; Path=/; Max-Age=31536000; {placement}",
        locale.tag()
    ))
}

/// Runs `work` with `state` and `locale` as context, as a page render has them: the server runs
/// every handler so (see `server::language`), so the sentences a handler makes outside a
/// render (a refused post's problems, an [`super::embed::EmbedError`]) are in the request's
/// language, with the host's overrides.
pub async fn in_language<F: Future>(state: &super::AppState, locale: Locale, work: F) -> F::Output {
    use leptos::prelude::{Owner, provide_context};
    use leptos::reactive::computed::ScopedFuture;
    let owner = Owner::new();
    owner.with(|| {
        provide_context(state.clone());
        crate::i18n::catalog::speak(locale);
    });
    // The owner, and with it the language, is current whenever `work` runs.
    let scoped = owner.with(|| ScopedFuture::new_untracked(work));
    scoped.await
}

/// Keeps the page's `?lang=` choice in the `lang` cookie (called from the shell).
pub fn keep_choice() {
    use leptos::prelude::use_context;
    let (Some(parts), Some(response)) = (
        use_context::<http::request::Parts>(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) else {
        return;
    };
    let identity = parts.extensions.get::<Identity>();
    if let Some(cookie) = remember(parts.uri.query(), identity)
        .and_then(|cookie| http::HeaderValue::from_str(&cookie).ok())
    {
        response.append_header(http::header::SET_COOKIE, cookie);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_the_cookie_and_the_header_are_read_in_that_order() {
        let mut headers = HeaderMap::new();
        headers.insert(
            http::header::ACCEPT_LANGUAGE,
            "de-DE,de;q=0.9".parse().expect("header"),
        );
        assert_eq!(of_request(None, &headers, None), Locale::De);
        headers.insert(
            http::header::COOKIE,
            "theme=dark; lang=ja".parse().expect("header"),
        );
        assert_eq!(of_request(Some("status=all"), &headers, None), Locale::Ja);
        assert_eq!(
            of_request(Some("status=all&lang=fr"), &headers, None),
            Locale::Fr
        );
        assert_eq!(of_request(Some("lang=xx"), &headers, None), Locale::Ja);
    }

    #[tokio::test]
    async fn work_in_a_language_speaks_it_across_its_awaits() {
        let mut config = crate::server::Config::from_lookup(|_| None).expect("a sandbox config");
        config.use_sandbox("http://127.0.0.1:9");
        let state = crate::server::AppState::new(
            leptos::prelude::LeptosOptions::builder()
                .output_name("test")
                .build(),
            config,
            Default::default(),
            crate::server::shared::Shared::in_process(),
        )
        .expect("a state");
        let work = in_language(&state, Locale::Accented, async {
            let before = crate::error::AppError::Internal.to_string();
            tokio::task::yield_now().await;
            (before, crate::context::locale())
        });
        // A handler's future must be `Send`.
        fn sendable<T: Send>(value: T) -> T {
            value
        }
        let said = sendable(work).await;
        assert!(said.0.starts_with("[šöɱéţĥîñĝ"), "{}", said.0);
        assert_eq!(said.1, Locale::Accented);
        assert_eq!(crate::context::locale(), Locale::En, "outside, as before");
    }

    #[test]
    fn only_a_language_of_ours_is_remembered() {
        let cookie = remember(Some("lang=de"), None).expect("a cookie");
        assert!(cookie.starts_with("lang=de; Path=/;"), "{cookie}");
        assert!(cookie.contains("SameSite=Lax"), "{cookie}");
        assert_eq!(remember(Some("lang=xx"), None), None);
        assert_eq!(remember(Some("status=all"), None), None);
        assert_eq!(remember(None, None), None);
    }
}
