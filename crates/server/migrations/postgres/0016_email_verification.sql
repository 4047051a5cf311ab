-- Issue 13, finding 2: an email address is proved before its account can
-- accept an invitation, file for anyone, or be sent anything but the link
-- that proves it. Accounts made by an admin (`server user add`) are vouched
-- for; accounts people made themselves before this start unverified.
ALTER TABLE users ADD COLUMN email_verified_at TEXT;
UPDATE users SET email_verified_at = created_at WHERE role IN ('staff', 'admin');

-- Single-use, expiring links, stored by the SHA-256 of their token. A link
-- proves the address it was sent to: if the account's address has changed
-- since, it proves nothing.
CREATE TABLE email_verifications (
    token_hash  TEXT PRIMARY KEY,
    user_id     BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    email       TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT
);
CREATE INDEX email_verifications_user ON email_verifications (user_id, created_at);

-- What a message is for: 'verification' is the one kind that may go to an
-- address not yet proved.
ALTER TABLE outbox ADD COLUMN purpose TEXT;
