use crate::components::title::Title;
use crate::router::A;
use chrono::NaiveDate;
use domain::api::account::{LetterFormat, Preferences};
use domain::api::cases::{CaseDetail, StaffActionRequest};
use domain::case::{ClosedWhy, Event, Outcome, OutstandingAction, Remedy, RemedyKind, StaffAction};
use domain::validation::{FieldError, Problems};
use leptos::prelude::*;

use crate::api;
use crate::case_action::{case_id, load_case, retry_key};
use crate::case_words::{kind_name, status_tag};
use crate::components::case_contact::CaseContact;
use crate::components::error_summary::ErrorSummary;
use crate::components::problem_with_service::ProblemWithService;
use crate::components::radios::{Choice, Radios};
use crate::components::signed_in::SignedIn;
use crate::components::text_input::TextInput;
use crate::components::textarea::Textarea;
use crate::next_step_words::Reader;
use crate::pages::case_page::{DueDates, Timeline, YourComplaint};
use crate::retry_key::RetryKeys;

/// A case as a caseworker sees it: the resident's needs first, then the dates,
/// the timeline, and the actions the policy allows now. After an action is
/// saved, the case is loaded again under a success banner saying what was
/// recorded (outside what reloads, so a screen reader hears it).
#[component]
pub fn StaffCasePage() -> impl IntoView {
    let id = case_id();
    let case = load_case(id);
    let recorded = RwSignal::new(None::<&'static str>);
    let saved = Callback::new(move |words: &'static str| {
        recorded.set(Some(words));
        case.refetch();
        window().scroll_to_with_x_and_y(0.0, 0.0);
    });
    // In English whatever language is chosen, as the other staff pages.
    view! {
        <div lang="en-GB">
        <SignedIn>
            <div role="status" aria-live="polite">
                {move || recorded.get().map(|words| view! {
                    <div class="app-notification-banner app-notification-banner--success" data-testid="staff-action-recorded">
                        <h2 class="app-notification-banner__heading">{words}</h2>
                    </div>
                })}
            </div>
            <Transition fallback=|| view! { <p class="app-body" role="status">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match case.await {
                        Ok(case) => view! { <StaffCase case=case saved=saved recorded=recorded /> }.into_any(),
                        Err(error) => match error.service_problem() {
                            Some(problem) => view! { <ProblemWithService problem=problem retry=move || case.refetch() /> }.into_any(),
                            None => view! {
                                <Title text="Case not found" />
                                <h1 class="app-heading-l">"Case not found"</h1>
                                <p class="app-body">{error.to_string()}</p>
                            }.into_any(),
                        },
                    }
                })}
            </Transition>
        </SignedIn>
        </div>
    }
}

fn preference_lines(p: &Preferences) -> Vec<String> {
    let mut lines = vec![format!(
        "Contact by {}",
        p.contact_channel.as_str().replace('_', " ")
    )];
    if let Some(phone) = &p.phone {
        lines.push(format!("Telephone {phone}"));
    }
    lines.push(letters_line(p.letter_format, p.letter_language.as_deref()));
    if let Some(language) = &p.interpreter_language {
        lines.push(format!("Needs an interpreter: {language}"));
    }
    if !p.reasonable_adjustments.is_empty() {
        lines.push(format!(
            "Reasonable adjustments: {}",
            p.reasonable_adjustments
        ));
    }
    lines
}

/// How the resident wants letters, for staff: "Letters: large print".
fn letters_line(format: LetterFormat, language: Option<&str>) -> String {
    match (format, language) {
        (_, Some(language)) => format!("Letters in {language} (keep an English copy)"),
        (LetterFormat::Standard, None) => "Letters: standard print".to_owned(),
        (LetterFormat::Braille, None) => "Letters: Braille".to_owned(),
        (LetterFormat::AnotherLanguage, None) => {
            "Letters: in another language (ask which)".to_owned()
        }
        (other, None) => format!("Letters: {}", other.label()),
    }
}

/// What a saved action recorded, for the success banner.
fn recorded_words(action: &str) -> &'static str {
    match action {
        "acknowledge" => "The complaint has been acknowledged",
        "assign" => "The caseworker has been assigned",
        "extend" => "The new response date has been recorded",
        "request_information" => "Your request for information has been recorded",
        "respond" => "The response has been recorded",
        "refuse_escalation" => "The refusal of the review has been recorded",
        "panel_date" => "The panel's hearing date has been recorded",
        "panel_outcome" => "The panel's decision has been recorded",
        "satisfaction" => "The resident's satisfaction has been recorded",
        "close" => "The case has been closed",
        "reopen" => "The case has been reopened",
        "ombudsman" => "The referral to the Housing Ombudsman has been recorded",
        _ => "Your action has been recorded",
    }
}

#[component]
fn StaffCase(
    case: CaseDetail,
    saved: Callback<&'static str>,
    recorded: RwSignal<Option<&'static str>>,
) -> impl IntoView {
    let (tag, class) = status_tag(case.view.status);
    let title = format!("{} {}", kind_name(case.kind), case.reference);
    view! {
        <Title text=title.clone() />
        <p class="app-body"><A href="/staff">"Back to the queue"</A></p>
        <span class="app-caption-l">{case.resident_name.clone()}</span>
        <h1 class="app-heading-l">{title}</h1>
        <p class="app-body">
            <strong class=format!("app-tag {class}") data-testid="case-status">{tag}</strong>
            {case.view.stage.as_ref().map(|s| view! { " "{s.name.clone()} })}
            {case.view.caseworker.clone().map(|c| view! { " · Caseworker: "{c} })}
        </p>
        {case.hazard.clone().map(|flag| view! { <crate::pages::staff_hazard::HazardWarning flag=flag /> })}
        <CaseContact case=case.clone() />
        {case.resident_preferences.as_ref().map(|p| view! {
            <div class="app-notification-banner" data-testid="resident-needs">
                <h2 class="app-notification-banner__heading">"The resident's communication needs"</h2>
                <ul class="app-list">{preference_lines(p).into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            </div>
        })}
        <StaffActions case=case.clone() saved=saved recorded=recorded />
        <DueDates dates=case.view.due_dates.clone() reader=Reader::Advocate />
        <Timeline case=case.clone() for_staff=true />
        <YourComplaint case=case.clone() reader=Reader::Advocate />
    }
}

fn action_choice(action: StaffAction) -> Choice {
    let (value, label) = match action {
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
    };
    Choice::new(value, label)
}

/// Records `message` against `field` when `text` is blank.
fn need(problems: &mut Problems, text: &str, field: &str, message: &str) {
    if text.is_empty() {
        problems.add(field, message);
    }
}

fn parse_date(value: &str) -> Option<NaiveDate> {
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

/// The form for whichever action the caseworker picks.
#[component]
fn StaffActions(
    case: CaseDetail,
    saved: Callback<&'static str>,
    recorded: RwSignal<Option<&'static str>>,
) -> impl IntoView {
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let chosen = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let second = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let choice = RwSignal::new(String::new());
    let amount = RwSignal::new(String::new());
    let id = case.id.clone();
    let keys = StoredValue::new_local(RetryKeys::default());
    let send = Action::new_local(move |request: &StaffActionRequest| {
        let request = request.clone();
        let id = id.clone();
        let key = retry_key(keys, &(&id, &request));
        async move { api::staff::record_action(&id, &request, &key).await }
    });
    Effect::new(move |_| {
        if let Some(result) = send.value().get() {
            match result {
                Ok(_) => saved.run(recorded_words(&chosen.get_untracked())),
                Err(error) => errors.set(error.field_errors()),
            }
        }
    });
    let policy_id = case.policy_id.clone();
    let policy = LocalResource::new(move || {
        let id = policy_id.clone();
        async move { api::policies::get(&id).await }
    });
    let choices: Vec<Choice> = case
        .view
        .staff_actions
        .iter()
        .copied()
        .map(action_choice)
        .collect();
    if choices.is_empty() {
        return view! { <p class="app-body">"There is nothing to do on this case now."</p> }
            .into_any();
    }
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        recorded.set(None);
        let mut problems = Problems::new();
        let text_v = text.get_untracked().trim().to_owned();
        let event = match chosen.get_untracked().as_str() {
            "acknowledge" => Some(Event::Acknowledged),
            "assign" => {
                need(
                    &mut problems,
                    &text_v,
                    "text",
                    "Enter the caseworker's name",
                );
                Some(Event::Assigned {
                    caseworker: text_v.clone(),
                })
            }
            "extend" => {
                need(
                    &mut problems,
                    &text_v,
                    "text",
                    "Enter the reason for the extension",
                );
                let new_date = parse_date(&date.get_untracked());
                if new_date.is_none() {
                    problems.add("date", "Enter the new response date");
                }
                new_date.map(|new_date| Event::Extended {
                    reason: text_v.clone(),
                    new_date,
                    agreed_with_resident: choice.get_untracked() == "agreed",
                })
            }
            "request_information" => {
                need(
                    &mut problems,
                    &text_v,
                    "text",
                    "Enter what you need from the resident",
                );
                Some(Event::InformationRequested {
                    what: text_v.clone(),
                })
            }
            "respond" => {
                let is_complaint = case.kind == domain::case::CaseKind::Complaint;
                let outcome = outcome(&choice.get_untracked());
                if is_complaint && outcome.is_none() {
                    problems.add("choice", "Select the outcome");
                }
                need(
                    &mut problems,
                    &text_v,
                    "text",
                    "Enter the reasons for the decision",
                );
                let remedies = (!second.get_untracked().trim().is_empty())
                    .then(|| Remedy {
                        kind: if amount.get_untracked().trim().is_empty() {
                            RemedyKind::Action
                        } else {
                            RemedyKind::Financial
                        },
                        description: second.get_untracked().trim().to_owned(),
                        amount_pence: amount
                            .get_untracked()
                            .trim()
                            .parse::<f64>()
                            .ok()
                            .map(|p| (p * 100.0).round() as u64),
                    })
                    .into_iter()
                    .collect();
                let outstanding_actions = parse_date(&date.get_untracked())
                    .map(|due| OutstandingAction {
                        description: second.get_untracked().trim().to_owned(),
                        due,
                    })
                    .into_iter()
                    .collect();
                Some(Event::Responded {
                    outcome,
                    reasons: text_v.clone(),
                    remedies,
                    outstanding_actions,
                })
            }
            "refuse_escalation" => {
                need(
                    &mut problems,
                    &text_v,
                    "text",
                    "Enter the reasons, which the resident will read",
                );
                Some(Event::EscalationRefused {
                    reasons: text_v.clone(),
                })
            }
            "panel_date" => {
                let held = parse_date(&date.get_untracked());
                if held.is_none() {
                    problems.add("date", "Enter the date of the hearing");
                }
                held.map(|date| Event::PanelHeld { date })
            }
            "panel_outcome" => {
                let outcome = outcome(&choice.get_untracked());
                if outcome.is_none() {
                    problems.add("choice", "Select the panel's decision");
                }
                need(&mut problems, &text_v, "text", "Enter the panel's reasons");
                outcome.map(|outcome| Event::PanelOutcome {
                    outcome,
                    reasons: text_v.clone(),
                })
            }
            "close" => Some(Event::Closed {
                why: match choice.get_untracked().as_str() {
                    "no_contact" => ClosedWhy::NoContact,
                    "actions_done" => ClosedWhy::ActionsDone,
                    _ if !text_v.is_empty() => ClosedWhy::Other(text_v.clone()),
                    _ => ClosedWhy::Resolved,
                },
            }),
            "reopen" => {
                need(
                    &mut problems,
                    &text_v,
                    "text",
                    "Enter why the case is reopened",
                );
                Some(Event::Reopened {
                    reason: text_v.clone(),
                })
            }
            "ombudsman" => Some(Event::ReferredToOmbudsman),
            "satisfaction" => Some(Event::SatisfactionRecorded {
                satisfied: choice.get_untracked() == "yes",
                comment: (!text_v.is_empty()).then(|| text_v.clone()),
            }),
            _ => {
                problems.add("action", "Select what you want to do");
                None
            }
        };
        match (problems.into_result(), event) {
            (Ok(()), Some(event)) => {
                errors.set(Vec::new());
                send.dispatch(StaffActionRequest { event, on: None });
            }
            (Err(found), _) => errors.set(found),
            _ => {}
        }
    };
    let fields = move || {
        let outcomes = || {
            vec![
                Choice::new("upheld", "Upheld"),
                Choice::new("partly_upheld", "Partly upheld"),
                Choice::new("not_upheld", "Not upheld"),
            ]
        };
        match chosen.get().as_str() {
            "assign" => view! { <TextInput field="text" label="Caseworker's name" value=text errors=errors /> }.into_any(),
            "extend" => view! {
                <Transition fallback=|| ()>
                    {move || Suspend::new(async move {
                        let reasons = policy.await.map(|p| p.effective.extension_reasons).unwrap_or_default();
                        view! {
                            <div class="app-form-group">
                                <label class="app-label" for="text">"Reason (the resident will read it)"</label>
                                <input class="app-input" id="text" list="extension-reasons" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev)) />
                                <datalist id="extension-reasons">{reasons.into_iter().map(|r| view! { <option value=r.clone()></option> }).collect_view()}</datalist>
                            </div>
                        }
                    })}
                </Transition>
                <DateField label="New response date" value=date errors=errors />
                <Radios field="choice" legend="Did the resident agree to this date?" value=choice errors=errors
                    hint="Only needed for a date beyond the policy's limit, where the policy allows it by agreement"
                    choices=vec![Choice::new("agreed", "Yes, they agreed"), Choice::new("not_asked", "No, or not needed")] />
            }.into_any(),
            "request_information" => view! { <Textarea field="text" label="What do you need from the resident?" value=text errors=errors /> }.into_any(),
            "respond" => view! {
                <Radios field="choice" legend="Outcome" value=choice errors=errors choices=outcomes() />
                <Textarea field="text" label="Decision and reasons, answering each point" value=text errors=errors />
                <TextInput field="second" label="What we will do to put things right (optional)" value=second errors=errors />
                <TextInput field="amount" label="Compensation in pounds (optional)" value=amount errors=errors inputmode="decimal" width="app-input--width-10" />
                <DateField label="Date that action will be done by (optional)" value=date errors=errors />
            }.into_any(),
            "refuse_escalation" => view! { <Textarea field="text" label="Reasons, which the resident will read with the Housing Ombudsman's details" value=text errors=errors /> }.into_any(),
            "panel_date" => view! { <DateField label="Date of the hearing" value=date errors=errors /> }.into_any(),
            "panel_outcome" => view! {
                <Radios field="choice" legend="The panel's decision" value=choice errors=errors choices=outcomes() />
                <Textarea field="text" label="The panel's reasons" value=text errors=errors />
            }.into_any(),
            "close" => view! {
                <Radios field="choice" legend="Why is it closed?" value=choice errors=errors choices=vec![
                    Choice::new("resolved", "Resolved"),
                    Choice::new("no_contact", "No contact from the resident after the response"),
                    Choice::new("actions_done", "Every agreed action is done"),
                ] />
                <TextInput field="text" label="Another reason (optional)" value=text errors=errors />
            }.into_any(),
            "reopen" => view! { <Textarea field="text" label="Why is it reopened?" value=text errors=errors /> }.into_any(),
            "satisfaction" => view! {
                <Radios field="choice" legend="Is the resident satisfied?" value=choice errors=errors choices=vec![Choice::new("yes", "Yes"), Choice::new("no", "No")] />
                <Textarea field="text" label="Their comment (optional)" value=text errors=errors />
            }.into_any(),
            _ => ().into_any(),
        }
    };
    view! {
        <h2 class="app-heading-m">"Act on this case"</h2>
        <ErrorSummary errors=errors />
        <form novalidate on:submit=submit>
            <Radios field="action" legend="What do you want to do?" value=chosen errors=errors choices=choices />
            {fields}
            <button type="submit" class="app-button" disabled=move || send.pending().get()>"Save"</button>
        </form>
    }.into_any()
}

/// A date field for staff (the browser's date picker).
#[component]
fn DateField(
    #[prop(into)] label: String,
    value: RwSignal<String>,
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let error = move || crate::form::message_for(&errors.get(), "date");
    view! {
        <div class=move || if error().is_some() { "app-form-group app-form-group--error" } else { "app-form-group" }>
            <label class="app-label" for="date">{label}</label>
            {move || error().map(|e| view! { <p class="app-error-message" id="date-error"><span class="app-visually-hidden">"Error: "</span>{e}</p> })}
            <input class="app-input app-input--width-10" id="date" type="date" aria-describedby=move || error().map(|_| "date-error")
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
        </div>
    }
}
