-- The PostgreSQL twin of ../0029_postal_addresses.sql. Issue 17, item 3:
-- letters through GOV.UK Notify need the resident's postal address. A
-- resident with an account gives it in their settings (GOV.UK's address
-- pattern), kept in its own typed columns, each as long as a line of a
-- letter's address window allows (checked by domain::validation::postal).
-- It goes when the account is deleted.
CREATE TABLE postal_addresses (
    user_id        BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    address_line_1 TEXT NOT NULL,
    address_line_2 TEXT,
    town           TEXT NOT NULL,
    postcode       TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
-- A letter keeps the address block it was written to, one line a line of
-- text (the name first, the postcode last): the same PDF is printed by
-- staff or sent to Notify, and its history says where it went.
ALTER TABLE outbox ADD COLUMN address_block TEXT;
