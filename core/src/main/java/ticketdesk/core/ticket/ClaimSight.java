package ticketdesk.core.ticket;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.stream.Collectors;
import ticketdesk.core.user.Role;
import ticketdesk.core.user.User;

/**
 * What a claimer sees before claiming, in one statement and outside any transaction: who they are, the ticket,
 * whether they declined it, and who holds it. In a storm of clicks on one card, all but the first find the
 * ticket taken, and this read is all they cost the database.
 */
@Singleton
class ClaimSight {

    /** The claimer and holder ({@code null} when unknown or none) and the ticket ({@code null} when unknown). */
    record Seen(User claimer, Ticket ticket, boolean declined, User holder) {
    }

    private static final String[] USER_COLUMNS = {"id", "display_name", "email", "phone_e164", "role", "profession",
        "organization", "is_active", "created_at", "updated_at"};
    private static final String SQL = "SELECT t.*, " + userColumns("c", "claimer_") + ", " + userColumns("h", "holder_")
            + ", EXISTS (SELECT 1 FROM ticket_responder_log l WHERE l.ticket_id = t.id AND l.responder_id = c.id)"
            + " AS claimer_declined"
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
                Ticket ticket = row.getObject("id") == null ? null : jdbc.readEntity(row, TicketRow.class).toTicket();
                return new Seen(user(row, "claimer_"), ticket, row.getBoolean("claimer_declined"),
                        user(row, "holder_"));
            }
        });
    }

    private static User user(ResultSet row, String prefix) throws SQLException {
        long id = row.getLong(prefix + "id");
        if (row.wasNull()) {
            return null;
        }
        return new User(id, row.getString(prefix + "display_name"), row.getString(prefix + "email"),
                row.getString(prefix + "phone_e164"), Role.fromDb(row.getString(prefix + "role")),
                row.getString(prefix + "profession"), row.getString(prefix + "organization"),
                row.getBoolean(prefix + "is_active"), row.getObject(prefix + "created_at", LocalDateTime.class),
                row.getObject(prefix + "updated_at", LocalDateTime.class));
    }

    private static String userColumns(String table, String prefix) {
        return Arrays.stream(USER_COLUMNS).map(column -> table + "." + column + " AS " + prefix + column)
                .collect(Collectors.joining(", "));
    }
}
