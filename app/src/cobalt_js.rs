//! A typed Rust API over Cobalt's browser SDK, `@cobaltio/cobalt-js` 8.0.0 (browser only).
//!
//! The SDK is loaded when a connection starts, never with the page: a `<link rel=modulepreload>`
//! with the asset's integrity hash fetches and checks it, then `import()` evaluates that same
//! module. Every call to the SDK goes through here, and its failures come back as
//! [`ConnectError`]s whose messages a user can act on.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use wasm_bindgen_futures::JsFuture;

use crate::api::CobaltSession;
use crate::model::connect::{CobaltJsAsset, CredentialValue};

thread_local! {
    /// `(url) => import(url)`, handed over by `/boot.js`. `import()` is syntax, not a function, so
    /// wasm cannot call it itself, and building one at run time would need `eval`, which the
    /// page's Content-Security-Policy forbids.
    static IMPORTER: RefCell<Option<Function>> = const { RefCell::new(None) };
    /// The SDK's `Cobalt` class once loaded, by asset URL.
    static SDK: RefCell<Option<(String, Function)>> = const { RefCell::new(None) };
    /// The browser's own `window.open`, kept before any SDK call replaces it.
    static NATIVE_OPEN: RefCell<Option<Function>> = const { RefCell::new(None) };
    /// The settling of the SDK call that has `window.open`/`fetch` replaced, if any.
    static IN_FLIGHT: RefCell<Option<Promise>> = const { RefCell::new(None) };
}

/// Registers the module importer and keeps the browser's `window.open` (called once, from the
/// wasm entry point, before any connection starts).
pub fn set_module_importer(importer: Function) {
    IMPORTER.with_borrow_mut(|slot| *slot = Some(importer));
    let native = web_sys::window()
        .and_then(|w| Reflect::get(&w, &"open".into()).ok())
        .and_then(|f| f.dyn_into::<Function>().ok());
    NATIVE_OPEN.with_borrow_mut(|slot| *slot = native);
}

/// Why a connection attempt failed, in words a user can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConnectError {
    #[error("{}", crate::t!("cobalt-js-load-failed"))]
    LoadFailed,
    #[error("{}", crate::t!("cobalt-js-session-expired"))]
    SessionExpired,
    /// Cobalt answered with an error; the message is Cobalt's own when it gave one.
    #[error("{0}")]
    Rejected(String),
    #[error("{}", crate::t!("cobalt-js-network"))]
    Network,
    /// What the browser or cobalt-js threw, as it said it.
    #[error("{}", crate::t!("cobalt-js-unexpected", detail = .0))]
    Unexpected(String),
    /// The user closed the consent window, or it timed out.
    #[error("{0}")]
    Cancelled(String),
}

/// An app's connection as `getApp` reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AppConnection {
    pub connected: bool,
    pub reauth_required: bool,
}

/// One SDK instance, bound to a session token and Cobalt's base URL.
pub struct Cobalt {
    instance: Object,
    base_url: String,
}

impl Cobalt {
    /// Loads the SDK (once per page) and constructs it with the session's token and base URL.
    pub async fn new(asset: &CobaltJsAsset, session: &CobaltSession) -> Result<Self, ConnectError> {
        let class = load(asset).await?;
        let options = Object::new();
        set(&options, "token", &session.token.as_str().into())?;
        set(&options, "baseUrl", &session.base_url.as_str().into())?;
        let args = js_sys::Array::of1(&options);
        let instance = Reflect::construct(&class, &args)
            .map_err(|e| ConnectError::Unexpected(js_message(&e)))?
            .unchecked_into::<Object>();
        Ok(Self {
            instance,
            base_url: session.base_url.clone(),
        })
    }

    /// `cobalt.connect(slug, payload)`: the OAuth flow (when `payload` is `None`) or saving
    /// key-based credentials. `Ok(false)` means the user closed the consent window.
    ///
    /// With `popup`, the consent page opens in that window, opened earlier within the user's
    /// click. The SDK itself calls `window.open` only after awaiting two requests, when the
    /// click's user activation has expired and Safari and Chrome block the window. So, for the
    /// duration of the call, `window.open` is replaced by a function that navigates `popup` to
    /// the consent URL and hands `popup` back to the SDK, which then polls and closes it as
    /// usual. The original is put back as soon as the SDK has used it or the call settles.
    pub async fn connect(
        &self,
        slug: &str,
        payload: Option<&[(String, CredentialValue)]>,
        popup: Option<&web_sys::Window>,
    ) -> Result<bool, ConnectError> {
        // The patches below are global: one SDK call at a time. A previous call still polling
        // for a popup the user closed settles at its next poll, within seconds.
        if let Some(previous) = IN_FLIGHT.with_borrow(Clone::clone) {
            let _ = JsFuture::from(previous).await;
        }
        let window = web_sys::window().ok_or(ConnectError::LoadFailed)?;
        let payload = match payload {
            Some(credentials) => credentials_object(credentials)?.into(),
            None => JsValue::UNDEFINED,
        };
        let failures = FailedResponses::observe(&window, &self.base_url)?;
        let handoff = match popup {
            Some(popup) => Some(hand_popup_to_sdk(&window, popup)?),
            None => None,
        };
        let promise = match self.call("connect", &[slug.into(), payload]) {
            Ok(promise) => promise,
            Err(error) => {
                failures.patch.restore();
                handoff.iter().for_each(Patch::restore);
                return Err(error);
            }
        };
        // The SDK may keep polling after this future is dropped (the user closed the popup):
        // the patches come off when its promise settles, whoever is still waiting for it.
        let restore = {
            let fetch = failures.patch.clone();
            Closure::once_into_js(move |_: JsValue| {
                fetch.restore();
                handoff.iter().for_each(Patch::restore);
                IN_FLIGHT.with_borrow_mut(|pending| *pending = None);
            })
        };
        let settled = then(&promise, &restore, &restore);
        IN_FLIGHT.with_borrow_mut(|pending| *pending = settled);
        match JsFuture::from(promise).await {
            Ok(value) => Ok(value.as_bool().unwrap_or(false)),
            Err(error) => Err(failures.explain(&error).await),
        }
    }

    /// `cobalt.getApp(slug)`: whether the app is connected for the signed-in account now.
    pub async fn get_app(&self, slug: &str) -> Result<AppConnection, ConnectError> {
        let app = JsFuture::from(self.call("getApp", &[slug.into()])?)
            .await
            .map_err(|error| {
                if error.has_type::<js_sys::TypeError>() {
                    ConnectError::Network
                } else {
                    ConnectError::Rejected(js_message(&error))
                }
            })?;
        let flag = |name: &str| {
            Reflect::get(&app, &name.into())
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false)
        };
        Ok(AppConnection {
            connected: flag("connected"),
            reauth_required: flag("reauth_required"),
        })
    }

    /// Calls a method of the SDK instance, which returns a promise.
    fn call(&self, method: &str, args: &[JsValue]) -> Result<Promise, ConnectError> {
        let function: Function = Reflect::get(&self.instance, &method.into())
            .ok()
            .and_then(|f| f.dyn_into().ok())
            .ok_or_else(|| ConnectError::Unexpected(format!("cobalt-js has no {method}()")))?;
        let args: js_sys::Array = args.iter().collect();
        function
            .apply(&self.instance, &args)
            .map_err(|e| ConnectError::Unexpected(js_message(&e)))?
            .dyn_into::<Promise>()
            .map_err(|_| ConnectError::Unexpected(format!("{method}() returned no promise")))
    }
}

/// Fetches the SDK with its integrity checked, evaluates it, and returns its `Cobalt` class.
async fn load(asset: &CobaltJsAsset) -> Result<Function, ConnectError> {
    if let Some(class) = SDK.with_borrow(|sdk| {
        sdk.as_ref()
            .filter(|(url, _)| *url == asset.url)
            .map(|(_, class)| class.clone())
    }) {
        return Ok(class);
    }
    let importer = IMPORTER
        .with_borrow(Clone::clone)
        .ok_or(ConnectError::LoadFailed)?;
    preload_with_integrity(asset).await?;
    let module = importer
        .call1(&JsValue::NULL, &asset.url.as_str().into())
        .ok()
        .and_then(|p| p.dyn_into::<Promise>().ok())
        .ok_or(ConnectError::LoadFailed)?;
    let module = JsFuture::from(module)
        .await
        .map_err(|_| ConnectError::LoadFailed)?;
    let class: Function = Reflect::get(&module, &"Cobalt".into())
        .ok()
        .and_then(|c| c.dyn_into().ok())
        .ok_or(ConnectError::LoadFailed)?;
    SDK.with_borrow_mut(|sdk| *sdk = Some((asset.url.clone(), class.clone())));
    Ok(class)
}

/// `import()` takes no integrity hash, but it reuses a module that a `modulepreload` link
/// fetched. So the link fetches and checks the file first; a mismatch fails here, and the
/// module is then never imported.
async fn preload_with_integrity(asset: &CobaltJsAsset) -> Result<(), ConnectError> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(ConnectError::LoadFailed)?;
    let link = document
        .create_element("link")
        .map_err(|_| ConnectError::LoadFailed)?;
    for (name, value) in [
        ("rel", "modulepreload"),
        ("href", asset.url.as_str()),
        ("integrity", asset.integrity.as_str()),
        ("crossorigin", "anonymous"),
    ] {
        link.set_attribute(name, value)
            .map_err(|_| ConnectError::LoadFailed)?;
    }
    let loaded = Promise::new(&mut |resolve, reject| {
        let _ = link.add_event_listener_with_callback("load", &resolve);
        let _ = link.add_event_listener_with_callback("error", &reject);
    });
    document
        .head()
        .ok_or(ConnectError::LoadFailed)?
        .append_child(&link)
        .map_err(|_| ConnectError::LoadFailed)?;
    JsFuture::from(loaded)
        .await
        .map(|_| ())
        .map_err(|_| ConnectError::LoadFailed)
}

/// A global function replaced for the duration of one SDK call. The replacement passes calls
/// through once its job is done, so it stays harmless wherever a reference to it survives.
#[derive(Clone)]
struct Patch {
    target: Object,
    name: &'static str,
    original: JsValue,
    replacement: JsValue,
}

impl Patch {
    fn install(
        target: &Object,
        name: &'static str,
        replacement: JsValue,
    ) -> Result<Self, ConnectError> {
        let original = Reflect::get(target, &name.into())
            .map_err(|e| ConnectError::Unexpected(js_message(&e)))?;
        set(target, name, &replacement)?;
        Ok(Self {
            target: target.clone(),
            name,
            original,
            replacement,
        })
    }

    /// Puts the original back, unless something else has replaced ours since.
    fn restore(&self) {
        let current = Reflect::get(&self.target, &self.name.into()).unwrap_or_default();
        if current == self.replacement {
            let _ = Reflect::set(&self.target, &self.name.into(), &self.original);
        }
    }
}

/// Makes the SDK's next `window.open(url)` navigate `popup` (opened within the user's click)
/// to `url` and return it (see [`Cobalt::connect`]). Later calls reach the browser's own.
fn hand_popup_to_sdk(
    window: &web_sys::Window,
    popup: &web_sys::Window,
) -> Result<Patch, ConnectError> {
    let native: Function = Reflect::get(window, &"open".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or(ConnectError::LoadFailed)?;
    let unused = Rc::new(RefCell::new(Some(popup.clone())));
    let this = window.clone();
    let open = Closure::<dyn FnMut(JsValue, JsValue, JsValue) -> JsValue>::new(
        move |url: JsValue, target: JsValue, features: JsValue| match (
            unused.borrow_mut().take(),
            url.as_string(),
        ) {
            (Some(popup), Some(url)) => {
                let _ = popup.location().set_href(&url);
                popup.into()
            }
            _ => native
                .call3(&this, &url, &target, &features)
                .unwrap_or(JsValue::NULL),
        },
    );
    Patch::install(window, "open", open.into_js_value())
}

/// Opens an empty window within a user gesture, through the browser's own `window.open` even
/// while the SDK's is replaced. `None` when the browser blocks popups.
pub fn open_popup(title: &str) -> Option<web_sys::Window> {
    let window = web_sys::window()?;
    let open = NATIVE_OPEN.with_borrow(Clone::clone)?;
    let popup = open
        .call3(
            &window,
            &"about:blank".into(),
            &"cobalt-connect".into(),
            &"popup=yes,width=600,height=720".into(),
        )
        .ok()
        .filter(|w| w.is_object())?
        // Not `dyn_into`: the popup's Window belongs to another realm, so `instanceof Window`
        // is false even though it is one.
        .unchecked_into::<web_sys::Window>();
    if let Some(document) = popup.document() {
        document.set_title(title);
        if let Some(body) = document.body() {
            body.set_text_content(Some(title));
        }
    }
    Some(popup)
}

/// Keeps the last failed response from Cobalt during an SDK call. cobalt-js rejects with only
/// the HTTP status text ("Unauthorized", "Internal Server Error"), which cannot tell an expired
/// token from a refused credential and drops Cobalt's message ("Failed to verify credentials:
/// …"). `fetch` is wrapped, passing every request through unchanged, to keep a clone of any
/// error response from Cobalt's base URL.
struct FailedResponses {
    last: Rc<RefCell<Option<web_sys::Response>>>,
    patch: Patch,
}

impl FailedResponses {
    fn observe(window: &web_sys::Window, base_url: &str) -> Result<Self, ConnectError> {
        let original: Function = Reflect::get(window, &"fetch".into())
            .ok()
            .and_then(|f| f.dyn_into().ok())
            .ok_or(ConnectError::LoadFailed)?;
        let last: Rc<RefCell<Option<web_sys::Response>>> = Rc::default();
        let fetch = {
            let window = window.clone();
            let last = last.clone();
            let base_url = base_url.to_owned();
            Closure::<dyn FnMut(JsValue, JsValue) -> JsValue>::new(
                move |input: JsValue, init: JsValue| {
                    let promise = match original.call2(&window, &input, &init) {
                        Ok(promise) => promise.unchecked_into::<Promise>(),
                        Err(error) => return Promise::reject(&error).into(),
                    };
                    let last = last.clone();
                    let base_url = base_url.clone();
                    let keep = Closure::once_into_js(move |response: JsValue| {
                        if let Some(failed) = response
                            .dyn_ref::<web_sys::Response>()
                            .filter(|r| !r.ok() && r.url().starts_with(&base_url))
                        {
                            *last.borrow_mut() = failed.clone().ok();
                        }
                        response
                    });
                    then(&promise, &keep, &JsValue::UNDEFINED)
                        .map_or_else(|| promise.into(), JsValue::from)
                },
            )
        };
        let patch = Patch::install(window, "fetch", fetch.into_js_value())?;
        Ok(Self { last, patch })
    }

    /// Turns the SDK's rejection into a [`ConnectError`], reading Cobalt's own answer.
    async fn explain(&self, error: &JsValue) -> ConnectError {
        let failed = self.last.borrow_mut().take();
        let Some(response) = failed else {
            // No error response: the request itself failed (offline, DNS, CORS).
            return if error.has_type::<js_sys::TypeError>() {
                ConnectError::Network
            } else {
                ConnectError::Unexpected(js_message(error))
            };
        };
        if response.status() == 401 {
            return ConnectError::SessionExpired;
        }
        let body = match response.text() {
            Ok(text) => JsFuture::from(text)
                .await
                .ok()
                .and_then(|t| t.as_string())
                .unwrap_or_default(),
            Err(_) => String::new(),
        };
        ConnectError::Rejected(cobalt_message(response.status(), &body))
    }
}

/// The credentials as the plain object cobalt-js posts (built in JS, so the wasm needs no
/// JSON writer or float parser of its own).
fn credentials_object(credentials: &[(String, CredentialValue)]) -> Result<Object, ConnectError> {
    let object = Object::new();
    for (name, value) in credentials {
        let value = match value {
            CredentialValue::Text(text) => JsValue::from_str(text),
            CredentialValue::Number(text) => JsValue::from_f64(js_sys::Number::parse_float(text)),
            CredentialValue::Bool(flag) => JsValue::from_bool(*flag),
        };
        set(&object, name, &value)?;
    }
    Ok(object)
}

/// Cobalt's `message` from an error body, or a sentence for the status when it sent none.
fn cobalt_message(status: u16, body: &str) -> String {
    js_sys::JSON::parse(body)
        .ok()
        .and_then(|v| Reflect::get(&v, &"message".into()).ok())
        .and_then(|m| m.as_string())
        .filter(|m| !m.trim().is_empty())
        .unwrap_or_else(|| match status {
            429 => crate::t!("cobalt-js-too-many-requests"),
            500..=599 => crate::t!("cobalt-js-unavailable"),
            _ => crate::t!("cobalt-js-refused", status = status.to_string()),
        })
}

/// `promise.then(on_fulfilled, on_rejected)` with plain JS functions (js-sys' typed `then`
/// drops the callback's return value, which the `fetch` wrapper must pass on).
fn then(promise: &Promise, on_fulfilled: &JsValue, on_rejected: &JsValue) -> Option<Promise> {
    let method: Function = Reflect::get(promise, &"then".into())
        .ok()?
        .dyn_into()
        .ok()?;
    method
        .call2(promise, on_fulfilled, on_rejected)
        .ok()?
        .dyn_into()
        .ok()
}

/// Resolves after `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let timer = Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(timer).await;
}

fn set(target: &Object, name: &str, value: &JsValue) -> Result<(), ConnectError> {
    Reflect::set(target, &name.into(), value)
        .map(|_| ())
        .map_err(|e| ConnectError::Unexpected(js_message(&e)))
}

/// The message of a thrown JS value.
fn js_message(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| crate::t!("cobalt-js-unknown-error"))
}
