//! Which page an address shows, and what the address says besides: the case
//! it is about and its query. Pure, so tested natively; the router
//! (`router.rs`) renders the page this picks.

use crate::complaint_draft::{Step, QUESTIONS};

/// A page of the app, as its address names it. Pages with a case id share
/// one variant for every case, so moving between cases keeps the page and
/// reloads its data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    Start,
    Help,
    Accessibility,
    ServiceStatus,
    SignIn,
    /// A staff or admin sign-in's second step: a code from the app.
    SecondFactor,
    /// A staff or admin sign-in's second step, the first time: set up an app.
    SetUpSecondFactor,
    SignedOut,
    CreateAccount,
    Settings,
    Ombudsman,
    /// "Raise a complaint": its own pages are [`ComplaintRoute`]s.
    Complaint,
    Feedback,
    FeedbackSent,
    Cases,
    Case,
    AddInformation,
    NotUnderstood,
    AskForReview,
    AskForPanel,
    Withdraw,
    Satisfaction,
    /// The optional equality monitoring questions about a case (Pioneer §11).
    Equality,
    StaffQueue,
    StaffCase,
    StaffAuthorisations,
    /// The landlord's figures, for administrators (issue 19).
    StaffFigures,
    StaffFigureCases,
    /// How each policy compares with the Complaint Handling Code (issue 18).
    StaffCompliance,
    /// The annual complaints reports (Code section 8, issue 19): the list,
    /// one year's draft, and a published report for anyone.
    StaffAnnualReports,
    StaffAnnualReport,
    AnnualReport,
    /// Staff raise a case that came by phone, letter, in person…
    StaffNewCase,
    /// Messages waiting for staff to send: calls, letters, refusals (issue 17).
    StaffMessages,
    Authorisations,
    InviteAdvocate,
    AdvocateHome,
    FileForResident,
    RaiseOnBehalf,
    /// Where the link that proves an email address opens.
    VerifyEmail,
    /// "Your account": the password, where you are signed in, deleting it.
    Account,
    ChangePassword,
    AccountSessions,
    DeleteAccount,
    AccountDeleted,
    ForgotPassword,
    /// Where the link to reset a forgotten password opens.
    ResetPassword,
    NotFound,
}

impl Route {
    /// The page at `path` (the address without its query), or
    /// [`Route::NotFound`]. A trailing or doubled `/` does not matter.
    pub fn matching(path: &str) -> Route {
        use Route::*;
        match segments(path).as_slice() {
            [] => Start,
            ["help"] => Help,
            ["accessibility"] => Accessibility,
            ["service-status"] => ServiceStatus,
            ["sign-in"] => SignIn,
            ["sign-in", "authenticator-code"] => SecondFactor,
            ["sign-in", "set-up-authenticator-app"] => SetUpSecondFactor,
            ["signed-out"] => SignedOut,
            ["create-account"] => CreateAccount,
            ["settings"] => Settings,
            ["ombudsman"] => Ombudsman,
            ["complaints", "new", ..] if ComplaintRoute::matching(path).is_some() => Complaint,
            ["feedback", "new"] => Feedback,
            ["feedback", "sent"] => FeedbackSent,
            ["cases"] => Cases,
            ["cases", _] => Case,
            ["cases", _, "add-information"] => AddInformation,
            ["cases", _, "not-understood"] => NotUnderstood,
            ["cases", _, "ask-for-review"] => AskForReview,
            ["cases", _, "ask-for-panel"] => AskForPanel,
            ["cases", _, "withdraw"] => Withdraw,
            ["cases", _, "satisfaction"] => Satisfaction,
            ["cases", _, "equality"] => Equality,
            ["staff"] => StaffQueue,
            ["staff", "cases", _] => StaffCase,
            ["staff", "authorisations"] => StaffAuthorisations,
            ["staff", "figures"] => StaffFigures,
            ["staff", "figures", "cases"] => StaffFigureCases,
            ["staff", "compliance"] => StaffCompliance,
            ["staff", "annual-reports"] => StaffAnnualReports,
            ["staff", "annual-reports", _] => StaffAnnualReport,
            ["annual-reports", _] => AnnualReport,
            ["staff", "new-case"] => StaffNewCase,
            ["staff", "messages"] => StaffMessages,
            ["authorisations"] => Authorisations,
            ["authorisations", "new"] => InviteAdvocate,
            ["advocate"] => AdvocateHome,
            ["advocate", "residents", "new"] => FileForResident,
            ["advocate", "complaints", "new"] => RaiseOnBehalf,
            ["verify-email"] => VerifyEmail,
            ["account"] => Account,
            ["account", "password"] => ChangePassword,
            ["account", "sessions"] => AccountSessions,
            ["account", "delete"] => DeleteAccount,
            ["account", "deleted"] => AccountDeleted,
            ["forgot-password"] => ForgotPassword,
            ["reset-password"] => ResetPassword,
            _ => NotFound,
        }
    }
}

/// A page of "Raise a complaint", under `/complaints/new`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComplaintRoute {
    Question(Step),
    Sent,
}

impl ComplaintRoute {
    /// Where the complaint's confirmation is.
    pub const SENT_PATH: &'static str = "/complaints/new/sent";

    /// The complaint's page at `path`, if it is one.
    pub fn matching(path: &str) -> Option<ComplaintRoute> {
        let path = normalise(path);
        if path == Self::SENT_PATH {
            return Some(ComplaintRoute::Sent);
        }
        QUESTIONS
            .into_iter()
            .chain([Step::Screening, Step::Check])
            .find(|step| step.path() == path)
            .map(ComplaintRoute::Question)
    }
}

/// The case a page is about: `/cases/{id}/…` or `/staff/cases/{id}`.
pub fn case_id(path: &str) -> Option<String> {
    match segments(path).as_slice() {
        ["cases", id, ..] | ["staff", "cases", id] => Some(percent_decode(id)),
        _ => None,
    }
}

fn segments(path: &str) -> Vec<&str> {
    path.split('/').filter(|s| !s.is_empty()).collect()
}

/// `path` with single slashes and none at the end (but `/` for the start).
fn normalise(path: &str) -> String {
    let joined = segments(path).join("/");
    format!("/{joined}")
}

/// An address's query (`?stage=1&status=open`), decoded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query(Vec<(String, String)>);

impl Query {
    /// Reads `search`, with or without its leading `?`: `+` is a space and
    /// `%xx` a byte of UTF-8, as a browser's form sends them.
    pub fn parse(search: &str) -> Query {
        let pairs = search
            .trim_start_matches('?')
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                (percent_decode(key), percent_decode(value))
            })
            .collect();
        Query(pairs)
    }

    /// The first value of `key`.
    pub fn get(&self, key: &str) -> Option<String> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    }

    /// The query again, encoded, with its `?`; empty when there is none.
    pub fn to_query_string(&self) -> String {
        if self.0.is_empty() {
            return String::new();
        }
        let pairs: Vec<String> = self
            .0
            .iter()
            .map(|(k, v)| format!("{}={}", percent_encode(k), percent_encode(v)))
            .collect();
        format!("?{}", pairs.join("&"))
    }
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => match (
                bytes.get(i + 1).and_then(|&b| hex(b)),
                bytes.get(i + 2).and_then(|&b| hex(b)),
            ) {
                (Some(high), Some(low)) => {
                    out.push(high * 16 + low);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(digit: u8) -> Option<u8> {
    (digit as char).to_digit(16).map(|d| d as u8)
}

/// Encodes all but the characters a URL never needs encoded (RFC 3986's
/// unreserved ones).
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_address_shows_its_page() {
        assert_eq!(Route::matching("/"), Route::Start);
        assert_eq!(Route::matching(""), Route::Start);
        assert_eq!(Route::matching("/help"), Route::Help);
        assert_eq!(Route::matching("/cases"), Route::Cases);
        assert_eq!(Route::matching("/cases/abc-123"), Route::Case);
        assert_eq!(Route::matching("/cases/abc-123/withdraw"), Route::Withdraw);
        assert_eq!(Route::matching("/cases/abc-123/equality"), Route::Equality);
        assert_eq!(
            Route::matching("/cases/abc-123/ask-for-panel"),
            Route::AskForPanel
        );
        assert_eq!(Route::matching("/staff"), Route::StaffQueue);
        assert_eq!(Route::matching("/staff/figures"), Route::StaffFigures);
        assert_eq!(
            Route::matching("/staff/figures/cases"),
            Route::StaffFigureCases
        );
        assert_eq!(Route::matching("/staff/cases/abc"), Route::StaffCase);
        assert_eq!(Route::matching("/staff/compliance"), Route::StaffCompliance);
        assert_eq!(
            Route::matching("/staff/annual-reports"),
            Route::StaffAnnualReports
        );
        assert_eq!(
            Route::matching("/staff/annual-reports/2025/"),
            Route::StaffAnnualReport
        );
        assert_eq!(Route::matching("/annual-reports/2025"), Route::AnnualReport);
        assert_eq!(Route::matching("/annual-reports"), Route::NotFound);
        assert_eq!(Route::matching("/staff/messages"), Route::StaffMessages);
        assert_eq!(
            Route::matching("/advocate/complaints/new"),
            Route::RaiseOnBehalf
        );
        assert_eq!(Route::matching("/feedback/sent"), Route::FeedbackSent);
        assert_eq!(Route::matching("/account"), Route::Account);
        assert_eq!(Route::matching("/account/sessions"), Route::AccountSessions);
        assert_eq!(Route::matching("/reset-password"), Route::ResetPassword);
        assert_eq!(
            Route::matching("/sign-in/authenticator-code"),
            Route::SecondFactor
        );
        assert_eq!(
            Route::matching("/sign-in/set-up-authenticator-app"),
            Route::SetUpSecondFactor
        );
    }

    #[test]
    fn a_trailing_or_doubled_slash_makes_no_difference() {
        assert_eq!(Route::matching("/cases/"), Route::Cases);
        assert_eq!(Route::matching("//cases//abc/"), Route::Case);
        assert_eq!(Route::matching("/complaints/new/"), Route::Complaint);
    }

    #[test]
    fn addresses_the_app_does_not_have_are_not_found() {
        for path in [
            "/nope",
            "/cases/abc/nope",
            "/staff/cases",
            "/complaints",
            "/complaints/new/nope",
            "/help/more",
        ] {
            assert_eq!(Route::matching(path), Route::NotFound, "{path}");
        }
    }

    #[test]
    fn every_question_of_a_complaint_has_its_page() {
        for step in QUESTIONS.into_iter().chain([Step::Screening, Step::Check]) {
            assert_eq!(Route::matching(step.path()), Route::Complaint);
            assert_eq!(
                ComplaintRoute::matching(step.path()),
                Some(ComplaintRoute::Question(step))
            );
        }
        assert_eq!(
            ComplaintRoute::matching("/complaints/new/sent/"),
            Some(ComplaintRoute::Sent)
        );
        assert_eq!(
            ComplaintRoute::matching("/complaints/new"),
            Some(ComplaintRoute::Question(Step::About))
        );
        assert_eq!(ComplaintRoute::matching("/complaints/new/nope"), None);
    }

    #[test]
    fn the_case_id_comes_from_resident_and_staff_addresses() {
        assert_eq!(case_id("/cases/abc-123").as_deref(), Some("abc-123"));
        assert_eq!(
            case_id("/cases/abc-123/add-information").as_deref(),
            Some("abc-123")
        );
        assert_eq!(case_id("/staff/cases/xyz").as_deref(), Some("xyz"));
        assert_eq!(case_id("/cases"), None);
        assert_eq!(case_id("/help"), None);
    }

    #[test]
    fn a_query_is_decoded_as_a_browser_sends_it() {
        let query = Query::parse("?next=%2Fcases%2F1%3Fdone%3Dyes&name=Ann+O%27Neil&empty=&flag");
        assert_eq!(query.get("next").as_deref(), Some("/cases/1?done=yes"));
        assert_eq!(query.get("name").as_deref(), Some("Ann O'Neil"));
        assert_eq!(query.get("empty").as_deref(), Some(""));
        assert_eq!(query.get("flag").as_deref(), Some(""));
        assert_eq!(query.get("missing"), None);
        assert_eq!(
            Query::parse("caf%C3%A9=%E2%9C%93").get("café").as_deref(),
            Some("✓")
        );
        // A stray % is kept, not dropped.
        assert_eq!(Query::parse("a=100%").get("a").as_deref(), Some("100%"));
    }

    #[test]
    fn a_query_is_written_back_encoded() {
        assert_eq!(Query::parse("").to_query_string(), "");
        let query = Query::parse("stage=2&status=in+progress&q=a%26b");
        assert_eq!(
            query.to_query_string(),
            "?stage=2&status=in%20progress&q=a%26b"
        );
        assert_eq!(Query::parse(&query.to_query_string()), query);
    }
}
