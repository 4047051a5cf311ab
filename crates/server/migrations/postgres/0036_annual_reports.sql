-- The PostgreSQL twin of ../0036_annual_reports.sql. Issue 19: the annual
-- complaints report with the self-assessment (Code section 8), one a
-- financial year; the draft, and the published copy with its figures, as
-- JSON text.
CREATE TABLE annual_reports (
    year                     BIGINT PRIMARY KEY,
    draft                    TEXT NOT NULL,
    version                  BIGINT NOT NULL,
    published                TEXT,
    published_on             TEXT,
    changed_since_published  BIGINT NOT NULL DEFAULT 0,
    updated_at               TEXT NOT NULL
);
