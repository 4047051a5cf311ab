//! What the policy's clock tells staff: a reminder before a case's
//! acknowledgement or response is due, and an alert once it is overdue.
//! Only the case's reference: the message leaves the portal, the resident's
//! details stay in it.

use chrono::NaiveDate;
use domain::calendar::long_date;
use domain::case::DueKey;

use crate::cases::notices::Notice;

/// "the stage 1 response", "the acknowledgement of the request for stage 2".
fn what(due: DueKey) -> String {
    match due {
        DueKey::Acknowledge { stage: 1 } => "the acknowledgement".to_owned(),
        DueKey::Acknowledge { stage } => {
            format!("the acknowledgement of the request for stage {stage}")
        }
        DueKey::Respond { stage } => format!("the stage {stage} response"),
        DueKey::NextStageWindow { stage } => {
            format!("the last day to ask for the stage after stage {stage}")
        }
        DueKey::PanelWindow => "the last day to ask for a panel".to_owned(),
        DueKey::PanelConvene => "the panel's meeting".to_owned(),
        DueKey::PanelOutcome => "the panel's decision".to_owned(),
        DueKey::CouncillorOrMpReply => "the reply to the councillor or MP".to_owned(),
    }
}

/// The reminder to the assigned caseworker before a due date.
pub fn due_soon(reference: &str, due: DueKey, date: NaiveDate) -> Notice {
    let what = what(due);
    let more_time = match due {
        DueKey::Respond { .. } => {
            " If you need more time to respond, extend the date and tell the resident why before it passes."
        }
        // Plus Dane §17: "we will contact the Cllr / MP and outline the
        // reason for the delay and when they can expect a response".
        DueKey::CouncillorOrMpReply => {
            " If you cannot reply by then, tell the councillor or MP why, and when they can expect a reply."
        }
        _ => "",
    };
    (
        format!(
            "Complaint {reference}: {what} is due by {}",
            long_date(date)
        ),
        format!(
            "This is a reminder that {what} on complaint {reference}, which is assigned to you, \
             is due by {}.\n\nYou can find the complaint in the staff queue.{more_time}",
            long_date(date)
        ),
    )
}

/// The alert to the caseworker and the team's managers once a date has passed.
pub fn overdue(reference: &str, due: DueKey, date: NaiveDate) -> Notice {
    let what = what(due);
    (
        format!("Overdue: complaint {reference}, {what}"),
        format!(
            "{} on complaint {reference} was due by {} and has not been recorded as done.\n\n\
             You can find the complaint in the staff queue, marked as overdue. The resident can \
             ask the Housing Ombudsman for help when we do not answer on time.",
            capitalised(&what),
            long_date(date)
        ),
    )
}

fn capitalised(words: &str) -> String {
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
