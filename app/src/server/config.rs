//! The server's own settings, read from the environment through a lookup function so that
//! tests never touch the process environment.

use std::time::Duration;

/// Whether the tab talks to live Cobalt or to the local sandbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// `COBALT_API_KEY` is unset: the server starts the sandbox in-process.
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
    /// Timeout of one call to Cobalt.
    pub upstream_timeout: Duration,
    /// Timeout of one request to this server.
    pub request_timeout: Duration,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("mode", &self.mode)
            .field("cobalt_api_key", &"<redacted>")
            .field("cobalt_api_url", &self.cobalt_api_url)
            .field("cobalt_public_url", &self.cobalt_public_url)
            .field("platform_name", &self.platform_name)
            .field("upstream_timeout", &self.upstream_timeout)
            .field("request_timeout", &self.request_timeout)
            .finish()
    }
}

/// A setting that is missing or cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{name} is invalid: {reason}")]
    Invalid { name: &'static str, reason: String },
}

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
                (Mode::Live, key, base_url("COBALT_API_URL", &url)?)
            }
            None => (Mode::Sandbox, SANDBOX_API_KEY.to_owned(), String::new()),
        };
        let cobalt_public_url = match get("COBALT_PUBLIC_URL") {
            Some(url) => base_url("COBALT_PUBLIC_URL", &url)?,
            None => cobalt_api_url.clone(),
        };
        Ok(Self {
            mode,
            cobalt_api_key,
            cobalt_api_url,
            cobalt_public_url,
            platform_name: get("PLATFORM_NAME").unwrap_or_else(|| "Acme Cloud".into()),
            upstream_timeout: Duration::from_secs(seconds(&get, "COBALT_TIMEOUT_SECS", 10)?),
            request_timeout: Duration::from_secs(seconds(&get, "REQUEST_TIMEOUT_SECS", 30)?),
        })
    }

    /// Points the server and cobalt-js at a sandbox that now listens on `url`.
    pub fn use_sandbox(&mut self, url: &str) {
        self.cobalt_api_url = url.trim_end_matches('/').to_owned();
        self.cobalt_public_url = self.cobalt_api_url.clone();
    }
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

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|name| map.get(name).cloned())
    }

    #[test]
    fn no_api_key_means_sandbox_mode() {
        let config = config(&[]).unwrap();
        assert_eq!(config.mode, Mode::Sandbox);
        assert_eq!(config.cobalt_api_key, SANDBOX_API_KEY);
    }

    #[test]
    fn api_key_means_live_mode_against_cobalt_by_default() {
        let config = config(&[("COBALT_API_KEY", "pk_live_123")]).unwrap();
        assert_eq!(config.mode, Mode::Live);
        assert_eq!(config.cobalt_api_url, "https://api.gocobalt.io");
        assert_eq!(config.cobalt_public_url, "https://api.gocobalt.io");
    }

    #[test]
    fn public_url_can_differ_from_api_url() {
        let config = config(&[
            ("COBALT_API_KEY", "tk_1"),
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
    fn debug_output_redacts_the_api_key() {
        let config = config(&[("COBALT_API_KEY", "pk_very_secret")]).unwrap();
        assert!(!format!("{config:?}").contains("pk_very_secret"));
    }
}
