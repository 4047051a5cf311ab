-- Put It Right: the first schema.
-- Portable SQL on purpose (TEXT timestamps in RFC 3339 UTC, INTEGER keys, JSON in
-- TEXT) so that a PostgreSQL migration set can follow with few changes.

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    public_id     TEXT NOT NULL UNIQUE,
    email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('resident', 'advocate', 'staff', 'admin')),
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL
);

-- Sessions are stored by the SHA-256 of their token, so a copy of the database
-- does not hand out live sessions.
CREATE TABLE sessions (
    token_hash   TEXT PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    revoked_at   TEXT
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Accessibility and communication preferences, one JSON document per account.
CREATE TABLE preferences (
    user_id    INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    document   TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- An advocate's authority to act for a resident.
CREATE TABLE authorisations (
    id              INTEGER PRIMARY KEY,
    public_id       TEXT NOT NULL UNIQUE,
    advocate_id     INTEGER REFERENCES users (id),
    resident_id     INTEGER REFERENCES users (id),
    -- For an advocate filing for a resident who cannot use the portal.
    resident_name   TEXT,
    resident_email  TEXT,
    invite_email    TEXT,
    relationship    TEXT NOT NULL,
    scope           TEXT NOT NULL,       -- JSON array of scopes
    case_ids        TEXT,                -- JSON array of case public ids; NULL = all
    expires_on      TEXT NOT NULL,       -- ISO date
    status          TEXT NOT NULL CHECK (status IN ('pending', 'active', 'revoked', 'rejected')),
    evidence_id     INTEGER REFERENCES attachments (id),
    created_by      INTEGER NOT NULL REFERENCES users (id),
    created_at      TEXT NOT NULL,
    accepted_at     TEXT,
    verified_at     TEXT,
    verified_by     INTEGER REFERENCES users (id),
    revoked_at      TEXT,
    rejected_reason TEXT
);

CREATE TABLE cases (
    id               INTEGER PRIMARY KEY,
    public_id        TEXT NOT NULL UNIQUE,
    reference        TEXT NOT NULL UNIQUE,
    kind             TEXT NOT NULL CHECK (kind IN ('complaint', 'compliment', 'comment')),
    resident_id      INTEGER REFERENCES users (id),
    filed_by_id      INTEGER NOT NULL REFERENCES users (id),
    authorisation_id INTEGER REFERENCES authorisations (id),
    policy_id        TEXT NOT NULL,
    category         TEXT,
    details          TEXT NOT NULL,      -- JSON: what the resident told us
    created_at       TEXT NOT NULL,
    -- Kept up to date on every event, for the staff queue; the truth is the events.
    stage            INTEGER,
    status           TEXT NOT NULL,
    next_due         TEXT,
    assigned_to      INTEGER REFERENCES users (id)
);
CREATE INDEX cases_resident ON cases (resident_id);
CREATE INDEX cases_queue ON cases (status, next_due);

CREATE TABLE case_events (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    at         TEXT NOT NULL,
    actor_id   INTEGER REFERENCES users (id),
    record     TEXT NOT NULL,            -- JSON: domain::case::EventRecord
    UNIQUE (case_id, seq)
);

CREATE TABLE reference_counters (
    prefix TEXT NOT NULL,
    year   INTEGER NOT NULL,
    last   INTEGER NOT NULL,
    PRIMARY KEY (prefix, year)
);

CREATE TABLE attachments (
    id           INTEGER PRIMARY KEY,
    public_id    TEXT NOT NULL UNIQUE,
    case_id      INTEGER REFERENCES cases (id) ON DELETE CASCADE,
    uploaded_by  INTEGER NOT NULL REFERENCES users (id),
    filename     TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         INTEGER NOT NULL,
    data         BLOB NOT NULL,
    created_at   TEXT NOT NULL
);

-- A retried create returns the first answer instead of making a second case.
CREATE TABLE idempotency_keys (
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    key           TEXT NOT NULL,
    request_hash  TEXT NOT NULL,
    status        INTEGER NOT NULL,
    response      TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    PRIMARY KEY (user_id, key)
);

-- Every message a resident should get; a sender delivers it, or staff see it.
CREATE TABLE outbox (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER REFERENCES users (id),
    case_id    INTEGER REFERENCES cases (id),
    channel    TEXT NOT NULL,
    recipient  TEXT NOT NULL,
    subject    TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    sent_at    TEXT,
    attempts   INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
);
