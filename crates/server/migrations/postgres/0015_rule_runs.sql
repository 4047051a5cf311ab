-- Issue 17: the policy's clock. Each automatic rule acts once per case and
-- trigger (the day it counts from): the row is inserted in the same
-- transaction as the rule's event, so a restart, a catch-up after downtime
-- or a second server process on the same database finds it and does nothing.
CREATE TABLE rule_runs (
    case_id     BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    rule        TEXT NOT NULL,
    trigger_on  TEXT NOT NULL,
    due_on      TEXT NOT NULL,
    acted_at    TEXT NOT NULL,
    PRIMARY KEY (case_id, rule, trigger_on)
);
