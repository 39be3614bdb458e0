-- A successful sign-in or a password reset forgives an account's failures without deleting them: they still count
-- against the client addresses they came from, so forgiving an account never unlocks an attacker's address.
ALTER TABLE admin_login_failures ADD COLUMN account_forgiven BOOLEAN NOT NULL DEFAULT FALSE;
