//! `/account/sessions`: where the account is signed in, with a way to sign
//! out of any one device, or of every other device at once.

use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;

use crate::account_words::{date_and_time, device_name};
use crate::api::{self, ClientError};
use crate::client_error::ServiceProblem;
use crate::components::problem_with_service::ProblemWithService;
use crate::components::signed_in::SignedIn;
use crate::components::title::Title;
use crate::i18n::{self, t, tf};
use crate::router::{use_navigate, A};
use crate::session::use_session;
use crate::storage;

#[component]
pub fn SessionsPage() -> impl IntoView {
    view! {
        <SignedIn>
            <Sessions />
        </SignedIn>
    }
}

/// When, on this device's clock and in its time zone.
fn local(at: DateTime<Utc>) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        at.timestamp_millis() as f64
    ));
    let day = NaiveDate::from_ymd_opt(
        date.get_full_year() as i32,
        date.get_month() + 1,
        date.get_date(),
    )
    .unwrap_or_else(|| at.date_naive());
    date_and_time(
        day,
        date.get_hours(),
        date.get_minutes(),
        i18n::language() == "en",
    )
}

/// What the last press did, said in the banner.
#[derive(Clone, Copy, PartialEq)]
enum Done {
    Nothing,
    One,
    Others,
}

#[component]
fn Sessions() -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let done = RwSignal::new(Done::Nothing);
    let failed = RwSignal::new(None::<String>);
    // An older page is asked for by the cursor the server gave (`?after=`).
    let query = crate::router::use_query_map();
    let list = LocalResource::new(move || {
        done.track();
        let after = query.with(|q| q.get("after"));
        async move { api::account_security::sessions(after.as_deref()).await }
    });
    let first_page = move || query.with_untracked(|q| q.get("after").is_none());
    // Signing out of this device, from the list: as the header's "Sign out".
    let this_device_ended = move || {
        session.signed_out();
        storage::forget_typed_if_shared();
        navigate("/signed-out", Default::default());
    };
    let end = Action::new_local(|target: &Option<String>| {
        let target = target.clone();
        async move {
            match &target {
                Some(id) => {
                    let id = String::from(js_sys::encode_uri_component(id));
                    api::account_security::end_session(&id).await
                }
                None => api::account_security::end_other_sessions().await,
            }
            .map(|()| target)
        }
    });
    let ended_this = StoredValue::new(false);
    Effect::new(move |_| match end.value().get() {
        Some(Ok(_)) if ended_this.get_value() => this_device_ended(),
        Some(Ok(Some(_))) => done.set(Done::One),
        Some(Ok(None)) => done.set(Done::Others),
        Some(Err(ClientError::SignedOut)) => session.signed_out(),
        // Already ended elsewhere: the list is read again.
        Some(Err(ClientError::NotFound)) => done.set(Done::One),
        Some(Err(error)) => failed.set(Some(error.to_string())),
        None => {}
    });
    let banner = move || match done.get() {
        Done::Nothing => None,
        Done::One => Some(t("You have signed out of that device.")),
        Done::Others => Some(t("You have signed out of every other device.")),
    };
    view! {
        <Title text=t("Where you are signed in") />
        <div class="app-grid-column-two-thirds">
            <div role="status" aria-live="polite">
                {move || banner().map(|words| view! {
                    <div class="app-notification-banner app-notification-banner--success">
                        <p class="app-notification-banner__heading">{words}</p>
                    </div>
                })}
            </div>
            <h1 class="app-heading-l">{t("Where you are signed in")}</h1>
            <p class="app-body">{t("You are signed in on these devices. If you do not recognise one, sign out of it and change your password.")}</p>
            {move || failed.get().map(|words| view! { <p class="app-error-message" role="alert">{words}</p> })}
            <Suspense fallback=|| view! { <p class="app-body" role="status">{t("Loading…")}</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Err(error) => {
                            let problem = error.service_problem().unwrap_or(ServiceProblem::ServerError);
                            view! { <ProblemWithService problem=problem retry=move || list.refetch() /> }.into_any()
                        }
                        Ok((sessions, next)) => {
                            let first = first_page();
                            let others = sessions.iter().filter(|s| !s.current).count();
                            let items = sessions.into_iter().map(|s| {
                                let name = device_name(s.browser.as_deref(), s.system.as_deref());
                                let label = if s.current {
                                    tf("Sign out of {device} (this device)", &[("device", &name)])
                                } else {
                                    tf("Sign out of {device}, last used {when}", &[("device", &name), ("when", &local(s.last_used_at))])
                                };
                                let current = s.current;
                                let target = Some(s.id.clone());
                                view! {
                                    <li class="app-session" data-testid="session">
                                        <h2 class="app-heading-s">
                                            {name}
                                            {current.then(|| view! { " " <strong class="app-tag">{t("This device")}</strong> })}
                                        </h2>
                                        <dl class="app-summary-list">
                                            <div class="app-summary-list__row">
                                                <dt class="app-summary-list__key">{t("Signed in")}</dt>
                                                <dd class="app-summary-list__value">{local(s.started_at)}</dd>
                                            </div>
                                            <div class="app-summary-list__row">
                                                <dt class="app-summary-list__key">{t("Last used")}</dt>
                                                <dd class="app-summary-list__value">{local(s.last_used_at)}</dd>
                                            </div>
                                        </dl>
                                        <button type="button" class="app-button app-button--secondary" aria-label=label
                                            disabled=move || end.pending().get()
                                            on:click=move |_| {
                                                ended_this.set_value(current);
                                                failed.set(None);
                                                end.dispatch(target.clone());
                                            }>
                                            {t("Sign out")}
                                        </button>
                                    </li>
                                }
                            }).collect_view();
                            view! {
                                <ul class="app-list">{items}</ul>
                                {(next.is_some() || !first).then(|| view! {
                                    <nav class="app-body" aria-label=t("Pages of your list")>
                                        {next.map(|q| view! { <p class="app-body"><A href=format!("/account/sessions?{q}")>{t("Show older ones")}</A></p> })}
                                        {(!first).then(|| view! { <p class="app-body"><A href="/account/sessions">{t("Back to the newest")}</A></p> })}
                                    </nav>
                                })}
                                {(others > 0).then(|| view! {
                                    <button type="button" class="app-button app-button--warning"
                                        disabled=move || end.pending().get()
                                        on:click=move |_| {
                                            ended_this.set_value(false);
                                            failed.set(None);
                                            end.dispatch(None);
                                        }>
                                        {t("Sign out of every other device")}
                                    </button>
                                })}
                            }.into_any()
                        }
                    }
                })}
            </Suspense>
            <p class="app-body"><A href="/account">{t("Back to your account")}</A></p>
        </div>
    }
}
