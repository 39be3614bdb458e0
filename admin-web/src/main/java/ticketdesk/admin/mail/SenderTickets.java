package ticketdesk.admin.mail;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/** The tickets a mail's sender asked for or holds, newest first: what the attach form offers to pick from. */
@Singleton
class SenderTickets {

    static final int SHOWN = 20;

    record Choice(long id, String title) {
    }

    private final JdbcOperations jdbc;

    SenderTickets(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @ReadOnly
    List<Choice> of(long userId) {
        return jdbc.prepareStatement("SELECT id, title FROM tickets WHERE requester_id = ? OR responder_id = ?"
                + " ORDER BY id DESC LIMIT " + SHOWN, ps -> {
                    ps.setLong(1, userId);
                    ps.setLong(2, userId);
                    List<Choice> choices = new ArrayList<>();
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            choices.add(new Choice(rs.getLong(1), rs.getString(2)));
                        }
                    }
                    return choices;
                });
    }
}
