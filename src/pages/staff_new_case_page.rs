//! Staff record a complaint, compliment or comment that came another way
//! (issue 16, item 1; Code 3.2): for a resident found by name, email,
//! telephone or reference, or for someone without an account; how it came
//! and the day it came, which the dates count from. In English, as every
//! staff page.

use chrono::NaiveDate;
use domain::api::account::ContactChannel;
use domain::api::staff_cases::{NoAccountContact, ReceivedBy, ResidentMatch, StaffNewCase};
use domain::case::CaseKind;
use domain::petition::NewPetition;
use domain::validation::{FieldError, Problems};
use leptos::prelude::*;

use crate::api;
use crate::case_action::retry_key;
use crate::components::checkbox::Checkbox;
use crate::components::error_summary::ErrorSummary;
use crate::components::radios::{Choice, Radios};
use crate::components::signed_in::SignedIn;
use crate::components::text_input::TextInput;
use crate::components::textarea::Textarea;
use crate::components::title::Title;
use crate::pages::staff_case_page::DateField;
use crate::petition_form::{on_its_line, signatories, SIGNATORIES};
use crate::retry_key::RetryKeys;
use crate::router::{use_navigate, A};

#[component]
pub fn StaffNewCasePage() -> impl IntoView {
    view! {
        <div lang="en-GB">
            <SignedIn>
                <NewCaseForm />
            </SignedIn>
        </div>
    }
}

const CHANNELS: [(&str, &str, ReceivedBy); 7] = [
    ("phone", "Phone", ReceivedBy::Phone),
    ("letter", "Letter", ReceivedBy::Letter),
    ("email", "Email", ReceivedBy::Email),
    ("in_person", "In person", ReceivedBy::InPerson),
    ("social_media", "Social media", ReceivedBy::SocialMedia),
    (
        "councillor_or_mp",
        "Through a councillor or MP",
        ReceivedBy::CouncillorOrMp,
    ),
    ("advocate", "Through an advocate", ReceivedBy::Advocate),
];

fn contact_channel(value: &str) -> Option<ContactChannel> {
    match value {
        "email" => Some(ContactChannel::Email),
        "letter" => Some(ContactChannel::Letter),
        "phone" => Some(ContactChannel::Phone),
        "text_message" => Some(ContactChannel::TextMessage),
        _ => None,
    }
}

fn optional(value: RwSignal<String>) -> Option<String> {
    let value = value.get_untracked().trim().to_owned();
    (!value.is_empty()).then_some(value)
}

#[component]
fn NewCaseForm() -> impl IntoView {
    let errors = RwSignal::new(Vec::<FieldError>::new());
    // Who it is for.
    let who = RwSignal::new(String::new());
    let query = RwSignal::new(String::new());
    let found = RwSignal::new(None::<Result<Vec<ResidentMatch>, String>>);
    let resident = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let address = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let reply_by = RwSignal::new(String::new());
    // How and when it came.
    let received_by = RwSignal::new(String::new());
    let received_on = RwSignal::new(String::new());
    // What it is.
    let kind = RwSignal::new(String::new());
    let category = RwSignal::new(String::new());
    let details = RwSignal::new(String::new());
    let started_on = RwSignal::new(String::new());
    let outcome = RwSignal::new(String::new());
    let in_confidence = RwSignal::new(false);
    // A petition (where the policy takes them): everyone else who signed.
    let is_petition = RwSignal::new(false);
    let signed = RwSignal::new(String::new());
    let signed_lines = StoredValue::new(Vec::<usize>::new());

    let policy = LocalResource::new(|| async { api::policies::active().await });
    let search = Action::new_local(move |q: &String| {
        let q = q.clone();
        async move { api::staff::find_residents(&q, 20).await }
    });
    Effect::new(move |_| {
        if let Some(result) = search.value().get() {
            found.set(Some(match result {
                Ok(list) => Ok(list),
                Err(error) => Err(error.to_string()),
            }));
        }
    });
    let keys = StoredValue::new_local(RetryKeys::default());
    let send = Action::new_local(move |request: &StaffNewCase| {
        let request = request.clone();
        let key = retry_key(keys, &request);
        async move { api::staff::raise_case(&request, &key).await }
    });
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(result) = send.value().get() {
            match result {
                Ok(case) => navigate(&format!("/staff/cases/{}", case.id), Default::default()),
                Err(error) => {
                    let lines = signed_lines.get_value();
                    errors.set(
                        error
                            .field_errors()
                            .into_iter()
                            .map(|e| on_its_line(e, &lines))
                            .collect(),
                    )
                }
            }
        }
    });

    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let mut problems = Problems::new();
        let kind = match kind.get_untracked().as_str() {
            "complaint" => Some(CaseKind::Complaint),
            "compliment" => Some(CaseKind::Compliment),
            "comment" => Some(CaseKind::Comment),
            _ => {
                problems.add(
                    "kind",
                    "Select if it is a complaint, a compliment or a comment",
                );
                None
            }
        };
        let channel = CHANNELS
            .iter()
            .find(|(v, _, _)| *v == received_by.get_untracked())
            .map(|(_, _, c)| *c);
        if channel.is_none() {
            problems.add("received_by", "Select how it reached us");
        }
        let on = NaiveDate::parse_from_str(received_on.get_untracked().trim(), "%Y-%m-%d").ok();
        if on.is_none() {
            problems.add("received_on", "Enter the date it reached us");
        }
        let (resident_id, someone) = match who.get_untracked().as_str() {
            "resident" => {
                let id = optional(resident);
                if id.is_none() {
                    problems.add("resident_id", "Search for the resident and select them");
                }
                (id, None)
            }
            "someone" => {
                let channel = contact_channel(&reply_by.get_untracked());
                if channel.is_none() {
                    problems.add("contact_channel", "Select how they want to hear from us");
                }
                (
                    None,
                    channel.map(|contact_channel| NoAccountContact {
                        name: name.get_untracked().trim().to_owned(),
                        resident_address: optional(address),
                        email: optional(email),
                        phone: optional(phone),
                        contact_channel,
                    }),
                )
            }
            _ => {
                problems.add("who", "Select who it is for");
                (None, None)
            }
        };
        let started = NaiveDate::parse_from_str(started_on.get_untracked().trim(), "%Y-%m-%d").ok();
        let petition = if is_petition.get_untracked() && kind == Some(CaseKind::Complaint) {
            match signatories(&signed.get_untracked()) {
                Ok(people) => {
                    signed_lines.set_value(people.iter().map(|(line, _)| *line).collect());
                    Some(NewPetition {
                        signatories: people.into_iter().map(|(_, s)| s).collect(),
                    })
                }
                Err(message) => {
                    problems.add(SIGNATORIES, message);
                    None
                }
            }
        } else {
            None
        };
        match (problems.into_result(), kind, channel, on) {
            (Ok(()), Some(kind), Some(received_by), Some(received_on)) => {
                errors.set(Vec::new());
                let complaint = kind == CaseKind::Complaint;
                send.dispatch(StaffNewCase {
                    kind,
                    category: optional(category).filter(|_| complaint),
                    details: details.get_untracked(),
                    started_on: started.filter(|_| complaint),
                    desired_outcome: optional(outcome).filter(|_| complaint),
                    received_by,
                    received_on,
                    resident_id,
                    someone,
                    in_confidence: in_confidence.get_untracked(),
                    petition,
                });
            }
            (Err(found), ..) => errors.set(found),
            _ => {}
        }
    };
    let find = move |_| {
        let q = query.get_untracked().trim().to_owned();
        search.dispatch(q);
    };

    view! {
        <Title text="Record a complaint, compliment or comment" />
        <p class="app-body"><A href="/staff">"Back to the queue"</A></p>
        <h1 class="app-heading-l">"Record a complaint, compliment or comment"</h1>
        <p class="app-body">"For one that reached us by phone, letter, email, in person or another way. Its dates count from the day it reached us."</p>
        <ErrorSummary errors=errors />
        <form novalidate on:submit=submit>
            <Radios field="who" legend="Who is it from?" value=who errors=errors choices=vec![
                Choice::new("resident", "A resident with an account"),
                Choice::new("someone", "Someone without an account"),
            ] />
            <Show when=move || who.get() == "resident">
                <div class="app-form-group">
                    <label class="app-label" for="q">"Name, email address, telephone number or case reference"</label>
                    <input class="app-input app-input--width-20" id="q" maxlength="254" prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev)) />
                    " "
                    <button type="button" class="app-button app-button--secondary" on:click=find>"Search"</button>
                </div>
                {move || found.get().map(|result| match result {
                    Err(message) => view! { <p class="app-body" role="alert">{message}</p> }.into_any(),
                    Ok(list) if list.is_empty() => view! { <p class="app-body" role="status">"No resident matches."</p> }.into_any(),
                    Ok(list) => {
                        let choices = list.into_iter().map(|r| Choice::new(r.id, format!("{} ({})", r.name, r.email))).collect();
                        view! { <Radios field="resident_id" legend="Select the resident" value=resident errors=errors choices=choices /> }.into_any()
                    }
                })}
            </Show>
            <Show when=move || who.get() == "someone">
                <TextInput field="someone.name" label="Full name" value=name errors=errors autocomplete="off" />
                <Textarea field="someone.resident_address" label="Postal address (optional unless they want letters)" value=address errors=errors max_chars=500 rows=3 />
                <TextInput field="someone.email" label="Email address (optional unless they want email)" value=email errors=errors input_type="email" />
                <TextInput field="someone.phone" label="Telephone number (optional unless they want calls or texts)" value=phone errors=errors input_type="tel" width="app-input--width-20" />
                <Radios field="contact_channel" legend="How do they want to hear from us?" value=reply_by errors=errors choices=vec![
                    Choice::new("email", "Email"),
                    Choice::new("letter", "Letter"),
                    Choice::new("phone", "Phone call"),
                    Choice::new("text_message", "Text message"),
                ] />
            </Show>
            <Radios field="received_by" legend="How did it reach us?" value=received_by errors=errors
                choices=CHANNELS.iter().map(|(v, l, _)| Choice::new(*v, *l)).collect() />
            <DateField field="received_on" label="The day it reached us (today or earlier)" value=received_on errors=errors />
            <Radios field="kind" legend="What is it?" value=kind errors=errors choices=vec![
                Choice::new("complaint", "A complaint"),
                Choice::new("compliment", "A compliment"),
                Choice::new("comment", "A comment"),
            ] />
            <Show when=move || kind.get() == "complaint">
                <Transition fallback=|| ()>
                    {move || Suspend::new(async move {
                        let categories = policy.await.map(|p| p.effective.categories).unwrap_or_default();
                        let choices = categories.into_iter().map(|c| Choice::new(c.id, c.label)).collect();
                        view! { <Radios field="category" legend="What is it about?" value=category errors=errors choices=choices /> }
                    })}
                </Transition>
            </Show>
            <Textarea field="details" label="What they told us, in their words as far as possible" value=details errors=errors />
            <Show when=move || kind.get() == "complaint">
                <DateField field="started_on" label="When the problem started" value=started_on errors=errors />
                <Textarea field="desired_outcome" label="What they would like us to do to put things right" value=outcome errors=errors />
            </Show>
            <Show when=move || kind.get() == "complaint">
                <Transition fallback=|| ()>
                    {move || Suspend::new(async move {
                        policy.await.ok().and_then(|p| p.policy.petitions).map(|rule| view! {
                            <div class="app-form-group">
                                <div class="app-checkboxes">
                                    <Checkbox id="petition" label=format!("{} or more people made this complaint together (a petition)", rule.min_people) checked=is_petition
                                        hint="The person it is from is the spokesperson: we write only to them, and only they can act on the complaint." />
                                </div>
                            </div>
                            <Show when=move || is_petition.get()>
                                <Textarea field="petition.signatories" label="Everyone else who signed it" value=signed errors=errors max_chars=100000 rows=8
                                    hint=format!("One person on each line: their full name, a comma, then their email address. At least {} people besides the spokesperson. Anyone here with an account at that email address can follow the complaint.", rule.min_people.saturating_sub(1)) />
                            </Show>
                        })
                    })}
                </Transition>
            </Show>
            <div class="app-form-group">
                <div class="app-checkboxes">
                    <Checkbox id="in_confidence" label="They asked us to keep who they are confidential" checked=in_confidence
                        hint="Only the complaints team and you will see their name and contact details. Other staff will see the case without them." />
                </div>
            </div>
            <button type="submit" class="app-button" disabled=move || send.pending().get()>"Record it"</button>
        </form>
    }
}
