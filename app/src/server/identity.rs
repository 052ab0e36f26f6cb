//! Who is signed in: the platform user held in a signed and encrypted session cookie.
//!
//! Server functions take the linked account only from this cookie, never from an argument.

use std::time::{SystemTime, UNIX_EPOCH};

use cookie::{Cookie, CookieJar, Key, SameSite};
use http::HeaderMap;
use serde::{Deserialize, Serialize};

use super::Config;

/// The session cookie's name.
pub const COOKIE_NAME: &str = "itab_session";

/// The signed-in platform user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    /// The Cobalt linked account id (the platform's customer id).
    #[serde(rename = "a")]
    pub account_id: String,
    /// Shown in the host frame.
    #[serde(rename = "n")]
    pub name: String,
    /// Opened through `/embed`: render without the host frame.
    #[serde(rename = "e", default)]
    pub embedded: bool,
    /// Unix seconds after which the cookie is refused, whatever the browser kept.
    #[serde(rename = "x")]
    pub expires_at: u64,
}

impl Identity {
    /// A session for `account_id` lasting the configured maximum age from now.
    pub fn new(config: &Config, account_id: String, name: String, embedded: bool) -> Self {
        Self {
            account_id,
            name,
            embedded,
            expires_at: now_secs() + config.session_max_age.as_secs(),
        }
    }
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default()
}

/// The cookie key, derived from the configured master secret (HKDF inside `cookie`).
fn key(config: &Config) -> Key {
    Key::derive_from(config.cookie_key.expose().as_bytes())
}

/// Whether cookies may drop `Secure`: only for plain http on the local machine, where browsers
/// would otherwise refuse to store them.
fn insecure_local(config: &Config) -> bool {
    let url = config.public_url.as_str();
    ["http://localhost", "http://127.0.0.1", "http://[::1]"]
        .iter()
        .any(|prefix| {
            url.strip_prefix(prefix).is_some_and(|rest| {
                rest.is_empty() || rest.starts_with(':') || rest.starts_with('/')
            })
        })
}

fn base_cookie(config: &Config, value: String) -> Cookie<'static> {
    Cookie::build((COOKIE_NAME, value))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(!insecure_local(config))
        .build()
}

/// The `Set-Cookie` value that signs `identity` in.
pub fn set_cookie(config: &Config, identity: &Identity) -> Result<String, serde_json::Error> {
    let json = serde_json::to_string(identity)?;
    let mut jar = CookieJar::new();
    let mut cookie = base_cookie(config, json);
    cookie.set_max_age(cookie::time::Duration::seconds(
        i64::try_from(config.session_max_age.as_secs()).unwrap_or(i64::MAX),
    ));
    jar.private_mut(&key(config)).add(cookie);
    Ok(jar
        .delta()
        .map(|c| c.to_string())
        .collect::<Vec<_>>()
        .join(""))
}

/// The `Set-Cookie` value that signs out.
pub fn clear_cookie(config: &Config) -> String {
    let mut cookie = base_cookie(config, String::new());
    cookie.make_removal();
    cookie.to_string()
}

/// The identity in the request's cookies, if one is present, authentic and unexpired.
pub fn read(config: &Config, headers: &HeaderMap) -> Option<Identity> {
    let mut jar = CookieJar::new();
    for header in headers.get_all(http::header::COOKIE) {
        let Ok(text) = header.to_str() else { continue };
        for cookie in Cookie::split_parse(text.to_owned()).flatten() {
            if cookie.name() == COOKIE_NAME {
                jar.add_original(cookie.into_owned());
            }
        }
    }
    let cookie = jar.private(&key(config)).get(COOKIE_NAME)?;
    let identity: Identity = serde_json::from_str(cookie.value()).ok()?;
    (identity.expires_at > now_secs()).then_some(identity)
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    fn config(public_url: &str) -> Config {
        let public_url = public_url.to_owned();
        Config::from_lookup(move |name| (name == "PUBLIC_URL").then(|| public_url.clone())).unwrap()
    }

    fn request_with(set_cookie: &str) -> HeaderMap {
        let pair = set_cookie.split(';').next().unwrap();
        let mut headers = HeaderMap::new();
        headers.insert(http::header::COOKIE, HeaderValue::from_str(pair).unwrap());
        headers
    }

    #[test]
    fn a_signed_in_identity_round_trips_through_the_cookie() {
        let config = config("http://127.0.0.1:3000");
        let identity = Identity::new(&config, "cus_1".into(), "Ada".into(), false);
        let header = set_cookie(&config, &identity).unwrap();
        assert!(
            header.contains("HttpOnly") && header.contains("SameSite=Lax"),
            "{header}"
        );
        assert!(
            !header.contains("cus_1") && !header.contains("Ada"),
            "encrypted: {header}"
        );
        assert_eq!(
            read(&config, &request_with(&header)),
            Some(identity.clone())
        );
        assert!(identity.expires_at > now_secs() + 11 * 3600);
    }

    #[test]
    fn cookies_are_secure_except_on_local_http() {
        for (url, secure) in [
            ("http://127.0.0.1:3000", false),
            ("http://localhost", false),
            ("https://app.example.com", true),
            ("http://localhost.evil.example", true),
        ] {
            let config = config(url);
            let identity = Identity::new(&config, "cus_1".into(), "Ada".into(), false);
            let header = set_cookie(&config, &identity).unwrap();
            assert_eq!(header.contains("Secure"), secure, "{url}: {header}");
        }
    }

    #[test]
    fn a_tampered_or_foreign_cookie_is_refused() {
        let config = config("http://127.0.0.1:3000");
        let identity = Identity::new(&config, "cus_1".into(), "Ada".into(), false);
        let header = set_cookie(&config, &identity).unwrap();
        let mut tampered = header.split(';').next().unwrap().to_owned();
        let last = tampered.pop().unwrap();
        tampered.push(if last == 'A' { 'B' } else { 'A' });
        assert_eq!(read(&config, &request_with(&tampered)), None);
        let other = config_with_other_key();
        assert_eq!(
            read(&other, &request_with(&header)),
            None,
            "another key cannot read it"
        );
    }

    fn config_with_other_key() -> Config {
        Config::from_lookup(|_| None).unwrap()
    }

    #[test]
    fn an_expired_session_is_refused() {
        let config = config("http://127.0.0.1:3000");
        let mut identity = Identity::new(&config, "cus_1".into(), "Ada".into(), false);
        identity.expires_at = now_secs() - 1;
        let header = set_cookie(&config, &identity).unwrap();
        assert_eq!(read(&config, &request_with(&header)), None);
    }

    #[test]
    fn signing_out_expires_the_cookie() {
        let header = clear_cookie(&config("http://127.0.0.1:3000"));
        assert!(header.starts_with("itab_session=;"), "{header}");
        assert!(header.contains("Max-Age=0"), "{header}");
    }
}
