//! Sign-up (seed step 1) and the embed hand-off: both end in an upserted linked account and a
//! session cookie.
//!
//! A sign-up form carries a ticket, `{customer id}.{HMAC}`, minted when the form is rendered:
//! submitting the same form again (after a failure) upserts the same linked account instead of
//! creating another, and nobody can choose the customer id of someone else.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::Config;
use super::config::random_hex;

fn mac(config: &Config) -> Option<Hmac<Sha256>> {
    let mut mac = Hmac::<Sha256>::new_from_slice(config.cookie_key.expose().as_bytes()).ok()?;
    mac.update(b"signup-ticket:");
    Some(mac)
}

/// A fresh ticket for a new customer id.
pub fn new_ticket(config: &Config) -> Option<String> {
    let id = format!("cus_{}", random_hex(10).ok()?);
    let mut mac = mac(config)?;
    mac.update(id.as_bytes());
    Some(format!("{id}.{}", hex::encode(mac.finalize().into_bytes())))
}

/// The customer id a genuine ticket stands for.
pub fn verify_ticket(config: &Config, ticket: &str) -> Option<String> {
    let (id, signature) = ticket.split_once('.')?;
    let signature = hex::decode(signature).ok()?;
    let mut mac = mac(config)?;
    mac.update(id.as_bytes());
    mac.verify_slice(&signature).ok()?;
    crate::model::validate_customer_id(id).ok()
}

/// A return path after sign-in: only our own absolute paths, never another origin
/// (`//evil.example`, `/\evil.example`, `https://…`).
pub fn safe_return_path(candidate: Option<&str>) -> String {
    match candidate {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.contains('\\')
                && !path.chars().any(char::is_control)
                && path.len() <= 512 =>
        {
            path.to_owned()
        }
        _ => "/integrations".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ticket_verifies_to_its_customer_id_and_forgeries_do_not() {
        let config = Config::from_lookup(|_| None).unwrap();
        let ticket = new_ticket(&config).unwrap();
        let id = verify_ticket(&config, &ticket).unwrap();
        assert!(id.starts_with("cus_") && ticket.starts_with(&id));
        let forged = ticket.replacen(&id, "cus_someone_else", 1);
        assert_eq!(verify_ticket(&config, &forged), None);
        let other = Config::from_lookup(|_| None).unwrap();
        assert_eq!(verify_ticket(&other, &ticket), None, "another key");
        assert_eq!(verify_ticket(&config, "garbage"), None);
    }

    #[test]
    fn return_paths_stay_on_this_site() {
        assert_eq!(
            safe_return_path(Some("/integrations/hubspot")),
            "/integrations/hubspot"
        );
        for bad in [
            "//evil.example",
            "https://evil.example",
            "/\\evil.example",
            "evil",
            "",
        ] {
            assert_eq!(safe_return_path(Some(bad)), "/integrations", "{bad}");
        }
        assert_eq!(safe_return_path(None), "/integrations");
    }
}
