package ticketdesk.admin.tickets;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ticketdesk.core.ticket.Priority;
import ticketdesk.core.ticket.Source;
import ticketdesk.core.ticket.TicketStatus;

/** The ticket list's filters, sort and page, as typed in the query string (unknown values are ignored). */
record TicketFilter(String status, String priority, String source, String requester, String responder, String text,
                    String sort, String dir, int page) {

    static final int PAGE_SIZE = 25;
    static final int LAST_PAGE = 100_000;
    static final List<String> STATUSES = Arrays.stream(TicketStatus.values()).map(TicketStatus::db).toList();
    static final List<String> PRIORITIES = Arrays.stream(Priority.values()).map(Priority::db).toList();
    static final List<String> SOURCES = Arrays.stream(Source.values()).map(Source::db).toList();
    static final Map<String, String> SORTS = Map.of(
            "created", "t.created_at",
            "updated", "t.updated_at",
            "id", "t.id",
            "title", "t.title",
            "status", "t.status",
            "priority", "CASE t.priority WHEN 'urgent' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END");

    static TicketFilter of(String status, String priority, String source, String requester, String responder,
                           String text, String sort, String dir, Integer page) {
        return new TicketFilter(oneOf(status, STATUSES), oneOf(priority, PRIORITIES), oneOf(source, SOURCES),
                trim(requester), trim(responder), trim(text), sort != null && SORTS.containsKey(sort) ? sort : "created",
                "asc".equals(dir) ? "asc" : "desc", page == null ? 1 : Math.max(1, Math.min(page, LAST_PAGE)));
    }

    String orderBy() {
        String direction = dir.equals("asc") ? " ASC" : " DESC";
        return SORTS.get(sort) + direction + ", t.id" + direction;
    }

    long offset() {
        return (page - 1L) * PAGE_SIZE;
    }

    private static String oneOf(String value, List<String> allowed) {
        if (value == null) {
            return "";
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return allowed.contains(v) ? v : "";
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
