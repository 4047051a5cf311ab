//! Puts the pages in the resident's language at once: fetches the chosen
//! language's catalogue (`/public/locales/<code>.json`) the first time it is
//! chosen, sets `lang` and `dir` on `<html>`, and has the app draw its pages
//! again in the new words.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use gloo_net::http::Request;
use leptos::prelude::*;

use crate::i18n::{self, Catalogue};
use crate::session::SessionContext;

thread_local! {
    static LOADED: RefCell<HashMap<String, &'static Catalogue>> = RefCell::new(HashMap::new());
    static REDRAWS: Cell<u32> = const { Cell::new(0) };
}

/// The language the pages are drawn in.
#[derive(Clone, Copy)]
pub struct LanguageContext {
    /// The code of the catalogue in use ("en" for none); the app draws its
    /// pages again when it changes.
    pub shown: RwSignal<String>,
    /// False until the language remembered on the device is ready, so the
    /// first page is not drawn in English and then again.
    pub ready: RwSignal<bool>,
    session: SessionContext,
}

/// How many times the pages have been drawn again for a new language, so a
/// page can tell whether it was replaced by one (see the settings page).
pub fn redraws() -> u32 {
    REDRAWS.with(Cell::get)
}

impl LanguageContext {
    /// Follows the session's language preference.
    pub fn provide(session: SessionContext) -> Self {
        let wanted = session
            .preferences
            .with_untracked(|p| i18n::for_preference(&p.language));
        let context = Self {
            shown: RwSignal::new("en".to_owned()),
            ready: RwSignal::new(wanted == "en"),
            session,
        };
        provide_context(context);
        apply_to_document();
        Effect::new(move |_| {
            context.show(
                session
                    .preferences
                    .with(|p| i18n::for_preference(&p.language)),
            )
        });
        context
    }

    /// Shows the pages in `code`'s language at once (and remembers it, as
    /// the settings page's choice is: on the device, and on the account
    /// while signed in).
    pub fn choose(self, code: &str) {
        let changed = self
            .session
            .preferences
            .with_untracked(|p| p.language != code);
        // Told even when it is the same, so a catalogue that failed to load is tried again.
        self.session
            .preferences
            .update(|p| p.language = code.to_owned());
        if changed {
            self.session.look_changed();
        }
    }

    fn show(self, code: &'static str) {
        if self.shown.with_untracked(|s| s == code) {
            self.set_ready();
            return;
        }
        if code == "en" {
            self.install(None);
            return;
        }
        if let Some(catalogue) = LOADED.with(|l| l.borrow().get(code).copied()) {
            self.install(Some(catalogue));
            return;
        }
        leptos::task::spawn_local(async move {
            match fetch(code).await {
                Some(catalogue) => {
                    let catalogue = i18n::keep(catalogue);
                    LOADED.with(|l| l.borrow_mut().insert(code.to_owned(), catalogue));
                    // Still the one wanted (the resident may have chosen again)?
                    let wanted = self
                        .session
                        .preferences
                        .with_untracked(|p| i18n::for_preference(&p.language));
                    if wanted == code {
                        self.install(Some(catalogue));
                    }
                }
                // No connection: the pages stay as they are (the offline
                // banner says so), and choosing again tries again.
                None => self.set_ready(),
            }
        });
    }

    fn install(self, catalogue: Option<&'static Catalogue>) {
        i18n::set_catalogue(catalogue);
        apply_to_document();
        REDRAWS.with(|r| r.set(r.get() + 1));
        self.shown.set(i18n::language().to_owned());
        self.set_ready();
    }

    /// Setting a signal tells its readers even when the value is the same,
    /// and the app redraws every page when `ready` is told.
    fn set_ready(self) {
        if !self.ready.get_untracked() {
            self.ready.set(true);
        }
    }
}

async fn fetch(code: &str) -> Option<Catalogue> {
    let response = Request::get(&format!("/public/locales/{code}.json"))
        .send()
        .await
        .ok()?;
    if !response.ok() {
        return None;
    }
    Catalogue::parse(&response.text().await.ok()?).ok()
}

/// `lang` and `dir` on `<html>`, for screen readers' voices and the layout.
fn apply_to_document() {
    let Some(root) = document().document_element() else {
        return;
    };
    let _ = root.set_attribute("lang", i18n::lang_attribute());
    let _ = root.set_attribute("dir", i18n::direction().as_str());
}

pub fn use_language() -> LanguageContext {
    expect_context::<LanguageContext>()
}
