-- Issue 13: a retried write's key keeps the id of what it made or acted on
-- (a case or an authorisation), not a copy of the answer, so that a replay is
-- read afresh through the caller's current access (a revoked advocate
-- replaying a key sees nothing). Keys are kept for 24 hours. The stored
-- copies of earlier answers are dropped with the old table.
DROP TABLE idempotency_keys;

CREATE TABLE idempotency_keys (
    user_id       BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    key           TEXT NOT NULL,
    request_hash  TEXT NOT NULL,
    status        BIGINT NOT NULL,
    resource_id   TEXT NOT NULL,          -- cases.public_id or authorisations.public_id
    created_at    TEXT NOT NULL,
    PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
