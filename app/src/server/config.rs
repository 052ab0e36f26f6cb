//! The server's own settings, read from the environment through a lookup function so that
//! tests never touch the process environment.

use std::time::Duration;

/// Whether the tab talks to live Cobalt or to the local sandbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// `COBALT_API_KEY` is unset and the tab listens on loopback only: the server starts the
    /// sandbox in-process.
    Sandbox,
    /// `COBALT_API_KEY` is set: the server talks to `COBALT_API_URL`.
    Live,
}

/// Settings of the integrations tab. Secrets are redacted from `Debug`.
#[derive(Clone)]
pub struct Config {
    pub mode: Mode,
    /// The platform's Cobalt API key. In sandbox mode, the sandbox's key.
    pub cobalt_api_key: String,
    /// Where the server calls Cobalt. In sandbox mode it is filled in once the sandbox listens.
    pub cobalt_api_url: String,
    /// The Cobalt base URL handed to cobalt-js in the browser.
    pub cobalt_public_url: String,
    /// The platform's name, shown in the host frame.
    pub platform_name: String,
    /// The host's brand colour (`#rgb` or `#rrggbb`), served as `--brand` in `/brand.css`.
    pub brand_color: Option<String>,
    /// Timeout of one call to Cobalt.
    pub upstream_timeout: Duration,
    /// Timeout of one request to this server.
    pub request_timeout: Duration,
    /// The origin users reach the tab on: mutations must come from it (CSRF), and cookies are
    /// `Secure` unless it is plain http on localhost.
    pub public_url: String,
    /// Master key of the session cookie (signed and encrypted). Generated in sandbox mode.
    pub cookie_key: Secret,
    /// HS256 secret the host app signs `/embed` tokens with; `None` disables `/embed`.
    pub embed_secret: Option<Secret>,
    /// Whether `/signup` is open (default: on in sandbox mode, off in live mode).
    pub signup_enabled: bool,
    /// How long a session cookie lasts.
    pub session_max_age: Duration,
    /// Who may frame the tab: the CSP `frame-ancestors` sources (`FRAME_ANCESTORS`).
    pub frame_ancestors: String,
    /// cobalt-js from a CDN (`COBALT_JS_URL` + `COBALT_JS_INTEGRITY`) instead of this site's copy.
    pub cobalt_js: Option<crate::model::connect::CobaltJsAsset>,
    /// Server-function calls one account may make per minute (`RATE_LIMIT_PER_MINUTE`); a
    /// burst may spend the whole minute's share at once.
    pub rate_limit_per_minute: u32,
    /// Requests one client address may make per minute to sign-up, `/embed` and the webhook
    /// receiver (`ADDRESS_RATE_LIMIT_PER_MINUTE`).
    pub address_rate_limit_per_minute: u32,
    /// How many proxies in front of the tab append to `X-Forwarded-For` (`PROXY_HOPS`); 0
    /// means the peer address is the client's.
    pub proxy_hops: usize,
    /// Live streams one account may hold open (`STREAMS_PER_ACCOUNT`).
    pub streams_per_account: usize,
    /// Live streams the server holds open in total (`MAX_STREAMS`).
    pub max_streams: usize,
    /// Connections the server holds open at once (`MAX_CONNECTIONS`).
    pub max_connections: usize,
    /// How long a client may take to send its request's headers (`HEADER_TIMEOUT_SECS`).
    pub header_timeout: Duration,
    /// How long an answered connection may stay silent (`IDLE_TIMEOUT_SECS`).
    pub idle_timeout: Duration,
    /// The `aud` every embed token must name (`EMBED_AUDIENCE`, default `PUBLIC_URL`).
    pub embed_audience: String,
    /// Origins a top-level `/embed` navigation may come from (`EMBED_ORIGINS`, default the
    /// origins in `FRAME_ANCESTORS`); a hand-off inside an iframe is accepted from any framer
    /// the CSP allows.
    pub embed_origins: Vec<String>,
    /// The Redis several instances share (`REDIS_URL`; it may hold a password, so it is a
    /// secret); `None`: this instance runs alone on in-process state.
    pub redis_url: Option<Secret>,
    /// Prefix of every key and channel in Redis (`REDIS_KEY_PREFIX`), so deployments and test
    /// runs can share one server.
    pub redis_key_prefix: String,
    /// How long a SIGTERM'd instance keeps serving while `/readyz` says 503, before its live
    /// streams close and it stops (`DRAIN_SECS`), so the load balancer moves tabs off first.
    pub drain: Duration,
    /// Every locale's messages, with the host's overrides from `STRINGS_DIR` (`<tag>.ftl`).
    pub strings: std::sync::Arc<crate::i18n::catalog::Catalogs>,
}

/// A secret setting. Its `Debug` never shows the value.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("mode", &self.mode)
            .field("cobalt_api_key", &"<redacted>")
            .field("cobalt_api_url", &self.cobalt_api_url)
            .field("cobalt_public_url", &self.cobalt_public_url)
            .field("platform_name", &self.platform_name)
            .field("brand_color", &self.brand_color)
            .field("upstream_timeout", &self.upstream_timeout)
            .field("request_timeout", &self.request_timeout)
            .field("public_url", &self.public_url)
            .field("cookie_key", &self.cookie_key)
            .field("embed_secret", &self.embed_secret)
            .field("signup_enabled", &self.signup_enabled)
            .field("session_max_age", &self.session_max_age)
            .field("frame_ancestors", &self.frame_ancestors)
            .field("cobalt_js", &self.cobalt_js)
            .field("rate_limit_per_minute", &self.rate_limit_per_minute)
            .field(
                "address_rate_limit_per_minute",
                &self.address_rate_limit_per_minute,
            )
            .field("proxy_hops", &self.proxy_hops)
            .field("streams_per_account", &self.streams_per_account)
            .field("max_streams", &self.max_streams)
            .field("max_connections", &self.max_connections)
            .field("header_timeout", &self.header_timeout)
            .field("idle_timeout", &self.idle_timeout)
            .field("embed_audience", &self.embed_audience)
            .field("embed_origins", &self.embed_origins)
            .field("redis_url", &self.redis_url)
            .field("redis_key_prefix", &self.redis_key_prefix)
            .field("drain", &self.drain)
            .field("strings", &self.strings)
            .finish()
    }
}

/// A setting that is missing or cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{name} is invalid: {reason}")]
    Invalid { name: &'static str, reason: String },
    #[error("{0} is required in live mode (COBALT_API_KEY is set)")]
    Missing(&'static str),
}

/// The shortest secret accepted for `COOKIE_KEY` and `EMBED_SECRET`.
pub const MIN_SECRET_LEN: usize = 32;

/// The API key the in-process sandbox accepts. Not a secret: it only opens the local sandbox.
pub const SANDBOX_API_KEY: &str = "tk_sandbox_local";

impl Config {
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Builds the config from any key-value source.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let get = |name: &str| {
            lookup(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let site_addr = get("LEPTOS_SITE_ADDR").unwrap_or_else(|| "127.0.0.1:3000".into());
        // A key that is set but blank is a broken deployment, not a request for the sandbox.
        if lookup("COBALT_API_KEY").is_some() && get("COBALT_API_KEY").is_none() {
            return Err(ConfigError::Invalid {
                name: "COBALT_API_KEY",
                reason: "it is set but empty; give the platform's key, or unset it to run the sandbox on loopback".into(),
            });
        }
        let (mode, cobalt_api_key, cobalt_api_url) = match get("COBALT_API_KEY") {
            Some(key) => {
                if !(key.starts_with("pk") || key.starts_with("tk")) {
                    return Err(ConfigError::Invalid {
                        name: "COBALT_API_KEY",
                        reason: "Cobalt API keys start with `pk` (production) or `tk` (test)"
                            .into(),
                    });
                }
                let url = get("COBALT_API_URL").unwrap_or_else(|| "https://api.gocobalt.io".into());
                (Mode::Live, key, secure_url("COBALT_API_URL", &url)?)
            }
            None if is_loopback_addr(&site_addr) => {
                (Mode::Sandbox, SANDBOX_API_KEY.to_owned(), String::new())
            }
            None => {
                return Err(ConfigError::Invalid {
                    name: "COBALT_API_KEY",
                    reason: format!(
                        "it is unset, so this would be sandbox mode (a fake Cobalt with open sign-up), which only listens on loopback, not on {site_addr}"
                    ),
                });
            }
        };
        let cobalt_public_url = match get("COBALT_PUBLIC_URL") {
            Some(url) => base_url("COBALT_PUBLIC_URL", &url)?,
            None => cobalt_api_url.clone(),
        };
        let public_url = match (get("PUBLIC_URL"), &mode) {
            (Some(url), Mode::Live) => secure_url("PUBLIC_URL", &url)?,
            (Some(url), Mode::Sandbox) => base_url("PUBLIC_URL", &url)?,
            (None, Mode::Sandbox) => format!("http://{site_addr}"),
            // Behind a proxy the listen address says nothing of the origin users see, and the
            // cookie's `Secure` flag and the CSRF check depend on it.
            (None, Mode::Live) => return Err(ConfigError::Missing("PUBLIC_URL")),
        };
        let cookie_key = match (get("COOKIE_KEY"), &mode) {
            (Some(key), _) => secret("COOKIE_KEY", key)?,
            (None, Mode::Sandbox) => {
                Secret::new(random_hex(32).map_err(|err| ConfigError::Invalid {
                    name: "COOKIE_KEY",
                    reason: format!("cannot generate one: {err}"),
                })?)
            }
            (None, Mode::Live) => return Err(ConfigError::Missing("COOKIE_KEY")),
        };
        let embed_secret = get("EMBED_SECRET")
            .map(|s| secret("EMBED_SECRET", s))
            .transpose()?;
        let signup_enabled = match get("SIGNUP_ENABLED").as_deref() {
            None => mode == Mode::Sandbox,
            Some("true" | "1" | "yes") => true,
            Some("false" | "0" | "no") => false,
            Some(other) => {
                return Err(ConfigError::Invalid {
                    name: "SIGNUP_ENABLED",
                    reason: format!("expected true or false, got {other:?}"),
                });
            }
        };
        let session_hours = match get("SESSION_MAX_AGE_HOURS") {
            None => 12,
            Some(raw) => match raw.parse::<u64>() {
                Ok(hours) if (1..=720).contains(&hours) => hours,
                _ => {
                    return Err(ConfigError::Invalid {
                        name: "SESSION_MAX_AGE_HOURS",
                        reason: format!("expected whole hours between 1 and 720, got {raw:?}"),
                    });
                }
            },
        };
        let frame_ancestors = get("FRAME_ANCESTORS").unwrap_or_else(|| "'self'".into());
        if frame_ancestors.contains([';', ',', '\n', '\r']) {
            return Err(ConfigError::Invalid {
                name: "FRAME_ANCESTORS",
                reason:
                    "a space-separated list of CSP sources, e.g. 'self' https://app.example.com"
                        .into(),
            });
        }
        let cobalt_js = match (get("COBALT_JS_URL"), get("COBALT_JS_INTEGRITY")) {
            (None, None) => None,
            (Some(url), Some(integrity)) => Some(cobalt_js(&url, &integrity)?),
            (Some(_), None) => return Err(ConfigError::Invalid {
                name: "COBALT_JS_INTEGRITY",
                reason: "required with COBALT_JS_URL: the file's subresource-integrity hash, e.g. sha384-…".into(),
            }),
            (None, Some(_)) => return Err(ConfigError::Invalid {
                name: "COBALT_JS_URL",
                reason: "COBALT_JS_INTEGRITY is set but COBALT_JS_URL is not".into(),
            }),
        };
        let embed_audience = get("EMBED_AUDIENCE").unwrap_or_else(|| public_url.clone());
        let embed_origins = match get("EMBED_ORIGINS") {
            Some(list) => list
                .split_whitespace()
                .map(|origin| base_url("EMBED_ORIGINS", origin))
                .collect::<Result<Vec<_>, _>>()?,
            None => frame_ancestors
                .split_whitespace()
                .filter_map(|source| match source {
                    "'self'" => Some(public_url.clone()),
                    other if other.starts_with("https://") || other.starts_with("http://") => {
                        Some(other.trim_end_matches('/').to_owned())
                    }
                    _ => None,
                })
                .collect(),
        };
        let redis_url = get("REDIS_URL")
            .map(|url| redis_url(&url, &mode))
            .transpose()?;
        let redis_key_prefix = get("REDIS_KEY_PREFIX").unwrap_or_else(|| "itab:".into());
        if redis_key_prefix.len() > 64
            || !redis_key_prefix
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || ":_-.".contains(c))
        {
            return Err(ConfigError::Invalid {
                name: "REDIS_KEY_PREFIX",
                reason: "up to 64 letters, digits and `:_-.`, e.g. itab:prod:".into(),
            });
        }
        let strings_dir = get("STRINGS_DIR").map(std::path::PathBuf::from);
        if let Some(dir) = strings_dir.as_ref().filter(|dir| !dir.is_dir()) {
            return Err(ConfigError::Invalid {
                name: "STRINGS_DIR",
                reason: format!("{} is not a folder", dir.display()),
            });
        }
        let strings =
            crate::i18n::catalog::Catalogs::load(strings_dir.as_deref()).map_err(|err| {
                ConfigError::Invalid {
                    name: "STRINGS_DIR",
                    reason: err.to_string(),
                }
            })?;
        Ok(Self {
            strings: std::sync::Arc::new(strings),
            drain: Duration::from_secs(count(&get, "DRAIN_SECS", 0, 0..=300)? as u64),
            redis_url,
            redis_key_prefix,
            embed_audience,
            embed_origins,
            address_rate_limit_per_minute: per_minute(&get, "ADDRESS_RATE_LIMIT_PER_MINUTE", 30)?,
            proxy_hops: count(&get, "PROXY_HOPS", 0, 0..=10)?,
            streams_per_account: count(&get, "STREAMS_PER_ACCOUNT", 8, 1..=100)?,
            max_streams: count(&get, "MAX_STREAMS", 10_000, 1..=1_000_000)?,
            max_connections: count(&get, "MAX_CONNECTIONS", 2048, 1..=1_000_000)?,
            header_timeout: Duration::from_secs(seconds(&get, "HEADER_TIMEOUT_SECS", 10)?),
            idle_timeout: Duration::from_secs(seconds(&get, "IDLE_TIMEOUT_SECS", 60)?),
            cobalt_js,
            frame_ancestors,
            public_url,
            cookie_key,
            embed_secret,
            signup_enabled,
            session_max_age: Duration::from_secs(session_hours * 3600),
            mode,
            cobalt_api_key,
            cobalt_api_url,
            cobalt_public_url,
            platform_name: get("PLATFORM_NAME").unwrap_or_else(|| "Acme Cloud".into()),
            brand_color: get("BRAND_COLOR")
                .map(|c| color("BRAND_COLOR", &c))
                .transpose()?,
            upstream_timeout: Duration::from_secs(seconds(&get, "COBALT_TIMEOUT_SECS", 10)?),
            request_timeout: Duration::from_secs(seconds(&get, "REQUEST_TIMEOUT_SECS", 30)?),
            rate_limit_per_minute: per_minute(&get, "RATE_LIMIT_PER_MINUTE", 300)?,
        })
    }

    /// Points the server and cobalt-js at a sandbox that now listens on `url`.
    pub fn use_sandbox(&mut self, url: &str) {
        self.cobalt_api_url = url.trim_end_matches('/').to_owned();
        self.cobalt_public_url = self.cobalt_api_url.clone();
    }
}

/// Whether `addr` (`host:port`) only accepts connections from this machine.
fn is_loopback_addr(addr: &str) -> bool {
    addr.parse::<std::net::SocketAddr>()
        .is_ok_and(|addr| addr.ip().is_loopback())
        || addr
            .rsplit_once(':')
            .is_some_and(|(host, _)| host == "localhost")
}

/// Whether an http(s) URL points at this machine.
pub fn is_loopback_url(url: &str) -> bool {
    let Some(rest) = url.split_once("://").map(|(_, rest)| rest) else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host
        .rsplit_once(':')
        .filter(|(_, port)| port.chars().all(|c| c.is_ascii_digit()))
        .map_or(host, |(host, _)| host);
    matches!(host, "localhost" | "127.0.0.1" | "[::1]")
}

/// An https URL, or http on loopback only: what live mode sends secrets and cookies over.
fn secure_url(name: &'static str, value: &str) -> Result<String, ConfigError> {
    let url = base_url(name, value)?;
    if url.starts_with("https://") || is_loopback_url(&url) {
        Ok(url)
    } else {
        Err(ConfigError::Invalid {
            name,
            reason: "must be an https URL in live mode (plain http only on localhost)".into(),
        })
    }
}

/// `REDIS_URL`: a Redis URL, only with an external Cobalt that every instance shares.
fn redis_url(value: &str, mode: &Mode) -> Result<Secret, ConfigError> {
    let invalid = |reason: &str| ConfigError::Invalid {
        name: "REDIS_URL",
        reason: reason.into(),
    };
    if *mode == Mode::Sandbox {
        return Err(invalid(
            "several instances must share one Cobalt, but without COBALT_API_KEY each runs its own private sandbox; set COBALT_API_KEY and COBALT_API_URL (live Cobalt, or one standalone cobalt-sandbox)",
        ));
    }
    let schemes = ["redis://", "rediss://", "unix://", "redis+unix://"];
    if !schemes.iter().any(|scheme| value.starts_with(scheme)) {
        return Err(invalid(
            "must be a redis://, rediss:// or unix:// URL, e.g. redis://10.0.0.5:6379/0",
        ));
    }
    Ok(Secret::new(value))
}

fn base_url(name: &'static str, value: &str) -> Result<String, ConfigError> {
    if !(value.starts_with("https://") || value.starts_with("http://")) {
        return Err(ConfigError::Invalid {
            name,
            reason: "must be an http(s) URL".into(),
        });
    }
    Ok(value.trim_end_matches('/').to_owned())
}

/// A CDN copy of cobalt-js: an https URL (http only on localhost) of an ES module build, with
/// the subresource-integrity hash the browser checks it against.
fn cobalt_js(
    url: &str,
    integrity: &str,
) -> Result<crate::model::connect::CobaltJsAsset, ConfigError> {
    let local = ["http://localhost", "http://127.0.0.1"]
        .iter()
        .any(|prefix| url.starts_with(prefix));
    if !(url.starts_with("https://") || local) || url.contains(['"', '\'', ' ', '<', '>']) {
        return Err(ConfigError::Invalid {
            name: "COBALT_JS_URL",
            reason: "must be an https URL of an ES module build of @cobaltio/cobalt-js".into(),
        });
    }
    let hash = ["sha256-", "sha384-", "sha512-"]
        .iter()
        .find_map(|prefix| integrity.strip_prefix(prefix));
    let well_formed = hash.is_some_and(|h| {
        !h.is_empty()
            && h.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '='))
    });
    if !well_formed {
        return Err(ConfigError::Invalid {
            name: "COBALT_JS_INTEGRITY",
            reason: "expected sha256-, sha384- or sha512- followed by a base64 digest".into(),
        });
    }
    Ok(crate::model::connect::CobaltJsAsset {
        url: url.to_owned(),
        integrity: integrity.to_owned(),
    })
}

/// The origin (`scheme://host[:port]`) of an absolute URL, for a CSP source list.
pub fn origin_of(url: &str) -> Option<&str> {
    let (_, rest) = url.split_once("://")?;
    let end = rest
        .find(['/', '?', '#'])
        .map_or(url.len(), |i| url.len() - rest.len() + i);
    Some(&url[..end])
}

/// `value` lowercased if it is a CSS colour `#rgb` or `#rrggbb`, the only form a brand
/// colour may take (it is written into a stylesheet).
pub fn hex_color(value: &str) -> Option<String> {
    let hex = value.strip_prefix('#')?;
    (matches!(hex.len(), 3 | 6) && hex.chars().all(|c| c.is_ascii_hexdigit()))
        .then(|| value.to_ascii_lowercase())
}

fn color(name: &'static str, value: &str) -> Result<String, ConfigError> {
    hex_color(value).ok_or_else(|| ConfigError::Invalid {
        name,
        reason: format!("expected #rgb or #rrggbb, got {value:?}"),
    })
}

fn secret(name: &'static str, value: String) -> Result<Secret, ConfigError> {
    if value.len() < MIN_SECRET_LEN {
        return Err(ConfigError::Invalid {
            name,
            reason: format!("must be at least {MIN_SECRET_LEN} characters of random data"),
        });
    }
    Ok(Secret::new(value))
}

/// `bytes` random bytes from the operating system, hex-encoded.
pub fn random_hex(bytes: usize) -> Result<String, getrandom::Error> {
    let mut buf = vec![0u8; bytes];
    getrandom::fill(&mut buf)?;
    Ok(buf.iter().map(|b| format!("{b:02x}")).collect())
}

fn per_minute(
    get: &impl Fn(&str) -> Option<String>,
    name: &'static str,
    default: u32,
) -> Result<u32, ConfigError> {
    match get(name) {
        None => Ok(default),
        Some(raw) => match raw.parse::<u32>() {
            Ok(n) if (1..=10_000_000).contains(&n) => Ok(n),
            _ => Err(ConfigError::Invalid {
                name,
                reason: format!("expected a whole number between 1 and 10000000, got {raw:?}"),
            }),
        },
    }
}

fn count(
    get: &impl Fn(&str) -> Option<String>,
    name: &'static str,
    default: usize,
    range: std::ops::RangeInclusive<usize>,
) -> Result<usize, ConfigError> {
    match get(name) {
        None => Ok(default),
        Some(raw) => match raw.parse::<usize>() {
            Ok(n) if range.contains(&n) => Ok(n),
            _ => Err(ConfigError::Invalid {
                name,
                reason: format!(
                    "expected a whole number between {} and {}, got {raw:?}",
                    range.start(),
                    range.end()
                ),
            }),
        },
    }
}

fn seconds(
    get: &impl Fn(&str) -> Option<String>,
    name: &'static str,
    default: u64,
) -> Result<u64, ConfigError> {
    match get(name) {
        None => Ok(default),
        Some(raw) => match raw.parse::<u64>() {
            Ok(secs) if (1..=600).contains(&secs) => Ok(secs),
            _ => Err(ConfigError::Invalid {
                name,
                reason: format!("expected whole seconds between 1 and 600, got {raw:?}"),
            }),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    const LIVE_URL: (&str, &str) = ("PUBLIC_URL", "https://tab.example.com");

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|name| map.get(name).cloned())
    }

    #[test]
    fn a_cdn_copy_of_cobalt_js_needs_https_and_a_well_formed_integrity() {
        let url = "https://cdn.example.com/npm/@cobaltio/cobalt-js@8.0.0/+esm";
        let ok = config(&[
            ("COBALT_JS_URL", url),
            ("COBALT_JS_INTEGRITY", "sha384-abc+/="),
        ])
        .unwrap();
        assert_eq!(ok.cobalt_js.unwrap().url, url);
        for vars in [
            &[("COBALT_JS_URL", url)][..],
            &[("COBALT_JS_INTEGRITY", "sha384-abc")],
            &[
                ("COBALT_JS_URL", "http://cdn.example.com/x.mjs"),
                ("COBALT_JS_INTEGRITY", "sha384-abc"),
            ],
            &[("COBALT_JS_URL", url), ("COBALT_JS_INTEGRITY", "md5-abc")],
            &[
                ("COBALT_JS_URL", url),
                ("COBALT_JS_INTEGRITY", "sha384-a b"),
            ],
        ] {
            assert!(config(vars).is_err(), "{vars:?}");
        }
        assert_eq!(origin_of(url), Some("https://cdn.example.com"));
        assert_eq!(
            origin_of("http://127.0.0.1:9/a?b"),
            Some("http://127.0.0.1:9")
        );
        assert_eq!(
            origin_of("https://cdn.example.com"),
            Some("https://cdn.example.com")
        );
    }

    #[test]
    fn no_api_key_means_sandbox_mode() {
        let config = config(&[]).unwrap();
        assert_eq!(config.mode, Mode::Sandbox);
        assert_eq!(config.cobalt_api_key, SANDBOX_API_KEY);
    }

    #[test]
    fn api_key_means_live_mode_against_cobalt_by_default() {
        let key = "k".repeat(40);
        let config = config(&[
            ("COBALT_API_KEY", "pk_live_123"),
            ("COOKIE_KEY", &key),
            LIVE_URL,
        ])
        .unwrap();
        assert_eq!(config.mode, Mode::Live);
        assert_eq!(config.cobalt_api_url, "https://api.gocobalt.io");
        assert_eq!(config.cobalt_public_url, "https://api.gocobalt.io");
    }

    #[test]
    fn public_url_can_differ_from_api_url() {
        let key = "k".repeat(40);
        let config = config(&[
            ("COBALT_API_KEY", "tk_1"),
            ("COOKIE_KEY", &key),
            LIVE_URL,
            ("COBALT_API_URL", "https://internal.example/"),
            ("COBALT_PUBLIC_URL", "https://api.example"),
        ])
        .unwrap();
        assert_eq!(config.cobalt_api_url, "https://internal.example");
        assert_eq!(config.cobalt_public_url, "https://api.example");
    }

    #[test]
    fn malformed_key_and_timeouts_are_rejected_with_the_variable_name() {
        let err = config(&[("COBALT_API_KEY", "secret")])
            .unwrap_err()
            .to_string();
        assert!(err.contains("COBALT_API_KEY"), "{err}");
        assert!(!err.contains("secret"), "the key must not be echoed: {err}");
        let err = config(&[("COBALT_TIMEOUT_SECS", "0")])
            .unwrap_err()
            .to_string();
        assert!(err.contains("COBALT_TIMEOUT_SECS"), "{err}");
    }

    #[test]
    fn debug_output_redacts_every_secret() {
        let cookie_key = "c".repeat(40);
        let embed_secret = "e".repeat(40);
        let config = config(&[
            ("COBALT_API_KEY", "pk_very_secret"),
            LIVE_URL,
            ("COOKIE_KEY", &cookie_key),
            ("EMBED_SECRET", &embed_secret),
            ("REDIS_URL", "redis://:redis-password@10.0.0.5:6379"),
        ])
        .unwrap();
        let debug = format!("{config:?}");
        for secret in [
            "pk_very_secret",
            cookie_key.as_str(),
            embed_secret.as_str(),
            "redis-password",
        ] {
            assert!(!debug.contains(secret), "{debug}");
        }
    }

    #[test]
    fn redis_needs_a_shared_cobalt_a_redis_url_and_a_plain_prefix() {
        let cookie_key = "c".repeat(40);
        let live = |extra: (&'static str, &'static str)| {
            config(&[
                ("COBALT_API_KEY", "tk_1"),
                LIVE_URL,
                ("COOKIE_KEY", cookie_key.as_str()),
                extra,
            ])
        };
        let shared = live(("REDIS_URL", "unix:///tmp/redis.sock")).unwrap();
        assert!(shared.redis_url.is_some());
        assert_eq!(shared.redis_key_prefix, "itab:");
        let err = config(&[("REDIS_URL", "redis://127.0.0.1")])
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("REDIS_URL") && err.contains("sandbox"),
            "{err}"
        );
        let err = live(("REDIS_URL", "http://127.0.0.1"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("redis://"), "{err}");
        let err = live(("REDIS_KEY_PREFIX", "a b")).unwrap_err().to_string();
        assert!(err.contains("REDIS_KEY_PREFIX"), "{err}");
        assert!(config(&[]).unwrap().redis_url.is_none(), "alone by default");
    }

    #[test]
    fn live_mode_requires_a_cookie_key_and_sandbox_mode_generates_one() {
        let err = config(&[("COBALT_API_KEY", "pk_1"), LIVE_URL]).unwrap_err();
        assert!(matches!(err, ConfigError::Missing("COOKIE_KEY")), "{err}");
        let a = config(&[]).unwrap().cookie_key;
        let b = config(&[]).unwrap().cookie_key;
        assert_ne!(a, b, "generated keys are random");
        assert!(a.expose().len() >= MIN_SECRET_LEN);
    }

    #[test]
    fn short_secrets_are_refused() {
        let err = config(&[("EMBED_SECRET", "short")])
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("EMBED_SECRET") && !err.contains("short"),
            "{err}"
        );
    }

    #[test]
    fn signup_defaults_on_in_sandbox_and_off_live() {
        assert!(config(&[]).unwrap().signup_enabled);
        let key = "k".repeat(40);
        let live = config(&[("COBALT_API_KEY", "pk_1"), ("COOKIE_KEY", &key), LIVE_URL]).unwrap();
        assert!(!live.signup_enabled);
        let live = config(&[
            ("COBALT_API_KEY", "pk_1"),
            ("COOKIE_KEY", &key),
            LIVE_URL,
            ("SIGNUP_ENABLED", "true"),
        ])
        .unwrap();
        assert!(live.signup_enabled);
    }

    #[test]
    fn frame_ancestors_default_to_self_and_cannot_inject_directives() {
        assert_eq!(config(&[]).unwrap().frame_ancestors, "'self'");
        let host = config(&[("FRAME_ANCESTORS", "'self' https://app.example.com")]).unwrap();
        assert_eq!(host.frame_ancestors, "'self' https://app.example.com");
        assert!(config(&[("FRAME_ANCESTORS", "*; script-src *")]).is_err());
    }

    #[test]
    fn brand_colours_must_be_hex() {
        assert_eq!(
            config(&[("BRAND_COLOR", "#0A7")])
                .unwrap()
                .brand_color
                .as_deref(),
            Some("#0a7")
        );
        assert!(config(&[("BRAND_COLOR", "red;}body{")]).is_err());
        assert_eq!(config(&[]).unwrap().brand_color, None);
    }

    #[test]
    fn public_url_defaults_to_the_site_address() {
        let config = config(&[("LEPTOS_SITE_ADDR", "127.0.0.1:3400")]).unwrap();
        assert_eq!(config.public_url, "http://127.0.0.1:3400");
    }

    #[test]
    fn a_blank_api_key_refuses_to_start_instead_of_running_the_sandbox() {
        let err = config(&[("COBALT_API_KEY", "  ")]).unwrap_err().to_string();
        assert!(
            err.contains("COBALT_API_KEY") && err.contains("empty"),
            "{err}"
        );
        assert!(!err.contains('\n'), "one line: {err}");
    }

    #[test]
    fn the_sandbox_listens_on_loopback_only() {
        assert!(config(&[("LEPTOS_SITE_ADDR", "127.0.0.1:3000")]).is_ok());
        assert!(config(&[("LEPTOS_SITE_ADDR", "[::1]:3000")]).is_ok());
        assert!(config(&[("LEPTOS_SITE_ADDR", "localhost:3000")]).is_ok());
        let err = config(&[("LEPTOS_SITE_ADDR", "0.0.0.0:3000")])
            .unwrap_err()
            .to_string();
        assert!(err.contains("loopback"), "{err}");
    }

    #[test]
    fn live_mode_needs_an_https_public_url_and_cobalt_url() {
        let key = "k".repeat(40);
        let live = |extra: &[(&'static str, &'static str)]| {
            let mut vars = vec![("COBALT_API_KEY", "pk_1"), ("COOKIE_KEY", key.as_str())];
            vars.extend_from_slice(extra);
            config(&vars)
        };
        assert!(matches!(live(&[]), Err(ConfigError::Missing("PUBLIC_URL"))));
        assert!(live(&[("PUBLIC_URL", "http://tab.example.com")]).is_err());
        assert!(live(&[("PUBLIC_URL", "http://localhost:3000")]).is_ok());
        assert!(live(&[LIVE_URL, ("COBALT_API_URL", "http://cobalt.example.com")]).is_err());
        assert!(live(&[LIVE_URL, ("COBALT_API_URL", "http://127.0.0.1:3100")]).is_ok());
    }

    #[test]
    fn embed_audience_and_origins_default_from_the_public_url_and_frame_ancestors() {
        let config = config(&[(
            "FRAME_ANCESTORS",
            "'self' https://app.example.com/ *.example.org",
        )])
        .unwrap();
        assert_eq!(config.embed_audience, "http://127.0.0.1:3000");
        assert_eq!(
            config.embed_origins,
            ["http://127.0.0.1:3000", "https://app.example.com"]
        );
    }

    #[test]
    fn loopback_urls_are_recognised_by_host_not_prefix() {
        assert!(is_loopback_url("http://localhost:3000/x"));
        assert!(is_loopback_url("http://[::1]:80"));
        assert!(!is_loopback_url("http://localhost.evil.example"));
        assert!(!is_loopback_url("http://127.0.0.1.evil.example"));
    }
}
