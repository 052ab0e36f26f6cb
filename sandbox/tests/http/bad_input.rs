//! Bad input: malformed or oversized bodies, unknown routes and methods, all in Cobalt's envelope.

use super::*;

#[tokio::test]
async fn malformed_json_wrong_types_and_oversized_bodies_are_envelopes_that_change_nothing() {
    let sandbox = start().await;
    let upsert = || {
        sandbox
            .key(Method::PUT, "/api/v2/public/linked-account")
            .header("content-type", "application/json")
    };
    let (status, body) = send(upsert().body("{\"linked_account_id\": ")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_envelope(&body, 400, "SERVER_ERROR", "Invalid request body");
    let (status, _) = send(upsert().body(r#"{"linked_account_id": 42}"#)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _) =
        send(upsert().body(r#"{"linked_account_id": "u", "udf": {"a": {"nested": true}}}"#)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let huge = format!(
        r#"{{"linked_account_id": "u", "name": "{}"}}"#,
        "x".repeat(100 * 1024)
    );
    let (status, body) = send(upsert().body(huge)).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_envelope(&body, 413, "SERVER_ERROR", "larger than");
    let (_, page) = send(sandbox.key(Method::GET, "/api/v2/public/linked-account")).await;
    assert_eq!(page["totalDocs"], 0, "nothing was created");
}

#[tokio::test]
async fn unknown_routes_and_methods_are_envelopes() {
    let sandbox = start().await;
    let (status, body) = send(sandbox.key(Method::GET, "/api/v2/public/nothing")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_envelope(
        &body,
        404,
        "SERVER_ERROR",
        "Cannot GET /api/v2/public/nothing",
    );
    let (status, body) = send(sandbox.key(Method::PATCH, "/api/v2/public/session-token")).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(body["status_code"], 405);
}
