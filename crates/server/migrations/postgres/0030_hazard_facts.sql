-- The PostgreSQL twin of ../0030_hazard_facts.sql. Issue 18, item 6: the
-- figures count the complaints whose description suggested a hazard.
ALTER TABLE case_facts ADD COLUMN hazard BIGINT NOT NULL DEFAULT 0;
UPDATE case_facts SET hazard = 1
WHERE case_id IN (SELECT id FROM cases WHERE details LIKE '%"hazard":{%');
