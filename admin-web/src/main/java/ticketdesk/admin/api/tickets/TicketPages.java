package ticketdesk.admin.api.tickets;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import ticketdesk.admin.tickets.TicketFilter;
import ticketdesk.admin.tickets.TicketListing;
import ticketdesk.admin.web.Sql;
import ticketdesk.admin.web.UserNames;
import ticketdesk.core.ticket.Priority;
import ticketdesk.core.ticket.Source;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.ticket.TicketStatus;
import ticketdesk.core.ticket.Visibility;
import ticketdesk.core.user.User;

/**
 * The API's ticket list: the panel's filters ({@link TicketListing#where}), narrowed to what the caller may see (core's
 * rule 9 as SQL, {@link Visibility#condition}), newest first, a page at a time by keyset on the id, so a page costs
 * the same however deep it is.
 */
@Singleton
class TicketPages {

    static final int MAX_LIMIT = 100;
    private static final String COLUMNS = "t.id, t.title, t.description, t.priority, t.category, t.status, t.source,"
            + " t.requester_id, t.responder_id, t.created_at, t.updated_at, t.claimed_at, t.completed_at";

    private final JdbcOperations jdbc;
    private final TicketListing listing;
    private final UserNames names;

    TicketPages(JdbcOperations jdbc, TicketListing listing, UserNames names) {
        this.jdbc = jdbc;
        this.listing = listing;
        this.names = names;
    }

    @ReadOnly
    TicketPage page(User viewer, TicketFilter filter, Long afterId, int limit) {
        List<Object> args = new ArrayList<>();
        String where = listing.where(filter, args);
        if (where == null) {
            return new TicketPage(List.of(), null);
        }
        Visibility.Condition visible = Visibility.condition(viewer);
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM tickets t" + where)
                .append(" AND ").append(visible.sql());
        args.addAll(visible.args());
        if (afterId != null) {
            sql.append(" AND t.id < ?");
            args.add(afterId);
        }
        sql.append(" ORDER BY t.id DESC LIMIT ?");
        args.add(limit + 1);
        List<Ticket> found = jdbc.prepareStatement(sql.toString(), ps -> {
            Sql.bind(ps, args);
            List<Ticket> rows = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(ticket(rs));
                }
            }
            return rows;
        });
        boolean more = found.size() > limit;
        List<Ticket> shown = more ? found.subList(0, limit) : found;
        Map<Long, String> who = names.of(shown.stream()
                .flatMap(t -> Stream.of(t.requesterId(), t.responderId())).toList());
        return new TicketPage(shown.stream().map(t -> TicketView.of(t, who)).toList(),
                more ? Long.toString(shown.get(shown.size() - 1).id()) : null);
    }

    private static Ticket ticket(ResultSet rs) throws SQLException {
        long responder = rs.getLong(9);
        Long responderId = rs.wasNull() ? null : responder;
        return new Ticket(rs.getLong(1), rs.getString(2), rs.getString(3), Priority.fromDb(rs.getString(4)),
                rs.getString(5), TicketStatus.fromDb(rs.getString(6)), rs.getLong(8), responderId,
                Source.fromDb(rs.getString(7)), Sql.time(rs, 10), Sql.time(rs, 11), Sql.time(rs, 12),
                Sql.time(rs, 13));
    }
}
