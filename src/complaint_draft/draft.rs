//! The complaint draft itself: its answers, which question comes next, and
//! the requests it becomes.

use chrono::NaiveDate;
use domain::api::account::ContactChannel;
use domain::api::cases::{messages, NewCase, ScreeningRequest, DETAILS_MAX_CHARS};
use domain::case::CaseKind;
use domain::policy::{HazardScreen, Policy, ScreeningResult};
use domain::validation::{FieldError, Problems};
use serde::{Deserialize, Serialize};

use crate::date_input::DateParts;
use crate::format;
use crate::i18n::{t, tf};

use super::*;

/// The acknowledgement that the resident read what to do about a hazard.
pub const HAZARD_READ: &str = "hazard";

/// Everything answered so far. Files are kept apart (see [`files_key`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ComplaintDraft {
    /// A category id of the policy.
    pub category: String,
    pub details: String,
    pub started_on: DateParts,
    pub desired_outcome: String,
    pub contact_channel: Option<ContactChannel>,
    pub contact_phone: String,
    /// Only the complaints team may know who raised it.
    pub in_confidence: bool,
    /// What screening said last, and for which answers.
    pub screening: Vec<ScreeningResult>,
    pub screened_for: Option<ScreeningRequest>,
    /// The page whose Continue asked for that screening.
    pub screened_after: Option<Step>,
    /// Screening results (by id) the resident read and chose to go on past.
    pub acknowledged: Vec<String>,
    /// A possible hazard the last screening found: the resident is told what
    /// to do now before the next question (acknowledged as [`HAZARD_READ`]).
    pub hazard: Option<HazardScreen>,
    /// The time-limit question: an exception's text, [`OTHER_REASON`] or [`NO_REASON`].
    pub time_limit_choice: String,
    /// The words for [`OTHER_REASON`].
    pub time_limit_other: String,
    /// Set once "Check your answers" is reached: Continue then goes back there.
    pub checking: bool,
    /// One key for this complaint from the start until the server confirms it,
    /// so that a retry can never make a second case.
    pub idempotency_key: Option<String>,
}

impl ComplaintDraft {
    /// A new, empty draft with its own idempotency key.
    pub fn new(idempotency_key: String) -> Self {
        Self {
            idempotency_key: Some(idempotency_key),
            ..Self::default()
        }
    }

    /// Whether the resident has answered anything yet.
    pub fn has_answers(&self) -> bool {
        !self.category.is_empty()
            || !self.details.trim().is_empty()
            || !self.started_on.is_empty()
            || !self.desired_outcome.trim().is_empty()
    }

    /// The date, when the boxes hold a valid one.
    pub fn started_on(&self, today: NaiveDate) -> Option<NaiveDate> {
        self.started_on.parse(STARTED_WHAT, today).ok()
    }

    /// What to ask the server to screen.
    pub fn screening_request(&self, today: NaiveDate) -> ScreeningRequest {
        ScreeningRequest {
            details: self.details.trim().to_owned(),
            started_on: self.started_on(today),
            category: Some(self.category.clone()).filter(|c| !c.is_empty()),
        }
    }

    /// Keeps what screening said after `step`'s Continue.
    pub fn screened(
        &mut self,
        request: ScreeningRequest,
        results: Vec<ScreeningResult>,
        step: Step,
    ) {
        self.screening = results;
        self.screened_for = Some(request);
        self.screened_after = Some(step);
    }

    /// Whether screening found a possible hazard the resident has not yet
    /// been told what to do about.
    pub fn hazard_unread(&self) -> bool {
        self.hazard.is_some() && !self.acknowledged.iter().any(|a| a == HAZARD_READ)
    }

    /// Screening results the resident has not yet read and gone on past.
    pub fn pending_screening(&self) -> Vec<&ScreeningResult> {
        self.screening
            .iter()
            .filter(|r| !self.acknowledged.contains(&r.id))
            .collect()
    }

    /// A screening result that the policy does not let the resident go on past.
    pub fn refused(&self) -> Option<&ScreeningResult> {
        self.screening.iter().find(|r| !r.may_insist)
    }

    /// Whether screening has something to say about the time limit.
    pub fn outside_time_limit(&self) -> Option<&ScreeningResult> {
        self.screening.iter().find(|r| r.id == OUTSIDE_TIME_LIMIT)
    }

    /// The reason sent as `time_limit_reason`, from the screening page's answer.
    pub fn time_limit_reason(&self) -> Option<String> {
        self.outside_time_limit()?;
        match self.time_limit_choice.as_str() {
            "" | NO_REASON => None,
            OTHER_REASON => Some(self.time_limit_other.trim().to_owned()).filter(|s| !s.is_empty()),
            exception => Some(exception.to_owned()),
        }
    }

    /// Checks one page's answers, with the messages the server uses.
    pub fn validate_step(
        &self,
        step: Step,
        policy: &Policy,
        today: NaiveDate,
    ) -> Result<(), Vec<FieldError>> {
        let mut problems = Problems::new();
        match step {
            Step::About => {
                let known = policy.categories.is_empty()
                    || policy.categories.iter().any(|c| c.id == self.category);
                if self.category.is_empty() || !known {
                    problems.add("category", messages::CATEGORY_MISSING);
                }
            }
            Step::WhatHappened => {
                let details = self.details.trim();
                if details.is_empty() {
                    problems.add("details", messages::DETAILS_MISSING);
                } else if details.chars().count() > DETAILS_MAX_CHARS {
                    problems.add("details", messages::DETAILS_TOO_LONG);
                }
            }
            Step::Screening => {
                if let Some(refused) = self.refused() {
                    problems.add("screening", refused_message(refused));
                } else if self
                    .outside_time_limit()
                    .is_some_and(|r| !r.exceptions.is_empty())
                {
                    match self.time_limit_choice.as_str() {
                        "" => problems.add("time_limit_reason", TIME_LIMIT_REASON_MISSING),
                        OTHER_REASON if self.time_limit_other.trim().is_empty() => {
                            problems.add("time_limit_other", TIME_LIMIT_OTHER_MISSING)
                        }
                        _ => {}
                    }
                }
            }
            Step::Started => {
                problems.check("started_on", self.started_on.parse(t(STARTED_WHAT), today));
            }
            Step::PutRight => {
                let outcome = self.desired_outcome.trim();
                if outcome.is_empty() {
                    problems.add("desired_outcome", messages::OUTCOME_MISSING);
                } else if outcome.chars().count() > DETAILS_MAX_CHARS {
                    problems.add("desired_outcome", messages::OUTCOME_TOO_LONG);
                }
            }
            Step::Contact => match self.contact_channel {
                None => problems.add("contact_channel", CHANNEL_MISSING),
                Some(channel)
                    if channel.needs_phone()
                        && !domain::api::account::is_phone_number(self.contact_phone.trim()) =>
                {
                    problems.add("contact_phone", messages::PHONE_MISSING)
                }
                Some(_) => {}
            },
            Step::Attachments | Step::Check => {}
        }
        problems.into_result()
    }

    /// Whether a question has a valid answer (the optional ones always do).
    pub fn is_complete(&self, step: Step, policy: &Policy, today: NaiveDate) -> bool {
        self.validate_step(step, policy, today).is_ok()
    }

    /// The first question still to answer, if any.
    pub fn first_incomplete(&self, policy: &Policy, today: NaiveDate) -> Option<Step> {
        QUESTIONS
            .into_iter()
            .find(|s| !self.is_complete(*s, policy, today))
    }

    /// Where Continue on `from` goes: screening when it has something new to
    /// say, back to "Check your answers" once that has been reached, otherwise
    /// the next question.
    pub fn next_step(&self, from: Step, policy: &Policy, today: NaiveDate) -> Step {
        let screened_here = self.screened_after == Some(from);
        if from != Step::Screening
            && screened_here
            && (self.refused().is_some()
                || !self.pending_screening().is_empty()
                || self.hazard_unread())
        {
            return Step::Screening;
        }
        if self.checking {
            return self.first_incomplete(policy, today).unwrap_or(Step::Check);
        }
        let after = if from == Step::Screening {
            self.screened_after.unwrap_or(Step::WhatHappened)
        } else {
            from
        };
        let position = QUESTIONS.iter().position(|s| *s == after);
        position
            .and_then(|i| QUESTIONS.get(i + 1).copied())
            .unwrap_or(Step::Check)
    }

    /// Where the Back link goes from `step`.
    pub fn previous_step(&self, step: Step) -> Option<Step> {
        if self.checking && step != Step::Check {
            return Some(Step::Check);
        }
        match step {
            Step::About => None,
            Step::Screening => Some(self.screened_after.unwrap_or(Step::WhatHappened)),
            Step::Check => Some(Step::Attachments),
            other => {
                let i = QUESTIONS.iter().position(|s| *s == other)?;
                let previous = QUESTIONS[i - 1];
                Some(previous)
            }
        }
    }

    /// The resident read the screening and chose to go on.
    pub fn go_on_past_screening(&mut self) {
        if self.hazard_unread() {
            self.acknowledged.push(HAZARD_READ.to_owned());
        }
        for result in &self.screening {
            if !self.acknowledged.contains(&result.id) {
                self.acknowledged.push(result.id.clone());
            }
        }
    }

    /// The request to send, or every problem with the answers, each keyed by
    /// its API field (see [`Step::for_field`] for the page it belongs on).
    pub fn new_case(
        &self,
        files: &[DraftFile],
        policy: &Policy,
        today: NaiveDate,
    ) -> Result<NewCase, Vec<FieldError>> {
        let mut errors = Vec::new();
        for step in QUESTIONS {
            if let Err(found) = self.validate_step(step, policy, today) {
                errors.extend(found);
            }
        }
        if let Some(refused) = self.refused() {
            errors.push(FieldError::new("screening", refused_message(refused)));
        } else if !self.pending_screening().is_empty() {
            errors.push(FieldError::new(
                "screening",
                messages::SCREENING_NOT_CONFIRMED,
            ));
        }
        let case = NewCase {
            kind: CaseKind::Complaint,
            category: Some(self.category.clone()),
            details: self.details.trim().to_owned(),
            started_on: self.started_on(today),
            desired_outcome: Some(self.desired_outcome.trim().to_owned()),
            contact_channel: self.contact_channel,
            contact_phone: self
                .contact_channel
                .filter(|c| c.needs_phone())
                .map(|_| self.contact_phone.trim().to_owned()),
            attachments: files.iter().map(DraftFile::attachment).collect(),
            insist: self.acknowledged.iter().any(|a| a != HAZARD_READ),
            time_limit_reason: self.time_limit_reason(),
            on_behalf_of: None,
            in_confidence: self.in_confidence,
        };
        if errors.is_empty() {
            if let Err(found) = case.validate(policy, today) {
                errors.extend(found);
            }
        }
        if errors.is_empty() {
            Ok(case)
        } else {
            Err(errors)
        }
    }

    /// The rows of "Check your answers".
    pub fn check_rows(
        &self,
        files: &[DraftFile],
        policy: &Policy,
        today: NaiveDate,
    ) -> Vec<CheckRow> {
        let or_not_answered = |s: String| {
            if s.trim().is_empty() {
                t(NOT_ANSWERED).to_owned()
            } else {
                s
            }
        };
        let category = policy
            .categories
            .iter()
            .find(|c| c.id == self.category)
            .map(|c| c.label.clone())
            .unwrap_or_default();
        let mut rows = vec![
            CheckRow::new(
                t("What it is about"),
                or_not_answered(category),
                Step::About,
                t("what your complaint is about"),
            ),
            CheckRow::new(
                t("What happened"),
                or_not_answered(self.details.trim().to_owned()),
                Step::WhatHappened,
                t("what happened"),
            ),
        ];
        if self.time_limit_reason().is_some() || self.time_limit_choice == NO_REASON {
            let reason = self
                .time_limit_reason()
                .unwrap_or_else(|| t("None of these apply").to_owned());
            rows.push(CheckRow::new(
                t("Why you are complaining now"),
                reason,
                Step::Screening,
                t("why you are complaining now"),
            ));
        }
        let started = self.started_on(today).map(format::date).unwrap_or_default();
        rows.push(CheckRow::new(
            t("When it started"),
            or_not_answered(started),
            Step::Started,
            t("when the problem started"),
        ));
        rows.push(CheckRow::new(
            t("What would put it right"),
            or_not_answered(self.desired_outcome.trim().to_owned()),
            Step::PutRight,
            t("what would put things right"),
        ));
        let contact = match self.contact_channel {
            None => t(NOT_ANSWERED).to_owned(),
            Some(channel) if channel.needs_phone() => tf(
                "{channel} to {phone_number}",
                &[
                    ("channel", &channel_label(channel)),
                    ("phone_number", &self.contact_phone.trim()),
                ],
            ),
            Some(channel) => channel_label(channel).to_owned(),
        };
        rows.push(CheckRow::new(
            t("How to contact you"),
            contact,
            Step::Contact,
            t("how to contact you"),
        ));
        rows.push(CheckRow::new(
            t("Confidential"),
            if self.in_confidence {
                t("Yes: only the complaints team will know it is you").to_owned()
            } else {
                t("No").to_owned()
            },
            Step::Contact,
            t("whether your complaint is confidential"),
        ));
        let names = if files.is_empty() {
            t("No files added").to_owned()
        } else {
            files
                .iter()
                .map(|f| f.filename.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        };
        rows.push(CheckRow::new(
            t("Photos and documents"),
            names,
            Step::Attachments,
            t("photos and documents"),
        ));
        rows
    }
}
