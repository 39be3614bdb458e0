package ticketdesk.admin.web;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Ids of the users whose name or email contains a text, for filters by person. Lists filter on these ids
 * rather than joining {@code users}, so their own index decides the plan.
 */
@Singleton
public class PeopleMatching {

    /** More people than this matching one text would make the filter meaningless; the rest are cut off. */
    public static final int LIMIT = 500;

    private final JdbcOperations jdbc;

    PeopleMatching(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @ReadOnly
    public List<Long> ids(String text) {
        return jdbc.prepareStatement("SELECT id FROM users WHERE display_name LIKE ? OR email LIKE ?"
                + " ORDER BY id LIMIT " + LIMIT, ps -> {
                    String like = Sql.contains(text);
                    ps.setString(1, like);
                    ps.setString(2, like);
                    List<Long> found = new ArrayList<>();
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(rs.getLong(1));
                        }
                    }
                    return found;
                });
    }
}
