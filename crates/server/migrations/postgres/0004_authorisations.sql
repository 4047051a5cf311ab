-- Authorisations (issue 6): what the first schema did not yet hold, and the
-- indexes every case request uses to find the authorisations in force.

-- An advocate filing for a resident without an account may give a postal
-- address instead of an email address (the resident is told either way).
ALTER TABLE authorisations ADD COLUMN resident_address TEXT;
-- The advocate's own words when the relationship is `other`.
ALTER TABLE authorisations ADD COLUMN relationship_other TEXT;

CREATE INDEX authorisations_advocate ON authorisations (advocate_id);
CREATE INDEX authorisations_resident ON authorisations (resident_id);
CREATE INDEX authorisations_invite ON authorisations (invite_email);
CREATE INDEX cases_authorisation ON cases (authorisation_id);
