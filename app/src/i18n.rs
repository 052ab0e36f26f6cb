//! The tab's languages: which one a request gets, and its sentences.
//!
//! Sentences are Project Fluent messages in `app/locales/<tag>/*.ftl`, formatted on the
//! server (`catalog`, with `fluent-bundle`): plurals and grammar live in the messages, not in
//! the code. The wasm holds no catalog: the islands read the messages of `islands.ftl`, in
//! the page's language, from a JSON table the server writes into each page ([`table`]).
//!
//! Code asks for a sentence with [`t!`](crate::t): `t!("save-configuration")`, or with
//! arguments, `t!("app-connected", app = name)`.

#[cfg(feature = "ssr")]
pub mod catalog;

use serde::{Deserialize, Serialize};

/// A language the tab speaks, and the two pseudo-locales that test the layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    En,
    De,
    Fr,
    Es,
    Ja,
    /// `en-XA`: English with accented and lengthened letters, so an untranslated sentence
    /// (plain English) and text that does not fit stand out.
    Accented,
    /// `ar-XB`: English written right to left, so the mirrored layout can be tested.
    Mirrored,
}

impl Locale {
    /// Every locale, the real languages first.
    pub const ALL: [Self; 7] = [
        Self::En,
        Self::De,
        Self::Fr,
        Self::Es,
        Self::Ja,
        Self::Accented,
        Self::Mirrored,
    ];
    /// The languages the switcher offers.
    pub const LANGUAGES: [Self; 5] = [Self::En, Self::De, Self::Fr, Self::Es, Self::Ja];

    /// The BCP 47 tag: `<html lang>`, `?lang=`, the `lang` cookie and the catalog's folder.
    pub fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::De => "de",
            Self::Fr => "fr",
            Self::Es => "es",
            Self::Ja => "ja",
            Self::Accented => "en-XA",
            Self::Mirrored => "ar-XB",
        }
    }

    /// The language's own name, as the switcher shows it. The switcher lists
    /// [`Self::LANGUAGES`] only: a pseudo-locale, chosen by its tag, is named by it.
    pub fn name(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::De => "Deutsch",
            Self::Fr => "Français",
            Self::Es => "Español",
            Self::Ja => "日本語",
            Self::Accented | Self::Mirrored => self.tag(),
        }
    }

    /// `<html dir>`.
    pub fn dir(self) -> &'static str {
        if self == Self::Mirrored { "rtl" } else { "ltr" }
    }

    /// The locale a tag names: exactly one of ours (any case), or a regional variant of a
    /// language we speak (`de-AT` is German). Anything else is `None`.
    pub fn parse(tag: &str) -> Option<Self> {
        let tag = tag.trim();
        if let Some(exact) = Self::ALL
            .into_iter()
            .find(|locale| locale.tag().eq_ignore_ascii_case(tag))
        {
            return Some(exact);
        }
        let language = tag.split(['-', '_']).next()?;
        Self::LANGUAGES
            .into_iter()
            .find(|locale| locale.tag().eq_ignore_ascii_case(language))
    }

    /// The best of our languages for an `Accept-Language` header: the first by quality (then
    /// by order) that we speak; `q=0` means "not this one".
    pub fn from_accept_language(header: &str) -> Option<Self> {
        let mut ranges: Vec<(f32, usize, &str)> = header
            .split(',')
            .enumerate()
            .filter_map(|(index, range)| {
                let mut parts = range.split(';');
                let tag = parts.next()?.trim();
                let quality = parts
                    .find_map(|param| param.trim().strip_prefix("q="))
                    .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
                (quality > 0.0 && !tag.is_empty()).then_some((quality, index, tag))
            })
            .collect();
        ranges.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        // Pseudo-locales are for tests, chosen by name only.
        ranges.into_iter().find_map(|(_, _, tag)| {
            Self::parse(tag).filter(|locale| Self::LANGUAGES.contains(locale))
        })
    }

    /// The request's language, by precedence: `?lang=`, the embed token's `locale`, the
    /// switcher's `lang` cookie, `Accept-Language`, English. A value naming no language of
    /// ours is passed over.
    pub fn choose(
        query: Option<&str>,
        claim: Option<&str>,
        cookie: Option<&str>,
        accept_language: Option<&str>,
    ) -> Self {
        [query, claim, cookie]
            .into_iter()
            .flatten()
            .find_map(Self::parse)
            .or_else(|| accept_language.and_then(Self::from_accept_language))
            .unwrap_or_default()
    }
}

/// A value for a message's variable.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    /// A number, which the server's messages may choose a plural form by. The islands cannot
    /// choose one (see `table`), so in the wasm a number is its digits.
    #[cfg(feature = "ssr")]
    Number(i64),
}

impl From<&str> for Arg {
    fn from(value: &str) -> Self {
        Self::Text(value.to_owned())
    }
}

impl From<String> for Arg {
    fn from(value: String) -> Self {
        Self::Text(value)
    }
}

impl From<&String> for Arg {
    fn from(value: &String) -> Self {
        Self::Text(value.clone())
    }
}

macro_rules! number_arg {
    ($($ty:ty),*) => {$(
        impl From<$ty> for Arg {
            fn from(value: $ty) -> Self {
                let number = i64::try_from(value).unwrap_or(i64::MAX);
                #[cfg(feature = "ssr")]
                return Self::Number(number);
                #[cfg(not(feature = "ssr"))]
                Self::Text(digits(number))
            }
        }
    )*};
}
number_arg!(i32, i64, u32, u64, usize);

/// `number` in decimal digits, without the formatting machinery `to_string` brings into the
/// wasm (about half a kilobyte).
#[cfg(any(test, not(feature = "ssr")))]
fn digits(number: i64) -> String {
    let mut magnitude = number.unsigned_abs();
    let mut buffer = [0_u8; 20];
    let mut start = buffer.len();
    loop {
        start -= 1;
        buffer[start] = b'0' + (magnitude % 10) as u8;
        magnitude /= 10;
        if magnitude == 0 {
            break;
        }
    }
    let mut text = String::with_capacity(21);
    if number < 0 {
        text.push('-');
    }
    text.extend(buffer[start..].iter().map(|&digit| char::from(digit)));
    text
}

/// A sentence in the language of the page being rendered (see [`crate::t!`]).
pub fn text(key: &str, args: &[(&str, Arg)]) -> String {
    #[cfg(feature = "ssr")]
    return catalog::text(key, args);
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    return table::text(key, args);
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        let _ = args;
        key.to_owned()
    }
}

/// Message `key` with `count` from 0 to `upto`, as a JSON array: the sentences an island shows
/// when it counts again after load, as the browser cannot choose a plural form. The server
/// formats each list once per language and length, and the page's attribute shares it.
pub fn counted(key: &'static str, upto: usize) -> std::sync::Arc<str> {
    #[cfg(feature = "ssr")]
    return catalog::counted(key, upto);
    #[cfg(not(feature = "ssr"))]
    serde_json::to_string(
        &(0..=upto)
            .map(|count| text(key, &[("count", Arg::from(count))]))
            .collect::<Vec<_>>(),
    )
    .unwrap_or_default()
    .into()
}

/// A sentence of the page's language: `t!("key")`, or `t!("key", name = value, …)` for a
/// message with variables.
#[macro_export]
macro_rules! t {
    ($key:literal) => {
        $crate::i18n::text($key, &[])
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text($key, &[$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}

/// The id of the page's JSON table of island messages.
pub const TABLE_ID: &str = "i18n";

/// The islands' side: the page's table of `islands.ftl` messages in its language, written by
/// the server with each variable as `{name}`.
#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
mod table {
    use super::Arg;

    /// The page's table is parsed again for each sentence (a few kilobytes of JSON, a fraction
    /// of a millisecond): keeping no copy of it keeps the wasm smaller.
    pub fn text(key: &str, args: &[(&str, Arg)]) -> String {
        let pattern = leptos::prelude::document()
            .get_element_by_id(super::TABLE_ID)
            .and_then(|table| table.text_content())
            .and_then(|json| js_sys::JSON::parse(&json).ok())
            .and_then(|table| js_sys::Reflect::get(&table, &key.into()).ok())
            .and_then(|value| value.as_string())
            .unwrap_or_else(|| key.to_owned());
        super::fill(pattern, args)
    }
}

/// The islands' way of filling a message from the page's table (see `table`).
#[cfg(any(test, all(feature = "hydrate", not(feature = "ssr"))))]
/// `pattern` with each `{name}` of `args` replaced by its value; other braces stay. One
/// pass over the text, without `str::replace`'s substring searcher (wasm bytes).
pub fn fill(pattern: String, args: &[(&str, Arg)]) -> String {
    if args.is_empty() {
        return pattern;
    }
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern.as_str();
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let named = after.find('}').and_then(|close| {
            let value = args.iter().find(|(name, _)| *name == &after[..close])?;
            Some((&value.1, &after[close + 1..]))
        });
        match named {
            Some((Arg::Text(text), tail)) => {
                out.push_str(text);
                rest = tail;
            }
            #[cfg(feature = "ssr")]
            Some((Arg::Number(number), tail)) => {
                out.push_str(&number.to_string());
                rest = tail;
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::{Arg, Locale, fill};

    #[test]
    fn numbers_are_written_in_digits() {
        assert_eq!(super::digits(0), "0");
        assert_eq!(super::digits(1234), "1234");
        assert_eq!(super::digits(-56), "-56");
        assert_eq!(super::digits(i64::MIN), i64::MIN.to_string());
    }

    #[test]
    fn the_islands_fill_named_placeholders_and_leave_other_braces() {
        let args = [("app", Arg::from("HubSpot")), ("count", Arg::from(3_usize))];
        assert_eq!(
            fill("Connect {app} ({count})".into(), &args),
            "Connect HubSpot (3)"
        );
        assert_eq!(fill("{app}{app}".into(), &args), "HubSpotHubSpot");
        assert_eq!(fill("a {b} {".into(), &args), "a {b} {");
        assert_eq!(fill("{app".into(), &args), "{app");
        assert_eq!(fill("no args".into(), &[]), "no args");
    }

    #[test]
    fn tags_name_our_locales_in_any_case_and_regional_variants_fall_to_their_language() {
        assert_eq!(Locale::parse("de"), Some(Locale::De));
        assert_eq!(Locale::parse("DE-at"), Some(Locale::De));
        assert_eq!(Locale::parse("ja_JP"), Some(Locale::Ja));
        assert_eq!(Locale::parse("en-xa"), Some(Locale::Accented));
        assert_eq!(Locale::parse("ar-XB"), Some(Locale::Mirrored));
        assert_eq!(Locale::parse("ar"), None);
        assert_eq!(Locale::parse("klingon"), None);
        assert_eq!(Locale::parse(""), None);
        for locale in Locale::ALL {
            assert_eq!(Locale::parse(locale.tag()), Some(locale));
        }
    }

    #[test]
    fn accept_language_picks_the_best_language_we_speak() {
        assert_eq!(Locale::from_accept_language("de"), Some(Locale::De));
        assert_eq!(
            Locale::from_accept_language("nl;q=1, fr-CA;q=0.8, de;q=0.9"),
            Some(Locale::De)
        );
        assert_eq!(
            Locale::from_accept_language("ja, en;q=0.5"),
            Some(Locale::Ja)
        );
        assert_eq!(Locale::from_accept_language("de;q=0, es"), Some(Locale::Es));
        assert_eq!(Locale::from_accept_language("en-XA"), None);
        assert_eq!(Locale::from_accept_language("nl, *;q=0.1"), None);
        assert_eq!(Locale::from_accept_language("de;q=bad"), None);
    }

    #[test]
    fn the_query_wins_over_the_claim_over_the_cookie_over_the_header() {
        let all = Locale::choose(Some("fr"), Some("es"), Some("ja"), Some("de"));
        assert_eq!(all, Locale::Fr);
        assert_eq!(
            Locale::choose(None, Some("es"), Some("ja"), Some("de")),
            Locale::Es
        );
        assert_eq!(
            Locale::choose(None, None, Some("ja"), Some("de")),
            Locale::Ja
        );
        assert_eq!(Locale::choose(None, None, None, Some("de")), Locale::De);
        assert_eq!(
            Locale::choose(Some("xx"), None, Some("ja"), None),
            Locale::Ja
        );
        assert_eq!(Locale::choose(None, None, None, None), Locale::En);
    }
}
