//! Whatever Cobalt sends is rendered as text, never as markup or script.

use super::*;

/// Markup and script in every text Cobalt sends that reaches a page.
const HOSTILE: [&str; 6] = [
    "<script>window.pwned=1</script>",
    "<img src=x onerror=\"window.pwned=2\">",
    "\"><svg onload=alert(3)>",
    "<a href=\"javascript:alert(4)\">link</a>",
    "</textarea><script>alert(5)</script>",
    "'><iframe src=javascript:alert(6)>",
];

#[tokio::test]
async fn everything_cobalt_sends_is_rendered_as_text() {
    let hostile = json!({
        "slug": "hostile", "app_id": "hostile-app", "auth_type": "keybased",
        "name": format!("Hostile {}", HOSTILE[0]),
        "description": format!("Description {} {}", HOSTILE[1], HOSTILE[3]),
        "tags": [HOSTILE[2], "Tools"],
        "auth_input_map": [{"name": "api_key", "label": format!("Key {}", HOSTILE[4]),
            "placeholder": HOSTILE[5], "required": true, "help_text": HOSTILE[3]}],
        "fields": [{"id": "f1", "name": format!("Field {}", HOSTILE[1]), "field_type": "textarea",
            "help_text": HOSTILE[0], "placeholder": HOSTILE[2],
            "defaultValue": HOSTILE[4]}],
        "workflows": [{"id": "w1", "name": format!("Workflow {}", HOSTILE[5]),
            "description": HOSTILE[3], "fields": []}]
    });
    let app = test_app_with(&[], vec![hostile]).await;
    let ada = app.sign_up("Ada", "ada%40example.com").await;
    let pages = [
        app.get("/integrations", Some(&ada)).await,
        app.get("/integrations/hostile", Some(&ada)).await,
    ];
    app.connect_with(&ada, "hostile", json!({"api_key": "k"}))
        .await;
    // `?status=` reads Cobalt afresh: the connection was made behind the page's cache.
    let connected = app
        .get("/integrations/hostile?status=connected", Some(&ada))
        .await;
    assert!(
        connected.body.contains("Field &lt;img"),
        "{}",
        connected.body
    );
    // Escaped once: the title and a textarea's text (which leptos leaves to us) too.
    for escaped in [
        "<title>Hostile &lt;script&gt;window.pwned=1&lt;/script&gt; · Acme Cloud</title>",
        ">&lt;/textarea&gt;&lt;script&gt;alert(5)&lt;/script&gt;</textarea>",
    ] {
        assert!(connected.body.contains(escaped), "{escaped} missing");
    }
    for page in pages.iter().chain([&connected]) {
        assert_eq!(page.status, StatusCode::OK);
        for payload in HOSTILE {
            assert!(!page.body.contains(payload), "{payload} rendered raw");
        }
        // Every element the page has is one of ours: no tag from the payloads got in.
        for tag in [
            "<img src=x",
            "<svg onload",
            "<iframe src=javascript",
            "<a href=\"javascript",
        ] {
            assert!(!page.body.contains(tag), "{tag} in the page");
        }
        let scripts = page.body.matches("<script").count();
        let ours = page.body.matches("<script nonce=").count()
            + page.body.matches("<script type=\"module\"").count()
            + page.body.matches("<script src=").count()
            + page
                .body
                .matches(r#"<script type="application/json" id="i18n">"#)
                .count();
        assert_eq!(scripts, ours, "a script tag that is not ours");
    }
}
