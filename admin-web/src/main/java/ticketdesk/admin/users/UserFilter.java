package ticketdesk.admin.users;

import java.util.Locale;
import ticketdesk.core.user.Role;

/** The users list's search box and filters, as typed in the query string. */
record UserFilter(String q, String role, String active, int page) {

    static final int PAGE_SIZE = 50;

    static UserFilter of(String q, String role, String active, Integer page) {
        return new UserFilter(q == null ? "" : q.trim(), known(role), "yes".equals(active) || "no".equals(active)
                ? active : "", page == null || page < 1 ? 1 : page);
    }

    private static String known(String role) {
        if (role == null || role.isBlank()) {
            return "";
        }
        for (Role r : Role.values()) {
            if (r.db().equals(role.toLowerCase(Locale.ROOT))) {
                return r.db();
            }
        }
        return "";
    }
}
