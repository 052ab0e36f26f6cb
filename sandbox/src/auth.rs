//! Authentication as Cobalt does it: `x-api-key` for the org, `Authorization: Bearer` for a
//! session token scoped to one linked account. Session tokens are HS256 JWTs with Cobalt's
//! claims, and the sandbox also remembers each one so it can revoke and expire them.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use cobalt::{Environment, SessionClaims};
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::clock::unix_now;
use crate::error::ApiError;
use crate::state::{ORG_ID, SandboxState};
use crate::store::{Data, TokenRecord};

/// Session tokens live 24 hours, as Cobalt's docs say.
pub const SESSION_TTL_SECS: u64 = 24 * 60 * 60;
/// The refresh token's advertised lifetime (the sandbox has no refresh route).
pub const REFRESH_TTL_SECS: u64 = 30 * 24 * 60 * 60;

/// `{"alg":"HS256","typ":"JWT"}`, encoded.
const JWT_HEADER: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";

/// HMAC-SHA256 keyed with `key`. HMAC takes keys of any length, so this is `None` only in
/// theory; callers turn that into an error rather than a panic.
pub fn hmac_sha256(key: &[u8], message: &[u8]) -> Option<Vec<u8>> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).ok()?;
    mac.update(message);
    Some(mac.finalize().into_bytes().to_vec())
}

/// Signs `claims` as an HS256 JWT.
pub fn sign(secret: &str, claims: &SessionClaims) -> Option<String> {
    let payload = serde_json::to_vec(claims).ok()?;
    let signing_input = format!("{JWT_HEADER}.{}", URL_SAFE_NO_PAD.encode(payload));
    let signature = hmac_sha256(secret.as_bytes(), signing_input.as_bytes())?;
    Some(format!(
        "{signing_input}.{}",
        URL_SAFE_NO_PAD.encode(signature)
    ))
}

/// The claims of a token signed with `secret`, or `None` if it is not one.
pub fn verify(secret: &str, token: &str) -> Option<SessionClaims> {
    let (signing_input, signature) = token.rsplit_once('.')?;
    let (header, payload) = signing_input.split_once('.')?;
    if header != JWT_HEADER {
        return None;
    }
    let signature = URL_SAFE_NO_PAD.decode(signature).ok()?;
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).ok()?;
    mac.update(signing_input.as_bytes());
    // Constant-time comparison.
    mac.verify_slice(&signature).ok()?;
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).ok()?).ok()
}

/// Returns the account's current token, or mints one when there is none, it is unusable, or
/// `force_refresh` asks for a new one.
pub fn mint(
    data: &mut Data,
    environment: &Environment,
    account_id: &str,
    force_refresh: bool,
) -> Result<(String, TokenRecord), ApiError> {
    let now = unix_now();
    let mine = |record: &TokenRecord| {
        record.environment == *environment && record.account_id == account_id
    };
    if !force_refresh {
        let current = data
            .tokens
            .iter()
            .filter(|(_, record)| mine(record) && record.is_usable(now))
            .max_by_key(|(_, record)| record.iat);
        if let Some((token, record)) = current {
            return Ok((token.clone(), record.clone()));
        }
    }
    // Claims carry whole seconds; moving `iat` past the latest token keeps two tokens minted
    // within one second (force_refresh) distinct.
    let latest = data
        .tokens
        .values()
        .filter(|record| mine(record))
        .map(|record| record.iat)
        .max();
    let iat = latest.map_or(now, |latest| now.max(latest + 1));
    let claims = SessionClaims {
        org_id: ORG_ID.to_owned(),
        linked_account_id: account_id.to_owned(),
        environment: environment.clone(),
        iat,
        exp: iat + SESSION_TTL_SECS,
    };
    let token = sign(&data.jwt_secret, &claims)
        .ok_or_else(|| ApiError::internal("Could not sign the session token"))?;
    let record = TokenRecord {
        environment: environment.clone(),
        account_id: account_id.to_owned(),
        iat,
        exp: claims.exp,
        revoked: false,
    };
    data.tokens.insert(token.clone(), record.clone());
    Ok((token, record))
}

/// A caller holding a configured API key.
#[derive(Debug, Clone)]
pub struct ApiKey {
    pub environment: Environment,
}

/// A caller holding a valid session token.
#[derive(Debug, Clone)]
pub struct Session {
    pub environment: Environment,
    pub account_id: String,
    pub token: String,
}

/// A caller acting for one linked account: an API key with `linked_account_id` (header first,
/// then query), or a session token.
#[derive(Debug, Clone)]
pub struct AccountScope {
    pub environment: Environment,
    pub account_id: String,
}

fn header<'a>(parts: &'a Parts, name: &str) -> Option<&'a str> {
    parts
        .headers
        .get(name)
        .and_then(|value| value.to_str().ok())
        .map(str::trim)
}

/// A query parameter, percent-decoded.
pub fn query_param(parts: &Parts, name: &str) -> Option<String> {
    let query = parts.uri.query()?;
    form_urlencoded::parse(query.as_bytes())
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.into_owned())
}

fn api_key(parts: &Parts, state: &SandboxState) -> Result<ApiKey, ApiError> {
    header(parts, "x-api-key")
        .and_then(|key| state.key_environment(key))
        .map(|environment| ApiKey { environment })
        .ok_or_else(ApiError::invalid_credentials)
}

fn session(parts: &Parts, state: &SandboxState) -> Result<Session, ApiError> {
    let token = header(parts, "authorization")
        .and_then(|value| value.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim())
        .ok_or_else(ApiError::invalid_token)?;
    let data = state.read();
    let claims = verify(&data.jwt_secret, token).ok_or_else(ApiError::invalid_token)?;
    let record = data.tokens.get(token).ok_or_else(ApiError::invalid_token)?;
    if !record.is_usable(unix_now())
        || data
            .account(&claims.environment, &claims.linked_account_id)
            .is_none()
    {
        return Err(ApiError::invalid_token());
    }
    Ok(Session {
        environment: claims.environment,
        account_id: claims.linked_account_id,
        token: token.to_owned(),
    })
}

impl FromRequestParts<SandboxState> for ApiKey {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &SandboxState) -> Result<Self, ApiError> {
        api_key(parts, state)
    }
}

impl FromRequestParts<SandboxState> for Session {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &SandboxState) -> Result<Self, ApiError> {
        session(parts, state)
    }
}

impl FromRequestParts<SandboxState> for AccountScope {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &SandboxState) -> Result<Self, ApiError> {
        if parts.headers.contains_key("x-api-key") {
            let key = api_key(parts, state)?;
            let account_id = header(parts, "linked_account_id")
                .filter(|id| !id.is_empty())
                .map(str::to_owned)
                .or_else(|| query_param(parts, "linked_account_id").filter(|id| !id.is_empty()))
                .ok_or_else(ApiError::linked_account_required)?;
            return Ok(Self {
                environment: key.environment,
                account_id,
            });
        }
        if parts.headers.contains_key("authorization") {
            let session = session(parts, state)?;
            return Ok(Self {
                environment: session.environment,
                account_id: session.account_id,
            });
        }
        Err(ApiError::invalid_credentials())
    }
}

/// Either credential, for routes that take both; the account comes from the body or path.
#[derive(Debug, Clone)]
pub enum Caller {
    Key(ApiKey),
    Session(Session),
}

impl Caller {
    pub fn environment(&self) -> &Environment {
        match self {
            Self::Key(key) => &key.environment,
            Self::Session(session) => &session.environment,
        }
    }
}

impl FromRequestParts<SandboxState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &SandboxState) -> Result<Self, ApiError> {
        if parts.headers.contains_key("x-api-key") {
            return api_key(parts, state).map(Self::Key);
        }
        if parts.headers.contains_key("authorization") {
            return session(parts, state).map(Self::Session);
        }
        Err(ApiError::invalid_credentials())
    }
}

/// A session caller, as an [`AccountScope`] (for the f-sdk twins of public routes).
#[derive(Debug, Clone)]
pub struct SessionScope(pub AccountScope);

impl FromRequestParts<SandboxState> for SessionScope {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &SandboxState) -> Result<Self, ApiError> {
        session(parts, state).map(|session| Self(session.into()))
    }
}

/// Extractors that name the linked account a route acts for.
pub trait Scoped {
    fn scope(self) -> AccountScope;
}

impl Scoped for AccountScope {
    fn scope(self) -> AccountScope {
        self
    }
}

impl Scoped for SessionScope {
    fn scope(self) -> AccountScope {
        self.0
    }
}

impl From<Session> for AccountScope {
    fn from(session: Session) -> Self {
        Self {
            environment: session.environment,
            account_id: session.account_id,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims() -> SessionClaims {
        SessionClaims {
            org_id: ORG_ID.into(),
            linked_account_id: "user_1".into(),
            environment: Environment::Test,
            iat: 1_686_643_089,
            exp: 1_686_643_089 + SESSION_TTL_SECS,
        }
    }

    #[test]
    fn a_signed_token_verifies_and_carries_cobalts_claims() {
        let token = sign("secret", &claims()).unwrap();
        assert!(token.starts_with("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."));
        assert_eq!(verify("secret", &token), Some(claims()));
        let payload = token.split('.').nth(1).unwrap();
        let json: serde_json::Value =
            serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).unwrap()).unwrap();
        let keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys.len(), 5);
        for key in ["org_id", "linked_account_id", "environment", "iat", "exp"] {
            assert!(keys.contains(&key), "{key}");
        }
    }

    #[test]
    fn a_token_signed_with_another_key_or_tampered_with_is_rejected() {
        let token = sign("secret", &claims()).unwrap();
        assert_eq!(verify("other", &token), None);
        let mut tampered = token.clone();
        tampered.insert(40, 'x');
        assert_eq!(verify("secret", &tampered), None);
        assert_eq!(verify("secret", "garbage"), None);
    }

    #[test]
    fn minting_reuses_the_current_token_unless_forced() {
        let mut data = Data::new();
        let (first, record) = mint(&mut data, &Environment::Test, "user_1", false).unwrap();
        assert_eq!(record.exp - record.iat, SESSION_TTL_SECS);
        let (again, _) = mint(&mut data, &Environment::Test, "user_1", false).unwrap();
        assert_eq!(first, again);
        let (forced, _) = mint(&mut data, &Environment::Test, "user_1", true).unwrap();
        assert_ne!(first, forced);
        let (other, _) = mint(&mut data, &Environment::Test, "user_2", false).unwrap();
        assert_ne!(first, other);
    }
}
