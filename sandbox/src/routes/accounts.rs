//! Linked accounts: create, upsert, get, list, delete, and the session's own account.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, State};
use cobalt::{LinkedAccount, LinkedAccountPayload, Message, WebhookEvent};
use serde_json::Value;

use crate::auth::{AccountScope, ApiKey, Caller, Session};
use crate::error::ApiError;
use crate::extract::{JsonBody, QueryParams};
use crate::state::SandboxState;
use crate::store::Account;
use crate::views::{account_not_found, account_page, linked_account};
use crate::webhooks;

const MAX_ID_LEN: usize = 256;
const MAX_UDF: usize = 100;

/// A validated create/upsert body.
struct AccountFields {
    account_id: Option<String>,
    name: Option<String>,
    udf: BTreeMap<String, String>,
}

impl AccountFields {
    /// Validates the body; fields nested under `payload` take precedence over top-level ones.
    fn parse(body: LinkedAccountPayload) -> Result<Self, ApiError> {
        let nested = body.payload.map(|nested| *nested).unwrap_or_default();
        let account_id = nested.linked_account_id.or(body.linked_account_id);
        let name = nested.name.or(body.name);
        let your_app = nested.your_app.or(body.your_app);
        let mut udf_values = body.udf.unwrap_or_default();
        udf_values.extend(nested.udf.unwrap_or_default());

        if let Some(id) = &account_id {
            if id.trim().is_empty() {
                return Err(ApiError::linked_account_required());
            }
            if id.len() > MAX_ID_LEN || id.chars().any(char::is_control) {
                return Err(ApiError::bad_request(format!(
                    "linked_account_id must be at most {MAX_ID_LEN} printable characters"
                )));
            }
        }
        if name.as_ref().is_some_and(|name| name.len() > MAX_ID_LEN) {
            return Err(ApiError::bad_request(format!(
                "name must be at most {MAX_ID_LEN} characters"
            )));
        }
        if your_app
            .as_ref()
            .is_some_and(|app| app.get("auth_credentials").is_none())
        {
            return Err(ApiError::bad_request(
                "Valid App ID and Auth credentials required in your_app",
            ));
        }
        if udf_values.len() > MAX_UDF {
            return Err(ApiError::bad_request(format!(
                "udf may hold at most {MAX_UDF} keys"
            )));
        }
        let mut udf = BTreeMap::new();
        for (key, value) in udf_values {
            let text = match value {
                Value::String(text) => text,
                Value::Number(number) => number.to_string(),
                Value::Bool(flag) => flag.to_string(),
                _ => return Err(ApiError::bad_request(format!("udf.{key} must be a string"))),
            };
            if key.trim().is_empty() {
                return Err(ApiError::bad_request("udf keys must not be empty"));
            }
            udf.insert(key, text);
        }
        Ok(Self {
            account_id,
            name,
            udf,
        })
    }
}

/// `POST /api/v2/public/linked-account`: creates an account; an existing id is a 400.
pub async fn create(
    State(state): State<SandboxState>,
    key: ApiKey,
    JsonBody(body): JsonBody<LinkedAccountPayload>,
) -> Result<Json<LinkedAccount>, ApiError> {
    let fields = AccountFields::parse(body)?;
    let account_id = fields.account_id.ok_or_else(|| ApiError {
        message: "linked_account_id required".into(),
        ..ApiError::linked_account_required()
    })?;
    let view = {
        let mut data = state.write();
        let accounts = data.accounts.entry(key.environment.clone()).or_default();
        if accounts.contains_key(&account_id) {
            return Err(ApiError::bad_request(format!(
                "Linked account with id {account_id} already exists in the {} environment",
                key.environment
            )));
        }
        let mut account = Account::new(key.environment.clone(), account_id.clone(), fields.name);
        account.merge_udf(fields.udf);
        let view = linked_account(&state, &account);
        accounts.insert(account_id, account);
        view
    };
    state.persist().await;
    Ok(Json(view))
}

/// `PUT /api/v2/public/linked-account`: creates or updates. With a session token the id is the
/// token's; `new_account` says whether the call created it.
pub async fn upsert(
    State(state): State<SandboxState>,
    caller: Caller,
    JsonBody(body): JsonBody<LinkedAccountPayload>,
) -> Result<Json<LinkedAccount>, ApiError> {
    let fields = AccountFields::parse(body)?;
    let account_id = match &caller {
        Caller::Session(session) => session.account_id.clone(),
        Caller::Key(_) => fields
            .account_id
            .ok_or_else(ApiError::linked_account_required)?,
    };
    let environment = caller.environment().clone();
    let view = {
        let mut data = state.write();
        let accounts = data.accounts.entry(environment.clone()).or_default();
        let created = !accounts.contains_key(&account_id);
        let account = accounts
            .entry(account_id.clone())
            .or_insert_with(|| Account::new(environment, account_id, None));
        if fields.name.is_some() {
            account.name = fields.name;
        }
        account.merge_udf(fields.udf);
        if !created {
            account.touch();
        }
        LinkedAccount {
            new_account: Some(created),
            ..linked_account(&state, account)
        }
    };
    state.persist().await;
    Ok(Json(view))
}

/// `GET /api/v2/public/linked-account?page=&limit=`: mongoose-paginate pages of accounts.
pub async fn list(
    State(state): State<SandboxState>,
    key: ApiKey,
    query: QueryParams,
) -> Result<Json<cobalt::LinkedAccountPage>, ApiError> {
    let number = |name: &str, default: u64, max: u64| -> Result<u64, ApiError> {
        match query.get(name) {
            None | Some("") => Ok(default),
            Some(text) => text
                .parse::<u64>()
                .ok()
                .filter(|value| (1..=max).contains(value))
                .ok_or_else(|| {
                    ApiError::bad_request(format!("{name} must be a number from 1 to {max}"))
                }),
        }
    };
    let page = number("page", 1, 1_000_000)?;
    let limit = number("limit", 10, 100)?;
    let data = state.read();
    let filter = query
        .get("env_variable_name")
        .zip(query.get("env_variable_value"));
    let accounts: Vec<&Account> = data
        .accounts
        .get(&key.environment)
        .into_iter()
        .flat_map(|accounts| accounts.values())
        .filter(|account| {
            filter.is_none_or(|(name, value)| {
                account
                    .udf
                    .iter()
                    .any(|udf| udf.key_name == name && udf.key_value == value)
            })
        })
        .collect();
    Ok(Json(account_page(&state, &accounts, page, limit)))
}

/// `GET /api/v2/public/linked-account/{id}`. A session token may read only its own account.
pub async fn get(
    State(state): State<SandboxState>,
    caller: Caller,
    Path(account_id): Path<String>,
) -> Result<Json<LinkedAccount>, ApiError> {
    let scope = AccountScope {
        environment: caller.environment().clone(),
        account_id,
    };
    if let Caller::Session(session) = &caller
        && session.account_id != scope.account_id
    {
        return Err(account_not_found(&scope));
    }
    let data = state.read();
    let account = data
        .account(&scope.environment, &scope.account_id)
        .ok_or_else(|| account_not_found(&scope))?;
    Ok(Json(linked_account(&state, account)))
}

/// `DELETE /api/v2/public/linked-account/{id}`: removes the account, its connections (one
/// Connection Deleted webhook each), its configs and its session tokens.
pub async fn delete(
    State(state): State<SandboxState>,
    key: ApiKey,
    Path(account_id): Path<String>,
) -> Result<Json<Message>, ApiError> {
    let scope = AccountScope {
        environment: key.environment,
        account_id,
    };
    let removed = {
        let mut data = state.write();
        let removed = data
            .accounts
            .get_mut(&scope.environment)
            .and_then(|accounts| accounts.remove(&scope.account_id))
            .ok_or_else(|| account_not_found(&scope))?;
        data.forget_tokens(&scope.environment, &scope.account_id);
        data.consents.retain(|_, consent| {
            !(consent.environment == scope.environment && consent.account_id == scope.account_id)
        });
        removed
    };
    for slug in removed.connections.keys() {
        webhooks::emit(
            &state,
            &scope.environment,
            &scope.account_id,
            slug,
            WebhookEvent::ConnectionDeleted,
        );
    }
    state.persist().await;
    Ok(Json(Message {
        message: "User deleted successfully".into(),
    }))
}

/// `GET /api/v2/public/session/active-linked-account`: the session token's account.
pub async fn active(
    State(state): State<SandboxState>,
    session: Session,
) -> Result<Json<LinkedAccount>, ApiError> {
    let scope = AccountScope::from(session);
    let data = state.read();
    let account = data
        .account(&scope.environment, &scope.account_id)
        .ok_or_else(|| account_not_found(&scope))?;
    Ok(Json(linked_account(&state, account)))
}
