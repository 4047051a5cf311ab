//! A complaint (or a compliment or comment) being written: what the resident
//! has answered so far, kept on the device as they type, which question comes
//! next, what "Check your answers" lists, and the request it becomes.
//!
//! Pure, so tested natively. The pages only bind fields to these values.
//!
//! In parts: the questions and their order (`steps`), the draft and the
//! requests it becomes (`draft`), "Check your answers" (`check`), files
//! chosen on the device (`files`, encoded by `base64`), and the
//! compliment-or-comment draft (`feedback`). The storage keys and shared
//! messages are here.

use crate::i18n::n_;

/// The id of the screening result for a problem older than the time limit
/// (`domain::policy::screening::OUTSIDE_TIME_LIMIT`, not exported).
pub const OUTSIDE_TIME_LIMIT: &str = "outside_time_limit";
/// How the date question names its date in messages.
pub const STARTED_WHAT: &str = n_("the date the problem started");
/// Asked on the screening page when the resident has not chosen.
pub const TIME_LIMIT_REASON_MISSING: &str = n_("Select if one of these applies to you");
/// The "another reason" box on the screening page, left empty.
pub const TIME_LIMIT_OTHER_MISSING: &str = n_("Enter why you could not complain sooner");
/// The contact question, when nothing is chosen (the app pre-selects one).
pub const CHANNEL_MISSING: &str = n_("Select how you would like us to contact you");
/// The feedback form's first question.
pub const FEEDBACK_KIND_MISSING: &str =
    n_("Select if you want to give a compliment or leave a comment");

/// The value of the time-limit choice meaning "another reason".
pub const OTHER_REASON: &str = "other";
/// The value of the time-limit choice meaning "none of these".
pub const NO_REASON: &str = "none";

/// The device storage key of a person's complaint draft.
pub fn draft_key(user_id: &str) -> String {
    format!("complaint_draft.{user_id}")
}
/// The device storage key of the files chosen for a person's draft (kept
/// apart: they are large, and may not fit).
pub fn files_key(user_id: &str) -> String {
    format!("complaint_draft_files.{user_id}")
}
/// The device storage key of the last complaint sent, for its confirmation page.
pub fn sent_key(user_id: &str) -> String {
    format!("complaint_sent.{user_id}")
}
/// The device storage key of a person's compliment-or-comment draft.
pub fn feedback_key(user_id: &str) -> String {
    format!("feedback_draft.{user_id}")
}
/// The device storage key of the last compliment or comment sent.
pub fn feedback_sent_key(user_id: &str) -> String {
    format!("feedback_sent.{user_id}")
}

mod base64;
mod check;
mod draft;
mod feedback;
mod files;
mod steps;

pub use base64::encode_base64;
pub use check::*;
pub use draft::*;
pub use feedback::*;
pub use files::*;
pub use steps::*;

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use domain::api::account::ContactChannel;
    use domain::api::cases::{messages, DETAILS_MAX_CHARS};
    use domain::case::CaseKind;
    use domain::policy::{Policy, ScreeningResult};
    use domain::validation::FieldError;

    use crate::date_input::DateParts;

    fn policy() -> Policy {
        Policy::preset("code-2024")
            .expect("the default preset")
            .effective()
    }
    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 18).unwrap()
    }
    fn parts(d: &str, m: &str, y: &str) -> DateParts {
        DateParts {
            day: d.into(),
            month: m.into(),
            year: y.into(),
        }
    }
    fn complete() -> ComplaintDraft {
        ComplaintDraft {
            category: "communication".into(),
            details: "Nobody answered my letters about the noise".into(),
            started_on: parts("2", "11", "2026"),
            desired_outcome: "An answer and an apology".into(),
            contact_channel: Some(ContactChannel::Email),
            ..ComplaintDraft::new("key-1".into())
        }
    }
    fn fields(errors: &[FieldError]) -> Vec<&str> {
        errors.iter().map(|e| e.field.as_str()).collect()
    }
    fn repair() -> ScreeningResult {
        policy()
            .screen("My boiler is broken", None, today())
            .remove(0)
    }

    #[test]
    fn a_draft_survives_a_round_trip_through_json() {
        let mut draft = complete();
        draft.screened(
            draft.screening_request(today()),
            vec![repair()],
            Step::WhatHappened,
        );
        let text = serde_json::to_string(&draft).unwrap();
        let back: ComplaintDraft = serde_json::from_str(&text).unwrap();
        assert_eq!(back, draft);
    }

    #[test]
    fn an_older_draft_with_missing_fields_still_reads() {
        let back: ComplaintDraft = serde_json::from_str(r#"{"details":"x"}"#).unwrap();
        assert_eq!(back.details, "x");
        assert_eq!(back.idempotency_key, None);
    }

    #[test]
    fn a_new_draft_carries_its_key_and_no_answers() {
        let draft = ComplaintDraft::new("k".into());
        assert_eq!(draft.idempotency_key.as_deref(), Some("k"));
        assert!(!draft.has_answers());
        assert!(complete().has_answers());
    }

    #[test]
    fn drafts_are_kept_per_person() {
        assert_eq!(draft_key("u1"), "complaint_draft.u1");
        assert_ne!(draft_key("u1"), draft_key("u2"));
        assert_ne!(files_key("u1"), draft_key("u1"));
    }

    #[test]
    fn each_empty_page_says_what_to_answer_with_the_shared_messages() {
        let empty = ComplaintDraft::new("k".into());
        let message = |step| {
            empty.validate_step(step, &policy(), today()).unwrap_err()[0]
                .message
                .clone()
        };
        assert_eq!(message(Step::About), messages::CATEGORY_MISSING);
        assert_eq!(message(Step::WhatHappened), messages::DETAILS_MISSING);
        assert_eq!(message(Step::Started), messages::STARTED_MISSING);
        assert_eq!(message(Step::PutRight), messages::OUTCOME_MISSING);
        assert_eq!(message(Step::Contact), CHANNEL_MISSING);
        assert!(empty
            .validate_step(Step::Attachments, &policy(), today())
            .is_ok());
    }

    #[test]
    fn a_start_date_in_the_future_is_refused_with_the_shared_message() {
        let draft = ComplaintDraft {
            started_on: parts("19", "12", "2026"),
            ..complete()
        };
        let errors = draft
            .validate_step(Step::Started, &policy(), today())
            .unwrap_err();
        assert_eq!(errors[0].message, messages::STARTED_IN_FUTURE);
        assert_eq!(errors[0].field, "started_on");
    }

    #[test]
    fn too_long_a_description_is_refused() {
        let draft = ComplaintDraft {
            details: "a".repeat(DETAILS_MAX_CHARS + 1),
            ..complete()
        };
        let errors = draft
            .validate_step(Step::WhatHappened, &policy(), today())
            .unwrap_err();
        assert_eq!(errors[0].message, messages::DETAILS_TOO_LONG);
    }

    #[test]
    fn phone_and_text_need_a_number() {
        let draft = ComplaintDraft {
            contact_channel: Some(ContactChannel::TextMessage),
            ..complete()
        };
        let errors = draft
            .validate_step(Step::Contact, &policy(), today())
            .unwrap_err();
        assert_eq!(fields(&errors), ["contact_phone"]);
        let with_number = ComplaintDraft {
            contact_phone: "07700 900123".into(),
            ..draft
        };
        assert!(with_number
            .validate_step(Step::Contact, &policy(), today())
            .is_ok());
    }

    #[test]
    fn the_questions_come_one_after_another() {
        let draft = complete();
        let next = |from| draft.next_step(from, &policy(), today());
        assert_eq!(next(Step::About), Step::WhatHappened);
        assert_eq!(next(Step::WhatHappened), Step::Started);
        assert_eq!(next(Step::Started), Step::PutRight);
        assert_eq!(next(Step::PutRight), Step::Contact);
        assert_eq!(next(Step::Contact), Step::Attachments);
        assert_eq!(next(Step::Attachments), Step::Check);
    }

    #[test]
    fn back_goes_to_the_previous_question() {
        let draft = complete();
        assert_eq!(draft.previous_step(Step::About), None);
        assert_eq!(draft.previous_step(Step::Started), Some(Step::WhatHappened));
        assert_eq!(draft.previous_step(Step::Check), Some(Step::Attachments));
        let checking = ComplaintDraft {
            checking: true,
            ..complete()
        };
        assert_eq!(checking.previous_step(Step::Started), Some(Step::Check));
    }

    #[test]
    fn a_repair_sounding_description_goes_to_screening_then_on() {
        let mut draft = ComplaintDraft {
            details: "My boiler is broken".into(),
            ..complete()
        };
        draft.screened(
            draft.screening_request(today()),
            vec![repair()],
            Step::WhatHappened,
        );
        assert_eq!(
            draft.next_step(Step::WhatHappened, &policy(), today()),
            Step::Screening
        );
        assert!(draft
            .validate_step(Step::Screening, &policy(), today())
            .is_ok());
        draft.go_on_past_screening();
        assert!(draft.pending_screening().is_empty());
        assert_eq!(
            draft.next_step(Step::WhatHappened, &policy(), today()),
            Step::Started
        );
        assert_eq!(
            draft.next_step(Step::Screening, &policy(), today()),
            Step::Started
        );
        let case = draft.new_case(&[], &policy(), today()).unwrap();
        assert!(case.insist);
    }

    #[test]
    fn black_mould_is_told_what_to_do_now_before_the_next_question_and_the_complaint_goes_on() {
        let text = "Black mould in my son's bedroom";
        let mut draft = ComplaintDraft {
            details: text.into(),
            ..complete()
        };
        draft.screened(draft.screening_request(today()), vec![], Step::WhatHappened);
        draft.hazard = policy().screen_hazard(text);
        assert!(draft.hazard_unread());
        assert_eq!(
            draft.next_step(Step::WhatHappened, &policy(), today()),
            Step::Screening
        );
        draft.go_on_past_screening();
        assert!(!draft.hazard_unread());
        assert_eq!(
            draft.next_step(Step::Screening, &policy(), today()),
            Step::Started
        );
        // Nothing to insist past: the complaint is sent as it is.
        let case = draft.new_case(&[], &policy(), today()).unwrap();
        assert!(!case.insist);
    }

    #[test]
    fn screening_that_has_not_been_read_stops_the_send() {
        let mut draft = ComplaintDraft {
            details: "My boiler is broken".into(),
            ..complete()
        };
        draft.screened(
            draft.screening_request(today()),
            vec![repair()],
            Step::WhatHappened,
        );
        let errors = draft.new_case(&[], &policy(), today()).unwrap_err();
        assert_eq!(fields(&errors), ["screening"]);
        assert_eq!(errors[0].message, messages::SCREENING_NOT_CONFIRMED);
        assert_eq!(Step::for_field("screening"), Some(Step::Screening));
    }

    #[test]
    fn screening_headings_read_kindly() {
        assert_eq!(
            screening_heading(&repair()),
            "This sounds like a repair or a request for a service"
        );
        let old = policy().screen("noise", NaiveDate::from_ymd_opt(2025, 1, 1), today());
        assert_eq!(
            screening_heading(&old[0]),
            "The problem started more than 12 months ago"
        );
    }

    #[test]
    fn a_matter_the_policy_refuses_cannot_be_gone_on_past() {
        let court = policy().screen("It is already before the court", None, today());
        let mut draft = complete();
        draft.screened(draft.screening_request(today()), court, Step::WhatHappened);
        assert!(draft.refused().is_some());
        assert_eq!(
            draft.next_step(Step::WhatHappened, &policy(), today()),
            Step::Screening
        );
        assert!(draft
            .validate_step(Step::Screening, &policy(), today())
            .is_err());
        assert!(draft.new_case(&[], &policy(), today()).is_err());
    }

    #[test]
    fn an_old_problem_asks_which_exception_applies_and_sends_it() {
        let mut draft = ComplaintDraft {
            started_on: parts("1", "6", "2025"),
            ..complete()
        };
        let request = draft.screening_request(today());
        let results = policy().screen(&request.details, request.started_on, today());
        draft.screened(request, results, Step::Started);
        let limit = draft
            .outside_time_limit()
            .expect("outside the time limit")
            .clone();
        assert!(!limit.exceptions.is_empty());
        assert_eq!(
            draft.next_step(Step::Started, &policy(), today()),
            Step::Screening
        );
        let errors = draft
            .validate_step(Step::Screening, &policy(), today())
            .unwrap_err();
        assert_eq!(errors[0].message, TIME_LIMIT_REASON_MISSING);
        draft.time_limit_choice = OTHER_REASON.into();
        assert_eq!(
            draft
                .validate_step(Step::Screening, &policy(), today())
                .unwrap_err()[0]
                .field,
            "time_limit_other"
        );
        draft.time_limit_choice = limit.exceptions[0].clone();
        assert!(draft
            .validate_step(Step::Screening, &policy(), today())
            .is_ok());
        draft.go_on_past_screening();
        assert_eq!(
            draft.next_step(Step::Screening, &policy(), today()),
            Step::PutRight
        );
        let case = draft.new_case(&[], &policy(), today()).unwrap();
        assert_eq!(
            case.time_limit_reason.as_deref(),
            Some(limit.exceptions[0].as_str())
        );
        assert!(case.insist);
    }

    #[test]
    fn once_checking_continue_returns_to_check_your_answers() {
        let draft = ComplaintDraft {
            checking: true,
            ..complete()
        };
        assert_eq!(
            draft.next_step(Step::About, &policy(), today()),
            Step::Check
        );
        let missing = ComplaintDraft {
            desired_outcome: String::new(),
            ..draft
        };
        assert_eq!(
            missing.next_step(Step::About, &policy(), today()),
            Step::PutRight
        );
    }

    #[test]
    fn a_complete_draft_becomes_the_request() {
        let file = read_file("a.pdf", b"%PDF-1.7 hello").unwrap();
        let case = complete()
            .new_case(std::slice::from_ref(&file), &policy(), today())
            .unwrap();
        assert_eq!(case.kind, CaseKind::Complaint);
        assert_eq!(case.category.as_deref(), Some("communication"));
        assert_eq!(case.started_on, NaiveDate::from_ymd_opt(2026, 11, 2));
        assert_eq!(case.contact_phone, None);
        assert!(!case.insist);
        assert_eq!(case.attachments[0].content_type, "application/pdf");
        assert_eq!(case.validate(&policy(), today()), Ok(()));
    }

    #[test]
    fn an_incomplete_draft_names_each_page_to_fix() {
        let errors = ComplaintDraft::new("k".into())
            .new_case(&[], &policy(), today())
            .unwrap_err();
        let steps: Vec<_> = errors
            .iter()
            .filter_map(|e| Step::for_field(&e.field))
            .collect();
        assert_eq!(
            steps,
            [
                Step::About,
                Step::WhatHappened,
                Step::Started,
                Step::PutRight,
                Step::Contact
            ]
        );
    }

    #[test]
    fn server_errors_are_shown_on_their_own_page() {
        let errors = vec![
            FieldError::new("details", messages::DETAILS_MISSING),
            FieldError::new("contact_phone", messages::PHONE_MISSING),
        ];
        assert_eq!(
            fields(&errors_for(Step::WhatHappened, &errors)),
            ["details"]
        );
        assert_eq!(
            fields(&errors_for(Step::Contact, &errors)),
            ["contact_phone"]
        );
        assert!(errors_for(Step::About, &errors).is_empty());
    }

    #[test]
    fn check_your_answers_lists_each_answer_with_its_page() {
        let draft = ComplaintDraft {
            contact_channel: Some(ContactChannel::Phone),
            contact_phone: "07700 900123".into(),
            ..complete()
        };
        let rows = draft.check_rows(&[], &policy(), today());
        let keys: Vec<_> = rows.iter().map(|r| (r.key, r.step)).collect();
        assert_eq!(
            keys,
            [
                ("What it is about", Step::About),
                ("What happened", Step::WhatHappened),
                ("When it started", Step::Started),
                ("What would put it right", Step::PutRight),
                ("How to contact you", Step::Contact),
                ("Confidential", Step::Contact),
                ("Photos and documents", Step::Attachments),
            ]
        );
        assert_eq!(rows[0].value, "Communication");
        assert_eq!(rows[2].value, "2 November 2026");
        assert_eq!(rows[4].value, "Phone call to 07700 900123");
        assert_eq!(rows[5].value, "No");
        assert_eq!(rows[6].value, "No files added");
    }

    #[test]
    fn channels_read_back_from_their_wire_values() {
        for channel in CHANNELS {
            assert_eq!(channel_from_str(channel.as_str()), Some(channel));
        }
        assert_eq!(channel_from_str("pigeon"), None);
    }

    #[test]
    fn files_are_checked_before_they_are_read() {
        assert_eq!(
            check_file_before_reading("image/heic", 10),
            Err(messages::FILE_TYPE)
        );
        assert_eq!(
            check_file_before_reading("image/jpeg", 0),
            Err(messages::FILE_EMPTY)
        );
        assert_eq!(
            check_file_before_reading("image/png", 6 * 1024 * 1024),
            Err(messages::FILE_TOO_BIG)
        );
        assert_eq!(check_file_before_reading("", 10), Ok(()));
        assert_eq!(
            check_file_before_reading("application/pdf", 5 * 1024 * 1024),
            Ok(())
        );
        assert_eq!(check_file_count(4, 1), Ok(()));
        assert_eq!(check_file_count(4, 2), Err(messages::TOO_MANY_FILES));
    }

    #[test]
    fn a_file_is_known_by_its_content_not_its_name() {
        assert_eq!(
            read_file("photo.jpg", b"MZ\x90\x00").unwrap_err(),
            messages::FILE_TYPE
        );
        let png = read_file("scan.pdf", b"\x89PNG\r\n\x1a\nrest").unwrap();
        assert_eq!(png.content_type, "image/png");
        assert_eq!(png.size, 12);
        assert_eq!(
            read_file("empty.pdf", b"").unwrap_err(),
            messages::FILE_EMPTY
        );
    }

    #[test]
    fn file_sizes_read_naturally() {
        assert_eq!(file_size(500), "1 KB");
        assert_eq!(file_size(2_500_000), "2.4 MB");
    }

    #[test]
    fn feedback_needs_a_kind_and_a_message() {
        let empty = FeedbackDraft::new("k".into());
        let errors = empty.new_case().unwrap_err();
        assert_eq!(fields(&errors), ["kind", "details"]);
        assert_eq!(errors[1].message, messages::FEEDBACK_MISSING);
        let compliment = FeedbackDraft {
            kind: "compliment".into(),
            message: " Thank you ".into(),
            ..empty
        };
        let case = compliment.new_case().unwrap();
        assert_eq!(case.kind, CaseKind::Compliment);
        assert_eq!(case.details, "Thank you");
        assert_eq!(case.validate(&policy(), today()), Ok(()));
    }
}
