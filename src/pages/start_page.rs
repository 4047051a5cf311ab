use crate::components::title::Title;
use crate::i18n::{self, t, tf};
use crate::router::A;
use leptos::prelude::*;

use crate::api;
use crate::components::problem_with_service::ProblemWithPart;
use crate::guidance::{landlord_contact, landlord_sentence, time_limit_words, StartPolicyDetail};
use crate::language::use_language;
use crate::session::use_session;
use crate::settings_form;

/// What the portal is for, what counts as a complaint (from the active
/// policy), the time limit, and the other ways to complain.
///
/// The front door stays open when the policy cannot load: the general words
/// and the ways in (sign in, create an account, other ways to complain) stay,
/// and the problem, with "Try again", stands where the policy's details go.
#[component]
pub fn StartPage() -> impl IntoView {
    let session = use_session();
    let policy = LocalResource::new(api::policies::active_as::<StartPolicyDetail>);
    // The policy as run: where it is silent, the Code's values.
    let effective = move || policy.get().and_then(Result::ok).map(|d| d.effective);
    let failed = move || policy.get().is_some_and(|r| r.is_err());
    let problem = move || {
        policy
            .get()
            .and_then(|r| r.err())
            .and_then(|e| e.service_problem())
    };
    view! {
        <Title text=t("Make a complaint about your home") />
        <LanguageChoices />
        <h1 class="app-heading-xl">{t("Make a complaint, a compliment or a comment about your home")}</h1>
        <p class="app-body-l">
            {t("Tell your housing provider when something has gone wrong, follow your complaint until it is put right, and ask for a review if you are not happy with their answer.")}
        </p>
        <Show
            when=move || session.is_signed_in()
            fallback=|| view! {
                <A href="/create-account" attr:class="app-button app-button--start" attr:role="button" attr:draggable="false">
                    {t("Create an account")}
                </A>
                <p class="app-body">{t("Already have an account? ")}<A href="/sign-in">{t("Sign in")}</A>"."</p>
            }
        >
            <div class="app-button-group">
                <A href="/complaints/new" attr:class="app-button app-button--start" attr:role="button" attr:draggable="false">{t("Make a complaint")}</A>
                <A href="/feedback/new" attr:class="app-button app-button--secondary" attr:role="button" attr:draggable="false">{t("Give a compliment or comment")}</A>
            </div>
            <p class="app-body"><A href="/cases">{t("See your complaints and their progress")}</A></p>
        </Show>
        <p class="app-body">
            <A href="/settings">{t("Change the text size, colours or font, or how we contact you")}</A>
        </p>

        <div class="app-grid-column-two-thirds">
            <div role="status" aria-live="polite">
                {move || problem().map(|problem| view! {
                    <ProblemWithPart problem=problem retry=move || policy.refetch()
                        missing=t("We cannot show the details of your housing provider's complaints policy at the moment.") />
                })}
            </div>
            <h2 class="app-heading-m">{t("What counts as a complaint")}</h2>
            <p class="app-body">{t("A complaint is when you are unhappy with a service, with something your housing provider did or did not do, or with how their staff treated you. You can complain for yourself, or someone can complain for you if you agree.")}</p>
            {move || effective().map(|p| {
                let exclusions = p.exclusions;
                (!exclusions.is_empty()).then(|| view! {
                    <h3 class="app-heading-s">{t("What is not handled as a complaint")}</h3>
                    <ul class="app-list app-list--bullet" data-testid="exclusions" lang="en-GB">
                        {exclusions.into_iter().map(|e| view! { <li>{e.title}</li> }).collect_view()}
                    </ul>
                    <p class="app-body">{t("If your housing provider cannot treat something as a complaint, they will tell you why in writing and what to do instead. You can ask the Housing Ombudsman to look at that decision.")}</p>
                })
            })}
            // What the policy says arrives with it: below what is written
            // here already, so that arriving moves nothing a resident may be
            // reading (above the ways in it pushed the buttons down as they
            // were about to be pressed; above "What counts" it pushed that
            // down: layout shifts, issue 20).
            <p class="app-body" data-testid="landlord">{move || effective().map(|p| landlord_sentence(&p))}</p>
            {move || effective().map(|p| {
                let summary = p.summary.trim().to_owned();
                let readings = p.readings;
                view! {
                    {(!summary.is_empty()).then(|| view! {
                        <h2 class="app-heading-m">{t("How it works")}</h2>
                        <p class="app-body" data-testid="policy-summary" lang="en-GB">{summary}</p>
                    })}
                    // Where the policy says only "days", or not from when: the reading taken.
                    {(!readings.is_empty()).then(|| view! {
                        <h3 class="app-heading-s">{t("How we count the policy's times")}</h3>
                        <p class="app-body">{t("We count working days: we do not count weekends or bank holidays.")}</p>
                        <p class="app-body">{t("Where the policy's own words are not clear, this is how we read them:")}</p>
                        <ul class="app-list app-list--bullet" data-testid="readings" lang="en-GB">
                            {readings.into_iter().map(|r| view! {
                                <li><q>{r.policy_says}</q>" "{r.reading}</li>
                            }).collect_view()}
                        </ul>
                    })}
                }
            })}

            {move || failed().then(|| view! {
                <p class="app-body">{t("If you need something fixed for the first time, such as a repair, report it as a repair first. If it is not done, or not done well, you can then complain.")}</p>
            })}

            {move || effective().and_then(|p| time_limit_words(p.time_limit.as_ref())).map(|words| view! {
                <h2 class="app-heading-m">{t("When to complain")}</h2>
                <p class="app-body" data-testid="time-limit">{words.sentence}</p>
                {(!words.exceptions.is_empty()).then(|| view! {
                    <p class="app-body">{t("The time limit does not apply if:")}</p>
                    <ul class="app-list app-list--bullet" lang="en-GB">
                        {words.exceptions.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}
                    </ul>
                })}
            })}

            <h2 class="app-heading-m">{t("Other ways to complain")}</h2>
            <p class="app-body">{t("You do not have to use this website. You can also complain in person, or someone can complain for you.")}</p>
            // Without the policy, say where a resident finds their provider's details.
            {move || effective().map(|p| (landlord_contact(&p.contact), p.landlord)).or_else(|| failed().then(Default::default)).map(|(lines, landlord)| {
                if lines.is_empty() {
                    view! {
                        <p class="app-body" data-testid="other-ways">
                            {t("Contact your housing provider by telephone, email or letter. Their details are on your tenancy agreement, your rent statement or any letter from them.")}
                        </p>
                    }.into_any()
                } else {
                    let landlord = landlord.trim().to_owned();
                    view! {
                        <p class="app-body">{tf("Contact {landlord}:", &[("landlord", &landlord)])}</p>
                        <dl class="app-contact-list" data-testid="other-ways">
                            {lines.into_iter().map(|line| view! {
                                <div class="app-contact-list__row">
                                    <dt class="app-contact-list__key">{line.label}</dt>
                                    <dd class="app-contact-list__value">
                                        {match line.href {
                                            Some(href) => view! { <a href=href class="app-contact-list__link">{line.text}</a> }.into_any(),
                                            None => view! { <span>{line.text}</span> }.into_any(),
                                        }}
                                    </dd>
                                </div>
                            }).collect_view()}
                        </dl>
                    }.into_any()
                }
            })}
            <p class="app-body"><A href="/help">{t("Find other ways to complain and get help")}</A>"."</p>

            <h2 class="app-heading-m">{t("Free, independent advice")}</h2>
            <p class="app-body">
                {t("You can contact the Housing Ombudsman for free advice at any time. ")}
                <A href="/ombudsman">{t("Find out what the Housing Ombudsman does and how to contact it")}</A>"."
            </p>
        </div>
    }
}

/// The languages the pages can be read in, each named in its own words, so
/// that someone who does not read English can find theirs on the first page.
#[component]
fn LanguageChoices() -> impl IntoView {
    let language = use_language();
    let shown = i18n::language();
    let choices = settings_form::LANGUAGES
        .iter()
        .filter(|(code, ..)| *code != shown && i18n::LANGUAGES.contains(code))
        .map(|(code, _, own)| {
            let lang = if *code == "en" { "en-GB" } else { code };
            view! {
                <li>
                    <button type="button" class="app-link-button" lang=lang dir="auto"
                        on:click=move |_| language.choose(code)>
                        {*own}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav aria-label=t("Languages")>
            <ul class="app-languages" data-testid="languages">{choices}</ul>
        </nav>
    }
}
