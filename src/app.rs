//! The app: the page shell and the routes.

use leptos::prelude::*;

use crate::lazy_page::lazy_page;

use crate::components::footer::Footer;
use crate::components::header::Header;
use crate::components::offline_banner::OfflineBanner;
use crate::components::page_loading::PageLoading;
use crate::components::skip_link::SkipLink;
use crate::language::LanguageContext;
use crate::pages::accessibility_statement_page::AccessibilityStatementPage;
use crate::pages::account_pages::AccountPages;
use crate::pages::advocate_home_page::AdvocateHomePage;
use crate::pages::annual_report_pages::AnnualReportPages;
use crate::pages::authorisations_page::invite_advocate_page::InviteAdvocatePage;
use crate::pages::authorisations_page::AuthorisationsPage;
use crate::pages::case_actions::CaseActionPage;
use crate::pages::case_page::CasePage;
use crate::pages::cases_page::CasesPage;
use crate::pages::create_account_page::CreateAccountPage;
use crate::pages::equality_page::EqualityPage;
use crate::pages::feedback_page::FeedbackPage;
use crate::pages::feedback_sent_page::FeedbackSentPage;
use crate::pages::file_for_resident_page::FileForResidentPage;
use crate::pages::help_page::HelpPage;
use crate::pages::not_found_page::NotFoundPage;
use crate::pages::ombudsman_page::OmbudsmanPage;
use crate::pages::raise_complaint_page::RaiseComplaintRoute;
use crate::pages::raise_on_behalf_page::RaiseOnBehalfPage;
use crate::pages::second_factor_page::{SecondFactorPage, SetUpSecondFactorPage};
use crate::pages::service_status_page::ServiceStatusPage;
use crate::pages::settings_page::SettingsPage;
use crate::pages::sign_in_page::SignInPage;
use crate::pages::signed_out_page::SignedOutPage;
use crate::pages::staff_authorisations_page::StaffAuthorisationsPage;
use crate::pages::staff_case_page::StaffCasePage;
use crate::pages::staff_compliance_page::StaffCompliancePage;
use crate::pages::staff_figures_page::{StaffFigureCasesPage, StaffFiguresPage};
use crate::pages::staff_messages_page::StaffMessagesPage;
use crate::pages::staff_new_case_page::StaffNewCasePage;
use crate::pages::staff_queue_page::StaffQueuePage;
use crate::pages::start_page::StartPage;
use crate::pages::verify_email_page::VerifyEmailPage;
use crate::router::{Outlet, Page, Router};
use crate::routes::Route;
use crate::session::SessionContext;

// Every page but the start page loads when first visited.
lazy_page!(info: HelpRoute => HelpPage);
lazy_page!(info: AccessibilityStatementRoute => AccessibilityStatementPage);
lazy_page!(info: ServiceStatusRoute => ServiceStatusPage);
lazy_page!(account: SignInRoute => SignInPage);
lazy_page!(account: SignedOutRoute => SignedOutPage);
lazy_page!(account: CreateAccountRoute => CreateAccountPage);
lazy_page!(account: SettingsRoute => SettingsPage);
lazy_page!(account: VerifyEmailRoute => VerifyEmailPage);
lazy_page!(security: AccountRoute => AccountPages);
lazy_page!(info: OmbudsmanRoute => OmbudsmanPage);
// "Page not found" loads with the help pages: in the main module it weighed on
// every first visit, for an address few people mistype.
lazy_page!(info: NotFoundRoute => NotFoundPage);
lazy_page!(feedback: FeedbackRoute => FeedbackPage);
lazy_page!(feedback: FeedbackSentRoute => FeedbackSentPage);
lazy_page!(feedback: EqualityRoute => EqualityPage);
lazy_page!(cases: CasesRoute => CasesPage);
lazy_page!(cases: CaseRoute => CasePage);
lazy_page!(cases: CaseActionRoute => CaseActionPage);
lazy_page!(staff: StaffQueueRoute => StaffQueuePage);

lazy_page!(staff: StaffCaseRoute => StaffCasePage);
lazy_page!(staff: StaffAuthorisationsRoute => StaffAuthorisationsPage);
lazy_page!(figures: StaffFiguresRoute => StaffFiguresPage);
lazy_page!(figures: StaffFigureCasesRoute => StaffFigureCasesPage);
lazy_page!(figures: StaffComplianceRoute => StaffCompliancePage);
// The annual reports load with the figures they are written from; the
// published report too, so no resident's page carries it. One page for the
// three: each lazy page leaves a stub in the main module, which every first
// visit loads.
lazy_page!(figures: AnnualReportsRoute => AnnualReportPages);
// Recording a case that came another way loads with the figures and the
// compliance page, not with the queue: in the staff group it made every first
// visit heavier (the queue's by 23 KiB, each resident page's by 3 to 4).
lazy_page!(figures: StaffNewCaseRoute => StaffNewCasePage);
lazy_page!(staff: StaffMessagesRoute => StaffMessagesPage);
lazy_page!(staff: SecondFactorRoute => SecondFactorPage);
lazy_page!(staff: SetUpSecondFactorRoute => SetUpSecondFactorPage);
lazy_page!(advocates: AuthorisationsRoute => AuthorisationsPage);
lazy_page!(advocates: InviteAdvocateRoute => InviteAdvocatePage);
lazy_page!(advocates: AdvocateHomeRoute => AdvocateHomePage);
lazy_page!(advocates: FileForResidentRoute => FileForResidentPage);
lazy_page!(advocates: RaiseOnBehalfRoute => RaiseOnBehalfPage);

/// The page for each route.
fn page(route: Route) -> Page {
    match route {
        Route::Start => Page::eager(|| view! { <StartPage /> }.into_any()),
        Route::Help => HelpRoute::page(),
        Route::Accessibility => AccessibilityStatementRoute::page(),
        Route::ServiceStatus => ServiceStatusRoute::page(),
        Route::SignIn => SignInRoute::page(),
        Route::SecondFactor => SecondFactorRoute::page(),
        Route::SetUpSecondFactor => SetUpSecondFactorRoute::page(),
        Route::SignedOut => SignedOutRoute::page(),
        Route::CreateAccount => CreateAccountRoute::page(),
        Route::Settings => SettingsRoute::page(),
        Route::Ombudsman => OmbudsmanRoute::page(),
        Route::Complaint => RaiseComplaintRoute::page(),
        Route::Feedback => FeedbackRoute::page(),
        Route::FeedbackSent => FeedbackSentRoute::page(),
        Route::Cases => CasesRoute::page(),
        Route::Case => CaseRoute::page(),
        Route::AddInformation => CaseActionRoute::page(),
        Route::NotUnderstood => CaseActionRoute::page(),
        Route::AskForReview => CaseActionRoute::page(),
        Route::AskForPanel => CaseActionRoute::page(),
        Route::Withdraw => CaseActionRoute::page(),
        Route::Satisfaction => CaseActionRoute::page(),
        Route::Equality => EqualityRoute::page(),
        Route::StaffQueue => StaffQueueRoute::page(),
        Route::StaffCase => StaffCaseRoute::page(),
        Route::StaffAuthorisations => StaffAuthorisationsRoute::page(),
        Route::StaffFigures => StaffFiguresRoute::page(),
        Route::StaffFigureCases => StaffFigureCasesRoute::page(),
        Route::StaffCompliance => StaffComplianceRoute::page(),
        Route::StaffAnnualReports => AnnualReportsRoute::page(),
        Route::StaffAnnualReport => AnnualReportsRoute::page(),
        Route::AnnualReport => AnnualReportsRoute::page(),
        Route::StaffNewCase => StaffNewCaseRoute::page(),
        Route::StaffMessages => StaffMessagesRoute::page(),
        Route::Authorisations => AuthorisationsRoute::page(),
        Route::InviteAdvocate => InviteAdvocateRoute::page(),
        Route::AdvocateHome => AdvocateHomeRoute::page(),
        Route::FileForResident => FileForResidentRoute::page(),
        Route::RaiseOnBehalf => RaiseOnBehalfRoute::page(),
        Route::VerifyEmail => VerifyEmailRoute::page(),
        Route::Account => AccountRoute::page(),
        Route::ChangePassword => AccountRoute::page(),
        Route::AccountSessions => AccountRoute::page(),
        Route::DeleteAccount => AccountRoute::page(),
        Route::AccountDeleted => AccountRoute::page(),
        Route::ForgotPassword => AccountRoute::page(),
        Route::ResetPassword => AccountRoute::page(),
        Route::NotFound => NotFoundRoute::page(),
    }
}

/// The whole app: skip link, header, one `<main>`, footer, and the page the
/// address asks for.
#[component]
pub fn App() -> impl IntoView {
    let session = SessionContext::provide();
    let language = LanguageContext::provide(session);
    let routing = RwSignal::new(false);
    let routing_now = routing.read_only();
    view! {
        <Router routing=routing>
            // Drawn again, in the new words, when the language changes.
            {move || {
                language.shown.track();
                language.ready.get().then(|| view! {
                    <SkipLink />
                    <OfflineBanner />
                    <Header />
                    <div class="app-width-container">
                        <PageLoading routing=routing_now />
                        <main class="app-main-wrapper" id="main-content" tabindex="-1">
                            <Outlet matching=Route::matching page=page />
                        </main>
                    </div>
                    <Footer />
                })
            }}
        </Router>
    }
}
