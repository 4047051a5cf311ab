//! The app: the page shell and the routes.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, Lazy};

use crate::lazy_page::lazy_page;

use crate::components::footer::Footer;
use crate::components::header::Header;
use crate::components::offline_banner::OfflineBanner;
use crate::components::page_loading::PageLoading;
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

// Every page but the start page loads when first visited.
lazy_page!(info: HelpRoute => HelpPage);
lazy_page!(info: AccessibilityStatementRoute => AccessibilityStatementPage);
lazy_page!(info: ServiceStatusRoute => ServiceStatusPage);
lazy_page!(account: SignInRoute => SignInPage);
lazy_page!(account: SignedOutRoute => SignedOutPage);
lazy_page!(account: CreateAccountRoute => CreateAccountPage);
lazy_page!(account: SettingsRoute => SettingsPage);
lazy_page!(info: OmbudsmanRoute => OmbudsmanPage);
lazy_page!(feedback: FeedbackRoute => FeedbackPage);
lazy_page!(feedback: FeedbackSentRoute => FeedbackSentPage);
lazy_page!(cases: CasesRoute => CasesPage);
lazy_page!(cases: CaseRoute => CasePage);
lazy_page!(cases: AddInformationRoute => AddInformationPage);
lazy_page!(cases: AskForReviewRoute => AskForReviewPage);
lazy_page!(cases: AskForPanelRoute => AskForPanelPage);
lazy_page!(cases: WithdrawRoute => WithdrawPage);
lazy_page!(cases: SatisfactionRoute => SatisfactionPage);
lazy_page!(staff: StaffQueueRoute => StaffQueuePage);
lazy_page!(staff: StaffCaseRoute => StaffCasePage);
lazy_page!(staff: StaffAuthorisationsRoute => StaffAuthorisationsPage);
lazy_page!(advocates: AuthorisationsRoute => AuthorisationsPage);
lazy_page!(advocates: InviteAdvocateRoute => InviteAdvocatePage);
lazy_page!(advocates: AdvocateHomeRoute => AdvocateHomePage);
lazy_page!(advocates: FileForResidentRoute => FileForResidentPage);
lazy_page!(advocates: RaiseOnBehalfRoute => RaiseOnBehalfPage);

/// The whole app: skip link, header, one `<main>`, footer, and the routes.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    SessionContext::provide();
    let (routing, set_routing) = signal(false);
    view! {
        <Title formatter=|title: String| format!("{title} – Put It Right") />
        <Router set_is_routing=set_routing>
            <SkipLink />
            <OfflineBanner />
            <Header />
            <div class="app-width-container">
                <PageLoading routing=routing />
                <main class="app-main-wrapper" id="main-content" tabindex="-1">
                    <Routes fallback=NotFoundPage>
                        <Route path=path!("/") view=StartPage />
                        <Route path=path!("/help") view={Lazy::<HelpRoute>::new()} />
                        <Route path=path!("/accessibility") view={Lazy::<AccessibilityStatementRoute>::new()} />
                        <Route path=path!("/service-status") view={Lazy::<ServiceStatusRoute>::new()} />
                        <Route path=path!("/sign-in") view={Lazy::<SignInRoute>::new()} />
                        <Route path=path!("/signed-out") view={Lazy::<SignedOutRoute>::new()} />
                        <Route path=path!("/create-account") view={Lazy::<CreateAccountRoute>::new()} />
                        <Route path=path!("/settings") view={Lazy::<SettingsRoute>::new()} />
                        <Route path=path!("/ombudsman") view={Lazy::<OmbudsmanRoute>::new()} />
                        <RaiseComplaintRoutes />
                        <Route path=path!("/feedback/new") view={Lazy::<FeedbackRoute>::new()} />
                        <Route path=path!("/feedback/sent") view={Lazy::<FeedbackSentRoute>::new()} />
                        <Route path=path!("/cases") view={Lazy::<CasesRoute>::new()} />
                        <Route path=path!("/cases/:id") view={Lazy::<CaseRoute>::new()} />
                        <Route path=path!("/cases/:id/add-information") view={Lazy::<AddInformationRoute>::new()} />
                        <Route path=path!("/cases/:id/ask-for-review") view={Lazy::<AskForReviewRoute>::new()} />
                        <Route path=path!("/cases/:id/ask-for-panel") view={Lazy::<AskForPanelRoute>::new()} />
                        <Route path=path!("/cases/:id/withdraw") view={Lazy::<WithdrawRoute>::new()} />
                        <Route path=path!("/cases/:id/satisfaction") view={Lazy::<SatisfactionRoute>::new()} />
                        <Route path=path!("/staff") view={Lazy::<StaffQueueRoute>::new()} />
                        <Route path=path!("/staff/cases/:id") view={Lazy::<StaffCaseRoute>::new()} />
                        <Route path=path!("/staff/authorisations") view={Lazy::<StaffAuthorisationsRoute>::new()} />
                        <Route path=path!("/authorisations") view={Lazy::<AuthorisationsRoute>::new()} />
                        <Route path=path!("/authorisations/new") view={Lazy::<InviteAdvocateRoute>::new()} />
                        <Route path=path!("/advocate") view={Lazy::<AdvocateHomeRoute>::new()} />
                        <Route path=path!("/advocate/residents/new") view={Lazy::<FileForResidentRoute>::new()} />
                        <Route path=path!("/advocate/complaints/new") view={Lazy::<RaiseOnBehalfRoute>::new()} />
                    </Routes>
                </main>
            </div>
            <Footer />
        </Router>
    }
}
