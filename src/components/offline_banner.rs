use crate::i18n::t;
use leptos::prelude::*;

/// Says clearly when the device is offline; what was typed is kept on the device.
#[component]
pub fn OfflineBanner() -> impl IntoView {
    let online = RwSignal::new(window().navigator().on_line());
    let _ = window_event_listener(leptos::ev::online, move |_| online.set(true));
    let _ = window_event_listener(leptos::ev::offline, move |_| online.set(false));
    view! {
        <div role="status" aria-live="polite">
            <Show when=move || !online.get()>
                <p class="app-offline">
                    {t("You are offline. You can keep typing: your answers are saved on this device and you can send them when you are back online.")}
                </p>
            </Show>
        </div>
    }
}
