use leptos::prelude::*;

use crate::components::title::Title;
use crate::device_data;
use crate::i18n::t;
use crate::router::A;
use crate::storage;

/// After signing out: on a device marked as shared, that what was typed has
/// gone (signing out deleted it); on any other, what is still on the device,
/// and a way to delete it if other people use it.
#[component]
pub fn SignedOutPage() -> impl IntoView {
    // Deleted again here, so the page tells the truth however it was reached.
    let shared = storage::forget_typed_if_shared();
    let deleted = RwSignal::new(false);
    if shared {
        // Once the page is shown, so screen readers say it politely.
        Effect::new(move |_| deleted.set(true));
    }
    // The button goes once pressed: focus moves to what it did.
    let banner = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(banner) = banner.get().filter(|_| !shared) {
            let _ = banner.focus();
        }
    });
    view! {
        <Title text=t("You have signed out") />
        <h1 class="app-heading-l">{t("You have signed out")}</h1>
        <div role="status" aria-live="polite">
            <Show when=move || deleted.get()>
                <div class="app-notification-banner app-notification-banner--success" data-testid="device-cleared"
                    tabindex="-1" node_ref=banner>
                    <p class="app-notification-banner__heading">{t("Everything you had typed has been deleted from this device.")}</p>
                    {shared.then(|| view! {
                        <p class="app-body app-notification-banner__body">
                            {t("We did this because you said this is a shared or public device.")}
                        </p>
                    })}
                </div>
            </Show>
        </div>
        <Show when=move || !deleted.get() && !shared>
            <p class="app-body">{t("Anything you had started typing is still saved on this device until you send it or delete it.")}</p>
            <p class="app-body">{t("If other people use this device, you can delete it now. It cannot be brought back.")}</p>
            <button
                type="button"
                class="app-button app-button--warning"
                on:click=move |_| {
                    storage::remove_where(device_data::is_typed);
                    deleted.set(true);
                }
            >
                {t("Delete what I typed from this device")}
            </button>
        </Show>
        <p class="app-body"><A href="/sign-in">{t("Sign in again")}</A></p>
    }
}
