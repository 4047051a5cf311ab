-- Issue 13, finding 11: staff and admins sign in with a second factor, a code
-- from an authenticator app (TOTP, RFC 6238) or a single-use recovery code.
-- Timestamps are RFC 3339 UTC, fixed width, so text order is time order.

-- One authenticator app per account. `confirmed_at` is NULL while it is
-- being set up (the secret may be shown again until then, never after).
-- `last_step` is the last 30-second step a code was accepted for: a code for
-- that step or an earlier one is refused, so a code seen over a shoulder or
-- in a log cannot be used again.
CREATE TABLE second_factors (
    user_id      BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret       BYTEA NOT NULL,
    created_at   TEXT NOT NULL,
    confirmed_at TEXT,
    last_step    BIGINT
);

-- Ten per account, made at set-up and shown once: only their SHA-256 is kept.
CREATE TABLE recovery_codes (
    user_id   BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at   TEXT,
    PRIMARY KEY (user_id, code_hash)
);

-- A right password for a staff or admin account: a token (stored by its
-- SHA-256) that opens only the second-factor endpoints, for 5 minutes, once.
CREATE TABLE pending_sign_ins (
    token_hash TEXT PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at    TEXT
);
CREATE INDEX pending_sign_ins_expires_at ON pending_sign_ins (expires_at);
