package ticketdesk.app.metrics;

import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import ticketdesk.core.ticket.TicketStatus;

/**
 * What {@link HelpDeskGauges} shows, read by one statement of rows (kind, tag, tag, count, time). Statuses come from
 * core's enum; every status is a row, at 0 when no ticket has it.
 */
final class Snapshot {

    private static final String TICKETS = "tickets";
    private static final String OUTBOX = "outbox";
    private static final String INBOUND = "inbound";
    private static final String OLDEST = "oldest";
    static final String SQL = "SELECT '" + TICKETS + "', status, NULL, COUNT(*), NULL FROM tickets GROUP BY status"
            + " UNION ALL SELECT '" + OUTBOX + "', channel, status, COUNT(*), NULL FROM notifications"
            + " WHERE status IN ('pending', 'failed') GROUP BY channel, status"
            + " UNION ALL SELECT '" + INBOUND + "', outcome, NULL, COUNT(*), NULL FROM inbound_emails GROUP BY outcome"
            + " UNION ALL SELECT '" + OLDEST + "', NULL, NULL, 0, MIN(created_at) FROM tickets WHERE status = '"
            + TicketStatus.PENDING.db() + "'";

    final List<MultiGauge.Row<?>> tickets = new ArrayList<>();
    final List<MultiGauge.Row<?>> outbox = new ArrayList<>();
    final List<MultiGauge.Row<?>> inbound = new ArrayList<>();
    LocalDateTime oldestPending;

    static Snapshot read(JdbcOperations jdbc) {
        Snapshot snapshot = new Snapshot();
        Set<String> statuses = new HashSet<>();
        jdbc.prepareStatement(SQL, ps -> {
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    snapshot.add(rs, statuses);
                }
            }
            return null;
        });
        for (TicketStatus status : TicketStatus.values()) {
            if (!statuses.contains(status.db())) {
                snapshot.tickets.add(MultiGauge.Row.of(Tags.of("status", status.db()), 0));
            }
        }
        return snapshot;
    }

    private void add(ResultSet rs, Set<String> statuses) throws SQLException {
        long count = rs.getLong(4);
        switch (rs.getString(1)) {
            case TICKETS -> {
                statuses.add(rs.getString(2));
                tickets.add(MultiGauge.Row.of(Tags.of("status", rs.getString(2)), count));
            }
            case OUTBOX -> outbox.add(MultiGauge.Row.of(Tags.of("channel", rs.getString(2), "status",
                    rs.getString(3)), count));
            case INBOUND -> inbound.add(MultiGauge.Row.of(Tags.of("outcome", rs.getString(2)), count));
            default -> oldestPending = rs.getObject(5, LocalDateTime.class);
        }
    }
}
