//! Reads that do not replay (issue 15): the resident's list and the staff
//! queue read each case's stored summary, written in the same transaction as
//! each event; a summary from another day is not trusted until the policy's
//! clock works it out again; `server projections check` compares everything
//! kept beside the events with the events, and `rebuild` mends it.

use chrono::Duration;
use serde_json::{json, Value};
use server::config::ProjectionsCommand;

use crate::helpers::TestApp;
use crate::support::{complaint, compliment, id, raise, responded, staff_does};

fn items(body: &Value) -> Vec<Value> {
    body.as_array().cloned().unwrap_or_default()
}

fn replays(app: &TestApp) -> u64 {
    app.state.metrics.case_replays()
}

#[tokio::test]
async fn the_lists_read_each_cases_summary_without_replaying_its_events() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let first = id(&raise(&riya, complaint()).await);
    raise(&riya, compliment()).await;
    let third = id(&raise(&riya, complaint()).await);
    staff_does(&staff, &first, json!({ "type": "acknowledged" })).await;
    staff_does(&staff, &third, json!({ "type": "acknowledged" })).await;
    staff_does(&staff, &third, responded("upheld")).await;

    let before = replays(&app);
    let (status, _, mine) = riya.get("/api/v1/cases").await;
    assert_eq!(status, 200);
    let (status, _, queue) = staff.get("/api/v1/staff/cases").await;
    assert_eq!(status, 200);
    assert_eq!(replays(&app), before, "neither list replayed a case");

    // What they read is what a replay says, field for field.
    assert_eq!(items(&mine).len(), 3);
    assert_eq!(items(&queue).len(), 3);
    let answered = items(&mine)
        .into_iter()
        .find(|c| c["id"] == third)
        .expect("the answered complaint in the resident's list");
    assert_eq!(answered["status"], "responded");
    assert_eq!(answered["resident_name"], "Riya Resident");
    let acknowledged = items(&queue)
        .into_iter()
        .find(|c| c["id"] == first)
        .expect("the acknowledged complaint in the queue");
    assert_eq!(acknowledged["status"], "under_investigation");
    assert!(acknowledged["next_due"].is_string());
    app.count("DELETE FROM case_summaries RETURNING 1").await;
    let (_, _, mine_replayed) = riya.get("/api/v1/cases").await;
    let (_, _, queue_replayed) = staff.get("/api/v1/staff/cases").await;
    assert_eq!(
        replays(&app),
        before + 6,
        "without summaries each case is replayed"
    );
    assert_eq!(mine, mine_replayed);
    assert_eq!(queue, queue_replayed);

    // A case page replays its own case, and only that one.
    let (status, _, _) = riya.get(&format!("/api/v1/cases/{first}")).await;
    assert_eq!(status, 200);
    assert_eq!(replays(&app), before + 7);
}

#[tokio::test]
async fn a_summary_from_another_day_is_not_trusted_until_the_clock_works_it_out_again() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let case = id(&raise(&riya, complaint()).await);
    staff_does(&staff, &case, json!({ "type": "acknowledged" })).await;
    let (_, _, queue) = staff.get("/api/v1/staff/cases").await;
    assert_eq!(items(&queue)[0]["overdue"], false);

    // Two months on, nothing has been answered: the stored summary still
    // says "not overdue", but the queue says what is true today.
    app.advance(Duration::days(60));
    let staff = app.sign_in(&staff.email, &staff.password).await;
    let before = replays(&app);
    let (_, _, queue) = staff.get("/api/v1/staff/cases").await;
    assert_eq!(items(&queue)[0]["overdue"], true);
    assert_eq!(
        replays(&app),
        before + 1,
        "the day-old summary was replayed"
    );

    // The clock's round works it out for today; then the list reads it.
    assert_eq!(
        server::cases::refresh_summaries(&app.state).await.unwrap(),
        1
    );
    assert_eq!(
        server::cases::refresh_summaries(&app.state).await.unwrap(),
        0
    );
    let before = replays(&app);
    let (_, _, queue) = staff.get("/api/v1/staff/cases").await;
    assert_eq!(items(&queue)[0]["overdue"], true);
    assert_eq!(replays(&app), before, "today's summary was read");
}

#[tokio::test]
async fn a_closed_case_is_settled_and_never_worked_out_again() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let case = id(&raise(&riya, compliment()).await);
    staff_does(&staff, &case, json!({ "type": "acknowledged" })).await;
    staff_does(
        &staff,
        &case,
        json!({ "type": "closed", "why": "resolved" }),
    )
    .await;
    let open = id(&raise(&riya, complaint()).await);
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM case_summaries s JOIN cases c ON c.id = s.case_id \
             WHERE s.as_of IS NULL AND c.status = 'closed'"
        )
        .await,
        1,
        "the closed case's summary is settled"
    );
    app.advance(Duration::days(400));
    assert_eq!(
        server::cases::refresh_summaries(&app.state).await.unwrap(),
        1,
        "only the open complaint is worked out again ({open})"
    );
}

#[tokio::test]
async fn checking_finds_what_disagrees_with_the_events_and_rebuilding_mends_it() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let first = raise(&riya, complaint()).await;
    let second = id(&raise(&riya, complaint()).await);
    staff_does(&staff, &second, json!({ "type": "acknowledged" })).await;

    let (lines, result) = server::admin::projections(&app.state, ProjectionsCommand::Check).await;
    assert_eq!(result, Ok(()));
    assert_eq!(lines, ["2 cases: every projection agrees with the events"]);

    // Something writes behind the events' back: the queue's status and the
    // summary's next due date.
    server::db::query("UPDATE cases SET status = 'closed' WHERE public_id = ?")
        .bind(&second)
        .execute(&app.state.db)
        .await
        .unwrap();
    server::db::query(
        "UPDATE case_summaries SET next_due_kind = 'stage_response' \
         WHERE case_id = (SELECT id FROM cases WHERE public_id = ?)",
    )
    .bind(id(&first))
    .execute(&app.state.db)
    .await
    .unwrap();
    let (_, _, queue) = staff.get("/api/v1/staff/cases?status=closed").await;
    assert_eq!(
        items(&queue).len(),
        1,
        "the queue believes the wrong status"
    );

    let (lines, result) = server::admin::projections(&app.state, ProjectionsCommand::Check).await;
    let first_reference = first["reference"].as_str().unwrap().to_owned();
    assert_eq!(lines.len(), 2);
    assert!(lines[0].starts_with(&first_reference), "{lines:?}");
    assert_eq!(
        result,
        Err("2 cases: 2 disagree with their events (run `server projections rebuild`)".into())
    );
    // Checking changed nothing.
    let (_, _, queue) = staff.get("/api/v1/staff/cases?status=closed").await;
    assert_eq!(items(&queue).len(), 1);

    let (lines, result) = server::admin::projections(&app.state, ProjectionsCommand::Rebuild).await;
    assert_eq!(result, Ok(()));
    assert_eq!(
        lines.last().unwrap(),
        "2 cases: 2 rebuilt from their events"
    );
    let (_, _, queue) = staff.get("/api/v1/staff/cases?status=closed").await;
    assert!(items(&queue).is_empty(), "the queue is right again");
    let (lines, result) = server::admin::projections(&app.state, ProjectionsCommand::Check).await;
    assert_eq!(result, Ok(()));
    assert_eq!(lines, ["2 cases: every projection agrees with the events"]);
}

#[tokio::test]
async fn the_clocks_round_looks_only_at_cases_whose_day_has_come() {
    let app = crate::support::app_with_policy("pivotal-2021").await;
    let riya = app.register_resident("Riya Resident").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let answered = id(&raise(&riya, complaint()).await);
    staff_does(&staff, &answered, json!({ "type": "acknowledged" })).await;
    staff_does(&staff, &answered, responded("not_upheld")).await;

    // Nothing is due today: the round replays no case at all.
    let before = replays(&app);
    assert!(server::rules::run_due(&app.state).await.unwrap().is_empty());
    assert_eq!(replays(&app), before);

    // A month on, Pivotal's silence rule closes the answered complaint
    // (section 10.1(c)); three complaints raised today, open but with
    // nothing due, are never looked at.
    app.advance(Duration::days(30));
    let riya = app.sign_in(&riya.email, &riya.password).await;
    for _ in 0..3 {
        raise(&riya, complaint()).await;
    }
    let before = replays(&app);
    let acted = server::rules::run_due(&app.state).await.unwrap();
    assert!(acted.iter().any(|a| a.case == answered), "{acted:?}");
    // Each action replays its case twice (to find it, and to record its
    // event), and one more look finds nothing left.
    assert_eq!(
        replays(&app) - before,
        2 * acted.len() as u64 + 1,
        "{acted:?}"
    );

    // Done: the next round has nothing to look at.
    let before = replays(&app);
    assert!(server::rules::run_due(&app.state).await.unwrap().is_empty());
    assert_eq!(replays(&app), before);
}
