-- The panel's ticket list sorts newest first by default (or by last update), and the dashboard's median time
-- to claim reads the tickets claimed since a date: each gets an index scan instead of sorting every ticket.
CREATE INDEX ix_tickets_created ON tickets (created_at, id);
CREATE INDEX ix_tickets_updated ON tickets (updated_at, id);
CREATE INDEX ix_tickets_claimed ON tickets (claimed_at);
