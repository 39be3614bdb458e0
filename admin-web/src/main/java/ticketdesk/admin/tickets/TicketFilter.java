package ticketdesk.admin.tickets;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ticketdesk.admin.web.BadQuery;
import ticketdesk.core.ticket.Priority;
import ticketdesk.core.ticket.Source;
import ticketdesk.core.ticket.TicketStatus;

/**
 * The ticket list's filters, sort and page, as typed in the query string; an unknown value is a {@link BadQuery}. The
 * API's ticket list takes the same filters (and pages by keyset instead).
 */
public record TicketFilter(String status, String priority, String source, String requester, String responder, String text,
                    String sort, String dir, int page) {

    static final int PAGE_SIZE = 25;
    static final int LAST_PAGE = 100_000;
    static final List<String> STATUSES = Arrays.stream(TicketStatus.values()).map(TicketStatus::db).toList();
    static final List<String> PRIORITIES = Arrays.stream(Priority.values()).map(Priority::db).toList();
    static final List<String> SOURCES = Arrays.stream(Source.values()).map(Source::db).toList();
    /** Each sort's ORDER BY expression, in the order the list's menu offers them. */
    static final Map<String, String> SORTS = sorts();
    static final List<String> SORT_NAMES = List.copyOf(SORTS.keySet());

    public static TicketFilter of(String status, String priority, String source, String requester, String responder,
                           String text, String sort, String dir, Integer page) {
        String sortBy = BadQuery.oneOf("sort", sort, SORT_NAMES);
        String direction = BadQuery.oneOf("dir", dir, List.of("asc", "desc"));
        return new TicketFilter(BadQuery.oneOf("status", status, STATUSES),
                BadQuery.oneOf("priority", priority, PRIORITIES), BadQuery.oneOf("source", source, SOURCES),
                trim(requester), trim(responder), trim(text), sortBy.isEmpty() ? "created" : sortBy,
                direction.isEmpty() ? "desc" : direction, page == null ? 1 : Math.max(1, Math.min(page, LAST_PAGE)));
    }

    String orderBy() {
        String direction = dir.equals("asc") ? " ASC" : " DESC";
        return SORTS.get(sort) + direction + ", t.id" + direction;
    }

    private static Map<String, String> sorts() {
        Map<String, String> sorts = new LinkedHashMap<>();
        sorts.put("created", "t.created_at");
        sorts.put("updated", "t.updated_at");
        sorts.put("priority", "CASE t.priority WHEN 'urgent' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END");
        sorts.put("status", "t.status");
        sorts.put("title", "t.title");
        sorts.put("id", "t.id");
        return Collections.unmodifiableMap(sorts);
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
