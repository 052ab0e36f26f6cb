//! The host app's hand-off: `GET /embed?token=…` with an HS256 JWT signed with `EMBED_SECRET`.
//!
//! Only HS256 is accepted (never `none`, never an algorithm named by anything but our config),
//! the signature is compared in constant time, tokens live at most ten minutes, name this tab
//! in `aud`, say when they were issued (`iat`, and `nbf` is honoured) and carry a `jti` that
//! the server spends on first use.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use crate::model::{Role, validate_customer_id};

/// How far ahead `exp` may lie: tokens are for an immediate hand-off, not for storage.
pub const MAX_LIFETIME_SECS: u64 = 600;
/// Clock skew tolerated between the host app and us.
pub const LEEWAY_SECS: u64 = 60;

/// The verified claims of an embed token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmbedClaims {
    pub customer_id: String,
    pub name: String,
    pub email: Option<String>,
    /// The token's own id, spent on first use.
    pub jti: String,
    /// Unix seconds after which the token is refused anyway (`exp` plus the leeway).
    pub expires_at: u64,
    /// What the user may change (`role`, default admin).
    #[serde(default)]
    pub role: Role,
    /// `theme`: `light` or `dark`, shown from the first paint.
    #[serde(default)]
    pub theme: Option<String>,
    /// `brand`: the host's colour for this user's tab, `#rgb` or `#rrggbb`.
    #[serde(default)]
    pub brand: Option<String>,
    /// `locale`: the user's language in the host app, a BCP 47 tag (`de`, `ja-JP`). One the
    /// tab does not speak is kept and passed over (English, or the user's browser's choice).
    #[serde(default)]
    pub locale: Option<String>,
    /// `session_ttl`: how long the session may last, in seconds, when the host's own session
    /// is shorter than `SESSION_MAX_AGE_HOURS`.
    #[serde(default)]
    pub session_ttl: Option<u64>,
    /// Not a claim: the framing host page the SDK named (see `Identity::host_page`).
    #[serde(default)]
    pub host_page: Option<String>,
}

/// What a token must match besides its signature.
#[derive(Debug, Clone, Copy)]
pub struct Expected<'a> {
    pub secret: &'a [u8],
    /// The `aud` the token must name (`EMBED_AUDIENCE`).
    pub audience: &'a str,
    /// Unix seconds.
    pub now: u64,
}

/// Why an embed token was refused; the message is shown on the 401 page. Its `Display` is in
/// the language of the current render: outside one, format it within
/// [`super::language::in_language`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmbedError {
    Missing,
    NotConfigured,
    Malformed,
    WrongAlgorithm,
    BadSignature,
    Expired,
    TooLong,
    NotYetValid,
    WrongAudience,
    Replayed,
    WrongContext,
    Busy,
    Claims(Claim),
}

/// The claim an embed token got wrong. It holds what the sentence needs, so the sentence is
/// made when shown, in the page's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    Iat,
    Jti,
    /// `sub`, as the token had it.
    Sub(String),
    Name,
    /// `email`, as the token had it.
    Email(String),
    Role,
    Theme,
    Brand,
    Locale,
    SessionTtl,
}

impl std::fmt::Display for EmbedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let problem = |check: Result<String, String>| check.err().unwrap_or_default();
        f.write_str(&match self {
            Self::Missing => crate::t!("embed-error-missing"),
            Self::NotConfigured => crate::t!("embed-error-not-configured"),
            Self::Malformed => crate::t!("embed-error-malformed"),
            Self::WrongAlgorithm => crate::t!("embed-error-algorithm"),
            Self::BadSignature => crate::t!("embed-error-signature"),
            Self::Expired => crate::t!("embed-error-expired"),
            Self::TooLong => crate::t!("embed-error-too-long", minutes = MAX_LIFETIME_SECS / 60),
            Self::NotYetValid => crate::t!("embed-error-not-yet-valid"),
            Self::WrongAudience => crate::t!("embed-error-audience"),
            Self::Replayed => crate::t!("embed-error-replayed"),
            Self::WrongContext => crate::t!("embed-error-context"),
            Self::Busy => crate::t!("embed-error-busy"),
            Self::Claims(claim) => match claim {
                Claim::Iat => crate::t!("embed-error-claim-iat"),
                Claim::Jti => crate::t!("embed-error-claim-jti"),
                // The check that refused it, again, says why in the page's language.
                Claim::Sub(sub) => crate::t!(
                    "embed-error-claim-sub",
                    problem = problem(validate_customer_id(sub))
                ),
                Claim::Name => crate::t!("embed-error-claim-name"),
                Claim::Email(email) => crate::t!(
                    "embed-error-claim-email",
                    problem = problem(crate::model::validate_email(email))
                ),
                Claim::Role => crate::t!("embed-error-claim-role"),
                Claim::Theme => crate::t!("embed-error-claim-theme"),
                Claim::Brand => crate::t!("embed-error-claim-brand"),
                Claim::Locale => crate::t!("embed-error-claim-locale"),
                Claim::SessionTtl => {
                    crate::t!(
                        "embed-error-claim-session-ttl",
                        seconds = MIN_SESSION_TTL_SECS
                    )
                }
            },
        })
    }
}

impl std::error::Error for EmbedError {}

#[derive(Deserialize)]
struct Header {
    alg: String,
}

#[derive(Deserialize)]
struct Claims {
    sub: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    email: Option<String>,
    exp: u64,
    #[serde(default)]
    iat: Option<u64>,
    #[serde(default)]
    nbf: Option<u64>,
    #[serde(default)]
    aud: Option<Audience>,
    #[serde(default)]
    jti: Option<String>,
    #[serde(default)]
    role: Option<String>,
    #[serde(default)]
    theme: Option<String>,
    #[serde(default)]
    brand: Option<String>,
    #[serde(default)]
    locale: Option<String>,
    #[serde(default)]
    session_ttl: Option<u64>,
}

/// The shortest `session_ttl`: less would expire before the page has loaded.
pub const MIN_SESSION_TTL_SECS: u64 = 10;

/// `aud` is one string or a list of them (RFC 7519, 4.1.3).
#[derive(Deserialize)]
#[serde(untagged)]
enum Audience {
    One(String),
    Many(Vec<String>),
}

impl Audience {
    fn names(&self, audience: &str) -> bool {
        match self {
            Self::One(one) => one == audience,
            Self::Many(many) => many.iter().any(|a| a == audience),
        }
    }
}

/// Verifies `token` against `expected`. The caller still spends its `jti`.
pub fn verify(token: &str, expected: Expected<'_>) -> Result<EmbedClaims, EmbedError> {
    let (secret, now) = (expected.secret, expected.now);
    let mut parts = token.split('.');
    let (Some(header), Some(payload), Some(signature), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(EmbedError::Malformed);
    };
    let header: Header = decode_json(header)?;
    if header.alg != "HS256" {
        return Err(EmbedError::WrongAlgorithm);
    }
    let signature = URL_SAFE_NO_PAD
        .decode(signature)
        .map_err(|_| EmbedError::Malformed)?;
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).map_err(|_| EmbedError::NotConfigured)?;
    mac.update(header_and_payload(token).as_bytes());
    mac.verify_slice(&signature)
        .map_err(|_| EmbedError::BadSignature)?;

    let claims: Claims = decode_json(payload)?;
    if claims.exp + LEEWAY_SECS < now {
        return Err(EmbedError::Expired);
    }
    if claims.exp > now + MAX_LIFETIME_SECS + LEEWAY_SECS {
        return Err(EmbedError::TooLong);
    }
    let Some(iat) = claims.iat else {
        return Err(EmbedError::Claims(Claim::Iat));
    };
    if iat > now + LEEWAY_SECS || claims.nbf.is_some_and(|nbf| nbf > now + LEEWAY_SECS) {
        return Err(EmbedError::NotYetValid);
    }
    if claims.exp.saturating_sub(iat) > MAX_LIFETIME_SECS {
        return Err(EmbedError::TooLong);
    }
    if !claims
        .aud
        .as_ref()
        .is_some_and(|aud| aud.names(expected.audience))
    {
        return Err(EmbedError::WrongAudience);
    }
    let jti = match claims.jti.as_deref().map(str::trim) {
        Some(jti) if !jti.is_empty() && jti.len() <= 128 && !jti.chars().any(char::is_control) => {
            jti.to_owned()
        }
        _ => {
            return Err(EmbedError::Claims(Claim::Jti));
        }
    };
    let customer_id = validate_customer_id(&claims.sub)
        .map_err(|_| EmbedError::Claims(Claim::Sub(claims.sub.clone())))?;
    let name = claims
        .name
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty());
    let name = match name {
        Some(name) if name.chars().count() <= 100 => name,
        Some(_) => return Err(EmbedError::Claims(Claim::Name)),
        None => customer_id.clone(),
    };
    let email = match claims
        .email
        .map(|e| e.trim().to_owned())
        .filter(|e| !e.is_empty())
    {
        Some(email) => Some(
            crate::model::validate_email(&email)
                .map_err(|_| EmbedError::Claims(Claim::Email(email.clone())))?,
        ),
        None => None,
    };
    let role = match claims.role.as_deref() {
        None => Role::default(),
        Some(role) => Role::parse(role).ok_or(EmbedError::Claims(Claim::Role))?,
    };
    let theme = match claims.theme {
        Some(theme) if theme != "light" && theme != "dark" => {
            return Err(EmbedError::Claims(Claim::Theme));
        }
        theme => theme,
    };
    let brand = claims
        .brand
        .map(|brand| super::config::hex_color(&brand).ok_or(EmbedError::Claims(Claim::Brand)))
        .transpose()?;
    let locale = claims
        .locale
        .map(|tag| {
            let well_formed = !tag.is_empty()
                && tag.len() <= 35
                && tag
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            well_formed
                .then_some(tag)
                .ok_or(EmbedError::Claims(Claim::Locale))
        })
        .transpose()?;
    if claims
        .session_ttl
        .is_some_and(|ttl| ttl < MIN_SESSION_TTL_SECS)
    {
        return Err(EmbedError::Claims(Claim::SessionTtl));
    }
    Ok(EmbedClaims {
        customer_id,
        name,
        email,
        jti,
        expires_at: claims.exp + LEEWAY_SECS,
        role,
        theme,
        brand,
        locale,
        session_ttl: claims.session_ttl,
        host_page: None,
    })
}

fn header_and_payload(token: &str) -> &str {
    token.rsplit_once('.').map_or(token, |(signed, _)| signed)
}

fn decode_json<T: for<'de> Deserialize<'de>>(part: &str) -> Result<T, EmbedError> {
    let bytes = URL_SAFE_NO_PAD
        .decode(part)
        .map_err(|_| EmbedError::Malformed)?;
    serde_json::from_slice(&bytes).map_err(|_| EmbedError::Malformed)
}

/// Signs claims as a host app would; used by tests and by the README's example.
pub fn sign(claims: &serde_json::Value, secret: &[u8], alg: &str) -> String {
    let header = URL_SAFE_NO_PAD.encode(format!(r#"{{"alg":"{alg}","typ":"JWT"}}"#));
    let payload = URL_SAFE_NO_PAD.encode(claims.to_string());
    let signed = format!("{header}.{payload}");
    let signature = match Hmac::<Sha256>::new_from_slice(secret) {
        Ok(mut mac) => {
            mac.update(signed.as_bytes());
            URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
        }
        Err(_) => String::new(),
    };
    format!("{signed}.{signature}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const SECRET: &[u8] = b"an-embed-secret-of-at-least-32-bytes!";
    const NOW: u64 = 1_800_000_000;
    const AUD: &str = "https://tab.example.com";

    /// A token with every required claim, `extra` added or overriding.
    fn token(extra: serde_json::Value) -> String {
        let mut claims = json!({"aud": AUD, "iat": NOW, "jti": "j-1"});
        for (key, value) in extra.as_object().unwrap() {
            claims[key] = value.clone();
        }
        claims.as_object_mut().unwrap().retain(|_, v| !v.is_null());
        sign(&claims, SECRET, "HS256")
    }

    fn check(token: &str) -> Result<EmbedClaims, EmbedError> {
        verify(
            token,
            Expected {
                secret: SECRET,
                audience: AUD,
                now: NOW,
            },
        )
    }

    #[test]
    fn a_valid_token_yields_its_claims() {
        let t = token(
            json!({"sub": "cus_42", "name": " Ada ", "email": "ada@example.com", "exp": NOW + 300}),
        );
        let claims = check(&t).unwrap();
        assert_eq!(claims.customer_id, "cus_42");
        assert_eq!(claims.name, "Ada");
        assert_eq!(claims.email.as_deref(), Some("ada@example.com"));
    }

    #[test]
    fn expiry_allows_a_minute_of_leeway_and_no_more() {
        let t = token(json!({"sub": "cus_42", "exp": NOW - 59, "iat": NOW - 300}));
        assert!(check(&t).is_ok());
        let t = token(json!({"sub": "cus_42", "exp": NOW - 61, "iat": NOW - 300}));
        assert_eq!(check(&t), Err(EmbedError::Expired));
    }

    #[test]
    fn tokens_living_longer_than_ten_minutes_are_refused() {
        let t = token(json!({"sub": "cus_42", "exp": NOW + 3600}));
        assert_eq!(check(&t), Err(EmbedError::TooLong));
    }

    #[test]
    fn a_wrong_signature_is_refused() {
        let t = sign(
            &json!({"sub": "cus_42", "exp": NOW + 60, "aud": AUD, "iat": NOW, "jti": "j"}),
            b"another-secret-of-32-bytes-or-more!!",
            "HS256",
        );
        assert_eq!(check(&t), Err(EmbedError::BadSignature));
    }

    #[test]
    fn alg_none_and_other_algorithms_are_refused() {
        let unsigned = {
            let header = URL_SAFE_NO_PAD.encode(r#"{"alg":"none","typ":"JWT"}"#);
            let payload =
                URL_SAFE_NO_PAD.encode(json!({"sub": "cus_42", "exp": NOW + 60}).to_string());
            format!("{header}.{payload}.")
        };
        assert_eq!(check(&unsigned), Err(EmbedError::WrongAlgorithm));
        let hs512 = sign(&json!({"sub": "cus_42", "exp": NOW + 60}), SECRET, "HS512");
        assert_eq!(check(&hs512), Err(EmbedError::WrongAlgorithm));
    }

    #[test]
    fn bad_subjects_and_garbage_are_refused() {
        let t = token(json!({"sub": "../../etc", "exp": NOW + 60}));
        assert!(matches!(check(&t), Err(EmbedError::Claims(_))));
        let t = token(json!({"sub": "x".repeat(65), "exp": NOW + 60}));
        assert!(matches!(check(&t), Err(EmbedError::Claims(_))));
        assert_eq!(check("not-a-jwt"), Err(EmbedError::Malformed));
        assert_eq!(check("a.b.c"), Err(EmbedError::Malformed));
    }

    #[test]
    fn aud_iat_and_jti_are_required_and_checked() {
        assert!(
            check(&token(
                json!({"sub": "cus_42", "exp": NOW + 60, "aud": [AUD, "other"]})
            ))
            .is_ok()
        );
        for (extra, error) in [
            (json!({"aud": null}), EmbedError::WrongAudience),
            (
                json!({"aud": "https://evil.example"}),
                EmbedError::WrongAudience,
            ),
            (json!({"iat": NOW + 3600}), EmbedError::NotYetValid),
            (json!({"nbf": NOW + 3600}), EmbedError::NotYetValid),
            (json!({"iat": NOW - 3600}), EmbedError::TooLong),
        ] {
            let mut claims = json!({"sub": "cus_42", "exp": NOW + 60});
            for (key, value) in extra.as_object().unwrap() {
                claims[key] = value.clone();
            }
            assert_eq!(check(&token(claims.clone())), Err(error), "{claims}");
        }
        assert!(matches!(
            check(&token(
                json!({"sub": "cus_42", "exp": NOW + 60, "iat": null})
            )),
            Err(EmbedError::Claims(_))
        ));
        assert!(matches!(
            check(&token(
                json!({"sub": "cus_42", "exp": NOW + 60, "jti": null})
            )),
            Err(EmbedError::Claims(_))
        ));
        let claims = check(&token(
            json!({"sub": "cus_42", "exp": NOW + 60, "nbf": NOW}),
        ))
        .unwrap();
        assert_eq!(claims.jti, "j-1");
        assert_eq!(claims.expires_at, NOW + 60 + LEEWAY_SECS);
    }
}
