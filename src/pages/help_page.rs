use crate::components::title::Title;
use crate::i18n::t;
use leptos::prelude::*;

/// Other ways to complain, and where to get help.
#[component]
pub fn HelpPage() -> impl IntoView {
    view! {
        <Title text=t("Help and other ways to complain") />
        <h1 class="app-heading-l">{t("Help and other ways to complain")}</h1>
        <p class="app-body">{t("You do not have to use this website. You can complain in whatever way suits you:")}</p>
        <ul class="app-list app-list--bullet">
            <li>{t("by telephone to your housing provider's customer services team")}</li>
            <li>{t("by email or letter to their complaints team")}</li>
            <li>{t("in person, at their office or when a member of staff visits")}</li>
        </ul>
        <p class="app-body">{t("Someone else can complain for you, such as a relative, a friend, a support worker, a councillor or Citizens Advice, if you agree.")}</p>
        <h2 class="app-heading-m">{t("If you need help or a different format")}</h2>
        <p class="app-body">{t("Tell your housing provider if you need letters in large print, Braille, audio, easy read or another language, or an interpreter, or any other change to make things easier for you.")}</p>
        <h2 class="app-heading-m">{t("The Housing Ombudsman")}</h2>
        <p class="app-body">{t("You can contact the Housing Ombudsman Service for free, independent advice at any time: telephone 0300 111 3000.")}</p>
    }
}
