//! Static assets: the catalog's logos.

use axum::extract::Path;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use crate::catalog::logo;
use crate::error::ApiError;

/// `GET /logos/{slug}.svg`.
pub async fn logo_svg(Path(file): Path<String>) -> Result<Response, ApiError> {
    let svg = file
        .strip_suffix(".svg")
        .and_then(logo)
        .ok_or_else(|| ApiError::not_found(format!("No logo named {file}")))?;
    let mut response = svg.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("image/svg+xml"),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=86400"),
    );
    Ok(response)
}
