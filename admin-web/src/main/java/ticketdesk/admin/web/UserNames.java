package ticketdesk.admin.web;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Display names of users by id, for pages that show who did something. */
@Singleton
public class UserNames {

    private final JdbcOperations jdbc;

    UserNames(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @ReadOnly
    public Map<Long, String> of(Collection<Long> ids) {
        var distinct = ids.stream().filter(Objects::nonNull).distinct().toList();
        Map<Long, String> names = new HashMap<>();
        if (distinct.isEmpty()) {
            return names;
        }
        return jdbc.prepareStatement("SELECT id, display_name FROM users WHERE id IN ("
                + Sql.marks(distinct.size()) + ")", ps -> {
            for (int i = 0; i < distinct.size(); i++) {
                ps.setLong(i + 1, distinct.get(i));
            }
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getLong(1), rs.getString(2));
                }
            }
            return names;
        });
    }
}
