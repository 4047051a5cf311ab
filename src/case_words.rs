//! How a case reads to a resident: its status in plain words, what they can do
//! now, and each event of its timeline. Pure, so tested natively.

use chrono::NaiveDate;
use domain::api::cases::{AttachmentInfo, CaseSummary, TimelineEntry};
use domain::case::{
    Actor, ActorKind, Attendance, CaseKind, ClosedWhy, ClosedWindow, Event, Outcome, ResidentAction,
    Status, Window,
};

use crate::format::{date_with_weekday, short_date};
use crate::i18n::{t, tf, tn};

/// A GOV.UK tag: its words and colour modifier.
pub fn status_tag(status: Status) -> (&'static str, &'static str) {
    match status {
        Status::AwaitingAcknowledgement => (t("Received"), "app-tag--grey"),
        Status::Acknowledged => (t("Acknowledged"), "app-tag--green"),
        Status::UnderInvestigation => (t("Being looked into"), ""),
        Status::InformationRequested => (t("We need information"), "app-tag--yellow"),
        Status::Responded => (t("Responded"), "app-tag--green"),
        Status::EscalationRequested => (t("Review asked for"), ""),
        Status::EscalationRefused => (t("Review refused"), "app-tag--red"),
        Status::PanelRequested => (t("Panel asked for"), ""),
        Status::PanelScheduled => (t("Panel arranged"), ""),
        Status::AwaitingPanelOutcome => (t("Waiting for the panel's decision"), ""),
        Status::Closed => (t("Closed"), "app-tag--grey"),
        Status::Withdrawn => (t("Withdrawn"), "app-tag--grey"),
        Status::WithOmbudsman => (t("With the Housing Ombudsman"), ""),
    }
}

/// "Complaint", "Compliment", "Comment".
pub fn kind_name(kind: CaseKind) -> &'static str {
    match kind {
        CaseKind::Complaint => t("Complaint"),
        CaseKind::Compliment => t("Compliment"),
        CaseKind::Comment => t("Comment"),
    }
}

/// A case's title on its own page: "Complaint about repairs" (the category as
/// the landlord names it, in lower case), or its kind alone.
pub fn case_title(kind: CaseKind, category: Option<&str>) -> String {
    let Some(category) = category else { return kind_name(kind).to_owned() };
    let category = category.to_lowercase();
    let parts: &[(&str, &dyn std::fmt::Display)] = &[("category", &category)];
    match kind {
        CaseKind::Complaint => tf("Complaint about {category}", parts),
        CaseKind::Compliment => tf("Compliment about {category}", parts),
        CaseKind::Comment => tf("Comment about {category}", parts),
    }
}

/// A case's title in the list: "Complaint: Repairs", or its kind alone.
pub fn card_title(kind: CaseKind, category: Option<&str>) -> String {
    let Some(category) = category else { return kind_name(kind).to_owned() };
    let parts: &[(&str, &dyn std::fmt::Display)] = &[("category", &category)];
    match kind {
        CaseKind::Complaint => tf("Complaint: {category}", parts),
        CaseKind::Compliment => tf("Compliment: {category}", parts),
        CaseKind::Comment => tf("Comment: {category}", parts),
    }
}

/// A stage's name: the policy's own, or "Stage 2" in the resident's language
/// where the policy calls it only that.
pub fn stage_name(number: u8, name: &str) -> String {
    if name == format!("Stage {number}") {
        tf("Stage {number}", &[("number", &number)])
    } else {
        name.to_owned()
    }
}

/// What the resident may do, as a link's words.
pub fn action_label(action: ResidentAction) -> &'static str {
    match action {
        ResidentAction::AddInformation => t("Add information"),
        ResidentAction::RequestEscalation => t("Ask for a review (stage 2)"),
        ResidentAction::RequestPanel => t("Ask for a panel (stage 3)"),
        ResidentAction::Withdraw => t("Withdraw your complaint"),
        ResidentAction::RecordSatisfaction => t("Tell us if you are satisfied"),
    }
}

/// The path segment of each action's page under `/cases/{id}/`.
pub fn action_path(action: ResidentAction) -> &'static str {
    match action {
        ResidentAction::AddInformation => "add-information",
        ResidentAction::RequestEscalation => "ask-for-review",
        ResidentAction::RequestPanel => "ask-for-panel",
        ResidentAction::Withdraw => "withdraw",
        ResidentAction::RecordSatisfaction => "satisfaction",
    }
}

/// What the error summary says first when an action (by its API path under
/// `/cases/{id}/`) could not be sent.
pub fn not_sent_words(path: &str) -> &'static str {
    match path {
        "information" => t("Your information has not been sent"),
        "escalation" => t("Your request for a review has not been sent"),
        "panel" => t("Your request for a panel has not been sent"),
        "withdrawal" => t("Your complaint has not been withdrawn"),
        "satisfaction" => t("Your answer has not been sent"),
        _ => t("This has not been sent"),
    }
}

/// A due date's label ("We will reply by"): the server's words, each of
/// which the app knows, in the resident's language.
pub fn due_label(label: &str) -> String {
    match label {
        "We will acknowledge your complaint by" => t("We will acknowledge your complaint by"),
        "We will acknowledge your request by" => t("We will acknowledge your request by"),
        "We will reply by" => t("We will reply by"),
        "We will send our review response by" => t("We will send our review response by"),
        "You can ask for a review until" => t("You can ask for a review until"),
        "You can ask for a panel until" => t("You can ask for a panel until"),
        "The panel will meet by" => t("The panel will meet by"),
        "We will send the panel's decision by" => t("We will send the panel's decision by"),
        other => other,
    }
    .to_owned()
}

/// A window that has closed, in the app's words: when it closed, and what
/// the resident can still do. The server's words for anything else.
pub fn closed_window_words(window: &ClosedWindow) -> (String, String) {
    let date = date_with_weekday(window.last_day);
    let message = match window.action {
        ResidentAction::RequestEscalation => tf("The last day to ask for a review was {date}.", &[("date", &date)]),
        ResidentAction::RequestPanel => tf("The last day to ask for a panel was {date}.", &[("date", &date)]),
        _ => window.message.clone(),
    };
    let still_open = match window.still_open.as_str() {
        "You can still ask the Housing Ombudsman to look at your complaint." => {
            t("You can still ask the Housing Ombudsman to look at your complaint.").to_owned()
        }
        other => other.to_owned(),
    };
    (message, still_open)
}

/// The files that came with each timeline entry, in the timeline's order: a
/// file belongs to the last entry recorded at or before it was stored (the
/// server stores an event and its files at the same moment, the files' time
/// to the microsecond, the event's to the nanosecond).
pub fn files_by_entry(timeline: &[TimelineEntry], attachments: &[AttachmentInfo]) -> Vec<Vec<AttachmentInfo>> {
    use chrono::SubsecRound;
    let mut files = vec![Vec::new(); timeline.len()];
    for attachment in attachments {
        let stored = attachment.uploaded_at.trunc_subsecs(6);
        if let Some(index) = timeline.iter().rposition(|entry| entry.at.trunc_subsecs(6) <= stored) {
            files[index].push(attachment.clone());
        }
    }
    files
}

/// "You can ask for a review until 19 February (8 working days left)."
pub fn window_sentence(window: &Window, today: NaiveDate) -> String {
    let date = window.last_day.map(|last| short_date(last, today)).unwrap_or_default();
    let action = action_label(window.action);
    let parts: &[(&str, &dyn std::fmt::Display)] = &[("date", &date), ("action", &action)];
    match (window.action, window.last_day, window.working_days_left) {
        (ResidentAction::RequestEscalation, Some(_), Some(left)) => tn(
            "You can ask for a review until {date} ({count} working day left).",
            "You can ask for a review until {date} ({count} working days left).",
            left.into(),
            parts,
        ),
        (ResidentAction::RequestEscalation, Some(_), None) => tf("You can ask for a review until {date}.", parts),
        (ResidentAction::RequestEscalation, None, _) => {
            t("You can ask for a review at any time before your complaint is closed.").to_owned()
        }
        (ResidentAction::RequestPanel, Some(_), Some(left)) => tn(
            "You can ask for a panel until {date} ({count} working day left).",
            "You can ask for a panel until {date} ({count} working days left).",
            left.into(),
            parts,
        ),
        (ResidentAction::RequestPanel, Some(_), None) => tf("You can ask for a panel until {date}.", parts),
        (ResidentAction::RequestPanel, None, _) => {
            t("You can ask for a panel at any time before your complaint is closed.").to_owned()
        }
        // The server opens windows only for a review or a panel.
        (_, Some(_), _) => tf("{action}: you can do this until {date}.", parts),
        (_, None, _) => tf("{action}: you can do this at any time before your complaint is closed.", parts),
    }
}

/// The one line a case list shows under a case's title.
pub fn headline(summary: &CaseSummary, today: NaiveDate) -> String {
    if let Some(window) = &summary.open_window {
        return window_sentence(window, today);
    }
    let on = |due: NaiveDate| date_with_weekday(due);
    match (summary.status, summary.next_due) {
        (Status::Closed, _) => t("This case is closed.").to_owned(),
        (Status::Withdrawn, _) => t("You withdrew this complaint.").to_owned(),
        (Status::WithOmbudsman, _) => t("The Housing Ombudsman is looking at this complaint.").to_owned(),
        (Status::InformationRequested, _) => t("We have asked you for more information.").to_owned(),
        (_, Some(due)) if summary.overdue => {
            tf("Overdue: we should have replied by {date}.", &[("date", &on(due))])
        }
        (Status::AwaitingAcknowledgement, Some(due)) => {
            tf("We will acknowledge it by {date}.", &[("date", &on(due))])
        }
        (_, Some(due)) => tf("We will reply by {date}.", &[("date", &on(due))]),
        (Status::Responded, None) => t("We have responded.").to_owned(),
        _ => t("Thank you. We have received it.").to_owned(),
    }
}

fn closed_words(why: &ClosedWhy) -> String {
    match why {
        ClosedWhy::Resolved => t("resolved").to_owned(),
        ClosedWhy::NoContact => t("we did not hear from you").to_owned(),
        ClosedWhy::ActionsDone => t("everything we agreed has been done").to_owned(),
        ClosedWhy::Withdrawn => t("the complaint was withdrawn").to_owned(),
        // Staff's own words.
        ClosedWhy::Other(words) => words.clone(),
    }
}

/// Who did it, as the timeline says it.
pub fn actor_words(actor: &Actor) -> String {
    match (actor.kind, &actor.name) {
        (ActorKind::Resident, _) => t("You").to_owned(),
        (ActorKind::Advocate, Some(name)) => tf("{name}, for you", &[("name", name)]),
        (ActorKind::Advocate, None) => t("Someone acting for you").to_owned(),
        (ActorKind::Staff, Some(name)) => name.clone(),
        (ActorKind::Staff, None) => t("Our team").to_owned(),
        (ActorKind::System, _) => "Put It Right".to_owned(),
    }
}

/// A timeline entry's title and body.
pub fn event_words(event: &Event) -> (String, Option<String>) {
    let text = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_owned());
    match event {
        Event::Received { kind, .. } => (
            match kind {
                CaseKind::Complaint => t("Complaint received"),
                CaseKind::Compliment => t("Compliment received"),
                CaseKind::Comment => t("Comment received"),
            }
            .to_owned(),
            None,
        ),
        Event::Acknowledged => (t("Acknowledged").into(), None),
        Event::Assigned { caseworker } => {
            (tf("{caseworker} is looking into it", &[("caseworker", caseworker)]), None)
        }
        Event::Extended { reason, new_date, .. } => (
            tf("More time needed: new date {date}", &[("date", &date_with_weekday(*new_date))]),
            text(reason),
        ),
        Event::InformationRequested { what } => (t("We asked for more information").into(), text(what)),
        Event::InformationGiven { text: given } => (t("Information added").into(), text(given)),
        Event::Responded { outcome, reasons, remedies, outstanding_actions } => {
            let title = match outcome {
                Some(Outcome::Upheld) => t("Response: complaint upheld"),
                Some(Outcome::PartlyUpheld) => t("Response: complaint partly upheld"),
                Some(Outcome::NotUpheld) => t("Response: complaint not upheld"),
                None => t("Response"),
            }
            .to_owned();
            let mut body = Vec::new();
            if let Some(r) = text(reasons) {
                body.push(r);
            }
            for remedy in remedies {
                let remedy_words = &remedy.description;
                body.push(match remedy.amount_pence {
                    Some(p) => {
                        let amount = format!("£{}.{:02}", p / 100, p % 100);
                        tf(
                            "To put things right: {remedy} ({amount})",
                            &[("remedy", remedy_words), ("amount", &amount)],
                        )
                    }
                    None => tf("To put things right: {remedy}", &[("remedy", remedy_words)]),
                });
            }
            for action in outstanding_actions {
                body.push(tf(
                    "We will {action} by {date}",
                    &[("action", &action.description), ("date", &date_with_weekday(action.due))],
                ));
            }
            (title, (!body.is_empty()).then(|| body.join("\n")))
        }
        Event::EscalationRequested { reason } => {
            (t("You asked for a review").into(), reason.as_deref().and_then(text))
        }
        Event::EscalationRefused { reasons } => (t("Review refused").into(), text(reasons)),
        Event::PanelRequested { attendance, representative } => {
            let body = match (attendance, representative) {
                (Attendance::Attend, None) => t("You will attend.").to_owned(),
                (Attendance::WrittenSubmissions, None) => t("You will send written submissions.").to_owned(),
                (Attendance::Attend, Some(r)) => tf(
                    "You will attend, represented by {name} ({relation}).",
                    &[("name", &r.name), ("relation", &r.relation)],
                ),
                (Attendance::WrittenSubmissions, Some(r)) => tf(
                    "You will send written submissions, represented by {name} ({relation}).",
                    &[("name", &r.name), ("relation", &r.relation)],
                ),
            };
            (t("You asked for a panel").into(), Some(body))
        }
        Event::PanelHeld { date } => {
            (tf("Panel hearing: {date}", &[("date", &date_with_weekday(*date))]), None)
        }
        Event::PanelOutcome { outcome, reasons } => (
            match outcome {
                Outcome::Upheld => t("Panel decision: complaint upheld"),
                Outcome::PartlyUpheld => t("Panel decision: complaint partly upheld"),
                Outcome::NotUpheld => t("Panel decision: complaint not upheld"),
            }
            .to_owned(),
            text(reasons),
        ),
        Event::SatisfactionRecorded { satisfied, comment } => (
            if *satisfied { t("You said you are satisfied") } else { t("You said you are not satisfied") }.into(),
            comment.as_deref().and_then(text),
        ),
        Event::Withdrawn { reason } => (t("Complaint withdrawn").into(), reason.as_deref().and_then(text)),
        Event::Closed { why } => (
            t("Closed").into(),
            text(&closed_words(why)).map(|w| tf("Why: {reason}", &[("reason", &w)])),
        ),
        Event::ReferredToOmbudsman => (t("Referred to the Housing Ombudsman").into(), None),
        Event::Reopened { reason } => (t("Reopened").into(), text(reason)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::case::StageRef;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn summary(status: Status, next_due: Option<&str>, overdue: bool) -> CaseSummary {
        CaseSummary {
            id: "abc".into(),
            reference: "CMP-2026-00001".into(),
            kind: CaseKind::Complaint,
            category: None,
            category_label: None,
            status,
            stage: Some(StageRef { number: 1, name: "Stage 1".into() }),
            next_due: next_due.map(d),
            overdue,
            open_window: None,
            resident_name: "Rosa".into(),
            created_at: chrono::DateTime::parse_from_rfc3339("2026-12-18T10:00:00Z").unwrap().into(),
        }
    }

    fn at(s: &str) -> chrono::DateTime<chrono::Utc> {
        chrono::DateTime::parse_from_rfc3339(s).unwrap().into()
    }

    fn entry(when: &str, event: Event) -> TimelineEntry {
        TimelineEntry {
            at: at(when),
            on: at(when).date_naive(),
            actor: Actor { kind: ActorKind::Resident, name: None },
            event,
        }
    }

    fn file(name: &str, when: &str) -> AttachmentInfo {
        AttachmentInfo {
            id: name.into(),
            filename: name.into(),
            content_type: "image/png".into(),
            size: 68,
            uploaded_at: at(when),
        }
    }

    #[test]
    fn files_sent_with_information_are_shown_with_that_information() {
        let timeline = [
            entry("2026-12-18T10:00:00.000001Z", Event::Received { kind: CaseKind::Complaint, received_on: at("2026-12-18T10:00:00Z").date_naive() }),
            entry("2026-12-21T09:00:00Z", Event::Acknowledged),
            // The event keeps nanoseconds; its files were stored to the microsecond.
            entry("2026-12-22T14:30:00.123456789Z", Event::InformationGiven { text: "A photo of the window".into() }),
            entry("2026-12-23T08:00:00Z", Event::Acknowledged),
        ];
        let files = files_by_entry(
            &timeline,
            &[
                file("complaint.pdf", "2026-12-18T10:00:00.000001Z"),
                file("window.png", "2026-12-22T14:30:00.123456Z"),
                file("door.jpg", "2026-12-22T14:30:00.123456Z"),
            ],
        );
        let names: Vec<Vec<&str>> =
            files.iter().map(|f| f.iter().map(|a| a.filename.as_str()).collect()).collect();
        assert_eq!(names, [vec!["complaint.pdf"], vec![], vec!["window.png", "door.jpg"], vec![]]);
    }

    #[test]
    fn a_file_older_than_every_entry_is_not_put_on_the_timeline() {
        let timeline = [entry("2026-12-18T10:00:00Z", Event::Acknowledged)];
        let files = files_by_entry(&timeline, &[file("early.png", "2026-12-17T10:00:00Z")]);
        assert_eq!(files, vec![Vec::<AttachmentInfo>::new()]);
    }

    #[test]
    fn an_action_that_failed_to_send_says_what_was_not_sent() {
        assert_eq!(not_sent_words("information"), "Your information has not been sent");
        assert_eq!(not_sent_words("withdrawal"), "Your complaint has not been withdrawn");
        assert_eq!(not_sent_words("something-new"), "This has not been sent");
    }

    #[test]
    fn a_case_under_investigation_says_when_we_will_reply() {
        let s = summary(Status::UnderInvestigation, Some("2027-02-05"), false);
        assert_eq!(headline(&s, d("2026-12-18")), "We will reply by Friday 5 February 2027.");
    }

    #[test]
    fn an_overdue_case_says_so() {
        let s = summary(Status::UnderInvestigation, Some("2026-12-10"), true);
        assert_eq!(
            headline(&s, d("2026-12-18")),
            "Overdue: we should have replied by Thursday 10 December 2026."
        );
    }

    #[test]
    fn an_open_window_says_what_the_resident_can_do_and_until_when() {
        let mut s = summary(Status::Responded, None, false);
        s.open_window = Some(Window {
            action: ResidentAction::RequestEscalation,
            last_day: Some(d("2027-02-19")),
            working_days_left: Some(8),
        });
        assert_eq!(
            headline(&s, d("2027-02-09")),
            "You can ask for a review until 19 February (8 working days left)."
        );
    }

    #[test]
    fn a_window_without_a_limit_says_any_time() {
        let window = Window { action: ResidentAction::RequestEscalation, last_day: None, working_days_left: None };
        assert_eq!(
            window_sentence(&window, d("2027-02-09")),
            "You can ask for a review at any time before your complaint is closed."
        );
    }

    #[test]
    fn a_response_reads_with_its_outcome_remedies_and_actions() {
        let event: Event = serde_json::from_value(serde_json::json!({
            "type": "responded",
            "outcome": "partly_upheld",
            "reasons": "The repair was late.",
            "remedies": [{"kind": "financial", "description": "Compensation", "amount_pence": 5000}],
            "outstanding_actions": [{"description": "replace the window", "due": "2027-01-15"}]
        }))
        .unwrap();
        let (title, body) = event_words(&event);
        assert_eq!(title, "Response: complaint partly upheld");
        let body = body.unwrap();
        assert!(body.contains("The repair was late."));
        assert!(body.contains("To put things right: Compensation (£50.00)"));
        assert!(body.contains("We will replace the window by Friday 15 January 2027"));
    }

    #[test]
    fn an_extension_reads_with_its_new_date_and_reason() {
        let event = Event::Extended {
            reason: "We are waiting for a contractor's report".into(),
            new_date: d("2027-01-20"),
            agreed_with_resident: false,
        };
        let (title, body) = event_words(&event);
        assert_eq!(title, "More time needed: new date Wednesday 20 January 2027");
        assert_eq!(body.as_deref(), Some("We are waiting for a contractor's report"));
    }

    #[test]
    fn a_closed_window_reads_as_the_server_says_it() {
        let window = ClosedWindow {
            action: ResidentAction::RequestEscalation,
            last_day: d("2027-02-05"),
            message: "The last day to ask for a review was Friday 5 February 2027.".into(),
            still_open: "You can still ask the Housing Ombudsman to look at your complaint.".into(),
        };
        let (message, still_open) = closed_window_words(&window);
        assert_eq!(message, window.message);
        assert_eq!(still_open, window.still_open);
    }

    #[test]
    fn a_panel_request_reads_with_who_represents_the_resident() {
        let event: Event = serde_json::from_value(serde_json::json!({
            "type": "panel_requested",
            "attendance": "attend",
            "representative": {"name": "Sam Green", "relation": "friend"}
        }))
        .unwrap();
        let (title, body) = event_words(&event);
        assert_eq!(title, "You asked for a panel");
        assert_eq!(body.as_deref(), Some("You will attend, represented by Sam Green (friend)."));
    }

    #[test]
    fn titles_and_stage_names_read_as_before() {
        assert_eq!(case_title(CaseKind::Complaint, Some("Repairs")), "Complaint about repairs");
        assert_eq!(card_title(CaseKind::Comment, Some("Repairs")), "Comment: Repairs");
        assert_eq!(case_title(CaseKind::Compliment, None), "Compliment");
        assert_eq!(stage_name(2, "Stage 2"), "Stage 2");
        assert_eq!(stage_name(3, "Residents' panel"), "Residents' panel");
        assert_eq!(due_label("We will reply by"), "We will reply by");
        assert_eq!(
            window_sentence(
                &Window { action: ResidentAction::RequestPanel, last_day: Some(d("2027-02-19")), working_days_left: Some(1) },
                d("2027-02-19")
            ),
            "You can ask for a panel until 19 February (1 working day left)."
        );
    }

    #[test]
    fn every_status_has_words() {
        for status in [Status::AwaitingAcknowledgement, Status::Closed, Status::WithOmbudsman] {
            assert!(!status_tag(status).0.is_empty());
        }
    }
}
