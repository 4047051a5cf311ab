//! How a policy compares with the Housing Ombudsman's Complaint Handling Code 2024.
//!
//! The check reads the policy *as written*, not [`Policy::effective`]: where a
//! policy is silent and the Code's value fills in, the portal still runs to the
//! Code, so that is [`Severity::Advice`] (the published policy should say it).
//! Where the policy says something the Code does not allow, that is a
//! [`Severity::Breach`]. A policy with breaches still runs as written.
//!
//! Each finding names the provision, quotes the policy's own words where it
//! has any on the point (`policy_says`), and says what would comply
//! (`to_comply`).
//!
//! Provisions are the Code 2024's, each confirmed from a published source
//! (see `docs/code-provisions.md`); where the number is not confirmed, the
//! finding names the section alone. What the check judges is listed in
//! [`CHECKED`]; what it cannot judge from a written policy, or does not read
//! from it yet, is listed in [`NOT_JUDGED`] with the reason. The table in
//! `docs/code-provisions.md` ("What the compliance check covers") puts every
//! provision that the team's digest of the Code says a policy can show in
//! one or the other, and a test holds the two lists to it.

use serde::{Deserialize, Serialize};

use crate::policy::{
    AutoCloseRule, Extension, GuidanceWhen, Policy, ResponseItem, Stage, TargetFrom,
};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The policy says something the Code does not allow.
    Breach,
    /// The policy is silent or unclear where the Code expects it to say something;
    /// the Code's value applies meanwhile.
    Advice,
}

/// One way a policy falls short of the Code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Finding {
    /// The Code's provision, for example "5.3", or its section alone ("6")
    /// where the provision's number is not confirmed.
    pub section: String,
    pub severity: Severity,
    /// A plain sentence: what the policy says and what the Code expects.
    pub message: String,
    /// The policy's own words on the point, where it has any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy_says: Option<String>,
    /// What the policy would need to say to comply.
    pub to_comply: String,
}

/// What the check judges from a written policy: (section, what). A section
/// is the Code's provision, or the section alone where the provision's
/// number is not confirmed. Every finding's `section` is one of these.
pub const CHECKED: [(&str, &str); 28] = [
    ("1.2", "an exclusion of complaints about the landlord's own staff"),
    ("1.4", "that the policy tells a service request from a complaint, and does not keep dissatisfaction out of the complaints process"),
    ("1.5", "that a resident unhappy with the response to a service request can complain"),
    ("2.2", "that the policy sets out what it will not consider"),
    ("2.3", "the time limit for complaining, from the issue or from becoming aware, with discretion beyond it"),
    ("2", "that a declined complaint gets reasons in writing and the Ombudsman's route"),
    ("3", "that residents are told correctly how to reach the Ombudsman, and may have a representative"),
    ("4.1", "a person or team responsible for complaint handling"),
    ("5.2", "no extra named stage before stage 1"),
    ("5.3", "no more than two stages"),
    ("5.4", "that complaints handled by a third party stay within the two stages"),
    ("5", "escalation refused only for the exclusions; a policy on unacceptable behaviour"),
    ("6.1", "how complaints are sorted, with regard to complexity and vulnerability"),
    ("6.2", "the stage 1 acknowledgement"),
    ("6.3", "the stage 1 response"),
    ("6.4", "the stage 1 extension"),
    ("6.5", "the Ombudsman's details with a stage 1 extension"),
    ("6.6", "that the response is sent when the answer is known"),
    ("6.10", "a second stage"),
    ("6.11", "the stage 2 acknowledgement"),
    ("6.12", "that a resident need not say why they want stage 2"),
    ("6.13", "that someone uninvolved at stage 1 considers stage 2"),
    ("6", "the stage 2 response, its extension and the Ombudsman's details with it; what each stage response sets out"),
    ("7.1", "that the policy says how things are put right"),
    ("7.4", "that remedies follow the Ombudsman's remedies guidance"),
    ("8", "an annual complaints report with a self-assessment against the Code"),
    ("9.4", "a senior lead accountable for complaint handling, who looks at themes"),
    ("9.5", "a Member Responsible for Complaints"),
];

/// What the check cannot judge from a written policy, or does not read from
/// it yet, each with why: (section, what). The README lists these, and
/// `docs/code-provisions.md` maps every provision the Code's digest marks as
/// shown by a policy to a finding here or to one of these.
pub const NOT_JUDGED: [(&str, &str); 26] = [
    ("1", "whether the policy starts from a shared understanding of what a complaint is: the section's opening sets no requirement of its own to check"),
    ("1.3", "whether residents are offered a complaint whenever they express dissatisfaction, and complaints made through a representative are handled under the policy: a matter of how staff respond each time"),
    ("1.4", "whether service requests are recorded, monitored and reviewed: a matter of the landlord's records"),
    ("1", "whether residents who answer a survey, or are asked for feedback, are told how to complain: the check does not read the landlord's surveys"),
    ("2.1", "whether each complaint is accepted unless there is a valid reason, considered on its own merits, with the reason for declining it evidenced: a matter of each decision (the check reads the exclusions the policy lists)"),
    ("2", "whether exclusions are applied to each complaint's own circumstances, never as a blanket rule: a matter of each decision"),
    ("3.1", "whether complaining is easy in practice, through several channels, with reasonable adjustments anticipated: a matter of what the landlord offers"),
    ("3.2", "whether residents can complain in any way and to any member of staff, and every member of staff can pass a complaint on: a matter of training and practice"),
    ("3", "whether a high number of complaints is treated as a bad sign: a matter of how the landlord reads its figures"),
    ("3", "whether the policy is published on the landlord's website in a clear, accessible format: the check reads the policy, not where it is published"),
    ("3", "whether the policy says how the landlord publicises it, the Housing Ombudsman and the Code: the check does not read this from the policy yet"),
    ("4", "whether the complaints officer can reach staff at every level and has the authority to settle disputes: a matter of how the landlord is organised"),
    ("4", "whether complaint handling is resourced and the staff who handle complaints are trained: a matter of how the landlord is organised"),
    ("5", "whether the landlord has a single complaints policy and treats residents who complain no differently: the check reads one policy at a time"),
    ("5.6", "whether each complaint is defined, with the outcomes the resident wants, when it is logged or escalated: a matter of each case"),
    ("5.7", "whether each acknowledgement says which parts of the complaint the landlord is, and is not, responsible for: a matter of each case"),
    ("5", "whether each complaint is decided on its merits, fairly and with an open mind, with conflicts of interest dealt with, and fully recorded: a matter of each case"),
    ("5", "whether updates are agreed with the resident when a response will be late, and reasonable adjustments are made, recorded and reviewed: a matter of each case"),
    ("5", "whether a complaint can be put right at any stage, with remedies available without escalating: the check does not read this from the policy yet"),
    ("5", "whether each restriction on contact is evidenced, proportionate and reviewed: a matter of each case (the check asks only that the policy has a policy on unacceptable behaviour)"),
    ("6", "whether each response meets its date and answers every point with reasons: a matter of each case"),
    ("6", "whether a new issue raised during an investigation is added to the response or logged as a new complaint: a matter of each case"),
    ("7", "whether each remedy matches the harm, says what will happen and by when, and is carried out: a matter of each case"),
    ("8", "whether the annual report goes to the governing body and is published with its response: a matter of what the landlord publishes"),
    ("9", "whether learning from complaints is reported to residents, staff and committees, reaches the governing body and changes services: a matter of what the landlord does with it"),
    ("9", "whether every relevant employee, and any third party handling complaints, has a standard objective on complaint handling: set in staff objectives, not in the complaints policy"),
];

/// The Code's figures, in working days.
const CODE_TIME_LIMIT_MONTHS: u32 = 12;
const CODE_ACKNOWLEDGE: u32 = 5;
const CODE_RESPOND: [u32; 2] = [10, 20];
const CODE_EXTENSION: [u32; 2] = [10, 20];

/// Words that say a paragraph names the designated-person route or the 8-week wait.
const REMOVED_ROUTES: [&str; 6] = [
    "designated person",
    "democratic filter",
    "eight weeks",
    "8 weeks",
    "eight-week",
    "8-week",
];
/// Words that say the paragraph tells the reader those routes have ended.
const ENDED: [&str; 5] = [
    "no longer",
    "ended",
    "removed",
    "abolished",
    "1 october 2022",
];

/// Builds findings in the Code's order.
struct Findings<'a> {
    policy: &'a Policy,
    list: Vec<Finding>,
}

impl Findings<'_> {
    fn add(
        &mut self,
        section: &str,
        severity: Severity,
        message: String,
        policy_says: Option<&str>,
        to_comply: &str,
    ) {
        self.list.push(Finding {
            section: section.to_owned(),
            severity,
            message,
            policy_says: policy_says.map(str::to_owned),
            to_comply: to_comply.to_owned(),
        });
    }
}

/// The policy's words for a length it sets, from its readings.
fn words_for<'p>(policy: &'p Policy, field: &str) -> Option<&'p str> {
    policy
        .readings
        .iter()
        .find(|r| r.field == field)
        .map(|r| r.policy_says.as_str())
}

/// Every way `policy` falls short of the Complaint Handling Code 2024, in the
/// Code's order. Empty for the `code-2024` preset.
pub fn check(policy: &Policy) -> Vec<Finding> {
    let mut f = Findings {
        policy,
        list: Vec::new(),
    };
    let commitments = &policy.commitments;

    // 1.2: a complaint includes one about the landlord's own staff.
    for exclusion in policy.exclusions.iter().filter(|e| e.about_own_staff) {
        f.add(
            "1.2",
            Severity::Breach,
            format!(
                "The policy does not treat \"{}\" as a complaint; the Code defines a complaint as dissatisfaction with the landlord, its own staff or anyone acting for it, so a complaint about a member of staff must go through the complaints process.",
                exclusion.title
            ),
            exclusion.policy_says.as_deref(),
            "Handle complaints about staff as complaints, at stage 1 and stage 2; a disciplinary process can run alongside but cannot replace the complaint's answer.",
        );
    }

    // 1.4: the policy sets out how a service request differs from a complaint.
    if !policy.exclusions.iter().any(|e| e.id == "service_request") {
        f.add(
            "1.4",
            Severity::Advice,
            "The policy does not set out the difference between a service request and a complaint; the Code requires it to.".into(),
            None,
            "Say that a service request (a resident asking the landlord to put something right, such as a repair) is not a complaint, that service requests are recorded, monitored and reviewed, and that a resident unhappy with the response to one can complain.",
        );
    }

    // 1.4: dissatisfaction is not kept out of the complaints process. The
    // Ombudsman's 2025 compliance check of Alliance Homes found a policy that
    // handled a dissatisfied resident's matter as a service request, because
    // they did not want to pursue it formally, not in line with 1.4.
    if let Some(words) = &commitments.dissatisfaction_handled_informally {
        f.add(
            "1.4",
            Severity::Advice,
            "The policy lets a resident's dissatisfaction be dealt with informally, outside the complaints process, unless the resident asks for a complaint; the Code defines any expression of dissatisfaction as a complaint and keeps service requests for requests to put something right, and the Ombudsman has found a policy that treated a dissatisfied resident's matter as a service request, because they did not want to pursue it formally, not in line with the Code.".into(),
            Some(words),
            "Say that when a resident expresses dissatisfaction they are offered a complaint, and that a matter settled straight away is still recorded as a complaint where it meets the definition; settling it quickly can be the stage 1 response.",
        );
    }

    // 1.5: a resident unhappy with how a service request went must be able to
    // complain. `may_insist` is the portal's reading of the policy: the
    // resident can always have a complaint raised, and the preset quotes
    // beside it the policy's words making dissatisfaction a complaint. An
    // exclusion a resident cannot get past is what the Code does not allow.
    if let Some(exclusion) = policy
        .exclusions
        .iter()
        .find(|e| e.id == "service_request" && !e.may_insist)
    {
        f.add(
            "1.5",
            Severity::Breach,
            format!(
                "The policy excludes \"{}\" without letting the resident insist on a complaint; the Code says dissatisfaction with the response to a service request must be taken as a complaint.",
                exclusion.title
            ),
            exclusion.policy_says.as_deref(),
            "Say that a resident unhappy with how a service request was dealt with can complain, and that the complaint is raised while the request carries on.",
        );
    }

    // 2.2: the policy must set out what it will not consider.
    if policy.exclusions.is_empty() {
        f.add(
            "2.2",
            Severity::Advice,
            "The policy does not set out what it will not consider as a complaint; the Code expects it to, and the Code's exclusions apply meanwhile.".into(),
            None,
            "List the matters the policy will not treat as complaints, each fair and reasonable, such as matters more than 12 months old, matters before a court, or matters already through the process.",
        );
    }

    // 2.3: 12 months from the issue or from becoming aware; discretion beyond.
    const TWELVE_MONTHS: &str = "Accept complaints made within 12 months of the issue or of the resident becoming aware of it, and consider accepting older ones where there is good reason.";
    match &policy.time_limit {
        None => f.add(
            "2.3",
            Severity::Advice,
            "The policy sets no time limit for making a complaint; the Code's 12 months from the issue, or from becoming aware of it, apply.".into(),
            None,
            TWELVE_MONTHS,
        ),
        Some(limit) => {
            let says = limit.policy_says.as_deref();
            if limit.months < CODE_TIME_LIMIT_MONTHS {
                f.add(
                    "2.3",
                    Severity::Breach,
                    format!(
                        "The policy refuses complaints about things more than {} months old; the Code requires landlords to accept complaints made within 12 months of the issue or of the resident becoming aware of it.",
                        limit.months
                    ),
                    says,
                    TWELVE_MONTHS,
                );
            } else if !limit.from_awareness {
                f.add(
                    "2.3",
                    Severity::Advice,
                    format!(
                        "The policy counts its {} months from the issue only; the Code also counts from when the resident became aware of it.",
                        limit.months
                    ),
                    says,
                    "Count the time limit from the issue or from when the resident became aware of it, whichever is later.",
                );
            }
            if !limit.discretion {
                f.add(
                    "2.3",
                    Severity::Advice,
                    "The policy does not say it will consider accepting a complaint outside its time limit where there is good reason; the Code requires landlords to consider it.".into(),
                    says,
                    "Say the landlord will consider accepting a complaint outside the time limit where there is good reason.",
                );
            }
        }
    }

    // Section 2: a declined complaint gets reasons and the Ombudsman's route.
    if commitments.declined_complaints.is_none() {
        f.add(
            "2",
            Severity::Advice,
            "The policy does not say what a resident is told when a complaint is not accepted; the Code requires the reasons in writing and the resident's right to take that decision to the Housing Ombudsman. The portal tells residents so meanwhile.".into(),
            None,
            "Say that when a complaint is not accepted the resident is told why in writing and that they can ask the Housing Ombudsman to look at that decision.",
        );
    }

    // Section 3: the Ombudsman guidance must be current.
    for guidance in &policy.ombudsman.guidance {
        const CURRENT_ROUTE: &str = "Remove the designated-person route and the eight-week wait, and say residents can go to the Housing Ombudsman Service once the landlord's process is complete, or sooner for advice.";
        if mentions_removed_route(&guidance.text) && !names_removed_route(&guidance.text) {
            f.add(
                "3",
                Severity::Advice,
                format!(
                    "The landlord's own policy still describes the designated-person route or the eight-week wait. The guidance here ({}) says both ended on 1 October 2022; the Code expects residents to be told correctly how to reach the Ombudsman, so the published policy should say so too.",
                    when_words(guidance.when)
                ),
                None,
                CURRENT_ROUTE,
            );
        }
        if names_removed_route(&guidance.text) {
            f.add(
                "3",
                Severity::Breach,
                format!(
                    "The Ombudsman guidance ({}) still tells residents to go through a designated person or wait eight weeks; both ended on 1 October 2022, and residents can go to the Housing Ombudsman Service once the landlord's process is complete.",
                    when_words(guidance.when)
                ),
                Some(&guidance.text),
                CURRENT_ROUTE,
            );
        }
    }

    // Section 3: a resident may have someone complain for them.
    if policy.complainants.representatives.is_empty() {
        f.add(
            "3",
            Severity::Advice,
            "The policy names no one who may complain for a resident; the Code expects residents to be able to have a representative deal with their complaint and come to meetings with them.".into(),
            None,
            "Say a resident can have a representative (a friend, relative, advocate, councillor or MP) deal with the complaint for them and be accompanied at meetings.",
        );
    }

    // 4.1: a complaints officer.
    if commitments.complaints_officer.is_none() {
        f.add(
            "4.1",
            Severity::Advice,
            "The policy does not name a person or team responsible for complaint handling; the Code requires one (the \"complaints officer\"), who liaises with the Housing Ombudsman and makes sure complaints are reported to the governing body.".into(),
            None,
            "Name the person or team responsible for complaint handling, and say they liaise with the Housing Ombudsman and report complaints to the governing body.",
        );
    }

    // 5.2: no extra named stage before stage 1.
    if let Some(words) = &commitments.informal_stage {
        f.add(
            "5.2",
            Severity::Breach,
            "The policy names an extra step before stage 1 (an informal or \"stage 0\" complaint); the Code says resolving issues early is good but extra named stages are not appropriate, because they confuse residents.".into(),
            Some(words),
            "Resolve issues early within stage 1, or as a service request, and drop the extra named stage: a resident who is unhappy has made a stage 1 complaint.",
        );
    }

    // 5.3: two stages only.
    const TWO_STAGES: &str =
        "Have two stages only: stage 1, and stage 2 as the landlord's final response.";
    if policy.stages.len() > 2 {
        f.add(
            "5.3",
            Severity::Breach,
            format!(
                "The policy has {} stages; the Code allows two only, because more make the process unduly long and delay access to the Ombudsman.",
                policy.stages.len()
            ),
            None,
            TWO_STAGES,
        );
    }
    if let Some(panel) = &policy.panel {
        f.add(
            "5.3",
            Severity::Breach,
            format!(
                "The policy adds a stage {} (\"{}\"); the Code does not allow a process with more than two stages under any circumstances.",
                panel.number, panel.name
            ),
            None,
            "Drop the third stage, or make the panel part of stage 2 so the stage 2 response is still the final one.",
        );
    }

    // 5.4 and 5.5: a third party handling complaints stays within the two stages.
    if commitments.third_parties.is_none() {
        f.add(
            "5.4",
            Severity::Advice,
            "The policy does not say that a complaint handled for the landlord by a third party, such as a contractor, stays within the landlord's two stages; the Code requires it, so residents never go through two complaints processes, and makes the landlord responsible for the third party following the Code.".into(),
            None,
            "Say that complaints handled by a contractor or other third party for the landlord go through the landlord's own two stages, and that the landlord makes sure the third party follows the Code.",
        );
    }

    // Section 5 (its number not confirmed): escalation is refused only for the
    // reasons that exclude a complaint.
    if let Some(words) = &commitments.refuses_escalation {
        f.add(
            "5",
            Severity::Breach,
            "The policy lets the landlord refuse to take a complaint to stage 2 for a reason that is not one of its exclusions; the Code allows a refusal to escalate only for valid reasons, set out clearly, that are the same as for not accepting a complaint.".into(),
            Some(words),
            "Escalate every complaint the resident asks to escalate, unless one of the policy's exclusions applies; give the reasons in writing and the resident's right to take that decision to the Housing Ombudsman.",
        );
    }

    // Section 5: unacceptable behaviour.
    if commitments.unacceptable_behaviour.is_none() {
        f.add(
            "5",
            Severity::Advice,
            "The policy says nothing about unacceptable behaviour by complainants; the Code requires a policy for managing it, with any restriction evidenced, proportionate, kept under review and with regard to the Equality Act 2010.".into(),
            None,
            "Have a policy on unacceptable behaviour, name it here, and say restrictions are evidenced, proportionate and reviewed.",
        );
    }

    if policy.stages.len() < 2 {
        f.add(
            "6.10",
            Severity::Breach,
            "The policy has one stage; the Code requires a stage 2 for a resident still unhappy after stage 1.".into(),
            None,
            TWO_STAGES,
        );
    }

    // 6.1: deciding which complaints can be answered early, with regard to vulnerability.
    if commitments.triage.is_none() {
        f.add(
            "6.1",
            Severity::Advice,
            "The policy does not say how the landlord decides which complaints can be answered early and which need investigating; the Code requires a process for this that takes into account the complaint's complexity and whether the resident is vulnerable or at risk.".into(),
            None,
            "Say how complaints are sorted into those answered early and those investigated, taking into account how complex each is and whether the resident is vulnerable or at risk.",
        );
    }

    for stage in policy.stages.iter().take(2) {
        check_stage(&mut f, stage);
        if stage.number == 1 {
            check_response_when_known(&mut f);
        }
    }

    // Section 6 (the numbers not confirmed): what each stage response sets out.
    check_response_contents(&mut f);

    // 6.12: no reasons needed for stage 2.
    if policy.stages.len() >= 2 {
        const NO_REASONS: &str = "Say that a resident does not have to explain why they want stage 2, and that the landlord will make reasonable efforts to understand why they are still unhappy.";
        if let Some(words) = &commitments.stage_two_reasons_required {
            f.add(
                "6.12",
                Severity::Breach,
                "The policy asks the resident for reasons, or grounds, before a complaint goes to stage 2; the Code says residents must not be required to explain why they want stage 2.".into(),
                Some(words),
                NO_REASONS,
            );
        } else if commitments.stage_two_without_reasons.is_none() {
            f.add(
                "6.12",
                Severity::Advice,
                "The policy does not say that a resident need not explain why they want stage 2; the Code says they must not be required to, and the landlord should try to understand why they are still unhappy. The portal lets a resident ask for stage 2 without giving a reason.".into(),
                None,
                NO_REASONS,
            );
        }
    }

    // 6.13: someone else considers stage 2.
    if policy.stages.len() >= 2 && commitments.different_person_at_stage_two.is_none() {
        f.add(
            "6.13",
            Severity::Advice,
            "The policy does not say stage 2 is considered by someone who did not deal with the complaint at stage 1; the Code requires it.".into(),
            None,
            "Say that stage 2 is considered by a person who was not involved at stage 1.",
        );
    }

    // 7.1: putting things right.
    if commitments.putting_things_right.is_none() {
        f.add(
            "7.1",
            Severity::Advice,
            "The policy does not say what the landlord does when something has gone wrong; the Code requires it to acknowledge the failure and say what it has done or will do to put things right.".into(),
            None,
            "Say that where something has gone wrong the landlord acknowledges it and puts it right, for example by an apology, an explanation, doing what was delayed, changing a decision, correcting a record, a financial remedy or changing a policy.",
        );
    }

    // 7.4: the Ombudsman's remedies guidance.
    if commitments.remedies_guidance.is_none() {
        f.add(
            "7.4",
            Severity::Advice,
            "The policy does not say remedies are decided with regard to the Housing Ombudsman's remedies guidance; the Code requires landlords to take it into account.".into(),
            None,
            "Say that the landlord takes the Housing Ombudsman's remedies guidance into account when deciding a remedy, including any compensation.",
        );
    }

    // Section 8: the annual report and self-assessment.
    match (&commitments.annual_report, &commitments.self_assessment) {
        (_, Some(_)) => {}
        (Some(report), None) => f.add(
            "8",
            Severity::Advice,
            "The policy promises an annual report but not a self-assessment against the Code; the Code requires an annual complaints performance and service improvement report that includes the self-assessment, reported to the governing body and published.".into(),
            Some(report),
            "Commit to an annual self-assessment against the Code, published in the annual complaints performance and service improvement report with the governing body's response.",
        ),
        (None, None) => f.add(
            "8",
            Severity::Advice,
            "The policy does not commit to an annual complaints report or a self-assessment against the Code; the Code requires both, reported to the governing body and published.".into(),
            None,
            "Commit to an annual complaints performance and service improvement report, including a self-assessment against the Code, published with the governing body's response.",
        ),
    }

    // 9.4: a senior lead for complaint handling.
    if commitments.senior_lead.is_none() {
        f.add(
            "9.4",
            Severity::Advice,
            "The policy does not name a suitably senior person accountable for complaint handling who looks at themes and trends; the Code requires one, to find systemic issues, serious risks and policies that need changing.".into(),
            None,
            "Name the senior lead person accountable for complaint handling, and say they assess themes and trends for systemic issues, serious risks and policies or procedures to revise.",
        );
    }

    // 9.5: a Member Responsible for Complaints.
    if commitments.member_responsible_for_complaints.is_none() {
        f.add(
            "9.5",
            Severity::Advice,
            "The policy does not name a member of the governing body with lead responsibility for complaints; the Code requires one, the Member Responsible for Complaints.".into(),
            None,
            "Name the Member Responsible for Complaints: a member of the governing body (the board, or a councillor) with lead responsibility for complaints, who makes sure the governing body receives regular complaints information.",
        );
    }
    f.list
}

/// 6.6: a policy that closes complaints only when every action is done must
/// still send the response when the answer is known.
fn check_response_when_known(f: &mut Findings<'_>) {
    let policy = f.policy;
    let Some(close) = &policy.auto_close else {
        return;
    };
    if close.rule == AutoCloseRule::WhenActionsDone
        && policy.commitments.response_when_answer_known.is_none()
    {
        f.add(
            "6.6",
            Severity::Advice,
            "The policy closes a complaint only when its actions are done and does not say the response is sent as soon as the answer is known; the Code requires the response then, with outstanding actions tracked and the resident kept updated. The portal counts the response, not the closure, against the response date.".into(),
            Some(&close.description),
            "Say the response is sent when the answer is known, not when the actions are done, and that outstanding actions are tracked with updates to the resident.",
        );
    }
}

/// Section 6: each stage response confirms in writing the stage, the
/// complaint definition, the decision, the reasons, any remedy, outstanding
/// actions and the next step.
fn check_response_contents(f: &mut Findings<'_>) {
    let all = || {
        ResponseItem::ALL
            .iter()
            .map(|i| i.words())
            .collect::<Vec<_>>()
            .join("; ")
    };
    const TO_COMPLY: &str = "Say that each stage response confirms in writing, in plain language: the complaint stage, the complaint definition, the decision, the reasons for each decision, any remedy offered, any outstanding actions, and how to escalate (after stage 2, how to go to the Housing Ombudsman).";
    match &f.policy.commitments.response_sets_out {
        None => f.add(
            "6",
            Severity::Advice,
            format!(
                "The policy does not say what a stage response sets out; the Code requires each to confirm in writing: {}.",
                all()
            ),
            None,
            TO_COMPLY,
        ),
        Some(contents) => {
            let missing: Vec<&str> = ResponseItem::ALL
                .iter()
                .filter(|i| !contents.items.contains(i))
                .map(|i| i.words())
                .collect();
            if !missing.is_empty() {
                let says = contents.policy_says.clone();
                f.add(
                    "6",
                    Severity::Advice,
                    format!(
                        "The policy's list of what a response sets out leaves out {}; the Code requires each stage response to confirm in writing: {}.",
                        missing.join("; "),
                        all()
                    ),
                    Some(&says),
                    TO_COMPLY,
                );
            }
        }
    }
}

/// The Code's sections for stage 1 or 2: (acknowledge, respond, extension, Ombudsman details).
fn sections(number: u8) -> [&'static str; 4] {
    if number == 1 {
        ["6.2", "6.3", "6.4", "6.5"]
    } else {
        ["6.11", "6", "6", "6"]
    }
}

fn check_stage(f: &mut Findings<'_>, stage: &Stage) {
    let policy = f.policy;
    let n = stage.number;
    let i = usize::from(n).saturating_sub(1);
    let index = usize::from(n.clamp(1, 2)) - 1;
    let [ack_section, respond_section, extension_section, details_section] = sections(n);
    let acknowledge_words = words_for(policy, &format!("stages[{i}].acknowledge"));
    let respond_words = words_for(policy, &format!("stages[{i}].respond"));
    let extension_words = words_for(policy, &format!("stages[{i}].extension"));

    let acknowledge_within = format!(
        "Acknowledge a stage {n} complaint, define it and log it within 5 working days of receiving it."
    );
    match stage.acknowledge {
        None => f.add(
            ack_section,
            Severity::Advice,
            format!("The policy sets no acknowledgement target for stage {n}; the Code's 5 working days apply."),
            None,
            &acknowledge_within,
        ),
        Some(ack) if ack.days > CODE_ACKNOWLEDGE => f.add(
            ack_section,
            Severity::Breach,
            format!(
                "The policy acknowledges stage {n} within {} working days; the Code requires 5 working days.",
                ack.days
            ),
            acknowledge_words,
            &acknowledge_within,
        ),
        Some(_) => {}
    }

    let code_respond = CODE_RESPOND[index];
    let respond_within = format!(
        "Send the stage {n} response within {code_respond} working days of acknowledging the complaint."
    );
    let silent_on_respond = policy
        .silent_on
        .iter()
        .any(|p| p == &format!("stages[{i}].respond"));
    if silent_on_respond {
        f.add(
            respond_section,
            Severity::Advice,
            format!(
                "The policy sets no response target for stage {n}; the Code's {code_respond} working days after acknowledgement apply."
            ),
            None,
            &respond_within,
        );
    } else if stage.respond.days > code_respond {
        let message = match stage.respond.from {
            TargetFrom::Acknowledgement => format!(
                "The policy answers stage {n} within {} working days of acknowledgement; the Code requires {code_respond}.",
                stage.respond.days
            ),
            TargetFrom::Receipt => format!(
                "The policy answers stage {n} within {} working days of receipt, which can be more than the Code's {code_respond} working days after acknowledgement.",
                stage.respond.days
            ),
        };
        f.add(
            respond_section,
            Severity::Breach,
            message,
            respond_words,
            &respond_within,
        );
    }

    let code_extension = CODE_EXTENSION[index];
    let extend_within = format!(
        "Allow a stage {n} extension of no more than {code_extension} working days unless there is good reason, with the reasons explained to the resident."
    );
    match &stage.extension {
        None => f.add(
            extension_section,
            Severity::Advice,
            format!(
                "The policy does not say how long a stage {n} response may be extended; the Code's {code_extension} working days, with reasons explained, apply."
            ),
            None,
            &extend_within,
        ),
        Some(extension) => match extension_days(stage, extension) {
            None => f.add(
                extension_section,
                Severity::Advice,
                format!(
                    "The policy lets a stage {n} response be extended without a limit; the Code allows no more than {code_extension} working days without good reason. The portal applies the Code's limit: a later date only with a good reason that staff record, which the resident is told with the Housing Ombudsman's details."
                ),
                extension_words,
                &extend_within,
            ),
            Some(days) if days > code_extension && !extension.beyond_by_agreement => f.add(
                extension_section,
                Severity::Breach,
                format!(
                    "The policy lets a stage {n} response be extended by up to {days} working days; the Code allows no more than {code_extension} without good reason."
                ),
                extension_words,
                &extend_within,
            ),
            Some(_) => {}
        },
    }
    if !stage
        .extension
        .as_ref()
        .is_some_and(|e| e.ombudsman_details_required)
    {
        f.add(
            details_section,
            Severity::Advice,
            format!(
                "The policy does not say the resident is given the Housing Ombudsman's details when a stage {n} response is extended; the Code requires it."
            ),
            None,
            "Give the resident the Housing Ombudsman's contact details whenever a response is extended.",
        );
    }
}

/// The longest extension, in working days after the original due date.
fn extension_days(stage: &Stage, extension: &Extension) -> Option<u32> {
    if let Some(days) = extension.max_days {
        return Some(days);
    }
    let total = extension.max_total_days_from_receipt?;
    let already = match stage.respond.from {
        TargetFrom::Receipt => stage.respond.days,
        // Counted from acknowledgement, the original due date is at least this far after receipt.
        TargetFrom::Acknowledgement => stage.respond.days + stage.acknowledge.map_or(0, |a| a.days),
    };
    Some(total.saturating_sub(already))
}

/// Whether guidance names the designated-person route or the eight-week wait
/// as current. A paragraph that also says they ended (for example "no longer
/// applies", "ended on 1 October 2022") is history, not advice.
pub fn names_removed_route(text: &str) -> bool {
    mentions_removed_route(text) && !ENDED.iter().any(|e| text.to_lowercase().contains(e))
}

/// Whether guidance mentions the designated-person route or the eight-week
/// wait at all, as current or as history.
fn mentions_removed_route(text: &str) -> bool {
    let text = text.to_lowercase();
    REMOVED_ROUTES.iter().any(|r| text.contains(r))
}

fn when_words(when: GuidanceWhen) -> &'static str {
    match when {
        GuidanceWhen::Always => "shown at any time",
        GuidanceWhen::DuringProcess => "shown during the process",
        GuidanceWhen::AfterFinalResponse => "shown after the final response",
        GuidanceWhen::AfterRefusal => "shown after a refusal",
    }
}
