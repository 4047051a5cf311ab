use crate::components::title::Title;
use domain::policy::Ombudsman;
use leptos::prelude::*;

use crate::api;
use crate::components::ombudsman_guidance::contact_list;
use crate::components::problem_with_service::ProblemWithPart;
use crate::guidance::{
    contact_heading, fallback_ombudsman, guidance_mentions_designated_person, page_sections,
};
use crate::i18n::t;

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
    let policy = LocalResource::new(api::policies::active);
    // Until the policy answers (or if it cannot), the Service's own details.
    let ombudsman = move || -> Option<Ombudsman> {
        policy.get().map(|r| {
            r.map(|d| d.policy.ombudsman)
                .unwrap_or_else(|_| fallback_ombudsman())
        })
    };
    let problem = move || {
        policy
            .get()
            .and_then(|r| r.err())
            .and_then(|e| e.service_problem())
    };
    view! {
        <Title text=t("The Housing Ombudsman") />
        <div class="app-grid-column-two-thirds">
            <h1 class="app-heading-l">{t("The Housing Ombudsman")}</h1>
            <p class="app-body-l">
                {t("The Housing Ombudsman Service is free, independent and impartial. It looks at complaints about social housing landlords in England and can order a landlord to put things right.")}
            </p>
            <div class="app-inset-text">
                <p class="app-body app-guidance__key">
                    {t("You can contact the Housing Ombudsman for free advice at any time, including while your complaint is still with your landlord.")}
                </p>
            </div>

            <h2 class="app-heading-m">{t("When the Ombudsman can investigate")}</h2>
            <p class="app-body">{t("The Ombudsman can investigate your complaint:")}</p>
            <ul class="app-list app-list--bullet">
                <li>{t("after your landlord has given its final response, or")}</li>
                <li>{t("if your landlord's complaints process has stalled, for example it has not replied in time or will not take your complaint to the next stage")}</li>
            </ul>
            <p class="app-body">{t("Ask the Ombudsman to investigate within 12 months of your landlord's final response.")}</p>

            <div role="status" aria-live="polite">
                {move || problem().map(|problem| view! {
                    <ProblemWithPart problem=problem retry=move || policy.refetch()
                        missing=t("We cannot show what your housing provider's complaints policy says about the Ombudsman at the moment. You can still contact the Ombudsman using the details on this page.") />
                })}
            </div>
            {move || ombudsman().map(|o| {
                let designated = guidance_mentions_designated_person(&o);
                let sections = page_sections(&o)
                    .into_iter()
                    .map(|section| view! {
                        <h2 class="app-heading-m">{section.heading}</h2>
                        // The landlord's policy's own words, in English.
                        {section.paragraphs.into_iter().map(|p| view! { <p class="app-body" lang="en-GB">{p}</p> }).collect_view()}
                    })
                    .collect_view();
                let heading = contact_heading(&o.name);
                view! {
                    {designated.then(|| view! {
                        <h2 class="app-heading-m">{t("You no longer need a 'designated person' or to wait 8 weeks")}</h2>
                        <p class="app-body" data-testid="designated-person">
                            {t("Your landlord's policy was written when you had to ask a 'designated person' (an MP, a councillor or a tenant panel) or wait 8 weeks before going to the Ombudsman. Both ended on 1 October 2022. You can go straight to the Ombudsman once you have your landlord's final response.")}
                        </p>
                    })}
                    {sections}
                    <h2 class="app-heading-m" id="contact">{heading}</h2>
                    <div data-testid="ombudsman-contact">{contact_list(&o)}</div>
                    <p class="app-body">{t("You can complain to the Ombudsman by telephone, by post or with the online form on its website.")}</p>
                }
            })}
            {move || ombudsman().is_none().then(|| view! { <p class="app-body" role="status">{t("Loading…")}</p> })}

            <h2 class="app-heading-m">{t("If your home is in Wales")}</h2>
            <p class="app-body">
                {t("The Housing Ombudsman Service covers England. Wales has its own ombudsman: complaints about social housing in Wales go to the Public Services Ombudsman for Wales.")}
            </p>
        </div>
    }
}
