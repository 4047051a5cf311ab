//! Who is signed in, and the display settings the app applies at once.
//!
//! Provided once by the app as a context. Before sign-in the settings live on
//! the device; after sign-in they come from (and are saved to) the account:
//! the look of the pages as soon as it changes, one save at a time.

use domain::api::account::{Preferences, Role, Session, SessionUser};
use leptos::prelude::*;

use crate::api;
use crate::client_error::ServiceProblem;
use crate::device_data;
use crate::display;
use crate::preferences_saver::{LookSaved, SaveQueue};
use crate::storage;

const DEVICE_PREFERENCES: &str = "pir.preferences";

/// The app-wide session state.
#[derive(Clone, Copy)]
pub struct SessionContext {
    /// `None` while signed out.
    pub user: RwSignal<Option<SessionUser>>,
    /// False until `GET /session` has answered (again false while it is asked again).
    pub checked: RwSignal<bool>,
    /// Set when `GET /session` could not be answered (no connection, or the
    /// server failing): nobody knows yet who is signed in.
    pub problem: RwSignal<Option<ServiceProblem>>,
    pub preferences: RwSignal<Preferences>,
    /// What the last save of the look on the account came to.
    pub look_saved: RwSignal<LookSaved>,
    /// Set when an account has just been created, until the page it lands
    /// on has said so.
    pub account_created: RwSignal<bool>,
    saves: RwSignal<SaveQueue>,
    /// The kind of account last signed in on this device: what the header
    /// draws until the server answers, so its links do not change under the
    /// reader (a layout shift, issue 20). Only ever a guess.
    pub last_role: Option<Role>,
}

impl SessionContext {
    /// Creates the context, applies the device's settings, and asks the server
    /// who is signed in.
    pub fn provide() -> Self {
        let preferences = storage::load::<Preferences>(DEVICE_PREFERENCES).unwrap_or_default();
        let context = Self {
            user: RwSignal::new(None),
            checked: RwSignal::new(false),
            problem: RwSignal::new(None),
            preferences: RwSignal::new(preferences),
            look_saved: RwSignal::new(LookSaved::Nothing),
            account_created: RwSignal::new(false),
            saves: RwSignal::new(SaveQueue::default()),
            last_role: storage::load_text(device_data::LAST_ROLE)
                .and_then(|kept| Role::ALL.into_iter().find(|r| role_word(*r) == kept)),
        };
        provide_context(context);
        Effect::new(move |_| {
            let preferences = context.preferences.get();
            apply(&preferences);
            // Contact details and needs stay on the account, never on a shared phone.
            storage::save(DEVICE_PREFERENCES, &display::device_only(&preferences));
        });
        context.check();
        context
    }

    /// Asks the server who is signed in. A lost connection or a server error
    /// is kept in `problem` (never taken for "signed out", which would send
    /// a signed-in resident to the sign-in page).
    pub fn check(&self) {
        let context = *self;
        context.checked.set(false);
        leptos::task::spawn_local(async move {
            match api::accounts::session().await {
                Ok(Some(session)) => context.signed_in(session),
                Ok(None) => context.signed_out(),
                Err(error) => context.problem.set(error.service_problem()),
            }
            context.checked.set(true);
        });
    }

    /// After signing in or registering: the server has answered, so any
    /// earlier problem reaching it is over.
    pub fn signed_in(&self, session: Session) {
        self.problem.set(None);
        storage::save_text(device_data::LAST_ROLE, role_word(session.user.role));
        self.user.set(Some(session.user));
        self.preferences.set(session.preferences);
    }

    /// After signing out or when the server says the session has ended:
    /// nothing of the account stays in memory for whoever comes next (the
    /// pages that hold a draft go with the signed-in person, see `SignedIn`).
    pub fn signed_out(&self) {
        self.problem.set(None);
        storage::remove(device_data::LAST_ROLE);
        self.user.set(None);
        self.account_created.set(false);
        self.preferences.update(|p| *p = display::device_only(p));
    }

    pub fn is_signed_in(&self) -> bool {
        self.user.with(Option::is_some)
    }

    /// The look of the pages changed (settings, or a language link): while
    /// signed in, save it on the account at once, so the next visit keeps it
    /// (the device keeps it anyway). The rest of the account's preferences
    /// are sent as the account holds them.
    pub fn look_changed(&self) {
        if self.user.with_untracked(Option::is_none) {
            return;
        }
        self.look_saved.set(LookSaved::Nothing);
        if self
            .saves
            .try_update(SaveQueue::look_changed)
            .unwrap_or(false)
        {
            self.send_look();
        }
    }

    /// Whether "Save settings" may send the whole form now (not while the
    /// look is being saved); if so, [`Self::save_ended`] must follow.
    pub fn begin_save_all(&self) -> bool {
        self.saves.try_update(SaveQueue::save_all).unwrap_or(false)
    }

    /// Whether a save to the account is under way.
    pub fn saving(&self) -> bool {
        self.saves.with(SaveQueue::busy)
    }

    /// A save ended: sends the look again if it changed meanwhile.
    pub fn save_ended(&self) {
        if self.saves.try_update(SaveQueue::finished).unwrap_or(false) {
            if self.user.with_untracked(Option::is_some) {
                self.send_look();
            } else {
                self.save_ended();
            }
        }
    }

    fn send_look(&self) {
        let context = *self;
        let preferences = self.preferences.get_untracked();
        leptos::task::spawn_local(async move {
            let result = api::preferences::update(&preferences).await;
            let changed_since = context.saves.with_untracked(SaveQueue::look_changed_since);
            match result {
                Err(api::ClientError::SignedOut) => {
                    context.signed_out();
                    context.look_saved.set(LookSaved::Nothing);
                }
                _ if changed_since => {}
                Ok(_) => context.look_saved.set(LookSaved::Saved),
                Err(_) => context.look_saved.set(LookSaved::NotSaved),
            }
            context.save_ended();
        });
    }
}

/// The app's session context.
pub fn use_session() -> SessionContext {
    expect_context::<SessionContext>()
}

/// Puts the display settings on `<html>`.
fn apply(preferences: &Preferences) {
    let Some(root) = document().document_element() else {
        return;
    };
    let list = root.class_list();
    for class in display::ALL_CLASSES {
        let _ = list.remove_1(class);
    }
    for class in display::classes(preferences) {
        let _ = list.add_1(class);
    }
}

/// How [`device_data::LAST_ROLE`] holds a role.
fn role_word(role: Role) -> &'static str {
    match role {
        Role::Resident => "resident",
        Role::Advocate => "advocate",
        Role::Staff => "staff",
        Role::Admin => "admin",
    }
}
