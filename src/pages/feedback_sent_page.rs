use crate::components::reference::Reference;
use crate::components::title::Title;
use crate::i18n::t;
use crate::router::A;
use domain::api::cases::CaseDetail;
use domain::case::CaseKind;
use leptos::prelude::*;

use crate::complaint_draft::feedback_sent_key;
use crate::components::panel::Panel;
use crate::components::signed_in::SignedIn;
use crate::session::use_session;
use crate::storage;

/// The confirmation of a compliment or comment: its reference and what
/// happens next.
#[component]
pub fn FeedbackSentPage() -> impl IntoView {
    view! { <SignedIn>{confirmation}</SignedIn> }
}

fn confirmation() -> impl IntoView {
    let session = use_session();
    let user_id = session
        .user
        .with_untracked(|u| u.as_ref().map(|u| u.id.clone()))
        .unwrap_or_default();
    let Some(detail) = storage::load::<CaseDetail>(&feedback_sent_key(&user_id)) else {
        return view! {
            <Title text=t("Nothing sent") />
            <h1 class="app-heading-l">{t("Nothing sent from this device")}</h1>
            <p class="app-body"><A href="/feedback/new">{t("Give a compliment or a comment")}</A></p>
        }
        .into_any();
    };
    let (title, next) = match detail.kind {
        CaseKind::Compliment => (
            t("Compliment sent"),
            t("Thank you. We will pass your compliment on to the people it is about, and share it with their managers."),
        ),
        _ => (
            t("Comment sent"),
            t("Thank you. We read every comment and use them to improve our services. We will contact you if we need to know more."),
        ),
    };
    view! {
        <Title text=title />
        <div class="app-grid-column-two-thirds">
            <Panel title=title>
                {t("Your reference number")}<br />
                <Reference text=detail.reference.clone() class="app-complaint__reference" testid="reference" />
            </Panel>
            <h2 class="app-heading-m">{t("What happens next")}</h2>
            <p class="app-body">{next}</p>
            <p class="app-body">{t("You can see it in ")}<A href="/cases">{t("your cases")}</A>"."</p>
        </div>
    }
    .into_any()
}
