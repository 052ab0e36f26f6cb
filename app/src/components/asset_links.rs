//! The stylesheet, the page's wasm bundle and the boot script, with cache-busting versions.

use leptos::prelude::*;

/// The wasm bundles, one per kind of page (see `components` for which islands each holds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bundle {
    /// `/integrations`: the grid's filters and the theme toggle.
    Marketplace,
    /// `/integrations/{slug}` and the pages under it: connect, configure, disconnect, live
    /// status.
    Detail,
}

impl Bundle {
    /// The bundle the page at `path` hydrates with; `None` for pages without islands.
    pub fn for_path(path: &str) -> Option<Self> {
        match path.strip_prefix("/integrations")? {
            "" | "/" => Some(Self::Marketplace),
            rest if rest.starts_with('/') => Some(Self::Detail),
            _ => None,
        }
    }

    /// The file name of its JS glue and wasm under `/pkg`, without the extension.
    pub fn name(self) -> &'static str {
        match self {
            Self::Marketplace => "marketplace",
            Self::Detail => "detail",
        }
    }
}

/// Links the built CSS and the page's bundle. Each URL carries its content hash as `?v=`,
/// which lets the server mark it immutable. `/boot.js` is on every page: it starts the
/// bundle named by its `data-js` and `data-wasm`, and marks pages without one as hydrated
/// at once.
#[component]
pub fn AssetLinks(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    let (versions, branded, bundle, frame) = {
        let state = use_context::<crate::server::AppState>();
        let parts = use_context::<http::request::Parts>();
        let identity = parts
            .as_ref()
            .and_then(|p| p.extensions.get::<crate::server::Identity>());
        let path = parts.as_ref().map(|parts| parts.uri.path().to_owned());
        let branded = match (&state, &parts) {
            (Some(state), Some(parts)) => {
                crate::server::identity::brand(&state.config, &parts.headers, identity).is_some()
            }
            (Some(state), None) => state.config.brand_color.is_some(),
            _ => false,
        };
        // The host's bridge: for a session opened in another site's frame, and for the pages
        // such a frame gets when it has no session or its token was refused (top-level, the
        // bridge does nothing).
        let frame = state
            .as_ref()
            .filter(|_| {
                identity.is_some_and(|i| i.framed)
                    || matches!(path.as_deref(), Some("/embed/ended" | "/embed/refused"))
            })
            .map(|state| FrameBridge {
                origins: state.config.embed_origins.join(" "),
                expires_in: identity.map(|i| i.remaining().as_secs()),
            });
        (
            state.as_ref().map(|s| s.assets.clone()).unwrap_or_default(),
            branded,
            path.as_deref().and_then(Bundle::for_path),
            frame,
        )
    };
    #[cfg(not(feature = "ssr"))]
    let (versions, branded, bundle, frame) = (
        std::sync::Arc::<AssetVersions>::default(),
        false,
        None::<Bundle>,
        None::<FrameBridge>,
    );
    let pkg = format!("/{}", options.site_pkg_dir);
    let url = |file: String| match versions.of(&file) {
        Some(version) => format!("{pkg}/{file}?v={version}"),
        None => format!("{pkg}/{file}"),
    };
    let css = url(format!("{}.css", options.output_name));
    let (js, wasm) = bundle
        .map(|bundle| {
            (
                url(format!("{}.js", bundle.name())),
                url(format!("{}.wasm", bundle.name())),
            )
        })
        .unzip();
    view! {
        <link id="leptos" rel="stylesheet" href=css />
        {branded.then(|| view! { <link rel="stylesheet" href="/brand.css" /> })}
        {js.clone().zip(wasm.clone()).map(|(js, wasm)| view! {
            <link rel="modulepreload" href=js />
            <link rel="preload" href=wasm r#as="fetch" r#type="application/wasm" crossorigin="" />
        })}
        <script type="module" src="/boot.js" data-js=js data-wasm=wasm></script>
        {frame.map(|frame| view! {
            <script type="module" src="/frame.js" data-frame="" data-origins=frame.origins
                data-expires-in=frame.expires_in.map(|s| s.to_string())></script>
        })}
    }
}

/// What the frame's bridge (`/frame.js`) needs: the origins allowed to frame the tab
/// (`EMBED_ORIGINS`), and the seconds left in the session, if there is one.
#[derive(Debug, Clone)]
struct FrameBridge {
    origins: String,
    expires_in: Option<u64>,
}

/// Content hashes of the built `/pkg` files, by file name, and the island messages each
/// bundle names (none when the folder is missing, as in tests).
#[derive(Debug, Clone, Default)]
pub struct AssetVersions {
    versions: Vec<(String, String)>,
    /// Per bundle, the ids of `pkg/<bundle>.messages` (written by `cargo xtask build`).
    #[cfg(feature = "ssr")]
    messages: Vec<(Bundle, Vec<String>)>,
}

#[cfg(feature = "ssr")]
impl AssetVersions {
    /// Hashes the files the build wrote under `{site_root}/{pkg_dir}` (their compressed
    /// copies are the same content).
    pub fn read(options: &LeptosOptions) -> Self {
        let dir =
            std::path::Path::new(options.site_root.as_ref()).join(options.site_pkg_dir.as_ref());
        let mut versions: Vec<(String, String)> = std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .filter_map(|entry| {
                let entry = entry.ok()?;
                let name = entry.file_name().into_string().ok()?;
                if name.ends_with(".br") || name.ends_with(".gz") {
                    return None;
                }
                let bytes = std::fs::read(entry.path()).ok()?;
                Some((name, format!("{:016x}", fnv1a(&bytes))))
            })
            .collect();
        versions.sort();
        let messages = [Bundle::Marketplace, Bundle::Detail]
            .into_iter()
            .filter_map(|bundle| {
                let path = dir.join(format!("{}.messages", bundle.name()));
                let ids = std::fs::read_to_string(path).ok()?;
                Some((bundle, ids.lines().map(str::to_owned).collect()))
            })
            .collect();
        Self { versions, messages }
    }

    /// The island messages `bundle` may show, when the build listed them.
    pub fn messages(&self, bundle: Bundle) -> Option<&[String]> {
        self.messages
            .iter()
            .find(|(listed, _)| *listed == bundle)
            .map(|(_, ids)| ids.as_slice())
    }
}

impl AssetVersions {
    /// The version this build serves for the `/pkg` file `name`, when it has that file.
    pub fn of(&self, name: &str) -> Option<&str> {
        self.versions
            .iter()
            .find(|(file, _)| file == name)
            .map(|(_, version)| version.as_str())
    }
}

/// FNV-1a: a stable, dependency-free content hash, good enough to bust caches.
#[cfg(feature = "ssr")]
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::Bundle;

    #[test]
    fn each_page_kind_loads_its_own_bundle() {
        assert_eq!(Bundle::for_path("/integrations"), Some(Bundle::Marketplace));
        assert_eq!(
            Bundle::for_path("/integrations/"),
            Some(Bundle::Marketplace)
        );
        for detail in ["/integrations/hubspot", "/integrations/hubspot/disconnect"] {
            assert_eq!(Bundle::for_path(detail), Some(Bundle::Detail), "{detail}");
        }
        for plain in [
            "/signup",
            "/signed-out",
            "/embed/refused",
            "/integrationsx",
            "/",
        ] {
            assert_eq!(Bundle::for_path(plain), None, "{plain}");
        }
    }
}
