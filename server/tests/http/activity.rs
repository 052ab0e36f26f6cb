//! The Activity section of an app's page (its workflow runs, a run's steps, Retry and Stop)
//! and the cards' last runs, against the sandbox's seeded run history.

use super::*;

async fn signed_in(app: &TestApp, claims: Value) -> String {
    let reply = app.embed(&host_token(claims), None).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    reply.session_cookie().expect("a session cookie")
}

/// The run ids the page links to, in order.
fn run_ids(html: &str) -> Vec<String> {
    html.split("run=")
        .skip(1)
        .map(|rest| {
            rest.chars()
                .take_while(char::is_ascii_hexdigit)
                .collect::<String>()
        })
        .filter(|id| id.len() == 24)
        .collect()
}

fn rows(html: &str) -> usize {
    html.matches(">View run<").count()
}

#[tokio::test]
async fn a_failed_run_opens_to_its_failing_step_and_retry_starts_a_new_run() {
    let app = test_app().await;
    let cookie = signed_in(&app, json!({"sub": "cus_activity"})).await;
    app.connect_oauth(&cookie, "salesforce").await;
    let page = app.get("/integrations/salesforce", Some(&cookie)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(r#"id="activity-heading">Activity"#));
    assert_eq!(rows(&page.body), 4, "the seeded history");
    let runs = page.body.split(r#"class="runs""#).nth(1).unwrap();
    let first_row = runs.split("<tbody>").nth(1).unwrap();
    let first_row = first_row.split("</tr>").next().unwrap();
    assert!(
        first_row.contains(r#"data-status="failed""#) && first_row.contains(">Failed<"),
        "newest first, and Salesforce's last run failed: {first_row}"
    );

    let failed = app
        .get("/integrations/salesforce?runs=failed", Some(&cookie))
        .await;
    assert_eq!(rows(&failed.body), 2);
    assert!(failed.body.contains(r#"<option value="failed" selected"#));
    let id = run_ids(&failed.body)[0].clone();
    let opened = app
        .get(&format!("/integrations/salesforce?run={id}"), Some(&cookie))
        .await;
    assert!(
        opened.body.contains(
            "Failed after 3 attempts: Salesforce answered 401 Unauthorized: the access token was revoked"
        ) && opened.body.contains("Retry run"),
        "{}",
        opened.body
    );

    let retried = app
        .post_form(
            &format!("/integrations/salesforce/runs/{id}/rerun"),
            "",
            Some(&cookie),
        )
        .await;
    assert_eq!(retried.status, StatusCode::SEE_OTHER);
    let to = retried.headers[header::LOCATION]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(to.contains("run_outcome=retried"), "{to}");
    let new = run_ids(&to)[0].clone();
    assert_ne!(new, id);
    let page = app.get(&to, Some(&cookie)).await;
    assert!(page.body.contains("Retried: this is the new run."));
    assert_eq!(rows(&page.body), 5);
    assert_eq!(run_ids(&page.body)[0], new, "the retry is the newest run");
}

#[tokio::test]
async fn stop_ends_a_running_run_and_a_viewer_may_neither_retry_nor_stop() {
    let app = test_app().await;
    let cookie = signed_in(&app, json!({"sub": "cus_stop"})).await;
    app.connect_oauth(&cookie, "slack").await;
    let page = app
        .get("/integrations/slack?runs=running", Some(&cookie))
        .await;
    let id = run_ids(&page.body)[0].clone();
    let opened = app
        .get(&format!("/integrations/slack?run={id}"), Some(&cookie))
        .await;
    assert!(opened.body.contains("Stop run"), "{}", opened.body);

    let viewer = signed_in(&app, json!({"sub": "cus_stop", "role": "viewer"})).await;
    let seen = app
        .get(&format!("/integrations/slack?run={id}"), Some(&viewer))
        .await;
    assert!(
        seen.body
            .contains("only an admin or member of your account can retry or stop them")
            && seen.body.contains(r#"aria-describedby="run-refused""#)
    );
    for verb in ["stop", "rerun"] {
        let refused = app
            .post_form(
                &format!("/integrations/slack/runs/{id}/{verb}"),
                "",
                Some(&viewer),
            )
            .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{verb}");
    }

    let stopped = app
        .post_form(
            &format!("/integrations/slack/runs/{id}/stop"),
            "",
            Some(&cookie),
        )
        .await;
    let to = stopped.headers[header::LOCATION]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(to.contains("run_outcome=stopped"), "{to}");
    let page = app.get(&to, Some(&cookie)).await;
    assert!(page.body.contains("The run was stopped."));
    let again = app
        .post_form(
            &format!("/integrations/slack/runs/{id}/stop"),
            "",
            Some(&cookie),
        )
        .await;
    let to = again.headers[header::LOCATION].to_str().unwrap().to_owned();
    assert!(
        to.contains("run_outcome=unchanged"),
        "a stopped run is not stopped twice: {to}"
    );
    let beyond = app
        .get("/integrations/slack?runs_page=9", Some(&cookie))
        .await;
    assert!(beyond.body.contains("No runs on this page."));
    assert!(page.body.contains(": Stopped</h3>"), "{}", page.body);
}

#[tokio::test]
async fn a_run_of_another_app_or_a_malformed_id_is_not_found() {
    let app = test_app().await;
    let cookie = signed_in(&app, json!({"sub": "cus_other_runs"})).await;
    app.connect_oauth(&cookie, "salesforce").await;
    app.connect_oauth(&cookie, "hubspot").await;
    let page = app.get("/integrations/salesforce", Some(&cookie)).await;
    let salesforce_run = run_ids(&page.body)[0].clone();
    let elsewhere = app
        .get(
            &format!("/integrations/hubspot?run={salesforce_run}"),
            Some(&cookie),
        )
        .await;
    assert!(elsewhere.body.contains("That run could not be opened"));
    let posted = app
        .post_form(
            &format!("/integrations/hubspot/runs/{salesforce_run}/rerun"),
            "",
            Some(&cookie),
        )
        .await;
    assert_eq!(posted.status, StatusCode::NOT_FOUND);
    let malformed = app
        .post_form(
            "/integrations/hubspot/runs/..%2F..%2Fx/rerun",
            "",
            Some(&cookie),
        )
        .await;
    assert_eq!(malformed.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_cards_say_when_the_last_run_failed_at_one_cached_call_per_view() {
    let app = test_app().await;
    let cookie = signed_in(&app, json!({"sub": "cus_cards"})).await;
    app.connect_oauth(&cookie, "salesforce").await;
    app.connect_oauth(&cookie, "hubspot").await;
    let list = "GET /api/v2/public/execution";
    let before = app.calls(list).await;
    let page = app.get("/integrations", Some(&cookie)).await;
    let card = |slug: &str| {
        page.body
            .split(&format!(r#"data-slug="{slug}""#))
            .nth(1)
            .and_then(|rest| rest.split("</li>").next())
            .unwrap()
            .to_owned()
    };
    let salesforce = card("salesforce");
    assert!(
        salesforce.contains(r#"data-kind="failed""#) && salesforce.contains(">Last run failed</p>"),
        "{salesforce}"
    );
    assert!(card("hubspot").contains("Last run <time"));
    assert!(
        !card("slack").contains("card__run"),
        "not connected: no runs"
    );
    assert_eq!(app.calls(list).await - before, 1);
    app.get("/integrations", Some(&cookie)).await;
    assert_eq!(
        app.calls(list).await - before,
        1,
        "a warm view asks Cobalt nothing"
    );
}

#[tokio::test]
async fn views_of_an_app_in_quick_succession_ask_cobalt_for_its_runs_once() {
    let app = test_app().await;
    let cookie = signed_in(&app, json!({"sub": "cus_warm"})).await;
    app.connect_key_based(&cookie, "copper").await;
    app.get("/integrations/copper", Some(&cookie)).await;
    let counted = app.admin.counters().await.unwrap();
    for _ in 0..50 {
        app.get("/integrations/copper", Some(&cookie)).await;
    }
    let now = app.admin.counters().await.unwrap();
    let runs = "GET /api/v2/public/execution";
    // Cached for 5 s: the 50 views take a fraction of that (two calls if they straddle it).
    assert!(now.calls(runs) - counted.calls(runs) <= 1 + 1);
    // A retry made here shows at once.
    let page = app
        .get("/integrations/copper?runs=failed", Some(&cookie))
        .await;
    let id = run_ids(&page.body)[0].clone();
    app.post_form(
        &format!("/integrations/copper/runs/{id}/rerun"),
        "",
        Some(&cookie),
    )
    .await;
    let page = app.get("/integrations/copper", Some(&cookie)).await;
    assert_eq!(rows(&page.body), 5);
}

/// The texts of the connection history's entries, newest first, and who made them.
fn history(html: &str) -> Vec<String> {
    let Some(list) = html.split(r#"class="history__events""#).nth(1) else {
        return Vec::new();
    };
    let list = list.split("</ol>").next().unwrap();
    list.split(r#"class="history__what">"#)
        .skip(1)
        .map(|entry| {
            let what = entry.split('<').next().unwrap();
            let by = entry
                .split(" · by ")
                .nth(1)
                .and_then(|rest| rest.split('<').next())
                .unwrap_or("-");
            format!("{what} ({by})")
        })
        .collect()
}

#[tokio::test]
async fn connection_history_lists_each_change_with_who_made_it_and_the_providers_reason() {
    let app = test_app().await;
    let ada = app.sign_up("Ada", "ada%40example.com").await;
    let id = app.only_account_id().await;
    app.connect_key_based(&ada, "copper").await;
    let page = app.get("/integrations/copper", Some(&ada)).await;
    assert!(
        page.body
            .contains(r#"href="/integrations/copper?history#history""#)
            && history(&page.body).is_empty(),
        "a healthy connection's page links to its history without loading it"
    );
    let saved = app
        .post_form("/integrations/copper/config", "", Some(&ada))
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let reason = "Copper answered 401: the API key was deleted";
    app.admin
        .expire_connection(&id, "copper", Some(reason))
        .await
        .unwrap();
    let expired = connection_event(&id, "Connection Expired", "copper", now());
    app.send(signed_webhook(&expired, API_KEY)).await;
    let page = app.get("/integrations/copper", Some(&ada)).await;
    assert!(page.body.contains("Reconnect"), "{}", page.body);
    assert_eq!(
        history(&page.body),
        [
            format!("Connection expired: {reason} (-)"),
            "Settings saved (Ada)".to_owned(),
            "Connected (Ada)".to_owned(),
        ],
        "shown next to Reconnect, with the provider's reason"
    );

    app.connect_key_based(&ada, "copper").await;
    let gone = app
        .post_form("/integrations/copper/disconnect", "", Some(&ada))
        .await;
    assert_eq!(gone.status, StatusCode::SEE_OTHER, "{}", gone.body);
    let page = app.get("/integrations/copper?history", Some(&ada)).await;
    assert_eq!(
        history(&page.body),
        [
            "Disconnected (Ada)".to_owned(),
            "Reconnected (Ada)".to_owned(),
            format!("Connection expired: {reason} (-)"),
            "Settings saved (Ada)".to_owned(),
            "Connected (Ada)".to_owned(),
        ]
    );

    let other = app.sign_up("Eve", "eve%40example.com").await;
    let theirs = app.get("/integrations/copper?history", Some(&other)).await;
    assert!(
        theirs
            .body
            .contains("Nothing happened to this connection in the last 30 days."),
        "another account sees none of it"
    );
}
