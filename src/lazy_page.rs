//! Pages that load when they are first visited.
//!
//! Each page behind [`lazy_page!`] is a Leptos lazy route: the build splits its
//! code into a wasm chunk of its own (`scripts/split-wasm`), so a first visit
//! downloads the shell and the page it asked for, not the whole app.

/// Declares `$route`, a lazy route whose view is the component `$page`.
macro_rules! lazy_page {
    ($route:ident => $page:ident) => {
        pub struct $route;

        #[::leptos_router::lazy_route]
        impl ::leptos_router::LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            fn view(_this: Self) -> ::leptos::prelude::AnyView {
                use ::leptos::prelude::IntoAny;
                ::leptos::prelude::view! { <$page /> }.into_any()
            }
        }
    };
}

pub(crate) use lazy_page;
