use crate::components::title::Title;
use crate::i18n::t;
use crate::router::A;
use domain::api::account::{AccountAddress, Preferences, ADJUSTMENTS_MAX_CHARS};
use domain::validation::FieldError;
use leptos::prelude::*;

use crate::api;
use crate::components::checkbox::{shared_device_checkbox, Checkbox};
use crate::components::error_summary::ErrorSummary;
use crate::components::problem_with_service::ProblemWithService;
use crate::components::radios::{Choice, Radios};
use crate::components::text_input::TextInput;
use crate::components::textarea::Textarea;
use crate::form::page_title;
use crate::language;
use crate::preferences_saver::LookSaved;
use crate::session::use_session;
use crate::settings_form::{
    language_options, Display, SettingsForm, CONTACT_CHANNELS, LETTER_FORMATS, TEXT_SIZES,
};

/// One signal per field of the form.
#[derive(Clone, Copy)]
struct Fields {
    text_size: RwSignal<String>,
    high_contrast: RwSignal<bool>,
    reduced_motion: RwSignal<bool>,
    readable_font: RwSignal<bool>,
    language: RwSignal<String>,
    letter_format: RwSignal<String>,
    letter_language: RwSignal<String>,
    contact_channel: RwSignal<String>,
    phone: RwSignal<String>,
    interpreter: RwSignal<bool>,
    interpreter_language: RwSignal<String>,
    reasonable_adjustments: RwSignal<String>,
    address_line_1: RwSignal<String>,
    address_line_2: RwSignal<String>,
    town: RwSignal<String>,
    postcode: RwSignal<String>,
}

impl Fields {
    fn new(form: SettingsForm) -> Self {
        Self {
            text_size: RwSignal::new(form.display.text_size),
            high_contrast: RwSignal::new(form.display.high_contrast),
            reduced_motion: RwSignal::new(form.display.reduced_motion),
            readable_font: RwSignal::new(form.display.readable_font),
            language: RwSignal::new(form.display.language),
            letter_format: RwSignal::new(form.letter_format),
            letter_language: RwSignal::new(form.letter_language),
            contact_channel: RwSignal::new(form.contact_channel),
            phone: RwSignal::new(form.phone),
            interpreter: RwSignal::new(form.interpreter),
            interpreter_language: RwSignal::new(form.interpreter_language),
            reasonable_adjustments: RwSignal::new(form.reasonable_adjustments),
            address_line_1: RwSignal::new(form.address_line_1),
            address_line_2: RwSignal::new(form.address_line_2),
            town: RwSignal::new(form.town),
            postcode: RwSignal::new(form.postcode),
        }
    }

    fn display(&self) -> Display {
        Display {
            text_size: self.text_size.get(),
            high_contrast: self.high_contrast.get(),
            reduced_motion: self.reduced_motion.get(),
            readable_font: self.readable_font.get(),
            language: self.language.get(),
        }
    }

    fn set_display(&self, display: Display) {
        set_if_changed(self.text_size, display.text_size);
        set_if_changed(self.high_contrast, display.high_contrast);
        set_if_changed(self.reduced_motion, display.reduced_motion);
        set_if_changed(self.readable_font, display.readable_font);
        set_if_changed(self.language, display.language);
    }

    fn form(&self) -> SettingsForm {
        SettingsForm {
            display: self.display(),
            letter_format: self.letter_format.get_untracked(),
            letter_language: self.letter_language.get_untracked(),
            contact_channel: self.contact_channel.get_untracked(),
            phone: self.phone.get_untracked(),
            interpreter: self.interpreter.get_untracked(),
            interpreter_language: self.interpreter_language.get_untracked(),
            reasonable_adjustments: self.reasonable_adjustments.get_untracked(),
            address_line_1: self.address_line_1.get_untracked(),
            address_line_2: self.address_line_2.get_untracked(),
            town: self.town.get_untracked(),
            postcode: self.postcode.get_untracked(),
        }
    }

    /// [`Self::form`], read so that an effect follows every field.
    fn form_tracked(&self) -> SettingsForm {
        SettingsForm {
            display: self.display(),
            letter_format: self.letter_format.get(),
            letter_language: self.letter_language.get(),
            contact_channel: self.contact_channel.get(),
            phone: self.phone.get(),
            interpreter: self.interpreter.get(),
            interpreter_language: self.interpreter_language.get(),
            reasonable_adjustments: self.reasonable_adjustments.get(),
            address_line_1: self.address_line_1.get(),
            address_line_2: self.address_line_2.get(),
            town: self.town.get(),
            postcode: self.postcode.get(),
        }
    }

    fn set_all(&self, form: SettingsForm) {
        self.set_display(form.display);
        set_if_changed(self.letter_format, form.letter_format);
        set_if_changed(self.letter_language, form.letter_language);
        set_if_changed(self.contact_channel, form.contact_channel);
        set_if_changed(self.phone, form.phone);
        set_if_changed(self.interpreter, form.interpreter);
        set_if_changed(self.interpreter_language, form.interpreter_language);
        set_if_changed(self.reasonable_adjustments, form.reasonable_adjustments);
        set_if_changed(self.address_line_1, form.address_line_1);
        set_if_changed(self.address_line_2, form.address_line_2);
        set_if_changed(self.town, form.town);
        set_if_changed(self.postcode, form.postcode);
    }
}

/// The settings form as it was when the page was last drawn, kept across a
/// redraw for a new language.
struct Unsaved {
    form: SettingsForm,
    /// `language::redraws()` when that page was drawn, and when it went.
    drawn: u32,
    left: Option<u32>,
}

thread_local! {
    static UNSAVED: std::cell::RefCell<Option<Unsaved>> = const { std::cell::RefCell::new(None) };
}

impl Unsaved {
    fn keep(form: SettingsForm) {
        let drawn = language::redraws();
        UNSAVED.with(|u| {
            *u.borrow_mut() = Some(Unsaved {
                form,
                drawn,
                left: None,
            })
        });
    }

    fn left() {
        UNSAVED.with(|u| {
            if let Some(unsaved) = u.borrow_mut().as_mut() {
                unsaved.left = Some(language::redraws());
            }
        });
    }

    /// The form of the page this one replaces, when a language change (and
    /// nothing else) replaced it.
    fn carried_over() -> Option<SettingsForm> {
        let now = language::redraws();
        UNSAVED.with(|u| {
            let unsaved = u.borrow_mut().take()?;
            (unsaved.drawn < now && unsaved.left == Some(now)).then_some(unsaved.form)
        })
    }
}

fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.with_untracked(|v| *v != value) {
        signal.set(value);
    }
}

/// Radios whose choices may reveal a question (GOV.UK conditional reveal):
/// the radio names the revealed part in `aria-controls`, and the part is in
/// the page (hidden) even while its radio is not chosen.
fn conditional_radios(
    field: &'static str,
    legend: &'static str,
    hint: Option<&'static str>,
    choices: Vec<(&'static str, &'static str)>,
    value: RwSignal<String>,
    reveal: impl Fn(&'static str) -> Option<AnyView>,
) -> impl IntoView {
    let hint_id = format!("{}-hint", field.replace('_', "-"));
    let described_by = hint.map(|_| hint_id.clone());
    let items = choices
        .into_iter()
        .enumerate()
        .map(|(i, (choice, label))| {
            let id = if i == 0 {
                field.replace('_', "-")
            } else {
                format!("{}-{}", field.replace('_', "-"), i + 1)
            };
            let conditional_id = format!("conditional-{id}");
            let revealed = reveal(choice);
            let has_reveal = revealed.is_some();
            let chosen = move || value.get() == choice;
            view! {
                <div class="app-radios__item">
                    <input
                        class="app-radios__input"
                        id=id.clone()
                        name=field
                        type="radio"
                        value=choice
                        aria-controls=has_reveal.then(|| conditional_id.clone())
                        prop:checked=chosen
                        on:change=move |_| value.set(choice.to_owned())
                    />
                    <label class="app-radios__label" for=id>{label}</label>
                </div>
                {revealed.map(|content| view! {
                    <div class="app-radios__conditional" id=conditional_id hidden=move || !chosen()>
                        {content}
                    </div>
                })}
            }
        })
        .collect_view();
    view! {
        <div class="app-form-group">
            <fieldset class="app-fieldset" aria-describedby=described_by>
                <legend class="app-fieldset__legend app-fieldset__legend--s">{legend}</legend>
                {hint.map(|h| view! { <div class="app-hint" id=hint_id>{h}</div> })}
                <div class="app-radios">{items}</div>
            </fieldset>
        </div>
    }
}

/// Accessibility and communication settings: how the portal looks (applied at
/// once, remembered on the device and, signed in, saved on the account at
/// once) and, signed in, how we contact you (saved with "Save settings"),
/// which staff act on. While nobody can tell who is
/// signed in (no connection, or the server failing), the problem page instead.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let session = use_session();
    let problem = Memo::new(move |_| session.problem.get().filter(|_| session.checked.get()));
    // Drawn once it is known whether someone is signed in: the form differs
    // (the account link, what "saved" means, the contact choices), and drawn
    // before it was redrawn under the reader's eyes (a layout shift, issue 20).
    let known =
        Memo::new(move |was: Option<&bool>| was.copied().unwrap_or(false) || session.checked.get());
    move || match (known.get(), problem.get()) {
        (_, Some(problem)) => {
            view! { <ProblemWithService problem=problem retry=move || session.check() /> }
                .into_any()
        }
        (false, None) => view! { <p class="app-body" role="status">{t("Loading…")}</p> }.into_any(),
        (true, None) => view! { <Settings /> }.into_any(),
    }
}

/// The settings form itself.
#[component]
fn Settings() -> impl IntoView {
    let session = use_session();
    let carried = Unsaved::carried_over();
    let was_carried = carried.is_some();
    let fields = Fields::new(
        carried
            .clone()
            .unwrap_or_else(|| SettingsForm::of(&session.preferences.get_untracked())),
    );
    // Choosing a language draws the page again: keep what was chosen and not
    // yet saved, and put the resident back on the language list.
    Effect::new(move |_| Unsaved::keep(fields.form_tracked()));
    on_cleanup(Unsaved::left);
    let language_list = NodeRef::<leptos::html::Select>::new();
    if was_carried {
        Effect::new(move |_| {
            if let Some(select) = language_list.get() {
                let _ = select.focus();
            }
        });
    }
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let saved = RwSignal::new(false);
    // What a save of the look made on another page came to is not news here
    // (but it is on this page drawn again in the language just chosen).
    if !was_carried {
        session.look_saved.set(LookSaved::Nothing);
    }

    // The look, applied at once as the resident changes it.
    Effect::new(move |_| {
        let display = fields.display();
        if session
            .preferences
            .with_untracked(|p| Display::of(p) != display)
        {
            session.preferences.update(|p| *p = display.applied_to(p));
            // And kept: on the account while signed in (the device keeps it anyway).
            session.look_changed();
        }
    });
    // And kept in step when the session changes it (signing in loads the account's).
    Effect::new(move |_| {
        let display = session.preferences.with(Display::of);
        fields.set_display(display);
    });
    // Signing in (or the session check answering) brings the account's answers,
    // and signing out takes them away, so nobody after sees them.
    // (Not when this page replaced one drawn in another language: the form
    // carried over is newer.)
    Effect::new(move |previous: Option<Option<String>>| {
        let user = session.user.with(|u| u.as_ref().map(|u| u.id.clone()));
        let carried_at_first = was_carried && previous.is_none();
        if previous.as_ref() != Some(&user) && !carried_at_first {
            fields.set_all(SettingsForm::of(&session.preferences.get_untracked()));
        }
        user
    });

    // The postal address is read apart from the preferences (only this
    // page and the letters need it), again whenever someone signs in.
    let address = LocalResource::new(move || {
        let signed_in = session.user.with(Option::is_some);
        async move {
            match signed_in {
                true => api::preferences::postal_address().await.ok(),
                false => None,
            }
        }
    });
    Effect::new(move |_| {
        if let Some(Some(address)) = address.get() {
            // (Not over an address typed before the page was drawn again.)
            if !was_carried {
                fields.set_all(fields.form().with_address(&address));
            }
        }
    });

    let save = Action::new_local(|(preferences, address): &(Preferences, AccountAddress)| {
        let (preferences, address) = (preferences.clone(), address.clone());
        async move {
            let preferences = api::preferences::update(&preferences).await?;
            let address = api::preferences::update_postal_address(&address).await?;
            Ok::<_, api::ClientError>((preferences, address))
        }
    });
    Effect::new(move |_| {
        if let Some(result) = save.value().get() {
            match result {
                Ok((stored, address)) => {
                    // The look may have changed while saving: keep the newest
                    // (`save_ended` sends it).
                    let stored = session
                        .preferences
                        .with_untracked(Display::of)
                        .applied_to(&stored);
                    fields.set_all(SettingsForm::of(&stored).with_address(&address));
                    session.preferences.set(stored);
                    session.look_saved.set(LookSaved::Nothing);
                    errors.set(Vec::new());
                    saved.set(true);
                }
                Err(error) => {
                    if error == api::ClientError::SignedOut {
                        session.signed_out();
                    }
                    saved.set(false);
                    errors.set(error.field_errors());
                }
            }
            session.save_ended();
        }
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        saved.set(false);
        match fields.form().validated() {
            Err(found) => errors.set(found),
            // (Not while the look is being saved: the button says so.)
            Ok(both) if session.begin_save_all() => {
                errors.set(Vec::new());
                save.dispatch(both);
            }
            Ok(_) => {}
        }
    };

    let signed_in = move || session.is_signed_in();

    view! {
        <Title text=move || page_title(t("Settings"), !errors.get().is_empty()) />
        <div class="app-grid-column-two-thirds">
            <div role="status" aria-live="polite">
                <Show when=move || saved.get()>
                    <div class="app-notification-banner app-notification-banner--success" data-testid="settings-saved">
                        <h2 class="app-notification-banner__heading">{t("Your settings have been saved")}</h2>
                        <p class="app-body app-settings__banner-body">{t("They will be used whenever you sign in, on any device, and our staff will see how to contact you.")}</p>
                    </div>
                </Show>
            </div>
            <ErrorSummary errors=errors />
            <h1 class="app-heading-l">{t("Settings")}</h1>
            <Show when=signed_in>
                <p class="app-body">
                    <A href="/account">{t("Your account: change your password or see where you are signed in")}</A>
                </p>
            </Show>
            <form novalidate on:submit=submit>
                <LookChoices fields=fields errors=errors language_list=language_list />
                <h2 class="app-heading-m">{t("This device")}</h2>
                {shared_device_checkbox()}

                <ContactChoices fields=fields errors=errors busy=Signal::derive(move || save.pending().get() || session.saving()) />
            </form>
        </div>
    }
}

/// How the portal looks: applied at once as the resident chooses (the
/// settings form's first part), and whether the choice reached the account.
#[component]
fn LookChoices(
    fields: Fields,
    errors: RwSignal<Vec<FieldError>>,
    language_list: NodeRef<leptos::html::Select>,
) -> impl IntoView {
    let session = use_session();
    let signed_in = move || session.is_signed_in();
    let text_sizes: Vec<Choice> = TEXT_SIZES
        .iter()
        .map(|(_, value, label)| {
            let choice = Choice::new(*value, t(label));
            match *value {
                "standard" => choice.with_hint(t("The size most websites use")),
                "largest" => choice.with_hint(t("About one and a half times the standard size")),
                _ => choice,
            }
        })
        .collect();
    let language_hint_id = "language-hint";
    view! {
        <h2 class="app-heading-m">{t("How the portal looks")}</h2>
        <p class="app-body">
            {t("Changes apply straight away. ")}
            {move || if signed_in() {
                t("They are saved to your account as you choose them, so they apply on any device.")
            } else {
                t("They are remembered on this device.")
            }}
        </p>
        <Radios field="text_size" legend=t("Text size") choices=text_sizes value=fields.text_size errors=errors />
        <div class="app-form-group">
            <fieldset class="app-fieldset" aria-describedby="display-options-hint">
                <legend class="app-fieldset__legend app-fieldset__legend--m">{t("Colours, movement and font")}</legend>
                <div class="app-hint" id="display-options-hint">{t("Select all that apply.")}</div>
                <div class="app-checkboxes">
                    <Checkbox id="high-contrast" label=t("High contrast") checked=fields.high_contrast
                        hint=t("Light text on a black background, with yellow links and buttons") />
                    <Checkbox id="reduced-motion" label=t("Reduce movement") checked=fields.reduced_motion
                        hint=t("Turn off animations and smooth scrolling") />
                    <Checkbox id="readable-font" label=t("A more readable font and spacing") checked=fields.readable_font
                        hint=t("A clearer typeface with more space between lines, letters and words") />
                </div>
            </fieldset>
        </div>
        <div class="app-form-group">
            <label class="app-label app-label--m" for="language">{t("Your language")}</label>
            <div class="app-hint" id=language_hint_id>
                {t("Choose the language for these pages. Telling us your language also means letters and documents can be translated for you, and an interpreter arranged if you need one.")}
            </div>
            <select
                class="app-select app-settings__select"
                id="language"
                name="language"
                node_ref=language_list
                aria-describedby=language_hint_id
                on:change=move |ev| fields.language.set(event_target_value(&ev))
            >
                {move || {
                    let current = fields.language.get();
                    language_options(&current)
                        .into_iter()
                        .map(|option| {
                            let selected = option.code.eq_ignore_ascii_case(&current);
                            view! { <option value=option.code selected=selected>{option.label}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </div>
        <div role="status" aria-live="polite" class="app-settings__look-status" data-testid="look-saved">
            {move || match session.look_saved.get() {
                LookSaved::Nothing => None,
                LookSaved::Saved => Some(view! {
                    <p class="app-body app-settings__look-saved">{t("Your choice has been saved to your account.")}</p>
                }.into_any()),
                LookSaved::NotSaved => Some(view! {
                    <p class="app-body app-settings__look-not-saved">
                        {t("Your choice applies on this device, but it could not be saved to your account. Select ‘Save settings’ to try again.")}
                    </p>
                }.into_any()),
            }}
        </div>
    }
}

/// How we contact the resident: for staff to act on, so only with an
/// account; saved with the form's button.
#[component]
fn ContactChoices(
    fields: Fields,
    errors: RwSignal<Vec<FieldError>>,
    /// A save is on its way: the button waits.
    busy: Signal<bool>,
) -> impl IntoView {
    let session = use_session();
    let signed_in = move || session.is_signed_in();
    view! {
        <h2 class="app-heading-m">{t("How we contact you")}</h2>
        <Show
            when=signed_in
            fallback=move || view! {
                <Show when=move || session.checked.get() fallback=|| view! { <p class="app-body">{t("Loading…")}</p> }>
                    <p class="app-body" data-testid="contact-needs-account">
                        {t("To tell us how to contact you – letters in large print, Braille, audio, easy read or another language, an interpreter, or other changes that make things easier for you – you need an account, so that our staff can see your choices.")}
                    </p>
                    <p class="app-body">
                        <A href="/sign-in?next=%2Fsettings">{t("Sign in to set how we contact you")}</A>
                        {t(" or ")}<A href="/create-account">{t("create an account")}</A>"."
                    </p>
                    <p class="app-body">{t("You can also tell your housing provider by telephone or letter.")}</p>
                </Show>
            }
        >
            <p class="app-body">{t("Our staff see these choices and act on them.")}</p>
            {conditional_radios(
                "letter_format",
                t("How should we send you letters?"),
                None,
                LETTER_FORMATS.iter().map(|(_, v, l)| (*v, t(l))).collect(),
                fields.letter_format,
                move |choice| (choice == "another_language").then(|| view! {
                    <TextInput field="letter_language" label=t("Which language?") value=fields.letter_language
                        errors=errors width="app-input--width-20" spellcheck=true />
                }.into_any()),
            )}
            // GOV.UK's address pattern: a line each, autocomplete for each.
            <div class="app-form-group">
                <fieldset class="app-fieldset" aria-describedby="postal-address-hint">
                    <legend class="app-fieldset__legend app-fieldset__legend--s">{t("Your postal address")}</legend>
                    <div class="app-hint" id="postal-address-hint">{t("We post letters to this address.")}</div>
                    <TextInput field="postal_address.address_line_1" label=t("Address line 1") value=fields.address_line_1
                        errors=errors autocomplete="address-line1" />
                    <TextInput field="postal_address.address_line_2" label=t("Address line 2 (optional)") value=fields.address_line_2
                        errors=errors autocomplete="address-line2" />
                    <TextInput field="postal_address.town" label=t("Town or city") value=fields.town
                        errors=errors autocomplete="address-level2" width="app-input--width-20" />
                    <TextInput field="postal_address.postcode" label=t("Postcode") value=fields.postcode
                        errors=errors autocomplete="postal-code" width="app-input--width-10" />
                </fieldset>
            </div>
            {conditional_radios(
                "contact_channel",
                t("How should we contact you?"),
                Some(t("We will also write to you where the law says we must.")),
                CONTACT_CHANNELS.iter().map(|(_, v, l)| (*v, t(l))).collect(),
                fields.contact_channel,
                move |choice| matches!(choice, "phone" | "text_message").then(|| view! {
                    // Only the chosen radio's part holds the input, so its id is unique.
                    <Show when=move || fields.contact_channel.get() == choice>
                        <TextInput field="phone" label=t("Telephone number") value=fields.phone errors=errors
                            input_type="tel" autocomplete="tel" width="app-input--width-20"
                            hint=t("For international numbers include the country code") />
                    </Show>
                }.into_any()),
            )}
            <div class="app-form-group">
                <fieldset class="app-fieldset">
                    <legend class="app-fieldset__legend app-fieldset__legend--s">{t("Interpreter")}</legend>
                    <div class="app-checkboxes">
                        <div class="app-checkboxes__item">
                            <input
                                class="app-checkboxes__input"
                                id="interpreter"
                                name="interpreter"
                                type="checkbox"
                                aria-controls="conditional-interpreter"
                                aria-expanded=move || if fields.interpreter.get() { "true" } else { "false" }
                                prop:checked=move || fields.interpreter.get()
                                on:change=move |ev| fields.interpreter.set(event_target_checked(&ev))
                            />
                            <label class="app-checkboxes__label" for="interpreter">{t("I need an interpreter")}</label>
                        </div>
                        <div class="app-checkboxes__conditional" id="conditional-interpreter" hidden=move || !fields.interpreter.get()>
                            <TextInput field="interpreter_language" label=t("Which language?") value=fields.interpreter_language
                                errors=errors width="app-input--width-20" spellcheck=true
                                hint=t("Include British Sign Language if you need it") />
                        </div>
                    </div>
                </fieldset>
            </div>
            <Textarea field="reasonable_adjustments" label=t("Anything else we should do to make things easier for you?")
                value=fields.reasonable_adjustments errors=errors max_chars=ADJUSTMENTS_MAX_CHARS rows=4
                hint=t("For example, call after 10am, or send letters to my support worker") />
            <button type="submit" class="app-button" disabled=move || busy.get()>{t("Save settings")}</button>
        </Show>
    }
}
