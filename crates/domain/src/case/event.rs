//! What can happen to a case: its events, who did them, and when.
//!
//! Dates: each event happened on a day. That day is the record's `on` when
//! given (a letter that arrived yesterday, a phone call logged late), otherwise
//! the UK calendar day of its timestamp `at` ([`uk_date`]). A `received` event
//! carries its own `received_on`.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::calendar::uk_date;

/// What kind of case this is.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CaseKind {
    Complaint,
    Compliment,
    Comment,
}

impl CaseKind {
    pub(crate) fn noun(self) -> &'static str {
        match self {
            CaseKind::Complaint => "complaint",
            CaseKind::Compliment => "compliment",
            CaseKind::Comment => "comment",
        }
    }
}

/// Who did something.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// The resident the case is about.
    Resident,
    /// Someone acting for the resident with their authority.
    Advocate,
    /// The landlord's staff.
    Staff,
    /// The portal itself (for example, an automatic closure).
    System,
}

/// Who did something, and their name where it is known.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Actor {
    pub kind: ActorKind,
    #[serde(default)]
    pub name: Option<String>,
    /// For staff: their account's public id, so the portal knows who dealt
    /// with each stage (Code 6.13). Only staff are shown it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// One stored event: when it was recorded, by whom, and what happened.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct EventRecord {
    /// When the event was recorded.
    pub at: DateTime<Utc>,
    pub actor: Actor,
    /// The day it happened, when that is not the UK day of `at`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on: Option<NaiveDate>,
    pub event: Event,
}

impl EventRecord {
    /// The day the event happened: `received_on` for a `received` event, else
    /// `on`, else the UK calendar day of `at`.
    pub fn date(&self) -> NaiveDate {
        match &self.event {
            Event::Received { received_on, .. } => *received_on,
            _ => self.on.unwrap_or_else(|| uk_date(self.at)),
        }
    }
}

/// How a stage or a panel decided the complaint.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Upheld,
    PartlyUpheld,
    NotUpheld,
}

/// The kinds of remedy the Code names (Code 7).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RemedyKind {
    Apology,
    Action,
    ChangedDecision,
    AmendedRecord,
    Financial,
    ChangedPolicy,
}

impl RemedyKind {
    /// Every kind, in the order the Code names them.
    pub const ALL: [RemedyKind; 6] = [
        RemedyKind::Apology,
        RemedyKind::Action,
        RemedyKind::ChangedDecision,
        RemedyKind::AmendedRecord,
        RemedyKind::Financial,
        RemedyKind::ChangedPolicy,
    ];

    /// Its name on the wire and in the figures' tables (`changed_decision`).
    pub fn as_str(self) -> &'static str {
        match self {
            RemedyKind::Apology => "apology",
            RemedyKind::Action => "action",
            RemedyKind::ChangedDecision => "changed_decision",
            RemedyKind::AmendedRecord => "amended_record",
            RemedyKind::Financial => "financial",
            RemedyKind::ChangedPolicy => "changed_policy",
        }
    }
}

/// An amount of money as it is written: "£75.00".
pub fn pounds(pence: u64) -> String {
    format!("£{}.{:02}", pence / 100, pence % 100)
}

/// What money a financial remedy is (Code 7; Plus Dane §16, TORUS §3.4).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Money {
    /// For distress, inconvenience, time and trouble.
    Compensation,
    /// Paying back what the resident spent.
    Reimbursement,
    /// A payment the landlord chooses to make (ex gratia).
    Goodwill,
}

/// How a financial remedy reaches the resident.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Settlement {
    /// Paid to the resident.
    Paid,
    /// Set against money the resident owes the landlord (rent arrears),
    /// where the policy allows it (Plus Dane §16, TORUS §3.4).
    OffsetAgainstMoneyOwed,
    /// Given in kind, for example decorating materials (TORUS §3.4).
    InKind,
}

/// One way the landlord puts things right.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Remedy {
    pub kind: RemedyKind,
    pub description: String,
    /// For a financial remedy, the amount in pence.
    #[serde(default)]
    pub amount_pence: Option<u64>,
    /// For a financial remedy: what the money is (absent on remedies
    /// recorded before it was asked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub money: Option<Money>,
    /// For a financial remedy: how it is settled (absent: paid).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settlement: Option<Settlement>,
}

/// Something the landlord promised in a response and still has to do: who
/// does it, and by when. Each is followed to the end (issue 16, item 4).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct OutstandingAction {
    pub description: String,
    pub due: NaiveDate,
    /// Who does it: a person or a team ("Repairs team"). Empty on actions
    /// recorded before owners were kept.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
}

/// How a response reached the resident (issue 16, item 8).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SentBy {
    /// In the portal or by email: received the day it was sent.
    Online,
    /// By post: counted as received the policy's posting days later.
    Post,
}

/// How the resident takes part in a panel.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Attendance {
    Attend,
    WrittenSubmissions,
}

/// Someone who comes to the panel with the resident.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Representative {
    pub name: String,
    /// Their relation to the resident, for example "friend" or "relative".
    pub relation: String,
}

/// Why a case was closed.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ClosedWhy {
    /// The complaint was resolved.
    Resolved,
    /// No contact from the resident within the policy's time after a response.
    NoContact,
    /// Every agreed action is done.
    ActionsDone,
    /// The resident withdrew it.
    Withdrawn,
    /// The resident agreed that the panel will not meet (recorded by
    /// [`Event::PanelDispensed`], never closed with directly).
    PanelDispensed,
    /// Another reason, in words.
    Other(String),
}

/// The landlord's understanding of a complaint at a stage, which the Code
/// calls the complaint definition (5.6): what the complaint is about, and
/// the outcome the resident wants.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ComplaintDefinition {
    pub about: String,
    pub outcome_sought: String,
}

/// What happened.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    /// The case began: what kind it is and the day it reached the landlord.
    Received {
        kind: CaseKind,
        received_on: NaiveDate,
        /// What makes a complaint wait for a staff decision before it is
        /// taken on: the screening's ids (`outside_time_limit`, or an
        /// exclusion's id) of what the resident sent anyway.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        awaiting_decision: Vec<String>,
        /// It came through a councillor or an MP, who is owed a reply of
        /// their own where the policy promises one (Plus Dane §17).
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        through_councillor_or_mp: bool,
    },
    /// The landlord took on a complaint that waited for a decision: why,
    /// and the policy's listed exception that applies, if one does.
    Accepted {
        reason: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        exception: Option<String>,
    },
    /// The landlord declined to take the complaint on, with its reasons:
    /// the resident can take that decision to the Housing Ombudsman (Code 2.4).
    Declined { reasons: String },
    /// The landlord acknowledged the complaint (or the request for this
    /// stage), setting out its understanding of it: the complaint definition
    /// (Code 5.6). None on a compliment or a comment, and on acknowledgements
    /// recorded before definitions were kept.
    Acknowledged {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        definition: Option<ComplaintDefinition>,
    },
    /// The resident (or someone for them) says the complaint definition is
    /// not right, and what it should say: it reaches the caseworker, who
    /// clarifies it with them (Code 5.6).
    DefinitionQueried { text: String },
    /// A caseworker took the case: their name, and their account's public id
    /// (absent on assignments recorded before caseworkers were accounts).
    Assigned {
        #[serde(default)]
        caseworker: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        caseworker_id: Option<String>,
    },
    /// The response date of the current stage was moved.
    Extended {
        reason: String,
        new_date: NaiveDate,
        /// Whether the resident agreed to a date beyond the policy's limit.
        #[serde(default)]
        agreed_with_resident: bool,
        /// Why the date is beyond the policy's limit, where the policy allows
        /// that for a good reason (the Code, 6.4, and section 6 at stage 2); the resident is
        /// told it with the Housing Ombudsman's details.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        good_reason: Option<String>,
    },
    /// The landlord asked the resident for something.
    InformationRequested { what: String },
    /// The resident (or someone for them) added information.
    InformationGiven { text: String },
    /// The landlord's response at the current stage.
    Responded {
        /// Required for a complaint; none for a compliment or a comment.
        #[serde(default)]
        outcome: Option<Outcome>,
        #[serde(default)]
        reasons: String,
        #[serde(default)]
        remedies: Vec<Remedy>,
        #[serde(default)]
        outstanding_actions: Vec<OutstandingAction>,
        /// How it was sent (absent: online, received that day).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        sent_by: Option<SentBy>,
        /// What caused the complaint, from the policy's list of causes (its
        /// ids), and what the landlord learnt (Code section 9): for staff
        /// and the figures, never shown to the resident.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        root_causes: Vec<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        lessons: Option<String>,
    },
    /// The resident asked for the next stage. Never ask why (Code 6.12): the
    /// reason is optional.
    EscalationRequested {
        #[serde(default)]
        reason: Option<String>,
    },
    /// The landlord refused to take the complaint to the next stage.
    EscalationRefused { reasons: String },
    /// Instead of taking the complaint to the next stage, the landlord
    /// reopened the stage it had answered, because the resident brought new
    /// information that changes the investigation (Pioneer §6): why, as the
    /// resident is told. A new response at that stage is due.
    ReopenedAtStage { reasons: String },
    /// The resident asked for the panel.
    PanelRequested {
        attendance: Attendance,
        #[serde(default)]
        representative: Option<Representative>,
    },
    /// The panel's hearing date. A date after "today" means the panel is scheduled.
    PanelHeld { date: NaiveDate },
    /// The panel cannot meet by its date: the date it is now expected to
    /// meet by, and the explanation the resident is given (Pioneer §6:
    /// "we will keep the customer informed, offer an explanation").
    PanelDelayed { new_date: NaiveDate, reason: String },
    /// The resident agreed with the landlord that the panel will not meet,
    /// after it could not meet in time (Pioneer §6: "agree with the customer
    /// whether this stage should be dispensed with"): what was agreed. The
    /// complaint closes; the last stage's response is the final one.
    PanelDispensed { reason: String },
    /// The landlord replied to the councillor or MP the complaint came
    /// through, saying it is handled as a complaint (Plus Dane §17).
    RepliedToCouncillorOrMp,
    /// The panel's decision.
    PanelOutcome { outcome: Outcome, reasons: String },
    /// Whether the resident was satisfied.
    SatisfactionRecorded {
        satisfied: bool,
        #[serde(default)]
        comment: Option<String>,
    },
    /// The resident withdrew the complaint.
    Withdrawn {
        #[serde(default)]
        reason: Option<String>,
    },
    /// A promised action (numbered from 1 across the case, in the order the
    /// responses promised them) was done, on the record's day.
    ActionDone { action: u16 },
    /// A promised action was changed: what it now is, who does it and by
    /// when, and why. The resident is told.
    ActionChanged {
        action: u16,
        reason: String,
        description: String,
        owner: String,
        due: NaiveDate,
    },
    /// The case was closed.
    Closed { why: ClosedWhy },
    /// The complaint went to the Housing Ombudsman.
    ReferredToOmbudsman,
    /// A closed or withdrawn case was opened again.
    Reopened { reason: String },
    /// The resident's window to ask for the next stage (or a panel) closed
    /// on `last_day` without a request: recorded by the policy's clock.
    WindowClosed {
        window: super::DueKey,
        last_day: NaiveDate,
    },
}

impl Event {
    /// An acknowledgement without a complaint definition (a compliment's or
    /// a comment's, or one recorded before definitions were kept).
    pub fn acknowledged() -> Self {
        Event::Acknowledged { definition: None }
    }
}
