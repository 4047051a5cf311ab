-- Issue 15: several server processes on one database. Each sender claims the
-- messages it is about to send for a while (a lease, in real time): another
-- process skips a claimed message, so none is sent twice, and a claim whose
-- process died lapses and the message is sent by whoever comes next.
ALTER TABLE outbox ADD COLUMN claim TEXT;
ALTER TABLE outbox ADD COLUMN claimed_until TEXT;
