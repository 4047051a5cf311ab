use std::cell::{Cell, RefCell};

use leptos::prelude::*;

use crate::i18n::tf;

/// What follows every page's title: the service's name, in English in every language.
const SERVICE: &str = "Put It Right";

thread_local! {
    /// The titles shown now, the innermost last: a page's, and a problem page
    /// shown in its place.
    static TITLES: RefCell<Vec<(u64, String)>> = const { RefCell::new(Vec::new()) };
    static NEXT: Cell<u64> = const { Cell::new(0) };
}

fn show(text: &str) {
    document().set_title(&tf(
        "{title} – {service}",
        &[("title", &text), ("service", &SERVICE)],
    ));
}

fn innermost() -> Option<u64> {
    TITLES.with_borrow(|titles| titles.last().map(|(id, _)| *id))
}

/// The page's title, "{text} – Put It Right". The innermost title shown wins,
/// and the one it covered comes back when it goes.
///
/// The app's own in place of leptos_meta's `<Title>`, whose title lives in
/// the app and was read again as a page went, after the page's signals (an
/// "Error: " prefix reads the page's errors) had been disposed, which stops
/// the app. Here the effect belongs to the page and goes with it.
#[component]
pub fn Title(#[prop(into)] text: TextProp) -> impl IntoView {
    let id = NEXT.with(|next| next.replace(next.get() + 1));
    TITLES.with_borrow_mut(|titles| titles.push((id, String::new())));
    Effect::new(move |_| {
        let text = text.get().to_string();
        if innermost() == Some(id) {
            show(&text);
        }
        TITLES.with_borrow_mut(|titles| {
            if let Some(entry) = titles.iter_mut().find(|(each, _)| *each == id) {
                entry.1 = text;
            }
        });
    });
    // The title uncovered is shown as it last was: its page's signals are not
    // read while pages are going.
    on_cleanup(move || {
        let uncovered = TITLES.with_borrow_mut(|titles| {
            let was_innermost = titles.last().is_some_and(|(last, _)| *last == id);
            titles.retain(|(each, _)| *each != id);
            was_innermost
                .then(|| titles.last().map(|(_, text)| text.clone()))
                .flatten()
        });
        if let Some(text) = uncovered.filter(|text| !text.is_empty()) {
            show(&text);
        }
    });
}
