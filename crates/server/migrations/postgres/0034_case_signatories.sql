-- The PostgreSQL twin of ../0034_case_signatories.sql. Issue 18, item 5:
-- petitions (Plus Dane §20). The people besides the spokesperson who signed
-- a petition's case; a resident account with one of these confirmed email
-- addresses follows the case without acting on it.
CREATE TABLE case_signatories (
    case_id  BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name     TEXT NOT NULL,
    email    TEXT NOT NULL,
    PRIMARY KEY (case_id, position),
    UNIQUE (case_id, email)
);
CREATE INDEX case_signatories_email ON case_signatories (email);
