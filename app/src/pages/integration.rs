//! `/integrations/{slug}`: one app, its connections and its primary action.

use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{
    hooks::{use_params, use_query_map},
    params::Params,
};

use super::activity::ActivitySection;
use super::configuration::ConfigurationSection;
use super::history::ConnectionHistory;
use crate::api::get_integration;
use crate::components::{
    CredentialFields, CredentialsForm, DisconnectDialog, DisconnectSummary, ErrorList, LiveBadge,
    LiveStatus, OAuthConnect, Refused, RetryButton, SiteHeader,
};
use crate::context::{platform_name, viewer};
use crate::error::AppError;
use crate::model::FormDraft;
use crate::model::connect::CredentialInput;
use crate::model::{Change, ConnectionStatus, IntegrationCard};

#[derive(Params, Clone, Debug, PartialEq)]
struct IntegrationParams {
    slug: Option<String>,
}

/// The detail page. An unknown slug renders the not-found message with HTTP 404.
#[component]
pub fn IntegrationPage() -> impl IntoView {
    let params = use_params::<IntegrationParams>();
    // Untracked: the page renders once, on the server; a tracked read could render the whole
    // detail (and the calls of its sections) again.
    let slug = move || {
        params
            .read_untracked()
            .as_ref()
            .ok()
            .and_then(|p| p.slug.clone())
            .unwrap_or_default()
    };
    // `?status=` marks the return from a connection (popup or redirect): Cobalt changed behind
    // our cache, so this render reads it afresh (at most every few seconds: anyone can add it).
    let (outcome, config_id, config_notice, history) = use_query_map().with_untracked(|q| {
        (
            q.get("status"),
            q.get("config").filter(|id| !id.is_empty()),
            config_notice(|name| q.get(name)),
            q.get("history").is_some(),
        )
    });
    view! {
        <SiteHeader platform_name=platform_name() viewer=viewer() />
        <main class="page detail">
            <nav class="breadcrumbs" aria-label=crate::t!("integration-breadcrumb")>
                <a href="/integrations">{crate::t!("integration-breadcrumb-integrations")}</a>
            </nav>
            <Suspense fallback=|| view! { <div class="skeleton skeleton--detail" aria-hidden="true"></div> }>
                <ErrorBoundary fallback=move |errors| {
                    // Retry helps when Cobalt failed, not when the app does not exist.
                    let missing = errors.read_untracked().iter().any(|(_, error)| {
                        matches!(error.downcast_ref::<AppError>(), Some(AppError::NotFound(_)))
                    });
                    view! {
                        <Title text=crate::t!("integration-unavailable-title") />
                        <div class="load-error">
                            <ErrorList errors />
                            {(!missing).then(|| view! { <RetryButton href=format!("/integrations/{}", slug()) /> })}
                        </div>
                        <a class="button button--secondary" href="/integrations">{crate::t!("integration-back")}</a>
                    }
                }>
                    {move || {
                        let (outcome, config_id, notice) =
                            (outcome.clone(), config_id.clone(), config_notice.clone());
                        let slug = slug();
                        Suspend::new(async move {
                            #[cfg(feature = "ssr")]
                            if outcome.is_some() {
                                crate::server::accounts::refresh_after_return(&slug).await;
                            }
                            let app = get_integration(slug).await?;
                            let card = card_with_setup(&app).await;
                            Ok::<_, AppError>(view! { <Detail app card outcome config_id notice history /> })
                        })
                    }}
                </ErrorBoundary>
            </Suspense>
        </main>
    }
}

/// The app's card for the signed-in account, an unfinished setup told apart (the
/// configuration it reads is the one the page shows); `None` for an app without a slug.
async fn card_with_setup(app: &cobalt::Application) -> Option<IntegrationCard> {
    #[cfg_attr(not(feature = "ssr"), allow(unused_mut))]
    let mut card = IntegrationCard::from_application(app)?;
    #[cfg(feature = "ssr")]
    if let Ok(state) = crate::server::app_state()
        && let Ok(identity) = crate::server::current_identity()
    {
        card.status = state
            .account(&identity)
            .with_setup(&card.slug, card.status)
            .await;
    }
    Some(card)
}

#[component]
fn Detail(
    app: cobalt::Application,
    card: Option<IntegrationCard>,
    outcome: Option<String>,
    config_id: Option<String>,
    notice: Option<(&'static str, String)>,
    history: bool,
) -> impl IntoView {
    let Some(card) = card else {
        return view! { <p>{crate::t!("integration-no-address")}</p> }.into_any();
    };
    let status = card.status;
    let alt = crate::t!("integration-logo", app = &card.name);
    let banner = outcome_banner(outcome.as_deref(), &card);
    let slug = card.slug.clone();
    let app_name = card.name.clone();
    view! {
        <Title text=card.name.clone() />
        <article class="detail__app">
            <header class="detail__head">
                {card.icon.clone().map(|icon| view! { <img class="detail__logo" src=icon alt=alt width="64" height="64" /> })}
                <div>
                    <h1>{card.name.clone()}</h1>
                    <LiveBadge slug=slug.clone() status />
                </div>
            </header>
            <div class="detail__outcome" role="status">
                {banner.map(|(kind, text)| {
                    // A completed connect or disconnect is reported to the host (`/frame.js`).
                    let event = (kind == "success").then_some(outcome.clone()).flatten();
                    view! { <p class="notice" data-kind=kind data-event=event>{text}</p> }
                })}
            </div>
            <p class="detail__description">{card.description.clone()}</p>
            <ul class="card__tags" aria-label=crate::t!("integration-categories")>
                {card.tags.iter().map(|tag| view! { <li class="tag">{tag.clone()}</li> }).collect_view()}
            </ul>
            <ConnectionSection app card history />
            {(status != ConnectionStatus::Available).then(|| view! {
                <ConfigurationSection slug=slug.clone() config_id notice />
                <ActivitySection slug name=app_name />
            })}
        </article>
    }
    .into_any()
}

/// What the configuration section says after one of its posts (`?saved`, `?reset`, …).
fn config_notice(get: impl Fn(&str) -> Option<String>) -> Option<(&'static str, String)> {
    let done = |text: String| Some(("success", text));
    if get("saved").is_some() {
        return done(crate::t!("integration-config-saved"));
    }
    if get("created").is_some() {
        return done(crate::t!("integration-config-created"));
    }
    if get("reset").is_some() {
        return done(crate::t!("integration-config-reset"));
    }
    if get("deleted").is_some() {
        return done(crate::t!("integration-config-deleted"));
    }
    match get("config_error").as_deref() {
        Some("name") => Some(("warning", crate::t!("integration-config-bad-name"))),
        Some(_) => Some(("warning", crate::t!("integration-config-unavailable"))),
        None => None,
    }
}

/// What the page says after coming back from a connection (`?status=`), checked against what
/// Cobalt now reports.
fn outcome_banner(outcome: Option<&str>, card: &IntegrationCard) -> Option<(&'static str, String)> {
    let name = &card.name;
    match (outcome?, card.status) {
        // The status line says when its setup is still to finish.
        ("connected", ConnectionStatus::Connected | ConnectionStatus::NeedsSetup) => {
            Some(("success", crate::t!("integration-connected", app = name)))
        }
        ("connected", _) => Some((
            "warning",
            crate::t!("integration-connect-incomplete", app = name),
        )),
        ("unavailable", _) => Some((
            "warning",
            crate::t!("integration-connect-unavailable", app = name),
        )),
        ("denied", _) => Some(("info", crate::t!("integration-connect-denied", app = name))),
        ("disconnected", ConnectionStatus::Available) => {
            Some(("success", crate::t!("integration-disconnected", app = name)))
        }
        ("disconnected", _) => Some((
            "warning",
            crate::t!("integration-disconnect-incomplete", app = name),
        )),
        _ => None,
    }
}

/// The connection: its status, the connected accounts, and Connect or Reconnect.
#[component]
fn ConnectionSection(
    app: cobalt::Application,
    card: IntegrationCard,
    history: bool,
) -> impl IntoView {
    let app_auth = app.auth_type.as_ref().map(|a| a.as_str());
    let oauth = app_auth == Some("oauth2");
    let auth = app_auth.and_then(auth_name).unwrap_or_default();
    let (slug, name, status) = (card.slug.clone(), card.name.clone(), card.status);
    let accounts = app.connected_accounts;
    let sdk = crate::context::cobalt_js_asset();
    let action = match card.status {
        ConnectionStatus::NeedsReconnect => {
            crate::t!("integration-reconnect-app", app = &card.name)
        }
        _ => crate::t!("integration-connect-app", app = &card.name),
    };
    let connect = match (card.status, oauth, crate::context::refusal(Change::Connect)) {
        (ConnectionStatus::Connected | ConnectionStatus::NeedsSetup, _, _) => None,
        (_, _, Some(why)) => Some(EitherOf3::C(view! {
            <Refused label=action why id="connect-refused" />
        })),
        (status, true, None) => Some(EitherOf3::A(view! {
            <OAuthConnect slug=card.slug.clone() name=card.name.clone() status sdk />
        })),
        (status, false, None) => {
            let draft = use_context::<FormDraft>().unwrap_or_default();
            let inputs: Vec<CredentialInput> = app
                .auth_input_map
                .iter()
                .map(CredentialInput::from_field)
                .collect();
            Some(EitherOf3::B(view! {
                <CredentialsForm
                    slug=card.slug.clone()
                    name=card.name.clone()
                    status
                    sdk
                    message=draft.message.clone()
                >
                    <CredentialFields name=card.name.clone() inputs draft />
                </CredentialsForm>
            }))
        }
    };
    view! {
        <section class="detail__section" aria-labelledby="connection-heading">
            <h2 id="connection-heading">{crate::t!("integration-connection-heading")}</h2>
            <LiveStatus slug=slug.clone() name=name.clone() status />
            {(!accounts.is_empty()).then(|| view! { <ConnectedAccounts accounts auth /> }.into_any())}
            {connect.map(|connect| view! { <div class="detail__action">{connect}</div> })}
            {(status != ConnectionStatus::Available).then(|| {
                match crate::context::refusal(Change::Disconnect) {
                    Some(why) => Either::Left(view! {
                        <Refused label=crate::t!("integration-disconnect-app", app = &name) why id="disconnect-refused" />
                    }),
                    None => Either::Right(view! { <DisconnectSection slug=slug.clone() name /> }),
                }
            })}
            <ConnectionHistory slug open=history || status == ConnectionStatus::NeedsReconnect />
        </section>
    }
    .into_any()
}

/// How an account signs in, in words, for Cobalt's `auth_type`; `None` for a kind we do not know.
fn auth_name(auth_type: &str) -> Option<String> {
    match auth_type {
        "oauth2" => Some(crate::t!("integration-auth-oauth")),
        "keybased" => Some(crate::t!("integration-auth-key")),
        _ => None,
    }
}

/// A connected account's status, in words (an unknown one as Cobalt names it).
fn account_status(status: &str) -> String {
    match status {
        "active" => crate::t!("integration-account-active"),
        "expired" => crate::t!("integration-account-expired"),
        other => other.to_owned(),
    }
}

#[component]
fn ConnectedAccounts(accounts: Vec<cobalt::ConnectedAccount>, auth: String) -> impl IntoView {
    view! {
        <table class="accounts">
            <caption class="visually-hidden">{crate::t!("integration-accounts-caption")}</caption>
            <thead>
                <tr>
                    <th scope="col">{crate::t!("integration-accounts-account")}</th>
                    <th scope="col">{crate::t!("integration-accounts-auth")}</th>
                    <th scope="col">{crate::t!("integration-accounts-connected")}</th>
                    <th scope="col">{crate::t!("integration-accounts-status")}</th>
                </tr>
            </thead>
            <tbody>
                {accounts.into_iter().map(|account| {
                    let identifier = crate::model::identifier_text(&account.identifier);
                    let auth = account.auth_type.as_ref().map(|a| {
                        auth_name(a.as_str()).unwrap_or_else(|| a.as_str().to_owned())
                    }).unwrap_or_else(|| auth.clone());
                    let connected_at = account.connected_at.clone().unwrap_or_default();
                    let relative = crate::model::relative_time(&connected_at, crate::context::now_unix());
                    let status = account.status.as_ref().map_or("active", |s| s.as_str());
                    let kind = if status == "expired" { "reconnect" } else { "connected" };
                    let status = account_status(status);
                    view! {
                        <tr>
                            <td>{identifier}</td>
                            <td>{auth}</td>
                            <td><time datetime=connected_at.clone() title=crate::model::exact_time(&connected_at)>{relative}</time></td>
                            <td><span class="badge" data-status=kind>{status}</span></td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// Disconnect, with what it deletes: the default configuration's enabled workflows (if the
/// configuration cannot be read, the dialog says so and still offers the disconnect).
#[component]
fn DisconnectSection(slug: String, name: String) -> impl IntoView {
    let load = {
        let slug = slug.clone();
        move || {
            let (slug, name) = (slug.clone(), name.clone());
            Suspend::new(async move {
                let workflows = enabled_workflows(&slug).await;
                view! {
                    <DisconnectDialog slug name=name.clone()>
                        <DisconnectSummary name workflows />
                    </DisconnectDialog>
                }
            })
        }
    };
    view! {
        <div class="detail__disconnect" id="disconnect">
            <Suspense fallback=|| ()>{load}</Suspense>
        </div>
    }
}

/// The names of the enabled workflows of the app's default configuration; `None` when it
/// cannot be read.
pub(crate) async fn enabled_workflows(slug: &str) -> Option<Vec<String>> {
    crate::api::load_config(slug.to_owned(), None)
        .await
        .map(|config| {
            config
                .workflows
                .into_iter()
                .filter(|w| w.enabled)
                .map(|w| w.name)
                .collect()
        })
        .ok()
}
