//! One app in the marketplace grid, and the primary action every app offers.

use leptos::prelude::*;

use crate::model::{ConnectionStatus, IntegrationCard};

/// How an app's primary action looks: its label, its classes, and whether it is a provider's
/// branded button (brand guidelines; drawn by us in CSS). The islands restyle a card whose
/// status changes, so its words are `shared.ftl` messages.
pub(crate) struct ActionStyle {
    pub label: String,
    pub class: &'static str,
    pub branded: bool,
    status: ConnectionStatus,
}

impl ActionStyle {
    /// The accessible name: a branded button's own text names the provider; the others say
    /// which app they act on.
    pub fn aria_label(&self, app: &str) -> Option<String> {
        (!self.branded).then(|| match self.status {
            ConnectionStatus::Available => crate::t!("card-connect-app", app = app),
            ConnectionStatus::NeedsReconnect => crate::t!("card-reconnect-app", app = app),
            ConnectionStatus::NeedsSetup => crate::t!("card-finish-setup-app", app = app),
            ConnectionStatus::Connected => crate::t!("card-manage-app", app = app),
        })
    }
}

/// Connect (branded where the provider requires it), Reconnect, Finish setup or Manage.
pub(crate) fn action_style(slug: &str, status: ConnectionStatus) -> ActionStyle {
    let (label, class, branded) = match (status, slug) {
        (ConnectionStatus::Available, "quickbooks") => (
            crate::t!("card-connect-quickbooks"),
            "brand-button brand-button--quickbooks",
            true,
        ),
        (ConnectionStatus::Available, _) => (crate::t!("card-connect"), "button", false),
        (ConnectionStatus::NeedsReconnect, _) => {
            (crate::t!("card-reconnect"), "button button--warning", false)
        }
        (ConnectionStatus::NeedsSetup, _) => (
            crate::t!("card-finish-setup"),
            "button button--warning",
            false,
        ),
        (ConnectionStatus::Connected, _) => {
            (crate::t!("card-manage"), "button button--secondary", false)
        }
    };
    ActionStyle {
        label,
        class,
        branded,
        status,
    }
}

/// The app's primary action: Connect (branded where the provider requires it), Reconnect or
/// Manage. A link to the detail page, where the connection happens, so it works without
/// JavaScript.
#[component]
pub fn PrimaryAction(slug: String, name: String, status: ConnectionStatus) -> impl IntoView {
    let href = format!("/integrations/{slug}");
    let style = action_style(&slug, status);
    let accessible = style.aria_label(&name);
    let ActionStyle {
        label,
        class,
        branded,
        ..
    } = style;
    view! {
        <a class=class href=href aria-label=accessible>
            {branded.then(|| view! { <span class="brand-button__mark" aria-hidden="true"></span> })}
            {label}
        </a>
    }
}

/// The status badge's label and `data-status`: Connected, Finish setup, Needs reconnect, or no
/// badge for an available app. The islands redraw it ([`set_badge`]): `shared.ftl` messages.
pub(crate) fn badge(status: ConnectionStatus) -> Option<(String, &'static str)> {
    match status {
        ConnectionStatus::Connected => Some((crate::t!("card-badge-connected"), "connected")),
        ConnectionStatus::NeedsSetup => Some((crate::t!("card-badge-setup"), "setup")),
        ConnectionStatus::NeedsReconnect => Some((crate::t!("card-badge-reconnect"), "reconnect")),
        ConnectionStatus::Available => None,
    }
}

/// Replaces the status badge inside `container` (its last child) with the one of `status`,
/// as [`StatusBadge`] renders it.
#[cfg(feature = "hydrate")]
pub(crate) fn set_badge(container: &web_sys::Element, status: ConnectionStatus) {
    use leptos::prelude::document;
    if let Some(old) = crate::components::form_dom::find::<web_sys::Element>(container, ".badge") {
        old.remove();
    }
    if let Some((label, kind)) = badge(status)
        && let Ok(span) = document().create_element("span")
    {
        let _ = span.set_attribute("class", "badge");
        let _ = span.set_attribute("data-status", kind);
        span.set_text_content(Some(&label));
        let _ = container.append_child(&span);
    }
}

/// The status badge: Connected, Finish setup, Needs reconnect, or nothing for an available app.
#[component]
pub fn StatusBadge(status: ConnectionStatus) -> impl IntoView {
    badge(status).map(|(label, kind)| view! { <span class="badge" data-status=kind>{label}</span> })
}

/// A card of the grid, `hidden` when the filters leave it out. Logos below the first rows
/// load lazily. `data-slug`, `data-status` and the last run's line are what the hydrated
/// marketplace reads besides the card's text; `data-attention` marks a card that needs it.
#[component]
pub fn IntegrationCardView(
    card: IntegrationCard,
    eager: bool,
    hidden: bool,
    last_run: Option<crate::model::LastRun>,
) -> impl IntoView {
    let attention = card.needs_attention().then_some("");
    let IntegrationCard {
        slug,
        name,
        description,
        icon,
        tags,
        status,
        ..
    } = card;
    let alt = crate::t!("card-logo-alt", app = &name);
    let data_slug = slug.clone();
    let loading = if eager { "eager" } else { "lazy" };
    view! {
        <li class="card" hidden=hidden data-slug=data_slug data-status=status.name() data-attention=attention>
            <div class="card__head">
                {icon
                    .map(|icon| {
                        view! {
                            <img class="card__logo" src=icon alt=alt width="40" height="40" loading=loading />
                        }
                    })}
                <h2 class="card__name">{name.clone()}</h2>
                <StatusBadge status />
            </div>
            <p class="card__description">{description}</p>
            {(status != ConnectionStatus::Available).then_some(last_run).flatten().map(|run| view! { <LastRunLine run /> })}
            <ul class="card__tags" aria-label=crate::t!("card-categories")>
                {tags.into_iter().map(|tag| view! { <li class="tag">{tag}</li> }).collect_view()}
            </ul>
            <div class="card__action">
                <PrimaryAction slug name status />
            </div>
        </li>
    }
}

/// What the card says of the app's last workflow run: that it failed, or when it ran.
#[component]
fn LastRunLine(run: crate::model::LastRun) -> impl IntoView {
    match run {
        crate::model::LastRun::Failed => view! {
            <p class="card__run" data-kind="failed">{crate::t!("card-last-run-failed")}</p>
        }
        .into_any(),
        crate::model::LastRun::Good { started_at } => {
            let relative = crate::model::relative_time(&started_at, crate::context::now_unix());
            // One sentence, wherever the language puts the time in it: the `<time>` element
            // takes the place of the message's `$time`.
            const SLOT: &str = "\u{E000}";
            let sentence = crate::t!("card-last-run", time = SLOT);
            let (before, after) = sentence.split_once(SLOT).unwrap_or((&sentence, ""));
            let (before, after) = (before.to_owned(), after.to_owned());
            let time = view! { <time datetime=started_at.clone() title=crate::model::exact_time(&started_at)>{relative}</time> };
            // No text node for an empty end (it would render as a space).
            if after.is_empty() {
                view! { <p class="card__run">{before}{time}</p> }.into_any()
            } else {
                view! { <p class="card__run">{before}{time}{after}</p> }.into_any()
            }
        }
    }
}
