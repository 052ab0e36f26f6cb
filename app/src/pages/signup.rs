//! `/signup`: seed step 1. A plain HTML form (it works without JavaScript) that the server
//! handles at `POST /signup`; a failed submission renders this page again with every value kept.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// What a failed submission hands back to the page: the values typed and what went wrong.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SignupDraft {
    pub name: String,
    pub email: String,
    pub ticket: String,
    pub return_to: String,
    pub name_error: Option<String>,
    pub email_error: Option<String>,
    pub form_error: Option<String>,
}

/// The sign-up form.
#[component]
pub fn SignupPage() -> impl IntoView {
    let query = use_query_map();
    let mut draft = use_context::<SignupDraft>().unwrap_or_default();
    if draft.return_to.is_empty() {
        draft.return_to = query.read_untracked().get("return").unwrap_or_default();
    }
    #[cfg(feature = "ssr")]
    if draft.ticket.is_empty()
        && let Some(state) = use_context::<crate::server::AppState>()
    {
        draft.ticket =
            crate::server::signup::new_ticket(&state.config, crate::server::identity::now_secs())
                .unwrap_or_default();
    }
    let SignupDraft {
        name,
        email,
        ticket,
        return_to,
        name_error,
        email_error,
        form_error,
    } = draft;
    let platform = crate::context::platform_name();
    view! {
        <Title text=crate::t!("signup-title") />
        <main class="page auth-page">
            <form class="auth-form" method="post" action="/signup" novalidate>
                <h1>{crate::t!("signup-heading", platform = platform)}</h1>
                <p class="auth-form__lead">{crate::t!("signup-lead")}</p>
                {form_error.map(|message| view! { <p class="form-error" role="alert">{message}</p> })}
                <TextField
                    name="name"
                    label=crate::t!("signup-name")
                    kind="text"
                    value=name
                    max_length=100
                    autocomplete="name"
                    error=name_error
                />
                <TextField
                    name="email"
                    label=crate::t!("signup-email")
                    kind="email"
                    value=email
                    max_length=254
                    autocomplete="email"
                    error=email_error
                />
                <input type="hidden" name="ticket" value=ticket />
                <input type="hidden" name="return_to" value=return_to />
                <button class="button" type="submit">{crate::t!("signup-submit")}</button>
            </form>
        </main>
    }
}

/// A labelled, required input with its error message tied to it for screen readers.
#[component]
fn TextField(
    name: &'static str,
    label: String,
    kind: &'static str,
    value: String,
    max_length: usize,
    autocomplete: &'static str,
    error: Option<String>,
) -> impl IntoView {
    let id = format!("signup-{name}");
    let error_id = format!("{id}-error");
    let invalid = error.is_some();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                name=name
                type=kind
                value=value
                required
                maxlength=max_length
                autocomplete=autocomplete
                aria-invalid=invalid.then_some("true")
                aria-describedby=invalid.then_some(error_id.clone())
            />
            {error.map(|message| view! { <p class="field__error" id=error_id>{message}</p> })}
        </div>
    }
}
