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
            <p>"Its enabled workflows could not be listed just now; they stop too."</p>
        }
        .into_any(),
        Some(workflows) if workflows.is_empty() => {
            view! { <p>"No workflow is enabled in its default configuration."</p> }.into_any()
        }
        Some(workflows) => view! {
            <p>"These enabled workflows (default configuration) stop:"</p>
            <ul class="disconnect__workflows">
                {workflows.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}
            </ul>
        }
        .into_any(),
    };
    view! {
        <p>
            {format!(
                "Disconnecting {name} deletes its configurations, named ones included. You can connect it again later; its settings then start from the defaults."
            )}
        </p>
        {workflows}
    }
}

/// Disconnect: the link to the confirmation page, which the hydrated island turns into a
/// dialog. `children` is the [`DisconnectSummary`], rendered on the server.
#[cfg_attr(any(feature = "ssr", feature = "detail"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "detail")), component)]
pub fn DisconnectDialog(slug: String, name: String, children: Children) -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let opener = NodeRef::<leptos::html::A>::new();
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let href = format!("/integrations/{slug}/disconnect");
    let confirm_label = format!("Disconnect {name}");
    let confirm = move |_| {
        #[cfg(feature = "hydrate")]
        if !busy.get_untracked() {
            busy.set(true);
            error.set(None);
            let slug = slug.clone();
            leptos::task::spawn_local(async move {
                match crate::api::client::disconnect(&slug).await {
                    Ok(()) => {
                        let _ = window()
                            .location()
                            .replace(&format!("/integrations/{slug}?status=disconnected"));
                    }
                    Err(failure) => {
                        busy.set(false);
                        error.set(Some(format!("Nothing was disconnected: {failure}.")));
                    }
                }
            });
        }
    };
    view! {
        <a class="button button--danger-quiet" href=href node_ref=opener
            on:click=move |ev| {
                ev.prevent_default();
                #[cfg(feature = "hydrate")]
                if let Some(dialog) = dialog.get() {
                    error.set(None);
                    let _ = dialog.show_modal();
                }
            }>
            "Disconnect…"
        </a>
        <dialog class="dialog" node_ref=dialog aria-labelledby="disconnect-title"
            on:cancel=move |ev: leptos::ev::Event| {
                // Escape does nothing while the disconnect is under way.
                if busy.get_untracked() {
                    ev.prevent_default();
                }
            }
            on:close=move |_| {
                #[cfg(feature = "hydrate")]
                if let Some(opener) = opener.get() {
                    let _ = opener.focus();
                }
            }
            on:keydown=move |ev| {
                #[cfg(feature = "hydrate")]
                if let Some(dialog) = dialog.get() {
                    keep_focus_inside(&dialog, &ev);
                }
                #[cfg(not(feature = "hydrate"))]
                let _ = ev;
            }>
            <h2 id="disconnect-title">{format!("Disconnect {name}?")}</h2>
            {children()}
            <p class="form-error" role="alert" hidden=move || error.with(Option::is_none)>
                {move || error.get()}
            </p>
            <div class="dialog__actions">
                // The safe choice has the focus when the dialog opens.
                <button type="button" class="button button--secondary" autofocus
                    on:click=move |_| {
                        #[cfg(feature = "hydrate")]
                        if let Some(dialog) = dialog.get()
                            && !busy.get_untracked()
                        {
                            dialog.close();
                        }
                    }>
                    "Cancel"
                </button>
                <button type="button" class="button button--danger"
                    aria-disabled=move || busy.get().then_some("true") on:click=confirm>
                    {move || if busy.get() { "Disconnecting…".to_owned() } else { confirm_label.clone() }}
                </button>
            </div>
        </dialog>
    }
}

/// Tab and Shift+Tab wrap around the dialog's buttons and links instead of leaving it.
#[cfg(feature = "hydrate")]
fn keep_focus_inside(dialog: &web_sys::HtmlDialogElement, ev: &web_sys::KeyboardEvent) {
    use wasm_bindgen::JsCast;
    if ev.key() != "Tab" {
        return;
    }
    let focusable =
        crate::components::form_dom::query_all(dialog, "button, a[href], input, select, textarea");
    let (Some(first), Some(last)) = (focusable.first(), focusable.last()) else {
        return;
    };
    let (from, to) = if ev.shift_key() {
        (first, last)
    } else {
        (last, first)
    };
    if document().active_element().as_ref() == Some(from)
        && let Some(to) = to.dyn_ref::<web_sys::HtmlElement>()
    {
        ev.prevent_default();
        let _ = to.focus();
    }
}
