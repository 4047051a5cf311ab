use crate::components::title::Title;
use crate::i18n::t;
use leptos::prelude::*;

/// The accessibility statement.
#[component]
pub fn AccessibilityStatementPage() -> impl IntoView {
    view! {
        <Title text=t("Accessibility statement") />
        <h1 class="app-heading-l">{t("Accessibility statement for Put It Right")}</h1>
        <p class="app-body">{t("We want as many people as possible to be able to use this website. You should be able to:")}</p>
        <ul class="app-list app-list--bullet">
            <li>{t("change text size, colour contrast, motion and fonts in your accessibility settings")}</li>
            <li>{t("zoom in up to 400% without the text spilling off the screen")}</li>
            <li>{t("navigate the whole website using just a keyboard")}</li>
            <li>{t("use the website with a screen reader")}</li>
            <li>{t("use the website on a small phone screen, 320 pixels wide")}</li>
        </ul>
        <h2 class="app-heading-m">{t("How accessible this website is")}</h2>
        <p class="app-body">{t("This website is designed to meet the Web Content Accessibility Guidelines version 2.2 at level AA. Every page is checked automatically with axe-core before each release, and the main journeys are tested with a keyboard alone.")}</p>
        <h2 class="app-heading-m">{t("Asking for information in a different format")}</h2>
        <p class="app-body">{t("If you need letters or documents about your complaint in large print, Braille, audio, easy read or another language, set this in your communication preferences or tell your housing provider. They will also keep an English copy.")}</p>
        <h2 class="app-heading-m">{t("Reporting accessibility problems")}</h2>
        <p class="app-body">{t("If you find a problem that is not listed on this page, or you think we are not meeting accessibility requirements, contact your housing provider's complaints team. You can make a complaint about this website too.")}</p>
        <h2 class="app-heading-m">{t("Enforcement procedure")}</h2>
        <p class="app-body">{t("The Equality and Human Rights Commission (EHRC) is responsible for enforcing the accessibility regulations. If you are not happy with how we respond to your complaint, contact the Equality Advisory and Support Service (EASS).")}</p>
    }
}
