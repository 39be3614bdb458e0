package ticketdesk.admin.audit;

import jakarta.inject.Singleton;
import java.util.List;
import ticketdesk.admin.web.PeopleMatching;
import ticketdesk.admin.web.Sql;

/** A filter by person as typed (an id, a name or an email, or "system" for nobody) as a condition on a column. */
@Singleton
class PersonCondition {

    private final PeopleMatching people;

    PersonCondition(PeopleMatching people) {
        this.people = people;
    }

    /** Adds the condition on {@code column}; false when no one matches, so there is nothing to show. */
    boolean add(StringBuilder sql, List<Object> args, String column, String typed) {
        if (typed.isEmpty()) {
            return true;
        }
        if (typed.equalsIgnoreCase("system")) {
            sql.append(" AND ").append(column).append(" IS NULL");
            return true;
        }
        if (typed.matches("#?\\d{1,18}")) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(Long.parseLong(typed.replace("#", "")));
            return true;
        }
        List<Long> ids = people.ids(typed);
        if (ids.isEmpty()) {
            return false;
        }
        sql.append(" AND ").append(column).append(" IN (").append(Sql.marks(ids.size())).append(")");
        args.addAll(ids);
        return true;
    }
}
