//! The catalogs: each locale's Fluent bundle, built once at start-up from the messages
//! compiled in (`app/locales/<tag>/*.ftl`) and the host's overrides (`STRINGS_DIR`).
//!
//! A language's bundle holds the English messages first and its own over them, so a message
//! not yet translated reads in English rather than as its key (the tests require every
//! message in every language). The pseudo-locales are the English messages, transformed.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, LazyLock, Mutex};

use fluent_bundle::{FluentArgs, FluentResource, FluentValue, concurrent::FluentBundle};
use fluent_syntax::ast;

use super::{Arg, Locale};
use crate::components::Bundle as PageBundle;

/// The catalog files of each language. `islands.ftl` and `shared.ftl` hold what code compiled
/// into the wasm shows (see [`Catalogs::island_table`]); the others render on the server only.
pub const FILES: [&str; 4] = ["common.ftl", "pages.ftl", "islands.ftl", "shared.ftl"];
/// Which of [`FILES`] the islands read.
const ISLAND_FILES: [usize; 2] = [2, 3];

macro_rules! catalog {
    ($tag:literal) => {
        [
            include_str!(concat!("../../locales/", $tag, "/common.ftl")),
            include_str!(concat!("../../locales/", $tag, "/pages.ftl")),
            include_str!(concat!("../../locales/", $tag, "/islands.ftl")),
            include_str!(concat!("../../locales/", $tag, "/shared.ftl")),
        ]
    };
}

/// The messages compiled in for a language (the pseudo-locales have none of their own).
pub fn sources(locale: Locale) -> Option<[&'static str; 4]> {
    match locale {
        Locale::En => Some(catalog!("en")),
        Locale::De => Some(catalog!("de")),
        Locale::Fr => Some(catalog!("fr")),
        Locale::Es => Some(catalog!("es")),
        Locale::Ja => Some(catalog!("ja")),
        Locale::Accented | Locale::Mirrored => None,
    }
}

/// A catalog that cannot be read: the file and Fluent's complaint.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}: {problem}")]
pub struct CatalogError {
    pub file: String,
    pub problem: String,
}

type Bundle = FluentBundle<Arc<FluentResource>>;

/// Texts formatted once and kept by key, for what every page of a kind asks alike (at most
/// [`KEPT`] of them; beyond, it starts again).
struct Kept<K>(Mutex<HashMap<K, Arc<str>>>);

/// Bounds each [`Kept`]: one text per language and page kind, or per language, message and
/// length (a page's number of apps or a form's number of fields), a few dozen in practice.
const KEPT: usize = 512;

impl<K> Default for Kept<K> {
    fn default() -> Self {
        Self(Mutex::default())
    }
}

impl<K: Eq + std::hash::Hash> Kept<K> {
    /// The text kept for `key`, or `make`'s, kept. Made without the lock, so other renders do
    /// not wait on it.
    fn get_or(&self, key: K, make: impl FnOnce() -> String) -> Arc<str> {
        let texts = || {
            self.0
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
        };
        if let Some(text) = texts().get(&key) {
            return Arc::clone(text);
        }
        let text: Arc<str> = make().into();
        let mut texts = texts();
        if texts.len() >= KEPT {
            texts.clear();
        }
        texts.insert(key, Arc::clone(&text));
        text
    }
}

/// Every locale's messages.
pub struct Catalogs {
    bundles: HashMap<Locale, Bundle>,
    /// The ids of the messages the islands use, with their variables' names.
    island_messages: Vec<(String, Vec<String>)>,
    /// The island tables, by language and bundle: the same for every page of a kind.
    tables: Kept<(Locale, PageBundle)>,
    /// The lists of [`Self::counted_of`], by language, message and last count.
    counted: Kept<(Locale, &'static str, usize)>,
}

impl std::fmt::Debug for Catalogs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalogs")
            .field("locales", &self.bundles.len())
            .finish_non_exhaustive()
    }
}

/// The catalogs without overrides, for renders outside a server (unit tests).
pub static BUILT_IN: LazyLock<Arc<Catalogs>> =
    LazyLock::new(|| Arc::new(Catalogs::load(None).unwrap_or_else(|_| Catalogs::empty())));

impl Catalogs {
    fn empty() -> Self {
        Self {
            bundles: HashMap::new(),
            island_messages: Vec::new(),
            tables: Default::default(),
            counted: Default::default(),
        }
    }

    /// The compiled-in catalogs, each with `<overrides>/<tag>.ftl` over it when that file
    /// exists (`en.ftl` also applies to the pseudo-locales). Any message that does not parse,
    /// compiled in or overridden, is an error.
    pub fn load(overrides: Option<&Path>) -> Result<Self, CatalogError> {
        // Parsed once; every locale's bundle shares them.
        let english: Vec<Arc<FluentResource>> =
            parse_all(Locale::En)?.into_iter().map(Arc::new).collect();
        let island_messages = ISLAND_FILES
            .iter()
            .flat_map(|&file| island_messages(&english[file]))
            .collect();
        let mut bundles = HashMap::new();
        for locale in Locale::ALL {
            let mut bundle = Bundle::new_concurrent(vec![
                locale
                    .tag()
                    .parse()
                    .map_err(|_| error(locale.tag(), "not a language tag"))?,
            ]);
            bundle.set_use_isolating(false);
            // Later resources override earlier ones.
            for resource in &english {
                bundle.add_resource_overriding(Arc::clone(resource));
            }
            if locale != Locale::En
                && let Some(sources) = sources(locale)
            {
                for (file, source) in FILES.iter().zip(sources) {
                    let name = format!("{}/{file}", locale.tag());
                    bundle.add_resource_overriding(Arc::new(parse(&name, source)?));
                }
            }
            match locale {
                Locale::Accented => bundle.set_transform(Some(accent)),
                Locale::Mirrored => bundle.set_transform(Some(mirror)),
                _ => {}
            }
            if let Some(dir) = overrides {
                let own = match locale {
                    Locale::Accented | Locale::Mirrored => Locale::En.tag(),
                    _ => locale.tag(),
                };
                let path = dir.join(format!("{own}.ftl"));
                if path.exists() {
                    let name = path.display().to_string();
                    let source = std::fs::read_to_string(&path).map_err(|err| error(&name, err))?;
                    bundle.add_resource_overriding(Arc::new(parse(&name, &source)?));
                }
            }
            bundles.insert(locale, bundle);
        }
        Ok(Self {
            bundles,
            island_messages,
            tables: Default::default(),
            counted: Default::default(),
        })
    }

    /// Message `key` in `locale`, or the key itself when no catalog has it.
    pub fn format(&self, locale: Locale, key: &str, args: &[(&str, Arg)]) -> String {
        let Some(bundle) = self.bundles.get(&locale) else {
            return key.to_owned();
        };
        let Some(pattern) = bundle.get_message(key).and_then(|message| message.value()) else {
            return key.to_owned();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Text(text) => fluent_args.set(*name, FluentValue::from(text.as_str())),
                Arg::Number(number) => fluent_args.set(*name, FluentValue::from(*number)),
            }
        }
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }

    /// The page's JSON table for the islands: each message of `islands.ftl` and `shared.ftl`
    /// in `locale` (those of `only`, when the build listed what the page's bundle names),
    /// its variables left as `{name}` for the island to fill in. Safe inside `<script>`.
    pub fn island_table(&self, locale: Locale, only: Option<&[String]>) -> String {
        let table: serde_json::Map<String, serde_json::Value> = self
            .island_messages
            .iter()
            .filter(|(key, _)| only.is_none_or(|ids| ids.contains(key)))
            .map(|(key, variables)| {
                let args: Vec<(&str, Arg)> = variables
                    .iter()
                    .map(|name| (name.as_str(), Arg::Text(format!("{{{name}}}"))))
                    .collect();
                (key.clone(), self.format(locale, key, &args).into())
            })
            .collect();
        serde_json::Value::Object(table)
            .to_string()
            .replace('<', "\\u003c")
    }

    /// [`Self::island_table`] for the pages of `bundle`, formatted on first use.
    pub fn island_table_of(
        &self,
        locale: Locale,
        bundle: PageBundle,
        only: Option<&[String]>,
    ) -> Arc<str> {
        self.tables
            .get_or((locale, bundle), || self.island_table(locale, only))
    }

    /// Message `key` with `count` from 0 to `upto`, as a JSON array, formatted on first use.
    pub fn counted_of(&self, locale: Locale, key: &'static str, upto: usize) -> Arc<str> {
        self.counted.get_or((locale, key, upto), || {
            let sentences: Vec<String> = (0..=upto)
                .map(|count| self.format(locale, key, &[("count", Arg::from(count))]))
                .collect();
            serde_json::to_string(&sentences).unwrap_or_default()
        })
    }

    /// The ids of every message in a catalog file's source.
    pub fn message_ids(source: &str) -> Vec<String> {
        FluentResource::try_new(source.to_owned())
            .map(|resource| {
                resource
                    .entries()
                    .filter_map(|entry| match entry {
                        ast::Entry::Message(message) => Some(message.id.name.to_owned()),
                        _ => None,
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// The language a render speaks and the catalogs it speaks it with (overrides included), as
/// one context: a page asks for a hundred sentences, and each then walks up the owner tree
/// once rather than twice (once for the language, once for the server's state).
#[derive(Clone)]
pub struct Speech {
    locale: Locale,
    strings: Arc<Catalogs>,
}

impl Speech {
    /// `locale` with the running server's catalogs, or the built-in ones outside a server.
    fn of(locale: Locale) -> Self {
        let strings = leptos::prelude::with_context::<crate::server::AppState, _>(|state| {
            Arc::clone(&state.config.strings)
        })
        .unwrap_or_else(|| Arc::clone(&BUILT_IN));
        Self { locale, strings }
    }
}

/// Makes `locale` the language of what renders under the current owner: its sentences, and
/// its dates, numbers and `<html lang>` (which read the [`Locale`] context) alike.
pub fn speak(locale: Locale) {
    leptos::prelude::provide_context(locale);
    leptos::prelude::provide_context(Speech::of(locale));
}

/// Runs `work` with the current render's [`Speech`]: the provided one, else the request's.
fn with_speech<T>(work: impl FnOnce(&Speech) -> T) -> T {
    match leptos::prelude::with_context::<Speech, _>(|speech| speech.clone()) {
        Some(speech) => work(&speech),
        None => work(&Speech::of(crate::context::locale())),
    }
}

/// Message `key` in the render's language.
pub fn text(key: &str, args: &[(&str, Arg)]) -> String {
    with_speech(|speech| speech.strings.format(speech.locale, key, args))
}

/// Message `key` with `count` from 0 to `upto` in the render's language, as a JSON array (see
/// [`Catalogs::counted_of`]).
pub fn counted(key: &'static str, upto: usize) -> Arc<str> {
    with_speech(|speech| speech.strings.counted_of(speech.locale, key, upto))
}

/// The page's JSON table of island messages in `locale`, from the running server's catalogs;
/// `None` for a page without islands.
pub fn island_table(locale: Locale) -> Option<Arc<str>> {
    use leptos::prelude::with_context;
    let bundle =
        with_context::<http::request::Parts, _>(|parts| PageBundle::for_path(parts.uri.path()))??;
    with_context::<crate::server::AppState, _>(|state| {
        state
            .config
            .strings
            .island_table_of(locale, bundle, state.assets.messages(bundle))
    })
    .or_else(|| Some(BUILT_IN.island_table(locale, None).into()))
}

fn error(file: &str, problem: impl std::fmt::Display) -> CatalogError {
    CatalogError {
        file: file.to_owned(),
        problem: problem.to_string(),
    }
}

fn parse(name: &str, source: &str) -> Result<FluentResource, CatalogError> {
    FluentResource::try_new(source.to_owned())
        .map_err(|(_, errors)| error(name, format!("{errors:?}")))
}

fn parse_all(locale: Locale) -> Result<Vec<FluentResource>, CatalogError> {
    let sources = sources(locale).ok_or_else(|| error(locale.tag(), "no catalog"))?;
    FILES
        .iter()
        .zip(sources)
        .map(|(file, source)| parse(&format!("{}/{file}", locale.tag()), source))
        .collect()
}

/// Each message of `resource` with the names of the variables it uses.
fn island_messages(resource: &FluentResource) -> Vec<(String, Vec<String>)> {
    resource
        .entries()
        .filter_map(|entry| match entry {
            ast::Entry::Message(message) => {
                let mut variables = Vec::new();
                if let Some(pattern) = &message.value {
                    pattern_variables(pattern, &mut variables);
                }
                Some((message.id.name.to_owned(), variables))
            }
            _ => None,
        })
        .collect()
}

fn pattern_variables(pattern: &ast::Pattern<&str>, variables: &mut Vec<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, variables);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, variables: &mut Vec<String>) {
    match expression {
        ast::Expression::Inline(inline) => inline_variables(inline, variables),
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, variables);
            for variant in variants {
                pattern_variables(&variant.value, variables);
            }
        }
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, variables: &mut Vec<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id }
            if !variables.iter().any(|name| name == id.name) =>
        {
            variables.push(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => {
            expression_variables(expression, variables);
        }
        _ => {}
    }
}

/// `en-XA`: every letter accented, the text a third longer and bracketed, so untranslated
/// English, clipped text and sentences glued from pieces show.
fn accent(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_alphabetic) {
        return Cow::Borrowed(text);
    }
    const PLAIN: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const ACCENTED: &str = "àƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÀƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ";
    let letters = text.chars().filter(|c| c.is_ascii_alphabetic()).count();
    let mut out = String::with_capacity(text.len() * 2);
    out.push('[');
    for c in text.chars() {
        match PLAIN.find(c) {
            Some(index) => out.extend(ACCENTED.chars().nth(index)),
            None => out.push(c),
        }
    }
    out.extend(std::iter::repeat_n('~', letters.div_ceil(3)));
    out.push(']');
    Cow::Owned(out)
}

/// `ar-XB`: the text shown right to left (between RIGHT-TO-LEFT OVERRIDE and POP DIRECTIONAL
/// FORMATTING), so the page reads as a right-to-left language would lay it out.
fn mirror(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_alphabetic) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(format!("\u{202E}{text}\u{202C}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_counted_list_has_a_sentence_per_count_in_its_language_and_is_kept() {
        let catalogs = Catalogs::load(None).expect("the compiled-in catalogs parse");
        let list = |locale| catalogs.counted_of(locale, "marketplace-count", 2);
        let german: Vec<String> = serde_json::from_str(&list(Locale::De)).expect("a JSON array");
        assert_eq!(german, ["0 Apps", "1 App", "2 Apps"]);
        let english: Vec<String> = serde_json::from_str(&list(Locale::En)).expect("a JSON array");
        assert_eq!(english.len(), 3);
        assert_ne!(english, german);
        assert!(
            Arc::ptr_eq(&list(Locale::De), &list(Locale::De)),
            "formatted once"
        );
    }

    #[test]
    fn every_catalog_parses_and_every_language_has_every_english_message() {
        let catalogs = Catalogs::load(None).expect("the compiled-in catalogs parse");
        assert_eq!(catalogs.bundles.len(), Locale::ALL.len());
        let english = sources(Locale::En).expect("English");
        for locale in Locale::LANGUAGES {
            let own = sources(locale).expect("a language");
            for ((file, english), own) in FILES.iter().zip(english).zip(own) {
                let theirs = Catalogs::message_ids(own);
                let ours = Catalogs::message_ids(english);
                let missing: Vec<_> = ours.iter().filter(|id| !theirs.contains(id)).collect();
                assert!(
                    missing.is_empty(),
                    "{}/{file} lacks {missing:?}",
                    locale.tag()
                );
                let extra: Vec<_> = theirs.iter().filter(|id| !ours.contains(id)).collect();
                assert!(
                    extra.is_empty(),
                    "{}/{file} has unknown {extra:?}",
                    locale.tag()
                );
                let mut unique = theirs.clone();
                unique.sort();
                unique.dedup();
                assert_eq!(
                    unique.len(),
                    theirs.len(),
                    "{}/{file} repeats a message",
                    locale.tag()
                );
            }
        }
    }

    #[test]
    fn pseudo_locales_transform_text_but_not_variables() {
        assert_eq!(accent("Save"), "[Šàṽé~~]");
        assert_eq!(accent("  "), "  ");
        assert_eq!(mirror("Save"), "\u{202E}Save\u{202C}");
    }
}
