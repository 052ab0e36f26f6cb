//! The catalog: application listings and filters for the API key and for a session, and logos.

use super::*;

#[tokio::test]
async fn listing_applications_takes_linked_account_id_from_the_header_first_then_the_query() {
    let sandbox = start().await;
    sandbox.account("user_1").await;
    let (status, apps) = send(sandbox.key(
        Method::GET,
        "/api/v2/public/application?linked_account_id=user_1",
    ))
    .await;
    assert_eq!(status, StatusCode::OK);
    let apps = apps.as_array().unwrap();
    assert!(apps.len() >= 12);
    let quickbooks = apps.iter().find(|app| app["slug"] == "quickbooks").unwrap();
    assert_eq!(quickbooks["name"], "QuickBooks Online");
    assert_eq!(quickbooks["auth_type"], "oauth2");
    assert_eq!(quickbooks["type"], "quickbooks");
    assert_eq!(quickbooks["reauth_required"], false);
    assert!(
        quickbooks.get("connected").is_none(),
        "absent until connected, as Cobalt"
    );
    let copper = apps.iter().find(|app| app["slug"] == "copper").unwrap();
    assert_eq!(copper["auth_input_map"][0]["name"], "api_token");
    assert_eq!(copper["auth_type_options"]["keybased"][1]["name"], "email");

    let (status, _) = send(sandbox.account_scoped(
        Method::GET,
        "/api/v2/public/application?linked_account_id=nobody",
        "user_1",
    ))
    .await;
    assert_eq!(status, StatusCode::OK, "the header wins over the query");
    let (status, body) = send(sandbox.key(Method::GET, "/api/v2/public/application")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_envelope(
        &body,
        400,
        "INVALID_LINKED_ACCOUNT_ID",
        "linked_account_id is required",
    );
    let (status, _) =
        send(sandbox.account_scoped(Method::GET, "/api/v2/public/application", "nobody")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn applications_filter_by_tag_auth_type_and_slug() {
    let sandbox = start().await;
    sandbox.account("user_1").await;
    let names = |body: Value| -> Vec<String> {
        body.as_array()
            .unwrap()
            .iter()
            .map(|app| app["slug"].as_str().unwrap().to_owned())
            .collect()
    };
    let (_, crm) =
        send(sandbox.account_scoped(Method::GET, "/api/v2/public/application?tags=crm", "user_1"))
            .await;
    assert_eq!(names(crm), ["hubspot", "salesforce", "copper"]);
    let (_, keybased) = send(sandbox.account_scoped(
        Method::GET,
        "/api/v2/public/application?auth_type=keybased",
        "user_1",
    ))
    .await;
    assert!(names(keybased).len() >= 4);
    let (_, one) = send(sandbox.account_scoped(
        Method::GET,
        "/api/v2/public/application?slug=slack",
        "user_1",
    ))
    .await;
    assert_eq!(names(one), ["slack"]);
    let (status, body) =
        send(sandbox.account_scoped(Method::GET, "/api/v2/public/application/slack", "user_1"))
            .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["name"], "Slack");
    let (status, body) =
        send(sandbox.account_scoped(Method::GET, "/api/v2/public/application/nope", "user_1"))
            .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_envelope(
        &body,
        404,
        "INVALID_APP_ID",
        "Application with app_type 'nope' not found",
    );
}

#[tokio::test]
async fn the_f_sdk_application_routes_answer_for_the_session_account() {
    let sandbox = start().await;
    let token = sandbox.session("user_1").await;
    let (status, apps) =
        send(sandbox.bearer(Method::GET, "/api/v2/f-sdk/application", &token)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(apps.as_array().unwrap().len() >= 12);
    assert_eq!(sandbox.app(&token, "hubspot").await["slug"], "hubspot");
    let (status, _) =
        send(sandbox.bearer(Method::GET, "/api/v2/f-sdk/application/nope", &token)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn logos_are_served_as_svg_at_each_apps_icon_url() {
    let sandbox = start().await;
    let token = sandbox.session("user_1").await;
    let (_, apps) = send(sandbox.bearer(Method::GET, "/api/v2/f-sdk/application", &token)).await;
    for app in apps.as_array().unwrap() {
        let icon = app["icon"].as_str().unwrap();
        assert!(icon.starts_with(&sandbox.base), "{icon}");
        let response = sandbox.http.get(icon).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{icon}");
        assert_eq!(response.headers()["content-type"], "image/svg+xml");
        assert!(response.text().await.unwrap().starts_with("<svg"));
    }
    let (status, _) = send(sandbox.request(Method::GET, "/logos/nope.svg")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
