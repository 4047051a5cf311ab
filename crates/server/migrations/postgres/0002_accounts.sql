-- Accounts: failed sign-ins are counted in the database, so the limits hold
-- across restarts and across processes sharing the file.

-- One row per failed sign-in, under two keys: `email:<address>` and
-- `address:<client IP>`. Rows older than the window are deleted as new ones come.
CREATE TABLE sign_in_failures (
    key TEXT NOT NULL,
    at  TEXT NOT NULL          -- RFC 3339 UTC, fixed width, so text order is time order
);
CREATE INDEX sign_in_failures_key_at ON sign_in_failures (key, at);

-- The sender and the staff view read undelivered messages first.
CREATE INDEX outbox_unsent ON outbox (sent_at, attempts);
