//! Mongoose-style paging, as Cobalt's list routes answer it: `page` (from 1) and `limit` in
//! the query, `docs` with `totalDocs`, `totalPages` and the neighbours in the answer.

use serde_json::{Value, json};

use crate::error::ApiError;
use crate::extract::QueryParams;

/// The page (from 1) and the page size asked for: `limit` defaults to `default` and is cut to
/// `max`; anything but a positive number is a 400.
pub fn asked(query: &QueryParams, default: usize, max: usize) -> Result<(usize, usize), ApiError> {
    let number = |name: &str, default: usize| -> Result<usize, ApiError> {
        query.get(name).map_or(Ok(default), |raw| {
            raw.parse::<usize>()
                .ok()
                .filter(|n| *n >= 1)
                .ok_or_else(|| ApiError::bad_request(format!("{name} must be a positive number")))
        })
    };
    Ok((number("page", 1)?, number("limit", default)?.min(max)))
}

/// One page of `matching` (already in order), each shown by `show`.
pub fn page<T>(
    matching: impl ExactSizeIterator<Item = T>,
    (page, limit): (usize, usize),
    show: impl FnMut(T) -> Value,
) -> Value {
    let total = matching.len();
    let pages = total.div_ceil(limit);
    let docs: Vec<Value> = matching
        .skip((page - 1).saturating_mul(limit))
        .take(limit)
        .map(show)
        .collect();
    json!({
        "docs": docs,
        "totalDocs": total,
        "limit": limit,
        "page": page,
        "totalPages": pages,
        "hasPrevPage": page > 1,
        "hasNextPage": page < pages,
        "prevPage": (page > 1).then(|| page - 1),
        "nextPage": (page < pages).then(|| page + 1),
    })
}
