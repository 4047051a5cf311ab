//! "Raise a complaint": one question per page, behind sign-in. The answers
//! live in a [`Journey`] that every page shares and that is kept on the device
//! as the resident types (see [`crate::complaint_draft`] for the rules).

pub mod complaint_about_page;
pub mod complaint_attachments_page;
pub mod complaint_check_page;
pub mod complaint_contact_page;
pub mod complaint_put_right_page;
pub mod complaint_question;
pub mod complaint_screening_page;
pub mod complaint_sent_page;
pub mod complaint_started_page;
pub mod complaint_what_happened_page;
pub mod files;
pub mod hazard_first;

use crate::client_error::ServiceProblem;
use crate::router::NavigateOptions;
use chrono::NaiveDate;
use domain::api::cases::{CaseDetail, ScreeningAnswer, ScreeningRequest};
use domain::policy::Policy;
use domain::validation::FieldError;
use leptos::prelude::*;

use crate::api::{self, ClientError};
use crate::complaint_draft::{self as rules, errors_for, ComplaintDraft, DraftFile, Step};
use crate::storage;

const POLICY_CACHE: &str = "pir.active_policy";

/// Everything the pages of one complaint share.
#[derive(Clone, Copy)]
pub struct Journey {
    pub draft: RwSignal<ComplaintDraft>,
    /// The files chosen, read and checked (kept apart: they are large).
    pub files: RwSignal<Vec<DraftFile>>,
    /// False when the files did not fit in the device's storage.
    pub files_kept: RwSignal<bool>,
    /// The active policy as run (`effective`); `None` until it has loaded.
    pub policy: RwSignal<Option<Policy>>,
    /// Why the policy could not be loaded, when it could not.
    pub policy_problem: RwSignal<Option<ServiceProblem>>,
    /// Today by the server's clock (the device's until the server answers).
    pub today: RwSignal<NaiveDate>,
    /// Errors from a send, shown on the page each belongs to.
    pub server_errors: RwSignal<Vec<FieldError>>,
    /// The complaint just sent, for the confirmation page.
    pub sent: RwSignal<Option<CaseDetail>>,
    pub user_id: StoredValue<String>,
}

impl Journey {
    /// Loads this person's draft from the device (or starts one with a fresh
    /// idempotency key), keeps it saved as it changes, and loads the policy
    /// and the server's date.
    pub fn start(user_id: String) -> Self {
        let mut draft =
            storage::load::<ComplaintDraft>(&rules::draft_key(&user_id)).unwrap_or_default();
        if draft.idempotency_key.is_none() {
            draft.idempotency_key = Some(storage::new_idempotency_key());
        }
        let files =
            storage::load::<Vec<DraftFile>>(&rules::files_key(&user_id)).unwrap_or_default();
        let journey = Self {
            draft: RwSignal::new(draft),
            files: RwSignal::new(files),
            files_kept: RwSignal::new(true),
            policy: RwSignal::new(storage::load::<Policy>(POLICY_CACHE)),
            policy_problem: RwSignal::new(None),
            today: RwSignal::new(device_today()),
            server_errors: RwSignal::new(Vec::new()),
            sent: RwSignal::new(storage::load::<CaseDetail>(&rules::sent_key(&user_id))),
            user_id: StoredValue::new(user_id),
        };
        Effect::new(move |_| {
            let key = rules::draft_key(&journey.user_id.get_value());
            let has_files = journey.files.with(|f| !f.is_empty());
            journey.draft.with(|draft| {
                if draft.has_answers() || has_files {
                    storage::save(&key, draft);
                } else {
                    storage::remove(&key);
                }
            });
        });
        Effect::new(move |_| {
            let key = rules::files_key(&journey.user_id.get_value());
            let kept = journey.files.with(|files| files::keep(&key, files));
            journey.files_kept.set(kept);
        });
        journey.load_policy();
        leptos::task::spawn_local(async move {
            if let Ok(health) = api::health().await {
                journey.today.set(health.today);
            }
        });
        journey
    }

    /// Fetches the active policy (kept on the device too, for next time).
    pub fn load_policy(self) {
        self.policy_problem.set(None);
        leptos::task::spawn_local(async move {
            match api::policies::active().await {
                Ok(detail) => {
                    storage::save(POLICY_CACHE, &detail.effective);
                    self.policy.set(Some(detail.effective));
                }
                Err(error) => self.policy_problem.set(Some(
                    error
                        .service_problem()
                        .unwrap_or(ServiceProblem::ServerError),
                )),
            }
        });
    }

    /// A field of the draft as a signal for a form component; what is typed
    /// goes straight into the draft (and so onto the device).
    pub fn bind<T>(
        &self,
        get: impl Fn(&ComplaintDraft) -> T + 'static,
        set: impl Fn(&mut ComplaintDraft, T) + 'static,
    ) -> RwSignal<T>
    where
        T: Clone + PartialEq + Send + Sync + 'static,
    {
        let signal = RwSignal::new(self.draft.with_untracked(&get));
        let draft = self.draft;
        Effect::new(move |_| {
            let value = signal.get();
            if draft.with_untracked(|d| get(d) != value) {
                draft.update(|d| set(d, value));
            }
        });
        signal
    }

    /// The errors to show on `step`'s page when it opens: those a send found.
    pub fn page_errors(&self, step: Step) -> RwSignal<Vec<FieldError>> {
        RwSignal::new(self.server_errors.with_untracked(|e| errors_for(step, e)))
    }

    /// Runs `f` with the policy and today's date.
    pub fn with_policy<T>(&self, f: impl FnOnce(&Policy, NaiveDate) -> T) -> Option<T> {
        let today = self.today.get_untracked();
        self.policy
            .with_untracked(|p| p.as_ref().map(|p| f(p, today)))
    }

    /// Checks `step`'s answers; if they are fine, goes to the next page and
    /// says true, otherwise shows the errors and says false.
    pub fn check_step(&self, step: Step, errors: RwSignal<Vec<FieldError>>) -> bool {
        let checked = self.with_policy(|policy, today| {
            self.draft
                .with_untracked(|d| d.validate_step(step, policy, today))
        });
        match checked {
            Some(Ok(())) => {
                errors.set(Vec::new());
                let fields = step.fields();
                self.server_errors
                    .update(|e| e.retain(|e| !fields.contains(&e.field.as_str())));
                true
            }
            Some(Err(found)) => {
                errors.set(found);
                false
            }
            None => false,
        }
    }

    /// Where Continue on `step` goes now.
    pub fn next(&self, step: Step) -> Step {
        self.with_policy(|policy, today| {
            self.draft
                .with_untracked(|d| d.next_step(step, policy, today))
        })
        .unwrap_or(Step::Check)
    }

    /// Whether there is a draft the resident could delete.
    pub fn has_draft(&self) -> bool {
        self.draft.with(ComplaintDraft::has_answers) || self.files.with(|f| !f.is_empty())
    }

    /// Forgets the draft and its files, and starts again with a new key.
    pub fn delete_draft(&self) {
        self.draft
            .set(ComplaintDraft::new(storage::new_idempotency_key()));
        self.files.set(Vec::new());
        self.server_errors.set(Vec::new());
    }

    /// The server has the complaint: keep its confirmation, clear the draft.
    pub fn sent(&self, detail: CaseDetail) {
        storage::save(&rules::sent_key(&self.user_id.get_value()), &detail);
        self.sent.set(Some(detail));
        self.delete_draft();
    }
}

/// The app's journey context.
pub fn use_journey() -> Journey {
    expect_context::<Journey>()
}

/// Today on the device, until the server says.
fn device_today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// Continue on a page whose answer screening reads (what happened, when it
/// started): asks the server what the policy says, keeps the answer in the
/// draft, then goes on (to the screening page when it has something to say).
/// Without a connection it goes on anyway: the server screens again on send.
pub fn screening_action<N>(journey: Journey, step: Step, navigate: N) -> ScreeningAction
where
    N: Fn(&str, NavigateOptions) + Clone + 'static,
{
    let action = Action::new_local(|request: &ScreeningRequest| {
        let request = request.clone();
        async move {
            let answer = api::cases::screen(&request).await;
            (request, answer)
        }
    });
    Effect::new(move |_| {
        let Some((request, answer)) = action.value().get() else {
            return;
        };
        if let Ok(answer) = answer {
            journey.draft.update(|d| {
                d.screened(request, answer.results, step);
                d.hazard = answer.hazard;
            });
        }
        navigate(journey.next(step).path(), Default::default());
    });
    action
}

/// Asks the server what the policy says about the answers.
pub type ScreeningAction =
    Action<ScreeningRequest, (ScreeningRequest, Result<ScreeningAnswer, ClientError>)>;

/// Continue for a page that screening reads: screens when the answers changed
/// since the last screening, otherwise goes straight on.
pub fn continue_with_screening<N>(
    journey: Journey,
    step: Step,
    action: ScreeningAction,
    navigate: &N,
) where
    N: Fn(&str, NavigateOptions),
{
    let Some(request) = journey
        .with_policy(|_, today| journey.draft.with_untracked(|d| d.screening_request(today)))
    else {
        return;
    };
    let unchanged = journey
        .draft
        .with_untracked(|d| d.screened_for.as_ref() == Some(&request));
    if unchanged {
        journey.draft.update(|d| {
            if d.refused().is_some() || !d.pending_screening().is_empty() || d.hazard_unread() {
                d.screened_after = Some(step);
            }
        });
        navigate(journey.next(step).path(), Default::default());
    } else {
        action.dispatch(request);
    }
}
