-- Issue 18, item 6: the figures count the complaints whose description
-- suggested a hazard (Awaab's Law). The flag is what the screening kept in
-- the case's details when it was raised; cases from before this migration
-- are marked from those details here (`server projections rebuild` works
-- every case's facts out again from its events and details).
ALTER TABLE case_facts ADD COLUMN hazard INTEGER NOT NULL DEFAULT 0;
UPDATE case_facts SET hazard = 1
WHERE case_id IN (SELECT id FROM cases WHERE details LIKE '%"hazard":{%');
