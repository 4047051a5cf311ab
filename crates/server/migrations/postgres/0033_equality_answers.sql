-- The PostgreSQL twin of ../0033_equality_answers.sql. Issue 18, item 5:
-- equality monitoring (Pioneer §11). A resident's optional answers about a
-- case of theirs, kept apart from the case: only the figures count them.
-- They go with the case and with the account.
CREATE TABLE equality_answers (
    case_id     BIGINT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    user_id     BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    gender      TEXT,
    age         TEXT,
    ethnicity   TEXT,
    disability  TEXT,
    answered_at TEXT NOT NULL
);
CREATE INDEX equality_answers_user ON equality_answers (user_id);
