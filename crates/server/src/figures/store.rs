//! The SQL for the figures (issue 19): one query per figure over the facts
//! kept beside each case's events (`case_facts`, `case_stage_facts`, see
//! `cases::store::save_facts`), for the days `from` to `to` (ISO dates, both
//! included). Dates are ISO text, so `BETWEEN` orders them; flags are 0/1.

use sqlx::AnyConnection;

use crate::cases::store::{CaseRow, SELECT_CASE};

/// The landlord's settings row: homes owned and the financial year's first month.
#[tracing::instrument(skip_all)]
pub async fn settings(conn: &mut AnyConnection) -> Result<Option<(Option<i64>, i64)>, sqlx::Error> {
    crate::db::query_as::<(Option<i64>, i64)>(
        "SELECT homes, financial_year_start_month FROM landlord_settings WHERE id = 1",
    )
    .fetch_optional(conn)
    .await
}

#[tracing::instrument(skip_all)]
pub async fn save_settings(
    conn: &mut AnyConnection,
    homes: Option<i64>,
    start_month: i64,
) -> Result<(), sqlx::Error> {
    crate::db::query(
        "INSERT INTO landlord_settings (id, homes, financial_year_start_month) VALUES (1, ?, ?) \
         ON CONFLICT (id) DO UPDATE SET homes = excluded.homes, \
         financial_year_start_month = excluded.financial_year_start_month",
    )
    .bind(homes)
    .bind(start_month)
    .execute(conn)
    .await?;
    Ok(())
}

/// CH01: complaints taken on, by stage, received in the period.
#[tracing::instrument(skip_all)]
pub async fn received_by_stage(
    conn: &mut AnyConnection,
    from: &str,
    to: &str,
) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    crate::db::query_as(
        "SELECT s.stage, COUNT(*) FROM case_stage_facts s \
         JOIN case_facts f ON f.case_id = s.case_id \
         WHERE f.counted = 1 AND s.received_on BETWEEN ? AND ? \
         GROUP BY s.stage ORDER BY s.stage",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await
}

/// CH02: by stage, the responses sent in the period and those within the
/// Code's timescales.
#[tracing::instrument(skip_all)]
pub async fn responded_by_stage(
    conn: &mut AnyConnection,
    from: &str,
    to: &str,
) -> Result<Vec<(i64, i64, i64)>, sqlx::Error> {
    crate::db::query_as(
        "SELECT s.stage, COUNT(*), CAST(COALESCE(SUM(s.within_code), 0) AS BIGINT) \
         FROM case_stage_facts s JOIN case_facts f ON f.case_id = s.case_id \
         WHERE f.counted = 1 AND s.responded_on BETWEEN ? AND ? \
         GROUP BY s.stage ORDER BY s.stage",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await
}

/// The (stage, received, responded) dates of the responses sent in the
/// period, for the working days each took (counted by the domain's calendar).
#[tracing::instrument(skip_all)]
pub async fn response_dates(
    conn: &mut AnyConnection,
    from: &str,
    to: &str,
) -> Result<Vec<(i64, String, String)>, sqlx::Error> {
    crate::db::query_as(
        "SELECT s.stage, s.received_on, s.responded_on FROM case_stage_facts s \
         JOIN case_facts f ON f.case_id = s.case_id \
         WHERE f.counted = 1 AND s.responded_on BETWEEN ? AND ?",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await
}

/// Complaints taken on and received in the period, by category, most first.
#[tracing::instrument(skip_all)]
pub async fn by_category(
    conn: &mut AnyConnection,
    from: &str,
    to: &str,
) -> Result<Vec<(Option<String>, i64)>, sqlx::Error> {
    crate::db::query_as(
        "SELECT c.category, COUNT(*) AS n FROM case_facts f JOIN cases c ON c.id = f.case_id \
         WHERE f.kind = 'complaint' AND f.counted = 1 AND f.received_on BETWEEN ? AND ? \
         GROUP BY c.category ORDER BY n DESC, c.category",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await
}

/// Stage responses sent in the period, by stage and outcome.
#[tracing::instrument(skip_all)]
pub async fn by_outcome(
    conn: &mut AnyConnection,
    from: &str,
    to: &str,
) -> Result<Vec<(i64, String, i64)>, sqlx::Error> {
    crate::db::query_as(
        "SELECT s.stage, s.outcome, COUNT(*) FROM case_stage_facts s \
         JOIN case_facts f ON f.case_id = s.case_id \
         WHERE f.counted = 1 AND s.responded_on BETWEEN ? AND ? AND s.outcome IS NOT NULL \
         GROUP BY s.stage, s.outcome ORDER BY s.stage, s.outcome",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await
}

/// The remedies of the stage responses sent in the period, by kind: how
/// many, and the sum of their amounts in pence.
#[tracing::instrument(skip_all)]
pub async fn remedies(
    conn: &mut AnyConnection,
    from: &str,
    to: &str,
) -> Result<Vec<(String, i64, i64)>, sqlx::Error> {
    crate::db::query_as(
        "SELECT r.kind, COUNT(*), CAST(COALESCE(SUM(r.amount_pence), 0) AS BIGINT) \
         FROM case_remedy_facts r \
         JOIN case_stage_facts s ON s.case_id = r.case_id AND s.stage = r.stage \
         JOIN case_facts f ON f.case_id = r.case_id \
         WHERE f.counted = 1 AND s.responded_on BETWEEN ? AND ? \
         GROUP BY r.kind ORDER BY r.kind",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await
}

/// The causes the stage responses sent in the period recorded: how many
/// responses named each, most first.
#[tracing::instrument(skip_all)]
pub async fn causes(
    conn: &mut AnyConnection,
    from: &str,
    to: &str,
) -> Result<Vec<(String, i64)>, sqlx::Error> {
    crate::db::query_as(
        "SELECT c.cause, COUNT(*) AS n FROM case_cause_facts c \
         JOIN case_stage_facts s ON s.case_id = c.case_id AND s.stage = c.stage \
         JOIN case_facts f ON f.case_id = c.case_id \
         WHERE f.counted = 1 AND s.responded_on BETWEEN ? AND ? \
         GROUP BY c.cause ORDER BY n DESC, c.cause",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await
}

/// One answer's counts: the answer (NULL: not answered), cases, complaints,
/// and complaints upheld in whole or in part.
pub type AnswerCounts = (Option<String>, i64, i64, i64);

/// Cases received in the period by their resident's answer to one equality
/// monitoring question (`column`: `gender`, `age`, `ethnicity` or
/// `disability`; NULL: not answered): cases, complaints, and complaints
/// upheld in whole or in part at any stage (Pioneer §11).
#[tracing::instrument(skip_all)]
pub async fn by_equality_answer(
    conn: &mut AnyConnection,
    column: &str,
    from: &str,
    to: &str,
) -> Result<Vec<AnswerCounts>, sqlx::Error> {
    let column = match column {
        "gender" | "age" | "ethnicity" | "disability" => column,
        _ => return Ok(Vec::new()),
    };
    crate::db::query_as(&format!(
        "SELECT e.{column}, COUNT(*),          SUM(CASE WHEN f.kind = 'complaint' THEN 1 ELSE 0 END),          SUM(CASE WHEN f.kind = 'complaint' AND EXISTS (SELECT 1 FROM case_stage_facts s              WHERE s.case_id = f.case_id AND s.outcome IN ('upheld', 'partly_upheld'))              THEN 1 ELSE 0 END)          FROM case_facts f LEFT JOIN equality_answers e ON e.case_id = f.case_id          WHERE f.received_on BETWEEN ? AND ?          GROUP BY e.{column}"
    ))
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await
}

/// Cases past their next due date today, as the queue's overdue filter counts them.
#[tracing::instrument(skip_all)]
pub async fn overdue_now(conn: &mut AnyConnection, today: &str) -> Result<i64, sqlx::Error> {
    crate::db::query_scalar(
        "SELECT COUNT(*) FROM cases WHERE next_due IS NOT NULL AND next_due < ?",
    )
    .bind(today)
    .fetch_one(conn)
    .await
}

/// Complaints received in the period whose description suggested a hazard.
#[tracing::instrument(skip_all)]
pub async fn hazards(conn: &mut AnyConnection, from: &str, to: &str) -> Result<i64, sqlx::Error> {
    crate::db::query_scalar(
        "SELECT COUNT(*) FROM case_facts \
         WHERE kind = 'complaint' AND hazard = 1 AND received_on BETWEEN ? AND ?",
    )
    .bind(from)
    .bind(to)
    .fetch_one(conn)
    .await
}

/// Compliments and comments received in the period, by kind.
#[tracing::instrument(skip_all)]
pub async fn feedback(
    conn: &mut AnyConnection,
    from: &str,
    to: &str,
) -> Result<Vec<(String, i64)>, sqlx::Error> {
    crate::db::query_as(
        "SELECT kind, COUNT(*) FROM case_facts \
         WHERE kind IN ('compliment', 'comment') AND received_on BETWEEN ? AND ? GROUP BY kind",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await
}

/// KPI (f) and (g): stages first extended in the period, and of those the
/// extensions in line with the Code.
#[tracing::instrument(skip_all)]
pub async fn extensions(
    conn: &mut AnyConnection,
    from: &str,
    to: &str,
) -> Result<(i64, i64), sqlx::Error> {
    crate::db::query_as(
        "SELECT COUNT(*), CAST(COALESCE(SUM(s.extension_in_line), 0) AS BIGINT) \
         FROM case_stage_facts s JOIN case_facts f ON f.case_id = s.case_id \
         WHERE f.counted = 1 AND s.extended_on BETWEEN ? AND ?",
    )
    .bind(from)
    .bind(to)
    .fetch_one(conn)
    .await
}

/// KPI (h): satisfaction answers recorded in the period, and the satisfied.
#[tracing::instrument(skip_all)]
pub async fn satisfaction(
    conn: &mut AnyConnection,
    from: &str,
    to: &str,
) -> Result<(i64, i64), sqlx::Error> {
    crate::db::query_as(
        "SELECT COUNT(*), CAST(COALESCE(SUM(a.satisfied), 0) AS BIGINT) \
         FROM case_satisfaction_facts a JOIN case_facts f ON f.case_id = a.case_id \
         WHERE f.kind = 'complaint' AND f.counted = 1 AND a.answered_on BETWEEN ? AND ?",
    )
    .bind(from)
    .bind(to)
    .fetch_one(conn)
    .await
}

/// KPI (i): complaints referred to the Ombudsman in the period.
#[tracing::instrument(skip_all)]
pub async fn ombudsman(conn: &mut AnyConnection, from: &str, to: &str) -> Result<i64, sqlx::Error> {
    crate::db::query_scalar(
        "SELECT COUNT(*) FROM case_facts WHERE kind = 'complaint' AND ombudsman_on BETWEEN ? AND ?",
    )
    .bind(from)
    .bind(to)
    .fetch_one(conn)
    .await
}

/// Which cases a figure counts: a condition on `c.id`, its binds.
pub enum Behind<'a> {
    /// Complaints taken on whose stage (1 or 2) was received in the period.
    Received(i64),
    /// Complaints whose stage was answered in the period; `true`: only those
    /// within the Code's timescales.
    Responded(i64, bool),
    Overdue {
        today: &'a str,
    },
    Kind(&'a str),
    Extended,
    Ombudsman,
    Hazards,
}

/// A page of the cases behind a figure, by id, after the id `after`.
#[tracing::instrument(skip_all)]
pub async fn cases_behind(
    conn: &mut AnyConnection,
    behind: &Behind<'_>,
    from: &str,
    to: &str,
    after: Option<i64>,
    fetch: i64,
) -> Result<Vec<CaseRow>, sqlx::Error> {
    let stage_join = "SELECT s.case_id FROM case_stage_facts s \
                      JOIN case_facts f ON f.case_id = s.case_id WHERE f.counted = 1";
    let condition = match behind {
        Behind::Received(_) => {
            format!("{stage_join} AND s.stage = ? AND s.received_on BETWEEN ? AND ?")
        }
        Behind::Responded(_, false) => {
            format!("{stage_join} AND s.stage = ? AND s.responded_on BETWEEN ? AND ?")
        }
        Behind::Responded(_, true) => format!(
            "{stage_join} AND s.stage = ? AND s.responded_on BETWEEN ? AND ? AND s.within_code = 1"
        ),
        Behind::Overdue { .. } => {
            "SELECT id FROM cases WHERE next_due IS NOT NULL AND next_due < ?".to_owned()
        }
        Behind::Kind(_) => {
            "SELECT case_id FROM case_facts WHERE kind = ? AND received_on BETWEEN ? AND ?"
                .to_owned()
        }
        Behind::Extended => format!("{stage_join} AND s.extended_on BETWEEN ? AND ?"),
        Behind::Ombudsman => "SELECT case_id FROM case_facts \
             WHERE kind = 'complaint' AND ombudsman_on BETWEEN ? AND ?"
            .to_owned(),
        Behind::Hazards => "SELECT case_id FROM case_facts \
             WHERE kind = 'complaint' AND hazard = 1 AND received_on BETWEEN ? AND ?"
            .to_owned(),
    };
    let mut sql = format!("{SELECT_CASE} WHERE c.id IN ({condition})");
    if after.is_some() {
        sql.push_str(" AND c.id > ?");
    }
    sql.push_str(" ORDER BY c.id LIMIT ?");
    let mut query = crate::db::query_as(&sql);
    query = match behind {
        Behind::Received(stage) | Behind::Responded(stage, _) => {
            query.bind(*stage).bind(from.to_owned()).bind(to.to_owned())
        }
        Behind::Overdue { today } => query.bind(today.to_string()),
        Behind::Kind(kind) => query
            .bind(kind.to_string())
            .bind(from.to_owned())
            .bind(to.to_owned()),
        Behind::Extended | Behind::Ombudsman | Behind::Hazards => {
            query.bind(from.to_owned()).bind(to.to_owned())
        }
    };
    if let Some(after) = after {
        query = query.bind(after);
    }
    query.bind(fetch).fetch_all(conn).await
}
