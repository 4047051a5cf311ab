use crate::components::title::Title;
use crate::router::A;
use crate::router::{use_case_id, use_query_map};
use domain::api::cases::{AttachmentInfo, CaseDetail};
use domain::api::PolicyDetail;
use domain::case::{CaseView, DefinitionView, DueDate, LatestResponse, NextStep};
use leptos::prelude::*;

use crate::api;
use crate::case_words::{
    action_label_for, action_path, actor_words, advocates_actor_words, basis_words, case_title,
    closed_window_words, event_words, files_by_entry, rule_note_words, skipped_words,
    staff_actor_words, stage_name, status_tag, window_sentence,
};
use crate::complaint_draft::file_size;
use crate::components::problem_with_service::ProblemWithService;
use crate::components::signed_in::SignedIn;
use crate::format::{date, date_with_weekday};
use crate::i18n::{t, tf};
use crate::next_step_words::{
    closing_sentence, due_label, due_shown_date, due_tag, has_ended, next_step_sentence,
    ombudsman_by_sentence, outcome_sentence, reader_for, remedy_row, shown_due_dates, Reader,
};

/// One case: where it stands, the dates it is due by and how they were
/// counted, what the resident can do now, and everything that has happened.
#[component]
pub fn CasePage() -> impl IntoView {
    view! {
        <SignedIn>
            <CaseLoader />
        </SignedIn>
    }
}

#[component]
fn CaseLoader() -> impl IntoView {
    let id = use_case_id();
    let case = LocalResource::new(move || {
        let id = id.get();
        async move { api::cases::get(&id).await }
    });
    view! {
        <Transition fallback=|| view! { <p class="app-body" role="status">{t("Loading…")}</p> }>
            {move || Suspend::new(async move {
                match case.await {
                    Ok(case) => view! { <CaseDetails case=case /> }.into_any(),
                    Err(api::ClientError::NotFound) => view! { <crate::pages::not_found_page::NotFoundPage /> }.into_any(),
                    Err(error) => match error.service_problem() {
                        Some(problem) => view! { <ProblemWithService problem=problem retry=move || case.refetch() /> }.into_any(),
                        None => view! {
                            <Title text=t("Sorry, there is a problem") />
                            <h1 class="app-heading-l">{t("Sorry, there is a problem")}</h1>
                            <p class="app-body">{error.to_string()}</p>
                        }.into_any(),
                    },
                }
            })}
        </Transition>
    }
}

/// A confirmation banner after an action, from `?done=…`.
fn done_message(done: &str, reader: Reader) -> Option<&'static str> {
    let advocate = reader == Reader::Advocate;
    Some(match done {
        "information" if advocate => t("We have added the information to their complaint."),
        "withdrawn" if advocate => t("You have withdrawn their complaint."),
        "information" => t("We have added your information to your complaint."),
        "review" => t("You have asked for a review. We will acknowledge your request and tell you when we will reply."),
        "panel" => t("You have asked for a panel. We will tell you the date of the hearing."),
        "withdrawn" => t("You have withdrawn your complaint."),
        "satisfaction" => t("Thank you for telling us."),
        "definition" => t("Thank you. We will check what we understand the complaint to be, and get in touch."),
        "equality" => t("Thank you. Your answers to the equality questions are saved."),
        "equality_removed" => t("Your answers to the equality questions have been removed."),
        _ => return None,
    })
}

#[component]
fn CaseDetails(case: CaseDetail) -> impl IntoView {
    let query = use_query_map();
    let title = case_title(case.kind, case.category_label.as_deref());
    let (tag, tag_class) = status_tag(case.view.status);
    let view = case.view.clone();
    let policy_id = case.policy_id.clone();
    let policy = LocalResource::new(move || {
        let id = policy_id.clone();
        async move { api::policies::get(&id).await }
    });
    let tracker_view = view.clone();
    // Someone who signed a petition reads it as its spokesperson's complaint,
    // in the words an advocate reads ("their complaint").
    let reader = if case.petition.is_some_and(|p| p.you_signed) {
        Reader::Advocate
    } else {
        reader_for(
            crate::session::use_session()
                .user
                .with_untracked(|u| u.as_ref().map(|u| u.role)),
        )
    };
    let ended = has_ended(view.next_step.as_ref());
    let contact = policy;
    let done = move || {
        query
            .with(|q| q.get("done"))
            .as_deref()
            .and_then(|done| done_message(done, reader))
    };
    view! {
        <Title text=format!("{title} – {}", case.reference) />
        {move || done().map(|message| view! {
            <div class="app-notification-banner app-notification-banner--success" role="status">
                <p class="app-notification-banner__heading">{message}</p>
            </div>
        })}
        <span class="app-caption-l">{tf("Reference {reference}", &[("reference", &case.reference)])}</span>
        <h1 class="app-heading-l">{title}</h1>
        <p class="app-body">
            <strong class=format!("app-tag {tag_class}") data-testid="case-status">{tag}</strong>
            {view.stage.as_ref().map(|s| view! { " "<span>{stage_name(s.number, &s.name)}</span> })}
        </p>
        {case.petition.map(|p| view! {
            <div class="app-inset-text" data-testid="petition">
                <p class="app-body">{tf("This complaint is a petition. People who signed it: {people}.", &[("people", &p.people)])}</p>
                <p class="app-body">{if p.you_signed {
                    tf("{name} is its spokesperson: we write to them, and only they can act on it. You can follow it here.", &[("name", &case.resident_name)])
                } else {
                    t("You are its spokesperson: we write to you, and the people who signed it can follow it here.").to_owned()
                }}</p>
            </div>
        })}
        <StageTracker view=tracker_view />
        {view.latest_response.clone().map(|r| view! { <LatestAnswer response=r reader=reader /> })}
        <Promises view=view.clone() />
        {view.definition.clone().map(|d| view! { <OurUnderstanding definition=d reader=reader /> })}
        <WhatHappensNext case_id=case.id.clone() view=view.clone() reader=reader />
        {ended.then(|| view! {
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    contact.await.ok().map(|p| view! { <HowToReopen policy=p /> })
                })}
            </Transition>
        })}
        <DueDates dates=shown_due_dates(&view.due_dates, ended) reader=reader />
        <Timeline case=case.clone() reader=reader />
        <YourComplaint case=case.clone() reader=reader />
        // Only the resident is asked, under a policy that monitors (Pioneer §11).
        {case.equality_answered.map(|answered| view! {
            <h2 class="app-heading-m">{t("Equality questions")}</h2>
            <p class="app-body">{t("We ask everyone who contacts us a few optional questions, to check that we treat everyone fairly. The people dealing with your case cannot see your answers.")}</p>
            <p class="app-body"><A href=format!("/cases/{}/equality", case.id)>{if answered { t("Change or remove your answers to the equality questions") } else { t("Answer the equality questions") }}</A></p>
        })}
        <h2 class="app-heading-m">{t("The Housing Ombudsman")}</h2>
        // The landlord's policy's own words, in English.
        {view.ombudsman_guidance.iter().map(|p| view! { <p class="app-body" lang="en-GB">{p.clone()}</p> }).collect_view()}
        <p class="app-body"><A href="/ombudsman">{t("Read more about the Housing Ombudsman and how to contact them")}</A></p>
        {move || {
            let advocate = crate::session::use_session()
                .user
                .with(|u| u.as_ref().is_some_and(|u| u.role == domain::api::account::Role::Advocate));
            if advocate {
                view! { <p class="app-body"><A href="/advocate">{t("Back to the people you help")}</A></p> }.into_any()
            } else {
                view! { <p class="app-body"><A href="/cases">{t("Back to your cases")}</A></p> }.into_any()
            }
        }}
    }
}

/// Where the complaint is in the landlord's process: stage 1, 2 (and a panel).
#[component]
pub fn StageTracker(view: CaseView) -> impl IntoView {
    if view.kind != domain::case::CaseKind::Complaint {
        return ().into_any();
    }
    let current = view.stage.as_ref().map(|s| s.number).unwrap_or(1);
    let finished = matches!(
        view.status,
        domain::case::Status::Closed
            | domain::case::Status::Withdrawn
            | domain::case::Status::WithOmbudsman
            | domain::case::Status::NotTakenOn
    );
    let stages: Vec<(u8, String)> = view
        .stages
        .iter()
        .map(|s| (s.number, s.name.clone()))
        .collect();
    view! {
        <h2 class="app-visually-hidden">{t("Stages")}</h2>
        <ol class="app-stages">
            {stages.into_iter().map(|(number, name)| {
                let (class, state) = if number < current || (finished && number == current) {
                    ("app-stages__item app-stages__item--done", t("done"))
                } else if number == current {
                    ("app-stages__item app-stages__item--current", t("current stage"))
                } else {
                    ("app-stages__item", t("not started"))
                };
                view! {
                    <li class=class aria-current=(number == current && !finished).then_some("step")>
                        {crate::stage_words::stage_heading(number, &name)}
                        <span class="app-visually-hidden">{format!(" ({state})")}</span>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
    .into_any()
}

/// The landlord's latest answer, first on the page once there is one: the
/// decision, the reasons, each way we put things right, and what is still to
/// be done with its date.
#[component]
fn LatestAnswer(response: LatestResponse, reader: Reader) -> impl IntoView {
    let heading = match (response.panel, response.final_response) {
        (true, _) => t("The panel's decision"),
        (false, true) => t("Our final response"),
        (false, false) => t("Our response"),
    };
    let sent = match (response.by_post, response.received_on) {
        // A letter counts as received some working days after it is posted
        // (issue 16, item 8): say both days, as the resident's time counts from one.
        (true, Some(received)) => tf(
            "Sent by post on {date}. We count it as received on {received}.",
            &[
                ("date", &date_with_weekday(response.on)),
                ("received", &date_with_weekday(received)),
            ],
        ),
        _ => tf(
            "Sent on {date}",
            &[("date", &date_with_weekday(response.on))],
        ),
    };
    let reasons = response.reasons.trim().to_owned();
    view! {
        <section class="app-answer" aria-labelledby="latest-answer" data-testid="latest-answer">
            <h2 class="app-heading-m" id="latest-answer">{heading}</h2>
            <p class="app-hint">{sent}</p>
            {outcome_sentence(response.outcome, response.panel, reader).map(|o| view! { <p class="app-body app-answer__outcome"><strong>{o}</strong></p> })}
            {(!reasons.is_empty()).then(|| view! {
                <h3 class="app-heading-s">{t("Why")}</h3>
                // The landlord's own words, in English.
                <p class="app-body app-preserve-lines" lang="en-GB">{reasons}</p>
            })}
            {(!response.remedies.is_empty()).then(|| view! {
                <h3 class="app-heading-s">{t("How we will put things right")}</h3>
                <dl class="app-summary-list">
                    {response.remedies.iter().map(|r| {
                        let (key, words) = remedy_row(r);
                        view! {
                            <div class="app-summary-list__row">
                                <dt class="app-summary-list__key">{key}</dt>
                                <dd class="app-summary-list__value" lang="en-GB">{words}</dd>
                            </div>
                        }
                    }).collect_view()}
                </dl>
            })}
        </section>
    }
}

/// Every action the responses promised, and where each stands: done on a
/// day, still to do by its date, or late; who is doing it; and each change
/// with its reason (issue 16, item 4). Staff see the same list.
#[component]
pub fn Promises(view: CaseView) -> impl IntoView {
    if view.actions.is_empty() {
        return ().into_any();
    }
    let today = view.today;
    view! {
        <section aria-labelledby="promises-heading" data-testid="promises">
            <h2 class="app-heading-m" id="promises-heading">{t("What we promised to do")}</h2>
            <dl class="app-summary-list">
                {view.actions.into_iter().map(|a| {
                    let (tag, class, when) = match a.done_on {
                        Some(on) => (t("Done"), "app-tag--green", tf("Done on {date}", &[("date", &date_with_weekday(on))])),
                        None if a.is_overdue(today) => (t("Late"), "app-tag--red", tf("It should have been done by {date}", &[("date", &date_with_weekday(a.due))])),
                        None => (t("To do"), "", tf("By {date}", &[("date", &date_with_weekday(a.due))])),
                    };
                    view! {
                        <div class="app-summary-list__row" data-testid="promise">
                            // The landlord's own words, in English.
                            <dt class="app-summary-list__key" lang="en-GB">{a.description.clone()}</dt>
                            <dd class="app-summary-list__value">
                                <strong class=format!("app-tag {class}")>{tag}</strong>" "{when}
                                {(!a.owner.is_empty()).then(|| view! { <br />{t("Who is doing it:")}" "<span lang="en-GB">{a.owner.clone()}</span> })}
                                {a.changes.iter().map(|c| view! {
                                    <br />{tf("Changed on {date}. Why:", &[("date", &date(c.on))])}" "<span lang="en-GB">{c.reason.clone()}</span>
                                }).collect_view()}
                            </dd>
                        </div>
                    }
                }).collect_view()}
            </dl>
        </section>
    }
    .into_any()
}

/// What a resident can do about a complaint that has ended: ask us to look
/// at it again, by the ways the landlord's policy gives.
#[component]
fn HowToReopen(policy: PolicyDetail) -> impl IntoView {
    let contact = policy.effective.contact.clone();
    let ways: Vec<(&'static str, String)> = [
        (t("Telephone"), contact.telephone.clone()),
        (t("Email"), contact.email.clone()),
        (t("Post"), contact.post.clone()),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.map(|v| (k, v)))
    .collect();
    let landlord = policy.effective.landlord.clone();
    view! {
        <h3 class="app-heading-s">{t("If you want us to look at it again")}</h3>
        {if ways.is_empty() {
            view! {
                <p class="app-body" data-testid="reopen-contact">
                    {tf("Contact {landlord} and ask them to reopen your complaint.", &[("landlord", &landlord)])}
                </p>
            }.into_any()
        } else {
            view! {
                <p class="app-body">{t("Contact us and ask us to reopen your complaint:")}</p>
                <ul class="app-list" data-testid="reopen-contact">
                    {ways.into_iter().map(|(k, v)| view! { <li>{k}": "<span lang="en-GB">{v}</span></li> }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

/// The next thing to expect, and what the resident can do now.
#[component]
fn WhatHappensNext(case_id: String, view: CaseView, reader: Reader) -> impl IntoView {
    let today = view.today;
    let actions = view.allowed_actions.clone();
    let step = view.next_step.clone();
    let asked = match &step {
        Some(NextStep::InformationRequested { what, asked_on, .. }) => {
            Some((what.clone(), *asked_on))
        }
        _ => None,
    };
    let respond_by = match &step {
        Some(NextStep::InformationRequested {
            respond_by: Some(by),
            ..
        }) => Some(*by),
        _ => None,
    };
    let ombudsman_by = view.ombudsman_by;
    let not_taken_on = match &step {
        Some(NextStep::NotTakenOn { reasons, .. }) => Some(reasons.clone()),
        _ => None,
    };
    view! {
        <h2 class="app-heading-m">{t("What happens next")}</h2>
        <div data-testid="next-step">
            {step.as_ref().map(|step| {
                let (sentence, late) = next_step_sentence(step, reader);
                if late {
                    view! { <p class="app-warning-text">{sentence}</p> }.into_any()
                } else {
                    view! { <p class="app-body">{sentence}</p> }.into_any()
                }
            })}
            {step.is_none().then(|| view! { <p class="app-body">{t("Thank you. We have received it.")}</p> })}
        </div>
        {not_taken_on.map(|reasons| view! {
            <div class="app-inset-text" data-testid="not-taken-on">
                <p class="app-body">{t("Our reasons:")}</p>
                // The caseworker's own words, in English.
                <p class="app-body app-preserve-lines" lang="en-GB"><strong>{reasons}</strong></p>
                <p class="app-body">{match reader {
                    Reader::Resident => t("You can ask the Housing Ombudsman to look at our decision not to take your complaint on."),
                    Reader::Advocate => t("They can ask the Housing Ombudsman to look at our decision not to take their complaint on."),
                }}</p>
            </div>
        })}
        {asked.map(|(what, on)| view! {
            <div class="app-inset-text" data-testid="information-asked">
                <p class="app-body">{tf("On {date} we asked you for:", &[("date", &date_with_weekday(on))])}</p>
                // The caseworker's own words, in English.
                <p class="app-body app-preserve-lines" lang="en-GB"><strong>{what}</strong></p>
                {respond_by.map(|by| view! { <p class="app-body">{tf("We will still send our response by {date}.", &[("date", &date_with_weekday(by))])}</p> })}
            </div>
        })}
        {view.open_window.as_ref().map(|w| view! {
            <div class="app-inset-text" data-testid="open-window"><p class="app-body">{window_sentence(w, today, reader)}</p></div>
        })}
        {view.closed_windows.iter().map(|w| {
            let (message, still_open) = closed_window_words(w, reader);
            view! {
                <div class="app-inset-text" data-testid="closed-window">
                    <p class="app-body">{message}</p>
                    <p class="app-body">{still_open}</p>
                </div>
            }
        }).collect_view()}
        {view.closes.map(|closing| view! {
            <p class="app-body" data-testid="closes">{closing_sentence(closing, reader)}</p>
        })}
        {ombudsman_by.map(|by| view! {
            <p class="app-body" data-testid="ombudsman-by">
                {ombudsman_by_sentence(by, reader)}
            </p>
        })}
        {(!actions.is_empty()).then(|| view! {
            <h3 class="app-heading-s">{t("What you can do")}</h3>
            <ul class="app-list">
                {actions.into_iter().map(|a| view! {
                    <li><A href=format!("/cases/{case_id}/{}", action_path(a))>{action_label_for(a, reader)}</A></li>
                }).collect_view()}
            </ul>
        })}
    }
}

/// The landlord's understanding of the complaint and of what the resident
/// wants (the Code's complaint definition, 5.6), and whether they have told
/// us it is not right. The link to say so is under "What you can do".
#[component]
fn OurUnderstanding(definition: DefinitionView, reader: Reader) -> impl IntoView {
    let advocate = reader == Reader::Advocate;
    view! {
        <h2 class="app-heading-m">{if advocate { t("What we understand their complaint to be") } else { t("What we understand your complaint to be") }}</h2>
        <dl class="app-summary-list" data-testid="definition">
            <div class="app-summary-list__row">
                <dt class="app-summary-list__key">{t("What it is about")}</dt>
                <dd class="app-summary-list__value app-preserve-lines">{definition.about}</dd>
            </div>
            <div class="app-summary-list__row">
                <dt class="app-summary-list__key">{if advocate { t("What they want to happen") } else { t("What you want to happen") }}</dt>
                <dd class="app-summary-list__value app-preserve-lines">{definition.outcome_sought}</dd>
            </div>
        </dl>
        {definition.queried_on.map(|on| view! {
            <div class="app-inset-text" data-testid="definition-queried">
                <p class="app-body">{tf("You told us on {date} that this is not right. We will check it and get in touch.", &[("date", &date_with_weekday(on))])}</p>
            </div>
        })}
    }
}

/// Every date, with how it was counted one tap away.
#[component]
pub fn DueDates(dates: Vec<DueDate>, reader: Reader) -> impl IntoView {
    if dates.is_empty() {
        return ().into_any();
    }
    view! {
        <h2 class="app-heading-m">{t("Dates")}</h2>
        <dl class="app-summary-list" data-testid="due-dates">
            {dates.into_iter().map(|d| {
                let tag = due_tag(&d);
                let done = d.done_on.is_some();
                view! {
                    <div class="app-summary-list__row">
                        <dt class="app-summary-list__key">{due_label(&d, reader)}</dt>
                        <dd class="app-summary-list__value">
                            <strong>{date_with_weekday(due_shown_date(&d))}</strong>
                            {tag.map(|(text, class)| view! { " "<strong class=format!("app-tag {class}")>{text}</strong> })}
                            {(done && !d.kind.is_residents_window()).then(|| view! {
                                <br /><span class="app-hint">{tf("It was due by {date}.", &[("date", &date_with_weekday(d.date))])}</span>
                            })}
                            {d.original_date.map(|o| view! {
                                <br /><span class="app-hint">{tf("We moved this date from {date}.", &[("date", &date_with_weekday(o))])}" "<span lang="en-GB">{d.extension_reason.clone().unwrap_or_default()}</span></span>
                            })}
                            <details class="app-details">
                                <summary class="app-details__summary">{t("How we worked out this date")}</summary>
                                <div class="app-details__text">
                                    <p class="app-body">{tf("{basis} (counted from {date}).", &[("basis", &basis_words(&d)), ("date", &date(d.counted_from))])}</p>
                                    {skipped_words(&d.skipped).map(|e| view! { <p class="app-body">{e}</p> })}
                                </div>
                            </details>
                        </dd>
                    </div>
                }
            }).collect_view()}
        </dl>
    }.into_any()
}

/// Everything that has happened, newest first, each with the files sent with
/// it. For staff, the resident is named rather than "You".
#[component]
pub fn Timeline(
    case: CaseDetail,
    #[prop(optional)] for_staff: bool,
    #[prop(optional)] reader: Reader,
) -> impl IntoView {
    let resident = case.resident_name.clone();
    let files = files_by_entry(&case.timeline, &case.attachments);
    let mut entries: Vec<_> = case.timeline.iter().cloned().zip(files).collect();
    entries.reverse();
    let id = case.id.clone();
    view! {
        <h2 class="app-heading-m">{t("What has happened")}</h2>
        <ol class="app-timeline" reversed>
            {entries.into_iter().map(|(entry, files)| {
                let (title, body) = event_words(&entry.event, &case.view.actions);
                let id = id.clone();
                view! {
                    <li class="app-timeline__item">
                        <h3 class="app-timeline__title">{title}</h3>
                        <p class="app-timeline__date">{format!("{} · {}", date_with_weekday(entry.on), if for_staff { staff_actor_words(&entry.actor, &resident) } else if reader == Reader::Advocate { advocates_actor_words(&entry.actor, &resident) } else { actor_words(&entry.actor) })}</p>
                        {body.map(|b| view! { <p class="app-timeline__body">{b}</p> })}
                        {entry.rule.as_ref().map(|note| view! { <p class="app-timeline__body" data-testid="rule-note">{rule_note_words(note)}</p> })}
                        {(!files.is_empty()).then(|| view! {
                            <ul class="app-list app-timeline__files" aria-label=t("Files sent")>
                                {files.into_iter().map(|a| view! { <li><AttachmentLink case_id=id.clone() attachment=a /></li> }).collect_view()}
                            </ul>
                        })}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

/// A link that downloads one of the case's files, with its size.
#[component]
fn AttachmentLink(case_id: String, attachment: AttachmentInfo) -> impl IntoView {
    view! {
        <a href=api::cases::attachment_href(&case_id, &attachment.id) download=attachment.filename.clone()>
            {attachment.filename.clone()}
        </a>
        <span class="app-file-size">{format!(" ({})", file_size(attachment.size))}</span>
    }
}

/// What the resident told us, and the files they sent.
#[component]
pub fn YourComplaint(case: CaseDetail, #[prop(optional)] reader: Reader) -> impl IntoView {
    let id = case.id.clone();
    let heading = match reader {
        Reader::Resident => t("What you told us"),
        Reader::Advocate => t("What we were told"),
    };
    view! {
        <h2 class="app-heading-m">{heading}</h2>
        <dl class="app-summary-list">
            <div class="app-summary-list__row">
                <dt class="app-summary-list__key">{t("What happened")}</dt>
                <dd class="app-summary-list__value">{case.details.clone()}</dd>
            </div>
            {case.started_on.map(|d| view! {
                <div class="app-summary-list__row">
                    <dt class="app-summary-list__key">{t("When it started")}</dt>
                    <dd class="app-summary-list__value">{date(d)}</dd>
                </div>
            })}
            {case.desired_outcome.clone().map(|o| view! {
                <div class="app-summary-list__row">
                    <dt class="app-summary-list__key">{t("What would put it right")}</dt>
                    <dd class="app-summary-list__value">{o}</dd>
                </div>
            })}
            {case.filed_by.clone().map(|f| view! {
                <div class="app-summary-list__row">
                    <dt class="app-summary-list__key">{t("Raised by")}</dt>
                    <dd class="app-summary-list__value">{if case.identity_withheld || f.name.is_empty() {
                        f.relationship.clone()
                    } else {
                        tf("{name} ({relationship}) for {resident}", &[("name", &f.name), ("relationship", &f.relationship), ("resident", &case.resident_name)])
                    }}</dd>
                </div>
            })}
            {case.confidential.then(|| view! {
                <div class="app-summary-list__row" data-testid="confidential-row">
                    <dt class="app-summary-list__key">{t("Confidential")}</dt>
                    <dd class="app-summary-list__value">{t("Yes: only the complaints team knows who raised it")}</dd>
                </div>
            })}
        </dl>
        {(!case.attachments.is_empty()).then(|| view! {
            <h3 class="app-heading-s">{t("Files")}</h3>
            <ul class="app-list">
                {case.attachments.iter().map(|a| view! {
                    <li><AttachmentLink case_id=id.clone() attachment=a.clone() /></li>
                }).collect_view()}
            </ul>
        })}
    }
}
