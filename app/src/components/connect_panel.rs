//! Connecting an app from its detail page, through Cobalt's own SDK (cobalt-js).
//!
//! OAuth apps: a link into the same-tab redirect flow, which works without JavaScript. Once
//! hydrated, a click opens the consent popup at once and runs cobalt-js' `connect` in it; if no
//! popup can be opened, the link's redirect flow takes over. Key-based apps: a form built from
//! the app's `auth_input_map`, checked before anything is sent and submitted through
//! cobalt-js; without JavaScript it posts to the server, which saves the credentials.
//!
//! Everything is rendered on the server; the [`Connect`] island only listens to it and
//! updates it (busy state, Cancel, the outcome), reading what it needs from the markup's
//! `data-` attributes, so it has no props to decode.

use leptos::either::EitherOf3;
use leptos::prelude::*;

use crate::components::integration_card::{ActionStyle, action_style};
use crate::model::ConnectionStatus;
use crate::model::FormDraft;
use crate::model::connect::{CobaltJsAsset, CredentialInput, InputKind};

/// How long the consent window may stay open before the attempt is given up.
#[cfg(feature = "hydrate")]
const CONSENT_TIMEOUT_MS: f64 = 5.0 * 60.0 * 1000.0;

/// Connect (or Reconnect) for an OAuth app: a link into the redirect flow, which the hydrated
/// island turns into the popup flow.
#[component]
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
        ..
    } = style;
    let href = format!("/integrations/{slug}/connect");
    view! {
        <Connect>
            <div class="connect" data-slug=slug data-name=name data-sdk=sdk.url data-integrity=sdk.integrity>
                <a class=class href=href aria-label=accessible data-connect="">
                    {branded.then(|| view! { <span class="brand-button__mark" aria-hidden="true"></span> })}
                    {label}
                </a>
                <button type="button" class="button button--secondary" data-cancel="" hidden>
                    {crate::t!("connect-cancel")}
                </button>
                <div class="connect__status" role="status" aria-live="polite"></div>
            </div>
        </Connect>
    }
}

/// Connect (or Reconnect) for a key-based app: the credentials form. Its fields are rendered on
/// the server (`children`, see [`CredentialFields`]); hydrated, the island checks them, marks
/// the ones to fix, and submits through cobalt-js. Without JavaScript the form posts to the
/// server; `message` says why its last submission failed, if it did.
#[component]
pub fn CredentialsForm(
    slug: String,
    name: String,
    status: ConnectionStatus,
    sdk: CobaltJsAsset,
    message: Option<String>,
    children: Children,
) -> impl IntoView {
    let submit_label = match status {
        ConnectionStatus::NeedsReconnect => crate::t!("connect-submit-reconnect", app = &name),
        _ => crate::t!("connect-submit", app = &name),
    };
    let action = format!("/integrations/{slug}/connect");
    let data_label = submit_label.clone();
    view! {
        <Connect>
            <div class="connect" data-slug=slug data-name=name data-sdk=sdk.url data-integrity=sdk.integrity>
                <form class="connect-form" method="post" action=action novalidate>
                    {children()}
                    <button type="submit" class="button" data-label=data_label>
                        {submit_label}
                    </button>
                </form>
                <div class="connect__status" role="status" aria-live="polite">
                    {message.map(|message| view! {
                        <div class="connect__error" role="alert"><p>{message}</p></div>
                    })}
                </div>
            </div>
        </Connect>
    }
}

/// The island around a connect panel: no props and no view of its own.
#[cfg_attr(any(feature = "ssr", feature = "detail"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "detail")), component)]
fn Connect(children: Children) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    if let Some(flow) = flow::Flow::attach() {
        flow.listen();
    }
    children()
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
            {crate::t!("connect-credentials-intro", app = name)}
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
                <option value="">{if input.placeholder.is_empty() { crate::t!("connect-choose") } else { input.placeholder.clone() }}</option>
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
        <div class="field" data-field=input.name.clone() data-kind=input.kind.name() data-label=input.label.clone()>
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

/// The hydrated panel: plain `Rc` state over the server-rendered elements.
#[cfg(feature = "hydrate")]
mod flow {
    use std::cell::Cell;
    use std::rc::Rc;

    use leptos::prelude::*;
    use web_sys::{Element, HtmlFormElement};

    use super::watch_popup;
    use crate::cobalt_js::{Cobalt, ConnectError};
    use crate::components::form_dom::{self, find, listen, query_all};
    use crate::error::AppError;
    use crate::model::connect::{
        CobaltJsAsset, CredentialInput, CredentialValue, InputKind, credentials_payload,
    };

    /// What the panel tells the user about the last attempt.
    enum Notice {
        /// A neutral outcome, e.g. the user closed the consent window.
        Info(String),
        /// A failure. `reload` offers a page reload (the session ended).
        Error { message: String, reload: bool },
    }

    /// How an attempt ended.
    enum Outcome {
        Connected,
        Cancelled(String),
        Failed(ConnectError),
    }

    thread_local! {
        /// The consent window of the running attempt, for Cancel.
        static POPUP: std::cell::RefCell<Option<web_sys::Window>> = const { std::cell::RefCell::new(None) };
    }

    /// What a connection attempt needs, shared by the panel's handlers.
    #[derive(Clone)]
    pub struct Flow {
        slug: String,
        name: String,
        sdk: CobaltJsAsset,
        root: Element,
        busy: Rc<Cell<bool>>,
    }

    impl Flow {
        /// The page's connect panel, read from its `data-` attributes.
        pub fn attach() -> Option<Self> {
            let root = form_dom::in_page::<Element>(".connect[data-slug]")?;
            let read = |name: &str| root.get_attribute(name).unwrap_or_default();
            Some(Self {
                slug: read("data-slug"),
                name: read("data-name"),
                sdk: CobaltJsAsset {
                    url: read("data-sdk"),
                    integrity: read("data-integrity"),
                },
                busy: Rc::default(),
                root,
            })
        }

        pub fn listen(self) {
            if let Some(link) = find::<Element>(&self.root, "a[data-connect]") {
                let flow = self.clone();
                listen(&link, "click", move |ev| {
                    ev.prevent_default();
                    flow.start_oauth();
                });
            }
            if let Some(cancel) = find::<Element>(&self.root, "button[data-cancel]") {
                listen(&cancel, "click", |_| cancel_popup());
            }
            if let Some(form) = find::<HtmlFormElement>(&self.root, "form.connect-form") {
                let flow = self.clone();
                let target = form.clone();
                listen(&form, "submit", move |ev| {
                    ev.prevent_default();
                    flow.submit_credentials(&target);
                });
            }
        }

        /// Shows the attempt under way (or over): the control says so and ignores clicks, and
        /// an OAuth attempt offers Cancel.
        fn set_busy(&self, busy: bool) {
            self.busy.set(busy);
            for control in query_all(&self.root, "a[data-connect], button[type=submit]") {
                let _ = match busy {
                    true => control.set_attribute("aria-disabled", "true"),
                    false => control.remove_attribute("aria-disabled"),
                };
                if let Some(label) = control.get_attribute("data-label") {
                    let text = if busy {
                        crate::t!("connect-connecting")
                    } else {
                        label
                    };
                    control.set_text_content(Some(&text));
                }
            }
            if let Some(cancel) = find::<Element>(&self.root, "button[data-cancel]") {
                let _ = match busy {
                    true => cancel.remove_attribute("hidden"),
                    false => cancel.set_attribute("hidden", ""),
                };
            }
        }

        /// Shows `notice` in the status region (or clears it).
        fn notify(&self, notice: Option<Notice>) {
            let Some(region) = find::<Element>(&self.root, ".connect__status") else {
                return;
            };
            region.set_text_content(None);
            let element = |tag: &str, class: Option<&str>, text: Option<&str>| {
                let element = document().create_element(tag).ok()?;
                if let Some(class) = class {
                    let _ = element.set_attribute("class", class);
                }
                element.set_text_content(text);
                Some(element)
            };
            let shown = match notice {
                None => None,
                Some(Notice::Info(message)) => element("p", Some("connect__info"), Some(&message)),
                Some(Notice::Error { message, reload }) => {
                    element("div", Some("connect__error"), None).inspect(|error| {
                        let _ = error.set_attribute("role", "alert");
                        if let Some(text) = element("p", None, Some(&message)) {
                            let _ = error.append_child(&text);
                        }
                        if reload
                            && let Some(link) = element(
                                "a",
                                Some("button button--secondary"),
                                Some(&crate::t!("connect-reload")),
                            )
                        {
                            let _ = link.set_attribute("href", "");
                            let _ = error.append_child(&link);
                        }
                    })
                }
            };
            if let Some(shown) = shown {
                let _ = region.append_child(&shown);
            }
        }

        /// The OAuth click. The popup opens here, synchronously, while the browser still
        /// counts the click as a user gesture.
        fn start_oauth(&self) {
            if self.busy.get() {
                return;
            }
            let popup =
                crate::cobalt_js::open_popup(&crate::t!("connect-popup-title", app = &self.name));
            let waiting = match popup {
                Some(_) => crate::t!("connect-waiting-popup", app = &self.name),
                None => crate::t!("connect-waiting-redirect", app = &self.name),
            };
            self.set_busy(true);
            self.notify(Some(Notice::Info(waiting)));
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

        /// The credentials form: checked here first, then sent through cobalt-js.
        fn submit_credentials(&self, form: &HtmlFormElement) {
            if self.busy.get() {
                return;
            }
            let inputs: Vec<CredentialInput> =
                form_dom::fields(form).iter().filter_map(input_of).collect();
            let values = form_dom::form_values(form);
            self.notify(None);
            match credentials_payload(&inputs, &values) {
                Err(found) => {
                    form_dom::show_problems(form, &found);
                    form_dom::focus_field(form, &found[0].field);
                }
                Ok(payload) => {
                    form_dom::show_problems(form, &[]);
                    self.set_busy(true);
                    let flow = self.clone();
                    leptos::task::spawn_local(async move {
                        let outcome = flow.run(Some(payload), None).await;
                        flow.finish(outcome);
                    });
                }
            }
        }

        /// Runs cobalt-js' `connect`: with a fresh token once more if Cobalt says the token
        /// expired.
        async fn run(
            &self,
            payload: Option<Vec<(String, CredentialValue)>>,
            popup: Option<web_sys::Window>,
        ) -> Outcome {
            POPUP.with_borrow_mut(|slot| *slot = popup.clone());
            let mut refreshed = false;
            let outcome = loop {
                let session = match crate::api::client::get_session_token(refreshed).await {
                    Ok(session) => session,
                    Err(AppError::Unauthorized) => {
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
                    Ok(false) | Err(ConnectError::Cancelled(_))
                        if self.connected_now(&sdk).await =>
                    {
                        Outcome::Connected
                    }
                    Ok(false) if payload.is_some() => Outcome::Failed(ConnectError::Rejected(
                        crate::t!("connect-credentials-refused", app = &self.name),
                    )),
                    Ok(false) => Outcome::Cancelled(crate::t!("connect-cancelled")),
                    Err(ConnectError::Cancelled(message)) => Outcome::Cancelled(message),
                    Err(error) => Outcome::Failed(error),
                };
            };
            POPUP.with_borrow_mut(|slot| *slot = None);
            outcome
        }

        async fn connected_now(&self, sdk: &Cobalt) -> bool {
            sdk.get_app(&self.slug)
                .await
                .is_ok_and(|app| app.connected && !app.reauth_required)
        }

        /// Shows the outcome. Connected: the page is rendered again by the server, which now
        /// shows the connection and the configuration.
        fn finish(&self, outcome: Outcome) {
            match outcome {
                Outcome::Connected => {
                    self.notify(Some(Notice::Info(crate::t!(
                        "connect-connected",
                        app = &self.name
                    ))));
                    let url = format!("/integrations/{}?status=connected", self.slug);
                    if window().location().replace(&url).is_err() {
                        self.set_busy(false);
                    }
                }
                Outcome::Cancelled(message) => {
                    self.set_busy(false);
                    self.notify(Some(Notice::Info(message)));
                }
                Outcome::Failed(error) => {
                    self.set_busy(false);
                    let reload = error == ConnectError::SessionExpired;
                    self.notify(Some(Notice::Error {
                        message: error.to_string(),
                        reload,
                    }));
                }
            }
        }

        /// No popup could be opened: the same-tab flow, which comes back to the detail page.
        /// In a host's frame the whole host page goes (providers refuse to be framed), and the
        /// server's consent URL brings it back there.
        async fn redirect(&self) {
            match crate::api::client::oauth_redirect_url(&self.slug).await {
                Ok(url) => {
                    let page = match window().top() {
                        Ok(Some(top)) => top.location(),
                        _ => window().location(),
                    };
                    if page.set_href(&url).is_err() {
                        self.set_busy(false);
                    }
                }
                Err(error) => {
                    self.set_busy(false);
                    self.notify(Some(Notice::Error {
                        message: form_dom::sentence(&error),
                        reload: error == AppError::Unauthorized,
                    }));
                }
            }
        }
    }

    /// Closes the consent window; the running attempt then ends as cancelled.
    fn cancel_popup() {
        POPUP.with_borrow(|popup| {
            if let Some(popup) = popup {
                let _ = popup.close();
            }
        });
    }

    /// A credentials input, read back from its server-rendered `.field` (see
    /// `CredentialField`): what the checks before sending need.
    fn input_of(field: &Element) -> Option<CredentialInput> {
        let name = field.get_attribute("data-field")?;
        let control = find::<Element>(field, "input, select")?;
        Some(CredentialInput {
            label: field
                .get_attribute("data-label")
                .unwrap_or_else(|| name.clone()),
            placeholder: String::new(),
            required: control.has_attribute("required"),
            kind: InputKind::from_name(&field.get_attribute("data-kind")?)?,
            options: query_all(&control, "option")
                .iter()
                .filter_map(|option| option.get_attribute("value"))
                .filter(|value| !value.is_empty())
                .map(|value| (value, String::new()))
                .collect(),
            help: None,
            name,
        })
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
            return ConnectError::Cancelled(crate::t!("connect-cancelled"));
        }
        if js_sys::Date::now() - started > CONSENT_TIMEOUT_MS {
            let _ = popup.close();
            return ConnectError::Cancelled(crate::t!("connect-timed-out"));
        }
    }
}
