//! Liveness and readiness probes.

use super::*;

#[tokio::test]
async fn healthz_is_ok() {
    let app = test_app().await;
    let reply = app.get("/healthz", None).await;
    assert_eq!((reply.status, reply.body.as_str()), (StatusCode::OK, "ok"));
}

#[tokio::test]
async fn readyz_is_ready_alone() {
    let app = test_app().await;
    let reply = app.get("/readyz", None).await;
    assert_eq!(
        (reply.status, reply.body.as_str()),
        (StatusCode::OK, "ready")
    );
}
