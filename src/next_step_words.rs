//! What a resident reads first on a case: the next thing to expect with its
//! date, how the case ended, the landlord's latest answer, and what each due
//! date is for. Every sentence is built here from the typed facts the domain
//! sends (`NextStep`, `DueKind`, `LatestResponse`), never from the server's
//! English. Pure, so tested natively.

use chrono::NaiveDate;
use domain::case::{
    CaseView, ClosedWhy, Closing, DueDate, DueKind, NextStep, Outcome, Remedy, RemedyKind,
    ResidentAction,
};

use crate::format::date_with_weekday;
use crate::i18n::{t, tf};

/// Who reads a case: the resident ("your complaint"), or someone acting
/// for them, who reads of "their complaint".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Reader {
    #[default]
    Resident,
    Advocate,
}

/// The reader of the signed-in account's pages.
pub fn reader_for(role: Option<domain::api::account::Role>) -> Reader {
    match role {
        Some(domain::api::account::Role::Advocate) => Reader::Advocate,
        _ => Reader::Resident,
    }
}

/// The first sentence under "What happens next", and whether it says we are
/// late (shown as a warning).
pub fn next_step_sentence(step: &NextStep, reader: Reader) -> (String, bool) {
    if reader == Reader::Advocate {
        if let Some(words) = advocates_next_step(step) {
            return words;
        }
    }
    let on = |d: &NaiveDate| date_with_weekday(*d);
    match step {
        NextStep::Acknowledge { stage: 1, by, overdue: false } => {
            (tf("We will acknowledge your complaint by {date}.", &[("date", &on(by))]), false)
        }
        NextStep::Acknowledge { stage: 1, by, overdue: true } => (
            tf("We are late. We should have acknowledged your complaint by {date}. We are sorry.", &[("date", &on(by))]),
            true,
        ),
        NextStep::Acknowledge { by, overdue: false, .. } => {
            (tf("We will acknowledge your request for a review by {date}.", &[("date", &on(by))]), false)
        }
        NextStep::Acknowledge { by, overdue: true, .. } => (
            tf(
                "We are late. We should have acknowledged your request for a review by {date}. We are sorry.",
                &[("date", &on(by))],
            ),
            true,
        ),
        NextStep::Respond { stage, by, overdue: false, extended } => {
            let parts: &[(&str, &dyn std::fmt::Display)] = &[("stage", stage), ("date", &on(by))];
            if *extended {
                (tf("We need more time. We will send our stage {stage} response by {date}.", parts), false)
            } else {
                (tf("We will send our stage {stage} response by {date}.", parts), false)
            }
        }
        NextStep::Respond { stage, by, overdue: true, .. } => (
            tf(
                "We are late. We should have sent our stage {stage} response by {date}. We are sorry.",
                &[("stage", stage), ("date", &on(by))],
            ),
            true,
        ),
        NextStep::InformationRequested { .. } => {
            (t("We are waiting for the information we asked you for.").to_owned(), false)
        }
        NextStep::PanelMeetBy { by, overdue: false } => {
            (tf("The panel will meet by {date}. We will tell you the date.", &[("date", &on(by))]), false)
        }
        NextStep::PanelMeetBy { by, overdue: true } => (
            tf("We are late. The panel should have met by {date}. We are sorry.", &[("date", &on(by))]),
            true,
        ),
        NextStep::PanelMeetsOn { on: day } => (tf("The panel will meet on {date}.", &[("date", &on(day))]), false),
        NextStep::PanelDecision { by, overdue: false } => {
            (tf("The panel has met. We will send you its decision by {date}.", &[("date", &on(by))]), false)
        }
        NextStep::PanelDecision { by, overdue: true } => (
            tf("We are late. We should have sent the panel's decision by {date}. We are sorry.", &[("date", &on(by))]),
            true,
        ),
        NextStep::Responded { on: day, final_response: true, .. } => {
            (tf("We sent our final response on {date}.", &[("date", &on(day))]), false)
        }
        NextStep::Responded { stage, on: day, .. } => (
            tf("We sent our stage {stage} response on {date}.", &[("stage", stage), ("date", &on(day))]),
            false,
        ),
        NextStep::EscalationRefused { on: day, .. } => {
            (tf("On {date} we decided not to review your complaint again.", &[("date", &on(day))]), false)
        }
        NextStep::Withdrawn { on: day } => (tf("You withdrew this complaint on {date}.", &[("date", &on(day))]), false),
        NextStep::Closed { on: day, why } => (closed_sentence(*day, why), false),
        NextStep::WithOmbudsman { on: day } => (
            tf("The Housing Ombudsman has been looking at this complaint since {date}.", &[("date", &on(day))]),
            false,
        ),
        NextStep::AwaitingDecision => (
            t("We are deciding whether we can take your complaint on. We will tell you what we decide and why.").to_owned(),
            false,
        ),
        NextStep::NotTakenOn { on: day, .. } => {
            (tf("On {date} we decided not to take your complaint on.", &[("date", &on(day))]), false)
        }
    }
}

/// The sentences that speak of the resident, as someone acting for them
/// reads them; `None` where the resident's own words fit both.
fn advocates_next_step(step: &NextStep) -> Option<(String, bool)> {
    let on = |d: &NaiveDate| date_with_weekday(*d);
    Some(match step {
        NextStep::Acknowledge { stage: 1, by, overdue: false } => {
            (tf("We will acknowledge their complaint by {date}.", &[("date", &on(by))]), false)
        }
        NextStep::Acknowledge { stage: 1, by, overdue: true } => (
            tf("We are late. We should have acknowledged their complaint by {date}. We are sorry.", &[("date", &on(by))]),
            true,
        ),
        NextStep::Acknowledge { by, overdue: false, .. } => {
            (tf("We will acknowledge their request for a review by {date}.", &[("date", &on(by))]), false)
        }
        NextStep::Acknowledge { by, overdue: true, .. } => (
            tf(
                "We are late. We should have acknowledged their request for a review by {date}. We are sorry.",
                &[("date", &on(by))],
            ),
            true,
        ),
        NextStep::InformationRequested { .. } => {
            (t("We are waiting for the information we asked them for.").to_owned(), false)
        }
        NextStep::PanelMeetBy { by, overdue: false } => {
            (tf("The panel will meet by {date}. We will tell them the date.", &[("date", &on(by))]), false)
        }
        NextStep::PanelDecision { by, overdue: false } => {
            (tf("The panel has met. We will send them its decision by {date}.", &[("date", &on(by))]), false)
        }
        NextStep::EscalationRefused { on: day, .. } => {
            (tf("On {date} we decided not to review their complaint again.", &[("date", &on(day))]), false)
        }
        NextStep::Withdrawn { on: day } => (tf("This complaint was withdrawn on {date}.", &[("date", &on(day))]), false),
        NextStep::AwaitingDecision => (
            t("We are deciding whether we can take their complaint on. We will tell them what we decide and why.").to_owned(),
            false,
        ),
        NextStep::NotTakenOn { on: day, .. } => {
            (tf("On {date} we decided not to take their complaint on.", &[("date", &on(day))]), false)
        }
        NextStep::Closed { on: day, why: ClosedWhy::NoContact } => (
            tf("We closed this complaint on {date} because we did not hear from them.", &[("date", &on(day))]),
            false,
        ),
        _ => return None,
    })
}

/// "If you are not happy …, you can ask the Housing Ombudsman … until {date}."
pub fn ombudsman_by_sentence(by: NaiveDate, reader: Reader) -> String {
    let date = date_with_weekday(by);
    match reader {
        Reader::Resident => tf(
            "If you are not happy with how we dealt with your complaint, you can ask the Housing Ombudsman to look at it until {date}.",
            &[("date", &date)],
        ),
        Reader::Advocate => tf(
            "If they are not happy with how we dealt with their complaint, they can ask the Housing Ombudsman to look at it until {date}.",
            &[("date", &date)],
        ),
    }
}

/// When an answered complaint will close: the day the policy's rule closes
/// it, or who closes it and when.
pub fn closing_sentence(closing: Closing, reader: Reader) -> String {
    let advocate = reader == Reader::Advocate;
    match closing {
        Closing::NoContactBy { on } if advocate => tf(
            "If we do not hear from them or from you, we will close their complaint on {date}.",
            &[("date", &date_with_weekday(on))],
        ),
        Closing::NoContactBy { on } => tf(
            "If we do not hear from you, we will close this complaint on {date}.",
            &[("date", &date_with_weekday(on))],
        ),
        Closing::WhenActionsDone => {
            t("We will close this complaint when we have done everything we said we would.")
                .to_owned()
        }
        Closing::ByLandlord if advocate => {
            t("We will tell them when we close their complaint.").to_owned()
        }
        Closing::ByLandlord => t("We will tell you when we close this complaint.").to_owned(),
    }
}

/// How a case that was closed ended, and on what date.
pub fn closed_sentence(on: NaiveDate, why: &ClosedWhy) -> String {
    let date = date_with_weekday(on);
    let parts: &[(&str, &dyn std::fmt::Display)] = &[("date", &date)];
    match why {
        ClosedWhy::Resolved => tf(
            "We closed this complaint on {date} because it was resolved.",
            parts,
        ),
        ClosedWhy::NoContact => tf(
            "We closed this complaint on {date} because we did not hear from you.",
            parts,
        ),
        ClosedWhy::ActionsDone => tf(
            "We closed this complaint on {date} because everything we agreed to do was done.",
            parts,
        ),
        ClosedWhy::Withdrawn => tf(
            "We closed this complaint on {date} because it was withdrawn.",
            parts,
        ),
        ClosedWhy::PanelDispensed => tf(
            "We closed this complaint on {date} because you agreed that the panel would not meet.",
            parts,
        ),
        // Staff's own words follow on their own line.
        ClosedWhy::Other(_) => tf("We closed this case on {date}.", parts),
    }
}

/// Whether the case has ended: it makes no more promises.
pub fn has_ended(step: Option<&NextStep>) -> bool {
    matches!(
        step,
        Some(NextStep::Withdrawn { .. } | NextStep::Closed { .. } | NextStep::NotTakenOn { .. })
    )
}

/// What a due date is for, as the row's heading: "We will acknowledge your
/// complaint by" while it is to come, "We acknowledged your complaint on"
/// once done (the resident's own: "You asked for a review on").
pub fn due_label(due: &DueDate, reader: Reader) -> String {
    let stage: &[(&str, &dyn std::fmt::Display)] = &[("stage", &due.stage)];
    let done = due.done_on.is_some();
    if reader == Reader::Advocate {
        let theirs = match (due.kind, due.stage, done) {
            (DueKind::Acknowledge, 1, false) => Some(t("We will acknowledge their complaint by")),
            (DueKind::Acknowledge, 1, true) => Some(t("We acknowledged their complaint on")),
            (DueKind::Acknowledge, _, false) => {
                Some(t("We will acknowledge their request for a review by"))
            }
            (DueKind::Acknowledge, _, true) => {
                Some(t("We acknowledged their request for a review on"))
            }
            (DueKind::RequestNextStage, _, false) => Some(t("A review can be asked for until")),
            (DueKind::RequestNextStage, _, true) => Some(t("A review was asked for on")),
            (DueKind::RequestPanel, _, false) => Some(t("A panel can be asked for until")),
            (DueKind::RequestPanel, _, true) => Some(t("A panel was asked for on")),
            _ => None,
        };
        if let Some(words) = theirs {
            return words.to_owned();
        }
    }
    match (due.kind, due.stage, done) {
        (DueKind::Acknowledge, 1, false) => t("We will acknowledge your complaint by").to_owned(),
        (DueKind::Acknowledge, 1, true) => t("We acknowledged your complaint on").to_owned(),
        (DueKind::Acknowledge, _, false) => {
            t("We will acknowledge your request for a review by").to_owned()
        }
        (DueKind::Acknowledge, _, true) => {
            t("We acknowledged your request for a review on").to_owned()
        }
        (DueKind::Respond, _, false) => tf("We will send our stage {stage} response by", stage),
        (DueKind::Respond, _, true) => tf("We sent our stage {stage} response on", stage),
        (DueKind::RequestNextStage, _, false) => t("You can ask for a review until").to_owned(),
        (DueKind::RequestNextStage, _, true) => t("You asked for a review on").to_owned(),
        (DueKind::RequestPanel, _, false) => t("You can ask for a panel until").to_owned(),
        (DueKind::RequestPanel, _, true) => t("You asked for a panel on").to_owned(),
        (DueKind::PanelMeets, _, false) => t("The panel will meet by").to_owned(),
        (DueKind::PanelMeets, _, true) => t("The panel met on").to_owned(),
        (DueKind::PanelDecision, _, false) => t("We will send the panel's decision by").to_owned(),
        (DueKind::PanelDecision, _, true) => t("We sent the panel's decision on").to_owned(),
        (DueKind::ReplyToCouncillorOrMp, _, false) => {
            t("We will reply to the councillor or MP by").to_owned()
        }
        (DueKind::ReplyToCouncillorOrMp, _, true) => {
            t("We replied to the councillor or MP on").to_owned()
        }
    }
}

/// The date a row shows: the day it was done, or the day it is due.
pub fn due_shown_date(due: &DueDate) -> NaiveDate {
    due.done_on.unwrap_or(due.date)
}

/// The tag beside a due date: only the landlord's promises are "on time" or
/// "late"; the resident's own last days get none.
pub fn due_tag(due: &DueDate) -> Option<(&'static str, &'static str)> {
    if due.kind.is_residents_window() {
        return None;
    }
    match (due.met, due.overdue) {
        (Some(true), _) => Some((t("On time"), "app-tag--green")),
        (Some(false), _) => Some((t("Late"), "app-tag--yellow")),
        (None, true) => Some((t("Overdue"), "app-tag--red")),
        _ => None,
    }
}

/// Which due dates a case shows: all of them while it is open; once it has
/// ended, only what was done (no promise is left standing).
pub fn shown_due_dates(dates: &[DueDate], ended: bool) -> Vec<DueDate> {
    dates
        .iter()
        .filter(|d| !ended || d.done_on.is_some())
        .cloned()
        .collect()
}

/// The decision, as the answer's heading says it.
pub fn outcome_sentence(
    outcome: Option<Outcome>,
    panel: bool,
    reader: Reader,
) -> Option<&'static str> {
    if reader == Reader::Advocate {
        return Some(match (outcome?, panel) {
            (Outcome::Upheld, false) => t("We upheld their complaint."),
            (Outcome::PartlyUpheld, false) => t("We partly upheld their complaint."),
            (Outcome::NotUpheld, false) => t("We did not uphold their complaint."),
            (Outcome::Upheld, true) => t("The panel upheld their complaint."),
            (Outcome::PartlyUpheld, true) => t("The panel partly upheld their complaint."),
            (Outcome::NotUpheld, true) => t("The panel did not uphold their complaint."),
        });
    }
    Some(match (outcome?, panel) {
        (Outcome::Upheld, false) => t("We upheld your complaint."),
        (Outcome::PartlyUpheld, false) => t("We partly upheld your complaint."),
        (Outcome::NotUpheld, false) => t("We did not uphold your complaint."),
        (Outcome::Upheld, true) => t("The panel upheld your complaint."),
        (Outcome::PartlyUpheld, true) => t("The panel partly upheld your complaint."),
        (Outcome::NotUpheld, true) => t("The panel did not uphold your complaint."),
    })
}

/// "£75.00".
pub use domain::case::pounds;

/// One way we put things right, as a row: its heading and the landlord's
/// words. Money is compensation, never the cost of the work.
pub fn remedy_row(remedy: &Remedy) -> (String, String) {
    let words = remedy.description.trim().to_owned();
    match (remedy.kind, remedy.amount_pence) {
        (_, Some(pence)) => (
            tf("Compensation: {amount}", &[("amount", &pounds(pence))]),
            words,
        ),
        (RemedyKind::Apology, None) => (t("An apology").to_owned(), words),
        (RemedyKind::Action, None) => (t("What we will do").to_owned(), words),
        (RemedyKind::ChangedDecision, None) => (t("A decision we changed").to_owned(), words),
        (RemedyKind::AmendedRecord, None) => (t("A record we corrected").to_owned(), words),
        (RemedyKind::Financial, None) => (t("A payment").to_owned(), words),
        (RemedyKind::ChangedPolicy, None) => (t("A change to how we work").to_owned(), words),
    }
}

/// Why a resident's action cannot be taken now, found as soon as its page
/// opens (an old link or a bookmark), so nobody fills in a form for nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unavailable {
    /// The window closed on this day.
    WindowClosed(NaiveDate),
    /// Not open for another reason (already asked, not answered yet, ended).
    NotNow,
}

/// Whether `action` can be taken on the case as it stands, and if not, why.
pub fn unavailable(view: &CaseView, action: ResidentAction) -> Option<Unavailable> {
    if view.allowed_actions.contains(&action) {
        return None;
    }
    Some(
        match view.closed_windows.iter().find(|w| w.action == action) {
            Some(window) => Unavailable::WindowClosed(window.last_day),
            None => Unavailable::NotNow,
        },
    )
}

/// The words for [`Unavailable`]: what happened, then what the resident can
/// still do.
pub fn unavailable_words(
    action: ResidentAction,
    why: Unavailable,
    reader: Reader,
) -> (String, String) {
    let advocate = reader == Reader::Advocate;
    let ombudsman = if advocate {
        t("They can still ask the Housing Ombudsman to look at their complaint.")
    } else {
        t("You can still ask the Housing Ombudsman to look at your complaint.")
    }
    .to_owned();
    let page = if advocate {
        t("The complaint's page says what happens next and what you can do.")
    } else {
        t("Your complaint's page says what happens next and what you can do.")
    };
    match (action, why) {
        (ResidentAction::RequestPanel, Unavailable::WindowClosed(day)) => (
            tf(
                "You can no longer ask for a panel. The last day to ask was {date}.",
                &[("date", &date_with_weekday(day))],
            ),
            ombudsman,
        ),
        (_, Unavailable::WindowClosed(day)) => (
            tf(
                "You can no longer ask for a review. The last day to ask was {date}.",
                &[("date", &date_with_weekday(day))],
            ),
            ombudsman,
        ),
        (ResidentAction::RequestPanel, Unavailable::NotNow) => (
            t("You cannot ask for a panel for this complaint now.").to_owned(),
            page.to_owned(),
        ),
        (_, Unavailable::NotNow) => (
            t("You cannot ask for a review of this complaint now.").to_owned(),
            page.to_owned(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::case::{Basis, BasisFrom, ClosedWindow};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn due(kind: DueKind, stage: u8, date: &str, done_on: Option<&str>) -> DueDate {
        DueDate {
            key: domain::case::DueKey::Respond { stage },
            kind,
            stage,
            date: d(date),
            counted_from: d("2026-12-18"),
            days: 5,
            basis: Basis::new(5, BasisFrom::Received { stage }),
            skipped: Vec::new(),
            original_date: None,
            extension_reason: None,
            met: done_on.map(|x| d(x) <= d(date)),
            done_on: done_on.map(d),
            overdue: false,
        }
    }

    #[test]
    fn an_answered_complaint_says_when_it_will_close() {
        let on = Closing::NoContactBy {
            on: d("2027-01-07"),
        };
        assert_eq!(
            closing_sentence(on, Reader::Resident),
            "If we do not hear from you, we will close this complaint on Thursday 7 January 2027."
        );
        assert_eq!(
            closing_sentence(on, Reader::Advocate),
            "If we do not hear from them or from you, we will close their complaint on Thursday 7 January 2027."
        );
        assert_eq!(
            closing_sentence(Closing::ByLandlord, Reader::Resident),
            "We will tell you when we close this complaint."
        );
        assert_eq!(
            closing_sentence(Closing::WhenActionsDone, Reader::Advocate),
            "We will close this complaint when we have done everything we said we would."
        );
    }

    #[test]
    fn a_new_complaint_names_the_acknowledgement_and_its_date() {
        let step = NextStep::Acknowledge {
            stage: 1,
            by: d("2026-12-29"),
            overdue: false,
        };
        assert_eq!(
            next_step_sentence(&step, Reader::Resident),
            (
                "We will acknowledge your complaint by Tuesday 29 December 2026.".to_owned(),
                false
            )
        );
    }

    #[test]
    fn a_review_names_the_stage_2_response_not_a_reply() {
        let step = NextStep::Respond {
            stage: 2,
            by: d("2027-02-09"),
            overdue: false,
            extended: false,
        };
        assert_eq!(
            next_step_sentence(&step, Reader::Resident).0,
            "We will send our stage 2 response by Tuesday 9 February 2027."
        );
        let late = NextStep::Respond {
            stage: 2,
            by: d("2027-02-09"),
            overdue: true,
            extended: false,
        };
        assert_eq!(
            next_step_sentence(&late, Reader::Resident),
            ("We are late. We should have sent our stage 2 response by Tuesday 9 February 2027. We are sorry.".to_owned(), true)
        );
    }

    #[test]
    fn a_panel_request_says_when_the_panel_will_meet() {
        let step = NextStep::PanelMeetBy {
            by: d("2027-03-08"),
            overdue: false,
        };
        assert_eq!(
            next_step_sentence(&step, Reader::Resident).0,
            "The panel will meet by Monday 8 March 2027. We will tell you the date."
        );
    }

    #[test]
    fn a_finished_case_says_how_it_ended_and_when() {
        let withdrawn = NextStep::Withdrawn {
            on: d("2026-12-21"),
        };
        assert_eq!(
            next_step_sentence(&withdrawn, Reader::Resident).0,
            "You withdrew this complaint on Monday 21 December 2026."
        );
        let closed = NextStep::Closed {
            on: d("2027-01-22"),
            why: ClosedWhy::NoContact,
        };
        assert_eq!(
            next_step_sentence(&closed, Reader::Resident).0,
            "We closed this complaint on Friday 22 January 2027 because we did not hear from you."
        );
        assert!(has_ended(Some(&closed)));
    }

    #[test]
    fn done_dates_say_what_was_done_and_when() {
        let ack = due(DueKind::Acknowledge, 1, "2026-12-29", Some("2026-12-22"));
        assert_eq!(
            due_label(&ack, Reader::Resident),
            "We acknowledged your complaint on"
        );
        assert_eq!(due_shown_date(&ack), d("2026-12-22"));
        assert_eq!(due_tag(&ack), Some(("On time", "app-tag--green")));
        let pending = due(DueKind::Respond, 1, "2027-01-08", None);
        assert_eq!(
            due_label(&pending, Reader::Resident),
            "We will send our stage 1 response by"
        );
        assert_eq!(due_tag(&pending), None);
    }

    #[test]
    fn the_residents_own_deadline_gets_no_on_time_tag() {
        let asked = due(DueKind::RequestPanel, 2, "2027-02-19", Some("2027-02-08"));
        assert_eq!(
            due_label(&asked, Reader::Resident),
            "You asked for a panel on"
        );
        assert_eq!(due_tag(&asked), None);
    }

    #[test]
    fn an_ended_case_keeps_what_was_done_and_drops_its_promises() {
        let dates = [
            due(DueKind::Acknowledge, 1, "2026-12-29", Some("2026-12-22")),
            due(DueKind::Respond, 1, "2027-01-08", None),
        ];
        let shown = shown_due_dates(&dates, true);
        assert_eq!(shown.len(), 1);
        assert_eq!(shown[0].kind, DueKind::Acknowledge);
        assert_eq!(shown_due_dates(&dates, false).len(), 2);
    }

    #[test]
    fn money_reads_as_compensation_and_the_work_as_what_we_will_do() {
        let money = Remedy {
            kind: RemedyKind::Financial,
            description: "Treat the mould".into(),
            amount_pence: Some(7500),
            money: None,
            settlement: None,
        };
        assert_eq!(
            remedy_row(&money),
            (
                "Compensation: £75.00".to_owned(),
                "Treat the mould".to_owned()
            )
        );
        let work = Remedy {
            kind: RemedyKind::Action,
            description: "Treat the mould".into(),
            amount_pence: None,
            money: None,
            settlement: None,
        };
        assert_eq!(remedy_row(&work).0, "What we will do");
    }

    #[test]
    fn a_closed_window_is_said_at_once_with_its_last_day() {
        let calendar = domain::calendar::Calendar::england_and_wales();
        let policy = domain::policy::Policy::preset("code-2024").unwrap();
        let state = domain::case::replay(
            &policy,
            &calendar,
            &[domain::case::EventRecord {
                at: chrono::DateTime::parse_from_rfc3339("2026-12-18T12:00:00Z")
                    .unwrap()
                    .into(),
                actor: domain::case::Actor {
                    kind: domain::case::ActorKind::Resident,
                    name: None,
                    id: None,
                },
                on: None,
                event: domain::case::Event::Received {
                    kind: domain::case::CaseKind::Complaint,
                    received_on: d("2026-12-18"),
                    awaiting_decision: Vec::new(),
                    through_councillor_or_mp: false,
                },
            }],
        )
        .unwrap();
        let mut view = domain::case::view(&state, &policy, &calendar, d("2026-12-18"));
        assert_eq!(
            unavailable(&view, ResidentAction::RequestEscalation),
            Some(Unavailable::NotNow)
        );
        view.closed_windows.push(ClosedWindow {
            action: ResidentAction::RequestEscalation,
            last_day: d("2027-02-05"),
        });
        let why = unavailable(&view, ResidentAction::RequestEscalation).unwrap();
        assert_eq!(why, Unavailable::WindowClosed(d("2027-02-05")));
        assert_eq!(
            unavailable_words(ResidentAction::RequestEscalation, why, Reader::Resident).0,
            "You can no longer ask for a review. The last day to ask was Friday 5 February 2027."
        );
        view.allowed_actions.push(ResidentAction::RequestEscalation);
        assert_eq!(unavailable(&view, ResidentAction::RequestEscalation), None);
    }

    #[test]
    fn someone_acting_for_the_resident_reads_of_their_complaint() {
        let step = NextStep::Acknowledge {
            stage: 1,
            by: d("2026-12-29"),
            overdue: false,
        };
        assert_eq!(
            next_step_sentence(&step, Reader::Advocate).0,
            "We will acknowledge their complaint by Tuesday 29 December 2026."
        );
        let withdrawn = NextStep::Withdrawn {
            on: d("2026-12-21"),
        };
        assert_eq!(
            next_step_sentence(&withdrawn, Reader::Advocate).0,
            "This complaint was withdrawn on Monday 21 December 2026."
        );
        // Sentences about the landlord read the same for both.
        let respond = NextStep::Respond {
            stage: 1,
            by: d("2027-01-08"),
            overdue: false,
            extended: false,
        };
        assert_eq!(
            next_step_sentence(&respond, Reader::Advocate),
            next_step_sentence(&respond, Reader::Resident)
        );
        let asked = due(DueKind::RequestPanel, 2, "2027-02-19", Some("2027-02-08"));
        assert_eq!(
            due_label(&asked, Reader::Advocate),
            "A panel was asked for on"
        );
        assert_eq!(
            outcome_sentence(Some(Outcome::Upheld), false, Reader::Advocate),
            Some("We upheld their complaint.")
        );
        let closed = Unavailable::WindowClosed(d("2027-02-05"));
        assert_eq!(
            unavailable_words(ResidentAction::RequestPanel, closed, Reader::Advocate).1,
            "They can still ask the Housing Ombudsman to look at their complaint."
        );
        assert_eq!(
            unavailable_words(
                ResidentAction::RequestPanel,
                Unavailable::NotNow,
                Reader::Advocate
            )
            .1,
            "The complaint's page says what happens next and what you can do."
        );
    }
}
