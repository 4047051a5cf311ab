use crate::router::A;
use domain::policy::{GuidanceWhen, Ombudsman, Policy};
use leptos::prelude::*;

use crate::guidance::{contact_heading, ombudsman_contact, paragraphs_for};
use crate::i18n::t;

/// The Ombudsman's telephone, website and address as a list (used by the
/// guidance page too): always complete, links where there is one.
pub fn contact_list(ombudsman: &Ombudsman) -> impl IntoView {
    let items = ombudsman_contact(ombudsman)
        .into_iter()
        .map(|line| {
            let value = match line.href {
                Some(href) => {
                    view! { <a href=href class="app-contact-list__link">{line.text}</a> }.into_any()
                }
                None => view! { <span>{line.text}</span> }.into_any(),
            };
            view! {
                <div class="app-contact-list__row">
                    <dt class="app-contact-list__key">{line.label}</dt>
                    <dd class="app-contact-list__value">{value}</dd>
                </div>
            }
        })
        .collect_view();
    view! { <dl class="app-contact-list">{items}</dl> }
}

/// The Housing Ombudsman guidance that fits where a complaint stands (`when`),
/// with the Service's contact details always, for a case page. Its heading is
/// an `<h2>`, with an `<h3>` for the contact details.
#[component]
pub fn OmbudsmanGuidance(
    policy: Policy,
    /// Where the complaint stands; "at any time" guidance is always shown.
    when: Vec<GuidanceWhen>,
) -> impl IntoView {
    let ombudsman = policy.ombudsman;
    let paragraphs = paragraphs_for(&ombudsman, &when)
        .into_iter()
        // The landlord's policy's own words, in English.
        .map(|text| view! { <p class="app-body" lang="en-GB">{text}</p> })
        .collect_view();
    let heading = contact_heading(&ombudsman.name);
    view! {
        <section class="app-guidance" aria-labelledby="ombudsman-guidance-title" data-testid="ombudsman-guidance">
            <h2 class="app-heading-m" id="ombudsman-guidance-title">{t("Help from the Housing Ombudsman")}</h2>
            {paragraphs}
            <h3 class="app-heading-s">{heading}</h3>
            {contact_list(&ombudsman)}
            <p class="app-body">
                <A href="/ombudsman">{t("What the Housing Ombudsman does and when it can investigate")}</A>
            </p>
        </section>
    }
}
