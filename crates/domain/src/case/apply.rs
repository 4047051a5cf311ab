//! Events applied to a case: [`replay`] a case's events into its state,
//! [`start`] one, and [`apply`] one more event, checked against the state and
//! the landlord's policy. [`apply`] only chooses the rule for the event; each
//! event has its own function below.

use chrono::NaiveDate;

use super::deadlines::{
    current_respond_date, escalation_last_day, extension_limit, original_respond_target,
    panel_last_day, policy_stage_or_refuse,
};
use super::event::{
    Attendance, CaseKind, ClosedWhy, ComplaintDefinition, Event, EventRecord, Outcome,
    OutstandingAction, Remedy, RemedyKind, Representative, SentBy, Settlement,
};
use super::refusal::{Act, Refusal, RefusalReason, Refused};
use super::state::{
    ActionChange, CaseState, Closure, CouncillorOrMp, DefinitionQuery, EscalationRefusal,
    ExtensionGranted, InformationGiven, InformationRequest, PanelDecision, PanelDelay,
    PanelDispensal, PanelState, PromisedAction, Response, Satisfaction, StageReopening, StageState,
    TakingOn, TakingOnDecision, Withdrawal,
};
use crate::calendar::Calendar;
use crate::policy::Policy;

/// Replays a case's events, in order, into its state. The first event must be
/// `received`. The first event that is not allowed is refused.
pub fn replay(
    policy: &Policy,
    calendar: &Calendar,
    records: &[EventRecord],
) -> Result<CaseState, Refusal> {
    let (first, rest) = records.split_first().ok_or(Refused::NoEvents)?;
    let mut state = start(policy, first)?;
    for record in rest {
        state = apply(&state, policy, calendar, record)?;
    }
    Ok(state)
}

/// The state a case starts in: its first event must be `received`.
pub fn start(policy: &Policy, record: &EventRecord) -> Result<CaseState, Refusal> {
    let Event::Received {
        kind,
        received_on,
        awaiting_decision,
        through_councillor_or_mp,
    } = &record.event
    else {
        return Err(Refused::NotReceived.into());
    };
    let mut stages = Vec::new();
    if *kind == CaseKind::Complaint {
        let first = policy.stages.first().ok_or(Refused::NoStages)?;
        stages.push(StageState::new(first.number, *received_on));
    }
    Ok(CaseState {
        kind: *kind,
        received_on: *received_on,
        received_at: record.at,
        raised_by: record.actor.clone(),
        caseworker: None,
        caseworker_id: None,
        acknowledged_on: None,
        responded_on: None,
        stages,
        escalation_refusals: Vec::new(),
        panel: None,
        information_requests: Vec::new(),
        information_given: Vec::new(),
        satisfaction: None,
        satisfaction_answers: Vec::new(),
        withdrawn: None,
        closed: None,
        referred_to_ombudsman_on: None,
        reopened: Vec::new(),
        taking_on: (*kind == CaseKind::Complaint && !awaiting_decision.is_empty()).then(|| {
            TakingOn {
                grounds: awaiting_decision.clone(),
                decision: None,
            }
        }),
        actions: Vec::new(),
        councillor_or_mp: (*kind == CaseKind::Complaint && *through_councillor_or_mp)
            .then_some(CouncillorOrMp { replied_on: None }),
        last_event_on: *received_on,
    })
}

/// Applies one more event to a case, or says why it is not allowed.
pub fn apply(
    state: &CaseState,
    policy: &Policy,
    calendar: &Calendar,
    record: &EventRecord,
) -> Result<CaseState, Refusal> {
    let on = record.date();
    not_before_receipt(state, on)?;
    let mut next = state.clone();
    next.last_event_on = next.last_event_on.max(on);

    if state.kind != CaseKind::Complaint {
        apply_feedback(&mut next, &record.event, on)?;
        return Ok(next);
    }
    still_open(state, &record.event)?;

    match &record.event {
        Event::Received { .. } => Err(Refused::AlreadyReceived.into()),
        Event::Acknowledged { definition } => acknowledge(&mut next, on, definition.as_ref()),
        Event::DefinitionQueried { text } => query_definition(&mut next, on, text),
        Event::Assigned {
            caseworker,
            caseworker_id,
        } => assign(&mut next, caseworker, caseworker_id.as_deref()),
        Event::Extended {
            reason,
            new_date,
            agreed_with_resident,
            good_reason,
        } => extend(
            &mut next,
            policy,
            calendar,
            on,
            Extending {
                reason,
                new_date: *new_date,
                agreed_with_resident: *agreed_with_resident,
                good_reason: good_reason.as_deref(),
            },
        ),
        Event::InformationRequested { what } => request_information(&mut next, on, what),
        Event::InformationGiven { text } => give_information(&mut next, on, text),
        Event::Responded {
            outcome,
            reasons,
            remedies,
            outstanding_actions,
            sent_by,
            root_causes,
            lessons,
        } => respond(
            &mut next,
            policy,
            calendar,
            Learning {
                root_causes,
                lessons: lessons.as_deref(),
            },
            *sent_by,
            on,
            record.actor.id.as_deref(),
            *outcome,
            reasons,
            remedies,
            outstanding_actions,
        ),
        Event::ActionDone { action } => action_done(&mut next, on, *action),
        Event::ActionChanged {
            action,
            reason,
            description,
            owner,
            due,
        } => change_action(
            &mut next,
            on,
            *action,
            reason,
            OutstandingAction {
                description: description.clone(),
                due: *due,
                owner: owner.clone(),
            },
        ),
        Event::EscalationRequested { reason } => {
            escalate(&mut next, policy, calendar, on, reason.clone())
        }
        Event::EscalationRefused { reasons } => refuse_escalation(&mut next, policy, on, reasons),
        Event::ReopenedAtStage { reasons } => reopen_at_stage(&mut next, policy, on, reasons),
        Event::PanelRequested {
            attendance,
            representative,
        } => request_panel(
            &mut next,
            policy,
            calendar,
            on,
            *attendance,
            representative.clone(),
        ),
        Event::PanelHeld { date } => hold_panel(&mut next, policy, *date),
        Event::PanelDelayed { new_date, reason } => {
            delay_panel(&mut next, policy, calendar, on, *new_date, reason)
        }
        Event::PanelDispensed { reason } => dispense_panel(&mut next, policy, calendar, on, reason),
        Event::RepliedToCouncillorOrMp => reply_to_councillor_or_mp(&mut next, on),
        Event::PanelOutcome { outcome, reasons } => decide_panel(&mut next, on, *outcome, reasons),
        Event::SatisfactionRecorded { satisfied, comment } => {
            record_satisfaction(&mut next, on, *satisfied, comment)
        }
        Event::Withdrawn { reason } => withdraw(&mut next, on, reason),
        Event::Closed { why } => close(&mut next, on, why),
        Event::ReferredToOmbudsman => refer_to_ombudsman(&mut next, on),
        Event::Accepted { reason, exception } => {
            accept(&mut next, policy, on, reason, exception.as_deref())
        }
        Event::Declined { reasons } => decline(&mut next, on, reasons),
        Event::Reopened { reason } => reopen(&mut next, reason),
        // A fact about time passing: it changes nothing the state holds.
        Event::WindowClosed { .. } => Ok(()),
    }?;
    Ok(next)
}

/// Nothing can be dated before the case was received.
fn not_before_receipt(state: &CaseState, on: NaiveDate) -> Result<(), Refusal> {
    if on < state.received_on {
        return Err(Refused::BeforeReceipt {
            on,
            kind: state.kind,
            received_on: state.received_on,
        }
        .into());
    }
    Ok(())
}

/// After closure (or withdrawal), only reopening, going to the Ombudsman,
/// and keeping the promises made before it.
fn still_open(state: &CaseState, event: &Event) -> Result<(), Refusal> {
    if !state.is_finished()
        || matches!(
            event,
            Event::Reopened { .. }
                | Event::ReferredToOmbudsman
                | Event::RepliedToCouncillorOrMp
                | Event::ActionDone { .. }
                | Event::ActionChanged { .. }
        )
    {
        return Ok(());
    }
    if let Some(declined) = state.declined() {
        if state.closed.is_none() && state.withdrawn.is_none() {
            return Err(RefusalReason::Closed { on: declined.on }.into());
        }
    }
    Err(if let Some(w) = &state.withdrawn {
        if matches!(event, Event::Withdrawn { .. }) {
            RefusalReason::AlreadyWithdrawn.into()
        } else {
            RefusalReason::Withdrawn { on: w.on }.into()
        }
    } else {
        let closed_on = state
            .closed
            .as_ref()
            .map(|c| c.on)
            .unwrap_or(state.last_event_on);
        RefusalReason::Closed { on: closed_on }.into()
    })
}

/// Acknowledges the current stage, with the landlord's understanding of the
/// complaint where it is set out (Code 5.6): both of its parts, or neither.
fn acknowledge(
    next: &mut CaseState,
    on: NaiveDate,
    definition: Option<&ComplaintDefinition>,
) -> Result<(), Refusal> {
    let stage = current(next)?;
    if stage.acknowledged_on.is_some() {
        return Err(Refused::StageAlreadyAcknowledged.into());
    }
    not_before(Act::Acknowledged, on, stage.started_on)?;
    let definition = match definition {
        None => None,
        Some(d) if d.about.trim().is_empty() || d.outcome_sought.trim().is_empty() => {
            return Err(Refused::DefinitionIncomplete.into())
        }
        Some(d) => Some(ComplaintDefinition {
            about: d.about.trim().to_owned(),
            outcome_sought: d.outcome_sought.trim().to_owned(),
        }),
    };
    stage.acknowledged_on = Some(on);
    stage.definition = definition;
    Ok(())
}

/// The resident says the current stage's complaint definition is not
/// right: possible once it is set out and until the stage's response.
fn query_definition(next: &mut CaseState, on: NaiveDate, text: &str) -> Result<(), Refusal> {
    let stage = current(next)?;
    if stage.definition.is_none() || stage.response.is_some() {
        return Err(Refused::NoDefinitionToQuery.into());
    }
    if text.trim().is_empty() {
        return Err(Refused::InformationMissing.into());
    }
    stage.definition_queries.push(DefinitionQuery {
        on,
        text: text.trim().to_owned(),
    });
    Ok(())
}

/// A caseworker takes the case. Someone who dealt with an earlier stage
/// cannot take a later one (Code 6.13).
fn assign(
    next: &mut CaseState,
    caseworker: &str,
    caseworker_id: Option<&str>,
) -> Result<(), Refusal> {
    let name = caseworker.trim();
    if name.is_empty() {
        return Err(Refused::CaseworkerMissing.into());
    }
    if let Some(account) = caseworker_id {
        if let Some(earlier) = next.earlier_handler(account) {
            let stage = next.current_stage().map_or(earlier, |s| s.number);
            return Err(Refused::HandledEarlierStage {
                name: name.to_owned(),
                earlier,
                stage,
            }
            .into());
        }
        let stage = current(next)?;
        if !stage.handled_by.iter().any(|h| h == account) {
            stage.handled_by.push(account.to_owned());
        }
    }
    next.caseworker = Some(name.to_owned());
    next.caseworker_id = caseworker_id.map(str::to_owned);
    Ok(())
}

fn request_information(next: &mut CaseState, on: NaiveDate, what: &str) -> Result<(), Refusal> {
    if what.trim().is_empty() {
        return Err(Refused::InformationRequestMissing.into());
    }
    next.information_requests.push(InformationRequest {
        on,
        what: what.trim().to_owned(),
        answered_on: None,
    });
    Ok(())
}

/// Information given answers the oldest open request, if there is one.
fn give_information(next: &mut CaseState, on: NaiveDate, text: &str) -> Result<(), Refusal> {
    if text.trim().is_empty() {
        return Err(Refused::InformationMissing.into());
    }
    if let Some(open) = next
        .information_requests
        .iter_mut()
        .find(|r| r.answered_on.is_none())
    {
        open.answered_on = Some(on);
    }
    next.information_given.push(InformationGiven {
        on,
        text: text.trim().to_owned(),
    });
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn respond(
    next: &mut CaseState,
    policy: &Policy,
    calendar: &Calendar,
    learning: Learning,
    sent_by: Option<SentBy>,
    on: NaiveDate,
    by: Option<&str>,
    outcome: Option<Outcome>,
    reasons: &str,
    remedies: &[Remedy],
    outstanding_actions: &[OutstandingAction],
) -> Result<(), Refusal> {
    let Some(outcome) = outcome else {
        return Err(Refused::OutcomeMissing.into());
    };
    if next.awaiting_decision() {
        return Err(Refused::DecisionPending.into());
    }
    if next.panel.is_some() {
        return Err(Refused::RespondWithThePanel.into());
    }
    let stage = current(next)?;
    if stage.response.is_some() {
        return Err(Refused::AlreadyResponded {
            stage: stage.number,
        }
        .into());
    }
    not_before(Act::RespondedTo, on, stage.answer_started_on())?;
    for remedy in remedies {
        check_remedy(policy, remedy)?;
    }
    let known = policy.root_causes();
    if let Some(unknown) = learning
        .root_causes
        .iter()
        .find(|id| !known.iter().any(|c| &c.id == *id))
    {
        return Err(Refused::UnknownRootCause {
            id: unknown.clone(),
            known: known.into_iter().map(|c| c.id).collect(),
        }
        .into());
    }
    for action in outstanding_actions {
        check_action(action, on, true)?;
    }
    if let Some(by) = by {
        if !stage.handled_by.iter().any(|h| h == by) {
            stage.handled_by.push(by.to_owned());
        }
    }
    stage.response = Some(Response {
        on,
        outcome: Some(outcome),
        reasons: reasons.to_owned(),
        remedies: remedies.to_vec(),
        outstanding_actions: outstanding_actions.to_vec(),
        sent_by,
        received_on: received_on(policy, calendar, on, sent_by)?,
        root_causes: learning.root_causes.to_vec(),
        lessons: learning
            .lessons
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned),
    });
    let stage = stage.number;
    for action in outstanding_actions {
        let number = u16::try_from(next.actions.len() + 1).unwrap_or(u16::MAX);
        next.actions.push(PromisedAction {
            number,
            stage,
            promised_on: on,
            description: action.description.trim().to_owned(),
            owner: action.owner.trim().to_owned(),
            due: action.due,
            done_on: None,
            changes: Vec::new(),
        });
    }
    Ok(())
}

/// What a response says the landlord learnt (issue 16, item 6).
struct Learning<'a> {
    root_causes: &'a [String],
    lessons: Option<&'a str>,
}

/// The day a response sent on `on` reached the resident: that day online;
/// by post, the policy's posting days later (issue 16, item 8).
pub(crate) fn received_on(
    policy: &Policy,
    calendar: &Calendar,
    on: NaiveDate,
    sent_by: Option<SentBy>,
) -> Result<NaiveDate, Refusal> {
    match sent_by {
        Some(SentBy::Post) => Ok(calendar.add_working_days(on, policy.posting_days())?.date),
        Some(SentBy::Online) | None => Ok(on),
    }
}

/// A remedy: money has its amount, and is settled only in the ways the
/// policy allows (Plus Dane §16, TORUS §3.4); nothing else has money.
fn check_remedy(policy: &Policy, remedy: &Remedy) -> Result<(), Refusal> {
    if remedy.kind != RemedyKind::Financial {
        if remedy.amount_pence.is_some() || remedy.money.is_some() || remedy.settlement.is_some() {
            return Err(Refused::NotAFinancialRemedy.into());
        }
        return Ok(());
    }
    if remedy.amount_pence.is_none() {
        return Err(Refused::RemedyAmountMissing.into());
    }
    match remedy.settlement {
        Some(Settlement::OffsetAgainstMoneyOwed)
            if policy.remedies.offset_against_money_owed.is_none() =>
        {
            Err(Refused::SettlementNotAllowed { offset: true }.into())
        }
        Some(Settlement::InKind) if policy.remedies.in_kind.is_none() => {
            Err(Refused::SettlementNotAllowed { offset: false }.into())
        }
        _ => Ok(()),
    }
}

/// A promised action says what, who, and a date no earlier than `on`. The
/// owner is required of new actions (`new`), not of those recorded before
/// owners were kept.
fn check_action(action: &OutstandingAction, on: NaiveDate, new: bool) -> Result<(), Refusal> {
    if action.description.trim().is_empty() {
        return Err(Refused::ActionDescriptionMissing.into());
    }
    if new && action.owner.trim().is_empty() {
        return Err(Refused::ActionOwnerMissing.into());
    }
    if action.due < on {
        return Err(Refused::ActionDueTooEarly {
            due: action.due,
            earliest: on,
        }
        .into());
    }
    Ok(())
}

fn promised(next: &mut CaseState, action: u16) -> Result<&mut PromisedAction, Refusal> {
    let found = next
        .actions
        .iter_mut()
        .find(|a| a.number == action)
        .ok_or(Refused::NoSuchAction { action })?;
    if let Some(on) = found.done_on {
        return Err(Refused::ActionAlreadyDone { action, on }.into());
    }
    Ok(found)
}

fn action_done(next: &mut CaseState, on: NaiveDate, action: u16) -> Result<(), Refusal> {
    let found = promised(next, action)?;
    not_before(Act::Done, on, found.promised_on)?;
    found.done_on = Some(on);
    Ok(())
}

fn change_action(
    next: &mut CaseState,
    on: NaiveDate,
    action: u16,
    reason: &str,
    now: OutstandingAction,
) -> Result<(), Refusal> {
    let found = promised(next, action)?;
    if reason.trim().is_empty() {
        return Err(Refused::ActionChangeReasonMissing.into());
    }
    check_action(&now, on, true)?;
    found.changes.push(ActionChange {
        on,
        reason: reason.trim().to_owned(),
        previous_description: found.description.clone(),
        previous_due: found.due,
    });
    found.description = now.description.trim().to_owned();
    found.owner = now.owner.trim().to_owned();
    found.due = now.due;
    Ok(())
}

/// Whether closing the complaint with `why` needs the policy's approver,
/// who `approver` says the closer is: closing before every promised action
/// is done, where the policy names who approves that (TORUS §5.1).
pub fn check_close_approval(
    state: &CaseState,
    policy: &Policy,
    why: &ClosedWhy,
    approver: bool,
) -> Result<(), Refusal> {
    let Some(by) = policy
        .auto_close
        .as_ref()
        .and_then(|a| a.early_close_approved_by.as_ref())
    else {
        return Ok(());
    };
    let early = state.open_actions().next().is_some()
        && matches!(why, ClosedWhy::Other(_) | ClosedWhy::Resolved);
    if early && !approver {
        return Err(Refused::CloseNeedsApproval { by: by.clone() }.into());
    }
    Ok(())
}

fn escalate(
    next: &mut CaseState,
    policy: &Policy,
    calendar: &Calendar,
    on: NaiveDate,
    reason: Option<String>,
) -> Result<(), Refusal> {
    if next.panel.is_some() {
        return Err(RefusalReason::WithThePanel.into());
    }
    let stage = next.current_stage().ok_or(Refused::NoStage)?;
    let last_day = escalation_last_day(policy, calendar, stage)?;
    let responded_on = stage
        .response
        .as_ref()
        .map(|r| r.on)
        .unwrap_or(stage.started_on);
    not_before(Act::AskedFor, on, responded_on)?;
    if let Some(last_day) = last_day {
        if on > last_day {
            return Err(RefusalReason::ReviewWindowClosed { last_day }.into());
        }
    }
    let number = policy
        .stages
        .iter()
        .map(|s| s.number)
        .filter(|n| *n > stage.number)
        .min()
        .ok_or(Refused::NoStage)?;
    // The next stage needs someone who did not deal with this one (Code 6.13).
    let caseworker_before = next
        .caseworker
        .take()
        .map(|name| (name, next.caseworker_id.take()));
    next.caseworker_id = None;
    next.stages.push(StageState {
        escalation_reason: reason
            .map(|r| r.trim().to_owned())
            .filter(|r| !r.is_empty()),
        caseworker_before,
        ..StageState::new(number, on)
    });
    Ok(())
}

/// The landlord refuses a request for a later stage that it has neither
/// acknowledged nor answered: the stage asked for is taken away again.
fn refuse_escalation(
    next: &mut CaseState,
    policy: &Policy,
    on: NaiveDate,
    reasons: &str,
) -> Result<(), Refusal> {
    if reasons.trim().is_empty() {
        return Err(Refused::EscalationReasonsMissing.into());
    }
    let stage = next.current_stage().ok_or(Refused::NoStage)?;
    if stage.number == first_stage_number(policy)
        || stage.acknowledged_on.is_some()
        || stage.response.is_some()
    {
        return Err(Refused::NoEscalationToRefuse.into());
    }
    let number = stage.number;
    next.stages.pop();
    next.escalation_refusals.push(EscalationRefusal {
        on,
        stage: number,
        reasons: reasons.trim().to_owned(),
    });
    Ok(())
}

/// The landlord answers a request for the next stage, that brought new
/// information changing the investigation, by reopening the stage before
/// (Pioneer §6), where the policy says so. The request is taken away, the
/// earlier answer set aside, and the stage's caseworker takes it back; its
/// response is due again, counted from today.
fn reopen_at_stage(
    next: &mut CaseState,
    policy: &Policy,
    on: NaiveDate,
    reasons: &str,
) -> Result<(), Refusal> {
    let requested = next.current_stage().ok_or(Refused::NoStage)?;
    if requested.number == first_stage_number(policy)
        || requested.acknowledged_on.is_some()
        || requested.response.is_some()
    {
        return Err(Refused::NoEscalationToRefuse.into());
    }
    let (instead_of, asked_on) = (requested.number, requested.started_on);
    let earlier = next
        .stages
        .iter()
        .rev()
        .nth(1)
        .ok_or(Refused::NoEscalationToRefuse)?;
    let rules = super::deadlines::policy_stage_or_refuse(policy, earlier.number)?;
    if rules.reopen_on_new_information.is_none() {
        return Err(Refused::NoReopeningAtStage {
            stage: earlier.number,
        }
        .into());
    }
    if reasons.trim().is_empty() {
        return Err(Refused::ReopeningReasonsMissing.into());
    }
    not_before(Act::AskedFor, on, asked_on)?;
    let requested = next.stages.pop().ok_or(Refused::NoStage)?;
    let stage = current(next)?;
    let earlier_response = stage.response.take().ok_or(Refused::NoEscalationToRefuse)?;
    stage.reopenings.push(StageReopening {
        on,
        instead_of,
        asked_on,
        reasons: reasons.trim().to_owned(),
        earlier_response,
        earlier_extensions: std::mem::take(&mut stage.extensions),
    });
    if let Some((name, id)) = requested.caseworker_before {
        next.caseworker = Some(name);
        next.caseworker_id = id;
    }
    Ok(())
}

fn request_panel(
    next: &mut CaseState,
    policy: &Policy,
    calendar: &Calendar,
    on: NaiveDate,
    attendance: Attendance,
    representative: Option<Representative>,
) -> Result<(), Refusal> {
    let last_day = panel_last_day(policy, calendar, next)?;
    let panel = policy.panel.as_ref().ok_or(Refused::NoPanel)?;
    if let Some(response) = next.current_stage().and_then(|s| s.response.as_ref()) {
        not_before(Act::AskedFor, on, response.on)?;
    }
    if on > last_day {
        return Err(RefusalReason::PanelWindowClosed { last_day }.into());
    }
    if attendance == Attendance::WrittenSubmissions && !panel.written_submissions {
        return Err(RefusalReason::WrittenSubmissionsNotAllowed.into());
    }
    if let Some(rep) = &representative {
        let relation = rep.relation.trim().to_lowercase();
        if rep.name.trim().is_empty() {
            return Err(Refused::RepresentativeNameMissing.into());
        }
        let legal = ["legal", "solicitor", "lawyer", "barrister"]
            .iter()
            .any(|w| relation.contains(w));
        if legal && !panel.legal_representative_allowed {
            return Err(RefusalReason::LegalRepresentativeNotAllowed.into());
        }
        let allowed = panel
            .representatives
            .iter()
            .any(|r| r.trim().to_lowercase() == relation)
            || (legal && panel.legal_representative_allowed);
        if !allowed {
            return Err(Refused::RepresentativeNotAllowed {
                allowed: panel.representatives.clone(),
            }
            .into());
        }
    }
    next.panel = Some(PanelState {
        requested_on: on,
        attendance,
        representative: representative.map(|r| Representative {
            name: r.name.trim().to_owned(),
            relation: r.relation.trim().to_lowercase(),
        }),
        held_on: None,
        outcome: None,
        delays: Vec::new(),
        dispensed: None,
    });
    Ok(())
}

/// The reply to the councillor or MP a complaint came through, once.
fn reply_to_councillor_or_mp(next: &mut CaseState, on: NaiveDate) -> Result<(), Refusal> {
    let enquiry = next
        .councillor_or_mp
        .as_mut()
        .ok_or(Refused::NotThroughCouncillorOrMp)?;
    if let Some(replied_on) = enquiry.replied_on {
        return Err(Refused::CouncillorOrMpAnswered { on: replied_on }.into());
    }
    enquiry.replied_on = Some(on);
    Ok(())
}

/// The panel that has not met yet, and the policy's rules for it.
fn panel_not_met<'a>(
    next: &'a mut CaseState,
    policy: &'a Policy,
    on: NaiveDate,
) -> Result<(&'a mut PanelState, &'a crate::policy::Panel), Refusal> {
    let rules = policy.panel.as_ref().ok_or(Refused::NoPanel)?;
    let panel = next.panel.as_mut().ok_or(Refused::PanelNotRequested)?;
    if panel.outcome.is_some() {
        return Err(Refused::PanelDecided.into());
    }
    if let Some(held_on) = panel.held_on.filter(|h| *h <= on) {
        return Err(Refused::PanelAlreadyMet { on: held_on }.into());
    }
    Ok((panel, rules))
}

/// The panel cannot meet by its date (Pioneer §6: "Where this is not
/// possible, we will keep the customer informed, offer an explanation"): a
/// later working day, with the explanation. A hearing date already set, and
/// now not kept, is cleared.
fn delay_panel(
    next: &mut CaseState,
    policy: &Policy,
    calendar: &Calendar,
    on: NaiveDate,
    new_date: NaiveDate,
    reason: &str,
) -> Result<(), Refusal> {
    let (panel, rules) = panel_not_met(next, policy, on)?;
    if reason.trim().is_empty() {
        return Err(Refused::PanelDelayReasonMissing.into());
    }
    if !calendar.is_working_day(new_date) {
        return Err(Refused::PanelDateNotWorkingDay { date: new_date }.into());
    }
    let (_, current) = super::deadlines::panel_meets_by(rules, panel, calendar)
        .ok_or(Refused::ResponseDateOutOfRange)?;
    if new_date <= current {
        return Err(Refused::PanelDateNotLater { current }.into());
    }
    panel.held_on = None;
    panel.delays.push(PanelDelay {
        on,
        new_date,
        reason: reason.trim().to_owned(),
    });
    Ok(())
}

/// The resident agreed that the panel will not meet (Pioneer §6: "agree with
/// the customer whether this stage should be dispensed with"): only under a
/// policy that allows it, and only once the panel could not meet in time
/// (its date was put back, or has passed). The complaint closes.
fn dispense_panel(
    next: &mut CaseState,
    policy: &Policy,
    calendar: &Calendar,
    on: NaiveDate,
    reason: &str,
) -> Result<(), Refusal> {
    let (panel, rules) = panel_not_met(next, policy, on)?;
    if rules.dispense_by_agreement.is_none() {
        return Err(Refused::NoDispensing.into());
    }
    if reason.trim().is_empty() {
        return Err(Refused::DispensingReasonMissing.into());
    }
    let (original, _) = super::deadlines::panel_meets_by(rules, panel, calendar)
        .ok_or(Refused::ResponseDateOutOfRange)?;
    if panel.delays.is_empty() && on <= original {
        return Err(Refused::PanelNotLate { by: original }.into());
    }
    panel.dispensed = Some(PanelDispensal {
        on,
        reason: reason.trim().to_owned(),
    });
    next.closed = Some(Closure {
        on,
        why: ClosedWhy::PanelDispensed,
    });
    Ok(())
}

/// The panel's hearing date (which may be ahead: then it is scheduled).
fn hold_panel(next: &mut CaseState, policy: &Policy, date: NaiveDate) -> Result<(), Refusal> {
    let panel_policy = policy.panel.as_ref().ok_or(Refused::NoPanel)?;
    if panel_policy.not_after_ombudsman && next.referred_to_ombudsman_on.is_some() {
        return Err(Refused::PanelHeldAfterOmbudsman.into());
    }
    let panel = next.panel.as_mut().ok_or(Refused::PanelNotRequested)?;
    if panel.outcome.is_some() {
        return Err(Refused::PanelDecided.into());
    }
    not_before(Act::Held, date, panel.requested_on)?;
    panel.held_on = Some(date);
    Ok(())
}

fn decide_panel(
    next: &mut CaseState,
    on: NaiveDate,
    outcome: Outcome,
    reasons: &str,
) -> Result<(), Refusal> {
    let panel = next.panel.as_mut().ok_or(Refused::NoPanelForOutcome)?;
    let Some(held_on) = panel.held_on else {
        return Err(Refused::PanelNotHeld.into());
    };
    if panel.outcome.is_some() {
        return Err(Refused::PanelDecided.into());
    }
    not_before(Act::Decided, on, held_on)?;
    panel.outcome = Some(PanelDecision {
        on,
        outcome,
        reasons: reasons.to_owned(),
    });
    Ok(())
}

/// Satisfaction is asked once of each response (a stage's or the panel's).
fn record_satisfaction(
    next: &mut CaseState,
    on: NaiveDate,
    satisfied: bool,
    comment: &Option<String>,
) -> Result<(), Refusal> {
    let responses = next.stages.iter().filter(|s| s.response.is_some()).count()
        + usize::from(next.panel.as_ref().is_some_and(|p| p.outcome.is_some()));
    if responses == 0 {
        return Err(RefusalReason::SatisfactionBeforeResponse.into());
    }
    if next
        .satisfaction
        .as_ref()
        .is_some_and(|given| given.after_responses == responses)
    {
        return Err(RefusalReason::SatisfactionAlreadyRecorded.into());
    }
    next.satisfaction_answers.push((on, satisfied));
    next.satisfaction = Some(Satisfaction {
        on,
        satisfied,
        comment: comment.clone(),
        after_responses: responses,
    });
    Ok(())
}

fn withdraw(next: &mut CaseState, on: NaiveDate, reason: &Option<String>) -> Result<(), Refusal> {
    next.withdrawn = Some(Withdrawal {
        on,
        reason: reason.clone(),
    });
    Ok(())
}

fn close(next: &mut CaseState, on: NaiveDate, why: &ClosedWhy) -> Result<(), Refusal> {
    let open: Vec<u16> = next.open_actions().map(|a| a.number).collect();
    match why {
        ClosedWhy::Other(text) if text.trim().is_empty() => {
            return Err(Refused::ClosedReasonMissing.into());
        }
        ClosedWhy::ActionsDone if next.actions.is_empty() => {
            return Err(Refused::NoActionsPromised.into());
        }
        ClosedWhy::ActionsDone if !open.is_empty() => {
            return Err(Refused::ActionsNotDone { open }.into());
        }
        ClosedWhy::Resolved if !open.is_empty() => {
            return Err(Refused::ActionsOutstanding { open }.into());
        }
        ClosedWhy::PanelDispensed => return Err(Refused::CloseByDispensing.into()),
        _ => {}
    }
    next.closed = Some(Closure {
        on,
        why: why.clone(),
    });
    Ok(())
}

fn refer_to_ombudsman(next: &mut CaseState, on: NaiveDate) -> Result<(), Refusal> {
    if next.referred_to_ombudsman_on.is_some() {
        return Err(Refused::AlreadyWithOmbudsman.into());
    }
    next.referred_to_ombudsman_on = Some(on);
    Ok(())
}

fn reopen(next: &mut CaseState, reason: &str) -> Result<(), Refusal> {
    if !next.is_finished() {
        return Err(Refused::NotClosed.into());
    }
    if reason.trim().is_empty() {
        return Err(Refused::ReopenReasonMissing.into());
    }
    next.closed = None;
    next.withdrawn = None;
    // A complaint not taken on waits for the decision again (the Ombudsman
    // can tell the landlord to take it on, Code 2.4).
    if let Some(taking_on) = next.taking_on.as_mut() {
        if taking_on.decision.as_ref().is_some_and(|d| !d.accepted) {
            taking_on.decision = None;
        }
    }
    next.reopened.push(reason.trim().to_owned());
    Ok(())
}

/// The landlord takes on a complaint that waited for a decision, for a
/// reason it records. Out of time under a policy that gives no discretion,
/// only one of the policy's listed exceptions can take it on.
fn accept(
    next: &mut CaseState,
    policy: &Policy,
    on: NaiveDate,
    reason: &str,
    exception: Option<&str>,
) -> Result<(), Refusal> {
    let Some(taking_on) = next.taking_on.as_ref().filter(|t| t.decision.is_none()) else {
        return Err(Refused::NoDecisionPending.into());
    };
    if reason.trim().is_empty() {
        return Err(Refused::AcceptReasonMissing.into());
    }
    let listed = listed_exceptions(policy);
    let exception = exception.map(str::trim).filter(|e| !e.is_empty());
    if let Some(exception) = exception {
        if !listed.iter().any(|l| same_words(l, exception)) {
            return Err(Refused::NotAListedException { listed }.into());
        }
    }
    let out_of_time = taking_on
        .grounds
        .iter()
        .any(|g| g == crate::policy::OUTSIDE_TIME_LIMIT);
    let discretion = policy.time_limit.as_ref().is_none_or(|l| l.discretion);
    if out_of_time && !discretion && exception.is_none() {
        return Err(Refused::NoDiscretion { listed }.into());
    }
    let exception = exception.and_then(|e| listed.iter().find(|l| same_words(l, e)).cloned());
    if let Some(taking_on) = next.taking_on.as_mut() {
        taking_on.decision = Some(TakingOnDecision {
            on,
            accepted: true,
            reasons: reason.trim().to_owned(),
            exception,
        });
    }
    Ok(())
}

/// The landlord declines to take the complaint on, with reasons the
/// resident reads (Code 2.4).
fn decline(next: &mut CaseState, on: NaiveDate, reasons: &str) -> Result<(), Refusal> {
    let Some(taking_on) = next.taking_on.as_mut().filter(|t| t.decision.is_none()) else {
        return Err(Refused::NoDecisionPending.into());
    };
    if reasons.trim().is_empty() {
        return Err(Refused::DeclineReasonsMissing.into());
    }
    taking_on.decision = Some(TakingOnDecision {
        on,
        accepted: false,
        reasons: reasons.trim().to_owned(),
        exception: None,
    });
    Ok(())
}

/// The circumstances the policy lists in which its time limit does not
/// apply, as the resident read them.
pub fn listed_exceptions(policy: &Policy) -> Vec<String> {
    let Some(limit) = &policy.time_limit else {
        return Vec::new();
    };
    let mut listed = Vec::new();
    if limit.from_awareness {
        listed.push(AWARE_LATELY.to_owned());
    }
    listed.extend(
        limit
            .exceptions
            .iter()
            .map(|e| crate::policy::without_section_references(e)),
    );
    listed
}

/// The exception of a policy whose time limit counts from when the resident
/// became aware of the issue.
pub const AWARE_LATELY: &str = "The resident only became aware of the issue within the time limit";

fn same_words(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// A stage's response date moves later, within the policy's limit unless
/// the resident agrees to more (where the policy allows that).
fn extend(
    next: &mut CaseState,
    policy: &Policy,
    calendar: &Calendar,
    on: NaiveDate,
    Extending {
        reason,
        new_date,
        agreed_with_resident,
        good_reason,
    }: Extending,
) -> Result<(), Refusal> {
    if next.panel.is_some() {
        return Err(Refused::ExtendWithThePanel.into());
    }
    let stage = next.current_stage().ok_or(Refused::NoStage)?;
    let rules = policy_stage_or_refuse(policy, stage.number)?;
    if stage.response.is_some() {
        return Err(Refused::ExtendAfterResponse {
            stage: stage.number,
        }
        .into());
    }
    let Some(ext_rules) = &rules.extension else {
        return Err(Refused::NoExtension {
            stage: stage.number,
        }
        .into());
    };
    if reason.trim().is_empty() {
        return Err(Refused::ExtensionReasonMissing.into());
    }
    if !calendar.is_working_day(new_date) {
        return Err(Refused::ExtensionNotWorkingDay { date: new_date }.into());
    }
    let previous =
        current_respond_date(rules, stage, calendar).ok_or(Refused::ResponseDateOutOfRange)?;
    if new_date <= previous {
        return Err(Refused::ExtensionNotLater { current: previous }.into());
    }
    let limit = extension_limit(rules, stage, calendar)?;
    let original =
        original_respond_target(rules, stage, calendar).ok_or(Refused::ResponseDateOutOfRange)?;
    let good_reason = good_reason.map(str::trim).filter(|r| !r.is_empty());
    let mut beyond_for = None;
    if let Some((limit_date, why)) = &limit {
        if new_date > *limit_date {
            if ext_rules.beyond_with_good_reason && good_reason.is_some() {
                beyond_for = good_reason.map(str::to_owned);
            } else if !(ext_rules.beyond_by_agreement && agreed_with_resident) {
                return Err(Refused::ExtensionTooLong {
                    limit: *limit_date,
                    why: why.clone(),
                    by_agreement: ext_rules.beyond_by_agreement,
                    by_good_reason: ext_rules.beyond_with_good_reason,
                }
                .into());
            }
        }
    }
    let stage = current(next)?;
    stage.extensions.push(ExtensionGranted {
        on,
        reason: reason.trim().to_owned(),
        previous_date: previous,
        original_date: original.date,
        counted_from: original.counted_from,
        original_basis: original.basis,
        new_date,
        limit: limit.map(|(d, _)| d),
        agreed_with_resident,
        good_reason: beyond_for,
    });
    Ok(())
}

/// What staff asked for when extending a response date.
struct Extending<'a> {
    reason: &'a str,
    new_date: NaiveDate,
    agreed_with_resident: bool,
    good_reason: Option<&'a str>,
}

/// Compliments and comments: received, acknowledged, responded, closed.
fn apply_feedback(next: &mut CaseState, event: &Event, on: NaiveDate) -> Result<(), Refusal> {
    let kind = next.kind;
    if next.closed.is_some() {
        return Err(Refused::FeedbackClosed { kind }.into());
    }
    match event {
        // A compliment or a comment has nothing to define.
        Event::Acknowledged { definition: None } if next.acknowledged_on.is_none() => {
            next.acknowledged_on = Some(on)
        }
        Event::Acknowledged { definition: None } => {
            return Err(Refused::FeedbackAlreadyAcknowledged { kind }.into())
        }
        Event::Responded { .. } if next.responded_on.is_none() => next.responded_on = Some(on),
        Event::Responded { .. } => return Err(Refused::FeedbackAlreadyResponded { kind }.into()),
        Event::Closed { why } => {
            next.closed = Some(Closure {
                on,
                why: why.clone(),
            })
        }
        _ => return Err(Refused::NotAComplaint { kind }.into()),
    }
    Ok(())
}

fn current(state: &mut CaseState) -> Result<&mut StageState, Refusal> {
    state
        .current_stage_mut()
        .ok_or_else(|| Refused::NoStage.into())
}

fn first_stage_number(policy: &Policy) -> u8 {
    policy.stages.first().map(|s| s.number).unwrap_or(1)
}

fn not_before(act: Act, on: NaiveDate, earliest: NaiveDate) -> Result<(), Refusal> {
    if on < earliest {
        return Err(Refused::DateTooEarly { act, on, earliest }.into());
    }
    Ok(())
}
