package ticketdesk.core.ticket;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import ticketdesk.core.user.Role;
import ticketdesk.core.user.User;

/**
 * What a claimer sees before claiming, in one statement and outside any transaction: who they are, the ticket,
 * whether they declined it, and who holds it. In a storm of clicks on one card, all but the first find the
 * ticket taken, and this read is all they cost the database. Columns are read by position: looking 34 of them
 * up by name cost more than running the query.
 */
@Singleton
class ClaimSight {

    /** The claimer and holder ({@code null} when unknown or none) and the ticket ({@code null} when unknown). */
    record Seen(User claimer, Ticket ticket, boolean declined, User holder) {
    }

    private static final String[] TICKET_COLUMNS = {"id", "title", "description", "priority", "category", "status",
        "requester_id", "responder_id", "source", "created_at", "updated_at", "claimed_at", "completed_at"};
    private static final String[] USER_COLUMNS = {"id", "display_name", "email", "phone_e164", "role", "profession",
        "organization", "is_active", "created_at", "updated_at"};
    private static final int CLAIMER = 1;
    private static final int TICKET = CLAIMER + USER_COLUMNS.length;
    private static final int HOLDER = TICKET + TICKET_COLUMNS.length;
    private static final int DECLINED = HOLDER + USER_COLUMNS.length;
    private static final String SQL = "SELECT " + columns("c", USER_COLUMNS) + ", " + columns("t", TICKET_COLUMNS)
            + ", " + columns("h", USER_COLUMNS)
            + ", EXISTS (SELECT 1 FROM ticket_responder_log l WHERE l.ticket_id = t.id AND l.responder_id = c.id)"
            + " FROM (SELECT 1 AS one) asked"
            + " LEFT JOIN users c ON c.id = ?"
            + " LEFT JOIN tickets t ON t.id = ?"
            + " LEFT JOIN users h ON h.id = t.responder_id";

    private final JdbcOperations jdbc;

    ClaimSight(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Connectable
    Seen look(long ticketId, long claimerId) {
        return jdbc.prepareStatement(SQL, statement -> {
            statement.setLong(1, claimerId);
            statement.setLong(2, ticketId);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return new Seen(user(row, CLAIMER), ticket(row, TICKET), row.getBoolean(DECLINED), user(row, HOLDER));
            }
        });
    }

    private static Ticket ticket(ResultSet row, int at) throws SQLException {
        long id = row.getLong(at);
        if (row.wasNull()) {
            return null;
        }
        return new Ticket(id, row.getString(at + 1), row.getString(at + 2), Priority.fromDb(row.getString(at + 3)),
                row.getString(at + 4), TicketStatus.fromDb(row.getString(at + 5)), row.getLong(at + 6),
                row.getObject(at + 7, Long.class), Source.fromDb(row.getString(at + 8)), time(row, at + 9),
                time(row, at + 10), time(row, at + 11), time(row, at + 12));
    }

    private static User user(ResultSet row, int at) throws SQLException {
        long id = row.getLong(at);
        if (row.wasNull()) {
            return null;
        }
        return new User(id, row.getString(at + 1), row.getString(at + 2), row.getString(at + 3),
                Role.fromDb(row.getString(at + 4)), row.getString(at + 5), row.getString(at + 6),
                row.getBoolean(at + 7), time(row, at + 8), time(row, at + 9));
    }

    private static LocalDateTime time(ResultSet row, int at) throws SQLException {
        return row.getObject(at, LocalDateTime.class);
    }

    private static String columns(String table, String[] names) {
        return Stream.of(names).map(name -> table + "." + name).collect(Collectors.joining(", "));
    }
}
