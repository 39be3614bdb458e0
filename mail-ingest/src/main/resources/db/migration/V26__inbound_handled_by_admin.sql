-- Mail that could not be applied (unknown sender, held, unverified, refused) waits on the panel's Unmatched mail page
-- until an admin applies, attaches or dismisses it: the row says who did, when, and how.
ALTER TABLE inbound_emails ADD COLUMN handled_by BIGINT;
ALTER TABLE inbound_emails ADD COLUMN handled_at DATETIME(6);
ALTER TABLE inbound_emails ADD COLUMN handled_as VARCHAR(16);
ALTER TABLE inbound_emails ADD CONSTRAINT fk_inbound_handled_by FOREIGN KEY (handled_by) REFERENCES users (id);
-- the page lists the waiting outcomes, newest first
CREATE INDEX ix_inbound_outcome_received ON inbound_emails (outcome, received_at, id);
