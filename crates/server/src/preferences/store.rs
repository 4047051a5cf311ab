//! The `preferences` table: one JSON document per account; and the
//! `postal_addresses` table: the address letters go to, a row per account
//! that gave one.

use chrono::{DateTime, Utc};
use domain::validation::postal::PostalAddress;
use sqlx::AnyConnection;

use crate::clock::timestamp;

/// The stored document, if the account ever saved one.
#[tracing::instrument(skip_all, fields(user_id))]
pub async fn document(
    conn: &mut AnyConnection,
    user_id: i64,
) -> Result<Option<String>, sqlx::Error> {
    crate::db::query_scalar("SELECT document FROM preferences WHERE user_id = ?")
        .bind(user_id)
        .fetch_optional(conn)
        .await
}

/// Writes the account's document, replacing any earlier one.
#[tracing::instrument(skip_all, fields(user_id))]
pub async fn save(
    conn: &mut AnyConnection,
    user_id: i64,
    document: &str,
    at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    crate::db::query(
        "INSERT INTO preferences (user_id, document, updated_at) VALUES (?, ?, ?) \
         ON CONFLICT (user_id) DO UPDATE SET document = excluded.document, \
         updated_at = excluded.updated_at",
    )
    .bind(user_id)
    .bind(document)
    .bind(timestamp(at))
    .execute(conn)
    .await
    .map(|_| ())
}

#[derive(sqlx::FromRow)]
struct AddressRow {
    address_line_1: String,
    address_line_2: Option<String>,
    town: String,
    postcode: String,
}

/// The account's postal address, if it gave one.
#[tracing::instrument(skip_all, fields(user_id))]
pub async fn postal_address(
    conn: &mut AnyConnection,
    user_id: i64,
) -> Result<Option<PostalAddress>, sqlx::Error> {
    let row: Option<AddressRow> = crate::db::query_as(
        "SELECT address_line_1, address_line_2, town, postcode FROM postal_addresses \
         WHERE user_id = ?",
    )
    .bind(user_id)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|r| PostalAddress {
        address_line_1: r.address_line_1,
        address_line_2: r.address_line_2,
        town: r.town,
        postcode: r.postcode,
    }))
}

/// Writes the account's postal address, or removes it (`None`).
#[tracing::instrument(skip_all, fields(user_id))]
pub async fn save_postal_address(
    conn: &mut AnyConnection,
    user_id: i64,
    address: Option<&PostalAddress>,
    at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let Some(address) = address else {
        return crate::db::query("DELETE FROM postal_addresses WHERE user_id = ?")
            .bind(user_id)
            .execute(conn)
            .await
            .map(|_| ());
    };
    crate::db::query(
        "INSERT INTO postal_addresses \
         (user_id, address_line_1, address_line_2, town, postcode, updated_at) \
         VALUES (?, ?, ?, ?, ?, ?) \
         ON CONFLICT (user_id) DO UPDATE SET address_line_1 = excluded.address_line_1, \
         address_line_2 = excluded.address_line_2, town = excluded.town, \
         postcode = excluded.postcode, updated_at = excluded.updated_at",
    )
    .bind(user_id)
    .bind(&address.address_line_1)
    .bind(address.address_line_2.as_deref())
    .bind(&address.town)
    .bind(&address.postcode)
    .bind(timestamp(at))
    .execute(conn)
    .await
    .map(|_| ())
}
