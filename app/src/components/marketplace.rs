//! The marketplace: search, category chips and the status filter over the app grid.
//!
//! The server renders all of it with the filters of the URL: the form and the chips are plain
//! GET links, so it works without JavaScript, and every card of the catalog is in the grid,
//! those the filters leave out `hidden`. The island around it has no props and renders nothing
//! of its own. Hydrated, it filters instantly by toggling `hidden` with the server's own rule
//! ([`Filters::admits`]), keeps the count, the chips and the controls in step, follows the
//! URL with the History API (the back button restores earlier filters), and updates the cards
//! whose status is pushed, announcing the change.

use leptos::prelude::*;

use super::integration_card::IntegrationCardView;
use crate::model::IntegrationCard;
use crate::model::marketplace::{Filters, StatusFilter, category_counts};

/// How many cards load their logo eagerly: the first rows, above the fold.
const EAGER_LOGOS: usize = 8;

/// The filters and the grid of `cards`, filtered by `initial`.
#[component]
pub fn MarketplaceView(
    mut cards: Vec<IntegrationCard>,
    initial: Filters,
    /// The last run of each app that has one (see `server::runs`).
    last_runs: std::sync::Arc<std::collections::BTreeMap<String, crate::model::LastRun>>,
) -> impl IntoView {
    for card in &mut cards {
        card.run_failed = last_runs.get(&card.slug) == Some(&crate::model::LastRun::Failed);
    }
    let attention = cards.iter().filter(|card| card.needs_attention()).count();
    let categories = category_counts(&cards);
    let total = cards.len();
    let shown: Vec<bool> = cards.iter().map(|card| initial.admits(card)).collect();
    let visible = shown.iter().filter(|shown| **shown).count();
    // The island counts again as the filters or the statuses change, and the browser cannot
    // choose a plural form: it takes these sentences, one per count the page can show.
    let attention_texts = crate::i18n::counted("filter-attention", total);
    let count_texts = crate::i18n::counted("marketplace-count", total);
    let chip = |category: Option<String>, label: String, count: usize| {
        let href = chip_href(&initial, category.as_deref());
        let current = (initial.category == category).then_some("true");
        view! {
            <a class="chip" href=href aria-current=current data-category=category.unwrap_or_default()>
                {label}
                " "
                <span class="chip__count">{count}</span>
            </a>
        }
    };
    let chips = std::iter::once(chip(None, crate::t!("marketplace-all"), total))
        .chain(
            categories
                .into_iter()
                .map(|(category, count)| chip(Some(category.clone()), category, count)),
        )
        .collect_view();
    let Filters {
        query,
        category,
        status: checked,
    } = initial;
    view! {
        <Marketplace>
            <p class="attention" hidden=attention == 0>
                <a href="/integrations?status=attention" data-counts=attention_texts>
                    {crate::t!("filter-attention", count = attention)}
                </a>
            </p>
            <form class="filters" method="get" action="/integrations" role="search">
                <div class="filters__search">
                    <label for="app-search">{crate::t!("marketplace-search-label")}</label>
                    <input
                        id="app-search"
                        type="search"
                        name="q"
                        maxlength="100"
                        placeholder=crate::t!("marketplace-search-placeholder")
                        autocomplete="off"
                        value=query
                    />
                </div>
                <fieldset class="filters__status">
                    <legend>{crate::t!("marketplace-status")}</legend>
                    {StatusFilter::ALL
                        .into_iter()
                        .map(|status| {
                            view! {
                                <label class="segmented">
                                    <input
                                        type="radio"
                                        name="status"
                                        value=status.as_param()
                                        checked=checked == status
                                    />
                                    <span>{status.label()}</span>
                                </label>
                            }
                        })
                        .collect_view()}
                </fieldset>
                // Disabled, and so not sent, while no category is chosen.
                <input
                    type="hidden"
                    name="category"
                    disabled=category.is_none()
                    value=category.unwrap_or_default()
                />
                <button class="button button--secondary filters__apply" type="submit">
                    {crate::t!("marketplace-apply")}
                </button>
            </form>
            <nav class="chips" aria-label=crate::t!("marketplace-categories")>{chips}</nav>
            <p class="visually-hidden marketplace__announcement" role="status"></p>
            <p class="marketplace__count" role="status" aria-live="polite" data-counts=count_texts>
                {crate::t!("marketplace-count", count = visible)}
            </p>
            <div class="marketplace__empty" hidden=visible != 0>
                <p>{crate::t!("marketplace-empty")}</p>
                <a class="button button--secondary" href="/integrations" data-clear="">
                    {crate::t!("marketplace-clear")}
                </a>
            </div>
            <ul class="card-grid" aria-label=crate::t!("marketplace-apps") hidden=visible == 0>
                {cards
                    .into_iter()
                    .zip(shown)
                    .scan(EAGER_LOGOS, |eager_left, (card, shown)| {
                        let eager = shown && *eager_left > 0;
                        *eager_left -= usize::from(eager);
                        let last_run = last_runs.get(&card.slug).cloned();
                        Some(view! { <IntegrationCardView card eager hidden=!shown last_run /> })
                    })
                    .collect_view()}
            </ul>
        </Marketplace>
    }
}

/// Where a category chip leads: these filters with its category (`None`: all).
fn chip_href(filters: &Filters, category: Option<&str>) -> String {
    let next = Filters {
        category: category.map(str::to_owned),
        ..filters.clone()
    };
    format!("/integrations{}", next.to_query())
}

/// The island: it wraps the server-rendered marketplace and listens to it.
#[cfg_attr(any(feature = "ssr", feature = "marketplace"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "marketplace")), component)]
pub fn Marketplace(children: Children) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    if let Some(grid) = grid::Grid::attach() {
        grid.listen();
    }
    view! { <div class="marketplace">{children()}</div> }
}

/// The hydrated marketplace: plain `Rc<RefCell>` state over the server-rendered elements, in
/// the style of the configuration editor, so no card is ever rendered by the wasm.
#[cfg(feature = "hydrate")]
mod grid {
    use std::cell::RefCell;
    use std::rc::Rc;

    use leptos::prelude::*;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{Element, HtmlInputElement};

    use super::chip_href;
    use crate::components::form_dom::{counted, find, in_page, query_all};
    use crate::components::integration_card::{action_style, set_badge};
    use crate::model::marketplace::{Filters, StatusFilter, parse_query};
    use crate::model::{ConnectionStatus, IntegrationCard, StatusUpdate};

    /// How a change of filters shows in the address bar.
    #[derive(Clone, Copy, PartialEq)]
    enum History {
        /// Typing: the entry is replaced, so Back does not step through every letter.
        Replace,
        /// A chip, a status or Clear filters: a new entry.
        Push,
        /// Back or Forward: the browser already moved.
        Keep,
    }

    #[derive(Clone)]
    pub struct Grid(Rc<Inner>);

    struct Inner {
        root: Element,
        cards: Vec<Element>,
        /// The count line and the attention banner, by count (see `MarketplaceView`).
        count_texts: Vec<String>,
        attention_texts: Vec<String>,
        state: RefCell<State>,
    }

    struct State {
        filters: Filters,
        /// Each card's data, in the order of `Inner::cards`.
        cards: Vec<IntegrationCard>,
    }

    impl Grid {
        /// Reads the marketplace from the page: its cards, and the filters as the controls
        /// show them now (typing may have begun before the page was hydrated).
        pub fn attach() -> Option<Self> {
            let root = in_page::<Element>(".marketplace")?;
            let elements = query_all(&root, "li.card[data-slug]");
            let cards = elements.iter().filter_map(read_card).collect::<Vec<_>>();
            if cards.len() != elements.len() {
                leptos::logging::warn!("a card of the marketplace could not be read");
                return None;
            }
            let search = window().location().search().unwrap_or_default();
            let params = parse_query(&search);
            let mut filters =
                Filters::from_params(params.iter().map(|(k, v)| (k.as_str(), v.as_str())));
            if let Some(input) = find::<HtmlInputElement>(&root, "#app-search") {
                filters.query = input.value();
            }
            if let Some(input) = find::<HtmlInputElement>(&root, "input[name=status]:checked") {
                filters.status = StatusFilter::from_param(&input.value());
            }
            let texts = |selector: &str| {
                find::<Element>(&root, selector).map_or_else(Vec::new, |e| counted(&e))
            };
            let grid = Self(Rc::new(Inner {
                count_texts: texts(".marketplace__count"),
                attention_texts: texts(".attention a"),
                root,
                cards: elements,
                state: RefCell::new(State {
                    filters: Filters::default(),
                    cards,
                }),
            }));
            grid.set(filters, History::Replace);
            Some(grid)
        }

        /// Listens to the controls (their events bubble up to the window), to Back and
        /// Forward, and to pushed status changes.
        pub fn listen(self) {
            for name in ["input", "change", "click", "submit"] {
                let grid = self.clone();
                window_event_listener_untyped(name, move |e| grid.handle(&e));
            }
            let grid = self.clone();
            window_event_listener_untyped("popstate", move |_| {
                let search = window().location().search().unwrap_or_default();
                let params = parse_query(&search);
                grid.set(
                    Filters::from_params(params.iter().map(|(k, v)| (k.as_str(), v.as_str()))),
                    History::Keep,
                );
            });
            crate::components::live::on_update(move |update| self.pushed(update));
        }

        fn handle(&self, e: &web_sys::Event) {
            let Some(target) = e
                .target()
                .and_then(|target| target.dyn_into::<Element>().ok())
                .filter(|target| self.0.root.contains(Some(target)))
            else {
                return;
            };
            let mut next = self.0.state.borrow().filters.clone();
            let history = match e.type_().as_str() {
                "submit" => {
                    // Filters apply as they change; Apply is for pages without JavaScript.
                    e.prevent_default();
                    return;
                }
                "input" if target.id() == "app-search" => {
                    next.query = target.unchecked_ref::<HtmlInputElement>().value();
                    History::Replace
                }
                "change" if target.get_attribute("name").as_deref() == Some("status") => {
                    next.status = StatusFilter::from_param(
                        &target.unchecked_ref::<HtmlInputElement>().value(),
                    );
                    History::Push
                }
                "click" => {
                    let Some(link) = target.closest("a.chip, a[data-clear]").ok().flatten() else {
                        return;
                    };
                    e.prevent_default();
                    match link.get_attribute("data-category") {
                        Some(category) if category.is_empty() => next.category = None,
                        // A second click on the chosen category shows all of them again.
                        Some(category) if next.category.as_ref() == Some(&category) => {
                            next.category = None;
                        }
                        Some(category) => next.category = Some(category),
                        None => next = Filters::default(),
                    }
                    History::Push
                }
                _ => return,
            };
            self.set(next, history);
        }

        /// Applies `filters` to the page (unless they are the ones shown) and to the URL.
        fn set(&self, filters: Filters, history: History) {
            {
                let mut state = self.0.state.borrow_mut();
                if state.filters == filters && history != History::Replace {
                    return;
                }
                state.filters = filters.clone();
            }
            self.show();
            self.controls(&filters);
            if history != History::Keep {
                address(&filters, history);
            }
        }

        /// Shows the cards the filters admit, and how many.
        fn show(&self) {
            let state = self.0.state.borrow();
            let mut visible = 0;
            for (element, card) in self.0.cards.iter().zip(&state.cards) {
                let admitted = state.filters.admits(card);
                visible += usize::from(admitted);
                set_hidden(element, !admitted);
            }
            if let Some(count) = find::<Element>(&self.0.root, ".marketplace__count")
                && let Some(text) = self.0.count_texts.get(visible)
                && count.text_content().as_ref() != Some(text)
            {
                count.set_text_content(Some(text));
            }
            if let Some(empty) = find::<Element>(&self.0.root, ".marketplace__empty") {
                set_hidden(&empty, visible != 0);
            }
            if let Some(grid) = find::<Element>(&self.0.root, ".card-grid") {
                set_hidden(&grid, visible == 0);
            }
        }

        /// The banner's count of the apps that need attention.
        fn count_attention(&self) {
            let state = self.0.state.borrow();
            let count = state
                .cards
                .iter()
                .filter(|card| card.needs_attention())
                .count();
            if let Some(banner) = find::<Element>(&self.0.root, ".attention") {
                set_hidden(&banner, count == 0);
                if let Some(link) = find::<Element>(&banner, "a")
                    && let Some(text) = self.0.attention_texts.get(count)
                {
                    link.set_text_content(Some(text));
                }
            }
        }

        /// The search box, the status buttons, the chips and the form's category, as the
        /// filters say (after Back, or Clear filters).
        fn controls(&self, filters: &Filters) {
            let root = &self.0.root;
            if let Some(input) = find::<HtmlInputElement>(root, "#app-search")
                && input.value() != filters.query
            {
                input.set_value(&filters.query);
            }
            for radio in query_all(root, "input[name=status]") {
                let radio: HtmlInputElement = radio.unchecked_into();
                radio.set_checked(radio.value() == filters.status.as_param());
            }
            if let Some(input) = find::<HtmlInputElement>(root, "input[name=category]") {
                input.set_value(filters.category.as_deref().unwrap_or_default());
                input.set_disabled(filters.category.is_none());
            }
            for chip in query_all(root, "a.chip") {
                let category = chip.get_attribute("data-category").unwrap_or_default();
                let category = (!category.is_empty()).then_some(category);
                let _ = chip.set_attribute("href", &chip_href(filters, category.as_deref()));
                let _ = match filters.category == category {
                    true => chip.set_attribute("aria-current", "true"),
                    false => chip.remove_attribute("aria-current"),
                };
            }
        }

        /// A pushed status change: the card changes where it stands (re-sorting would move
        /// the cards under the user's eyes), the filters apply to it, and the change is
        /// announced.
        fn pushed(&self, update: &StatusUpdate) {
            let changed = {
                let mut state = self.0.state.borrow_mut();
                let found = state
                    .cards
                    .iter_mut()
                    .zip(&self.0.cards)
                    .find(|(card, _)| card.slug == update.slug && card.status != update.status);
                found.map(|(card, element)| {
                    card.status = update.status;
                    // A disconnected app's last run is no longer shown, nor counted.
                    card.run_failed &= update.status != ConnectionStatus::Available;
                    restyle(element, card);
                    card.name.clone()
                })
            };
            let Some(name) = changed else {
                return;
            };
            self.show();
            self.count_attention();
            if let Some(region) = find::<Element>(&self.0.root, ".marketplace__announcement") {
                region.set_text_content(Some(&update.status.announcement(&name)));
            }
        }
    }

    /// A card's data, from its element (see `IntegrationCardView`).
    fn read_card(element: &Element) -> Option<IntegrationCard> {
        let text = |selector: &str| {
            find::<Element>(element, selector)
                .and_then(|e| e.text_content())
                .unwrap_or_default()
        };
        Some(IntegrationCard {
            slug: element.get_attribute("data-slug")?,
            name: text(".card__name"),
            description: text(".card__description"),
            icon: None,
            tags: query_all(element, ".card__tags .tag")
                .iter()
                .filter_map(|tag| tag.text_content())
                .collect(),
            status: ConnectionStatus::from_name(&element.get_attribute("data-status")?)?,
            run_failed: find::<Element>(element, ".card__run[data-kind=failed]").is_some(),
        })
    }

    /// The card's status badge and primary action, as the server renders them for its status;
    /// a disconnected app's card says nothing of its runs any more.
    fn restyle(element: &Element, card: &IntegrationCard) {
        let _ = element.set_attribute("data-status", card.status.name());
        let _ = match card.needs_attention() {
            true => element.set_attribute("data-attention", ""),
            false => element.remove_attribute("data-attention"),
        };
        if card.status == ConnectionStatus::Available
            && let Some(runs) = find::<Element>(element, ".card__run")
        {
            runs.remove();
        }
        if let Some(head) = find::<Element>(element, ".card__head") {
            set_badge(&head, card.status);
        }
        let Some(link) = find::<Element>(element, ".card__action a") else {
            return;
        };
        let style = action_style(&card.slug, card.status);
        let _ = link.set_attribute("class", style.class);
        let _ = match style.aria_label(&card.name) {
            Some(label) => link.set_attribute("aria-label", &label),
            None => link.remove_attribute("aria-label"),
        };
        link.set_text_content(Some(&style.label));
        if style.branded
            && let Ok(mark) = document().create_element("span")
        {
            let _ = mark.set_attribute("class", "brand-button__mark");
            let _ = mark.set_attribute("aria-hidden", "true");
            let _ = link.prepend_with_node_1(&mark);
        }
    }

    fn set_hidden(element: &Element, hidden: bool) {
        if element.has_attribute("hidden") != hidden {
            let _ = match hidden {
                true => element.set_attribute("hidden", ""),
                false => element.remove_attribute("hidden"),
            };
        }
    }

    /// Puts the filters in the address bar.
    fn address(filters: &Filters, history: History) {
        let url = format!("/integrations{}", filters.to_query());
        let here = window().location();
        let now = format!(
            "{}{}",
            here.pathname().unwrap_or_default(),
            here.search().unwrap_or_default()
        );
        let Ok(bar) = window().history() else {
            return;
        };
        if now == url {
            return;
        }
        let result = match history {
            History::Push => bar.push_state_with_url(&JsValue::NULL, "", Some(&url)),
            _ => bar.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
        };
        if result.is_err() {
            leptos::logging::warn!("could not update the address bar");
        }
    }
}
