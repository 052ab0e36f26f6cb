//! The host SDK (`sdk/itab.js`, with its TypeScript declarations `sdk/itab.d.ts`), served by
//! the tab so a host includes it from the tab's origin. The stable name, `/sdk/itab-1.js`
//! (major version 1 of the SDK and its message protocol), is revalidated on every load and
//! answers 304 while unchanged; the content-addressed name `/sdk/itab-1.<hash>.js` is
//! immutable, for hosts that pin it (with subresource integrity).

use std::sync::LazyLock;

use axum::{
    extract::Path,
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};

/// The SDK's source, as hosts receive it.
pub const SDK_JS: &str = include_str!("../../sdk/itab.js");
/// Its TypeScript declarations.
pub const SDK_DTS: &str = include_str!("../../sdk/itab.d.ts");

/// The content-addressed file name, and the ETag the stable name answers with.
struct Names {
    pinned: String,
    etag: String,
}

fn names() -> &'static Names {
    static NAMES: LazyLock<Names> = LazyLock::new(|| {
        use sha2::{Digest, Sha256};
        let hash = hex::encode(&Sha256::digest(SDK_JS.as_bytes())[..8]);
        Names {
            pinned: format!("itab-1.{hash}.js"),
            etag: format!("\"{hash}\""),
        }
    });
    &NAMES
}

/// The SDK's content-addressed path, e.g. `/sdk/itab-1.0123456789abcdef.js`.
pub fn pinned_path() -> String {
    format!("/sdk/{}", names().pinned)
}

/// `GET /sdk/{file}`.
pub async fn serve(Path(file): Path<String>, headers: HeaderMap) -> Response {
    let names = names();
    let (body, content_type, cache) = match file.as_str() {
        "itab-1.js" => (SDK_JS, "text/javascript; charset=utf-8", "no-cache"),
        "itab-1.d.ts" => (SDK_DTS, "text/plain; charset=utf-8", "no-cache"),
        pinned if pinned == names.pinned => (
            SDK_JS,
            "text/javascript; charset=utf-8",
            "public, max-age=31536000, immutable",
        ),
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    let etag = HeaderValue::from_str(&names.etag).ok();
    let unchanged = headers
        .get(header::IF_NONE_MATCH)
        .zip(etag.as_ref())
        .is_some_and(|(asked, etag)| asked == etag);
    let common = [
        (header::CACHE_CONTROL, HeaderValue::from_static(cache)),
        // Public code: a host page may load it with `crossorigin` and an integrity hash.
        (
            header::ACCESS_CONTROL_ALLOW_ORIGIN,
            HeaderValue::from_static("*"),
        ),
    ];
    let mut response = if unchanged && file == "itab-1.js" {
        (StatusCode::NOT_MODIFIED, common).into_response()
    } else {
        (
            common,
            [(header::CONTENT_TYPE, HeaderValue::from_static(content_type))],
            body,
        )
            .into_response()
    };
    if let Some(etag) = etag.filter(|_| body == SDK_JS) {
        response.headers_mut().insert(header::ETAG, etag);
    }
    response
}
