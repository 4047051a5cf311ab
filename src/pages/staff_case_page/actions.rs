//! The caseworker's actions on a case, one form each: each action has its own
//! fields, its own errors and its own sending, and a form is made afresh when
//! its action is chosen, so nothing typed for one action carries into another
//! (issue 16, item 9).

use chrono::NaiveDate;
use domain::api::cases::{CaseDetail, MessagePreview, StaffActionRequest};
use domain::case::{
    Attendance, CaseKind, ClosedWhy, ComplaintDefinition, Event, Money, Outcome, OutstandingAction,
    Remedy, RemedyKind, Representative, SentBy, Settlement, StaffAction,
};
use domain::validation::{FieldError, Problems};
use leptos::prelude::*;

use crate::api::{self, ClientError};
use crate::case_action::retry_key;
use crate::components::error_summary::ErrorSummary;
use crate::components::radios::{Choice, Radios};
use crate::components::text_input::TextInput;
use crate::components::textarea::Textarea;
use crate::retry_key::RetryKeys;

/// What a saved action recorded, for the success banner.
fn recorded_words(action: StaffAction) -> &'static str {
    match action {
        StaffAction::Acknowledge => "The complaint has been acknowledged",
        StaffAction::Assign => "The caseworker has been assigned",
        StaffAction::Extend => "The new response date has been recorded",
        StaffAction::RequestInformation => "Your request for information has been recorded",
        StaffAction::Respond => "The response has been recorded",
        StaffAction::RefuseEscalation => "The refusal of the review has been recorded",
        StaffAction::ReopenAtStage => {
            "The complaint has been reopened at its stage: its new response date is below"
        }
        StaffAction::RecordPanelDate => "The panel's hearing date has been recorded",
        StaffAction::RecordPanelOutcome => "The panel's decision has been recorded",
        StaffAction::DelayPanel => "The panel's new date has been recorded",
        StaffAction::RecordReplyToCouncillorOrMp => {
            "The reply to the councillor or MP has been recorded"
        }
        StaffAction::DispensePanel => "The panel will not meet: the case is closed",
        StaffAction::RecordSatisfaction => "The resident's satisfaction has been recorded",
        StaffAction::Close => "The case has been closed",
        StaffAction::Reopen => "The case has been reopened",
        StaffAction::RecordReferralToOmbudsman => {
            "The referral to the Housing Ombudsman has been recorded"
        }
        StaffAction::Accept => "The complaint has been taken on",
        StaffAction::Decline => "The decision not to take the complaint on has been recorded",
        StaffAction::RecordEscalationRequest => "The request for a review has been recorded",
        StaffAction::RecordPanelRequest => "The request for a panel has been recorded",
        StaffAction::RecordWithdrawal => "The withdrawal has been recorded",
        StaffAction::RecordInformation => "The information has been added to the case",
        StaffAction::MarkActionDone => "The action is marked done",
        StaffAction::ChangeAction => "The change to the action has been recorded",
    }
}

/// The radio's value and label of an action.
fn action_choice(action: StaffAction) -> (&'static str, &'static str) {
    match action {
        StaffAction::Acknowledge => ("acknowledge", "Acknowledge"),
        StaffAction::Assign => ("assign", "Assign a caseworker"),
        StaffAction::Extend => ("extend", "Extend the response date"),
        StaffAction::RequestInformation => {
            ("request_information", "Ask the resident for information")
        }
        StaffAction::Respond => ("respond", "Record the response"),
        StaffAction::RefuseEscalation => ("refuse_escalation", "Refuse the request for a review"),
        StaffAction::ReopenAtStage => (
            "reopen_at_stage",
            "Reopen the complaint at its stage instead: the resident brought new information",
        ),
        StaffAction::RecordPanelDate => ("panel_date", "Record the panel's hearing date"),
        StaffAction::RecordPanelOutcome => ("panel_outcome", "Record the panel's decision"),
        StaffAction::DelayPanel => ("delay_panel", "Put the panel's date back"),
        StaffAction::RecordReplyToCouncillorOrMp => (
            "councillor_or_mp_reply",
            "Record that we replied to the councillor or MP",
        ),
        StaffAction::DispensePanel => (
            "dispense_panel",
            "Record that the resident agreed the panel will not meet",
        ),
        StaffAction::RecordSatisfaction => ("satisfaction", "Record the resident's satisfaction"),
        StaffAction::Close => ("close", "Close the case"),
        StaffAction::Reopen => ("reopen", "Reopen the case"),
        StaffAction::RecordReferralToOmbudsman => {
            ("ombudsman", "Record a referral to the Housing Ombudsman")
        }
        StaffAction::Accept => ("accept", "Take the complaint on"),
        StaffAction::Decline => ("decline", "Decline to take the complaint on"),
        StaffAction::RecordEscalationRequest => (
            "record_escalation",
            "Record a request for a review made by phone, letter or in person",
        ),
        StaffAction::RecordPanelRequest => (
            "record_panel",
            "Record a request for a panel made by phone, letter or in person",
        ),
        StaffAction::RecordWithdrawal => (
            "record_withdrawal",
            "Record a withdrawal made by phone, letter or in person",
        ),
        StaffAction::RecordInformation => (
            "record_information",
            "Add information the resident gave by phone, letter or in person",
        ),
        StaffAction::MarkActionDone => ("action_done", "Mark a promised action done"),
        StaffAction::ChangeAction => ("change_action", "Change a promised action"),
    }
}

/// Chooses an action, then shows that action's own form.
#[component]
pub fn StaffActions(
    case: CaseDetail,
    saved: Callback<&'static str>,
    recorded: RwSignal<Option<&'static str>>,
) -> impl IntoView {
    let actions = case.view.staff_actions.clone();
    if actions.is_empty() {
        return view! { <p class="app-body">"There is nothing to do on this case now."</p> }
            .into_any();
    }
    let chosen = RwSignal::new(String::new());
    // The choice is not sent, so it has no errors of its own.
    let no_errors = RwSignal::new(Vec::<FieldError>::new());
    let choices: Vec<Choice> = actions
        .iter()
        .map(|a| {
            let (value, label) = action_choice(*a);
            Choice::new(value, label)
        })
        .collect();
    let form = move || {
        let value = chosen.get();
        let action = actions
            .iter()
            .copied()
            .find(|a| action_choice(*a).0 == value)?;
        let sender = Sender::new(&case, action, saved, recorded);
        let case = case.clone();
        Some(match action {
            StaffAction::Acknowledge => {
                view! { <AcknowledgeForm case=case sender=sender /> }.into_any()
            }
            StaffAction::Assign => view! { <AssignForm case=case sender=sender /> }.into_any(),
            StaffAction::Extend => view! { <ExtendForm case=case sender=sender /> }.into_any(),
            StaffAction::RequestInformation => view! {
                <TextForm sender=sender label="What do you need from the resident?"
                    missing="Enter what you need from the resident"
                    event=|what| Event::InformationRequested { what } />
            }
            .into_any(),
            StaffAction::Respond => view! { <RespondForm case=case sender=sender /> }.into_any(),
            StaffAction::RefuseEscalation => view! {
                <TextForm sender=sender
                    label="Reasons, which the resident will read with the Housing Ombudsman's details"
                    missing="Enter the reasons, which the resident will read" max_chars=20000
                    event=|reasons| Event::EscalationRefused { reasons } />
            }
            .into_any(),
            // The policy's rule (Pioneer §6): the new information changes the
            // investigation, so the stage is answered again.
            StaffAction::ReopenAtStage => view! {
                <TextForm sender=sender
                    label="The new information and how it changes the investigation, which the resident will read"
                    missing="Say what the new information is and how it changes the investigation"
                    max_chars=20000
                    event=|reasons| Event::ReopenedAtStage { reasons } />
            }
            .into_any(),
            StaffAction::RecordPanelDate => view! { <PanelDateForm sender=sender /> }.into_any(),
            StaffAction::RecordPanelOutcome => {
                view! { <PanelOutcomeForm sender=sender /> }.into_any()
            }
            StaffAction::DelayPanel => view! { <DelayPanelForm sender=sender /> }.into_any(),
            StaffAction::RecordReplyToCouncillorOrMp => view! {
                <ConfirmForm sender=sender
                    words="Record that we replied to the councillor or MP the complaint came through. The resident is not sent a message about it."
                    event=Event::RepliedToCouncillorOrMp />
            }
            .into_any(),
            // The case closes, and the resident is sent the Ombudsman's details.
            StaffAction::DispensePanel => view! {
                <TextForm sender=sender
                    label="What you agreed with the resident, and when, which they will read"
                    missing="Say what you agreed with the resident"
                    event=|reason| Event::PanelDispensed { reason } />
            }
            .into_any(),
            StaffAction::RecordSatisfaction => {
                view! { <SatisfactionForm sender=sender /> }.into_any()
            }
            StaffAction::Close => view! { <CloseForm case=case sender=sender /> }.into_any(),
            StaffAction::MarkActionDone => {
                view! { <ActionDoneForm case=case sender=sender /> }.into_any()
            }
            StaffAction::ChangeAction => {
                view! { <ChangeActionForm case=case sender=sender /> }.into_any()
            }
            StaffAction::Reopen => view! {
                <TextForm sender=sender label="Why is it reopened?"
                    missing="Enter why the case is reopened"
                    event=|reason| Event::Reopened { reason } />
            }
            .into_any(),
            StaffAction::RecordReferralToOmbudsman => view! {
                <ConfirmForm sender=sender
                    words="Record that the complaint has gone to the Housing Ombudsman."
                    event=Event::ReferredToOmbudsman />
            }
            .into_any(),
            StaffAction::Accept => view! { <AcceptForm case=case sender=sender /> }.into_any(),
            // With how to ask the Housing Ombudsman to look at it (Code 2.4).
            StaffAction::Decline => view! {
                <TextForm sender=sender
                    label="Why the complaint is not taken on (the resident will read this, with how to ask the Housing Ombudsman to look at the decision)"
                    missing="Enter the reasons, which the resident will read" max_chars=20000
                    event=|reasons| Event::Declined { reasons } />
            }
            .into_any(),
            StaffAction::RecordEscalationRequest => {
                view! { <ForTheResidentForm sender=sender what=ForTheResident::Review /> }
                    .into_any()
            }
            StaffAction::RecordPanelRequest => {
                view! { <ForTheResidentForm sender=sender what=ForTheResident::Panel /> }.into_any()
            }
            StaffAction::RecordWithdrawal => {
                view! { <ForTheResidentForm sender=sender what=ForTheResident::Withdrawal /> }
                    .into_any()
            }
            StaffAction::RecordInformation => {
                view! { <ForTheResidentForm sender=sender what=ForTheResident::Information /> }
                    .into_any()
            }
        })
    };
    view! {
        <h2 class="app-heading-m">"Act on this case"</h2>
        <Radios field="action" legend="What do you want to do?" value=chosen errors=no_errors choices=choices />
        {form}
    }
    .into_any()
}

/// One action's sending: its own errors, its own retry keys, and the banner
/// once it is saved.
#[derive(Clone, Copy)]
pub struct Sender {
    pub errors: RwSignal<Vec<FieldError>>,
    send: Action<StaffActionRequest, Result<CaseDetail, ClientError>>,
    preview: Action<StaffActionRequest, Result<MessagePreview, ClientError>>,
    /// Set by the preview button for the next submit: preview, not save.
    previewing: StoredValue<bool>,
    /// What the last preview showed; cleared when anything is saved.
    previewed: RwSignal<Option<MessagePreview>>,
    recorded: RwSignal<Option<&'static str>>,
}

impl Sender {
    fn new(
        case: &CaseDetail,
        action: StaffAction,
        saved: Callback<&'static str>,
        recorded: RwSignal<Option<&'static str>>,
    ) -> Self {
        let errors = RwSignal::new(Vec::<FieldError>::new());
        let keys = StoredValue::new_local(RetryKeys::default());
        let id = case.id.clone();
        let send = Action::new_local(move |request: &StaffActionRequest| {
            let request = request.clone();
            let id = id.clone();
            let key = retry_key(keys, &(&id, &request));
            async move { api::staff::record_action(&id, &request, &key).await }
        });
        Effect::new(move |_| {
            if let Some(result) = send.value().get() {
                match result {
                    Ok(_) => saved.run(recorded_words(action)),
                    Err(error) => errors.set(error.field_errors()),
                }
            }
        });
        let previewed = RwSignal::new(None);
        let preview_id = case.id.clone();
        let preview = Action::new_local(move |request: &StaffActionRequest| {
            let request = request.clone();
            let id = preview_id.clone();
            async move { api::staff::preview_action(&id, &request).await }
        });
        Effect::new(move |_| {
            if let Some(result) = preview.value().get() {
                match result {
                    Ok(shown) => previewed.set(Some(shown)),
                    Err(error) => {
                        previewed.set(None);
                        errors.set(error.field_errors());
                    }
                }
            }
        });
        Self {
            errors,
            send,
            preview,
            previewing: StoredValue::new(false),
            previewed,
            recorded,
        }
    }

    /// Sends `event` when `problems` found nothing, else shows them; after
    /// the preview button, asks what the resident would be told instead.
    pub fn submit(&self, problems: Problems, event: Option<Event>) {
        self.submit_on(problems, event, None);
    }

    /// [`Self::submit`], dated `on` when it happened before today.
    pub fn submit_on(&self, problems: Problems, event: Option<Event>, on: Option<NaiveDate>) {
        let previewing = self.previewing.get_value();
        self.previewing.set_value(false);
        self.recorded.set(None);
        self.previewed.set(None);
        match (problems.into_result(), event) {
            (Ok(()), Some(event)) => {
                self.errors.set(Vec::new());
                let request = StaffActionRequest { event, on };
                if previewing {
                    self.preview.dispatch(request);
                } else {
                    self.send.dispatch(request);
                }
            }
            (Err(found), _) => self.errors.set(found),
            _ => {}
        }
    }

    pub fn pending(&self) -> Signal<bool> {
        self.send.pending().into()
    }
}

/// An action's form: its errors above it, a button that previews what the
/// resident will be told, and its own Save button.
#[component]
pub fn ActionForm(
    sender: Sender,
    on_submit: impl Fn() + Clone + 'static,
    children: Children,
) -> impl IntoView {
    let pending = sender.pending();
    let preview_pending = sender.preview.pending();
    let preview_submit = on_submit.clone();
    let previewed = sender.previewed;
    view! {
        <ErrorSummary errors=sender.errors />
        <form novalidate on:submit=move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            on_submit();
        }>
            {children()}
            <div class="app-button-group">
                <button type="button" class="app-button app-button--secondary" disabled=move || preview_pending.get()
                    on:click=move |_| {
                        sender.previewing.set_value(true);
                        preview_submit();
                    }>"Preview what the resident will be told"</button>
                <button type="submit" class="app-button" disabled=move || pending.get()>"Save"</button>
            </div>
            <div aria-live="polite" data-testid="message-preview">
                {move || previewed.get().map(|shown| match shown.message {
                    Some(message) => view! {
                        <div class="app-inset-text">
                            <h3 class="app-heading-s">"The resident will be told"</h3>
                            <p class="app-body"><strong>{message.subject}</strong></p>
                            <p class="app-body app-preserve-lines">{message.body}</p>
                        </div>
                    }.into_any(),
                    None => view! {
                        <p class="app-inset-text">"The resident is not sent a message for this. It shows on their case."</p>
                    }.into_any(),
                })}
            </div>
        </form>
    }
}

/// Records `message` against `field` when `text` is blank.
pub fn need(problems: &mut Problems, text: &str, field: &str, message: &str) {
    if text.trim().is_empty() {
        problems.add(field, message);
    }
}

pub fn parse_date(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").ok()
}

fn outcome(value: &str) -> Option<Outcome> {
    match value {
        "upheld" => Some(Outcome::Upheld),
        "partly_upheld" => Some(Outcome::PartlyUpheld),
        "not_upheld" => Some(Outcome::NotUpheld),
        _ => None,
    }
}

fn outcomes() -> Vec<Choice> {
    vec![
        Choice::new("upheld", "Upheld"),
        Choice::new("partly_upheld", "Partly upheld"),
        Choice::new("not_upheld", "Not upheld"),
    ]
}

fn trimmed(value: RwSignal<String>) -> String {
    value.get_untracked().trim().to_owned()
}

/// Acknowledges the stage. For a complaint, with the complaint definition
/// the Code requires when it is logged or escalated (5.6): what it is about
/// and the outcome the resident wants, as the caseworker understands them.
/// The resident reads both, and can say they are not right.
#[component]
fn AcknowledgeForm(case: CaseDetail, sender: Sender) -> impl IntoView {
    let complaint = case.kind == CaseKind::Complaint;
    let about = RwSignal::new(String::new());
    let outcome_sought = RwSignal::new(String::new());
    let submit = move || {
        let mut problems = Problems::new();
        let definition = complaint.then(|| {
            let (about, outcome_sought) = (trimmed(about), trimmed(outcome_sought));
            need(
                &mut problems,
                &about,
                "about",
                "Enter what the complaint is about, as you understand it",
            );
            need(
                &mut problems,
                &outcome_sought,
                "outcome_sought",
                "Enter the outcome the resident wants, as you understand it",
            );
            ComplaintDefinition {
                about,
                outcome_sought,
            }
        });
        sender.submit(problems, Some(Event::Acknowledged { definition }));
    };
    let errors = sender.errors;
    view! {
        <ActionForm sender=sender on_submit=submit>
            {complaint.then(|| view! {
                <p class="app-body">"Set out what you understand the complaint to be (the complaint definition, Code 5.6). The resident reads it, and can tell you if it is not right."</p>
                <Textarea field="about" label="What the complaint is about" value=about errors=errors max_chars=5000
                    hint="In plain words the resident will recognise, for example: the boiler has failed three times since October and the repairs did not last" />
                <Textarea field="outcome_sought" label="The outcome the resident wants" value=outcome_sought errors=errors max_chars=5000
                    hint="For example: a new boiler, and compensation for the days without heating" />
            })}
            <p class="app-body">"The resident is told the complaint is acknowledged, and when to expect the response."</p>
        </ActionForm>
    }
}

/// Picks a caseworker from the staff. Those who dealt with an earlier stage
/// are marked: the Code (6.13) says they cannot take this one.
#[component]
fn AssignForm(case: CaseDetail, sender: Sender) -> impl IntoView {
    let chosen = RwSignal::new(String::new());
    let earlier: Vec<String> = case
        .staff
        .as_ref()
        .map(|s| s.earlier_stage_handlers.clone())
        .unwrap_or_default();
    let current = case.staff.as_ref().and_then(|s| s.caseworker_id.clone());
    let caseworkers =
        LocalResource::new(|| async { api::staff::caseworkers().await.unwrap_or_default() });
    let submit = move || {
        let mut problems = Problems::new();
        let account = trimmed(chosen);
        need(
            &mut problems,
            &account,
            "caseworker_id",
            "Select the caseworker",
        );
        sender.submit(
            problems,
            Some(Event::Assigned {
                caseworker: String::new(),
                caseworker_id: Some(account),
            }),
        );
    };
    let error = move || crate::form::message_for(&sender.errors.get(), "caseworker_id");
    view! {
        <ActionForm sender=sender on_submit=submit>
            <div class=move || if error().is_some() { "app-form-group app-form-group--error" } else { "app-form-group" }>
                <label class="app-label" for="caseworker_id">"Caseworker"</label>
                {(!earlier.is_empty()).then(|| view! {
                    <p class="app-hint" id="caseworker_id-hint">"Someone who dealt with an earlier stage cannot consider this one (Complaint Handling Code 6.13)."</p>
                })}
                {move || error().map(|e| view! { <p class="app-error-message" id="caseworker_id-error"><span class="app-visually-hidden">"Error: "</span>{e}</p> })}
                <select class="app-select" id="caseworker_id" name="caseworker_id"
                    on:change=move |ev| chosen.set(event_target_value(&ev)) prop:value=move || chosen.get()>
                    <option value="">"Select a caseworker"</option>
                    {move || {
                        let earlier = earlier.clone();
                        let current = current.clone();
                        caseworkers.get().unwrap_or_default().into_iter().map(move |c| {
                            let mut label = c.name.clone();
                            if current.as_deref() == Some(c.id.as_str()) {
                                label.push_str(" (assigned now)");
                            }
                            if earlier.contains(&c.id) {
                                label.push_str(" (dealt with an earlier stage)");
                            }
                            view! { <option value=c.id.clone()>{label}</option> }
                        }).collect_view()
                    }}
                </select>
            </div>
        </ActionForm>
    }
}

#[component]
fn ExtendForm(case: CaseDetail, sender: Sender) -> impl IntoView {
    let reason = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let agreed = RwSignal::new(String::new());
    let good_reason = RwSignal::new(String::new());
    let stage = case.view.stage.as_ref().map(|s| s.number);
    let allowance = case.staff.as_ref().and_then(|s| s.extension.clone());
    let policy_id = case.policy_id.clone();
    let policy = LocalResource::new(move || {
        let id = policy_id.clone();
        async move { api::policies::get(&id).await }
    });
    let submit = move || {
        let mut problems = Problems::new();
        let text = trimmed(reason);
        need(
            &mut problems,
            &text,
            "text",
            "Enter the reason for the extension",
        );
        let new_date = parse_date(&date.get_untracked());
        if new_date.is_none() {
            problems.add("date", "Enter the new response date");
        }
        sender.submit(
            problems,
            new_date.map(|new_date| Event::Extended {
                reason: text,
                new_date,
                agreed_with_resident: agreed.get_untracked() == "agreed",
                good_reason: Some(trimmed(good_reason)).filter(|r| !r.is_empty()),
            }),
        );
    };
    let errors = sender.errors;
    view! {
        <ActionForm sender=sender on_submit=submit>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let effective = policy.await.ok().map(|p| p.effective);
                    // Whether this stage's date may go beyond the policy's
                    // limit for a good reason (the Code, 6.4, and section 6 at stage 2).
                    let by_good_reason = effective.as_ref().is_some_and(|p| {
                        p.stages.iter().any(|s| {
                            Some(s.number) == stage
                                && s.extension.as_ref().is_some_and(|e| e.beyond_with_good_reason)
                        })
                    });
                    let reasons = effective.map(|p| p.extension_reasons).unwrap_or_default();
                    view! {
                        <div class="app-form-group">
                            <label class="app-label" for="text">"Reason (the resident will read it)"</label>
                            <input class="app-input" id="text" maxlength="5000" list="extension-reasons" prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev)) />
                            <datalist id="extension-reasons">{reasons.into_iter().map(|r| view! { <option value=r.clone()></option> }).collect_view()}</datalist>
                        </div>
                        {by_good_reason.then(|| view! {
                            <Textarea field="good_reason" label="Good reason for a date beyond the policy's limit (only if it is)" value=good_reason errors=errors rows=3
                                hint="The resident reads it with the Housing Ombudsman's details. The Complaint Handling Code allows a longer extension only for a good reason, explained to the resident." />
                        })}
                    }
                })}
            </Transition>
            {allowance.map(|a| view! { <p class="app-body" data-testid="extension-allowance">{crate::case_words::extension_allowance_words(&a)}</p> })}
            <DateField label="New response date" value=date errors=errors />
            <Radios field="choice" legend="Did the resident agree to this date?" value=agreed errors=errors
                hint="Only needed for a date beyond the policy's limit, where the policy allows it by agreement"
                choices=vec![Choice::new("agreed", "Yes, they agreed"), Choice::new("not_asked", "No, or not needed")] />
        </ActionForm>
    }
}

/// The most remedies and promised actions one response form holds: each
/// row's fields have their own ids.
const ROWS: usize = 6;

/// Each remedy row's field ids: kind, words, amount, money, settlement.
const REMEDY_FIELDS: [[&str; 5]; ROWS] = [
    [
        "remedy_kind_1",
        "remedy_1",
        "amount_1",
        "money_1",
        "settlement_1",
    ],
    [
        "remedy_kind_2",
        "remedy_2",
        "amount_2",
        "money_2",
        "settlement_2",
    ],
    [
        "remedy_kind_3",
        "remedy_3",
        "amount_3",
        "money_3",
        "settlement_3",
    ],
    [
        "remedy_kind_4",
        "remedy_4",
        "amount_4",
        "money_4",
        "settlement_4",
    ],
    [
        "remedy_kind_5",
        "remedy_5",
        "amount_5",
        "money_5",
        "settlement_5",
    ],
    [
        "remedy_kind_6",
        "remedy_6",
        "amount_6",
        "money_6",
        "settlement_6",
    ],
];

/// Each promised action row's field ids: what, who, by when.
const ACTION_FIELDS: [[&str; 3]; ROWS] = [
    ["promised_1", "promised_owner_1", "promised_due_1"],
    ["promised_2", "promised_owner_2", "promised_due_2"],
    ["promised_3", "promised_owner_3", "promised_due_3"],
    ["promised_4", "promised_owner_4", "promised_due_4"],
    ["promised_5", "promised_owner_5", "promised_due_5"],
    ["promised_6", "promised_owner_6", "promised_due_6"],
];

const REMEDY_KINDS: [(&str, &str); 6] = [
    ("apology", "An apology"),
    ("action", "Something we will do"),
    ("changed_decision", "A changed decision"),
    ("amended_record", "A corrected record"),
    ("changed_policy", "A change to how we work"),
    ("financial", "Money"),
];

fn remedy_kind(value: &str) -> Option<RemedyKind> {
    Some(match value {
        "apology" => RemedyKind::Apology,
        "action" => RemedyKind::Action,
        "changed_decision" => RemedyKind::ChangedDecision,
        "amended_record" => RemedyKind::AmendedRecord,
        "changed_policy" => RemedyKind::ChangedPolicy,
        "financial" => RemedyKind::Financial,
        _ => return None,
    })
}

fn money_kind(value: &str) -> Option<Money> {
    Some(match value {
        "compensation" => Money::Compensation,
        "reimbursement" => Money::Reimbursement,
        "goodwill" => Money::Goodwill,
        _ => return None,
    })
}

fn settlement(value: &str) -> Option<Settlement> {
    Some(match value {
        "paid" => Settlement::Paid,
        "offset" => Settlement::OffsetAgainstMoneyOwed,
        "in_kind" => Settlement::InKind,
        _ => return None,
    })
}

/// Pounds as typed ("50", "25.50", "£1,200") in pence.
fn pence(text: &str) -> Option<u64> {
    let text = text.trim().trim_start_matches('£').replace(',', "");
    let (pounds, pennies) = match text.split_once('.') {
        Some((p, d)) if d.len() == 2 => (p, d),
        Some((p, d)) if d.len() == 1 => (p, d),
        Some(_) => return None,
        None => (text.as_str(), "0"),
    };
    let pounds: u64 = pounds.parse().ok()?;
    let mut pennies: u64 = pennies.parse().ok()?;
    if text.split_once('.').is_some_and(|(_, d)| d.len() == 1) {
        pennies *= 10;
    }
    pounds.checked_mul(100)?.checked_add(pennies)
}

/// One remedy's fields.
#[derive(Clone, Copy)]
struct RemedyRow {
    kind: RwSignal<String>,
    words: RwSignal<String>,
    amount: RwSignal<String>,
    money: RwSignal<String>,
    settlement: RwSignal<String>,
}

impl RemedyRow {
    fn new() -> Self {
        Self {
            kind: RwSignal::new(String::new()),
            words: RwSignal::new(String::new()),
            amount: RwSignal::new(String::new()),
            money: RwSignal::new(String::new()),
            settlement: RwSignal::new(String::new()),
        }
    }

    fn signals(&self) -> [RwSignal<String>; 5] {
        [
            self.kind,
            self.words,
            self.amount,
            self.money,
            self.settlement,
        ]
    }

    /// The remedy, or what is missing, keyed by this row's `fields`.
    fn read(&self, fields: [&'static str; 5], problems: &mut Problems) -> Option<Remedy> {
        let kind = remedy_kind(&self.kind.get_untracked());
        if kind.is_none() {
            problems.add(fields[0], "Select the kind of remedy");
        }
        let words = trimmed(self.words);
        need(
            problems,
            &words,
            fields[1],
            "Enter what the remedy is, in words the resident will understand",
        );
        let (mut amount_pence, mut money, mut settled) = (None, None, None);
        if kind == Some(RemedyKind::Financial) {
            amount_pence = pence(&self.amount.get_untracked());
            if amount_pence.is_none() {
                problems.add(fields[2], "Enter the amount in pounds, like 50 or 25.50");
            }
            money = money_kind(&self.money.get_untracked());
            if money.is_none() {
                problems.add(fields[3], "Select what the money is for");
            }
            settled = settlement(&self.settlement.get_untracked()).or(Some(Settlement::Paid));
        }
        Some(Remedy {
            kind: kind?,
            description: words,
            amount_pence,
            money,
            settlement: settled,
        })
    }
}

/// One promised action's fields.
#[derive(Clone, Copy)]
struct ActionRow {
    words: RwSignal<String>,
    owner: RwSignal<String>,
    due: RwSignal<String>,
}

impl ActionRow {
    fn new() -> Self {
        Self {
            words: RwSignal::new(String::new()),
            owner: RwSignal::new(String::new()),
            due: RwSignal::new(String::new()),
        }
    }

    fn signals(&self) -> [RwSignal<String>; 3] {
        [self.words, self.owner, self.due]
    }

    fn read(
        &self,
        fields: [&'static str; 3],
        today: NaiveDate,
        problems: &mut Problems,
    ) -> Option<OutstandingAction> {
        let description = trimmed(self.words);
        need(problems, &description, fields[0], "Enter what will be done");
        let owner = trimmed(self.owner);
        need(
            problems,
            &owner,
            fields[1],
            "Enter who will do it: a person or a team",
        );
        let due = parse_date(&self.due.get_untracked());
        match due {
            None => problems.add(fields[2], "Enter the date it will be done by"),
            Some(d) if d < today => problems.add(
                fields[2],
                "The date it will be done by must be today or later",
            ),
            _ => {}
        }
        Some(OutstandingAction {
            description,
            owner,
            due: due?,
        })
    }
}

/// Removes row `at` of the first `count` rows, moving the rest up, so the
/// rows stay in order with no gap.
fn remove_row<const N: usize>(rows: &[[RwSignal<String>; N]], count: RwSignal<usize>, at: usize) {
    let shown = count.get_untracked();
    for i in at..shown.saturating_sub(1) {
        for (to, from) in rows[i].iter().zip(rows[i + 1].iter()) {
            to.set(from.get_untracked());
        }
    }
    if let Some(last) = rows.get(shown.saturating_sub(1)) {
        for field in last {
            field.set(String::new());
        }
    }
    count.set(shown.saturating_sub(1));
}

/// A select of `options` (value, label) with its label and error.
#[component]
fn SelectField(
    field: &'static str,
    #[prop(into)] label: String,
    options: Vec<(&'static str, String)>,
    value: RwSignal<String>,
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let error = move || crate::form::message_for(&errors.get(), field);
    let error_id = format!("{field}-error");
    let described = error_id.clone();
    view! {
        <div class=move || if error().is_some() { "app-form-group app-form-group--error" } else { "app-form-group" }>
            <label class="app-label" for=field>{label}</label>
            {move || error().map(|e| view! { <p class="app-error-message" id=error_id.clone()><span class="app-visually-hidden">"Error: "</span>{e}</p> })}
            <select class="app-select" id=field name=field aria-describedby=move || error().map(|_| described.clone())
                on:change=move |ev| value.set(event_target_value(&ev)) prop:value=move || value.get()>
                <option value="">"Select"</option>
                {options.into_iter().map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view()}
            </select>
        </div>
    }
}

/// The response: the outcome and reasons, each remedy (money with its
/// amount, what it is, and how it is settled where the policy allows more
/// than paying it), and each action still to do with who does it and by
/// when (issue 16, item 4). The resident's message lists them all.
#[component]
fn RespondForm(case: CaseDetail, sender: Sender) -> impl IntoView {
    let chosen = RwSignal::new(String::new());
    let reasons = RwSignal::new(String::new());
    let sent = RwSignal::new("online".to_owned());
    let causes = RwSignal::new(Vec::<String>::new());
    let lessons = RwSignal::new(String::new());
    let remedies: [RemedyRow; ROWS] = std::array::from_fn(|_| RemedyRow::new());
    let actions: [ActionRow; ROWS] = std::array::from_fn(|_| ActionRow::new());
    let remedy_count = RwSignal::new(0usize);
    let action_count = RwSignal::new(0usize);
    let is_complaint = case.kind == CaseKind::Complaint;
    let today = case.view.today;
    let policy_id = case.policy_id.clone();
    let policy = LocalResource::new(move || {
        let id = policy_id.clone();
        async move { api::policies::get(&id).await }
    });
    let submit = move || {
        let mut problems = Problems::new();
        let outcome = outcome(&chosen.get_untracked());
        if is_complaint && outcome.is_none() {
            problems.add("choice", "Select the outcome");
        }
        let text = trimmed(reasons);
        need(
            &mut problems,
            &text,
            "text",
            "Enter the reasons for the decision",
        );
        let remedies: Vec<Option<Remedy>> = (0..remedy_count.get_untracked())
            .map(|i| remedies[i].read(REMEDY_FIELDS[i], &mut problems))
            .collect();
        let actions: Vec<Option<OutstandingAction>> = (0..action_count.get_untracked())
            .map(|i| actions[i].read(ACTION_FIELDS[i], today, &mut problems))
            .collect();
        let event = Some(Event::Responded {
            outcome,
            reasons: text,
            remedies: remedies.into_iter().flatten().collect(),
            outstanding_actions: actions.into_iter().flatten().collect(),
            sent_by: Some(if sent.get_untracked() == "post" {
                SentBy::Post
            } else {
                SentBy::Online
            }),
            root_causes: causes.get_untracked(),
            lessons: Some(trimmed(lessons)).filter(|l| !l.is_empty()),
        });
        sender.submit(problems, event);
    };
    let errors = sender.errors;
    let settlements = move || {
        let mut options = vec![("paid", "Paid to the resident".to_owned())];
        if let Some(Ok(p)) = policy.get() {
            if let Some(words) = p.effective.remedies.offset_against_money_owed {
                options.push((
                    "offset",
                    format!("Set against money they owe (the policy: \u{201c}{words}\u{201d})"),
                ));
            }
            if let Some(words) = p.effective.remedies.in_kind {
                options.push((
                    "in_kind",
                    format!("In kind (the policy: \u{201c}{words}\u{201d})"),
                ));
            }
        }
        options
    };
    let remedy_rows = move || {
        (0..remedy_count.get()).map(|i| {
            let row = remedies[i];
            let [kind_id, words_id, amount_id, money_id, settlement_id] = REMEDY_FIELDS[i];
            let money = move || row.kind.get() == "financial";
            let all: Vec<[RwSignal<String>; 5]> = remedies.iter().map(RemedyRow::signals).collect();
            view! {
                <fieldset class="app-fieldset app-add-another__item" data-testid="remedy-row">
                    <legend class="app-fieldset__legend app-fieldset__legend--s">{format!("Remedy {}", i + 1)}</legend>
                    <SelectField field=kind_id label="Kind of remedy" value=row.kind errors=errors
                        options=REMEDY_KINDS.iter().map(|(v, l)| (*v, (*l).to_owned())).collect() />
                    <TextInput field=words_id label="What it is, as the resident will read it" value=row.words errors=errors />
                    <Show when=money>
                        <SelectField field=money_id label="What the money is" value=row.money errors=errors options=vec![
                            ("compensation", "Compensation for distress, inconvenience, time and trouble".to_owned()),
                            ("reimbursement", "A refund of what the resident spent".to_owned()),
                            ("goodwill", "A goodwill payment".to_owned()),
                        ] />
                        <TextInput field=amount_id label="Amount in pounds" value=row.amount errors=errors inputmode="decimal" width="app-input--width-10" />
                        <SelectField field=settlement_id label="How it is settled" value=row.settlement errors=errors options=settlements() />
                    </Show>
                    <button type="button" class="app-button app-button--secondary app-add-another__remove"
                        on:click=move |_| remove_row(&all, remedy_count, i)>{format!("Remove remedy {}", i + 1)}</button>
                </fieldset>
            }
        }).collect_view()
    };
    let action_rows = move || {
        (0..action_count.get()).map(|i| {
            let row = actions[i];
            let [words_id, owner_id, due_id] = ACTION_FIELDS[i];
            let all: Vec<[RwSignal<String>; 3]> = actions.iter().map(ActionRow::signals).collect();
            view! {
                <fieldset class="app-fieldset app-add-another__item" data-testid="action-row">
                    <legend class="app-fieldset__legend app-fieldset__legend--s">{format!("Action {}", i + 1)}</legend>
                    <TextInput field=words_id label="What will be done" value=row.words errors=errors />
                    <TextInput field=owner_id label="Who will do it" value=row.owner errors=errors hint="A person or a team, for example: Repairs team" />
                    <DateField field=due_id label="Date it will be done by" value=row.due errors=errors />
                    <button type="button" class="app-button app-button--secondary app-add-another__remove"
                        on:click=move |_| remove_row(&all, action_count, i)>{format!("Remove action {}", i + 1)}</button>
                </fieldset>
            }
        }).collect_view()
    };
    view! {
        <ActionForm sender=sender on_submit=submit>
            {is_complaint.then(|| view! { <Radios field="choice" legend="Outcome" value=chosen errors=errors choices=outcomes() /> })}
            <Textarea field="text" label="Decision and reasons, answering each point" value=reasons errors=errors max_chars=20000 />
            <Radios field="sent_by" legend="How is the response sent?" value=sent errors=errors
                hint="A window the resident has to ask for the next stage may count from the day they receive it"
                choices=vec![
                    Choice::new("online", "In the portal or by email: they receive it today"),
                    Choice::new("post", "By post: it counts as received 2 working days after posting, unless the policy says otherwise"),
                ] />
            <h3 class="app-heading-s">"Putting things right"</h3>
            {remedy_rows}
            <Show when=move || { remedy_count.get() < ROWS }>
                <button type="button" class="app-button app-button--secondary" on:click=move |_| remedy_count.update(|n| *n += 1)>
                    {move || if remedy_count.get() == 0 { "Add a remedy" } else { "Add another remedy" }}
                </button>
            </Show>
            <LearningFields policy=policy causes=causes lessons=lessons errors=errors />
            <h3 class="app-heading-s">"Actions still to do"</h3>
            <p class="app-hint">"Each is followed to the end: you mark it done, or change it with a reason the resident is told."</p>
            {action_rows}
            <Show when=move || { action_count.get() < ROWS }>
                <button type="button" class="app-button app-button--secondary" on:click=move |_| action_count.update(|n| *n += 1)>
                    {move || if action_count.get() == 0 { "Add an action" } else { "Add another action" }}
                </button>
            </Show>
        </ActionForm>
    }
}

/// What caused the complaint, from the policy's list, and what we learnt
/// (Code section 9): kept for the landlord's figures, never shown to the
/// resident.
#[component]
fn LearningFields(
    policy: LocalResource<Result<domain::api::PolicyDetail, ClientError>>,
    causes: RwSignal<Vec<String>>,
    lessons: RwSignal<String>,
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let boxes = move || {
        let list = policy.get().and_then(|p| p.ok())?.effective.root_causes();
        Some(
            list.into_iter()
                .map(|cause| {
                    let id = format!("cause-{}", cause.id);
                    let (checked, toggled) = (cause.id.clone(), cause.id);
                    view! {
                        <div class="app-checkboxes__item">
                            <input class="app-checkboxes__input" id=id.clone() type="checkbox"
                                prop:checked=move || causes.with(|c| c.contains(&checked))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    causes.update(|c| {
                                        c.retain(|x| x != &toggled);
                                        if on {
                                            c.push(toggled.clone());
                                        }
                                    });
                                } />
                            <label class="app-checkboxes__label" for=id>{cause.label}</label>
                        </div>
                    }
                })
                .collect_view(),
        )
    };
    view! {
        <h3 class="app-heading-s">"What we learnt"</h3>
        <div class="app-form-group">
            <fieldset class="app-fieldset" aria-describedby="root_causes-hint" data-testid="root-causes">
                <legend class="app-fieldset__legend app-fieldset__legend--s">"What caused the complaint?"</legend>
                <p class="app-hint" id="root_causes-hint">"Select all that apply. For the landlord's figures: the resident does not see this."</p>
                <div class="app-checkboxes">{boxes}</div>
            </fieldset>
        </div>
        <Textarea field="lessons" label="What we learnt, and what we will change (optional)" value=lessons errors=errors max_chars=5000
            hint="For the landlord's figures and reports: the resident does not see this" />
    }
}

/// The promised actions not done, as choices: "2: Replace the boiler (by 24 March 2026)".
fn open_actions(case: &CaseDetail) -> Vec<(&'static str, String)> {
    const NUMBERS: [&str; 36] = [
        "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16",
        "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31",
        "32", "33", "34", "35", "36",
    ];
    case.view
        .actions
        .iter()
        .filter(|a| a.is_open())
        .filter_map(|a| {
            let value = NUMBERS.get(usize::from(a.number).checked_sub(1)?)?;
            Some((
                *value,
                format!(
                    "{}: {} (by {}, {})",
                    a.number,
                    a.description,
                    crate::format::date(a.due),
                    a.owner
                ),
            ))
        })
        .collect()
}

/// Marks a promised action done, on the day it was done.
#[component]
fn ActionDoneForm(case: CaseDetail, sender: Sender) -> impl IntoView {
    let chosen = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let today = case.view.today;
    let choices = open_actions(&case);
    let submit = move || {
        let mut problems = Problems::new();
        let action = chosen.get_untracked().parse::<u16>().ok();
        if action.is_none() {
            problems.add("which_action", "Select the action that is done");
        }
        let on = parse_date(&date.get_untracked());
        match on {
            None => problems.add("date", "Enter the date it was done"),
            Some(d) if d > today => {
                problems.add("date", "The date it was done must be today or earlier")
            }
            _ => {}
        }
        sender.submit_on(
            problems,
            action.map(|action| Event::ActionDone { action }),
            on,
        );
    };
    let errors = sender.errors;
    view! {
        <ActionForm sender=sender on_submit=submit>
            <SelectField field="which_action" label="Which action is done?" value=chosen errors=errors options=choices />
            <DateField label="Date it was done" value=date errors=errors />
            <p class="app-body">"The resident is told, and the case shows it as done."</p>
        </ActionForm>
    }
}

/// Changes a promised action: what it now is, who does it, its new date,
/// and why, which the resident is told.
#[component]
fn ChangeActionForm(case: CaseDetail, sender: Sender) -> impl IntoView {
    let chosen = RwSignal::new(String::new());
    let words = RwSignal::new(String::new());
    let owner = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let today = case.view.today;
    let choices = open_actions(&case);
    let current = case.view.actions.clone();
    // Choosing an action fills in what it is now, to be edited.
    Effect::new(move |_| {
        let number = chosen.get().parse::<u16>().ok();
        if let Some(a) = current.iter().find(|a| Some(a.number) == number) {
            words.set(a.description.clone());
            owner.set(a.owner.clone());
            due.set(a.due.to_string());
        }
    });
    let submit = move || {
        let mut problems = Problems::new();
        let action = chosen.get_untracked().parse::<u16>().ok();
        if action.is_none() {
            problems.add("which_action", "Select the action that is changing");
        }
        // The same checks as an action in the response form.
        let now = ActionRow { words, owner, due }.read(
            ["description", "owner", "date"],
            today,
            &mut problems,
        );
        let why = trimmed(reason);
        need(
            &mut problems,
            &why,
            "reason",
            "Enter why it is changing: the resident will read it",
        );
        let event = match (action, now) {
            (Some(action), Some(now)) => Some(Event::ActionChanged {
                action,
                reason: why,
                description: now.description,
                owner: now.owner,
                due: now.due,
            }),
            _ => None,
        };
        sender.submit(problems, event);
    };
    let errors = sender.errors;
    view! {
        <ActionForm sender=sender on_submit=submit>
            <SelectField field="which_action" label="Which action is changing?" value=chosen errors=errors options=choices />
            <TextInput field="description" label="What will be done" value=words errors=errors />
            <TextInput field="owner" label="Who will do it" value=owner errors=errors />
            <DateField label="Date it will be done by" value=due errors=errors />
            <Textarea field="reason" label="Why it is changing, which the resident will read" value=reason errors=errors max_chars=5000 />
        </ActionForm>
    }
}

/// An action that is one text the resident will read: the field's label, what
/// to say when it is empty, its longest length, and the event it makes. One
/// component serves them all, which keeps the staff pages' code small.
#[component]
fn TextForm(
    sender: Sender,
    label: &'static str,
    missing: &'static str,
    #[prop(default = 5000)] max_chars: usize,
    event: fn(String) -> Event,
) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let submit = move || {
        let mut problems = Problems::new();
        let words = trimmed(text);
        need(&mut problems, &words, "text", missing);
        sender.submit(problems, Some(event(words)));
    };
    let errors = sender.errors;
    view! {
        <ActionForm sender=sender on_submit=submit>
            <Textarea field="text" label=label value=text errors=errors max_chars=max_chars />
        </ActionForm>
    }
}

#[component]
fn PanelDateForm(sender: Sender) -> impl IntoView {
    let date = RwSignal::new(String::new());
    let submit = move || {
        let mut problems = Problems::new();
        let held = parse_date(&date.get_untracked());
        if held.is_none() {
            problems.add("date", "Enter the date of the hearing");
        }
        sender.submit(problems, held.map(|date| Event::PanelHeld { date }));
    };
    let errors = sender.errors;
    view! {
        <ActionForm sender=sender on_submit=submit>
            <DateField label="Date of the hearing" value=date errors=errors />
        </ActionForm>
    }
}

/// The panel cannot meet by its date: the new date and the explanation the
/// resident is sent (Pioneer §6: "keep the customer informed, offer an
/// explanation").
#[component]
fn DelayPanelForm(sender: Sender) -> impl IntoView {
    let date = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let submit = move || {
        let mut problems = Problems::new();
        let new_date = parse_date(&date.get_untracked());
        if new_date.is_none() {
            problems.add("date", "Enter the date the panel will now meet by");
        }
        let text = trimmed(reason);
        need(
            &mut problems,
            &text,
            "text",
            "Explain why the panel cannot meet by its date",
        );
        sender.submit(
            problems,
            new_date.map(|new_date| Event::PanelDelayed {
                new_date,
                reason: text,
            }),
        );
    };
    let errors = sender.errors;
    view! {
        <ActionForm sender=sender on_submit=submit>
            <DateField label="The date the panel will now meet by" value=date errors=errors />
            <Textarea field="text" label="Why it cannot meet by its date, which the resident will read" value=reason errors=errors />
        </ActionForm>
    }
}

#[component]
fn PanelOutcomeForm(sender: Sender) -> impl IntoView {
    let chosen = RwSignal::new(String::new());
    let reasons = RwSignal::new(String::new());
    let submit = move || {
        let mut problems = Problems::new();
        let outcome = outcome(&chosen.get_untracked());
        if outcome.is_none() {
            problems.add("choice", "Select the panel's decision");
        }
        let text = trimmed(reasons);
        need(&mut problems, &text, "text", "Enter the panel's reasons");
        sender.submit(
            problems,
            outcome.map(|outcome| Event::PanelOutcome {
                outcome,
                reasons: text,
            }),
        );
    };
    let errors = sender.errors;
    view! {
        <ActionForm sender=sender on_submit=submit>
            <Radios field="choice" legend="The panel's decision" value=chosen errors=errors choices=outcomes() />
            <Textarea field="text" label="The panel's reasons" value=reasons errors=errors max_chars=20000 />
        </ActionForm>
    }
}

#[component]
fn SatisfactionForm(sender: Sender) -> impl IntoView {
    let chosen = RwSignal::new(String::new());
    let comment = RwSignal::new(String::new());
    let submit = move || {
        let mut problems = Problems::new();
        let satisfied = match chosen.get_untracked().as_str() {
            "yes" => Some(true),
            "no" => Some(false),
            _ => {
                problems.add("choice", "Select if the resident is satisfied");
                None
            }
        };
        let text = trimmed(comment);
        sender.submit(
            problems,
            satisfied.map(|satisfied| Event::SatisfactionRecorded {
                satisfied,
                comment: (!text.is_empty()).then_some(text),
            }),
        );
    };
    let errors = sender.errors;
    view! {
        <ActionForm sender=sender on_submit=submit>
            <Radios field="choice" legend="Is the resident satisfied?" value=chosen errors=errors choices=vec![Choice::new("yes", "Yes"), Choice::new("no", "No")] />
            <Textarea field="text" label="Their comment (optional)" value=comment errors=errors />
        </ActionForm>
    }
}

/// Closes the case. "Every promised action is done" is offered once each is;
/// while any is open the complaint closes only with the reason it closes
/// before they are, and under a policy that names who approves that (TORUS
/// §5.1) only an administrator can.
#[component]
fn CloseForm(case: CaseDetail, sender: Sender) -> impl IntoView {
    let chosen = RwSignal::new(String::new());
    let other = RwSignal::new(String::new());
    let open = case.view.actions.iter().filter(|a| a.is_open()).count();
    let promised = !case.view.actions.is_empty();
    let policy_id = case.policy_id.clone();
    let policy = LocalResource::new(move || {
        let id = policy_id.clone();
        async move { api::policies::get(&id).await }
    });
    let submit = move || {
        let mut problems = Problems::new();
        let text = trimmed(other);
        let why = match chosen.get_untracked().as_str() {
            "resolved" => Some(ClosedWhy::Resolved),
            "no_contact" => Some(ClosedWhy::NoContact),
            "actions_done" => Some(ClosedWhy::ActionsDone),
            "other" if !text.is_empty() => Some(ClosedWhy::Other(text)),
            "other" => {
                problems.add("text", "Enter why the case is closed");
                None
            }
            _ => {
                problems.add("choice", "Select why the case is closed");
                None
            }
        };
        sender.submit(problems, why.map(|why| Event::Closed { why }));
    };
    let errors = sender.errors;
    let mut choices = Vec::new();
    if promised && open == 0 {
        choices.push(Choice::new("actions_done", "Every promised action is done"));
    }
    if open == 0 {
        choices.push(Choice::new("resolved", "Resolved"));
    }
    choices.push(Choice::new(
        "no_contact",
        "No contact from the resident after the response",
    ));
    choices.push(Choice::new(
        "other",
        if open == 0 {
            "Another reason"
        } else {
            "Closing before the promised actions are done, for a reason"
        },
    ));
    let approver = move || {
        policy.get().and_then(|p| p.ok()).and_then(|p| {
            p.effective
                .auto_close
                .and_then(|a| a.early_close_approved_by)
        })
    };
    view! {
        <ActionForm sender=sender on_submit=submit>
            {(open > 0).then(|| view! {
                <div class="app-inset-text" data-testid="close-with-actions-open">
                    <p class="app-body">{match open {
                        1 => "1 promised action is not done. To close the complaint before it is, give the reason: the resident is told it, and the action stays on the case to be marked done.".to_owned(),
                        n => format!("{n} promised actions are not done. To close the complaint before they are, give the reason: the resident is told it, and the actions stay on the case to be marked done."),
                    }}</p>
                    {move || approver().map(|by| view! {
                        <p class="app-body">{format!("The policy says {} must approve closing it before they are: only an administrator can close it now.", by.to_lowercase())}</p>
                    })}
                </div>
            })}
            <Radios field="choice" legend="Why is it closed?" value=chosen errors=errors choices=choices />
            <Show when=move || chosen.get() == "other">
                <TextInput field="text" label="The reason" value=other errors=errors />
            </Show>
        </ActionForm>
    }
}

/// An action with nothing to fill in: what it records, and its event.
#[component]
fn ConfirmForm(sender: Sender, words: &'static str, event: Event) -> impl IntoView {
    let submit = move || sender.submit(Problems::new(), Some(event.clone()));
    view! {
        <ActionForm sender=sender on_submit=submit>
            <p class="app-body">{words}</p>
        </ActionForm>
    }
}

/// Takes on a complaint that waited: where the policy gives discretion, for a
/// reason; where it does not, only if one of its listed exceptions applies.
#[component]
fn AcceptForm(case: CaseDetail, sender: Sender) -> impl IntoView {
    let exception = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let policy_id = case.policy_id.clone();
    let policy = LocalResource::new(move || {
        let id = policy_id.clone();
        async move { api::policies::get(&id).await }
    });
    let submit = move || {
        let mut problems = Problems::new();
        let text = trimmed(reason);
        need(
            &mut problems,
            &text,
            "text",
            "Enter why the complaint is taken on",
        );
        let chosen = trimmed(exception);
        sender.submit(
            problems,
            Some(Event::Accepted {
                reason: text,
                exception: (!chosen.is_empty() && chosen != DISCRETION).then_some(chosen),
            }),
        );
    };
    let errors = sender.errors;
    view! {
        <ActionForm sender=sender on_submit=submit>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let policy = policy.await.ok()?;
                    let listed = domain::case::listed_exceptions(&policy.effective);
                    let discretion = policy.effective.time_limit.as_ref().is_none_or(|l| l.discretion);
                    let mut choices: Vec<Choice> = listed.into_iter().map(|e| Choice::new(e.clone(), e)).collect();
                    if discretion {
                        choices.push(Choice::new(DISCRETION, "None of these: we use our discretion"));
                    }
                    let hint = if discretion {
                        "The policy lets us use discretion: record the good reason below"
                    } else {
                        "The policy gives no discretion: it can be taken on only if one of its exceptions applies"
                    };
                    Some(view! {
                        <Radios field="choice" legend="Which of the policy's exceptions applies?" value=exception errors=errors hint=hint choices=choices />
                    })
                })}
            </Transition>
            <Textarea field="text" label="Why it is taken on (kept on the record)" value=reason errors=errors />
        </ActionForm>
    }
}

/// The value of the "we use our discretion" choice.
const DISCRETION: &str = "discretion";

/// What a resident asked for by phone, letter or in person.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ForTheResident {
    Review,
    Panel,
    Withdrawal,
    Information,
}

/// Records what the resident asked for outside the portal, dated the day it
/// reached us: the policy's windows are checked against that day, not
/// today's (issue 16, item 1). The resident is told as if they had asked
/// online.
#[component]
fn ForTheResidentForm(sender: Sender, what: ForTheResident) -> impl IntoView {
    let received = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let attendance = RwSignal::new(String::new());
    let representative = RwSignal::new(String::new());
    let relation = RwSignal::new(String::new());
    let submit = move || {
        let mut problems = Problems::new();
        let on = parse_date(&received.get_untracked());
        if on.is_none() {
            problems.add("on", "Enter the day the resident asked");
        }
        let reason = Some(trimmed(reason)).filter(|r| !r.is_empty());
        let event = match what {
            ForTheResident::Review => Some(Event::EscalationRequested { reason }),
            ForTheResident::Withdrawal => Some(Event::Withdrawn { reason }),
            ForTheResident::Information => {
                let text = reason.unwrap_or_default();
                need(
                    &mut problems,
                    &text,
                    "reason",
                    "Enter the information the resident gave",
                );
                Some(Event::InformationGiven { text })
            }
            ForTheResident::Panel => {
                let attendance = match attendance.get_untracked().as_str() {
                    "attend" => Some(Attendance::Attend),
                    "written" => Some(Attendance::WrittenSubmissions),
                    _ => {
                        problems.add("attendance", "Select how the resident wants to take part");
                        None
                    }
                };
                let name = trimmed(representative);
                let relation = trimmed(relation);
                if !name.is_empty() {
                    need(
                        &mut problems,
                        &relation,
                        "relation",
                        "Enter who the representative is to the resident",
                    );
                }
                attendance.map(|attendance| Event::PanelRequested {
                    attendance,
                    representative: (!name.is_empty()).then_some(Representative { name, relation }),
                })
            }
        };
        sender.submit_on(problems, event, on);
    };
    let errors = sender.errors;
    view! {
        <ActionForm sender=sender on_submit=submit>
            <DateField label="The day the resident asked (it reached us)" value=received errors=errors field="on" />
            {match what {
                ForTheResident::Panel => view! {
                    <Radios field="attendance" legend="How does the resident want to take part?" value=attendance errors=errors
                        choices=vec![Choice::new("attend", "They will attend the panel"), Choice::new("written", "They will send written submissions")] />
                    <TextInput field="representative" label="Name of their representative (optional)" value=representative errors=errors />
                    <TextInput field="relation" label="Who the representative is to them, for example a friend (only with a name)" value=relation errors=errors />
                }.into_any(),
                ForTheResident::Review => view! {
                    <Textarea field="reason" label="What they want reviewed, if they said (optional: they need not say why)" value=reason errors=errors />
                }.into_any(),
                ForTheResident::Withdrawal => view! {
                    <Textarea field="reason" label="Why they are withdrawing it, if they said (optional)" value=reason errors=errors />
                }.into_any(),
                ForTheResident::Information => view! {
                    <Textarea field="reason" label="The information they gave (the resident will see it on their case)" value=reason errors=errors />
                }.into_any(),
            }}
        </ActionForm>
    }
}

/// A date field for staff (the browser's date picker).
#[component]
pub fn DateField(
    #[prop(into)] label: String,
    value: RwSignal<String>,
    errors: RwSignal<Vec<FieldError>>,
    #[prop(default = "date")] field: &'static str,
) -> impl IntoView {
    let error = move || crate::form::message_for(&errors.get(), field);
    let error_id = format!("{field}-error");
    view! {
        <div class=move || if error().is_some() { "app-form-group app-form-group--error" } else { "app-form-group" }>
            <label class="app-label" for=field>{label}</label>
            {
                let error_id = error_id.clone();
                move || error().map(|e| view! { <p class="app-error-message" id=error_id.clone()><span class="app-visually-hidden">"Error: "</span>{e}</p> })
            }
            <input class="app-input app-input--width-10" id=field type="date" aria-describedby=move || error().map(|_| error_id.clone())
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
        </div>
    }
}
