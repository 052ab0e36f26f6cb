//! The browser's side of the server functions that the detail page's islands call: the very
//! requests server_fn's own client sends (arguments URL-encoded, or as JSON for the functions
//! declared `input = Json`; answers and [`AppError`]s as JSON), made with the browser's
//! `fetch`. Without server_fn's client, its HTTP stack and query-string encoder stay out of
//! the wasm.

use leptos::prelude::window;
use leptos::server_fn::ServerFn;
use leptos::server_fn::error::ServerFnErrorErr;
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::{
    CobaltSession, Disconnect, GetSessionToken, OauthRedirectUrl, SelectOptions, SubmitConfig,
};
use crate::error::AppError;
use crate::model::connect::FieldProblem;

/// See [`super::get_session_token`].
pub async fn get_session_token(force_refresh: bool) -> Result<CobaltSession, AppError> {
    let force_refresh = if force_refresh { "true" } else { "false" };
    post_form::<GetSessionToken, _>(&[("force_refresh", force_refresh)]).await
}

/// See [`super::oauth_redirect_url`].
pub async fn oauth_redirect_url(slug: &str) -> Result<String, AppError> {
    post_form::<OauthRedirectUrl, _>(&[("slug", slug)]).await
}

/// See [`super::disconnect`].
pub async fn disconnect(slug: &str) -> Result<(), AppError> {
    post_form::<Disconnect, _>(&[("slug", slug)]).await
}

/// See [`super::submit_config`].
pub async fn submit_config(
    slug: String,
    config_id: Option<String>,
    form: Vec<(String, String)>,
) -> Result<Vec<FieldProblem>, AppError> {
    post_json(&SubmitConfig {
        slug,
        config_id,
        form,
    })
    .await
}

/// See [`super::select_options`].
pub async fn select_options(
    slug: String,
    config_id: Option<String>,
    name: String,
    form: Vec<(String, String)>,
) -> Result<Vec<(String, String)>, AppError> {
    post_json(&SelectOptions {
        slug,
        config_id,
        name,
        form,
    })
    .await
}

async fn post_form<F: ServerFn, T: DeserializeOwned>(args: &[(&str, &str)]) -> Result<T, AppError> {
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(args)
        .finish();
    post(F::PATH, "application/x-www-form-urlencoded", &body).await
}

async fn post_json<F: ServerFn + serde::Serialize, T: DeserializeOwned>(
    args: &F,
) -> Result<T, AppError> {
    let body = serde_json::to_string(args)
        .map_err(|e| AppError::ServerFn(ServerFnErrorErr::Serialization(e.to_string())))?;
    post(F::PATH, "application/json", &body).await
}

/// POSTs `body` to `path`; a 2xx answer is read as a `T`, any other as the [`AppError`] it
/// carries.
async fn post<T: DeserializeOwned>(
    path: &str,
    content_type: &str,
    body: &str,
) -> Result<T, AppError> {
    let failed = |what: &str, error: JsValue| {
        let detail = error
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| what.to_owned());
        AppError::ServerFn(ServerFnErrorErr::Request(detail))
    };
    let headers = web_sys::Headers::new().map_err(|e| failed("headers", e))?;
    for (name, value) in [
        ("content-type", content_type),
        ("accept", "application/json"),
    ] {
        headers.set(name, value).map_err(|e| failed("headers", e))?;
    }
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_headers(&headers);
    init.set_body(&JsValue::from_str(body));
    let response: web_sys::Response = JsFuture::from(window().fetch_with_str_and_init(path, &init))
        .await
        .map_err(|e| failed("the request could not be sent", e))?
        .unchecked_into();
    let text = JsFuture::from(response.text().map_err(|e| failed("no answer", e))?)
        .await
        .map_err(|e| failed("the answer was cut short", e))?
        .as_string()
        .unwrap_or_default();
    if response.ok() {
        serde_json::from_str(&text)
            .map_err(|e| AppError::ServerFn(ServerFnErrorErr::Deserialization(e.to_string())))
    } else {
        Err(serde_json::from_str(&text).unwrap_or_else(|_| {
            AppError::ServerFn(ServerFnErrorErr::Response(format!(
                "HTTP {}",
                response.status()
            )))
        }))
    }
}
