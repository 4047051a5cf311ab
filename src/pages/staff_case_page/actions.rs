//! The caseworker's actions on a case, one form each: each action has its own
//! fields, its own errors and its own sending, and a form is made afresh when
//! its action is chosen, so nothing typed for one action carries into another
//! (issue 16, item 9).

use chrono::NaiveDate;
use domain::api::cases::{CaseDetail, MessagePreview, StaffActionRequest};
use domain::case::{
    Attendance, CaseKind, ClosedWhy, ComplaintDefinition, Event, Outcome, OutstandingAction,
    Remedy, RemedyKind, Representative, StaffAction,
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
        StaffAction::RecordPanelDate => "The panel's hearing date has been recorded",
        StaffAction::RecordPanelOutcome => "The panel's decision has been recorded",
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
        StaffAction::RecordPanelDate => ("panel_date", "Record the panel's hearing date"),
        StaffAction::RecordPanelOutcome => ("panel_outcome", "Record the panel's decision"),
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
            StaffAction::RequestInformation => {
                view! { <RequestInformationForm sender=sender /> }.into_any()
            }
            StaffAction::Respond => view! { <RespondForm case=case sender=sender /> }.into_any(),
            StaffAction::RefuseEscalation => {
                view! { <RefuseEscalationForm sender=sender /> }.into_any()
            }
            StaffAction::RecordPanelDate => view! { <PanelDateForm sender=sender /> }.into_any(),
            StaffAction::RecordPanelOutcome => {
                view! { <PanelOutcomeForm sender=sender /> }.into_any()
            }
            StaffAction::RecordSatisfaction => {
                view! { <SatisfactionForm sender=sender /> }.into_any()
            }
            StaffAction::Close => view! { <CloseForm sender=sender /> }.into_any(),
            StaffAction::Reopen => view! { <ReopenForm sender=sender /> }.into_any(),
            StaffAction::RecordReferralToOmbudsman => {
                view! { <OmbudsmanForm sender=sender /> }.into_any()
            }
            StaffAction::Accept => view! { <AcceptForm case=case sender=sender /> }.into_any(),
            StaffAction::Decline => view! { <DeclineForm sender=sender /> }.into_any(),
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

#[component]
fn RequestInformationForm(sender: Sender) -> impl IntoView {
    let what = RwSignal::new(String::new());
    let submit = move || {
        let mut problems = Problems::new();
        let text = trimmed(what);
        need(
            &mut problems,
            &text,
            "text",
            "Enter what you need from the resident",
        );
        sender.submit(problems, Some(Event::InformationRequested { what: text }));
    };
    let errors = sender.errors;
    view! {
        <ActionForm sender=sender on_submit=submit>
            <Textarea field="text" label="What do you need from the resident?" value=what errors=errors />
        </ActionForm>
    }
}

#[component]
fn RespondForm(case: CaseDetail, sender: Sender) -> impl IntoView {
    let chosen = RwSignal::new(String::new());
    let reasons = RwSignal::new(String::new());
    let remedy = RwSignal::new(String::new());
    let amount = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let is_complaint = case.kind == CaseKind::Complaint;
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
        let remedy_text = trimmed(remedy);
        let pounds = trimmed(amount);
        let amount_pence = pounds
            .parse::<f64>()
            .ok()
            .filter(|p| p.is_finite() && *p >= 0.0)
            .map(|p| (p * 100.0).round() as u64);
        if !pounds.is_empty() && amount_pence.is_none() {
            problems.add(
                "amount",
                "Enter the compensation in pounds, like 50 or 25.50",
            );
        }
        let remedies = (!remedy_text.is_empty())
            .then(|| Remedy {
                kind: if amount_pence.is_some() {
                    RemedyKind::Financial
                } else {
                    RemedyKind::Action
                },
                description: remedy_text.clone(),
                amount_pence,
            })
            .into_iter()
            .collect();
        let outstanding_actions = parse_date(&date.get_untracked())
            .filter(|_| !remedy_text.is_empty())
            .map(|due| OutstandingAction {
                description: remedy_text.clone(),
                due,
            })
            .into_iter()
            .collect();
        sender.submit(
            problems,
            Some(Event::Responded {
                outcome,
                reasons: text,
                remedies,
                outstanding_actions,
            }),
        );
    };
    let errors = sender.errors;
    view! {
        <ActionForm sender=sender on_submit=submit>
            {is_complaint.then(|| view! { <Radios field="choice" legend="Outcome" value=chosen errors=errors choices=outcomes() /> })}
            <Textarea field="text" label="Decision and reasons, answering each point" value=reasons errors=errors max_chars=20000 />
            <TextInput field="second" label="What we will do to put things right (optional)" value=remedy errors=errors />
            <TextInput field="amount" label="Compensation in pounds (optional)" value=amount errors=errors inputmode="decimal" width="app-input--width-10" />
            <DateField label="Date that action will be done by (optional)" value=date errors=errors />
        </ActionForm>
    }
}

#[component]
fn RefuseEscalationForm(sender: Sender) -> impl IntoView {
    let reasons = RwSignal::new(String::new());
    let submit = move || {
        let mut problems = Problems::new();
        let text = trimmed(reasons);
        need(
            &mut problems,
            &text,
            "text",
            "Enter the reasons, which the resident will read",
        );
        sender.submit(problems, Some(Event::EscalationRefused { reasons: text }));
    };
    let errors = sender.errors;
    view! {
        <ActionForm sender=sender on_submit=submit>
            <Textarea field="text" label="Reasons, which the resident will read with the Housing Ombudsman's details" value=reasons errors=errors max_chars=20000 />
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

#[component]
fn CloseForm(sender: Sender) -> impl IntoView {
    let chosen = RwSignal::new(String::new());
    let other = RwSignal::new(String::new());
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
    view! {
        <ActionForm sender=sender on_submit=submit>
            <Radios field="choice" legend="Why is it closed?" value=chosen errors=errors choices=vec![
                Choice::new("resolved", "Resolved"),
                Choice::new("no_contact", "No contact from the resident after the response"),
                Choice::new("actions_done", "Every agreed action is done"),
                Choice::new("other", "Another reason"),
            ] />
            <Show when=move || chosen.get() == "other">
                <TextInput field="text" label="The other reason" value=other errors=errors />
            </Show>
        </ActionForm>
    }
}

#[component]
fn ReopenForm(sender: Sender) -> impl IntoView {
    let reason = RwSignal::new(String::new());
    let submit = move || {
        let mut problems = Problems::new();
        let text = trimmed(reason);
        need(
            &mut problems,
            &text,
            "text",
            "Enter why the case is reopened",
        );
        sender.submit(problems, Some(Event::Reopened { reason: text }));
    };
    let errors = sender.errors;
    view! {
        <ActionForm sender=sender on_submit=submit>
            <Textarea field="text" label="Why is it reopened?" value=reason errors=errors />
        </ActionForm>
    }
}

#[component]
fn OmbudsmanForm(sender: Sender) -> impl IntoView {
    let submit = move || sender.submit(Problems::new(), Some(Event::ReferredToOmbudsman));
    view! {
        <ActionForm sender=sender on_submit=submit>
            <p class="app-body">"Record that the complaint has gone to the Housing Ombudsman."</p>
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

/// Declines a complaint that waited, with reasons the resident reads with
/// the Housing Ombudsman's details (Code 2.4).
#[component]
fn DeclineForm(sender: Sender) -> impl IntoView {
    let reasons = RwSignal::new(String::new());
    let submit = move || {
        let mut problems = Problems::new();
        let text = trimmed(reasons);
        need(
            &mut problems,
            &text,
            "text",
            "Enter the reasons, which the resident will read",
        );
        sender.submit(problems, Some(Event::Declined { reasons: text }));
    };
    let errors = sender.errors;
    view! {
        <ActionForm sender=sender on_submit=submit>
            <Textarea field="text" label="Why the complaint is not taken on (the resident will read this, with how to ask the Housing Ombudsman to look at the decision)" value=reasons errors=errors max_chars=20000 />
        </ActionForm>
    }
}

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
