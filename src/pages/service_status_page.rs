use crate::components::title::Title;
use crate::i18n::t;
use leptos::prelude::*;

use crate::api;
use crate::format;

/// Whether the service and its database are working, from the API.
#[component]
pub fn ServiceStatusPage() -> impl IntoView {
    let health = LocalResource::new(api::health);
    view! {
        <Title text=t("Service status") />
        <h1 class="app-heading-l">{t("Service status")}</h1>
        <Transition fallback=|| view! { <p class="app-body" role="status">{t("Checking the service…")}</p> }>
            {move || Suspend::new(async move {
                match health.await {
                    Ok(h) => view! {
                        <dl class="app-summary-list">
                            <div class="app-summary-list__row">
                                <dt class="app-summary-list__key">{t("Service")}</dt>
                                <dd class="app-summary-list__value" data-testid="service-status">
                                    {if h.status == "ok" { t("Working normally") } else { t("Not working") }}
                                </dd>
                            </div>
                            <div class="app-summary-list__row">
                                <dt class="app-summary-list__key">{t("Database")}</dt>
                                <dd class="app-summary-list__value">
                                    {if h.database == "ok" { t("Answering") } else { t("Not answering") }}
                                </dd>
                            </div>
                            <div class="app-summary-list__row">
                                <dt class="app-summary-list__key">{t("Complaints policy")}</dt>
                                <dd class="app-summary-list__value">{h.landlord.clone()}</dd>
                            </div>
                            <div class="app-summary-list__row">
                                <dt class="app-summary-list__key">{t("Today's date")}</dt>
                                <dd class="app-summary-list__value">{format::date_with_weekday(h.today)}</dd>
                            </div>
                            <div class="app-summary-list__row">
                                <dt class="app-summary-list__key">{t("Version")}</dt>
                                <dd class="app-summary-list__value">{h.version.clone()}</dd>
                            </div>
                        </dl>
                    }.into_any(),
                    Err(e) => view! {
                        <div class="app-notification-banner app-notification-banner--warning" role="alert">
                            <p class="app-body">{let message = e.to_string(); t(&message).to_owned()}</p>
                        </div>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}
