use crate::case_action::retry_key;
use crate::components::title::Title;
use crate::i18n::{n_, t, tf};
use crate::retry_key::RetryKeys;
use crate::router::A;
use chrono::NaiveDate;
use domain::api::authorisations::{AuthorisationView, NewAuthorisation};
use domain::api::Health;
use domain::validation::FieldError;
use leptos::prelude::*;
use leptos::web_sys::FileList;

use crate::api;
use crate::authorisation_words::{
    scope_for_advocate, signed_form_file_key, signed_form_key, SignedFormDraft,
};
use crate::complaint_draft::{file_size, DraftFile};
use crate::components::back_link::BackLink;
use crate::components::date_input::DateInput;
use crate::components::error_summary::ErrorSummary;
use crate::components::file_upload::FileUpload;
use crate::components::panel::Panel;
use crate::components::problem_with_service::ProblemWithService;
use crate::components::signed_in::SignedIn;
use crate::components::text_input::TextInput;
use crate::components::textarea::Textarea;
use crate::form::page_title;
use crate::pages::authorisations_page::authorisation_fields::{
    bind, device_draft, RelationshipRadios, ScopeCheckboxes,
};
use crate::pages::raise_complaint::files;
use crate::session::use_session;
use crate::storage;

const TITLE: &str = n_("Act for someone who cannot use this service");

/// An advocate sends a resident's signed authorisation form with the
/// resident's details; it is pending until a caseworker verifies it.
#[component]
pub fn FileForResidentPage() -> impl IntoView {
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let sent = RwSignal::new(None::<AuthorisationView>);
    let health = LocalResource::new(api::health);
    let page = move |content: AnyView| {
        view! {
            <div class="app-grid-column-two-thirds">
                <ErrorSummary errors=errors />
                <h1 class="app-heading-l">{t(TITLE)}</h1>
                {content}
            </div>
        }
    };
    view! {
        <SignedIn>
            {move || match sent.get() {
                Some(view) => view! { <Sent view=view /> }.into_any(),
                None => view! {
                    // Here, not in what reloads: the problem page's own title, set later, wins.
                    <Title text=move || page_title(t(TITLE), !errors.get().is_empty()) />
                    <BackLink href="/advocate".to_owned() />
                    <Transition fallback=move || page(view! { <p class="app-body" role="status">{t("Loading…")}</p> }.into_any())>
                        {move || Suspend::new(async move {
                            match health.await {
                                Ok(Health { today, .. }) => page(view! { <SignedFormForm today=today errors=errors sent=sent /> }.into_any()).into_any(),
                                Err(error) => match error.service_problem() {
                                    Some(problem) => view! { <ProblemWithService problem=problem retry=move || health.refetch() /> }.into_any(),
                                    None => page(view! { <p class="app-body" role="alert">{error.to_string()}</p> }.into_any()).into_any(),
                                },
                            }
                        })}
                    </Transition>
                }.into_any(),
            }}
        </SignedIn>
    }
}

#[component]
fn SignedFormForm(
    today: NaiveDate,
    errors: RwSignal<Vec<FieldError>>,
    sent: RwSignal<Option<AuthorisationView>>,
) -> impl IntoView {
    let session = use_session();
    let user_id = session
        .user
        .with_untracked(|u| u.as_ref().map(|u| u.id.clone()))
        .unwrap_or_default();
    let key = signed_form_key(&user_id);
    let file_key = signed_form_file_key(&user_id);
    let draft = device_draft(key.clone(), || SignedFormDraft::new(today));
    let name = bind(
        draft,
        |d| d.resident_name.clone(),
        |d, v| d.resident_name = v,
    );
    let email = bind(
        draft,
        |d| d.resident_email.clone(),
        |d, v| d.resident_email = v,
    );
    let address = bind(
        draft,
        |d| d.resident_address.clone(),
        |d, v| d.resident_address = v,
    );
    let relationship = bind(draft, |d| d.relationship.clone(), |d, v| d.relationship = v);
    let other = bind(
        draft,
        |d| d.relationship_other.clone(),
        |d, v| d.relationship_other = v,
    );
    let scope = bind(draft, |d| d.scope.clone(), |d, v| d.scope = v);
    let expires = bind(draft, |d| d.expires_on.clone(), |d, v| d.expires_on = v);
    let evidence = RwSignal::new(
        storage::load::<Vec<DraftFile>>(&file_key).and_then(|f| f.into_iter().next()),
    );
    let file_kept = RwSignal::new(true);
    {
        let file_key = file_key.clone();
        Effect::new(move |_| {
            let list: Vec<DraftFile> = evidence.get().into_iter().collect();
            file_kept.set(files::keep(&file_key, &list));
        });
    }
    let reading = RwSignal::new(false);
    let announcement = RwSignal::new(String::new());
    let choose = move |list: FileList| {
        let Some(file) = list.get(0) else { return };
        reading.set(true);
        errors.update(|e| e.retain(|e| e.field != "evidence"));
        leptos::task::spawn_local(async move {
            let name = file.name();
            match files::read(file).await {
                Ok(read) => {
                    evidence.set(Some(read));
                    announcement.set(tf("{name} added", &[("name", &name)]));
                }
                Err(message) => errors.set(vec![FieldError::new(
                    "evidence",
                    format!("{name}: {}", t(message)),
                )]),
            }
            reading.set(false);
        });
    };
    let remove = move |_| {
        let name = evidence
            .get_untracked()
            .map(|f| f.filename)
            .unwrap_or_default();
        evidence.set(None);
        announcement.set(tf("{name} removed", &[("name", &name)]));
    };
    // The same request sent again (a lost answer) carries the same key, so
    // the server makes one authorisation.
    let keys = StoredValue::new_local(RetryKeys::default());
    let send = Action::new_local(move |request: &NewAuthorisation| {
        let request = request.clone();
        let key = retry_key(keys, &request);
        async move { api::authorisations::create(&request, &key).await }
    });
    Effect::new(move |_| {
        if let Some(result) = send.value().get() {
            match result {
                Ok(view) => {
                    storage::remove(&key);
                    storage::remove(&file_key);
                    errors.set(Vec::new());
                    sent.set(Some(view));
                    window().scroll_to_with_x_and_y(0.0, 0.0);
                }
                Err(error) => errors.set(error.field_errors()),
            }
        }
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if reading.get_untracked() {
            return;
        }
        let file = evidence.with_untracked(|f| f.as_ref().map(DraftFile::attachment));
        match draft.with_untracked(|d| d.request(today, file)) {
            Err(found) => errors.set(found),
            Ok(request) => {
                errors.set(Vec::new());
                send.dispatch(request);
            }
        }
    };
    view! {
        <p class="app-body">
            {t("Use this if the resident has signed an authorisation form for you but cannot use this service themselves. ")}
            {t("We will check the form and write to them to tell them.")}
        </p>
        <form novalidate on:submit=submit>
            <h2 class="app-heading-m">{t("The resident")}</h2>
            <TextInput field="resident_name" label=t("Their full name") value=name errors=errors autocomplete="off" />
            <TextInput field="resident_email" label=t("Their email address (if they have one)") value=email errors=errors
                input_type="email" autocomplete="off" spellcheck=false
                hint=t("We will tell them about the authorisation and their complaints. Give their email address, their postal address, or both.") />
            <Textarea field="resident_address" label=t("Their postal address") value=address errors=errors max_chars=500 rows=4 />
            <h2 class="app-heading-m">{t("You and what they authorised")}</h2>
            <RelationshipRadios legend=t("Who are you to the resident?") value=relationship other=other errors=errors />
            <ScopeCheckboxes legend=t("What has the resident authorised you to do?") value=scope errors=errors
                label=scope_for_advocate hint=t("Select everything the signed form allows.") />
            <DateInput field="expires_on" legend=t("When does the authorisation end?") value=expires errors=errors
                hint=t("We have filled in 12 months from today. It can be up to 24 months. For example, 18 12 2027.") />
            <FileUpload field="evidence" label=t("Upload the signed authorisation form") errors=errors on_files=choose
                hint=t("A PDF, or a photo of the form (JPG or PNG), smaller than 5MB.")
                disabled=Signal::derive(move || reading.get())
                chosen=Signal::derive(move || evidence.with(|f| usize::from(f.is_some()))) single=true />
            {move || reading.get().then(|| view! { <p class="app-body" role="status">{t("Reading the file…")}</p> })}
            {move || evidence.get().map(|f| {
                let hidden = f.filename.clone();
                view! {
                    <dl class="app-summary-list">
                        <div class="app-summary-list__row">
                            <dt class="app-summary-list__key app-complaint__file-name">{f.filename.clone()}</dt>
                            <dd class="app-summary-list__value">{file_size(f.size)}</dd>
                            <dd class="app-summary-list__actions">
                                <button type="button" class="app-link-button" on:click=remove>
                                    {t("Remove")}<span class="app-visually-hidden">" "{hidden}</span>
                                </button>
                            </dd>
                        </div>
                    </dl>
                }
            })}
            <Show when=move || !file_kept.get()>
                <p class="app-body">{t("This file is too big to keep on this device. If you close this page before you send it, you will need to add it again.")}</p>
            </Show>
            <button type="submit" class="app-button" disabled=move || send.pending().get() || reading.get()>{t("Send the authorisation")}</button>
            <p class="app-body app-authorisation__saved">{t("Your answers are saved on this device until you send them.")}</p>
        </form>
        <div class="app-visually-hidden" role="status" aria-live="polite">{move || announcement.get()}</div>
    }
}

/// The confirmation: pending until a caseworker verifies the form, and a
/// complaint can already be made under it.
#[component]
fn Sent(view: AuthorisationView) -> impl IntoView {
    let name = view.resident.name.clone();
    let raise = format!("/advocate/complaints/new?for={}", view.id);
    let can_raise = crate::authorisation_words::can_raise(&view);
    view! {
        <Title text=t("Authorisation sent") />
        <div class="app-grid-column-two-thirds">
            <Panel title=t("Authorisation sent")>
                <p>{tf("You asked to act for {name}", &[("name", &view.resident.name)])}</p>
            </Panel>
            <h2 class="app-heading-m">{t("What happens next")}</h2>
            <p class="app-body">
                {t("The authorisation is pending until a caseworker has checked the signed form. ")}
                {tf("We will tell you when it is verified, and we will write to {name} to tell them about it.", &[("name", &name)])}
            </p>
            {can_raise.then(|| view! {
                <p class="app-body">
                    {tf("You can already make a complaint for {name}. Until the form is checked, you will see only the complaints you make for them.", &[("name", &name)])}
                </p>
                <A href=raise.clone() attr:class="app-button" attr:role="button" attr:draggable="false">{tf("Make a complaint for {name}", &[("name", &name)])}</A>
            })}
            <p class="app-body"><A href="/advocate">{t("Back to the people you help")}</A></p>
        </div>
    }
}
