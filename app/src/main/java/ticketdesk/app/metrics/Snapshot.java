package ticketdesk.app.metrics;

import ticketdesk.core.ticket.TicketStatus;

/**
 * The one statement behind {@link HelpDeskGauges}: rows of (kind, tag, tag, count, time). Statuses come from core's
 * enum; the outbox's counts read its due-queue index (status first), the others their tables' group counts.
 */
final class Snapshot {

    static final String TICKETS = "tickets";
    static final String OUTBOX = "outbox";
    static final String INBOUND = "inbound";
    static final String OLDEST = "oldest";

    static final String SQL = "SELECT '" + TICKETS + "', status, NULL, COUNT(*), NULL FROM tickets GROUP BY status"
            + " UNION ALL SELECT '" + OUTBOX + "', channel, status, COUNT(*), NULL FROM notifications"
            + " WHERE status IN ('pending', 'failed') GROUP BY channel, status"
            + " UNION ALL SELECT '" + INBOUND + "', outcome, NULL, COUNT(*), NULL FROM inbound_emails GROUP BY outcome"
            + " UNION ALL SELECT '" + OLDEST + "', NULL, NULL, 0, MIN(created_at) FROM tickets WHERE status = '"
            + TicketStatus.PENDING.db() + "'";

    private Snapshot() {
    }
}
