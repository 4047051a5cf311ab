mod actions;

use crate::components::title::Title;
use crate::router::A;
pub use actions::DateField;
use actions::StaffActions;
use domain::api::account::{LetterFormat, Preferences};
use domain::api::cases::CaseDetail;
use leptos::prelude::*;

use crate::case_action::{case_id, load_case};
use crate::case_words::{kind_name, resident_for_staff, status_tag};
use crate::components::case_contact::CaseContact;
use crate::components::problem_with_service::ProblemWithService;
use crate::components::signed_in::SignedIn;
use crate::next_step_words::Reader;
use crate::pages::case_page::{DueDates, Timeline, YourComplaint};

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

/// What each response said caused the complaint, and what was learnt
/// (issue 16, item 6), with the policy's labels for the causes.
#[component]
fn Learnt(case: CaseDetail) -> impl IntoView {
    let rows: Vec<(Vec<String>, Option<String>)> = case
        .timeline
        .iter()
        .filter_map(|e| match &e.event {
            domain::case::Event::Responded {
                root_causes,
                lessons,
                ..
            } if !root_causes.is_empty() || lessons.is_some() => {
                Some((root_causes.clone(), lessons.clone()))
            }
            _ => None,
        })
        .collect();
    if rows.is_empty() {
        return ().into_any();
    }
    let policy_id = case.policy_id.clone();
    let policy = LocalResource::new(move || {
        let id = policy_id.clone();
        async move { crate::api::policies::get(&id).await }
    });
    view! {
        <h2 class="app-heading-m">"What we learnt"</h2>
        <ul class="app-list" data-testid="learning">
            {move || {
                let labels = policy
                    .get()
                    .and_then(|p| p.ok())
                    .map(|p| p.effective.root_causes())
                    .unwrap_or_default();
                rows.iter().map(|(causes, lessons)| {
                    let words: Vec<String> = causes
                        .iter()
                        .map(|id| labels.iter().find(|c| &c.id == id).map_or_else(|| id.clone(), |c| c.label.clone()))
                        .collect();
                    let causes = if words.is_empty() { "none given".to_owned() } else { words.join("; ") };
                    view! {
                        <li>
                            {format!("Causes: {causes}")}
                            {lessons.clone().map(|l| view! { <br />{format!("Learnt: {l}")} })}
                        </li>
                    }
                }).collect_view()
            }}
        </ul>
    }
    .into_any()
}

/// A petition (Plus Dane §20): who speaks for it, and who signed it.
#[component]
fn PetitionSigned(id: String, people: u16, spokesperson: String) -> impl IntoView {
    let signed = LocalResource::new(move || {
        let id = id.clone();
        async move { crate::api::staff::signatories(&id).await }
    });
    view! {
        <div class="app-inset-text" data-testid="petition">
            <p class="app-body">{format!("A petition signed by {people} people. {spokesperson} is the spokesperson: every message goes to them alone, and only they can act on the complaint.")}</p>
            <details class="app-details">
                <summary class="app-details__summary">"Who signed it"</summary>
                <div class="app-details__text">
                    <Transition fallback=|| view! { <p class="app-body" role="status">"Loading who signed…"</p> }>
                        {move || Suspend::new(async move {
                            match signed.await {
                                Err(error) => view! { <p class="app-body" role="alert">{error.to_string()}</p> }.into_any(),
                                Ok(list) => view! {
                                    <ol class="app-list app-list--number" data-testid="signatories">
                                        {list.into_iter().map(|s| view! { <li>{format!("{} ({})", s.name, s.email)}</li> }).collect_view()}
                                    </ol>
                                }.into_any(),
                            }
                        })}
                    </Transition>
                </div>
            </details>
        </div>
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
        <span class="app-caption-l" data-testid="resident-name">{resident_for_staff(&case.resident_name, case.identity_withheld)}</span>
        <h1 class="app-heading-l">{title}</h1>
        {case.confidential.then(|| view! {
            <div class="app-inset-text" data-testid="confidential">
                <p class="app-body">{if case.identity_withheld {
                    "Confidential: the resident asked that only the complaints team knows who they are. You can see and act on the complaint, but not their name, contact details, needs or messages. Ask the complaints team if you need to contact them."
                } else {
                    "Confidential: the resident asked that only the complaints team knows who they are. Staff outside the team see this case without their name, contact details, needs or messages. Do not share who they are."
                }}</p>
            </div>
        })}
        {case.petition.map(|p| view! { <PetitionSigned id=case.id.clone() people=p.people spokesperson=resident_for_staff(&case.resident_name, case.identity_withheld) /> })}
        <p class="app-body">
            <strong class=format!("app-tag {class}") data-testid="case-status">{tag}</strong>
            {case.view.stage.as_ref().map(|s| view! { " "{s.name.clone()} })}
            {case.view.caseworker.clone().map(|c| view! { " · Caseworker: "{c} })}
        </p>
        {case.staff.as_ref().and_then(|s| s.received_by).map(|by| view! {
            <p class="app-body" data-testid="received-by">{format!("Reached us {} on {}", by.words(), crate::format::date(case.view.received_on))}</p>
        })}
        {case.staff.as_ref().and_then(|s| s.contact.clone()).map(|c| view! {
            <div class="app-inset-text" data-testid="no-account-contact">
                <p class="app-body">{format!("{} has no account. They want to hear from us by {}: {}", c.name, c.contact_channel.as_str().replace('_', " "), c.recipient())}</p>
            </div>
        })}
        {case.hazard.clone().map(|flag| view! { <crate::pages::staff_hazard::HazardWarning flag=flag /> })}
        {case.screening.iter().filter(|r| r.about_own_staff).map(|r| view! {
            <div class="app-inset-text" data-testid="about-own-staff">
                <p class="app-body">{format!(
                    "This complaint is about a member of staff. The policy says: {} The Complaint Handling Code counts it as a complaint (1.2), so it is answered through the complaints process; the policy's own route can run alongside.",
                    r.explanation
                )}</p>
            </div>
        }).collect_view()}
        <CaseContact case=case.clone() />
        {case.view.taking_on.as_ref().filter(|t| t.decision.is_none()).map(|t| {
            let grounds: Vec<String> = t.grounds.iter().map(|g| {
                case.screening.iter().find(|r| &r.id == g).map(|r| r.title.clone()).unwrap_or_else(|| g.replace('_', " "))
            }).collect();
            view! {
                <div class="app-notification-banner" data-testid="decision-needed">
                    <h2 class="app-notification-banner__heading">"Decide whether to take this complaint on"</h2>
                    <p class="app-body">"The resident sent it although our screening said:"</p>
                    <ul class="app-list">{grounds.into_iter().map(|g| view! { <li>{g}</li> }).collect_view()}</ul>
                    <p class="app-body">"The acknowledgement date still runs."</p>
                </div>
            }
        })}
        {case.resident_preferences.as_ref().map(|p| view! {
            <div class="app-notification-banner" data-testid="resident-needs">
                <h2 class="app-notification-banner__heading">"The resident's communication needs"</h2>
                <ul class="app-list">{preference_lines(p).into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            </div>
        })}
        {case.view.definition.clone().map(|d| {
            // What the resident last said was not right, and when.
            let queried = d.queried_on.and_then(|on| {
                case.timeline.iter().rev().find_map(|e| match &e.event {
                    domain::case::Event::DefinitionQueried { text } if e.on == on => {
                        Some((on, text.clone()))
                    }
                    _ => None,
                })
            });
            view! {
                <h2 class="app-heading-m">{format!("The complaint definition (stage {})", d.stage)}</h2>
                <dl class="app-summary-list" data-testid="staff-definition">
                    <div class="app-summary-list__row">
                        <dt class="app-summary-list__key">"What the complaint is about"</dt>
                        <dd class="app-summary-list__value">{d.about}</dd>
                    </div>
                    <div class="app-summary-list__row">
                        <dt class="app-summary-list__key">"The outcome the resident wants"</dt>
                        <dd class="app-summary-list__value">{d.outcome_sought}</dd>
                    </div>
                </dl>
                {queried.map(|(on, text)| view! {
                    <div class="app-notification-banner" data-testid="definition-queried">
                        <h2 class="app-notification-banner__heading">{format!("The resident says this is not right (told us on {})", crate::format::date(on))}</h2>
                        <p class="app-body app-preserve-lines">{text}</p>
                        <p class="app-body">"Check it with them (Code 5.6). If the complaint is not what you understood, say so in the response, or ask them for information."</p>
                    </div>
                })}
            }
        })}
        <crate::pages::case_page::Promises view=case.view.clone() />
        <Learnt case=case.clone() />
        <StaffActions case=case.clone() saved=saved recorded=recorded />
        <DueDates dates=case.view.due_dates.clone() reader=Reader::Advocate />
        <Timeline case=case.clone() for_staff=true />
        <YourComplaint case=case.clone() reader=Reader::Advocate />
    }
}
