-- Issue 17: "sent" meant only that GOV.UK Notify took a message. Notify
-- then says whether it was delivered (GET /v2/notifications/{id}): the
-- portal asks while the status is not final and keeps the last answer, and
-- a message Notify could not deliver waits for staff again. Portable SQL.
ALTER TABLE outbox ADD COLUMN delivery_status TEXT;
ALTER TABLE outbox ADD COLUMN delivery_checked_at TEXT;
-- The messages still to ask about: taken by Notify, status not final.
CREATE INDEX outbox_delivery ON outbox (sent_by, delivery_status, delivery_checked_at);
