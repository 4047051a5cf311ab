-- Issue 18, item 5: petitions (Plus Dane §20, "ten or more people jointly
-- complain about the same issue or concern ... all subsequent contact and
-- correspondence will be managed via the nominated spokesperson"). A
-- petition is one case whose resident is the spokesperson; these are the
-- other people who signed it, in the order staff recorded them. A resident
-- account whose confirmed email address is one of these follows the case
-- without acting on it. The rows go with the case.
CREATE TABLE case_signatories (
    case_id  INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name     TEXT NOT NULL,
    email    TEXT NOT NULL,
    PRIMARY KEY (case_id, position),
    UNIQUE (case_id, email)
);
CREATE INDEX case_signatories_email ON case_signatories (email);
