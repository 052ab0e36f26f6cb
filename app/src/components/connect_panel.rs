//! Connecting an app from its detail page, through Cobalt's own SDK (cobalt-js).
//!
//! OAuth apps: a link into the same-tab redirect flow, which works without JavaScript. Once
//! hydrated, a click opens the consent popup at once and runs cobalt-js' `connect` in it; if no
//! popup can be opened, the link's redirect flow takes over. Key-based apps: a form built from
//! the app's `auth_input_map`, checked before anything is sent and submitted through
//! cobalt-js; without JavaScript it posts to the server, which saves the credentials.

use cobalt::InputField;
use leptos::prelude::*;

use crate::components::integration_card::branded_button;
use crate::model::ConnectionStatus;
use crate::model::connect::{CobaltJsAsset, CredentialsDraft, FieldProblem, option_pairs};

/// How long the consent window may stay open before the attempt is given up.
#[cfg(feature = "hydrate")]
const CONSENT_TIMEOUT_MS: f64 = 5.0 * 60.0 * 1000.0;

/// What the panel tells the user about the last attempt.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
enum Notice {
    /// A neutral outcome, e.g. the user closed the consent window.
    Info(String),
    /// A failure. `reload` offers a page reload (the session ended).
    Error { message: String, reload: bool },
}

/// Connect (or Reconnect) for one app.
#[island]
pub fn ConnectPanel(
    slug: String,
    name: String,
    status: ConnectionStatus,
    oauth: bool,
    fields: Vec<InputField>,
    sdk: CobaltJsAsset,
    /// A form posted without JavaScript that must be corrected (empty otherwise).
    draft: CredentialsDraft,
) -> impl IntoView {
    let busy = RwSignal::new(false);
    let notice = RwSignal::new(draft.message.clone().map(|message| Notice::Error {
        message,
        reload: false,
    }));
    let problems = RwSignal::new(draft.problems.clone());
    let label = match status {
        ConnectionStatus::NeedsReconnect => "Reconnect",
        _ => "Connect",
    };
    let action = format!("/integrations/{slug}/connect");
    let context = Flow {
        slug: slug.clone(),
        name: name.clone(),
        sdk,
        busy,
        notice,
    };
    let notice_view = move || {
        notice.get().map(|notice| match notice {
            Notice::Info(message) => view! { <p class="connect__info">{message}</p> }.into_any(),
            Notice::Error { message, reload } => view! {
                <div class="connect__error" role="alert">
                    <p>{message}</p>
                    {reload.then(|| view! { <a class="button button--secondary" href="">"Reload the page"</a> })}
                </div>
            }
            .into_any(),
        })
    };
    let pending_text = format!("Waiting for {name}… Finish in the window that opened.");
    let form_or_link = if oauth {
        let flow = context.clone();
        let (class, text, brand_mark) = match (status, branded_button(&slug)) {
            (ConnectionStatus::Available, Some(brand)) => {
                (brand.class, brand.label.to_owned(), true)
            }
            (ConnectionStatus::NeedsReconnect, _) => {
                ("button button--warning", label.to_owned(), false)
            }
            _ => ("button", label.to_owned(), false),
        };
        // A branded button's own text names the provider; others say which app they connect.
        let accessible = (!brand_mark).then(|| format!("{label} {name}"));
        view! {
            <a
                class=class
                href=action.clone()
                aria-label=accessible
                aria-disabled=move || busy.get().then_some("true")
                on:click=move |ev| {
                    ev.prevent_default();
                    flow.start_oauth();
                }
            >
                {brand_mark.then(|| view! { <span class="brand-button__mark" aria-hidden="true"></span> })}
                {text}
            </a>
            <Show when=move || busy.get()>
                <p class="connect__pending">{pending_text.clone()}</p>
                <button
                    type="button"
                    class="button button--secondary"
                    on:click={
                        let flow = context.clone();
                        move |_| flow.cancel()
                    }
                >
                    "Cancel"
                </button>
            </Show>
        }
        .into_any()
    } else {
        let flow = context.clone();
        let inputs = fields.clone();
        view! {
            <form
                class="connect-form"
                method="post"
                action=action.clone()
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    flow.submit_credentials(&ev, &inputs, problems);
                }
            >
                <p class="connect-form__intro">
                    {format!("Enter the credentials of your {name} account. Fields marked * are required.")}
                </p>
                {fields.into_iter().map(|field| {
                    let value = draft.value(&field.name).map(str::to_owned);
                    view! { <CredentialField field value problems /> }
                }).collect_view()}
                <button type="submit" class="button" aria-disabled=move || busy.get().then_some("true")>
                    {move || if busy.get() { "Connecting…".to_owned() } else { format!("{label} {name}") }}
                </button>
            </form>
        }
        .into_any()
    };
    view! {
        <div class="connect" data-busy=move || busy.get().then_some("true")>
            {form_or_link}
            <div class="connect__status" role="status" aria-live="polite">{notice_view}</div>
        </div>
    }
}

/// One input of a key-based credentials form, with its label, help text and error.
#[component]
fn CredentialField(
    field: InputField,
    value: Option<String>,
    problems: RwSignal<Vec<FieldProblem>>,
) -> impl IntoView {
    let id = format!("credential-{}", field.name);
    let help_id = format!("{id}-help");
    let error_id = format!("{id}-error");
    let name = field.name.clone();
    let error = move || {
        problems
            .read()
            .iter()
            .find(|p| p.field == name)
            .map(|p| p.message.clone())
    };
    let invalid = {
        let error = error.clone();
        move || error().is_some().then_some("true")
    };
    let described_by = {
        let (help_id, error_id) = (help_id.clone(), error_id.clone());
        let has_help = field.help_text.is_some();
        let error = error.clone();
        move || {
            let ids: Vec<&str> = [
                has_help.then_some(help_id.as_str()),
                error().is_some().then_some(error_id.as_str()),
            ]
            .into_iter()
            .flatten()
            .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let label = if field.label.is_empty() {
        field.name.clone()
    } else {
        field.label.clone()
    };
    let required = field.required;
    let control = match field.input_type.as_str() {
        "boolean" => view! {
            <input id=id.clone() name=field.name.clone() type="checkbox" value="true"
                checked=value.as_deref().is_some_and(|v| v != "false")
                aria-describedby=described_by aria-invalid=invalid />
        }
        .into_any(),
        "select" => view! {
            <select id=id.clone() name=field.name.clone() required=required
                aria-describedby=described_by aria-invalid=invalid>
                <option value="">{if field.placeholder.is_empty() { "Choose…".to_owned() } else { field.placeholder.clone() }}</option>
                {option_pairs(&field).into_iter().map(|(option, text)| {
                    let selected = value.as_deref() == Some(option.as_str());
                    view! { <option value=option selected=selected>{text}</option> }
                }).collect_view()}
            </select>
        }
        .into_any(),
        other => {
            let kind = match other {
                "password" => "password",
                "number" => "number",
                _ => "text",
            };
            view! {
                <input id=id.clone() name=field.name.clone() type=kind
                    placeholder=field.placeholder.clone() required=required value=value
                    autocomplete=if kind == "password" { "new-password" } else { "off" }
                    spellcheck="false"
                    aria-describedby=described_by aria-invalid=invalid />
            }
            .into_any()
        }
    };
    view! {
        <div class="field" data-type=field.input_type.clone()>
            <label for=id>
                {label}
                {required.then(|| view! { <span class="field__required" aria-hidden="true">" *"</span> })}
            </label>
            {control}
            {field.help_text.clone().map(|help| view! { <p class="field__help" id=help_id>{help}</p> })}
            <p class="field__error" id=error_id>{error}</p>
        </div>
    }
}

/// What a connection attempt needs, shared by the panel's handlers.
#[derive(Clone)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
struct Flow {
    slug: String,
    name: String,
    sdk: CobaltJsAsset,
    busy: RwSignal<bool>,
    notice: RwSignal<Option<Notice>>,
}

impl Flow {
    /// The OAuth click. The popup opens here, synchronously, while the browser still counts
    /// the click as a user gesture.
    fn start_oauth(&self) {
        #[cfg(feature = "hydrate")]
        if !self.busy.get_untracked() {
            self.busy.set(true);
            self.notice.set(None);
            let title = format!("Connecting to {}…", self.name);
            let flow = self.clone();
            match crate::cobalt_js::open_popup(&title) {
                Some(popup) => leptos::task::spawn_local(async move {
                    let outcome = flow.run(None, Some(popup.clone())).await;
                    let _ = popup.close();
                    flow.finish(outcome);
                }),
                None => leptos::task::spawn_local(async move { flow.redirect().await }),
            }
        }
    }

    /// Closes the consent window; the running attempt then ends as cancelled.
    fn cancel(&self) {
        #[cfg(feature = "hydrate")]
        POPUP.with_borrow(|popup| {
            if let Some(popup) = popup {
                let _ = popup.close();
            }
        });
    }

    /// The credentials form: checked here first, then sent through cobalt-js.
    fn submit_credentials(
        &self,
        event: &leptos::ev::SubmitEvent,
        fields: &[InputField],
        problems: RwSignal<Vec<FieldProblem>>,
    ) {
        #[cfg(not(feature = "hydrate"))]
        let _ = (event, fields, problems);
        #[cfg(feature = "hydrate")]
        if !self.busy.get_untracked() {
            use wasm_bindgen::JsCast;
            let Some(form) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
            else {
                return;
            };
            let values = form_values(&form);
            self.notice.set(None);
            match crate::model::connect::credentials_payload(fields, &values) {
                Err(found) => {
                    focus_field(&form, &found[0].field);
                    problems.set(found);
                }
                Ok(payload) => {
                    problems.set(Vec::new());
                    self.busy.set(true);
                    let flow = self.clone();
                    leptos::task::spawn_local(async move {
                        let outcome = flow.run(Some(payload), None).await;
                        flow.finish(outcome);
                    });
                }
            }
        }
    }
}

#[cfg(feature = "hydrate")]
thread_local! {
    /// The consent window of the running attempt, for Cancel.
    static POPUP: std::cell::RefCell<Option<web_sys::Window>> = const { std::cell::RefCell::new(None) };
}

/// How an attempt ended.
#[cfg(feature = "hydrate")]
enum Outcome {
    Connected,
    Cancelled(String),
    Failed(crate::cobalt_js::ConnectError),
}

#[cfg(feature = "hydrate")]
impl Flow {
    /// Runs cobalt-js' `connect`: with a fresh token once more if Cobalt says the token expired.
    async fn run(
        &self,
        payload: Option<serde_json::Map<String, serde_json::Value>>,
        popup: Option<web_sys::Window>,
    ) -> Outcome {
        use crate::cobalt_js::{Cobalt, ConnectError};
        POPUP.with_borrow_mut(|slot| *slot = popup.clone());
        let mut refreshed = false;
        let outcome = loop {
            let session = match crate::api::get_session_token(refreshed).await {
                Ok(session) => session,
                Err(crate::error::AppError::Unauthorized) => {
                    break Outcome::Failed(ConnectError::SessionExpired);
                }
                Err(error) => break Outcome::Failed(ConnectError::Rejected(sentence(&error))),
            };
            let sdk = match Cobalt::new(&self.sdk, &session).await {
                Ok(sdk) => sdk,
                Err(error) => break Outcome::Failed(error),
            };
            let attempt = match &popup {
                Some(popup) => {
                    let connect = std::pin::pin!(sdk.connect(&self.slug, None, Some(popup)));
                    let watch = std::pin::pin!(watch_popup(popup));
                    match futures::future::select(connect, watch).await {
                        futures::future::Either::Left((result, _)) => result,
                        futures::future::Either::Right((reason, _)) => Err(reason),
                    }
                }
                None => sdk.connect(&self.slug, payload.as_ref(), None).await,
            };
            break match attempt {
                Ok(true) => Outcome::Connected,
                Err(ConnectError::SessionExpired) if !refreshed => {
                    refreshed = true;
                    continue;
                }
                // The window closed (or the SDK saw it closed): the user may have consented
                // just before closing it, so ask Cobalt.
                Ok(false) | Err(ConnectError::Cancelled(_)) if self.connected_now(&sdk).await => {
                    Outcome::Connected
                }
                Ok(false) if payload.is_some() => Outcome::Failed(ConnectError::Rejected(format!(
                    "{} did not accept these credentials.",
                    self.name
                ))),
                Ok(false) => Outcome::Cancelled("Connection cancelled.".into()),
                Err(ConnectError::Cancelled(message)) => Outcome::Cancelled(message),
                Err(error) => Outcome::Failed(error),
            };
        };
        POPUP.with_borrow_mut(|slot| *slot = None);
        outcome
    }

    async fn connected_now(&self, sdk: &crate::cobalt_js::Cobalt) -> bool {
        sdk.get_app(&self.slug)
            .await
            .is_ok_and(|app| app.connected && !app.reauth_required)
    }

    /// Shows the outcome. Connected: the page is rendered again by the server, which now shows
    /// the connection and the configuration.
    fn finish(&self, outcome: Outcome) {
        match outcome {
            Outcome::Connected => {
                self.notice
                    .set(Some(Notice::Info(format!("{} is connected.", self.name))));
                let url = format!("/integrations/{}?status=connected", self.slug);
                if window().location().replace(&url).is_err() {
                    self.busy.set(false);
                }
            }
            Outcome::Cancelled(message) => {
                self.busy.set(false);
                self.notice.set(Some(Notice::Info(message)));
            }
            Outcome::Failed(error) => {
                self.busy.set(false);
                let reload = error == crate::cobalt_js::ConnectError::SessionExpired;
                self.notice.set(Some(Notice::Error {
                    message: error.to_string(),
                    reload,
                }));
            }
        }
    }

    /// No popup could be opened: the same-tab flow, which comes back to the detail page.
    async fn redirect(&self) {
        match crate::api::oauth_redirect_url(self.slug.clone()).await {
            Ok(url) => {
                if window().location().assign(&url).is_err() {
                    self.busy.set(false);
                }
            }
            Err(error) => {
                self.busy.set(false);
                self.notice.set(Some(Notice::Error {
                    message: sentence(&error),
                    reload: error == crate::error::AppError::Unauthorized,
                }));
            }
        }
    }
}

/// Resolves when the consent window is closed (by the user or Cancel), or after the timeout.
#[cfg(feature = "hydrate")]
async fn watch_popup(popup: &web_sys::Window) -> crate::cobalt_js::ConnectError {
    use crate::cobalt_js::ConnectError;
    let started = js_sys::Date::now();
    loop {
        crate::cobalt_js::sleep(500).await;
        if popup.closed().unwrap_or(true) {
            return ConnectError::Cancelled("Connection cancelled.".into());
        }
        if js_sys::Date::now() - started > CONSENT_TIMEOUT_MS {
            let _ = popup.close();
            return ConnectError::Cancelled(
                "Connection cancelled: the consent window was open for 5 minutes.".into(),
            );
        }
    }
}

/// A server-function error as a sentence.
#[cfg(feature = "hydrate")]
fn sentence(error: &crate::error::AppError) -> String {
    let text = error.to_string();
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| format!("{}{}.", first.to_uppercase(), chars.as_str()))
        .unwrap_or(text)
}

/// The form's values as submitted (checkboxes only when checked).
#[cfg(feature = "hydrate")]
fn form_values(form: &web_sys::HtmlFormElement) -> Vec<(String, String)> {
    use wasm_bindgen::JsCast;
    let Ok(data) = web_sys::FormData::new_with_form(form) else {
        return Vec::new();
    };
    js_sys::try_iter(&data)
        .ok()
        .flatten()
        .into_iter()
        .flatten()
        .filter_map(|entry| {
            let pair: js_sys::Array = entry.ok()?.dyn_into().ok()?;
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect()
}

#[cfg(feature = "hydrate")]
fn focus_field(form: &web_sys::HtmlFormElement, name: &str) {
    use wasm_bindgen::JsCast;
    if let Some(element) = form
        .query_selector(&format!("[name=\"{name}\"]"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}
