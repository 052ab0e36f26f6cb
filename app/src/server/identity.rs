//! Who is signed in: the platform user held in a signed and encrypted session cookie.
//!
//! Server functions take the linked account only from this cookie, never from an argument.
//! The cookie is decoded once per request, at the edge (the server's session middleware),
//! and what it holds travels in the request's extensions; see [`super::current_identity`].

use std::time::{SystemTime, UNIX_EPOCH};

use cookie::{Cookie, CookieJar, Key, SameSite};
use http::HeaderMap;
use serde::{Deserialize, Serialize};

use super::Config;

/// The session cookie's name on local plain http.
pub const COOKIE_NAME: &str = "itab_session";
/// Its name when the cookie is `Secure`: browsers then refuse it unless it was set by this
/// very host for `/`, so a sibling subdomain cannot plant or shadow it.
pub const SECURE_COOKIE_NAME: &str = "__Host-itab_session";

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
    /// This session's own id: signing out revokes it on the server, so a copy of the cookie
    /// taken before then is refused too.
    #[serde(rename = "s")]
    pub sid: String,
    /// What this user may change (the embed token's `role`; everyone else is an admin).
    #[serde(rename = "r", default)]
    pub role: crate::model::Role,
    /// Signed in inside another site's frame: the cookie is partitioned under that site.
    #[serde(rename = "f", default)]
    pub framed: bool,
    /// The host's theme (`light` or `dark`) and brand colour from the embed token.
    #[serde(rename = "t", default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    #[serde(rename = "b", default, skip_serializing_if = "Option::is_none")]
    pub brand: Option<String>,
    /// The host's language for this user (the embed token's `locale`), as it sent it.
    #[serde(rename = "l", default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// The host page that framed the tab (one of `EMBED_ORIGINS`): where a consent page that
    /// had to leave the frame comes back to.
    #[serde(rename = "h", default, skip_serializing_if = "Option::is_none")]
    pub host_page: Option<String>,
}

impl Identity {
    /// A session for `account_id` lasting the configured maximum age from now.
    pub fn new(config: &Config, account_id: String, name: String, embedded: bool) -> Self {
        Self {
            account_id,
            name,
            embedded,
            expires_at: now_secs() + config.session_max_age.as_secs(),
            // Only uniqueness matters; 128 random bits, or the clock if the OS has none to give.
            sid: super::config::random_hex(16).unwrap_or_else(|_| {
                format!(
                    "{:x}",
                    std::time::SystemTime::now()
                        .duration_since(UNIX_EPOCH)
                        .map(|d| d.as_nanos())
                        .unwrap_or_default()
                )
            }),
            role: crate::model::Role::default(),
            framed: false,
            theme: None,
            locale: None,
            brand: None,
            host_page: None,
        }
    }

    /// Whether this user may make `change`; the refusal is a 403 that says why.
    pub fn may(&self, change: crate::model::Change) -> Result<(), crate::error::AppError> {
        match self.role.refusal(change) {
            None => Ok(()),
            Some(why) => {
                tracing::info!(?change, role = ?self.role, "a change was refused by role");
                Err(crate::error::AppError::NotAllowed(why))
            }
        }
    }

    /// How long until the session expires, from now.
    pub fn remaining(&self) -> std::time::Duration {
        std::time::Duration::from_secs(self.expires_at.saturating_sub(now_secs()))
    }
}

/// The current Unix time in seconds.
pub fn now_secs() -> u64 {
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

/// Where a cookie is used: on the tab's own site, or inside another site's frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// `SameSite=Lax`: never sent on another site's requests.
    FirstParty,
    /// `SameSite=None; Secure; Partitioned` (CHIPS): the browser keeps it under the site that
    /// framed the tab and sends it only inside that site's frames. Browsers treat local http
    /// (`localhost`, `127.0.0.1`) as secure, so it works there too.
    Framed,
}

impl Placement {
    /// `Framed` for a request inside a frame, else `FirstParty`.
    pub fn of(framed: bool) -> Self {
        if framed {
            Self::Framed
        } else {
            Self::FirstParty
        }
    }
}

/// The private (signed and encrypted) cookies this server sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sealed {
    /// The session.
    Session,
    /// An embed hand-off waiting for "Continue as …?" (another account was signed in).
    PendingEmbed,
}

impl Sealed {
    /// The cookie's name under `config`: `__Host-` prefixed whenever it is `Secure`.
    pub fn name(self, config: &Config) -> &'static str {
        match (self, insecure_local(config)) {
            (Self::Session, true) => COOKIE_NAME,
            (Self::Session, false) => SECURE_COOKIE_NAME,
            (Self::PendingEmbed, true) => "itab_embed",
            (Self::PendingEmbed, false) => "__Host-itab_embed",
        }
    }

    fn build(self, config: &Config, value: String, placement: Placement) -> Cookie<'static> {
        let cookie = Cookie::build((self.name(config), value))
            .path("/")
            .http_only(true);
        match placement {
            Placement::FirstParty => cookie
                .same_site(SameSite::Lax)
                .secure(!insecure_local(config)),
            Placement::Framed => cookie
                .same_site(SameSite::None)
                .secure(true)
                .partitioned(true),
        }
        .build()
    }

    /// The `Set-Cookie` value that stores `value` for `max_age`. The cookie's name is part of
    /// what is authenticated, so one kind cannot be passed off as another.
    pub fn seal(
        self,
        config: &Config,
        value: String,
        max_age: std::time::Duration,
        placement: Placement,
    ) -> String {
        let mut jar = CookieJar::new();
        let mut cookie = self.build(config, value, placement);
        cookie.set_max_age(cookie::time::Duration::seconds(
            i64::try_from(max_age.as_secs()).unwrap_or(i64::MAX),
        ));
        jar.private_mut(&key(config)).add(cookie);
        jar.delta()
            .map(|c| c.to_string())
            .collect::<Vec<_>>()
            .join("")
    }

    /// The `Set-Cookie` value that removes the cookie.
    pub fn removal(self, config: &Config, placement: Placement) -> String {
        let mut cookie = self.build(config, String::new(), placement);
        cookie.make_removal();
        cookie.to_string()
    }

    /// The cookie's value in the request, if present and authentic.
    pub fn open(self, config: &Config, headers: &HeaderMap) -> Option<String> {
        let name = self.name(config);
        let mut jar = CookieJar::new();
        for header in headers.get_all(http::header::COOKIE) {
            let Ok(text) = header.to_str() else { continue };
            for cookie in Cookie::split_parse(text.to_owned()).flatten() {
                if cookie.name() == name {
                    jar.add_original(cookie.into_owned());
                }
            }
        }
        Some(jar.private(&key(config)).get(name)?.value().to_owned())
    }
}

/// The session cookie's name under `config`.
pub fn cookie_name(config: &Config) -> &'static str {
    Sealed::Session.name(config)
}

impl Identity {
    /// Where its cookie lives.
    pub fn placement(&self) -> Placement {
        Placement::of(self.framed)
    }
}

/// The `Set-Cookie` value that signs `identity` in, until the session expires.
pub fn set_cookie(config: &Config, identity: &Identity) -> Result<String, serde_json::Error> {
    let json = serde_json::to_string(identity)?;
    Ok(Sealed::Session.seal(config, json, identity.remaining(), identity.placement()))
}

/// The brand colour of the tab as this request sees it: one the host sent into its frame
/// (the `brand` cookie the frame's bridge keeps), else the embed token's, else
/// `BRAND_COLOR`.
pub fn brand(config: &Config, headers: &HeaderMap, identity: Option<&Identity>) -> Option<String> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().strip_prefix("brand="))
        .find_map(|value| super::config::hex_color(&value.replace("%23", "#")))
        .or_else(|| identity.and_then(|identity| identity.brand.clone()))
        .or_else(|| config.brand_color.clone())
}

/// The `Set-Cookie` value that signs out.
pub fn clear_cookie(config: &Config, placement: Placement) -> String {
    Sealed::Session.removal(config, placement)
}

/// The identity in the request's cookies, if one is present, authentic and unexpired. Whether
/// it was revoked is the session middleware's question (`Sessions`).
pub fn read(config: &Config, headers: &HeaderMap) -> Option<Identity> {
    let identity: Identity = serde_json::from_str(&Sealed::Session.open(config, headers)?).ok()?;
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
            assert_eq!(header.starts_with("__Host-"), secure, "{url}: {header}");
            assert!(
                header.contains("Path=/") && !header.contains("Domain"),
                "{header}"
            );
            assert_eq!(read(&config, &request_with(&header)), Some(identity));
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
    fn a_framed_session_is_partitioned_and_secure_even_on_local_http() {
        let config = config("http://127.0.0.1:3000");
        let mut identity = Identity::new(&config, "cus_1".into(), "Ada".into(), true);
        identity.framed = true;
        let header = set_cookie(&config, &identity).unwrap();
        for attribute in ["SameSite=None", "Secure", "Partitioned", "HttpOnly"] {
            assert!(header.contains(attribute), "{attribute}: {header}");
        }
        assert_eq!(read(&config, &request_with(&header)), Some(identity));
        let first_party = clear_cookie(&config, Placement::FirstParty);
        assert!(!first_party.contains("Partitioned"), "{first_party}");
    }

    #[test]
    fn every_session_has_its_own_id() {
        let config = config("http://127.0.0.1:3000");
        let a = Identity::new(&config, "cus_1".into(), "Ada".into(), false);
        let b = Identity::new(&config, "cus_1".into(), "Ada".into(), false);
        assert_ne!(a.sid, b.sid);
        assert_eq!(a.sid.len(), 32);
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
        let header = clear_cookie(&config("http://127.0.0.1:3000"), Placement::FirstParty);
        assert!(header.starts_with("itab_session=;"), "{header}");
        assert!(header.contains("Max-Age=0"), "{header}");
    }
}
