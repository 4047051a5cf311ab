//! The SQL for cases, one small function per query. Portable SQL only (TEXT
//! timestamps and ISO dates, `ON CONFLICT … DO UPDATE`, `RETURNING`), so a
//! PostgreSQL pool can follow behind the same calls.

use chrono::{DateTime, NaiveDate, Utc};
use domain::case::EventRecord;
use sqlx::AnyConnection;

use crate::clock::timestamp;

/// A row of `cases`, with the resident's name: from their account, or, for a
/// resident without one, as the advocate's authorisation gives it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CaseRow {
    pub id: i64,
    pub public_id: String,
    pub reference: String,
    pub kind: String,
    pub resident_id: Option<i64>,
    pub resident_name: String,
    pub filed_by_id: i64,
    pub filed_by_name: String,
    pub filed_by_role: String,
    pub authorisation_id: Option<i64>,
    pub policy_id: String,
    pub category: Option<String>,
    pub details: String,
    pub created_at: String,
    pub stage: Option<i64>,
    pub status: String,
    pub next_due: Option<String>,
    pub assigned_to: Option<i64>,
    /// Only the complaints team may know who raised it (issue 16, item 7).
    #[sqlx(try_from = "crate::db::Flag")]
    pub confidential: bool,
}

pub(crate) const SELECT_CASE: &str = "SELECT c.id, c.public_id, c.reference, c.kind, c.resident_id, \
     COALESCE(r.name, a.resident_name, cc.name, '') AS resident_name, c.filed_by_id, f.name AS filed_by_name, \
     f.role AS filed_by_role, c.authorisation_id, c.policy_id, c.category, c.details, \
     c.created_at, c.stage, c.status, c.next_due, c.assigned_to, c.confidential \
     FROM cases c LEFT JOIN users r ON r.id = c.resident_id JOIN users f ON f.id = c.filed_by_id \
     LEFT JOIN authorisations a ON a.id = c.authorisation_id \
     LEFT JOIN case_contacts cc ON cc.case_id = c.id";

/// The case with this public id.
#[tracing::instrument(skip_all)]
pub async fn find_by_public_id(
    conn: &mut AnyConnection,
    public_id: &str,
) -> Result<Option<CaseRow>, sqlx::Error> {
    crate::db::query_as(&format!("{SELECT_CASE} WHERE c.public_id = ?"))
        .bind(public_id)
        .fetch_optional(conn)
        .await
}

/// A member of staff reading a list: a confidential case's resident is
/// not found through the case by staff outside the complaints team, unless
/// they took the complaint (see [`crate::cases::access::sees_identity`]).
#[derive(Debug, Clone, Copy)]
pub struct Viewer {
    pub id: i64,
    pub complaints_team: bool,
}

/// Where a page of a list starts: the sort keys of the last item of the
/// page before (see [`crate::page`]).
#[derive(Debug, Clone)]
pub enum After {
    /// The resident's list: newest first.
    Newest { created_at: String, id: i64 },
    /// The queue: next due date (none last), then oldest first.
    Due {
        due: String,
        created_at: String,
        id: i64,
    },
}

/// The due date the queue sorts by: none sorts last.
pub const NO_DUE_DATE: &str = "9999-12-31";

/// A resident's own cases and the petitions they signed (by their confirmed
/// email address, see [`crate::cases::petition`]), newest first: `fetch` of
/// them after `after`.
#[tracing::instrument(skip_all)]
pub async fn list_for_resident(
    conn: &mut AnyConnection,
    resident_id: i64,
    after: Option<&After>,
    fetch: i64,
) -> Result<Vec<CaseRow>, sqlx::Error> {
    let mut sql = format!(
        "{SELECT_CASE} WHERE (c.resident_id = ? OR c.id IN (\
         SELECT s.case_id FROM users u JOIN case_signatories s ON s.email = lower(u.email) \
         WHERE u.id = ? AND u.email_verified_at IS NOT NULL))"
    );
    if let Some(After::Newest { .. }) = after {
        sql.push_str(" AND (c.created_at < ? OR (c.created_at = ? AND c.id < ?))");
    }
    sql.push_str(" ORDER BY c.created_at DESC, c.id DESC LIMIT ?");
    let mut query = crate::db::query_as(&sql)
        .bind(resident_id)
        .bind(resident_id);
    if let Some(After::Newest { created_at, id }) = after {
        query = query.bind(created_at).bind(created_at).bind(id);
    }
    query.bind(fetch).fetch_all(conn).await
}

/// Whose cases the queue holds: the account's (`users.id`), this public
/// id's, or nobody's.
#[derive(Debug, Clone)]
pub enum AssignedTo {
    Account(i64),
    PublicId(String),
    Nobody,
}

/// Which cases the staff queue keeps (each `None`: any).
#[derive(Debug, Clone, Default)]
pub struct QueueWhere<'a> {
    pub stage: Option<u8>,
    pub status: Option<&'a str>,
    pub assigned: Option<&'a AssignedTo>,
    /// Compares the stored next due date with the day.
    pub overdue: Option<bool>,
    /// Whether the description suggested a hazard (Awaab's Law).
    pub hazard: Option<bool>,
}

/// The staff queue: by next due date (none last), then oldest first, of the
/// cases `filter` keeps on `today`. `fetch` of them after `after`.
#[tracing::instrument(skip_all)]
pub async fn list_queue(
    conn: &mut AnyConnection,
    filter: &QueueWhere<'_>,
    today: NaiveDate,
    after: Option<&After>,
    fetch: i64,
) -> Result<Vec<CaseRow>, sqlx::Error> {
    let QueueWhere {
        stage,
        status,
        assigned,
        overdue,
        hazard,
    } = filter.clone();
    let today = today.to_string();
    let due = format!("COALESCE(c.next_due, '{NO_DUE_DATE}')");
    let mut sql = format!("{SELECT_CASE} WHERE 1 = 1");
    if stage.is_some() {
        sql.push_str(" AND c.stage = ?");
    }
    if status.is_some() {
        sql.push_str(" AND c.status = ?");
    }
    match assigned {
        Some(AssignedTo::Account(_)) => sql.push_str(" AND c.assigned_to = ?"),
        Some(AssignedTo::PublicId(_)) => {
            sql.push_str(" AND c.assigned_to = (SELECT id FROM users WHERE public_id = ?)")
        }
        Some(AssignedTo::Nobody) => sql.push_str(" AND c.assigned_to IS NULL"),
        None => {}
    }
    match overdue {
        Some(true) => sql.push_str(" AND c.next_due IS NOT NULL AND c.next_due < ?"),
        Some(false) => sql.push_str(" AND (c.next_due IS NULL OR c.next_due >= ?)"),
        None => {}
    }
    match hazard {
        Some(true) => {
            sql.push_str(" AND c.id IN (SELECT case_id FROM case_facts WHERE hazard = 1)")
        }
        Some(false) => {
            sql.push_str(" AND c.id NOT IN (SELECT case_id FROM case_facts WHERE hazard = 1)")
        }
        None => {}
    }
    if let Some(After::Due { .. }) = after {
        sql.push_str(&format!(
            " AND ({due} > ? OR ({due} = ? AND (c.created_at > ? OR (c.created_at = ? AND c.id > ?))))"
        ));
    }
    sql.push_str(&format!(" ORDER BY {due}, c.created_at, c.id LIMIT ?"));
    let mut query = crate::db::query_as(&sql);
    if let Some(stage) = stage {
        query = query.bind(i64::from(stage));
    }
    if let Some(status) = status {
        query = query.bind(status.to_owned());
    }
    match assigned {
        Some(AssignedTo::Account(id)) => query = query.bind(*id),
        Some(AssignedTo::PublicId(public_id)) => query = query.bind(public_id.clone()),
        _ => {}
    }
    if overdue.is_some() {
        query = query.bind(today);
    }
    if let Some(After::Due {
        due,
        created_at,
        id,
    }) = after
    {
        query = query
            .bind(due)
            .bind(due)
            .bind(created_at)
            .bind(created_at)
            .bind(id);
    }
    query.bind(fetch).fetch_all(conn).await
}

/// The next number of a reference prefix in a year (1 for the first).
#[tracing::instrument(skip_all)]
pub async fn next_reference_number(
    conn: &mut AnyConnection,
    prefix: &str,
    year: i32,
) -> Result<i64, sqlx::Error> {
    crate::db::query_scalar(
        "INSERT INTO reference_counters (prefix, year, last) VALUES (?, ?, 1) \
         ON CONFLICT (prefix, year) DO UPDATE SET last = reference_counters.last + 1 \
         RETURNING last",
    )
    .bind(prefix)
    .bind(year)
    .fetch_one(conn)
    .await
}

/// What a new case row holds.
pub struct NewCaseRow<'a> {
    pub public_id: &'a str,
    pub reference: &'a str,
    pub kind: &'a str,
    /// `None` for a resident without an account (an advocate filed it).
    pub resident_id: Option<i64>,
    pub filed_by_id: i64,
    pub authorisation_id: Option<i64>,
    pub policy_id: &'a str,
    pub category: Option<&'a str>,
    pub details: &'a str,
    pub created_at: DateTime<Utc>,
    pub status: &'a str,
    pub confidential: bool,
}

#[tracing::instrument(skip_all)]
pub async fn insert_case(
    conn: &mut AnyConnection,
    row: &NewCaseRow<'_>,
) -> Result<i64, sqlx::Error> {
    crate::db::query_scalar(
        "INSERT INTO cases (public_id, reference, kind, resident_id, filed_by_id, \
         authorisation_id, policy_id, category, details, created_at, status, confidential) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(row.public_id)
    .bind(row.reference)
    .bind(row.kind)
    .bind(row.resident_id)
    .bind(row.filed_by_id)
    .bind(row.authorisation_id)
    .bind(row.policy_id)
    .bind(row.category)
    .bind(row.details)
    .bind(timestamp(row.created_at))
    .bind(row.status)
    .bind(i64::from(row.confidential))
    .fetch_one(conn)
    .await
}

/// Keeps the queue's columns in step with the events: `caseworker` is the
/// assigned caseworker's public id (a staff account).
#[tracing::instrument(skip_all)]
pub async fn update_queue_columns(
    conn: &mut AnyConnection,
    case_id: i64,
    stage: Option<u8>,
    status: &str,
    next_due: Option<NaiveDate>,
    caseworker: Option<&str>,
) -> Result<(), sqlx::Error> {
    crate::db::query(
        "UPDATE cases SET stage = ?, status = ?, next_due = ?, \
         assigned_to = (SELECT id FROM users WHERE public_id = ?) WHERE id = ?",
    )
    .bind(stage.map(i64::from))
    .bind(status)
    .bind(next_due.map(|d| d.to_string()))
    .bind(caseworker)
    .bind(case_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// A member of staff who can be assigned cases: public id and name.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CaseworkerRow {
    pub public_id: String,
    pub name: String,
}

/// Staff and admin accounts (not deleted), by name: `fetch` of them after
/// the (name, public id) `after`.
#[tracing::instrument(skip_all)]
pub async fn caseworkers(
    conn: &mut AnyConnection,
    after: Option<(&str, &str)>,
    fetch: i64,
) -> Result<Vec<CaseworkerRow>, sqlx::Error> {
    let mut sql = "SELECT public_id, name FROM users \
         WHERE role IN ('staff', 'admin') AND deleted_at IS NULL"
        .to_owned();
    if after.is_some() {
        sql.push_str(" AND (name > ? OR (name = ? AND public_id > ?))");
    }
    sql.push_str(" ORDER BY name, public_id LIMIT ?");
    let mut query = crate::db::query_as(&sql);
    if let Some((name, public_id)) = after {
        query = query.bind(name).bind(name).bind(public_id);
    }
    query.bind(fetch).fetch_all(conn).await
}

/// The staff or admin account with this public id, if there is one.
#[tracing::instrument(skip_all)]
pub async fn caseworker(
    conn: &mut AnyConnection,
    public_id: &str,
) -> Result<Option<CaseworkerRow>, sqlx::Error> {
    crate::db::query_as(
        "SELECT public_id, name FROM users \
         WHERE public_id = ? AND role IN ('staff', 'admin') AND deleted_at IS NULL",
    )
    .bind(public_id)
    .fetch_optional(conn)
    .await
}

/// A case's events, in order, as stored (JSON).
#[tracing::instrument(skip_all)]
pub async fn events(conn: &mut AnyConnection, case_id: i64) -> Result<Vec<String>, sqlx::Error> {
    crate::db::query_scalar("SELECT record FROM case_events WHERE case_id = ? ORDER BY seq")
        .bind(case_id)
        .fetch_all(conn)
        .await
}

/// Appends an event after the last one.
#[tracing::instrument(skip_all)]
pub async fn append_event(
    conn: &mut AnyConnection,
    case_id: i64,
    actor_id: Option<i64>,
    record: &EventRecord,
) -> Result<(), sqlx::Error> {
    let json = serde_json::to_string(record).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    crate::db::query(
        "INSERT INTO case_events (case_id, seq, at, actor_id, record) \
         VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM case_events WHERE case_id = ?), ?, ?, ?)",
    )
    .bind(case_id)
    .bind(case_id)
    .bind(timestamp(record.at))
    .bind(actor_id)
    .bind(json)
    .execute(conn)
    .await?;
    Ok(())
}

/// A stored attachment without its content.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AttachmentRow {
    pub public_id: String,
    pub filename: String,
    pub content_type: String,
    pub size: i64,
    pub created_at: String,
}

#[tracing::instrument(skip_all)]
pub async fn attachments(
    conn: &mut AnyConnection,
    case_id: i64,
) -> Result<Vec<AttachmentRow>, sqlx::Error> {
    crate::db::query_as(
        "SELECT public_id, filename, content_type, size, created_at FROM attachments \
         WHERE case_id = ? ORDER BY created_at, id",
    )
    .bind(case_id)
    .fetch_all(conn)
    .await
}

/// An attachment's name, type and content, if it belongs to the case.
#[tracing::instrument(skip_all)]
pub async fn attachment_content(
    conn: &mut AnyConnection,
    case_id: i64,
    public_id: &str,
) -> Result<Option<(String, String, Vec<u8>)>, sqlx::Error> {
    crate::db::query_as(
        "SELECT filename, content_type, data FROM attachments WHERE case_id = ? AND public_id = ?",
    )
    .bind(case_id)
    .bind(public_id)
    .fetch_optional(conn)
    .await
}

/// What a new attachment row holds.
pub struct NewAttachmentRow<'a> {
    pub public_id: &'a str,
    pub case_id: i64,
    pub uploaded_by: i64,
    pub filename: &'a str,
    pub content_type: &'a str,
    pub data: &'a [u8],
    pub created_at: DateTime<Utc>,
}

#[tracing::instrument(skip_all)]
pub async fn insert_attachment(
    conn: &mut AnyConnection,
    row: &NewAttachmentRow<'_>,
) -> Result<(), sqlx::Error> {
    crate::db::query(
        "INSERT INTO attachments (public_id, case_id, uploaded_by, filename, content_type, \
         size, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(row.public_id)
    .bind(row.case_id)
    .bind(row.uploaded_by)
    .bind(row.filename)
    .bind(row.content_type)
    .bind(row.data.len() as i64)
    .bind(row.data)
    .bind(timestamp(row.created_at))
    .execute(conn)
    .await?;
    Ok(())
}

/// An account's public id.
#[tracing::instrument(skip_all)]
pub async fn public_id_of(
    conn: &mut AnyConnection,
    user_id: i64,
) -> Result<Option<String>, sqlx::Error> {
    crate::db::query_scalar("SELECT public_id FROM users WHERE id = ?")
        .bind(user_id)
        .fetch_optional(conn)
        .await
}

/// Stores how to reach someone without an account whose complaint staff raised.
#[tracing::instrument(skip_all)]
pub async fn insert_case_contact(
    conn: &mut AnyConnection,
    case_id: i64,
    contact: &domain::api::staff_cases::NoAccountContact,
) -> Result<(), sqlx::Error> {
    let trimmed = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    };
    crate::db::query(
        "INSERT INTO case_contacts (case_id, name, resident_address, email, phone, contact_channel) \
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(case_id)
    .bind(contact.name.trim())
    .bind(trimmed(&contact.resident_address))
    .bind(trimmed(&contact.email).map(|e| e.to_lowercase()))
    .bind(trimmed(&contact.phone))
    .bind(contact.contact_channel.as_str())
    .execute(conn)
    .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct ContactRow {
    name: String,
    resident_address: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    contact_channel: String,
}

/// How to reach someone without an account, for a case staff raised for them.
#[tracing::instrument(skip_all)]
pub async fn case_contact(
    conn: &mut AnyConnection,
    case_id: i64,
) -> Result<Option<domain::api::staff_cases::NoAccountContact>, sqlx::Error> {
    let row: Option<ContactRow> = crate::db::query_as(
        "SELECT name, resident_address, email, phone, contact_channel FROM case_contacts \
         WHERE case_id = ?",
    )
    .bind(case_id)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|r| domain::api::staff_cases::NoAccountContact {
        name: r.name,
        resident_address: r.resident_address,
        email: r.email,
        phone: r.phone,
        contact_channel: serde_json::from_value(serde_json::Value::String(r.contact_channel))
            .unwrap_or_default(),
    }))
}

/// A resident account found by a staff search: (public id, name, email).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ResidentRow {
    pub public_id: String,
    pub name: String,
    pub email: String,
}

/// Residents (not deleted) whose name, email or telephone holds `q`, or who
/// have a case with the reference `q`, by name: `fetch` of them after the
/// (name, public id) `after`.
#[tracing::instrument(skip_all)]
pub async fn find_residents(
    conn: &mut AnyConnection,
    q: &str,
    viewer: Viewer,
    after: Option<(&str, &str)>,
    fetch: i64,
) -> Result<Vec<ResidentRow>, sqlx::Error> {
    let like = format!(
        "%{}%",
        q.to_lowercase()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    );
    let mut sql = "SELECT u.public_id, u.name, u.email FROM users u \
         WHERE u.role = 'resident' AND u.deleted_at IS NULL AND ( \
         LOWER(u.name) LIKE ? ESCAPE '\\' OR LOWER(u.email) LIKE ? ESCAPE '\\' \
         OR u.id IN (SELECT p.user_id FROM preferences p WHERE p.document LIKE ? ESCAPE '\\') \
         OR u.id IN (SELECT c.resident_id FROM cases c WHERE UPPER(c.reference) = ? \
             AND (c.confidential = 0 OR ? = 1 OR c.filed_by_id = ?)))"
        .to_owned();
    if after.is_some() {
        sql.push_str(" AND (u.name > ? OR (u.name = ? AND u.public_id > ?))");
    }
    sql.push_str(" ORDER BY u.name, u.public_id LIMIT ?");
    // A telephone number is looked for in the preferences' phone only.
    let phone_like = q
        .chars()
        .all(|c| c.is_ascii_digit() || c == ' ' || c == '+')
        .then(|| format!("%\"phone\":\"%{}%", q.trim()));
    let mut query = crate::db::query_as(&sql)
        .bind(like.clone())
        .bind(like)
        .bind(phone_like)
        .bind(q.trim().to_uppercase())
        .bind(i64::from(viewer.complaints_team))
        .bind(viewer.id);
    if let Some((name, public_id)) = after {
        query = query.bind(name).bind(name).bind(public_id);
    }
    query.bind(fetch).fetch_all(conn).await
}

/// The resident account with this public id, if there is one: its `users.id`.
#[tracing::instrument(skip_all)]
pub async fn resident_by_public_id(
    conn: &mut AnyConnection,
    public_id: &str,
) -> Result<Option<i64>, sqlx::Error> {
    crate::db::query_scalar(
        "SELECT id FROM users WHERE public_id = ? AND role = 'resident' AND deleted_at IS NULL",
    )
    .bind(public_id)
    .fetch_optional(conn)
    .await
}

/// Keeps what the figures count about a case in step with its events
/// (issue 19): its row in `case_facts` and one row per Code stage in
/// `case_stage_facts`, replaced whole.
#[tracing::instrument(skip_all)]
pub async fn save_facts(
    conn: &mut AnyConnection,
    case_id: i64,
    facts: &domain::figures::CaseFacts,
) -> Result<(), sqlx::Error> {
    let day = |d: Option<NaiveDate>| d.map(|d| d.to_string());
    let flag = |b: Option<bool>| b.map(i64::from);
    for table in [
        "case_remedy_facts",
        "case_cause_facts",
        "case_stage_facts",
        "case_satisfaction_facts",
    ] {
        crate::db::query(&format!("DELETE FROM {table} WHERE case_id = ?"))
            .bind(case_id)
            .execute(&mut *conn)
            .await?;
    }
    crate::db::query("DELETE FROM case_facts WHERE case_id = ?")
        .bind(case_id)
        .execute(&mut *conn)
        .await?;
    crate::db::query(
        "INSERT INTO case_facts (case_id, kind, received_on, counted, withdrawn_on, closed_on, \
         satisfied_on, satisfied, ombudsman_on, hazard) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(case_id)
    .bind(wire(&facts.kind))
    .bind(facts.received_on.to_string())
    .bind(i64::from(facts.counted))
    .bind(day(facts.withdrawn_on))
    .bind(day(facts.closed_on))
    // The latest answer (KPI h counts each, from case_satisfaction_facts).
    .bind(day(facts.satisfaction_answers.last().map(|s| s.0)))
    .bind(flag(facts.satisfaction_answers.last().map(|s| s.1)))
    .bind(day(facts.ombudsman_on))
    .bind(i64::from(facts.hazard))
    .execute(&mut *conn)
    .await?;
    for (position, (on, satisfied)) in facts.satisfaction_answers.iter().enumerate() {
        crate::db::query(
            "INSERT INTO case_satisfaction_facts (case_id, position, answered_on, satisfied) \
             VALUES (?, ?, ?, ?)",
        )
        .bind(case_id)
        .bind(position as i64)
        .bind(on.to_string())
        .bind(i64::from(*satisfied))
        .execute(&mut *conn)
        .await?;
    }
    for stage in &facts.stages {
        crate::db::query(
            "INSERT INTO case_stage_facts (case_id, stage, received_on, acknowledged_on, \
             responded_on, outcome, extended_on, extension_in_line, within_code, lessons) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(case_id)
        .bind(i64::from(stage.stage))
        .bind(stage.received_on.to_string())
        .bind(day(stage.acknowledged_on))
        .bind(day(stage.responded_on))
        .bind(stage.outcome.map(|o| wire(&o)))
        .bind(day(stage.extended_on))
        .bind(flag(stage.extension_in_line))
        .bind(flag(stage.within_code))
        .bind(stage.lessons.as_deref())
        .execute(&mut *conn)
        .await?;
        for (position, (kind, pence)) in stage.remedies.iter().enumerate() {
            crate::db::query(
                "INSERT INTO case_remedy_facts (case_id, stage, position, kind, amount_pence) \
                 VALUES (?, ?, ?, ?, ?)",
            )
            .bind(case_id)
            .bind(i64::from(stage.stage))
            .bind(position as i64)
            .bind(kind.as_str())
            .bind(pence.and_then(|p| i64::try_from(p).ok()))
            .execute(&mut *conn)
            .await?;
        }
        for cause in &stage.root_causes {
            crate::db::query(
                "INSERT INTO case_cause_facts (case_id, stage, cause) VALUES (?, ?, ?)",
            )
            .bind(case_id)
            .bind(i64::from(stage.stage))
            .bind(cause.as_str())
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(())
}

/// Cases with no figures row yet (recorded before the figures existed), a
/// batch at a time.
#[tracing::instrument(skip_all)]
pub async fn cases_without_facts(
    conn: &mut AnyConnection,
    limit: i64,
) -> Result<Vec<CaseRow>, sqlx::Error> {
    crate::db::query_as(&format!(
        "{SELECT_CASE} WHERE NOT EXISTS (SELECT 1 FROM case_facts f WHERE f.case_id = c.id) \
         ORDER BY c.id LIMIT ?"
    ))
    .bind(limit)
    .fetch_all(conn)
    .await
}

/// A unit enum's name as it is written on the wire (`partly_upheld`).
fn wire<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// A member of staff the portal writes to (a caseworker's reminder, what a
/// resident said about their case): their account and address.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StaffContact {
    pub id: i64,
    pub email: String,
}

/// The staff or admin account with this public id, if it still exists.
#[tracing::instrument(skip_all)]
pub async fn staff_contact(
    conn: &mut AnyConnection,
    public_id: &str,
) -> Result<Option<StaffContact>, sqlx::Error> {
    crate::db::query_as(
        "SELECT id, email FROM users \
         WHERE public_id = ? AND role IN ('staff', 'admin') AND deleted_at IS NULL",
    )
    .bind(public_id)
    .fetch_optional(conn)
    .await
}

/// A case's stored summary (issue 15): what a list shows of it, as JSON,
/// worked out on `as_of` (`None`: settled, the same on every later day).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SummaryRow {
    pub case_id: i64,
    pub as_of: Option<String>,
    pub summary: String,
}

/// Keeps a case's summary in step with its events: replaced whole.
#[tracing::instrument(skip_all)]
pub async fn save_summary(
    conn: &mut AnyConnection,
    case_id: i64,
    as_of: Option<NaiveDate>,
    last_event_at: DateTime<Utc>,
    next_due_kind: Option<&str>,
    summary: &str,
    rules_on: Option<NaiveDate>,
) -> Result<(), sqlx::Error> {
    crate::db::query(
        "INSERT INTO case_summaries (case_id, as_of, last_event_at, next_due_kind, summary, \
         rules_on) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (case_id) DO UPDATE SET \
         as_of = excluded.as_of, last_event_at = excluded.last_event_at, \
         next_due_kind = excluded.next_due_kind, summary = excluded.summary, \
         rules_on = excluded.rules_on",
    )
    .bind(case_id)
    .bind(as_of.map(|d| d.to_string()))
    .bind(timestamp(last_event_at))
    .bind(next_due_kind)
    .bind(summary)
    .bind(rules_on.map(|d| d.to_string()))
    .execute(conn)
    .await?;
    Ok(())
}

/// The stored summaries of these cases (those that have one).
#[tracing::instrument(skip_all)]
pub async fn summaries_of(
    conn: &mut AnyConnection,
    case_ids: &[i64],
) -> Result<Vec<SummaryRow>, sqlx::Error> {
    if case_ids.is_empty() {
        return Ok(Vec::new());
    }
    let marks = vec!["?"; case_ids.len()].join(", ");
    let sql =
        format!("SELECT case_id, as_of, summary FROM case_summaries WHERE case_id IN ({marks})");
    let mut query = crate::db::query_as(&sql);
    for id in case_ids {
        query = query.bind(*id);
    }
    query.fetch_all(conn).await
}

/// Cases whose summary a list would not trust on `today` (none stored, or
/// worked out on another day and not settled), a batch at a time by id.
#[tracing::instrument(skip_all)]
pub async fn cases_with_stale_summaries(
    conn: &mut AnyConnection,
    today: NaiveDate,
    after_id: i64,
    limit: i64,
) -> Result<Vec<CaseRow>, sqlx::Error> {
    crate::db::query_as(&format!(
        "{SELECT_CASE} LEFT JOIN case_summaries s ON s.case_id = c.id \
         WHERE c.id > ? AND (s.case_id IS NULL OR (s.as_of IS NOT NULL AND s.as_of <> ?)) \
         ORDER BY c.id LIMIT ?"
    ))
    .bind(after_id)
    .bind(today.to_string())
    .bind(limit)
    .fetch_all(conn)
    .await
}

/// Every case, a batch at a time by id (rebuilding the projections).
#[tracing::instrument(skip_all)]
pub async fn cases_after(
    conn: &mut AnyConnection,
    after_id: i64,
    limit: i64,
) -> Result<Vec<CaseRow>, sqlx::Error> {
    crate::db::query_as(&format!(
        "{SELECT_CASE} WHERE c.id > ? ORDER BY c.id LIMIT ?"
    ))
    .bind(after_id)
    .bind(limit)
    .fetch_all(conn)
    .await
}

/// Everything kept about a case beside its events, as text, in a fixed
/// order: the queue's columns, its summary, and what the figures count.
/// Two readings compare equal exactly when the projections agree.
#[tracing::instrument(skip_all)]
pub async fn projection_text(
    conn: &mut AnyConnection,
    case_id: i64,
) -> Result<Vec<String>, sqlx::Error> {
    let text = |column: &str| format!("COALESCE(CAST({column} AS TEXT), '-')");
    let mut rows: Vec<String> = Vec::new();
    let queries = [
        format!(
            "SELECT {} || '|' || {} || '|' || {} || '|' || {} FROM cases WHERE id = ?",
            text("stage"),
            text("status"),
            text("next_due"),
            text("assigned_to")
        ),
        format!(
            "SELECT {} || '|' || {} || '|' || {} || '|' || {} || '|' || summary \
             FROM case_summaries WHERE case_id = ?",
            text("as_of"),
            text("last_event_at"),
            text("next_due_kind"),
            text("rules_on")
        ),
        format!(
            "SELECT kind || '|' || received_on || '|' || {} || '|' || {} || '|' || {} || '|' \
             || {} || '|' || {} || '|' || {} || '|' || {} FROM case_facts WHERE case_id = ?",
            text("counted"),
            text("withdrawn_on"),
            text("closed_on"),
            text("satisfied_on"),
            text("satisfied"),
            text("ombudsman_on"),
            text("hazard")
        ),
        format!(
            "SELECT {} || '|' || received_on || '|' || {} || '|' || {} || '|' || {} || '|' \
             || {} || '|' || {} || '|' || {} || '|' || {} FROM case_stage_facts \
             WHERE case_id = ? ORDER BY stage",
            text("stage"),
            text("acknowledged_on"),
            text("responded_on"),
            text("outcome"),
            text("extended_on"),
            text("extension_in_line"),
            text("within_code"),
            text("lessons")
        ),
        format!(
            "SELECT {} || '|' || {} || '|' || kind || '|' || {} FROM case_remedy_facts \
             WHERE case_id = ? ORDER BY stage, position",
            text("stage"),
            text("position"),
            text("amount_pence")
        ),
        format!(
            "SELECT {} || '|' || cause FROM case_cause_facts WHERE case_id = ? \
             ORDER BY stage, cause",
            text("stage")
        ),
        format!(
            "SELECT {} || '|' || answered_on || '|' || {} FROM case_satisfaction_facts \
             WHERE case_id = ? ORDER BY position",
            text("position"),
            text("satisfied")
        ),
    ];
    for (n, sql) in queries.iter().enumerate() {
        let found: Vec<String> = crate::db::query_scalar(sql)
            .bind(case_id)
            .fetch_all(&mut *conn)
            .await?;
        rows.push(format!("{n}: {}", found.join(" / ")));
    }
    Ok(rows)
}

/// The triggers already claimed on a case: each rule's name and the day it
/// counts from.
#[tracing::instrument(skip_all)]
pub async fn rules_done(
    conn: &mut AnyConnection,
    case_id: i64,
) -> Result<std::collections::HashSet<(String, NaiveDate)>, sqlx::Error> {
    let rows: Vec<(String, String)> =
        crate::db::query_as("SELECT rule, trigger_on FROM rule_runs WHERE case_id = ?")
            .bind(case_id)
            .fetch_all(conn)
            .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(rule, on)| on.parse().ok().map(|on| (rule, on)))
        .collect())
}

/// The first day one of the policy's rules will act on a case (`None`:
/// none will unless something happens to it).
#[tracing::instrument(skip_all)]
pub async fn set_rules_on(
    conn: &mut AnyConnection,
    case_id: i64,
    rules_on: Option<NaiveDate>,
) -> Result<(), sqlx::Error> {
    crate::db::query("UPDATE case_summaries SET rules_on = ? WHERE case_id = ?")
        .bind(rules_on.map(|d| d.to_string()))
        .bind(case_id)
        .execute(conn)
        .await?;
    Ok(())
}
