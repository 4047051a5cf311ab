//! `GET`/`PUT /api/v1/preferences`: the signed-in account's accessibility and
//! communication preferences, one JSON document per account (defaults until set).

use axum::extract::State;
use axum::routing::get;
use axum::Router;
use domain::api::account::Preferences;
use sqlx::SqliteConnection;

use crate::auth::{timestamp, CurrentUser};
use crate::error::ApiResult;
use crate::extract::Json;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/preferences", get(get_preferences).put(update_preferences))
}

async fn get_preferences(
    State(state): State<AppState>,
    user: CurrentUser,
) -> ApiResult<Json<Preferences>> {
    let mut conn = state.db.acquire().await?;
    Ok(Json(load(&mut conn, user.id).await?))
}

/// Replaces the whole document (a field left out takes its default) and
/// answers with it as stored: trimmed, with values that no longer apply dropped.
async fn update_preferences(
    State(state): State<AppState>,
    user: CurrentUser,
    Json(preferences): Json<Preferences>,
) -> ApiResult<Json<Preferences>> {
    let preferences = preferences.normalised();
    preferences.validate()?;
    let document = serde_json::to_string(&preferences).map_err(crate::error::ApiError::internal)?;
    sqlx::query(
        "INSERT INTO preferences (user_id, document, updated_at) VALUES (?, ?, ?) \
         ON CONFLICT (user_id) DO UPDATE SET document = excluded.document, \
         updated_at = excluded.updated_at",
    )
    .bind(user.id)
    .bind(document)
    .bind(timestamp(state.clock.now()))
    .execute(&state.db)
    .await?;
    Ok(Json(preferences))
}

/// An account's preferences, or the defaults when it has never set them.
pub async fn load(conn: &mut SqliteConnection, user_id: i64) -> Result<Preferences, sqlx::Error> {
    let document: Option<String> =
        sqlx::query_scalar("SELECT document FROM preferences WHERE user_id = ?")
            .bind(user_id)
            .fetch_optional(conn)
            .await?;
    Ok(document.map(|d| parse(&d, user_id)).unwrap_or_default())
}

/// A stored document; one that no longer reads (it never should) gives the
/// defaults rather than locking the account out, and is logged.
pub fn parse(document: &str, user_id: i64) -> Preferences {
    serde_json::from_str(document).unwrap_or_else(|error| {
        // Where, not what: serde's message can quote the stored value (a
        // phone number, the adjustments someone needs).
        tracing::error!(
            kind = ?error.classify(),
            line = error.line(),
            column = error.column(),
            user_id,
            "stored preferences cannot be read; using the defaults"
        );
        Preferences::default()
    })
}
