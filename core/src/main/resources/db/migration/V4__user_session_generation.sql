-- The generation of a user's sign-in sessions: a session carries the generation it was opened in and counts only
-- while the user's row still has it. Signing out, deactivation, a role change and a password change add one, in
-- the same transaction as the change, so every session of that user ends at once on every instance.
ALTER TABLE users ADD COLUMN session_generation BIGINT NOT NULL DEFAULT 0;
