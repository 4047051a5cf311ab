//! What can go wrong with a request, classified once: the words a resident
//! reads for each kind, and which failures mean the service itself cannot be
//! reached or is failing. Pure, so tested natively; `api` maps HTTP onto it.

use std::fmt;

use domain::validation::FieldError;

use crate::i18n::{t, tf, tn};

/// Why a request did not give the answer asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum ClientError {
    /// No connection: the device is offline or the server cannot be reached.
    Offline,
    /// Nobody is signed in, or the session has ended.
    SignedOut,
    /// Not there, or not this person's.
    NotFound,
    /// The input was not valid: messages keyed by field, for an error summary.
    Invalid(Vec<FieldError>),
    /// The state does not allow this; the reason is for the resident.
    Refused(Vec<FieldError>),
    /// Too many attempts: wait this many seconds (the answer's `Retry-After`).
    TooManyAttempts { wait_seconds: Option<u32> },
    /// The service is too busy to check a password now (503 with
    /// `Retry-After`): nothing is wrong with what was sent.
    Busy { wait_seconds: Option<u32> },
    /// Any other status: a problem with the service (5xx, or 0 and 200 for a
    /// request that could not be built or an answer that could not be read),
    /// or a refusal the resident can act on (403, 413, 415).
    Server(u16),
}

impl ClientError {
    /// The field errors to show in an error summary, if this is that kind of error.
    pub fn field_errors(&self) -> Vec<FieldError> {
        match self {
            ClientError::Invalid(e) | ClientError::Refused(e) => e.clone(),
            other => vec![FieldError::new("", other.to_string())],
        }
    }
}

impl fmt::Display for ClientError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            ClientError::Offline => {
                t("You appear to be offline. Check your connection, then try again. Nothing you typed has been lost")
            }
            ClientError::SignedOut => t("You have been signed out. Sign in again to continue"),
            ClientError::NotFound => t("Page not found"),
            ClientError::Invalid(errors) | ClientError::Refused(errors) => {
                // The server's own words, in English: shown in the resident's language.
                return f.write_str(
                    errors.first().map_or(t("There is a problem"), |e| t(e.message.as_str())),
                )
            }
            ClientError::TooManyAttempts { wait_seconds } => {
                return f.write_str(&too_many_attempts_words(*wait_seconds))
            }
            ClientError::Busy { wait_seconds } => return f.write_str(&busy_words(*wait_seconds)),
            // The request was too big for the server: nothing is wrong with the
            // service, so say what the resident can change.
            ClientError::Server(413) => {
                t("What you are sending is too big. Send fewer or smaller files, then try again. Nothing you typed has been lost")
            }
            // Signed in, but this account may not do this (its role, or a case it
            // may not act on), or the request came from another site.
            ClientError::Server(403) => {
                t("You do not have permission to do this. Check you are signed in with the right account")
            }
            // The service takes only JSON: this page sent something else, which
            // an out-of-date copy of the page could do. A fresh copy fixes it.
            ClientError::Server(415) => {
                t("This page could not send your request in a way the service accepts. Reload the page, then try again")
            }
            ClientError::Server(_) => {
                t("Sorry, there is a problem with the service. Try again later. Nothing you typed has been lost")
            }
        };
        f.write_str(text)
    }
}

impl std::error::Error for ClientError {}

/// How long to wait, from a `Retry-After` in seconds: seconds up to a
/// minute and a half, whole minutes (rounded up) beyond.
fn wait_words(seconds: u32) -> String {
    if seconds <= 90 {
        tn(
            "{count} second",
            "{count} seconds",
            u64::from(seconds.max(1)),
            &[],
        )
    } else {
        tn(
            "{count} minute",
            "{count} minutes",
            u64::from(seconds.div_ceil(60)),
            &[],
        )
    }
}

/// "Too many attempts. Wait 4 seconds, then try again".
pub fn too_many_attempts_words(wait_seconds: Option<u32>) -> String {
    match wait_seconds {
        Some(seconds) => tf(
            "Too many attempts. Wait {wait}, then try again",
            &[("wait", &wait_words(seconds))],
        ),
        None => t("Too many attempts. Wait a few minutes, then try again").to_owned(),
    }
}

/// "The service is busy. Wait 2 seconds, then try again. …".
pub fn busy_words(wait_seconds: Option<u32>) -> String {
    tf(
        "The service is busy. Wait {wait}, then try again. Nothing you typed has been lost",
        &[("wait", &wait_words(wait_seconds.unwrap_or(5)))],
    )
}

impl ClientError {
    /// Whether this failure is the service's (no connection, or the server
    /// failing), not the request's: a page that cannot load its data then
    /// shows a [`ServiceProblem`] page instead of its content.
    pub fn service_problem(&self) -> Option<ServiceProblem> {
        match self {
            ClientError::Offline => Some(ServiceProblem::LostConnection),
            // 5xx; 0: the request could not be built; 200: the answer could not be read.
            ClientError::Server(status) if *status >= 500 || *status < 400 => {
                Some(ServiceProblem::ServerError)
            }
            _ => None,
        }
    }

    /// The errors for a form's error summary when sending it failed. A lost
    /// connection or a server problem says what was not sent (`what`, "Your
    /// information has not been sent") and what to do; a refusal or invalid
    /// answer gives the server's own messages.
    pub fn not_sent(&self, what: &str) -> Vec<FieldError> {
        match self.service_problem() {
            Some(_) => vec![FieldError::new(
                "",
                tf("{what}. {problem}.", &[("what", &what), ("problem", self)]),
            )],
            None => self.field_errors(),
        }
    }
}

/// Why a page could not load: the two GOV.UK "problem" pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServiceProblem {
    /// The device is offline, or the server cannot be reached.
    LostConnection,
    /// The server answered with an error of its own (5xx), or nonsense.
    ServerError,
}

impl ServiceProblem {
    /// The problem a page shows when any of the loads it needs failed because
    /// of the service: the first such, in the order given.
    pub fn first_of<'a>(
        failures: impl IntoIterator<Item = Option<&'a ClientError>>,
    ) -> Option<ServiceProblem> {
        failures
            .into_iter()
            .flatten()
            .find_map(ClientError::service_problem)
    }

    /// The page's title and `<h1>`.
    pub fn title(self) -> &'static str {
        match self {
            ServiceProblem::LostConnection => t("You seem to be offline"),
            ServiceProblem::ServerError => t("Sorry, there is a problem with the service"),
        }
    }

    /// What to do about it, in one sentence: for one part of a page that
    /// could not load, where the rest of the page still stands.
    pub fn what_to_do(self) -> &'static str {
        match self {
            ServiceProblem::LostConnection => self.paragraphs()[1],
            ServiceProblem::ServerError => self.paragraphs()[0],
        }
    }

    /// The paragraphs under the heading, in order: what happened, what to do,
    /// and that nothing typed is lost.
    pub fn paragraphs(self) -> [&'static str; 3] {
        match self {
            ServiceProblem::LostConnection => [
                t("We cannot reach Put It Right from this device at the moment."),
                t("Check your internet connection (Wi-Fi or mobile data), then try again."),
                t("Nothing you have typed has been lost. Your answers are saved on this device."),
            ],
            ServiceProblem::ServerError => [
                t("Try again later."),
                t("Your answers are saved on this device. We have not lost anything you have sent us."),
                t("If you need to tell us something urgently, you can contact us another way."),
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_network_failure_is_a_lost_connection() {
        assert_eq!(
            ClientError::Offline.service_problem(),
            Some(ServiceProblem::LostConnection)
        );
    }

    #[test]
    fn a_5xx_or_an_unreadable_answer_is_a_problem_with_the_service() {
        for status in [500, 502, 503, 504, 0, 200] {
            assert_eq!(
                ClientError::Server(status).service_problem(),
                Some(ServiceProblem::ServerError),
                "status {status}"
            );
        }
    }

    #[test]
    fn answers_about_the_request_itself_stay_on_the_page() {
        let errors = vec![FieldError::new(
            "text",
            "Enter the information you want to add",
        )];
        for error in [
            ClientError::SignedOut,
            ClientError::NotFound,
            ClientError::TooManyAttempts {
                wait_seconds: Some(4),
            },
            ClientError::Busy {
                wait_seconds: Some(1),
            },
            ClientError::Invalid(errors.clone()),
            ClientError::Refused(errors),
            ClientError::Server(403),
            ClientError::Server(413),
            ClientError::Server(415),
        ] {
            assert_eq!(error.service_problem(), None, "{error:?}");
        }
    }

    #[test]
    fn a_failed_send_says_what_was_not_sent_and_never_a_status_code() {
        let errors = ClientError::Server(500).not_sent("Your information has not been sent");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "");
        assert_eq!(
            errors[0].message,
            "Your information has not been sent. Sorry, there is a problem with the service. \
             Try again later. Nothing you typed has been lost."
        );
        assert!(!errors[0].message.contains("500"));
        let offline = ClientError::Offline.not_sent("Your information has not been sent");
        assert!(offline[0]
            .message
            .starts_with("Your information has not been sent. You appear to be offline."));
    }

    #[test]
    fn a_send_too_big_for_the_server_says_what_to_change_not_sorry() {
        let errors = ClientError::Server(413).not_sent("Your information has not been sent");
        assert_eq!(
            errors,
            vec![FieldError::new(
                "",
                "What you are sending is too big. Send fewer or smaller files, then try again. Nothing you typed has been lost"
            )]
        );
        assert!(!ClientError::Server(413)
            .to_string()
            .contains("problem with the service"));
    }

    #[test]
    fn a_page_with_several_loads_shows_the_first_service_problem_among_them() {
        let offline = ClientError::Offline;
        let not_found = ClientError::NotFound;
        let failing = ClientError::Server(503);
        assert_eq!(ServiceProblem::first_of([None, Some(&not_found)]), None);
        assert_eq!(
            ServiceProblem::first_of([Some(&not_found), None, Some(&failing), Some(&offline)]),
            Some(ServiceProblem::ServerError)
        );
        assert_eq!(
            ServiceProblem::first_of([Some(&offline), Some(&failing)]),
            Some(ServiceProblem::LostConnection)
        );
    }

    #[test]
    fn a_403_says_the_account_may_not_do_this_not_sorry() {
        let error = ClientError::Server(403);
        assert_eq!(error.service_problem(), None);
        assert_eq!(
            error.to_string(),
            "You do not have permission to do this. Check you are signed in with the right account"
        );
        assert_eq!(
            error.not_sent("Your information has not been sent"),
            vec![FieldError::new("", error.to_string())]
        );
        assert!(!error.to_string().contains("problem with the service"));
        assert!(!error.to_string().contains("403"));
    }

    #[test]
    fn a_415_says_to_reload_the_page_not_sorry() {
        let error = ClientError::Server(415);
        assert_eq!(error.service_problem(), None);
        assert_eq!(
            error.to_string(),
            "This page could not send your request in a way the service accepts. Reload the page, then try again"
        );
        assert_eq!(
            error.not_sent("Your information has not been sent"),
            vec![FieldError::new("", error.to_string())]
        );
        assert!(!error.to_string().contains("problem with the service"));
        assert!(!error.to_string().contains("415"));
    }

    #[test]
    fn only_a_5xx_or_an_unreadable_answer_says_sorry() {
        for status in [0, 200, 500, 503] {
            assert!(
                ClientError::Server(status)
                    .to_string()
                    .starts_with("Sorry, there is a problem with the service"),
                "{status}"
            );
        }
        for status in [403, 413, 415] {
            assert!(
                !ClientError::Server(status).to_string().starts_with("Sorry"),
                "{status}"
            );
        }
    }

    #[test]
    fn a_refusal_on_send_keeps_the_servers_own_words() {
        let refusal = vec![FieldError::new(
            "",
            "You can no longer add information to this complaint",
        )];
        assert_eq!(
            ClientError::Refused(refusal.clone()).not_sent("Not sent"),
            refusal
        );
    }

    #[test]
    fn a_part_of_a_page_that_could_not_load_says_what_to_do() {
        assert_eq!(
            ServiceProblem::LostConnection.what_to_do(),
            "Check your internet connection (Wi-Fi or mobile data), then try again."
        );
        assert_eq!(ServiceProblem::ServerError.what_to_do(), "Try again later.");
    }

    #[test]
    fn each_problem_page_says_that_nothing_is_lost() {
        for problem in [ServiceProblem::LostConnection, ServiceProblem::ServerError] {
            assert!(
                problem
                    .paragraphs()
                    .iter()
                    .any(|p| p.contains("saved on this device")),
                "{problem:?}"
            );
        }
        assert_eq!(
            ServiceProblem::ServerError.title(),
            "Sorry, there is a problem with the service"
        );
        assert_eq!(
            ServiceProblem::ServerError.paragraphs()[0],
            "Try again later."
        );
    }

    #[test]
    fn a_wait_is_said_in_seconds_or_whole_minutes() {
        assert_eq!(
            too_many_attempts_words(Some(1)),
            "Too many attempts. Wait 1 second, then try again"
        );
        assert_eq!(
            too_many_attempts_words(Some(30)),
            "Too many attempts. Wait 30 seconds, then try again"
        );
        assert_eq!(
            too_many_attempts_words(Some(3600)),
            "Too many attempts. Wait 60 minutes, then try again"
        );
        assert_eq!(
            too_many_attempts_words(Some(121)),
            "Too many attempts. Wait 3 minutes, then try again"
        );
        assert_eq!(
            busy_words(Some(2)),
            "The service is busy. Wait 2 seconds, then try again. Nothing you typed has been lost"
        );
    }
}
