-- Issue 18, item 5: equality monitoring (Pioneer §11, "All feedback received
-- will be monitored in terms of gender, age, ethnicity, disability or other
-- protected characteristic (where known)"). A resident's optional answers
-- about a case of theirs, kept apart from the case: nothing that shows a
-- case reads this table; only the figures count it. The answers go with the
-- case, and with the account (special category data: they are the
-- resident's, not the landlord's record of the complaint). Each column holds
-- one of domain::equality's stable values, or NULL for not answered.
CREATE TABLE equality_answers (
    case_id     INTEGER PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    gender      TEXT,
    age         TEXT,
    ethnicity   TEXT,
    disability  TEXT,
    answered_at TEXT NOT NULL
);
CREATE INDEX equality_answers_user ON equality_answers (user_id);
