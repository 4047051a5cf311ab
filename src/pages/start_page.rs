use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api;
use crate::session::use_session;

/// What the portal is for, what counts as a complaint, and other ways in.
#[component]
pub fn StartPage() -> impl IntoView {
    let session = use_session();
    let health = LocalResource::new(api::health);
    let landlord = move || {
        health
            .get()
            .and_then(|h| h.ok())
            .map(|h| h.landlord)
            .unwrap_or_default()
    };
    view! {
        <Title text="Make a complaint about your home" />
        <h1 class="app-heading-xl">"Make a complaint, a compliment or a comment about your home"</h1>
        <p class="app-body-l">
            "Tell your housing provider when something has gone wrong, follow your complaint until it is put right, and ask for a review if you are not happy with their answer."
        </p>
        <p class="app-body" data-testid="landlord">
            {move || {
                let name = landlord();
                (!name.is_empty()).then(|| format!("This service runs the complaints policy of {name}."))
            }}
        </p>
        <Show
            when=move || session.is_signed_in()
            fallback=|| view! {
                <A href="/create-account" attr:class="app-button app-button--start" attr:role="button" attr:draggable="false">
                    "Create an account"
                </A>
                <p class="app-body">"Already have an account? "<A href="/sign-in">"Sign in"</A>"."</p>
            }
        >
            <div class="app-button-group">
                <A href="/complaints/new" attr:class="app-button app-button--start" attr:role="button" attr:draggable="false">"Make a complaint"</A>
                <A href="/feedback/new" attr:class="app-button app-button--secondary" attr:role="button" attr:draggable="false">"Give a compliment or comment"</A>
            </div>
            <p class="app-body"><A href="/cases">"See your complaints and their progress"</A></p>
        </Show>
        <h2 class="app-heading-m">"What counts as a complaint"</h2>
        <p class="app-body">"A complaint is when you are unhappy with a service, with something your housing provider did or did not do, or with how their staff treated you."</p>
        <p class="app-body">"If you need something fixed for the first time, such as a repair, report it as a repair first. If it is not done, or not done well, you can then complain."</p>
        <h2 class="app-heading-m">"Other ways to complain"</h2>
        <p class="app-body">
            "You can also complain by telephone, email, letter or in person. "
            <A href="/help">"Find other ways to complain"</A>"."
        </p>
    }
}
