//! Sign-up (seed step 1) and the embed hand-off: both end in an upserted linked account and a
//! session cookie.
//!
//! A sign-up form carries a ticket, `{customer id}.{issued at}.{HMAC}`, minted when the form is
//! rendered: submitting the same form again (after a failure) upserts the same linked account
//! instead of creating another, nobody can choose the customer id of someone else, and a
//! ticket is good for [`TICKET_TTL_SECS`] only, so tickets cannot be hoarded.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::Config;
use super::config::random_hex;

fn mac(config: &Config) -> Option<Hmac<Sha256>> {
    let mut mac = Hmac::<Sha256>::new_from_slice(config.cookie_key.expose().as_bytes()).ok()?;
    mac.update(b"signup-ticket:");
    Some(mac)
}

/// How long a sign-up form may stay open before it must be submitted again.
pub const TICKET_TTL_SECS: u64 = 3600;

/// A fresh ticket for a new customer id, issued at `now` (Unix seconds).
pub fn new_ticket(config: &Config, now: u64) -> Option<String> {
    let signed = format!("cus_{}.{now}", random_hex(10).ok()?);
    let mut mac = mac(config)?;
    mac.update(signed.as_bytes());
    Some(format!(
        "{signed}.{}",
        hex::encode(mac.finalize().into_bytes())
    ))
}

/// The customer id a genuine ticket, issued at most [`TICKET_TTL_SECS`] before `now`,
/// stands for.
pub fn verify_ticket(config: &Config, ticket: &str, now: u64) -> Option<String> {
    let (signed, signature) = ticket.rsplit_once('.')?;
    let (id, issued) = signed.split_once('.')?;
    let signature = hex::decode(signature).ok()?;
    let mut mac = mac(config)?;
    mac.update(signed.as_bytes());
    mac.verify_slice(&signature).ok()?;
    let issued: u64 = issued.parse().ok()?;
    if issued > now + 60 || now.saturating_sub(issued) > TICKET_TTL_SECS {
        return None;
    }
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
        let now = 1_800_000_000;
        let ticket = new_ticket(&config, now).unwrap();
        let id = verify_ticket(&config, &ticket, now).unwrap();
        assert!(id.starts_with("cus_") && ticket.starts_with(&id));
        let forged = ticket.replacen(&id, "cus_someone_else", 1);
        assert_eq!(verify_ticket(&config, &forged, now), None);
        let other = Config::from_lookup(|_| None).unwrap();
        assert_eq!(verify_ticket(&other, &ticket, now), None, "another key");
        assert_eq!(verify_ticket(&config, "garbage", now), None);
    }

    #[test]
    fn a_ticket_expires_after_an_hour() {
        let config = Config::from_lookup(|_| None).unwrap();
        let now = 1_800_000_000;
        let ticket = new_ticket(&config, now).unwrap();
        assert!(verify_ticket(&config, &ticket, now + TICKET_TTL_SECS).is_some());
        assert_eq!(
            verify_ticket(&config, &ticket, now + TICKET_TTL_SECS + 1),
            None
        );
        let later = ticket.replacen(&format!(".{now}."), &format!(".{}.", now + 9999), 1);
        assert_eq!(
            verify_ticket(&config, &later, now + 9999),
            None,
            "the time is signed"
        );
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
