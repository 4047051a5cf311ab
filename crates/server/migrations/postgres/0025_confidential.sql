-- The PostgreSQL twin of ../0025_confidential.sql. Confidential complaints (issue 16, item 7; seed 001 "Anonymous complaints",
-- TORUS section 2): a resident may ask that only the complaints team knows who
-- raised a complaint. Staff outside the team see such a case without the
-- resident's identity. Accounts made before this migration that are staff or
-- admins were the complaints team in all but name, so they stay in it;
-- accounts made afterwards join it only when an administrator says so.
ALTER TABLE users ADD COLUMN complaints_team BIGINT NOT NULL DEFAULT 0;
UPDATE users SET complaints_team = 1 WHERE role IN ('staff', 'admin');
ALTER TABLE cases ADD COLUMN confidential BIGINT NOT NULL DEFAULT 0;
