//! What the metrics read from the database when scraped.

use sqlx::AnyPool;

/// Messages still to be tried, and those the sender gave up on (email tried
/// [`crate::outbox::MAX_ATTEMPTS`] times, or anything else tried once).
pub async fn outbox_depth(db: &AnyPool) -> Result<(i64, i64), sqlx::Error> {
    crate::db::query_as(
        "SELECT \
           COUNT(CASE WHEN attempts = 0 OR (channel = 'email' AND attempts < ?) THEN 1 END), \
           COUNT(CASE WHEN attempts = 0 OR (channel = 'email' AND attempts < ?) THEN NULL ELSE 1 END) \
         FROM outbox WHERE sent_at IS NULL",
    )
    .bind(crate::outbox::MAX_ATTEMPTS)
    .bind(crate::outbox::MAX_ATTEMPTS)
    .fetch_one(db)
    .await
}

/// Whether the database answers.
pub async fn ping(db: &AnyPool) -> Result<(), sqlx::Error> {
    crate::db::query_scalar::<i64>("SELECT 1")
        .fetch_one(db)
        .await
        .map(|_| ())
}
