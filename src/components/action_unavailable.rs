use domain::api::cases::CaseDetail;
use domain::case::ResidentAction;
use leptos::prelude::*;

use crate::api::ClientError;
use crate::i18n::t;
use crate::next_step_words::{unavailable, unavailable_words, Reader, Unavailable};
use crate::router::A;

/// Whether the page's action can no longer be taken on the loaded case
/// (`None` while it loads, or when it can).
pub fn blocked(
    case: LocalResource<Result<CaseDetail, ClientError>>,
    action: ResidentAction,
) -> Memo<Option<Unavailable>> {
    Memo::new(move |_| {
        case.get()
            .and_then(|c| c.ok())
            .and_then(|c| unavailable(&c.view, action))
    })
}

/// Said as soon as a request page opens for something that can no longer be
/// asked (an old link, a bookmark): when the window closed, and what the
/// resident can do now, with the way to the Housing Ombudsman.
#[component]
pub fn ActionUnavailable(
    action: ResidentAction,
    why: Memo<Option<Unavailable>>,
    case_id: Memo<String>,
    /// Someone acting for the resident reads of "their" complaint.
    #[prop(optional)]
    reader: Reader,
) -> impl IntoView {
    move || {
        why.get().map(|why| {
            let (what, next) = unavailable_words(action, why, reader);
            let closed = matches!(why, Unavailable::WindowClosed(_));
            view! {
                <div class="app-inset-text" data-testid="action-unavailable">
                    <p class="app-body"><strong>{what}</strong></p>
                    <p class="app-body">{next}</p>
                </div>
                {closed.then(|| view! {
                    <p class="app-body"><A href="/ombudsman">{t("How to contact the Housing Ombudsman")}</A></p>
                })}
                <p class="app-body"><A href=format!("/cases/{}", case_id.get_untracked())>{if reader == Reader::Advocate { t("Go back to their complaint") } else { t("Go back to your complaint") }}</A></p>
            }
        })
    }
}
