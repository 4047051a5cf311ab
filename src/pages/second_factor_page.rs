//! The second step of a staff or admin sign-in: a code from an authenticator
//! app (or a recovery code), and setting an app up the first time.
//!
//! Only staff and admins reach these pages (the server sends only them here,
//! after their password), so like every staff page they are in English,
//! marked `lang="en-GB"`, and their words are not in the catalogue.

use domain::api::second_factor::{
    grouped, parse_code, staff_messages, CodeKind, SecondFactorCode, SecondFactorSetup,
};
use domain::validation::FieldError;
use leptos::prelude::*;

use crate::api::{self, ClientError};
use crate::components::error_summary::ErrorSummary;
use crate::components::text_input::TextInput;
use crate::components::title::Title;
use crate::form::page_title;
use crate::pages::sign_in_page::safe_next;
use crate::router::{use_navigate, use_query_map, A};
use crate::session::use_session;

/// Where the code page is (`?next=` is kept from the sign-in page).
pub const CODE_PATH: &str = "/sign-in/authenticator-code";
/// Where an authenticator app is set up.
pub const SET_UP_PATH: &str = "/sign-in/set-up-authenticator-app";

/// `path?next=…`, keeping where the person was going.
pub fn with_next(path: &str, next: Option<String>) -> String {
    match next {
        Some(next) => format!("{path}?next={}", js_sys::encode_uri_component(&next)),
        None => path.to_owned(),
    }
}

/// What the server's refusal means for the code field: its own words, or the
/// general ones put on the field so the summary links to it.
fn code_errors(error: ClientError) -> Vec<FieldError> {
    match error {
        ClientError::Invalid(errors) | ClientError::Refused(errors) if !errors.is_empty() => errors
            .into_iter()
            .map(|e| FieldError::new("code", e.message))
            .collect(),
        other => vec![FieldError::new("code", other.to_string())],
    }
}

/// Shown when the 5 minutes after the password are over (or there was no
/// password step): start again.
#[component]
fn TimedOut() -> impl IntoView {
    let query = use_query_map();
    let again = query.with_untracked(|q| with_next("/sign-in", q.get("next")));
    view! {
        <Title text="Your sign-in has timed out" />
        <h1 class="app-heading-l">"Your sign-in has timed out"</h1>
        <p class="app-body">"For your security, the second step must be done within 5 minutes of entering your password."</p>
        <p class="app-body"><A href=again>"Sign in again"</A></p>
    }
}

/// "Enter the code from your authenticator app", or a recovery code instead
/// (`?use=recovery-code`).
#[component]
pub fn SecondFactorPage() -> impl IntoView {
    view! {
        <div lang="en-GB" class="app-grid-column-two-thirds">
            <CodeForm />
        </div>
    }
}

#[component]
fn CodeForm() -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let query = use_query_map();
    let recovery =
        Memo::new(move |_| query.with(|q| q.get("use").as_deref() == Some("recovery-code")));
    let code = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let timed_out = RwSignal::new(false);
    // A new mode starts with an empty field and no errors.
    Effect::new(move |_| {
        recovery.track();
        code.set(String::new());
        errors.set(Vec::new());
    });
    let send = Action::new_local(|request: &SecondFactorCode| {
        let request = request.clone();
        async move { api::second_factor::send_code(&request).await }
    });
    Effect::new(move |_| {
        if let Some(result) = send.value().get() {
            match result {
                Ok(signed_in) => {
                    session.signed_in(signed_in);
                    navigate(
                        &safe_next(query.with_untracked(|q| q.get("next"))),
                        Default::default(),
                    );
                }
                Err(ClientError::SignedOut) => timed_out.set(true),
                Err(error) => {
                    code.set(String::new());
                    errors.set(code_errors(error));
                }
            }
        }
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let typed = code.get_untracked();
        let kind = if recovery.get_untracked() {
            if domain::api::second_factor::normalise_recovery_code(&typed).is_empty() {
                errors.set(vec![FieldError::new(
                    "code",
                    staff_messages::RECOVERY_CODE_MISSING,
                )]);
                return;
            }
            CodeKind::RecoveryCode
        } else {
            if let Err(message) = parse_code(&typed) {
                errors.set(vec![FieldError::new("code", message)]);
                return;
            }
            CodeKind::Authenticator
        };
        errors.set(Vec::new());
        send.dispatch(SecondFactorCode { code: typed, kind });
    };
    let other_way = move || {
        let next = query.with(|q| q.get("next"));
        let mut href = with_next(CODE_PATH, next);
        if !recovery.get() {
            href.push_str(if href.contains('?') { "&" } else { "?" });
            href.push_str("use=recovery-code");
        }
        href
    };
    let title = move || {
        if recovery.get() {
            "Enter a recovery code"
        } else {
            "Enter the code from your authenticator app"
        }
    };
    view! {
        <Show when=move || !timed_out.get() fallback=|| view! { <TimedOut /> }>
            <Title text=move || page_title(title(), !errors.get().is_empty()) />
            <ErrorSummary errors=errors />
            <form novalidate on:submit=submit>
                {move || if recovery.get() {
                    view! {
                        <TextInput field="code" label="Enter a recovery code" value=code errors=errors
                            hint="One of the 10 codes you saved when you set up your authenticator app, like abcd-efgh-ijkl. Each code works once."
                            autocomplete="off" width="app-input--width-20" is_page_heading=true />
                    }.into_any()
                } else {
                    view! {
                        <TextInput field="code" label="Enter the code from your authenticator app" value=code errors=errors
                            hint="The 6-digit code your authenticator app shows now for Put It Right."
                            inputmode="numeric" autocomplete="one-time-code" width="app-input--width-10"
                            is_page_heading=true />
                    }.into_any()
                }}
                <button type="submit" class="app-button" disabled=move || send.pending().get()>
                    "Continue"
                </button>
            </form>
            <p class="app-body">
                {move || view! {
                    <A href=other_way()>{if recovery.get() {
                        "Use your authenticator app instead"
                    } else {
                        "Use a recovery code instead"
                    }}</A>
                }}
            </p>
            <p class="app-body">"If you cannot use your app or a recovery code, ask an admin to reset your sign-in."</p>
        </Show>
    }
}

/// Setting up an authenticator app: the key (a QR code, and the key itself
/// in groups of four), a code from the app to confirm it, then the recovery
/// codes, shown once.
#[component]
pub fn SetUpSecondFactorPage() -> impl IntoView {
    view! {
        <div lang="en-GB" class="app-grid-column-two-thirds">
            <SetUp />
        </div>
    }
}

#[component]
fn SetUp() -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let query = use_query_map();
    let code = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let timed_out = RwSignal::new(false);
    let key = RwSignal::new(None::<SecondFactorSetup>);
    let confirmed = RwSignal::new(None::<Vec<String>>);
    let load = Action::new_local(|_: &()| async move { api::second_factor::set_up().await });
    load.dispatch(());
    let go_to_code_page = {
        let navigate = navigate.clone();
        move || {
            navigate(
                &with_next(CODE_PATH, query.with_untracked(|q| q.get("next"))),
                Default::default(),
            )
        }
    };
    Effect::new(move |_| {
        if let Some(result) = load.value().get() {
            match result {
                Ok(setup) => key.set(Some(setup)),
                Err(ClientError::SignedOut) => timed_out.set(true),
                // Already set up: the code page is the way in.
                Err(ClientError::Refused(_)) => go_to_code_page(),
                Err(error) => errors.set(error.field_errors()),
            }
        }
    });
    let confirm = Action::new_local(|request: &SecondFactorCode| {
        let request = request.clone();
        async move { api::second_factor::confirm(&request).await }
    });
    Effect::new(move |_| {
        if let Some(result) = confirm.value().get() {
            match result {
                Ok(answer) => {
                    session.signed_in(answer.session);
                    confirmed.set(Some(answer.recovery_codes));
                    errors.set(Vec::new());
                }
                Err(ClientError::SignedOut) => timed_out.set(true),
                Err(error) => {
                    code.set(String::new());
                    errors.set(code_errors(error));
                }
            }
        }
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        match parse_code(&code.get_untracked()) {
            Err(message) => errors.set(vec![FieldError::new("code", message)]),
            Ok(_) => {
                errors.set(Vec::new());
                confirm.dispatch(SecondFactorCode {
                    code: code.get_untracked(),
                    kind: CodeKind::Authenticator,
                });
            }
        }
    };
    let carry_on = Callback::new(move |()| {
        navigate(
            &safe_next(query.with_untracked(|q| q.get("next"))),
            Default::default(),
        )
    });
    let form = move |setup: SecondFactorSetup| {
        view! {
            <Title text=move || page_title("Set up your authenticator app", !errors.get().is_empty()) />
            <ErrorSummary errors=errors />
            <h1 class="app-heading-l">"Set up your authenticator app"</h1>
            <p class="app-body">"Staff accounts need a second step to sign in: a code from an authenticator app on your phone or computer, such as Google Authenticator, Microsoft Authenticator or a password manager that shows codes."</p>
            <ol class="app-list app-list--number">
                <li>"In your authenticator app, choose to add an account."</li>
                <li>
                    "Scan this QR code with the app:"
                    <img class="app-qr-code" src=setup.qr_code.clone() width="200" height="200"
                        alt="QR code of your key, for your authenticator app" />
                    "Or, if you cannot scan it, enter this key (time-based, 6 digits):"
                    <p class="app-body"><strong class="app-key" data-testid="authenticator-key">{grouped(&setup.secret)}</strong></p>
                </li>
                <li>"Enter the 6-digit code the app shows for Put It Right."</li>
            </ol>
            <form novalidate on:submit=submit>
                <TextInput field="code" label="Code from your authenticator app" value=code errors=errors
                    hint="For example, 123456"
                    inputmode="numeric" autocomplete="one-time-code" width="app-input--width-10" />
                <button type="submit" class="app-button" disabled=move || confirm.pending().get()>
                    "Continue"
                </button>
            </form>
        }
    };
    view! {
        <Show when=move || !timed_out.get() fallback=|| view! { <TimedOut /> }>
            {move || match (confirmed.get(), key.get()) {
                (Some(codes), _) => view! {
                    <Title text="Save your recovery codes" />
                    <h1 class="app-heading-l">"Save your recovery codes"</h1>
                    <p class="app-body">"Your authenticator app is set up. If you lose it, you can sign in with one of these codes instead. Each code works once."</p>
                    <div class="app-inset-text">
                        "Keep them somewhere safe, away from your phone: you will not be shown them again."
                    </div>
                    <ol class="app-list app-list--number app-key" data-testid="recovery-codes">
                        {codes.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
                    </ol>
                    <button type="button" class="app-button" on:click=move |_| carry_on.run(())>"I have saved my codes"</button>
                }.into_any(),
                (None, Some(setup)) => form(setup).into_any(),
                (None, None) => view! {
                    <Title text=move || page_title("Set up your authenticator app", !errors.get().is_empty()) />
                    <ErrorSummary errors=errors />
                    <h1 class="app-heading-l">"Set up your authenticator app"</h1>
                    <p class="app-body" role="status">"Loading…"</p>
                }.into_any(),
            }}
        </Show>
    }
}
