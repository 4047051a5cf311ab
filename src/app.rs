//! The app: the page shell and the routes.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::footer::Footer;
use crate::components::header::Header;
use crate::components::offline_banner::OfflineBanner;
use crate::components::skip_link::SkipLink;
use crate::pages::accessibility_statement_page::AccessibilityStatementPage;
use crate::pages::advocate_home_page::AdvocateHomePage;
use crate::pages::authorisations_page::invite_advocate_page::InviteAdvocatePage;
use crate::pages::authorisations_page::AuthorisationsPage;
use crate::pages::case_actions::add_information_page::AddInformationPage;
use crate::pages::case_actions::ask_for_panel_page::AskForPanelPage;
use crate::pages::case_actions::ask_for_review_page::AskForReviewPage;
use crate::pages::case_actions::satisfaction_page::SatisfactionPage;
use crate::pages::case_actions::withdraw_page::WithdrawPage;
use crate::pages::case_page::CasePage;
use crate::pages::cases_page::CasesPage;
use crate::pages::create_account_page::CreateAccountPage;
use crate::pages::feedback_page::FeedbackPage;
use crate::pages::feedback_sent_page::FeedbackSentPage;
use crate::pages::file_for_resident_page::FileForResidentPage;
use crate::pages::help_page::HelpPage;
use crate::pages::not_found_page::NotFoundPage;
use crate::pages::ombudsman_page::OmbudsmanPage;
use crate::pages::raise_complaint_page::RaiseComplaintRoutes;
use crate::pages::raise_on_behalf_page::RaiseOnBehalfPage;
use crate::pages::service_status_page::ServiceStatusPage;
use crate::pages::settings_page::SettingsPage;
use crate::pages::sign_in_page::SignInPage;
use crate::pages::signed_out_page::SignedOutPage;
use crate::pages::staff_authorisations_page::StaffAuthorisationsPage;
use crate::pages::staff_case_page::StaffCasePage;
use crate::pages::staff_queue_page::StaffQueuePage;
use crate::pages::start_page::StartPage;
use crate::session::SessionContext;

/// The whole app: skip link, header, one `<main>`, footer, and the routes.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    SessionContext::provide();
    view! {
        <Title formatter=|title: String| format!("{title} – Put It Right") />
        <Router>
            <SkipLink />
            <OfflineBanner />
            <Header />
            <div class="app-width-container">
                <main class="app-main-wrapper" id="main-content" tabindex="-1">
                    <Routes fallback=NotFoundPage>
                        <Route path=path!("/") view=StartPage />
                        <Route path=path!("/help") view=HelpPage />
                        <Route path=path!("/accessibility") view=AccessibilityStatementPage />
                        <Route path=path!("/service-status") view=ServiceStatusPage />
                        <Route path=path!("/sign-in") view=SignInPage />
                        <Route path=path!("/signed-out") view=SignedOutPage />
                        <Route path=path!("/create-account") view=CreateAccountPage />
                        <Route path=path!("/settings") view=SettingsPage />
                        <Route path=path!("/ombudsman") view=OmbudsmanPage />
                        <RaiseComplaintRoutes />
                        <Route path=path!("/feedback/new") view=FeedbackPage />
                        <Route path=path!("/feedback/sent") view=FeedbackSentPage />
                        <Route path=path!("/cases") view=CasesPage />
                        <Route path=path!("/cases/:id") view=CasePage />
                        <Route path=path!("/cases/:id/add-information") view=AddInformationPage />
                        <Route path=path!("/cases/:id/ask-for-review") view=AskForReviewPage />
                        <Route path=path!("/cases/:id/ask-for-panel") view=AskForPanelPage />
                        <Route path=path!("/cases/:id/withdraw") view=WithdrawPage />
                        <Route path=path!("/cases/:id/satisfaction") view=SatisfactionPage />
                        <Route path=path!("/staff") view=StaffQueuePage />
                        <Route path=path!("/staff/cases/:id") view=StaffCasePage />
                        <Route path=path!("/staff/authorisations") view=StaffAuthorisationsPage />
                        <Route path=path!("/authorisations") view=AuthorisationsPage />
                        <Route path=path!("/authorisations/new") view=InviteAdvocatePage />
                        <Route path=path!("/advocate") view=AdvocateHomePage />
                        <Route path=path!("/advocate/residents/new") view=FileForResidentPage />
                        <Route path=path!("/advocate/complaints/new") view=RaiseOnBehalfPage />
                    </Routes>
                </main>
            </div>
            <Footer />
        </Router>
    }
}
