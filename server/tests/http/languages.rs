//! Languages: which one a page gets (query, embed token, cookie, `Accept-Language`), what it
//! says in it, the islands' table, and the host's own wording.

use super::*;
use app::i18n::Locale;
use app::i18n::catalog::BUILT_IN;

/// Message `id` of `locale`, from the catalogs compiled into the server.
fn said(locale: Locale, id: &str) -> String {
    BUILT_IN.format(locale, id, &[])
}

impl TestApp {
    /// `path` with extra request headers.
    async fn get_with(&self, path: &str, headers: &[(header::HeaderName, &str)]) -> Reply {
        let mut request = Request::get(path);
        for (name, value) in headers {
            request = request.header(name, *value);
        }
        self.send(request.body(Body::empty()).unwrap()).await
    }
}

/// The `lang` and `dir` of the page's `<html>`.
fn html_lang(body: &str) -> (String, String) {
    let open = body
        .split("<html")
        .nth(1)
        .and_then(|rest| rest.split('>').next())
        .unwrap_or_default();
    let attribute = |name: &str| {
        open.split(&format!(" {name}=\""))
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or_default()
            .to_owned()
    };
    (attribute("lang"), attribute("dir"))
}

#[tokio::test]
async fn accept_language_de_gives_a_german_page() {
    let app = test_app().await;
    let cookie = app.sign_up("Ada", "ada@example.com").await;
    let page = app
        .get_with(
            "/integrations",
            &[
                (header::COOKIE, &cookie),
                (header::ACCEPT_LANGUAGE, "nl;q=1, de-DE;q=0.9, en;q=0.5"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(html_lang(&page.body), ("de".into(), "ltr".into()));
    let sign_out = said(Locale::De, "header-sign-out");
    assert_ne!(
        sign_out,
        said(Locale::En, "header-sign-out"),
        "German has its own words"
    );
    assert!(
        page.body.contains(&format!(">{sign_out}</button>")),
        "{}",
        page.body
    );
    let connect = said(Locale::De, "card-connect");
    assert!(
        page.body.contains(&connect),
        "the cards' buttons: {connect}"
    );
    assert!(
        !page.body.contains(">Sign out<"),
        "no English left beside it"
    );
    // The islands read their sentences from the page, in the page's language.
    let table = page
        .body
        .split(r#"<script type="application/json" id="i18n">"#)
        .nth(1)
        .and_then(|rest| rest.split("</script>").next())
        .expect("the islands' table");
    let table: Value = serde_json::from_str(table).expect("JSON");
    assert_eq!(table["card-connect"], connect.as_str());
    assert!(
        table.get("header-sign-out").is_none(),
        "server-only messages stay out"
    );
}

#[tokio::test]
async fn the_query_wins_over_the_cookie_which_wins_over_the_header() {
    let app = test_app().await;
    let session = app.sign_up("Ada", "ada@example.com").await;
    let with_lang = format!("{session}; lang=ja");
    let headers = [
        (header::COOKIE, with_lang.as_str()),
        (header::ACCEPT_LANGUAGE, "de"),
    ];
    let chosen = app.get_with("/integrations?lang=fr", &headers).await;
    assert_eq!(html_lang(&chosen.body).0, "fr");
    // The choice is kept for the next pages, and only a language of ours is.
    let kept = chosen
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find(|value| value.starts_with("lang="))
        .expect("the lang cookie");
    assert!(kept.starts_with("lang=fr;"), "{kept}");
    let cookie_only = app.get_with("/integrations", &headers).await;
    assert_eq!(html_lang(&cookie_only.body).0, "ja");
    assert!(
        cookie_only
            .body
            .contains(&said(Locale::Ja, "header-sign-out"))
    );
    let unknown = app.get_with("/integrations?lang=xx", &headers).await;
    assert_eq!(
        html_lang(&unknown.body).0,
        "ja",
        "an unknown ?lang= is passed over"
    );
    let unknown_set = unknown
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .any(|value| value.to_str().is_ok_and(|v| v.starts_with("lang=")));
    assert!(!unknown_set, "nothing is remembered for it");
}

#[tokio::test]
async fn an_unknown_language_falls_back_to_english() {
    let app = test_app().await;
    let cookie = app.sign_up("Ada", "ada@example.com").await;
    let headers = [
        (header::COOKIE, cookie.as_str()),
        (header::ACCEPT_LANGUAGE, "nl, tlh;q=0.8"),
    ];
    let page = app.get_with("/integrations?lang=xx-YY", &headers).await;
    assert_eq!(html_lang(&page.body), ("en".into(), "ltr".into()));
    assert!(page.body.contains(">Sign out</button>"));
    // The pseudo-locales are chosen by name only, and the mirrored one turns the page around.
    let mirrored = app.get_with("/integrations?lang=ar-XB", &headers).await;
    assert_eq!(html_lang(&mirrored.body), ("ar-XB".into(), "rtl".into()));
}

#[tokio::test]
async fn the_embed_tokens_locale_sets_the_language_and_the_query_still_wins() {
    let app = test_app().await;
    let token = host_token(json!({"sub": "cus_lang", "name": "Grace", "locale": "es-MX"}));
    let reply = app.embed(&token, None).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let cookie = reply.session_cookie().unwrap();
    let headers = [
        (header::COOKIE, cookie.as_str()),
        (header::ACCEPT_LANGUAGE, "de"),
    ];
    let page = app.get_with("/integrations", &headers).await;
    assert_eq!(html_lang(&page.body).0, "es");
    assert!(page.body.contains(&said(Locale::Es, "card-connect")));
    let switched = app.get_with("/integrations?lang=en", &headers).await;
    assert_eq!(html_lang(&switched.body).0, "en");
    // A malformed tag is a bad claim, named on the refusal page.
    let bad = app
        .embed(
            &host_token(json!({"sub": "cus_lang", "name": "Grace", "locale": "de<script>"})),
            None,
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNAUTHORIZED);
    assert!(bad.body.contains("locale"), "{}", bad.body);
}

/// A folder of the host's own wording, unique to the test.
fn strings_dir(files: &[(&str, &str)]) -> &'static str {
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("itab-strings-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    Box::leak(dir.display().to_string().into_boxed_str())
}

#[tokio::test]
async fn host_overrides_replace_the_tabs_wording_in_their_language_only() {
    let dir = strings_dir(&[
        ("en.ftl", "card-connect = Link\nheader-sign-out = Log off\n"),
        ("de.ftl", "card-connect = Verknüpfen\n"),
    ]);
    let app = test_app_with(&[("STRINGS_DIR", dir)], Vec::new()).await;
    let cookie = app.sign_up("Ada", "ada@example.com").await;
    let english = app.get("/integrations", Some(&cookie)).await;
    assert!(
        english.body.contains(">Log off</button>"),
        "{}",
        english.body
    );
    assert!(
        english.body.contains(r#""card-connect":"Link""#),
        "the islands get it too"
    );
    let german = app.get("/integrations?lang=de", Some(&cookie)).await;
    assert!(german.body.contains(r#""card-connect":"Verknüpfen""#));
    assert!(
        german.body.contains(&said(Locale::De, "header-sign-out")),
        "the rest stays German"
    );
    // The pseudo-locale shows the English override, transformed.
    let pseudo = app.get("/integrations?lang=en-XA", Some(&cookie)).await;
    assert!(pseudo.body.contains("[Ļöĝ öƒƒ~~]"), "{}", pseudo.body);
}

#[test]
fn a_host_override_that_does_not_parse_stops_the_server_naming_the_file() {
    let dir = strings_dir(&[("fr.ftl", "card-connect = {\n")]);
    let vars: HashMap<&str, &str> = [("STRINGS_DIR", dir)].into_iter().collect();
    let err = Config::from_lookup(|name| vars.get(name).map(|v| v.to_string())).unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("STRINGS_DIR") && message.contains("fr.ftl"),
        "{message}"
    );
    let missing: HashMap<&str, &str> = [("STRINGS_DIR", "/no/such/folder")].into_iter().collect();
    let err = Config::from_lookup(|name| missing.get(name).map(|v| v.to_string())).unwrap_err();
    assert!(err.to_string().contains("not a folder"), "{err}");
}
