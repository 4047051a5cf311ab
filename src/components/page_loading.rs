use crate::i18n::t;
use std::time::Duration;

use leptos::prelude::*;

/// How long a page may take to load its code before we say so: quick loads
/// are not announced, so the page does not flicker or chatter.
const SAY_AFTER: Duration = Duration::from_millis(400);

/// Says "Loading…" when a page takes a while to fetch its code (each page but
/// the start page loads when first visited). `routing` is the router's
/// `set_is_routing` signal. The region is always present so screen readers
/// announce the message when it appears. It sits over the top of the page's
/// space rather than in the flow, so showing or hiding it moves nothing
/// (a layout shift, issue 20).
#[component]
pub fn PageLoading(routing: ReadSignal<bool>) -> impl IntoView {
    let slow = RwSignal::new(false);
    Effect::new(move |_| {
        if routing.get() {
            // The page (and this) may have gone by then: the language changed.
            set_timeout(
                move || {
                    if let Some(still) = routing.try_get_untracked() {
                        slow.try_set(still);
                    }
                },
                SAY_AFTER,
            );
        } else {
            slow.set(false);
        }
    });
    view! {
        <div class="app-page-loading-slot" role="status" aria-live="polite">
            <Show when=move || slow.get()>
                <p class="app-page-loading">{t("Loading the page…")}</p>
            </Show>
        </div>
    }
}
