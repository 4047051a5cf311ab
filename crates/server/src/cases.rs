//! Cases: raising one, recording what happens to it, and reading it back.
//!
//! A case is its events ([`domain::case`]). Every new event goes through
//! [`domain::case::start`] or [`domain::case::apply`] on the replayed state
//! before it is stored, so a sequence the policy does not allow is never
//! stored. The queue's columns (`stage`, `status`, `next_due`) are copied from
//! the new view in the same transaction. The API and `--demo` both use these
//! functions.

pub mod access;
pub mod equality;
pub mod notices;
pub mod on_behalf;
pub mod petition;
pub mod store;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use domain::api::account::{ContactChannel, Preferences};
use domain::api::cases::{
    messages, AttachmentInfo, CaseDetail, CaseSummary, FiledBy, NewAttachment, NewCase,
    StaffCaseView, TimelineEntry,
};
use domain::api::staff_cases::{NoAccountContact, ReceivedBy};
use domain::case::{
    apply, replay, start, view, Actor, CaseKind, CaseState, CaseView, Event, EventRecord,
    ResidentAction, Status,
};
use domain::figures::case_facts;
use domain::policy::{HazardScreen, Policy, ScreeningResult};
use serde::{Deserialize, Serialize};
use sqlx::AnyConnection;

use crate::auth::{CurrentUser, Role};
use crate::clock::parse_timestamp;
use crate::error::{ApiError, FieldError};
use crate::files;
pub use crate::files::CheckedFile;
use crate::AppState;
use store::CaseRow;

/// Shown when a resident names someone else to file for.
pub const ONLY_FOR_YOURSELF: &str = "You can only make a complaint for yourself from this account";
/// What the resident told us, kept as JSON in `cases.details`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StoredDetails {
    pub details: String,
    #[serde(default)]
    pub started_on: Option<NaiveDate>,
    #[serde(default)]
    pub desired_outcome: Option<String>,
    #[serde(default)]
    pub contact_channel: Option<ContactChannel>,
    #[serde(default)]
    pub contact_phone: Option<String>,
    #[serde(default)]
    pub time_limit_reason: Option<String>,
    /// What the screening said when the case was raised.
    #[serde(default)]
    pub screening: Vec<ScreeningResult>,
    /// The resident read the screening and still wanted a complaint.
    #[serde(default)]
    pub insisted: bool,
    /// How it reached the landlord, when staff raised it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received_by: Option<ReceivedBy>,
    /// A possible hazard the description suggested when the case was raised
    /// (Awaab's Law), flagged to staff with the law's dates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hazard: Option<HazardScreen>,
}

/// What the resident told us, as kept with the case.
fn stored_details(case: &CaseRow) -> Result<StoredDetails, ApiError> {
    serde_json::from_str(&case.details)
        .map_err(|e| ApiError::internal(format!("case {}: unreadable details: {e}", case.id)))
}

/// A value's serde name: `Status::UnderInvestigation` → `under_investigation`.
pub fn wire_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn parse_wire<T: serde::de::DeserializeOwned>(name: &str) -> Result<T, ApiError> {
    serde_json::from_value(serde_json::Value::String(name.to_owned()))
        .map_err(|e| ApiError::internal(format!("stored value {name:?}: {e}")))
}

/// The reference's prefix for a kind of case.
pub fn reference_prefix(kind: CaseKind) -> &'static str {
    match kind {
        CaseKind::Complaint => "CMP",
        CaseKind::Compliment => "CPL",
        CaseKind::Comment => "CMT",
    }
}

/// A refusal from the lifecycle, as the API answers it: 409 with its message
/// and its code (for the app's own words).
pub fn refused(refusal: domain::case::Refusal) -> ApiError {
    tracing::debug!(code = %refusal.code, "event refused");
    ApiError::Conflict(vec![FieldError::refused(refusal)])
}

// --- pages of lists ------------------------------------------------------------

fn bad_cursor() -> ApiError {
    ApiError::BadRequest(vec![FieldError::new(
        "after",
        crate::page::CURSOR_NOT_VALID,
    )])
}

/// Where a page of a newest-first list starts.
pub fn newest_after(page: &crate::page::Page) -> Result<Option<store::After>, ApiError> {
    let Some([created_at, id]) = page.after_keys(2)? else {
        return Ok(None);
    };
    Ok(Some(store::After::Newest {
        created_at: created_at.clone(),
        id: id.parse().map_err(|_| bad_cursor())?,
    }))
}

/// Where a page of the queue starts.
pub fn due_after(page: &crate::page::Page) -> Result<Option<store::After>, ApiError> {
    let Some([due, created_at, id]) = page.after_keys(3)? else {
        return Ok(None);
    };
    Ok(Some(store::After::Due {
        due: due.clone(),
        created_at: created_at.clone(),
        id: id.parse().map_err(|_| bad_cursor())?,
    }))
}

/// The sort keys of a case in a newest-first list.
pub fn newest_keys(row: &CaseRow) -> Vec<String> {
    vec![row.created_at.clone(), row.id.to_string()]
}

/// The sort keys of a case in the queue.
pub fn due_keys(row: &CaseRow) -> Vec<String> {
    vec![
        row.next_due
            .clone()
            .unwrap_or_else(|| store::NO_DUE_DATE.to_owned()),
        row.created_at.clone(),
        row.id.to_string(),
    ]
}

// --- attachments -------------------------------------------------------------

/// Decodes each attachment and checks its size and that its content is what
/// it says it is (422 on `attachments` otherwise).
pub fn check_files(attachments: &[NewAttachment]) -> Result<Vec<CheckedFile>, ApiError> {
    attachments
        .iter()
        .map(|a| files::check(a, "attachments", "attachment"))
        .collect()
}

async fn store_files(
    state: &AppState,
    conn: &mut AnyConnection,
    case_id: i64,
    uploaded_by: i64,
    files: &[CheckedFile],
    at: DateTime<Utc>,
) -> Result<(), ApiError> {
    let adding = files.iter().map(|f| f.data.len()).sum();
    files::within_daily_quota(conn, state, uploaded_by, adding, "attachments").await?;
    for file in files {
        store::insert_attachment(
            conn,
            &store::NewAttachmentRow {
                public_id: &crate::ids::new_public_id(),
                case_id,
                uploaded_by,
                filename: &file.filename,
                content_type: &file.content_type,
                data: &file.data,
                created_at: at,
            },
        )
        .await?;
    }
    Ok(())
}

// --- raising a case ------------------------------------------------------------

/// Who a new case is for and who filed it.
#[derive(Debug, Clone)]
pub struct Filing {
    /// `None` for a resident without an account, whom an advocate files for
    /// under a signed form: they are told by the address the advocate gave.
    pub resident_id: Option<i64>,
    pub filed_by_id: i64,
    pub authorisation_id: Option<i64>,
    pub actor: Actor,
    /// How it reached the landlord, when staff raised it (issue 16).
    pub received_by: Option<ReceivedBy>,
    /// Someone without an account whose complaint staff raised: they are
    /// told by the channel they chose.
    pub someone: Option<NoAccountContact>,
}

impl Filing {
    /// Who a case `user` sends is for. Today only residents raise cases, for
    /// themselves; advocates (with `on_behalf_of`) and staff are to come.
    pub fn for_user(user: &CurrentUser, new: &NewCase) -> Result<Filing, ApiError> {
        match user.role {
            Role::Resident if new.on_behalf_of.is_none() => Ok(Filing {
                resident_id: Some(user.id),
                filed_by_id: user.id,
                authorisation_id: None,
                actor: Actor {
                    kind: domain::case::ActorKind::Resident,
                    name: Some(user.name.clone()),
                    id: None,
                },
                received_by: None,
                someone: None,
            }),
            Role::Resident => Err(ApiError::field("on_behalf_of", ONLY_FOR_YOURSELF)),
            Role::Advocate | Role::Staff | Role::Admin => Err(ApiError::Forbidden),
        }
    }
}

/// A new case that passed every check.
#[derive(Debug, Clone)]
pub struct CheckedCase {
    pub screening: Vec<ScreeningResult>,
    pub files: Vec<CheckedFile>,
}

/// Checks a new case against the policy on `today`: the fields (422), the
/// screening (422 `details` when it cannot be a complaint, 422 `screening`
/// until the resident confirms), and the files (422 `attachments`).
pub fn check_new_case(
    policy: &Policy,
    new: &NewCase,
    today: NaiveDate,
) -> Result<CheckedCase, ApiError> {
    new.validate(policy, today)?;
    let screening = if new.kind == CaseKind::Complaint {
        policy.screen_in(&new.details, new.category.as_deref(), new.started_on, today)
    } else {
        Vec::new()
    };
    let refusals: Vec<FieldError> = screening
        .iter()
        .filter(|r| r.for_resident() && !r.may_insist)
        .map(|r| {
            FieldError::new(
                "details",
                format!(
                    "{}: {} {}",
                    messages::SCREENING_REFUSED,
                    r.explanation,
                    r.instead
                ),
            )
        })
        .collect();
    if !refusals.is_empty() {
        return Err(ApiError::Unprocessable(refusals));
    }
    if screening.iter().any(ScreeningResult::for_resident) && !new.insist {
        return Err(ApiError::field(
            "screening",
            messages::SCREENING_NOT_CONFIRMED,
        ));
    }
    let files = check_files(&new.attachments)?;
    Ok(CheckedCase { screening, files })
}

/// Stores a new case with its first event (`received` on `received_on`), its
/// files, and the message telling the resident. Returns the new row.
pub async fn create(
    state: &AppState,
    conn: &mut AnyConnection,
    filing: &Filing,
    new: &NewCase,
    checked: &CheckedCase,
    received_on: NaiveDate,
    at: DateTime<Utc>,
) -> Result<CaseRow, ApiError> {
    let policy = state.policy.effective();
    let record = EventRecord {
        at,
        actor: filing.actor.clone(),
        on: None,
        event: Event::Received {
            kind: new.kind,
            received_on,
            // Out of time, or screened as an exclusion, and sent anyway: it
            // waits for staff to decide whether to take it on.
            awaiting_decision: if new.kind == CaseKind::Complaint && new.insist {
                checked
                    .screening
                    .iter()
                    .filter(|r| r.for_resident())
                    .map(|r| r.id.clone())
                    .collect()
            } else {
                Vec::new()
            },
            through_councillor_or_mp: filing.received_by == Some(ReceivedBy::CouncillorOrMp),
        },
    };
    let case_state = start(&policy, &record).map_err(refused)?;
    let case_view = view(&case_state, &policy, &state.calendar, state.clock.today());

    let prefix = reference_prefix(new.kind);
    let year = received_on.year();
    let number = store::next_reference_number(conn, prefix, year).await?;
    let reference = format!("{prefix}-{year}-{number:05}");
    let public_id = crate::ids::new_public_id();
    let trimmed = |s: &Option<String>| {
        s.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    let details = StoredDetails {
        details: new.details.trim().to_owned(),
        started_on: new.started_on,
        desired_outcome: trimmed(&new.desired_outcome),
        contact_channel: new.contact_channel,
        contact_phone: trimmed(&new.contact_phone),
        time_limit_reason: trimmed(&new.time_limit_reason),
        screening: checked.screening.clone(),
        insisted: new.insist && checked.screening.iter().any(ScreeningResult::for_resident),
        received_by: filing.received_by,
        hazard: match new.kind {
            CaseKind::Complaint => state.policy.screen_hazard(&new.details),
            _ => None,
        },
    };
    let details = serde_json::to_string(&details).map_err(ApiError::internal)?;
    let category = match new.kind {
        CaseKind::Complaint => new.category.as_deref().map(str::trim),
        _ => None,
    };
    let status = wire_name(&case_view.status);
    let case_id = store::insert_case(
        conn,
        &store::NewCaseRow {
            public_id: &public_id,
            reference: &reference,
            kind: &wire_name(&new.kind),
            resident_id: filing.resident_id,
            filed_by_id: filing.filed_by_id,
            authorisation_id: filing.authorisation_id,
            policy_id: &state.policy.id,
            category,
            details: &details,
            created_at: at,
            status: &status,
            confidential: new.in_confidence,
        },
    )
    .await?;
    if let Some(someone) = &filing.someone {
        store::insert_case_contact(conn, case_id, someone).await?;
    }
    store::append_event(conn, case_id, Some(filing.filed_by_id), &record).await?;
    let row = store::find_by_public_id(conn, &public_id)
        .await?
        .ok_or_else(|| ApiError::internal("a new case could not be read back"))?;
    project(
        state,
        conn,
        &row,
        &case_state,
        &policy,
        at,
        state.clock.today(),
    )
    .await?;
    store_files(state, conn, case_id, filing.filed_by_id, &checked.files, at).await?;
    let (subject, body) = notices::received(new.kind, &reference, &case_view);
    tell_case_resident(
        conn,
        filing.resident_id,
        filing.authorisation_id,
        case_id,
        at,
        &subject,
        &body,
    )
    .await?;
    Ok(row)
}

// --- recording events -------------------------------------------------------------

/// A case replayed: its events, its state, and the policy it runs under (as run).
pub struct Replayed {
    pub records: Vec<EventRecord>,
    pub state: CaseState,
    pub policy: Policy,
}

/// Reads a case's events and replays them under the case's own policy.
pub async fn replay_case(
    state: &AppState,
    conn: &mut AnyConnection,
    case: &CaseRow,
) -> Result<Replayed, ApiError> {
    state.metrics.case_replayed();
    let policy = state.policy_for(&case.policy_id).effective();
    let records = store::events(conn, case.id)
        .await?
        .iter()
        .map(|json| serde_json::from_str::<EventRecord>(json))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| ApiError::internal(format!("case {}: unreadable event: {e}", case.id)))?;
    let case_state = replay(&policy, &state.calendar, &records).map_err(|r| {
        ApiError::internal(format!(
            "case {}: stored events replay refused: {}",
            case.id, r.code
        ))
    })?;
    Ok(Replayed {
        records,
        state: case_state,
        policy,
    })
}

/// Records one more event on a case, if the lifecycle allows it (409 with the
/// refusal's message if not): appends it, brings the queue's columns up to
/// date, and tells the resident when it is news to them. Run it inside a
/// `begin_write` transaction. Returns the case's view after the event.
pub async fn record_event(
    state: &AppState,
    conn: &mut AnyConnection,
    case: &CaseRow,
    actor_id: Option<i64>,
    record: EventRecord,
) -> Result<CaseView, ApiError> {
    let (replayed, next, case_view) = applied(state, conn, case, &record).await?;
    store::append_event(conn, case.id, actor_id, &record).await?;
    project(
        state,
        conn,
        case,
        &next,
        &replayed.policy,
        record.at,
        state.clock.today(),
    )
    .await?;
    let kind: CaseKind = parse_wire(&case.kind)?;
    if let Some((subject, body)) = notices::for_event(
        &replayed.policy,
        kind,
        &case.reference,
        &record.event,
        &case_view,
    ) {
        tell_case_resident(
            conn,
            case.resident_id,
            case.authorisation_id,
            case.id,
            record.at,
            &subject,
            &body,
        )
        .await?;
    }
    // What the resident says we got wrong reaches the caseworker (Code 5.6).
    if matches!(record.event, Event::DefinitionQueried { .. }) {
        if let Some(id) = next.caseworker_id.as_deref() {
            if let Some(to) = store::staff_contact(conn, id).await? {
                let (subject, body) = notices::definition_queried(&case.reference);
                crate::outbox::enqueue_email(
                    conn, record.at, to.id, &to.email, &subject, &body, None,
                )
                .await?;
            }
        }
    }
    Ok(case_view)
}

/// The case as it would stand with `record` applied: its stored history,
/// the next state and its view, or the lifecycle's refusal.
async fn applied(
    state: &AppState,
    conn: &mut AnyConnection,
    case: &CaseRow,
    record: &EventRecord,
) -> Result<(Replayed, CaseState, CaseView), ApiError> {
    let replayed = replay_case(state, conn, case).await?;
    let next =
        apply(&replayed.state, &replayed.policy, &state.calendar, record).map_err(refused)?;
    let case_view = view(
        &next,
        &replayed.policy,
        &state.calendar,
        state.clock.today(),
    );
    Ok((replayed, next, case_view))
}

/// Closing a complaint before its promised actions are done, where the
/// policy names who must approve that (TORUS §5.1), needs `approver`: the
/// lifecycle's 409 otherwise. Any other event passes without a replay.
pub async fn require_approval(
    state: &AppState,
    conn: &mut AnyConnection,
    case: &CaseRow,
    event: &Event,
    approver: bool,
) -> Result<(), ApiError> {
    let Event::Closed { why } = event else {
        return Ok(());
    };
    let replayed = replay_case(state, conn, case).await?;
    domain::case::check_close_approval(&replayed.state, &replayed.policy, why, approver)
        .map_err(refused)
}

/// What the resident would be told if `record` were saved now (staff's
/// preview): the same notice [`record_event`] sends, or `None` when the
/// event sends none. Nothing is written.
pub async fn preview_event(
    state: &AppState,
    conn: &mut AnyConnection,
    case: &CaseRow,
    record: &EventRecord,
) -> Result<Option<(String, String)>, ApiError> {
    let (replayed, _, case_view) = applied(state, conn, case, record).await?;
    let kind: CaseKind = parse_wire(&case.kind)?;
    Ok(notices::for_event(
        &replayed.policy,
        kind,
        &case.reference,
        &record.event,
        &case_view,
    ))
}

/// Writes what the figures count for every case recorded before they
/// existed (issue 19), replaying each case's events; run once at start-up,
/// and a no-op once every case has its row.
pub async fn fill_missing_facts(state: &AppState) -> Result<usize, ApiError> {
    let mut filled = 0;
    loop {
        let mut tx = crate::db::begin_write(&state.db).await?;
        let cases = store::cases_without_facts(&mut tx, 200).await?;
        if cases.is_empty() {
            return Ok(filled);
        }
        for case in &cases {
            let replayed = replay_case(state, &mut tx, case).await?;
            store::save_facts(&mut tx, case.id, &facts(state, case, &replayed.state)?).await?;
        }
        tx.commit().await?;
        filled += cases.len();
    }
}

/// Tells a case's resident something that is not an event's news (a
/// reminder from the policy's clock), the way an event's notice goes.
pub async fn tell_resident(
    conn: &mut AnyConnection,
    case: &CaseRow,
    at: DateTime<Utc>,
    subject: &str,
    body: &str,
) -> Result<(), ApiError> {
    tell_case_resident(
        conn,
        case.resident_id,
        case.authorisation_id,
        case.id,
        at,
        subject,
        body,
    )
    .await
}

/// Tells a case's resident: through their account's channel, or, for a
/// resident without an account, by the email or postal address the advocate
/// gave on the authorisation the case was filed under.
async fn tell_case_resident(
    conn: &mut AnyConnection,
    resident_id: Option<i64>,
    authorisation_id: Option<i64>,
    case_id: i64,
    at: DateTime<Utc>,
    subject: &str,
    body: &str,
) -> Result<(), ApiError> {
    match (resident_id, authorisation_id) {
        (Some(resident_id), _) => {
            crate::outbox::enqueue(conn, at, resident_id, Some(case_id), subject, body).await?;
        }
        (None, Some(authorisation_id)) => {
            if let Some(row) = crate::authorisations::find_by_id(conn, authorisation_id).await? {
                crate::authorisations::tell_resident(conn, &row, at, Some(case_id), subject, body)
                    .await?;
            }
        }
        (None, None) => {
            // Someone without an account whose complaint staff raised.
            if let Some(someone) = store::case_contact(conn, case_id).await? {
                // The letter goes to the name and address staff gave, as
                // their columns hold them.
                let block = crate::outbox::address_block(
                    &someone.name,
                    someone.resident_address.as_deref(),
                );
                crate::outbox::enqueue_without_account(
                    conn,
                    at,
                    Some(case_id),
                    someone.contact_channel,
                    &someone.recipient(),
                    Some(&block),
                    subject,
                    body,
                )
                .await?;
            }
        }
    }
    Ok(())
}

/// Stores files sent with an event (more information).
pub async fn attach_files(
    state: &AppState,
    conn: &mut AnyConnection,
    case: &CaseRow,
    uploaded_by: i64,
    files: &[CheckedFile],
    at: DateTime<Utc>,
) -> Result<(), ApiError> {
    store_files(state, conn, case.id, uploaded_by, files, at).await
}

// --- reading cases -----------------------------------------------------------------

fn category_label(policy: &Policy, category: Option<&str>) -> Option<String> {
    let category = category?;
    policy
        .categories
        .iter()
        .find(|c| c.id == category)
        .map(|c| c.label.clone())
}

fn created_at(case: &CaseRow) -> Result<DateTime<Utc>, ApiError> {
    parse_timestamp(&case.created_at).ok_or_else(|| ApiError::internal("unreadable created_at"))
}

/// A case in a list, as it stands today, for `viewer` (a confidential
/// case's resident is not named to staff outside the complaints team).
pub async fn summary(
    state: &AppState,
    conn: &mut AnyConnection,
    case: &CaseRow,
    viewer: &CurrentUser,
) -> Result<CaseSummary, ApiError> {
    summaries(state, conn, std::slice::from_ref(case), viewer)
        .await?
        .pop()
        .ok_or_else(|| ApiError::internal("a case's summary went missing"))
}

/// Summaries of several cases, for `viewer`. Each comes from the case's
/// stored summary when it holds for today (issue 15: a list does not replay
/// its cases' events), and from a replay of that case's events otherwise.
pub async fn summaries(
    state: &AppState,
    conn: &mut AnyConnection,
    cases: &[CaseRow],
    viewer: &CurrentUser,
) -> Result<Vec<CaseSummary>, ApiError> {
    let today = state.clock.today();
    let ids: Vec<i64> = cases.iter().map(|c| c.id).collect();
    let stored = store::summaries_of(conn, &ids).await?;
    let mut out = Vec::with_capacity(cases.len());
    for case in cases {
        let trusted = stored
            .iter()
            .find(|s| s.case_id == case.id)
            .filter(|s| {
                s.as_of
                    .as_deref()
                    .is_none_or(|day| day == today.to_string())
            })
            .map(|s| serde_json::from_str::<CaseSummary>(&s.summary))
            .transpose()
            .map_err(|e| {
                ApiError::internal(format!("case {}: unreadable summary: {e}", case.id))
            })?;
        let mut summary = match trusted {
            Some(summary) => summary,
            None => {
                let replayed = replay_case(state, conn, case).await?;
                list_summary(state, case, &replayed.state, &replayed.policy, today)?
            }
        };
        let sees_identity = access::sees_identity(viewer, case);
        summary.resident_name = if sees_identity {
            case.resident_name.clone()
        } else {
            String::new()
        };
        summary.identity_withheld = !sees_identity;
        // A petition the resident signed besides its spokesperson: they
        // follow it, and its windows are the spokesperson's to use.
        summary.you_signed =
            viewer.role == crate::auth::Role::Resident && case.resident_id != Some(viewer.id);
        if summary.you_signed {
            summary.open_window = None;
        }
        // Triage is for staff: a resident was told what to do at once.
        summary.hazard &= viewer.is_staff();
        out.push(summary);
    }
    // Staff see which cases have messages waiting for them to send: one
    // query for the whole page (a confidential case's messages name its
    // resident, but that one waits is no more than the case shows).
    if viewer.is_staff() && !cases.is_empty() {
        let waiting = crate::outbox::waiting_by_case(conn, &ids).await?;
        for (summary, case) in out.iter_mut().zip(cases) {
            summary.messages_to_send = waiting
                .iter()
                .find(|(id, _)| *id == case.id)
                .map_or(0, |(_, n)| u16::try_from(*n).unwrap_or(u16::MAX));
        }
    }
    Ok(out)
}

/// What a list shows of a case on `today`, before it is fitted to who reads
/// it (the resident's name, and the messages waiting for staff, are added
/// as it is read, never stored with it).
fn list_summary(
    state: &AppState,
    case: &CaseRow,
    case_state: &CaseState,
    policy: &Policy,
    today: NaiveDate,
) -> Result<CaseSummary, ApiError> {
    let case_view = view(case_state, policy, &state.calendar, today);
    let overdue = case_view.due_dates.iter().any(|d| d.overdue);
    Ok(CaseSummary {
        id: case.public_id.clone(),
        reference: case.reference.clone(),
        kind: parse_wire(&case.kind)?,
        category: case.category.clone(),
        category_label: category_label(policy, case.category.as_deref()),
        status: case_view.status,
        stage: case_view.stage.clone(),
        next_due: case_view.next_due,
        overdue,
        due_soon: !overdue
            && case_view.next_due.is_some_and(|due| {
                domain::case::is_due_soon(
                    due,
                    today,
                    &state.calendar,
                    state.config.caseworker_reminder_days,
                )
            }),
        open_window: case_view.open_window.clone(),
        next_step: case_view.next_step.clone(),
        resident_name: String::new(),
        confidential: case.confidential,
        identity_withheld: false,
        created_at: created_at(case)?,
        caseworker: case_state.caseworker.clone(),
        actions_overdue: u16::try_from(
            case_state
                .actions
                .iter()
                .filter(|a| a.is_overdue(today))
                .count(),
        )
        .unwrap_or(u16::MAX),
        definition_queried: case_state.definition_queried(),
        messages_to_send: 0,
        hazard: stored_details(case)?.hazard.is_some(),
        you_signed: false,
    })
}

/// How far ahead a summary is compared with itself to call it settled.
const SETTLED_AFTER_DAYS: u64 = 800;

/// Writes everything kept about a case beside its events, as the case
/// stands on `day` after `last_event_at`: the queue's columns, its summary
/// (settled when it reads the same far ahead) and what the figures count.
/// Run in the transaction that appended the event.
pub async fn project(
    state: &AppState,
    conn: &mut AnyConnection,
    case: &CaseRow,
    case_state: &CaseState,
    policy: &Policy,
    last_event_at: DateTime<Utc>,
    day: NaiveDate,
) -> Result<(), ApiError> {
    let case_view = view(case_state, policy, &state.calendar, day);
    store::update_queue_columns(
        conn,
        case.id,
        case_view.stage.as_ref().map(|s| s.number),
        &wire_name(&case_view.status),
        case_view.next_due,
        case_state.caseworker_id.as_deref(),
    )
    .await?;
    let summary = list_summary(state, case, case_state, policy, day)?;
    let later = day
        .checked_add_days(chrono::Days::new(SETTLED_AFTER_DAYS))
        .map(|later| list_summary(state, case, case_state, policy, later))
        .transpose()?;
    let settled = later.is_some_and(|later| later == summary);
    let next_due_kind = case_view.next_due.and_then(|due| {
        case_view
            .due_dates
            .iter()
            .find(|d| d.date == due && d.met.is_none() && !d.kind.is_residents_window())
            .map(|d| wire_name(&d.kind))
    });
    let rules_on = rules_on(state, conn, case, case_state, policy, day).await?;
    store::save_summary(
        conn,
        case.id,
        (!settled).then_some(day),
        last_event_at,
        next_due_kind.as_deref(),
        &serde_json::to_string(&summary).map_err(ApiError::internal)?,
        rules_on,
    )
    .await?;
    store::save_facts(conn, case.id, &facts(state, case, case_state)?).await?;
    Ok(())
}

/// What the figures count about a case: from its events, and whether its
/// description suggested a hazard when it was raised.
fn facts(
    state: &AppState,
    case: &CaseRow,
    case_state: &CaseState,
) -> Result<domain::figures::CaseFacts, ApiError> {
    let mut facts = case_facts(case_state, &state.calendar);
    facts.hazard = stored_details(case)?.hazard.is_some();
    Ok(facts)
}

/// The first day from `day` on which one of the policy's rules will act on
/// the case and has not yet (the clock's round looks at it then).
async fn rules_on(
    state: &AppState,
    conn: &mut AnyConnection,
    case: &CaseRow,
    case_state: &CaseState,
    policy: &Policy,
    day: NaiveDate,
) -> Result<Option<NaiveDate>, ApiError> {
    let settings = domain::case::RuleSettings {
        caseworker_reminder_days: state.config.caseworker_reminder_days,
    };
    let triggers = domain::case::rule_triggers(case_state, policy, &state.calendar, &settings);
    if triggers.is_empty() {
        return Ok(None);
    }
    let done = store::rules_done(conn, case.id).await?;
    Ok(domain::case::next_rule_on(
        &triggers,
        &done,
        case_state.caseworker_id.is_some(),
        day,
    ))
}

/// Works out again, after a rule acted or found nothing to do, the day the
/// clock's round next looks at the case. Run it in the rule's transaction.
pub async fn reschedule_rules(
    state: &AppState,
    conn: &mut AnyConnection,
    case: &CaseRow,
    replayed: &Replayed,
    day: NaiveDate,
) -> Result<(), ApiError> {
    let on = rules_on(state, conn, case, &replayed.state, &replayed.policy, day).await?;
    store::set_rules_on(conn, case.id, on).await?;
    Ok(())
}

/// Brings every summary a list would not trust today up to date (the day
/// has changed since it was worked out), a batch per transaction; the
/// policy's clock runs it each round, so a list replays only what changed
/// in the minute since. Returns how many it rewrote.
pub async fn refresh_summaries(state: &AppState) -> Result<usize, ApiError> {
    let today = state.clock.today();
    let mut after = 0;
    let mut refreshed = 0;
    loop {
        let mut tx = crate::db::begin_write(&state.db).await?;
        let cases = store::cases_with_stale_summaries(&mut tx, today, after, 200).await?;
        let Some(last) = cases.last() else {
            return Ok(refreshed);
        };
        after = last.id;
        for case in &cases {
            reproject(state, &mut tx, case, today).await?;
        }
        tx.commit().await?;
        refreshed += cases.len();
    }
}

/// Replays a case and writes its projections as of `day`.
async fn reproject(
    state: &AppState,
    conn: &mut AnyConnection,
    case: &CaseRow,
    day: NaiveDate,
) -> Result<(), ApiError> {
    let replayed = replay_case(state, conn, case).await?;
    let last_event_at = match replayed.records.last() {
        Some(record) => record.at,
        None => created_at(case)?,
    };
    project(
        state,
        conn,
        case,
        &replayed.state,
        &replayed.policy,
        last_event_at,
        day,
    )
    .await
}

/// What rebuilding the projections found.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Rebuilt {
    /// Cases looked at.
    pub cases: usize,
    /// The references of cases whose stored projections did not agree with
    /// their events.
    pub disagreed: Vec<String>,
}

/// Recomputes every case's projections from its events and compares them
/// with what is stored (`server projections check`, or `rebuild` with
/// `write`). Checking works each out for the day it was stored for, so a
/// summary from yesterday that a list would not trust is not a
/// disagreement; rebuilding works each out for today and writes it.
pub async fn rebuild_projections(state: &AppState, write: bool) -> Result<Rebuilt, ApiError> {
    let today = state.clock.today();
    let mut after = 0;
    let mut rebuilt = Rebuilt::default();
    loop {
        let mut tx = crate::db::begin_write(&state.db).await?;
        let cases = store::cases_after(&mut tx, after, 200).await?;
        let Some(last) = cases.last() else {
            tx.rollback().await?;
            return Ok(rebuilt);
        };
        after = last.id;
        let ids: Vec<i64> = cases.iter().map(|c| c.id).collect();
        let stored = store::summaries_of(&mut tx, &ids).await?;
        for case in &cases {
            let day = match stored.iter().find(|s| s.case_id == case.id) {
                Some(s) if !write => s
                    .as_of
                    .as_deref()
                    .and_then(|d| d.parse::<NaiveDate>().ok())
                    .unwrap_or(today),
                _ => today,
            };
            let before = store::projection_text(&mut tx, case.id).await?;
            reproject(state, &mut tx, case, day).await?;
            if store::projection_text(&mut tx, case.id).await? != before {
                rebuilt.disagreed.push(case.reference.clone());
            }
        }
        rebuilt.cases += cases.len();
        if write {
            tx.commit().await?;
        } else {
            tx.rollback().await?;
        }
    }
}

/// Everything about a case, as `access` may see it.
pub async fn detail(
    state: &AppState,
    conn: &mut AnyConnection,
    access: &access::CaseAccess,
) -> Result<CaseDetail, ApiError> {
    let case = &access.case;
    let replayed = replay_case(state, conn, case).await?;
    let mut case_view = view(
        &replayed.state,
        &replayed.policy,
        &state.calendar,
        state.clock.today(),
    );
    // What an advocate is offered is what their authorisation permits, as
    // the resident read when they granted it: no more.
    if let Some(grant) = &access.advocate {
        case_view
            .allowed_actions
            .retain(|a| grant.permits(authorisation_action(*a)));
    }
    // Who signed a petition follows it; its spokesperson acts (Plus Dane §20).
    let signatory = access.relation == access::Relation::Signatory;
    if signatory {
        case_view.allowed_actions.clear();
    }
    let stored = stored_details(case)?;
    // The spokesperson's files are theirs and the landlord's.
    let attachments = store::attachments(conn, case.id)
        .await?
        .into_iter()
        .filter(|_| !signatory)
        .map(|a| AttachmentInfo {
            id: a.public_id,
            filename: a.filename,
            content_type: a.content_type,
            size: u64::try_from(a.size).unwrap_or(0),
            uploaded_at: parse_timestamp(&a.created_at).unwrap_or_default(),
        })
        .collect();
    let resident_preferences: Option<Preferences> =
        match (access.may_see_preferences, case.resident_id) {
            (true, Some(resident_id)) => Some(crate::preferences::load(conn, resident_id).await?),
            _ => None,
        };
    let filed_under = match case.authorisation_id {
        Some(id) => crate::authorisations::filed_under(conn, id).await?,
        None => None,
    };
    let filed_by = (Some(case.filed_by_id) != case.resident_id).then(|| FiledBy {
        name: case.filed_by_name.clone(),
        relationship: filed_under
            .as_ref()
            .map_or_else(|| case.filed_by_role.clone(), |(_, r)| r.clone()),
        authorisation_id: filed_under.map(|(id, _)| id),
    });
    let is_staff = access.relation == access::Relation::Staff;
    // Staff accounts' ids are for staff only.
    let timeline = replayed
        .records
        .iter()
        .map(|r| TimelineEntry {
            rule: domain::case::rule_behind(r, &replayed.policy),
            at: r.at,
            on: r.date(),
            actor: domain::case::Actor {
                id: r.actor.id.clone().filter(|_| is_staff),
                ..r.actor.clone()
            },
            event: match &r.event {
                Event::Assigned { caseworker, .. } if !is_staff => Event::Assigned {
                    caseworker: caseworker.clone(),
                    caseworker_id: None,
                },
                event => {
                    let mut event = event.clone();
                    // What the landlord learnt is for staff and the figures.
                    if let Event::Responded {
                        root_causes,
                        lessons,
                        ..
                    } = &mut event
                    {
                        if !is_staff {
                            root_causes.clear();
                            *lessons = None;
                        }
                    }
                    event
                }
            },
        })
        .collect();
    let contact = if is_staff {
        store::case_contact(conn, case.id).await?
    } else {
        None
    };
    let staff = is_staff.then(|| StaffCaseView {
        received_by: stored.received_by,
        contact,
        caseworker_id: replayed.state.caseworker_id.clone(),
        earlier_stage_handlers: replayed
            .state
            .stages
            .split_last()
            .map(|(_, earlier)| {
                earlier
                    .iter()
                    .flat_map(|s| s.handled_by.iter().cloned())
                    .collect()
            })
            .unwrap_or_default(),
        extension: domain::case::extension_allowance(
            &replayed.state,
            &replayed.policy,
            &state.calendar,
        ),
    });
    // A possible hazard, for staff: the law's dates count from when the
    // complaint reached the landlord.
    let hazard = match (&stored.hazard, access.relation) {
        (Some(screen), access::Relation::Staff) => replayed
            .policy
            .hazard_flag(screen, created_at(case)?, &state.calendar)
            .map_err(ApiError::internal)?,
        _ => None,
    };
    let equality_answered = equality::answered(state, conn, access.relation, case).await?;
    let petition = petition::facts(conn, access).await?;
    Ok(CaseDetail {
        id: case.public_id.clone(),
        reference: case.reference.clone(),
        kind: parse_wire(&case.kind)?,
        category: case.category.clone(),
        category_label: category_label(&replayed.policy, case.category.as_deref()),
        details: stored.details,
        started_on: stored.started_on,
        desired_outcome: stored.desired_outcome,
        contact_channel: stored.contact_channel,
        contact_phone: stored.contact_phone.filter(|_| match access.relation {
            access::Relation::Advocate => access.may_see_preferences,
            access::Relation::Signatory => false,
            _ => true,
        }),
        resident_name: case.resident_name.clone(),
        confidential: case.confidential,
        identity_withheld: false,
        filed_by,
        policy_id: case.policy_id.clone(),
        landlord: replayed.policy.landlord.clone(),
        created_at: created_at(case)?,
        view: case_view,
        timeline,
        attachments,
        // Where the policy routes a complaint about its staff is for staff.
        screening: stored
            .screening
            .into_iter()
            .filter(|r| is_staff || r.for_resident())
            .collect(),
        resident_preferences,
        staff,
        hazard,
        equality_answered,
        petition,
    })
    .map(|mut detail| {
        if !access.may_see_identity {
            withhold_identity(&mut detail, &case.filed_by_role);
        }
        detail
    })
}

/// A confidential case as staff outside the complaints team see it (issue
/// 16, item 7): what the complaint is about and everything done about it,
/// without who raised it: no name, telephone number, needs, messages (their
/// addresses and greetings name the resident), contact details, or the names
/// of the resident, whoever acted for them, or their panel representative.
fn withhold_identity(detail: &mut CaseDetail, filed_by_role: &str) {
    detail.identity_withheld = true;
    detail.resident_name.clear();
    detail.contact_phone = None;
    detail.resident_preferences = None;
    if let Some(staff) = &mut detail.staff {
        staff.contact = None;
    }
    let filed_by_staff = matches!(filed_by_role, "staff" | "admin");
    if let Some(filed_by) = detail.filed_by.as_mut().filter(|_| !filed_by_staff) {
        filed_by.name.clear();
    }
    for entry in &mut detail.timeline {
        if entry.actor.kind != domain::case::ActorKind::Staff {
            entry.actor.name = None;
        }
        if let Event::PanelRequested {
            representative: Some(representative),
            ..
        } = &mut entry.event
        {
            representative.name.clear();
        }
    }
}

/// The permission a resident's action needs from an advocate.
fn authorisation_action(action: ResidentAction) -> domain::authorisation::Action {
    use domain::authorisation::Action;
    match action {
        ResidentAction::AddInformation | ResidentAction::QueryDefinition => Action::AddInformation,
        ResidentAction::RequestEscalation => Action::RequestEscalation,
        ResidentAction::RequestPanel => Action::RequestPanel,
        ResidentAction::Withdraw => Action::Withdraw,
        ResidentAction::RecordSatisfaction => Action::RecordSatisfaction,
    }
}

/// The serde name of a status, as stored in `cases.status`.
pub fn status_name(status: Status) -> String {
    wire_name(&status)
}
