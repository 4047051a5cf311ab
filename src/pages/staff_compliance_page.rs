//! How each policy the portal can run compares with the Housing Ombudsman's
//! Complaint Handling Code 2024 (issue 18), for staff: a policy chosen (the
//! one in use unless the address names another), its findings with what
//! the policy says and what would comply, breaches first, and what the check
//! cannot judge from a written policy. The findings are the server's
//! (`domain::compliance::check`); staff pages are in English.

use domain::api::PolicySummary;
use domain::compliance::{Finding, Severity, NOT_JUDGED};
use leptos::prelude::*;

use crate::api;
use crate::client_error::ClientError;
use crate::compliance_words::{policy_name, provision, summary};
use crate::components::problem_with_service::ProblemWithService;
use crate::components::signed_in::SignedIn;
use crate::components::title::Title;
use crate::router::{use_navigate, use_query_map, A};

#[component]
pub fn StaffCompliancePage() -> impl IntoView {
    view! {
        <div lang="en-GB">
            <SignedIn>
                <ComplianceView />
            </SignedIn>
        </div>
    }
}

/// The policy the address names (`?policy=`), else the one in use; `None`
/// when the address names a policy the portal does not have.
async fn shown(
    asked: Option<String>,
) -> Result<(Vec<PolicySummary>, Option<(PolicySummary, Vec<Finding>)>), ClientError> {
    let list = api::policies::list().await?;
    let policy = match asked.filter(|id| !id.is_empty()) {
        Some(id) => list.iter().find(|p| p.id == id).cloned(),
        None => list.iter().find(|p| p.active).or(list.first()).cloned(),
    };
    let Some(policy) = policy else {
        return Ok((list, None));
    };
    let findings = api::policies::compliance(&policy.id).await?;
    Ok((list, Some((policy, findings))))
}

#[component]
fn ComplianceView() -> impl IntoView {
    let query = use_query_map();
    let navigate = use_navigate();
    let chosen = RwSignal::new(query.with_untracked(|q| q.get("policy").unwrap_or_default()));
    let report = LocalResource::new(move || {
        let asked = query.with(|q| q.get("policy"));
        async move {
            let report = shown(asked).await;
            if let Ok((_, Some((policy, _)))) = &report {
                chosen.set(policy.id.clone());
            }
            report
        }
    });
    let choose = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        navigate(
            &format!(
                "/staff/compliance?policy={}",
                String::from(js_sys::encode_uri_component(&chosen.get_untracked()))
            ),
            Default::default(),
        );
    };
    view! {
        <Title text="Policies and the Complaint Handling Code" />
        <p class="app-body"><A href="/staff">"Case queue"</A></p>
        <h1 class="app-heading-l">"Policies and the Complaint Handling Code"</h1>
        <p class="app-body">"How each policy the portal can run compares with the Housing Ombudsman's Complaint Handling Code 2024, read from the policy as written. A policy runs as written even where it falls short; where it is silent, the portal follows the Code."</p>
        <Transition fallback=|| view! { <p class="app-body" role="status">"Loading the policies…"</p> }>
            {move || {
                let choose = choose.clone();
                Suspend::new(async move {
                match report.await {
                    Err(error) => match error.service_problem() {
                        Some(problem) => view! { <ProblemWithService problem=problem retry=move || report.refetch() /> }.into_any(),
                        None => view! { <p class="app-body" role="alert">{error.to_string()}</p> }.into_any(),
                    },
                    Ok((list, shown)) => view! {
                        <form novalidate on:submit=choose class="app-filters">
                            <div class="app-form-group">
                                <label class="app-label" for="policy">"Policy"</label>
                                <select class="app-select" id="policy" name="policy"
                                    on:change=move |ev| chosen.set(event_target_value(&ev)) prop:value=move || chosen.get()>
                                    {list.iter().map(|p| view! { <option value=p.id.clone()>{policy_name(p)}</option> }).collect_view()}
                                </select>
                            </div>
                            <button type="submit" class="app-button app-button--secondary">"Show"</button>
                        </form>
                        {match shown {
                            None => view! { <p class="app-body" role="alert">"The portal has no policy with that name. Choose one from the list."</p> }.into_any(),
                            Some((policy, findings)) => report_view(policy, findings).into_any(),
                        }}
                    }.into_any(),
                }
            })}}
        </Transition>
        <NotJudged />
    }
}

fn report_view(policy: PolicySummary, findings: Vec<Finding>) -> impl IntoView {
    let (breaches, advice): (Vec<Finding>, Vec<Finding>) = findings
        .iter()
        .cloned()
        .partition(|f| f.severity == Severity::Breach);
    let group = |heading: &'static str, id: &'static str, list: Vec<Finding>| {
        (!list.is_empty()).then(|| {
            view! {
                <h3 class="app-heading-m">{heading}</h3>
                <ul class="app-list" data-testid=id>
                    {list.into_iter().map(finding_view).collect_view()}
                </ul>
            }
        })
    };
    view! {
        <h2 class="app-heading-l" data-testid="policy-shown">{format!("{}: {}", policy.landlord, policy.title)}</h2>
        {policy.active.then(|| view! { <p class="app-body">"New complaints run under this policy."</p> })}
        <p class="app-body" data-testid="summary">{summary(&findings)}</p>
        {group("Where the policy says something the Code does not allow", "breaches", breaches)}
        {group("Where the policy is silent or unclear", "advice", advice)}
    }
}

fn finding_view(f: Finding) -> impl IntoView {
    view! {
        <li class="app-finding">
            <h4 class="app-heading-s">{provision(&f.section)}</h4>
            <p class="app-body">{f.message}</p>
            {f.policy_says.map(|words| view! {
                <p class="app-body">"The policy says:"</p>
                <blockquote class="app-inset-text">{words}</blockquote>
            })}
            <p class="app-body"><strong>"To comply: "</strong>{f.to_comply}</p>
        </li>
    }
}

/// What a written policy cannot show, so no finding will say it: evidence
/// from cases and records is needed instead.
#[component]
fn NotJudged() -> impl IntoView {
    view! {
        <details class="app-details">
            <summary class="app-details__summary">"What the check cannot judge"</summary>
            <div class="app-details__text">
                <p class="app-body">"These provisions are about what the landlord does, not what its policy says, so no finding covers them: a self-assessment needs evidence from cases and records for each."</p>
                <table class="app-table" data-testid="not-judged">
                    <caption class="app-table__caption">"Provisions the check does not judge"</caption>
                    <thead><tr><th scope="col">"Provision"</th><th scope="col">"Why"</th></tr></thead>
                    <tbody>
                        {NOT_JUDGED.iter().map(|(section, why)| view! { <tr>
                            <th scope="row">{provision(section)}</th>
                            <td>{*why}</td>
                        </tr> }).collect_view()}
                    </tbody>
                </table>
            </div>
        </details>
    }
}
