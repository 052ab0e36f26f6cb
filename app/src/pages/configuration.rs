//! The configuration section of a connected app's detail page: the app's fields and its
//! workflows as one server-rendered form that posts the whole desired state
//! (`POST /integrations/{slug}/config`), so it works without JavaScript. Dynamic and dependent
//! selects arrive with their options already loaded by the server.

use leptos::either::{Either, EitherOf6};
use leptos::prelude::*;

use crate::api::config_form;
use crate::components::{ConfigEditor, ErrorList};
use crate::model::FormDraft;
use crate::model::config_form::{
    ConfigDraft, ConfigForm, Control, display_values, field_name, problems_sentence, secret_kept,
    toggle_name,
};

/// The section, loading the config (found or created) of `config_id` (the default when `None`).
#[component]
pub fn ConfigurationSection(
    slug: String,
    config_id: Option<String>,
    /// What the last post did (`kind`, text), shown above the form.
    notice: Option<(&'static str, String)>,
) -> impl IntoView {
    let draft = use_context::<ConfigDraft>().map(|draft| draft.0);
    view! {
        <section class="detail__section" id="configuration" aria-labelledby="configuration-heading">
            <h2 id="configuration-heading">{crate::t!("configuration-heading")}</h2>
            <Suspense fallback=|| view! { <div class="skeleton skeleton--detail" aria-hidden="true"></div> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorList errors /> }>
                    {move || {
                        let (slug, config_id, draft, notice) =
                            (slug.clone(), config_id.clone(), draft.clone(), notice.clone());
                        Suspend::new(async move {
                            config_form(slug.clone(), config_id.clone())
                                .await
                                .map(|form| view! { <ConfigFormView slug requested=config_id form draft notice /> })
                        })
                    }}
                </ErrorBoundary>
            </Suspense>
        </section>
    }
}

#[component]
fn ConfigFormView(
    slug: String,
    /// The named configuration the page asked for (`?config=`); `None` for the default one.
    requested: Option<String>,
    form: ConfigForm,
    draft: Option<FormDraft>,
    notice: Option<(&'static str, String)>,
) -> impl IntoView {
    let ConfigForm {
        config,
        options,
        problems,
        stored_secrets,
        named,
    } = form;
    let draft = draft.unwrap_or_default();
    // A failed post shows its own problems; otherwise Cobalt's (options that did not load).
    let problems = if draft.problems.is_empty() && draft.message.is_none() {
        problems
    } else {
        draft.problems.clone()
    };
    let posted = !draft.values.is_empty();
    let field_view = |workflow: Option<&str>, field: &cobalt::ConfigField| {
        let name = field_name(workflow, &field.id);
        let control = Control::of(field);
        let values = if posted {
            draft
                .values
                .iter()
                .filter(|(key, _)| *key == name || key.starts_with(&format!("{name}.")))
                .map(|(key, value)| (key.clone(), value.clone()))
                .collect()
        } else {
            let stored = field.value.as_ref().or(field.default_value.as_ref());
            match (&control, stored) {
                (Control::Map, Some(serde_json::Value::Object(map))) => map
                    .iter()
                    .map(|(label, value)| {
                        (
                            format!("{name}.{label}"),
                            crate::model::config_form::value_text(value),
                        )
                    })
                    .collect(),
                (Control::Password, _) => Vec::new(),
                _ => display_values(&control, stored)
                    .into_iter()
                    .map(|v| (name.clone(), v))
                    .collect(),
            }
        };
        let choices = options
            .get(&name)
            .or(field.options.as_ref())
            .cloned()
            .unwrap_or_default();
        let problem = problems
            .iter()
            .find(|p| p.field == name)
            .map(|p| p.message.clone());
        let stored_secret = stored_secrets.contains(&name);
        let parent = field.parent.as_deref().map(|p| field_name(workflow, p));
        view! {
            <ConfigFieldView
                field=field.clone()
                name
                control
                choices
                values
                problem
                stored_secret
                parent
            />
        }
    };
    let app_fields: Vec<_> = config
        .fields
        .iter()
        .filter(|f| !f.hidden.unwrap_or(false))
        .map(|f| field_view(None, f))
        .collect();
    let workflows: Vec<_> = config
        .workflows
        .iter()
        .map(|workflow| {
            let toggle = toggle_name(&workflow.id);
            let enabled = if posted {
                draft.value(&toggle) == Some("true")
            } else {
                workflow.enabled
            };
            let fields: Vec<_> = workflow
                .fields
                .iter()
                .filter(|f| !f.hidden.unwrap_or(false))
                .map(|f| field_view(Some(&workflow.id), f))
                .collect();
            let toggle_id = format!("toggle-{}", workflow.id);
            view! {
                <fieldset class="workflow">
                    <legend>{workflow.name.clone()}</legend>
                    {(!workflow.description.is_empty())
                        .then(|| view! { <p class="workflow__description">{workflow.description.clone()}</p> })}
                    <div class="toggle">
                        <input id=toggle_id.clone() type="checkbox" name=toggle value="true" checked=enabled />
                        <label for=toggle_id>{crate::t!("configuration-workflow-enabled")}</label>
                    </div>
                    {(!fields.is_empty()).then(|| view! { <div class="workflow__fields">{fields}</div> })}
                </fieldset>
            }
        })
        .collect();
    let has_workflows = !workflows.is_empty();
    // Every field a save can find a problem with, the hidden ones included.
    let field_count = config.fields.len()
        + config
            .workflows
            .iter()
            .map(|workflow| workflow.fields.len())
            .sum::<usize>();
    let message = draft.message.clone();
    let problem_count = problems.len();
    let config_id = config.config_id.clone().unwrap_or_default();
    let current = requested.clone();
    let reset_text = match &current {
        Some(name) => crate::t!("configuration-delete-warning", name = name),
        None => crate::t!("configuration-reset-warning"),
    };
    // The hydrated form writes its own outcomes into the status line and the alert.
    let alert =
        message.or_else(|| (posted && problem_count > 0).then(|| problems_sentence(problem_count)));
    let no_alert = alert.is_none();
    // A role that may not change settings sees them all, in a disabled fieldset.
    let locked = crate::context::refusal(crate::model::Change::Configure);
    let is_locked = locked.is_some();
    view! {
        // The configuration asked for, not the list's idea of it: that list may have failed.
        <ConfigEditor slug=slug.clone() config_id=current.clone() fields=field_count>
        <div role="status" class="config-form__status">
            // A success is a change the host hears of (`configured`, through `/frame.js`).
            {notice.map(|(kind, text)| view! {
                <p class="notice" data-kind=kind data-event=(kind == "success").then_some("configured")>{text}</p>
            })}
        </div>
        <ConfigSwitcher slug=slug.clone() named current=current.clone() locked=is_locked />
        {locked.map(|why| view! { <p class="refused__why" id="configure-refused">{why}</p> })}
        <form class="config-form" method="post" action=format!("/integrations/{slug}/config") novalidate>
            <fieldset class="config-form__body" disabled=is_locked
                aria-describedby=is_locked.then_some("configure-refused")>
            <input type="hidden" name="config_id" value=config_id />
            <div class="form-error" role="alert" hidden=no_alert>{alert}</div>
            {(!app_fields.is_empty()).then(|| view! {
                <fieldset class="config-form__settings">
                    <legend>{crate::t!("configuration-settings")}</legend>
                    {app_fields}
                </fieldset>
            })}
            {has_workflows.then(|| view! {
                <h3 class="config-form__heading">{crate::t!("configuration-workflows")}</h3>
                {workflows}
            })}
            <div class="config-form__actions">
                <button type="submit" class="button">{crate::t!("configuration-save")}</button>
                // Asks first, without JavaScript: the button that deletes is inside a disclosure.
                <details class="config-form__reset">
                    <summary>{if current.is_some() { crate::t!("configuration-delete-ask") } else { crate::t!("configuration-reset-ask") }}</summary>
                    <p>{reset_text}</p>
                    <button type="submit" class="button button--danger"
                        formaction=format!("/integrations/{slug}/config/delete") formnovalidate=true>
                        {if current.is_some() { crate::t!("configuration-delete") } else { crate::t!("configuration-reset") }}
                    </button>
                </details>
            </div>
            </fieldset>
        </form>
        </ConfigEditor>
    }
}

/// The account's configurations of the app: the default one and the named ones, with a form
/// that creates another.
#[component]
fn ConfigSwitcher(
    slug: String,
    named: Vec<String>,
    current: Option<String>,
    locked: bool,
) -> impl IntoView {
    let link = |label: String, query: String, active: bool| {
        let href = format!("/integrations/{slug}{query}#configuration");
        view! {
            <li>
                <a href=href aria-current=active.then_some("page")>{label}</a>
            </li>
        }
    };
    let default_link = link(
        crate::t!("configuration-default"),
        String::new(),
        current.is_none(),
    );
    let named_links = named
        .iter()
        .map(|name| {
            let query = format!(
                "?config={}",
                form_urlencoded::byte_serialize(name.as_bytes()).collect::<String>()
            );
            link(
                name.clone(),
                query,
                current.as_deref() == Some(name.as_str()),
            )
        })
        .collect_view();
    view! {
        <div class="config-switcher">
            <nav aria-label=crate::t!("configuration-list")>
                <ul class="config-switcher__list">{default_link}{named_links}</ul>
            </nav>
            {(!locked).then(|| view! {
                <form class="config-switcher__create" method="post" action=format!("/integrations/{slug}/configs")>
                    <label for="new-config-name">{crate::t!("configuration-new")}</label>
                    <input id="new-config-name" name="name" required maxlength="64" placeholder=crate::t!("configuration-new-placeholder")
                        pattern="[A-Za-z0-9_.@:-]+" title=crate::t!("configuration-new-rule") />
                    <button type="submit" class="button button--secondary">{crate::t!("configuration-create")}</button>
                </form>
            })}
        </div>
    }
}

/// One field: its label (with a required mark), its control, help text and error.
#[component]
fn ConfigFieldView(
    field: cobalt::ConfigField,
    name: String,
    control: Control,
    choices: Vec<cobalt::FieldOption>,
    /// What the control shows, by form name (several for a multi-select or a map).
    values: Vec<(String, String)>,
    problem: Option<String>,
    /// Whether a password field has a stored value (never sent to the page).
    stored_secret: bool,
    /// The form name of the field a dependent select follows.
    parent: Option<String>,
) -> impl IntoView {
    let id = format!("field-{}", name.replace('.', "-"));
    let help_id = format!("{id}-help");
    let error_id = format!("{id}-error");
    let described_by = crate::components::described_by(
        field.help_text.is_some().then_some(help_id.as_str()),
        problem.is_some().then_some(error_id.as_str()),
    );
    let invalid = problem.is_some().then_some("true");
    let first = values.first().map(|(_, v)| v.clone());
    let selected: Vec<String> = values.iter().map(|(_, v)| v.clone()).collect();
    let required = field.required;
    let placeholder = field.placeholder.clone().unwrap_or_default();
    let options_view = |selected: &[String]| {
        choices
            .iter()
            .map(|option| {
                let value = crate::model::config_form::value_text(&option.value);
                let is_selected = selected.contains(&value);
                let label = if option.name.is_empty() {
                    value.clone()
                } else {
                    option.name.clone()
                };
                view! { <option value=value selected=is_selected>{label}</option> }
            })
            .collect_view()
    };
    // A number's bounds and step, when its field has them (any decimal otherwise).
    let number = |n: Option<f64>| {
        n.filter(|_| control == Control::Number)
            .map(|n| n.to_string())
    };
    let (min, max) = (number(field.min), number(field.max));
    let step = (control == Control::Number)
        .then(|| number(field.step).unwrap_or_else(|| "any".to_owned()));
    let input = |kind: &'static str| {
        view! {
            <input id=id.clone() name=name.clone() type=kind value=first.clone() placeholder=placeholder.clone()
                min=min.clone() max=max.clone() step=step.clone()
                required=required aria-describedby=described_by.clone() aria-invalid=invalid />
        }
    };
    let control_view = match &control {
        Control::Text | Control::Unknown(_) => EitherOf6::A(input("text")),
        Control::Number => EitherOf6::A(input("number")),
        Control::Email => EitherOf6::A(input("email")),
        Control::Url => EitherOf6::A(input("url")),
        Control::Date => EitherOf6::A(input("date")),
        Control::Password => EitherOf6::B(view! {
            <input id=id.clone() name=name.clone() type="password" autocomplete="new-password"
                placeholder=if stored_secret { secret_kept() } else { placeholder.clone() }
                required=required && !stored_secret aria-describedby=described_by.clone() aria-invalid=invalid />
        }),
        Control::Textarea | Control::Json => EitherOf6::C(view! {
            <textarea id=id.clone() name=name.clone() rows=if control == Control::Json { "6" } else { "3" }
                placeholder=placeholder.clone() required=required spellcheck=if control == Control::Json { "false" } else { "true" }
                aria-describedby=described_by.clone() aria-invalid=invalid>{crate::components::escape_text(&first.clone().unwrap_or_default())}</textarea>
        }),
        Control::Boolean => EitherOf6::D(view! {
            <input id=id.clone() name=name.clone() type="checkbox" value="true"
                checked=first.as_deref() == Some("true") aria-describedby=described_by.clone() aria-invalid=invalid />
        }),
        Control::Select { multiple } => {
            let multiple = *multiple;
            EitherOf6::E(view! {
                <select id=id.clone() name=name.clone() multiple=multiple required=required
                    aria-describedby=described_by.clone() aria-invalid=invalid>
                    {(!multiple).then(|| view! { <option value="">{if placeholder.is_empty() { crate::t!("configuration-choose") } else { placeholder.clone() }}</option> })}
                    {options_view(&selected)}
                </select>
            })
        }
        Control::Map => EitherOf6::F(view! {
            <table class="map-field" id=id.clone() aria-describedby=described_by.clone()>
                <thead><tr><th scope="col">{crate::t!("configuration-map-field")}</th><th scope="col">{crate::t!("configuration-map-to")}</th></tr></thead>
                <tbody>
                    {field.labels.iter().map(|label| {
                        let row = format!("{name}.{}", crate::model::config_form::value_text(&label.value));
                        let row_id = format!("{id}-{}", crate::model::config_form::value_text(&label.value));
                        let chosen: Vec<String> = values.iter().filter(|(k, _)| *k == row).map(|(_, v)| v.clone()).collect();
                        view! {
                            <tr>
                                <th scope="row"><label for=row_id.clone()>{label.name.clone()}</label></th>
                                <td>
                                    <select id=row_id name=row>
                                        <option value="">{crate::t!("configuration-map-none")}</option>
                                        {options_view(&chosen)}
                                    </select>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        }),
    };
    let is_map = control == Control::Map;
    let label = view! {
        {field.name.clone()}
        {required.then(|| view! { <span class="field__required" aria-hidden="true">" *"</span> })}
    };
    let note = match &control {
        Control::Unknown(kind) => Some(crate::t!("configuration-unknown-field", kind = kind)),
        _ => None,
    };
    // What the hydrated form reads to check the field and load its options (see `form_dom`).
    let live = field.has_live_options();
    view! {
        <div class="field" data-field=name.clone() data-kind=control.kind() data-label=field.name.clone()
            data-required=(required && !stored_secret && control != Control::Boolean).then_some("") data-live=live.then_some("")
            data-parent=parent>
            {if is_map {
                Either::Left(view! { <span class="field__label" id=format!("{id}-label")>{label}</span> })
            } else {
                Either::Right(view! { <label for=id.clone()>{label}</label> })
            }}
            {control_view}
            {note.map(|note| view! { <p class="field__help">{note}</p> })}
            {field.help_text.clone().map(|help| view! { <p class="field__help" id=help_id>{help}</p> })}
            <p class="field__error" id=error_id>{problem}</p>
        </div>
    }
}
