-- The PostgreSQL twin of ../0035_remedy_and_cause_facts.sql. Issue 19: the
-- remedies of each stage response, with their money (Code 7), and the
-- causes each response recorded (Code 9), a row each.
CREATE TABLE case_remedy_facts (
    case_id      BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    stage        BIGINT NOT NULL,
    position     BIGINT NOT NULL,
    kind         TEXT NOT NULL,
    amount_pence BIGINT,
    PRIMARY KEY (case_id, stage, position)
);
CREATE TABLE case_cause_facts (
    case_id BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    stage   BIGINT NOT NULL,
    cause   TEXT NOT NULL,
    PRIMARY KEY (case_id, stage, cause)
);
-- Every satisfaction answer (one may follow each response), so KPI (h)
-- counts each in the period it was given, not only the latest.
CREATE TABLE case_satisfaction_facts (
    case_id     BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    position    BIGINT NOT NULL,
    answered_on TEXT NOT NULL,
    satisfied   BIGINT NOT NULL,
    PRIMARY KEY (case_id, position)
);
-- What each response says was learnt, for the annual report's draft.
ALTER TABLE case_stage_facts ADD COLUMN lessons TEXT;
-- Every case's facts are worked out again from its events when the server
-- starts, so responses recorded before this migration are counted too.
DELETE FROM case_stage_facts;
DELETE FROM case_facts;
