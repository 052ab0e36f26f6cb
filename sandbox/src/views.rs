//! Turns the sandbox's records into Cobalt's JSON shapes.

use std::collections::BTreeMap;

use cobalt::{
    Application, AuthType, ConnectedAccount, Integration, LinkedAccount, LinkedAccountPage,
};

use crate::catalog::CatalogApp;
use crate::error::ApiError;
use crate::state::{ORG_ID, SandboxState};
use crate::store::Account;

/// An app as the linked account sees it: catalog data plus its connection state.
pub fn application(state: &SandboxState, app: &CatalogApp, account: &Account) -> Application {
    let connection = account.connections.get(&app.slug);
    let inputs = match app.auth_type {
        AuthType::KeyBased => app.auth_input_map.clone(),
        _ => Vec::new(),
    };
    Application {
        name: app.name.clone(),
        description: app.description.clone(),
        icon: state.logo_url(&app.slug),
        app_type: Some(app.slug.clone()),
        slug: Some(app.slug.clone()),
        app_id: Some(app.app_id.clone()),
        id: None,
        auth_type: Some(app.auth_type.clone()),
        auth_type_options: Some(BTreeMap::from([(
            app.auth_type.to_string(),
            inputs.clone(),
        )])),
        auth_input_map: inputs,
        connected: connection.is_some(),
        connected_accounts: connection
            .map(|connection| ConnectedAccount {
                identifier: connection.identifier.clone(),
                connected_at: Some(connection.connected_at.clone()),
                auth_type: Some(connection.auth_type.clone()),
                status: Some(connection.status.clone()),
                default_credentials: None,
            })
            .into_iter()
            .collect(),
        reauth_required: connection.is_some_and(|connection| connection.reauth_required()),
        tags: app.tags.clone(),
        version: None,
        ecosystem: Some(false),
        webhook_url: None,
    }
}

/// A linked account with its integrations (never credentials or tokens).
pub fn linked_account(state: &SandboxState, account: &Account) -> LinkedAccount {
    let integrations = account
        .connections
        .iter()
        .map(|(slug, connection)| Integration {
            id: Some(connection.id.clone()),
            app_type: slug.clone(),
            name: state.catalog().get(slug).map(|app| app.name.clone()),
            icon: Some(state.logo_url(slug)),
            identifier: Some(connection.identifier.clone()),
            // Cobalt answers `null` for native apps; only custom apps carry an app id here.
            app_id: None,
            refresh_token_expired: Some(connection.reauth_required()),
            reauth_required: Some(connection.reauth_required()),
            created_at: Some(connection.connected_at.clone()),
            updated_at: Some(connection.updated_at.clone()),
        })
        .collect();
    LinkedAccount {
        id: Some(account.id.clone()),
        associated_org: Some(ORG_ID.to_owned()),
        account_id: account.account_id.clone(),
        environment: Some(account.environment.clone()),
        name: account.name.clone(),
        udf: account.udf.clone(),
        integrations: Some(integrations),
        created_at: Some(account.created_at.clone()),
        updated_at: Some(account.updated_at.clone()),
        revision: Some(account.revision),
        new_account: None,
    }
}

/// One page of accounts, in mongoose-paginate's shape.
pub fn account_page(
    state: &SandboxState,
    accounts: &[&Account],
    page: u64,
    limit: u64,
) -> LinkedAccountPage {
    let total = accounts.len() as u64;
    let total_pages = total.div_ceil(limit).max(1);
    let skip = usize::try_from((page - 1).saturating_mul(limit)).unwrap_or(usize::MAX);
    let take = usize::try_from(limit).unwrap_or(usize::MAX);
    let docs = accounts
        .iter()
        .skip(skip)
        .take(take)
        .map(|account| linked_account(state, account))
        .collect();
    LinkedAccountPage {
        docs,
        total_docs: total,
        limit,
        total_pages,
        page,
        paging_counter: (page - 1) * limit + 1,
        has_prev_page: page > 1,
        has_next_page: page < total_pages,
        prev_page: (page > 1).then(|| page - 1),
        next_page: (page < total_pages).then(|| page + 1),
    }
}

/// Cobalt's answer for an account the org does not have.
pub fn account_not_found(account: &crate::auth::AccountScope) -> ApiError {
    ApiError::new(
        axum::http::StatusCode::NOT_FOUND,
        "INVALID_LINKED_ACCOUNT_ID",
        format!(
            "Linked Account with account id {} for org {ORG_ID} in environment {} not found",
            account.account_id, account.environment
        ),
    )
}

/// Cobalt's answer for a slug the org has not enabled.
pub fn app_not_found(slug: &str) -> ApiError {
    ApiError::new(
        axum::http::StatusCode::NOT_FOUND,
        "INVALID_APP_ID",
        format!("Application with app_type '{slug}' not found for org {ORG_ID}"),
    )
}
