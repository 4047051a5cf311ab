-- Issue 13: sign-in failures are throttled, not locked out. One row per key
-- (an account's email or a client address): how many failures in a row, when
-- the next attempt may be checked, and when the last one was made. Timestamps
-- are RFC 3339 UTC, fixed width, so text order is time order.
DROP TABLE sign_in_failures;

CREATE TABLE sign_in_throttle (
    key      TEXT PRIMARY KEY,
    failures BIGINT NOT NULL,
    next_at  TEXT NOT NULL,
    last_at  TEXT NOT NULL
);
CREATE INDEX sign_in_throttle_last_at ON sign_in_throttle (last_at);

-- Addresses an account has signed in from (for 90 days after the last time):
-- attempts from them are not held back by the account's own delay, so an
-- attack on the account from elsewhere does not keep its owner out.
CREATE TABLE sign_in_known (
    account TEXT NOT NULL,
    address TEXT NOT NULL,
    last_at TEXT NOT NULL,
    PRIMARY KEY (account, address)
);
CREATE INDEX sign_in_known_last_at ON sign_in_known (last_at);
