//! `GET`/`PUT /api/v1/preferences`: the signed-in account's accessibility and
//! communication preferences, and `GET`/`PUT /api/v1/postal-address`, where
//! its letters go (see [`crate::preferences`]).

use axum::extract::State;
use domain::api::account::{AccountAddress, Preferences};
use domain::endpoints::preferences::{
    GetPostalAddress, GetPreferences, UpdatePostalAddress, UpdatePreferences,
};

use crate::auth::CurrentUser;
use crate::error::ApiResult;
use crate::extract::Json;
use crate::routes::Routes;
use crate::AppState;

pub fn router() -> Routes {
    Routes::new()
        .add(GetPreferences, get_preferences)
        .add(UpdatePreferences, update_preferences)
        .add(GetPostalAddress, get_postal_address)
        .add(UpdatePostalAddress, update_postal_address)
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
    let mut conn = state.db.acquire().await?;
    let stored =
        crate::preferences::save(&mut conn, user.id, preferences, state.clock.now()).await?;
    Ok(Json(stored))
}

#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn get_postal_address(
    State(state): State<AppState>,
    user: CurrentUser,
) -> ApiResult<Json<AccountAddress>> {
    let mut conn = state.db.acquire().await?;
    Ok(Json(AccountAddress {
        postal_address: crate::preferences::postal_address(&mut conn, user.id).await?,
    }))
}

/// Replaces the postal address and answers with it as stored (tidied).
#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn update_postal_address(
    State(state): State<AppState>,
    user: CurrentUser,
    Json(address): Json<AccountAddress>,
) -> ApiResult<Json<AccountAddress>> {
    let mut conn = state.db.acquire().await?;
    let stored =
        crate::preferences::save_postal_address(&mut conn, user.id, address, state.clock.now())
            .await?;
    Ok(Json(stored))
}
