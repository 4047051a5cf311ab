-- Issue 19: the figures count the remedies of each stage response, with
-- their money (Code 7), and the causes each response recorded (Code 9), as
-- case_stage_facts counts outcomes: a row per remedy and per cause, kept in
-- step with the events (crates/server/src/cases/store.rs, save_facts).
CREATE TABLE case_remedy_facts (
    case_id      INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    stage        INTEGER NOT NULL,
    position     INTEGER NOT NULL,
    kind         TEXT NOT NULL,
    amount_pence INTEGER,
    PRIMARY KEY (case_id, stage, position)
);
CREATE TABLE case_cause_facts (
    case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    stage   INTEGER NOT NULL,
    cause   TEXT NOT NULL,
    PRIMARY KEY (case_id, stage, cause)
);
-- Every satisfaction answer (one may follow each response), so KPI (h)
-- counts each in the period it was given, not only the latest.
CREATE TABLE case_satisfaction_facts (
    case_id     INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    answered_on TEXT NOT NULL,
    satisfied   INTEGER NOT NULL,
    PRIMARY KEY (case_id, position)
);
-- What each response says was learnt, for the annual report's draft.
ALTER TABLE case_stage_facts ADD COLUMN lessons TEXT;
-- Every case's facts are worked out again from its events when the server
-- starts (cases::fill_missing_facts), so responses recorded before this
-- migration are counted too.
DELETE FROM case_stage_facts;
DELETE FROM case_facts;
