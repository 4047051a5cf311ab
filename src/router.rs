//! The app's router: the address as a signal, links and [`use_navigate`] that
//! change it without reloading the app, Back and Forward, and an [`Outlet`]
//! that shows the page for the address once its code has loaded.
//!
//! The app used leptos_router, but its generic route matching was about a
//! sixth of the wasm every first visit downloads, and the app needs only
//! this: addresses are matched in [`crate::routes`], a plain `match`.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

use leptos::ev;
use leptos::prelude::*;
use leptos::wasm_bindgen::{JsCast, JsValue};
use leptos::web_sys::{Element, HtmlAnchorElement, HtmlElement, MouseEvent};

use crate::routes::{self, Query};

/// The address the app shows: its path and its query (with the `?`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Url {
    path: String,
    search: String,
}

impl Url {
    fn current() -> Url {
        let location = window().location();
        Url {
            path: location.pathname().unwrap_or_default(),
            search: location.search().unwrap_or_default(),
        }
    }
}

#[derive(Clone, Copy)]
struct RouterContext {
    url: RwSignal<Url>,
    /// How many pages are still fetching their code.
    loading: RwSignal<u32>,
    /// Whether the resident moved to another page and focus has not followed.
    moved: StoredValue<bool>,
}

fn use_router() -> RouterContext {
    expect_context::<RouterContext>()
}

/// Follows the address bar: provides the address to everything inside it,
/// follows the app's own links without reloading, and Back and Forward.
/// `routing` is true while a page's code is on its way.
#[component]
pub fn Router(routing: RwSignal<bool>, children: Children) -> impl IntoView {
    let context = RouterContext {
        url: RwSignal::new(Url::current()),
        loading: RwSignal::new(0),
        moved: StoredValue::new(false),
    };
    provide_context(context);
    Effect::new(move |_| routing.set(context.loading.get() > 0));
    let clicks = window_event_listener(ev::click, move |event| {
        if let Some(href) = link_to_follow(&event) {
            event.prevent_default();
            go(context, &href, NavigateOptions::default());
        }
    });
    let back_and_forward = window_event_listener(ev::popstate, move |_| {
        let url = Url::current();
        if context.url.with_untracked(|now| *now != url) {
            context.moved.set_value(true);
            context.url.set(url);
        }
    });
    on_cleanup(move || {
        clicks.remove();
        back_and_forward.remove();
    });
    children()
}

/// The address a click on a link should take the app to, or `None` when the
/// browser should follow it itself: with a modifier key or another button
/// (a new tab), a `target` or `download`, another site, the API's files, or
/// a place on the same page (the skip link).
fn link_to_follow(event: &MouseEvent) -> Option<String> {
    if event.default_prevented()
        || event.button() != 0
        || event.meta_key()
        || event.alt_key()
        || event.ctrl_key()
        || event.shift_key()
    {
        return None;
    }
    let target = event.target()?.dyn_into::<Element>().ok()?;
    let anchor = target
        .closest("a[href]")
        .ok()??
        .dyn_into::<HtmlAnchorElement>()
        .ok()?;
    let external = anchor
        .get_attribute("rel")
        .is_some_and(|rel| rel.split_whitespace().any(|r| r == "external"));
    if !anchor.target().is_empty() || anchor.has_attribute("download") || external {
        return None;
    }
    let here = window().location();
    let (path, search, hash) = (anchor.pathname(), anchor.search(), anchor.hash());
    if anchor.origin() != here.origin().ok()? || path.starts_with("/api/") {
        return None;
    }
    let same_page = here.pathname().ok()? == path && here.search().ok()? == search;
    if same_page && !hash.is_empty() {
        return None;
    }
    Some(format!("{path}{search}{hash}"))
}

/// How to go somewhere: `replace` the current entry in the history rather
/// than add one.
#[derive(Debug, Clone, Copy, Default)]
pub struct NavigateOptions {
    pub replace: bool,
}

fn go(context: RouterContext, href: &str, options: NavigateOptions) {
    let window = window();
    if let Ok(history) = window.history() {
        let _ = if options.replace {
            history.replace_state_with_url(&JsValue::NULL, "", Some(href))
        } else {
            history.push_state_with_url(&JsValue::NULL, "", Some(href))
        };
    }
    context.moved.set_value(true);
    context.url.set(Url::current());
    window.scroll_to_with_x_and_y(0.0, 0.0);
}

/// The `<main>` that pages are shown in (the skip link's target).
const MAIN: &str = "main-content";

/// After moving to another page, puts focus at the start of the new page's
/// content, so a screen reader reads the new page and Tab goes on from
/// there, as after a page load; unless the page has put focus somewhere in
/// itself (its error summary).
fn focus_the_new_page() {
    let document = document();
    let Some(main) = document.get_element_by_id(MAIN) else {
        return;
    };
    let placed = document
        .active_element()
        .is_some_and(|active| active != main && main.contains(Some(&active)));
    if !placed {
        if let Ok(main) = main.dyn_into::<HtmlElement>() {
            let _ = main.focus();
        }
    }
}

/// Goes to another page of the app: `navigate("/cases", Default::default())`.
pub fn use_navigate() -> impl Fn(&str, NavigateOptions) + Clone + 'static {
    let context = use_router();
    move |href: &str, options| go(context, href, options)
}

/// The address shown now.
pub struct Location {
    pub pathname: Memo<String>,
    pub search: Memo<String>,
}

pub fn use_location() -> Location {
    let url = use_router().url;
    Location {
        pathname: Memo::new(move |_| url.with(|u| u.path.clone())),
        search: Memo::new(move |_| url.with(|u| u.search.clone())),
    }
}

/// The address's query, decoded.
pub fn use_query_map() -> Memo<Query> {
    let url = use_router().url;
    Memo::new(move |_| url.with(|u| Query::parse(&u.search)))
}

/// The id of the case the page is about. It keeps its value while the app
/// leaves the page, so the page does not reload its case on the way out.
pub fn use_case_id() -> Memo<String> {
    let url = use_router().url;
    Memo::new(move |before: Option<&String>| {
        url.with(|u| routes::case_id(&u.path))
            .or_else(|| before.cloned())
            .unwrap_or_default()
    })
}

/// A link within the app: the router follows it without reloading. Marked
/// as the current page (`aria-current`) when it is the page shown.
#[component]
pub fn A(#[prop(into)] href: String, children: Children) -> impl IntoView {
    let url = use_router().url;
    let path = href.split(['?', '#']).next().unwrap_or_default().to_owned();
    let current = move || url.with(|u| u.path == path).then_some("page");
    view! { <a href=href aria-current=current>{children()}</a> }
}

/// One page of the app: how to fetch its code, and how to show it once
/// fetched.
pub struct Page {
    pub load: fn() -> Pin<Box<dyn Future<Output = ()>>>,
    pub render: fn() -> AnyView,
}

impl Page {
    /// A page whose code is in the main module.
    pub fn eager(render: fn() -> AnyView) -> Page {
        Page {
            load: || Box::pin(async {}),
            render,
        }
    }
}

/// Shows the page `page` gives for what `matching` makes of the address.
/// While the next page's code is on its way the page before stays, and the
/// router's `routing` is true; pages that match the same route (another
/// case) keep their page, which reads the address again.
#[component]
pub fn Outlet<R>(matching: fn(&str) -> R, page: fn(R) -> Page) -> impl IntoView
where
    R: Copy + PartialEq + Send + Sync + 'static,
{
    let context = use_router();
    let wanted = Memo::new(move |_| context.url.with(|u| matching(&u.path)));
    let shown = RwSignal::new(None::<R>);
    Effect::new(move |_| {
        let route = wanted.get();
        context.loading.update(|n| *n += 1);
        leptos::task::spawn_local(async move {
            (page(route).load)().await;
            // Unless the address changed meanwhile, or this outlet has gone.
            if wanted.try_get_untracked() == Some(route) {
                shown.try_set(Some(route));
                if context.moved.get_value() {
                    context.moved.set_value(false);
                    // Once the page is in the document.
                    request_animation_frame(focus_the_new_page);
                }
            }
            context.loading.update(|n| *n -= 1);
        });
    });
    // Each page has an owner of its own, disposed only once the next page has
    // replaced it in the document: the render effect's own owner would be
    // disposed before the next page is built, while the page before is still
    // mounted and anything it shows could still read its signals.
    let outlet = Owner::current().expect("an Outlet is rendered inside the app");
    let current = StoredValue::new(None::<Owner>);
    move || {
        let route = shown.get()?;
        let owner = outlet.child();
        let view = owner.with(|| (page(route).render)());
        if let Some(before) = current.try_update_value(|c| c.replace(owner)).flatten() {
            queue_microtask(move || before.cleanup());
        }
        Some(view)
    }
}

/// What a future gives when it is ready at once: a loaded page's code. The
/// page is built here, not in a task, so it belongs to the outlet and goes
/// when the outlet shows another.
pub fn at_once<T>(future: impl Future<Output = T>) -> Option<T> {
    let mut future = std::pin::pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(value) => Some(value),
        Poll::Pending => None,
    }
}
