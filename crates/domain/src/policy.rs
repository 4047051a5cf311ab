//! A landlord's complaints policy, as data.
//!
//! Policies are written in TOML (see the README's "Policy file format") and
//! served to the app as JSON. Every figure is in working days unless the field
//! name says otherwise; where a policy's words leave the unit or the starting
//! point open, `readings` says which reading the preset takes (see [`Reading`]). `None` means the policy is silent on that point; the
//! engine then falls back to the Complaint Handling Code 2024 and says so
//! (see [`Policy::fallbacks`]).
//!
//! Six presets are built in (see [`presets`]): the Code itself, the default, and
//! five real landlords' policies. Each preset's TOML file cites, beside every
//! figure, the sentence of the policy it comes from.

use serde::{Deserialize, Serialize};

mod fallback;
mod hazards;
mod parse;
mod presets;
mod reading;
mod screening;

pub use fallback::Fallback;
pub use hazards::{
    Duty, DutyFrom, HazardDue, HazardDuty, HazardFlag, HazardKind, HazardScreen, Hazards,
};
pub use parse::PolicyError;
pub use presets::presets;
pub use reading::{DayUnit, Reading};
pub use screening::{without_section_references, ScreeningResult, OUTSIDE_TIME_LIMIT};

/// The policy new complaints run under unless the server is told otherwise:
/// the Housing Ombudsman's Complaint Handling Code 2024.
pub const DEFAULT_POLICY_ID: &str = "code-2024";

/// One landlord's complaints policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// Stable identifier, for example `code-2024` or `pioneer-2020`.
    pub id: String,
    /// The landlord's name, or the Code's.
    pub landlord: String,
    /// The policy's own title, for example "Complaints, Compliments & Comments Policy".
    pub title: String,
    /// Where the policy comes from: document reference, version and date.
    pub source: String,
    /// Plain-language summary shown on the start page.
    #[serde(default)]
    pub summary: String,
    /// The time limit for raising a complaint.
    #[serde(default)]
    pub time_limit: Option<TimeLimit>,
    /// The complaint stages, in order. Stage numbers start at 1.
    pub stages: Vec<Stage>,
    /// A resident-requested third-stage panel, where the policy has one.
    #[serde(default)]
    pub panel: Option<Panel>,
    /// How complaints close on their own.
    #[serde(default)]
    pub auto_close: Option<AutoClose>,
    /// The reply owed to a councillor or an MP who brings a complaint for a
    /// resident (Plus Dane §17), where the policy promises one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub councillor_and_mp: Option<CouncillorAndMp>,
    /// Complaints that many people make together through a spokesperson
    /// (Plus Dane §20), where the policy takes them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub petitions: Option<crate::petition::Petitions>,
    /// Equality monitoring of everyone who gives feedback, where the policy
    /// promises it (Pioneer §11): the resident is asked, optionally, about
    /// a case of theirs, and only the figures count the answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equality_monitoring: Option<EqualityMonitoring>,
    /// Matters that the policy does not treat as complaints.
    #[serde(default)]
    pub exclusions: Vec<Exclusion>,
    /// What a complaint can be about, for the first question of the form.
    #[serde(default)]
    pub categories: Vec<Category>,
    /// Good reasons for an extension that staff choose from.
    #[serde(default)]
    pub extension_reasons: Vec<String>,
    /// Who may complain and how representatives are authorised.
    #[serde(default)]
    pub complainants: Complainants,
    /// Housing Ombudsman guidance and contact details.
    pub ombudsman: Ombudsman,
    /// Other ways to complain: telephone, email, post.
    #[serde(default)]
    pub contact: Contact,
    /// Letters and forms the policy names.
    #[serde(default)]
    pub documents: Vec<Document>,
    /// Accessibility promises (formats, languages, reasonable adjustments).
    #[serde(default)]
    pub accessibility: Vec<String>,
    /// Required fields the policy's own text does not give, for example
    /// `stages[1].respond` when a policy names a second stage but no timescale
    /// for it. The file writes the Code's value there so the policy still runs,
    /// and [`Policy::fallbacks`] says so. Only `stages[N].respond` is accepted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub silent_on: Vec<String>,
    /// Lengths whose words in the policy can be read more than one way ("a
    /// further ten days"), each with the reading the portal takes and why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<Reading>,
    /// What the policy commits to on points the Code expects a written policy
    /// to cover, each in the policy's own words (`None`: the policy is silent).
    #[serde(default)]
    pub commitments: Commitments,
    /// Hazards first: the words that suggest a hazard Awaab's Law covers,
    /// its timescales with the statute, and the emergency repairs line.
    /// `None`, or no `kinds`: the Code preset's apply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hazards: Option<Hazards>,
    /// Working days after posting that a response sent by post counts as
    /// received; `None`: [`POSTING_DAYS`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub posting_days: Option<u32>,
    /// The causes a response can name, so the landlord learns from its
    /// complaints (Code section 9; Plus Dane §9, Pioneer's learning form).
    /// Empty: [`DEFAULT_ROOT_CAUSES`] (see [`Policy::root_causes`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub root_causes: Vec<RootCause>,
    /// How money the landlord pays to put things right may be settled,
    /// beyond paying it: each `Some` quotes the policy's words allowing it.
    #[serde(default)]
    pub remedies: RemedyRules,
}

/// How a financial remedy may be settled other than by paying it, in the
/// policy's own words (`None`: the policy does not allow it, so the portal
/// refuses it).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RemedyRules {
    /// Set against money the resident owes, such as rent arrears.
    #[serde(default)]
    pub offset_against_money_owed: Option<String>,
    /// Given in kind, such as decorating materials.
    #[serde(default)]
    pub in_kind: Option<String>,
}

/// A policy's own words on the points of the Complaint Handling Code 2024
/// that a written policy can show and no other field holds. Each is quoted
/// from the policy; `None` where the policy does not say it. The compliance
/// check reads them (see [`crate::compliance`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Commitments {
    /// A declined complaint gets its reasons in writing and the right to take
    /// the decision to the Housing Ombudsman (section 2 of the Code).
    #[serde(default)]
    pub declined_complaints: Option<String>,
    /// Stage 2 is considered by someone who did not deal with stage 1 (Code 6.13).
    #[serde(default)]
    pub different_person_at_stage_two: Option<String>,
    /// The response is sent when the answer is known, even if actions remain
    /// (Code 6.6); needed where complaints close only when actions are done.
    #[serde(default)]
    pub response_when_answer_known: Option<String>,
    /// How the landlord manages unacceptable behaviour by complainants (section 5 of the Code).
    #[serde(default)]
    pub unacceptable_behaviour: Option<String>,
    /// A published annual report on complaints (section 8 of the Code).
    #[serde(default)]
    pub annual_report: Option<String>,
    /// An annual self-assessment against the Code (section 8 of the Code).
    #[serde(default)]
    pub self_assessment: Option<String>,
    /// Words that let a resident's dissatisfaction be dealt with informally,
    /// outside the complaints process, unless the resident asks for a
    /// complaint. The Ombudsman found such a policy not in line with Code 1.4
    /// (its 2025 compliance check of Alliance Homes). `None`: the policy has none.
    #[serde(default)]
    pub dissatisfaction_handled_informally: Option<String>,
    /// A person or team responsible for complaint handling, liaising with the
    /// Housing Ombudsman and reporting to the governing body: the Code's
    /// "complaints officer" (Code 4.1).
    #[serde(default)]
    pub complaints_officer: Option<String>,
    /// An extra named step before stage 1 ("stage 0", "informal complaint"),
    /// which Code 5.2 says is not appropriate. `None`: the policy has none.
    #[serde(default)]
    pub informal_stage: Option<String>,
    /// A complaint handled for the landlord by a third party (a contractor, an
    /// adjudicator) stays within the landlord's two stages, and the landlord
    /// makes sure the third party follows the Code (Code 5.4 and 5.5).
    #[serde(default)]
    pub third_parties: Option<String>,
    /// Reasons, other than the policy's exclusions, for which the landlord may
    /// refuse to escalate a complaint (section 5 of the Code allows only the
    /// exclusions). `None`: the policy gives no such reason.
    #[serde(default)]
    pub refuses_escalation: Option<String>,
    /// How the landlord decides which complaints can be answered early and
    /// which need investigating, with regard to the resident's vulnerability
    /// (Code 6.1).
    #[serde(default)]
    pub triage: Option<String>,
    /// A resident need not say why they want stage 2 (Code 6.12).
    #[serde(default)]
    pub stage_two_without_reasons: Option<String>,
    /// Words that make a resident give reasons, or grounds, to reach stage 2,
    /// which Code 6.12 does not allow. `None`: the policy asks for none.
    #[serde(default)]
    pub stage_two_reasons_required: Option<String>,
    /// What the landlord does to put things right where something has gone
    /// wrong: an apology, an explanation, action, a financial remedy (Code 7.1).
    #[serde(default)]
    pub putting_things_right: Option<String>,
    /// Remedies are decided with regard to the Housing Ombudsman's remedies
    /// guidance (Code 7.4).
    #[serde(default)]
    pub remedies_guidance: Option<String>,
    /// What the policy says a stage response sets out in writing, and which
    /// of the Code's items that names (section 6 of the Code lists them for
    /// each stage).
    #[serde(default)]
    pub response_sets_out: Option<ResponseContents>,
    /// A suitably senior person accountable for complaint handling, who
    /// assesses themes and trends (Code 9.4).
    #[serde(default)]
    pub senior_lead: Option<String>,
    /// A member of the governing body with lead responsibility for
    /// complaints: the Member Responsible for Complaints (Code 9.5).
    #[serde(default)]
    pub member_responsible_for_complaints: Option<String>,
}

/// What a policy says a stage response sets out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ResponseContents {
    /// The policy's own words.
    pub policy_says: String,
    /// The Code's items those words name.
    #[serde(default)]
    pub items: Vec<ResponseItem>,
}

/// What the Code says each stage response confirms in writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ResponseItem {
    /// The complaint stage.
    Stage,
    /// The complaint definition: the landlord's understanding of the complaint
    /// and the outcomes the resident wants.
    Definition,
    /// The decision on the complaint.
    Decision,
    /// The reasons for each decision.
    Reasons,
    /// Any remedy offered to put things right.
    Remedy,
    /// Any outstanding actions.
    OutstandingActions,
    /// How to escalate to stage 2, or, after stage 2, to the Housing Ombudsman.
    NextStep,
}

impl ResponseItem {
    /// Every item, in the Code's order.
    pub const ALL: [ResponseItem; 7] = [
        ResponseItem::Stage,
        ResponseItem::Definition,
        ResponseItem::Decision,
        ResponseItem::Reasons,
        ResponseItem::Remedy,
        ResponseItem::OutstandingActions,
        ResponseItem::NextStep,
    ];

    /// The item in plain words.
    pub fn words(self) -> &'static str {
        match self {
            ResponseItem::Stage => "the complaint stage",
            ResponseItem::Definition => "the complaint definition (the landlord's understanding of the complaint and the outcomes the resident wants)",
            ResponseItem::Decision => "the decision",
            ResponseItem::Reasons => "the reasons for each decision",
            ResponseItem::Remedy => "any remedy offered",
            ResponseItem::OutstandingActions => "any outstanding actions",
            ResponseItem::NextStep => "how to escalate, or after stage 2 how to go to the Housing Ombudsman",
        }
    }
}

/// The time limit for raising a complaint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TimeLimit {
    /// Calendar months from the issue (or from becoming aware of it).
    pub months: u32,
    /// Whether the clock may start when the resident became aware of the issue.
    #[serde(default)]
    pub from_awareness: bool,
    /// Matters the time limit does not apply to, in plain language.
    #[serde(default)]
    pub exceptions: Vec<String>,
    /// Whether the landlord may use discretion beyond the limit.
    #[serde(default)]
    pub discretion: bool,
    /// The policy's own words setting the limit, quoted by the compliance check.
    #[serde(default)]
    pub policy_says: Option<String>,
}

/// One complaint stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Stage {
    /// 1, 2 (or 3 for a policy whose third stage is not a panel).
    pub number: u8,
    /// The stage's name in the policy, for example "Senior officer review".
    pub name: String,
    /// Acknowledgement target, counted from the stage's start.
    #[serde(default)]
    pub acknowledge: Option<Target>,
    /// Response target.
    pub respond: Target,
    /// The extension the policy allows to the response target.
    #[serde(default)]
    pub extension: Option<Extension>,
    /// The window for asking for the next stage, counted from this stage's response.
    /// `None`: the policy sets no window.
    #[serde(default)]
    pub next_stage_window: Option<u32>,
    /// What that window counts from: the day the response was sent (the
    /// default), or the day the resident received it (Pivotal §9).
    #[serde(default, skip_serializing_if = "WindowFrom::is_sent")]
    pub next_stage_window_from: WindowFrom,
    /// The policy's words letting staff answer a request for the next
    /// stage, when the resident brings new information that changes the
    /// investigation, by reopening the complaint at this stage instead
    /// (Pioneer §6: "we will reopen the case at the existing stage").
    /// `None`: a request is taken to the next stage or refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reopen_on_new_information: Option<String>,
}

/// What a resident's window to ask for the next stage counts from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum WindowFrom {
    /// The day the response was sent.
    #[default]
    ResponseSent,
    /// The day the resident received it: that day in the portal or by
    /// email; by post, the policy's posting days later.
    ResponseReceived,
}

impl WindowFrom {
    fn is_sent(&self) -> bool {
        *self == WindowFrom::ResponseSent
    }
}

/// A cause a response can name: its id, as events record it, and its label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RootCause {
    pub id: String,
    pub label: String,
}

/// The causes offered where a landlord has not listed its own: the themes
/// that landlords' annual complaints reports most often count.
pub const DEFAULT_ROOT_CAUSES: [(&str, &str); 9] = [
    (
        "communication",
        "Communication: not kept informed, or told the wrong thing",
    ),
    ("delay", "Delay: a service or repair took too long"),
    ("quality", "Quality: work not done properly the first time"),
    ("missed_appointment", "A missed appointment"),
    ("staff_conduct", "Staff conduct or attitude"),
    (
        "policy_or_process",
        "A policy or process that did not work for the resident",
    ),
    ("contractor", "A contractor's performance"),
    ("records", "Records or information that were wrong"),
    ("other", "Another cause"),
];

/// Working days after posting that a letter counts as received, where the
/// policy does not say (issue 16, item 8).
pub const POSTING_DAYS: u32 = 2;

/// A target: `days` working days after `from`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub days: u32,
    pub from: TargetFrom,
}

/// What a target counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TargetFrom {
    /// The day the complaint (or the request for this stage) was received.
    Receipt,
    /// The day the landlord acknowledged it.
    Acknowledgement,
}

/// How far a response target may be extended.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Extension {
    /// At most this many working days after the original due date.
    #[serde(default)]
    pub max_days: Option<u32>,
    /// The extended date may not be later than this many working days after receipt.
    #[serde(default)]
    pub max_total_days_from_receipt: Option<u32>,
    /// Whether a longer extension is possible when both sides agree.
    #[serde(default)]
    pub beyond_by_agreement: bool,
    /// Whether a longer extension is possible with a good reason that staff
    /// record and the resident is told (the Code, 6.4 and section 6 at stage 2: "no more than
    /// 10 [20] working days without good reason").
    #[serde(default)]
    pub beyond_with_good_reason: bool,
    /// Whether the resident must be told the Ombudsman's details with the extension.
    #[serde(default)]
    pub ombudsman_details_required: bool,
}

/// Correspondence from local councillors and MPs: the reply the policy
/// promises them, separate from the complaint's own stages (Plus Dane §17:
/// "acknowledged and responded to within 10 working days of receipt").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CouncillorAndMp {
    /// Working days from receipt to reply to the councillor or MP.
    pub reply_within: u32,
    /// The policy's own words.
    pub policy_says: String,
}

/// The policy's promise to monitor the people who give feedback by their
/// protected characteristics (see [`crate::equality`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EqualityMonitoring {
    /// The policy's own words.
    pub policy_says: String,
}

/// A resident-requested panel after the last landlord stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Panel {
    /// The stage number the panel takes (3).
    pub number: u8,
    pub name: String,
    /// Working days after the previous stage's response to ask for the panel.
    pub request_window: u32,
    /// Working days after the request within which the panel meets.
    pub convene_within: u32,
    /// Working days after the hearing within which the outcome is sent.
    pub outcome_within: u32,
    /// Whether the resident may choose to send written submissions instead of attending.
    pub written_submissions: bool,
    /// Who may represent the resident at the panel, for example "friend", "relative".
    pub representatives: Vec<String>,
    /// Whether a legal representative may attend.
    pub legal_representative_allowed: bool,
    /// Whether a panel is refused once the case has gone to the Housing Ombudsman.
    pub not_after_ombudsman: bool,
    /// What the policy says happens when the panel cannot meet in time, where
    /// it lets the landlord and the resident agree to go without it (Pioneer
    /// §6: "agree with the customer whether this stage should be dispensed
    /// with"), in its own words. Absent: the panel cannot be dispensed with;
    /// its date can still be put back, with the reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispense_by_agreement: Option<String>,
}

/// How a complaint closes without the resident asking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AutoClose {
    pub rule: AutoCloseRule,
    /// Working days, where the rule counts any.
    #[serde(default)]
    pub days: Option<u32>,
    /// The policy's own words.
    pub description: String,
    /// Who must approve closing a complaint before everything it promised
    /// is done ("A Service Manager", TORUS §5.1), in the policy's words;
    /// `None`: a caseworker may, with a reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub early_close_approved_by: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AutoCloseRule {
    /// Closed when there is no contact within `days` of a stage 1 response.
    NoContactAfterResponse,
    /// A satisfaction survey is attempted if there is no reply within `days` of the outcome.
    SurveyAfterOutcome,
    /// Closed only when every agreed action is done.
    WhenActionsDone,
}

/// A matter the policy does not handle as a complaint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Exclusion {
    /// Stable identifier, for example `service_request`.
    pub id: String,
    /// Short title: "A repair or a request for a service".
    pub title: String,
    /// Kindly, why this is not handled as a complaint.
    pub explanation: String,
    /// What to do instead.
    pub instead: String,
    /// Whether the resident may still insist on a complaint.
    #[serde(default)]
    pub may_insist: bool,
    /// Lower-case words or phrases in a description that suggest this matter.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Whether this leaves out complaints about the landlord's own staff,
    /// which the Code's definition of a complaint includes (Code 1.2).
    #[serde(default)]
    pub about_own_staff: bool,
    /// The policy's own words for the exclusion, quoted by the compliance check.
    #[serde(default)]
    pub policy_says: Option<String>,
}

/// What a complaint can be about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub hint: String,
}

/// Who may complain.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Complainants {
    /// "tenants", "leaseholders", ...
    #[serde(default)]
    pub who: Vec<String>,
    /// Who may act for a resident: "friend", "relative", "advocate", "councillor", ...
    #[serde(default)]
    pub representatives: Vec<String>,
    /// The form that authorises a representative, for example "Form 703.c".
    #[serde(default)]
    pub authorisation_form: Option<String>,
    /// How anonymous complaints are handled, in the policy's words.
    #[serde(default)]
    pub anonymous: Option<String>,
    /// What the policy says of a complaint made in confidence, in its words
    /// (seed 001, TORUS section 2), served with the policy. The portal offers
    /// confidentiality under every policy: only the complaints team, and
    /// whoever took the complaint, sees who raised it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_confidence: Option<String>,
}

/// Housing Ombudsman guidance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Ombudsman {
    pub name: String,
    pub telephone: String,
    pub website: String,
    pub address: String,
    /// Guidance paragraphs, each tagged with where a complaint stands.
    pub guidance: Vec<Guidance>,
}

/// A paragraph of guidance that fits a point in the process.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Guidance {
    pub when: GuidanceWhen,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum GuidanceWhen {
    /// At any time.
    Always,
    /// While the landlord's process is under way.
    DuringProcess,
    /// After the landlord's final response.
    AfterFinalResponse,
    /// When the landlord refused to accept or escalate a complaint.
    AfterRefusal,
}

/// Other ways to complain.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Contact {
    #[serde(default)]
    pub telephone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub post: Option<String>,
    /// The landlord's own complaints web page or portal, where the policy names one.
    #[serde(default)]
    pub website: Option<String>,
}

/// A letter or form that the policy names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub kind: DocumentKind,
    pub name: String,
    #[serde(default)]
    pub reference: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    Letter,
    Form,
}

impl Policy {
    /// Working days after posting that a letter counts as received.
    pub fn posting_days(&self) -> u32 {
        self.posting_days.unwrap_or(POSTING_DAYS)
    }

    /// The causes a response can name: the policy's own, or the defaults.
    pub fn root_causes(&self) -> Vec<RootCause> {
        if !self.root_causes.is_empty() {
            return self.root_causes.clone();
        }
        DEFAULT_ROOT_CAUSES
            .iter()
            .map(|(id, label)| RootCause {
                id: (*id).to_owned(),
                label: (*label).to_owned(),
            })
            .collect()
    }
}
