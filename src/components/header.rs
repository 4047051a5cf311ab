use leptos::prelude::*;
use leptos_router::components::A;

/// The service's header: its name, linking home.
#[component]
pub fn Header() -> impl IntoView {
    view! {
        <header class="app-header" role="banner">
            <div class="app-header__container app-width-container">
                <A href="/" attr:class="app-header__service-name">
                    <svg class="app-header__logo" aria-hidden="true" focusable="false" viewBox="0 0 32 32" width="32" height="32">
                        <rect width="32" height="32" rx="6" fill="currentColor" opacity="0.15" />
                        <path d="M9 17l5 5 10-12" fill="none" stroke="currentColor" stroke-width="4" stroke-linecap="round" stroke-linejoin="round" />
                    </svg>
                    "Put It Right"
                </A>
            </div>
        </header>
    }
}
