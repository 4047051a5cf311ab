use leptos::prelude::*;

/// GOV.UK confirmation panel: the page's heading and, below it, the reference.
#[component]
pub fn Panel(#[prop(into)] title: String, children: Children) -> impl IntoView {
    view! {
        <div class="app-panel">
            <h1 class="app-panel__title">{title}</h1>
            <div class="app-panel__body">{children()}</div>
        </div>
    }
}
