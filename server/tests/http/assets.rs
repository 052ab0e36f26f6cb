//! Static assets: the build's versioned `/pkg` files and the vendored cobalt-js module.

use super::*;

#[tokio::test]
async fn a_pkg_asset_is_immutable_only_under_the_version_this_build_serves() {
    let site = std::env::temp_dir().join(format!("itab-site-{}", std::process::id()));
    std::fs::create_dir_all(site.join("pkg")).unwrap();
    std::fs::write(site.join("pkg/marketplace.js"), "export const built = 1;").unwrap();
    let options = LeptosOptions::builder()
        .output_name("integrations-tab")
        .site_root(site.display().to_string())
        .build();
    let assets = AssetVersions::read(&options);
    let mut config =
        Config::from_lookup(|name| (name == "PUBLIC_URL").then(|| PUBLIC_URL.into())).unwrap();
    // No Cobalt call is made: any well-formed URL will do.
    config.use_sandbox("http://127.0.0.1:9");
    let state = AppState::new(
        options,
        config,
        assets.clone(),
        app::server::shared::Shared::in_process(),
    )
    .unwrap();
    let router = server::router(state);
    let get = |path: String| {
        let router = router.clone();
        async move {
            let request = Request::get(path).body(Body::empty()).unwrap();
            router.oneshot(request).await.unwrap()
        }
    };
    let version = assets.of("marketplace.js").unwrap();
    let current = get(format!("/pkg/marketplace.js?v={version}")).await;
    assert_eq!(current.status(), StatusCode::OK);
    assert!(
        current.headers()[header::CACHE_CONTROL]
            .to_str()
            .unwrap()
            .contains("immutable")
    );
    // A page of another build (a rolling deploy) asks this instance for its own version.
    let other = get("/pkg/marketplace.js?v=0123456789abcdef".into()).await;
    assert_eq!(other.status(), StatusCode::NOT_FOUND);
    assert_eq!(other.headers()[header::CACHE_CONTROL], "no-store");
    let _ = std::fs::remove_dir_all(&site);
}

#[tokio::test]
async fn cobalt_js_is_served_from_this_site_as_an_immutable_es_module_with_its_integrity() {
    let app = test_app().await;
    let cookie = app.sign_up("Ada", "ada@example.com").await;
    let asset = app::server::vendor::cobalt_js_path();
    let module = app.get(asset, None).await;
    assert_eq!(module.status, StatusCode::OK);
    assert_eq!(
        module.headers[header::CONTENT_TYPE],
        "text/javascript; charset=utf-8"
    );
    assert!(
        module.headers[header::CACHE_CONTROL]
            .to_str()
            .unwrap()
            .contains("immutable")
    );
    assert!(module.body.contains("export { exported as Cobalt };"));
    assert_eq!(
        app.get("/vendor/cobalt-js-8.0.0.0000.mjs", None)
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    // The detail page hands the island the URL and the integrity hash of the very bytes served.
    let page = app.get("/integrations/hubspot", Some(&cookie)).await;
    assert!(page.body.contains(asset), "{}", page.body);
    use base64::Engine as _;
    use sha2::Digest as _;
    let integrity = format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha384::digest(&module.body))
    );
    assert!(
        page.body.contains(&integrity),
        "{integrity} not in the page"
    );
    // ...and loads none of it before a connection starts.
    assert!(!page.body.contains(&format!("src=\"{asset}")));
}
