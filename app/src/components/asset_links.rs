//! The stylesheet, the wasm preloads and the boot script, with cache-busting versions.

use leptos::prelude::*;

/// Links the built CSS, JS and wasm. Each URL carries its content hash as `?v=`, which lets
/// the server mark it immutable.
#[component]
pub fn AssetLinks(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    let state = use_context::<crate::server::AppState>();
    #[cfg(feature = "ssr")]
    let (versions, branded) = (
        state
            .as_ref()
            .map(|s| (*s.assets).clone())
            .unwrap_or_default(),
        state
            .as_ref()
            .is_some_and(|s| s.config.brand_color.is_some()),
    );
    #[cfg(not(feature = "ssr"))]
    let (versions, branded) = (AssetVersions::default(), false);
    let pkg = format!("/{}/{}", options.site_pkg_dir, options.output_name);
    let css = format!("{pkg}.css?v={}", versions.css);
    let js = format!("{pkg}.js?v={}", versions.js);
    let wasm = format!("{pkg}.wasm?v={}", versions.wasm);
    view! {
        <link id="leptos" rel="stylesheet" href=css />
        {branded.then(|| view! { <link rel="stylesheet" href="/brand.css" /> })}
        <link rel="modulepreload" href=js.clone() />
        <link rel="preload" href=wasm.clone() r#as="fetch" r#type="application/wasm" crossorigin="" />
        <script type="module" src="/boot.js" data-js=js data-wasm=wasm></script>
    }
}

/// Query-string versions of the built assets (empty when a file is missing, as in tests).
#[derive(Debug, Clone, Default)]
pub struct AssetVersions {
    pub js: String,
    pub wasm: String,
    pub css: String,
}

#[cfg(feature = "ssr")]
impl AssetVersions {
    /// Hashes the files cargo-leptos wrote under `{site_root}/{pkg_dir}`.
    pub fn read(options: &LeptosOptions) -> Self {
        let dir =
            std::path::Path::new(options.site_root.as_ref()).join(options.site_pkg_dir.as_ref());
        let name = options.output_name.as_ref();
        let version = |ext: &str| {
            std::fs::read(dir.join(format!("{name}.{ext}")))
                .map(|bytes| format!("{:016x}", fnv1a(&bytes)))
                .unwrap_or_default()
        };
        Self {
            js: version("js"),
            wasm: version("wasm"),
            css: version("css"),
        }
    }
}

impl AssetVersions {
    /// The version this build serves for the `/pkg` file `name`, when it is one of the
    /// versioned assets and its file was found.
    pub fn of(&self, name: &str) -> Option<&str> {
        let version = match name.rsplit_once('.')?.1 {
            "js" => &self.js,
            "wasm" => &self.wasm,
            "css" => &self.css,
            _ => return None,
        };
        (!version.is_empty()).then_some(version.as_str())
    }
}

/// FNV-1a: a stable, dependency-free content hash, good enough to bust caches.
#[cfg(feature = "ssr")]
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}
