//! Pages that load when they are first visited.
//!
//! Each page behind [`lazy_page!`] is a Leptos lazy route, and the build
//! (`scripts/split-wasm.mjs`) cuts its code out of the main wasm. Pages are
//! split by *group*: the pages a resident moves between together (the case
//! page and its actions, the complaint's questions) share one chunk, so a page
//! costs a few requests rather than one for every combination of pages that
//! shares a function.

/// Declares `$route`, a lazy route in chunk `$group` whose view is the
/// component `$page`.
///
/// This is what `#[lazy_route]` writes, except that it names the chunk:
/// `#[lazy(name)]` makes one chunk of every function with the same name and
/// call site, and the call site is this macro for every page.
///
/// Without the `split` feature (which index.html turns on for Trunk's builds)
/// the page is built into the main module: the wasm tests, which mount the app
/// without the split step, need no chunk loader.
macro_rules! lazy_page {
    ($group:ident: $route:ident => $page:ident) => {
        #[cfg(not(feature = "split"))]
        pub struct $route;

        #[cfg(not(feature = "split"))]
        impl ::leptos_router::LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            async fn view(_this: Self) -> ::leptos::prelude::AnyView {
                use ::leptos::prelude::IntoAny;
                ::leptos::prelude::view! { <$page /> }.into_any()
            }
        }

        #[cfg(feature = "split")]
        ::paste::paste! {
            pub struct $route;

            #[allow(non_snake_case)]
            #[::leptos::lazy($group)]
            fn [<__ $route _view>](_this: $route) -> ::leptos::prelude::AnyView {
                use ::leptos::prelude::IntoAny;
                ::leptos::prelude::view! { <$page /> }.into_any()
            }

            impl ::leptos_router::LazyRoute for $route {
                fn data() -> Self {
                    Self
                }

                async fn view(this: Self) -> ::leptos::prelude::AnyView {
                    [<__ $route _view>](this).await
                }

                async fn preload() {
                    [<__preload___ $route _view>]().await;
                }
            }
        }
    };
}

pub(crate) use lazy_page;
