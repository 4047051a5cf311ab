//! How a case reads to a resident: its status in plain words, what they can do
//! now, and each event of its timeline. Pure, so tested natively.

use chrono::NaiveDate;
use domain::api::cases::{AttachmentInfo, CaseSummary, TimelineEntry};
use domain::case::{
    Actor, ActorKind, Attendance, CaseKind, ClosedWhy, Event, Outcome, ResidentAction, Status,
    Window,
};

use crate::format::{date_with_weekday, short_date, working_days};

/// A GOV.UK tag: its words and colour modifier.
pub fn status_tag(status: Status) -> (&'static str, &'static str) {
    match status {
        Status::AwaitingAcknowledgement => ("Received", "app-tag--grey"),
        Status::Acknowledged => ("Acknowledged", "app-tag--green"),
        Status::UnderInvestigation => ("Being looked into", ""),
        Status::InformationRequested => ("We need information", "app-tag--yellow"),
        Status::Responded => ("Responded", "app-tag--green"),
        Status::EscalationRequested => ("Review asked for", ""),
        Status::EscalationRefused => ("Review refused", "app-tag--red"),
        Status::PanelRequested => ("Panel asked for", ""),
        Status::PanelScheduled => ("Panel arranged", ""),
        Status::AwaitingPanelOutcome => ("Waiting for the panel's decision", ""),
        Status::Closed => ("Closed", "app-tag--grey"),
        Status::Withdrawn => ("Withdrawn", "app-tag--grey"),
        Status::WithOmbudsman => ("With the Housing Ombudsman", ""),
    }
}

/// "Complaint", "Compliment", "Comment".
pub fn kind_name(kind: CaseKind) -> &'static str {
    match kind {
        CaseKind::Complaint => "Complaint",
        CaseKind::Compliment => "Compliment",
        CaseKind::Comment => "Comment",
    }
}

/// What the resident may do, as a link's words.
pub fn action_label(action: ResidentAction) -> &'static str {
    match action {
        ResidentAction::AddInformation => "Add information",
        ResidentAction::RequestEscalation => "Ask for a review (stage 2)",
        ResidentAction::RequestPanel => "Ask for a panel (stage 3)",
        ResidentAction::Withdraw => "Withdraw your complaint",
        ResidentAction::RecordSatisfaction => "Tell us if you are satisfied",
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
        "information" => "Your information has not been sent",
        "escalation" => "Your request for a review has not been sent",
        "panel" => "Your request for a panel has not been sent",
        "withdrawal" => "Your complaint has not been withdrawn",
        "satisfaction" => "Your answer has not been sent",
        _ => "This has not been sent",
    }
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
    let what = match window.action {
        ResidentAction::RequestEscalation => "ask for a review",
        ResidentAction::RequestPanel => "ask for a panel",
        other => action_label(other),
    };
    match (window.last_day, window.working_days_left) {
        (Some(last), Some(left)) => format!(
            "You can {what} until {} ({} left).",
            short_date(last, today),
            working_days(left)
        ),
        (Some(last), None) => format!("You can {what} until {}.", short_date(last, today)),
        _ => format!("You can {what} at any time before your complaint is closed."),
    }
}

/// The one line a case list shows under a case's title.
pub fn headline(summary: &CaseSummary, today: NaiveDate) -> String {
    if let Some(window) = &summary.open_window {
        return window_sentence(window, today);
    }
    match (summary.status, summary.next_due) {
        (Status::Closed, _) => "This case is closed.".to_owned(),
        (Status::Withdrawn, _) => "You withdrew this complaint.".to_owned(),
        (Status::WithOmbudsman, _) => "The Housing Ombudsman is looking at this complaint.".to_owned(),
        (Status::InformationRequested, _) => "We have asked you for more information.".to_owned(),
        (_, Some(due)) if summary.overdue => {
            format!("Overdue: we should have replied by {}.", date_with_weekday(due))
        }
        (Status::AwaitingAcknowledgement, Some(due)) => {
            format!("We will acknowledge it by {}.", date_with_weekday(due))
        }
        (_, Some(due)) => format!("We will reply by {}.", date_with_weekday(due)),
        (Status::Responded, None) => "We have responded.".to_owned(),
        _ => "Thank you. We have received it.".to_owned(),
    }
}

fn outcome_words(outcome: &Outcome) -> &'static str {
    match outcome {
        Outcome::Upheld => "upheld",
        Outcome::PartlyUpheld => "partly upheld",
        Outcome::NotUpheld => "not upheld",
    }
}

fn closed_words(why: &ClosedWhy) -> String {
    match why {
        ClosedWhy::Resolved => "resolved".to_owned(),
        ClosedWhy::NoContact => "we did not hear from you".to_owned(),
        ClosedWhy::ActionsDone => "everything we agreed has been done".to_owned(),
        ClosedWhy::Withdrawn => "the complaint was withdrawn".to_owned(),
        ClosedWhy::Other(words) => words.clone(),
    }
}

/// Who did it, as the timeline says it.
pub fn actor_words(actor: &Actor) -> String {
    match (actor.kind, &actor.name) {
        (ActorKind::Resident, _) => "You".to_owned(),
        (ActorKind::Advocate, Some(name)) => format!("{name}, for you"),
        (ActorKind::Advocate, None) => "Someone acting for you".to_owned(),
        (ActorKind::Staff, Some(name)) => name.clone(),
        (ActorKind::Staff, None) => "Our team".to_owned(),
        (ActorKind::System, _) => "Put It Right".to_owned(),
    }
}

/// A timeline entry's title and body.
pub fn event_words(event: &Event) -> (String, Option<String>) {
    let text = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_owned());
    match event {
        Event::Received { kind, .. } => (format!("{} received", kind_name(*kind)), None),
        Event::Acknowledged => ("Acknowledged".into(), None),
        Event::Assigned { caseworker } => (format!("{caseworker} is looking into it"), None),
        Event::Extended { reason, new_date, .. } => (
            format!("More time needed: new date {}", date_with_weekday(*new_date)),
            text(reason),
        ),
        Event::InformationRequested { what } => ("We asked for more information".into(), text(what)),
        Event::InformationGiven { text: given } => ("Information added".into(), text(given)),
        Event::Responded { outcome, reasons, remedies, outstanding_actions } => {
            let title = match outcome {
                Some(o) => format!("Response: complaint {}", outcome_words(o)),
                None => "Response".to_owned(),
            };
            let mut body = Vec::new();
            if let Some(r) = text(reasons) {
                body.push(r);
            }
            for remedy in remedies {
                let amount = remedy
                    .amount_pence
                    .map(|p| format!(" (£{}.{:02})", p / 100, p % 100))
                    .unwrap_or_default();
                body.push(format!("To put things right: {}{amount}", remedy.description));
            }
            for action in outstanding_actions {
                body.push(format!("We will {} by {}", action.description, date_with_weekday(action.due)));
            }
            (title, (!body.is_empty()).then(|| body.join("\n")))
        }
        Event::EscalationRequested { reason } => {
            ("You asked for a review".into(), reason.as_deref().and_then(text))
        }
        Event::EscalationRefused { reasons } => ("Review refused".into(), text(reasons)),
        Event::PanelRequested { attendance, representative } => {
            let how = match attendance {
                Attendance::Attend => "You will attend",
                Attendance::WrittenSubmissions => "You will send written submissions",
            };
            let with = representative
                .as_ref()
                .map(|r| format!(", represented by {} ({})", r.name, r.relation))
                .unwrap_or_default();
            ("You asked for a panel".into(), Some(format!("{how}{with}.")))
        }
        Event::PanelHeld { date } => (format!("Panel hearing: {}", date_with_weekday(*date)), None),
        Event::PanelOutcome { outcome, reasons } => {
            (format!("Panel decision: complaint {}", outcome_words(outcome)), text(reasons))
        }
        Event::SatisfactionRecorded { satisfied, comment } => (
            if *satisfied { "You said you are satisfied" } else { "You said you are not satisfied" }.into(),
            comment.as_deref().and_then(text),
        ),
        Event::Withdrawn { reason } => ("Complaint withdrawn".into(), reason.as_deref().and_then(text)),
        Event::Closed { why } => ("Closed".into(), text(&closed_words(why)).map(|w| format!("Why: {w}"))),
        Event::ReferredToOmbudsman => ("Referred to the Housing Ombudsman".into(), None),
        Event::Reopened { reason } => ("Reopened".into(), text(reason)),
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
    fn every_status_has_words() {
        for status in [Status::AwaitingAcknowledgement, Status::Closed, Status::WithOmbudsman] {
            assert!(!status_tag(status).0.is_empty());
        }
    }
}
