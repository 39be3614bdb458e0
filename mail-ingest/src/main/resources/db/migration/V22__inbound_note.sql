-- inbound_emails.error held every remark, also "matched by In-Reply-To" on a mail that was applied fine.
-- Remarks on mail that went through go to note; error keeps only why a mail failed, was malformed or refused.
ALTER TABLE inbound_emails ADD COLUMN note TEXT;
UPDATE inbound_emails SET note = error, error = NULL WHERE outcome NOT IN ('failed', 'malformed', 'refused');
