package ticketdesk.admin.audit;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import ticketdesk.admin.web.Sql;

/**
 * Reads {@code ticket_events} newest first with keyset pagination on (created_at, id), so every page costs the
 * same at a million events; each filter has an index of core's (time, actor, type, ticket).
 */
@Singleton
class AuditQueries {

    private final JdbcOperations jdbc;

    AuditQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @ReadOnly
    List<AuditRow> page(AuditFilter filter, Cursor after, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT e.id, e.created_at, e.ticket_id, t.title, e.actor_id,"
                + " u.display_name, e.event_type, e.from_status, e.to_status, e.field, e.old_value, e.new_value,"
                + " e.channel FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id"
                + " LEFT JOIN users u ON u.id = e.actor_id WHERE 1 = 1");
        actor(sql, args, filter.actor());
        if (!filter.type().isEmpty()) {
            sql.append(" AND e.event_type = ?");
            args.add(filter.type());
        }
        if (filter.ticketId() != null) {
            sql.append(" AND e.ticket_id = ?");
            args.add(filter.ticketId());
        }
        if (filter.fromTime() != null) {
            sql.append(" AND e.created_at >= ?");
            args.add(filter.fromTime());
        }
        if (filter.untilTime() != null) {
            sql.append(" AND e.created_at < ?");
            args.add(filter.untilTime());
        }
        if (after != null) {
            sql.append(" AND e.created_at <= ? AND (e.created_at < ? OR e.id < ?)");
            args.add(after.createdAt());
            args.add(after.createdAt());
            args.add(after.id());
        }
        sql.append(" ORDER BY e.created_at DESC, e.id DESC LIMIT ?");
        args.add(limit);
        return jdbc.prepareStatement(sql.toString(), ps -> {
            Sql.bind(ps, args);
            List<AuditRow> rows = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    long actorId = rs.getLong(5);
                    Long actor = rs.wasNull() ? null : actorId;
                    rows.add(new AuditRow(rs.getLong(1), Sql.time(rs, 2), rs.getLong(3), rs.getString(4),
                            actor, rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                            rs.getString(13)));
                }
            }
            return rows;
        });
    }

    private static void actor(StringBuilder sql, List<Object> args, String actor) {
        if (actor.isEmpty()) {
            return;
        }
        if (actor.equalsIgnoreCase("system")) {
            sql.append(" AND e.actor_id IS NULL");
        } else if (actor.matches("#?\\d{1,18}")) {
            sql.append(" AND e.actor_id = ?");
            args.add(Long.parseLong(actor.replace("#", "")));
        } else {
            sql.append(" AND e.actor_id IN (SELECT a.id FROM users a WHERE a.display_name LIKE ? OR a.email LIKE ?)");
            String like = Sql.contains(actor);
            args.add(like);
            args.add(like);
        }
    }
}
