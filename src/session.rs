//! Who is signed in, and the display settings the app applies at once.
//!
//! Provided once by the app as a context. Before sign-in the settings live on
//! the device; after sign-in they come from (and are saved to) the account.

use domain::api::account::{Preferences, Session, SessionUser};
use leptos::prelude::*;

use crate::api;
use crate::client_error::ServiceProblem;
use crate::display;
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
            match api::get::<Session>("/session").await {
                Ok(session) => context.signed_in(session),
                Err(error) => context.problem.set(error.service_problem()),
            }
            context.checked.set(true);
        });
    }

    /// After signing in or registering: the server has answered, so any
    /// earlier problem reaching it is over.
    pub fn signed_in(&self, session: Session) {
        self.problem.set(None);
        self.user.set(Some(session.user));
        self.preferences.set(session.preferences);
    }

    /// After signing out or when the server says the session has ended.
    pub fn signed_out(&self) {
        self.problem.set(None);
        self.user.set(None);
        self.preferences.update(|p| *p = display::device_only(p));
    }

    pub fn is_signed_in(&self) -> bool {
        self.user.with(Option::is_some)
    }
}

/// The app's session context.
pub fn use_session() -> SessionContext {
    expect_context::<SessionContext>()
}

/// Puts the display settings on `<html>`.
fn apply(preferences: &Preferences) {
    let Some(root) = document().document_element() else { return };
    let list = root.class_list();
    for class in display::ALL_CLASSES {
        let _ = list.remove_1(class);
    }
    for class in display::classes(preferences) {
        let _ = list.add_1(class);
    }
}
