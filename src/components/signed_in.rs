use crate::i18n::t;
use crate::router::{use_location, use_navigate};
use leptos::prelude::*;

use crate::components::problem_with_service::ProblemWithService;
use crate::routes::Route;
use crate::session::use_session;

/// Shows its children to a signed-in person; anyone else is sent to sign in
/// and brought back here afterwards. When nobody can tell who is signed in
/// (no connection, or the server failing) it shows the problem page instead.
#[component]
pub fn SignedIn(children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let location = use_location();
    let page = Route::matching(&location.pathname.get_untracked());
    Effect::new(move |_| {
        // Unless the app is already leaving this page, as when signing out
        // goes on to "You have signed out" while this page is still shown.
        let leaving = Route::matching(&location.pathname.get_untracked()) != page;
        if session.checked.get()
            && session.problem.get().is_none()
            && !session.is_signed_in()
            && !leaving
        {
            let here = format!(
                "{}{}",
                location.pathname.get_untracked(),
                location.search.get_untracked()
            );
            navigate(
                &format!("/sign-in?next={}", js_sys::encode_uri_component(&here)),
                Default::default(),
            );
        }
    });
    let problem = move || {
        session
            .problem
            .get()
            .filter(|_| session.checked.get() && !session.is_signed_in())
    };
    view! {
        <Show
            when=move || session.is_signed_in()
            fallback=move || match problem() {
                Some(problem) => view! { <ProblemWithService problem=problem retry=move || session.check() /> }.into_any(),
                None => view! { <p class="app-body" role="status">{t("Loading…")}</p> }.into_any(),
            }
        >
            {children()}
        </Show>
    }
}
