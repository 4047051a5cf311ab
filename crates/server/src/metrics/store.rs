//! What the metrics read from the database when scraped.

use sqlx::AnyPool;

/// Whether the database answers.
pub async fn ping(db: &AnyPool) -> Result<(), sqlx::Error> {
    crate::db::query_scalar::<i64>("SELECT 1")
        .fetch_one(db)
        .await
        .map(|_| ())
}
