package ticketdesk.admin.users;

import java.util.Locale;
import ticketdesk.core.user.Role;

/** The users list's search box and filters, as typed in the query string. */
record UserFilter(String q, String role, String active, int page) {

    static final int PAGE_SIZE = 50;
    static final int LAST_PAGE = 100_000;

    static UserFilter of(String q, String role, String active, Integer page) {
        return new UserFilter(q == null ? "" : q.trim(), known(role), "yes".equals(active) || "no".equals(active)
                ? active : "", page == null ? 1 : Math.max(1, Math.min(page, LAST_PAGE)));
    }

    long offset() {
        return (page - 1L) * PAGE_SIZE;
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
