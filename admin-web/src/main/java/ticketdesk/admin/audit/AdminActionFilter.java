package ticketdesk.admin.audit;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import ticketdesk.admin.web.BadQuery;
import ticketdesk.core.audit.UserEventType;

/**
 * The Admin actions tab's filters as typed: who acted, whom it was about (each an id, name, email, or "system"),
 * the kind of action, a date range (UTC). A value that names nothing known is a {@link BadQuery}.
 */
record AdminActionFilter(String actor, String user, String type, String from, String to) {

    static final List<String> TYPES = Arrays.stream(UserEventType.values()).map(UserEventType::db).toList();

    static AdminActionFilter of(String actor, String user, String type, String from, String to) {
        return new AdminActionFilter(AuditFilter.trim(actor), AuditFilter.trim(user),
                BadQuery.oneOf("action", type, TYPES), AuditFilter.date("from", from), AuditFilter.date("to", to));
    }

    LocalDateTime fromTime() {
        return from.isEmpty() ? null : LocalDate.parse(from).atStartOfDay();
    }

    /** Exclusive upper bound: the day after {@code to}; none after 9999-12-31, past what a DATETIME holds. */
    LocalDateTime untilTime() {
        LocalDate after = to.isEmpty() ? null : LocalDate.parse(to).plusDays(1);
        return after == null || after.getYear() > AuditFilter.LAST_YEAR ? null : after.atStartOfDay();
    }
}
