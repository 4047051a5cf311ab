//! The app: the page shell and the routes.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::footer::Footer;
use crate::components::header::Header;
use crate::components::skip_link::SkipLink;
use crate::pages::accessibility_statement_page::AccessibilityStatementPage;
use crate::pages::help_page::HelpPage;
use crate::pages::not_found_page::NotFoundPage;
use crate::pages::service_status_page::ServiceStatusPage;
use crate::pages::start_page::StartPage;

/// The whole app: skip link, header, one `<main>`, footer, and the routes.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Title formatter=|title: String| format!("{title} – Put It Right") />
        <Router>
            <SkipLink />
            <Header />
            <div class="app-width-container">
                <main class="app-main-wrapper" id="main-content" tabindex="-1">
                    <Routes fallback=NotFoundPage>
                        <Route path=path!("/") view=StartPage />
                        <Route path=path!("/help") view=HelpPage />
                        <Route path=path!("/accessibility") view=AccessibilityStatementPage />
                        <Route path=path!("/service-status") view=ServiceStatusPage />
                    </Routes>
                </main>
            </div>
            <Footer />
        </Router>
    }
}
