package ticketdesk.admin.users;

import java.util.List;
import ticketdesk.admin.web.BadQuery;

/** The users list's search box and filters, as typed in the query string; an unknown value is a {@link BadQuery}. */
public record UserFilter(String q, String role, String active, int page) {

    static final int PAGE_SIZE = 50;
    static final int LAST_PAGE = 100_000;

    public static UserFilter of(String q, String role, String active, Integer page) {
        return new UserFilter(q == null ? "" : q.trim(), BadQuery.oneOf("role", role, UserPage.ROLES),
                BadQuery.oneOf("active", active, List.of("yes", "no")),
                page == null ? 1 : Math.max(1, Math.min(page, LAST_PAGE)));
    }
}
