//! Pages that load when they are first visited.
//!
//! Each page behind [`lazy_page!`] is a Leptos lazy route, and the build
//! (`scripts/split-wasm.mjs`) cuts its code out of the main wasm. Pages are
//! split by *group*: the pages a resident moves between together (the case
//! page and its actions, the complaint's questions) share one chunk, so a page
//! costs a few requests rather than one for every combination of pages that
//! shares a function.

/// Declares `$route`, a page in chunk `$group` whose view is the component
/// `$page`: `$route::page()` is what the router's `Outlet` shows, and
/// `$route::preload()` fetches its code ahead of a visit.
///
/// This is what Leptos's `#[lazy_route]` writes, except that it names the
/// chunk: `#[lazy(name)]` makes one chunk of every function with the same name
/// and call site, and the call site is this macro for every page.
///
/// Without the `split` feature (which index.html turns on for Trunk's builds)
/// the page is built into the main module: the wasm tests, which mount the app
/// without the split step, need no chunk loader.
macro_rules! lazy_page {
    ($group:ident: $route:ident => $page:ident) => {
        pub struct $route;

        #[cfg(not(feature = "split"))]
        impl $route {
            pub fn page() -> $crate::router::Page {
                $crate::router::Page::eager(|| {
                    use ::leptos::prelude::IntoAny;
                    ::leptos::prelude::view! { <$page /> }.into_any()
                })
            }

            pub async fn preload() {}
        }

        #[cfg(feature = "split")]
        ::paste::paste! {
            #[allow(non_snake_case)]
            #[::leptos::lazy($group)]
            fn [<__ $route _view>]() -> ::leptos::prelude::AnyView {
                use ::leptos::prelude::IntoAny;
                ::leptos::prelude::view! { <$page /> }.into_any()
            }

            impl $route {
                pub fn page() -> $crate::router::Page {
                    $crate::router::Page {
                        load: || ::std::boxed::Box::pin([<__preload___ $route _view>]()),
                        render: || {
                            use ::leptos::prelude::IntoAny;
                            $crate::router::at_once([<__ $route _view>]()).unwrap_or_else(|| ().into_any())
                        },
                    }
                }

                pub async fn preload() {
                    [<__preload___ $route _view>]().await;
                }
            }
        }
    };
}

pub(crate) use lazy_page;
