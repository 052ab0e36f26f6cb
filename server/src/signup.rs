//! `POST /signup`: the sign-up form (seed step 1).

use app::pages::SignupDraft;
use app::server::{AppState, Identity, identity::now_secs, signup};
use axum::{
    Form,
    extract::State,
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;

use crate::render::{Language, render_page};
use crate::session::sign_in;

/// The sign-up form's fields.
#[derive(Debug, Deserialize)]
pub struct SignupForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    ticket: String,
    #[serde(default)]
    return_to: String,
}

/// Validates, upserts the linked account, then sets the cookie. Any failure renders the form
/// again with every value kept, and sets no cookie.
pub async fn signup(
    State(state): State<AppState>,
    Language(locale): Language,
    Form(form): Form<SignupForm>,
) -> Response {
    if !state.config.signup_enabled {
        return Redirect::to("/signed-out").into_response();
    }
    let name = app::model::validate_name(&form.name);
    let email = app::model::validate_email(&form.email);
    let customer_id = signup::verify_ticket(&state.config, &form.ticket, now_secs());
    let mut draft = SignupDraft {
        name: form.name.trim().to_owned(),
        email: form.email.trim().to_owned(),
        ticket: form.ticket.clone(),
        return_to: form.return_to.clone(),
        name_error: name.as_ref().err().cloned(),
        email_error: email.as_ref().err().cloned(),
        form_error: None,
    };
    let (Ok(name), Ok(email)) = (name, email) else {
        return render_page(
            &state,
            "/signup",
            StatusCode::UNPROCESSABLE_ENTITY,
            draft,
            None,
            locale,
        )
        .await;
    };
    let Some(customer_id) = customer_id else {
        draft.ticket.clear();
        // No page is being rendered yet: the server's catalogs are asked directly.
        draft.form_error = Some(
            state
                .config
                .strings
                .format(locale, "server-signup-expired", &[]),
        );
        return render_page(
            &state,
            "/signup",
            StatusCode::UNPROCESSABLE_ENTITY,
            draft,
            None,
            locale,
        )
        .await;
    };
    if let Err(err) = app::server::accounts::upsert(&state, &customer_id, &name, Some(&email)).await
    {
        tracing::warn!(error = %err, "sign-up: upserting the linked account failed");
        draft.form_error = Some(state.config.strings.format(
            locale,
            "server-signup-unavailable",
            &[],
        ));
        return render_page(
            &state,
            "/signup",
            StatusCode::BAD_GATEWAY,
            draft,
            None,
            locale,
        )
        .await;
    }
    let identity = Identity::new(&state.config, customer_id, name, false);
    sign_in(
        &state,
        &identity,
        &signup::safe_return_path(Some(&form.return_to)),
    )
}
