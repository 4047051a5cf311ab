use leptos::prelude::*;
use crate::components::title::Title;
use crate::router::A;

/// For a path the app does not know.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <Title text="Page not found" />
        <h1 class="app-heading-l">"Page not found"</h1>
        <p class="app-body">"If you typed the web address, check it is correct."</p>
        <p class="app-body">"If you pasted the web address, check you copied the entire address."</p>
        <p class="app-body">
            "You can "<A href="/">"go to the start page"</A>" or "
            <A href="/help">"find other ways to contact your housing provider"</A>"."
        </p>
    }
}
