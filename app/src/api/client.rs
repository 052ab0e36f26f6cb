//! The browser's side of the server functions that the detail page's islands call: the very
//! requests server_fn's own client sends (arguments URL-encoded, or as JSON for the functions
//! declared `input = Json`; answers and [`AppError`]s as JSON), made with the browser's
//! `fetch`. Without server_fn's client, its HTTP stack and query-string encoder stay out of
//! the wasm.

use js_sys::{Array, JSON, Object, Reflect};
use leptos::prelude::window;
use leptos::server_fn::ServerFn;
use leptos::server_fn::error::ServerFnErrorErr;
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
    let answer = post_form::<GetSessionToken>(&[("force_refresh", force_refresh)]).await?;
    Ok(CobaltSession {
        token: field(&answer, "token").ok_or_else(unreadable)?,
        base_url: field(&answer, "base_url").ok_or_else(unreadable)?,
    })
}

/// See [`super::oauth_redirect_url`].
pub async fn oauth_redirect_url(slug: &str) -> Result<String, AppError> {
    post_form::<OauthRedirectUrl>(&[("slug", slug)])
        .await?
        .as_string()
        .ok_or_else(unreadable)
}

/// See [`super::disconnect`].
pub async fn disconnect(slug: &str) -> Result<(), AppError> {
    post_form::<Disconnect>(&[("slug", slug)]).await.map(drop)
}

/// See [`super::submit_config`].
pub async fn submit_config(
    slug: &str,
    config_id: Option<&str>,
    form: &[(String, String)],
) -> Result<Vec<FieldProblem>, AppError> {
    let args = [
        ("slug", slug.into()),
        ("config_id", config_id.into()),
        ("form", pairs_to_js(form)),
    ];
    let answer = post_json::<SubmitConfig>(&args).await?;
    Ok(pairs_of(&answer)
        .ok_or_else(unreadable)?
        .into_iter()
        .map(FieldProblem::from)
        .collect())
}

/// See [`super::select_options`].
pub async fn select_options(
    slug: &str,
    config_id: Option<&str>,
    name: &str,
    form: &[(String, String)],
) -> Result<Vec<(String, String)>, AppError> {
    let args = [
        ("slug", slug.into()),
        ("config_id", config_id.into()),
        ("name", name.into()),
        ("form", pairs_to_js(form)),
    ];
    pairs_of(&post_json::<SelectOptions>(&args).await?).ok_or_else(unreadable)
}

async fn post_form<F: ServerFn>(args: &[(&str, &str)]) -> Result<JsValue, AppError> {
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(args)
        .finish();
    post(F::PATH, "application/x-www-form-urlencoded", &body).await
}

/// The arguments as the JSON object serde writes for the server function's argument struct,
/// written by the browser's `JSON.stringify`.
async fn post_json<F: ServerFn>(args: &[(&str, JsValue)]) -> Result<JsValue, AppError> {
    let object = Object::new();
    for (name, value) in args {
        let _ = Reflect::set(&object, &JsValue::from_str(name), value);
    }
    let body = JSON::stringify(&object)
        .map(String::from)
        .map_err(|_| AppError::ServerFn(ServerFnErrorErr::Serialization("arguments".into())))?;
    post(F::PATH, "application/json", &body).await
}

/// POSTs `body` to `path`; a 2xx answer is returned as `JSON.parse` reads it, any other as the
/// [`AppError`] it carries.
async fn post(path: &str, content_type: &str, body: &str) -> Result<JsValue, AppError> {
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
    let answer = JSON::parse(&text).ok();
    match answer {
        Some(answer) if response.ok() => Ok(answer),
        None if response.ok() => Err(unreadable()),
        answer => Err(answer.as_ref().and_then(app_error).unwrap_or_else(|| {
            AppError::ServerFn(ServerFnErrorErr::Response(format!(
                "HTTP {}",
                response.status()
            )))
        })),
    }
}

/// An [`AppError`] as serde writes it: a unit variant as its name, the others as
/// `{"Variant": value}`.
fn app_error(value: &JsValue) -> Option<AppError> {
    if let Some(name) = value.as_string() {
        return Some(match name.as_str() {
            "Unauthorized" => AppError::Unauthorized,
            "Forbidden" => AppError::Forbidden,
            "Upstream" => AppError::Upstream,
            "Internal" => AppError::Internal,
            _ => return None,
        });
    }
    let variant = Object::keys(value.dyn_ref::<Object>()?)
        .get(0)
        .as_string()?;
    let inner = Reflect::get(value, &JsValue::from_str(&variant)).ok()?;
    let retry_after = || {
        Reflect::get(&inner, &JsValue::from_str("retry_after"))
            .ok()?
            .as_f64()
            .map(|seconds| seconds as u64)
    };
    Some(match variant.as_str() {
        "NotFound" => AppError::NotFound(inner.as_string()?),
        "Validation" => AppError::Validation(inner.as_string()?),
        "NotAllowed" => AppError::NotAllowed(inner.as_string()?),
        "RateLimited" => AppError::RateLimited {
            retry_after: retry_after()?,
        },
        "Busy" => AppError::Busy {
            retry_after: retry_after()?,
        },
        _ => return None,
    })
}

fn unreadable() -> AppError {
    AppError::ServerFn(ServerFnErrorErr::Deserialization(
        "the answer could not be read".into(),
    ))
}

fn field(value: &JsValue, name: &str) -> Option<String> {
    Reflect::get(value, &JsValue::from_str(name))
        .ok()?
        .as_string()
}

/// `[["a", "b"], …]` as pairs.
fn pairs_of(value: &JsValue) -> Option<Vec<(String, String)>> {
    value
        .dyn_ref::<Array>()?
        .iter()
        .map(|pair| {
            let pair = pair.dyn_into::<Array>().ok()?;
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect()
}

fn pairs_to_js(pairs: &[(String, String)]) -> JsValue {
    pairs
        .iter()
        .map(|(name, value)| Array::of2(&name.into(), &value.into()))
        .collect::<Array>()
        .into()
}
