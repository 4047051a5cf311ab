-- Complaints from any channel (issue 16): someone without an account whose
-- complaint staff raised, and how they want to hear from us. One row per
-- case; it goes with the case. The PostgreSQL twin of ../0020_case_contacts.sql.
CREATE TABLE case_contacts (
    case_id          BIGINT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    name             TEXT NOT NULL,
    resident_address TEXT,
    email            TEXT,
    phone            TEXT,
    contact_channel  TEXT NOT NULL
);
