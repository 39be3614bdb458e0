-- How often handling an inbound email was attempted, so one that keeps failing is given up on
-- (its outcome stays 'failed') instead of blocking the IMAP mailbox for good.
ALTER TABLE inbound_emails ADD COLUMN attempts INT NOT NULL DEFAULT 0;
