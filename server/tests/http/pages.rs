//! Serving pages: redirects, the 404 page, compression, and a handler that panics.

use super::*;

#[tokio::test]
async fn root_redirects_to_integrations() {
    let app = test_app().await;
    let reply = app.get("/", None).await;
    assert!(reply.status.is_redirection(), "{}", reply.status);
    assert_eq!(reply.headers[header::LOCATION], "/integrations");
}

#[tokio::test]
async fn pages_without_a_session_redirect_to_sign_up_with_the_return_path() {
    let app = test_app().await;
    let reply = app.get("/integrations/hubspot?x=1", None).await;
    assert!(reply.status.is_redirection());
    assert_eq!(
        reply.headers[header::LOCATION],
        "/signup?return=%2Fintegrations%2Fhubspot%3Fx%3D1"
    );
}

#[tokio::test]
async fn unknown_route_is_404() {
    let app = test_app().await;
    let reply = app.get("/no-such-page", None).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert!(reply.body.contains("Page not found"), "{}", reply.body);
}

#[tokio::test]
async fn html_is_compressed_when_the_browser_accepts_it() {
    let app = test_app().await;
    let request = Request::get("/signup")
        .header(header::ACCEPT_ENCODING, "br, gzip")
        .body(Body::empty())
        .unwrap();
    let reply = app.send(request).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.headers[header::CONTENT_ENCODING], "br");
}

#[tokio::test]
async fn a_panicking_handler_answers_500_and_the_server_keeps_serving() {
    let routes = Router::new()
        .route(
            "/boom",
            axum::routing::get(|| async {
                "not a number"
                    .parse::<u8>()
                    .expect("a handler bug")
                    .to_string()
            }),
        )
        .route("/fine", axum::routing::get(|| async { "fine" }));
    let router = server::harden(routes, Duration::from_secs(5));
    let boom = router
        .clone()
        .oneshot(Request::get("/boom").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(boom.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(boom.headers()[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    let body = boom.into_body().collect().await.unwrap().to_bytes();
    assert_eq!(&body[..], b"something went wrong on our side");
    let fine = router
        .oneshot(Request::get("/fine").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(fine.status(), StatusCode::OK);
}
