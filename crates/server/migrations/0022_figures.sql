-- Issue 19: the landlord's figures. What each figure counts about a case and
-- its complaint stages (1 and 2), kept beside the events whenever an event is
-- recorded (the truth is still the events), so each figure is one query over
-- dates and flags. Flags are 0/1 integers; dates ISO text. See
-- domain::figures for what each column means.
CREATE TABLE case_facts (
    case_id      INTEGER PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    received_on  TEXT NOT NULL,
    counted      INTEGER NOT NULL,   -- 1: a complaint taken on (CH01)
    withdrawn_on TEXT,
    closed_on    TEXT,
    satisfied_on TEXT,
    satisfied    INTEGER,
    ombudsman_on TEXT
);
CREATE INDEX case_facts_kind_received ON case_facts (kind, received_on);

CREATE TABLE case_stage_facts (
    case_id           INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    stage             INTEGER NOT NULL,
    received_on       TEXT NOT NULL,
    acknowledged_on   TEXT,
    responded_on      TEXT,
    outcome           TEXT,
    extended_on       TEXT,
    extension_in_line INTEGER,
    within_code       INTEGER,
    PRIMARY KEY (case_id, stage)
);
CREATE INDEX case_stage_facts_received ON case_stage_facts (stage, received_on);
CREATE INDEX case_stage_facts_responded ON case_stage_facts (stage, responded_on);

-- The landlord's settings the figures need: one row.
CREATE TABLE landlord_settings (
    id                         INTEGER PRIMARY KEY CHECK (id = 1),
    homes                      INTEGER,
    financial_year_start_month INTEGER NOT NULL
);
