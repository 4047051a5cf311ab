//! The `authorisations` table (and the signed forms kept in `attachments`).

use chrono::{DateTime, NaiveDate, Utc};
use domain::authorisation::{Relationship, Scope, Status};
use sqlx::AnyConnection;

use crate::clock::timestamp;
use crate::error::ApiError;

/// A row of `authorisations` with the names of the people and the file.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuthorisationRow {
    pub id: i64,
    pub public_id: String,
    pub advocate_id: Option<i64>,
    pub advocate_name: Option<String>,
    pub advocate_email: Option<String>,
    pub resident_id: Option<i64>,
    pub resident_account_name: Option<String>,
    pub resident_account_email: Option<String>,
    pub resident_name: Option<String>,
    pub resident_email: Option<String>,
    pub resident_address: Option<String>,
    pub invite_email: Option<String>,
    pub relationship: String,
    pub relationship_other: Option<String>,
    pub scope: String,
    pub case_ids: Option<String>,
    pub expires_on: String,
    pub status: String,
    pub evidence_id: Option<i64>,
    pub evidence_public_id: Option<String>,
    pub evidence_filename: Option<String>,
    pub evidence_content_type: Option<String>,
    pub evidence_size: Option<i64>,
    pub evidence_created_at: Option<String>,
    pub created_by: i64,
    pub created_at: String,
    pub accepted_at: Option<String>,
    pub verified_at: Option<String>,
    pub revoked_at: Option<String>,
    pub rejected_reason: Option<String>,
}

const SELECT: &str = "SELECT a.id, a.public_id, a.advocate_id, adv.name AS advocate_name, \
     adv.email AS advocate_email, a.resident_id, res.name AS resident_account_name, \
     res.email AS resident_account_email, a.resident_name, a.resident_email, a.resident_address, \
     a.invite_email, a.relationship, a.relationship_other, a.scope, a.case_ids, a.expires_on, \
     a.status, a.evidence_id, ev.public_id AS evidence_public_id, ev.filename AS evidence_filename, \
     ev.content_type AS evidence_content_type, ev.size AS evidence_size, \
     ev.created_at AS evidence_created_at, a.created_by, a.created_at, a.accepted_at, \
     a.verified_at, a.revoked_at, a.rejected_reason \
     FROM authorisations a \
     LEFT JOIN users adv ON adv.id = a.advocate_id \
     LEFT JOIN users res ON res.id = a.resident_id \
     LEFT JOIN attachments ev ON ev.id = a.evidence_id";

#[tracing::instrument(skip_all)]
pub async fn find(
    conn: &mut AnyConnection,
    public_id: &str,
) -> Result<Option<AuthorisationRow>, sqlx::Error> {
    crate::db::query_as(&format!("{SELECT} WHERE a.public_id = ?"))
        .bind(public_id)
        .fetch_optional(conn)
        .await
}

#[tracing::instrument(skip_all)]
pub async fn find_by_id(
    conn: &mut AnyConnection,
    id: i64,
) -> Result<Option<AuthorisationRow>, sqlx::Error> {
    crate::db::query_as(&format!("{SELECT} WHERE a.id = ?"))
        .bind(id)
        .fetch_optional(conn)
        .await
}

/// Every authorisation a resident has given, newest first.
#[tracing::instrument(skip_all)]
pub async fn list_for_resident(
    conn: &mut AnyConnection,
    resident_id: i64,
) -> Result<Vec<AuthorisationRow>, sqlx::Error> {
    crate::db::query_as(&format!(
        "{SELECT} WHERE a.resident_id = ? ORDER BY a.created_at DESC, a.id DESC"
    ))
    .bind(resident_id)
    .fetch_all(conn)
    .await
}

/// An advocate's: those they hold or filed, and invitations sent to their
/// email address not yet accepted. Newest first.
#[tracing::instrument(skip_all)]
pub async fn list_for_advocate(
    conn: &mut AnyConnection,
    advocate_id: i64,
    email: &str,
) -> Result<Vec<AuthorisationRow>, sqlx::Error> {
    crate::db::query_as(&format!(
        "{SELECT} WHERE a.advocate_id = ? OR a.created_by = ? \
         OR (a.advocate_id IS NULL AND lower(a.invite_email) = lower(?)) \
         ORDER BY a.created_at DESC, a.id DESC"
    ))
    .bind(advocate_id)
    .bind(advocate_id)
    .bind(email)
    .fetch_all(conn)
    .await
}

/// Whose authorisations a page lists.
#[derive(Debug, Clone, Copy)]
pub enum Whose<'a> {
    /// Those a resident has given.
    Resident(i64),
    /// An advocate's: held or filed, and invitations to their address.
    Advocate { id: i64, email: &'a str },
    /// Those an advocate holds that are in force today (active, or a signed
    /// form waiting to be verified): the residents they act for.
    ActedFor(i64),
    /// Everyone's (staff).
    All,
}

/// Where a page starts: after the one with these sort keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct After {
    pub created_at: String,
    pub id: i64,
}

/// What a page of authorisations is.
#[derive(Debug, Clone)]
pub struct ListPage<'a> {
    pub whose: Whose<'a>,
    /// Only those with this status today.
    pub status: Option<Status>,
    /// Only signed forms (the staff queue to verify).
    pub signed_forms_only: bool,
    /// Oldest first (the queue); newest first otherwise.
    pub oldest_first: bool,
    pub today: NaiveDate,
    pub after: Option<&'a After>,
    pub fetch: i64,
}

/// The status a row has on the day bound to it, worked out as
/// [`domain::authorisation::Authorisation::status`] does.
const STATUS_TODAY: &str = "(CASE WHEN a.status IN ('revoked', 'rejected') THEN a.status \
     WHEN a.expires_on <= ? THEN 'expired' ELSE a.status END)";

/// A page of authorisations, sorted by when they were made (then id), and
/// found after `after` with the same keys: see [`crate::page`].
#[tracing::instrument(skip_all)]
pub async fn list_page(
    conn: &mut AnyConnection,
    page: &ListPage<'_>,
) -> Result<Vec<AuthorisationRow>, sqlx::Error> {
    let today = page.today.to_string();
    let mut sql = format!("{SELECT} WHERE ");
    match page.whose {
        Whose::Resident(_) => sql.push_str("a.resident_id = ?"),
        Whose::Advocate { .. } => sql.push_str(
            "(a.advocate_id = ? OR a.created_by = ? \
             OR (a.advocate_id IS NULL AND lower(a.invite_email) = lower(?)))",
        ),
        Whose::ActedFor(_) => sql.push_str(&format!(
            "a.advocate_id = ? AND ({STATUS_TODAY} = 'active' \
             OR ({STATUS_TODAY} = 'pending' AND a.invite_email IS NULL))"
        )),
        Whose::All => sql.push_str("1 = 1"),
    }
    if page.status.is_some() {
        sql.push_str(&format!(" AND {STATUS_TODAY} = ?"));
    }
    if page.signed_forms_only {
        sql.push_str(" AND a.invite_email IS NULL");
    }
    let (cmp, order) = if page.oldest_first {
        ('>', "ASC")
    } else {
        ('<', "DESC")
    };
    if page.after.is_some() {
        sql.push_str(&format!(
            " AND (a.created_at {cmp} ? OR (a.created_at = ? AND a.id {cmp} ?))"
        ));
    }
    sql.push_str(&format!(
        " ORDER BY a.created_at {order}, a.id {order} LIMIT ?"
    ));
    let mut query = crate::db::query_as(&sql);
    match page.whose {
        Whose::Resident(id) => query = query.bind(id),
        Whose::Advocate { id, email } => query = query.bind(id).bind(id).bind(email),
        Whose::ActedFor(id) => query = query.bind(id).bind(today.clone()).bind(today.clone()),
        Whose::All => {}
    }
    if let Some(status) = page.status {
        query = query.bind(today.clone()).bind(status.as_str());
    }
    if let Some(after) = page.after {
        query = query
            .bind(after.created_at.clone())
            .bind(after.created_at.clone())
            .bind(after.id);
    }
    query.bind(page.fetch).fetch_all(conn).await
}

/// The signed form's content: (filename, content type, bytes).
#[tracing::instrument(skip_all)]
pub async fn evidence_content(
    conn: &mut AnyConnection,
    evidence_id: i64,
) -> Result<Option<(String, String, Vec<u8>)>, sqlx::Error> {
    crate::db::query_as("SELECT filename, content_type, data FROM attachments WHERE id = ?")
        .bind(evidence_id)
        .fetch_optional(conn)
        .await
}

/// Whether every case id is one of the resident's own cases.
#[tracing::instrument(skip_all)]
pub async fn all_cases_of_resident(
    conn: &mut AnyConnection,
    resident_id: i64,
    case_ids: &[String],
) -> Result<bool, sqlx::Error> {
    for id in case_ids {
        let found: Option<i64> =
            crate::db::query_scalar("SELECT id FROM cases WHERE public_id = ? AND resident_id = ?")
                .bind(id)
                .bind(resident_id)
                .fetch_optional(&mut *conn)
                .await?;
        if found.is_none() {
            return Ok(false);
        }
    }
    Ok(true)
}

/// What a new row holds.
pub struct NewRow<'a> {
    pub advocate_id: Option<i64>,
    pub resident_id: Option<i64>,
    pub resident_name: Option<&'a str>,
    pub resident_email: Option<&'a str>,
    pub resident_address: Option<&'a str>,
    pub invite_email: Option<&'a str>,
    pub relationship: Relationship,
    pub relationship_other: Option<&'a str>,
    pub scope: &'a [Scope],
    pub case_ids: Option<&'a [String]>,
    pub expires_on: NaiveDate,
    pub evidence_id: Option<i64>,
    pub created_by: i64,
    pub created_at: DateTime<Utc>,
}

/// The authorisations an account made since `since`, oldest first (their
/// creation times): for the day's limit.
#[tracing::instrument(skip_all)]
pub async fn made_since(
    conn: &mut AnyConnection,
    user_id: i64,
    since: DateTime<Utc>,
) -> Result<Vec<String>, sqlx::Error> {
    crate::db::query_scalar(
        "SELECT created_at FROM authorisations WHERE created_by = ? AND created_at > ? \
         ORDER BY created_at",
    )
    .bind(user_id)
    .bind(timestamp(since))
    .fetch_all(conn)
    .await
}

/// Stores a new pending authorisation; returns its (database id, public id).
#[tracing::instrument(skip_all)]
pub async fn insert(conn: &mut AnyConnection, row: &NewRow<'_>) -> Result<(i64, String), ApiError> {
    let public_id = crate::ids::new_public_id();
    let scope: Vec<&str> = row.scope.iter().map(|s| s.as_str()).collect();
    let scope = serde_json::to_string(&scope).map_err(ApiError::internal)?;
    let case_ids = row
        .case_ids
        .map(serde_json::to_string)
        .transpose()
        .map_err(ApiError::internal)?;
    let id: i64 = crate::db::query_scalar(
        "INSERT INTO authorisations (public_id, advocate_id, resident_id, resident_name, \
         resident_email, resident_address, invite_email, relationship, relationship_other, \
         scope, case_ids, expires_on, status, evidence_id, created_by, created_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?) RETURNING id",
    )
    .bind(&public_id)
    .bind(row.advocate_id)
    .bind(row.resident_id)
    .bind(row.resident_name)
    .bind(row.resident_email)
    .bind(row.resident_address)
    .bind(row.invite_email)
    .bind(row.relationship.as_str())
    .bind(row.relationship_other)
    .bind(scope)
    .bind(case_ids)
    .bind(row.expires_on.to_string())
    .bind(row.evidence_id)
    .bind(row.created_by)
    .bind(timestamp(row.created_at))
    .fetch_one(conn)
    .await?;
    Ok((id, public_id))
}

/// Stores the signed form (an attachment of no case); returns its id.
#[tracing::instrument(skip_all)]
pub async fn insert_evidence(
    conn: &mut AnyConnection,
    uploaded_by: i64,
    filename: &str,
    content_type: &str,
    data: &[u8],
    at: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    crate::db::query_scalar(
        "INSERT INTO attachments (public_id, case_id, uploaded_by, filename, content_type, \
         size, data, created_at) VALUES (?, NULL, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(crate::ids::new_public_id())
    .bind(uploaded_by)
    .bind(filename)
    .bind(content_type)
    .bind(i64::try_from(data.len()).unwrap_or(i64::MAX))
    .bind(data)
    .bind(timestamp(at))
    .fetch_one(conn)
    .await
}

#[tracing::instrument(skip_all)]
pub async fn accept(
    conn: &mut AnyConnection,
    id: i64,
    advocate_id: i64,
    at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    crate::db::query(
        "UPDATE authorisations SET status = 'active', advocate_id = ?, accepted_at = ? WHERE id = ?",
    )
    .bind(advocate_id)
    .bind(timestamp(at))
    .bind(id)
    .execute(conn)
    .await
    .map(|_| ())
}

#[tracing::instrument(skip_all)]
pub async fn revoke(
    conn: &mut AnyConnection,
    id: i64,
    at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    crate::db::query("UPDATE authorisations SET status = 'revoked', revoked_at = ? WHERE id = ?")
        .bind(timestamp(at))
        .bind(id)
        .execute(conn)
        .await
        .map(|_| ())
}

#[tracing::instrument(skip_all)]
pub async fn verify(
    conn: &mut AnyConnection,
    id: i64,
    staff_id: i64,
    at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    crate::db::query(
        "UPDATE authorisations SET status = 'active', verified_at = ?, verified_by = ? WHERE id = ?",
    )
    .bind(timestamp(at))
    .bind(staff_id)
    .bind(id)
    .execute(conn)
    .await
    .map(|_| ())
}

/// A rejection keeps who decided (`verified_by`) and why, but no `verified_at`.
#[tracing::instrument(skip_all)]
pub async fn reject(
    conn: &mut AnyConnection,
    id: i64,
    staff_id: i64,
    reason: &str,
) -> Result<(), sqlx::Error> {
    crate::db::query(
        "UPDATE authorisations SET status = 'rejected', verified_by = ?, rejected_reason = ? \
         WHERE id = ?",
    )
    .bind(staff_id)
    .bind(reason)
    .bind(id)
    .execute(conn)
    .await
    .map(|_| ())
}

/// The advocate's authorisations that could cover a case (by its resident,
/// or the authorisation it was raised under), pending or active as stored.
#[tracing::instrument(skip_all, fields(advocate_id))]
pub async fn covering(
    conn: &mut AnyConnection,
    advocate_id: i64,
    resident_id: Option<i64>,
    authorisation_id: Option<i64>,
) -> Result<Vec<AuthorisationRow>, sqlx::Error> {
    crate::db::query_as(&format!(
        "{SELECT} WHERE a.advocate_id = ? AND a.status IN ('pending', 'active') \
         AND ((? IS NOT NULL AND a.resident_id = ?) OR a.id = ?)"
    ))
    .bind(advocate_id)
    .bind(resident_id)
    .bind(resident_id)
    .bind(authorisation_id)
    .fetch_all(conn)
    .await
}

/// A case row as `visible_cases` reads it: id, public id, resident,
/// authorisation, filed by.
pub type CandidateCase = (i64, String, Option<i64>, Option<i64>, i64);

/// The cases any of the advocate's pending or active authorisations could
/// cover, newest first: the rule then decides which they may see.
#[tracing::instrument(skip_all, fields(advocate_id))]
pub async fn candidate_cases(
    conn: &mut AnyConnection,
    advocate_id: i64,
) -> Result<Vec<CandidateCase>, sqlx::Error> {
    crate::db::query_as(
        "SELECT DISTINCT c.id, c.public_id, c.resident_id, c.authorisation_id, c.filed_by_id, \
         c.created_at \
         FROM cases c JOIN authorisations a \
           ON (a.resident_id IS NOT NULL AND a.resident_id = c.resident_id) \
           OR a.id = c.authorisation_id \
         WHERE a.advocate_id = ? AND a.status IN ('pending', 'active') \
         ORDER BY c.created_at DESC, c.id DESC",
    )
    .bind(advocate_id)
    .fetch_all(conn)
    .await
}
