//! `SecretToken`: a credential (API key or session token) that never shows up in `Debug` output.

use std::fmt;

/// An API key or a session token. `Debug` prints a placeholder and there is no `Display`, so
/// the value only leaves through an explicit [`SecretToken::expose`].
#[derive(Clone, PartialEq, Eq)]
pub struct SecretToken(String);

impl SecretToken {
    /// The secret itself, e.g. to hand a session token to the browser.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl From<String> for SecretToken {
    fn from(value: String) -> Self {
        Self(value)
    }
}

impl From<&str> for SecretToken {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}

impl fmt::Debug for SecretToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretToken(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_the_secret_and_expose_reveals_it() {
        let secret = SecretToken::from("tk_very_secret");
        assert_eq!(format!("{secret:?}"), "SecretToken(<redacted>)");
        assert_eq!(format!("{secret:#?}"), "SecretToken(<redacted>)");
        assert_eq!(secret.expose(), "tk_very_secret");
    }
}
