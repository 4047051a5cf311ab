use domain::api::cases::{AttachmentInfo, CaseDetail};
use domain::api::PolicyDetail;
use domain::case::{CaseView, DueDate};
use leptos::prelude::*;
use crate::components::title::Title;
use crate::router::A;
use crate::router::{use_case_id, use_query_map};

use crate::api;
use crate::case_words::{
    action_label, action_path, actor_words, basis_words, case_title, closed_window_words, due_label, event_words,
    files_by_entry, skipped_words, stage_name, status_tag, window_sentence,
};
use crate::complaint_draft::file_size;
use crate::components::problem_with_service::ProblemWithService;
use crate::components::signed_in::SignedIn;
use crate::format::{date, date_with_weekday};
use crate::i18n::{t, tf};

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
        async move { api::get::<CaseDetail>(&format!("/cases/{id}")).await }
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
fn done_message(done: &str) -> Option<&'static str> {
    Some(match done {
        "information" => t("We have added your information to your complaint."),
        "review" => t("You have asked for a review. We will acknowledge your request and tell you when we will reply."),
        "panel" => t("You have asked for a panel. We will tell you the date of the hearing."),
        "withdrawn" => t("You have withdrawn your complaint."),
        "satisfaction" => t("Thank you for telling us."),
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
        async move { api::get::<PolicyDetail>(&format!("/policies/{id}")).await }
    });
    let tracker_view = view.clone();
    let done = move || query.with(|q| q.get("done")).as_deref().and_then(done_message);
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
        <Transition fallback=|| ()>
            {move || {
                let view = tracker_view.clone();
                Suspend::new(async move {
                    policy.await.ok().map(|p| view! { <StageTracker view=view policy=p /> })
                })
            }}
        </Transition>
        <WhatHappensNext case_id=case.id.clone() view=view.clone() />
        <DueDates dates=view.due_dates.clone() />
        <Timeline case=case.clone() />
        <YourComplaint case=case.clone() />
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
pub fn StageTracker(view: CaseView, policy: PolicyDetail) -> impl IntoView {
    if view.kind != domain::case::CaseKind::Complaint {
        return ().into_any();
    }
    let current = view.stage.as_ref().map(|s| s.number).unwrap_or(1);
    let finished = matches!(
        view.status,
        domain::case::Status::Closed | domain::case::Status::Withdrawn | domain::case::Status::WithOmbudsman
    );
    let mut stages: Vec<(u8, String)> =
        policy.effective.stages.iter().map(|s| (s.number, s.name.clone())).collect();
    if let Some(panel) = &policy.effective.panel {
        stages.push((panel.number, panel.name.clone()));
    }
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
                        {if name == format!("Stage {number}") {
                            stage_name(number, &name)
                        } else {
                            tf("Stage {number}: {name}", &[("number", &number), ("name", &name)])
                        }}
                        <span class="app-visually-hidden">{format!(" ({state})")}</span>
                    </li>
                }
            }).collect_view()}
        </ol>
    }.into_any()
}

/// The next thing to expect, and what the resident can do now.
#[component]
fn WhatHappensNext(case_id: String, view: CaseView) -> impl IntoView {
    let today = view.today;
    let actions = view.allowed_actions.clone();
    view! {
        <h2 class="app-heading-m">{t("What happens next")}</h2>
        {view.next_due.map(|due| {
            let overdue = view.due_dates.iter().any(|d| d.overdue);
            if overdue {
                view! { <p class="app-warning-text">{tf("We are late. We should have replied by {date}. We are sorry.", &[("date", &date_with_weekday(due))])}</p> }.into_any()
            } else {
                view! { <p class="app-body">{tf("We will reply by {date}.", &[("date", &date_with_weekday(due))])}</p> }.into_any()
            }
        })}
        {view.open_window.as_ref().map(|w| view! {
            <div class="app-inset-text" data-testid="open-window"><p class="app-body">{window_sentence(w, today)}</p></div>
        })}
        {view.closed_windows.iter().map(|w| {
            let (message, still_open) = closed_window_words(w);
            view! {
                <div class="app-inset-text" data-testid="closed-window">
                    <p class="app-body">{message}</p>
                    <p class="app-body">{still_open}</p>
                </div>
            }
        }).collect_view()}
        {(!actions.is_empty()).then(|| view! {
            <h3 class="app-heading-s">{t("What you can do")}</h3>
            <ul class="app-list">
                {actions.into_iter().map(|a| view! {
                    <li><A href=format!("/cases/{case_id}/{}", action_path(a))>{action_label(a)}</A></li>
                }).collect_view()}
            </ul>
        })}
    }
}

/// Every date, with how it was counted.
#[component]
pub fn DueDates(dates: Vec<DueDate>) -> impl IntoView {
    if dates.is_empty() {
        return ().into_any();
    }
    view! {
        <h2 class="app-heading-m">{t("Dates")}</h2>
        <dl class="app-summary-list" data-testid="due-dates">
            {dates.into_iter().map(|d| {
                let state = match (d.met, d.overdue) {
                    (Some(true), _) => Some((t("Done on time"), "app-tag--green")),
                    (Some(false), _) => Some((t("Done late"), "app-tag--yellow")),
                    (None, true) => Some((t("Overdue"), "app-tag--red")),
                    _ => None,
                };
                view! {
                    <div class="app-summary-list__row">
                        <dt class="app-summary-list__key">{due_label(&d.label)}</dt>
                        <dd class="app-summary-list__value">
                            <strong>{date_with_weekday(d.date)}</strong>
                            {state.map(|(text, class)| view! { " "<strong class=format!("app-tag {class}")>{text}</strong> })}
                            <br />
                            <span class="app-hint">{tf("{basis} (counted from {date}).", &[("basis", &basis_words(&d)), ("date", &date(d.counted_from))])}</span>
                            {skipped_words(&d.skipped).map(|e| view! { <span class="app-hint">{e}</span> })}
                            {d.original_date.map(|o| view! {
                                <span class="app-hint">{tf("Originally {date}. ", &[("date", &date_with_weekday(o))])}{d.extension_reason.clone().unwrap_or_default()}</span>
                            })}
                        </dd>
                    </div>
                }
            }).collect_view()}
        </dl>
    }.into_any()
}

/// Everything that has happened, newest first, each with the files sent with it.
#[component]
pub fn Timeline(case: CaseDetail) -> impl IntoView {
    let files = files_by_entry(&case.timeline, &case.attachments);
    let mut entries: Vec<_> = case.timeline.iter().cloned().zip(files).collect();
    entries.reverse();
    let id = case.id.clone();
    view! {
        <h2 class="app-heading-m">{t("What has happened")}</h2>
        <ol class="app-timeline" reversed>
            {entries.into_iter().map(|(entry, files)| {
                let (title, body) = event_words(&entry.event);
                let id = id.clone();
                view! {
                    <li class="app-timeline__item">
                        <h3 class="app-timeline__title">{title}</h3>
                        <p class="app-timeline__date">{format!("{} · {}", date_with_weekday(entry.on), actor_words(&entry.actor))}</p>
                        {body.map(|b| view! { <p class="app-timeline__body">{b}</p> })}
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
        <a href=format!("/api/v1/cases/{case_id}/attachments/{}", attachment.id) download=attachment.filename.clone()>
            {attachment.filename.clone()}
        </a>
        <span class="app-file-size">{format!(" ({})", file_size(attachment.size))}</span>
    }
}

/// What the resident told us, and the files they sent.
#[component]
pub fn YourComplaint(case: CaseDetail) -> impl IntoView {
    let id = case.id.clone();
    view! {
        <h2 class="app-heading-m">{t("What you told us")}</h2>
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
                    <dd class="app-summary-list__value">{tf("{name} ({relationship}) for {resident}", &[("name", &f.name), ("relationship", &f.relationship), ("resident", &case.resident_name)])}</dd>
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
