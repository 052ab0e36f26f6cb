//! Signing up through the form, the session cookie it sets, and signing out.

use super::*;

#[tokio::test]
async fn sign_up_creates_the_linked_account_and_signs_in() {
    let app = test_app().await;
    let cookie = app.sign_up("Ada+Lovelace", "ada%40example.com").await;
    let page = app.get("/integrations", Some(&cookie)).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.body.contains("Ada Lovelace"),
        "the header shows the user"
    );
    assert!(page.body.contains("<h1>Integrations</h1>"));
    assert!(
        page.body
            .contains(r#"<script type="module" src="/boot.js""#)
    );
    assert_inline_scripts_carry_the_nonce(&page.body);
    let csp = page.headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap();
    let nonce = page
        .body
        .split("nonce=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    assert!(csp.contains(&format!("'nonce-{nonce}'")), "{csp}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert_eq!(page.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(
        page.headers["cross-origin-opener-policy"],
        "same-origin-allow-popups"
    );
    assert!(!page.body.contains(" style="), "no inline styles");
    assert_eq!(page.headers[header::CACHE_CONTROL], "no-store");
    let accounts = app
        .cobalt(
            reqwest::Method::GET,
            "/api/v2/public/linked-account?limit=100",
            None,
        )
        .await;
    let account = &accounts["docs"].as_array().unwrap()[0];
    assert_eq!(account["name"], "Ada Lovelace");
}

#[tokio::test]
async fn sign_up_with_bad_input_keeps_the_values_and_sets_no_cookie() {
    let app = test_app().await;
    let ticket = hidden_value(&app.get("/signup", None).await.body, "ticket");
    let form = format!("name=Ada&email=not-an-email&ticket={ticket}&return_to=");
    let reply = app.post_form("/signup", &form, None).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.session_cookie().is_none());
    assert!(
        reply.body.contains(r#"value="not-an-email""#) && reply.body.contains(r#"value="Ada""#),
        "{}",
        reply.body
    );
    assert!(reply.body.contains("valid email address"), "{}", reply.body);
}

#[tokio::test]
async fn sign_up_when_cobalt_fails_sets_no_cookie_and_can_be_submitted_again() {
    let app = test_app().await;
    let ticket = hidden_value(&app.get("/signup", None).await.body, "ticket");
    app.admin
        .add_fault(&FaultSpec::error("/api/v2/public/linked-account", 500).on(reqwest::Method::PUT))
        .await
        .unwrap();
    let form = format!("name=Ada&email=ada%40example.com&ticket={ticket}&return_to=");
    let failed = app.post_form("/signup", &form, None).await;
    assert_eq!(failed.status, StatusCode::BAD_GATEWAY);
    assert!(failed.session_cookie().is_none());
    assert!(failed.body.contains("Nothing was saved"), "{}", failed.body);
    assert!(
        failed.body.contains(r#"value="ada@example.com""#),
        "values kept"
    );
    assert!(!failed.body.contains(API_KEY));
    let again = app.post_form("/signup", &form, None).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER, "{}", again.body);
    assert!(again.session_cookie().is_some());
}

#[tokio::test]
async fn sign_up_refuses_a_forged_ticket_and_foreign_return_urls() {
    let app = test_app().await;
    let reply = app
        .post_form(
            "/signup",
            "name=Ada&email=ada%40example.com&ticket=cus_victim.00",
            None,
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.session_cookie().is_none());
    let ticket = hidden_value(&app.get("/signup", None).await.body, "ticket");
    let form =
        format!("name=Ada&email=ada%40example.com&ticket={ticket}&return_to=%2F%2Fevil.example");
    let reply = app.post_form("/signup", &form, None).await;
    assert_eq!(reply.headers[header::LOCATION], "/integrations");
}

#[tokio::test]
async fn a_tampered_cookie_counts_as_signed_out() {
    let app = test_app().await;
    let cookie = app.sign_up("Ada", "ada%40example.com").await;
    let mut tampered = cookie.clone();
    tampered.insert(20, 'x');
    let page = app.get("/integrations", Some(&tampered)).await;
    assert!(page.status.is_redirection());
    let reply = app
        .post_form(ListIntegrations::PATH, "", Some(&tampered))
        .await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    assert_eq!(reply.json(), json!("Unauthorized"));
}

#[tokio::test]
async fn sign_out_clears_the_cookie() {
    let app = test_app().await;
    let cookie = app.sign_up("Ada", "ada%40example.com").await;
    let reply = app.post_form("/signout", "", Some(&cookie)).await;
    assert!(reply.status.is_redirection());
    let set = reply.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(
        set.starts_with("itab_session=;") && set.contains("Max-Age=0"),
        "{set}"
    );
}

/// Our own code has no inline scripts; Leptos' server render appends one data script, which
/// must carry the page's nonce so the Content-Security-Policy can admit it and nothing else.
/// The islands' messages are a JSON data block, which browsers never run.
fn assert_inline_scripts_carry_the_nonce(html: &str) {
    for tag in html.split("<script").skip(1) {
        let open = tag.split('>').next().unwrap();
        assert!(
            open.contains(" src=")
                || open.contains(" nonce=")
                || open == r#" type="application/json" id="i18n""#,
            "inline script without nonce: <script{open}>"
        );
    }
}
