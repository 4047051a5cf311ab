-- Issue 15: reads that do not replay. What a list shows of a case (its
-- summary: status, stage, next due date and its kind, caseworker, windows,
-- next step, late promises) is kept beside the events, rewritten in the same
-- transaction as each event, so the resident's list and the staff queue read
-- one row per case instead of replaying every case's events. The queue's
-- filter and sort columns (stage, status, next_due, assigned_to) stay on the
-- case row, where their indexes are.
--
-- A summary depends on the day as well as the events (a date passes, a case
-- becomes overdue): `as_of` is the day it was worked out, and a list trusts it
-- only on that day; NULL says it is settled (the same on every later day, as
-- a closed case's is). The policy's clock refreshes the unsettled ones each
-- day, and `server projections check` recomputes every one from the events.
--
-- `rules_on` is the first day one of the policy's rules will act on the case
-- and has not yet (NULL: none will), so the clock's round looks only at the
-- cases whose day has come instead of replaying every open complaint.
CREATE TABLE case_summaries (
    case_id       INTEGER PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    as_of         TEXT,
    last_event_at TEXT NOT NULL,
    next_due_kind TEXT,
    summary       TEXT NOT NULL,
    rules_on      TEXT
);
CREATE INDEX case_summaries_as_of ON case_summaries (as_of);
CREATE INDEX case_summaries_rules_on ON case_summaries (rules_on);
