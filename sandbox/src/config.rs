//! `SandboxConfig`: where the sandbox listens and what it trusts, read from `SANDBOX_*` variables.

use std::net::SocketAddr;
use std::path::PathBuf;

use cobalt::Environment;

/// The API key the sandbox accepts when `SANDBOX_API_KEYS` is unset.
pub const DEFAULT_API_KEY: &str = "tk_sandbox_local";

/// Where and how the sandbox listens, and what it trusts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SandboxConfig {
    /// `SANDBOX_ADDR`, default `127.0.0.1:3100`; port 0 picks an ephemeral port.
    pub addr: SocketAddr,
    /// `SANDBOX_API_KEYS` (comma-separated): `tk…` keys are the test environment, `pk…` production.
    pub api_keys: Vec<String>,
    /// `SANDBOX_ALLOWED_ORIGINS` (comma-separated): CORS origins and `redirect_uri` allow-list.
    pub allowed_origins: Vec<String>,
    /// `SANDBOX_WEBHOOK_URLS` (comma-separated): receive every connection event.
    pub webhook_urls: Vec<String>,
    /// `SANDBOX_STATE_FILE`: snapshot state here after each change and reload it at start.
    pub state_file: Option<PathBuf>,
    /// Apps added to the seeded catalog, each in the catalog file's format (no variable: for
    /// tests that need an entry of their own).
    pub extra_apps: Vec<serde_json::Value>,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        Self {
            addr: SocketAddr::from(([127, 0, 0, 1], 3100)),
            api_keys: vec![DEFAULT_API_KEY.to_owned()],
            allowed_origins: Vec::new(),
            webhook_urls: Vec::new(),
            state_file: None,
            extra_apps: Vec::new(),
        }
    }
}

/// A `SANDBOX_*` variable that could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SandboxConfigError {
    #[error("{name} is invalid: {reason}")]
    Invalid { name: &'static str, reason: String },
}

impl SandboxConfig {
    /// Reads the process environment.
    pub fn from_env() -> Result<Self, SandboxConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Builds the config from any key-value source, so tests need not mutate the environment.
    /// Unset or blank variables take the defaults.
    pub fn from_lookup(
        lookup: impl Fn(&str) -> Option<String>,
    ) -> Result<Self, SandboxConfigError> {
        let defaults = Self::default();
        let value = |name: &str| lookup(name).filter(|value| !value.trim().is_empty());

        let addr = match value("SANDBOX_ADDR") {
            Some(text) => text
                .trim()
                .parse()
                .map_err(|err| SandboxConfigError::Invalid {
                    name: "SANDBOX_ADDR",
                    reason: format!("{text:?} is not a socket address ({err})"),
                })?,
            None => defaults.addr,
        };

        let api_keys = match value("SANDBOX_API_KEYS") {
            Some(text) => list(&text),
            None => defaults.api_keys,
        };
        if api_keys.is_empty() {
            return Err(SandboxConfigError::Invalid {
                name: "SANDBOX_API_KEYS",
                reason: "no key given".to_owned(),
            });
        }
        if let Some(key) = api_keys
            .iter()
            .find(|key| environment_of_key(key).is_none())
        {
            return Err(SandboxConfigError::Invalid {
                name: "SANDBOX_API_KEYS",
                reason: format!(
                    "key {:?} must start with \"tk\" (test) or \"pk\" (production), as Cobalt's do",
                    redact(key)
                ),
            });
        }

        let allowed_origins = value("SANDBOX_ALLOWED_ORIGINS")
            .map(|text| list(&text))
            .unwrap_or_default()
            .into_iter()
            .map(|origin| validate_origin(&origin))
            .collect::<Result<_, _>>()?;

        let webhook_urls = value("SANDBOX_WEBHOOK_URLS")
            .map(|text| list(&text))
            .unwrap_or_default();
        if let Some(url) = webhook_urls.iter().find(|url| !is_http_url(url)) {
            return Err(SandboxConfigError::Invalid {
                name: "SANDBOX_WEBHOOK_URLS",
                reason: format!("{url:?} is not an http(s) URL"),
            });
        }

        let state_file = value("SANDBOX_STATE_FILE").map(|text| PathBuf::from(text.trim()));

        Ok(Self {
            addr,
            api_keys,
            allowed_origins,
            webhook_urls,
            state_file,
            extra_apps: Vec::new(),
        })
    }
}

/// The environment a Cobalt API key belongs to, from its prefix.
pub fn environment_of_key(key: &str) -> Option<Environment> {
    if key.starts_with("tk") {
        Some(Environment::Test)
    } else if key.starts_with("pk") {
        Some(Environment::Production)
    } else {
        None
    }
}

/// Whether `url` is an absolute http(s) URL with a host.
pub(crate) fn is_http_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("https://"));
    rest.is_some_and(|rest| !rest.is_empty() && !rest.starts_with('/'))
}

/// The origin (`scheme://host[:port]`) of an absolute http(s) URL.
pub(crate) fn origin_of(url: &str) -> Option<&str> {
    if !is_http_url(url) {
        return None;
    }
    let after_scheme = url.find("://")? + 3;
    let end = url[after_scheme..]
        .find(['/', '?', '#'])
        .map_or(url.len(), |offset| after_scheme + offset);
    Some(&url[..end])
}

fn validate_origin(origin: &str) -> Result<String, SandboxConfigError> {
    let trimmed = origin.trim_end_matches('/');
    if origin_of(trimmed) == Some(trimmed) {
        Ok(trimmed.to_owned())
    } else {
        Err(SandboxConfigError::Invalid {
            name: "SANDBOX_ALLOWED_ORIGINS",
            reason: format!("{origin:?} is not an origin such as http://127.0.0.1:3000"),
        })
    }
}

fn list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Keys appear in errors only by their first characters.
fn redact(key: &str) -> String {
    let shown: String = key.chars().take(4).collect();
    format!("{shown}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (*value).to_owned())
        }
    }

    #[test]
    fn unset_variables_give_the_documented_defaults() {
        let config = SandboxConfig::from_lookup(lookup(&[])).unwrap();
        assert_eq!(config, SandboxConfig::default());
        assert_eq!(config.addr.to_string(), "127.0.0.1:3100");
        assert_eq!(config.api_keys, vec!["tk_sandbox_local"]);
    }

    #[test]
    fn every_variable_is_read() {
        let config = SandboxConfig::from_lookup(lookup(&[
            ("SANDBOX_ADDR", "127.0.0.1:0"),
            ("SANDBOX_API_KEYS", "tk_one, pk_two"),
            (
                "SANDBOX_ALLOWED_ORIGINS",
                "http://127.0.0.1:3000/,https://app.example.com",
            ),
            ("SANDBOX_WEBHOOK_URLS", "http://127.0.0.1:9/hook"),
            ("SANDBOX_STATE_FILE", "/tmp/sandbox.json"),
        ]))
        .unwrap();
        assert_eq!(config.addr.port(), 0);
        assert_eq!(config.api_keys, vec!["tk_one", "pk_two"]);
        assert_eq!(
            config.allowed_origins,
            vec!["http://127.0.0.1:3000", "https://app.example.com"]
        );
        assert_eq!(config.webhook_urls, vec!["http://127.0.0.1:9/hook"]);
        assert_eq!(config.state_file, Some(PathBuf::from("/tmp/sandbox.json")));
    }

    #[test]
    fn a_key_without_a_cobalt_prefix_is_rejected_without_echoing_it() {
        let err = SandboxConfig::from_lookup(lookup(&[("SANDBOX_API_KEYS", "secret_value")]))
            .unwrap_err();
        assert!(err.to_string().contains("SANDBOX_API_KEYS"), "{err}");
        assert!(!err.to_string().contains("secret_value"), "{err}");
    }

    #[test]
    fn a_bad_address_names_the_variable() {
        let err = SandboxConfig::from_lookup(lookup(&[("SANDBOX_ADDR", "localhost")])).unwrap_err();
        assert!(
            err.to_string().starts_with("SANDBOX_ADDR is invalid"),
            "{err}"
        );
    }

    #[test]
    fn an_origin_with_a_path_is_rejected() {
        let result = SandboxConfig::from_lookup(lookup(&[(
            "SANDBOX_ALLOWED_ORIGINS",
            "http://127.0.0.1:3000/app",
        )]));
        assert!(result.is_err());
    }

    #[test]
    fn origins_are_cut_from_urls() {
        assert_eq!(
            origin_of("http://127.0.0.1:3000/x?y"),
            Some("http://127.0.0.1:3000")
        );
        assert_eq!(origin_of("https://a.example"), Some("https://a.example"));
        assert_eq!(origin_of("javascript:alert(1)"), None);
        assert_eq!(origin_of("http:///path"), None);
    }
}
