-- Issue 17, item 4: the outbox as a working queue. A message that fails is
-- tried again later (`next_attempt_at`, in real time, each wait longer than
-- the last); after the last try, or when trying again cannot help (no
-- service for its channel, a format that needs a person, a refusal), it is
-- given up (`given_up_at`, with why in `needs_staff`) and waits for staff, who send it by hand or have
-- it tried again. `sent_by` says how it went ('smtp', 'notify', 'staff'),
-- `provider_id` the delivery service's own id for it. What happens to each
-- message is kept in `outbox_events`, which the case's history reads.
ALTER TABLE outbox ADD COLUMN next_attempt_at TEXT;
ALTER TABLE outbox ADD COLUMN given_up_at TEXT;
ALTER TABLE outbox ADD COLUMN needs_staff TEXT;
ALTER TABLE outbox ADD COLUMN sent_by TEXT;
ALTER TABLE outbox ADD COLUMN provider_id TEXT;
-- A letter's format (`LetterFormat`: standard, large_print…), for its PDF.
ALTER TABLE outbox ADD COLUMN letter_format TEXT;
-- What the sender left unsent before this waits for staff now.
UPDATE outbox SET given_up_at = created_at,
    needs_staff = CASE channel WHEN 'phone' THEN 'call' WHEN 'letter' THEN 'post' ELSE 'no_service' END
    WHERE sent_at IS NULL AND attempts > 0;
CREATE INDEX outbox_waiting ON outbox (given_up_at, sent_at);
-- A case's messages, and how many of them wait for staff (the queue).
CREATE INDEX outbox_case ON outbox (case_id, sent_at);
CREATE TABLE outbox_events (
    id         INTEGER PRIMARY KEY,
    outbox_id  INTEGER NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
    at         TEXT NOT NULL,
    kind       TEXT NOT NULL,
    detail     TEXT,
    by_user_id INTEGER REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX outbox_events_message ON outbox_events (outbox_id);
