//! What the resident is told when something happens to their case: the
//! subject and body of the outbox message, or nothing when it is not news to
//! them (a caseworker being assigned, a referral they made themselves).

use chrono::NaiveDate;
use domain::calendar::long_date;
use domain::case::{
    pounds, CaseKind, CaseView, ClosedWhy, ComplaintDefinition, DueDate, DueKey, DueKind, Event,
    Money, Outcome, OutstandingAction, PromisedAction, Remedy, RemedyKind, Settlement,
};
use domain::policy::Policy;

/// A message: its subject and body.
pub type Notice = (String, String);

fn noun(kind: CaseKind) -> &'static str {
    match kind {
        CaseKind::Complaint => "complaint",
        CaseKind::Compliment => "compliment",
        CaseKind::Comment => "comment",
    }
}

/// "We will reply by Friday 13 March 2026 (10 working days after …)." for each
/// date still to come.
fn coming_dates(view: &CaseView) -> String {
    let lines: Vec<String> = view
        .due_dates
        .iter()
        .filter(|d| d.met.is_none())
        .map(|d: &DueDate| format!("- {} {} ({}).", due_label(d), long_date(d.date), d.basis))
        .collect();
    if lines.is_empty() {
        String::new()
    } else {
        format!("\n\n{}", lines.join("\n"))
    }
}

/// What a due date is for, as a message says it before the date.
fn due_label(due: &DueDate) -> &'static str {
    match (due.kind, due.stage) {
        (DueKind::Acknowledge, 1) => "We will acknowledge your complaint by",
        (DueKind::Acknowledge, _) => "We will acknowledge your request by",
        (DueKind::Respond, 1) => "We will send our stage 1 response by",
        (DueKind::Respond, _) => "We will send our review response by",
        (DueKind::RequestNextStage, _) => "You can ask for a review until",
        (DueKind::RequestPanel, _) => "You can ask for a panel until",
        (DueKind::PanelMeets, _) => "The panel will meet by",
        (DueKind::PanelDecision, _) => "We will send the panel's decision by",
        (DueKind::ReplyToCouncillorOrMp, _) => "We will reply to the councillor or MP by",
    }
}

/// How to reach the Housing Ombudsman, from the policy.
pub fn ombudsman_details(policy: &Policy) -> String {
    let o = &policy.ombudsman;
    format!(
        "You can contact the {}: telephone {}, online at {}, or write to {}.",
        o.name, o.telephone, o.website, o.address
    )
}

fn guidance(view: &CaseView) -> String {
    if view.ombudsman_guidance.is_empty() {
        String::new()
    } else {
        format!("\n\n{}", view.ombudsman_guidance.join("\n\n"))
    }
}

/// The complaint definition, as the acknowledgement sets it out (Code 5.6).
fn definition_words(definition: &ComplaintDefinition) -> String {
    format!(
        "\n\nThis is what we understand your complaint to be about:\n{}\n\nThis is what we understand you want to happen:\n{}\n\nIf we have got this wrong, tell us: you can do that on your complaint's page online, or contact us.",
        definition.about, definition.outcome_sought
    )
}

fn outcome_words(outcome: Option<Outcome>) -> &'static str {
    match outcome {
        Some(Outcome::Upheld) => "We have upheld your complaint.",
        Some(Outcome::PartlyUpheld) => "We have partly upheld your complaint.",
        Some(Outcome::NotUpheld) => "We have not upheld your complaint.",
        None => "",
    }
}

fn next_step(view: &CaseView) -> String {
    match &view.open_window {
        Some(window) => {
            let what = match window.action {
                domain::case::ResidentAction::RequestPanel => "ask for a panel",
                _ => "ask us to review it at the next stage",
            };
            match window.last_day {
                Some(last) => format!(
                    "\n\nIf you are not happy with our response, you can {what} until {}. You do not have to say why.",
                    long_date(last)
                ),
                None => format!(
                    "\n\nIf you are not happy with our response, you can {what}. You do not have to say why."
                ),
            }
        }
        None => String::new(),
    }
}

/// "An apology: …", "Compensation of £150.00, set against the rent you owe: …".
fn remedy_words(remedy: &Remedy) -> String {
    let what = match remedy.kind {
        RemedyKind::Apology => "An apology".to_owned(),
        RemedyKind::Action => "What we will do".to_owned(),
        RemedyKind::ChangedDecision => "A changed decision".to_owned(),
        RemedyKind::AmendedRecord => "A corrected record".to_owned(),
        RemedyKind::ChangedPolicy => "A change to how we work".to_owned(),
        RemedyKind::Financial => {
            let money = match remedy.money {
                Some(Money::Reimbursement) => "A refund",
                Some(Money::Goodwill) => "A goodwill payment",
                Some(Money::Compensation) | None => "Compensation",
            };
            let amount = remedy.amount_pence.map(pounds).unwrap_or_default();
            let settled = match remedy.settlement {
                Some(Settlement::OffsetAgainstMoneyOwed) => {
                    ", set against the money you owe us (such as rent arrears)"
                }
                Some(Settlement::InKind) => ", given in kind rather than paid",
                Some(Settlement::Paid) | None => "",
            };
            format!("{money} of {amount}{settled}")
        }
    };
    format!("- {what}: {}", remedy.description.trim())
}

/// "- Replace the boiler, by Tuesday 24 March 2026 (Repairs team)."
fn action_words(action: &OutstandingAction) -> String {
    let owner = action.owner.trim();
    let owner = if owner.is_empty() {
        String::new()
    } else {
        format!(" ({owner})")
    };
    format!(
        "- {}, by {}{owner}.",
        action.description.trim().trim_end_matches('.'),
        long_date(action.due)
    )
}

/// What a response puts right and what it promises (section 6 of the Code),
/// each action then tracked to the end (Code 6.6).
fn putting_right(remedies: &[Remedy], actions: &[OutstandingAction]) -> String {
    let mut out = String::new();
    if !remedies.is_empty() {
        let lines: Vec<String> = remedies.iter().map(remedy_words).collect();
        out.push_str(&format!("\n\nTo put things right:\n{}", lines.join("\n")));
    }
    if !actions.is_empty() {
        let lines: Vec<String> = actions.iter().map(action_words).collect();
        out.push_str(&format!(
            "\n\nWhat we will do, and by when:\n{}\n\nYou can follow each of these on your complaint's page, and we will tell you when each is done or if anything changes.",
            lines.join("\n")
        ));
    }
    out
}

/// The promised action `number` as the case now holds it.
fn promised(view: &CaseView, number: u16) -> Option<&PromisedAction> {
    view.actions.iter().find(|a| a.number == number)
}

/// What is left to do after an action is done.
fn still_to_do(view: &CaseView) -> String {
    match view.actions.iter().filter(|a| a.done_on.is_none()).count() {
        0 => "That is everything we promised in our response.".to_owned(),
        1 => "There is 1 more thing we promised to do. You can follow it on your complaint's page."
            .to_owned(),
        n => format!(
            "There are {n} more things we promised to do. You can follow them on your complaint's page."
        ),
    }
}

/// The message for a new case.
pub fn received(kind: CaseKind, reference: &str, view: &CaseView) -> Notice {
    let noun = noun(kind);
    let subject = format!("We have received your {noun} {reference}");
    let deciding = if view.status == domain::case::Status::AwaitingDecision {
        "\n\nWe will decide whether we can take your complaint on, and tell you why."
    } else {
        ""
    };
    let body = match kind {
        CaseKind::Complaint => format!(
            "We have received your complaint. Your reference is {reference}.{deciding}{}",
            coming_dates(view)
        ),
        _ => format!("Thank you for your {noun}. Your reference is {reference}."),
    };
    (subject, body)
}

/// The message for an event on an existing case, if it is news to the resident.
pub fn for_event(
    policy: &Policy,
    kind: CaseKind,
    reference: &str,
    event: &Event,
    view: &CaseView,
) -> Option<Notice> {
    let noun = noun(kind);
    let subject = |what: &str| format!("Your {noun} {reference}: {what}");
    let notice = match event {
        Event::Received { .. } => return Some(received(kind, reference, view)),
        // A window closing is said on the case; the reminder came before it.
        // The reply to a councillor or MP goes to them, not to the resident.
        Event::Assigned { .. }
        | Event::ReferredToOmbudsman
        | Event::WindowClosed { .. }
        | Event::RepliedToCouncillorOrMp => {
            return None
        }
        // Code 5.6: our understanding of the complaint and of the outcome
        // the resident wants, and a way to say it is wrong.
        Event::Acknowledged { definition } => (
            subject("we have acknowledged it"),
            format!(
                "We have acknowledged your {noun}.{}{}",
                definition.as_ref().map(definition_words).unwrap_or_default(),
                coming_dates(view)
            ),
        ),
        Event::DefinitionQueried { .. } => (
            subject("you told us what we got wrong"),
            format!(
                "Thank you for telling us what we got wrong about your {noun}. Your caseworker will read it, and contact you if they need to check anything."
            ),
        ),
        Event::Extended {
            reason,
            new_date,
            good_reason,
            ..
        } => (
            subject("we need more time"),
            format!(
                "We need more time to respond. The reason is: {reason}\n\n{}We will now respond by {}.\n\n{}",
                match good_reason.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
                    Some(why) => format!(
                        "This is longer than our complaints policy usually allows. We are taking longer because: {why}\n\n"
                    ),
                    None => String::new(),
                },
                long_date(*new_date),
                ombudsman_details(policy)
            ),
        ),
        Event::InformationRequested { what } => (
            subject("we need some information from you"),
            format!("To look into your {noun}, we need: {what}\n\nYou can add it to your {noun} online."),
        ),
        Event::InformationGiven { .. } => (
            subject("we have your information"),
            "Thank you: we have added the information you sent to your complaint.".to_owned(),
        ),
        Event::Responded {
            outcome,
            reasons,
            remedies,
            outstanding_actions,
            ..
        } => (
            subject("our response"),
            format!(
                "{}\n\n{}{}{}{}",
                outcome_words(*outcome),
                reasons,
                putting_right(remedies, outstanding_actions),
                next_step(view),
                guidance(view)
            )
            .trim()
            .to_owned(),
        ),
        Event::EscalationRequested { .. } => (
            subject("your request for a review"),
            format!(
                "We have received your request for a review of your complaint.{}",
                coming_dates(view)
            ),
        ),
        Event::EscalationRefused { reasons } => (
            subject("we cannot take your complaint further"),
            format!(
                "We will not take your complaint to the next stage. The reasons are: {reasons}\n\n{}{}",
                ombudsman_details(policy),
                guidance(view)
            ),
        ),
        // Pioneer §6: "We will always explain to a customer where we refuse
        // to escalate a complaint in these circumstances, giving the reasons".
        Event::ReopenedAtStage { reasons } => (
            subject("we are looking at your complaint again"),
            format!(
                "Thank you for the new information. It could change our answer, so instead of taking your complaint to the next stage, we are looking at it again at the stage it was at. The reason is: {}\n\nWe will send you a new response in place of our last one.{}\n\nIf you are still unhappy after our new response, you can ask again for your complaint to go to the next stage. If you do not agree with this decision, contact us.\n\n{}",
                reasons.trim(),
                coming_dates(view),
                ombudsman_details(policy)
            ),
        ),
        Event::PanelRequested { .. } => (
            subject("your request for a panel"),
            format!("We have received your request for a panel.{}", coming_dates(view)),
        ),
        Event::PanelHeld { date } => (
            subject("the panel's date"),
            format!("The panel will meet, or met, on {}.{}", long_date(*date), coming_dates(view)),
        ),
        // Pioneer §6: "keep the customer informed, offer an explanation and
        // agree with the customer whether this stage should be dispensed with".
        Event::PanelDelayed { new_date, reason } => (
            subject("the panel will meet later"),
            format!(
                "We cannot arrange the panel by the date we gave you. The reason is: {}\n\nWe now expect the panel to meet by {}.{}",
                reason.trim(),
                long_date(*new_date),
                if policy.panel.as_ref().is_some_and(|p| p.dispense_by_agreement.is_some()) {
                    "\n\nIf you would rather not wait, contact us. We can agree with you that the panel will not meet. Our last response would then be our final response, and you could ask the Housing Ombudsman to look at your complaint."
                } else {
                    ""
                }
            ),
        ),
        Event::PanelDispensed { reason } => (
            subject("the panel will not meet"),
            format!(
                "As we agreed with you, the panel will not meet, and we have closed your {noun}. {}\n\n{}{}{}",
                reason.trim(),
                match &view.latest_response {
                    Some(latest) => format!(
                        "Our response of {} is our final response. ",
                        long_date(latest.on)
                    ),
                    None => String::new(),
                },
                ombudsman_details(policy),
                guidance(view)
            ),
        ),
        Event::PanelOutcome { outcome, reasons } => (
            subject("the panel's decision"),
            format!("{}\n\n{reasons}{}", outcome_words(Some(*outcome)), guidance(view)),
        ),
        Event::SatisfactionRecorded { .. } => (
            subject("thank you for your feedback"),
            "Thank you for telling us whether you are satisfied with our response.".to_owned(),
        ),
        Event::Withdrawn { .. } => (
            subject("withdrawn"),
            format!(
                "Your {noun} has been withdrawn. If you change your mind, contact us and we can reopen it.{}",
                guidance(view)
            ),
        ),
        Event::ActionDone { action } => {
            let done = promised(view, *action)?;
            (
                subject("we have done something we promised"),
                format!(
                    "We have done something we promised in our response: {}.\n\n{}",
                    done.description.trim().trim_end_matches('.'),
                    still_to_do(view)
                ),
            )
        }
        Event::ActionChanged { action, reason, .. } => {
            let changed = promised(view, *action)?;
            let before = changed.changes.last()?;
            (
                subject("a change to what we promised"),
                format!(
                    "We have changed something we promised in our response.\n\n\
                     It was: {}, by {}.\n\
                     It is now: {}, by {}.\n\n\
                     The reason is: {}\n\n\
                     If you are not happy with this change, contact us. You can follow it on your complaint's page.",
                    before.previous_description.trim().trim_end_matches('.'),
                    long_date(before.previous_due),
                    changed.description.trim().trim_end_matches('.'),
                    long_date(changed.due),
                    reason.trim()
                ),
            )
        }
        Event::Closed { why } => {
            let why = match why {
                ClosedWhy::Resolved => "it has been resolved".to_owned(),
                ClosedWhy::NoContact => "we have not heard from you since our response".to_owned(),
                ClosedWhy::ActionsDone => "everything we agreed to do is done".to_owned(),
                ClosedWhy::Withdrawn => "you withdrew it".to_owned(),
                ClosedWhy::PanelDispensed => "you agreed that the panel will not meet".to_owned(),
                ClosedWhy::Other(text) => text.clone(),
            };
            (
                subject("closed"),
                format!("We have closed your {noun}: {why}.{}", guidance(view)),
            )
        }
        Event::Accepted { .. } => (
            subject("we have taken it on"),
            format!(
                "We have decided to take on your {noun}, and we will look into it.{}",
                coming_dates(view)
            ),
        ),
        // Code 2.4: why it is not suitable for the complaints process, and
        // the right to take that decision to the Ombudsman.
        Event::Declined { reasons } => (
            subject("we cannot take it on"),
            format!(
                "We have decided not to take on your {noun}. The reasons are: {reasons}\n\nYou can ask the Housing Ombudsman to look at this decision. {}{}",
                ombudsman_details(policy),
                guidance(view)
            ),
        ),
        Event::Reopened { reason } => (
            subject("reopened"),
            format!("We have reopened your {noun}: {reason}{}", coming_dates(view)),
        ),
    };
    Some(notice)
}

/// To the assigned caseworker, when the resident says the complaint
/// definition is not right. What they said stays on the case, not in an email.
pub fn definition_queried(reference: &str) -> Notice {
    (
        format!("Complaint {reference}: the resident says we have not understood it"),
        format!(
            "The resident (or someone acting for them) has told us that what we understand \
             complaint {reference}, which is assigned to you, to be about is not right.\n\n\
             Read what they said on the complaint's page in the staff queue, and check it with \
             them (Code 5.6)."
        ),
    )
}

/// The satisfaction survey, sent when the resident has not replied to the
/// outcome within the policy's working days (Pioneer §7: "a satisfaction
/// survey will be attempted by the Customer 1st team").
pub fn survey(reference: &str, outcome_on: NaiveDate) -> Notice {
    (
        format!("Your complaint {reference}: are you happy with how we dealt with it?"),
        format!(
            "We sent you the outcome of your complaint on {}. We would like to know whether you are \
             satisfied with how we dealt with it, and what we could have done better.\n\n\
             You can tell us online on your complaint's page: choose \"Tell us if you are satisfied\". \
             You do not have to answer.",
            long_date(outcome_on)
        ),
    )
}

/// The reminder two working days before the resident's window to ask for a
/// review (or a panel) closes, sent unless they asked, said they are
/// satisfied or withdrew. Never asks why they might (Code 6.12).
pub fn window_reminder(reference: &str, window: DueKey, last_day: NaiveDate) -> Notice {
    let (ask, what) = match window {
        DueKey::PanelWindow => ("a panel", "ask for a panel to look at your complaint"),
        _ => (
            "a review",
            "ask us to review your complaint at the next stage",
        ),
    };
    (
        format!("Your complaint {reference}: your time to ask for {ask} ends soon"),
        format!(
            "If you are not happy with our response, you can {what} until {}. You do not have to say why.\n\n\
             If you are happy with our response, you do not need to do anything. You can tell us you are satisfied online.",
            long_date(last_day)
        ),
    )
}
