package ticketdesk.admin.users;

import java.util.Locale;
import ticketdesk.admin.web.BadQuery;
import ticketdesk.core.user.Role;

/** The users list's search box and filters, as typed in the query string; an unknown value is a {@link BadQuery}. */
record UserFilter(String q, String role, String active, int page) {

    static final int PAGE_SIZE = 50;
    static final int LAST_PAGE = 100_000;

    static UserFilter of(String q, String role, String active, Integer page) {
        return new UserFilter(q == null ? "" : q.trim(), known(role), yesOrNo(active),
                page == null ? 1 : Math.max(1, Math.min(page, LAST_PAGE)));
    }

    private static String known(String role) {
        if (role == null || role.isBlank()) {
            return "";
        }
        try {
            return Role.fromDb(role).db();
        } catch (IllegalArgumentException e) {
            throw new BadQuery("Unknown role \"" + role.trim() + "\"; known: employee, responder, admin");
        }
    }

    private static String yesOrNo(String active) {
        String a = active == null ? "" : active.trim().toLowerCase(Locale.ROOT);
        if (!a.isEmpty() && !a.equals("yes") && !a.equals("no")) {
            throw new BadQuery("\"active\" must be yes or no, not \"" + active.trim() + "\"");
        }
        return a;
    }
}
