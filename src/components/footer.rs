use crate::i18n::t;
use crate::router::A;
use leptos::prelude::*;

/// The footer: help, the accessibility statement, the service's status.
#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="app-footer" role="contentinfo">
            <div class="app-width-container">
                <h2 class="app-visually-hidden">{t("Support links")}</h2>
                <ul class="app-footer__links">
                    <li><A href="/help">{t("Help and other ways to complain")}</A></li>
                    <li><A href="/accessibility">{t("Accessibility statement")}</A></li>
                    <li><A href="/service-status">{t("Service status")}</A></li>
                </ul>
                <p class="app-footer__meta">
                    {t("Put It Right helps residents of social housing raise complaints and follow them to a resolution.")}
                </p>
            </div>
        </footer>
    }
}
