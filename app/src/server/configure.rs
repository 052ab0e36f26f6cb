//! Loading a config as a form (with the live options of its dynamic and dependent selects)
//! and saving a posted form, for the server-rendered configuration form.

use std::collections::BTreeMap;

use serde_json::Value;

use super::{AppState, Identity};
use crate::error::AppError;
use crate::model::FormDraft;
use crate::model::config_form::{
    ConfigForm, Control, field_name, not_saved_message, parse_submission, scopes, value_text,
};
use crate::model::connect::FieldProblem;

/// Most named configurations one account may create for one app.
pub const MAX_NAMED_CONFIGS: usize = 20;

/// Finds the account's config of the app (`None`: the default one, created from the app's
/// template if missing). A named `config_id` must be one of the account's own: an id from the
/// browser never reaches Cobalt unchecked, and nothing but [`create_named`] creates one.
pub async fn find_or_create(
    state: &AppState,
    identity: &Identity,
    slug: &str,
    config_id: Option<&str>,
) -> Result<cobalt::Config, AppError> {
    check_owned(state, identity, slug, config_id).await?;
    state.account(identity).config(slug, config_id).await
}

/// Refuses a named configuration the account does not own (404, as if it did not exist).
/// The account's own id is Cobalt's name for its default configuration.
async fn check_owned(
    state: &AppState,
    identity: &Identity,
    slug: &str,
    config_id: Option<&str>,
) -> Result<(), AppError> {
    match config_id {
        None => Ok(()),
        Some(id) if id == identity.account_id => Ok(()),
        Some(id)
            if state
                .account(identity)
                .named_configs(slug)
                .await?
                .iter()
                .any(|n| n == id) =>
        {
            Ok(())
        }
        Some(_) => Err(AppError::NotFound(crate::t!(
            "error-not-found-configuration"
        ))),
    }
}

/// Finds or creates the config and fetches the options of every dynamic or dependent select.
/// A dependent field's options follow its parent's value in `form` when one was posted, else
/// the stored one. A field whose options fail to load carries the reason instead.
pub async fn load(
    state: &AppState,
    identity: &Identity,
    slug: &str,
    config_id: Option<&str>,
    form: Option<&[(String, String)]>,
) -> Result<ConfigForm, AppError> {
    let config = find_or_create(state, identity, slug, config_id).await?;
    let mut options = BTreeMap::new();
    let mut problems: Vec<FieldProblem> = config
        .field_errors
        .iter()
        .filter_map(|error| {
            let id = error.id.as_deref()?;
            Some(FieldProblem {
                field: field_name(None, id),
                message: error.error.message.clone(),
            })
        })
        .collect();
    let place = Place {
        state,
        identity,
        slug,
        config_id,
    };
    for (workflow, fields) in scopes(&config) {
        for field in fields.iter().filter(|f| f.has_live_options()) {
            let name = field_name(workflow, &field.id);
            match place.live_options(workflow, fields, field, form).await {
                Ok(choices) => {
                    options.insert(name, choices);
                }
                Err(problem) => problems.push(FieldProblem {
                    field: name,
                    message: problem.message(),
                }),
            }
        }
    }
    Ok(ConfigForm {
        config,
        options,
        problems,
        stored_secrets: Vec::new(),
        named: Vec::new(),
    })
}

/// The options of one dynamic or dependent select (`name`, its form name) as (posted value,
/// label) pairs; a dependent one for its parent's value in `form`. For the hydrated form,
/// which fetches them when the select is first opened and again when its parent changes.
pub async fn select_options(
    state: &AppState,
    identity: &Identity,
    slug: &str,
    config_id: Option<&str>,
    name: &str,
    form: &[(String, String)],
) -> Result<Vec<(String, String)>, AppError> {
    let config = find_or_create(state, identity, slug, config_id).await?;
    let (workflow, fields, field) = scopes(&config)
        .find_map(|(workflow, fields)| {
            fields
                .iter()
                .find(|f| f.has_live_options() && field_name(workflow, &f.id) == name)
                .map(|field| (workflow, fields, field))
        })
        .ok_or_else(|| AppError::NotFound(crate::t!("error-not-found-field")))?;
    let place = Place {
        state,
        identity,
        slug,
        config_id,
    };
    let choices = place
        .live_options(workflow, fields, field, Some(form))
        .await
        .map_err(|problem| match problem {
            OptionsProblem::Unavailable => AppError::Upstream,
            OptionsProblem::Refused(message) => AppError::Validation(message),
        })?;
    Ok(choices
        .into_iter()
        .map(|option| {
            let value = value_text(&option.value);
            let label = if option.name.is_empty() {
                value.clone()
            } else {
                option.name
            };
            (value, label)
        })
        .collect())
}

/// Why a field's options did not load.
enum OptionsProblem {
    /// Cobalt could not be reached or failed.
    Unavailable,
    /// Cobalt answered with the field's own error, e.g. the app is no longer connected.
    Refused(String),
}

impl OptionsProblem {
    /// The sentence shown by the field.
    fn message(self) -> String {
        match self {
            Self::Unavailable => crate::t!("config-form-options-unavailable"),
            Self::Refused(message) => message,
        }
    }
}

/// Which account's config of which app: what fetching a field's options needs.
struct Place<'a> {
    state: &'a AppState,
    identity: &'a Identity,
    slug: &'a str,
    config_id: Option<&'a str>,
}

impl Place<'_> {
    /// Asks Cobalt for the options of a dynamic or dependent `field` of `workflow` (whose
    /// fields are `fields`).
    async fn live_options(
        &self,
        workflow: Option<&str>,
        fields: &[cobalt::ConfigField],
        field: &cobalt::ConfigField,
        form: Option<&[(String, String)]>,
    ) -> Result<Vec<cobalt::FieldOption>, OptionsProblem> {
        let parent_value = field.parent.as_ref().and_then(|parent| {
            let posted = form.and_then(|form| {
                let name = field_name(workflow, parent);
                form.iter()
                    .find(|(key, value)| *key == name && !value.is_empty())
                    .map(|(_, value)| Value::String(value.clone()))
            });
            posted.or_else(|| {
                fields
                    .iter()
                    .find(|f| f.id == *parent)
                    .and_then(|f| f.value.clone())
            })
        });
        let location = cobalt::FieldLocation {
            slug: self.slug,
            field_id: &field.id,
            workflow_id: workflow,
            config_id: self.config_id,
        };
        let answer = self
            .state
            .account(self.identity)
            .call(|cobalt, id| cobalt.field_options(id, location, parent_value.as_ref()))
            .await
            .map_err(|error| {
                tracing::warn!(?error, field = %field.id, "field options failed to load");
                OptionsProblem::Unavailable
            })?;
        match answer.field_errors.first() {
            Some(error) => Err(OptionsProblem::Refused(error.error.message.clone())),
            None => Ok(answer.field.options.unwrap_or_default()),
        }
    }
}

/// Why a posted configuration was not saved.
#[derive(Debug)]
pub struct NotSaved {
    /// The fields to fix, by form name (from our checks or Cobalt's `field_errors`).
    pub problems: Vec<FieldProblem>,
    /// Cobalt failed (or could not be reached): nothing was saved, nothing to fix.
    pub error: Option<AppError>,
    /// The form names of password fields, left out of any draft.
    secrets: Vec<String>,
}

impl NotSaved {
    /// HTTP 422 for fields to fix, else the failure's own status.
    pub fn status(&self) -> u16 {
        self.error.as_ref().map_or(422, AppError::status_code)
    }

    /// The form to show again: every value typed except secrets, and what went wrong.
    pub fn into_draft(self, form: &[(String, String)]) -> FormDraft {
        FormDraft {
            values: form
                .iter()
                .filter(|(name, _)| !self.secrets.contains(name))
                .cloned()
                .collect(),
            message: self.error.map(|error| not_saved_message(&error)),
            problems: self.problems,
        }
    }
}

/// Saves a posted configuration form: checks every field against the config (and its live
/// options), then sends the whole desired state to Cobalt.
pub async fn save(
    state: &AppState,
    identity: &Identity,
    slug: &str,
    config_id: Option<&str>,
    form: &[(String, String)],
) -> Result<(), NotSaved> {
    let failed = |problems, error, secrets| NotSaved {
        problems,
        error,
        secrets,
    };
    identity
        .may(crate::model::Change::Configure)
        .map_err(|error| failed(Vec::new(), Some(error), Vec::new()))?;
    let loaded = load(state, identity, slug, config_id, Some(form))
        .await
        .map_err(|error| failed(Vec::new(), Some(error), Vec::new()))?;
    let secrets = secret_names(&loaded.config);
    let submission = match parse_submission(&loaded.config, form, &loaded.options) {
        Ok(submission) => submission,
        Err(problems) => return Err(failed(problems, None, secrets)),
    };
    let payload = cobalt::UpdateConfigPayload {
        slug: slug.to_owned(),
        config_id: config_id.map(str::to_owned),
        fields: keep_unchanged_secrets(&loaded.config.fields, submission.fields),
        workflows: submission
            .workflows
            .into_iter()
            .map(|(id, enabled, fields)| {
                let stored = loaded
                    .config
                    .workflows
                    .iter()
                    .find(|w| w.id == id)
                    .map(|w| w.fields.as_slice())
                    .unwrap_or_default();
                cobalt::WorkflowPayload {
                    id,
                    enabled: Some(enabled),
                    fields: keep_unchanged_secrets(stored, fields),
                }
            })
            .collect(),
    };
    let saved = state
        .account(identity)
        .change(|cobalt, id| cobalt.update_config(id, &payload))
        .await;
    match saved {
        Ok(config) if config.field_errors.is_empty() => {
            if is_default(identity, config_id) {
                super::setup::announce(state, &identity.account_id, slug, &config).await;
            }
            Ok(())
        }
        Ok(config) => {
            let problems = config
                .field_errors
                .iter()
                .map(|e| FieldProblem {
                    field: field_name(None, e.id.as_deref().unwrap_or(&e.name)),
                    message: e.error.message.clone(),
                })
                .collect();
            Err(failed(problems, None, secrets))
        }
        Err(error) => Err(failed(Vec::new(), Some(AppError::from(error)), secrets)),
    }
}

/// Removes the stored values of password fields before a config leaves the server, and says
/// which of them had one (by form name), so the form can offer "leave empty to keep it".
pub fn redact_secrets(config: &mut cobalt::Config) -> Vec<String> {
    let stored = secrets(config)
        .filter(|(_, stored)| *stored)
        .map(|(name, _)| name)
        .collect();
    let fields = config.fields.iter_mut();
    for field in fields.chain(
        config
            .workflows
            .iter_mut()
            .flat_map(|w| w.fields.iter_mut()),
    ) {
        if Control::of(field) == Control::Password {
            field.value = None;
        }
    }
    stored
}

/// The form names of the config's password fields.
fn secret_names(config: &cobalt::Config) -> Vec<String> {
    secrets(config).map(|(name, _)| name).collect()
}

/// The config's password fields: form name and whether a value is stored.
fn secrets(config: &cobalt::Config) -> impl Iterator<Item = (String, bool)> + '_ {
    scopes(config).flat_map(|(workflow, fields)| {
        fields
            .iter()
            .filter(|f| Control::of(f) == Control::Password)
            .map(move |f| (field_name(workflow, &f.id), f.value.is_some()))
    })
}

/// Password fields are never sent to the page, so an empty one means "keep what is stored".
fn keep_unchanged_secrets(
    stored: &[cobalt::ConfigField],
    mut values: BTreeMap<String, Value>,
) -> BTreeMap<String, Value> {
    for field in stored {
        if Control::of(field) == Control::Password
            && !values.contains_key(&field.id)
            && let Some(value) = &field.value
        {
            values.insert(field.id.clone(), value.clone());
        }
    }
    values
}

/// Creates (or finds) the named configuration `name` of the app.
pub async fn create_named(
    state: &AppState,
    identity: &Identity,
    slug: &str,
    name: &str,
) -> Result<String, AppError> {
    identity.may(crate::model::Change::Configure)?;
    let name = crate::model::validate_config_id(name).map_err(AppError::Validation)?;
    if name == identity.account_id {
        return Err(AppError::Validation(crate::t!(
            "validation-config-name-taken"
        )));
    }
    let account = state.account(identity);
    let named = account.named_configs(slug).await?;
    if !named.contains(&name) && named.len() >= MAX_NAMED_CONFIGS {
        return Err(AppError::Validation(crate::t!(
            "validation-config-limit",
            max = MAX_NAMED_CONFIGS
        )));
    }
    account.config(slug, Some(&name)).await?;
    // A new name in the account's list.
    account.changed().await;
    Ok(name)
}

/// Deletes a configuration: the default one goes back to the app's defaults, a named one is
/// gone.
pub async fn delete(
    state: &AppState,
    identity: &Identity,
    slug: &str,
    config_id: Option<&str>,
) -> Result<(), AppError> {
    identity.may(crate::model::Change::Configure)?;
    check_owned(state, identity, slug, config_id).await?;
    let account = state.account(identity);
    account
        .change(|cobalt, id| cobalt.delete_config(id, slug, config_id))
        .await?;
    // The default one is back to the app's template: its setup starts over.
    if is_default(identity, config_id)
        && let Ok(config) = account.config(slug, None).await
    {
        super::setup::announce(state, &identity.account_id, slug, &config).await;
    }
    Ok(())
}

/// Whether `config_id` names the account's default configuration (Cobalt names it after the
/// account).
fn is_default(identity: &Identity, config_id: Option<&str>) -> bool {
    config_id.is_none_or(|id| id == identity.account_id)
}
