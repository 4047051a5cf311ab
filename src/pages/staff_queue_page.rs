use crate::components::title::Title;
use crate::router::A;
use crate::router::{use_navigate, use_query_map};
use leptos::prelude::*;

use crate::api;
use crate::case_words::{kind_name, resident_for_staff, status_tag};
use crate::components::problem_with_service::ProblemWithService;
use crate::components::signed_in::SignedIn;
use crate::format::date;

/// The caseworkers' queue: every open case, the soonest due first, filtered by
/// stage, status, caseworker ("mine", nobody's, or anyone's), overdue and
/// possible hazards.
#[component]
pub fn StaffQueuePage() -> impl IntoView {
    // Staff pages are in English whatever language is chosen, and say so to
    // screen readers.
    view! {
        <div lang="en-GB">
            <SignedIn>
                <Queue />
            </SignedIn>
        </div>
    }
}

/// The filters and the table; the problem page instead when the queue cannot load.
#[component]
fn Queue() -> impl IntoView {
    let query = use_query_map();
    let navigate = use_navigate();
    let stage = RwSignal::new(query.with_untracked(|q| q.get("stage").unwrap_or_default()));
    let status = RwSignal::new(query.with_untracked(|q| q.get("status").unwrap_or_default()));
    let overdue =
        RwSignal::new(query.with_untracked(|q| q.get("overdue").as_deref() == Some("true")));
    let caseworker =
        RwSignal::new(query.with_untracked(|q| q.get("caseworker").unwrap_or_default()));
    let hazard =
        RwSignal::new(query.with_untracked(|q| q.get("hazard").as_deref() == Some("true")));
    // Every caseworker, by name.
    let caseworkers =
        LocalResource::new(|| async { api::staff::caseworkers().await.unwrap_or_default() });
    let cases = LocalResource::new(move || {
        let search = query.with(|q| q.to_query_string());
        async move { api::staff::queue(&search).await }
    });
    let filter = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let mut parts = Vec::new();
        if !stage.get_untracked().is_empty() {
            parts.push(format!("stage={}", stage.get_untracked()));
        }
        if !status.get_untracked().is_empty() {
            parts.push(format!("status={}", status.get_untracked()));
        }
        if !caseworker.get_untracked().is_empty() {
            parts.push(format!("caseworker={}", caseworker.get_untracked()));
        }
        if overdue.get_untracked() {
            parts.push("overdue=true".to_owned());
        }
        if hazard.get_untracked() {
            parts.push("hazard=true".to_owned());
        }
        navigate(&format!("/staff?{}", parts.join("&")), Default::default());
    };
    let statuses = [
        ("", "Any status"),
        ("awaiting_acknowledgement", "Awaiting acknowledgement"),
        ("under_investigation", "Being looked into"),
        ("information_requested", "Information requested"),
        ("escalation_requested", "Review asked for"),
        ("panel_requested", "Panel asked for"),
        ("responded", "Responded"),
        ("closed", "Closed"),
        ("awaiting_decision", "Waiting for a decision to take it on"),
        ("not_taken_on", "Not taken on"),
    ];
    // The heading and filters give way to the problem page (in the table's
    // place) while the queue cannot be loaded.
    let problem = Memo::new(move |_| {
        cases
            .get()
            .and_then(Result::err)
            .and_then(|e| e.service_problem())
    });
    view! {
        <Show when=move || problem.get().is_none()>
            <Title text="Case queue" />
            <h1 class="app-heading-l">"Case queue"</h1>
            <p class="app-body"><A href="/staff/new-case">"Record a complaint, compliment or comment that came by phone, letter, email or in person"</A></p>
            <p class="app-body"><A href="/staff/messages">"Messages waiting for staff to send"</A></p>
            <p class="app-body"><A href="/staff/figures">"Complaint figures (administrators)"</A></p>
            <p class="app-body"><A href="/staff/compliance">"Policies and the Complaint Handling Code"</A></p>
            <form novalidate on:submit=filter.clone() class="app-filters">
                <div class="app-form-group">
                    <label class="app-label" for="stage">"Stage"</label>
                    <select class="app-select" id="stage" name="stage" on:change=move |ev| stage.set(event_target_value(&ev)) prop:value=move || stage.get()>
                        <option value="">"Any stage"</option>
                        <option value="1">"Stage 1"</option>
                        <option value="2">"Stage 2"</option>
                        <option value="3">"Stage 3 (panel)"</option>
                    </select>
                </div>
                <div class="app-form-group">
                    <label class="app-label" for="status">"Status"</label>
                    <select class="app-select" id="status" name="status" on:change=move |ev| status.set(event_target_value(&ev)) prop:value=move || status.get()>
                        {statuses.iter().map(|(v, l)| view! { <option value=*v>{*l}</option> }).collect_view()}
                    </select>
                </div>
                <div class="app-form-group">
                    <label class="app-label" for="caseworker">"Caseworker"</label>
                    <select class="app-select" id="caseworker" name="caseworker" on:change=move |ev| caseworker.set(event_target_value(&ev)) prop:value=move || caseworker.get()>
                        <option value="">"Anyone"</option>
                        <option value="mine">"My cases"</option>
                        <option value="none">"Not assigned"</option>
                        {move || caseworkers.get().unwrap_or_default().into_iter().map(|c| view! {
                            <option value=c.id.clone() selected=caseworker.get_untracked() == c.id>{c.name}</option>
                        }).collect_view()}
                    </select>
                </div>
                <crate::components::checkbox::Checkbox id="overdue" label="Only overdue cases" checked=overdue />
                <crate::components::checkbox::Checkbox id="hazard" label="Only possible hazards" checked=hazard />
                <button type="submit" class="app-button app-button--secondary">"Filter"</button>
            </form>
        </Show>
        <Transition fallback=|| view! { <p class="app-body" role="status">"Loading the queue…"</p> }>
            {move || Suspend::new(async move {
                match cases.await {
                    Err(error) => match error.service_problem() {
                        Some(problem) => view! { <ProblemWithService problem=problem retry=move || cases.refetch() /> }.into_any(),
                        None => view! { <p class="app-body" role="alert">{error.to_string()}</p> }.into_any(),
                    },
                    Ok((list, _)) if list.is_empty() => view! { <p class="app-body">"No cases match."</p> }.into_any(),
                    Ok((list, next)) => view! {
                        <div class="app-table-wrapper">
                            <table class="app-table" data-testid="queue">
                                <caption class="app-visually-hidden">"Cases, the soonest due first"</caption>
                                <thead><tr>
                                    <th scope="col">"Reference"</th>
                                    <th scope="col">"Resident"</th>
                                    <th scope="col">"Stage"</th>
                                    <th scope="col">"Status"</th>
                                    <th scope="col">"Caseworker"</th>
                                    <th scope="col">"Next due"</th>
                                </tr></thead>
                                <tbody>
                                    {list.into_iter().map(|c| {
                                        let (tag, class) = status_tag(c.status);
                                        view! {
                                            <tr>
                                                <td>
                                                    <A href=format!("/staff/cases/{}", c.id)>{c.reference.clone()}</A><br /><span class="app-hint">{kind_name(c.kind)}</span>
                                                    {c.hazard.then(|| view! { <br /><strong class="app-tag app-tag--red" data-testid="hazard">"Possible hazard"</strong> })}
                                                </td>
                                                <td>
                                                    {resident_for_staff(&c.resident_name, c.identity_withheld)}
                                                    {c.confidential.then(|| view! { <br /><strong class="app-tag app-tag--grey" data-testid="confidential">"Confidential"</strong> })}
                                                </td>
                                                <td>{c.stage.map(|s| s.name).unwrap_or_default()}</td>
                                                <td><strong class=format!("app-tag {class}")>{tag}</strong></td>
                                                <td>{c.caseworker.clone().unwrap_or_else(|| "Not assigned".into())}</td>
                                                <td>
                                                    {c.next_due.map(date).unwrap_or_else(|| "–".into())}
                                                    {c.overdue.then(|| view! { " "<strong class="app-tag app-tag--red">"Overdue"</strong> })}
                                                    {c.due_soon.then(|| view! { " "<strong class="app-tag app-tag--yellow">"Due soon"</strong> })}
                                                    {c.definition_queried.then(|| view! {
                                                        <br /><strong class="app-tag app-tag--yellow" data-testid="definition-queried">"Definition queried"</strong>
                                                    })}
                                                    {(c.messages_to_send > 0).then(|| view! {
                                                        <br /><strong class="app-tag app-tag--yellow" data-testid="messages-to-send">{match c.messages_to_send {
                                                            1 => "1 message to send by hand".to_owned(),
                                                            n => format!("{n} messages to send by hand"),
                                                        }}</strong>
                                                    })}
                                                    {(c.actions_overdue > 0).then(|| view! {
                                                        <br /><strong class="app-tag app-tag--red" data-testid="actions-overdue">{match c.actions_overdue {
                                                            1 => "1 promised action late".to_owned(),
                                                            n => format!("{n} promised actions late"),
                                                        }}</strong>
                                                    })}
                                                </td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                        // The server's next page keeps the filters: so does its link here.
                        <nav aria-label="Pages of the queue">
                            {next.map(|q| view! { <p class="app-body"><A href=format!("/staff?{q}")>"Next page"</A></p> })}
                            {query.with_untracked(|q| q.get("after").is_some()).then(|| view! {
                                <p class="app-body"><A href="/staff">"First page"</A></p>
                            })}
                        </nav>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}
