package ticketdesk.admin.audit;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import ticketdesk.admin.web.Formats;
import ticketdesk.admin.web.Sql;
import ticketdesk.admin.web.UserNames;

/**
 * Reads {@code ticket_events} newest first with keyset pagination on (created_at, id), so every page costs the
 * same at a million events. The page is read from {@code ticket_events} alone, on core's indexes (time, actor,
 * type, ticket); titles and names are then looked up by primary key, so a join can never change the plan.
 */
@Singleton
public class AuditQueries {

    private record Event(long id, java.time.LocalDateTime createdAt, long ticketId, Long actorId, String type,
                         String from, String to, String field, String oldValue, String newValue, String channel) {
    }

    private final JdbcOperations jdbc;
    private final UserNames names;
    private final PersonCondition people;

    AuditQueries(JdbcOperations jdbc, UserNames names, PersonCondition people) {
        this.jdbc = jdbc;
        this.names = names;
        this.people = people;
    }

    @ReadOnly
    List<AuditRow> page(AuditFilter filter, Cursor after, int limit) {
        return rows(events(filter, after, limit), true);
    }

    /** As {@link #page} without {@code detail}: the CSV carries the raw change, so no one it names is looked up. */
    @ReadOnly
    public List<AuditRow> exportPage(AuditFilter filter, Cursor after, int limit) {
        return rows(events(filter, after, limit), false);
    }

    private List<Event> events(AuditFilter filter, Cursor after, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT e.id, e.created_at, e.ticket_id, e.actor_id, e.event_type,"
                + " e.from_status, e.to_status, e.field, e.old_value, e.new_value, e.channel"
                + " FROM ticket_events e WHERE 1 = 1");
        if (!people.add(sql, args, "e.actor_id", filter.actor())) {
            return List.of();
        }
        condition(sql, args, " AND e.event_type = ?", filter.type().isEmpty() ? null : filter.type());
        condition(sql, args, " AND e.ticket_id = ?", filter.ticketId());
        condition(sql, args, " AND e.created_at >= ?", filter.fromTime());
        condition(sql, args, " AND e.created_at < ?", filter.untilTime());
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
            List<Event> found = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    long actorId = rs.getLong(4);
                    Long actor = rs.wasNull() ? null : actorId;
                    found.add(new Event(rs.getLong(1), Sql.time(rs, 2), rs.getLong(3), actor, rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                            rs.getString(11)));
                }
            }
            return found;
        });
    }

    private List<AuditRow> rows(List<Event> events, boolean detailed) {
        Map<Long, String> titles = titles(events.stream().map(Event::ticketId).collect(Collectors.toSet()));
        Map<Long, String> who = names.of(events.stream().flatMap(e -> Stream.concat(Stream.of(e.actorId()),
                detailed ? Formats.peopleIn(e.field(), e.oldValue(), e.newValue()).stream() : Stream.empty()))
                .toList());
        return events.stream().map(e -> new AuditRow(e.id(), e.createdAt(), e.ticketId(), titles.get(e.ticketId()),
                e.actorId(), e.actorId() == null ? null : who.get(e.actorId()), e.type(), e.from(), e.to(),
                e.field(), e.oldValue(), e.newValue(), e.channel(),
                detailed ? Formats.change(e.field(), e.oldValue(), e.newValue(), who) : null)).toList();
    }

    private static void condition(StringBuilder sql, List<Object> args, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            args.add(value);
        }
    }

    private Map<Long, String> titles(Collection<Long> ticketIds) {
        Map<Long, String> titles = new HashMap<>();
        if (ticketIds.isEmpty()) {
            return titles;
        }
        List<Long> ids = List.copyOf(ticketIds);
        return jdbc.prepareStatement("SELECT id, title FROM tickets WHERE id IN ("
                + Sql.marks(ids.size()) + ")", ps -> {
                    Sql.bind(ps, new ArrayList<>(ids));
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            titles.put(rs.getLong(1), rs.getString(2));
                        }
                    }
                    return titles;
                });
    }
}
