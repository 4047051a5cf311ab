use leptos::prelude::*;
use crate::components::title::Title;

use crate::api;
use crate::format;

/// Whether the service and its database are working, from the API.
#[component]
pub fn ServiceStatusPage() -> impl IntoView {
    let health = LocalResource::new(api::health);
    view! {
        <Title text="Service status" />
        <h1 class="app-heading-l">"Service status"</h1>
        <Transition fallback=|| view! { <p class="app-body" role="status">"Checking the service…"</p> }>
            {move || Suspend::new(async move {
                match health.await {
                    Ok(h) => view! {
                        <dl class="app-summary-list">
                            <div class="app-summary-list__row">
                                <dt class="app-summary-list__key">"Service"</dt>
                                <dd class="app-summary-list__value" data-testid="service-status">
                                    {if h.status == "ok" { "Working normally" } else { "Not working" }}
                                </dd>
                            </div>
                            <div class="app-summary-list__row">
                                <dt class="app-summary-list__key">"Database"</dt>
                                <dd class="app-summary-list__value">
                                    {if h.database == "ok" { "Answering" } else { "Not answering" }}
                                </dd>
                            </div>
                            <div class="app-summary-list__row">
                                <dt class="app-summary-list__key">"Complaints policy"</dt>
                                <dd class="app-summary-list__value">{h.landlord.clone()}</dd>
                            </div>
                            <div class="app-summary-list__row">
                                <dt class="app-summary-list__key">"Today's date"</dt>
                                <dd class="app-summary-list__value">{format::date_with_weekday(h.today)}</dd>
                            </div>
                            <div class="app-summary-list__row">
                                <dt class="app-summary-list__key">"Version"</dt>
                                <dd class="app-summary-list__value">{h.version.clone()}</dd>
                            </div>
                        </dl>
                    }.into_any(),
                    Err(e) => view! {
                        <div class="app-notification-banner app-notification-banner--warning" role="alert">
                            <p class="app-body">{e.to_string()}</p>
                        </div>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}
