//! Equality monitoring (issue 18, item 5; Pioneer §11: "All feedback
//! received will be monitored in terms of gender, age, ethnicity, disability
//! or other protected characteristic (where known)").
//!
//! Only the resident whose case it is reads or answers the questions, and
//! only under a policy that monitors: anyone else, caseworkers and advocates
//! included, gets the 404 of a case that does not exist. The answers never
//! appear with the case (its page, lists, messages, exports); the figures
//! count them for the cases received in a period (`crate::figures`). They are
//! not logged.

pub mod store;

use domain::equality::{Characteristic, EqualityAnswers, EqualityQuestions};
use sqlx::AnyConnection;

use crate::auth::CurrentUser;
use crate::cases::access::{case_access, Relation};
use crate::cases::store::CaseRow;
use crate::error::ApiError;
use crate::AppState;

/// The case's questions and its resident's answers, or 404.
pub async fn questions(
    state: &AppState,
    conn: &mut AnyConnection,
    user: &CurrentUser,
    case_public_id: &str,
) -> Result<EqualityQuestions, ApiError> {
    let (case_id, policy_says) = asked(state, conn, user, case_public_id).await?;
    let answers = store::answers(conn, case_id).await?.map(|row| {
        EqualityAnswers::from_values(
            row.gender.as_deref(),
            row.age.as_deref(),
            row.ethnicity.as_deref(),
            row.disability.as_deref(),
        )
    });
    Ok(EqualityQuestions {
        policy_says,
        answers,
    })
}

/// Replaces the answers (nothing answered takes them away), or 404.
pub async fn save(
    state: &AppState,
    conn: &mut AnyConnection,
    user: &CurrentUser,
    case_public_id: &str,
    answers: EqualityAnswers,
) -> Result<EqualityQuestions, ApiError> {
    let (case_id, policy_says) = asked(state, conn, user, case_public_id).await?;
    if answers.is_empty() {
        store::remove(conn, case_id).await?;
    } else {
        let value = |c: Characteristic| c.value_in(&answers).map(str::to_owned);
        let row = store::AnswersRow {
            gender: value(Characteristic::Gender),
            age: value(Characteristic::Age),
            ethnicity: value(Characteristic::Ethnicity),
            disability: value(Characteristic::Disability),
        };
        store::save(conn, case_id, user.id, &row, state.clock.now()).await?;
    }
    Ok(EqualityQuestions {
        policy_says,
        answers: (!answers.is_empty()).then_some(answers),
    })
}

/// The case's id and the policy's words, when `user` is its resident and
/// its policy monitors; 404 otherwise, as for a case that does not exist.
async fn asked(
    state: &AppState,
    conn: &mut AnyConnection,
    user: &CurrentUser,
    case_public_id: &str,
) -> Result<(i64, String), ApiError> {
    let access = case_access(conn, user, case_public_id, state.clock.today()).await?;
    if access.relation != Relation::Resident {
        return Err(ApiError::NotFound);
    }
    let policy = state.policy_for(&access.case.policy_id);
    let monitoring = policy
        .equality_monitoring
        .as_ref()
        .ok_or(ApiError::NotFound)?;
    Ok((access.case.id, monitoring.policy_says.clone()))
}

/// For the case page: `Some(whether they answered)` when `relation` is the
/// case's resident and its policy monitors (the page offers the questions),
/// `None` otherwise.
pub async fn answered(
    state: &AppState,
    conn: &mut AnyConnection,
    relation: Relation,
    case: &CaseRow,
) -> Result<Option<bool>, sqlx::Error> {
    let offered = relation == Relation::Resident
        && state
            .policy_for(&case.policy_id)
            .equality_monitoring
            .is_some();
    if !offered {
        return Ok(None);
    }
    Ok(Some(store::answers(conn, case.id).await?.is_some()))
}
