//! Connecting an app from its detail page, through Cobalt's own SDK (cobalt-js).
//!
//! OAuth apps: a link into the same-tab redirect flow, which works without JavaScript. Once
//! hydrated, a click opens the consent popup at once and runs cobalt-js' `connect` in it; if no
//! popup can be opened, the link's redirect flow takes over. Key-based apps: a form built from
//! the app's `auth_input_map`, checked before anything is sent and submitted through
//! cobalt-js; without JavaScript it posts to the server, which saves the credentials.

use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;

#[cfg(feature = "hydrate")]
use crate::components::form_dom;
use crate::components::integration_card::{ActionStyle, action_style};
use crate::model::ConnectionStatus;
use crate::model::FormDraft;
use crate::model::connect::{CobaltJsAsset, CredentialInput, InputKind};

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

/// Connect (or Reconnect) for an OAuth app: a link into the redirect flow, which the hydrated
/// island turns into the popup flow.
#[cfg_attr(any(feature = "ssr", feature = "detail"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "detail")), component)]
pub fn OAuthConnect(
    slug: String,
    name: String,
    status: ConnectionStatus,
    sdk: CobaltJsAsset,
) -> impl IntoView {
    let style = action_style(&slug, status);
    let accessible = style.aria_label(&name);
    let ActionStyle {
        label,
        class,
        branded,
    } = style;
    let href = format!("/integrations/{slug}/connect");
    let flow = Flow::new(slug, name, sdk, None);
    let (busy, notice) = (flow.busy, flow.notice);
    let cancel = flow.clone();
    view! {
        <div class="connect">
            <a
                class=class
                href=href
                aria-label=accessible
                aria-disabled=move || busy.get().then_some("true")
                on:click=move |ev| {
                    ev.prevent_default();
                    flow.start_oauth();
                }
            >
                {branded.then(|| view! { <span class="brand-button__mark" aria-hidden="true"></span> })}
                {label}
            </a>
            {move || busy.get().then(|| {
                let cancel = cancel.clone();
                view! {
                    <button type="button" class="button button--secondary" on:click=move |_| cancel.cancel()>
                        "Cancel"
                    </button>
                }
            })}
            <ConnectNotice notice />
        </div>
    }
}

/// Connect (or Reconnect) for a key-based app: the credentials form. Its fields are rendered on
/// the server (`children`, see [`CredentialFields`]), so they cost the wasm nothing; hydrated,
/// the island checks them, marks the ones to fix, and submits through cobalt-js. Without
/// JavaScript the form posts to the server.
#[cfg_attr(any(feature = "ssr", feature = "detail"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "detail")), component)]
pub fn CredentialsForm(
    slug: String,
    name: String,
    status: ConnectionStatus,
    sdk: CobaltJsAsset,
    inputs: Vec<CredentialInput>,
    /// Why the last submission without JavaScript failed, if it did.
    message: Option<String>,
    children: Children,
) -> impl IntoView {
    let label = match status {
        ConnectionStatus::NeedsReconnect => "Reconnect",
        _ => "Connect",
    };
    let submit_label = format!("{label} {name}");
    let action = format!("/integrations/{slug}/connect");
    let flow = Flow::new(slug, name, sdk, message);
    let (busy, notice) = (flow.busy, flow.notice);
    view! {
        <div class="connect">
            <form
                class="connect-form"
                method="post"
                action=action
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    flow.submit_credentials(&ev, &inputs);
                }
            >
                {children()}
                <button type="submit" class="button" aria-disabled=move || busy.get().then_some("true")>
                    {move || if busy.get() { "Connecting…".to_owned() } else { submit_label.clone() }}
                </button>
            </form>
            <ConnectNotice notice />
        </div>
    }
}

/// The outcome of the last attempt, announced to screen readers.
#[component]
fn ConnectNotice(notice: RwSignal<Option<Notice>>) -> impl IntoView {
    view! {
        <div class="connect__status" role="status" aria-live="polite">
            {move || notice.get().map(|notice| match notice {
                Notice::Info(message) => Either::Left(view! { <p class="connect__info">{message}</p> }),
                Notice::Error { message, reload } => Either::Right(view! {
                    <div class="connect__error" role="alert">
                        <p>{message}</p>
                        {reload.then(|| view! { <a class="button button--secondary" href="">"Reload the page"</a> })}
                    </div>
                }),
            })}
        </div>
    }
}

/// The inputs of a credentials form, rendered on the server with what a failed submission
/// without JavaScript left in `draft` (values, except secrets, and problems).
#[component]
pub fn CredentialFields(
    name: String,
    inputs: Vec<CredentialInput>,
    draft: FormDraft,
) -> impl IntoView {
    view! {
        <p class="connect-form__intro">
            {format!("Enter the credentials of your {name} account. Fields marked * are required.")}
        </p>
        {inputs
            .into_iter()
            .map(|input| {
                let value = draft.value(&input.name).map(str::to_owned);
                let problem = draft
                    .problems
                    .iter()
                    .find(|p| p.field == input.name)
                    .map(|p| p.message.clone());
                view! { <CredentialField input value problem /> }
            })
            .collect_view()}
    }
}

/// The ids a credential input and its help and error texts carry.
fn field_ids(name: &str) -> (String, String, String) {
    let id = format!("credential-{name}");
    (format!("{id}-help"), format!("{id}-error"), id)
}

/// One input of a credentials form, with its label, help text and error.
#[component]
fn CredentialField(
    input: CredentialInput,
    value: Option<String>,
    problem: Option<String>,
) -> impl IntoView {
    let (help_id, error_id, id) = field_ids(&input.name);
    let described_by = crate::components::described_by(
        input.help.is_some().then_some(help_id.as_str()),
        problem.is_some().then_some(error_id.as_str()),
    );
    let invalid = problem.is_some().then_some("true");
    let required = input.required;
    let control = match input.kind {
        InputKind::Boolean => EitherOf3::A(view! {
            <input id=id.clone() name=input.name.clone() type="checkbox" value="true"
                checked=value.as_deref().is_some_and(|v| v != "false")
                aria-describedby=described_by aria-invalid=invalid />
        }),
        InputKind::Select => EitherOf3::B(view! {
            <select id=id.clone() name=input.name.clone() required=required
                aria-describedby=described_by aria-invalid=invalid>
                <option value="">{if input.placeholder.is_empty() { "Choose…".to_owned() } else { input.placeholder.clone() }}</option>
                {input.options.iter().cloned().map(|(option, text)| {
                    let selected = value.as_deref() == Some(option.as_str());
                    view! { <option value=option selected=selected>{text}</option> }
                }).collect_view()}
            </select>
        }),
        other => {
            let kind = match other {
                InputKind::Password => "password",
                InputKind::Number => "number",
                _ => "text",
            };
            EitherOf3::C(view! {
                <input id=id.clone() name=input.name.clone() type=kind
                    placeholder=input.placeholder.clone() required=required value=value
                    autocomplete=if kind == "password" { "new-password" } else { "off" }
                    spellcheck="false"
                    aria-describedby=described_by aria-invalid=invalid />
            })
        }
    };
    view! {
        <div class="field" data-field=input.name.clone() data-kind=format!("{:?}", input.kind).to_lowercase()>
            <label for=id>
                {input.label.clone()}
                {required.then(|| view! { <span class="field__required" aria-hidden="true">" *"</span> })}
            </label>
            {control}
            {input.help.clone().map(|help| view! { <p class="field__help" id=help_id>{help}</p> })}
            <p class="field__error" id=error_id>{problem}</p>
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
    fn new(slug: String, name: String, sdk: CobaltJsAsset, message: Option<String>) -> Self {
        Self {
            slug,
            name,
            sdk,
            busy: RwSignal::new(false),
            notice: RwSignal::new(message.map(|message| Notice::Error {
                message,
                reload: false,
            })),
        }
    }

    /// The OAuth click. The popup opens here, synchronously, while the browser still counts
    /// the click as a user gesture.
    fn start_oauth(&self) {
        #[cfg(feature = "hydrate")]
        if !self.busy.get_untracked() {
            let popup = crate::cobalt_js::open_popup(&format!("Connecting to {}…", self.name));
            let waiting = match popup {
                Some(_) => "Finish in the window that opened.",
                None => "Taking you to the sign-in page…",
            };
            self.busy.set(true);
            self.notice.set(Some(Notice::Info(format!(
                "Waiting for {}… {waiting}",
                self.name
            ))));
            let flow = self.clone();
            match popup {
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
    fn submit_credentials(&self, event: &leptos::ev::SubmitEvent, inputs: &[CredentialInput]) {
        #[cfg(not(feature = "hydrate"))]
        let _ = (event, inputs);
        #[cfg(feature = "hydrate")]
        if !self.busy.get_untracked() {
            use wasm_bindgen::JsCast;
            let Some(form) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
            else {
                return;
            };
            let values = form_dom::form_values(&form);
            self.notice.set(None);
            match crate::model::connect::credentials_payload(inputs, &values) {
                Err(found) => {
                    form_dom::show_problems(&form, &found);
                    form_dom::focus_field(&form, &found[0].field);
                }
                Ok(payload) => {
                    form_dom::show_problems(&form, &[]);
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
        payload: Option<Vec<(String, crate::model::connect::CredentialValue)>>,
        popup: Option<web_sys::Window>,
    ) -> Outcome {
        use crate::cobalt_js::{Cobalt, ConnectError};
        POPUP.with_borrow_mut(|slot| *slot = popup.clone());
        let mut refreshed = false;
        let outcome = loop {
            let session = match crate::api::client::get_session_token(refreshed).await {
                Ok(session) => session,
                Err(crate::error::AppError::Unauthorized) => {
                    break Outcome::Failed(ConnectError::SessionExpired);
                }
                Err(error) => {
                    break Outcome::Failed(ConnectError::Rejected(form_dom::sentence(&error)));
                }
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
                None => sdk.connect(&self.slug, payload.as_deref(), None).await,
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
        match crate::api::client::oauth_redirect_url(&self.slug).await {
            Ok(url) => {
                if window().location().assign(&url).is_err() {
                    self.busy.set(false);
                }
            }
            Err(error) => {
                self.busy.set(false);
                self.notice.set(Some(Notice::Error {
                    message: form_dom::sentence(&error),
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
