package ticketdesk.admin.tickets;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import ticketdesk.admin.web.Formats;
import ticketdesk.admin.web.PeopleMatching;
import ticketdesk.admin.web.Sql;
import ticketdesk.admin.web.UserNames;

/**
 * Reads the ticket list from {@code tickets} alone (filters, sort, one page at a time); names are looked up by
 * id afterwards, so the query plan stays on the tickets indexes.
 */
@Singleton
public class TicketListing {

    /** One page of the list; {@code number} is the page shown, the last one when the filter asked past the end. */
    record Page(List<TicketSummary> tickets, long total, int number) {

        long pages() {
            return Sql.pages(total, TicketFilter.PAGE_SIZE);
        }
    }

    private record Row(long id, String title, String priority, String status, String source, long requesterId,
                       Long responderId, LocalDateTime createdAt, LocalDateTime updatedAt) {
    }

    private final JdbcOperations jdbc;
    private final PeopleMatching people;
    private final UserNames names;

    TicketListing(JdbcOperations jdbc, PeopleMatching people, UserNames names) {
        this.jdbc = jdbc;
        this.people = people;
        this.names = names;
    }

    @ReadOnly
    Page search(TicketFilter filter) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        if (where == null) {
            return new Page(List.of(), 0, 1);
        }
        long total = jdbc.prepareStatement("SELECT COUNT(*) FROM tickets t" + where, ps -> {
            Sql.bind(ps, args);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        int number = (int) Math.min(filter.page(), Sql.pages(total, TicketFilter.PAGE_SIZE));
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(TicketFilter.PAGE_SIZE);
        pageArgs.add((number - 1L) * TicketFilter.PAGE_SIZE);
        List<Row> rows = jdbc.prepareStatement("SELECT t.id, t.title, t.priority, t.status, t.source,"
                + " t.requester_id, t.responder_id, t.created_at, t.updated_at FROM tickets t" + where
                + " ORDER BY " + filter.orderBy() + " LIMIT ? OFFSET ?", ps -> {
                    Sql.bind(ps, pageArgs);
                    List<Row> found = new ArrayList<>();
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long responder = rs.getLong(7);
                            Long responderId = rs.wasNull() ? null : responder;
                            found.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                    rs.getString(5), rs.getLong(6), responderId, Sql.time(rs, 8), Sql.time(rs, 9)));
                        }
                    }
                    return found;
                });
        Map<Long, String> who = names.of(rows.stream()
                .flatMap(r -> Stream.of(r.requesterId(), r.responderId())).toList());
        return new Page(rows.stream().map(r -> new TicketSummary(r.id(), r.title(), r.priority(), r.status(),
                r.source(), who.get(r.requesterId()), r.responderId() == null ? "" : who.get(r.responderId()),
                Formats.time(r.createdAt()), Formats.time(r.updatedAt()))).toList(), total, number);
    }

    /** The WHERE clause on {@code tickets t} (values into {@code args}); null when a person filter matches nobody. */
    public String where(TicketFilter f, List<Object> args) {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        equal(sql, args, "t.status", f.status());
        equal(sql, args, "t.priority", f.priority());
        equal(sql, args, "t.source", f.source());
        if (!person(sql, args, "t.requester_id", f.requester()) || !person(sql, args, "t.responder_id",
                f.responder())) {
            return null;
        }
        if (!f.text().isEmpty()) {
            sql.append(" AND (t.title LIKE ? OR t.description LIKE ? OR t.category LIKE ?)");
            String like = Sql.contains(f.text());
            args.add(like);
            args.add(like);
            args.add(like);
        }
        return sql.toString();
    }

    private static void equal(StringBuilder sql, List<Object> args, String column, String value) {
        if (!value.isEmpty()) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private boolean person(StringBuilder sql, List<Object> args, String column, String who) {
        if (who.isEmpty()) {
            return true;
        }
        List<Long> ids = people.ids(who);
        if (ids.isEmpty()) {
            return false;
        }
        sql.append(" AND ").append(column).append(" IN (").append(Sql.marks(ids.size())).append(")");
        args.addAll(ids);
        return true;
    }
}
