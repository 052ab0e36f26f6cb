//! The Activity section of a connected app's page: its workflow runs, newest first, filtered by
//! status (`?runs=`) and paged (`?runs_page=`), and one run opened (`?run=`) with its steps,
//! the step that failed and why, and Retry or Stop. All of it is links, a GET form and two
//! posts (`/integrations/{slug}/runs/{id}/rerun` and `…/stop`), so it works without
//! JavaScript; the server answers a post by opening the run it started or stopped. With
//! JavaScript, `/activity.js` (loaded only by a run that offers Retry or Stop) sends the post in
//! the background and swaps in the section the server answered.

use cobalt::{Execution, ExecutionPage};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::Refused;
use crate::error::AppError;
use crate::model::{Change, RunFilter, duration_text, relative_time, run_status};

/// What the section shows: a page of runs and the run opened, each loaded or failed.
#[derive(Clone)]
struct Activity {
    runs: Result<std::sync::Arc<ExecutionPage>, AppError>,
    opened: Option<Result<Execution, AppError>>,
}

/// Where the section's links point, keeping the filter and the page.
#[derive(Clone)]
struct Here {
    slug: String,
    filter: RunFilter,
    page: u32,
}

impl Here {
    fn href(&self, page: u32, run: Option<&str>) -> String {
        let mut query = Vec::new();
        if self.filter != RunFilter::All {
            query.push(format!("runs={}", self.filter.name()));
        }
        if page > 1 {
            query.push(format!("runs_page={page}"));
        }
        if let Some(run) = run {
            query.push(format!("run={run}"));
        }
        let anchor = if run.is_some() { "run" } else { "activity" };
        let query = if query.is_empty() {
            String::new()
        } else {
            format!("?{}", query.join("&"))
        };
        format!("/integrations/{}{query}#{anchor}", self.slug)
    }
}

#[component]
pub fn ActivitySection(slug: String, name: String) -> impl IntoView {
    let (filter, page, opened, outcome) = use_query_map().with_untracked(|q| {
        (
            RunFilter::parse(q.get("runs").as_deref()),
            q.get("runs_page")
                .and_then(|p| p.parse::<u32>().ok())
                .filter(|p| (1..=100_000).contains(p))
                .unwrap_or(1),
            q.get("run").filter(|id| !id.is_empty()),
            q.get("run_outcome"),
        )
    });
    let here = Here {
        slug: slug.clone(),
        filter,
        page,
    };
    let load = move || {
        let (here, name, opened, outcome) =
            (here.clone(), name.clone(), opened.clone(), outcome.clone());
        Suspend::new(async move {
            let activity = load(&here.slug, here.filter, here.page, opened.as_deref()).await;
            view! { <ActivityView here name activity outcome /> }
        })
    };
    view! {
        <section class="detail__section activity" id="activity" aria-labelledby="activity-heading">
            <h2 id="activity-heading">{crate::t!("activity-heading")}</h2>
            <Suspense fallback=|| ()>{load}</Suspense>
        </section>
    }
}

/// The page of runs and the opened run, read from Cobalt for the signed-in account.
async fn load(slug: &str, filter: RunFilter, page: u32, opened: Option<&str>) -> Activity {
    #[cfg(feature = "ssr")]
    {
        let account = crate::server::app_state()
            .and_then(|state| crate::server::current_identity().map(|identity| (state, identity)));
        let (state, identity) = match account {
            Ok(found) => found,
            Err(error) => {
                return Activity {
                    runs: Err(error),
                    opened: None,
                };
            }
        };
        let account = state.account(&identity);
        let runs = account.runs(slug, filter, page).await;
        let opened = match opened {
            Some(id) => Some(account.run(slug, id).await),
            None => None,
        };
        Activity { runs, opened }
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = (slug, filter, page, opened);
        Activity {
            runs: Err(AppError::Internal),
            opened: None,
        }
    }
}

#[component]
fn ActivityView(
    here: Here,
    name: String,
    activity: Activity,
    outcome: Option<String>,
) -> impl IntoView {
    let notice = match outcome.as_deref() {
        Some("retried") => Some(("success", crate::t!("activity-retried"))),
        Some("stopped") => Some(("success", crate::t!("activity-stopped"))),
        Some("unchanged") => Some(("warning", crate::t!("activity-unchanged"))),
        Some("failed") => Some(("warning", crate::t!("activity-unavailable"))),
        _ => None,
    };
    // Next to the run it is about (the post lands on it), else above the list. Focusable: the
    // run's actions move the focus to it (`/activity.js`).
    let notice = notice.map(|(kind, text)| {
        view! { <p class="notice" data-kind=kind tabindex="-1">{text}</p> }.into_any()
    });
    let (notice_above, notice_in_run) = if activity.opened.is_some() {
        (None, notice)
    } else {
        (notice, None)
    };
    let runs = match activity.runs {
        Ok(page) => view! { <RunList here=here.clone() name page /> }.into_any(),
        Err(error) => view! {
            <p class="form-error" role="alert">
                {crate::t!("activity-runs-failed", error = error.to_string())}
            </p>
        }
        .into_any(),
    };
    let opened = activity.opened.map(|run| match run {
        Ok(run) => view! { <RunDetail here=here.clone() run notice=notice_in_run /> }.into_any(),
        Err(error) => view! {
            <p class="form-error" id="run" role="alert">{crate::t!("activity-run-failed", error = error.to_string())}</p>
        }
        .into_any(),
    });
    view! {
        <div class="activity__outcome" role="status">{notice_above}</div>
        <RunFilterForm here=here.clone() />
        {runs}
        {opened}
    }
}

/// The status filter: a GET form, so it works without JavaScript.
#[component]
fn RunFilterForm(here: Here) -> impl IntoView {
    view! {
        <form class="activity__filter" method="get" action=format!("/integrations/{}#activity", here.slug)>
            <label for="runs-filter">{crate::t!("activity-filter-show")}</label>
            <select id="runs-filter" name="runs">
                {RunFilter::ALL
                    .into_iter()
                    .map(|(filter, value)| {
                        let label = match filter {
                            RunFilter::All => crate::t!("activity-filter-all"),
                            RunFilter::Failed => crate::t!("activity-filter-failed"),
                            RunFilter::Running => crate::t!("activity-filter-running"),
                            RunFilter::Completed => crate::t!("activity-filter-completed"),
                            RunFilter::Stopped => crate::t!("activity-filter-stopped"),
                        };
                        view! { <option value=value selected=filter == here.filter>{label}</option> }
                    })
                    .collect_view()}
            </select>
            <button class="button button--secondary" type="submit">{crate::t!("activity-filter-apply")}</button>
        </form>
    }
}

#[component]
fn RunList(here: Here, name: String, page: std::sync::Arc<ExecutionPage>) -> impl IntoView {
    if page.docs.is_empty() {
        if here.page > 1 && page.total_docs > 0 {
            return view! {
                <p class="activity__empty">
                    {crate::t!("activity-page-empty")}
                    <a href=here.href(1, None)>{crate::t!("activity-page-first")}</a>
                </p>
            }
            .into_any();
        }
        let text = match here.filter {
            RunFilter::All => crate::t!("activity-none", app = &name),
            _ => crate::t!("activity-none-filtered"),
        };
        return view! { <p class="activity__empty">{text}</p> }.into_any();
    }
    let now = crate::context::now_unix();
    let rows = page
        .docs
        .iter()
        .map(|run| {
            let (label, kind) = run_status(&run.status);
            let started = run.created_at.clone().unwrap_or_default();
            let relative = relative_time(&started, now);
            let duration = match (&run.completed_at, run.status.is_running()) {
                (_, true) => crate::t!("activity-duration-running"),
                (Some(end), false) => duration_text(&started, end).unwrap_or_default(),
                (None, false) => String::new(),
            };
            let href = here.href(here.page, Some(&run.id));
            let workflow = run.associated_workflow.name.clone();
            let trigger = run.execution_source.clone().unwrap_or_default();
            let detail = crate::t!(
                "activity-view-run-detail",
                workflow = &workflow,
                status = &label,
                started = &relative,
            );
            view! {
                <tr>
                    <td><span class="badge" data-status=kind>{label}</span></td>
                    <td>{workflow}</td>
                    <td>{trigger}</td>
                    <td><time datetime=started.clone() title=crate::model::exact_time(&started)>{relative.clone()}</time></td>
                    <td>{duration}</td>
                    <td>
                        <a href=href>
                            {crate::t!("activity-view-run")}
                            <span class="visually-hidden">{detail}</span>
                        </a>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let (newer, older) = (
        page.has_prev_page
            .then(|| here.href(here.page.saturating_sub(1), None)),
        page.has_next_page.then(|| here.href(here.page + 1, None)),
    );
    let pages = page.total_pages.max(1);
    view! {
        <div class="runs-scroll">
            <table class="runs">
                <caption class="visually-hidden">{crate::t!("activity-runs-caption", app = &name)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{crate::t!("activity-column-status")}</th>
                        <th scope="col">{crate::t!("activity-column-workflow")}</th>
                        <th scope="col">{crate::t!("activity-column-trigger")}</th>
                        <th scope="col">{crate::t!("activity-column-started")}</th>
                        <th scope="col">{crate::t!("activity-column-duration")}</th>
                        <th scope="col"><span class="visually-hidden">{crate::t!("activity-column-details")}</span></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <nav class="activity__pages" aria-label=crate::t!("activity-pages")>
            {newer.map(|href| view! { <a href=href rel="prev">{crate::t!("activity-newer")}</a> })}
            <span>{crate::t!("activity-page", page = page.page.max(1), pages = pages)}</span>
            {older.map(|href| view! { <a href=href rel="next">{crate::t!("activity-older")}</a> })}
        </nav>
    }
    .into_any()
}

/// One run, opened: its steps, the failing one with what the provider said, and Retry (a run
/// that failed) or Stop (one still running).
#[component]
fn RunDetail(here: Here, run: Execution, notice: Option<AnyView>) -> impl IntoView {
    let (label, kind) = run_status(&run.status);
    let started = run.created_at.clone().unwrap_or_default();
    let relative = relative_time(&started, crate::context::now_unix());
    let workflow = run.associated_workflow.name.clone();
    let steps = run
        .nodes
        .iter()
        .map(|node| {
            let message = node.failed().then(|| {
                let attempts = node.attempts_made.unwrap_or(1);
                let text = match node.message() {
                    Some(said) => {
                        crate::t!("activity-step-failed", attempts = attempts, message = said)
                    }
                    None => crate::t!("activity-step-failed-silent", attempts = attempts),
                };
                view! { <p class="run__message">{text}</p> }
            });
            view! {
                <li class="run__step" data-failed=node.failed().then_some("")>
                    <span class="run__step-name">{node.node_name.clone()}</span>
                    " "
                    <span class="run__step-status">{format!("({})", node.node_status)}</span>
                    {message}
                </li>
            }
        })
        .collect_view();
    let action = |verb: &'static str, label: String, pending: String| {
        let post = format!("/integrations/{}/runs/{}/{verb}", here.slug, run.id);
        match crate::context::refusal(Change::Run) {
            Some(why) => view! { <Refused label why id="run-refused" /> }.into_any(),
            None => view! {
                <form
                    method="post"
                    action=post
                    data-run-action=""
                    data-pending=pending
                    data-unknown=crate::t!("activity-no-answer")
                    data-failed=crate::t!("activity-refused")
                >
                    <button class="button" type="submit">{label}</button>
                </form>
                <script type="module" src="/activity.js"></script>
            }
            .into_any(),
        }
    };
    let actions = if run.status.is_failure() {
        Some(action(
            "rerun",
            crate::t!("activity-retry"),
            crate::t!("activity-retrying"),
        ))
    } else if run.status.is_running() {
        Some(action(
            "stop",
            crate::t!("activity-stop"),
            crate::t!("activity-stopping"),
        ))
    } else {
        None
    };
    let heading = crate::t!(
        "activity-run-heading",
        workflow = &workflow,
        status = &label
    );
    view! {
        <div class="run" id="run">
            <div role="status">{notice}</div>
            <h3>{heading}</h3>
            <p class="run__meta">
                <span class="badge" data-status=kind>{label}</span>
                {crate::t!("activity-run-started")}
                <time datetime=started.clone() title=crate::model::exact_time(&started)>{relative}</time>
                {run.execution_source.clone().map(|source| format!(" · {source}"))}
            </p>
            <ol class="run__steps" aria-label=crate::t!("activity-steps")>{steps}</ol>
            <div class="run__actions">
                {actions}
                <a class="button button--secondary" href=here.href(here.page, None)>{crate::t!("activity-close")}</a>
            </div>
        </div>
    }
}
