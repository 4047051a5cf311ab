use leptos::prelude::*;
use crate::components::title::Title;
use crate::router::A;

/// After signing out.
#[component]
pub fn SignedOutPage() -> impl IntoView {
    view! {
        <Title text="You have signed out" />
        <h1 class="app-heading-l">"You have signed out"</h1>
        <p class="app-body">"Anything you had started typing is still saved on this device until you send it or delete it."</p>
        <p class="app-body"><A href="/sign-in">"Sign in again"</A></p>
    }
}
