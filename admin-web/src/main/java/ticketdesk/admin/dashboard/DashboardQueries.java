package ticketdesk.admin.dashboard;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ticketdesk.admin.web.Sql;
import ticketdesk.core.ticket.TicketStatus;

/** The dashboard's figures, read from core's tables. Medians are computed here, portable to H2 and MySQL. */
@Singleton
class DashboardQueries {

    record Count(String label, long count) {
    }

    private final JdbcOperations jdbc;

    DashboardQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @ReadOnly
    Map<String, Long> ticketsByStatus() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (TicketStatus status : TicketStatus.values()) {
            counts.put(status.db(), 0L);
        }
        jdbc.prepareStatement("SELECT status, COUNT(*) FROM tickets GROUP BY status", ps -> {
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
            return null;
        });
        return counts;
    }

    /** Median time from opening to the (latest) claim, over tickets claimed since {@code since}. */
    @ReadOnly
    Duration medianTimeToClaim(LocalDateTime since) {
        return median("SELECT created_at, claimed_at FROM tickets WHERE claimed_at >= ?", since);
    }

    /** Median time from opening to done, over tickets resolved since {@code since}. */
    @ReadOnly
    Duration medianTimeToResolve(LocalDateTime since) {
        return median("SELECT created_at, completed_at FROM tickets WHERE status = 'done' AND completed_at >= ?",
                since);
    }

    @ReadOnly
    List<Count> openPerResponder() {
        return counts("SELECT u.display_name, COUNT(*) FROM tickets t JOIN users u ON u.id = t.responder_id"
                + " WHERE t.status = 'in_process' GROUP BY u.id, u.display_name ORDER BY COUNT(*) DESC,"
                + " u.display_name LIMIT 15");
    }

    @ReadOnly
    List<Count> declinesPerResponder() {
        return counts("SELECT u.display_name, COUNT(*) FROM ticket_responder_log l JOIN users u"
                + " ON u.id = l.responder_id WHERE l.state = 'declined' GROUP BY u.id, u.display_name"
                + " ORDER BY COUNT(*) DESC, u.display_name LIMIT 15");
    }

    private List<Count> counts(String sql) {
        return jdbc.prepareStatement(sql, ps -> {
            List<Count> counts = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.add(new Count(rs.getString(1), rs.getLong(2)));
                }
            }
            return counts;
        });
    }

    private Duration median(String sql, LocalDateTime since) {
        List<Duration> durations = jdbc.prepareStatement(sql, ps -> {
            ps.setObject(1, since);
            List<Duration> found = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(Duration.between(Sql.time(rs, 1), Sql.time(rs, 2)));
                }
            }
            return found;
        });
        return Medians.of(durations);
    }
}
