//! The Content-Security-Policy of every page. Scripts run only from this origin (plus wasm
//! compilation), or inline with the per-request nonce Leptos puts on its one data script.

use super::Config;

/// The policy for a page rendered with `nonce`.
pub fn content_security_policy(config: &Config, nonce: &str) -> String {
    let cobalt = &config.cobalt_public_url;
    let ancestors = &config.frame_ancestors;
    // A CDN copy of cobalt-js (COBALT_JS_URL) is the only script from elsewhere.
    let cdn = config
        .cobalt_js
        .as_ref()
        .and_then(|asset| super::config::origin_of(&asset.url))
        .map(|origin| format!(" {origin}"))
        .unwrap_or_default();
    [
        "default-src 'self'".to_owned(),
        format!("script-src 'self'{cdn} 'wasm-unsafe-eval' 'nonce-{nonce}'"),
        "style-src 'self'".to_owned(),
        // Logos are Cobalt's `icon` URLs, hosted wherever Cobalt keeps them.
        format!("img-src 'self' data: https: {cobalt}"),
        format!("connect-src 'self' {cobalt}"),
        format!("frame-ancestors {ancestors}"),
        "base-uri 'self'".to_owned(),
        "form-action 'self'".to_owned(),
        "object-src 'none'".to_owned(),
    ]
    .join("; ")
}

/// What a page gets when its policy cannot be built: nothing runs, nothing frames it. A
/// broken page is better than one without a policy.
const LOCKED_DOWN: &str = "default-src 'none'; frame-ancestors 'none'";

/// Sets the policy on the page being rendered (called from the shell, where the nonce is known).
pub fn apply() {
    use leptos::prelude::use_context;
    let Some(response) = use_context::<leptos_axum::ResponseOptions>() else {
        return;
    };
    let policy = match (use_context::<super::AppState>(), leptos::nonce::use_nonce()) {
        (Some(state), Some(nonce)) => {
            let policy = content_security_policy(&state.config, &nonce.to_string());
            http::HeaderValue::from_str(&policy).ok()
        }
        _ => None,
    };
    let value = policy.unwrap_or_else(|| {
        tracing::error!("the page's Content-Security-Policy could not be built; locking it down");
        http::HeaderValue::from_static(LOCKED_DOWN)
    });
    response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_admits_only_our_scripts_and_the_nonce() {
        let mut config = Config::from_lookup(|_| None).unwrap();
        config.use_sandbox("http://127.0.0.1:3100");
        let policy = content_security_policy(&config, "abc123");
        assert!(
            policy.contains("script-src 'self' 'wasm-unsafe-eval' 'nonce-abc123'"),
            "{policy}"
        );
        assert!(!policy.contains("unsafe-inline"), "{policy}");
        assert!(
            policy.contains("connect-src 'self' http://127.0.0.1:3100"),
            "{policy}"
        );
        assert!(policy.contains("frame-ancestors 'self'"), "{policy}");
        assert!(policy.contains("style-src 'self';"), "{policy}");

        config.cobalt_js = Some(crate::model::connect::CobaltJsAsset {
            url: "https://cdn.example.com/cobalt.mjs".into(),
            integrity: "sha384-x".into(),
        });
        let policy = content_security_policy(&config, "n");
        assert!(
            policy.contains("script-src 'self' https://cdn.example.com 'wasm-unsafe-eval'"),
            "{policy}"
        );
    }
}
