//! Retry and Stop of a workflow run, as the Activity section's forms post them (they work
//! without JavaScript): `POST /integrations/{slug}/runs/{id}/rerun` and `…/stop`. Both answer
//! by opening the run on the app's page, with what happened.

use app::error::AppError;
use app::server::{AppState, Identity, runs};
use axum::{
    Extension,
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};

use crate::render::{Language, landing};

/// What to do with the run.
#[derive(Clone, Copy)]
enum Action {
    Rerun,
    Stop,
}

pub async fn rerun(
    state: State<AppState>,
    path: Path<(String, String)>,
    identity: Option<Extension<Identity>>,
    language: Language,
) -> Response {
    act(state, path, identity, language, Action::Rerun).await
}

pub async fn stop(
    state: State<AppState>,
    path: Path<(String, String)>,
    identity: Option<Extension<Identity>>,
    language: Language,
) -> Response {
    act(state, path, identity, language, Action::Stop).await
}

async fn act(
    State(state): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
    identity: Option<Extension<Identity>>,
    Language(locale): Language,
    action: Action,
) -> Response {
    let Some(Extension(identity)) = identity else {
        return Redirect::to(&landing(&state, &format!("/integrations/{slug}#activity")))
            .into_response();
    };
    if app::model::validate_slug(&slug).is_err() || !runs::valid_run_id(&id) {
        return StatusCode::NOT_FOUND.into_response();
    }
    if let Err(refused) = crate::refuse_unless(&identity, app::model::Change::Run) {
        return *refused;
    }
    let done = match action {
        Action::Rerun => runs::rerun(&state, &identity, &slug, &id)
            .await
            .map(|new| (new, "retried")),
        Action::Stop => runs::stop(&state, &identity, &slug, &id)
            .await
            .map(|()| (id.clone(), "stopped")),
    };
    let (run, outcome) = match done {
        Ok(done) => done,
        Err(AppError::NotFound(_)) => {
            let text = state
                .config
                .strings
                .format(locale, "server-run-missing", &[]);
            return (StatusCode::NOT_FOUND, text).into_response();
        }
        // The run is not (or no longer) one this applies to.
        Err(AppError::Validation(_)) => (id, "unchanged"),
        Err(error) => {
            tracing::info!(%error, "a run could not be retried or stopped");
            (id, "failed")
        }
    };
    // The new run's id comes from Cobalt: it goes into the address only if it looks like one.
    let run = if runs::valid_run_id(&run) {
        format!("run={run}&")
    } else {
        String::new()
    };
    Redirect::to(&format!(
        "/integrations/{slug}?{run}run_outcome={outcome}#run"
    ))
    .into_response()
}
