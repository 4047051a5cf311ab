//! How a case reads to a resident: its status in plain words, what they can do
//! now, and each event of its timeline. Pure, so tested natively.

use chrono::{Datelike, NaiveDate};
use domain::api::cases::{AttachmentInfo, CaseSummary, TimelineEntry};
use domain::calendar::{SkipReason, SkippedDay};
use domain::case::{
    Actor, ActorKind, Attendance, Basis, BasisFrom, CaseKind, ClosedWhy, ClosedWindow, DueDate,
    DueKey, Event, Outcome, PromisedAction, RefusalReason, ResidentAction, RuleKind, RuleNote,
    Status, Window,
};
use domain::validation::FieldError;

use crate::format::{date_with_weekday, month};
use crate::i18n::{t, tf, tn};
use crate::next_step_words::Reader;

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
        Status::AwaitingDecision => (t("Deciding if we can take it on"), "app-tag--yellow"),
        Status::NotTakenOn => (t("Not taken on"), "app-tag--red"),
    }
}

/// The resident's name on a staff page, or, on a confidential case seen by
/// staff outside the complaints team, that it is withheld (staff pages are
/// in English).
pub fn resident_for_staff(name: &str, withheld: bool) -> String {
    if withheld {
        "Name withheld: confidential".to_owned()
    } else {
        name.to_owned()
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
    let Some(category) = category else {
        return kind_name(kind).to_owned();
    };
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
    let Some(category) = category else {
        return kind_name(kind).to_owned();
    };
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
        ResidentAction::QueryDefinition => t("Tell us if we have not understood your complaint"),
        ResidentAction::RequestEscalation => t("Ask for a review (stage 2)"),
        ResidentAction::RequestPanel => t("Ask for a panel (stage 3)"),
        ResidentAction::Withdraw => t("Withdraw your complaint"),
        ResidentAction::RecordSatisfaction => t("Tell us if you are satisfied"),
    }
}

/// What someone acting for the resident may do, as a link's words.
pub fn action_label_for(action: ResidentAction, reader: Reader) -> &'static str {
    match (action, reader) {
        (ResidentAction::Withdraw, Reader::Advocate) => t("Withdraw their complaint"),
        (ResidentAction::QueryDefinition, Reader::Advocate) => {
            t("Tell us if we have not understood their complaint")
        }
        (ResidentAction::RecordSatisfaction, Reader::Advocate) => {
            t("Tell us if they are satisfied")
        }
        (action, _) => action_label(action),
    }
}

/// The path segment of each action's page under `/cases/{id}/`.
pub fn action_path(action: ResidentAction) -> &'static str {
    match action {
        ResidentAction::AddInformation => "add-information",
        ResidentAction::QueryDefinition => "not-understood",
        ResidentAction::RequestEscalation => "ask-for-review",
        ResidentAction::RequestPanel => "ask-for-panel",
        ResidentAction::Withdraw => "withdraw",
        ResidentAction::RecordSatisfaction => "satisfaction",
    }
}

/// What the error summary says first when an action (by its API path under
/// `/cases/{id}/`) could not be sent.
pub fn not_sent_words(path: &str, reader: Reader) -> &'static str {
    let advocate = reader == Reader::Advocate;
    match path {
        "information" if advocate => t("The information has not been sent"),
        "withdrawal" if advocate => t("Their complaint has not been withdrawn"),
        "information" => t("Your information has not been sent"),
        "escalation" => t("Your request for a review has not been sent"),
        "panel" => t("Your request for a panel has not been sent"),
        "withdrawal" => t("Your complaint has not been withdrawn"),
        "satisfaction" => t("Your answer has not been sent"),
        "definition-query" => t("What we got wrong has not been sent"),
        _ => t("This has not been sent"),
    }
}

/// How a due date was counted: "10 working days after we acknowledged your
/// complaint" (in English, the server's letters word for word).
pub fn basis_words(due: &DueDate) -> String {
    counted_words(&due.basis)
}

/// [`basis_words`] from the parts: one whole sentence for each thing a date
/// can be counted from.
pub fn counted_words(basis: &Basis) -> String {
    let n = u64::from(basis.days);
    let counted = match &basis.from {
        BasisFrom::Received { stage } if *stage <= 1 => tn(
            "{count} working day after we received your complaint",
            "{count} working days after we received your complaint",
            n,
            &[],
        ),
        BasisFrom::Received { stage } => tn(
            "{count} working day after we received your request for stage {stage}",
            "{count} working days after we received your request for stage {stage}",
            n,
            &[("stage", stage)],
        ),
        BasisFrom::Acknowledged { stage } if *stage <= 1 => tn(
            "{count} working day after we acknowledged your complaint",
            "{count} working days after we acknowledged your complaint",
            n,
            &[],
        ),
        BasisFrom::Acknowledged { stage } => tn(
            "{count} working day after we acknowledged your request for stage {stage}",
            "{count} working days after we acknowledged your request for stage {stage}",
            n,
            &[("stage", stage)],
        ),
        BasisFrom::AcknowledgeDue { stage, date } if *stage <= 1 => tn(
            "{count} working day after the date we must acknowledge your complaint by ({date}); we have not acknowledged it yet",
            "{count} working days after the date we must acknowledge your complaint by ({date}); we have not acknowledged it yet",
            n,
            &[("date", &date_with_weekday(*date))],
        ),
        BasisFrom::AcknowledgeDue { stage, date } => tn(
            "{count} working day after the date we must acknowledge your request for stage {stage} by ({date}); we have not acknowledged it yet",
            "{count} working days after the date we must acknowledge your request for stage {stage} by ({date}); we have not acknowledged it yet",
            n,
            &[("stage", stage), ("date", &date_with_weekday(*date))],
        ),
        BasisFrom::ReceivedNotAcknowledged { stage } if *stage <= 1 => tn(
            "{count} working day after we received your complaint; we have not acknowledged it yet",
            "{count} working days after we received your complaint; we have not acknowledged it yet",
            n,
            &[],
        ),
        BasisFrom::ReceivedNotAcknowledged { stage } => tn(
            "{count} working day after we received your request for stage {stage}; we have not acknowledged it yet",
            "{count} working days after we received your request for stage {stage}; we have not acknowledged it yet",
            n,
            &[("stage", stage)],
        ),
        BasisFrom::StageResponse { stage } => tn(
            "{count} working day after our stage {stage} response",
            "{count} working days after our stage {stage} response",
            n,
            &[("stage", stage)],
        ),
        BasisFrom::StageResponseReceived { stage } => tn(
            "{count} working day after you received our stage {stage} response",
            "{count} working days after you received our stage {stage} response",
            n,
            &[("stage", stage)],
        ),
        BasisFrom::PanelRequested => tn(
            "{count} working day after you asked for a panel",
            "{count} working days after you asked for a panel",
            n,
            &[],
        ),
        BasisFrom::Reopened { stage } => tn(
            "{count} working day after we reopened your complaint at stage {stage}",
            "{count} working days after we reopened your complaint at stage {stage}",
            n,
            &[("stage", stage)],
        ),
        BasisFrom::PanelMet => {
            tn("{count} working day after the panel met", "{count} working days after the panel met", n, &[])
        }
    };
    match &basis.extension {
        None => counted,
        // `{basis}` is one of the whole sentences above.
        Some(extension) => tn(
            "{basis}, extended by {count} working day from {date}",
            "{basis}, extended by {count} working days from {date}",
            extension.days.into(),
            &[
                ("basis", &counted),
                ("date", &date_with_weekday(extension.original_date)),
            ],
        ),
    }
}

/// "a", "a or b", "a, b or c", in the resident's language.
fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => tf(
            "{list} or {item}",
            &[("list", &comma_list(init)), ("item", last)],
        ),
    }
}

/// "a", "a, b", "a, b, c", in the resident's language.
fn comma_list(items: &[String]) -> String {
    let mut items = items.iter();
    let first = items.next().cloned().unwrap_or_default();
    items.fold(first, |list, item| {
        tf("{list}, {item}", &[("list", &list), ("item", item)])
    })
}

/// The bank holidays a count of working days left out: "We don't count 25,
/// 28 December or 1 January (bank holidays)." (in English, the server's
/// `explanation` word for word); `None` when there were none. Weekends are
/// expected, so they are not mentioned. Days are grouped by month, in the
/// order given, with the year when a month appears in two years.
pub fn skipped_words(skipped: &[SkippedDay]) -> Option<String> {
    let holidays: Vec<NaiveDate> = skipped
        .iter()
        .filter(|s| matches!(s.reason, SkipReason::BankHoliday { .. }))
        .map(|s| s.date)
        .collect();
    if holidays.is_empty() {
        return None;
    }
    let mut groups: Vec<Vec<NaiveDate>> = Vec::new();
    for day in &holidays {
        match groups.last_mut() {
            Some(group) if (group[0].year(), group[0].month()) == (day.year(), day.month()) => {
                group.push(*day)
            }
            _ => groups.push(vec![*day]),
        }
    }
    let months: std::collections::BTreeSet<u32> = groups.iter().map(|g| g[0].month()).collect();
    let with_year = months.len() < groups.len();
    let parts: Vec<String> = groups
        .iter()
        .map(|group| {
            let first = group[0];
            let days = comma_list(
                &group
                    .iter()
                    .map(|d| d.day().to_string())
                    .collect::<Vec<_>>(),
            );
            if with_year {
                tf(
                    "{day} {month} {year}",
                    &[
                        ("day", &days),
                        ("month", &month(first)),
                        ("year", &first.year()),
                    ],
                )
            } else {
                tf("{day} {month}", &[("day", &days), ("month", &month(first))])
            }
        })
        .collect();
    Some(tn(
        "We don't count {days} (a bank holiday).",
        "We don't count {days} (bank holidays).",
        holidays.len() as u64,
        &[("days", &or_list(&parts))],
    ))
}

/// Why the service refused a resident's action on a case (a 409), in the
/// app's words, from the refusal's typed reason: its dates and stages come
/// with it, so nothing is read again or matched.
pub fn refusal_words(reason: &RefusalReason, reader: Reader) -> String {
    let on = |d: &NaiveDate| date_with_weekday(*d);
    match reason {
        RefusalReason::ReviewWindowClosed { last_day } => {
            tf("You can no longer ask for a review. The last day to ask was {date}.", &[("date", &on(last_day))])
        }
        RefusalReason::ReviewBeforeResponse { stage } => tf(
            "You can ask for a review once we have sent our stage {number} response.",
            &[("number", stage)],
        ),
        RefusalReason::LastStage { stage, panel: true } => tf(
            "Stage {number} is the last stage of our complaints process. You can ask for a panel to review it instead.",
            &[("number", stage)],
        ),
        RefusalReason::LastStage { stage, panel: false } if reader == Reader::Advocate => tf(
            "Stage {number} is the last stage of our complaints process. If they are still unhappy, they can ask the Housing Ombudsman to look at their complaint.",
            &[("number", stage)],
        ),
        RefusalReason::LastStage { stage, panel: false } => tf(
            "Stage {number} is the last stage of our complaints process. If you are still unhappy, you can ask the Housing Ombudsman to look at your complaint.",
            &[("number", stage)],
        ),
        RefusalReason::WithThePanel => t("The complaint is already with the panel.").to_owned(),
        RefusalReason::PanelWindowClosed { last_day } => {
            tf("You can no longer ask for a panel. The last day to ask was {date}.", &[("date", &on(last_day))])
        }
        RefusalReason::PanelBeforeResponse { stage } => tf(
            "You can ask for a panel once we have sent our stage {number} response.",
            &[("number", stage)],
        ),
        RefusalReason::PanelAlreadyRequested => t("You have already asked for a panel.").to_owned(),
        RefusalReason::PanelAfterOmbudsman => {
            t("A panel cannot be held once the complaint has gone to the Housing Ombudsman.").to_owned()
        }
        RefusalReason::WrittenSubmissionsNotAllowed => {
            t("This landlord's panel does not take written submissions: you would need to attend.").to_owned()
        }
        RefusalReason::LegalRepresentativeNotAllowed => {
            t("A legal representative cannot come to the panel under this landlord's policy.").to_owned()
        }
        RefusalReason::SatisfactionBeforeResponse => {
            t("Satisfaction can be recorded once we have responded to the complaint.").to_owned()
        }
        RefusalReason::SatisfactionAlreadyRecorded => {
            t("You have already told us if you are satisfied with this response.").to_owned()
        }
        RefusalReason::AlreadyWithdrawn => t("This complaint has already been withdrawn.").to_owned(),
        RefusalReason::Withdrawn { on: day } => tf(
            "This complaint was withdrawn on {date}. It would need to be reopened first.",
            &[("date", &on(day))],
        ),
        RefusalReason::Closed { on: day } => tf(
            "This complaint was closed on {date}. It would need to be reopened first.",
            &[("date", &on(day))],
        ),
    }
}

/// A refused action's errors, each with a typed reason in the app's words
/// ([`refusal_words`]); the rest as the server sent them.
pub fn refusal_errors(errors: Vec<FieldError>, reader: Reader) -> Vec<FieldError> {
    errors
        .into_iter()
        .map(|error| match &error.refusal {
            Some(reason) => FieldError {
                message: refusal_words(reason, reader),
                ..error
            },
            None => error,
        })
        .collect()
}

/// A window that has closed, in the app's words: when it closed, and what
/// the resident can still do.
pub fn closed_window_words(window: &ClosedWindow, reader: Reader) -> (String, String) {
    let date = date_with_weekday(window.last_day);
    let message = match window.action {
        ResidentAction::RequestPanel => tf(
            "The last day to ask for a panel was {date}.",
            &[("date", &date)],
        ),
        _ => tf(
            "The last day to ask for a review was {date}.",
            &[("date", &date)],
        ),
    };
    let still_open = match reader {
        Reader::Resident => t("You can still ask the Housing Ombudsman to look at your complaint."),
        Reader::Advocate => {
            t("They can still ask the Housing Ombudsman to look at their complaint.")
        }
    };
    (message, still_open.to_owned())
}

/// The files that came with each timeline entry, in the timeline's order: a
/// file belongs to the last entry recorded at or before it was stored (the
/// server stores an event and its files at the same moment, the files' time
/// to the microsecond, the event's to the nanosecond).
pub fn files_by_entry(
    timeline: &[TimelineEntry],
    attachments: &[AttachmentInfo],
) -> Vec<Vec<AttachmentInfo>> {
    use chrono::SubsecRound;
    let mut files = vec![Vec::new(); timeline.len()];
    for attachment in attachments {
        let stored = attachment.uploaded_at.trunc_subsecs(6);
        if let Some(index) = timeline
            .iter()
            .rposition(|entry| entry.at.trunc_subsecs(6) <= stored)
        {
            files[index].push(attachment.clone());
        }
    }
    files
}

/// "You can ask for a review until Friday 19 February 2027. That is 8
/// working days, counting today."
pub fn window_sentence(window: &Window, _today: NaiveDate, reader: Reader) -> String {
    let advocate = reader == Reader::Advocate;
    let date = window.last_day.map(date_with_weekday).unwrap_or_default();
    let action = action_label(window.action);
    let parts: &[(&str, &dyn std::fmt::Display)] = &[("date", &date), ("action", &action)];
    let until = match (window.action, window.last_day) {
        (ResidentAction::RequestEscalation, Some(_)) => {
            tf("You can ask for a review until {date}.", parts)
        }
        (ResidentAction::RequestEscalation, None) if advocate => {
            return t("There is no time limit to ask for a review while their complaint is open.")
                .to_owned()
        }
        (ResidentAction::RequestEscalation, None) => {
            return t("There is no time limit to ask for a review while your complaint is open.")
                .to_owned()
        }
        (ResidentAction::RequestPanel, Some(_)) => {
            tf("You can ask for a panel until {date}.", parts)
        }
        (ResidentAction::RequestPanel, None) if advocate => {
            return t("There is no time limit to ask for a panel while their complaint is open.")
                .to_owned()
        }
        (ResidentAction::RequestPanel, None) => {
            return t("There is no time limit to ask for a panel while your complaint is open.")
                .to_owned()
        }
        // The server opens windows only for a review or a panel.
        (_, Some(_)) => tf("{action}: you can do this until {date}.", parts),
        (_, None) => {
            return tf(
                "{action}: there is no time limit while your complaint is open.",
                parts,
            )
        }
    };
    match window.working_days_left {
        Some(left) => {
            let count = tn(
                "That is {count} working day, counting today.",
                "That is {count} working days, counting today.",
                left.into(),
                &[],
            );
            format!("{until} {count}")
        }
        None => until,
    }
}

/// The one line a case list shows under a case's title: the next step's
/// own sentence, or the window the resident can act in.
pub fn headline(summary: &CaseSummary, today: NaiveDate) -> String {
    if let Some(window) = &summary.open_window {
        return window_sentence(window, today, Reader::Resident);
    }
    match (&summary.next_step, summary.status) {
        (Some(step), _) => crate::next_step_words::next_step_sentence(step, Reader::Resident).0,
        (None, Status::Closed) => t("This case is closed.").to_owned(),
        (None, Status::Acknowledged | Status::Responded) => {
            t("Thank you. We have passed it on.").to_owned()
        }
        _ => t("Thank you. We have received it.").to_owned(),
    }
}

fn closed_words(why: &ClosedWhy) -> String {
    match why {
        ClosedWhy::Resolved => t("resolved").to_owned(),
        ClosedWhy::NoContact => t("we did not hear from you").to_owned(),
        ClosedWhy::ActionsDone => t("everything we agreed has been done").to_owned(),
        ClosedWhy::Withdrawn => t("the complaint was withdrawn").to_owned(),
        ClosedWhy::PanelDispensed => t("you agreed that the panel would not meet").to_owned(),
        // Staff's own words.
        ClosedWhy::Other(words) => words.clone(),
    }
}

/// Who did it, as the timeline says it to the resident.
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

/// Who did it, as someone acting for the resident reads the timeline: the
/// resident by name, never "You".
pub fn advocates_actor_words(actor: &Actor, resident: &str) -> String {
    match (actor.kind, &actor.name) {
        (ActorKind::Resident, _) => resident.to_owned(),
        (ActorKind::Advocate, Some(name)) => tf(
            "{name}, for {resident}",
            &[("name", name), ("resident", &resident)],
        ),
        (ActorKind::Advocate, None) => {
            tf("Someone acting for {resident}", &[("resident", &resident)])
        }
        _ => actor_words(actor),
    }
}

/// Who did it, as staff read the timeline (English, like the staff pages):
/// the resident by name, never "You".
pub fn staff_actor_words(actor: &Actor, resident: &str) -> String {
    // Empty: a confidential case seen from outside the complaints team.
    let withheld = resident.is_empty();
    match (actor.kind, &actor.name) {
        (ActorKind::Resident, _) if withheld => "The resident".to_owned(),
        (ActorKind::Resident, _) => format!("{resident} (resident)"),
        (ActorKind::Advocate, _) if withheld => "Someone acting for the resident".to_owned(),
        (ActorKind::Advocate, Some(name)) => format!("{name}, for {resident}"),
        (ActorKind::Advocate, None) => format!("An advocate for {resident}"),
        (ActorKind::Staff, Some(name)) => name.clone(),
        (ActorKind::Staff, None) => "Staff".to_owned(),
        (ActorKind::System, _) => "Put It Right".to_owned(),
    }
}

/// A timeline entry's title and body; `actions` are the case's promised
/// actions, which name what an action's number stands for.
pub fn event_words(event: &Event, actions: &[PromisedAction]) -> (String, Option<String>) {
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
        Event::Acknowledged { definition } => (
            t("Acknowledged").into(),
            definition.as_ref().map(|d| {
                [
                    tf(
                        "What the complaint is about: {about}",
                        &[("about", &d.about)],
                    ),
                    tf(
                        "The outcome wanted: {outcome}",
                        &[("outcome", &d.outcome_sought)],
                    ),
                ]
                .join("\n\n")
            }),
        ),
        Event::DefinitionQueried { text: said } => (
            t("Told us what we had not understood about the complaint").into(),
            text(said),
        ),
        Event::Accepted { .. } => (t("We decided to take the complaint on").into(), None),
        Event::Declined { reasons } => (
            t("We decided not to take the complaint on").into(),
            text(reasons),
        ),
        Event::Assigned { caseworker, .. } => (
            tf(
                "{caseworker} is looking into it",
                &[("caseworker", caseworker)],
            ),
            None,
        ),
        Event::Extended {
            reason,
            new_date,
            good_reason,
            ..
        } => (
            tf(
                "More time needed: new date {date}",
                &[("date", &date_with_weekday(*new_date))],
            ),
            match good_reason.as_deref().and_then(text) {
                Some(why) => Some(
                    [
                        text(reason).unwrap_or_default(),
                        tf(
                            "This is longer than our policy usually allows, because: {reason}",
                            &[("reason", &why)],
                        ),
                    ]
                    .join("\n\n")
                    .trim()
                    .to_owned(),
                ),
                None => text(reason),
            },
        ),
        Event::InformationRequested { what } => {
            (t("We asked for more information").into(), text(what))
        }
        Event::InformationGiven { text: given } => (t("Information added").into(), text(given)),
        Event::Responded {
            outcome,
            reasons,
            remedies,
            outstanding_actions,
            ..
        } => {
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
                    // Money is compensation, never the cost of the work.
                    Some(p) => {
                        let amount = crate::next_step_words::pounds(p);
                        tf(
                            "Compensation: {amount}. {remedy}",
                            &[("remedy", remedy_words), ("amount", &amount)],
                        )
                    }
                    None => tf("To put things right: {remedy}", &[("remedy", remedy_words)]),
                });
            }
            for action in outstanding_actions {
                // Staff's words stand on their own, not inside our sentence.
                body.push(tf(
                    "Still to do, by {date}: {action}",
                    &[
                        ("action", &action.description),
                        ("date", &date_with_weekday(action.due)),
                    ],
                ));
            }
            (title, (!body.is_empty()).then(|| body.join("\n")))
        }
        Event::EscalationRequested { reason } => (
            t("You asked for a review").into(),
            reason.as_deref().and_then(text),
        ),
        Event::EscalationRefused { reasons } => (t("Review refused").into(), text(reasons)),
        Event::ReopenedAtStage { reasons } => (
            t("Complaint reopened at the same stage").into(),
            text(reasons),
        ),
        Event::PanelRequested {
            attendance,
            representative,
        } => {
            let body = match (attendance, representative) {
                (Attendance::Attend, None) => t("You will attend.").to_owned(),
                (Attendance::WrittenSubmissions, None) => {
                    t("You will send written submissions.").to_owned()
                }
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
        Event::PanelHeld { date } => (
            tf(
                "Panel hearing: {date}",
                &[("date", &date_with_weekday(*date))],
            ),
            None,
        ),
        Event::PanelDelayed { new_date, reason } => (
            t("The panel will meet later").into(),
            Some(
                [
                    tf(
                        "We now expect it to meet by {date}.",
                        &[("date", &date_with_weekday(*new_date))],
                    ),
                    tf("Why: {reason}", &[("reason", reason)]),
                ]
                .join("\n"),
            ),
        ),
        Event::RepliedToCouncillorOrMp => (t("We replied to the councillor or MP").into(), None),
        Event::PanelDispensed { reason } => (t("The panel will not meet").into(), text(reason)),
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
            if *satisfied {
                t("You said you are satisfied")
            } else {
                t("You said you are not satisfied")
            }
            .into(),
            comment.as_deref().and_then(text),
        ),
        Event::Withdrawn { reason } => (
            t("Complaint withdrawn").into(),
            reason.as_deref().and_then(text),
        ),
        Event::Closed { why } => (
            t("Closed").into(),
            text(&closed_words(why)).map(|w| tf("Why: {reason}", &[("reason", &w)])),
        ),
        Event::ReferredToOmbudsman => (t("Referred to the Housing Ombudsman").into(), None),
        Event::Reopened { reason } => (t("Reopened").into(), text(reason)),
        Event::ActionDone { action } => (
            t("We did something we promised").into(),
            actions
                .iter()
                .find(|a| a.number == *action)
                .map(|a| a.description.clone()),
        ),
        Event::ActionChanged {
            reason,
            description,
            due,
            ..
        } => (
            t("We changed something we promised").into(),
            Some(
                [
                    tf(
                        "Now: {action}, by {date}",
                        &[("action", description), ("date", &date_with_weekday(*due))],
                    ),
                    tf("Why: {reason}", &[("reason", reason)]),
                ]
                .join("\n"),
            ),
        ),
        Event::WindowClosed { window, last_day } => (
            match window {
                DueKey::PanelWindow => t("Your time to ask for a panel ended"),
                _ => t("Your time to ask for a review ended"),
            }
            .into(),
            Some(tf(
                "The last day was {date}.",
                &[("date", &date_with_weekday(*last_day))],
            )),
        ),
    }
}

/// What the policy's clock did, for its timeline entry: the rule, and the
/// policy's own words for it when it has them.
pub fn rule_note_words(note: &RuleNote) -> String {
    let rule = match note.rule {
        RuleKind::NoContactClose => t(
            "Done automatically: the policy closes a complaint when we do not hear from you after our response.",
        ),
        RuleKind::WindowClosed => t("Done automatically when the time to ask ended."),
        _ => t("Done automatically under the policy."),
    };
    match &note.policy_says {
        // The policy's own words, as it published them.
        Some(words) => format!(
            "{rule} {}",
            tf("The policy says: {words}", &[("words", words)])
        ),
        None => rule.to_owned(),
    }
}

/// What staff's extension form says (staff pages are English) before a date is chosen: the date in force,
/// the latest the policy allows and why, and what allows a later one.
pub fn extension_allowance_words(a: &domain::case::ExtensionAllowance) -> String {
    use domain::case::ExtensionLimit;
    let now = format!("The response is due by {}.", date_with_weekday(a.current));
    let Some(latest) = a.latest else {
        return format!("{now} The policy sets no latest date.");
    };
    let why = match &a.why {
        Some(ExtensionLimit::AfterOriginal { days, original }) => format!(
            " ({days} working days after the original date, {})",
            date_with_weekday(*original)
        ),
        Some(ExtensionLimit::FromReceipt { days, stage }) => {
            format!(" ({days} working days after stage {stage} was received)")
        }
        None => String::new(),
    };
    let later = match (a.beyond_by_agreement, a.beyond_with_good_reason) {
        (true, true) => " A later date needs the resident's agreement or a good reason.",
        (true, false) => " A later date needs the resident's agreement.",
        (false, true) => " A later date needs a good reason, which the resident is told.",
        (false, false) => " No later date is allowed.",
    };
    format!(
        "{now} The latest date the policy allows is {}{why}.{later}",
        date_with_weekday(latest)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::case::{ExtensionAllowance, ExtensionLimit, NextStep, StageRef};

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
            stage: Some(StageRef {
                number: 1,
                name: "Stage 1".into(),
            }),
            next_due: next_due.map(d),
            overdue,
            due_soon: false,
            caseworker: None,
            actions_overdue: 0,
            definition_queried: false,
            messages_to_send: 0,
            hazard: false,
            you_signed: false,
            confidential: false,
            identity_withheld: false,
            open_window: None,
            next_step: next_due.map(|by| NextStep::Respond {
                stage: 1,
                by: d(by),
                overdue,
                extended: false,
            }),
            resident_name: "Rosa".into(),
            created_at: chrono::DateTime::parse_from_rfc3339("2026-12-18T10:00:00Z")
                .unwrap()
                .into(),
        }
    }

    fn at(s: &str) -> chrono::DateTime<chrono::Utc> {
        chrono::DateTime::parse_from_rfc3339(s).unwrap().into()
    }

    fn entry(when: &str, event: Event) -> TimelineEntry {
        TimelineEntry {
            at: at(when),
            on: at(when).date_naive(),
            actor: Actor {
                kind: ActorKind::Resident,
                name: None,
                id: None,
            },
            event,
            rule: None,
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
            entry(
                "2026-12-18T10:00:00.000001Z",
                Event::Received {
                    kind: CaseKind::Complaint,
                    received_on: at("2026-12-18T10:00:00Z").date_naive(),
                    awaiting_decision: Vec::new(),
                    through_councillor_or_mp: false,
                },
            ),
            entry("2026-12-21T09:00:00Z", Event::acknowledged()),
            // The event keeps nanoseconds; its files were stored to the microsecond.
            entry(
                "2026-12-22T14:30:00.123456789Z",
                Event::InformationGiven {
                    text: "A photo of the window".into(),
                },
            ),
            entry("2026-12-23T08:00:00Z", Event::acknowledged()),
        ];
        let files = files_by_entry(
            &timeline,
            &[
                file("complaint.pdf", "2026-12-18T10:00:00.000001Z"),
                file("window.png", "2026-12-22T14:30:00.123456Z"),
                file("door.jpg", "2026-12-22T14:30:00.123456Z"),
            ],
        );
        let names: Vec<Vec<&str>> = files
            .iter()
            .map(|f| f.iter().map(|a| a.filename.as_str()).collect())
            .collect();
        assert_eq!(
            names,
            [
                vec!["complaint.pdf"],
                vec![],
                vec!["window.png", "door.jpg"],
                vec![]
            ]
        );
    }

    #[test]
    fn a_file_older_than_every_entry_is_not_put_on_the_timeline() {
        let timeline = [entry("2026-12-18T10:00:00Z", Event::acknowledged())];
        let files = files_by_entry(&timeline, &[file("early.png", "2026-12-17T10:00:00Z")]);
        assert_eq!(files, vec![Vec::<AttachmentInfo>::new()]);
    }

    #[test]
    fn an_action_that_failed_to_send_says_what_was_not_sent() {
        assert_eq!(
            not_sent_words("information", Reader::Resident),
            "Your information has not been sent"
        );
        assert_eq!(
            not_sent_words("withdrawal", Reader::Resident),
            "Your complaint has not been withdrawn"
        );
        assert_eq!(
            not_sent_words("withdrawal", Reader::Advocate),
            "Their complaint has not been withdrawn"
        );
        assert_eq!(
            not_sent_words("something-new", Reader::Resident),
            "This has not been sent"
        );
    }

    #[test]
    fn a_case_under_investigation_says_when_we_will_reply() {
        let s = summary(Status::UnderInvestigation, Some("2027-02-05"), false);
        assert_eq!(
            headline(&s, d("2026-12-18")),
            "We will send our stage 1 response by Friday 5 February 2027."
        );
    }

    #[test]
    fn an_overdue_case_says_so() {
        let s = summary(Status::UnderInvestigation, Some("2026-12-10"), true);
        assert_eq!(
            headline(&s, d("2026-12-18")),
            "We are late. We should have sent our stage 1 response by Thursday 10 December 2026. We are sorry."
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
            "You can ask for a review until Friday 19 February 2027. That is 8 working days, counting today."
        );
    }

    #[test]
    fn a_window_without_a_limit_says_any_time() {
        let window = Window {
            action: ResidentAction::RequestEscalation,
            last_day: None,
            working_days_left: None,
        };
        assert_eq!(
            window_sentence(&window, d("2027-02-09"), Reader::Resident),
            "There is no time limit to ask for a review while your complaint is open."
        );
        assert_eq!(
            window_sentence(&window, d("2027-02-09"), Reader::Advocate),
            "There is no time limit to ask for a review while their complaint is open."
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
        let (title, body) = event_words(&event, &[]);
        assert_eq!(title, "Response: complaint partly upheld");
        let body = body.unwrap();
        assert!(body.contains("The repair was late."));
        assert!(body.contains("Compensation: £50.00. Compensation"));
        assert!(body.contains("Still to do, by Friday 15 January 2027: replace the window"));
        assert!(!body.contains("We will replace"));
    }

    #[test]
    fn an_extension_reads_with_its_new_date_and_reason() {
        let event = Event::Extended {
            reason: "We are waiting for a contractor's report".into(),
            new_date: d("2027-01-20"),
            agreed_with_resident: false,
            good_reason: None,
        };
        let (title, body) = event_words(&event, &[]);
        assert_eq!(
            title,
            "More time needed: new date Wednesday 20 January 2027"
        );
        assert_eq!(
            body.as_deref(),
            Some("We are waiting for a contractor's report")
        );
    }

    #[test]
    fn an_extension_beyond_the_policys_limit_gives_its_good_reason_too() {
        let event = Event::Extended {
            reason: "We are waiting for a contractor's report".into(),
            new_date: d("2027-02-24"),
            agreed_with_resident: false,
            good_reason: Some(
                "The contractor must dig up the drains, which needs a road closure".into(),
            ),
        };
        let (_, body) = event_words(&event, &[]);
        assert_eq!(
            body.as_deref(),
            Some("We are waiting for a contractor's report\n\nThis is longer than our policy usually allows, because: The contractor must dig up the drains, which needs a road closure")
        );
    }

    #[test]
    fn a_closed_window_says_when_it_closed_and_what_is_still_open() {
        let window = ClosedWindow {
            action: ResidentAction::RequestEscalation,
            last_day: d("2027-02-05"),
        };
        let (message, still_open) = closed_window_words(&window, Reader::Resident);
        assert_eq!(
            message,
            "The last day to ask for a review was Friday 5 February 2027."
        );
        assert_eq!(
            still_open,
            "You can still ask the Housing Ombudsman to look at your complaint."
        );
    }

    #[test]
    fn a_panel_request_reads_with_who_represents_the_resident() {
        let event: Event = serde_json::from_value(serde_json::json!({
            "type": "panel_requested",
            "attendance": "attend",
            "representative": {"name": "Sam Green", "relation": "friend"}
        }))
        .unwrap();
        let (title, body) = event_words(&event, &[]);
        assert_eq!(title, "You asked for a panel");
        assert_eq!(
            body.as_deref(),
            Some("You will attend, represented by Sam Green (friend).")
        );
    }

    #[test]
    fn titles_and_stage_names_read_as_before() {
        assert_eq!(
            case_title(CaseKind::Complaint, Some("Repairs")),
            "Complaint about repairs"
        );
        assert_eq!(
            card_title(CaseKind::Comment, Some("Repairs")),
            "Comment: Repairs"
        );
        assert_eq!(case_title(CaseKind::Compliment, None), "Compliment");
        assert_eq!(stage_name(2, "Stage 2"), "Stage 2");
        assert_eq!(stage_name(3, "Residents' panel"), "Residents' panel");
        assert_eq!(
            window_sentence(
                &Window { action: ResidentAction::RequestPanel, last_day: Some(d("2027-02-19")), working_days_left: Some(1) },
                d("2027-02-19"),
                Reader::Resident
            ),
            "You can ask for a panel until Friday 19 February 2027. That is 1 working day, counting today."
        );
    }

    #[test]
    fn every_basis_reads_as_the_server_words_it() {
        use domain::case::BasisExtension;
        let due = d("2026-12-29");
        let mut all = Vec::new();
        for days in [1, 10] {
            for stage in [1, 2] {
                all.push(BasisFrom::Received { stage });
                all.push(BasisFrom::Acknowledged { stage });
                all.push(BasisFrom::AcknowledgeDue { stage, date: due });
                all.push(BasisFrom::ReceivedNotAcknowledged { stage });
                all.push(BasisFrom::StageResponse { stage });
                all.push(BasisFrom::StageResponseReceived { stage });
            }
            all.push(BasisFrom::PanelRequested);
            all.push(BasisFrom::PanelMet);
            for from in all.drain(..) {
                let basis = Basis::new(days, from);
                assert_eq!(counted_words(&basis), basis.to_string());
                for extra in [1, 5] {
                    let extended = Basis {
                        extension: Some(BasisExtension {
                            days: extra,
                            original_date: d("2027-02-05"),
                        }),
                        ..basis.clone()
                    };
                    assert_eq!(counted_words(&extended), extended.to_string());
                }
            }
        }
        let extended = Basis {
            extension: Some(BasisExtension {
                days: 5,
                original_date: d("2027-02-06"),
            }),
            ..Basis::new(10, BasisFrom::Acknowledged { stage: 1 })
        };
        assert_eq!(
            counted_words(&extended),
            "10 working days after we acknowledged your complaint, extended by 5 working days from Saturday 6 February 2027"
        );
    }

    #[test]
    fn skipped_bank_holidays_read_as_the_server_words_them() {
        use domain::calendar::explain_skipped;
        let holiday = |s: &str| SkippedDay {
            date: d(s),
            reason: SkipReason::BankHoliday {
                title: "A holiday".into(),
            },
        };
        let weekend = |s: &str| SkippedDay {
            date: d(s),
            reason: SkipReason::Weekend,
        };
        let cases: Vec<Vec<SkippedDay>> = vec![
            vec![],
            vec![weekend("2026-12-26")],
            vec![holiday("2027-01-01")],
            vec![
                holiday("2026-12-25"),
                weekend("2026-12-26"),
                holiday("2026-12-28"),
            ],
            vec![
                holiday("2026-12-25"),
                holiday("2026-12-28"),
                weekend("2027-01-02"),
                holiday("2027-01-01"),
            ],
            vec![
                holiday("2027-04-02"),
                holiday("2027-04-05"),
                holiday("2027-05-03"),
                holiday("2027-05-31"),
            ],
            // The same month in two years: each with its year.
            vec![
                holiday("2026-12-25"),
                holiday("2027-01-01"),
                holiday("2027-12-27"),
            ],
        ];
        for skipped in cases {
            assert_eq!(
                skipped_words(&skipped),
                explain_skipped(&skipped),
                "{skipped:?}"
            );
        }
        assert_eq!(
            skipped_words(&[
                holiday("2026-12-25"),
                holiday("2026-12-28"),
                holiday("2027-01-01")
            ])
            .as_deref(),
            Some("We don't count 25, 28 December or 1 January (bank holidays).")
        );
        // And from a real count, across Christmas.
        let calendar = domain::calendar::Calendar::england_and_wales();
        let between = calendar
            .working_days_between(d("2026-12-22"), d("2027-01-08"))
            .unwrap();
        assert_eq!(skipped_words(&between.skipped), between.explanation());
    }

    #[test]
    fn in_another_language_the_dates_and_holidays_read_in_its_words() {
        use crate::i18n::{keep, set_catalogue, Catalogue, Direction, Translation};
        let text = |s: &str| Translation::Text(s.into());
        let forms = |f: &[&str]| Translation::Plural(f.iter().map(|s| s.to_string()).collect());
        let messages = [
            ("{day} {month}", text("{day} {month}")),
            ("December", text("grudnia")),
            ("January", text("stycznia")),
            ("{list}, {item}", text("{list}, {item}")),
            ("{list} or {item}", text("{list} lub {item}")),
            (
                "We don't count {days} (a bank holiday).",
                forms(&[
                    "Nie liczymy dnia {days} (święto).",
                    "Nie liczymy dni {days} (święta).",
                    "Nie liczymy dni {days} (święta).",
                ]),
            ),
            (
                "{count} working day after we received your complaint",
                forms(&[
                    "{count} dzień roboczy po otrzymaniu skargi",
                    "{count} dni robocze po otrzymaniu skargi",
                    "{count} dni roboczych po otrzymaniu skargi",
                ]),
            ),
        ];
        set_catalogue(Some(keep(Catalogue {
            language: "pl".into(),
            name: "Polski".into(),
            direction: Direction::Ltr,
            status: String::new(),
            messages: messages
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .collect(),
        })));
        let holiday = |s: &str| SkippedDay {
            date: d(s),
            reason: SkipReason::BankHoliday {
                title: "A holiday".into(),
            },
        };
        let skipped = skipped_words(&[
            holiday("2026-12-25"),
            holiday("2026-12-28"),
            holiday("2027-01-01"),
        ]);
        let counted =
            [2, 5].map(|days| counted_words(&Basis::new(days, BasisFrom::Received { stage: 1 })));
        set_catalogue(None);
        assert_eq!(
            skipped.as_deref(),
            Some("Nie liczymy dni 25, 28 grudnia lub 1 stycznia (święta).")
        );
        assert_eq!(
            counted,
            [
                "2 dni robocze po otrzymaniu skargi",
                "5 dni roboczych po otrzymaniu skargi"
            ]
        );
    }

    fn record(on: &str, event: Event) -> domain::case::EventRecord {
        domain::case::EventRecord {
            at: at(&format!("{on}T12:00:00Z")),
            actor: Actor {
                kind: ActorKind::Staff,
                name: None,
                id: None,
            },
            on: Some(d(on)),
            event,
        }
    }

    fn responded(on: &str) -> (&str, Event) {
        (
            on,
            Event::Responded {
                outcome: Some(Outcome::NotUpheld),
                reasons: String::new(),
                remedies: Vec::new(),
                outstanding_actions: Vec::new(),
                sent_by: None,
                root_causes: Vec::new(),
                lessons: None,
            },
        )
    }

    /// What the app says for the refusal of `attempt` (by its API `path`) on
    /// the case made of `events`, against what the server says.
    fn refusal(
        policy: &str,
        events: Vec<(&str, Event)>,
        path: &str,
        attempt: (&str, Event),
    ) -> (Option<String>, String, String) {
        let calendar = domain::calendar::Calendar::england_and_wales();
        let policy = domain::policy::Policy::preset(policy).unwrap().effective();
        let mut records = vec![];
        let mut timeline = vec![];
        for (on, event) in events {
            let r = record(on, event);
            timeline.push(TimelineEntry {
                at: r.at,
                on: r.date(),
                actor: r.actor.clone(),
                event: r.event.clone(),
                rule: None,
            });
            records.push(r);
        }
        let state = domain::case::replay(&policy, &calendar, &records).unwrap();
        let (today, attempt) = attempt;
        let refused =
            domain::case::apply(&state, &policy, &calendar, &record(today, attempt)).unwrap_err();
        let _ = (path, timeline);
        (
            refused
                .reason
                .as_ref()
                .map(|r| refusal_words(r, Reader::Resident)),
            refused.message,
            refused.code.to_owned(),
        )
    }

    fn received(on: &str) -> (&str, Event) {
        (
            on,
            Event::Received {
                kind: CaseKind::Complaint,
                received_on: d(on),
                awaiting_decision: Vec::new(),
                through_councillor_or_mp: false,
            },
        )
    }

    #[test]
    fn each_refusal_a_resident_can_meet_reads_as_the_server_words_it() {
        let escalation = || Event::EscalationRequested { reason: None };
        let panel = |representative: Option<(&str, &str)>| Event::PanelRequested {
            attendance: Attendance::Attend,
            representative: representative.map(|(name, relation)| domain::case::Representative {
                name: name.into(),
                relation: relation.into(),
            }),
        };
        let to_stage_two_response = || {
            vec![
                received("2027-10-01"),
                responded("2027-10-15"),
                ("2027-10-18", escalation()),
                responded("2027-12-20"),
            ]
        };
        let withdrawn = || {
            vec![
                received("2027-01-08"),
                ("2027-01-11", Event::Withdrawn { reason: None }),
            ]
        };
        let closed = || {
            vec![
                received("2027-01-08"),
                responded("2027-01-15"),
                (
                    "2027-01-20",
                    Event::Closed {
                        why: ClosedWhy::Resolved,
                    },
                ),
            ]
        };
        let satisfied = Event::SatisfactionRecorded {
            satisfied: true,
            comment: None,
        };
        let information = || Event::InformationGiven {
            text: "More".into(),
        };
        let checks = [
            refusal(
                "code-2024",
                vec![received("2027-01-08")],
                "escalation",
                ("2027-01-11", escalation()),
            ),
            refusal(
                "code-2024",
                vec![
                    received("2027-01-08"),
                    responded("2027-01-15"),
                    ("2027-01-18", escalation()),
                    responded("2027-02-01"),
                ],
                "escalation",
                ("2027-02-02", escalation()),
            ),
            refusal(
                "pioneer-2020",
                to_stage_two_response(),
                "escalation",
                ("2027-12-21", escalation()),
            ),
            refusal(
                "pivotal-2021",
                vec![received("2027-03-22"), responded("2027-04-07")],
                "escalation",
                ("2027-04-22", escalation()),
            ),
            refusal(
                "pioneer-2020",
                [to_stage_two_response(), vec![("2027-12-21", panel(None))]].concat(),
                "escalation",
                ("2027-12-22", escalation()),
            ),
            refusal(
                "pioneer-2020",
                to_stage_two_response(),
                "panel",
                ("2028-01-07", panel(None)),
            ),
            refusal(
                "pioneer-2020",
                [to_stage_two_response(), vec![("2027-12-21", panel(None))]].concat(),
                "panel",
                ("2027-12-22", panel(None)),
            ),
            refusal(
                "pioneer-2020",
                [
                    to_stage_two_response(),
                    vec![("2027-12-21", Event::ReferredToOmbudsman)],
                ]
                .concat(),
                "panel",
                ("2027-12-22", panel(None)),
            ),
            refusal(
                "pioneer-2020",
                to_stage_two_response(),
                "panel",
                ("2027-12-22", panel(Some(("Ann", "solicitor")))),
            ),
            refusal(
                "code-2024",
                vec![received("2027-01-08")],
                "satisfaction",
                ("2027-01-11", satisfied),
            ),
            refusal(
                "code-2024",
                withdrawn(),
                "withdrawal",
                ("2027-01-12", Event::Withdrawn { reason: None }),
            ),
            refusal(
                "code-2024",
                withdrawn(),
                "information",
                ("2027-01-12", information()),
            ),
            refusal(
                "code-2024",
                closed(),
                "escalation",
                ("2027-01-21", escalation()),
            ),
            refusal(
                "code-2024",
                closed(),
                "information",
                ("2027-01-21", information()),
            ),
        ];
        let codes: Vec<&str> = checks.iter().map(|(_, _, code)| code.as_str()).collect();
        assert_eq!(
            codes,
            [
                "not_responded",
                "last_stage",
                "last_stage",
                "escalation_window_closed",
                "panel_under_way",
                "panel_window_closed",
                "panel_already_requested",
                "panel_after_ombudsman",
                "legal_representative_not_allowed",
                "not_responded",
                "already_withdrawn",
                "withdrawn",
                "closed",
                "closed",
            ]
        );
        for (words, message, code) in checks {
            assert_eq!(words.as_deref(), Some(message.as_str()), "{code}");
        }
    }

    #[test]
    fn a_refusal_without_a_reason_keeps_the_servers_words() {
        let error = FieldError::new("", "The server's words").with_code("something_new");
        assert_eq!(
            refusal_errors(vec![error.clone()], Reader::Resident),
            vec![error]
        );
        let typed = FieldError {
            refusal: Some(RefusalReason::ReviewWindowClosed {
                last_day: d("2027-02-05"),
            }),
            ..FieldError::new("", "Server words").with_code("escalation_window_closed")
        };
        assert_eq!(
            refusal_errors(vec![typed], Reader::Resident)[0].message,
            "You can no longer ask for a review. The last day to ask was Friday 5 February 2027."
        );
        let last = RefusalReason::LastStage {
            stage: 2,
            panel: false,
        };
        assert_eq!(
            refusal_words(&last, Reader::Advocate),
            "Stage 2 is the last stage of our complaints process. If they are still unhappy, they can ask the Housing Ombudsman to look at their complaint."
        );
    }

    #[test]
    fn every_status_has_words() {
        for status in [
            Status::AwaitingAcknowledgement,
            Status::Closed,
            Status::WithOmbudsman,
        ] {
            assert!(!status_tag(status).0.is_empty());
        }
    }

    #[test]
    fn the_extension_form_says_the_latest_date_and_what_allows_a_later_one() {
        let allowance = ExtensionAllowance {
            stage: 1,
            current: d("2027-01-18"),
            latest: Some(d("2027-02-01")),
            why: Some(ExtensionLimit::AfterOriginal {
                days: 10,
                original: d("2027-01-18"),
            }),
            beyond_by_agreement: false,
            beyond_with_good_reason: true,
        };
        assert_eq!(
            extension_allowance_words(&allowance),
            "The response is due by Monday 18 January 2027. The latest date the policy allows is Monday 1 February 2027 (10 working days after the original date, Monday 18 January 2027). A later date needs a good reason, which the resident is told."
        );
        let no_limit = ExtensionAllowance {
            latest: None,
            why: None,
            ..allowance
        };
        assert_eq!(
            extension_allowance_words(&no_limit),
            "The response is due by Monday 18 January 2027. The policy sets no latest date."
        );
    }
}
