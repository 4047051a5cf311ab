use crate::i18n::t;
use leptos::prelude::*;

/// The first thing a keyboard reaches: a link past the header to the content.
#[component]
pub fn SkipLink() -> impl IntoView {
    let skip = |event: leptos::ev::MouseEvent| {
        event.prevent_default();
        if let Some(main) = document().get_element_by_id("main-content") {
            use leptos::wasm_bindgen::JsCast;
            if let Ok(main) = main.dyn_into::<leptos::web_sys::HtmlElement>() {
                let _ = main.focus();
                main.scroll_into_view();
            }
        }
    };
    view! {
        <a href="#main-content" class="app-skip-link" on:click=skip>
            {t("Skip to main content")}
        </a>
    }
}
