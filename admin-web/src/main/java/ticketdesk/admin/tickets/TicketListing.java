package ticketdesk.admin.tickets;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import ticketdesk.admin.web.Formats;
import ticketdesk.admin.web.Sql;

/** Reads the ticket list from core's tables: filters, sort and one page at a time. */
@Singleton
class TicketListing {

    record Page(List<TicketSummary> tickets, long total) {
    }

    private final JdbcOperations jdbc;

    TicketListing(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @ReadOnly
    Page search(TicketFilter filter) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        long total = jdbc.prepareStatement("SELECT COUNT(*) FROM tickets t JOIN users r ON r.id = t.requester_id"
                + " LEFT JOIN users s ON s.id = t.responder_id" + where, ps -> {
                    Sql.bind(ps, args);
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(TicketFilter.PAGE_SIZE);
        pageArgs.add((filter.page() - 1) * TicketFilter.PAGE_SIZE);
        List<TicketSummary> tickets = jdbc.prepareStatement("SELECT t.id, t.title, t.priority, t.status, t.source,"
                + " r.display_name, s.display_name, t.created_at, t.updated_at FROM tickets t"
                + " JOIN users r ON r.id = t.requester_id LEFT JOIN users s ON s.id = t.responder_id" + where
                + " ORDER BY " + filter.orderBy() + " LIMIT ? OFFSET ?", ps -> {
                    Sql.bind(ps, pageArgs);
                    List<TicketSummary> found = new ArrayList<>();
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(new TicketSummary(rs.getLong(1), rs.getString(2), rs.getString(3),
                                    rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                                    Formats.time(Sql.time(rs, 8)), Formats.time(Sql.time(rs, 9))));
                        }
                    }
                    return found;
                });
        return new Page(tickets, total);
    }

    private static String where(TicketFilter f, List<Object> args) {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        equal(sql, args, "t.status", f.status());
        equal(sql, args, "t.priority", f.priority());
        equal(sql, args, "t.source", f.source());
        person(sql, args, "r", f.requester());
        person(sql, args, "s", f.responder());
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

    private static void person(StringBuilder sql, List<Object> args, String alias, String who) {
        if (!who.isEmpty()) {
            sql.append(" AND (").append(alias).append(".display_name LIKE ? OR ").append(alias)
                    .append(".email LIKE ?)");
            String like = Sql.contains(who);
            args.add(like);
            args.add(like);
        }
    }
}
