-- The PostgreSQL twin of ../0027_case_summaries.sql. Issue 15: reads that do
-- not replay. What a list shows of a case is kept beside the events,
-- rewritten in the same transaction as each event; `as_of` is the day it was
-- worked out (NULL: settled, the same on every later day);
-- `rules_on` is the first day one of the policy's rules will next act.
CREATE TABLE case_summaries (
    case_id       BIGINT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    as_of         TEXT,
    last_event_at TEXT NOT NULL,
    next_due_kind TEXT,
    summary       TEXT NOT NULL,
    rules_on      TEXT
);
CREATE INDEX case_summaries_as_of ON case_summaries (as_of);
CREATE INDEX case_summaries_rules_on ON case_summaries (rules_on);
