package ticketdesk.admin.audit;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import ticketdesk.admin.web.Sql;
import ticketdesk.admin.web.UserNames;

/**
 * Reads {@code user_events} (what admins did to accounts and mail, sign-ins) newest first with keyset pagination on
 * (created_at, id), on core's time index; names are then looked up by primary key.
 */
@Singleton
class AdminActionQueries {

    private final JdbcOperations jdbc;
    private final UserNames names;
    private final PersonCondition people;

    AdminActionQueries(JdbcOperations jdbc, UserNames names, PersonCondition people) {
        this.jdbc = jdbc;
        this.names = names;
        this.people = people;
    }

    @ReadOnly
    List<AdminActionRow> page(AdminActionFilter filter, Cursor after, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT e.id, e.created_at, e.user_id, e.actor_id, e.event_type,"
                + " e.field, e.old_value, e.new_value, e.channel, e.address FROM user_events e WHERE 1 = 1");
        if (!people.add(sql, args, "e.actor_id", filter.actor()) || !people.add(sql, args, "e.user_id", filter.user())) {
            return List.of();
        }
        condition(sql, args, " AND e.event_type = ?", filter.type().isEmpty() ? null : filter.type());
        condition(sql, args, " AND e.created_at >= ?", filter.fromTime());
        condition(sql, args, " AND e.created_at < ?", filter.untilTime());
        if (after != null) {
            sql.append(" AND e.created_at <= ? AND (e.created_at < ? OR e.id < ?)");
            args.addAll(List.of(after.createdAt(), after.createdAt(), after.id()));
        }
        sql.append(" ORDER BY e.created_at DESC, e.id DESC LIMIT ?");
        args.add(limit);
        List<AdminActionRow> rows = jdbc.prepareStatement(sql.toString(), ps -> {
            Sql.bind(ps, args);
            List<AdminActionRow> found = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    long actorId = rs.getLong(4);
                    Long actor = rs.wasNull() ? null : actorId;
                    found.add(new AdminActionRow(rs.getLong(1), Sql.time(rs, 2), rs.getLong(3), null, actor, null,
                            rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getString(9), rs.getString(10)));
                }
            }
            return found;
        });
        return named(rows);
    }

    private List<AdminActionRow> named(List<AdminActionRow> rows) {
        Map<Long, String> who = names.of(rows.stream()
                .flatMap(r -> Stream.of(r.userId(), r.actorId())).toList());
        return rows.stream().map(r -> new AdminActionRow(r.id(), r.createdAt(), r.userId(), who.get(r.userId()),
                r.actorId(), r.actorId() == null ? null : who.get(r.actorId()), r.eventType(), r.field(),
                r.oldValue(), r.newValue(), r.channel(), r.address())).toList();
    }

    private static void condition(StringBuilder sql, List<Object> args, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            args.add(value);
        }
    }
}
