//! Disconnecting an app, after saying what goes with it. Without JavaScript, Disconnect is a
//! link to a confirmation page (`/integrations/{slug}/disconnect`) whose form posts; hydrated,
//! the same link opens a modal dialog: focus starts on Cancel and stays in the dialog,
//! Escape or Cancel close it and focus returns to the link.

use leptos::prelude::*;

/// What disconnecting the app `name` deletes: its configurations, and the enabled workflows
/// of the default one by name (`None`: they could not be read).
#[component]
pub fn DisconnectSummary(name: String, workflows: Option<Vec<String>>) -> impl IntoView {
    let workflows = match workflows {
        None => view! {
            <p>{crate::t!("disconnect-workflows-unknown")}</p>
        }
        .into_any(),
        Some(workflows) if workflows.is_empty() => {
            view! { <p>{crate::t!("disconnect-workflows-none")}</p> }.into_any()
        }
        Some(workflows) => view! {
            <p>{crate::t!("disconnect-workflows-list", count = workflows.len())}</p>
            <ul class="disconnect__workflows">
                {workflows.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}
            </ul>
        }
        .into_any(),
    };
    view! {
        <p>{crate::t!("disconnect-summary", app = name)}</p>
        {workflows}
    }
}

/// Disconnect: the link to the confirmation page, which the hydrated island turns into a
/// dialog. `children` is the [`DisconnectSummary`], rendered on the server.
#[component]
pub fn DisconnectDialog(slug: String, name: String, children: Children) -> impl IntoView {
    let href = format!("/integrations/{slug}/disconnect");
    let confirm_label = crate::t!("disconnect-confirm", app = &name);
    let data_confirm = confirm_label.clone();
    view! {
        <Disconnect>
            <a class="button button--danger-quiet" href=href data-disconnect="">
                {crate::t!("disconnect-open")}
            </a>
            <dialog class="dialog" aria-labelledby="disconnect-title" data-slug=slug>
                <h2 id="disconnect-title">{crate::t!("disconnect-title", app = name)}</h2>
                {children()}
                <p class="form-error" role="alert" hidden></p>
                <div class="dialog__actions">
                    <button type="button" class="button button--secondary" data-close="">
                        {crate::t!("disconnect-cancel")}
                    </button>
                    <button type="button" class="button button--danger" data-confirm=data_confirm>
                        {confirm_label}
                    </button>
                </div>
            </dialog>
        </Disconnect>
    }
}

/// The island around the server-rendered link and dialog: no props, no view of its own.
#[cfg_attr(any(feature = "ssr", feature = "detail"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "detail")), component)]
fn Disconnect(children: Children) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    dialog::attach();
    children()
}

#[cfg(feature = "hydrate")]
mod dialog {
    use std::cell::Cell;
    use std::rc::Rc;

    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{Element, HtmlDialogElement, HtmlElement, KeyboardEvent};

    use crate::components::form_dom::{find, in_page, listen, query_all};

    pub fn attach() {
        let (Some(opener), Some(dialog)) = (
            in_page::<Element>("a[data-disconnect]"),
            in_page::<HtmlDialogElement>("dialog[data-slug]"),
        ) else {
            return;
        };
        let slug = dialog.get_attribute("data-slug").unwrap_or_default();
        let error = find::<Element>(&dialog, ".form-error");
        let cancel = find::<HtmlElement>(&dialog, "button[data-close]");
        let busy = Rc::new(Cell::new(false));
        {
            let (dialog, error, cancel) = (dialog.clone(), error.clone(), cancel.clone());
            listen(&opener, "click", move |ev| {
                ev.prevent_default();
                if let Some(error) = &error {
                    let _ = error.set_attribute("hidden", "");
                }
                let _ = dialog.show_modal();
                // The safe choice has the focus. Focused here rather than by `autofocus`, which
                // Chromium refuses (and warns of on every page load) in a cross-site frame.
                if let Some(cancel) = &cancel {
                    let _ = cancel.focus();
                }
            });
        }
        // Escape does nothing while the disconnect is under way.
        let waiting = busy.clone();
        listen(&dialog, "cancel", move |ev| {
            if waiting.get() {
                ev.prevent_default();
            }
        });
        let back = opener.clone();
        listen(&dialog, "close", move |_| {
            if let Some(opener) = back.dyn_ref::<HtmlElement>() {
                let _ = opener.focus();
            }
        });
        let inside = dialog.clone();
        listen(&dialog, "keydown", move |ev| {
            keep_focus_inside(&inside, ev.unchecked_ref());
        });
        if let Some(close) = cancel {
            let (dialog, waiting) = (dialog.clone(), busy.clone());
            listen(&close, "click", move |_| {
                if !waiting.get() {
                    dialog.close();
                }
            });
        }
        if let Some(confirm) = find::<Element>(&dialog, "button[data-confirm]") {
            let button = confirm.clone();
            listen(&confirm, "click", move |_| {
                if busy.get() {
                    return;
                }
                pending(&button, &busy, true);
                if let Some(error) = &error {
                    let _ = error.set_attribute("hidden", "");
                }
                let (slug, button, busy, error) =
                    (slug.clone(), button.clone(), busy.clone(), error.clone());
                leptos::task::spawn_local(async move {
                    match crate::api::client::disconnect(&slug).await {
                        Ok(()) => {
                            let _ = window()
                                .location()
                                .replace(&format!("/integrations/{slug}?status=disconnected"));
                        }
                        Err(failure) => {
                            pending(&button, &busy, false);
                            if let Some(error) = &error {
                                error.set_text_content(Some(&crate::t!(
                                    "disconnect-failed",
                                    reason = failure.to_string()
                                )));
                                let _ = error.remove_attribute("hidden");
                            }
                        }
                    }
                });
            });
        }
    }

    /// The confirm button while the disconnect is under way: disabled, saying so.
    fn pending(button: &Element, busy: &Cell<bool>, on: bool) {
        busy.set(on);
        let label = button.get_attribute("data-confirm").unwrap_or_default();
        let _ = match on {
            true => button.set_attribute("aria-disabled", "true"),
            false => button.remove_attribute("aria-disabled"),
        };
        let text = if on {
            crate::t!("disconnect-pending")
        } else {
            label
        };
        button.set_text_content(Some(&text));
    }

    /// Tab and Shift+Tab wrap around the dialog's buttons and links instead of leaving it.
    fn keep_focus_inside(dialog: &HtmlDialogElement, ev: &KeyboardEvent) {
        if ev.key() != "Tab" {
            return;
        }
        let focusable = query_all(dialog, "button, a[href], input, select, textarea");
        let (Some(first), Some(last)) = (focusable.first(), focusable.last()) else {
            return;
        };
        let (from, to) = if ev.shift_key() {
            (first, last)
        } else {
            (last, first)
        };
        if document().active_element().as_ref() == Some(from)
            && let Some(to) = to.dyn_ref::<HtmlElement>()
        {
            ev.prevent_default();
            let _ = to.focus();
        }
    }
}
