//! CORS: preflights and the allowed origin on answers.

use super::*;

#[tokio::test]
async fn preflights_succeed_for_configured_origins_and_fail_for_others() {
    let sandbox = start().await;
    let preflight = |origin: &str| {
        sandbox
            .request(Method::OPTIONS, "/api/v2/f-sdk/application/slack")
            .header("origin", origin)
            .header("access-control-request-method", "GET")
            .header("access-control-request-headers", "authorization")
            .send()
    };
    let allowed = preflight(ORIGIN).await.unwrap();
    assert_eq!(allowed.status(), StatusCode::NO_CONTENT);
    assert_eq!(allowed.headers()["access-control-allow-origin"], ORIGIN);
    assert!(
        allowed.headers()["access-control-allow-headers"]
            .to_str()
            .unwrap()
            .contains("authorization")
    );
    assert!(
        allowed.headers()["access-control-allow-methods"]
            .to_str()
            .unwrap()
            .contains("DELETE")
    );
    let refused = preflight("https://evil.example").await.unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert!(
        refused
            .headers()
            .get("access-control-allow-origin")
            .is_none()
    );

    let token = sandbox.session("user_1").await;
    let response = sandbox
        .bearer(Method::GET, "/api/v2/f-sdk/application", &token)
        .header("origin", ORIGIN)
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["access-control-allow-origin"], ORIGIN);
    let response = sandbox
        .bearer(Method::GET, "/api/v2/f-sdk/application", &token)
        .header("origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert!(
        response
            .headers()
            .get("access-control-allow-origin")
            .is_none()
    );
}
