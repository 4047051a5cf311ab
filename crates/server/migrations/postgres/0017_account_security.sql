-- Issue 13, finding 11: an account can see and end its sessions, change its
-- password, reset a forgotten one by email, and be deleted by its owner.

-- Sessions get an id for the wire (never the cookie's token or its hash), and
-- a coarse description of the device they started on: the browser's and the
-- operating system's family, from a fixed list (never the User-Agent itself,
-- never the IP address).
ALTER TABLE sessions ADD COLUMN public_id TEXT;
ALTER TABLE sessions ADD COLUMN browser TEXT;
ALTER TABLE sessions ADD COLUMN os TEXT;
UPDATE sessions SET public_id = md5(token_hash || random()::text) WHERE public_id IS NULL;
CREATE UNIQUE INDEX sessions_public_id ON sessions (public_id);

-- Links to reset a forgotten password: single-use, expiring after an hour,
-- stored by the SHA-256 of their token, like the links that prove an address
-- (0016). A link works only while the account still has the address it was
-- sent to.
CREATE TABLE password_resets (
    token_hash  TEXT PRIMARY KEY,
    user_id     BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    email       TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT
);
CREATE INDEX password_resets_user ON password_resets (user_id, created_at);

-- A deleted account keeps its row, so the landlord's case records that refer
-- to it stay whole, but nothing in it identifies or reaches the person: its
-- email, name and password hash are replaced when it is deleted.
ALTER TABLE users ADD COLUMN deleted_at TEXT;
