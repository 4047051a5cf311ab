-- Issue 19: the annual complaints performance and service improvement
-- report with the self-assessment against the Code (Code section 8), one a
-- financial year. `draft` is the report as the landlord edits it and
-- `published` the copy anyone can read, with the figures as they stood on
-- the day it was published; both are JSON (crates/server/src/reports.rs).
-- `version` grows with each change, so two people's edits cannot overwrite
-- each other.
CREATE TABLE annual_reports (
    year                     INTEGER PRIMARY KEY,
    draft                    TEXT NOT NULL,
    version                  INTEGER NOT NULL,
    published                TEXT,
    published_on             TEXT,
    changed_since_published  INTEGER NOT NULL DEFAULT 0,
    updated_at               TEXT NOT NULL
);
