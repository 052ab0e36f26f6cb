//! The marketplace island: search, category chips and the status filter over the app grid.
//!
//! The server renders it with the filters of the URL, so it works without JavaScript (the form
//! and the chips are plain GET links). Hydrated, filtering is instant, the URL follows with
//! the History API, and the back button restores earlier filters.

use leptos::either::Either;
use leptos::prelude::*;

use super::integration_card::IntegrationCardView;
use crate::model::IntegrationCard;
use crate::model::marketplace::{Filters, StatusFilter, category_counts};

/// How many cards load their logo eagerly: the first rows, above the fold.
const EAGER_LOGOS: usize = 8;

/// The filters and the grid.
#[cfg_attr(any(feature = "ssr", feature = "marketplace"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "marketplace")), component)]
pub fn Marketplace(cards: Vec<IntegrationCard>, initial: Filters) -> impl IntoView {
    let filters = RwSignal::new(initial);
    let categories = category_counts(&cards);
    let total = cards.len();
    let cards = RwSignal::new(cards);
    // Pushed status changes update the cards where they stand (re-sorting would move them
    // under the user's eyes) and are announced.
    let announcement = RwSignal::new(String::new());
    #[cfg(feature = "hydrate")]
    crate::components::live::on_update(move |update| {
        cards.maybe_update(|cards| {
            let card = cards
                .iter_mut()
                .find(|c| c.slug == update.slug && c.status != update.status);
            card.map(|card| {
                card.status = update.status;
                announcement.set(update.status.announcement(&card.name));
            })
            .is_some()
        });
    });
    let visible = Memo::new(move |_| {
        filters.with(|f| {
            cards.with(|cards| {
                cards
                    .iter()
                    .filter(|c| f.admits(c))
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });
    sync_url(filters);

    let chip_href = move |category: Option<String>| {
        let mut next = filters.get();
        next.category = category;
        format!("/integrations{}", next.to_query())
    };
    view! {
        <div class="marketplace">
            <form class="filters" method="get" action="/integrations" role="search"
                on:submit=move |ev| ev.prevent_default()>
                <div class="filters__search">
                    <label for="app-search">"Search integrations"</label>
                    <input
                        id="app-search"
                        type="search"
                        name="q"
                        maxlength="100"
                        placeholder="Name, description or category"
                        autocomplete="off"
                        prop:value=move || filters.with(|f| f.query.clone())
                        on:input=move |ev| filters.update(|f| f.query = event_target_value(&ev))
                    />
                </div>
                <fieldset class="filters__status">
                    <legend>"Status"</legend>
                    {StatusFilter::ALL
                        .into_iter()
                        .map(|status| {
                            view! {
                                <label class="segmented">
                                    <input
                                        type="radio"
                                        name="status"
                                        value=status.as_param()
                                        prop:checked=move || filters.with(|f| f.status == status)
                                        on:change=move |_| filters.update(|f| f.status = status)
                                    />
                                    <span>{status.label()}</span>
                                </label>
                            }
                        })
                        .collect_view()}
                </fieldset>
                {move || filters.with(|f| f.category.clone()).map(|category| view! {
                    <input type="hidden" name="category" value=category />
                })}
                <button class="button button--secondary filters__apply" type="submit">"Apply filters"</button>
            </form>
            <nav class="chips" aria-label="Categories">
                <a
                    class="chip"
                    href=move || chip_href(None)
                    aria-current=move || filters.with(|f| f.category.is_none()).then_some("true")
                    on:click=move |ev| {
                        ev.prevent_default();
                        filters.update(|f| f.category = None);
                    }
                >
                    "All "
                    <span class="chip__count">{total}</span>
                </a>
                {categories
                    .into_iter()
                    .map(|(category, count)| {
                        let selected = category.clone();
                        let target = category.clone();
                        let href = category.clone();
                        view! {
                            <a
                                class="chip"
                                href=move || chip_href(Some(href.clone()))
                                aria-current=move || {
                                    filters.with(|f| f.category.as_ref() == Some(&selected)).then_some("true")
                                }
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    let target = target.clone();
                                    filters.update(|f| {
                                        f.category = (f.category.as_ref() != Some(&target)).then_some(target);
                                    });
                                }
                            >
                                {category}
                                " "
                                <span class="chip__count">{count}</span>
                            </a>
                        }
                    })
                    .collect_view()}
            </nav>
            <p class="visually-hidden" role="status">{move || announcement.get()}</p>
            <p class="marketplace__count" role="status" aria-live="polite">
                {move || match visible.with(Vec::len) {
                    1 => "1 app".to_owned(),
                    n => format!("{n} apps"),
                }}
            </p>
            {move || {
                let cards = visible.get();
                if cards.is_empty() {
                    Either::Left(view! {
                        <div class="marketplace__empty">
                            <p>"No apps match these filters."</p>
                            <a
                                class="button button--secondary"
                                href="/integrations"
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    filters.set(Filters::default());
                                }
                            >
                                "Clear filters"
                            </a>
                        </div>
                    })
                } else {
                    Either::Right(view! {
                        <ul class="card-grid" aria-label="Apps">
                            {cards
                                .into_iter()
                                .enumerate()
                                .map(|(i, card)| view! { <IntegrationCardView card eager=i < EAGER_LOGOS /> })
                                .collect_view()}
                        </ul>
                    })
                }
            }}
        </div>
    }
}

/// Keeps the address bar in step with the filters: typing replaces the history entry, a chip
/// or status change pushes one, and Back/Forward restore the filters of that entry.
fn sync_url(filters: RwSignal<Filters>) {
    #[cfg(feature = "hydrate")]
    {
        Effect::new(move |previous: Option<Filters>| {
            let current = filters.get();
            if let Some(previous) = previous
                && previous != current
            {
                let url = format!("/integrations{}", current.to_query());
                let only_typing =
                    previous.category == current.category && previous.status == current.status;
                if let Ok(history) = window().history() {
                    let here = window().location();
                    let now = format!(
                        "{}{}",
                        here.pathname().unwrap_or_default(),
                        here.search().unwrap_or_default()
                    );
                    if now != url {
                        let result = if only_typing {
                            history.replace_state_with_url(
                                &wasm_bindgen::JsValue::NULL,
                                "",
                                Some(&url),
                            )
                        } else {
                            history.push_state_with_url(
                                &wasm_bindgen::JsValue::NULL,
                                "",
                                Some(&url),
                            )
                        };
                        if result.is_err() {
                            leptos::logging::warn!("could not update the address bar");
                        }
                    }
                }
            }
            current
        });
        let handle = window_event_listener(leptos::ev::popstate, move |_| {
            let search = window().location().search().unwrap_or_default();
            let params = crate::model::marketplace::parse_query(&search);
            filters.set(Filters::from_params(
                params.iter().map(|(k, v)| (k.as_str(), v.as_str())),
            ));
        });
        on_cleanup(move || handle.remove());
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = filters;
}
