//! `GET`/`PUT /api/v1/preferences`: the signed-in account's accessibility and
//! communication preferences (see [`crate::preferences`]).

use axum::extract::State;
use domain::api::account::Preferences;
use domain::endpoints::preferences::{GetPreferences, UpdatePreferences};

use crate::auth::CurrentUser;
use crate::error::ApiResult;
use crate::extract::Json;
use crate::routes::Routes;
use crate::AppState;

pub fn router() -> Routes {
    Routes::new()
        .add(GetPreferences, get_preferences)
        .add(UpdatePreferences, update_preferences)
}

#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn get_preferences(
    State(state): State<AppState>,
    user: CurrentUser,
) -> ApiResult<Json<Preferences>> {
    let mut conn = state.db.acquire().await?;
    Ok(Json(crate::preferences::load(&mut conn, user.id).await?))
}

/// Replaces the whole document (a field left out takes its default) and
/// answers with it as stored: trimmed, with values that no longer apply dropped.
#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn update_preferences(
    State(state): State<AppState>,
    user: CurrentUser,
    Json(preferences): Json<Preferences>,
) -> ApiResult<Json<Preferences>> {
    // The document and the postal address are written together or not at all.
    let mut tx = crate::db::begin_write(&state.db).await?;
    let stored = crate::preferences::save(&mut tx, user.id, preferences, state.clock.now()).await?;
    tx.commit().await?;
    Ok(Json(stored))
}
