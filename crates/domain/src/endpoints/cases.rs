//! Cases, as residents (and advocates) use them. Someone who may not see a
//! case is answered 404 for all of it.

use crate::api::cases::{
    CaseDetail, CaseSummary, DefinitionQueryRequest, EscalationRequest, NewCase, NewInformation,
    PanelRequest, SatisfactionRequest, ScreeningAnswer, ScreeningRequest, WithdrawalRequest,
};
use crate::endpoint::Access::SignedIn;
use crate::endpoint::{Access, NoBody, RetryKey};
use crate::equality::{EqualityAnswers, EqualityQuestions};

endpoints! {
    ScreenCase: POST "/cases/screening" {
        const OPERATION: &'static str = "screen_case";
        const SUMMARY: &'static str = "What the policy says before a complaint is sent";
        const ACCESS: Access = SignedIn;
        type Request = ScreeningRequest;
        type Answer = ScreeningAnswer;
        const ERRORS: &'static [u16] = &[403];
    }

    CreateCase: POST "/cases" {
        const OPERATION: &'static str = "create_case";
        const SUMMARY: &'static str = "Raise a complaint, compliment or comment (Idempotency-Key header required)";
        const ACCESS: Access = SignedIn;
        type Request = NewCase;
        type Answer = CaseDetail;
        const STATUS: u16 = 201;
        const ERRORS: &'static [u16] = &[403, 404];
        const RETRY_KEY: RetryKey = RetryKey::Required;
    }

    ListCases: GET "/cases" {
        const OPERATION: &'static str = "list_cases";
        const SUMMARY: &'static str = "Your cases, newest first (an advocate: the cases you may see; staff: the queue), a page at a time";
        const ACCESS: Access = SignedIn;
        type Request = NoBody;
        type Answer = Vec<CaseSummary>;
        const ERRORS: &'static [u16] = &[400];
        const PAGED: bool = true;
    }

    GetCase: GET "/cases/{id}" {
        const OPERATION: &'static str = "get_case";
        const SUMMARY: &'static str = "One case: status, due dates and how they were counted, timeline, actions";
        const ACCESS: Access = SignedIn;
        type Request = NoBody;
        type Answer = CaseDetail;
        const ERRORS: &'static [u16] = &[404];
    }

    AddInformation: POST "/cases/{id}/information" {
        const OPERATION: &'static str = "add_information";
        const SUMMARY: &'static str = "Add information";
        const ACCESS: Access = SignedIn;
        type Request = NewInformation;
        type Answer = CaseDetail;
        const ERRORS: &'static [u16] = &[403, 404, 409];
        const RETRY_KEY: RetryKey = RetryKey::Optional;
    }

    QueryDefinition: POST "/cases/{id}/definition-query" {
        const OPERATION: &'static str = "query_definition";
        const SUMMARY: &'static str = "Say what the complaint definition got wrong (Code 5.6)";
        const ACCESS: Access = SignedIn;
        type Request = DefinitionQueryRequest;
        type Answer = CaseDetail;
        const ERRORS: &'static [u16] = &[403, 404, 409];
        const RETRY_KEY: RetryKey = RetryKey::Optional;
    }

    RequestEscalation: POST "/cases/{id}/escalation" {
        const OPERATION: &'static str = "request_escalation";
        const SUMMARY: &'static str = "Ask for the next stage (no reason required)";
        const ACCESS: Access = SignedIn;
        type Request = EscalationRequest;
        type Answer = CaseDetail;
        const ERRORS: &'static [u16] = &[403, 404, 409];
        const RETRY_KEY: RetryKey = RetryKey::Optional;
    }

    RequestPanel: POST "/cases/{id}/panel" {
        const OPERATION: &'static str = "request_panel";
        const SUMMARY: &'static str = "Ask for a stage 3 panel";
        const ACCESS: Access = SignedIn;
        type Request = PanelRequest;
        type Answer = CaseDetail;
        const ERRORS: &'static [u16] = &[403, 404, 409];
        const RETRY_KEY: RetryKey = RetryKey::Optional;
    }

    WithdrawCase: POST "/cases/{id}/withdrawal" {
        const OPERATION: &'static str = "withdraw_case";
        const SUMMARY: &'static str = "Withdraw a complaint";
        const ACCESS: Access = SignedIn;
        type Request = WithdrawalRequest;
        type Answer = CaseDetail;
        const ERRORS: &'static [u16] = &[403, 404, 409];
        const RETRY_KEY: RetryKey = RetryKey::Optional;
    }

    RecordSatisfaction: POST "/cases/{id}/satisfaction" {
        const OPERATION: &'static str = "record_satisfaction";
        const SUMMARY: &'static str = "Say whether the response satisfied you";
        const ACCESS: Access = SignedIn;
        type Request = SatisfactionRequest;
        type Answer = CaseDetail;
        const ERRORS: &'static [u16] = &[403, 404, 409];
        const RETRY_KEY: RetryKey = RetryKey::Optional;
    }

    /// Equality monitoring (Pioneer §11): the resident's own optional
    /// answers about a case of theirs. Anyone else, staff and advocates
    /// included, is answered 404, as is a case under a policy that does
    /// not monitor.
    GetEqualityQuestions: GET "/cases/{id}/equality" {
        const OPERATION: &'static str = "get_equality_questions";
        const SUMMARY: &'static str = "The optional equality monitoring questions about a case of yours, and your answers";
        const ACCESS: Access = SignedIn;
        type Request = NoBody;
        type Answer = EqualityQuestions;
        const ERRORS: &'static [u16] = &[404];
    }

    SaveEqualityAnswers: PUT "/cases/{id}/equality" {
        const OPERATION: &'static str = "save_equality_answers";
        const SUMMARY: &'static str = "Replace your equality monitoring answers about a case (none answered takes them away)";
        const ACCESS: Access = SignedIn;
        type Request = EqualityAnswers;
        type Answer = EqualityQuestions;
        const ERRORS: &'static [u16] = &[404];
    }

    /// A file sent with a case (its content types are in the document beside
    /// this declaration).
    DownloadAttachment: GET "/cases/{id}/attachments/{attachment_id}" {
        const OPERATION: &'static str = "download_attachment";
        const SUMMARY: &'static str = "An attachment's file";
        const ACCESS: Access = SignedIn;
        type Request = NoBody;
        type Answer = NoBody;
        const ERRORS: &'static [u16] = &[404];
    }
}
