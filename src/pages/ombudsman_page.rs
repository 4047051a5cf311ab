use domain::api::PolicyDetail;
use domain::policy::Ombudsman;
use leptos::prelude::*;
use crate::components::title::Title;

use crate::api;
use crate::components::ombudsman_guidance::contact_list;
use crate::components::problem_with_service::ProblemWithPart;
use crate::guidance::{fallback_ombudsman, guidance_mentions_designated_person, page_sections};

/// What the Housing Ombudsman does, when it can investigate, and how to reach
/// it, from the active policy's `ombudsman` block.
///
/// When the policy cannot load for a lost connection or a server error, the
/// page keeps what is true anyway (what the Ombudsman does, and its own
/// contact details) and shows the problem, with "Try again", where the
/// policy's guidance goes: a resident whose landlord's service is failing may
/// need the Ombudsman most.
#[component]
pub fn OmbudsmanPage() -> impl IntoView {
    let policy = LocalResource::new(|| api::get::<PolicyDetail>("/policies/active"));
    // Until the policy answers (or if it cannot), the Service's own details.
    let ombudsman = move || -> Option<Ombudsman> {
        policy.get().map(|r| r.map(|d| d.policy.ombudsman).unwrap_or_else(|_| fallback_ombudsman()))
    };
    let problem = move || {
        policy
            .get()
            .and_then(|r| r.err())
            .and_then(|e| e.service_problem())
    };
    view! {
        <Title text="The Housing Ombudsman" />
        <div class="app-grid-column-two-thirds">
            <h1 class="app-heading-l">"The Housing Ombudsman"</h1>
            <p class="app-body-l">
                "The Housing Ombudsman Service is free, independent and impartial. It looks at complaints about social housing landlords in England and can order a landlord to put things right."
            </p>
            <div class="app-inset-text">
                <p class="app-body app-guidance__key">
                    "You can contact the Housing Ombudsman for free advice at any time, including while your complaint is still with your landlord."
                </p>
            </div>

            <h2 class="app-heading-m">"When the Ombudsman can investigate"</h2>
            <p class="app-body">"The Ombudsman can investigate your complaint:"</p>
            <ul class="app-list app-list--bullet">
                <li>"after your landlord has given its final response, or"</li>
                <li>"if your landlord's complaints process has stalled, for example it has not replied in time or will not take your complaint to the next stage"</li>
            </ul>
            <p class="app-body">"Ask the Ombudsman to investigate within 12 months of your landlord's final response."</p>

            <div role="status" aria-live="polite">
                {move || problem().map(|problem| view! {
                    <ProblemWithPart problem=problem retry=move || policy.refetch()
                        missing="We cannot show what your housing provider's complaints policy says about the Ombudsman at the moment. You can still contact the Ombudsman using the details on this page." />
                })}
            </div>
            {move || ombudsman().map(|o| {
                let designated = guidance_mentions_designated_person(&o);
                let sections = page_sections(&o)
                    .into_iter()
                    .map(|section| view! {
                        <h2 class="app-heading-m">{section.heading}</h2>
                        {section.paragraphs.into_iter().map(|p| view! { <p class="app-body">{p}</p> }).collect_view()}
                    })
                    .collect_view();
                let name = if o.name.trim().is_empty() { crate::guidance::OMBUDSMAN_NAME.to_owned() } else { o.name.trim().to_owned() };
                view! {
                    {designated.then(|| view! {
                        <h2 class="app-heading-m">"You no longer need a 'designated person' or to wait 8 weeks"</h2>
                        <p class="app-body" data-testid="designated-person">
                            "Your landlord's policy was written when you had to ask a 'designated person' (an MP, a councillor or a tenant panel) or wait 8 weeks before going to the Ombudsman. Both ended on 1 October 2022. You can go straight to the Ombudsman once you have your landlord's final response."
                        </p>
                    })}
                    {sections}
                    <h2 class="app-heading-m" id="contact">{format!("Contact the {name}")}</h2>
                    <div data-testid="ombudsman-contact">{contact_list(&o)}</div>
                    <p class="app-body">"You can complain to the Ombudsman by telephone, by post or with the online form on its website."</p>
                }
            })}
            {move || ombudsman().is_none().then(|| view! { <p class="app-body" role="status">"Loading…"</p> })}

            <h2 class="app-heading-m">"If your home is in Wales"</h2>
            <p class="app-body">
                "The Housing Ombudsman Service covers England. Wales has its own ombudsman: complaints about social housing in Wales go to the Public Services Ombudsman for Wales."
            </p>
        </div>
    }
}
