-- The lists read in the order of an index, so a page costs the same with a
-- million cases as with ten thousand (issue 15's growth benchmarks).
-- The staff queue: soonest due first (no due date last), then oldest, as
-- cases::store::list_queue sorts; before this every page sorted every case.
CREATE INDEX cases_queue_order ON cases ((COALESCE(next_due, '9999-12-31')), created_at, id);
-- A resident's cases, newest first (cases::store::list_for_resident): read
-- in order instead of sorting all of the resident's cases for each page.
CREATE INDEX cases_resident_newest ON cases (resident_id, created_at, id);
-- accounts::store::id_by_email asks `email = ?`, which the lower(email)
-- index cannot answer: every sign-up and account made by an admin read every
-- account (PostgreSQL only; SQLite's email column is UNIQUE COLLATE NOCASE).
-- Emails are stored lower-cased, so this holds the same values.
CREATE INDEX users_email_exact ON users (email);
