package ticketdesk.admin.users;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import ticketdesk.admin.web.Sql;

/** Reads the users list straight from core's tables: search, role and active filters, one page at a time. */
@Singleton
public class UserListing {

    private final JdbcOperations jdbc;

    UserListing(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The page asked for, or the last one when it asks past the end; and how many pages there are. */
    public record Page(List<UserSummary> users, int number, int last) {
    }

    @ReadOnly
    public Page search(UserFilter filter) {
        StringBuilder where = new StringBuilder(" FROM users u WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (!filter.q().isEmpty()) {
            where.append(" AND (u.display_name LIKE ? OR u.email LIKE ? OR u.phone_e164 LIKE ? OR u.organization LIKE ?"
                    + " OR u.profession LIKE ? OR EXISTS (SELECT 1 FROM user_identities s WHERE s.user_id = u.id"
                    + " AND s.external_id LIKE ?))");
            String like = Sql.contains(filter.q());
            for (int i = 0; i < 6; i++) {
                args.add(like);
            }
        }
        if (!filter.role().isEmpty()) {
            where.append(" AND u.role = ?");
            args.add(filter.role());
        }
        if (!filter.active().isEmpty()) {
            where.append(" AND u.is_active = ?");
            args.add("yes".equals(filter.active()));
        }
        long matching = jdbc.prepareStatement("SELECT COUNT(*)" + where, ps -> {
            Sql.bind(ps, args);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
        int last = (int) Sql.pages(matching, UserFilter.PAGE_SIZE);
        int number = Math.min(filter.page(), last);
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(UserFilter.PAGE_SIZE);
        pageArgs.add((number - 1L) * UserFilter.PAGE_SIZE);
        return new Page(jdbc.prepareStatement("""
                SELECT u.id, u.display_name, u.email, u.phone_e164, u.role, u.profession, u.organization, u.is_active,
                  (SELECT MIN(i.external_id) FROM user_identities i WHERE i.user_id = u.id AND i.platform = 'slack'),
                  (SELECT COUNT(*) FROM tickets t WHERE t.responder_id = u.id AND t.status = 'in_process')"""
                + where + " ORDER BY u.display_name, u.id LIMIT ? OFFSET ?", ps -> {
            Sql.bind(ps, pageArgs);
            List<UserSummary> users = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    users.add(new UserSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getString(9),
                            rs.getLong(10)));
                }
            }
            return users;
        }), number, last);
    }
}
