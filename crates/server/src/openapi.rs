//! `GET /api/v1/openapi.json`: an OpenAPI 3.1 document of the API, built from
//! the code: every request and response body's schema is generated from the
//! wire types in `domain::api` (and the others they hold), so the document
//! cannot drift from what the handlers take and answer. The operation table
//! below names which type each route takes and answers; the integration tests
//! check that every operation in it is really routed and that real answers
//! validate against their schemas.

use std::sync::OnceLock;

use axum::routing::get;
use axum::Router;
use domain::api::account::{OutboxMessage, Preferences, Registration, Session, SignIn};
use domain::api::authorisations::{ActingFor, AuthorisationView, NewAuthorisation, Verification};
use domain::api::cases::{
    CaseDetail, CaseSummary, Caseworker, EscalationRequest, NewCase, NewInformation, PanelRequest,
    SatisfactionRequest, ScreeningAnswer, ScreeningRequest, StaffActionRequest, WithdrawalRequest,
};
use domain::api::{
    BankHolidays, Health, PolicyDetail, PolicySummary, WorkingDaysAnswer, WorkingDaysBetweenAnswer,
};
use domain::compliance::Finding;
use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, SchemaGenerator};
use serde_json::{json, Map, Value};

use crate::clock::ClockSetting;
use crate::error::ErrorBody;
use crate::extract::Json;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/openapi.json", get(get_openapi))
}

async fn get_openapi() -> Json<Value> {
    Json(document().clone())
}

/// Who may call an operation.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Access {
    Public,
    SignedIn,
    Staff,
}

struct Builder {
    generator: SchemaGenerator,
    paths: Map<String, Value>,
}

impl Builder {
    fn schema<T: JsonSchema>(&mut self) -> Value {
        serde_json::to_value(self.generator.subschema_for::<T>()).expect("a schema is JSON")
    }

    #[allow(clippy::too_many_arguments)]
    fn op(
        &mut self,
        method: &str,
        path: &str,
        id: &str,
        summary: &str,
        access: Access,
        request: Option<Value>,
        success: (u16, Option<Value>),
        errors: &[u16],
    ) {
        let mut responses = Map::new();
        let (status, body) = success;
        let description = match status {
            201 => "Created",
            202 => "Accepted",
            204 => "No content",
            _ => "OK",
        };
        responses.insert(
            status.to_string(),
            match body {
                Some(schema) => json!({
                    "description": description,
                    "content": { "application/json": { "schema": schema } }
                }),
                None => json!({ "description": description }),
            },
        );
        let mut all_errors: Vec<u16> = errors.to_vec();
        if access != Access::Public {
            all_errors.push(401);
        }
        if access == Access::Staff {
            all_errors.push(403);
        }
        if request.is_some() {
            all_errors.extend([400, 413, 415, 422]);
        }
        all_errors.push(500);
        all_errors.sort_unstable();
        all_errors.dedup();
        for code in all_errors {
            responses.insert(
                code.to_string(),
                json!({ "$ref": format!("#/components/responses/Error{code}") }),
            );
        }
        let parameters: Vec<Value> = path
            .split('/')
            .filter_map(|segment| segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
            .map(|name| json!({ "name": name, "in": "path", "required": true, "schema": { "type": "string" } }))
            .collect();
        let mut operation = json!({
            "operationId": id,
            "summary": summary,
            "tags": [path.trim_start_matches('/').split('/').next().unwrap_or("")],
            "responses": responses,
        });
        if !parameters.is_empty() {
            operation["parameters"] = Value::Array(parameters);
        }
        if let Some(schema) = request {
            operation["requestBody"] = json!({
                "required": true,
                "content": { "application/json": { "schema": schema } }
            });
        }
        if access == Access::Public {
            operation["security"] = json!([]);
        }
        let item = self
            .paths
            .entry(path.to_owned())
            .or_insert_with(|| json!({}));
        item[method] = operation;
    }

    /// The optional `Idempotency-Key` header of a case action or a new authorisation.
    fn retry_key(&mut self, method: &str, path: &str) {
        let key = json!({
            "name": "Idempotency-Key",
            "in": "header",
            "required": false,
            "description": "Sent again with the same key and body, the write is not made twice: the first answer is given again",
            "schema": { "type": "string", "minLength": 1, "maxLength": 255 }
        });
        match self.paths[path][method]["parameters"].as_array_mut() {
            Some(parameters) => parameters.push(key),
            None => self.paths[path][method]["parameters"] = json!([key]),
        }
    }

    fn query(&mut self, method: &str, path: &str, params: &[(&str, &str, bool)]) {
        let parameters: Vec<Value> = params
            .iter()
            .map(|(name, kind, required)| {
                json!({ "name": name, "in": "query", "required": required, "schema": { "type": kind } })
            })
            .collect();
        self.paths[path][method]["parameters"] = Value::Array(parameters);
    }

    /// A list with keyset pages ([`crate::page`]): `limit` and `after`, and
    /// a `Link` to the next page on the answer.
    fn paged(&mut self, method: &str, path: &str) {
        let op = &mut self.paths[path][method];
        if !op["parameters"].is_array() {
            op["parameters"] = json!([]);
        }
        if let Some(parameters) = op["parameters"].as_array_mut() {
            parameters.push(json!({ "name": "limit", "in": "query", "required": false,
                "description": "How many to answer with (50 when left out)",
                "schema": { "type": "integer", "minimum": 1, "maximum": crate::page::MAX_LIMIT } }));
            parameters.push(json!({ "name": "after", "in": "query", "required": false,
                "description": "The cursor from the previous answer's Link header",
                "schema": { "type": "string", "maxLength": 512 } }));
        }
        op["responses"]["200"]["headers"] = json!({ "Link": {
            "description": "`<…>; rel=\"next\"`: the address of the next page, when there is one",
            "schema": { "type": "string" } } });
    }
}

/// The second step of a staff or admin sign-in: `POST /session` answers 202
/// for them, with a cookie that only these operations read (401 without it).
fn second_factor_operations(b: &mut Builder) {
    use domain::api::second_factor::{
        NewRecoveryCodes, RecoveryCodes, RecoveryCodesLeft, SecondFactorCode,
        SecondFactorConfirmed, SecondFactorNeeded, SecondFactorSetup,
    };
    let needed = b.schema::<SecondFactorNeeded>();
    b.paths["/session"]["post"]["responses"]["202"] = json!({
        "description": "Accepted: the password is right, and a staff or admin account gives a \
                        second factor next (a cookie for the second-factor operations is set)",
        "content": { "application/json": { "schema": needed.clone() } }
    });
    b.op(
        "get",
        "/session/second-factor",
        "get_second_factor_step",
        "What a pending staff or admin sign-in needs next",
        Access::SignedIn,
        None,
        (200, Some(needed)),
        &[],
    );
    let code = b.schema::<SecondFactorCode>();
    let session = b.schema::<Session>();
    b.op(
        "post",
        "/session/second-factor",
        "create_session_second_factor",
        "Finish signing in with a code from the authenticator app or a recovery code \
         (each step and each recovery code works once; wrong codes are throttled)",
        Access::SignedIn,
        Some(code.clone()),
        (200, Some(session)),
        &[409, 429],
    );
    let setup = b.schema::<SecondFactorSetup>();
    b.op(
        "post",
        "/session/second-factor/setup",
        "set_up_second_factor",
        "The key to add to an authenticator app (the same until it is confirmed, never after)",
        Access::SignedIn,
        None,
        (200, Some(setup)),
        &[409],
    );
    let confirmed = b.schema::<SecondFactorConfirmed>();
    b.op(
        "post",
        "/session/second-factor/setup/confirmation",
        "confirm_second_factor",
        "Confirm the key with a code from the app: gives 10 recovery codes, once, and signs in",
        Access::SignedIn,
        Some(code),
        (200, Some(confirmed)),
        &[409, 429],
    );
    let left = b.schema::<RecoveryCodesLeft>();
    b.op(
        "get",
        "/account/recovery-codes",
        "get_recovery_codes_left",
        "How many of a staff or admin account's recovery codes are still unused",
        Access::SignedIn,
        None,
        (200, Some(left)),
        &[403],
    );
    let new_codes = b.schema::<NewRecoveryCodes>();
    let codes = b.schema::<RecoveryCodes>();
    b.op(
        "post",
        "/account/recovery-codes",
        "make_new_recovery_codes",
        "New recovery codes in place of the old ones (the password confirms it), shown this once",
        Access::SignedIn,
        Some(new_codes),
        (200, Some(codes)),
        &[403, 409, 429, 503],
    );
}

/// The document, built once.
pub fn document() -> &'static Value {
    static DOCUMENT: OnceLock<Value> = OnceLock::new();
    DOCUMENT.get_or_init(build)
}

fn build() -> Value {
    let settings = SchemaSettings::draft2020_12().with(|s| {
        s.definitions_path = "/components/schemas".into();
    });
    let mut b = Builder {
        generator: settings.into_generator(),
        paths: Map::new(),
    };
    use Access::{Public, SignedIn, Staff};

    let health = b.schema::<Health>();
    b.op(
        "get",
        "/health",
        "get_health",
        "Is the service up, and does its database answer?",
        Public,
        None,
        (200, Some(health)),
        &[503],
    );

    let working_days = b.schema::<WorkingDaysAnswer>();
    b.op(
        "get",
        "/calendar/working-days",
        "add_working_days",
        "The nth working day after a date, with the days skipped",
        Public,
        None,
        (200, Some(working_days)),
        &[422],
    );
    b.query(
        "get",
        "/calendar/working-days",
        &[("from", "string", true), ("days", "integer", true)],
    );
    let between = b.schema::<WorkingDaysBetweenAnswer>();
    b.op(
        "get",
        "/calendar/working-days-between",
        "count_working_days",
        "Working days d with from < d <= to",
        Public,
        None,
        (200, Some(between)),
        &[422],
    );
    b.query(
        "get",
        "/calendar/working-days-between",
        &[("from", "string", true), ("to", "string", true)],
    );
    let holidays = b.schema::<BankHolidays>();
    b.op(
        "get",
        "/calendar/bank-holidays",
        "list_bank_holidays",
        "England and Wales bank holidays in a year",
        Public,
        None,
        (200, Some(holidays)),
        &[422],
    );
    b.query(
        "get",
        "/calendar/bank-holidays",
        &[("year", "integer", true)],
    );

    let summaries = b.schema::<Vec<PolicySummary>>();
    b.op(
        "get",
        "/policies",
        "list_policies",
        "Every policy the portal can run",
        Public,
        None,
        (200, Some(summaries)),
        &[],
    );
    let detail = b.schema::<PolicyDetail>();
    b.op(
        "get",
        "/policies/active",
        "get_active_policy",
        "The policy new complaints run under",
        Public,
        None,
        (200, Some(detail.clone())),
        &[],
    );
    b.op(
        "get",
        "/policies/{id}",
        "get_policy",
        "One policy, as written and as run",
        Public,
        None,
        (200, Some(detail)),
        &[404],
    );
    let findings = b.schema::<Vec<Finding>>();
    b.op(
        "get",
        "/policies/{id}/compliance",
        "get_compliance",
        "How a policy compares with the Complaint Handling Code 2024",
        Public,
        None,
        (200, Some(findings)),
        &[404],
    );

    let registration = b.schema::<Registration>();
    let session = b.schema::<Session>();
    b.op(
        "post",
        "/accounts",
        "register_account",
        "Register a resident or advocate account. The answer is the same whether or not the address has an account: the address is emailed a link to finish (or told it already has an account), and nobody is signed in until the link is opened",
        Public,
        Some(registration),
        (202, None),
        &[403, 503],
    );
    let confirmation = b.schema::<domain::api::account::EmailConfirmation>();
    b.op(
        "post",
        "/accounts/verification",
        "confirm_email",
        "Prove an email address with the token from the link sent to it (single use, 24 hours) and the account's password, and sign in",
        Public,
        Some(confirmation),
        (200, Some(session.clone())),
        &[422, 429, 503],
    );
    b.op(
        "post",
        "/accounts/verification-link",
        "send_verification_link",
        "Send a new link to prove the signed-in account's email address (3 an hour)",
        SignedIn,
        None,
        (202, None),
        &[409, 429],
    );
    let sign_in = b.schema::<SignIn>();
    b.op(
        "post",
        "/session",
        "create_session",
        "Sign in",
        Public,
        Some(sign_in),
        (200, Some(session.clone())),
        &[401, 403, 429, 503],
    );
    b.op(
        "get",
        "/session",
        "get_session",
        "Who is signed in",
        SignedIn,
        None,
        (200, Some(session)),
        &[],
    );
    b.op(
        "delete",
        "/session",
        "delete_session",
        "Sign out",
        Public,
        None,
        (204, None),
        &[403],
    );
    account_security(&mut b);
    second_factor_operations(&mut b);
    let preferences = b.schema::<Preferences>();
    b.op(
        "get",
        "/preferences",
        "get_preferences",
        "Accessibility and communication preferences",
        SignedIn,
        None,
        (200, Some(preferences.clone())),
        &[],
    );
    b.op(
        "put",
        "/preferences",
        "update_preferences",
        "Replace the preferences",
        SignedIn,
        Some(preferences.clone()),
        (200, Some(preferences)),
        &[403],
    );
    let outbox = b.schema::<Vec<OutboxMessage>>();
    b.op(
        "get",
        "/outbox",
        "list_outbox",
        "Messages to residents, and whether they were delivered, newest first, a page at a time",
        Staff,
        None,
        (200, Some(outbox)),
        &[400],
    );
    b.paged("get", "/outbox");

    let screening = b.schema::<ScreeningRequest>();
    let screened = b.schema::<ScreeningAnswer>();
    b.op(
        "post",
        "/cases/screening",
        "screen_case",
        "What the policy says before a complaint is sent",
        SignedIn,
        Some(screening),
        (200, Some(screened)),
        &[403],
    );
    let new_case = b.schema::<NewCase>();
    let case = b.schema::<CaseDetail>();
    let cases = b.schema::<Vec<CaseSummary>>();
    b.op(
        "post",
        "/cases",
        "create_case",
        "Raise a complaint, compliment or comment (Idempotency-Key header required)",
        SignedIn,
        Some(new_case),
        (201, Some(case.clone())),
        &[403, 404],
    );
    b.paths["/cases"]["post"]["parameters"] = json!([{ "name": "Idempotency-Key", "in": "header", "required": true, "schema": { "type": "string" } }]);
    b.op(
        "get",
        "/cases",
        "list_cases",
        "Your cases, newest first (an advocate: the cases you may see; staff: the queue), a page at a time",
        SignedIn,
        None,
        (200, Some(cases.clone())),
        &[400],
    );
    b.paged("get", "/cases");
    b.op(
        "get",
        "/cases/{id}",
        "get_case",
        "One case: status, due dates and how they were counted, timeline, actions",
        SignedIn,
        None,
        (200, Some(case.clone())),
        &[404],
    );
    let resident_actions: [(&str, &str, &str, Value); 5] = [
        (
            "information",
            "add_information",
            "Add information",
            b.schema::<NewInformation>(),
        ),
        (
            "escalation",
            "request_escalation",
            "Ask for the next stage (no reason required)",
            b.schema::<EscalationRequest>(),
        ),
        (
            "panel",
            "request_panel",
            "Ask for a stage 3 panel",
            b.schema::<PanelRequest>(),
        ),
        (
            "withdrawal",
            "withdraw_case",
            "Withdraw a complaint",
            b.schema::<WithdrawalRequest>(),
        ),
        (
            "satisfaction",
            "record_satisfaction",
            "Say whether the response satisfied you",
            b.schema::<SatisfactionRequest>(),
        ),
    ];
    for (segment, id, summary, request) in resident_actions {
        b.op(
            "post",
            &format!("/cases/{{id}}/{segment}"),
            id,
            summary,
            SignedIn,
            Some(request),
            (200, Some(case.clone())),
            &[403, 404, 409],
        );
        b.retry_key("post", &format!("/cases/{{id}}/{segment}"));
    }
    b.op(
        "get",
        "/cases/{id}/attachments/{attachment_id}",
        "download_attachment",
        "An attachment's file",
        SignedIn,
        None,
        (200, None),
        &[404],
    );
    b.paths["/cases/{id}/attachments/{attachment_id}"]["get"]["responses"]["200"] = json!({
        "description": "The file",
        "content": {
            "image/jpeg": { "schema": { "type": "string", "contentMediaType": "image/jpeg" } },
            "image/png": { "schema": { "type": "string", "contentMediaType": "image/png" } },
            "application/pdf": { "schema": { "type": "string", "contentMediaType": "application/pdf" } }
        }
    });

    b.op(
        "get",
        "/staff/cases",
        "list_queue",
        "The staff queue, the soonest due first, a page at a time",
        Staff,
        None,
        (200, Some(cases)),
        &[400],
    );
    b.query(
        "get",
        "/staff/cases",
        &[
            ("stage", "integer", false),
            ("status", "string", false),
            ("overdue", "boolean", false),
            ("caseworker", "string", false),
        ],
    );
    b.paths["/staff/cases"]["get"]["parameters"][3]["schema"]["maxLength"] = json!(64);
    b.paths["/staff/cases"]["get"]["parameters"][3]["description"] =
        json!("`mine`, `none` (nobody assigned), or a caseworker's id");
    b.paged("get", "/staff/cases");
    // Who handles a case (issue 16, item 5).
    let caseworkers = b.schema::<Vec<Caseworker>>();
    b.op(
        "get",
        "/staff/caseworkers",
        "list_caseworkers",
        "The staff who can be assigned a case, by name, a page at a time",
        Staff,
        None,
        (200, Some(caseworkers)),
        &[400],
    );
    b.paged("get", "/staff/caseworkers");
    // Complaints from any channel (issue 16, item 1).
    let staff_new_case = b.schema::<domain::api::staff_cases::StaffNewCase>();
    b.op(
        "post",
        "/staff/cases",
        "raise_case_for_resident",
        "Raise a complaint, compliment or comment that came by phone, letter, email, in person or otherwise, for a resident or someone without an account",
        Staff,
        Some(staff_new_case),
        (201, Some(case.clone())),
        &[409],
    );
    b.retry_key("post", "/staff/cases");
    if let Some(key) = b.paths["/staff/cases"]["post"]["parameters"]
        .as_array_mut()
        .and_then(|p| p.last_mut())
    {
        key["required"] = json!(true);
    }
    let residents = b.schema::<Vec<domain::api::staff_cases::ResidentMatch>>();
    b.op(
        "get",
        "/staff/residents",
        "find_residents",
        "Residents whose name, email address or telephone number holds the text, or with a case of that reference",
        Staff,
        None,
        (200, Some(residents)),
        &[400, 422],
    );
    b.query("get", "/staff/residents", &[("q", "string", true)]);
    b.paths["/staff/residents"]["get"]["parameters"][0]["schema"]["minLength"] = json!(2);
    b.paths["/staff/residents"]["get"]["parameters"][0]["schema"]["maxLength"] = json!(254);
    b.paged("get", "/staff/residents");
    let staff_action = b.schema::<StaffActionRequest>();
    b.op(
        "post",
        "/cases/{id}/staff-actions",
        "record_staff_action",
        "Record one staff event on a case",
        Staff,
        Some(staff_action),
        (200, Some(case)),
        &[404, 409],
    );
    b.retry_key("post", "/cases/{id}/staff-actions");

    let new_authorisation = b.schema::<NewAuthorisation>();
    let authorisation = b.schema::<AuthorisationView>();
    let authorisations = b.schema::<Vec<AuthorisationView>>();
    b.op(
        "post",
        "/authorisations",
        "create_authorisation",
        "A resident invites an advocate, or an advocate files a signed form",
        SignedIn,
        Some(new_authorisation),
        (201, Some(authorisation.clone())),
        &[403, 429],
    );
    b.op(
        "get",
        "/authorisations",
        "list_authorisations",
        "Authorisations given or held, newest first, or (staff, without a status) the signed \
         forms to verify, oldest first; a page at a time",
        SignedIn,
        None,
        (200, Some(authorisations)),
        // An unknown `status` is a field error on "status"; a bad page, 400.
        &[400, 422],
    );
    b.retry_key("post", "/authorisations");
    b.query("get", "/authorisations", &[("status", "string", false)]);
    b.paths["/authorisations"]["get"]["parameters"][0]["schema"] = json!({
        "type": "string",
        "enum": ["pending", "active", "expired", "revoked", "rejected"],
        "description": "Only authorisations with this status; any other value is refused with 422 on `status`"
    });
    b.paged("get", "/authorisations");
    b.op(
        "get",
        "/authorisations/{id}",
        "get_authorisation",
        "One authorisation",
        SignedIn,
        None,
        (200, Some(authorisation.clone())),
        &[404],
    );
    b.op(
        "delete",
        "/authorisations/{id}",
        "revoke_authorisation",
        "Revoke at once",
        SignedIn,
        None,
        (200, Some(authorisation.clone())),
        &[403, 404, 409],
    );
    b.op(
        "post",
        "/authorisations/{id}/revocation",
        "revoke_authorisation_by_post",
        "Revoke at once",
        SignedIn,
        None,
        (200, Some(authorisation.clone())),
        &[403, 404, 409],
    );
    b.op(
        "post",
        "/authorisations/{id}/acceptance",
        "accept_authorisation",
        "The invited advocate accepts",
        SignedIn,
        None,
        (200, Some(authorisation.clone())),
        &[403, 404, 409],
    );
    let verification = b.schema::<Verification>();
    b.op(
        "post",
        "/authorisations/{id}/verification",
        "verify_authorisation",
        "Staff verify or reject a signed form",
        Staff,
        Some(verification),
        (200, Some(authorisation)),
        &[404, 409],
    );
    b.op(
        "get",
        "/authorisations/{id}/evidence",
        "get_evidence",
        "The signed authorisation form",
        SignedIn,
        None,
        (200, None),
        &[404],
    );
    let acting_for = b.schema::<Vec<ActingFor>>();
    b.op(
        "get",
        "/advocate/residents",
        "list_advocate_residents",
        "The residents an advocate acts for, with their cases in scope, newest first, a page at a time",
        SignedIn,
        None,
        (200, Some(acting_for)),
        &[400, 403],
    );
    b.paged("get", "/advocate/residents");

    let clock = b.schema::<ClockSetting>();
    b.op(
        "put",
        "/test/clock",
        "set_clock",
        "Move the clock (only with --allow-clock-changes; 404 otherwise)",
        Public,
        Some(clock.clone()),
        (200, Some(clock)),
        &[404],
    );
    b.op(
        "get",
        "/openapi.json",
        "get_openapi",
        "This document",
        Public,
        None,
        (200, Some(json!({ "type": "object" }))),
        &[],
    );

    let error_body = b.schema::<ErrorBody>();
    let mut schemas: Map<String, Value> = b.generator.take_definitions(true).into_iter().collect();
    schemas.entry("ErrorBody".to_owned()).or_insert(error_body);
    bound_request_strings(&b.paths, &mut schemas);
    let error_responses: Map<String, Value> = [400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 500, 503]
        .into_iter()
        .map(|code| {
            (
                format!("Error{code}"),
                json!({
                    "description": error_description(code),
                    "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ErrorBody" } } }
                }),
            )
        })
        .collect();
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Put It Right API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Complaints, compliments and comments for residents of social housing, and the caseworkers who resolve them. JSON only; snake_case keys; RFC 3339 UTC timestamps; ISO dates. Every error has the shape {\"errors\":[{\"field\",\"message\"}]}."
        },
        "servers": [{ "url": "/api/v1" }],
        "security": [{ "session": [] }],
        "paths": b.paths,
        "components": {
            "schemas": schemas,
            "responses": error_responses,
            "securitySchemes": {
                "session": { "type": "apiKey", "in": "cookie", "name": crate::auth::session::COOKIE, "description": "Set by POST /session; `__Host-pir_session` when served over HTTPS" }
            }
        }
    })
}

/// The account's own security (`routes::account_security`).
fn account_security(b: &mut Builder) {
    use domain::api::account_security::{
        AccountDeletion, ActiveSession, PasswordChange, PasswordReset, PasswordResetRequest,
    };
    use Access::{Public, SignedIn};
    let change = b.schema::<PasswordChange>();
    b.op(
        "put",
        "/account/password",
        "change_password",
        "Change the password (the current one confirms it); every other session of the account ends and its address is told",
        SignedIn,
        Some(change),
        (204, None),
        &[403, 429, 503],
    );
    let request = b.schema::<PasswordResetRequest>();
    b.op(
        "post",
        "/accounts/password-reset-link",
        "send_password_reset_link",
        "Send a link to reset a forgotten password (single use, 1 hour, 3 an hour); the same 202 whether or not an account uses the address",
        Public,
        Some(request),
        (202, None),
        &[403],
    );
    let reset = b.schema::<PasswordReset>();
    b.op(
        "post",
        "/accounts/password-reset",
        "reset_password",
        "Set a new password with the token from the link; every session of the account ends and its address counts as proved. The token is judged first (422 on `token`), so an empty password asks whether the link still works without using it",
        Public,
        Some(reset),
        (204, None),
        &[403, 503],
    );
    let sessions = b.schema::<Vec<ActiveSession>>();
    b.op(
        "get",
        "/account/sessions",
        "list_account_sessions",
        "Where the account is signed in: this device first, then the most recently used, a page at a time",
        SignedIn,
        None,
        (200, Some(sessions)),
        &[400],
    );
    b.paged("get", "/account/sessions");
    b.op(
        "delete",
        "/account/sessions",
        "end_other_sessions",
        "Sign out of every other device",
        SignedIn,
        None,
        (204, None),
        &[403],
    );
    b.op(
        "delete",
        "/account/sessions/{id}",
        "end_account_session",
        "Sign out of one device (this one too: the cookie is cleared)",
        SignedIn,
        None,
        (204, None),
        &[403, 404],
    );
    let deletion = b.schema::<AccountDeletion>();
    b.op(
        "post",
        "/account/deletion",
        "delete_account",
        "Delete your own resident or advocate account (the password confirms it): authorisations end, and the landlord keeps its case records",
        SignedIn,
        Some(deletion),
        (204, None),
        &[403, 429, 503],
    );
}

/// Gives every free-text string a request can carry its `maxLength`, from
/// the table every request body passes through
/// ([`domain::validation::text::max_chars`]), where the schema does not
/// give a closer one: generated clients then refuse what the server would.
fn bound_request_strings(paths: &Map<String, Value>, schemas: &mut Map<String, Value>) {
    let mut todo: Vec<String> = paths
        .values()
        .filter_map(Value::as_object)
        .flat_map(|ops| ops.values())
        .filter_map(|op| op.pointer("/requestBody/content/application~1json/schema/$ref"))
        .filter_map(Value::as_str)
        .filter_map(|r| r.rsplit('/').next())
        .map(str::to_owned)
        .collect();
    let mut seen = std::collections::BTreeSet::new();
    while let Some(name) = todo.pop() {
        if !seen.insert(name.clone()) {
            continue;
        }
        if let Some(schema) = schemas.get_mut(&name) {
            bound_strings(schema, None, &mut todo);
        }
    }
}

fn bound_strings(schema: &mut Value, key: Option<&str>, refs: &mut Vec<String>) {
    let Some(object) = schema.as_object_mut() else {
        return;
    };
    if let Some(name) = object.get("$ref").and_then(Value::as_str) {
        refs.extend(name.rsplit('/').next().map(str::to_owned));
    }
    let is_string = match object.get("type") {
        Some(Value::String(t)) => t == "string",
        Some(Value::Array(types)) => types.iter().any(|t| t == "string"),
        _ => false,
    };
    let free_text = !object.contains_key("enum")
        && !object.contains_key("const")
        && !object.contains_key("format");
    if is_string && free_text {
        if let Some(key) = key {
            object
                .entry("maxLength")
                .or_insert_with(|| json!(domain::validation::text::max_chars(key)));
        }
    }
    if let Some(Value::Object(properties)) = object.get_mut("properties") {
        for (name, property) in properties.iter_mut() {
            bound_strings(property, Some(name), refs);
        }
    }
    for list in ["anyOf", "oneOf", "allOf", "prefixItems"] {
        if let Some(Value::Array(items)) = object.get_mut(list) {
            for item in items {
                bound_strings(item, key, refs);
            }
        }
    }
    for single in ["items", "additionalProperties"] {
        if let Some(item) = object.get_mut(single) {
            bound_strings(item, key, refs);
        }
    }
}

fn error_description(code: u16) -> &'static str {
    match code {
        400 => "The request could not be read",
        401 => "Sign in required",
        403 => "Not allowed (role, or a cross-site request)",
        404 => "Not found, or not yours",
        405 => "Method not allowed",
        409 => "The policy or the case's state does not allow this; the message says why",
        413 => "Too large",
        415 => "Not JSON",
        422 => "Invalid input, keyed by field",
        429 => "Too many attempts (Retry-After)",
        503 => "Busy: the database does not answer, or too many sign-ins are being checked at once (Retry-After)",
        _ => "Something went wrong (logged, never detailed)",
    }
}
